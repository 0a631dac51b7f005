"""GitHub Actions workflow commands, so findings show as annotations on the pull request."""

from __future__ import annotations

from typing import Sequence

from factlint import reporting
from factlint.plugins import Reporter, hookimpl
from factlint.reporting import Report
from factlint.reporters._common import display_path, utf16_column
from factlint.results import ReportContext, Result

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message the way the Actions runner unescapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as data, and `:` `,` which would end the value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(result: Result) -> str:
    # The runner's columns are JavaScript string indexes: UTF-16 units, as in SARIF.
    properties = [
        ("file", display_path(result.filename)),
        ("line", str(result.row)),
        ("col", str(utf16_column(result.line_text, result.column))),
        ("endLine", str(result.end_row)),
        ("endColumn", str(utf16_column(result.end_line_text, result.end_column))),
        ("title", f"{result.code} {result.name}"),
    ]
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    command = COMMANDS.get(result.severity, "warning")
    return f"::{command} {props}::{escape_data(result.message)}"


class GithubReport(Report):
    """A workflow command per finding, as each file finishes."""

    def file(self, filename: str, results: Sequence[Result], fail_level: str) -> None:
        self.out.write("".join(annotation(r) + "\n" for r in results))


def render(results: Sequence[Result], context: ReportContext) -> str:
    return reporting.render(GithubReport, results, context)


@hookimpl
def factlint_reporters() -> list[Reporter]:
    return [
        Reporter(
            name="github",
            description="GitHub Actions annotations (workflow commands) for pull requests",
            render=render,
            stream=GithubReport,
        )
    ]
