"""Plain-text drafts: a headline line, paragraphs between blank lines, short unpunctuated subheadings."""

from __future__ import annotations

import re

from factlint import compiled
from factlint.document import HEADLINE, PARAGRAPH, SUBHEADING, Block, Document, ReadOptions, SourceMap
from factlint.formats import _common
from factlint.plugins import Format, hookimpl

#: A suppression line (`factlint: disable-next-line=DAT001`) is a directive, not prose.
DIRECTIVE_RE = compiled.regex(r"^[ \t]*factlint:[ \t]*(?:disable|enable|disable-next-line)\b.*$", re.MULTILINE)
_LINE_RE = compiled.regex(r"[^\n]*(?:\n|$)")
#: A subheading is a short line that does not end like a sentence...
_CLOSING = tuple(".!?:;,\"'”’»)…")
#: ...and is not a labelled line ("Photo: ...", "Editor's note: ...") or an address.
_LABEL_RE = compiled.regex(r"^\S+:\s|://")
SUBHEADING_MAX_WORDS = 12


def _lines(source: str) -> list[tuple[int, int]]:
    """(start, end) of every line's content, line ending excluded."""
    spans = []
    for m in _LINE_RE.finditer(source):
        if m.start() == len(source) and m.start() == m.end():
            break
        end = m.end()
        while end > m.start() and source[end - 1] in "\r\n":
            end -= 1
        spans.append((m.start(), end))
    return spans


def _is_subheading(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= SUBHEADING_MAX_WORDS
        and not line.rstrip().endswith(_CLOSING)
        and not _LABEL_RE.search(line)
    )


def read(path: str, source: str, options: ReadOptions) -> Document:
    """Split a plain-text draft into headline, subheadings and paragraphs.

    The first line is the headline only when a blank line follows it: a
    first paragraph that wraps over two lines is body, all of it, so a
    quotation that opens on line 1 and closes on line 2 stays one quotation.
    """
    directives = {m.start() for m in DIRECTIVE_RE.finditer(source)}
    groups: list[list[tuple[int, int]]] = [[]]
    blank_after: list[bool] = [False]  # per group: did a blank line end it?
    for start, end in _lines(source):
        if start in directives:
            if groups[-1]:
                groups.append([])
                blank_after.append(False)
            continue
        if not source[start:end].strip():
            if groups[-1]:
                blank_after[-1] = True
                groups.append([])
                blank_after.append(False)
            continue
        groups[-1].append((start, end))
    blocks: list[Block] = []
    for index, group in enumerate(groups):
        if not group:
            continue
        if not blocks and len(group) == 1 and blank_after[index]:
            blocks.append(_block(HEADLINE, source, group[0][0], group[0][1]))
            continue
        start, end = group[0][0], group[-1][1]
        kind = SUBHEADING if len(group) == 1 and _is_subheading(source[start:end]) else PARAGRAPH
        blocks.append(_block(kind, source, start, end))
    return Document(path=path, source=source, format="text", blocks=tuple(blocks))


def _block(kind: str, source: str, start: int, end: int) -> Block:
    text = source[start:end]
    return _common.make_block(kind, text, SourceMap.identity(start, len(text)))


@hookimpl
def factlint_formats() -> list[Format]:
    return [Format(name="text", extensions=(".txt",), read=read)]
