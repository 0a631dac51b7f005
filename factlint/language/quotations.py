"""Finding quotations in a block's text: which marks open, which close, which are apostrophes or inches."""

from __future__ import annotations

import bisect
import functools
import re
from typing import Iterable, Sequence


__all__ = [
    "CURLY",
    "DOUBLE",
    "MARKS",
    "PARTNERS",
    "SINGLE",
    "STRAIGHT",
    "Passage",
    "Quotation",
    "QuotationScan",
    "StrayMark",
    "builtin_elisions",
    "count_words",
    "direct_quotations",
    "find_quotations",
    "passages",
    "quoted_ranges",
    "scan_quotations",
    "style_of",
]

from factlint import compiled
from factlint.language.marks import CURLY, DOUBLE, DOUBLE_MARKS, MARKS, PARTNERS, SINGLE, SINGLE_MARKS, STRAIGHT
#: What may stand right before an opening mark besides a space or the start.
_OPENERS = set("([{<—–-/\u00a0") | set(MARKS)
#: What may stand right after a closing mark besides a space or the end.
_CLOSERS = set(".,;:!?)]}>—–-…/*_") | set(MARKS)
_WORD = compiled.regex(r"[^\W_]+(?:['’\-.][^\W_]+)*")
_APOSTROPHES = "'’‘"
_MARK = compiled.regex("[" + re.escape(MARKS) + "]")


@compiled.dataclass(frozen=True)
class Quotation:
    """A quotation's marks and extent within one text.

    `start` is the offset of the opening mark; `end` the offset just after
    the closing mark, or None when it never closes in the text (then
    `inner_end` is where the enclosing quotation closed, or the text's end).
    """

    start: int
    end: int | None
    open_mark: str
    close_mark: str | None
    words: int
    inner_start: int
    inner_end: int
    depth: int = 0  # 0 for an outermost quotation, 1 for one nested in it...
    family: str = DOUBLE  # DOUBLE or SINGLE

    @property
    def closed(self) -> bool:
        return self.end is not None

    @property
    def inner(self) -> tuple[int, int]:
        """The text range between the marks (to the end when unclosed)."""
        return self.inner_start, self.inner_end

    @property
    def close_start(self) -> int | None:
        return None if self.end is None else self.end - 1

    @property
    def outer_end(self) -> int:
        """Where the quotation stops: after its closing mark, else the end of its inner text."""
        return self.end if self.end is not None else self.inner_end

    def contains(self, start: int, end: int | None = None) -> bool:
        """True when text[start:end] lies between the marks."""
        end = start + 1 if end is None else end
        return self.inner_start <= start and end <= self.inner_end

    def is_direct(self, min_words: int = 6) -> bool:
        """A direct quotation in the SPEC's sense: long enough not to be a title or scare quote."""
        return self.words >= min_words

    @property
    def well_formed(self) -> bool:
        return self.close_mark is not None and self.close_mark in PARTNERS.get(self.open_mark, ())


@compiled.dataclass(frozen=True)
class StrayMark:
    """A closing mark with no quotation open."""

    offset: int
    mark: str
    family: str


@compiled.dataclass(frozen=True)
class QuotationScan:
    """Everything found in one text: quotations in order of their opening marks, and stray closings."""

    text: str
    quotations: tuple[Quotation, ...]
    stray: tuple[StrayMark, ...]

    def unclosed(self) -> list[Quotation]:
        return [q for q in self.quotations if not q.closed]


@compiled.dataclass(frozen=True)
class Passage:
    """A quotation running over consecutive paragraphs: open at each, closed only at the last.

    `parts` pairs a paragraph's index in the sequence given with its part of
    the quotation. A single-paragraph quotation is a passage of one part.
    """

    parts: tuple[tuple[int, Quotation], ...]

    @property
    def first(self) -> tuple[int, Quotation]:
        return self.parts[0]

    @property
    def last(self) -> tuple[int, Quotation]:
        return self.parts[-1]

    @property
    def words(self) -> int:
        return sum(q.words for _, q in self.parts)

    @property
    def closed(self) -> bool:
        return self.parts[-1][1].closed


