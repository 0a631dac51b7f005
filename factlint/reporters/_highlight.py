"""A draft's text as HTML with spans marked in place: escaped, properly nested, never losing a character."""

from __future__ import annotations

import html
from typing import Sequence

from factlint import compiled


@compiled.dataclass(frozen=True)
class Mark:
    """One span to mark: `attrs` go on its first element, `more` on the pieces it is split into."""

    start: int
    end: int
    attrs: str
    more: str


def text(value: str) -> str:
    """Element content that reads back as exactly `value` (a CR survives: the parser would turn it into LF)."""
    return html.escape(value, quote=False).replace("\r", "&#13;")


def attribute(value: str) -> str:
    """An attribute value, quoted with ", that reads back as exactly `value`."""
    return html.escape(value, quote=True).replace("\r", "&#13;").replace("\n", "&#10;")


def highlight(source: str, marks: Sequence[Mark]) -> str:
    """`source` as HTML content, each mark a `<mark>` around `source[start:end]`.

    Elements must nest, spans need not: where two spans cross, the one that
    ends later is closed and opened again (its later pieces carry `more`
    instead of `attrs`), so every character is inside exactly the marks whose
    spans hold it. An empty span is an empty element at its offset. Spans
    outside the text are clamped to it.
    """
    length = len(source)
    spans = [(min(max(m.start, 0), length), min(max(m.end, 0), length), m) for m in marks]
    spans = [(s, max(s, e), m) for s, e, m in spans]
    starts: dict[int, list[tuple[int, Mark]]] = {}
    empties: dict[int, list[Mark]] = {}
    for start, end, mark in spans:
        if start == end:
            empties.setdefault(start, []).append(mark)
        else:
            starts.setdefault(start, []).append((end, mark))
    points = sorted({0, length, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out: list[str] = []
    stack: list[tuple[int, Mark]] = []  # open elements, outermost first: (end, mark)
    for i, point in enumerate(points):
        reopen = _close(stack, point, out)
        out.extend(f"<mark {m.attrs}></mark>" for m in empties.get(point, ()))
        opening = [(end, mark, True) for end, mark in reopen]
        opening += [(end, mark, False) for end, mark in starts.get(point, ())]
        opening.sort(key=lambda o: -o[0])  # the longest outermost: fewer splits later
        for end, mark, again in opening:
            out.append(f"<mark {mark.more if again else mark.attrs}>")
            stack.append((end, mark))
        if i + 1 < len(points):
            out.append(text(source[point:points[i + 1]]))
    return "".join(out)


def _close(stack: list[tuple[int, Mark]], point: int, out: list[str]) -> list[tuple[int, Mark]]:
    """Close the elements whose span ends at `point`, and those inside them; return the latter to reopen."""
    lowest = next((k for k, (end, _) in enumerate(stack) if end == point), None)
    if lowest is None:
        return []
    closed = stack[lowest:]
    del stack[lowest:]
    out.append("</mark>" * len(closed))
    return [(end, mark) for end, mark in closed if end != point]
