"""Suppression comments: which findings they silence, and which of them silenced nothing (FL002)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factlint.document import Document, Span
from factlint.rules import Finding

_HTML_RE = re.compile(
    r"<!--[ \t]*factlint:[ \t]*(?P<kind>disable-next-line|disable|enable)(?:[ \t]*=[ \t]*(?P<codes>[A-Za-z0-9, \t]*?))?[ \t]*-->"
)
_TEXT_RE = re.compile(
    r"^[ \t]*factlint:[ \t]*(?P<kind>disable-next-line|disable|enable)(?:[ \t]*=[ \t]*(?P<codes>[A-Za-z0-9, \t]*?))?[ \t]*\r?$",
    re.MULTILINE,
)


@dataclass
class Directive:
    kind: str  # disable, enable, disable-next-line
    codes: tuple[str, ...]  # () means every rule
    span: Span
    row: int
    used: set[str] = field(default_factory=set)


def directives(document: Document) -> list[Directive]:
    """Every suppression directive of the draft, in order, skipping those inside code."""
    pattern = _TEXT_RE if document.format == "text" else _HTML_RE
    code = [s for s in document.non_prose if not document.source.startswith("<!--", s.start)]
    found = []
    for m in pattern.finditer(document.source):
        if any(s.start <= m.start() < s.end for s in code):
            continue
        codes = tuple(c.strip().upper() for c in (m["codes"] or "").split(",") if c.strip())
        row, _ = document.position(m.start())
        found.append(Directive(m["kind"], codes, Span(m.start(), m.end()), row))
    return found


def _matches(codes: tuple[str, ...], code: str) -> str | None:
    if not codes:
        return ""
    return next((c for c in codes if code.startswith(c)), None)


def _next_line(document: Document, row: int) -> int:
    """The row a `disable-next-line` directive on `row` speaks for: the next non-blank line."""
    lines = document.source.split("\n")
    for r in range(row, len(lines)):
        if lines[r].strip():
            return r + 1
    return row + 1


def is_suppressed(finding_code: str, row: int, found: list[Directive], document: Document) -> bool:
    """True when a directive silences this finding; marks the directive as used."""
    hit = False
    active: dict[int, Directive] = {}
    for d in found:
        if d.row > row and d.kind != "disable-next-line":
            break
        if d.kind == "disable":
            active[id(d)] = d
        elif d.kind == "enable":
            for key, a in list(active.items()):
                if not d.codes or set(a.codes) <= set(d.codes):
                    del active[key]
        elif d.kind == "disable-next-line" and _next_line(document, d.row) == row:
            matched = _matches(d.codes, finding_code)
            if matched is not None:
                d.used.add(matched)
                hit = True
    for a in active.values():
        if a.row <= row:
            matched = _matches(a.codes, finding_code)
            if matched is not None:
                a.used.add(matched)
                hit = True
    return hit


def unused(found: list[Directive], enabled: set[str], known: set[str]) -> list[Finding]:
    """FL002 findings: directives, or codes in them, that silenced nothing."""
    out = []
    for d in found:
        if d.kind == "enable":
            continue
        if not d.codes:
            if not d.used:
                out.append(Finding("FL002", f"unused suppression: `{d.kind}` silenced no finding", d.span))
            continue
        for code in d.codes:
            if not any(k.startswith(code) for k in known):
                out.append(Finding("FL002", f"unknown rule code {code} in suppression comment", d.span))
            elif code not in d.used and any(k.startswith(code) for k in enabled):
                out.append(Finding("FL002", f"unused suppression: `{d.kind}={code}` silenced no finding", d.span))
    return out
