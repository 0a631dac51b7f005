"""NAM002 on two edges: a surname used as a modifier ("the Ferreira house") and a surname opening a sentence on a verb."""

from __future__ import annotations

from factlint.testing import Case, assert_rule, lint


def msg(surname: str, full: str, line: int) -> str:
    return f'"{surname}" comes before the full name "{full}" (line {line}); give the full name at first reference'


def later(first: str, full_sentence: str) -> str:
    return f"{first}\n\n{full_sentence}\n"


# -- a family name before a noun is a modifier, not a first reference


def test_the_surname_before_a_household_or_legal_noun_names_no_one() -> None:
    introduced = "Retired nurse Marta Quintero said the water rose within an hour."
    assert_rule(
        "NAM002",
        valid=[
            later("Silt still marks the walls of the Quintero house.", introduced),
            later("The Quintero farmhouse stood empty for a month.", introduced),
            later("Neighbours gathered at the Quintero home on Sunday night.", introduced),
            later("Volunteers emptied the Quintero bakery of ruined flour.", introduced),
            later("Lawyers followed the Quintero case closely.", introduced),
            later("The Quintero trial opens in June.", introduced),
            later("Relatives remember the Quintero children as shy.", introduced),
            later("The Quintero name is painted over the door.", introduced),
            # already exempt before: family, era, estate, household
            later("The Quintero household lost power.", introduced),
            later("Critics look back on the Quintero era with scorn.", introduced),
        ],
        invalid=[
            # no "the": a person sent home, not a house
            Case(later("The coach sent Quintero home after the match.", introduced),
                 row=1, column=16, end_column=24, message=msg("Quintero", "Marta Quintero", 3)),
            # the surname as the subject, a house noun further on
            Case(later("Ever since the flood, Quintero has lived in a rented house.", introduced),
                 row=1, column=23, message=msg("Quintero", "Marta Quintero", 3)),
            # a possessive is the person: "Quintero's house"
            Case(later("Silt still marks the walls of Quintero's house.", introduced),
                 row=1, column=31, message=msg("Quintero", "Marta Quintero", 3)),
        ],
    )


def test_a_modifier_use_does_not_hide_a_later_early_reference() -> None:
    text = (
        "Silt still marks the walls of the Quintero house. Quintero has not been back since.\n\n"
        "Retired nurse Marta Quintero said the water rose within an hour.\n"
    )
    found = lint(text, select=["NAM002"])
    assert [(r.row, r.column) for r in found] == [(1, 51)]


# -- a surname opening a sentence on a verb


def test_sport_verbs_after_a_sentence_opening_surname() -> None:
    full = "Quarterback Darnell Okonjo said the line held up."
    assert_rule(
        "NAM002",
        invalid=[
            Case(later("Okonjo threw for 287 yards and two touchdowns.", full), row=1, column=1, end_column=7,
                 message=msg("Okonjo", "Darnell Okonjo", 3)),
            Case(later("Okonjo netted twice before the break.", full), message=msg("Okonjo", "Darnell Okonjo", 3)),
            Case(later("Okonjo caught the ball at the line.", full), message=msg("Okonjo", "Darnell Okonjo", 3)),
            Case(later("Okonjo trailed by a stroke after nine holes.", full), message=msg("Okonjo", "Darnell Okonjo", 3)),
            Case(later("Okonjo pleaded not guilty on Tuesday.", full), message=msg("Okonjo", "Darnell Okonjo", 3)),
        ],
    )


def test_an_unlisted_past_tense_counts_for_a_named_person() -> None:
    # "scrambled" is on no list: the -ed form and the full name with a known first name decide.
    text = later("Okonjo scrambled for 40 yards on the final drive.", "Quarterback Darnell Okonjo said the line held up.")
    assert_rule("NAM002", invalid=[Case(text, row=1, column=1, end_column=7, message=msg("Okonjo", "Darnell Okonjo", 3))])


def test_sentence_openers_that_are_clubs_places_crops_or_no_verb() -> None:
    assert_rule(
        "NAM002",
        valid=[
            # a club at a sentence start: its "full name" is a club's, not a person's
            later("Dortmund scored twice before the break.", "Borussia Dortmund said the result was fair."),
            later("Dortmund dominated the second half.", "Borussia Dortmund said the result was fair."),
            # a place that is also a surname
            later("Washington imposed new sanctions on Friday.", "Actor Denzel Washington said he was proud."),
            # a crop the draft writes in lower case too
            later("Rice doubled in price, and rice farmers are wary.", "Ambassador Susan Rice said talks would go on."),
            # an -ed word that is no verb
            later("Hundred sacred sites were listed.", "Historian Amara Hundred said the list was overdue."),
            # no person's first name or title vouches for the full name: the -ed form alone is not enough
            later("Kelbrook dominated the second half.", "Sporting Kelbrook said the result was fair."),
            # after the full name, nothing to report
            later("Quarterback Darnell Okonjo said the line held up.", "Okonjo threw for 287 yards."),
            # a noun after the opener, not a verb
            later("Okonjo jerseys sold out in an hour.", "Quarterback Darnell Okonjo said the line held up."),
        ],
    )


def test_the_repro_shapes_end_to_end() -> None:
    text = (
        "Bengals edge Ravens in overtime thriller\n\n"
        "Okonjo threw for 287 yards and two touchdowns.\n\n"
        "Darnell Okonjo said the team never panicked.\n"
    )
    found = lint(text, format="text", select=["NAM002"])
    assert [(r.row, r.column, r.message) for r in found] == [(3, 1, msg("Okonjo", "Darnell Okonjo", 5))]


def test_a_firm_named_after_a_family_is_the_firm() -> None:
    chair = "Executive chair Bill Ford said the cuts were painful."
    assert_rule(
        "NAM002",
        valid=[
            later("Ford said it would cut 3,000 jobs in Europe.", chair),
            later("Shares in Ford fell 4% on the news.", chair),
            later("Ferrari finished first and second at Monza.", "Founder Enzo Ferrari never saw a win like it."),
        ],
        invalid=[
            # a title makes the person
            Case(later("Mr Ford said the company would cut 3,000 jobs.", chair), row=1, column=1, end_column=8,
                 message=msg("Mr Ford", "Bill Ford", 3)),
            # a surname on no brand list is still a person
            Case(later("Serrano said the company would cut 3,000 jobs.", "Executive chair Lucia Serrano said the cuts were painful."),
                 row=1, column=1, message=msg("Serrano", "Lucia Serrano", 3)),
        ],
    )
