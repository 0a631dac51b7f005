"""NAM002 and shared surnames: a full name the text introduces as someone's relative is a second person."""

from __future__ import annotations

import pytest

from factlint.testing import Case, assert_rule
from name_messages import early as msg, variant


# The surname alone is the parent's (or the spouse's); the full name given later is the relative's.
RELATIVES = {
    "a son named with his full name": (
        "Okafor thanked the crowd at the harbour on Sunday.\n\n"
        "Her son, Tomas Okafor, carried the banner behind her.\n"),
    "a title between the kinship word and the name": (
        "Okafor thanked the crowd at the harbour on Sunday.\n\n"
        "Her son and campaign manager Tomas Okafor carried the banner.\n"),
    "a description between": (
        "Okafor was due to attend the match in Leeds.\n\n"
        "It pitted his daughter, unbeaten boxer Lena Okafor, against a Swedish champion.\n"),
    "the given name alone after the kinship word": (
        "Okafor and her husband, Tomas, were greeted at the door.\n\n"
        "Tomas Okafor said the visit had been planned for months.\n"),
}


@pytest.mark.parametrize("name", sorted(RELATIVES))
def test_a_relative_is_a_second_person_of_the_surname(name: str) -> None:
    assert_rule("NAM002", valid=[RELATIVES[name]])


def test_a_kinship_word_that_describes_the_person_still_fires() -> None:
    # "a mother of three" describes Ana Okafor herself: the earlier "Okafor" is hers, before her full name
    text = "Okafor opened the session.\n\nThe mother of three, Ana Okafor, chairs the finance committee.\n"
    assert_rule("NAM002", invalid=[Case(text, row=1, column=1, end_column=7, message=msg("Okafor", "Ana Okafor", 3))])


def test_a_kinship_word_in_another_sentence_still_fires() -> None:
    # "his son." ends a sentence: nothing ties Tomas Okafor to the kinship word
    text = "Okafor spoke first. Then came his son.\n\nTomas Okafor said the plan would hold.\n"
    assert_rule("NAM002", invalid=[Case(text, row=1, column=1, end_column=7, message=msg("Okafor", "Tomas Okafor", 3))])


def test_a_kinship_word_far_before_the_name_still_fires() -> None:
    # more than three words between: the kinship word is about someone else
    text = ("Okafor opened the session.\n\n"
            "Her son was away, and the chair of the committee, Tomas Okafor, spoke instead.\n")
    assert_rule("NAM002", invalid=[Case(text, row=1, column=1, end_column=7, message=msg("Okafor", "Tomas Okafor", 3))])


# The public-domain name tables as evidence: a "full name" that opens on no given name anyone carries,
# ending in a word that is nobody's surname, is an organisation's or a place's name, not a person's.
NOBODY = {
    "an organisation's last word": (
        "Priorities Harbour Action raised more than any rival this year.\n\n"
        "Club for Growth Action said it would spend the money on television.\n"),
    "a resort's name": (
        "He put money into the four-course Doral resort.\n\n"
        "Trump National Doral reopened in March.\n"),
}


@pytest.mark.parametrize("name", sorted(NOBODY))
def test_no_given_name_and_no_surname_is_nobody(name: str) -> None:
    assert_rule("NAM002", valid=[NOBODY[name]])


def test_an_unknown_given_name_with_a_title_is_still_a_person() -> None:
    # "Barack" and "Obama" are in neither US table, but the title says a person
    text = "Polls gave Romney a lead over Obama in 2012.\n\nThey viewed President Barack Obama favourably.\n"
    assert_rule("NAM002", invalid=[Case(text, row=1, column=31, end_column=36, message=msg("Obama", "Barack Obama", 3))])


def test_an_unknown_name_that_speaks_is_still_a_person() -> None:
    # "Kiyoshi" and "Miyazato" are in neither US table; the early use speaks ("Miyazato said")
    text = "Miyazato said the course played long.\n\nKiyoshi Miyazato said he would play again on Sunday.\n"
    assert_rule("NAM002", invalid=[Case(text, row=1, column=1, end_column=9,
                                         message=msg("Miyazato", "Kiyoshi Miyazato", 3))])


def test_a_full_name_in_the_plural_names_a_kind_of_person() -> None:
    # "the Barry Bennetts of the world": no second spelling of Barry Bennett's name
    text = ('Okafor criticised Barry Bennett on Monday.\n\n'
            '"It is the Barry Bennetts of the world who are the problem," Okafor said.\n\nBennett did not reply.\n')
    assert_rule("NAM001", valid=[text])


def test_a_full_name_with_a_plural_slip_still_fires() -> None:
    # no "of" after it: "the Barry Bennetts said" is one man, spelt with a stray s
    text = ("Barry Bennett opened the hearing.\n\nLater the Barry Bennetts campaign said it would appeal.\n\n"
            "Bennett spoke last.\n")
    assert_rule("NAM001", invalid=[Case(text, row=3, column=17, end_column=25,
                                         message=variant("Bennetts", "Bennett", 2))])


def test_a_familiar_form_in_a_quotation_is_what_the_speaker_calls_them() -> None:
    text = ('Tomas Berne took his 700th wicket on Tuesday.\n\n'
            '"I would have picked Berney to beat the record, and I did," Lund said.\n\nBerne thanked the crowd.\n')
    assert_rule("NAM001", valid=[text])


def test_a_familiar_form_in_narration_still_fires() -> None:
    text = "Tomas Berne took his 700th wicket on Tuesday.\n\nBerney thanked the crowd.\n\nBerne left.\n"
    assert_rule("NAM001", invalid=[Case(text, row=3, column=1, end_column=7,
                                         message=variant("Berney", "Berne", 2))])


# A courtesy title says a man or a woman; the given-name table says whose given name it nearly always is.
def test_a_courtesy_title_of_the_other_sex_is_another_person() -> None:
    texts = [
        "The claims that Mr. Okafor was a socialist were false.\n\nLater Michelle Okafor spoke at the convention.\n",
        "As Mrs. Okafor seeks the mayoralty, the charity has grown.\n\nIts founder, William Okafor, spoke first.\n",
    ]
    assert_rule("NAM002", valid=texts)


def test_a_courtesy_title_of_the_same_sex_still_fires() -> None:
    text = "The claims that Mr. Okafor was a socialist were false.\n\nLater Thomas Okafor spoke at the convention.\n"
    assert_rule("NAM002", invalid=[Case(text, row=1, column=17, end_column=27,
                                         message=msg("Mr. Okafor", "Thomas Okafor", 3))])


def test_a_given_name_both_sexes_carry_still_fires() -> None:
    # about a quarter of the people named Jordan are women: the title settles nothing
    text = "The claims that Mr. Okafor was a socialist were false.\n\nLater Jordan Okafor spoke at the convention.\n"
    assert_rule("NAM002", invalid=[Case(text, row=1, column=17, end_column=27,
                                         message=msg("Mr. Okafor", "Jordan Okafor", 3))])


def test_a_surname_inside_a_body_s_name_is_no_one() -> None:
    # "the Church of Okafor": a body's name, not the person named later
    text = "He spoke at the Church of Okafor on Sunday.\n\nLater Thomas Okafor preached.\n"
    assert_rule("NAM002", valid=[text])


def test_a_surname_after_of_and_a_common_word_still_fires() -> None:
    text = "He spoke of Okafor on Sunday.\n\nLater Thomas Okafor preached.\n"
    assert_rule("NAM002", invalid=[Case(text, row=1, column=13, end_column=19,
                                         message=msg("Okafor", "Thomas Okafor", 3))])
