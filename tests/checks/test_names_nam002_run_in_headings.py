"""NAM002 and subheadings set as paragraphs: a dek, a subheading or a timeline entry in sentence case."""

from __future__ import annotations

from factlint.testing import Case, assert_rule

from name_messages import early

BODY = "Council member Adaeze Okafor said the library would stay open on Sundays and in the summer.\n"


def test_a_short_line_in_headlinese_is_not_checked() -> None:
    assert_rule("NAM002", valid=[
        "Okafor wins a reprieve.\n\n" + BODY,  # a subheading
        "Okafor, Brennan gain; vote unlikely to end row.\n\n" + BODY,  # a dek with two clauses
        "March 3, 2025 Okafor joins the council.\n\n" + BODY,  # a timeline entry
        "Okafor's long road to the library vote.\n\n" + BODY,  # no verb at all
        "on Okafor budget\n\n" + BODY,  # the broken end of a headline
    ])


def test_short_running_text_is_still_checked() -> None:
    assert_rule("NAM002", invalid=[
        # a past tense reports what happened
        Case("Okafor declined to comment.\n\n" + BODY, row=1, column=1, end_column=7,
             message=early("Okafor", "Adaeze Okafor", 3)),
        # a speech verb
        Case("Okafor says no.\n\n" + BODY, row=1, column=1, message=early("Okafor", "Adaeze Okafor", 3)),
        # the writer speaks to someone
        Case("Ms. Okafor, we have a deal for you.\n\n" + BODY, row=1, column=1, end_column=11,
             message=early("Ms. Okafor", "Adaeze Okafor", 3)),
        # two sentences
        Case("Okafor wins. Brennan loses.\n\n" + BODY, row=1, column=1, message=early("Okafor", "Adaeze Okafor", 3)),
        # longer than a subheading
        Case("Okafor wins a reprieve for the branch libraries of the east side.\n\n" + BODY, row=1, column=1,
             message=early("Okafor", "Adaeze Okafor", 3)),
        # a question
        Case("Okafor wins a reprieve?\n\n" + BODY, row=1, column=1, message=early("Okafor", "Adaeze Okafor", 3)),
    ])
