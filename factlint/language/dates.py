"""Recognising and resolving the dates a news story writes: "March 7", "on Tuesday", "last week"."""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import json
import re
from dataclasses import replace
from functools import cached_property
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from factlint import compiled
from factlint.language.lexicon import IrregularVerbs
from factlint.language.sentences import Abbreviations, span_at, split

APOSTROPHES = "'’"
QUOTE_AND_BRACKET = "\"'“”‘’«»„()[]*_"


# -- vocabulary ---------------------------------------------------------------


@compiled.dataclass(frozen=True)
class DayPhrase:
    """A fixed phrase naming one day relative to the story's ("yesterday", "last night")."""

    phrase: str
    offset: int
    part: str | None = None
    not_after: tuple[str, ...] = ()  # "the leaders of tomorrow" is no date
    #: Present forms of "be" and "have" beside which the phrase, before a noun phrase, is the present of things
    #: ("Easter Island is today a barren place", "It today has a grass landscape"): nowadays, no date.
    present_state: tuple[str, ...] = ()


@compiled.dataclass(frozen=True)
class Vocabulary:
    """The word lists of the `calendar` and `relative-dates` packs, ready for matching."""

    months: Mapping[str, int]  # name or abbreviation as written -> 1..12
    month_names: tuple[str, ...]  # index 1..12
    weekdays: Mapping[str, int]  # name or abbreviation -> 1 (Monday) .. 7
    weekday_names: tuple[str, ...]  # index 1..7
    weekday_abbreviations: Mapping[int, tuple[str, ...]]
    numbers: Mapping[str, int]
    named_days: tuple[str, ...]
    proper_names: tuple[str, ...]
    abbreviations: Abbreviations  # the shared list, with the calendar's month short forms
    days: tuple[DayPhrase, ...]
    parts: tuple[str, ...]
    determiners: Mapping[str, str]
    units: tuple[str, ...]
    counted_units: tuple[str, ...]
    ahead_units: tuple[str, ...]
    directions: Mapping[str, str]
    not_after: frozenset[str]
    duration_cues: tuple[str, ...]
    habitual: frozenset[str]
    day_kinds: frozenset[str]
    openers: frozenset[str]
    clause_breaks: frozenset[str]
    prepositions: frozenset[str]
    past: frozenset[str]
    not_past: frozenset[str]
    future: tuple[str, ...]
    #: Fixed phrases that begin with a future cue and say nothing of time ("next to", "next door").
    not_future: tuple[str, ...] = ()
    #: A past verb of intention: past itself, its infinitive looks ahead ("agreed on Monday to meet Friday").
    intentions: tuple[str, ...] = ()
    #: A plan told in the past ("was scheduled for"): whether its day has passed the words do not say.
    past_plans: tuple[str, ...] = ()
    #: Modals that look back as often as ahead ("could not be reached Monday", "could vote Friday").
    either_way: tuple[str, ...] = ()
    #: Past phrasal verbs whose first word alone is on the `not-past` list ("called for", beside "a group called").
    phrasal_pasts: tuple[str, ...] = ()
    #: Verbs of reporting: after the weekday's own words they attribute them ("..., officials said").
    reporting: frozenset[str] = frozenset()
    #: Words that open a clause with a time of its own: after the weekday, its verbs do not govern it
    #: ("opens on Friday, although talks were held", "claimed on Tuesday that Iran would").
    later_clauses: frozenset[str] = frozenset()
    #: Phrases that put the weekday after the clause's time ("ahead of Sunday's vote").
    ahead: tuple[str, ...] = ()
    #: Adverbs that may stand between an auxiliary and its verb ("may still come", "is now heading").
    adverbs: frozenset[str] = frozenset()
    #: Words in -ly that are nouns, no adverb ("a rally planned for Friday", "the family").
    not_adverbs: frozenset[str] = frozenset()
    #: Words in -ing that are no present participle ("is something", "was morning").
    not_progressive: frozenset[str] = frozenset()

    # Compiled patterns; cached_property writes the instance __dict__ directly,
    # so it works on a frozen dataclass.
    @cached_property
    def month_re(self) -> str:
        return _alternation(self.months) + r"(?![\w])\.?"

    @cached_property
    def weekday_re(self) -> str:
        # An abbreviation needs its full stop or comma: "Sat., March 7", never "The Sun 7 March edition".
        full = _words(self.weekday_names[1:])
        short = _words(w for w in self.weekdays if w not in self.weekday_names)
        return rf"(?:(?:{full})(?![\w])|(?:{short})(?=[.,]))\.?"

    @cached_property
    def weekday_after_re(self) -> re.Pattern[str]:
        names = _words(self.weekday_names[1:])
        return compiled.regex(rf"(?:,\s+(?:a|which\s+(?:is|was)\s+a)\s+|\s*\(\s*)({names})\b(?![{APOSTROPHES}-])")

    @cached_property
    def future_re(self) -> re.Pattern[str]:
        """A future cue, unless it begins a fixed phrase of the `not-future` list ("next to the embassy")."""
        # The word-start look-behind comes first and once: at most positions (inside a word) it fails
        # before the long alternation is tried.
        phrases = sorted(self.future, key=len, reverse=True)
        words = "|".join(re.escape(p) for p in phrases if p[:1].isalnum())
        marks = "|".join(re.escape(p) for p in phrases if not p[:1].isalnum())  # "'ll"
        fixed = "|".join(re.escape(p) + r"(?![\w])" for p in sorted(self.not_future, key=len, reverse=True))
        not_fixed = f"(?!(?:{fixed}))" if fixed else ""
        alternatives = [f"(?<![\\w]){not_fixed}(?:{words})(?![\\w])"] if words else []
        alternatives += [f"(?:{marks})(?![\\w])"] if marks else []
        return compiled.regex("|".join(alternatives) or r"(?!)")

    @cached_property
    def phrase_cues(self) -> tuple[re.Pattern[str], Mapping[str, str]]:
        """The phrases of the intention, past-plan and either-way lists, and the kind of cue each is."""
        kinds = {p: "intention" for p in self.intentions}
        kinds.update({p: "past-plan" for p in self.past_plans})
        kinds.update({p: "either" for p in self.either_way})
        kinds.update({p: "past" for p in self.phrasal_pasts})
        if not kinds:
            return compiled.regex(r"(?!)"), kinds
        phrases = "|".join(re.escape(p) for p in sorted(kinds, key=len, reverse=True))
        return compiled.regex(rf"(?<![\w'’])(?:{phrases})(?![\w'’])"), kinds

    @cached_property
    def ahead_re(self) -> re.Pattern[str] | None:
        if not self.ahead:
            return None
        phrases = "|".join(re.escape(p) for p in sorted(self.ahead, key=len, reverse=True))
        return compiled.regex(rf"(?<![\w])(?:{phrases})\s+(?P<between>(?:[\w'’.-]+\s+){{0,7}})$")

    @cached_property
    def reported_on_re(self) -> re.Pattern[str]:
        """A reporting verb and the bare weekday it was said on ("said on Monday", "told reporters Monday")."""
        verbs = _words(self.reporting) or r"(?!)"
        names = _words(self.weekday_names[1:])
        # up to three words between: "told reporters on Monday", "said in Geneva on Monday"
        return compiled.regex(rf"(?i:\b(?:{verbs}))(?:\s+[a-z][\w'’-]*){{0,3}}?\s+(?:(?:on|late|early)\s+)?"
                          rf"({names})\b(?![{APOSTROPHES}-])")

    @cached_property
    def full_weekday_re(self) -> re.Pattern[str]:
        names = "|".join(self.weekday_names[1:])
        return compiled.regex(rf"\b(?:{names})(?:[{APOSTROPHES}]s)?\b")

    @cached_property
    def any_weekday_re(self) -> re.Pattern[str]:
        """full_weekday_re's names, anywhere: a block without one needs no weekday analysis."""
        return compiled.regex("|".join(self.weekday_names[1:]))

    @cached_property
    def weekday_habits_re(self) -> re.Pattern[str]:
        """Right after a weekday, a plural part of the day: "on Sunday mornings" is a habit."""
        return compiled.regex(rf"\s+(?:{'|'.join(self.parts)})s\b")

    @cached_property
    def weekday_part_re(self) -> re.Pattern[str] | None:
        """Right after a weekday, the part of the day it names ("Tuesday night")."""
        return compiled.regex(rf"\s+({'|'.join(self.parts)})\b") if self.parts else None

    @cached_property
    def schedule_re(self) -> re.Pattern[str]:
        """"Monday to Friday", "Monday-Friday": two weekday names joined as a span."""
        names = "|".join(self.weekday_names[1:])
        return compiled.regex(rf"\b(?:{names})\s*(?:-|–|\bto\b|\bthrough\b|\buntil\b|\btill\b)\s*(?:{names})\b")

    @cached_property
    def number_re(self) -> str:
        words = sorted(self.numbers, key=len, reverse=True)
        tens = [w for w in words if self.numbers[w] in (20, 30, 40, 50, 60, 70, 80, 90)]
        units = [w for w in words if 1 <= self.numbers[w] <= 9 and " " not in w and len(w) > 2]
        compound = rf"(?:{_words(tens)})[-\s](?:{_words(units)})" if tens and units else r"(?!)"
        return rf"(?:\d{{1,3}}|{compound}|{'|'.join(re.escape(w) for w in words)})"

    @cached_property
    def names_re(self) -> re.Pattern[str] | None:
        names = sorted(set(self.named_days) | set(self.proper_names), key=len, reverse=True)
        if not names:
            return None
        return compiled.regex(r"(?<![\w])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])")

    @cached_property
    def names_body_re(self) -> re.Pattern[str] | None:
        """names_re without its leading look-behind, which keeps the regex engine from skipping ahead.

        None when a name is empty (an empty match would need finditer's rules).
        """
        names = set(self.named_days) | set(self.proper_names)
        if not names or "" in names:
            return None
        # Longest first, then in order, so the pattern (and its stored program) is the same in every run.
        return compiled.regex(r"(?:" + "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n))) + r")(?![\w])")

    @cached_property
    def date_patterns(self) -> list[re.Pattern[str]]:
        return _date_patterns(self)

    @cached_property
    def date_cues(self) -> list[tuple[re.Pattern[str], ...]]:
        """For each of date_patterns, what it cannot match without, cheapest first: a month name, then a day
        after it ("March 7") or before it ("7 March", "7th of March"); or digits around a separator."""
        month, digits = compiled.regex(self.month_re), compiled.regex(r"\d[-/.]\d")
        day_after = compiled.regex(self.month_re + r"\s+\d")
        day_before = compiled.regex(r"\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + self.month_re + ")")
        return [(month, day_after), (month, day_before), (digits,), (digits,)]

    @cached_property
    def relative_cues(self) -> dict[str, re.Pattern[str]]:
        """For the costlier relative_patterns, something each cannot match without, and quick to search for."""
        # "last week", "next Friday": a determiner, then a space
        determiner = compiled.regex(rf"\b(?:{_words(self.determiners)})\s", re.IGNORECASE)
        return {
            "unit": determiner,
            "weekday": determiner,
            # "three days ago", "in two weeks from now": a direction word after a space
            "count": compiled.regex(rf"\s(?:{_words(self.directions)})(?![\w\-])", re.IGNORECASE),
            "month-name": compiled.regex(_words(self.month_names[1:])),  # "last March": a capitalised month
            "weekday-of-week": compiled.regex("week", re.IGNORECASE),  # "Tuesday last week"
        }

    @cached_property
    def relative_patterns(self) -> list[tuple[str, re.Pattern[str]]]:
        return _relative_patterns(self)

    @cached_property
    def relative_words(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """For each of relative_patterns, groups of lower-cased words: it cannot match without one word of each."""
        days = [d.phrase for d in self.days]
        simple = [d for d, m in self.determiners.items() if m not in ("earlier", "later")]
        weekdays, months = self.weekday_names[1:], self.month_names[1:]
        groups = {
            "day": [days],
            "unit": [self.determiners, self.units],
            "weekday": [simple, weekdays],
            "month-name": [simple, months],
            "weekday-of-week": [weekdays, simple, ["week"]],
            "count": [self.counted_units, self.directions],
            "ahead": [self.ahead_units],
        }
        # The group of fewest words first: it is the cheapest to find missing.
        return {kind: tuple(sorted(filter(None, map(_literals, lists)), key=len)) for kind, lists in groups.items()}

    @cached_property
    def _memo(self) -> dict[tuple[str, str], Any]:
        return {}

    def remember(self, kind: str, text: str, compute: Callable[[], Any]) -> Any:
        """The analysis of one block's text, kept while the six DAT rules each ask for it."""
        key = (kind, text)
        if key not in self._memo:
            if len(self._memo) > 512:
                self._memo.clear()
            self._memo[key] = compute()
        return self._memo[key]

    def number(self, words: str) -> int | None:
        words = words.lower()
        if words.isdigit():
            return int(words)
        if words in self.numbers:
            return self.numbers[words]
        parts = re.split(r"[-\s]+", words)
        if len(parts) == 2 and all(p in self.numbers for p in parts):
            return self.numbers[parts[0]] + self.numbers[parts[1]]
        return None


def _literals(words: Iterable[str]) -> tuple[str, ...]:
    """`words` lower-cased for a substring test, without those that hold another; () when one is no plain ASCII.

    An empty group tests nothing: a word that is empty or not ASCII may match
    in a way no substring shows, and no words at all make an empty alternation.
    """
    low = {w.lower() for w in words}
    if not low or not all(w and w.isascii() for w in low):
        return ()
    return tuple(sorted(w for w in low if not any(v != w and v in w for v in low)))


def _alternation(words: Mapping[str, Any]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


_VOCABULARIES: dict[str, Vocabulary] = {}
_MEANS = ("this", "last", "next", "coming", "earlier", "later")


def vocabulary(calendar: Mapping[str, Any], relative: Mapping[str, Any],
               abbreviations: Abbreviations = Abbreviations(frozenset()),
               irregular: IrregularVerbs = IrregularVerbs()) -> Vocabulary:
    """The vocabulary of the packs' contents, built once per distinct content."""
    pasts = sorted(irregular.all_pasts)
    key = json.dumps([calendar, relative, sorted(abbreviations.words), pasts], sort_keys=True, default=str)
    if key not in _VOCABULARIES:
        _VOCABULARIES[key] = _build(calendar, relative, abbreviations, frozenset(pasts))
    return _VOCABULARIES[key]


def _meanings(rel: Mapping[str, Any], key: str, allowed: tuple[str, ...]) -> dict[str, str]:
    """{words: means} of a relative-dates list, each `means` one the code knows."""
    from factlint.errors import UsageError

    table = {}
    for entry in rel.get(key, []):
        if entry["means"] not in allowed:
            raise UsageError(
                f"rule pack relative-dates: {key} {entry['words']!r} means {entry['means']!r}, "
                f"not one of {', '.join(allowed)}"
            )
        table[entry["words"]] = entry["means"]
    return table


def _build(cal: Mapping[str, Any], rel: Mapping[str, Any], shared: Abbreviations,
           irregular_pasts: frozenset[str] = frozenset()) -> Vocabulary:
    months: dict[str, int] = {}
    month_names = [""] * 13
    for m in (m for m in cal.get("months", []) if 1 <= m["number"] <= 12):
        month_names[m["number"]] = m["name"]
        months[m["name"]] = m["number"]
        for a in m.get("abbreviations", []):
            months[a] = m["number"]
    weekdays: dict[str, int] = {}
    weekday_names = [""] * 8
    weekday_abbreviations: dict[int, tuple[str, ...]] = {}
    for w in (w for w in cal.get("weekdays", []) if 1 <= w["number"] <= 7):
        weekday_names[w["number"]] = w["name"]
        weekdays[w["name"]] = w["number"]
        weekday_abbreviations[w["number"]] = tuple(w.get("abbreviations", []))
        for a in w.get("abbreviations", []):
            weekdays[a] = w["number"]
    tense = rel.get("tense", {})
    # A newsroom pack may still list abbreviations under the calendar, as packs did before the shared list.
    abbreviations = set(shared.words) | {str(a).rstrip(".").lower() for a in cal.get("abbreviations", [])}
    abbreviations |= {m.lower() for m in months if m not in month_names}
    return Vocabulary(
        months=months,
        month_names=tuple(month_names),
        weekdays=weekdays,
        weekday_names=tuple(weekday_names),
        weekday_abbreviations=weekday_abbreviations,
        numbers={str(k).lower(): int(v) for k, v in cal.get("number-words", {}).items()},
        named_days=tuple(cal.get("named-days", [])),
        proper_names=tuple(cal.get("proper-names", [])),
        abbreviations=Abbreviations(frozenset(abbreviations)),
        days=tuple(
            DayPhrase(d["phrase"], int(d["offset"]), d.get("part"), tuple(w.lower() for w in d.get("not-after", [])),
                      tuple(w.lower() for w in d.get("present-state", [])))
            for d in rel.get("days", [])
        ),
        parts=tuple(rel.get("parts-of-day", [])),
        determiners=_meanings(rel, "determiners", _MEANS),
        units=tuple(rel.get("units", [])),
        counted_units=tuple(rel.get("counted-units", [])),
        ahead_units=tuple(rel.get("ahead-units", [])),
        directions=_meanings(rel, "directions", ("past", "future")),
        not_after=frozenset(w.lower() for w in rel.get("not-after", [])),
        duration_cues=tuple(w.lower() for w in rel.get("duration-cues", [])),
        habitual=frozenset(w.lower() for w in rel.get("habitual", [])),
        day_kinds=frozenset(w.lower() for w in rel.get("day-kinds", [])),
        openers=frozenset(w.lower() for w in rel.get("openers", [])),
        clause_breaks=frozenset(w.lower() for w in rel.get("clause-breaks", [])),
        prepositions=frozenset(w.lower() for w in rel.get("prepositions", [])),
        # The irregular pasts of the irregular-verbs pack, less the words the tense list says are no past.
        past=(frozenset(w.lower() for w in tense.get("past", [])) | irregular_pasts)
        - frozenset(w.lower() for w in tense.get("not-past", [])),
        not_past=frozenset(w.lower() for w in tense.get("not-past", [])),
        future=tuple(w.lower() for w in tense.get("future", [])),
        not_future=tuple(w.lower() for w in tense.get("not-future", [])),
        intentions=tuple(w.lower() for w in tense.get("intentions", [])),
        past_plans=tuple(w.lower() for w in tense.get("past-plans", [])),
        either_way=tuple(w.lower() for w in tense.get("either-way", [])),
        phrasal_pasts=tuple(w.lower() for w in tense.get("phrasal-pasts", [])),
        reporting=frozenset(w.lower() for w in tense.get("reporting", [])),
        later_clauses=frozenset(w.lower() for w in tense.get("later-clauses", [])),
        ahead=tuple(w.lower() for w in tense.get("ahead", [])),
        adverbs=frozenset(w.lower() for w in tense.get("adverbs", [])),
        not_progressive=frozenset(w.lower() for w in tense.get("not-progressive", [])),
        not_adverbs=frozenset(w.lower() for w in tense.get("not-adverbs", [])),
    )


# -- sentences and context ----------------------------------------------------


def sentences(text: str, vocab: Vocabulary) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a block's text, as factlint.language.sentences splits it."""
    return [(s.start, s.end) for s in split(text, vocab.abbreviations)]


def sentence_of(bounds: Sequence[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The sentence of `bounds` holding `offset` (the last one past the end)."""
    return span_at(bounds, offset)


def clause_of(text: str, sentence: tuple[int, int], offset: int) -> tuple[int, int]:
    """The stretch of a sentence around `offset` between commas, semicolons, colons and dashes."""
    start, end = sentence
    before = max((text.rfind(c, start, offset) for c in ",;:—–("), default=-1)
    after = [i for i in (text.find(c, offset, end) for c in ",;:—–)") if i != -1]
    return (before + 1 if before >= start else start), (min(after) if after else end)


def at_sentence_start(text: str, offset: int) -> bool:
    """Whether only quote marks, brackets and spaces stand between `offset` and a sentence boundary."""
    i = offset - 1
    while i >= 0 and (text[i].isspace() or text[i] in QUOTE_AND_BRACKET or text[i] in "-–—"):
        i -= 1
    return i < 0 or text[i] in ".!?:;"


def is_title_case(text: str) -> bool:
    """A headline in title case ("Council Approves Budget Today") says nothing by its capitals."""
    words = re.findall(r"[A-Za-z]{4,}", text)
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= 0.7


_PREVIOUS_WORD = compiled.regex(r"[\w'’]+")


def previous_words(text: str, offset: int, count: int = 1) -> list[str]:
    """The `count` words before `offset`, lower-cased, nearest last."""
    words = _PREVIOUS_WORD.findall(text[max(0, offset - 80) : offset])
    return [w.lower() for w in words[-count:]]


def name_spans(text: str, vocab: Vocabulary) -> list[tuple[int, int]]:
    """Where named days and proper names ("Black Friday", "Today programme") stand."""
    if not vocab.named_days and not vocab.proper_names:
        return []  # asked of the lists, not of names_re: compiling it would cost a one-draft run 2 ms for nothing
    return list(vocab.remember("names", text, lambda: tuple(_name_spans(text, vocab))))


def _name_spans(text: str, vocab: Vocabulary) -> Iterator[tuple[int, int]]:
    body = vocab.names_body_re
    if body is None:
        yield from ((m.start(), m.end()) for m in vocab.names_re.finditer(text))
        return
    # names_re.finditer, faster: a match right after a letter fails the look-behind,
    # so the search goes on from the next character, as finditer's would.
    pos = 0
    while (m := body.search(text, pos)) is not None:
        if m.start() > 0 and _WORD_CHAR.match(text, m.start() - 1):
            pos = m.start() + 1
            continue
        yield m.start(), m.end()
        pos = m.end()


_WORD_CHAR = compiled.regex(r"\w")


def overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


# -- written dates ------------------------------------------------------------


@compiled.dataclass(frozen=True)
class WrittenDate:
    """A date as the story writes it: "Tuesday, March 10, 2026", "7 Mar.", "2026-03-10", "03/07/2026"."""

    start: int  # from the weekday, if any, when it comes first
    end: int  # of the date ("March 10, a Saturday" ends at "10")
    date_start: int  # the date without its weekday
    year: int | None
    month: int | None  # None for an ambiguous numeric date
    day: int | None
    form: str  # "words", "iso" or "numeric"
    weekday: int | None = None
    weekday_start: int = -1
    weekday_end: int = -1
    parts: tuple[int, int] | None = None  # the two leading numbers of a numeric date
    problem: str | None = None  # why the date cannot exist (DAT005)
    relative_year: bool = False  # "March 7 last year": the year is given, relatively
    #: The story's year plus this is the year "this/last/next year" or "a year ago" names (None: "a year later").
    year_offset: int | None = None
    day2: int | None = None  # the last day of a range ("February 27-29")
    #: Years the date's sentence states elsewhere ("In 2025, the fair opened on
    #: March 7"), and of those the ones standing alone, outside another date.
    sentence_years: tuple[int, ...] = ()
    standalone_years: tuple[int, ...] = ()

    @property
    def ambiguous(self) -> bool:
        return self.form == "numeric" and self.problem is None and self.month is None


_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?!\d|[.,:]\d|%|\w)"
_DAY2 = r"(?P<day2>\d{1,2})(?:st|nd|rd|th)?(?!\d|[.,:]\d|%|\w)"
_YEAR = r"(?P<year>(?:1[89]|2[01])\d\d)(?!\d|[.,]\d|%|\w)"


def _date_patterns(vocab: Vocabulary) -> list[re.Pattern[str]]:
    weekday = rf"(?:(?P<weekday>{vocab.weekday_re}),?\s+(?:the\s+)?)?"
    year = rf"(?:,?\s+{_YEAR})?"
    month = rf"(?P<month>{vocab.month_re})"
    and_year = r"\s+and\s+(?=\d{1,2}(?:st|nd|rd|th)?,?\s+(?:1[89]|2[01])\d\d)"
    day_range = rf"(?:(?:\s*(?:-|–|—)\s*|\s+(?:to|through)\s+|{and_year}){_DAY2})?"
    month_day = rf"(?<![\w]){weekday}{month}\s+{_DAY}{day_range}{year}"
    day_month = rf"(?<![\w\d.,/:]){weekday}{_DAY}{day_range}\s+(?:of\s+)?{month}{year}"
    iso = rf"(?<![\w\-/.]){weekday}(?P<iso>(?P<year>\d{{4}})(?P<isep>[-/])(?P<m>\d{{1,2}})(?P=isep)(?P<d>\d{{1,2}}))(?![\w\-/]|\.\d)"
    numeric = (
        rf"(?<![\w/.\-]){weekday}(?P<numeric>(?P<a>\d{{1,2}})(?P<sep>[/.\-])(?P<b>\d{{1,2}})(?P=sep)"
        r"(?P<year>\d{4}|(?<=/)\d{2}))(?![\w/]|[.\-]\d)"
    )
    return [compiled.regex(p) for p in (month_day, day_month, iso, numeric)]


def find_dates(text: str, vocab: Vocabulary) -> list[WrittenDate]:
    """Every date written in `text` (a block's prose), left to right, never overlapping."""
    return list(vocab.remember("dates", text, lambda: tuple(_find_dates(text, vocab))))


def _find_dates(text: str, vocab: Vocabulary) -> list[WrittenDate]:
    names: list[tuple[int, int]] | None = None  # looked up at the first date: most paragraphs have none
    candidates = []
    cued: dict[re.Pattern[str], bool] = {}  # a cue two patterns share is searched for once
    for pattern, cues in zip(vocab.date_patterns, vocab.date_cues):
        if not _holds_all(text, cues, cued):
            continue  # most paragraphs name no month and write no numeric date
        for m in pattern.finditer(text):
            date = _written_date(m, vocab)
            if date is None:
                continue
            if names is None:
                names = name_spans(text, vocab)
            if not overlaps(date.start, date.end, names):
                candidates.append(date)
    if not candidates:
        return []
    chosen: list[WrittenDate] = []
    for date in sorted(candidates, key=lambda d: (d.start, -d.end)):
        if not chosen or date.start >= chosen[-1].end:
            chosen.append(date)
    dates = _with_relative_years(text, _with_range_years(text, chosen))
    dates = [_with_weekday_after(text, d, vocab) for d in dates]
    return _with_sentence_years(text, dates, vocab) if dates else dates


def _holds_all(text: str, cues: Sequence[re.Pattern[str]], cued: dict[re.Pattern[str], bool]) -> bool:
    """Whether `text` holds a match of every cue; `cued` keeps each answer for the next pattern that asks."""
    for cue in cues:
        found = cued.get(cue)
        if found is None:
            found = cued[cue] = cue.search(text) is not None
        if not found:
            return False
    return True


def _with_weekday_after(text: str, date: WrittenDate, vocab: Vocabulary) -> WrittenDate:
    """"March 10, a Saturday," and "March 10 (Saturday)" name the weekday after the date."""
    if date.weekday is not None:
        return date
    m = vocab.weekday_after_re.match(text, date.end)
    if not m:
        return date
    return replace(date, weekday=vocab.weekdays[m.group(1)], weekday_start=m.start(1), weekday_end=m.end(1))


def _written_date(m: re.Match[str], vocab: Vocabulary) -> WrittenDate | None:
    groups = m.groupdict()
    weekday = vocab.weekdays.get(groups["weekday"].rstrip(".")) if groups.get("weekday") else None
    wd_start, wd_end = (m.start("weekday"), m.end("weekday")) if weekday else (-1, -1)
    if wd_end > 0 and m.group("weekday").endswith("."):
        wd_end -= 1
    common = dict(end=m.end(), weekday=weekday, weekday_start=wd_start, weekday_end=wd_end)
    start = wd_start if weekday else None
    if groups.get("iso"):
        y, mo, d = int(groups["year"]), int(groups["m"]), int(groups["d"])
        s = m.start("iso")
        return WrittenDate(start if start is not None else s, date_start=s, year=y, month=mo, day=d,
                           form="iso", problem=_problem(y, mo, d, vocab), **common)
    if groups.get("numeric"):
        return _numeric(m, vocab, start, common)
    month = vocab.months[groups["month"].rstrip(".")]
    day = int(groups["day"])
    if day == 0 or day > 31:
        return None
    year = int(groups["year"]) if groups.get("year") else None
    s = min(m.start("month"), m.start("day"))
    problem = _problem(year, month, day, vocab)
    if problem is None and groups.get("day2"):
        day2 = int(groups["day2"])
        problem = _problem(year, month, day2, vocab) if 0 < day2 <= 31 else None
    if groups["month"].endswith(".") and m.end() == m.end("month"):
        common["end"] = m.end() - 1  # "7 Mar." at a sentence's end: the full stop is the sentence's
    day2 = int(groups["day2"]) if groups.get("day2") else None
    return WrittenDate(start if start is not None else s, date_start=s, year=year, month=month, day=day,
                       form="words", problem=problem, day2=day2, **common)


def _numeric(m: re.Match[str], vocab: Vocabulary, start: int | None, common: dict) -> WrittenDate:
    a, b = int(m.group("a")), int(m.group("b"))
    year_text = m.group("year")
    year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text)
    s = m.start("numeric")
    month: int | None
    day: int | None
    problem = None
    if a == 0 or b == 0:
        month = day = None
        problem = "neither a day nor a month can be 0"
    elif a > 12 and b > 12:
        month = day = None
        problem = f"{a} cannot be a month" if a == b else f"neither {a} nor {b} can be a month"
    elif a > 12 or b > 12 or a == b:
        month, day = (b, a) if a > 12 else (a, b)
        problem = _problem(year, month, day, vocab)
    else:
        month = day = None  # ambiguous: 3 July or March 7
    return WrittenDate(start if start is not None else s, date_start=s, year=year, month=month, day=day,
                       form="numeric", parts=(a, b), problem=problem, **common)


def _problem(year: int | None, month: int, day: int, vocab: Vocabulary) -> str | None:
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if day < 1:
        return "there is no day 0"
    name = vocab.month_names[month]
    if month == 2 and day == 29 and year is not None and not _calendar.isleap(year):
        return f"{year} is not a leap year: February has 28 days"
    if month == 2 and day > 29:
        return f"February has {_calendar.monthrange(year, 2)[1]} days in {year}" if year else "February has at most 29 days"
    most = _calendar.monthrange(2024, month)[1]
    return f"{name} has {most} days" if day > most else None


_CONNECTOR = compiled.regex(r"^\s*(?:-|–|—|to|through|until|till|and|or)\s*(?:on\s+)?$")


def _with_range_years(text: str, dates: list[WrittenDate]) -> list[WrittenDate]:
    """"March 30 to April 2, 2026": the first date takes the year of the second."""
    out = list(dates)
    for i in range(len(out) - 2, -1, -1):
        first, second = out[i], out[i + 1]
        if first.year is None and second.year is not None and first.form == "words":
            if _CONNECTOR.match(text[first.end : second.start]):
                out[i] = replace(first, year=second.year, problem=first.problem or _range_problem(first, second.year))
    return out


def _range_problem(first: WrittenDate, year: int) -> str | None:
    """"February 29 to March 3, 2027": the first date, given the second's year, may not exist."""
    if (first.month, first.day) != (2, 29) or _calendar.isleap(year):
        return None
    return f"{year} is not a leap year: February has 28 days"


_RELATIVE_YEAR = compiled.regex(r"^,?\s+(?:(?P<det>this|last|next)\s+year|a\s+year\s+(?P<rel>ago|earlier|later))\b", re.I)
_YEAR_OFFSETS = {"this": 0, "last": -1, "next": 1, "ago": -1}


def _with_relative_years(text: str, dates: list[WrittenDate]) -> list[WrittenDate]:
    """"March 7 last year" gives its year, relatively: DAT001 reports the phrase, not DAT003 the date."""
    out = []
    for d in dates:
        m = _RELATIVE_YEAR.match(text[d.end : d.end + 30]) if d.year is None else None
        if m:
            offset = _YEAR_OFFSETS.get((m.group("det") or m.group("rel")).lower())
            d = replace(d, relative_year=True, year_offset=offset)
        out.append(d)
    return out


def _with_sentence_years(text: str, dates: list[WrittenDate], vocab: Vocabulary) -> list[WrittenDate]:
    bounds = sentences(text, vocab)
    out = []
    for date in dates:
        start, end = sentence_of(bounds, date.start)
        years = [(y, at) for y, at in _years_at(text, start, end) if not date.start <= at < date.end]
        inside_dates = [d for d in dates if d is not date]
        standalone = [y for y, at in years if not any(d.start <= at < d.end for d in inside_dates)]
        out.append(_with_years(date, tuple(y for y, _ in years), tuple(standalone)))
    return out


_YEAR_WORD = compiled.regex(r"(?<![\w.,/\-])(1[5-9]\d\d|2[01]\d\d)(?![\w/]|[.,\-]\d)")


def _years_at(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(int(m.group(1)), m.start()) for m in _YEAR_WORD.finditer(text, start, end)]


def years_in(text: str, start: int, end: int) -> list[int]:
    """Four-digit years written between `start` and `end`."""
    return [y for y, _ in _years_at(text, start, end)]


def _with_years(date: WrittenDate, sentence_years: tuple[int, ...], standalone_years: tuple[int, ...]) -> WrittenDate:
    """`replace(date, sentence_years=..., standalone_years=...)`, copied without replace's walk over the fields
    and the frozen __init__'s setattr for each of its 17: every date of a draft is copied so, and replace was
    the larger part of the sentence-year pass."""
    copy = object.__new__(WrittenDate)
    copy.__dict__.update(date.__dict__, sentence_years=sentence_years, standalone_years=standalone_years)
    return copy


# -- relative dates -----------------------------------------------------------


@compiled.dataclass(frozen=True)
class RelativeDate:
    """A phrase that places an event relative to the story's date.

    `kind` is "day", "week", "weekend", "month", "year" or "weekday";
    `means` says which one ("this", "last", "next", "coming", "earlier",
    "later", "count"); `count` is a signed number of days or units;
    `weekday` names a day within the week ("Tuesday last week").
    """

    start: int
    end: int
    kind: str
    means: str
    count: int = 0
    part: str | None = None
    weekday: int | None = None
    possessive: bool = False
    month: int | None = None  # "next May"


def _words(items: Iterable[str]) -> str:
    """A regex alternation of `items`, longest first so "this past" wins over "this"."""
    return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))


def _plurals(items: Iterable[str]) -> str:
    return "|".join(f"{re.escape(u)}s?" for u in items)


def _relative_patterns(vocab: Vocabulary) -> list[tuple[str, re.Pattern[str]]]:
    words, plural = _words, _plurals
    poss = rf"(?P<poss>[{APOSTROPHES}]s)?"
    parts = rf"(?:\s+(?P<part>{words(vocab.parts)}))?"
    weekdays = words(vocab.weekday_names[1:])
    months = words(vocab.month_names[1:])
    dets = words(vocab.determiners)
    simple_dets = words(d for d, m in vocab.determiners.items() if m not in ("earlier", "later"))
    units = words(vocab.units)
    tail = r"(?![\w\-])"
    i = re.IGNORECASE
    return [
        ("day", compiled.regex(rf"\b(?P<phrase>{words(d.phrase for d in vocab.days)}){parts}{poss}{tail}", i)),
        ("unit", compiled.regex(rf"\b(?P<det>{dets})\s+(?P<unit>{units}){poss}{tail}", i)),
        ("weekday", compiled.regex(rf"\b(?P<det>{simple_dets})\s+(?P<weekday>{weekdays}){parts}{poss}{tail}", i)),
        ("month-name", compiled.regex(rf"\b(?P<det>{simple_dets})\s+(?P<month>(?-i:{months})){poss}(?![\w\-]|\s+\d)", i)),
        (
            "weekday-of-week",
            compiled.regex(rf"\b(?P<weekday>{weekdays})(?:\s+of)?\s+(?P<det>{simple_dets})\s+(?P<unit>week){poss}{tail}", i),
        ),
        (
            "count",
            compiled.regex(
                rf"\b(?P<n>{vocab.number_re})\s+(?P<unit>{plural(vocab.counted_units)})\s+"
                rf"(?P<dir>{words(vocab.directions)}){tail}",
                i,
            ),
        ),
        (
            "ahead",
            compiled.regex(
                rf"\bin\s+(?P<n>{vocab.number_re})\s+(?P<unit>{plural(vocab.ahead_units)})"
                rf"(?:[{APOSTROPHES}]?\s+time)?{tail}",
                i,
            ),
        ),
    ]


def find_relative(text: str, vocab: Vocabulary, title_case: bool = False) -> list[RelativeDate]:
    """Every relative date phrase of `text` that points at the calendar, never overlapping."""
    key = f"relative{title_case:d}"
    return list(vocab.remember(key, text, lambda: tuple(_find_relative(text, vocab, title_case))))


def _find_relative(text: str, vocab: Vocabulary, title_case: bool) -> list[RelativeDate]:
    names: list[tuple[int, int]] | None = None  # looked up at the first match: most paragraphs have none
    low = None if _FOLDS_APART.search(text) else text.lower()
    candidates = []
    cued: dict[re.Pattern[str], bool] = {}  # a cue two patterns share is searched for once
    for kind, pattern in vocab.relative_patterns:
        if low is not None and not _has_each(low, vocab.relative_words.get(kind, ())):
            continue  # a plain substring test, cheaper than any regex: most paragraphs hold none of the words
        cue = vocab.relative_cues.get(kind)
        if cue is not None:
            if cue not in cued:
                cued[cue] = cue.search(text) is not None
            if not cued[cue]:
                continue  # most paragraphs say no "ago", name no month, and have no "week"
        for m in pattern.finditer(text):
            found = _relative(kind, m, text, vocab)
            if found is None:
                continue
            if names is None:
                names = name_spans(text, vocab)
            if overlaps(found.start, found.end, names):
                continue
            if not title_case and _capitalised_name(m, text, kind):
                continue
            candidates.append(found)
    chosen: list[RelativeDate] = []
    for rel in sorted(candidates, key=lambda r: (r.start, -r.end)):
        if not chosen or rel.start >= chosen[-1].end:
            chosen.append(rel)
    return chosen


#: Letters that match an ASCII letter case-insensitively in a regex but do not lower-case to it
#: ("ſ", dotted and dotless i): in a text with one, a substring test of the lower-cased text could miss.
_FOLDS_APART = compiled.regex("[\u0130\u0131\u017f]")


def _has_each(low: str, groups: Sequence[Sequence[str]]) -> bool:
    """Whether the lower-cased `low` holds one word of every group."""
    for group in groups:
        for word in group:
            if word in low:
                break
        else:
            return False
    return True


def _present_state(text: str, start: int, end: int, phrase: DayPhrase, vocab: Vocabulary) -> bool:
    """Whether the phrase stands beside a present "be" or "have" whose complement is a noun phrase: "Easter Island
    is today a barren place", "It today has a grass landscape" describe the present of things, not the story's
    day. Before a participle or a preposition it is the day: "is today expected to resign", "has today ruled",
    "is today in Paris for talks"."""
    if at_sentence_start(text, start):
        return False  # "Today is two months until the election": the day itself, as a subject
    stop = _SENTENCE_END.search(text, end, end + 40)
    before = previous_words(text, start)
    after = [w.lower() for w in _WORDS_AHEAD.findall(text, end, stop.start() if stop else end + 40)[:2]]
    if before and before[0] in phrase.present_state:
        complement = after[:1]
    elif after[:1] and after[0] in phrase.present_state:
        complement = after[1:2]
    else:
        return False
    if not complement:
        return False
    word = complement[0]
    return not (word.endswith(("ed", "en", "ing")) or word in vocab.past or word in vocab.prepositions
                or word in vocab.openers)


_WORDS_AHEAD = compiled.regex(r"[A-Za-z]+")
_SENTENCE_END = compiled.regex(r"[.!?;:]")


def _capitalised_name(m: re.Match[str], text: str, kind: str) -> bool:
    """A capital letter mid-sentence makes a title: the "Today" programme, "Last Night in Soho"."""
    if kind in ("weekday", "weekday-of-week", "month-name"):
        det = m.group("det")
        if kind == "weekday-of-week":
            return m.group("det")[0].isupper() or m.group("unit")[0].isupper()
        return det[0].isupper() and not at_sentence_start(text, m.start())
    phrase = text[m.start() : m.end()]
    words = re.findall(r"[A-Za-z]+", phrase)
    if any(w[0].isupper() for w in words[1:]):
        return True
    return words[0][0].isupper() and not at_sentence_start(text, m.start())


def _relative(kind: str, m: re.Match[str], text: str, vocab: Vocabulary) -> RelativeDate | None:
    g = m.groupdict()
    possessive = bool(g.get("poss"))
    if kind == "day":
        phrase = next(d for d in vocab.days if d.phrase.lower() == _fold(g["phrase"]))
        before = previous_words(text, m.start())
        if before and before[0] in phrase.not_after:
            return None
        if phrase.present_state and _present_state(text, m.start(), m.end(), phrase, vocab):
            return None
        if phrase.part and g.get("part"):
            return None  # "tonight night" is not English; leave it
        part = phrase.part or (g.get("part") or "").lower() or None
        return RelativeDate(m.start(), m.end(), "day", "count", phrase.offset, part, possessive=possessive)
    if kind in ("unit", "weekday", "weekday-of-week", "month-name"):
        before = previous_words(text, m.start())
        if before and before[0] in vocab.not_after:
            return None
        means = vocab.determiners[_canonical(g["det"], vocab.determiners)]
        weekday = _weekday_number(g.get("weekday"), vocab)
        if kind == "unit":
            return RelativeDate(m.start(), m.end(), g["unit"].lower(), means, possessive=possessive)
        if kind == "month-name":
            month = vocab.month_names.index(g["month"])
            return RelativeDate(m.start(), m.end(), "month-name", means, month=month, possessive=possessive)
        if kind == "weekday":
            part = (g.get("part") or "").lower() or None
            return RelativeDate(m.start(), m.end(), "weekday", means, part=part, weekday=weekday, possessive=possessive)
        return RelativeDate(m.start(), m.end(), "week", means, weekday=weekday, possessive=possessive)
    n = vocab.number(re.sub(r"\s+", " ", g["n"]))
    if n is None or n > 1000:
        return None
    unit = g["unit"].lower().rstrip("s")
    if kind == "count":
        direction = vocab.directions[_canonical(g["dir"], vocab.directions)]
        return RelativeDate(m.start(), m.end(), unit, "count", -n if direction == "past" else n)
    # "in three weeks": a date ahead, unless it measures a span ("in two days of
    # talks", "the first time in three months")
    if re.match(r"\s+of\b", text[m.end() :]):
        return None
    bounds = sentences(text, vocab)
    if _measures_a_span(text, sentence_of(bounds, m.start())[0], m.start(), vocab):
        return None
    own = _own_clause(text, sentence_of(bounds, m.start()), m.start(), vocab)
    cues = {tense for _, _, tense in _tense_cues(text, own, vocab)}
    # An infinitive looks ahead whatever its verb: "agreed in Geneva to meet again in two weeks".
    if re.search(r"\bto\s+[a-z]+\b", text[own[0] : m.start()]):
        cues.add("future")
    if "future" not in cues and tense_near(text, own, m.start(), vocab) == "past":
        return None  # "the crew rebuilt it in three weeks": how long, not when
    return RelativeDate(m.start(), m.end(), unit, "count", n)


def _measures_a_span(text: str, sentence_start: int, offset: int, vocab: Vocabulary) -> bool:
    """"The first time in three months", "the biggest fall in six weeks": a span, not a date ahead.

    The cue must govern the phrase: right before it, or before one noun, after
    "the" or a possessive ("its highest level in"); "twice", "once" and "times"
    need no determiner. "A first report in 30 days" and "the best seats go on
    sale in 5 days" are dates.
    """
    words = previous_words(text[sentence_start:offset], offset - sentence_start, 4)
    for cue in vocab.duration_cues:
        size = len(cue.split())
        for gap in (0, 1):
            end = len(words) - gap
            if end - size < 0 or " ".join(words[end - size : end]) != cue:
                continue
            before = words[end - size - 1] if end - size >= 1 else ""
            if (cue in _COUNTED_CUES and gap == 0) or before in _SPAN_DETERMINERS:
                return True  # "twice in three weeks", "its highest level in"; not "once more in"
    return False


_COUNTED_CUES = frozenset({"once", "twice", "times", "time"})
_SPAN_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "my", "your", "this", "that"})


