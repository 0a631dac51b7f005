"""The Dates family (DAT001–DAT006): dates that mislead a reader who meets the story later."""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Sequence

from factlint import lazy
from factlint.checks.common import abbreviations, irregular_verbs
from factlint.document import HEADLINE, SUBHEADING, Block, Document
from factlint.plugins import hookimpl
from factlint.rules import SAFE, UNSAFE, Context, Finding, Fix, rule

if TYPE_CHECKING:
    from factlint.language import dates as dtx
else:  # imported when a check first reads it: a run the result cache answers never does
    dtx = lazy.module("factlint.language.dates", __name__, "dtx")

SOURCE = "AP Stylebook, \"dates\" and \"days of the week\"; Reuters Handbook of Journalism, \"dates\""
NO_REFERENCE = "the draft has no reference date (front matter `date` or --reference-date)"


def _no_reference(document: Document) -> str:
    """Why a DAT message cannot say which date is meant: no date at all, or one that is not a date."""
    if document.reference_date_problem:
        return f"the draft has no reference date ({document.reference_date_problem}; write YYYY-MM-DD or pass --reference-date)"
    return NO_REFERENCE


def _vocab(context: Context) -> dtx.Vocabulary:
    return context.packs.derived("dates", lambda packs: dtx.vocabulary(
        packs.get("calendar"), packs.get("relative-dates"), abbreviations(context), irregular_verbs(context)))


def _title_case(block: Block) -> bool:
    """Headings in title case capitalise every word, so a capital there marks no title."""
    return block.kind in (HEADLINE, SUBHEADING) and dtx.is_title_case(block.prose)


def _dated(ref: dt.date) -> str:
    return f"in a story dated {ref.isoformat()}"


# -- direct quotations: the speaker's words are not the story's dates ---------------


def _quoted(block: Block, context: Context) -> list[tuple[int, int]]:
    """Text ranges of the block's direct quotations, as the QUO rules read them."""
    from factlint.language.quotations import quoted_ranges

    return quoted_ranges(block.text, int(context.setting("quotes", "min-words", 6)))


def _inside(start: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= start < e for s, e in ranges)


# -- DAT001 ---------------------------------------------------------------------------


@rule(
    code="DAT001",
    name="relative-date",
    severity="warning",
    fix=UNSAFE,
    summary="A date relative to the day of writing (\"yesterday\", \"this week\", \"three days ago\").",
    explanation=(
        "A story is read long after the day it was written: on a website, in an archive, in a "
        "syndicated copy. \"Yesterday\", \"this week\" or \"next Friday\" then point at the wrong day. "
        "factlint reports today, tonight, yesterday, tomorrow, last night, this morning/afternoon/evening, "
        "this/last/next week, weekend, month or year, earlier/later this week, month or year, "
        "N days/weeks/months/years ago, in N days/weeks/months (N in digits or words), "
        "last/next/this plus a weekday or a month (\"next Friday\", \"last March\"), and \"Tuesday "
        "last week\". "
        "With a reference date (front matter `date` or --reference-date) the message gives the date "
        "meant and an unsafe fix writes it; weeks start on Monday, \"last Tuesday\" is the most recent "
        "Tuesday before the story's date and \"next Tuesday\" is the Tuesday of the following week. "
        "Words inside a direct quotation are the speaker's and are left alone, as are titles such as "
        "the \"Today\" programme (capitalised mid-sentence) and \"this year's\" when the sentence "
        "states the year, and \"today\" beside a present \"is\" or \"has\" before a noun phrase, which "
        "means nowadays (\"Easter Island is today a barren place\"; \"is today expected to resign\" is "
        "still the day)."
    ),
    example="The harbour board voted last week to raise mooring fees by a tenth.",
    near_miss="The harbour board approved a week-long consultation on mooring fees in 2026.",
    source=SOURCE,
)
def relative_date(document: Document, context: Context) -> Iterator[Finding]:
    vocab = _vocab(context)
    for block in dtx.iter_prose(document):
        relatives = dtx.find_relative(block.prose, vocab, _title_case(block))
        if relatives:
            yield from _relative_findings(block, relatives, document.reference_date, context, vocab,
                                          _no_reference(document))


