"""`--format text`: one line per finding, `path:row:col: CODE message`, then a summary."""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from factlint.plugins import Reporter, hookimpl
from factlint.results import ReportContext, Result

_COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def _paint(text: str, style: str, on: bool) -> str:
    return f"{style}{text}{_RESET}" if on else text


def _line(result: Result, colour: bool) -> str:
    place = _paint(f"{result.filename}:{result.row}:{result.column}:", _BOLD, colour)
    code = _paint(result.code, _COLOURS.get(result.severity, ""), colour)
    mark = " [*]" if result.fix is not None else ""
    waived = f" (waived by {result.waiver.by}: {result.waiver.reason})" if result.waiver is not None else ""
    return f"{place} {code}{mark} {result.message}{waived}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(results: Sequence[Result], context: ReportContext) -> list[str]:
    results = [r for r in results if r.waiver is None]  # --show-waived lists them; they count apart
    waived = f", {context.waived} waived" if context.waived else ""
    lines = []
    if context.fixed:
        lines.append(f"Fixed {_plural(context.fixed, 'finding')}.")
    if context.errors:
        lines.append(f"{_plural(context.errors, 'file')} could not be checked: see the errors above.")
    if not results:
        if not context.errors:
            lines.append(f"All clear: {_plural(len(context.files), 'file')} checked, no findings{waived}.")
        return lines
    by_severity = Counter(r.severity for r in results)
    parts = ", ".join(_plural(by_severity[s], s) for s in ("error", "warning", "info") if by_severity[s])
    lines.append(f"Found {_plural(len(results), 'finding')} ({parts}) in {_plural(len(context.files), 'file')} checked{waived}.")
    safe = sum(1 for r in results if r.fix is not None and r.fix.applicability == "safe")
    unsafe = sum(1 for r in results if r.fix is not None and r.fix.applicability == "unsafe")
    if safe:
        lines.append(f"[*] {safe} fixable with `factlint check --fix`.")
    if unsafe:
        lines.append(f"    {unsafe} more with `--fix --unsafe-fixes` (review those: they rewrite wording).")
    below = sum(1 for r in results if not context.fails(r))
    if below:
        levels = sorted({context.fail_levels.get(r.filename, context.fail_level) for r in results if not context.fails(r)})
        lines.append(f"    {below} below the fail level ({', '.join(levels)}) and not failing the run.")
    return lines


def statistics(results: Sequence[Result]) -> list[str]:
    counts = Counter(r.code for r in results)
    names = {r.code: r.name for r in results}
    fixable = Counter(r.code for r in results if r.fix is not None)
    width = max((len(str(n)) for n in counts.values()), default=1)
    return [
        f"{n:>{width}}\t{code}\t{names[code]}{' [*]' if fixable[code] else ''}"
        for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def render(results: Sequence[Result], context: ReportContext) -> str:
    lines = statistics(results) if context.statistics else [_line(r, context.color) for r in results]
    lines.extend(summary(results, context))
    return "\n".join(lines) + "\n"


@hookimpl
def factlint_reporters() -> list[Reporter]:
    return [Reporter("text", "One line per finding (path:row:col: CODE message) and a summary.", render)]
