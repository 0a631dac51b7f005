"""HTML drafts: article prose, images and figures, and the published date, mapped back to the file."""

from __future__ import annotations

import datetime as _dt
import html
from dataclasses import replace
from html.parser import HTMLParser
from typing import Sequence

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
    ReadOptions,
    Segment,
    SourceMap,
    Span,
)
from factlint.formats import _common
from factlint.plugins import Format, hookimpl

# The tag tables below are HTML's own grammar (what the WHATWG parser does),
# not editorial word lists, so they live here rather than in a rule pack.

VOID = frozenset(
    "area base br col embed hr img input keygen link meta param source track wbr".split()
)
HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
#: Elements whose text is one block, and the kind of that block.
BLOCK_KINDS = {
    "p": PARAGRAPH,
    **{h: SUBHEADING for h in HEADINGS},
    "li": LIST_ITEM,
    "figcaption": CAPTION,
    "dt": PARAGRAPH,
    "dd": PARAGRAPH,
    "td": PARAGRAPH,
    "th": PARAGRAPH,
    "caption": PARAGRAPH,
    "summary": PARAGRAPH,
    "legend": PARAGRAPH,
}
#: Block-level elements: text on either side of them is never one block.
BOUNDARY = frozenset(
    (
        "address article aside blockquote body center details dialog dir div dl fieldset figure "
        "footer form header hgroup hr html main menu nav ol pre search section table tbody thead "
        "tfoot tr ul"
    ).split()
) | frozenset(BLOCK_KINDS)
#: Start tags that end an open `p` (the parser's "close a p element").
CLOSES_P = BOUNDARY - frozenset("body html tbody thead tfoot tr td th caption summary legend".split())
#: Elements an implied end tag does not look past.
SCOPE = frozenset("applet button caption html marquee object table td template th".split())
#: Elements whose content is never story prose: page navigation and controls, and
#: text a tracked change deleted (`del`).
SKIP = frozenset(
    (
        "audio button canvas del head iframe math nav noscript object pre script select style svg template "
        "textarea title video"
    ).split()
)
#: Inline elements whose text stays in the block but is blanked in the prose.
CODE = frozenset(("code", "kbd", "samp"))
#: Elements reported in Document.non_prose.
NON_PROSE = frozenset(("script", "style", "template", "noscript", "code", "kbd", "samp", "pre"))
#: What may stand in `head`; anything else means the author forgot `</head>`.
HEAD_CONTENT = frozenset("base link meta noscript script style template title".split())
#: Embedded media other than `img` that make a `figure` a media item.
EMBEDS = frozenset(("video", "audio", "iframe", "embed", "object", "picture", "canvas", "svg"))
#: Tags the reader does something about; any other (em, span, abbr...) only nests.
SPECIAL = (
    VOID | BOUNDARY | SKIP | CODE | EMBEDS
    | frozenset(("a", "time", "head", "li", "dt", "dd", "td", "th", "tr", "figcaption", "blockquote"))
)
#: Meta names and properties that give the publication date, most trusted first.
DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
)

# html.parser's own patterns for a tag name and an attribute (private there),
# so attribute positions found here agree with the values it reports.
_TAG_NAME = compiled.regex(r"([a-zA-Z][^\t\n\r\f />\x00]*)(?:\s|/(?!>))*")
_ATTRIBUTE = compiled.regex(
    r"((?<=['\"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*"
    r"('[^']*'|\"[^\"]*\"|(?!['\"])[^>\s]*))?(?:\s|/(?!>))*"
)
_IMAGE_ATTRIBUTES = frozenset(("alt", "title", "src"))
_ENTITY = compiled.regex(r"&(?:#[xX][0-9a-fA-F]+;?|#[0-9]+;?|[A-Za-z][A-Za-z0-9]*;?)")
_COMMENT_CLOSE = compiled.regex(r"--\s*>")
#: The publication date in a page's JSON-LD metadata (schema.org NewsArticle).
_JSON_LD_DATE = compiled.regex(r'"datePublished"\s*:\s*"([^"]*)"')