def _relative_findings(
    block: Block, relatives: list[dtx.RelativeDate], ref: dt.date | None, context: Context, vocab: dtx.Vocabulary,
    missing: str = NO_REFERENCE,
) -> Iterator[Finding]:
    text = block.prose
    quoted = _quoted(block, context)
    for rel in relatives:
        if _inside(rel.start, quoted):
            continue
        resolved = dtx.resolve(rel, ref) if ref else None
        # Only a year looks at its sentence and the dates before it: most blocks need neither.
        if rel.kind == "year" and _year_stated(text, dtx.sentence_of(dtx.sentences(text, vocab), rel.start), rel, resolved):
            continue
        finding = _relative_finding(block, rel, ref, resolved, vocab, missing)
        if resolved is not None and resolved.kind == "year" and not rel.possessive:
            after_date = _date_end_before(text, rel.start, vocab)
            if after_date is not None:
                finding = _year_after_date(block, finding, after_date, rel, resolved)
        yield finding


def _date_end_before(text: str, offset: int, vocab: dtx.Vocabulary) -> int | None:
    """Where a date given a relative year ("March 7 last year") ends right before `offset`, if one does."""
    date_ends = {d.end for d in dtx.find_dates(text, vocab) if d.relative_year}
    return next((end for end in date_ends if text[end:offset].strip(" ,") == ""), None)


def _year_after_date(block: Block, finding: Finding, date_end: int, rel: dtx.RelativeDate, resolved: dtx.Resolved) -> Finding:
    """"March 7 last year" becomes "March 7, 2025": the year goes where a date wants it."""
    span = block.span(date_end, rel.end)
    words = dtx.fit(f", {resolved.first.year}", "", block.text[rel.end :])
    fix = Fix.replace(span, words, f"Replace with \"{words.strip(' ,')}\"", UNSAFE)
    return relative_date.finding(finding.span, finding.message, fix)


def _year_stated(text: str, sentence: tuple[int, int], rel: dtx.RelativeDate, resolved: dtx.Resolved | None) -> bool:
    """"This year's budget, for 2026, ...": the year is on the page.

    Without a reference date any year in the sentence will do for "this year";
    "last year ... since 2019" still needs the date to know 2019 is not meant.
    """
    years = dtx.years_in(text, *sentence)
    if resolved is None:
        return bool(years) and rel.means in ("this", "earlier", "later")
    return resolved.first.year in years


def _relative_finding(
    block: Block, rel: dtx.RelativeDate, ref: dt.date | None, resolved: dtx.Resolved | None, vocab: dtx.Vocabulary,
    missing: str = NO_REFERENCE, quoted: Sequence[tuple[int, int]] = (),
) -> Finding:
    span = block.span(rel.start, rel.end)
    phrase = block.text[rel.start : rel.end]
    if ref is None or resolved is None:
        return relative_date.finding(span, f"\"{phrase}\" is relative and {missing} to say which date it means")
    message = f"\"{phrase}\" is relative; {_dated(ref)} it means {dtx.meaning(resolved, vocab)}"
    before = dtx.previous_words(block.prose, rel.start, 2)
    after_preposition = bool(before) and (before[-1] in vocab.prepositions or " ".join(before) in vocab.prepositions)
    words = dtx.replacement(resolved, ref, vocab, rel.possessive, after_preposition)
    words = dtx.fit(words, phrase, block.text[rel.end :])
    return relative_date.finding(span, message, Fix.replace(span, words, f"Replace with \"{words}\"", UNSAFE))


# -- DAT002 ---------------------------------------------------------------------------


