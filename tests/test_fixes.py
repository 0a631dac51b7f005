"""Applying fixes: whole fixes in source order, overlaps resolved, atomic writes, diffs, and --fix end to end."""

from __future__ import annotations

import io
import os
import re
import stat
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint import fixes
from factlint.surfaces import cli
from factlint.document import Span
from factlint.plugins import collect, hookimpl, plugin_manager
from factlint.rules import SAFE, UNSAFE, Edit, Fix, rule

ROOT = Path(__file__).resolve().parent.parent


def replace(start: int, end: int, content: str, applicability: str = SAFE) -> Fix:
    return Fix.replace(Span(start, end), content, "replace", applicability)


# -- conflicts -----------------------------------------------------------


def test_conflicts() -> None:
    assert fixes.conflicts(Span(0, 5), Span(4, 8))
    assert not fixes.conflicts(Span(0, 5), Span(5, 8))  # touching is fine
    assert fixes.conflicts(Span(3, 3), Span(3, 3))  # two insertions: order would matter
    assert fixes.conflicts(Span(4, 4), Span(3, 6))  # insertion inside a replacement
    assert not fixes.conflicts(Span(3, 3), Span(3, 6))  # insertion at its edge
    assert not fixes.conflicts(Span(6, 6), Span(3, 6))
    assert fixes.conflicts(Span(2, 9), Span(4, 5))


# -- apply_edits (kept for its callers) -----------------------------------


def test_apply_edits_in_source_order_whatever_the_given_order() -> None:
    edits = [Edit(Span(10, 14), "Tuesday"), Edit(Span(0, 3), "The")]
    assert fixes.apply_edits("the vote, Mon., was close", edits) == ("The vote, Tuesday, was close", 2)


def test_apply_edits_skips_an_overlap_and_out_of_range_edits() -> None:
    edits = [Edit(Span(0, 4), "ABCD"), Edit(Span(2, 6), "zz"), Edit(Span(5, 99), "!")]
    assert fixes.apply_edits("abcdefgh", edits) == ("ABCDefgh", 1)


# -- fixed_text ------------------------------------------------------------


def test_fixed_text_applies_every_fix_that_does_not_conflict() -> None:
    source = "on Saturday, March 10 and Friday, March 13"
    text, applied = fixes.fixed_text(source, [replace(26, 32, "Friday"), replace(3, 11, "Tuesday")])
    assert (text, applied) == ("on Tuesday, March 10 and Friday, March 13", 2)


def test_fixed_text_earlier_fix_wins_an_overlap_the_later_waits() -> None:
    source = "teh cat sat"
    first = replace(0, 3, "the")
    overlapping = replace(0, 7, "the dog")
    text, applied = fixes.fixed_text(source, [overlapping, first])
    assert (text, applied) == ("the cat sat", 1)


def test_fixed_text_applies_a_fix_whole_or_not_at_all() -> None:
    source = "“Quote\" and \"another”"
    pair = Fix(SAFE, "curly pair", (Edit(Span(6, 7), "”"), Edit(Span(12, 13), "“")))
    blocker = replace(10, 13, " & ")  # overlaps the pair's second edit only
    text, applied = fixes.fixed_text(source, [blocker, pair])
    # the blocker starts later, so the pair (first edit at 6) is accepted first
    assert (text, applied) == ("“Quote” and “another”", 1)
    text, applied = fixes.fixed_text(source, [replace(5, 7, "e!"), pair])
    assert (text, applied) == ("“Quote! and \"another”", 1)  # pair skipped: its second edit is not made either


def test_fixed_text_skips_a_fix_whose_own_edits_conflict_or_stray() -> None:
    source = "abcdef"
    selfish = Fix(SAFE, "self-overlap", (Edit(Span(0, 3), "X"), Edit(Span(2, 4), "Y")))
    stray = Fix(SAFE, "outside", (Edit(Span(4, 40), "Z"),))
    empty = Fix(SAFE, "nothing", ())
    assert fixes.fixed_text(source, [selfish, stray, empty]) == ("abcdef", 0)


def test_fixed_text_two_insertions_at_one_place_apply_one() -> None:
    assert fixes.fixed_text("ab", [replace(1, 1, "X"), replace(1, 1, "Y")]) == ("aXb", 1)


def test_fixed_text_keeps_crlf_and_everything_outside_the_edit() -> None:
    source = "Line one\r\nteh line\r\n\tlast\u2028line"
    assert fixes.fixed_text(source, [replace(10, 13, "the")]) == ("Line one\r\nthe line\r\n\tlast\u2028line", 1)


