"""Folding and comparing name spellings: accents, transliteration, and names that only look alike."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from factlint.language.people import fold, is_latin, similarity, skeleton, skeletons
from factlint.packs import BUILTIN_DIR


@pytest.mark.parametrize(
    ("written", "folded"),
    [("Núñez", "nunez"), ("Aydın", "aydin"), ("Raúl", "raul"), ("O'Neill", "oneill"), ("al-Assad", "alassad"),
     ("Зеленский", "zelenskii"), ("Erdoğan", "erdogan"), ("Wałęsa", "walesa")],
)
def test_fold_removes_accents_case_and_punctuation(written: str, folded: str) -> None:
    assert fold(written) == folded


@pytest.mark.parametrize(
    "spellings",
    [("Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskij", "Зеленский"), ("Pezeshkian", "Pezeshkiyan"),
     ("Zinchuk", "Zintchuk"), ("Yuri", "Yury", "Iuri"), ("Dmitri", "Dmitry"), ("Sergei", "Sergey", "Sergej"),
     ("Alexei", "Aleksei", "Alexey"), ("Gaddafi", "Qaddafi", "Kadhafi")],
)
def test_transliterations_share_a_skeleton(spellings: tuple[str, ...]) -> None:
    assert len({skeleton(s) for s in spellings}) == 1


@given(st.lists(st.text(max_size=12) | st.sampled_from(["Gaddafi", "Qaddafi", "Ijsbrand", "Bayo", "Tschudi", "Xu", ""])))
@example(["\u2028"])  # transliterated to a newline: it split the joined text in two
@example(["Ana\u2029Ruiz", "Bo"])
def test_skeletons_of_many_names_at_once_are_each_names_skeleton(texts: list[str]) -> None:
    assert skeletons(texts) == [skeleton(t) for t in texts]


def test_skeletons_of_the_shipped_first_names_table_are_each_names_skeleton() -> None:
    table = yaml.safe_load((BUILTIN_DIR / "first-names.yaml").read_text(encoding="utf-8"))["names"]
    names = [str(n) for group in table for n in (group if isinstance(group, list) else [group])]
    assert len(names) > 1000
    assert skeletons(names) == [skeleton(n) for n in names]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Núñez", "Nunez", "fold"),
        ("Aydın", "Aydin", "fold"),
        ("Zelensky", "Zelenskyy", "skeleton"),
        ("Pezeshkian", "Pezeshkiyan", "skeleton"),
        ("Hansen", "Hanson", "near"),
        ("Solberg", "Solburg", "near"),
        ("McDonald", "MacDonald", "near"),
        ("Castro", "Castor", "near"),  # a transposed pair of letters
        ("Castellano", "Castellanos", "near"),  # or a plural: context decides
        ("Brook", "Brooke", "near"),
    ],
)
def test_similar_spellings(a: str, b: str, expected: str) -> None:
    assert similarity(a, b) == expected
    assert similarity(b, a) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jackson", "Johnson"),  # look alike, are not variants
        ("Chen", "Chan"),  # too short to call one letter a misspelling
        ("Chen", "Chens"),
        ("Petrov", "Petrova"),  # the feminine form is its own name
        ("Kowalski", "Kowalska"),
        ("Zelensky", "Zelenskaya"),
        ("Brown", "Braun"),
        ("Stewart", "Stuart"),
        ("Brennan", "Brannigan"),
        ("Smith", "Jones"),
        ("Okafor", "Okoro"),
    ],
)
def test_names_that_are_not_variants(a: str, b: str) -> None:
    assert similarity(a, b) is None


def test_latin_script_includes_accented_letters_only() -> None:
    assert is_latin("Núñez") and is_latin("Aydın") and is_latin("O’Neill") and is_latin("Nguyễn")
    assert not is_latin("Зеленский") and not is_latin("محمد")