def _own_clause(text: str, sentence: tuple[int, int], offset: int, vocab: Vocabulary) -> tuple[int, int]:
    """The clause a phrase belongs to, after the last reporting verb or conjunction before it.

    In "the union said talks resume in two days" the tense of "said" is not
    the phrase's: the clause that governs it starts after "said".
    """
    start, end = clause_of(text, sentence, offset)
    breaks = [m.end() for m in re.finditer(r"[A-Za-z]+", text[start:offset]) if m.group(0).lower() in vocab.clause_breaks]
    return (start + breaks[-1] if breaks else start), end


_MODALS = frozenset({"will", "would", "could", "might", "may", "should", "can", "must", "shall"})


#: Letters a case-blind pattern reads as an ASCII letter that str.lower() does not turn into it: the long s
#: ("laſt week"), the dotted capital and the dotless small i ("THİS WEEK"), the Kelvin sign.
_CASE_BLIND = str.maketrans({"ſ": "s", "İ": "i", "ı": "i", "\u212a": "k"})


def _fold(words: str) -> str:
    """Matched text as the case-blind patterns read it, to look it up among the pack's words."""
    return re.sub(r"\s+", " ", words).translate(_CASE_BLIND).lower()


def _canonical(words: str, table: Mapping[str, Any]) -> str:
    flat = _fold(words)
    return next(k for k in table if k.lower() == flat)


