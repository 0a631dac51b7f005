"""The JUnit reporter: a testcase per file checked, a failure per finding that fails the run."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.document import Span
from factlint.reporters import junit
from factlint.results import Position, ReportContext, Result


def make_result(
    filename: str = "news/b.md",
    row: int = 2,
    severity: str = "warning",
    message: str = "\"tomorrow\" is relative",
    code: str = "DAT001",
) -> Result:
    return Result(
        code=code,
        name="relative-date",
        severity=severity,
        message=message,
        filename=filename,
        location=Position(row, 4),
        end_location=Position(row, 12),
        span=Span(0, 0),
        fix=None,
        url="https://news.example/rules/DAT001",
        line_text="We meet tomorrow.",
        end_line_text="We meet tomorrow.",
    )


def context(files: list[str], fail_level: str = "warning") -> ReportContext:
    return ReportContext(rules={}, files=files, version="0.1.0", fail_level=fail_level)


def parse(results: list[Result], files: list[str], fail_level: str = "warning") -> ET.Element:
    out = junit.render(results, context(files, fail_level))
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(out.split("\n", 1)[1])


def test_a_testcase_per_file_clean_ones_included() -> None:
    root = parse([make_result(row=2), make_result(row=7)], ["news/a.md", "news/b.md", "news/c.md"])
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("3", "1", "0")
    (suite,) = root
    assert [case.get("name") for case in suite] == ["news/a.md", "news/b.md", "news/c.md"]
    assert [len(case.findall("failure")) for case in suite] == [0, 2, 0]


def test_failure_names_the_rule_and_place() -> None:
    root = parse([make_result()], ["news/b.md"])
    failure = root.find("testsuite/testcase/failure")
    assert failure.get("type") == "DAT001"
    assert failure.get("message") == "DAT001 relative-date: \"tomorrow\" is relative (line 2)"
    assert failure.text == (
        "news/b.md:2:4: DAT001 [warning] \"tomorrow\" is relative\nhttps://news.example/rules/DAT001"
    )


def test_findings_below_the_fail_level_are_output_not_failures() -> None:
    root = parse([make_result(severity="info", code="DAT002")], ["news/b.md"])
    case = root.find("testsuite/testcase")
    assert case.findall("failure") == []
    assert "DAT002 [info]" in case.find("system-out").text
    assert root.get("failures") == "0"
    strict = parse([make_result(severity="info", code="DAT002")], ["news/b.md"], fail_level="info")
    assert len(strict.findall("testsuite/testcase/failure")) == 1


def test_a_file_with_findings_but_missing_from_files_still_gets_a_testcase() -> None:
    root = parse([make_result(filename="./other.md")], [])
    assert [c.get("name") for c in root.iter("testcase")] == ["other.md"]


def test_no_files_is_an_empty_suite() -> None:
    root = parse([], [])
    assert root.get("tests") == "0" and len(root.find("testsuite")) == 0


@settings(max_examples=60, deadline=None)
@given(message=st.text(max_size=40), filename=st.text(min_size=1, max_size=15))
def test_any_text_gives_well_formed_xml(message: str, filename: str) -> None:
    root = parse([make_result(message=message, filename=filename)], [filename])
    assert len(root.findall("testsuite/testcase/failure")) == 1


def test_reporter_is_registered_through_the_hook() -> None:
    (reporter,) = junit.factlint_reporters()
    assert reporter.name == "junit"
