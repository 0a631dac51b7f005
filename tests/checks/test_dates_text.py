"""factlint.language.dates: recognising and resolving dates over plain strings, and properties."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factlint.language import dates as dtx
from factlint.checks import dates
from factlint.packs import Packs, builtin_pack_files
from factlint.testing import lint


@functools.lru_cache(maxsize=1)
def vocab() -> dtx.Vocabulary:
    schemas = dates.factlint_pack_schemas()
    files = [p for p in builtin_pack_files() if p.stem in ("calendar", "relative-dates")]
    packs = Packs.load(files, schemas)
    return dtx.vocabulary(packs.get("calendar"), packs.get("relative-dates"))


def written(text: str) -> list[tuple[str, int | None, int | None, int | None]]:
    return [(text[d.date_start : d.end], d.year, d.month, d.day) for d in dtx.find_dates(text, vocab())]


def relative(text: str) -> list[str]:
    return [text[r.start : r.end] for r in dtx.find_relative(text, vocab())]


def test_news_style_dates() -> None:
    assert written("On March 7, 2026, and on 7 March and Mar. 7 and Sept. 3rd.") == [
        ("March 7, 2026", 2026, 3, 7),
        ("7 March", None, 3, 7),
        ("Mar. 7", None, 3, 7),
        ("Sept. 3rd", None, 9, 3),
    ]
    assert written("On 2026-03-07 and 07/03/2026.") == [("2026-03-07", 2026, 3, 7), ("07/03/2026", 2026, None, None)]
    assert written("Signed on the 4th of July 2025.") == [("4th of July 2025", 2025, 7, 4)]


def test_weekday_before_a_date() -> None:
    (date,) = dtx.find_dates("It opens Tuesday, March 10, 2026.", vocab())
    assert (date.weekday, date.start, date.weekday_end, date.date_start) == (2, 9, 16, 18)


def test_a_date_at_the_end_of_a_sentence_keeps_its_full_stop_out() -> None:
    text = "The hearing is on 7 Mar."
    (date,) = dtx.find_dates(text, vocab())
    assert text[date.date_start : date.end] == "7 Mar"


def test_what_is_not_a_date() -> None:
    for text in ("A march of 7 miles.", "Turnout in March 2026.", "It cost 3/4 of the budget.",
                 "The 24/7 service.", "Version 1.2.3 shipped.", "March 45 was a typo.", "In May 2,000 marched.",
                 "Sales rose 7.5 March to May.", "On March 1,000 people came."):
        assert written(text) == [], text
    assert written("At 10:30 March 3 the gates opened.") == [("March 3", None, 3, 3)]


def test_ranges_take_the_year_of_their_end() -> None:
    assert written("From July 30 to August 2, 2026.") == [("July 30", 2026, 7, 30), ("August 2, 2026", 2026, 8, 2)]
    assert written("On March 7-9, 2026.") == [("March 7-9, 2026", 2026, 3, 7)]


def test_relative_phrases() -> None:
    text = ("Yesterday the board met; last week it voted, earlier this month it paused, three weeks ago it "
            "began, and in two months it ends. It meets next Friday and met on Tuesday last week.")
    assert relative(text) == ["Yesterday", "last week", "earlier this month", "three weeks ago",
                              "in two months", "next Friday", "Tuesday last week"]


def test_relative_near_misses() -> None:
    for text in ("a week-long visit", "the Year of the Horse", "the Today programme said",
                 "the last week of March", "the highest level in three months", "in two days of talks",
                 "He starred in Last Night in Soho.", "every weekend", "weeks ago"):
        assert relative(text) == [], text


def test_capitalised_phrases_at_a_sentence_start_are_relative() -> None:
    assert relative("Today, the port reopened. “Tomorrow, we sail.”") == ["Today", "Tomorrow"]
    assert relative("She hosts Today on weekdays.") == []
    assert [text for text in ["Port Reopens Today"] if dtx.is_title_case(text)] == ["Port Reopens Today"]


def test_sentences_do_not_end_at_abbreviations() -> None:
    text = "Dr. Ruiz met Gov. Lee on Mar. 7. They spoke. U.S. officials agreed."
    bounds = dtx.sentences(text, vocab())
    assert [text[s:e].strip() for s, e in bounds] == [
        "Dr. Ruiz met Gov. Lee on Mar. 7.", "They spoke.", "U.S. officials agreed."]


def test_sentences_do_not_end_at_initials_written_together() -> None:
    text = "They met G.K. Mensah and J.R.R. Okoye on Friday. Both spoke."
    bounds = dtx.sentences(text, vocab())
    assert [text[s:e].strip() for s, e in bounds] == ["They met G.K. Mensah and J.R.R. Okoye on Friday.", "Both spoke."]


def test_resolution() -> None:
    ref = dt.date(2026, 3, 12)  # a Thursday
    (rel,) = dtx.find_relative("this week", vocab())
    assert dtx.resolve(rel, ref) == dtx.Resolved("week", dt.date(2026, 3, 9), dt.date(2026, 3, 15))
    (rel,) = dtx.find_relative("last Thursday", vocab())
    assert dtx.resolve(rel, ref).first == dt.date(2026, 3, 5)
    (rel,) = dtx.find_relative("this Thursday", vocab())
    assert dtx.resolve(rel, ref).first == ref
    (rel,) = dtx.find_relative("next month", vocab())
    assert dtx.resolve(rel, dt.date(2026, 12, 31)) == dtx.Resolved("month", dt.date(2027, 1, 1), dt.date(2027, 1, 31))
    (rel,) = dtx.find_relative("a year ago", vocab())
    assert dtx.resolve(rel, ref).first == dt.date(2025, 1, 1)


def test_likely_weekday() -> None:
    ref = dt.date(2026, 3, 12)  # a Thursday
    assert dtx.likely_weekday(1, ref, "past") == dt.date(2026, 3, 9)
    assert dtx.likely_weekday(1, ref, "future") == dt.date(2026, 3, 16)
    assert dtx.likely_weekday(1, ref, None) == dt.date(2026, 3, 9)
    assert dtx.likely_weekday(7, ref, None) == dt.date(2026, 3, 15)
    assert dtx.likely_weekday(4, ref, "past") == ref
    assert dtx.likely_weekday(4, ref, "future") == ref


def test_likely_weekday_reckons_a_reported_future_from_the_day_it_was_said() -> None:
    ref = dt.date(2026, 3, 12)  # a Thursday
    # said on Monday 9 March: Wednesday is the 11th, before the story; Monday a week on
    assert dtx.likely_weekday(3, ref, "future", said_on=1) == dt.date(2026, 3, 11)
    assert dtx.likely_weekday(1, ref, "future", said_on=1) == dt.date(2026, 3, 16)
    # said on Tuesday 10 March: Saturday is the 14th, after the story
    assert dtx.likely_weekday(6, ref, "future", said_on=2) == dt.date(2026, 3, 14)
    # the day of saying counts only for a future
    assert dtx.likely_weekday(3, ref, "past", said_on=1) == dt.date(2026, 3, 11)


def test_read_tense_says_why_it_guesses() -> None:
    def reading(text: str, word: str) -> dtx.TenseReading:
        return dtx.read_tense(text, (0, len(text)), text.index(word), vocab())

    assert reading("It opens on Friday.", "Friday") == dtx.TenseReading(None, dtx.NO_TENSE)
    assert reading("The vote was due on Friday.", "Friday") == dtx.TenseReading(None, dtx.PAST_PLAN)
    assert reading("A rally planned for Friday was cancelled.", "Friday") == dtx.TenseReading(None, dtx.PLAN_BESIDE_PAST)
    assert reading("It could fall on Friday.", "Friday") == dtx.TenseReading(None, '"could" may look back or ahead')
    assert reading("It said Monday it would vote Friday.", "Friday") == dtx.TenseReading("future", said_on=1)
    assert reading("It said Monday it would vote Friday.", "Monday") == dtx.TenseReading("past")


def test_tense_of_the_nearest_verb() -> None:
    text = "The firm said on Monday that it will close on Friday."
    sentence = (0, len(text))
    assert dtx.tense_near(text, sentence, text.index("Monday"), vocab()) == "past"
    assert dtx.tense_near(text, sentence, text.index("Friday"), vocab()) == "future"
    assert dtx.tense_near("It opens on Friday.", (0, 19), 12, vocab()) is None


def test_fit_matches_capitals_and_closes_the_date() -> None:
    assert dtx.fit("on March 11", "Yesterday", ", the port") == "On March 11"
    assert dtx.fit("Tuesday, March 10", "Tuesday", " that it would") == "Tuesday, March 10,"
    assert dtx.fit("Tuesday, March 10", "Tuesday", ".") == "Tuesday, March 10"


def test_names_the_draft_shows_to_hold_a_weekday() -> None:
    texts = ["Hartwell Wednesday's captain lifted the cup.", "Fans of Hartwell Wednesday sang."]
    assert dtx.weekday_names_in(texts, vocab()) == {"Hartwell Wednesday"}
    # Repeated, its first word never alone, no verb after it as a subject.
    assert dtx.weekday_names_in(["Fans of Oldport Friday sang.", "The Oldport Friday squad met."], vocab()) == {
        "Oldport Friday"}
    assert dtx.weekday_names_in(["Biden Tuesday signed it.", "Biden Tuesday also spoke."], vocab()) == set()
    assert dtx.weekday_names_in(["Fans of Oldport Friday sang.", "Oldport has a port."], vocab()) == set()
    assert dtx.weekday_names_in(["Following Tuesday's vote, it split.", "But Friday's game was off."], vocab()) == set()
    (day,) = dtx.find_weekdays("Oldport Friday won and Friday came.", vocab(), frozenset({"Oldport Friday"}))
    assert day.start == 23


# -- properties -------------------------------------------------------------------------

WORDS = ["March", "7", "Mar.", "Sept.", "2026", "Tuesday", "Tuesday's", "last", "next", "this", "week", "year's",
         "weekend", "month", "ago", "in", "three", "days", "yesterday", "Today", "tonight", "31", "February", "29",
         "2024-02-29", "13/13/2026", "03/07/26", ",", ".", "\n\n", '"', "“", "”", "'", "-", "–", "the", "of", "on",
         "said", "will", "Black", "Friday", "Hartwell", "Biden", "signed", "Wednesday's", "# ", "*", "`", "http://x.org/2026/03/07", "é", "\u00a0", "\r\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.booleans())
def test_analysis_spans_stay_inside_the_text(words: list[str], spaced: bool) -> None:
    text = (" " if spaced else "").join(words)
    for found in [*dtx.find_dates(text, vocab()), *dtx.find_relative(text, vocab()),
                  *dtx.find_weekdays(text, vocab())]:
        assert 0 <= found.start < found.end <= len(text)
    for start, end in dtx.sentences(text, vocab()):
        assert 0 <= start <= end <= len(text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=25),
    st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))),
    st.sampled_from(["markdown", "text"]),
)
def test_no_crash_and_no_finding_outside_the_text(words: list[str], ref: dt.date | None, fmt: str) -> None:
    text = " ".join(words)
    for result in lint(text, format=fmt, select=["DAT"], reference_date=ref):
        assert 0 <= result.span.start <= result.span.end <= len(text)
        assert result.span.end > result.span.start
        for edit in result.fix.edits if result.fix else ():
            assert 0 <= edit.span.start <= edit.span.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS + ["Ago", "FROM NOW", "ſ", "İ", "Weeks", "MONTHS", "Next"]), max_size=30))
def test_the_word_tests_before_the_patterns_drop_no_phrase(words: list[str]) -> None:
    text = " ".join(words)
    unfiltered = replace(vocab())
    unfiltered.__dict__["relative_words"] = {}  # every pattern is searched for, as without the word tests
    assert dtx.find_relative(text, vocab()) == dtx.find_relative(text, unfiltered)


def test_letters_a_case_blind_pattern_reads_as_ascii_do_not_break_the_rules() -> None:
    # The long s, the dotted capital I and the dotless i match "s" and "i" in the date patterns, but
    # str.lower() keeps them: looking the match up among the pack's words raised StopIteration.
    text = "---\ntitle: T\ndate: 2026-12-04\n---\n\nWe met laſt week, yeſterday and THİS WEEK; the vote was on Thurſday.\n"
    found = [(r.code, r.row, r.column) for r in lint(text, format="markdown", select=["DAT"])]
    assert ("DAT001", 6, 8) in found and ("DAT001", 6, 19) in found
