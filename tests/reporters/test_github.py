"""The GitHub Actions reporter: one workflow command per finding, escaped as the runner expects."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.document import Span
from factlint.reporters import github
from factlint.results import Position, ReportContext, Result


def make_result(
    message: str = "\"this week\" is relative",
    filename: str = "news/council.md",
    severity: str = "warning",
    line: str = "The council voted this week.",
    row: int = 3,
    column: int = 19,
    end_column: int = 28,
) -> Result:
    return Result(
        code="DAT001",
        name="relative-date",
        severity=severity,
        message=message,
        filename=filename,
        location=Position(row, column),
        end_location=Position(row, end_column),
        span=Span(0, 0),
        fix=None,
        url=None,
        line_text=line,
        end_line_text=line,
    )


CONTEXT = ReportContext(rules={}, files=["news/council.md"], version="0.1.0")


def test_one_annotation_per_finding() -> None:
    out = github.render([make_result()], CONTEXT)
    assert out == (
        "::warning file=news/council.md,line=3,col=19,endLine=3,endColumn=28,"
        "title=DAT001 relative-date::\"this week\" is relative\n"
    )


def test_severity_picks_the_command() -> None:
    out = github.render([make_result(severity=s) for s in ("error", "warning", "info")], CONTEXT)
    assert [line.split(" ", 1)[0] for line in out.splitlines()] == ["::error", "::warning", "::notice"]


def test_no_findings_no_output() -> None:
    assert github.render([], CONTEXT) == ""


def test_message_escapes_percent_and_line_breaks_only() -> None:
    out = github.render([make_result(message="100% sure:\r\nsee, here")], CONTEXT)
    assert out.endswith("::100%25 sure:%0D%0Asee, here\n")


def test_properties_also_escape_colon_and_comma() -> None:
    out = github.render([make_result(filename="news/a,b:c%d.md")], CONTEXT)
    assert "file=news/a%2Cb%3Ac%25d.md," in out


def test_columns_count_utf16_units() -> None:
    line = "😀 this week"
    out = github.render([make_result(line=line, column=3, end_column=12)], CONTEXT)
    assert ",col=4,endLine=3,endColumn=13," in out


def unescape_data(text: str) -> str:
    # What the runner does (toolkit's command parsing), in reverse order of escaping.
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(text: str) -> str:
    return unescape_data(text.replace("%3A", ":").replace("%2C", ","))


@settings(max_examples=80, deadline=None)
@given(message=st.text(max_size=40), filename=st.text(min_size=1, max_size=20))
def test_escaping_round_trips_and_keeps_one_line(message: str, filename: str) -> None:
    out = github.render([make_result(message=message, filename=filename)], CONTEXT)
    assert out.count("\n") == 1 and "\r" not in out
    head, data = out[:-1].split("::", 2)[1:]
    props = dict(p.split("=", 1) for p in head.split(" ", 1)[1].split(","))
    assert unescape_data(data) == message
    assert unescape_property(props["file"]) == github.display_path(filename)


def test_reporter_is_registered_through_the_hook() -> None:
    (reporter,) = github.factlint_reporters()
    assert reporter.name == "github"
