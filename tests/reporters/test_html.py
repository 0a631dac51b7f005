"""`--format html`: the page's structure read back with html.parser, exact to the character."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint import __version__
from factlint.document import Span
from factlint.engine import Options, Session
from factlint.reporters import html as html_reporter
from factlint.results import Position, ReportContext, ReportedEdit, ReportedFix, Result
from factlint.surfaces.cli import main
from factlint.testing import registry

VOID = {"meta", "input", "br", "img", "link", "hr", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list["Node | str"] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.walk()

    def find_all(self, tag: str, **attrs: str) -> list["Node"]:
        return [n for n in self.walk() if n.tag == tag and all(
            (k.rstrip("_") == "class" and v in n.attrs.get("class", "").split()) or n.attrs.get(k) == v
            for k, v in attrs.items())]

    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()


class _Tree(HTMLParser):
    """A strict tree builder: every end tag must close the element open at that point."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(page: str) -> Node:
    tree = _Tree()
    tree.feed(page)
    tree.close()
    assert [n.tag for n in tree.stack] == ["#document"], "elements left open"
    return tree.root


def marked_text(view: Node, ident: str) -> str:
    """The text of every piece of finding `ident` in a draft view, in order."""
    return "".join(n.text() for n in view.walk() if n.tag == "mark" and n.attrs.get("data-f") == ident)


def make(start: int, end: int, severity: str = "warning", code: str = "DAT001", message: str = "m",
         filename: str = "a.md", fix: ReportedFix | None = None) -> Result:
    return Result(code=code, name="relative-date", severity=severity, message=message, filename=filename,
                  location=Position(1, start + 1), end_location=Position(1, end + 1), span=Span(start, end),
                  fix=fix, url=None, line_text="", end_line_text="")


def context(*files: str) -> ReportContext:
    return ReportContext(rules=registry().rules, files=sorted(files), version=__version__)


def views(page: Node) -> list[Node]:
    return page.find_all("div", class_="draft")


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def lint(path: Path) -> tuple[str, list[Result]]:
    session = Session(registry(), Options(keep_source=True, cache=False))
    outcome = session.lint_path(path, str(path))
    assert outcome.source is not None
    return outcome.source, outcome.results


STORY = (
    "---\ntitle: Dockworkers walk out\ndate: 2026-04-08\n---\n\n# Dockworkers walk out\n\n"
    "About 900 dockworkers stopped work this morning. The vote was on Wednesday, April 8, 2026.\n\n"
    "Union organiser Marta Kowalczyk said the strike would last. \"We are not asking,\" Kowalczyk said.\n\n"
    "\"Every ship that waits outside the harbour costs more.\"\n\nKowalczik met the operator on Friday.\r\n"
    "Talks resume on April 31 at the labour court 🚢 with <b>émigré</b> staff.\n"
)


def test_every_real_finding_is_marked_exactly_over_its_span(tmp_path) -> None:
    draft = tmp_path / "story.md"
    draft.write_text(STORY, encoding="utf-8", newline="")
    source, results = lint(draft)
    assert len(results) >= 5 and {r.code[:3] for r in results} >= {"DAT", "QUO", "NAM"}
    page = parse(html_reporter.render(results, context(str(draft)), {str(draft): source}))
    (view,) = views(page)
    assert view.text() == STORY
    for k, result in enumerate(results, 1):
        assert marked_text(view, f"f1-{k}") == source[result.span.start:result.span.end]
        (first,) = page.find_all("mark", id=f"f1-{k}")
        assert first.attrs["tabindex"] == "0"
        assert first.attrs["data-msg"].startswith(f"{result.code} {result.name} ({result.severity}): {result.message}")
        assert f"sev-{result.severity}" in first.classes()
        (entry,) = [li for li in page.find_all("li", class_="finding") if li.find_all("a", href=f"#f1-{k}")]
        assert entry.find_all("a", class_="jump")[0].text() == f"{result.row}:{result.column}"
        assert entry.find_all("span", class_="msg")[0].text() == result.message
        assert first.attrs["aria-describedby"] == entry.find_all("span", class_="msg")[0].attrs["id"]


def test_the_command_line_report_marks_the_text_the_findings_were_found_in(tmp_path) -> None:
    draft = tmp_path / "story.md"
    draft.write_text(STORY, encoding="utf-8", newline="")
    code, out = run("check", "--format", "html", str(draft))
    assert code == 1
    page = parse(out)
    assert views(page)[0].text() == STORY
    source, results = lint(draft)
    for k, result in enumerate(results, 1):
        assert marked_text(views(page)[0], f"f1-{k}") == source[result.span.start:result.span.end]
    assert out == html_reporter.render(results, context(str(draft)), {str(draft): source})


