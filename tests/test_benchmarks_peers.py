"""benchmarks/peers.py end to end on a tiny corpus: its table, its JSON, and how it reports a missing or crashing peer.

No timing is asserted; the peers themselves (npm, PyPI) are not needed, so
the Node tools are skipped here and a stand-in proselint crashes on purpose.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEERS = ROOT / "benchmarks" / "peers.py"


def peers(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(PEERS), "--count", "6", "--repeat", "1", "--startup-repeat", "1",
                           *argv], capture_output=True, text=True, timeout=120)


def test_factlint_alone_prints_both_tables_and_writes_the_json(tmp_path: Path) -> None:
    out = tmp_path / "peers.json"
    done = peers("--only-factlint", "--out", str(out))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("factlint beside its peers  ")
    assert "corpus: the 2 Markdown drafts of 6 generated (seed 1)" in lines[2]
    assert "Whole corpus: one process per tool over all 2 files, 1 repeat(s)" in done.stdout
    parallel = f"factlint (default jobs, {os.cpu_count()} cores)"
    names = [line[2:36].rstrip() for line in lines if line.startswith("  factlint")]
    # two corpus rows; two one-draft rows: warm caches as a hook runs it, and --no-cache
    assert names == [parallel, "factlint -j 1", "factlint", "factlint --no-cache"]
    assert "python -m factlint check --no-cache FILES... (default rules and text output) with -j 1" in done.stdout
    assert "write-good files/s" not in done.stdout  # no ratio against a peer that did not run
    report = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(report["corpus_runs"]) == [parallel, "factlint -j 1"]
    assert report["corpus_runs"]["factlint -j 1"]["returncodes"] == [1]  # the drafts have findings: not a failure
    printed = {row["output_lines"] for row in report["corpus_runs"].values()}
    assert len(printed) == 1 and printed.pop() > 2  # the same findings with and without workers
    assert {"python -c pass", "factlint", "factlint --no-cache"} <= set(report["one_draft"])
    assert report["skipped"] == {} and report["notes"] == []


def test_a_crashing_peer_is_reported_as_a_crash_and_missing_ones_are_skipped_with_the_reason(tmp_path: Path) -> None:
    # proselint exits 1 when it finds something, so only the traceback tells this crash from a run with findings.
    fake = tmp_path / "proselint"
    fake.write_text(f"#!{sys.executable}\nimport sys\n"
                    "if sys.argv[1:] == ['version']:\n    print('Proselint 9.9')\n    sys.exit(0)\n"
                    "raise RuntimeError('cannot read the drafts')\n", encoding="utf-8")
    fake.chmod(0o755)
    (tmp_path / "npm" / "node_modules").mkdir(parents=True)
    done = peers("--proselint", str(fake), "--node-prefix", str(tmp_path / "npm"), "--out", str(tmp_path / "p.json"))
    assert done.returncode == 0, done.stderr
    table = done.stdout.splitlines()
    assert [line.split() for line in table if line.startswith("  proselint")] == [
        ["proselint", "9.9", "crashed", "(see", "the", "notes)"],  # the corpus row
        ["proselint", "crashed", "(see", "the", "notes)"],  # the one-draft row
        ["proselint", "check", "FILES..."],  # how it was run
    ]
    assert ("note: proselint crashed on corpus run: exit 1 with a stack trace: Traceback (most recent call last):"
            in table)
    report = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    assert report["corpus_runs"]["proselint"] is None
    assert sorted(report["skipped"]) == ["alex", "textlint", "write-good"]
    for name, why in report["skipped"].items():
        assert why in ("node not found on PATH", f"not installed in {tmp_path}/npm/node_modules/.bin (npm install {name})")
        assert f"  {name:<34}{'-':>9}   skipped: {why}" in table


def test_bad_options_get_a_one_line_error() -> None:
    done = peers("--node-prefix", "/nonexistent/npm")
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == ("peers.py: error: --node-prefix /nonexistent/npm: no node_modules folder"
                                            " there (run npm install in it)")
    assert "Traceback" not in done.stderr