def _weekday_number(name: str | None, vocab: Vocabulary) -> int | None:
    if not name:
        return None
    return next(n for w, n in vocab.weekdays.items() if w.lower() == _fold(name))


# -- bare weekdays ------------------------------------------------------------


@compiled.dataclass(frozen=True)
class Weekday:
    """A weekday named without a date ("on Tuesday", "Tuesday's vote")."""

    start: int
    end: int  # after the possessive, if any
    weekday: int
    possessive: bool
    part: str | None = None  # "Tuesday night"
    part_end: int = -1


def find_weekdays(text: str, vocab: Vocabulary, known_names: frozenset[str] = frozenset()) -> list[Weekday]:
    """Spelt-out weekdays that stand for one day, outside named days, titles and `known_names`."""
    if vocab.any_weekday_re.search(text) is None:
        return []  # four blocks in five name no weekday: no names, schedules or regex to look for
    names = name_spans(text, vocab) + _schedules(text, vocab)
    habits, part_re = vocab.weekday_habits_re, vocab.weekday_part_re
    found = []
    for m in vocab.full_weekday_re.finditer(text):
        if overlaps(m.start(), m.end(), names):
            continue
        if known_names and _word_before(text, m.start()) + " " + _bare(m.group(0)) in known_names:
            continue
        before = previous_words(text, m.start())
        if before and before[0] in vocab.habitual:
            continue
        if text[m.start() - 1 : m.start()] in "-–" and m.start() > 0 or _HYPHENED.match(text, m.end()):
            continue  # "a Monday-to-Friday job", "the Friday-night lights"
        if habits.match(text, m.end()):
            continue  # "on Sunday mornings" is a habit
        if _EACH_MONTH.match(text, m.end()):
            continue  # "the first Friday of each month" recurs
        after = _NEXT_WORD.match(text, m.end())
        if after and after.group(1) in vocab.day_kinds and m.group(0)[-2:-1] not in APOSTROPHES:
            continue  # "Friday prayers" is a kind of day; "Friday's prayers" one day
        word = m.group(0)
        possessive = word[-2:-1] in APOSTROPHES and word.endswith("s")
        name = word[:-2] if possessive else word
        part = part_re.match(text, m.end()) if part_re else None
        found.append(
            Weekday(
                m.start(), m.end(), vocab.weekdays[name], possessive,
                part.group(1) if part and not possessive else None,
                part.end() if part and not possessive else -1,
            )
        )
    return found


