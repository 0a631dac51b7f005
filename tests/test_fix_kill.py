"""`check --fix` killed with SIGKILL at any point leaves each draft whole: its old bytes or its fixed bytes.

A pre-commit hook is interrupted, a CI job is cancelled, a laptop lid is
shut: factlint then has no chance to clean up. Each draft is written to a
file with no name (or a named temporary one) and renamed over the draft in
one step, so no kill point can leave a truncated or mixed draft, or a
temporary file in the newsroom's folder.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

FACTLINT = str(Path(sys.executable).parent / "factlint")
ARGS = ("check", "--fix", "--no-cache", "--select", "DAT004", "--reference-date", "2026-03-12", "-j", "2")
PARAGRAPH = "The council met on Saturday, March 10, 2026, and again on Friday, March 12, 2026.\n\n"
FIXED_PARAGRAPH = "The council met on Tuesday, March 10, 2026, and again on Thursday, March 12, 2026.\n\n"
DRAFTS = 240
PARAGRAPHS = 60  # 120 fixes a draft: a run lasts long enough to be killed in the middle of its writes

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and process groups are POSIX")


def draft(i: int, fixed: bool = False) -> bytes:
    return (f"# Meeting {i}\n\n" + (FIXED_PARAGRAPH if fixed else PARAGRAPH) * PARAGRAPHS).encode()


def reset(folder: Path) -> None:
    for i in range(DRAFTS):
        (folder / f"story{i:03}.md").write_bytes(draft(i))


def run(folder: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([FACTLINT, *ARGS, "."], cwd=folder, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)


def assert_whole(folder: Path) -> int:
    """Every draft is its old bytes or its fixed bytes, and nothing else is in the folder; returns how many are fixed."""
    names = sorted(p.name for p in folder.iterdir())
    assert names == [f"story{i:03}.md" for i in range(DRAFTS)], [n for n in names if not n.startswith("story")]
    fixed = 0
    for i in range(DRAFTS):
        data = (folder / f"story{i:03}.md").read_bytes()
        assert data in (draft(i), draft(i, fixed=True)), f"story{i:03}.md is neither its old nor its fixed text"
        fixed += data == draft(i, fixed=True)
    return fixed


def test_a_fix_run_killed_at_random_points_leaves_every_draft_whole(tmp_path: Path) -> None:
    reset(tmp_path)
    started = time.monotonic()
    assert run(tmp_path).wait(timeout=300) == 0
    length = time.monotonic() - started
    assert assert_whole(tmp_path) == DRAFTS
    rng = random.Random(20261207)
    fixed_counts = []
    for _ in range(8):
        reset(tmp_path)
        process = run(tmp_path)
        time.sleep(rng.uniform(0.1, length))
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        fixed_counts.append(assert_whole(tmp_path))
    # The kills landed while drafts were being written, not only before or after the run.
    assert any(0 < n < DRAFTS for n in fixed_counts), fixed_counts
    # The next run finishes the job.
    assert run(tmp_path).wait(timeout=300) == 0
    assert assert_whole(tmp_path) == DRAFTS
