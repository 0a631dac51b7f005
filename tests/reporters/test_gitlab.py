"""The GitLab reporter: Code Quality issues with fingerprints that survive edits above them."""

from __future__ import annotations

import json

from factlint.document import Span
from factlint.reporters import gitlab, sarif
from factlint.results import Position, ReportContext, Result


def make_result(row: int = 5, line: str = "Shares fell last week.", severity: str = "warning", column: int = 13) -> Result:
    return Result(
        code="DAT001",
        name="relative-date",
        severity=severity,
        message="\"last week\" is relative",
        filename="./markets/shares.md",
        location=Position(row, column),
        end_location=Position(row + 1, 5),
        span=Span(0, 0),
        fix=None,
        url=None,
        line_text=line,
        end_line_text=line,
    )


CONTEXT = ReportContext(rules={}, files=["markets/shares.md"], version="0.1.0")


def render(results: list[Result]) -> list[dict]:
    return json.loads(gitlab.render(results, CONTEXT))


def test_issue_has_every_field_gitlab_requires() -> None:
    (issue,) = render([make_result()])
    assert issue == {
        "type": "issue",
        "check_name": "DAT001",
        "description": "DAT001 relative-date: \"last week\" is relative",
        "categories": ["Style"],
        "severity": "minor",
        "fingerprint": sarif.fingerprints([make_result()])[0],
        "location": {"path": "markets/shares.md", "lines": {"begin": 5, "end": 6}},
    }


def test_severities_map_to_code_quality_levels() -> None:
    issues = render([make_result(severity=s) for s in ("error", "warning", "info")])
    assert [i["severity"] for i in issues] == ["major", "minor", "info"]


def test_fingerprint_is_stable_when_lines_move_and_unique_per_finding() -> None:
    moved = render([make_result(row=12)])[0]["fingerprint"]
    assert moved == render([make_result()])[0]["fingerprint"]
    two = render([make_result(), make_result(column=30)])
    assert two[0]["fingerprint"] != two[1]["fingerprint"]
    assert len(two[0]["fingerprint"]) == 32


def test_no_findings_is_an_empty_array() -> None:
    assert gitlab.render([], CONTEXT) == "[]\n"


def test_reporter_is_registered_through_the_hook() -> None:
    (reporter,) = gitlab.factlint_reporters()
    assert reporter.name == "gitlab"
