"""Markdown drafts with YAML front matter, parsed by markdown-it-py and mapped back to the file."""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Any, Sequence

from factlint import compiled
from factlint.document import (
    CAPTION,
    HEADLINE,
    LIST_ITEM,
    PARAGRAPH,
    SUBHEADING,
    Block,
    Document,
    Field,
    Link,
    Media,
    ProblemReport,
    ReadOptions,
    Segment,
    SourceMap,
    Span,
)
from factlint.formats import _common
from factlint.plugins import Format, hookimpl


_LONE_CR = compiled.regex(r"\r(?!\n)")
_INLINE_MEDIA_RE = compiled.regex(r"<(?:img|video|picture|figure)\b", re.IGNORECASE)


#: Tokens that open and close one level of blockquote or list nesting.
_NESTING_OPEN = frozenset({"blockquote_open", "bullet_list_open", "ordered_list_open"})
_NESTING_CLOSE = frozenset({"blockquote_close", "bullet_list_close", "ordered_list_close"})
#: The block tokens read() acts on besides `inline` (the rest, like paragraph_open, it passes over).
_READ = frozenset({
    "blockquote_open", "blockquote_close", "list_item_open", "list_item_close", "heading_open", "heading_close",
    "fence", "code_block", "html_block",
})
#: Block markers (`>`, `-`, `1.`) that open a line; what follows them is the line's text.
_MARKERS_RE = compiled.regex(r"(?:[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)))*[ \t]*")


@functools.lru_cache(maxsize=4)
def _parser(max_nesting: int) -> Any:
    from markdown_it import MarkdownIt

    # markdown-it counts token levels, not containers: a list is two (list, item) and
    # the paragraph in it one more, so `max_nesting` lists need 2 * max_nesting + 1.
    # Whatever lies deeper is dropped, and reported by read().
    md = MarkdownIt("commonmark", {"maxNesting": 2 * max_nesting + 1})
    md.block.tokenize = functools.partial(_tokenize, md.block.tokenize, md.options.maxNesting)
    # Keep entities and escapes as separate tokens: their source form is in
    # `markup`, which is how decoded text is mapped back to the file.
    md.disable("text_join")
    return md


def _tokenize(tokenize: Any, max_level: int, state: Any, start_line: int, end_line: int) -> None:
    """markdown-it's block tokenizer, except past its nesting limit.

    There markdown-it drops every line to `end_line`, which for a list item is
    the end of the whole list's container: the paragraphs after a list nested
    too deeply were lost. Only the lines of the too-deep item (indented to it,
    or blank) are dropped here.
    """
    if state.level < max_level:
        tokenize(state, start_line, end_line)
        return
    line = start_line
    while line < end_line and (state.isEmpty(line) or state.sCount[line] >= state.blkIndent):
        line += 1
    state.line = line