# Matched where a weekday ends: compiled once, and with no copy of the text after it.
_HYPHENED = compiled.regex(r"[-–]\w")
_EACH_MONTH = compiled.regex(r"\s+of\s+(?:each|every|the)\s+(?:month|year|quarter)\b", re.IGNORECASE)
_NEXT_WORD = compiled.regex(r"\s+([a-z]+)")


_CAPITALISED_BEFORE = compiled.regex(r"(?<![\w'’.-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \u00a0]$")


def _word_before(text: str, offset: int) -> str:
    """The capitalised word right before `offset`, one space between ("Sheffield" of "Sheffield Wednesday")."""
    m = _CAPITALISED_BEFORE.search(text, max(0, offset - 40), offset)
    return m.group(1) if m else ""


def _bare(word: str) -> str:
    return word[:-2] if word[-2:-1] in APOSTROPHES and word.endswith("s") else word


def weekday_names_in(texts: Sequence[str], vocab: Vocabulary) -> frozenset[str]:
    """Capitalised word and weekday pairs that the draft itself shows to be a name ("Hartwell Wednesday").

    A pair is a name when it takes a possessive ("Hartwell Wednesday's captain":
    wire copy writes "Biden Tuesday signed" but never "Biden Tuesday's"), or
    when it comes twice or more, its first word never stands without the
    weekday, and no verb follows it as a subject at any mention (as "signed"
    follows "Biden Tuesday"). A name is then no day at every mention, headline included.
    """
    stop = vocab.openers | vocab.prepositions | vocab.not_after | vocab.habitual | set(vocab.determiners)
    stop |= {w.lower() for w in vocab.months} | {w.lower() for w in vocab.weekdays}
    pairs: dict[str, int] = {}
    named: set[str] = set()
    dateline: set[str] = set()  # pairs a verb follows: "Biden Tuesday signed"
    for text in texts:
        if vocab.any_weekday_re.search(text) is None:
            continue  # no weekday to search for
        for m in vocab.full_weekday_re.finditer(text):
            first = _word_before(text, m.start())
            if not first or first.lower() in stop:
                continue
            weekday = _bare(m.group(0))
            pair = f"{first} {weekday}"
            pairs[pair] = pairs.get(pair, 0) + 1
            if weekday != m.group(0) and re.match(r"\s+[a-z]", text[m.end() :]):
                named.add(pair)
            elif _verb_after(text, m.end(), vocab) and not _object(text, m.start() - len(first) - 1, vocab):
                dateline.add(pair)
    for pair, count in pairs.items():
        first = pair.split(" ", 1)[0]
        alone = sum(len(re.findall(rf"(?<![\w-]){re.escape(first)}(?![\w-])", t)) for t in texts)
        if count >= 2 and alone == count and pair not in dateline:
            named.add(pair)
    return frozenset(named)