# Property: fix contents are unique markers made of characters the source
# never holds, so the output itself says which fixes were applied.
SOURCE_CHARS = st.sampled_from("abc \n\r\u00e9\U0001f600")


@st.composite
def source_and_fixes(draw: st.DrawFn) -> tuple[str, list[Fix]]:
    source = draw(st.text(SOURCE_CHARS, max_size=30))
    n = len(source)
    found = []
    for i in range(draw(st.integers(0, 6))):
        edits = []
        for j in range(draw(st.integers(1, 3))):
            start = draw(st.integers(0, n))
            end = draw(st.integers(start, min(n, start + 6)))
            edits.append(Edit(Span(start, end), f"<{i}.{j}>"))
        found.append(Fix(draw(st.sampled_from([SAFE, UNSAFE])), f"fix {i}", tuple(edits)))
    return source, found


def splice(source: str, edits: list[Edit]) -> str:
    out, cursor = [], 0
    for edit in sorted(edits, key=lambda e: (e.span.start, e.span.end)):
        assert edit.span.start >= cursor
        out += [source[cursor : edit.span.start], edit.content]
        cursor = edit.span.end
    return "".join(out) + source[cursor:]


@settings(max_examples=150, deadline=None)
@given(source_and_fixes())
def test_fixes_change_only_their_own_spans_and_never_corrupt(case: tuple[str, list[Fix]]) -> None:
    source, all_fixes = case
    text, applied = fixes.fixed_text(source, all_fixes)
    markers = set(re.findall(r"<(\d+)\.(\d+)>", text))
    chosen = [f for i, f in enumerate(all_fixes) if any(m[0] == str(i) for m in markers)]
    # whole fixes only: every edit of a chosen fix is in the output, exactly once
    for i, f in enumerate(all_fixes):
        present = [text.count(f"<{i}.{j}>") for j in range(len(f.edits))]
        assert present in ([0] * len(present), [1] * len(present))
    assert applied == len(chosen)
    edits = [e for f in chosen for e in f.edits]
    for a_index, a in enumerate(edits):
        for b in edits[a_index + 1 :]:
            assert not fixes.conflicts(a.span, b.span)
    # outside the chosen edits, the text is the source, byte for byte
    assert text == splice(source, edits)
    # nothing skipped without a reason: a left-out fix conflicts with a chosen one or with itself
    for f in all_fixes:
        if f not in chosen:
            own = [(a, b) for k, a in enumerate(f.edits) for b in f.edits[k + 1 :]]
            assert any(fixes.conflicts(a.span, b.span) for a, b in own) or any(
                fixes.conflicts(a.span, e.span) for a in f.edits for e in edits
            )


def fixed_text_one_by_one(source: str, all_fixes: list[Fix]) -> tuple[str, int]:
    """The plain reading of fixed_text: each fix checked against every edit accepted before it."""
    accepted: list[Edit] = []
    applied = 0
    for fix in sorted((f for f in all_fixes if f.edits), key=lambda f: min((e.span.start, e.span.end) for e in f.edits)):
        own = fix.edits
        if not all(0 <= e.span.start <= e.span.end <= len(source) for e in own):
            continue
        if any(fixes.conflicts(a.span, b.span) for i, a in enumerate(own) for b in own[i + 1 :]):
            continue
        if any(fixes.conflicts(a.span, e.span) for a in accepted for e in own):
            continue
        accepted.extend(own)
        applied += 1
    return splice(source, accepted), applied


@settings(max_examples=300, deadline=None)
@given(source_and_fixes())
def test_fixed_text_accepts_what_checking_every_accepted_edit_would(case: tuple[str, list[Fix]]) -> None:
    source, all_fixes = case
    assert fixes.fixed_text(source, all_fixes) == fixed_text_one_by_one(source, all_fixes)


@settings(max_examples=60, deadline=None)
@given(source_and_fixes())
def test_fixing_is_repeatable_until_nothing_is_left(case: tuple[str, list[Fix]]) -> None:
    source, all_fixes = case
    once, _ = fixes.fixed_text(source, all_fixes)
    assert fixes.fixed_text(once, []) == (once, 0)
    assert fixes.fixed_text(source, all_fixes) == fixes.fixed_text(source, list(all_fixes))


# -- write_atomic ----------------------------------------------------------


