"""The parsed draft: prose blocks, media and front matter, each mapped back to the original file."""

from __future__ import annotations

import bisect
import datetime as _dt
from dataclasses import field
from typing import Any, Iterator, Mapping

from factlint import compiled
from factlint.limits import DEFAULT, Limits
from factlint.spans import Span

#: Block kinds a format reader produces.
HEADLINE = "headline"
SUBHEADING = "subheading"
PARAGRAPH = "paragraph"
CAPTION = "caption"  # figcaption, image alt text or title
LIST_ITEM = "list-item"


@compiled.dataclass(frozen=True)
class Segment:
    """A run of block text copied from `source[src_start:src_end]`.

    When the two lengths differ (an entity `&amp;` became `&`), every
    character of the run maps to the whole source run.
    """

    text_start: int
    text_end: int
    src_start: int
    src_end: int


class SourceMap:
    """Maps offsets in a block's text to offsets in the original source."""

    __slots__ = ("_segments", "_starts", "_one")

    def __init__(self, segments: list[Segment]) -> None:
        self._segments = segments
        self._starts = [s.text_start for s in segments]
        # Most blocks are one run of the source: its bounds as plain numbers, read by every rule's span().
        self._one: tuple[int, int, int, int, bool] | None = None
        if len(segments) == 1:
            seg = segments[0]
            same = seg.text_end - seg.text_start == seg.src_end - seg.src_start
            self._one = (seg.text_start, seg.text_end, seg.src_start, seg.src_end, same)

    @classmethod
    def identity(cls, src_start: int, length: int) -> "SourceMap":
        return cls([Segment(0, length, src_start, src_start + length)])

    def _segment(self, i: int) -> Segment:
        if len(self._segments) == 1:
            return self._segments[0]
        k = bisect.bisect_right(self._starts, i) - 1
        return self._segments[max(k, 0)]

    def start_of(self, i: int) -> int:
        """Source offset of the character at text offset `i`."""
        if not self._segments:
            return 0
        seg = self._segment(i)
        if i >= seg.text_end:
            return seg.src_end
        if seg.text_end - seg.text_start == seg.src_end - seg.src_start:
            return seg.src_start + (i - seg.text_start)
        return seg.src_start

    def end_of(self, i: int) -> int:
        """Source offset just after the character at text offset `i - 1`."""
        if not self._segments:
            return 0
        if i <= 0:
            return self._segments[0].src_start
        seg = self._segment(i - 1)
        if i - 1 >= seg.text_end:
            return seg.src_end
        if seg.text_end - seg.text_start == seg.src_end - seg.src_start:
            return seg.src_start + (i - seg.text_start)
        return seg.src_end

    def text_offset(self, offset: int, length: int) -> int:
        """The last text offset in [0, length] whose character starts at or before source `offset`."""
        segments = self._segments
        if len(segments) == 1:
            seg = segments[0]
            if seg.text_start == 0 and seg.text_end == length == seg.src_end - seg.src_start:
                return min(max(offset - seg.src_start, 0), length)  # a copy of the source: no search
        lo, hi = 0, length
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.start_of(mid) <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def span(self, start: int, end: int) -> Span:
        """The source span of text[start:end]."""
        one = self._one
        if one is None or end <= start:
            return self._span(start, end)
        text_start, text_end, src_start, src_end, same = one  # one segment: no search
        if start >= text_end:
            first = src_end
        else:
            first = src_start + (start - text_start) if same else src_start
        if end <= 0:
            last = src_start
        elif end > text_end:
            last = src_end
        else:
            last = src_start + (end - text_start) if same else src_end
        return Span(first, last)

    def _span(self, start: int, end: int) -> Span:
        """`span` of an empty range, or of a block mapped in several segments."""
        if end <= start:
            at = self.start_of(start)
            return Span(at, at)
        return Span(self.start_of(start), self.end_of(end))


@compiled.dataclass(frozen=True)
class Link:
    """A hyperlink inside a block: its text range in the block and its target."""

    text_start: int
    text_end: int
    url: str
    url_span: Span | None