class _Lines:
    """Source line starts, so token line numbers become offsets."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.starts = [0]
        i = source.find("\n")
        while i != -1:
            self.starts.append(i + 1)
            i = source.find("\n", i + 1)

    def line(self, n: int) -> tuple[int, str]:
        """Offset and text (without its line ending) of 0-based line n."""
        if n >= len(self.starts):
            return len(self.source), ""
        start = self.starts[n]
        end = self.starts[n + 1] - 1 if n + 1 < len(self.starts) else len(self.source)
        return start, self.source[start:end].rstrip("\r")

    def offset(self, n: int) -> int:
        return self.starts[n] if n < len(self.starts) else len(self.source)


def _content_offsets(content: str, lines: _Lines, first_line: int) -> Sequence[int]:
    """The source offset of every character of an inline token's content (+1 for its end).

    A range when the characters follow one another in the source (most
    paragraphs: no indent, no line-end spaces), so nothing is built per character.
    """
    pieces: list[Sequence[int]] = []
    for k, part in enumerate(content.split("\n")):
        start, text = lines.line(first_line + k)
        if k:
            pieces.append(range(start - 1, start))  # the newline that ended the previous line
        pieces.append(_locate(part, text, start))
    first = stop = -1
    for piece in pieces:
        if not isinstance(piece, range) or (stop >= 0 and piece and piece.start != stop):
            break
        if piece:
            first, stop = (piece.start if stop < 0 else first), piece.stop
    else:
        if stop >= 0:
            return range(first, stop + 1)
    offsets: list[int] = []
    for piece in pieces:
        offsets.extend(piece)
    offsets.append(offsets[-1] + 1 if offsets else lines.offset(first_line))
    return offsets


def _locate(part: str, text: str, base: int) -> Sequence[int]:
    """Where each character of a content line stands in the source, its source line starting at `base`.

    The content line is the source line less its block prefix (`> `, list
    indent, `#`); markdown-it turns a tab it only partly consumed into spaces,
    so when the plain search fails the line is searched with its tabs expanded.
    """
    at = len(text.rstrip()) - len(part)
    if at < 0 or text[at : at + len(part)] != part:
        at = text.find(part) if part else len(text)
    if at >= 0:
        return range(base + at, base + at + len(part))
    expanded, origin = [], []
    for i, ch in enumerate(text):
        width = 4 - len(expanded) % 4 if ch == "\t" else 1
        expanded.extend(" " * width if ch == "\t" else ch)
        origin.extend([i] * width)
    at = "".join(expanded).rfind(part)
    if at < 0:
        return range(base, base + len(part))  # no better anchor than the line start
    return [base + i for i in origin[at : at + len(part)]]


def _matching(text: str, at: int, open_: str, close: str) -> int:
    """Index of the bracket closing the one at `at`, or -1."""
    depth = 0
    i = at
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == open_:
            depth += 1
        elif ch == close:
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


class _InlineBuilder:
    """Walks one inline token's children, building block text and its source map."""

    def __init__(self, content: str, offsets: Sequence[int], source: str = "") -> None:
        self.content = content
        self.source = source
        self.html_media: list[Media] = []
        self.offsets = offsets
        self.cursor = 0
        self.text: list[str] = []
        self.length = 0
        self.segments: list[list[int]] = []  # [text_start, text_end, src_start, src_end]: Segments in smap()
        self.code: list[tuple[int, int]] = []
        self.links: list[Link] = []
        self.images: list[tuple[Span, dict[str, Field], str | None]] = []
        self.non_prose: list[Span] = []
        self._link_start: list[tuple[int, dict, bool]] = []

    def src(self, i: int) -> int:
        """The source offset of content offset `i`."""
        return self.offsets[min(i, len(self.offsets) - 1)]

    def emit_verbatim(self, at: int, text: str) -> None:
        """Text that stands in the content at `at`, character for character."""
        if not text:
            return
        offsets = self.offsets
        if type(offsets) is range and at + len(text) <= len(offsets):
            self._emit_run(offsets[at], len(text))  # content that is one stretch of its source
            self.text.append(text)
            return
        # The source offset of each character, as src() gives it (past the end: the last offset).
        last_index = len(offsets) - 1
        sources = list(offsets[at : min(at + len(text), last_index + 1)])
        sources += [self.offsets[last_index]] * (len(text) - len(sources))
        if sources[-1] - sources[0] == len(text) - 1 and sources == list(range(sources[0], sources[-1] + 1)):
            self._emit_run(sources[0], len(text))  # the usual text: one stretch of its source
            self.text.append(text)
            return
        k = 0
        while k < len(text):
            # Characters that also follow one another in the source share one segment.
            end = k + 1
            while end < len(text) and sources[end] == sources[end - 1] + 1:
                end += 1
            self._emit_run(sources[k], end - k)
            k = end
        self.text.append(text)

    def _emit_run(self, src: int, count: int) -> None:
        """`count` characters standing one after another from `src`: extend the last segment if it ends there."""
        last = self.segments[-1] if self.segments else None
        if last and last[1] == self.length and last[3] == src and last[1] - last[0] == last[3] - last[2]:
            last[1] += count
            last[3] += count
        else:
            self.segments.append([self.length, self.length + count, src, src + count])
        self.length += count

    def emit_replaced(self, at: int, source_length: int, text: str) -> None:
        """Text that stands for content[at:at+source_length] (an entity, an escape)."""
        start, end = self.src(at), self.src(at + source_length - 1) + 1
        self.segments.append([self.length, self.length + len(text), start, end])
        self.text.append(text)
        self.length += len(text)

    def find(self, needle: str) -> int:
        return self.content.find(needle, self.cursor)

    def walk(self, children: list[Any]) -> None:
        """Build the block from the inline token's children, each by the handler of its type (others only nest)."""
        handlers = _HANDLERS
        for tok in children:
            handler = handlers.get(tok.type)
            if handler is not None:
                handler(self, tok)

    def _text(self, tok: Any) -> None:
        at = self.find(tok.content)
        if at < 0:
            return
        self.emit_verbatim(at, tok.content)
        self.cursor = at + len(tok.content)

    def _text_special(self, tok: Any) -> None:
        at = self.find(tok.markup)
        if at < 0:
            return
        self.emit_replaced(at, len(tok.markup), tok.content)
        self.cursor = at + len(tok.markup)

    def _softbreak(self, tok: Any) -> None:
        at = self.find("\n")
        if at < 0:
            return
        self.emit_replaced(at, 1, " ")
        self.cursor = at + 1

    _hardbreak = _softbreak

    def _code_inline(self, tok: Any) -> None:
        opened = self.find(tok.markup)
        if opened < 0:
            return
        inner = self.content.find(tok.content, opened + len(tok.markup)) if tok.content else -1
        start = self.length
        if inner >= 0 and "\n" not in self.content[opened:inner]:
            self.emit_verbatim(inner, tok.content)
            self.cursor = inner + len(tok.content)
        closed = self.content.find(tok.markup, self.cursor)
        self.code.append((start, self.length))
        self.cursor = closed + len(tok.markup) if closed >= 0 else self.cursor

    def _html_inline(self, tok: Any) -> None:
        at = self.find(tok.content)
        if at < 0:
            return
        span = Span(self.src(at), self.src(at + len(tok.content) - 1) + 1)
        self.non_prose.append(span)
        if _INLINE_MEDIA_RE.match(tok.content):  # `<img ...>` written inside a paragraph
            _, media = _html_fragment(self.source, span.start, span.end)
            self.html_media.extend(media)
        self.cursor = at + len(tok.content)

    def _link_open(self, tok: Any) -> None:
        self._link_start.append((self.length, dict(tok.attrs), tok.markup == "autolink"))

    def _link_close(self, tok: Any) -> None:
        if not self._link_start:
            return
        start, attrs, auto = self._link_start.pop()
        href = str(attrs.get("href", ""))
        url_span = None
        if auto:
            self.code.append((start, self.length))  # the address itself is not prose
            url_span = self.smap().span(start, self.length)
            if self.cursor < len(self.content) and self.content[self.cursor] == ">":
                self.cursor += 1
        else:
            url_span = self._skip_destination()
        self.links.append(Link(start, self.length, href, url_span or None))

    def _skip_destination(self) -> Span | None:
        """Move past `](destination "title")` or `][ref]`; return the destination's span."""
        rest = self.content
        at = rest.find("]", self.cursor)
        if at < 0:
            return None
        after = at + 1
        if after < len(rest) and rest[after] == "(":
            close = _matching(rest, after, "(", ")")
            if close < 0:
                self.cursor = after
                return None
            dest = after + 1
            while dest < close and rest[dest] in " \t\n":
                dest += 1
            end = dest
            if end < close and rest[end] == "<":
                end = rest.find(">", end) + 1 or close
            else:
                while end < close and rest[end] not in " \t\n":
                    end += 1
            self.cursor = close + 1
            return Span(self.src(dest), self.src(max(end - 1, dest)) + 1) if end > dest else None
        if after < len(rest) and rest[after] == "[":
            close = rest.find("]", after)
            self.cursor = close + 1 if close >= 0 else after
            return None
        self.cursor = after
        return None

    def _image(self, tok: Any) -> None:
        opened = self.find("![")
        if opened < 0:
            return
        alt_close = _matching(self.content, opened + 1, "[", "]")
        if alt_close < 0:
            return
        fields: dict[str, Field] = {}
        alt_raw = self.content[opened + 2 : alt_close]
        if alt_raw.strip():
            fields["alt"] = _raw_field(alt_raw, opened + 2, self, CAPTION)
        end = alt_close + 1
        src = tok.attrs.get("src")
        if end < len(self.content) and self.content[end] == "(":
            close = _matching(self.content, end, "(", ")")
            if close > 0:
                title = tok.attrs.get("title")
                if title:
                    at = self.content.find(title, end, close)
                    if at >= 0:
                        fields["title"] = _raw_field(title, at, self, CAPTION)
                    else:
                        span = Span(self.src(end + 1), self.src(close))
                        smap = SourceMap([Segment(0, len(title), span.start, span.end)])
                        fields["title"] = Field(title, span, _common.make_block(CAPTION, title, smap))
                end = close + 1
        elif end < len(self.content) and self.content[end] == "[":
            close = self.content.find("]", end)
            end = close + 1 if close >= 0 else end
        if src:
            fields["src"] = Field(str(src), Span(self.src(opened), self.src(end - 1) + 1))
        span = Span(self.src(opened), self.src(end - 1) + 1)
        self.images.append((span, fields, str(src) if src else None))
        self.cursor = end

    def smap(self) -> SourceMap:
        if not self.segments:  # an image alone in its paragraph: anchor at the paragraph
            return SourceMap([Segment(0, 0, self.offsets[0], self.offsets[0])])
        return SourceMap([Segment(*segment) for segment in self.segments])


