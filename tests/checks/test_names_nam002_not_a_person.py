"""NAM002: a surname that names a firm, a book, a camp or a thing is no reference to the person."""

from __future__ import annotations

import pytest

from factlint.testing import Case, assert_rule

INTRO = "\n\nLater in the day, the founder, Maren Okafor, told staff the plan would hold.\n"


def msg(surname: str, full: str, line: int) -> str:
    return f'"{surname}" comes before the full name "{full}" (line {line}); give the full name at first reference'


NOT_A_PERSON = {
    # a firm written with an ampersand
    "an ampersand after the surname": "Shares in Okafor & Partners rose sharply in early trading.",
    "an ampersand and a longer firm name": "The survey by Okafor & Company Research was published on Monday.",
    # English sets no article before a person's surname
    "the article before a lone surname": "Readers of the Okafor will know the chapter by heart.",
    "an indefinite article": "Voters want to send an Okafor to the capital again.",
    # nouns a surname names a camp of, or a thing after
    "a supporter": "The paper profiled a young Okafor supporter from the valley.",
    "two campaigns": "Both the Hale and Okafor campaigns declined to comment.",
    "an operation": "The vast Okafor operation plans to spend heavily this year.",
    "a diploma": "Each winner received an Okafor diploma and a medal.",
}


@pytest.mark.parametrize("name", sorted(NOT_A_PERSON))
def test_a_surname_that_is_no_person_is_not_reported(name: str) -> None:
    assert_rule("NAM002", valid=[NOT_A_PERSON[name] + INTRO])


def test_the_person_still_counts() -> None:
    # the surname alone, as a person, before the full name: still reported
    text = "Okafor spent the morning with the Hale campaign and its donors." + INTRO
    assert_rule("NAM002", invalid=[Case(text, row=1, column=1, end_column=7, message=msg("Okafor", "Maren Okafor", 3))])


def test_a_surname_as_the_object_of_a_verb_is_a_person() -> None:
    text = "He met Okafor at the station before the vote." + INTRO
    assert_rule("NAM002", invalid=[Case(text, row=1, column=8, end_column=14, message=msg("Okafor", "Maren Okafor", 3))])


def test_a_country_of_two_words_is_no_surname_before_an_agency_named_after_it() -> None:
    # "New Zealand's", then "Statistics New Zealand said": a country and an agency, no person.
    text = "New Zealand's exports rose 10 percent in March, Statistics New Zealand said on Friday.\n"
    assert_rule("NAM002", valid=[text])
    assert_rule("NAM002", valid=[text.replace("New Zealand", "Sri Lanka")])