@compiled.dataclass(frozen=True)
class Block:
    """One unit of prose: a headline, subheading, paragraph, caption or list item.

    `text` is what a reader reads (markup removed, entities decoded);
    `prose` has the same length with code and URLs blanked out, so rules that
    judge wording never see them. `quote_depth` counts enclosing blockquotes.
    """

    kind: str
    text: str
    prose: str
    map: SourceMap = field(repr=False, compare=False)
    links: tuple[Link, ...] = ()
    quote_depth: int = 0

    def span(self, start: int, end: int) -> Span:
        return self.map.span(start, end)


@compiled.dataclass(frozen=True)
class Field:
    """A named value of a media item (alt, title, credit, license...) and where it stands."""

    value: str
    span: Span
    block: Block | None = None  # when the value is prose the reader mapped


@compiled.dataclass(frozen=True)
class Media:
    """A photo, video or illustration in the draft.

    `kind` is "image" (Markdown or HTML img), "figure" (HTML figure) or
    "front-matter". `fields` holds alt, title, caption, data-credit,
    data-license and, for front matter entries, every scalar key.
    `block_index` is the index in `Document.blocks` of the paragraph that
    holds a Markdown image, so a credit in it or right after it attaches.
    """

    kind: str
    span: Span
    src: str | None
    fields: Mapping[str, Field]
    block_index: int | None = None


@compiled.dataclass(frozen=True)
class FrontMatter:
    """Parsed YAML front matter; `spans` maps key paths such as ("images", 0, "license") to value spans."""

    data: Any
    span: Span
    spans: Mapping[tuple, Span]

    def span_of(self, *path: Any) -> Span | None:
        return self.spans.get(tuple(path))


@compiled.dataclass(frozen=True)
class ProblemReport:
    """A reader's complaint about the file itself (FL001, FL003)."""

    code: str
    message: str
    span: Span


@compiled.dataclass(frozen=True)
class ReadOptions:
    """Settings a format reader needs from the configuration."""

    reference_date_key: str = "date"
    image_keys: tuple[str, ...] = ("image", "images")
    limits: Limits = DEFAULT


@compiled.dataclass(frozen=True)
class Document:
    """A draft as the rules see it."""

    path: str
    source: str
    format: str
    blocks: tuple[Block, ...] = ()
    media: tuple[Media, ...] = ()
    front_matter: FrontMatter | None = None
    reference_date: _dt.date | None = None
    #: Why the front matter's date gives no reference date although it is there ("next tuesday" is no date).
    reference_date_problem: str | None = None
    problems: tuple[ProblemReport, ...] = ()
    #: Source spans that are not prose (code, comments, scripts).
    non_prose: tuple[Span, ...] = ()
    #: Source spans of code (fenced, indented, inline): a suppression comment
    #: written there is an example, not a directive.
    code: tuple[Span, ...] = ()
    _line_starts: list[int] = field(default_factory=list, repr=False, compare=False)
    _lines: dict[int, str] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self._line_starts:
            starts = [0]
            find = self.source.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
            self._line_starts.extend(starts)

    @property
    def headline(self) -> Block | None:
        return next((b for b in self.blocks if b.kind == HEADLINE), None)

    def blocks_of(self, *kinds: str) -> Iterator[Block]:
        return (b for b in self.blocks if b.kind in kinds)

    @property
    def body(self) -> Iterator[Block]:
        """Paragraphs and list items: the story's running text."""
        return self.blocks_of(PARAGRAPH, LIST_ITEM)

    @property
    def copy(self) -> Iterator[Block]:
        """Every block a rule on the copy reads: all but the headline (subheadings, paragraphs, list items, captions).

        Readers decide what the headline is (a plain-text first line only
        when a blank line follows it), so a rule that walks `copy` never
        loses the first line of a draft that has none.
        """
        return (b for b in self.blocks if b.kind != HEADLINE)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (row, column) in code points of a source offset."""
        row = bisect.bisect_right(self._line_starts, offset) - 1
        column = offset - self._line_starts[row]
        # A CR of a CRLF ending belongs to its line; columns never count it twice.
        return row + 1, column + 1

    def line_text(self, row: int) -> str:
        """The text of 1-based `row` without its line ending; one string per row, shared by every finding on it."""
        text = self._lines.get(row)
        if text is None:
            starts = self._line_starts
            if not 1 <= row <= len(starts):
                return ""
            end = starts[row] - 1 if row < len(starts) else len(self.source)
            text = self._lines[row] = self.source[starts[row - 1] : end].rstrip("\r")
        return text
