"""JUnit XML output, for CI services that show test reports (GitLab, Jenkins, Azure)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import Sequence

from factlint.plugins import Reporter, hookimpl
from factlint.reporters._common import display_path
from factlint.results import ReportContext, Result

#: Characters XML 1.0 cannot hold even escaped; a message carrying one would make
#: the whole report unreadable, so they become U+FFFD.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _detail(result: Result) -> str:
    where = f"{display_path(result.filename)}:{result.row}:{result.column}"
    text = f"{where}: {result.code} [{result.severity}] {result.message}"
    if result.url:
        text += f"\n{result.url}"
    return _xml_text(text)


def report_tree(results: Sequence[Result], context: ReportContext) -> ET.Element:
    """One testcase per file checked; a failure per finding at or above the fail level.

    Findings below the fail level (info by default) do not fail the build, so
    they are listed in the testcase's system-out instead of as failures.
    """
    by_file: dict[str, list[Result]] = defaultdict(list)
    for result in results:
        by_file[display_path(result.filename)].append(result)
    files = sorted({display_path(f) for f in context.files} | set(by_file))
    suite = ET.Element("testsuite", name="factlint", tests=str(len(files)))
    for path in files:
        case = ET.SubElement(suite, "testcase", classname="factlint", name=_xml_text(path), file=_xml_text(path))
        notes = []
        for result in by_file.get(path, ()):
            if context.fails(result):
                failure = ET.SubElement(
                    case,
                    "failure",
                    type=result.code,
                    message=_xml_text(f"{result.code} {result.name}: {result.message} (line {result.row})"),
                )
                failure.text = _detail(result)
            else:
                notes.append(_detail(result))
        if notes:
            ET.SubElement(case, "system-out").text = "\n".join(notes)
    # JUnit counts failed tests, not failure elements: here, files with a finding.
    failed = str(sum(1 for case in suite if case.find("failure") is not None))
    suite.set("failures", failed)
    suite.set("errors", "0")
    suite.set("skipped", "0")
    root = ET.Element("testsuites", name="factlint", tests=str(len(files)), failures=failed, errors="0")
    root.append(suite)
    return root


def render(results: Sequence[Result], context: ReportContext) -> str:
    root = report_tree(results, context)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


@hookimpl
def factlint_reporters() -> list[Reporter]:
    return [
        Reporter(
            name="junit",
            description="JUnit XML: a testcase per file, a failure per finding",
            render=render,
        )
    ]
