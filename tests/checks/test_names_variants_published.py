"""NAM001 on published copy: plurals, abbreviations and dropped letters."""

from __future__ import annotations

from factlint.testing import assert_rule, lint


def test_a_family_or_countries_in_the_plural_is_no_variant() -> None:
    assert_rule("NAM001", valid=[
        "Hillary Clinton spoke in Miami. Clinton said Florida mattered.\n\n"
        "The state will be inundated with Clintons later this week, Clinton aides said.\n",
        "President Kim Young-Sam met Bill Clinton. Kim said the two Koreas would talk, and Kim said Korea was ready.\n",
    ])


def test_a_state_abbreviation_is_no_spelling_of_a_short_surname() -> None:
    assert_rule("NAM001", valid=[
        "Senator Mitch McConnell (Ky.) spoke, as did Aung San Suu Kyi. Kyi said she was glad.\n",
    ])


def test_a_dropped_plural_s_is_still_a_slip() -> None:
    text = ("Senator Jeff Sessions endorsed Trump. Sessions said the party must unite. Sessions spoke for an hour.\n\n"
            "Session's endorsement is not good news for Ted Cruz.\n")
    found = lint(text, select=["NAM001"])
    assert [(r.row, r.column, r.message) for r in found] == [
        (3, 1, 'name spelt two ways: "Session" here, "Sessions" elsewhere (3 uses)')]


def test_one_letter_dropped_and_transposed_still_fire() -> None:
    dropped = ("Tennis player Novak Djokovic won in Melbourne. Djokovic said the crowd helped.\n\n"
               "Djokvic will play again on Monday.\n")
    transposed = ("Singer Anthony Kiedis spoke. Kiedis said the album was done. Kiedis laughed.\n\n"
                  "\"We wrote the songs,\" Keidis continued.\n")
    assert [(r.row, r.column) for r in lint(dropped, select=["NAM001"])] == [(3, 1)]
    assert [(r.row, r.column) for r in lint(transposed, select=["NAM001"])] == [(3, 23)]


def test_two_established_surnames_with_the_same_first_name_still_fire() -> None:
    text = "Chancellor Gordon Brown spoke first. Brown said the budget was fair.\n\nLater, Gordon Browne said he would resign.\n"
    assert [(r.row, r.column) for r in lint(text, select=["NAM001"])] == [(3, 15)]