@rule(
    code="DAT002",
    name="bare-weekday",
    severity="info",
    fix=UNSAFE,
    summary="A weekday with no date in its sentence (\"on Tuesday\", \"Tuesday's vote\").",
    explanation=(
        "Wire style names the weekday for events within a week of the story, which is clear on the day "
        "and a puzzle a month later. factlint reports a spelt-out weekday when its sentence holds no "
        "date. With a reference date the message names the date it most likely means, read from the "
        "verb that governs the weekday (its own clause first, then its sentence): the nearest past one "
        "for a simple past, passive, perfect or irregular past (the irregular-verbs pack); the next one "
        "after \"will\", \"is due\", \"is scheduled\", \"plans to\", a present progressive, \"until\", "
        "\"as soon as\" and \"ahead of\"; for a reported \"would\" the first one after the day it was "
        "said (\"said Monday it would vote Wednesday\"). An unsafe fix adds the date (\"on Tuesday, "
        "March 10\"). When the words do not decide (no tense cue, \"could\", a plan told in the past "
        "such as \"was due to\" or \"a vigil planned for Sunday was cancelled\") the message names the "
        "nearest one, says it is a guess and why, and there is no fix. Verbs in a later clause (after "
        "\"but\", \"that\"), in a trailing attribution, in a relative clause or inside a quotation do "
        "not govern the weekday; nor does a verb outside the relative clause that holds it (\"the summit, "
        "which opens Wednesday, drew protests\"): its own verb does, and a present one there (\"which "
        "opens\", \"who host\") makes a guess that leans to the coming day. "
        "Days that are names (Black Friday, Good Friday, Super Tuesday), titles and clubs (the Sunday "
        "Times, Sheffield Wednesday), a capitalised word and weekday the draft shows to be a name (one "
        "with a possessive, \"Hartwell Wednesday's captain\": wire copy writes \"Biden Tuesday "
        "signed\" but never \"Biden Tuesday's\"; or one written twice or more whose first word never "
        "stands alone and which no verb follows), "
        "habits and kinds of day (\"every Tuesday\", \"on Tuesdays\", \"open Monday to Friday\", "
        "\"Sunday trading\", \"the Wednesday market\") and weekdays already reported by DAT001 "
        "(\"next Friday\") are left alone, "
        "as are weekdays inside direct quotations."
    ),
    example="The ferry operator cancelled all crossings on Tuesday because of high winds.",
    near_miss="The ferry operator cancelled all crossings on Tuesday, March 10, because of high winds.",
    source=SOURCE,
)
def bare_weekday(document: Document, context: Context) -> Iterator[Finding]:
    vocab = _vocab(context)
    ref = document.reference_date
    blocks = list(dtx.iter_prose(document))
    known = dtx.weekday_names_in([b.prose for b in blocks], vocab)
    for block in blocks:
        text = block.prose
        weekdays = dtx.find_weekdays(text, vocab, known)
        if not weekdays:
            continue
        taken = [(r.start, r.end) for r in dtx.find_relative(text, vocab, _title_case(block))]
        dates = dtx.find_dates(text, vocab)
        taken += [(d.start, d.end) for d in dates]
        bounds = dtx.sentences(text, vocab)
        dated = {dtx.sentence_of(bounds, d.start) for d in dates}
        quoted = _quoted(block, context)
        for day in weekdays:
            sentence = dtx.sentence_of(bounds, day.start)
            if dtx.overlaps(day.start, day.end, taken) or sentence in dated or _inside(day.start, quoted):
                continue
            yield _weekday_finding(block, day, sentence, ref, vocab, _no_reference(document), quoted)


def _weekday_finding(
    block: Block, day: dtx.Weekday, sentence: tuple[int, int], ref: dt.date | None, vocab: dtx.Vocabulary,
    missing: str = NO_REFERENCE, quoted: Sequence[tuple[int, int]] = (),
) -> Finding:
    span = block.span(day.start, day.end)
    word = block.text[day.start : day.end]
    name = vocab.weekday_names[day.weekday]
    if ref is None:
        return bare_weekday.finding(span, f"\"{word}\" has no date, and {missing} to say which {name} it means")
    reading = dtx.read_tense(block.prose, sentence, day.start, vocab, day.possessive, quoted)
    date = dtx.likely_weekday(day.weekday, ref, reading.tense or reading.leans, reading.said_on)
    resolved = dtx.Resolved("day", date, date, weekday=True)
    if reading.tense is None:
        # No verb says whether it is past or ahead: a guess, and a guess writes nothing into the copy.
        message = (f"\"{word}\" has no date; {_dated(ref)} it may mean {dtx.meaning(resolved, vocab)} "
                   f"(a guess: {reading.guess})")
        return bare_weekday.finding(span, message)
    message = f"\"{word}\" has no date; {_dated(ref)} it most likely means {dtx.meaning(resolved, vocab)}"
    return bare_weekday.finding(span, message, _weekday_fix(block, day, date, ref, vocab))