def _object(text: str, offset: int, vocab: Vocabulary) -> bool:
    """After a preposition ("fans of Hartwell Wednesday filled") the verb that follows is not the pair's."""
    before = previous_words(text, offset)
    return bool(before) and before[-1] in vocab.prepositions


def _verb_after(text: str, offset: int, vocab: Vocabulary) -> bool:
    m = re.match(r"\s+([a-z][a-z'’]*)", text[offset:])
    if not m:
        return False
    word = m.group(1)
    if word in vocab.past or vocab.future_re.match(text[offset + m.start(1) :]):
        return True
    return len(word) > 4 and word.endswith("ed") and word not in vocab.not_past


def _schedules(text: str, vocab: Vocabulary) -> list[tuple[int, int]]:
    """"Open Monday to Friday" is a timetable; "from Monday to Friday" may be one week, so it counts."""
    spans = []
    for m in vocab.schedule_re.finditer(text):
        if previous_words(text, m.start())[-1:] not in (["from"], ["between"]):
            spans.append((m.start(), m.end()))
    return spans


_AUXILIARIES = frozenset({"be", "been", "being", "is", "are", "am", "get", "got"})
_ARTICLES = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "these", "those", "some", "any", "no"})
#: After these a verb stands in its base form, never a past one: "may come", "to put", "did not run".
_BASE_AFTER = _MODALS | {"to", "do", "does", "did"}
_WORD = compiled.regex(r"[a-z][a-z'’-]*")
_SPACES = compiled.regex(r"\s+")
#: Before "scheduled" or "planned" these make it a verb with a tense of its own ("is scheduled", "was planned").
_PLAN_AUXILIARIES = frozenset({"is", "are", "am", "was", "were", "be", "been", "being", "has", "have", "had"})
_HAVE_AFTER = compiled.regex(r"\s+(?:[a-z]+\s+)?(?:have|'ve|’ve)\s+(?:[a-z]+ly\s+)?(?P<participle>[a-z]+)")
_PROGRESSIVE = compiled.regex(r"(?<![\w'’])(?:is|are|am)\s+(?:(?P<adverb>[a-z]+)\s+)?(?P<verb>[a-z]{2,}ing)(?![\w'’-])")

