"""JUnit XML output, for CI services that show test reports (GitLab, Jenkins, Azure)."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Sequence, TextIO

from factlint import compiled, reporting
from factlint.plugins import Reporter, hookimpl
from factlint.reporting import Report, fails
from factlint.reporters._common import display_path
from factlint.results import ReportContext, Result

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

#: Characters XML 1.0 cannot hold even escaped; a message carrying one would make
#: the whole report unreadable, so they become U+FFFD.
_NOT_XML = compiled.regex("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


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
    import xml.etree.ElementTree as ET  # only when JUnit is the format asked for

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
    return reporting.render(JunitReport, results, context)


def _tag(element: ET.Element) -> str:
    import xml.etree.ElementTree as ET  # only when JUnit is the format asked for

    return ET.tostring(element, encoding="unicode")


class JunitReport(Report):
    """Testcases spooled to a temporary file as files finish, then written under the counts they need.

    The document opens with the number of failed files, known only at the end;
    so each file's failures and notes go to a spool file on disk (not memory),
    and `finish` writes the head and copies them in the sorted order of the
    paths as CI services show them.
    """

    def __init__(self, context: ReportContext, out: TextIO) -> None:
        import tempfile

        super().__init__(context, out)
        self.spool = tempfile.TemporaryFile()
        # display path -> [(offset, failures' length, notes' length)] in the spool
        self.pieces: dict[str, list[tuple[int, int, int]]] = {}

    def file(self, filename: str, results: Sequence[Result], fail_level: str) -> None:
        import xml.etree.ElementTree as ET  # only when JUnit is the format asked for

        path = display_path(filename)
        failures, notes = [], []
        for result in results:
            if fails(result, fail_level):
                failure = ET.Element(
                    "failure", type=result.code,
                    message=_xml_text(f"{result.code} {result.name}: {result.message} (line {result.row})"),
                )
                failure.text = _detail(result)
                failures.append(_tag(failure))
            else:
                notes.append(_detail(result))
        failed = "\n      ".join(failures).encode("utf-8")
        noted = "\n".join(notes).encode("utf-8")
        offset = self.spool.tell()
        self.spool.write(failed + noted)
        self.pieces.setdefault(path, []).append((offset, len(failed), len(noted)))

    def finish(self, context: ReportContext) -> None:
        import xml.etree.ElementTree as ET  # only when JUnit is the format asked for

        paths = sorted({display_path(f) for f in context.files} | set(self.pieces))
        failed = str(sum(1 for p in paths if any(n for _, n, _ in self.pieces.get(p, ()))))
        tests = str(len(paths))
        write = self.out.write
        write('<?xml version="1.0" encoding="UTF-8"?>\n')
        root = ET.Element("testsuites", name="factlint", tests=tests, failures=failed, errors="0")
        suite = ET.Element("testsuite", name="factlint", tests=tests, failures=failed, errors="0", skipped="0")
        if not paths:
            root.append(suite)
            ET.indent(root)
            write(_tag(root) + "\n")
            self.spool.close()
            return
        write(_tag(root).removesuffix(" />") + ">\n  " + _tag(suite).removesuffix(" />") + ">")
        for path in paths:
            failures, notes = [], []
            for offset, n_failed, n_noted in self.pieces.get(path, ()):
                self.spool.seek(offset)
                if n_failed:
                    failures.append(self.spool.read(n_failed).decode("utf-8"))
                if n_noted:
                    notes.append(self.spool.read(n_noted).decode("utf-8"))
            case = _tag(ET.Element("testcase", classname="factlint", name=_xml_text(path), file=_xml_text(path)))
            if not failures and not notes:
                write("\n    " + case)
                continue
            children = list(failures)
            if notes:
                out = ET.Element("system-out")
                out.text = "\n".join(notes)
                children.append(_tag(out))
            write("\n    " + case.removesuffix(" />") + ">\n      " + "\n      ".join(children) + "\n    </testcase>")
        write("\n  </testsuite>\n</testsuites>\n")
        self.spool.close()


@hookimpl
def factlint_reporters() -> list[Reporter]:
    return [
        Reporter(
            name="junit",
            description="JUnit XML: a testcase per file, a failure per finding",
            render=render,
            stream=JunitReport,
        )
    ]