def _weekday_fix(block: Block, day: dtx.Weekday, date: dt.date, ref: dt.date, vocab: dtx.Vocabulary) -> Fix:
    """"on Tuesday" → "on Tuesday, March 10"; "Tuesday's vote" → "the March 10 vote"."""
    name, short = vocab.weekday_names[day.weekday], dtx.short_date(date, ref, vocab)
    end = day.end
    if day.possessive:
        words = f"the {short}"
    elif day.part:
        words, end = f"{name} {day.part}, {short}", day.part_end
    else:
        words = f"{name}, {short}"
    words = dtx.fit(words, block.text[day.start : day.end], block.text[end:])
    return Fix.replace(block.span(day.start, end), words, f"Replace with \"{words}\"", UNSAFE)


# -- DAT003 ---------------------------------------------------------------------------

MAX_DAYS_WITHOUT_YEAR = 180


@rule(
    code="DAT003",
    name="date-without-year",
    severity="warning",
    summary="A date with no year when the reader cannot supply one (\"March 7\" far from the story's date).",
    explanation=(
        "\"March 7\" is clear in a story written on March 12 and ambiguous in one written in "
        "January, or in a draft with no date at all. factlint reports a day and month without a year "
        "when the draft has no reference date, or when that day in the reference date's year is more "
        f"than {MAX_DAYS_WITHOUT_YEAR} days from it (a December story about \"January 8\" means next "
        "year's, and should say so). A date whose sentence states a year (\"In 2025, the fair opened on "
        "March 7\") or a range such as \"March 30 to April 2, 2026\" is not reported, and \"March 7 "
        "last year\" is left to DAT001. An impossible date is DAT005's alone."
    ),
    example="The committee will publish its findings on December 18.",
    near_miss="The committee will publish its findings on December 18, 2026.",
    source=SOURCE,
)
def date_without_year(document: Document, context: Context) -> Iterator[Finding]:
    vocab = _vocab(context)
    ref = document.reference_date
    for block, dates in dtx.dated_prose(document, vocab):
        for date in dates:
            if date.form != "words" or date.year is not None or date.relative_year or date.problem:
                continue
            if date.sentence_years or _implied_problem(date, ref):
                continue  # "In 2025, the fair opened on March 7": the sentence gives the year
            assert date.month is not None and date.day is not None
            span = block.span(date.date_start, date.end)
            written = block.text[date.date_start : date.end]
            if ref is None:
                yield date_without_year.finding(span, f"\"{written}\" has no year and {_no_reference(document)}: write the year")
                continue
            distance = abs((_in_year(ref.year, date.month, date.day) - ref).days)
            if distance > MAX_DAYS_WITHOUT_YEAR:
                yield date_without_year.finding(
                    span,
                    f"\"{written}\" has no year and is {distance} days from the story's date "
                    f"({ref.isoformat()}) in {ref.year}: write the year",
                )


