"""What the format readers share: front matter, reference dates, URL blanking, block building."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any, Iterable

from factlint import compiled
from factlint.limits import DEFAULT
from factlint.document import (
    HEADLINE,
    Block,
    Field,
    FrontMatter,
    Link,
    Media,
    ProblemReport,
    ReadOptions,
    SourceMap,
    Span,
)

if TYPE_CHECKING:  # PyYAML is imported where front matter is parsed: a warm run never parses a draft
    import yaml

#: Bare URLs and web addresses in running text: not prose.
URL_RE = compiled.regex(
    r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"'“”‘’()\[\]]*[^\s<>\"'“”‘’()\[\].,;:!?]"
    r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|edu|int|io|info|co|uk|de|fr|ru|eu)"
    r"(?:/[^\s<>\"'“”‘’()\[\]]*[^\s<>\"'“”‘’()\[\].,;:!?])?\b",
    re.IGNORECASE,
)
#: What every match of URL_RE holds (`://`, `www.` or a dot and a top-level domain): most paragraphs have none,
#: and these searches cost a tenth of URL_RE's. Apart, the domain search skips to each dot; as one alternation
#: the pattern had no first character to skip to.
_URL_DOMAIN_CUE = compiled.regex(r"\.(?:com|org|net|gov|edu|int|io|info|co|uk|de|fr|ru|eu)", re.IGNORECASE)
_URL_WWW_CUE = compiled.regex(r"www\.", re.IGNORECASE)
_FRONT_OPEN = compiled.regex(r"---[ \t]*\r?\n")
_FRONT_CLOSE = compiled.regex(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)


def blank(text: str, ranges: Iterable[tuple[int, int]]) -> str:
    """`text` with the given ranges replaced by spaces (same length)."""
    chars = list(text)
    for start, end in ranges:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def prose_of(text: str, extra: Iterable[tuple[int, int]] = ()) -> str:
    """Blank URLs, the given ranges, and line breaks, keeping offsets."""
    cued = "://" in text or _URL_DOMAIN_CUE.search(text) is not None or _URL_WWW_CUE.search(text) is not None
    ranges = [m.span() for m in URL_RE.finditer(text)] if cued else []
    ranges.extend(extra)
    out = blank(text, ranges) if ranges else text
    if "\n" in out or "\r" in out or "\t" in out:
        out = out.replace("\r", " ").replace("\n", " ").replace("\t", " ")
    return out


def make_block(kind: str, text: str, smap: SourceMap, code: Iterable[tuple[int, int]] = (),
               links: tuple[Link, ...] = (), quote_depth: int = 0) -> Block:
    return Block(kind, text, prose_of(text, code), smap, links, quote_depth)


def parse_date(value: Any) -> dt.date | None:
    """A publication date from front matter or a meta tag; None when it is not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    for fmt in ("%B %d, %Y", "%d %B %Y", "%b %d, %Y", "%d %b %Y", "%Y/%m/%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def split_front_matter(source: str) -> tuple[int, int] | None:
    """(start, end) of the YAML between the `---` fences, or None when there is none."""
    opened = _FRONT_OPEN.match(source)
    if not opened:
        return None
    closed = _FRONT_CLOSE.search(source, opened.end())
    if not closed:
        return None
    return opened.end(), closed.start()


_KEY_LINE = compiled.regex(r"[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|\r?\n)")


def unclosed_front_matter(source: str) -> ProblemReport | None:
    """FL003 for a `---` line followed by `key:` lines that is never closed (the draft's metadata is lost)."""
    opened = _FRONT_OPEN.match(source)
    if opened and _KEY_LINE.match(source, opened.end()) and split_front_matter(source) is None:
        return ProblemReport("FL003", "front matter opened with --- on line 1 is never closed with a --- line",
                             Span(0, 0))
    return None


def front_matter_end(source: str, inner: tuple[int, int]) -> int:
    """Offset just after the closing fence line."""
    closed = _FRONT_CLOSE.match(source, inner[1])
    return closed.end() if closed else inner[1]


def _walk(node: yaml.Node, base: int, path: tuple, spans: dict[tuple, Span]) -> None:
    import yaml

    spans[path] = Span(base + node.start_mark.index, base + node.end_mark.index)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _walk(value, base, path + (key.value,), spans)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, base, path + (i,), spans)


