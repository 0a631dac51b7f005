"""Suppression comments: which findings they silence, and which of them silenced nothing (FL002)."""

from __future__ import annotations

import bisect
import re
from dataclasses import field

from factlint import compiled
from factlint.document import Document, Span
from factlint.rules import Finding

_CODES = r"(?:[ \t]*=[ \t]*(?P<codes>[A-Za-z0-9, \t]*?))?"
_HTML_RE = compiled.regex(r"<!--[ \t]*factlint:[ \t]*(?P<kind>disable-next-line|disable|enable)" + _CODES + r"[ \t]*-->")
_TEXT_RE = compiled.regex(
    r"^[ \t]*factlint:[ \t]*(?P<kind>disable-next-line|disable|enable)" + _CODES + r"[ \t]*\r?$", re.MULTILINE
)


@compiled.dataclass(frozen=True)
class Directive:
    kind: str  # disable, enable, disable-next-line
    codes: tuple[str, ...]  # codes or prefixes; () means every rule
    span: Span
    row: int

    def selector(self, code: str) -> str | None:
        """The code or prefix of this directive that covers `code` ("" for a bare directive), else None."""
        if not self.codes:
            return ""
        return next((c for c in self.codes if code.startswith(c)), None)


def directives(document: Document) -> list[Directive]:
    """Every suppression directive of the draft, in order, skipping those inside code."""
    pattern = _TEXT_RE if document.format == "text" else _HTML_RE
    found = []
    for m in pattern.finditer(document.source):
        if any(s.start <= m.start() < s.end for s in document.code):
            continue
        codes = tuple(c.strip().upper() for c in (m["codes"] or "").split(",") if c.strip())
        row, _ = document.position(m.start())
        found.append(Directive(m["kind"], codes, Span(m.start(), m.end()), row))
    return found


@compiled.dataclass
class Suppressions:
    """The directives of one draft, resolved to rows once, and which of them silenced something."""

    document: Document
    regions: list[Directive] = field(default_factory=list)  # disable and enable, in order
    region_rows: list[int] = field(default_factory=list)
    next_line: dict[int, list[Directive]] = field(default_factory=dict)  # target row -> directives
    used: dict[Directive, set[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, document: Document) -> "Suppressions":
        # Every directive spells "factlint:": a draft without it needs no search (nor its lines split).
        found = directives(document) if "factlint:" in document.source else []
        suppressions = cls(document)
        lines = document.source.split("\n") if found else []
        for d in found:
            suppressions.used[d] = set()
            if d.kind == "disable-next-line":
                suppressions.next_line.setdefault(_next_non_blank(lines, d.row), []).append(d)
            else:
                suppressions.regions.append(d)
                suppressions.region_rows.append(d.row)
        return suppressions

    def silences(self, code: str, row: int) -> bool:
        """Whether a directive silences `code` on `row`; the directive is then counted as used.

        In a region, the last disable or enable before the row that covers the
        code decides: `disable=DAT` then `enable=DAT001` leaves DAT002 silenced.
        """
        hit = False
        for d in self.next_line.get(row, ()):
            selector = d.selector(code)
            if selector is not None:
                self.used[d].add(selector)
                hit = True
        for d in reversed(self.regions[: bisect.bisect_left(self.region_rows, row)]):
            selector = d.selector(code)
            if selector is not None:
                if d.kind == "disable":
                    self.used[d].add(selector)
                    hit = True
                break
        return hit

    def unused(self, enabled: set[str], known: set[str]) -> list[Finding]:
        """FL002: directives, or codes in them, that silenced nothing; unknown codes too.

        A code whose rules did not run (not selected) is not judged.
        """
        out = []
        for d, used in self.used.items():
            if d.kind == "enable":
                continue
            if not d.codes:
                if not used:
                    out.append(Finding("FL002", f"unused suppression: `{d.kind}` silenced no finding", d.span))
                continue
            for code in d.codes:
                if not any(k.startswith(code) for k in known):
                    out.append(Finding("FL002", f"unknown rule code {code} in suppression comment", d.span))
                elif code not in used and any(k.startswith(code) for k in enabled):
                    out.append(Finding("FL002", f"unused suppression: `{d.kind}={code}` silenced no finding", d.span))
        return out


def _next_non_blank(lines: list[str], row: int) -> int:
    """The row a `disable-next-line` directive on `row` speaks for: the next non-blank line."""
    for r in range(row, len(lines)):
        if lines[r].strip():
            return r + 1
    return row + 1
