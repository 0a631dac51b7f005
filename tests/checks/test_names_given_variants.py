"""NAM001 on given names spelt two ways beside one surname (Rajiv / Rajeev), and the pairs that are two people."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.language.people import given_skeleton
from factlint.testing import Case, assert_rule, lint


def msg(here: str, other: str, uses: int) -> str:
    return f'name spelt two ways: "{here}" here, "{other}" elsewhere ({uses} use{"s" if uses != 1 else ""})'


@pytest.mark.parametrize("a, b", [
    ("Sanjiv", "Sanjeev"), ("Dorothea", "Dorotea"), ("Carl", "Karl"), ("Marc", "Mark"), ("Phillip", "Philip"),
    ("Matthew", "Mathew"), ("Christina", "Kristina"), ("Erik", "Eric"), ("Nicolas", "Nikolas"),
    ("Stephan", "Stefan"), ("Katharina", "Katarina"), ("Emmanuel", "Emanuel"),
])
def test_spellings_of_one_given_name_fold_together(a: str, b: str) -> None:
    assert given_skeleton(a) == given_skeleton(b)


@pytest.mark.parametrize("a, b", [
    ("Ana", "Anna"), ("Laura", "Lara"), ("Daniel", "Danielle"), ("Paul", "Paula"), ("Jean", "Jeanne"),
    ("Louis", "Louise"), ("Lee", "Li"), ("Francis", "Frances"), ("Maria", "Mario"), ("Jan", "Jana"),
    ("Eric", "Erica"), ("Antonio", "Antonia"), ("Carl", "Carla"), ("Jon", "John"), ("Gabriel", "Gabrielle"),
    ("Lucia", "Lukia"), ("Celine", "Keline"), ("Hanna", "Hana"), ("Allan", "Alan"), ("Sara", "Sarah"),
])
def test_different_given_names_stay_apart(a: str, b: str) -> None:
    assert given_skeleton(a) != given_skeleton(b)


def test_a_given_name_spelt_two_ways_is_reported_at_the_minority_spelling() -> None:
    text = (
        "Chief executive Sanjiv Kulkarni told analysts the order book was full.\n\n"
        "Sanjiv Kulkarni said prices would rise. Sanjeev Kulkarni joined the firm in 2019.\n"
    )
    fixed = text.replace("Sanjeev", "Sanjiv")
    assert_rule("NAM001", invalid=[Case(text, row=3, column=41, end_row=3, end_column=48,
                                        message=msg("Sanjeev Kulkarni", "Sanjiv Kulkarni", 2), fixed=fixed)])


def test_th_and_t_and_c_and_k() -> None:
    text = (
        "Composer Dorothea Lindqvist died on Sunday. Lindqvist wrote nine operas.\n\n"
        "Dorotea Lindqvist was born in Uppsala. Her brother Carl Lindqvist said she worked every day; "
        "Karl Lindqvist, a cellist, played at her premieres, Carl Lindqvist added.\n"
    )
    found = [(r.row, r.column, r.message) for r in lint(text, select=["NAM001"])]
    assert found == [
        (3, 1, msg("Dorotea Lindqvist", "Dorothea Lindqvist", 1)),
        (3, 94, msg("Karl Lindqvist", "Carl Lindqvist", 2)),
    ]


def test_family_members_and_different_names_are_not_reported() -> None:
    assert_rule("NAM001", valid=[
        "Daniel Okonkwo and his sister Danielle Okonkwo run the bakery. Daniel Okonkwo said sales were up.\n",
        "Paul Brandt said the farm was sold. His daughter Paula Brandt said she would stay.\n",
        "Laura Vennet said the shop would close. Lara Vennet, her cousin, said it would not.\n",
        "Anna Kowal said the case was closed. Ana Kowal, her niece, said it was not.\n",
        "Louis Marchetti said the vineyard would expand. Louise Marchetti said it would not.\n",
        "Jean Dufresne said the mill would reopen. Jeanne Dufresne, his wife, agreed.\n",
        "Lee Harwood said the team was ready. Li Harwood, his sister, said it was not.\n",
        # the same given spellings with different surnames are different people
        "Sanjiv Kulkarni said prices would rise. Sanjeev Deshmukh said they would fall.\n",
    ])


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=20))
def test_the_given_skeleton_is_lower_case_ascii_and_stable(word: str) -> None:
    key = given_skeleton(word)
    assert re.fullmatch(r"[a-z]*", key)
    if word.isascii():
        assert given_skeleton(word.upper()) == key
