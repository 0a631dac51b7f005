"""Applying fixes to a draft's text: edits in order, overlaps resolved, nothing else touched."""

from __future__ import annotations

from typing import Iterable

from factlint.rules import Edit


def apply_edits(source: str, edits: Iterable[Edit]) -> tuple[str, int]:
    """Apply non-overlapping edits; an edit overlapping an earlier one is left for the next pass.

    Returns the new text and how many edits were applied.
    """
    out: list[str] = []
    cursor = 0
    applied = 0
    for edit in sorted(edits, key=lambda e: (e.span.start, e.span.end)):
        if edit.span.start < cursor:
            continue
        out.append(source[cursor : edit.span.start])
        out.append(edit.content)
        cursor = edit.span.end
        applied += 1
    out.append(source[cursor:])
    return "".join(out), applied