NO_TENSE = "no verb in its clause gives the tense"
PAST_PLAN = "a plan told in the past tense does not say whether its day has passed"
PLAN_BESIDE_PAST = "a plan told beside a past verb may have had its day"
PRESENT_RELATIVE = "its relative clause is in the present tense, mostly a day still to come, but the day may be the sentence's"


@compiled.dataclass(frozen=True)
class Cue:
    """A word or phrase that tells the time of the words round it ("was arrested", "will", "is due")."""

    start: int
    end: int
    tense: str  # "past", "future", or "either" when the words do not decide
    #: The verb's own tense, when its complement's differs: it governs a weekday before it or right after
    #: it ("agreed Monday to meet", "promised on Tuesday a vote"), the complement one further on.
    before: str | None = None
    why: str = ""  # for "either": why the words do not decide
    reporting: bool = False  # "said", "told": it may attribute the words before it rather than govern them
    progressive: bool = False  # "is heading": an arrangement ahead, for a day but not a thing ("Tuesday's vote")
    plan: bool = False  # a participle with no auxiliary ("the talks scheduled for Monday"): its time is the sentence's

    def tense_at(self, text: str, offset: int) -> str:
        if self.before and (offset < self.start or _RIGHT_AFTER.fullmatch(text, self.end, offset)):
            return self.before
        return self.tense


_RIGHT_AFTER = compiled.regex(r"\s+(?:(?:on|late|early)\s+)?")


@compiled.dataclass(frozen=True)
class TenseReading:
    """What the verbs round a bare weekday say of its date: "past", "future", or None and why not."""

    tense: str | None
    guess: str = NO_TENSE
    #: For a future reported in the past ("said Monday it would vote Wednesday"): the weekday it was said on.
    said_on: int | None = None
    #: With no tense, the way a guess leans ("future": the coming day); None for the nearest day.
    leans: str | None = None


def tense_near(text: str, sentence: tuple[int, int], offset: int, vocab: Vocabulary) -> str | None:
    """"past", "future" or None: the tense cue nearest to `offset`, looked for in its clause first.

    A cue before the weekday governs it before one after it: in "told the
    paper on Friday that ambulances would go", Friday is when it was told.
    """
    for bounds in (clause_of(text, sentence, offset), sentence):
        cues = _tense_cues(text, bounds, vocab)
        if cues:
            return min(cues, key=lambda c: (c[0] > offset, _gap(c, offset), c[2] != "future"))[2]
    return None


def read_tense(text: str, sentence: tuple[int, int], offset: int, vocab: Vocabulary,
               possessive: bool = False, quoted: Sequence[tuple[int, int]] = ()) -> TenseReading:
    """The tense of a bare weekday at `offset`: its governing verb's, or the limit a preposition sets.

    The governing verb is looked for in the weekday's own clause (between
    commas and conjunctions), then its comma clause, then its sentence; a cue
    before the weekday governs it before one after it. "Postponed until
    Monday" and "could come as soon as Tuesday" look ahead whatever the verb,
    since the day ends a wait; but a past perfect ends the wait in the past
    ("Until Thursday, they had not called him a suspect"). "Ahead of
    Sunday's vote" looks ahead of the clause's time: of the story's, ahead; of
    a past verb's, either way. Verbs inside `quoted` (direct quotations) are
    the speaker's, in the speaker's tense, and govern nothing outside them.
    """
    clause = clause_of(text, sentence, offset)
    cue = _governing_cue(text, sentence, clause, offset, vocab, possessive, quoted)
    tense = cue.tense_at(text, offset) if cue else None
    before = previous_words(text, offset, 3)
    if before in (["as", "soon", "as"], ["as", "early", "as"]):
        return TenseReading("future")
    if before[-1:] == ["since"] or _earlier_before(text, sentence, offset, vocab):
        # "have been relocated since Wednesday", "Earlier this week on Wednesday, Erdogan said": a day
        # already passed, whatever the verb ("would change" is what was said)
        return TenseReading("past")
    if before[-1:] in (["until"], ["till"]) and not (tense == "past" and _HAD.search(text, *sentence)):
        return TenseReading("future")
    if _ahead_of(text, clause, offset, vocab):
        return TenseReading(None, PAST_PLAN) if tense == "past" else TenseReading("future")
    if cue is None:
        if _present_relative(text, clause, offset, vocab):
            # "the summit, which opens Wednesday", "Juventus, who entertain Cagliari on Sunday": a schedule
            return TenseReading(None, PRESENT_RELATIVE, leans="future")
        return TenseReading(None)
    if tense == "either":
        return TenseReading(None, cue.why)
    return TenseReading(tense, said_on=_said_on(text, sentence, cue, offset, vocab) if tense == "future" else None)


def _earlier_before(text: str, sentence: tuple[int, int], offset: int, vocab: Vocabulary) -> bool:
    """ "Earlier on Friday", "earlier this week on Wednesday": "earlier" at most four words before the weekday
    with no verb between (in "rose earlier but will fall on Wednesday" it is the rising's), and no comparison
    ("no earlier than Monday" looks ahead)."""
    m = None
    for m in _EARLIER.finditer(text, max(sentence[0], offset - 40), offset):
        pass
    return m is not None and len(_PREVIOUS_WORD.findall(text, m.end(), offset)) < 4 \
        and not _cues(text, (m.end(), offset), vocab)


_EARLIER = compiled.regex(r"(?i)\bearlier\b(?!\s+than\b)")  # "no earlier than Monday" compares: no past


def _ahead_of(text: str, clause: tuple[int, int], offset: int, vocab: Vocabulary) -> bool:
    """"ahead of Sunday's vote", "ahead of a speech by the president on Saturday": no verb between."""
    if vocab.ahead_re is None:
        return False
    start = max(clause[0], offset - 80)
    m = vocab.ahead_re.search(text[start:offset].lower())
    return m is not None and not _cues(text, (start + m.start("between"), offset), vocab)


def _said_on(text: str, sentence: tuple[int, int], cue: Cue, offset: int, vocab: Vocabulary) -> int | None:
    """The weekday a "would" was reported on: "said on Monday it would vote Wednesday" reckons from Monday."""
    if cue.start > offset or text[cue.start : cue.end].lower() != "would":
        return None
    found = None
    for m in vocab.reported_on_re.finditer(text, sentence[0], cue.start):
        found = m
    return vocab.weekdays[found.group(1)] if found else None


#: "had" (a past perfect, or the past of "have"): a wait that ended before the story.
_HAD = compiled.regex(r"(?i)\bhad(?:n[’']t)?\b")


def _governing_cue(text: str, sentence: tuple[int, int], clause: tuple[int, int], offset: int,
                   vocab: Vocabulary, possessive: bool, quoted: Sequence[tuple[int, int]] = ()) -> Cue | None:
    cues = _cues(text, sentence, vocab)
    if quoted:
        cues = [c for c in cues if not any(s <= c.start < e for s, e in quoted)]
    if not cues:
        return None
    own = _own_words(text, clause, offset, vocab)
    adjunct = _adjunct(text, clause, vocab)
    levels = [own, clause, sentence]
    opened = _relative_before(text, clause, offset)
    if opened is not None:
        # "Juventus, who entertain Cagliari on Sunday": the relative clause has its own time, as its verbs
        # keep to themselves (_subordinate); a verb outside it does not date its weekday
        levels = [(max(own[0], opened), own[1]), (opened, clause[1])]
    for start, end in levels:
        near = [c for c in cues if start <= c.start and c.end <= end
                and _may_govern(c, text, clause, offset, vocab, possessive, adjunct)
                and ((start, end) != sentence or not _subordinate(text, sentence, clause, c))]
        if near:
            cue = min(near, key=lambda c: (c.start > offset, _gap((c.start, c.end, c.tense), offset),
                                           c.tense != "future"))
            cue = _main_clause_cue(text, sentence, offset, cue, cues)
            if cue.plan and any(c.tense == "past" and not c.reporting for c in cues):
                # "A service planned for Saturday was cancelled": planned before it was cancelled,
                # and either may be past
                return Cue(cue.start, cue.end, "either", why=PLAN_BESIDE_PAST)
            return cue
    return None


def _main_clause_cue(text: str, sentence: tuple[int, int], offset: int, cue: Cue, cues: Sequence[Cue]) -> Cue:
    """In a clause of time a past form follows the main clause: "likely to buy as soon as trading opened Monday".

    When the past cue stands after "as soon as", "once", "before" or "by the
    time", and the main clause before it looks ahead (or leaves it open), the
    main clause's cue governs.
    """
    if cue.tense != "past" or cue.start > offset:
        return cue
    starts = [m.start() for m in _TIME_CLAUSE.finditer(text, sentence[0], cue.start)]
    if not starts:
        return cue
    main = [c for c in cues if c.end <= starts[-1] and c.tense != "past"]
    return max(main, key=lambda c: c.start) if main else cue


_TIME_CLAUSE = compiled.regex(r"(?i)\b(?:as soon as|once|before|by the time)\b")


def _own_words(text: str, clause: tuple[int, int], offset: int, vocab: Vocabulary) -> tuple[int, int]:
    """The weekday's clause cut at the conjunctions round it: "has claimed it will be hard and on Monday criticised"."""
    start, end = clause
    joins = (vocab.clause_breaks - vocab.reporting) | vocab.later_clauses
    for m in _LETTERS.finditer(text, start, end):
        if m.group(0).lower() in joins and not m.group(0).isupper():  # "(WHO)" is a body, no "who" clause
            if m.end() <= offset:
                start = m.end()
            elif m.start() > offset:
                return start, m.start()
    return start, end


