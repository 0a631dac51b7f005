"""NAM rules and surname particles: "de Gaulle" and "al-Assad" join a name, the English words "as" and "at" do not."""

from __future__ import annotations

from factlint.testing import Case, assert_rule
from name_messages import early as msg, variant

INTRO = "\n\nLater in the day, the founder, Maren Okafor, told staff the plan would hold.\n"


def test_as_before_a_surname_is_the_english_word_not_part_of_the_name() -> None:
    # Still reported (the surname comes first), but the finding is the surname, not "as Okafor".
    text = "The convoy waited at the border, as Okafor's guards would not open the gate." + INTRO
    assert_rule("NAM002", invalid=[Case(text, row=1, column=37, end_column=43,
                                         message=msg("Okafor", "Maren Okafor", 3))])


def test_at_before_a_surname_is_the_english_word() -> None:
    text = "The talks were held at Okafor's farm outside the city." + INTRO
    assert_rule("NAM002", invalid=[Case(text, row=1, column=24, end_column=30,
                                         message=msg("Okafor", "Maren Okafor", 3))])


def test_a_particle_that_stands_alone_still_joins_the_surname() -> None:
    text = "The talks were held at de Okafor's farm outside the city." + INTRO.replace("Maren Okafor", "Maren de Okafor")
    assert_rule("NAM002", invalid=[Case(text, row=1, column=24, end_column=33,
                                         message=msg("de Okafor", "Maren de Okafor", 3))])


def test_a_hyphenated_assimilated_article_is_still_a_particle() -> None:
    # "as-Sisi" later and "Sisi" are one surname: the particle is folded away, so no second spelling.
    text = ("President Abdel Fattah as-Sisi opened the canal on Thursday.\n\n"
            "Sisi told the crowd the work had taken a year.\n")
    assert_rule("NAM001", valid=[text])
    assert_rule("NAM002", valid=[text])


def test_a_prefix_joined_to_a_given_name_is_no_part_of_the_full_name() -> None:
    # "anti-Maren Okafor" holds the full name: it is her first reference, not a bare "Okafor" before it.
    text = "Voters in the valley received an anti-Maren Okafor leaflet on Monday." + INTRO
    assert_rule("NAM002", valid=[text])


def test_a_prefixed_surname_alone_is_still_no_reference() -> None:
    # "anti-Okafor" is an adjective: neither a mention before the full name nor split from its prefix.
    text = "The anti-Okafor campaign spent heavily." + INTRO
    assert_rule("NAM002", valid=[text])


def test_a_bare_surname_before_the_full_name_is_still_reported() -> None:
    text = "Okafor, not the ex-mayor, spoke first." + INTRO
    assert_rule("NAM002", invalid=[Case(text, row=1, column=1, end_column=7, message=msg("Okafor", "Maren Okafor", 3))])


PLURAL = ("Like Presidents Hale and Okafor before her, she kept the cabinet small.\n\n"
          "Later in the day, the founder, Maren Okafor, told staff the plan would hold.\n")


def test_a_plural_title_is_the_title_of_every_name_it_heads() -> None:
    # "Presidents Hale and Okafor": both are named by office, a first reference of their own.
    assert_rule("NAM002", valid=[PLURAL])


def test_a_bare_surname_after_a_plural_noun_is_still_reported() -> None:
    text = PLURAL.replace("Presidents Hale and Okafor", "voters and Okafor")
    assert_rule("NAM002", invalid=[Case(text, row=1, column=17, end_column=23,
                                         message=msg("Okafor", "Maren Okafor", 3))])


def test_a_weak_title_in_the_plural_heads_no_surnames() -> None:
    # Royal titles precede given names: "Princes Tomas and Anders" names no surname to compare with "Tomass".
    text = ("The Princes Tomas and Anders opened the new bridge.\n\n"
            "Tomas said the day would be a joyful one.\n\n"
            "The singer Ilse Tomass will also appear at the opening.\n")
    assert_rule("NAM001", valid=[text])


ROYAL = ("Her Majesty's grandson Prince Tomas opened the new bridge on Monday.\n\n"
         "Tomas said the day would be a joyful one.\n\n"
         "The singer Ilse Tomass will also appear at the opening.\n")


def test_a_given_name_styled_with_a_title_is_no_slip_for_a_close_surname() -> None:
    assert_rule("NAM001", valid=[ROYAL])


def test_a_given_name_that_speaks_close_to_a_surname_is_still_a_slip() -> None:
    text = ROYAL.replace("Her Majesty's grandson Prince Tomas opened", "Crowds opened")
    assert_rule("NAM001", invalid=[Case(text, row=5, column=17, end_column=23,
                                         message=variant("Tomass", "Tomas", 1))])


def test_a_bantu_particle_joins_the_surname() -> None:
    assert_rule("NAM002", valid=[
        "Chief Justice Ruvimbo wa Kachere signed the order on Monday.\n\n"
        "Critics said Kachere had acted alone.\n\nJustice Wa Kachere declined to comment.\n",
    ], invalid=[
        Case("Critics said Kachere had acted alone.\n\nChief Justice Ruvimbo wa Kachere signed the order.\n",
             row=1, column=14, end_column=21, message=msg("Kachere", "Ruvimbo wa Kachere", 3)),
    ])
