"""`--format json`: the array of SPEC §1 that other tools and the acceptance scorer read."""

from __future__ import annotations

import json
from collections import Counter
from typing import Sequence

from factlint.plugins import Reporter, hookimpl
from factlint.results import ReportContext, Result


def render(results: Sequence[Result], context: ReportContext) -> str:
    if context.statistics:
        counts = Counter(r.code for r in results)
        fixable = Counter(r.code for r in results if r.fix is not None)
        rows = [
            {"code": code, "name": results_name(results, code), "count": n, "fixable": fixable[code]}
            for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    return json.dumps([r.as_json() for r in results], indent=2, ensure_ascii=False) + "\n"


def results_name(results: Sequence[Result], code: str) -> str:
    return next(r.name for r in results if r.code == code)


@hookimpl
def factlint_reporters() -> list[Reporter]:
    return [Reporter("json", "A JSON array of findings (SPEC §1), sorted by file, row, column, code.", render)]