_LETTERS = compiled.regex(r"[A-Za-z]+")
_SEQUENCE = compiled.regex(r"(?i)\b(?:after|since|following)\b")


def _subordinate(text: str, sentence: tuple[int, int], clause: tuple[int, int], cue: Cue) -> bool:
    """Whether `cue` stands in a subordinate clause of another comma clause, which keeps its verbs to itself.

    A relative clause between commas ("Ford, whose popularity sank when he
    pardoned Nixon, died late Tuesday"), and a "that" clause before the
    weekday's own clause joined by "and" ("The agency had ruled that the boy
    must return, and set Friday as the deadline"). A comma clause that goes
    on with the "that" clause ("warned that supplies will stop, possibly on
    Monday") keeps its verbs.
    """
    own = clause_of(text, sentence, cue.start)
    if own == clause:
        return False
    # an acronym is a body's name, no relative pronoun: "the World Health Organization (WHO) announced"
    words = [m.group(0).lower() for m in _LETTERS.finditer(text, own[0], cue.start) if not m.group(0).isupper()]
    if words[:1] and words[0] in _RELATIVES:
        return True
    first = _LETTERS.search(text, *clause)
    joined = first is not None and first.group(0).lower() in ("and", "but")
    return joined and any(w in _SUBORDINATORS for w in words)


def _closed_relative(text: str, start: int, end: int, cue: int) -> bool:
    """Whether the word at start:end opens a relative clause between commas that closes before `cue`.

    "On Friday, Beto O'Rourke, who was a candidate, announced the end of his
    campaign": the main clause goes on after the relative one, and its verb
    dates the weekday.
    """
    return text[start:end].lower() in _RELATIVES and text[:start].rstrip().endswith(",") \
        and "," in text[end:cue]


def _relative_before(text: str, clause: tuple[int, int], offset: int) -> int | None:
    """Where the relative clause holding the weekday opens ("…, which includes talks Tuesday"), if one does."""
    opened = None
    for m in _LETTERS.finditer(text, clause[0], offset):
        if m.group(0).lower() in _RELATIVES and not m.group(0).isupper():  # "(WHO)" is a body's name
            opened = m.start()
    return opened


def _present_relative(text: str, clause: tuple[int, int], offset: int, vocab: Vocabulary) -> bool:
    """Whether the weekday's relative clause opens on a verb in the present: "which begins", "who is", "who entertain".

    The word after "who" or "which" is the clause's verb unless it is the
    subject of its own ("who he named", "which the council passed": an
    object, no present), a perfect ("who have been trying" looks back), or
    past ("which called").
    """
    opened = _relative_before(text, clause, offset)
    if opened is None:
        return False
    words = [m for m in _LETTERS.finditer(text, opened, offset)][1:]
    while words and _adverb(words[0].group(0).lower(), vocab):  # "which also holds", "who badly needs"
        words.pop(0)
    if not words or words[0].end() > offset or not words[0].group(0).islower():
        return False
    word = words[0].group(0)
    if word in _PRESENT_BE:
        return True
    return word not in _NOT_PRESENT_VERBS and not word.endswith(("ed", "ing")) and text[words[0].end():][:1] != "'"


_PRESENT_BE = frozenset({"is", "are"})
#: What may follow "who" or "which" and be no present verb of theirs: a subject, a perfect, a modal's
#: work left to the cues ("will", "would"), a preposition or a determiner.
_NOT_PRESENT_VERBS = frozenset(
    "i you he she it we they this that these those the a an his her its their our my your some many most "
    "has have had was were will would could should may might must can shall do did been being "
    "in on at of for to from by with about after before since under over into as if not".split()
)


_RELATIVES = frozenset({"who", "whose", "whom", "which"})
_SUBORDINATORS = _RELATIVES | {"that", "because", "although", "though", "whereas", "when", "if", "unless"}


def _adjunct(text: str, clause: tuple[int, int], vocab: Vocabulary) -> bool:
    """Whether the weekday's comma clause is an adjunct ("On Tuesday,", "speaking on Friday,"), no clause of its own."""
    m = _LETTERS.search(text, *clause)
    if m is None:
        return True
    word = m.group(0)
    low = word.lower()
    return (low in vocab.prepositions or low in vocab.openers or word in vocab.weekdays
            or low.endswith("ing") or (len(low) > 4 and low.endswith("ed")))


def _may_govern(cue: Cue, text: str, clause: tuple[int, int], offset: int, vocab: Vocabulary,
                possessive: bool, adjunct: bool) -> bool:
    if possessive and cue.progressive:
        return False  # "police are investigating Tuesday's shooting": the shooting is past
    if cue.start < offset:
        # "is heading to Russia after winning the trophy Friday", "can be held until Saturday after being
        # arrested on Tuesday": what looks ahead does not govern what came before it
        return not (cue.tense != "past" and _SEQUENCE.search(text, cue.end, offset))
    if cue.progressive:
        return False  # "With the visit on Monday, relations are showing signs": an arrangement is for what follows
    if any(m.group(0).lower() in vocab.later_clauses and not m.group(0).isupper()
           and not _closed_relative(text, m.start(), m.end(), cue.start)
           for m in _LETTERS.finditer(text, offset, cue.start)):
        return False  # "opens on Friday, although talks were held": the later clause has its own time
    # "The vote is on Thursday, officials said": the attribution is not when the vote is
    return not (cue.reporting and cue.start >= clause[1] and not adjunct)


def _cues(text: str, bounds: tuple[int, int], vocab: Vocabulary) -> list[Cue]:
    """Every tense cue between `bounds`, left to right by kind."""
    start, end = bounds
    low = text[start:end].lower()
    title = is_title_case(text[start:end])  # "Elian's Dad May Come Monday": its capitals say nothing
    cues: list[Cue] = []
    phrases, kinds = vocab.phrase_cues
    taken: list[tuple[int, int]] = []
    for m in phrases.finditer(low):
        kind = kinds[_SPACES.sub(" ", m.group(0))]
        taken.append((m.start(), m.end()))
        a, b = start + m.start(), start + m.end()
        if kind == "intention":
            cues.append(Cue(a, b, "future", before="past"))
        elif kind == "past-plan":
            cues.append(Cue(a, b, "either", why=PAST_PLAN))
        elif kind == "past":
            cues.append(Cue(a, b, "past"))
        elif _modal_perfect(low, m.end(), vocab):
            cues.append(Cue(a, b, "past"))  # "could have voted": a perfect looks back
        else:
            cues.append(Cue(a, b, "either", why=f'"{m.group(0)}" may look back or ahead'))
    for m in vocab.future_re.finditer(low):
        word = m.group(0)
        if taken and overlaps(m.start(), m.end(), taken):
            continue
        if word in _MODALS and not title and _name_cased(text, start + m.start()):
            continue  # "elected in May", "Will Smith": a capital mid-sentence is a name, no modal
        if (word.endswith("ed") or word.endswith(" to")) and _modifies_noun(low, m.start(), vocab):
            continue  # "the hastily planned trip", "the plan to sell": after an article, an adjective or a noun
        # "may have been responsible": a modal perfect looks back
        tense = "past" if word in _MODALS and _modal_perfect(low, m.end(), vocab) else "future"
        before = previous_words(low, m.start()) if word.endswith("ed") and " " not in word else None
        plan = before is not None and not (before and before[-1] in _PLAN_AUXILIARIES)
        cues.append(Cue(start + m.start(), start + m.end(), tense, plan=plan))
    for m in _PROGRESSIVE.finditer(low):
        adverb = m.group("adverb")
        if m.group("verb") in vocab.not_progressive or (adverb and not _adverb(adverb, vocab)):
            continue
        cues.append(Cue(start + m.start(), start + m.end(), "future", progressive=True))
    past, not_past, previous, earlier = vocab.past, vocab.not_past, "", ""
    for m in _WORD.finditer(low):
        word = m.group(0)
        if (word in past or (len(word) > 4 and word.endswith("ed"))) and word not in not_past:
            auxiliary = earlier if _adverb(previous, vocab) else previous
            # After "be" or "is" a participle takes its tense from the auxiliary: "will be closed";
            # after an article it is an adjective: "a revised design"; after a modal, "to" or "did"
            # a verb is in its base form: "may still come", "will shut".
            if not (previous in _AUXILIARIES or previous in _ARTICLES or auxiliary in _BASE_AFTER):
                at = start + m.start()
                # a capital mid-sentence is a name: "Split", "Reed"
                if not _name_cased(text, at):
                    cues.append(Cue(at, start + m.end(), "past", reporting=word in vocab.reporting))
        # a month or a name ("in May, announced") is no modal that the next verb is the base form after
        earlier, previous = previous, ("" if word in _MODALS and not title and _name_cased(text, start + m.start())
                                       else word)
    return cues


def _name_cased(text: str, at: int) -> bool:
    """Whether the word at `at` is capitalised in the middle of its sentence, as a name is."""
    return text[at].isupper() and not at_sentence_start(text, at)


def _modal_perfect(low: str, at: int, vocab: Vocabulary) -> bool:
    """"may have been", "could have voted": "have" and a participle after a modal ("would have all" is no perfect)."""
    m = _HAVE_AFTER.match(low, at)
    if m is None:
        return False
    word = m.group("participle")
    return word in vocab.past or word in ("been", "gone") or (len(word) > 3 and word.endswith(("ed", "en")))


def _adverb(word: str, vocab: Vocabulary) -> bool:
    """An adverb of the `adverbs` list, or a word in -ly that is no noun of the `not-adverbs` list ("a rally")."""
    return word in vocab.adverbs or (len(word) > 4 and word.endswith("ly") and word not in vocab.not_adverbs)


def _tense_cues(text: str, bounds: tuple[int, int], vocab: Vocabulary) -> list[tuple[int, int, str]]:
    """The cues of `bounds` as DAT001 reads them: any modal, plan or intention looks ahead."""
    return [(c.start, c.end, "past" if c.tense == "past" else "future") for c in _cues(text, bounds, vocab)]


def _modifies_noun(low: str, at: int, vocab: Vocabulary) -> bool:
    """Whether the word at `at` follows an article, with at most an adverb between ("the hastily planned")."""
    words = previous_words(low, at, 2)
    if words and _adverb(words[-1], vocab):
        words.pop()
    return bool(words) and words[-1] in _ARTICLES


def _gap(cue: tuple[int, int, str], offset: int) -> int:
    start, end, _ = cue
    return offset - end if end <= offset else start - offset