#: The inline token types the builder reads, and how; emphasis and the like only nest.
_HANDLERS = {
    "text": _InlineBuilder._text,
    "text_special": _InlineBuilder._text_special,
    "softbreak": _InlineBuilder._softbreak,
    "hardbreak": _InlineBuilder._hardbreak,
    "code_inline": _InlineBuilder._code_inline,
    "html_inline": _InlineBuilder._html_inline,
    "link_open": _InlineBuilder._link_open,
    "link_close": _InlineBuilder._link_close,
    "image": _InlineBuilder._image,
}


def _raw_field(raw: str, at: int, builder: _InlineBuilder, kind: str) -> Field:
    """A prose field (alt, title) standing verbatim in the source."""
    segments = []
    for k in range(len(raw)):
        src = builder.src(at + k)
        if segments and segments[-1].src_end == src:
            last = segments[-1]
            segments[-1] = Segment(last.text_start, last.text_end + 1, last.src_start, src + 1)
        else:
            segments.append(Segment(k, k + 1, src, src + 1))
    smap = SourceMap(segments)
    block = _common.make_block(kind, raw, smap)
    return Field(raw, smap.span(0, len(raw)), block)


def read(path: str, source: str, options: ReadOptions) -> Document:
    """Parse a Markdown draft into blocks, media and front matter."""
    problems = []
    front = None
    body_start = 0
    inner = _common.split_front_matter(source)
    unclosed = _common.unclosed_front_matter(source)
    if unclosed is not None:
        problems.append(unclosed)
    if inner is not None:
        front, problem = _common.read_front_matter(source, inner, options.limits.front_matter_nodes)
        if problem:
            problems.append(problem)
        body_start = _common.front_matter_end(source, inner)
    date_problem = _common.reference_date_problem(front, options)
    if date_problem:
        problems.append(date_problem[0])
    first_body_line = source.count("\n", 0, body_start)
    # Blank lines in place of the front matter keep markdown-it's line numbers those of the file.
    # A lone CR is no line break here (Document.position counts LF only); markdown-it must agree.
    body = _LONE_CR.sub(" ", source[body_start:])
    lines = _Lines(source[:body_start] + body)
    tokens = _parser(options.limits.max_nesting).parse("\n" * first_body_line + body)

    blocks: list[Block] = []
    media: list[Media] = []
    non_prose: list[Span] = []
    code: list[Span] = []
    kind_stack: list[str] = []
    quote_depth = 0
    heading: str | None = None
    headline_seen = False
    nesting = 0  # blockquotes and lists around the token
    max_nesting = options.limits.max_nesting
    for tok in tokens:
        t = tok.type
        if t in _NESTING_OPEN:
            nesting += 1
            if nesting == max_nesting + 1:
                problem = _too_deep(tok, lines, max_nesting)
                if problem is not None:
                    problems.append(problem)
        if nesting > max_nesting:
            nesting -= t in _NESTING_CLOSE
            continue
        if t in _NESTING_CLOSE:
            nesting -= 1
        if t == "inline":
            if tok.map:
                kind = heading or (kind_stack[-1] if kind_stack else PARAGRAPH)
                headline_seen = _inline(tok, kind, lines, source, quote_depth, headline_seen,
                                        blocks, media, non_prose, code)
        elif t not in _READ:  # paragraph_open and the like: nothing to do
            continue
        elif t == "blockquote_open":
            quote_depth += 1
        elif t == "blockquote_close":
            quote_depth -= 1
        elif t == "list_item_open":
            kind_stack.append(LIST_ITEM)
        elif t == "list_item_close":
            kind_stack.pop()
        elif t == "heading_open":
            if tok.tag == "h1" and not headline_seen:
                heading, headline_seen = HEADLINE, True
            else:
                heading = SUBHEADING
        elif t == "heading_close":
            heading = None
        elif t in ("fence", "code_block") and tok.map:
            code.append(Span(lines.offset(tok.map[0]), lines.offset(tok.map[1])))
        elif t == "html_block" and tok.map:
            start, end = lines.offset(tok.map[0]), lines.offset(tok.map[1])
            html_blocks, html_media = _html_fragment(source, start, end)
            media.extend(_shift(m, len(blocks)) for m in html_media)
            blocks.extend(html_blocks)
    if front is not None:
        if not headline_seen:
            title = _common.front_matter_headline(front, source)
            if title is not None:
                blocks.insert(0, title)
                media = [_shift(m, 1) for m in media]
        media = _common.front_matter_media(front, options) + media
    return Document(
        path=path,
        source=source,
        format="markdown",
        blocks=tuple(blocks),
        media=tuple(media),
        front_matter=front,
        reference_date=_common.reference_date(front, options),
        reference_date_problem=date_problem[1] if date_problem else None,
        problems=tuple(problems),
        non_prose=tuple(non_prose + code),
        code=tuple(code),
        # A lone CR became a space, not a line break: these are the source's own line starts, found once.
        _line_starts=lines.starts,
    )