def _decode(source: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """source[start:end] as (text, src_start, src_end) runs with character references decoded."""
    raw = source[start:end]
    if "&" not in raw:
        return [(raw, start, end)]
    runs = []
    last = 0
    for m in _ENTITY.finditer(raw):
        decoded = html.unescape(m.group())
        if decoded == m.group():
            continue  # "AT&T": not a reference, stays verbatim
        if m.start() > last:
            runs.append((raw[last : m.start()], start + last, start + m.start()))
        runs.append((decoded, start + m.start(), start + m.end()))
        last = m.end()
    if last < len(raw):
        runs.append((raw[last:], start + last, end))
    return runs


def _opens_markup(after: str) -> bool:
    """Whether the character after a `<` makes it markup (a tag, an end tag, a comment or a declaration)."""
    return after.isalpha() or after in ("/", "!", "?")


def _attribute_spans(tag_text: str, offset: int) -> dict[str, tuple[int, int]]:
    """{name: (start, end)} of every attribute value of a start tag, quotes excluded.

    html.parser gives values without positions; this walks the tag with the
    parser's own patterns so both agree on what an attribute is.
    """
    spans: dict[str, tuple[int, int]] = {}
    m = _TAG_NAME.match(tag_text, 1)
    if not m:
        return spans
    k = m.end()
    while k < len(tag_text):
        a = _ATTRIBUTE.match(tag_text, k)
        if not a:
            break
        if a.group(2):
            start, end = a.span(3)
            if end - start >= 2 and tag_text[start] in "'\"" and tag_text[end - 1] == tag_text[start]:
                start, end = start + 1, end - 1
        else:
            start = end = a.end(1)
        spans.setdefault(a.group(1).lower(), (offset + start, offset + end))
        k = a.end()
    return spans


def _mapped(kind: str, runs: Sequence[tuple[str, int, int]], anchor: int,
            code: Sequence[tuple[int, int]] = (), links: Sequence[tuple[int, int, str, Span | None]] = (),
            quote_depth: int = 0) -> Block:
    """A block from decoded runs: surrounding white space trimmed, the rest mapped as it stands."""
    text = runs[0][0] if len(runs) == 1 else "".join([r[0] for r in runs])
    lead = len(text) - len(text.lstrip())
    stop = len(text.rstrip())
    if stop <= lead:
        return _common.make_block(kind, "", SourceMap([Segment(0, 0, anchor, anchor)]), quote_depth=quote_depth)
    if len(runs) == 1 and not code and not links and len(text) == runs[0][2] - runs[0][1]:
        # One stretch of the source as it stands (most paragraphs): one segment, nothing to clip.
        src_start = runs[0][1]
        smap = SourceMap([Segment(0, stop - lead, src_start + lead, src_start + stop)])
        return _common.make_block(kind, text[lead:stop], smap, [], (), quote_depth)
    # [text_start, text_end, src_start, src_end, verbatim]; adjacent verbatim runs merge
    spans: list[list] = []
    at = 0
    for part, src_start, src_end in runs:
        n = len(part)
        lo, hi = max(at, lead), min(at + n, stop)
        if lo < hi:
            if n != src_end - src_start:
                spans.append([lo - lead, hi - lead, src_start, src_end, False])
            elif spans and spans[-1][4] and spans[-1][1] == lo - lead and spans[-1][3] == src_start + lo - at:
                spans[-1][1], spans[-1][3] = hi - lead, src_start + hi - at
            else:
                spans.append([lo - lead, hi - lead, src_start + lo - at, src_start + hi - at, True])
        at += n
    segments = [Segment(a, b, c, d) for a, b, c, d, _ in spans]
    size = stop - lead

    def clip(i: int) -> int:
        return min(max(i - lead, 0), size)

    kept_code = [(clip(a), clip(b)) for a, b in code if clip(a) < clip(b)]
    kept_links = tuple(Link(clip(a), clip(b), url, span) for a, b, url, span in links)
    return _common.make_block(kind, text[lead:stop], SourceMap(segments), kept_code, kept_links, quote_depth)


class _Run:
    """The text gathered for one block while the parser walks it."""

    __slots__ = ("kind", "level", "parts", "length", "nonblank", "code", "links", "open_links", "media")

    def __init__(self, kind: str, level: int = 0) -> None:
        self.kind = kind
        self.level = level
        self.reset()

    def reset(self) -> None:
        self.parts: list[tuple[str, int, int]] = []
        self.length = 0
        self.nonblank = False
        self.code: list[tuple[int, int]] = []
        self.links: list[tuple[int, int, str, Span | None]] = []
        self.open_links: list[_OpenLink] = []
        self.media: list[_MediaDraft] = []

    def add(self, text: str, src_start: int, src_end: int, code: bool = False) -> None:
        if not text:
            return
        if code:
            self.code.append((self.length, self.length + len(text)))
        self.parts.append((text, src_start, src_end))
        self.length += len(text)
        if not self.nonblank and not text.isspace():
            self.nonblank = True

    def separate(self, src_start: int, src_end: int) -> None:
        """A space standing for markup that separates words (`<br>`, a `<p>` inside a caption)."""
        if self.parts and not self.parts[-1][0][-1:].isspace():
            self.parts.append((" ", src_start, src_end))
            self.length += 1

    def close_links(self) -> list[tuple[int, int, str, Span | None]]:
        """Every link of the run, those still open ending here, in text order."""
        for link in self.open_links:
            link.close()
        self.open_links = []
        return sorted(self.links, key=lambda link: (link[0], link[1]))


class _OpenLink:
    """An `<a href>` whose end tag has not come yet."""

    __slots__ = ("run", "start", "url", "span", "open")

    def __init__(self, run: _Run, url: str, span: Span) -> None:
        self.run, self.start, self.url, self.span, self.open = run, run.length, url, span, True

    def close(self) -> None:
        if self.open:  # else its block was already made, and the link ended with it
            self.open = False
            self.run.links.append((self.start, self.run.length, self.url, self.span))


@compiled.dataclass
class _MediaDraft:
    """A media item before the blocks are final (indices are into the reader's drafts)."""

    kind: str
    span: Span
    src: str | None
    fields: dict[str, Field]
    article: int  # which top-level article holds it (0: none)
    block_draft: int | None = None
    caption_draft: int | None = None


@compiled.dataclass
class _Figure:
    """An open `figure`: its images, embeds and caption as they arrive."""

    span: Span
    fields: dict[str, Field]
    article: int  # which top-level article holds it (0: none)
    quote_depth: int
    images: list[tuple[Span, str | None, dict[str, Field]]]
    embed: str | None = None
    has_embed: bool = False
    caption_draft: int | None = None
    figcaption: bool = False  # the caption came from a figcaption, not loose text


class _Frame:
    """An open element."""

    __slots__ = ("tag", "start", "run", "figure", "link", "main", "title")

    def __init__(self, tag: str, start: int) -> None:
        self.tag = tag
        self.start = start
        self.run: _Run | None = None
        self.figure: _Figure | None = None
        self.link: _OpenLink | None = None
        self.main = False
        self.title: _Run | None = None


@compiled.dataclass(frozen=True)
class _Draft:
    block: Block
    level: int
    article: int  # which top-level article holds it (0: none)


class _Reader(HTMLParser):
    """Walks html.parser's events, building blocks and media with source offsets.

    Data events carry no end, so a run of text is closed by the next event:
    its raw source range is decoded here, which keeps every entity mapped.
    """

    def __init__(self, source: str, start: int, end: int, date_key: str = "date") -> None:
        self.consumed = 0  # what html.parser has read and dropped from its buffer
        self.at = start  # where its event stands in `source` (html.parser counts lines and columns)
        super().__init__(convert_charrefs=True)
        self.src = source
        self.base = start
        self.at = start
        self.end = end
        self.date_keys = DATE_KEYS if date_key.lower() in DATE_KEYS else DATE_KEYS + (date_key.lower(),)
        self.stack: list[_Frame] = []
        self.open_tags: dict[str, int] = {}  # how many of each tag are open: spares deep stack walks
        self.loose = _Run(PARAGRAPH)
        self.run = self.loose
        self.pending: int | None = None
        self.pending_markup = False
        self.dead = False
        self.skip = self.code = self.quote = self.caption = self.items = 0
        self.figures: list[_Figure] = []
        self.articles = 0  # top-level articles seen
        self.article = 0  # the one open now (0: none)
        self.drafts: list[_Draft] = []
        self.media: list[_MediaDraft] = []
        self.non_prose: list[Span] = []
        self.title_frame: _Frame | None = None
        self.title: Block | None = None
        self.dates: dict[str, str] = {}

    # -- driving ---------------------------------------------------------

    def parse(self) -> "_Reader":
        try:
            self.feed(self.src[self.base : self.end])
            self.close()
        except AssertionError:  # html.parser's last resort on hopeless markup: keep what was read
            pass
        self.close_data(self.end)
        self.pop_to(0, self.end)
        self.emit(self.loose)
        return self

    def updatepos(self, i: int, j: int) -> int:
        """Move past rawdata[i:j] (html.parser's one call for each piece it reads, in order) by offset alone.

        html.parser counts the lines and columns of every piece, which this
        reader only turned back into an offset.
        """
        if i < j:
            self.at = self.base + self.consumed + j
        return j

    def goahead(self, end: bool) -> None:
        """html.parser's main loop; what it drops from its buffer is counted, so offsets stay the file's."""
        before = len(self.rawdata)
        super().goahead(end)
        self.consumed += before - len(self.rawdata)

    def parse_html_declaration(self, i: int) -> int:
        # `<![...` reaches _markupbase, which raises on anything but CDATA-like
        # sections; HTML treats it as a bogus comment up to the next `>`.
        if self.rawdata.startswith("<![", i):
            gt = self.rawdata.find(">", i + 3)
            if gt < 0:
                return -1
            self.handle_comment(self.rawdata[i + 2 : gt])
            return gt + 1
        return super().parse_html_declaration(i)

    # -- html.parser events ----------------------------------------------

    def handle_data(self, data: str) -> None:
        if self.dead:
            return
        at = self.at  # the event's offset (updatepos keeps it)
        # html.parser hands back, as data, markup it could not finish (an
        # unclosed comment or tag at the end): that is not text a reader sees.
        # (inside a script, `<!--` and tags are the script's text, not markup)
        markup = data[:1] == "<" and self.cdata_elem is None and _opens_markup(self.src[at + 1 : at + 2])
        if markup or self.pending_markup:
            self.close_data(at)
        if markup and (data.startswith("<!--") or data == "<"):
            # an unclosed comment, or a tag cut off by the end of the file:
            # what follows is not text (browsers agree)
            self.non_prose.append(Span(at, self.end))
            self.dead = True
            return
        if self.pending is None:
            self.pending = at
            self.pending_markup = markup

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.start_tag(tag, attrs, closed=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.start_tag(tag, attrs, closed=True)

    def handle_endtag(self, tag: str) -> None:
        at = self.event()
        if at < 0:
            return
        if tag not in SPECIAL and self.stack and self.stack[-1].tag == tag:
            self.stack.pop()  # the common inline end tag: nothing to close but itself
            self.open_tags[tag] -= 1
            return
        gt = self.src.find(">", at + 1, self.end)
        end = gt + 1 if gt >= 0 else self.end
        if tag in VOID:
            if tag == "br" and not self.skip:
                self.run.separate(at, end)  # browsers read `</br>` as `<br>`
            return
        i = self.find_open(tag)
        if i is None:
            if tag in BOUNDARY:
                self.boundary(at, end)
            return
        self.pop_to(i + 1, at)
        self.pop_to(i, end)
        if tag in BOUNDARY:
            self.boundary(at, end)

    def handle_comment(self, data: str) -> None:
        at = self.event()
        if at < 0:
            return
        if self.src.startswith("<!--", at):
            m = _COMMENT_CLOSE.search(self.src, at + 4, self.end)
            end = m.end() if m else self.end
        else:
            gt = self.src.find(">", at, self.end)
            end = gt + 1 if gt >= 0 else self.end
        self.non_prose.append(Span(at, end))

    def handle_decl(self, decl: str) -> None:
        self.event()

    def handle_pi(self, data: str) -> None:
        self.event()

    def unknown_decl(self, data: str) -> None:
        self.event()

    # -- text ---------------------------------------------------------------

    def event(self) -> int:
        """Offset of the markup event being handled, after closing the text before it (-1 once dead)."""
        if self.dead:
            return -1
        at = self.at  # the event's offset (updatepos keeps it)
        self.close_data(at)
        return at

    def close_data(self, at: int) -> None:
        start, self.pending = self.pending, None
        markup, self.pending_markup = self.pending_markup, False
        if start is None or start >= at or markup:
            return
        if self.skip:
            if self.title_frame is None or self.title_frame.title is None:
                return
            run, code = self.title_frame.title, False
        else:
            run, code = self.run, self.code > 0
        for text, a, b in self.decoded_text(start, at):
            run.add(text, a, b, code)

    def decoded_text(self, start: int, end: int) -> list[tuple[str, int, int]]:
        # html.parser drops a `</>` silently, without an event: it is in the
        # middle of a data run and must not become text.
        cut = self.src.find("</>", start, end)
        if cut < 0:  # the usual text
            return _decode(self.src, start, end)
        runs: list[tuple[str, int, int]] = []
        while cut >= 0:
            runs.extend(_decode(self.src, start, cut))
            start = cut + 3
            cut = self.src.find("</>", start, end)
        return runs + _decode(self.src, start, end)

    # -- elements ------------------------------------------------------------

    def start_tag(self, tag: str, attrs: list[tuple[str, str | None]], closed: bool) -> None:
        at = self.event()
        if at < 0:
            return
        if tag not in SPECIAL and not closed and not self.open_tags.get("head"):
            self.stack.append(_Frame(tag, at))  # the common inline tag: it only nests
            self.open_tags[tag] = self.open_tags.get(tag, 0) + 1
            return
        end = at + len(self.get_starttag_text() or "")
        if tag in VOID:
            self.void(tag, attrs, at, end)
            return
        self.implied_ends(tag, at)
        if tag in BOUNDARY:
            self.boundary(at, end)
        self.push(tag, attrs, at, end)
        if closed:  # `<p/>`, `<script/>`: XHTML habit; nothing opens
            self.pop_to(len(self.stack) - 1, end)

    def implied_ends(self, tag: str, at: int) -> None:
        head = self.find_open("head")
        if head is not None and tag not in HEAD_CONTENT:
            self.pop_to(head, at)
        if tag in CLOSES_P:
            self.close_in_scope(("p",), SCOPE, at)
        if tag == "li":
            self.close_in_scope(("li",), SCOPE | {"ul", "ol", "menu"}, at)
        elif tag in ("dt", "dd"):
            self.close_in_scope(("dt", "dd"), SCOPE | {"dl"}, at)
        elif tag in ("td", "th"):
            self.close_in_scope(("td", "th"), {"tr", "table", "html", "template"}, at)
        elif tag == "tr":
            self.close_in_scope(("tr",), {"table", "html", "template"}, at)
        elif tag in HEADINGS and self.stack and self.stack[-1].tag in HEADINGS:
            self.pop_to(len(self.stack) - 1, at)

    def close_in_scope(self, tags: Sequence[str], stops: frozenset[str] | set[str], at: int) -> None:
        if not any(map(self.open_tags.get, tags)):
            return
        for i in range(len(self.stack) - 1, -1, -1):
            tag = self.stack[i].tag
            if tag in tags:
                self.pop_to(i, at)
                return
            if tag in stops:
                return

    def find_open(self, tag: str) -> int | None:
        """Index of the open element an end tag closes; an inline end tag never closes a block."""
        if not self.open_tags.get(tag):
            return None
        far = tag in BOUNDARY or tag in SKIP or tag in CODE
        for i in range(len(self.stack) - 1, -1, -1):
            open_tag = self.stack[i].tag
            if open_tag == tag:
                return i
            if not far and open_tag in BOUNDARY:
                return None
        return None

    def boundary(self, at: int, end: int) -> None:
        """Block-level markup: the text so far is a block (inside a caption, a word break)."""
        if self.caption:
            self.run.separate(at, end)
        else:
            self.emit(self.run)

    def push(self, tag: str, attrs: list[tuple[str, str | None]], at: int, end: int) -> None:
        frame = _Frame(tag, at)
        self.stack.append(frame)
        self.open_tags[tag] = self.open_tags.get(tag, 0) + 1
        if tag in SKIP:
            self.skip += 1
            # the page's <title>, not an <svg>'s: a headline when the story has no h1
            in_head_only = self.skip == 1 + self.open_tags.get("head", 0)
            if tag == "title" and self.title is None and self.title_frame is None and in_head_only:
                frame.title = _Run(HEADLINE)
                self.title_frame = frame
        elif tag in BLOCK_KINDS and not self.caption:
            frame.run = self.run = _Run(BLOCK_KINDS[tag], int(tag[1]) if tag in HEADINGS else 0)
        if tag == "figcaption":
            self.caption += 1
        elif tag == "blockquote":
            self.quote += 1
        elif tag == "li":
            self.items += 1
        elif tag in CODE:
            self.code += 1
        elif tag == "article" and self.article == 0:
            self.articles += 1
            self.article, frame.main = self.articles, True
        elif tag == "figure" and not self.skip:
            frame.figure = self.open_figure(at, end)
        elif tag == "a" and not self.skip:
            self.open_link(frame, at, end)
        elif tag == "time" and any(k == "pubdate" for k, _ in attrs):
            self.note_date("time[pubdate]", dict(attrs).get("datetime"))
        if tag in EMBEDS and self.figures and not self.figures[-1].has_embed:
            self.figures[-1].has_embed = True
            self.figures[-1].embed = dict(attrs).get("src")

    def pop_to(self, index: int, end: int) -> None:
        """Close every open element above `index` (inclusive), each ending at `end`."""
        while len(self.stack) > index:
            self.close_frame(self.stack[-1], end)

    def close_frame(self, frame: _Frame, end: int) -> None:
        if frame.run is not None:
            self.emit(frame.run)  # before popping: quote depth and caption context still hold
        elif self.caption and frame.tag in BOUNDARY and frame.tag != "figcaption":
            self.run.separate(end, end)
        self.stack.pop()
        tag = frame.tag
        self.open_tags[tag] -= 1
        if tag in SKIP:
            self.skip -= 1
        if tag == "figcaption":
            self.caption -= 1
        elif tag == "blockquote":
            self.quote -= 1
        elif tag == "li":
            self.items -= 1
        elif tag in CODE:
            self.code -= 1
        if tag in NON_PROSE:
            self.non_prose.append(Span(frame.start, end))
        if tag == "script":
            self.json_ld(frame.start, end)
        if frame.link is not None:
            frame.link.close()
        if frame.figure is not None:
            self.figures.pop()
            self.close_figure(frame.figure)
        if frame.title is not None:
            self.title = _mapped(HEADLINE, frame.title.parts, frame.start)
            self.title_frame = None
        if frame.main:
            self.article = 0
        if frame.run is not None:
            self.run = next((f.run for f in reversed(self.stack) if f.run is not None), self.loose)

    def emit(self, run: _Run) -> None:
        """Make a block of what `run` gathered (if anything) and start it afresh."""
        if not run.parts and not run.media and not run.open_links:
            return  # most block boundaries follow one another with nothing between
        links = run.close_links()  # a link open across a block boundary ends with the block
        if run.nonblank or run.media:
            kind = self.kind_of(run)
            anchor = run.media[0].span.start if run.media else 0
            block = _mapped(kind, run.parts, anchor, run.code, links, self.quote)
            index = len(self.drafts)
            self.drafts.append(_Draft(block, run.level, self.article))
            for item in run.media:
                item.block_draft = index
            if kind == CAPTION and self.figures and block.text:
                figure, figcaption = self.figures[-1], run.kind == CAPTION
                if figure.caption_draft is None or (figcaption and not figure.figcaption):
                    figure.caption_draft, figure.figcaption = index, figcaption
        run.reset()

    def kind_of(self, run: _Run) -> str:
        if run.kind != PARAGRAPH:
            return run.kind
        if self.items:
            return LIST_ITEM
        if self.figures:
            # A CMS without figcaption: text beside a figure's image is its caption
            # (but a pull quote in a figure stays a quotation).
            figure = self.figures[-1]
            if (figure.images or figure.has_embed) and self.quote == figure.quote_depth:
                return CAPTION
        return PARAGRAPH

    # -- links, images, figures, dates -------------------------------------

    def attribute_fields(self, at: int, end: int, keep: frozenset[str] | None) -> dict[str, Field]:
        """Fields for the attributes of the start tag at `at` (all data-* and those in `keep`)."""
        fields = {}
        for name, (a, b) in _attribute_spans(self.src[at:end], at).items():
            if name.startswith("data-") or (keep is not None and name in keep):
                runs = _decode(self.src, a, b)
                value = "".join(r[0] for r in runs)
                block = _mapped(CAPTION, runs, a) if name in ("alt", "title") else None
                fields[name] = Field(value, Span(a, b), block)
        return fields

    def open_link(self, frame: _Frame, at: int, end: int) -> None:
        spans = _attribute_spans(self.src[at:end], at)
        if "href" not in spans:
            return
        a, b = spans["href"]
        frame.link = _OpenLink(self.run, html.unescape(self.src[a:b]), Span(a, b))
        self.run.open_links.append(frame.link)

    def void(self, tag: str, attrs: list[tuple[str, str | None]], at: int, end: int) -> None:
        if tag == "meta":
            values = dict(attrs)
            for key in ("property", "name", "itemprop"):
                if values.get(key):
                    self.note_date(values[key].lower(), values.get("content"))
            return
        if self.skip:
            return
        if tag == "br":
            self.run.separate(at, end)
        elif tag == "hr":
            self.boundary(at, end)
        elif tag == "img":
            self.image(at, end)
        elif tag in EMBEDS and self.figures and not self.figures[-1].has_embed:
            self.figures[-1].has_embed = True
            self.figures[-1].embed = dict(attrs).get("src")

    def image(self, at: int, end: int) -> None:
        fields = self.attribute_fields(at, end, _IMAGE_ATTRIBUTES)
        link = self.open_link_around()
        if link is not None:
            # a photo linked to its page (Wikimedia Commons, Flickr): where its source is
            fields["link"] = Field(link.url, link.span)
        src = fields["src"].value if "src" in fields else None
        if self.figures:
            self.figures[-1].images.append((Span(at, end), src, fields))
            return
        item = _MediaDraft("image", Span(at, end), src, fields, self.article)
        self.media.append(item)
        self.run.media.append(item)

    def open_link_around(self) -> _OpenLink | None:
        if not self.open_tags.get("a"):
            return None
        return next((f.link for f in reversed(self.stack) if f.link is not None and f.link.open), None)

    def open_figure(self, at: int, end: int) -> _Figure:
        figure = _Figure(Span(at, end), self.attribute_fields(at, end, None), self.article, self.quote, [])
        self.figures.append(figure)
        return figure

    def close_figure(self, figure: _Figure) -> None:
        caption = figure.caption_draft
        for span, src, fields in figure.images:
            merged = {**figure.fields, **fields}
            self.media.append(_MediaDraft("figure", span, src, merged, figure.article, caption, caption))
        if not figure.images and figure.has_embed:
            # a video or embed: still a media item that needs a credit. A figure
            # holding only a pull quote is not one.
            item = _MediaDraft("figure", figure.span, figure.embed, dict(figure.fields), figure.article)
            item.block_draft = item.caption_draft = caption
            self.media.append(item)

    def json_ld(self, start: int, end: int) -> None:
        gt = self.src.find(">", start, end)
        if gt >= 0 and "ld+json" in self.src[start:gt].lower():
            m = _JSON_LD_DATE.search(self.src, gt, end)
            if m:
                self.note_date("datepublished", m.group(1))

    def note_date(self, key: str, value: str | None) -> None:
        if value and key not in self.dates:
            self.dates[key] = value

    # -- results -------------------------------------------------------------

    def story(self) -> int:
        """The top-level article with the most text: a teaser or a related-story card is shorter."""
        if not self.articles:
            return 0
        size = [0] * (self.articles + 1)
        for draft in self.drafts:
            size[draft.article] += len(draft.block.text)
        best = max(range(1, self.articles + 1), key=lambda a: (size[a], -a))
        return best if size[best] else 0  # only empty articles: read the body

    def reference_date(self) -> _dt.date | None:
        for key in self.date_keys + ("time[pubdate]",):
            if key in self.dates:
                date = _common.parse_date(self.dates[key])
                if date is not None:
                    return date
        return None

    def results(self, document: bool, headline: bool) -> tuple[list[Block], list[Media]]:
        """Final blocks and media: the story's `article` (for a whole document that has one), else all."""
        story = self.story() if document else 0
        index: dict[int, int] = {}
        blocks: list[Block] = []
        headline_seen = not headline
        for i, draft in enumerate(self.drafts):
            if story and draft.article != story:
                continue
            block = draft.block
            if draft.level == 1 and not headline_seen and block.text:
                block, headline_seen = replace(block, kind=HEADLINE), True
            index[i] = len(blocks)
            blocks.append(block)
        shift = 0
        if document and not headline_seen and self.title is not None and self.title.text:
            blocks.insert(0, self.title)
            shift = 1
        media = [
            self.media_item(m, blocks, index, shift)
            for m in self.media
            if not story or m.article == story
        ]
        media.sort(key=lambda m: m.span.start)
        return blocks, media

    def media_item(self, item: _MediaDraft, blocks: list[Block], index: dict[int, int], shift: int) -> Media:
        fields = dict(item.fields)
        if item.caption_draft in index:
            caption = blocks[index[item.caption_draft] + shift]
            fields["caption"] = Field(caption.text, caption.span(0, len(caption.text)), caption)
        block_index = index[item.block_draft] + shift if item.block_draft in index else None
        return Media(item.kind, item.span, item.src, fields, block_index)


def parse_fragment(source: str, start: int, end: int, *, headline: bool = False) -> tuple[list[Block], list[Media]]:
    """Blocks and media of the raw HTML source[start:end] (inside a Markdown draft, say).

    Offsets are into the whole `source`; block indices are into the returned
    list. A fragment's `h1` is a subheading unless `headline` is true: the
    host document decides its headline.
    """
    return _Reader(source, start, end).parse().results(document=False, headline=headline)


def read(path: str, source: str, options: ReadOptions) -> Document:
    """Parse an HTML draft: its story `article` (else the body), its media and its published date."""
    reader = _Reader(source, 0, len(source), options.reference_date_key).parse()
    blocks, media = reader.results(document=True, headline=True)
    return Document(
        path=path,
        source=source,
        format="html",
        blocks=tuple(blocks),
        media=tuple(media),
        reference_date=reader.reference_date(),
        non_prose=tuple(sorted(reader.non_prose, key=lambda s: (s.start, s.end))),
    )


@hookimpl
def factlint_formats() -> list[Format]:
    return [Format(name="html", extensions=(".html", ".htm"), read=read)]