def style_of(mark: str) -> str | None:
    """STRAIGHT, CURLY, or None for marks of other languages (guillemets, low marks)."""
    if mark in "\"'":
        return STRAIGHT
    if mark in "“”‘’":
        return CURLY
    return None


def count_words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


class WordIndex:
    """`count_words(text[a:b])` for any stretch of one text, without re-reading the text for each.

    A line with thousands of quotation marks left open asks for the words of
    thousands of stretches that all run to its end; counting each afresh read
    the line once per mark. The words of the whole text are found once; a
    stretch holds the words wholly inside it, plus the piece of a word it cuts
    at either edge (a piece of one word is one word or none, so those are
    counted directly).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def count(self, a: int, b: int) -> int:
        if b <= a:
            return 0
        if self._starts is None:
            spans = [m.span() for m in _WORD.finditer(self.text)]
            self._starts = [start for start, _ in spans]
            self._ends = [end for _, end in spans]
        starts, ends = self._starts, self._ends
        first = bisect.bisect_right(ends, a)  # the first word that ends after a
        last = bisect.bisect_left(starts, b) - 1  # the last word that starts before b
        if first > last:
            return 0
        if first == last and starts[first] < a and ends[first] > b:
            return count_words(self.text[a:b])  # a stretch inside one word
        total = last - first + 1
        if starts[first] < a:  # the stretch opens inside a word: count what it keeps of it
            total += count_words(self.text[a : ends[first]]) - 1
        if ends[last] > b:  # and closes inside one
            total += count_words(self.text[max(starts[last], a) : b]) - 1
        return total


@functools.lru_cache(maxsize=1)
def builtin_elisions() -> tuple[str, ...]:
    """The shipped pack of elisions that begin with an apostrophe ('n', 'em, 'tis)."""
    import yaml

    from factlint.packs import BUILTIN_DIR

    path = BUILTIN_DIR / "quote-elisions.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError:
        return ()
    return tuple(str(e) for e in data.get("elisions", ()))


@functools.lru_cache(maxsize=32)
def _normalise_elisions(elisions: tuple[str, ...]) -> tuple[str, ...]:
    # Cached: every paragraph of every draft asks with the same pack.
    # Longest first, so "'n'" wins over "'n"; every apostrophe form compares equal.
    forms = {e.strip().lower().translate(_APOS_TABLE) for e in elisions if e.strip()}
    return tuple(sorted(forms, key=len, reverse=True))


_APOS_TABLE = str.maketrans({"’": "'", "‘": "'", "`": "'"})


#: Characters that print nothing (zero-width spaces and joiners, direction marks and embeddings, the BOM):
#: a mark after one stands where it would stand without it.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\ufeff")


def _boundary_before(prev: str) -> bool:
    return prev == "" or prev.isspace() or prev in _OPENERS or prev in _INVISIBLE


def _boundary_after(nxt: str) -> bool:
    return nxt == "" or nxt.isspace() or nxt in _CLOSERS


class _Scanner:
    """One left-to-right pass pairing marks with a stack of open quotations."""

    def __init__(self, text: str, elisions: tuple[str, ...]) -> None:
        self.text = text
        self.elisions = elisions
        self.stack: list[tuple[int, str, str]] = []  # (offset, mark, family)
        self.found: list[Quotation] = []
        self.stray: list[StrayMark] = []
        self.words = WordIndex(text)

    def run(self) -> QuotationScan:
        text = self.text
        i = 0
        while True:
            # Only marks matter: jump from one to the next rather than visiting every character.
            mark = _MARK.search(text, i)
            if mark is None:
                break
            i = mark.start()
            c = text[i]
            if c in DOUBLE_MARKS:
                self._double(i, c)
            elif c in SINGLE_MARKS:
                skip = self._elision(i)
                if skip:
                    i += skip
                    continue
                self._single(i, c)
            i += 1
        for depth in range(len(self.stack) - 1, -1, -1):
            offset, mark, family = self.stack[depth]
            self._unclosed(offset, mark, family, len(text), depth)
        self.stack.clear()
        found = tuple(sorted(self.found, key=lambda q: q.start))
        return QuotationScan(text, found, tuple(self.stray))

    def _around(self, i: int) -> tuple[str, str]:
        prev = self.text[i - 1] if i > 0 else ""
        nxt = self.text[i + 1] if i + 1 < len(self.text) else ""
        return prev, nxt

    def _open(self, family: str) -> bool:
        return any(f == family for _, _, f in self.stack)

    def _double(self, i: int, c: str) -> None:
        prev, nxt = self._around(i)
        left = _boundary_before(prev) and not _boundary_after(nxt)
        right = _boundary_after(nxt) and not _boundary_before(prev)
        if c == '"':
            if prev.isdigit() and (self._feet_and_inches(i) or not self._open(DOUBLE)):
                return  # an inch mark: 6'2", a 27" screen
            if left:
                self._push(i, c, DOUBLE)
            elif right or self._open(DOUBLE) or (_boundary_after(nxt) and prev in _CLOSERS):
                # After punctuation and before a space ("times."" ) a mark can only close.
                self._close(i, c, DOUBLE)
            else:
                self._push(i, c, DOUBLE)
        elif c in "„«":
            self._push(i, c, DOUBLE)
        elif c == "»":
            self._close(i, c, DOUBLE)
        elif c == "“":
            # „…“ closes with this mark, and so does the typo “…“.
            if right and self._open(DOUBLE):
                self._close(i, c, DOUBLE)
            else:
                self._push(i, c, DOUBLE)
        else:  # ”
            if prev.isdigit() and self._feet_and_inches(i):
                return  # an inch mark: 6’2”
            # A ” opening a word with nothing open is a wrongly turned opening mark, and so is one that
            # opens its paragraph ("” … they are not like him,” she said"): a paragraph never starts by closing.
            opens_paragraph = self.text[:i].strip("".join(_INVISIBLE) + " \t\n") == ""
            if (left or opens_paragraph) and not self._open(DOUBLE):
                self._push(i, c, DOUBLE)
            else:
                self._close(i, c, DOUBLE)

    def _feet_and_inches(self, i: int) -> bool:
        return re.search(r"\d['’′]\s?\d{1,2}$", self.text[max(0, i - 6) : i]) is not None

    def _elision(self, i: int) -> int:
        """Length of an elision starting at i ('n', 'em, '90s), else 0."""
        prev, nxt = self._around(i)
        if self.text[i] not in _APOSTROPHES or not _boundary_before(prev):
            return 0
        if nxt.isdigit():
            m = re.match(r"['’‘]\d\d(?:s\b|\b)", self.text[i:])
            if m:
                return m.end()
        rest = self.text[i : i + 12].lower().translate(_APOS_TABLE)  # lowered here: "İ" grows when lowered
        for e in self.elisions:
            if rest.startswith(e):
                after = self.text[i + len(e)] if i + len(e) < len(self.text) else ""
                if not after.isalnum():
                    return len(e)
        return 0

    def _single(self, i: int, c: str) -> None:
        prev, nxt = self._around(i)
        if prev.isalnum() and nxt.isalnum():
            return  # an apostrophe inside a word: union’s, don't
        if prev.isdigit() and c in "'’":
            return  # feet: a 6' fence
        left = _boundary_before(prev) and not _boundary_after(nxt)
        right = _boundary_after(nxt) and not _boundary_before(prev)
        if c in "‚‹":
            self._push(i, c, SINGLE)
        elif c == "›":
            self._close(i, c, SINGLE)
        elif c == "‘":
            if right and self._open(SINGLE):
                self._close(i, c, SINGLE)
            elif left or not right:
                self._push(i, c, SINGLE)
        elif c == "'" and left:
            self._push(i, c, SINGLE)
        elif right or (c == "'" and not left):
            # A closing mark with nothing open is an apostrophe (the workers’ union),
            # and so is a plural possessive when a later mark can close the quotation.
            if self._open(SINGLE) and not self._possessive(i):
                self._close(i, c, SINGLE)

    def _possessive(self, i: int) -> bool:
        prev = self.text[i - 1] if i > 0 else ""
        following = self.text[i + 1 : i + 3]
        if prev not in "sSzZ" or len(following) < 2 or following[0] != " " or not following[1].isalpha():
            return False
        return self._next_single_close(i + 1) >= 0

    def _next_single_close(self, start: int) -> int:
        for j in range(start, len(self.text)):
            if self.text[j] in "'’":
                prev = self.text[j - 1] if j > 0 else ""
                nxt = self.text[j + 1] if j + 1 < len(self.text) else ""
                if _boundary_after(nxt) and not _boundary_before(prev) and not prev.isdigit():
                    return j
            elif self.text[j] in "‘‚":
                prev = self.text[j - 1] if j > 0 else ""
                if _boundary_before(prev):
                    return -1
        return -1

    def _push(self, i: int, mark: str, family: str) -> None:
        self.stack.append((i, mark, family))

    def _close(self, i: int, mark: str, family: str) -> None:
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][2] == family:
                break
        else:
            if family == DOUBLE:
                self.stray.append(StrayMark(i, mark, family))
            return
        # Quotations opened inside this one and never closed end with it.
        while len(self.stack) > k + 1:
            offset, open_mark, fam = self.stack.pop()
            self._unclosed(offset, open_mark, fam, i, len(self.stack))
        offset, open_mark, fam = self.stack.pop()
        words = self.words.count(offset + 1, i)
        self.found.append(Quotation(offset, i + 1, open_mark, mark, words, offset + 1, i, len(self.stack), fam))

    def _unclosed(self, offset: int, mark: str, family: str, inner_end: int, depth: int) -> None:
        """A quotation never closed; `depth` is how many still-open quotations began before it (the stack is in order)."""
        words = self.words.count(offset + 1, inner_end)
        self.found.append(Quotation(offset, None, mark, None, words, offset + 1, inner_end, depth, family))


def scan_quotations(text: str, elisions: Iterable[str] | None = None) -> QuotationScan:
    """Pair the quotation marks of one paragraph's text.

    `elisions` are words that begin with an apostrophe ('n', 'em); by default
    the shipped `quote-elisions` pack.
    """
    forms = _normalise_elisions(builtin_elisions() if elisions is None else tuple(elisions))
    return _scan(text, forms)


@functools.lru_cache(maxsize=1024)
def _scan(text: str, elisions: tuple[str, ...]) -> QuotationScan:
    # Cached: the three QUO rules and the DAT rules scan the same paragraphs; the scan is immutable.
    return _Scanner(text, elisions).run()


def find_quotations(text: str, elisions: Iterable[str] | None = None) -> list[Quotation]:
    """Every quotation in `text`, nested ones included, in order of their opening marks."""
    return list(scan_quotations(text, elisions).quotations)


def direct_quotations(text: str, min_words: int = 6, elisions: Iterable[str] | None = None) -> list[Quotation]:
    """Outermost quotations long enough to be a speaker's words rather than a title or scare quote."""
    return [q for q in find_quotations(text, elisions) if q.depth == 0 and q.is_direct(min_words)]


def quoted_ranges(text: str, min_words: int = 6, elisions: Iterable[str] | None = None) -> list[tuple[int, int]]:
    """Text ranges inside direct quotations, for rules that leave a speaker's words alone."""
    return [q.inner for q in direct_quotations(text, min_words, elisions)]


def _opens_paragraph(text: str, quotation: Quotation) -> bool:
    return quotation.depth == 0 and text[: quotation.start].strip() == ""


def passages(scans: Sequence[QuotationScan]) -> list[Passage]:
    """Outermost quotations of consecutive paragraphs, joined by the multi-paragraph convention.

    A paragraph whose last outermost quotation never closes continues into the
    next paragraph when that one starts with an opening mark of the same family.
    """
    result: list[Passage] = []
    running: list[tuple[int, Quotation]] = []  # parts of a quotation still open at the paragraph's end
    for index, scan in enumerate(scans):
        outer = [q for q in scan.quotations if q.depth == 0]
        if running:
            if outer and outer[0].family == running[-1][1].family and _opens_paragraph(scan.text, outer[0]):
                running.append((index, outer.pop(0)))
            if running[-1][0] != index or running[-1][1].closed or outer:
                result.append(Passage(tuple(running)))
                running = []
        for q in outer:
            if q.closed:
                result.append(Passage(((index, q),)))
            else:
                running = [(index, q)]
    if running:
        result.append(Passage(tuple(running)))
    return sorted(result, key=lambda p: (p.first[0], p.first[1].start))