def _inline(tok: Any, kind: str, lines: _Lines, source: str, quote_depth: int, headline_seen: bool,
            blocks: list[Block], media: list[Media], non_prose: list[Span], code: list[Span]) -> bool:
    """Add the block of one inline token (and its images, code and markup); whether a headline is still seen."""
    builder = _InlineBuilder(tok.content, _content_offsets(tok.content, lines, tok.map[0]), source)
    builder.walk(tok.children or [])
    text = "".join(builder.text)
    if kind == HEADLINE and not text.strip():
        headline_seen = False
    block = _common.make_block(kind, text, builder.smap(), builder.code, tuple(builder.links), quote_depth)
    index = len(blocks)
    blocks.append(block)
    non_prose.extend(builder.non_prose)
    code.extend(block.span(start, end) for start, end in builder.code)
    for span, fields, src in builder.images:
        media.append(Media("image", span, src, fields, index))
    media.extend(replace(m, block_index=index) for m in builder.html_media)
    return headline_seen


def _too_deep(tok: Any, lines: _Lines, max_nesting: int) -> ProblemReport | None:
    """FL001 at the first text of a blockquote or list nested past the limit (none when it holds no text)."""
    first, end = tok.map or (0, 0)
    for n in range(first, end):
        start, text = lines.line(n)
        at = _MARKERS_RE.match(text).end()
        if at < len(text):
            return ProblemReport(
                "FL001",
                f"not checked: nested too deeply (more than {max_nesting} levels of blockquotes and lists)",
                Span(start + at, start + at),
            )
    return None


def _shift(media: Media, by: int) -> Media:
    if media.block_index is None or not by:
        return media
    return replace(media, block_index=media.block_index + by)


def _html_fragment(source: str, start: int, end: int) -> tuple[list[Block], list[Media]]:
    """Raw HTML in a Markdown draft (a `<figure>` block, say) is read by the HTML reader."""
    try:
        from factlint.formats.html import parse_fragment
    except ImportError:  # pragma: no cover - the HTML reader ships with factlint
        return [], []
    return parse_fragment(source, start, end)


@hookimpl
def factlint_formats() -> list[Format]:
    return [Format(name="markdown", extensions=(".md", ".markdown"), read=read)]
