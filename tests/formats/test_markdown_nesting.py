"""Markdown nested past the parser's limit is read up to `limits.max-nesting` levels, and reported past it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.document import ReadOptions
from factlint.formats import markdown
from factlint.limits import Limits

FACTLINT = Path(sys.executable).with_name("factlint")
TOO_DEEP = "not checked: nested too deeply (more than {} levels of blockquotes and lists)"
HEAD = "---\ndate: 2024-03-05\n---\n# H\n\n"


def check(folder: Path, *names: str) -> list[tuple[str, str, int, int, str]]:
    done = subprocess.run([str(FACTLINT), "check", "--format", "json", *names], cwd=folder,
                          capture_output=True, text=True, encoding="utf-8")
    assert done.returncode in (0, 1), done.stderr
    assert done.stderr == ""
    return [(f["filename"], f["code"], f["location"]["row"], f["location"]["column"], f["message"])
            for f in json.loads(done.stdout)]


def test_a_quotation_twenty_blockquotes_deep_is_read(tmp_path):
    (tmp_path / "deep.md").write_text(HEAD + "> " * 20 + 'He said "hello.\n', encoding="utf-8")
    assert check(tmp_path, "deep.md") == [
        ("deep.md", "QUO002", 6, 49, 'opening quotation mark " never closes in its paragraph'),
    ]


def test_text_past_twenty_five_blockquotes_is_reported_at_its_place(tmp_path):
    (tmp_path / "deep.md").write_text(HEAD + "> " * 25 + 'He said "hello.\n', encoding="utf-8")
    assert check(tmp_path, "deep.md") == [("deep.md", "FL001", 6, 51, TOO_DEEP.format(20))]


def test_lists_count_one_level_each(tmp_path):
    items = "".join("  " * i + "- item\n" for i in range(20))
    (tmp_path / "read.md").write_text("# H\n\n" + items + "\n" + "  " * 20 + 'He said "hello.\n', encoding="utf-8")
    items = "".join("  " * i + "- item\n" for i in range(25))
    (tmp_path / "deep.md").write_text("# H\n\n" + items, encoding="utf-8")
    assert check(tmp_path, "read.md", "deep.md") == [
        ("deep.md", "FL001", 23, 43, TOO_DEEP.format(20)),
        ("read.md", "QUO002", 24, 49, 'opening quotation mark " never closes in its paragraph'),
    ]


def test_text_after_the_deep_part_is_still_read(tmp_path):
    draft = "# H\n\n" + "> " * 30 + "deep\n\n" + 'She said "bye.\n'
    (tmp_path / "d.md").write_text(draft, encoding="utf-8")
    assert check(tmp_path, "d.md") == [
        ("d.md", "FL001", 3, 61, TOO_DEEP.format(20)),
        ("d.md", "QUO002", 5, 10, 'opening quotation mark " never closes in its paragraph'),
    ]


def test_the_configured_limit_is_honoured(tmp_path):
    (tmp_path / ".factlint.yaml").write_text("limits:\n  max-nesting: 3\n", encoding="utf-8")
    (tmp_path / "three.md").write_text("# H\n\n> > > Fine.\n", encoding="utf-8")
    (tmp_path / "four.md").write_text("# H\n\n> > >\n> > > - Too deep.\n", encoding="utf-8")
    assert check(tmp_path, "three.md", "four.md") == [("four.md", "FL001", 4, 9, TOO_DEEP.format(3))]


def test_a_limit_past_the_parser_bound_is_a_usage_error(tmp_path):
    (tmp_path / ".factlint.yaml").write_text("limits:\n  max-nesting: 101\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("# H\n", encoding="utf-8")
    done = subprocess.run([str(FACTLINT), "check", "a.md"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr == (f"factlint: error: {tmp_path / '.factlint.yaml'}: configuration key 'limits.max-nesting': "
                           "101 is more than the largest allowed, 100\n")


def test_the_largest_limit_reads_a_hundred_levels_and_reports_three_hundred(tmp_path):
    (tmp_path / ".factlint.yaml").write_text("limits:\n  max-nesting: 100\n", encoding="utf-8")
    (tmp_path / "read.md").write_text("# H\n\n" + "> " * 100 + 'He said "hello.\n', encoding="utf-8")
    (tmp_path / "deep.md").write_text("# H\n\n" + "> " * 300 + "- " * 300 + "x\n", encoding="utf-8")
    assert check(tmp_path, "read.md", "deep.md") == [
        ("deep.md", "FL001", 3, 1201, TOO_DEEP.format(100)),
        ("read.md", "QUO002", 3, 209, 'opening quotation mark " never closes in its paragraph'),
    ]


def test_html_nested_five_hundred_blockquotes_deep_is_read(tmp_path):
    deep = "<blockquote>" * 500 + '<p>He said "hello.</p>' + "</blockquote>" * 500
    (tmp_path / "d.html").write_text(f"<html><body><article>{deep}</article></body></html>\n", encoding="utf-8")
    column = len("<html><body><article>") + 12 * 500 + len("<p>He said ") + 1
    assert check(tmp_path, "d.html") == [
        ("d.html", "QUO002", 1, column, 'opening quotation mark " never closes in its paragraph'),
    ]


# -- any nesting of blockquotes, lists and emphasis: read or reported, never a crash ------------

WORDS = st.sampled_from(["alpha", "beta", 'said "quoted', "gamma.", "delta's"])
#: Emphasis wraps words only (around a `>` it would make the marker text).
LEAVES = st.builds(lambda word, stars: "*" * stars + word + "*" * stars, WORDS, st.integers(0, 60))
CONTAINERS = st.lists(st.sampled_from(["> ", "- ", "1. "]), max_size=60)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(CONTAINERS, LEAVES), min_size=1, max_size=4), st.integers(min_value=1, max_value=30))
def test_nested_markdown_is_read_or_reported(nodes, limit):
    source = "\n\n".join("".join(markers) + leaf for markers, leaf in nodes) + "\n"
    doc = markdown.read("d.md", source, ReadOptions(limits=Limits(max_nesting=limit)))
    for block in doc.blocks:
        span = block.span(0, len(block.text))
        assert 0 <= span.start <= span.end <= len(source)
    for problem in doc.problems:
        assert problem.message == TOO_DEEP.format(limit)
        assert 0 <= problem.span.start <= problem.span.end <= len(source)
    text = " ".join(block.text for block in doc.blocks)
    for markers, leaf in nodes:
        if len(markers) <= limit:  # within the limit, every word is read
            assert leaf.strip("*") in text
    assert len(doc.problems) == sum(len(markers) > limit for markers, _ in nodes)
