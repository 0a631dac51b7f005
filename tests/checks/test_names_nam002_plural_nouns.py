"""NAM002 and plural nouns that end organisations and events: "the last two Tests" is no surname."""

from __future__ import annotations

from factlint.testing import Case, assert_rule

from name_messages import early


def test_the_plural_of_an_event_noun_is_no_surname() -> None:
    assert_rule("NAM002", valid=[
        "India must win both remaining Tests to draw the series.\n\n"
        "Captain Rohan Desai said the Kingston and Sydney Tests would decide it.\n",
    ])


def test_a_plural_that_is_an_established_surname_is_still_reported() -> None:
    assert_rule("NAM002", invalid=[
        Case("Rivers said the loan was safe.\n\nTreasurer Elena Rivers told the council the rate was fixed.\n",
             row=1, column=1, end_column=7, message=early("Rivers", "Elena Rivers", 3)),
    ])