# -- resolution ---------------------------------------------------------------


@compiled.dataclass(frozen=True)
class Resolved:
    """What a relative phrase means on a given reference date."""

    kind: str  # "day", "week", "weekend", "month", "year"
    first: dt.date
    last: dt.date
    part: str | None = None
    weekday: bool = False  # the phrase named the weekday: say it back
    qualifier: str | None = None  # "earlier" or "later"


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def resolve(rel: RelativeDate, ref: dt.date) -> Resolved:
    """The day, week, weekend, month or year a relative phrase means in a story dated `ref`."""
    step = {"this": 0, "earlier": 0, "later": 0, "last": -1, "next": 1, "coming": 1}.get(rel.means, 0)
    qualifier = rel.means if rel.means in ("earlier", "later") else None
    if rel.kind == "day":
        day = ref + dt.timedelta(days=rel.count)
        return Resolved("day", day, day, rel.part)
    if rel.kind == "weekday":
        return Resolved("day", *(_weekday_date(rel, ref),) * 2, rel.part, weekday=True)
    if rel.kind == "week":
        monday = monday_of(ref) + dt.timedelta(weeks=rel.count if rel.means == "count" else step)
        if rel.weekday:
            day = monday + dt.timedelta(days=rel.weekday - 1)
            return Resolved("day", day, day, weekday=True)
        return Resolved("week", monday, monday + dt.timedelta(days=6), qualifier=qualifier)
    if rel.kind == "weekend":
        saturday = monday_of(ref) + dt.timedelta(weeks=step, days=5)
        return Resolved("weekend", saturday, saturday + dt.timedelta(days=1), qualifier=qualifier)
    if rel.kind == "month-name":
        first = _named_month(rel, ref)
        return Resolved("month", first, add_months(first, 1) - dt.timedelta(days=1))
    if rel.kind == "month":
        first = add_months(ref, rel.count if rel.means == "count" else step)
        last = add_months(first, 1) - dt.timedelta(days=1)
        return Resolved("month", first, last, qualifier=qualifier)
    year = ref.year + (rel.count if rel.means == "count" else step)
    return Resolved("year", dt.date(year, 1, 1), dt.date(year, 12, 31), qualifier=qualifier)


def _named_month(rel: RelativeDate, ref: dt.date) -> dt.date:
    """"last March" is the most recent March before the story's month, "next May" the first after it."""
    month = rel.month or 1
    if rel.means == "last":
        return dt.date(ref.year if month < ref.month else ref.year - 1, month, 1)
    if rel.means in ("next", "coming"):
        return dt.date(ref.year if month > ref.month else ref.year + 1, month, 1)
    return dt.date(ref.year, month, 1)


def _weekday_date(rel: RelativeDate, ref: dt.date) -> dt.date:
    wanted = (rel.weekday or 1) - 1
    if rel.means == "last":  # the most recent one before the story's day
        back = (ref.weekday() - wanted) % 7 or 7
        return ref - dt.timedelta(days=back)
    if rel.means == "coming":  # the first one after it
        ahead = (wanted - ref.weekday()) % 7 or 7
        return ref + dt.timedelta(days=ahead)
    monday = monday_of(ref) + dt.timedelta(weeks=1 if rel.means == "next" else 0)
    return monday + dt.timedelta(days=wanted)


def likely_weekday(weekday: int, ref: dt.date, tense: str | None, said_on: int | None = None) -> dt.date:
    """The date a bare weekday most likely means: the nearest past one for the past tense.

    `said_on` is the weekday a future was reported on ("said Monday it would
    vote Wednesday"): the future is then the first such day after that one.
    """
    if tense == "future" and said_on is not None:
        said = likely_weekday(said_on, ref, "past")
        return said + dt.timedelta(days=(weekday - said_on - 1) % 7 + 1)
    wanted = weekday - 1
    back = (ref.weekday() - wanted) % 7
    ahead = (wanted - ref.weekday()) % 7
    if tense == "past":
        return ref - dt.timedelta(days=back)
    if tense == "future":
        return ref + dt.timedelta(days=ahead)
    return ref - dt.timedelta(days=back) if back <= ahead else ref + dt.timedelta(days=ahead)


# -- writing dates back -------------------------------------------------------


def long_date(day: dt.date, vocab: Vocabulary) -> str:
    """The message form: "9 March 2026"."""
    return f"{day.day} {vocab.month_names[day.month]} {day.year}"


def meaning(res: Resolved, vocab: Vocabulary) -> str:
    """What the message says a phrase means: "the week of 9 March 2026"."""
    if res.kind == "day":
        text = long_date(res.first, vocab)
        if res.weekday:
            text = f"{vocab.weekday_names[res.first.isoweekday()]}, {text}"
        if res.part:
            text = f"the {res.part} of {text}"
    elif res.kind == "week":
        text = f"the week of {long_date(res.first, vocab)}"
    elif res.kind == "weekend":
        text = f"the weekend of {_long_range(res.first, res.last, vocab)}"
    elif res.kind == "month":
        text = f"{vocab.month_names[res.first.month]} {res.first.year}"
    else:
        text = str(res.first.year)
    return f"{res.qualifier} in {text}" if res.qualifier else text


def _long_range(first: dt.date, last: dt.date, vocab: Vocabulary) -> str:
    if first.year != last.year:
        return f"{long_date(first, vocab)}–{long_date(last, vocab)}"
    if first.month != last.month:
        return f"{first.day} {vocab.month_names[first.month]}–{long_date(last, vocab)}"
    return f"{first.day}–{long_date(last, vocab)}"


def short_date(day: dt.date, ref: dt.date, vocab: Vocabulary) -> str:
    """The fix form, news style: "March 9", with the year only when it is not the story's."""
    text = f"{vocab.month_names[day.month]} {day.day}"
    return text if day.year == ref.year else f"{text}, {day.year}"


def _short_range(first: dt.date, last: dt.date, ref: dt.date, vocab: Vocabulary) -> str:
    if first.year != last.year:
        return f"{short_date(first, ref, vocab)}-{short_date(last, ref, vocab)}"
    year = "" if first.year == ref.year else f", {first.year}"
    if first.month != last.month:
        return f"{vocab.month_names[first.month]} {first.day}-{vocab.month_names[last.month]} {last.day}{year}"
    return f"{vocab.month_names[first.month]} {first.day}-{last.day}{year}"


def replacement(res: Resolved, ref: dt.date, vocab: Vocabulary, possessive: bool, after_preposition: bool) -> str:
    """The absolute words to put in place of a relative phrase."""
    if possessive:
        return _possessive(res, ref, vocab)
    preposition = ""
    if res.qualifier:
        text = {
            "week": f"the week of {short_date(res.first, ref, vocab)}",
            "weekend": f"the weekend of {_short_range(res.first, res.last, ref, vocab)}",
            "month": _month(res.first, ref, vocab),
            "year": str(res.first.year),
        }[res.kind]
        return f"{res.qualifier} in {text}"
    if res.kind == "day":
        text = short_date(res.first, ref, vocab)
        if res.weekday:
            text = f"{vocab.weekday_names[res.first.isoweekday()]}, {text}"
        if res.part:
            text = f"the {res.part} of {text}"
        preposition = "on "
    elif res.kind == "week":
        text = f"the week of {short_date(res.first, ref, vocab)}"
    elif res.kind == "weekend":
        text = f"the weekend of {_short_range(res.first, res.last, ref, vocab)}"
    elif res.kind == "month":
        text, preposition = _month(res.first, ref, vocab), "in "
    else:
        text, preposition = str(res.first.year), "in "
    return text if after_preposition else preposition + text


def _month(first: dt.date, ref: dt.date, vocab: Vocabulary) -> str:
    name = vocab.month_names[first.month]
    return name if first.year == ref.year else f"{name} {first.year}"


def _possessive(res: Resolved, ref: dt.date, vocab: Vocabulary) -> str:
    """"yesterday's vote" → "the March 11 vote"; "last month's report" → "February's report"."""
    if res.kind == "day":
        return f"the {short_date(res.first, ref, vocab)}"
    if res.kind in ("week", "weekend"):
        return f"the {_short_range(res.first, res.last, ref, vocab)}"
    if res.kind == "month":
        month = _month(res.first, ref, vocab)
        return f"{month}'s" if res.first.year == ref.year else f"the {month}"
    return f"the {res.first.year}"


def fit(text: str, source_text: str, following: str) -> str:
    """Match the replaced words' capital and close an inserted "Tuesday, March 10" with a comma."""
    if source_text[:1].isupper():
        text = text[:1].upper() + text[1:]
    if re.search(r"(?:^|\w), \w", text) and re.match(r"\s+[\w(]", following):
        text += ","
    return text


def iter_prose(document: Any) -> Iterator[Any]:
    """Every prose block a reader meets: blocks, then alt text and titles held in media."""
    # The six DAT rules each walk the same document: list its blocks once.
    last = _PROSE[0] if _PROSE else None  # read once: another thread may replace it
    if last is None or last[0] is not document:
        last = (document, tuple(_prose_blocks(document)))
        _PROSE[:] = [last]
    return iter(last[1])


#: The document last walked and its prose blocks (the document is kept, so its identity stays its own).
_PROSE: list[tuple[Any, tuple[Any, ...]]] = []


def dated_prose(document: Any, vocab: Vocabulary) -> tuple[tuple[Any, tuple[WrittenDate, ...]], ...]:
    """The prose blocks that write a date, in iter_prose's order, each with its dates.

    Four DAT rules read only written dates: they walk this list, made once a
    document, rather than each asking every block of the draft for its dates.
    """
    last = _DATED[0] if _DATED else None  # read once: another thread may replace it
    if last is None or last[0] is not document or last[1] is not vocab:
        dated = ((block, find_dates(block.prose, vocab)) for block in iter_prose(document))
        last = (document, vocab, tuple((block, tuple(dates)) for block, dates in dated if dates))
        _DATED[:] = [last]
    return last[2]


#: The document and vocabulary last asked for, and its dated blocks.
_DATED: list[tuple[Any, Vocabulary, tuple[tuple[Any, tuple[WrittenDate, ...]], ...]]] = []


def _prose_blocks(document: Any) -> Iterator[Any]:
    seen = set()
    for block in document.blocks:
        seen.add((block.kind, block.span(0, len(block.text))))
        yield block
    for media in document.media:
        for field in media.fields.values():
            block = getattr(field, "block", None)
            if block is not None and (block.kind, block.span(0, len(block.text))) not in seen:
                seen.add((block.kind, block.span(0, len(block.text))))
                yield block