def test_after_fix_the_report_shows_the_fixed_text_and_says_so(tmp_path) -> None:
    draft = tmp_path / "vote.md"
    original = "---\ndate: 2026-03-12\n---\n\nThe vote was on Wednesday, March 3, 2026.\n\nIt rained yesterday.\n"
    draft.write_text(original, encoding="utf-8")
    code, out = run("check", "--fix", "--format", "html", str(draft))
    fixed = draft.read_text(encoding="utf-8")
    assert fixed == original.replace("Wednesday", "Tuesday")
    page = parse(out)
    (view,) = views(page)
    assert view.text() == fixed
    assert marked_text(view, "f1-1") == "yesterday"
    (note,) = page.find_all("main")[0].find_all("p", class_="fixed")
    assert note.text().startswith("--fix applied 1 fix to this file: the text below is the draft as fixed")
    (summary_note,) = page.find_all("section")[0].find_all("p", class_="fixed")
    assert summary_note.text() == "--fix applied 1 fix in 1 file; those drafts are shown as fixed."


def test_a_draft_is_text_in_the_report_never_markup_or_script(tmp_path) -> None:
    hostile = ('<script>alert(1)</script>\n<img src=x onerror="alert(2)"> & &amp; "yesterday" it rained.\n'
               "</div></details><!-- --><![CDATA[x]]>\r\n</script><style>*{}</style>\n")
    draft = tmp_path / "<img src=x onerror=alert(3)>.txt"
    draft.write_text(hostile, encoding="utf-8", newline="")
    code, out = run("check", "--format", "html", str(draft))
    page = parse(out)
    assert views(page)[0].text() == hostile
    assert page.find_all("img") == [] and len(page.find_all("style")) == 1
    scripts = page.find_all("script")
    assert [s.attrs.get("type") for s in scripts] == ["application/json", None]
    assert "alert" not in scripts[-1].text()
    assert page.find_all("span", class_="path")[0].text() == str(draft)
    assert not any(k.startswith("on") for n in page.walk() for k in n.attrs)
    assert marked_text(views(page)[0], "f1-1") == "yesterday"


def test_messages_are_escaped_and_the_embedded_json_reads_back_exactly() -> None:
    message = '</script><script>alert(1)</script> <!-- & \u2028 "q" \'a\''
    result = make(0, 3, message=message)
    page_text = html_reporter.render([result], context("a.md"), {"a.md": "abc def"})
    page = parse(page_text)
    assert page.find_all("span", class_="msg")[0].text() == message
    data = page.find_all("script", type="application/json")[0]
    assert "<" not in data.text() and "\u2028" not in data.text()
    assert json.loads(data.text()) == [result.as_json()]
    assert data.attrs["data-file"] == "a.md"
    assert page.find_all("mark", id="f1-1")[0].attrs["data-msg"] == f"DAT001 relative-date (warning): {message}"
    assert len(page.find_all("script")) == 2


