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


FOUNDER = "\n\nIts founder, Thomas Quennell, said the list was fair.\n"


def test_a_surname_a_pronoun_takes_back_as_a_thing_is_a_firm() -> None:
    assert_rule("NAM002", valid=[
        # "its" takes Quennell back: the firm, here and wherever it stands without a title before the founder
        "In 2019, Quennell started publishing its rich list.\n\nLast year Quennell ranked Mr. Ostrova second." + FOUNDER,
    ])


def test_the_person_is_still_reported_when_its_belongs_to_something_else() -> None:
    assert_rule("NAM002", invalid=[
        # another name stands between: "its" is Ostrova's
        Case("In 2019, Quennell praised Ostrova for its rich list." + FOUNDER, row=1, column=10, end_column=18,
             message=early("Quennell", "Thomas Quennell", 3)),
        # after a speech verb the pronoun is the story's, not the speaker's
        Case("In 2019, Quennell said its rich list was fair." + FOUNDER, row=1, column=10,
             message=early("Quennell", "Thomas Quennell", 3)),
        # a person's pronoun comes first
        Case("In 2019, Quennell gave his rich list to its readers." + FOUNDER, row=1, column=10,
             message=early("Quennell", "Thomas Quennell", 3)),
        # a title makes the man of the surname, whatever the firm does
        Case("In 2019, Quennell started publishing its rich list.\n\nMr. Quennell ranked second on it." + FOUNDER,
             row=3, column=1, end_column=13, message=early("Mr. Quennell", "Thomas Quennell", 5)),
    ])


def test_after_the_full_name_its_is_someone_else_s() -> None:
    # "Quennell has expanded its portfolio" after the man is introduced: "its" is the bank's, and the man is
    # no firm, so his surname before the full name is still reported.
    assert_rule("NAM002", invalid=[
        Case("Quennell spoke first.\n\nBanker Thomas Quennell joined the bank in 2019."
             " Since then Quennell has expanded its portfolio.\n", row=1, column=1, end_column=9,
             message=early("Quennell", "Thomas Quennell", 3)),
    ])


TOWN = "Volunteers handed out leaflets in the town of Brandt on Sunday.\n\n"


def test_a_full_name_after_an_article_is_no_person_s() -> None:
    # English sets no article before a person's full name: "the Nordlicht-Kreis Brandt" is a group.
    assert_rule("NAM002", valid=[TOWN + "A spokesperson for the Nordlicht-Kreis Brandt said it had 40 members.\n"])


def test_the_same_words_without_the_article_or_with_a_given_name_still_count() -> None:
    assert_rule("NAM002", invalid=[
        Case(TOWN + "A spokesperson for Nordlicht-Kreis Brandt said it had 40 members.\n", row=1, column=47,
             end_column=53, message=early("Brandt", "Nordlicht-Kreis Brandt", 3)),
        Case(TOWN + "A spokesperson, Helga Brandt, said it had 40 members.\n", row=1, column=47,
             message=early("Brandt", "Helga Brandt", 3)),
    ])


HOST = "\n\nQuist told host Adaeze Okafor the vote would be close.\n"


def test_a_single_word_after_a_body_s_possessive_is_its_programme() -> None:
    assert_rule("NAM002", valid=["Analyst Mara Quist was a guest on Harbour Radio's Okafor on Monday." + HOST,
                                 "Analyst Mara Quist was a guest on Harbour Network’s Okafor." + HOST])


def test_a_person_after_a_body_s_possessive_is_still_reported() -> None:
    assert_rule("NAM002", invalid=[
        # one that speaks is the person
        Case("Harbour Radio's Okafor said the vote would be close." + HOST, row=1, column=17, end_column=23,
             message=early("Okafor", "Adaeze Okafor", 3)),
        # a possessive that is no body's
        Case("Analyst Mara Quist was a guest on Lindgren's Okafor on Monday." + HOST, row=1, column=46,
             message=early("Okafor", "Adaeze Okafor", 3)),
    ])


def test_two_people_s_surnames_are_a_partnership_not_a_full_name() -> None:
    # "Brandt Okafor" is the firm of Okafor and Lena Brandt: the first full name of Okafor is Adaeze Okafor's.
    firm = "Okafor advised two presidents.\n\nIn 1995 Okafor formed Brandt Okafor with adviser Lena Brandt.\n\n"
    assert_rule("NAM002", invalid=[
        Case(firm + "Later, lobbyist Adaeze Okafor said the firm had closed.\n", row=1, column=1, end_column=7,
             message=early("Okafor", "Adaeze Okafor", 5)),
        # a given name of the pack is a given name, whoever else in the text has it as a surname
        Case("Okafor advised two presidents.\n\nIn 1995 Okafor formed a firm with adviser Michael Jordan.\n\n"
             "Later, lobbyist Jordan Okafor said the firm had closed.\n", row=1, column=1,
             message=early("Okafor", "Jordan Okafor", 5)),
    ])

