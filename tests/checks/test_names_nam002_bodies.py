"""NAM002 and bodies named after a person: "Team Okafor", "the Coalition for Okafor" name no one."""

from __future__ import annotations

from factlint.testing import Case, assert_rule

from name_messages import early

BODY = "\n\nCouncil member Adaeze Okafor told reporters the deal held.\n"


def test_a_body_named_after_the_person_is_no_reference() -> None:
    assert_rule("NAM002", valid=[
        "Team Okafor sees the vote as a second chance." + BODY,
        "The Residents Coalition for Okafor is small but loud." + BODY,
    ])


def test_the_person_near_such_words_is_still_reported() -> None:
    assert_rule("NAM002", invalid=[
        # a lower-case noun before the surname is no body's name
        Case("The coalition backing Okafor is small but loud." + BODY, row=1, column=23, end_column=29,
             message=early("Okafor", "Adaeze Okafor", 3)),
        # "for" after a word that ends no body's name
        Case("The residents voted for Okafor in March." + BODY, row=1, column=25,
             message=early("Okafor", "Adaeze Okafor", 3)),
    ])


def test_a_firm_spelt_out_before_its_initials_is_no_reference() -> None:
    assert_rule("NAM002", valid=[
        "The port hired Okafor, Brennan and Lutz (OB&L) in 2019." + BODY,
        "The city paid Lutz, Okafor and Brennan (L.O.B.) for the work." + BODY,
    ])


def test_initials_that_spell_out_something_else_leave_the_surname_a_person() -> None:
    assert_rule("NAM002", invalid=[
        Case("The port hired Okafor and Lutz (BCC) in 2019." + BODY, row=1, column=16, end_column=22,
             message=early("Okafor", "Adaeze Okafor", 3)),
        Case("The port hired Okafor (OK) in 2019." + BODY, row=1, column=16,
             message=early("Okafor", "Adaeze Okafor", 3)),
    ])
