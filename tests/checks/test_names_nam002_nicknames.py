"""NAM002 and a nickname in quotation marks inside a full name: Margaret "Peggy" Lindqvist."""

from __future__ import annotations

from factlint.testing import Case, assert_rule

from name_messages import early

LATER = '\n\nLindqvist said the cookout was a tradition.\n\nNeighbour Peggy Lindqvist, 71, hosted it again.\n'


def test_a_nickname_inside_the_full_name_introduces_the_person() -> None:
    assert_rule("NAM002", valid=[
        'State Sen. Margaret "Peggy" Lindqvist opened her garden on Sunday.' + LATER,
        'State Sen. Margaret A. “Peggy” Lindqvist opened her garden on Sunday.' + LATER,
    ])


def test_a_quoted_word_that_is_no_nickname_leaves_the_surname_alone() -> None:
    assert_rule("NAM002", invalid=[
        Case('The crowd chanted "Peggy" as Lindqvist arrived on Sunday.' + LATER, row=1, column=30, end_column=39,
             message=early("Lindqvist", "Peggy Lindqvist", 5)),
    ])
