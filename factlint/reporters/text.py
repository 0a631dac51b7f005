"""`--format text`: one line per finding, `path:row:col: CODE message`, then a summary."""

from __future__ import annotations

from collections import Counter
from typing import Sequence, TextIO

from factlint import reporting
from factlint.plugins import Reporter, hookimpl
from factlint.reporting import Report, fails
from factlint.results import ReportContext, Result
from factlint.rules import SAFE

_COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def _paint(text: str, style: str, on: bool) -> str:
    return f"{style}{text}{_RESET}" if on else text


def _line(result: Result, colour: bool) -> str:
    place = _paint(f"{result.filename}:{result.row}:{result.column}:", _BOLD, colour)
    code = _paint(result.code, _COLOURS.get(result.severity, ""), colour)
    mark = " [*]" if _mended_by_fix(result) else ""
    waived = f" (waived by {result.waiver.by}: {result.waiver.reason})" if result.waiver is not None else ""
    return f"{place} {code}{mark} {result.message}{waived}"


def _mended_by_fix(result: Result) -> bool:
    """Whether plain `--fix` mends it: [*] promises that, as in ruff; an unsafe fix waits for --unsafe-fixes."""
    return result.fix is not None and result.fix.applicability == SAFE


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class Tally:
    """What the summary and --statistics count, gathered file by file (a few numbers per rule, not findings)."""

    def __init__(self) -> None:
        self.total = 0
        self.by_severity: Counter[str] = Counter()
        self.safe = 0
        self.unsafe = 0
        self.below = 0
        self.below_levels: set[str] = set()
        self.counts: Counter[str] = Counter()
        self.names: dict[str, str] = {}
        self.fixable: Counter[str] = Counter()

    def add(self, results: Sequence[Result], fail_level: str) -> None:
        for r in results:
            if r.waiver is not None:
                continue  # --show-waived lists them; they count apart
            self.total += 1
            self.by_severity[r.severity] += 1
            self.counts[r.code] += 1
            self.names.setdefault(r.code, r.name)
            if r.fix is not None:
                if _mended_by_fix(r):
                    self.fixable[r.code] += 1
                if r.fix.applicability == SAFE:
                    self.safe += 1
                elif r.fix.applicability == "unsafe":
                    self.unsafe += 1
            if not fails(r, fail_level):
                self.below += 1
                self.below_levels.add(fail_level)


def summary(tally: Tally, context: ReportContext) -> list[str]:
    waived = f", {context.waived} waived" if context.waived else ""
    lines = []
    if context.fixed:
        lines.append(f"Fixed {_plural(context.fixed, 'finding')}.")
    if context.errors:
        lines.append(f"{_plural(context.errors, 'file')} could not be checked: see the errors above.")
    if not tally.total:
        if not context.errors:
            lines.append(f"All clear: {_plural(len(context.files), 'file')} checked, no findings{waived}.")
        return lines
    parts = ", ".join(_plural(tally.by_severity[s], s) for s in ("error", "warning", "info") if tally.by_severity[s])
    lines.append(f"Found {_plural(tally.total, 'finding')} ({parts}) in {_plural(len(context.files), 'file')} checked{waived}.")
    if tally.safe:
        lines.append(f"[*] {tally.safe} fixable with `factlint check --fix`.")
    if tally.unsafe:
        lines.append(f"    {tally.unsafe} more with `--fix --unsafe-fixes` (review those: they rewrite wording).")
    if tally.below:
        levels = sorted(tally.below_levels)
        lines.append(f"    {tally.below} below the fail level ({', '.join(levels)}) and not failing the run.")
    return lines


def statistics(tally: Tally) -> list[str]:
    width = max((len(str(n)) for n in tally.counts.values()), default=1)
    return [
        f"{n:>{width}}\t{code}\t{tally.names[code]}{' [*]' if tally.fixable[code] else ''}"
        for code, n in sorted(tally.counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


class TextReport(Report):
    """A line per finding as each file finishes; the summary (or the statistics table) at the end."""

    def __init__(self, context: ReportContext, out: TextIO) -> None:
        super().__init__(context, out)
        self.tally = Tally()

    def file(self, filename: str, results: Sequence[Result], fail_level: str) -> None:
        self.tally.add(results, fail_level)
        if not self.context.statistics and results:
            self.out.write("".join(_line(r, self.context.color) + "\n" for r in results))

    def finish(self, context: ReportContext) -> None:
        lines = statistics(self.tally) if context.statistics else []
        lines.extend(summary(self.tally, context))
        self.out.write("\n".join(lines) + "\n")


def render(results: Sequence[Result], context: ReportContext) -> str:
    return reporting.render(TextReport, results, context)


@hookimpl
def factlint_reporters() -> list[Reporter]:
    return [Reporter("text", "One line per finding (path:row:col: CODE message) and a summary.", render, TextReport)]
