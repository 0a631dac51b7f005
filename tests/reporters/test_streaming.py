"""Streaming reporters: file by file output equal to the whole-document form, and the interface plugins use."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.document import Span
from factlint.plugins import Reporter, collect, plugin_manager
from factlint.reporters import gitlab, junit, sarif
from factlint.reporters import json as json_reporter
from factlint.reporting import SPLIT, JsonArray, by_file
from factlint.results import Position, ReportContext, Result


def make_result(filename: str, row: int, severity: str, code: str = "DAT001") -> Result:
    return Result(code=code, name="relative-date", severity=severity, message=f"m<&>\"{row}",
                  filename=filename, location=Position(row, 2), end_location=Position(row, 5),
                  span=Span(0, 0), fix=None, url=None, line_text="a line é", end_line_text="a line é")


REGISTRY = collect(plugin_manager(entry_points=False))

results_lists = st.lists(
    st.builds(make_result, st.sampled_from(["a.md", "b/c.md", "d.txt"]), st.integers(1, 9),
              st.sampled_from(["info", "warning", "error"]), st.sampled_from(["DAT001", "NAM001"])),
    max_size=12,
)


def old_junit(results: list[Result], context: ReportContext) -> str:
    root = junit.report_tree(results, context)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


@settings(max_examples=80, deadline=None)
@given(results_lists, st.lists(st.sampled_from(["a.md", "z.md", "b/c.md"]), unique=True),
       st.sampled_from(["info", "warning", "error"]))
def test_streamed_junit_is_the_whole_tree_byte_for_byte(results, files, fail_level) -> None:
    results = sorted(results, key=Result.sort_key)
    context = ReportContext(rules={}, files=sorted(files), version="1", fail_level=fail_level)
    assert junit.render(results, context) == old_junit(results, context)


@settings(max_examples=60, deadline=None)
@given(results_lists)
def test_streamed_json_gitlab_and_sarif_equal_one_dump(results) -> None:
    results = sorted(results, key=Result.sort_key)
    context = ReportContext(rules={}, files=[], version="1")
    assert json_reporter.render(results, context) == json.dumps(
        [r.as_json() for r in results], indent=2, ensure_ascii=False) + "\n"
    issues = [i for _, found, _ in by_file(results, context)
              for i in (gitlab.issue(r, fp) for r, fp in zip(found, gitlab.fingerprints(found)))]
    assert gitlab.render(results, context) == json.dumps(issues, indent=2) + "\n"
    rules = {code: rule for code, rule in REGISTRY.rules.items() if code in ("DAT001", "NAM001")}
    sarif_context = ReportContext(rules=rules, files=[], version="1")
    assert sarif.render(results, sarif_context) == json.dumps(sarif.sarif_log(results, sarif_context), indent=2) + "\n"


def test_json_array_writes_items_as_they_come_and_empty_as_brackets() -> None:
    out = io.StringIO()
    array = JsonArray(out, {"a": [SPLIT], "b": 1})
    assert out.getvalue() == ""
    array.add({"x": 1})
    assert out.getvalue() == '{\n  "a": [\n    {\n      "x": 1\n    }'
    array.close()
    assert json.loads(out.getvalue()) == {"a": [{"x": 1}], "b": 1}
    empty = io.StringIO()
    JsonArray(empty, [SPLIT]).close()
    assert empty.getvalue() == "[]"


def test_a_render_only_reporter_gets_every_result_at_the_end() -> None:
    seen = []
    reporter = Reporter("mine", "test", render=lambda results, context: seen.append((list(results), context.fixed)) or "done\n")
    out = io.StringIO()
    context = ReportContext(rules={}, files=["a.md"], version="1")
    writer = reporter.open(context, out)
    writer.file("a.md", [make_result("a.md", 1, "info")], "warning")
    assert out.getvalue() == "" and seen == []
    writer.finish(ReportContext(rules={}, files=["a.md"], version="1", fixed=3))
    assert out.getvalue() == "done\n"
    assert seen[0][1] == 3 and [r.row for r in seen[0][0]] == [1]