def test_the_policy_allows_the_report_script_and_nothing_from_the_network() -> None:
    page = parse(html_reporter.render([], context("a.md"), {"a.md": "x"}))
    (policy,) = [m for m in page.find_all("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy"]
    script = page.find_all("script")[-1].text()
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    assert policy.attrs["content"] == (f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; "
                                       "img-src data:; base-uri 'none'; form-action 'none'")
    assert not [n for n in page.walk() if n.tag in ("link", "img", "iframe") or "src" in n.attrs]


def test_fixes_show_each_edit_as_before_and_after() -> None:
    source = "The vote was on Wednesday, and 'then' it ended"
    fix = ReportedFix("safe", "Replace with Tuesday", (
        ReportedEdit("Tuesday", Position(1, 17), Position(1, 26), Span(16, 25)),
    ))
    two = ReportedFix("unsafe", "Curl the quotes", (
        ReportedEdit("\u2018", Position(1, 32), Position(1, 33), Span(31, 32)),
        ReportedEdit("", Position(1, 37), Position(1, 38), Span(36, 37)),
        ReportedEdit(" <now>", Position(1, 47), Position(1, 47), Span(46, 46)),
    ))
    results = [make(16, 25, "error", "DAT004", fix=fix), make(31, 37, "warning", "QUO003", fix=two)]
    page = parse(html_reporter.render(results, context("a.md"), {"a.md": source}))
    fixes = page.find_all("div", class_="fix")
    assert [f.classes() for f in fixes] == [["fix", "safe"], ["fix", "unsafe"]]
    assert fixes[0].find_all("span", class_="label")[0].text() == "Fix (safe): Replace with Tuesday"

    def pairs(node: Node) -> list[tuple[str, str, str, list[str], list[str]]]:
        return [(e.attrs["data-at"], e.find_all("del")[0].text(), e.find_all("ins")[0].text(),
                 e.find_all("del")[0].classes(), e.find_all("ins")[0].classes())
                for e in node.find_all("span", class_="edit")]

    assert pairs(fixes[0]) == [("1:17", "Wednesday", "Tuesday", [], [])]
    assert pairs(fixes[1]) == [("1:32", "'", "\u2018", [], []), ("1:37", "'", "", [], ["empty"]),
                               ("1:47", "", " <now>", ["empty"], [])]
    assert fixes[0].find_all("span", class_="edit")[0].text() == "Wednesday \u2192 Tuesday"


def test_without_the_draft_text_the_findings_are_listed_and_the_page_says_why() -> None:
    fix = ReportedFix("safe", "m", (ReportedEdit("x", Position(2, 3), Position(2, 4), Span(9, 10)),))
    page = parse(html_reporter.render([make(0, 3, fix=fix)], context("a.md", "b.md")))
    assert views(page) == []
    assert page.find_all("p", class_="unshown")[0].text() == "The draft's text was not given to this report."
    assert page.find_all("span", class_="edit")[0].text() == "the text at 2:3 \u2192 x"
    (unshown,) = page.find_all("details", class_="unshown")
    assert unshown.find_all("summary")[0].text() == "Not shown (no text): 1 file"


def test_crossing_nested_equal_and_empty_spans_keep_every_character() -> None:
    source = "abcdefghijklmnop"
    spans = [(0, 0), (0, 8), (2, 6), (2, 6), (4, 12), (5, 15), (6, 6), (10, 16), (11, 13), (16, 16)]
    results = [make(s, e) for s, e in spans]  # in the reporter's order (by start), as the run gives them
    page = parse(html_reporter.render(results, context("a.md"), {"a.md": source}))
    (view,) = views(page)
    assert view.text() == source
    for k, (s, e) in enumerate(spans, 1):
        assert marked_text(view, f"f1-{k}") == source[s:e]
        assert len(page.find_all("mark", id=f"f1-{k}")) == 1
    empties = [n for n in view.walk() if n.tag == "mark" and "zero" in n.classes()]
    assert [n.attrs["id"] for n in empties] == ["f1-1", "f1-7", "f1-10"]
    assert all(n.children == [] for n in empties)
    # the pieces of a split span carry no id and no tab stop: one tab stop per finding
    pieces = [n for n in view.walk() if n.tag == "mark" and "id" not in n.attrs]
    assert pieces and all("tabindex" not in n.attrs and n.attrs["data-msg"] for n in pieces)


def test_counts_per_file_totals_and_filters() -> None:
    results = [make(0, 1, "error", "DAT001", filename="a.md"), make(1, 2, "warning", "QUO003", filename="a.md"),
               make(2, 3, "warning", "LIC002", filename="a.md"), make(0, 1, "info", "NAM001", filename="c.md")]
    ctx = context("a.md", "b.md", "c.md")
    page = parse(html_reporter.render(results, ctx, {"a.md": "xyz", "b.md": "clean", "c.md": "q"}))
    counts = [(d.find_all("span", class_="path")[0].text(), d.find_all("span", class_="counts")[0].text())
              for d in page.find_all("details", class_="file")]
    assert counts == [("a.md", "1 error, 2 warnings"), ("c.md", "1 info")]
    summary = page.find_all("section", id="summary")[0]
    assert summary.find_all("p", class_="totals")[0].text() == \
        "4 findings1 error2 warnings1 infoDAT: 1LIC: 1NAM: 1QUO: 1"
    assert summary.find_all("p", class_="files")[0].text() == "3 files checked: 2 with findings, 1 clean"
    boxes = [(i.attrs["data-filter"], i.attrs.get("checked")) for i in summary.find_all("input")]
    assert boxes == [("fam:DAT", ""), ("fam:LIC", ""), ("fam:NAM", ""), ("fam:QUO", ""), ("fam:FL", ""),
                     ("sev:error", ""), ("sev:warning", ""), ("sev:info", "")]
    labels = [label.text().strip() for label in summary.find_all("label")]
    assert labels == ["DAT (1)", "LIC (1)", "NAM (1)", "QUO (1)", "FL (0)", "error (1)", "warning (2)", "info (1)"]
    entries = page.find_all("li", class_="finding")
    assert [(e.attrs["data-fam"], e.attrs["data-sev"]) for e in entries] == [
        ("DAT", "error"), ("QUO", "warning"), ("LIC", "warning"), ("NAM", "info")]
    assert [li.text() for li in summary.find_all("details", class_="clean")[0].find_all("li")] == ["b.md"]


def test_many_files_stream_one_collapsed_section_each_and_list_clean_ones_compactly() -> None:
    out = io.StringIO()
    names = [f"d/{i:03}.md" for i in range(300)]
    report = html_reporter.HtmlReport(context(*names), out)
    head = out.getvalue()
    assert head.startswith("<!DOCTYPE html>") and "</html>" not in head
    for i, name in enumerate(names):
        source = f"draft {i} said yesterday\n"
        report.draft(name, source, 0)
        found = [make(source.index("yesterday"), len(source) - 1, filename=name)] if i % 3 == 0 else []
        before = len(out.getvalue())
        report.file(name, found, "warning")
        assert report.current is None  # nothing of a draft is kept once its section is written
        if found:
            written = out.getvalue()[before:]
            assert written.startswith(f'<details class="file" id="file-{i // 3 + 1}">') and source[:8] in written
    report.finish(context(*names))
    page = parse(out.getvalue())
    sections = page.find_all("details", class_="file")
    assert len(sections) == 100 and not any("open" in s.attrs for s in sections)
    ids = [n.attrs["id"] for n in page.walk() if "id" in n.attrs]
    assert len(ids) == len(set(ids))
    clean = page.find_all("details", class_="clean")[0]
    assert clean.find_all("summary")[0].text() == "Clean: 200 files"
    assert [li.text() for li in clean.find_all("li")] == [n for i, n in enumerate(names) if i % 3]
    assert page.find_all("p", class_="files")[0].text() == "300 files checked: 100 with findings, 200 clean"


def test_a_single_file_opens_and_an_unreadable_one_shows_its_problem(tmp_path) -> None:
    draft = tmp_path / "photo.md"
    draft.write_bytes(b"\x89PNG\x00\x00")
    code, out = run("check", "--format", "html", str(draft))
    assert code == 1
    page = parse(out)
    (section,) = page.find_all("details", class_="file")
    assert "open" in section.attrs
    (view,) = views(page)
    assert view.text() == "" and [m.attrs["id"] for m in view.find_all("mark")] == ["f1-1"]
    assert page.find_all("span", class_="code")[0].text() == "FL001"


def test_html_is_a_registered_format_and_named_in_the_help(capsys) -> None:
    assert registry().reporters["html"].drafts is True
    assert all(not r.drafts for name, r in registry().reporters.items() if name != "html")
    assert main(["check", "--help"]) == 0
    assert "text (default), json, sarif, github, junit, gitlab, html" in " ".join(capsys.readouterr().out.split())


def test_other_formats_do_not_keep_draft_text(tmp_path) -> None:
    draft = tmp_path / "a.md"
    draft.write_text("It rained yesterday.\n", encoding="utf-8")
    outcome = Session(registry(), Options(cache=False)).lint_path(draft, str(draft))
    assert outcome.source is None and outcome.results


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_any_draft_reads_back_exactly_with_any_spans(data) -> None:
    source = "".join(data.draw(st.lists(st.sampled_from(
        list("ab <>&\"'\r\n\t;/=!-é🚢\u2028") + ["</script>", "<!--", "&amp;", "]]>"]), max_size=40)))
    bounds = st.integers(0, len(source))
    spans = sorted(data.draw(st.lists(st.tuples(bounds, bounds).map(sorted), min_size=1, max_size=8)), key=lambda s: s[0])
    results = [make(s, e, data.draw(st.sampled_from(["error", "warning", "info"])), message=source[:10])
               for s, e in spans]
    page = parse(html_reporter.render(results, context("a.md"), {"a.md": source}))
    (view,) = views(page)
    assert view.text() == source
    for k, (s, e) in enumerate(spans, 1):
        assert marked_text(view, f"f1-{k}") == source[s:e]
    assert json.loads(page.find_all("script", type="application/json")[0].text()) == [r.as_json() for r in results]


@settings(max_examples=25, deadline=None)
@given(st.text(st.sampled_from(list("The council met yesterday on Friday. \"Yes,\" she said <b>&\r\n")), max_size=200))
def test_real_findings_on_random_drafts_read_back_exactly(tmp_path_factory, text) -> None:
    draft = tmp_path_factory.mktemp("h") / "draft.md"
    draft.write_text(text, encoding="utf-8", newline="")
    source, results = lint(draft)
    page = parse(html_reporter.render(results, context(str(draft)), {str(draft): source}))
    if not results:
        assert views(page) == [] and page.find_all("details", class_="clean")[0].find_all("li")[0].text() == str(draft)
        return
    (view,) = views(page)
    assert view.text() == source == text
    for k, r in enumerate(results, 1):
        assert marked_text(view, f"f1-{k}") == source[r.span.start:r.span.end]