def test_write_atomic_keeps_mode_bom_and_line_endings(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_bytes(b"\xef\xbb\xbfold\r\n")
    os.chmod(draft, 0o640)
    fixes.write_atomic(draft, "new\r\nline\n", bom=True)
    assert draft.read_bytes() == b"\xef\xbb\xbfnew\r\nline\n"
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["draft.md"]  # no temporary file left


def test_write_atomic_without_bom_writes_plain_utf8(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_bytes(b"x")
    fixes.write_atomic(draft, "Caf\u00e9 \U0001f600\r", bom=False)
    assert draft.read_bytes() == "Caf\u00e9 \U0001f600\r".encode()


def test_write_atomic_replaces_the_file_not_writes_into_it(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("old")
    before = draft.stat().st_ino
    reader = open(draft, "rb")  # a reader holding the old file still sees it whole
    fixes.write_atomic(draft, "new", bom=False)
    assert reader.read() == b"old"
    reader.close()
    assert draft.read_text() == "new" and draft.stat().st_ino != before


def test_write_atomic_follows_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    fixes.write_atomic(link, "new", bom=False)
    assert link.is_symlink() and target.read_text() == "new"


def test_write_atomic_leaves_the_original_when_writing_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("original")

    def broken(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        fixes.write_atomic(draft, "new", bom=False)
    assert draft.read_text() == "original"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.md"]


# -- unified_diff ------------------------------------------------------------


def test_unified_diff_standard_form() -> None:
    before = "# Vote\n\nIt happened on Saturday, March 10, 2026.\nEnd.\n"
    after = before.replace("Saturday", "Tuesday")
    assert fixes.unified_diff("./news/vote.md", before, after) == (
        "--- a/news/vote.md\n"
        "+++ b/news/vote.md\n"
        "@@ -1,4 +1,4 @@\n"
        " # Vote\n"
        " \n"
        "-It happened on Saturday, March 10, 2026.\n"
        "+It happened on Tuesday, March 10, 2026.\n"
        " End.\n"
    )


def test_unified_diff_no_change_is_empty() -> None:
    assert fixes.unified_diff("a.md", "same\n", "same\n") == ""


def test_unified_diff_marks_a_missing_final_newline() -> None:
    assert fixes.unified_diff("a.txt", "teh", "the") == (
        "--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-teh\n\\ No newline at end of file\n+the\n\\ No newline at end of file\n"
    )


def test_unified_diff_splits_only_at_line_endings() -> None:
    before = "a\u2028b\x0cc\r\nteh\r\n"
    diff = fixes.unified_diff("a.txt", before, before.replace("teh", "the"))
    assert "@@ -1,2 +1,2 @@\n a\u2028b\x0cc\r\n-teh\r\n+the\r\n" in diff


# -- --fix, --unsafe-fixes and --diff through the command line --------------


@rule(code="ZZF001", name="typo-teh", summary="A common typo.", explanation="Spell 'the'.",
      example="teh vote", near_miss="the vote", fix=SAFE)
def typo_teh(document, context):  # noqa: ANN001, ANN201
    for m in re.finditer(r"\bteh\b", document.source):
        yield typo_teh.finding(Span(m.start(), m.end()), "typo", Fix.replace(Span(m.start(), m.end()), "the", "Replace with \"the\""))


@rule(code="ZZF002", name="typo-teh-cat", summary="A longer fix overlapping ZZF001's.", explanation="Cats.",
      example="teh cat", near_miss="the dog", fix=SAFE)
def typo_teh_cat(document, context):  # noqa: ANN001, ANN201
    for m in re.finditer(r"\bteh cat\b", document.source):
        yield typo_teh_cat.finding(Span(m.start(), m.end()), "cat", Fix.replace(Span(m.start(), m.end()), "the dog", "dog"))


@rule(code="ZZF003", name="plain-word", summary="An unsafe rewording.", explanation="Plain words.",
      example="utilise", near_miss="use", fix=UNSAFE)
def plain_word(document, context):  # noqa: ANN001, ANN201
    for m in re.finditer(r"\butilise\b", document.source):
        yield plain_word.finding(Span(m.start(), m.end()), "plain", Fix.replace(Span(m.start(), m.end()), "use", "use", UNSAFE))


class FixPlugin:
    @hookimpl
    def factlint_rules(self) -> list:
        return [typo_teh, typo_teh_cat, plain_word]


@pytest.fixture
def fix_cli(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    registry = collect(plugin_manager(entry_points=False, extra=[FixPlugin()]))
    monkeypatch.setattr(cli, "_registry", lambda: registry)
    yield


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = cli.main([*argv, "--select", "ZZF", "--format", "json", "-j", "1"], out=out)
    return status, out.getvalue()


DRAFT = "# Teh council\n\nteh cat sat on teh mat.\r\nWe utilise teh budget.\n"


def test_fix_twice_second_run_changes_nothing(fix_cli: None, tmp_path: Path) -> None:
    draft = tmp_path / "story.md"
    draft.write_bytes(b"\xef\xbb\xbf" + DRAFT.encode())
    os.chmod(draft, 0o604)
    status, out = run("check", "--fix", str(draft))
    first = draft.read_bytes()
    # "teh cat" and the first "teh" overlap: one wins, the next pass settles the other
    assert first == b"\xef\xbb\xbf# Teh council\n\nthe cat sat on the mat.\r\nWe utilise the budget.\n"
    assert stat.S_IMODE(draft.stat().st_mode) == 0o604
    assert '"ZZF003"' in out and '"ZZF001"' not in out  # only the unsafe one is left
    status, out = run("check", "--fix", str(draft))
    assert draft.read_bytes() == first
    assert '"ZZF001"' not in out and '"ZZF002"' not in out


def test_unsafe_fixes_apply_too(fix_cli: None, tmp_path: Path) -> None:
    draft = tmp_path / "story.txt"
    draft.write_text("We utilise teh budget.\n")
    status, out = run("check", "--fix", "--unsafe-fixes", str(draft))
    assert draft.read_text() == "We use the budget.\n"
    assert (status, out.strip()) == (0, "[]")


def test_diff_prints_and_writes_nothing(fix_cli: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("story.txt").write_text("We met teh mayor.\n")
    status, out = run("check", "--diff", "story.txt")
    assert Path("story.txt").read_text() == "We met teh mayor.\n"
    assert out == "--- a/story.txt\n+++ b/story.txt\n@@ -1 +1 @@\n-We met teh mayor.\n+We met the mayor.\n"
    assert status == 1


def test_fix_leaves_clean_files_untouched(fix_cli: None, tmp_path: Path) -> None:
    draft = tmp_path / "clean.md"
    draft.write_text("Nothing to fix here.\n")
    os.utime(draft, (1_000_000, 1_000_000))
    run("check", "--fix", str(draft))
    assert draft.stat().st_mtime == 1_000_000  # not even rewritten


# The same guarantee with the built-in rules, through `python -m factlint`.
FIXABLE_DRAFTS = {
    "vote.md": (
        "---\ntitle: Council vote\ndate: 2026-03-12\n---\n\n# Council vote\n\n"
        "The council met on Saturday, March 10, 2026, and again on Friday, March 13, 2026.\n\n"
        "\"We will not raise the rates this year, whatever happens next,” said Mayor Ana Ruiz.\r\n"
    ),
    "notes.txt": "Budget notes\n\nThe hearing is on Monday, March 9, 2026, at the town hall.\n",
}


def python_m_factlint(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "factlint", *argv], cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8")


def test_real_cli_fix_then_fix_again_is_byte_identical(tmp_path: Path) -> None:
    for name, text in FIXABLE_DRAFTS.items():
        (tmp_path / name).write_bytes(text.encode())
    first = python_m_factlint("check", "--fix", ".", cwd=tmp_path)
    assert first.returncode in (0, 1), first.stderr
    after_first = {name: (tmp_path / name).read_bytes() for name in FIXABLE_DRAFTS}
    # DAT004 (the weekday) and QUO003 (the opening mark) are safe fixes; the CRLF stays
    expected = FIXABLE_DRAFTS["vote.md"].replace("Saturday, March 10", "Tuesday, March 10").replace('\n"We', "\n\u201cWe")
    assert after_first == {"vote.md": expected.encode(), "notes.txt": FIXABLE_DRAFTS["notes.txt"].encode()}
    second = python_m_factlint("check", "--fix", "--format", "json", ".", cwd=tmp_path)
    assert second.returncode in (0, 1), second.stderr
    import json

    remaining = json.loads(second.stdout)
    assert [r for r in remaining if r["fix"] and r["fix"]["applicability"] == "safe"] == []
    assert {name: (tmp_path / name).read_bytes() for name in FIXABLE_DRAFTS} == after_first
