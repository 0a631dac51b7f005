"""DAT002 leaves weekdays that name a kind of day ("Friday prayers", "Saturday flights"), not their possessive."""

from __future__ import annotations

from factlint.testing import Case, assert_rule, lint

STORY = "2026-06-10"  # a Wednesday


def test_weekdays_that_name_a_kind_of_day_are_not_one_day() -> None:
    assert_rule(
        "DAT002",
        valid=[
            "The ferry runs daily, with extra Saturday sailings in August.",
            "Worshippers crowded the square for Friday prayers during the holy month.",
            "The carrier added Sunday flights to the island route.",
            "The paper's Saturday edition carries the puzzles.",
            "The parish moved Sunday mass to the school hall.",
            "Commuters complained about the new Monday timetable.",
        ],
        reference_date=STORY,
    )


def test_events_of_one_weekday_still_fire() -> None:
    assert_rule(
        "DAT002",
        invalid=[
            Case("Tuesday's vote was close.", column=1, end_column=10),
            Case("The Tuesday meeting ran late.", column=5, end_column=12),
            Case("Friday's match was postponed.", column=1, end_column=9),
        ],
        reference_date=STORY,
    )


def test_a_possessive_weekday_before_a_kind_noun_is_one_day() -> None:
    found = lint("Friday's prayers drew a record crowd.", select=["DAT002"], reference_date=STORY)
    assert [(r.column, r.end_column) for r in found] == [(1, 9)]
    assert found[0].message == '"Friday\'s" has no date; in a story dated 2026-06-10 it most likely means Friday, 5 June 2026'


def test_a_weekday_of_each_month_recurs() -> None:
    from factlint.testing import assert_rule

    assert_rule("DAT002", valid=["The museum will open late on the first Friday of each month.",
                                 "Meetings fall on the last Tuesday of the month."],
                reference_date="2026-06-02")
