"""Waivers: fingerprints that survive edits elsewhere, FL004, the file format, the commands, merges in real git."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
from jsonschema import Draft4Validator

from factlint import waivers
from factlint.surfaces.cli import main

SCHEMA = Path(__file__).parent / "data" / "sarif" / "sarif-schema-2.1.0.json"
DRAFT = ("# Rates\n\nThe council met this week to discuss rates.\n\n"
         "Some other paragraph about the harbour.\n")
GIT_ENV = dict(os.environ, GIT_AUTHOR_NAME="Desk", GIT_AUTHOR_EMAIL="d@news.example", GIT_COMMITTER_NAME="Desk",
               GIT_COMMITTER_EMAIL="d@news.example", GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull)


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(DRAFT, encoding="utf-8", newline="")
    return tmp_path


def waive(*extra: str) -> tuple[int, str]:
    return run("waive", "a.md:3:17", "DAT001", "--reason", "a weekly column", "--by", "Ana Ruiz", *extra)


def test_waive_writes_one_sorted_line_and_check_hides_and_counts_it(desk: Path) -> None:
    assert waive() == (0, f"Waived DAT001 at a.md:3:17 (by Ana Ruiz: a weekly column) in .factlint-waivers.yaml.\n")
    lines = (desk / ".factlint-waivers.yaml").read_text().splitlines()
    entry = [line for line in lines if not line.startswith("#")]
    assert len(entry) == 1 and entry[0].startswith('- {file: "a.md", code: "DAT001", text: "this week", '
                                                   'reason: "a weekly column", by: "Ana Ruiz", date: ')
    assert run("check", "a.md") == (0, "All clear: 1 file checked, no findings, 1 waived.\n")
    code, out = run("check", "a.md", "--show-waived")
    assert code == 0 and out.splitlines()[0].endswith("(waived by Ana Ruiz: a weekly column)")


def test_json_has_waived_only_with_show_waived(desk: Path) -> None:
    waive()
    assert json.loads(run("check", "--format", "json", "a.md")[1]) == []
    shown = json.loads(run("check", "--format", "json", "--show-waived", "a.md")[1])
    assert [(r["code"], r["waived"]) for r in shown] == [("DAT001", {"reason": "a weekly column", "by": "Ana Ruiz"})]


def test_sarif_carries_the_waived_result_as_an_accepted_external_suppression(desk: Path) -> None:
    waive("--expires", "2999-01-01")
    code, out = run("check", "--format", "sarif", "a.md")
    log = json.loads(out)
    Draft4Validator(json.loads(SCHEMA.read_text())).validate(log)
    [result] = log["runs"][0]["results"]
    assert code == 0
    assert result["suppressions"] == [{"kind": "external", "status": "accepted", "justification": "a weekly column",
                                       "properties": {"by": "Ana Ruiz", "date": dt.date.today().isoformat(),
                                                      "expires": "2999-01-01"}}]


def test_moving_crlf_and_quote_style_keep_the_waiver_rewording_drops_it(desk: Path) -> None:
    waive()
    moved = "# Rates\n\nSome other paragraph about the harbour.\n\nThe council   met this\nweek to discuss rates.\n"
    (desk / "a.md").write_text(moved.replace("\n", "\r\n"), encoding="utf-8", newline="")
    assert run("check", "a.md") == (0, "All clear: 1 file checked, no findings, 1 waived.\n")
    (desk / "a.md").write_text(DRAFT.replace("met this", "gathered this"), encoding="utf-8")
    code, out = run("check", "a.md")
    assert code == 1
    assert out.splitlines()[:2] == [
        'a.md:1:1: FL004 stale waiver: the finding of the waiver for DAT001 by Ana Ruiz (this week) is gone; '
        '`factlint waivers --prune` removes it',
        'a.md:3:22: DAT001 "this week" is relative and the draft has no reference date (front matter `date` or '
        '--reference-date) to say which date it means',
    ]
    assert run("waivers")[1].splitlines()[1].split()[:3] == ["a.md", "DAT001", "stale"]
    assert run("waivers", "--prune")[1].endswith("Removed 1 stale waiver from .factlint-waivers.yaml; 0 left.\n")
    assert waivers.load(desk / ".factlint-waivers.yaml").entries == ()


def test_quote_style_change_keeps_the_fingerprint() -> None:
    assert waivers.normalise('He said "no  way"\r\n') == waivers.normalise("He said \u201cno way\u201d")


def test_an_expired_waiver_hides_nothing_and_says_so(desk: Path) -> None:
    waive("--expires", "2020-01-31")
    code, out = run("check", "a.md")
    assert code == 1
    assert out.splitlines()[0] == ("a.md:3:17: DAT001 \"this week\" is relative and the draft has no reference date "
                                   "(front matter `date` or --reference-date) to say which date it means")
    assert out.splitlines()[1] == ("a.md:3:17: FL004 expired waiver: the waiver for DAT001 by Ana Ruiz (this week) "
                                   "ran out on 2020-01-31; the finding is shown again")
    assert "expired" in run("waivers")[1].splitlines()[1]


def test_fix_leaves_a_waived_finding_alone(desk: Path) -> None:
    text = '# Rates\n\n"The council will not raise the rates this year at all,\u201d said Mayor Ana Ruiz.\n'
    (desk / "q.md").write_text(text, encoding="utf-8")
    assert run("waive", "q.md:3:1", "QUO003", "--reason", "house style exception", "--by", "Ed")[0] == 0
    assert run("check", "--fix", "q.md")[0] == 0
    assert (desk / "q.md").read_text(encoding="utf-8") == text


def test_a_malformed_waivers_file_is_exit_2_naming_its_line(desk: Path, capsys: pytest.CaptureFixture) -> None:
    (desk / ".factlint-waivers.yaml").write_text("# c\n- {file: a.md, code: DAT001}\n")
    assert run("check", "a.md")[0] == 2
    assert capsys.readouterr().err == f"factlint: error: {desk / '.factlint-waivers.yaml'}:2: the waiver has no 'fingerprint'\n"
    (desk / ".factlint-waivers.yaml").write_text("- {file: a.md\n")
    assert run("check", "a.md")[0] == 2
    assert capsys.readouterr().err.startswith(f"factlint: error: {desk / '.factlint-waivers.yaml'}:2: the waivers file is not valid YAML")


def test_waive_needs_an_exact_finding_and_a_reason(desk: Path, capsys: pytest.CaptureFixture) -> None:
    assert run("waive", "a.md:4", "DAT001", "--reason", "x", "--by", "E")[0] == 2
    assert "no DAT001 finding at a.md:4" in capsys.readouterr().err
    assert run("waive", "a.md:3", "DAT001", "--by", "E")[0] == 2
    assert "--reason TEXT is required" in capsys.readouterr().err


def test_a_configured_waivers_file_per_folder(desk: Path) -> None:
    (desk / "desk").mkdir()
    (desk / "desk" / ".factlint.yaml").write_text("waivers: signoffs.yaml\n")
    (desk / "desk" / "b.md").write_text(DRAFT, encoding="utf-8")
    assert run("waive", "desk/b.md:3:17", "DAT001", "--reason", "ok", "--by", "E")[0] == 0
    assert waivers.load(desk / "desk" / "signoffs.yaml").entries[0].file == "b.md"
    assert run("check", "desk/b.md")[1] == "All clear: 1 file checked, no findings, 1 waived.\n"


@settings(max_examples=40, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=40), st.text(max_size=20))
def test_dump_and_load_round_trip_any_reason(reason: str, by: str) -> None:
    import tempfile

    entry = waivers.Waiver("news/a b.md", "DAT001", "0123456789abcdef", reason or "r", by or "b",
                           dt.date(2026, 3, 12), 2, reason[:10], dt.date(2026, 4, 1))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "w.yaml"
        waivers.save(path, [entry])
        assert waivers.load(path).entries == (entry,)
        assert len(path.read_text(encoding="utf-8").splitlines()) == len(waivers.HEADER.splitlines()) + 1


PARAGRAPH = st.text(st.sampled_from("abcdefghij klmnop,"), min_size=1, max_size=60).map(lambda t: "Words " + t + ".")


@settings(max_examples=30, deadline=None)
@given(st.lists(PARAGRAPH, max_size=4), st.lists(PARAGRAPH, max_size=4), st.booleans())
def test_an_edit_outside_the_sentence_never_drops_a_waiver(before: list[str], after: list[str], crlf: bool) -> None:
    from factlint.testing import lint

    sentence = "The council met this week to discuss rates."
    [result] = [r for r in lint(f"{sentence}\n", format="text", select=["DAT001"]) if r.code == "DAT001"]
    text = "\n\n".join([*before, sentence, *after]) + "\n"
    if crlf:
        text = text.replace("\n", "\r\n")
    again = [r for r in lint(text, format="text", select=["DAT001"]) if r.code == "DAT001"]
    assert (result.fingerprint, result.occurrence) in {(r.fingerprint, r.occurrence) for r in again}


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, env=GIT_ENV, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_two_branches_adding_waivers_merge_without_conflict(desk: Path) -> None:
    (desk / "b.md").write_text(DRAFT, encoding="utf-8")
    git(desk, "init", "-q", "-b", "main")
    assert run("waive", "a.md:3:17", "DAT001", "--reason", "first", "--by", "E")[0] == 0  # writes .gitattributes
    assert (desk / ".gitattributes").read_text() == "/.factlint-waivers.yaml merge=union\n"
    git(desk, "add", "-A")
    git(desk, "commit", "-qm", "base")
    git(desk, "checkout", "-qb", "one")
    (desk / "c.md").write_text(DRAFT, encoding="utf-8")
    run("waive", "c.md:3:17", "DAT001", "--reason", "one", "--by", "E")
    git(desk, "commit", "-qam", "one")
    git(desk, "add", "-A")
    git(desk, "commit", "-qm", "c")
    git(desk, "checkout", "-q", "main")
    git(desk, "checkout", "-qb", "two")
    run("waive", "b.md:3:17", "DAT001", "--reason", "two", "--by", "E")
    git(desk, "commit", "-qam", "two")
    git(desk, "checkout", "-q", "main")
    git(desk, "merge", "-q", "one")
    git(desk, "merge", "-q", "--no-edit", "two")
    assert sorted(w.file for w in waivers.load(desk / ".factlint-waivers.yaml").entries) == ["a.md", "b.md", "c.md"]
    assert run("check", ".")[1] == "All clear: 3 files checked, no findings, 3 waived.\n"


def test_a_baseline_of_a_generated_corpus_then_only_new_findings(tmp_path: Path, monkeypatch) -> None:
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, str(root / "benchmarks" / "generate.py"), str(tmp_path / "corpus"),
                    "--count", "12", "--seed", "3"], check=True, capture_output=True)
    monkeypatch.chdir(tmp_path / "corpus")
    assert run("check", "-j", "1", ".")[0] == 1
    code, out = run("waive", "--all", "--reason", "archive baseline", "--by", "Desk", "-j", "1", ".")
    assert code == 0 and out.endswith("Baseline of 12 files: " + out.split(": ")[-1])
    code, out = run("check", "-j", "1", ".")
    assert code == 0 and out.startswith("All clear: 12 files checked, no findings, ")
    draft = sorted(Path(".").rglob("*.md"))[0]
    draft.write_text(draft.read_text(encoding="utf-8") + "\nThe mayor resigned yesterday, officials confirmed.\n",
                     encoding="utf-8")
    code, out = run("check", "-j", "1", "--format", "json", ".")
    assert code == 1
    assert [(r["code"], r["filename"]) for r in json.loads(out)] == [("DAT001", str(draft))]


def _block_by_scanning(document, offset):  # noqa: ANN001, ANN202 - the plain reading _Blocks must agree with
    best, width = None, None
    for block in waivers._blocks(document):
        if not block.text:
            continue
        whole = block.span(0, len(block.text))
        if whole.start <= offset < max(whole.end, whole.start + 1):
            if width is None or whole.end - whole.start < width:
                best, width = block, whole.end - whole.start
    return best


@pytest.mark.parametrize("name, source", [
    ("b.md", "# Vote\n\nSee ![alt text](y.png \"Title\") here and more text.\n\n> Quoted ![q alt](z.png)\n"),
    ("a.md", "---\nimage: x.jpg\ncaption: \"Photo: Ana Ruiz\"\n---\n\n# Vote\n\n> Quoted\n> - item *one*\n>   - two\n\n"
             "Text with [a link](http://x.example) and `code`.\n\n![alt text](y.png \"Title\")\n\n- a\n- b\n"),
    ("a.html", "<h1>Vote</h1><p>One <em>two</em></p><figure><img src=\"y.png\" alt=\"Alt\">"
               "<figcaption>Photo: Ana Ruiz</figcaption></figure><blockquote><p>Q</p></blockquote>"),
])
def test_the_block_index_finds_what_scanning_every_block_finds(name: str, source: str) -> None:
    from factlint.document import ReadOptions
    from factlint.formats import html, markdown

    document = (markdown if name.endswith(".md") else html).read(name, source, ReadOptions())
    index = waivers._Blocks(document)
    assert len(list(waivers._blocks(document))) > 3
    for offset in range(len(source) + 2):
        assert index.at(offset) is _block_by_scanning(document, offset), offset


# -- fingerprints of 0.1: the sentence after a title the calendar did not list (Det., Insp., Supt.) ----------------------------------------------

TITLED = "# Station\n\nDet. Okafor said the station closed this week.\n"


def _sha(flagged: str, sentence: str) -> str:
    import hashlib

    return hashlib.sha256(f"{flagged}\0{sentence}\0".encode()).hexdigest()[:16]


def test_a_fingerprint_reads_the_sentence_every_rule_reads_through_a_title() -> None:
    from factlint.testing import lint

    [result] = [r for r in lint(TITLED, select=["DAT001"]) if r.code == "DAT001"]
    assert result.fingerprint == _sha("this week", "Det. Okafor said the station closed this week.")
    # 0.1 split the sentence at "Dr.": that fingerprint is carried for one release.
    assert result.legacy == (_sha("this week", "Okafor said the station closed this week."), 0)
    [plain] = [r for r in lint(DRAFT, select=["DAT001"]) if r.code == "DAT001"]
    assert plain.legacy is None  # where the two splits agree there is nothing to carry


def test_a_waiver_written_by_0_1_still_holds_and_prune_gives_it_the_new_fingerprint(desk: Path) -> None:
    (desk / "a.md").write_text(TITLED, encoding="utf-8")
    old = _sha("this week", "Okafor said the station closed this week.")
    (desk / ".factlint-waivers.yaml").write_text(
        f'- {{file: "a.md", code: "DAT001", text: "this week", reason: "weekly", by: "Ana Ruiz", '
        f'date: 2026-03-12, fingerprint: "{old}", occurrence: 0}}\n', encoding="utf-8")
    assert run("check", "a.md") == (0, "All clear: 1 file checked, no findings, 1 waived.\n")
    code, listing = run("waivers")
    assert code == 0 and listing.splitlines()[1:] == [
        "a.md:3:37  DAT001  active (fingerprint of 0.1)  Ana Ruiz  2026-03-12  -        weekly",
        "1 waiver in .factlint-waivers.yaml: 1 active (`factlint waivers --prune` updates those with a "
        "fingerprint of 0.1).",
    ]
    code, pruned = run("waivers", "--prune")
    assert (code, pruned.splitlines()[-1]) == (
        0, "Removed 0 stale waivers from .factlint-waivers.yaml, updated 1 waiver to this release's fingerprint; 1 left.")
    new = _sha("this week", "Det. Okafor said the station closed this week.")
    assert f'fingerprint: "{new}"' in (desk / ".factlint-waivers.yaml").read_text(encoding="utf-8")
    assert run("waivers")[1].splitlines()[-1] == "1 waiver in .factlint-waivers.yaml: 1 active."
    assert run("check", "a.md") == (0, "All clear: 1 file checked, no findings, 1 waived.\n")
