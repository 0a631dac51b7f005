"""Properties of the NAM family on generated drafts: no crash, spans inside the text, fixes that apply."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factlint.language.people import Lexicon, early_surnames, find_mentions, fold, name_variants, similarity, skeleton
from factlint.testing import lint

RULES = Path(__file__).resolve().parents[2] / "rules"
LEXICON = Lexicon.from_packs(*(yaml.safe_load((RULES / f"{n}.yaml").read_text(encoding="utf-8"))
                               for n in ("name-titles", "first-names", "name-context")))

PIECES = [
    "Zelensky", "Zelenskyy", "ZELENSKIY", "Volodymyr", "President", "aide", "Dr.", "Dr", "said", "told", "'s", "’s",
    "al-Assad", "Al-", "bin", "van der", "de", "O'Neill", "McDonald", "MacDonald", "Núñez", "Nunez", "Aydın", "Rose",
    "Brown", "Chen", "Laura", "Mark", "Jr.", "Зеленский", "محمد", "the", "and", ",", ".", ":", '"', "“", "”", "«",
    "»", "-", "—", "\n", "\n\n", "# ", "Photo:", "![x](y.jpg)", "`code`", "*", "  ", "W.", "Okafor", "Council",
    "member", "Adaeze", "who", "family", "I", "A", "é", "\u0301", "'", "’", "Monday", "Moscow",
]
drafts = st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join)
any_text = st.text(max_size=200)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(["headline", "subheading", "paragraph", "caption", "list-item"]),
                          st.one_of(drafts, any_text)), max_size=6))
def test_analysis_never_crashes_and_stays_inside_blocks(blocks: list[tuple[str, str]]) -> None:
    mentions = find_mentions(blocks, LEXICON)
    for m in mentions:
        text = blocks[m.block][1]
        assert 0 <= m.start <= m.core_start < m.core_end <= len(text)
        assert text[m.core_start:m.core_end] == m.core
    for v in name_variants(mentions, LEXICON):
        assert v.replacement and v.written != v.other
        assert 0 <= v.start < v.end <= len(blocks[v.mention.block][1])
    for e in early_surnames(mentions):
        assert (e.mention.order < e.full_name.order or e.never_in_body) and e.full_name.full and not e.mention.full


@settings(max_examples=200, deadline=None)
@given(any_text, any_text)
def test_similarity_is_symmetric_and_total(a: str, b: str) -> None:
    assert similarity(a, b) == similarity(b, a)
    assert isinstance(fold(a), str) and isinstance(skeleton(b), str)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts, st.sampled_from(["markdown", "text", "html"]))
def test_rules_report_spans_inside_the_source(text: str, fmt: str) -> None:
    house = {"names": {"Zelensky": ["Zelenskyy", "ZELENSKIY"]}}
    for r in lint(text, format=fmt, select=["NAM"], settings=house):
        assert 0 <= r.span.start <= r.span.end <= len(text)
        assert r.severity == "warning"
        if r.fix is not None:
            assert all(0 <= e.span.start <= e.span.end <= len(text) for e in r.fix.edits)


def test_a_long_list_of_names_stays_fast() -> None:
    import random
    import time

    rng = random.Random(7)
    letters = "aeioulnrstkmdhv"
    surnames = ["".join([rng.choice("BCDFGHKLMNPRSTVZ")] + [rng.choice(letters) for _ in range(rng.randint(4, 9))])
                for _ in range(800)]
    blocks = [("paragraph", f"Council member Anna {s} said the vote was close. {s} added nothing.") for s in surnames]
    started = time.perf_counter()
    mentions = find_mentions(blocks, LEXICON)
    name_variants(mentions, LEXICON)
    early_surnames(mentions)
    assert time.perf_counter() - started < 10
