"""`--format json`: the array of SPEC §1 that other tools and the acceptance scorer read."""

from __future__ import annotations

import json
from typing import Sequence, TextIO

from factlint import reporting
from factlint.plugins import Reporter, hookimpl
from factlint.reporters.text import Tally
from factlint.reporting import SPLIT, JsonArray, Report
from factlint.results import ReportContext, Result


class JsonReport(Report):
    """Each finding's object as its file finishes; the closing bracket at the end (--statistics: the table then)."""

    def __init__(self, context: ReportContext, out: TextIO) -> None:
        super().__init__(context, out)
        self.array = JsonArray(out, [SPLIT], ensure_ascii=False)
        self.tally = Tally()

    def file(self, filename: str, results: Sequence[Result], fail_level: str) -> None:
        if self.context.statistics:
            self.tally.add(results, fail_level)
            return
        for result in results:
            self.array.add(result.as_json())

    def finish(self, context: ReportContext) -> None:
        if not context.statistics:
            self.array.close()
            self.out.write("\n")
            return
        rows = [
            {"code": code, "name": self.tally.names[code], "count": n, "fixable": self.tally.fixable[code]}
            for code, n in sorted(self.tally.counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        self.out.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")


def render(results: Sequence[Result], context: ReportContext) -> str:
    return reporting.render(JsonReport, results, context)


@hookimpl
def factlint_reporters() -> list[Reporter]:
    return [Reporter("json", "A JSON array of findings (SPEC §1), sorted by file, row, column, code.", render, JsonReport)]