def _in_year(year: int, month: int, day: int) -> dt.date:
    """That day in `year`; February 29 of a common year stands as February 28."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, month, day - 1)


# -- DAT004 ---------------------------------------------------------------------------


@rule(
    code="DAT004",
    name="weekday-mismatch",
    severity="error",
    fix=SAFE,
    summary="A weekday written with a date that falls on another day.",
    explanation=(
        "\"Saturday, March 10, 2026\" is a correction waiting to happen: March 10, 2026 is a Tuesday. "
        "factlint checks every weekday written beside a date against the date's own year. For a date "
        "without a year, a weekday that fits the story's year, the year nearest to the story's date, or the "
        "one year its sentence states is accepted (that year may be another event's: \"for the first time "
        "since December 2025\"); when it fits none, the message and fix use the sentence's year, else the "
        "story's. The safe fix corrects the weekday; if the weekday is right and the date wrong, edit the "
        "date instead."
    ),
    example="The new bridge opens to traffic on Friday, June 12, 2027.",
    near_miss="The new bridge opens to traffic on Saturday, June 12, 2027.",
    source=SOURCE,
)
def weekday_mismatch(document: Document, context: Context) -> Iterator[Finding]:
    vocab = _vocab(context)
    ref = document.reference_date
    for block, dates in dtx.dated_prose(document, vocab):
        for date in dates:
            if date.weekday is None or date.problem or date.month is None or date.day is None:
                continue
            # A year elsewhere in the sentence may be another event's ("for the first time since
            # December 2025"): it is one more year the weekday may fit, never the only one.
            # When it fits none, the sentence's year (the text's) is the one the message names.
            years = [date.year] if date.year else _candidate_years(ref, date.month, date.day) + _sentence_year(date)
            years = [y for y in years if _exists(y, date.month, date.day)]
            if not years or any(dt.date(y, date.month, date.day).isoweekday() == date.weekday for y in years):
                continue
            yield _mismatch_finding(block, date, years[-1], from_text=date.year is not None, vocab=vocab)


def _sentence_year(date: dtx.WrittenDate) -> list[int]:
    """The one year the sentence states on its own, if it states exactly one."""
    years = set(date.standalone_years)
    return list(years) if len(years) == 1 else []


def _exists(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _candidate_years(ref: dt.date | None, month: int, day: int) -> list[int]:
    """The story's year, then the year that puts the day nearest to the story's date."""
    if ref is None:
        return []
    nearest = min((ref.year - 1, ref.year, ref.year + 1), key=lambda y: abs((_in_year(y, month, day) - ref).days))
    return [ref.year] if nearest == ref.year else [ref.year, nearest]


def _mismatch_finding(block: Block, date: dtx.WrittenDate, year: int, from_text: bool, vocab: dtx.Vocabulary) -> Finding:
    assert date.month is not None and date.day is not None
    actual = dt.date(year, date.month, date.day).isoweekday()
    written_weekday = block.text[date.weekday_start : date.weekday_end]
    right = _same_form(written_weekday, actual, vocab)
    written_date = block.text[date.date_start : date.end]
    wrong = vocab.weekday_names[date.weekday or 1]
    where = "" if from_text else f" in {year}"
    message = f"{written_date}{where} is a {vocab.weekday_names[actual]}, not a {wrong}"
    edit = block.span(date.weekday_start, date.weekday_end)
    fix = Fix.replace(edit, right, f"Change \"{written_weekday}\" to \"{right}\"", SAFE)
    whole = block.span(min(date.start, date.weekday_start), max(date.end, date.weekday_end))
    return weekday_mismatch.finding(whole, message, fix)


def _same_form(written: str, weekday: int, vocab: dtx.Vocabulary) -> str:
    """The right weekday, spelt out or abbreviated as the wrong one was ("Sat." → "Tue.")."""
    if written in vocab.weekday_names:
        return vocab.weekday_names[weekday]
    abbreviations = vocab.weekday_abbreviations.get(weekday) or (vocab.weekday_names[weekday][:3],)
    return next((a for a in abbreviations if len(a) == len(written)), abbreviations[-1])


# -- DAT005 ---------------------------------------------------------------------------


@rule(
    code="DAT005",
    name="impossible-date",
    severity="error",
    summary="A date that does not exist (\"February 30\", \"31 April\", \"2026-13-01\").",
    explanation=(
        "A day past the end of its month, February 29 in a common year, or a month number above 12 "
        "is a typing slip that a reader will spot. factlint reports dates in words, ISO dates and "
        "numeric dates with a year. \"February 29\" written without a year takes the year the text "
        "implies: a range's (\"February 29 to March 3, 2027\"), the one \"last year\" or \"next year\" "
        "after it names, the one year its sentence states, else, as for DAT004, with a reference date "
        "the story's year and the year that puts the day nearest to the story's date. It is reported "
        "only when none of these is a leap year: in a story dated December 2027, \"February 29\" is "
        "taken as 2028's and passes; in one dated January 2026 it is reported. Without a reference "
        "date or a year in its sentence it is DAT003's. Such a date gets no other DAT finding."
    ),
    example="Applications for the housing grant close on 31 April.",
    near_miss="Applications for the housing grant close on 30 April.",
    source=SOURCE,
)
def impossible_date(document: Document, context: Context) -> Iterator[Finding]:
    vocab = _vocab(context)
    ref = document.reference_date
    for block, dates in dtx.dated_prose(document, vocab):
        for date in dates:
            problem = date.problem or _implied_problem(date, ref)
            if problem:
                written = block.text[date.date_start : date.end]
                yield impossible_date.finding(
                    block.span(date.date_start, date.end), f"\"{written}\" is not a date: {problem}"
                )


def _implied_problem(date: dtx.WrittenDate, ref: dt.date | None) -> str | None:
    """Why "February 29" with no year cannot exist in the year(s) the text implies, if it cannot."""
    if date.year is not None or date.problem or date.month != 2 or 29 not in (date.day, date.day2):
        return None
    if date.relative_year:
        if ref is None or date.year_offset is None:
            return None  # "a year later": later than what, the text says elsewhere
        years = [ref.year + date.year_offset]
        where = f"{_dated(ref)} the year written after it is"
    elif date.sentence_years:
        years = sorted(set(date.standalone_years or date.sentence_years))
        where = "its sentence puts it in"
    else:
        years = _candidate_years(ref, 2, 29)
        where = f"with no year written, {_dated(ref)} it falls in" if ref else ""
    if not years or any(_calendar.isleap(y) for y in years):
        return None
    named = " or ".join(str(y) for y in years)
    verdict = {1: "which is not a leap year", 2: "neither of them a leap year"}.get(len(years), "none of them a leap year")
    return f"{where} {named}, {verdict}: February has 28 days"


# -- DAT006 ---------------------------------------------------------------------------


@rule(
    code="DAT006",
    name="ambiguous-numeric-date",
    severity="warning",
    summary="A numeric date that reads differently in the US and elsewhere (\"03/07/2026\").",
    explanation=(
        "\"03/07/2026\" is March 7 to an American reader and 3 July to most others. factlint reports "
        "a numeric date whose first two numbers are both 12 or less and differ; write the month "
        "in words or use the ISO form (2026-03-07)."
    ),
    example="The contract, signed on 04/09/2026, runs for five years.",
    near_miss="The contract, signed on 24/09/2026, runs for five years.",
    source=SOURCE,
)
def ambiguous_numeric_date(document: Document, context: Context) -> Iterator[Finding]:
    vocab = _vocab(context)
    for block, dates in dtx.dated_prose(document, vocab):
        for date in dates:
            if date.ambiguous and date.parts is not None and date.year is not None:
                a, b = date.parts
                written = block.text[date.date_start : date.end]
                us = f"{vocab.month_names[a]} {b}, {date.year}"
                other = dtx.long_date(dt.date(date.year, b, a), vocab)
                yield ambiguous_numeric_date.finding(
                    block.span(date.date_start, date.end),
                    f"\"{written}\" could be {us} (month first) or {other} (day first): write the month in words",
                )


# -- registration ---------------------------------------------------------------------

_NAMED = {"name": str, "number": int, "?abbreviations": [str]}
_WORDS = {"words": str, "means": str}


@hookimpl
def factlint_rules() -> list[Any]:
    return [relative_date, bare_weekday, date_without_year, weekday_mismatch, impossible_date, ambiguous_numeric_date]


@hookimpl
def factlint_pack_schemas() -> Mapping[str, Any]:
    # Every key is optional so a newsroom pack can add, say, only proper names.
    return {
        "calendar": {
            "?months": [_NAMED],
            "?weekdays": [_NAMED],
            "?number-words": {str: int},
            "?named-days": [str],
            "?proper-names": [str],
            "?abbreviations": [str],
        },
        "relative-dates": {
            "?days": [{"phrase": str, "offset": int, "?part": str, "?not-after": [str], "?present-state": [str]}],
            "?parts-of-day": [str],
            "?determiners": [_WORDS],
            "?units": [str],
            "?counted-units": [str],
            "?ahead-units": [str],
            "?directions": [_WORDS],
            "?not-after": [str],
            "?duration-cues": [str],
            "?habitual": [str],
            "?day-kinds": [str],
            "?openers": [str],
            "?clause-breaks": [str],
            "?prepositions": [str],
            "?tense": {"?past": [str], "?not-past": [str], "?future": [str], "?not-future": [str],
                       "?intentions": [str], "?past-plans": [str], "?either-way": [str], "?phrasal-pasts": [str], "?reporting": [str],
                       "?later-clauses": [str], "?ahead": [str], "?adverbs": [str], "?not-adverbs": [str],
                       "?not-progressive": [str]},
        },
    }
