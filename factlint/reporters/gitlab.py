"""GitLab Code Quality JSON, so findings show in the merge request widget and diff."""

from __future__ import annotations

import json
from typing import Any, Sequence

from factlint.plugins import Reporter, hookimpl
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


def render(results: Sequence[Result], context: ReportContext) -> str:
    issues = [issue(r, fp) for r, fp in zip(results, fingerprints(results))]
    return json.dumps(issues, indent=2) + "\n"


@hookimpl
def factlint_reporters() -> list[Reporter]:
    return [
        Reporter(
            name="gitlab",
            description="GitLab Code Quality report (JSON) for merge requests",
            render=render,
        )
    ]