def read_front_matter(source: str, inner: tuple[int, int],
                      max_nodes: int = DEFAULT.front_matter_nodes) -> tuple[FrontMatter | None, ProblemReport | None]:
    """Parse the front matter; a YAML error, or aliases expanding past `max_nodes`, is an FL003 problem at its line."""
    from factlint import yamlfile  # PyYAML: only for a draft with front matter

    start, end = inner
    try:
        node, data = yamlfile.load(source[start:end], max_nodes)
    except yamlfile.YamlProblem as e:
        at = start + e.index
        if e.problem.startswith("expands too far"):
            return None, ProblemReport("FL003", f"front matter {e.problem}; it was not read", Span(at, at))
        return None, ProblemReport("FL003", f"front matter is not valid YAML: {e.problem}", Span(at, at))
    data = {} if data is None else data
    if not isinstance(data, dict):
        return None, ProblemReport(
            "FL003", "front matter is not a mapping of keys to values", Span(start, start)
        )
    spans: dict[tuple, Span] = {}
    if node is not None:
        _walk(node, start, (), spans)
    return FrontMatter(data, Span(start, end), spans), None


def _flatten(value: Any, prefix: str, front: FrontMatter, path: tuple, out: dict[str, Field]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            _flatten(v, f"{prefix}.{k}" if prefix else str(k), front, path + (k,), out)
    elif isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            span = front.span_of(*path) or front.span
            out[prefix] = Field(", ".join(str(v) for v in value), span)
    elif value is not None:
        span = front.span_of(*path) or front.span
        out[prefix] = Field(str(value), span)


def front_matter_media(front: FrontMatter, options: ReadOptions) -> list[Media]:
    """One media item per image entry of the configured keys."""
    media = []
    for key in options.image_keys:
        value = front.data.get(key)
        entries = value if isinstance(value, list) else [value] if value is not None else []
        for i, entry in enumerate(entries):
            path = (key, i) if isinstance(value, list) else (key,)
            span = front.span_of(*path) or front.span
            fields: dict[str, Field] = {}
            if isinstance(entry, dict):
                _flatten(entry, "", front, path, fields)
            elif entry is not None and not isinstance(entry, list):
                fields["src"] = Field(str(entry), span)
            src = next((fields[k].value for k in ("src", "url", "path", "file") if k in fields), None)
            media.append(Media("front-matter", Span(span.start, span.start), src, fields))
    return media


def front_matter_headline(front: FrontMatter, source: str) -> Block | None:
    title = front.data.get("title")
    span = front.span_of("title")
    if not isinstance(title, str) or span is None:
        return None
    raw = source[span.start : span.end]
    at = raw.find(title)
    if at >= 0:
        smap = SourceMap.identity(span.start + at, len(title))
    else:
        from factlint.document import Segment

        smap = SourceMap([Segment(0, len(title), span.start, span.end)])
    return make_block(HEADLINE, title, smap)


def reference_date(front: FrontMatter | None, options: ReadOptions) -> dt.date | None:
    if front is None:
        return None
    return parse_date(front.data.get(options.reference_date_key))


def reference_date_problem(front: FrontMatter | None, options: ReadOptions) -> tuple[ProblemReport, str] | None:
    """FL003 on a front matter date that is there but is no date ("next tuesday", 99999999999),
    and the reason in a few words for the DAT messages that then have no reference date."""
    if front is None or not isinstance(front.data, dict):
        return None
    key = options.reference_date_key
    value = front.data.get(key)
    if value is None or parse_date(value) is not None:
        return None
    shown = value if isinstance(value, str) else repr(value) if not isinstance(value, (list, dict)) else "a list or mapping"
    span = front.span_of(key) or front.span
    report = ProblemReport("FL003", f"front matter `{key}` is not a date: \"{shown}\"; write it as YYYY-MM-DD "
                                    f"(the relative dates of the draft are read without it)", Span(span.start, span.end))
    return report, f"its front matter `{key}`, \"{shown}\", is not a date"
