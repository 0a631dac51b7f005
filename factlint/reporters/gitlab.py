"""GitLab Code Quality JSON, so findings show in the merge request widget and diff."""

from __future__ import annotations

from typing import Any, Sequence, TextIO

from factlint import reporting
from factlint.plugins import Reporter, hookimpl
from factlint.reporting import SPLIT, JsonArray, Report
from factlint.reporters._common import display_path, fingerprints
from factlint.results import ReportContext, Result

#: Code Quality knows info, minor, major, critical and blocker.
SEVERITIES = {"info": "info", "warning": "minor", "error": "major"}


def issue(result: Result, fingerprint: str) -> dict[str, Any]:
    return {
        "type": "issue",
        "check_name": result.code,
        "description": f"{result.code} {result.name}: {result.message}",
        "categories": ["Style"],
        "severity": SEVERITIES.get(result.severity, "minor"),
        # The same recipe as SARIF's partialFingerprints: stable when lines move above.
        "fingerprint": fingerprint,
        "location": {
            "path": display_path(result.filename),
            "lines": {"begin": result.row, "end": result.end_row},
        },
    }


class GitlabReport(Report):
    """The issues array, written as each file finishes."""

    def __init__(self, context: ReportContext, out: TextIO) -> None:
        super().__init__(context, out)
        self.array = JsonArray(out, [SPLIT])

    def file(self, filename: str, results: Sequence[Result], fail_level: str) -> None:
        for result, fingerprint in zip(results, fingerprints(results)):
            self.array.add(issue(result, fingerprint))

    def finish(self, context: ReportContext) -> None:
        self.array.close()
        self.out.write("\n")


def render(results: Sequence[Result], context: ReportContext) -> str:
    return reporting.render(GitlabReport, results, context)


@hookimpl
def factlint_reporters() -> list[Reporter]:
    return [
        Reporter(
            name="gitlab",
            description="GitLab Code Quality report (JSON) for merge requests",
            render=render,
            stream=GitlabReport,
        )
    ]
