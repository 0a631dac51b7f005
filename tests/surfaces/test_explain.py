"""`factlint explain`: each direct quotation with who says it and why, as QUO001 decided it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from factlint.surfaces.cli import main

DRAFT = (
    "# Fares\n\n"
    '"We looked at every other option before this one," Ortiz said.\n\n'
    'The vote was close. "Nobody in this room got what they came for tonight."\n\n'
    'What Ruiz calls "a tax on waiting for the bus" starts in May.\n'
)


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


@pytest.fixture
def draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "fares.md").write_text(DRAFT, encoding="utf-8")
    return "fares.md"


def test_each_quotation_with_its_speaker_and_reason(draft: str) -> None:
    code, out = run("explain", draft)
    assert code == 0
    assert out.splitlines() == [
        'fares.md:3:1: "We looked at every other option…" attributed to Ortiz: a speech verb tied to a source '
        'in its sentence or the sentence next to it ("said")',
        'fares.md:5:21: "Nobody in this room got what…" unattributed: no speech verb tied to a source, '
        "no reporting frame and no layout that names a speaker",
        'fares.md:7:17: "a tax on waiting for the…" attributed to Ruiz: a reporting frame around a source '
        '(per X, X reports, what X calls, as X put it, in X\'s words) ("what {source} calls")',
        "3 quotations: 2 attributed, 1 not.",
    ]


def test_the_unattributed_ones_are_where_quo001_reports_them(draft: str) -> None:
    code, out = run("explain", "--unattributed", "--format", "json", draft)
    assert code == 0
    assert json.loads(out) == [{
        "filename": "fares.md", "location": {"row": 5, "column": 21}, "quotation": "Nobody in this room got what…",
        "attributed": False, "speaker": None, "reason": "none", "evidence": None,
        "explanation": "unattributed: no speech verb tied to a source, no reporting frame and no layout that "
                       "names a speaker",
    }]
    checked = json.loads(run("check", "--select", "QUO001", "--format", "json", draft)[1])
    assert [(f["location"]["row"], f["location"]["column"]) for f in checked] == [(5, 21)]


def test_a_folder_and_a_file_that_is_no_draft(draft: str, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "b.txt").write_text('Head\n\n"We will not stop now, not after everything," Ruiz said.\n',
                                              encoding="utf-8")
    code, out = run("explain", "notes")
    assert (code, out.splitlines()[-1]) == (0, "1 quotation: 1 attributed, 0 not.")
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe\x00bad")
    assert run("explain", "bad.md")[0] == 2
    err = capsys.readouterr().err
    assert err.startswith("factlint: error: bad.md: ") and err.count("\n") == 1


def test_a_bad_draft_is_skipped_and_the_others_explained(draft: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture) -> None:
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe\x00bad")
    code, out = run("explain", "bad.md", draft, "--format", "json")
    rows = json.loads(out)
    assert code == 2 and {r["filename"] for r in rows} == {"fares.md"} and len(rows) == 3
    err = capsys.readouterr().err
    assert err.startswith("factlint: error: bad.md: ") and err.count("\n") == 1
    code, out = run("explain", "bad.md", draft)
    assert code == 2 and out.splitlines()[-2:] == ["3 quotations: 2 attributed, 1 not.", "1 file skipped: bad.md"]
