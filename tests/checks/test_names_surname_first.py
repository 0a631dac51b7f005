"""NAM002 reads Chinese and Korean names surname first, and Western and Vietnamese names surname last."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.language import people as pn
from factlint.testing import Case, assert_rule, lint

#: These cases put titles of office before full names: report them, as a house style may.
TITLES = {"names": {"report-titles": True}}


from name_messages import variant, early, LEX, words as _words


# ---------------------------------------------------------------- NAM002: surname first


@pytest.mark.parametrize("name", ["Li Qiang", "Xi Jinping", "Wang Yi", "Zhao Lifeng", "Jeong Eun-kyeong",
                                  "Kim Jong Un", "Park Ji-won", "Han Duck-soo", "Lee Jae-myung", "Kim Sung-keun"])
def test_chinese_and_korean_names_are_read_surname_first(name: str) -> None:
    assert pn.surname_first(_words(name), LEX)


@pytest.mark.parametrize("name", ["Kim Jones", "Lee Anderson", "Lee Megan", "Kim Wilde", "Li Park Avenue",
                                  "Lee Kuan Yew", "Chen Laura", "Wang Hunter", "Kim Kardashian-West",
                                  "Nguyen Xuan Phuc", "Laura Chen", "Lin Wood", "Han Solo", "Jean-Pierre Li"])
def test_western_order_and_other_names_are_not(name: str) -> None:
    assert not pn.surname_first(_words(name), LEX)


def test_title_and_chinese_surname_before_the_full_name() -> None:
    text = (
        "Premier Zhao told the forum that exports would keep growing.\n\n"
        "Visiting Premier Zhao Lifeng later met farmers in the valley.\n"
    )
    assert_rule("NAM002", invalid=[Case(text, row=1, column=1, end_column=13,
                                        message=early("Premier Zhao", "Zhao Lifeng", 3))], settings=TITLES)


def test_title_and_korean_surname_before_a_hyphenated_given_name() -> None:
    text = (
        "Minister Seo said the clinics would open longer hours.\n\n"
        "Employment Minister Seo Min-jung told a briefing that nurses would be hired.\n"
    )
    assert_rule("NAM002", invalid=[Case(text, row=1, column=1, end_column=13,
                                        message=early("Minister Seo", "Seo Min-jung", 3))], settings=TITLES)


def test_korean_given_name_in_two_words() -> None:
    text = (
        "Leader Kim watched the launch from a hillside.\n\n"
        "North Korean leader Kim Jong Un later praised the engineers.\n"
    )
    assert_rule("NAM002", invalid=[Case(text, row=1, column=1, end_column=11,
                                        message=early("Leader Kim", "Kim Jong Un", 3))], settings=TITLES)


def test_surname_first_names_introduced_first_are_not_reported() -> None:
    assert_rule("NAM002", valid=[
        "Visiting Premier Zhao Lifeng met farmers.\n\nPremier Zhao said exports would grow. Zhao left on Tuesday.\n",
        "Employment Minister Seo Min-jung spoke.\n\n\"We will hire nurses,\" Seo said.\n",
        # Two people who share a surname, both introduced before either is named alone.
        "Foreign Minister Wang Yi met Commerce Minister Wang Wentao on Monday.\n\nWang Yi said talks went well.\n",
    ])


def test_western_names_that_start_like_korean_ones_keep_their_surname_last() -> None:
    # "Kim Jones" is Ms Jones: "Coach Jones" before her full name is reported, "Coach Kim" is not.
    text = (
        "Coach Jones said the team was ready.\n\n"
        "Head coach Kim Jones said two players were injured.\n"
    )
    assert_rule("NAM002", invalid=[Case(text, row=1, column=1, end_column=12,
                                        message=early("Coach Jones", "Kim Jones", 3))], settings=TITLES)
    assert_rule("NAM002", valid=[
        "Coach Lee said the team was ready.\n\nHead coach Lee Anderson said two players were injured.\n",
        "Coach Kim said the team was ready.\n\nHead coach Kim Jones said two players were injured.\n",
    ], settings=TITLES)


def test_vietnamese_names_keep_the_last_word_as_their_short_form() -> None:
    # House styles shorten Nguyen Xuan Phuc to Phuc: the surname-first reading is Chinese and Korean only.
    text = "Prime Minister Phuc said the economy grew.\n\nPrime Minister Nguyen Xuan Phuc spoke in Hanoi.\n"
    assert [(r.code, r.row) for r in lint(text, select=["NAM002"], settings=TITLES)] == [("NAM002", 1)]


def test_given_name_variant_of_a_surname_first_name_is_written_in_its_order() -> None:
    text = "President Xi Jinping arrived. Xi Jinping said ties were strong. Xi Jin-ping later left.\n"
    assert_rule("NAM001", invalid=[Case(text, row=1, column=68, end_column=76,
                                        message=variant("Xi Jin-ping", "Xi Jinping", 2))])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyzQXZKLJ-", min_size=1, max_size=9), min_size=1, max_size=3))
def test_surname_first_never_crashes(parts: list[str]) -> None:
    text = " ".join(["Li"] + [p[:1].upper() + p[1:] for p in parts])
    pn.surname_first(_words(text), LEX)
