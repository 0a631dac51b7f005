"""Folders that cannot be read are reported (FL001), named on the command line or met while walking."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Iterator

import pytest

FACTLINT = Path(sys.executable).with_name("factlint")


def _unprivileged() -> list[str]:
    """The prefix that runs a command as a user the file permissions bind (root reads every folder)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: a folder's permissions cannot be made to bind")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


@pytest.fixture
def tree() -> Iterator[Path]:
    """A newsroom folder anyone may enter (pytest's own tmp folders are root's alone), with one locked folder."""
    top = Path(tempfile.mkdtemp(prefix="factlint-perm-"))
    top.chmod(0o755)
    (top / "news").mkdir(mode=0o755)
    (top / "news" / "a.md").write_text("The bridge reopened.\n", encoding="utf-8")
    (top / "news" / "locked").mkdir()
    (top / "news" / "locked" / "b.md").write_text("Hidden draft.\n", encoding="utf-8")
    (top / "news" / "locked").chmod(0o000)
    (top / "news" / "z.md").write_text("The mayor spoke.\n", encoding="utf-8")
    yield top
    (top / "news" / "locked").chmod(0o755)
    shutil.rmtree(top)


def run(tree: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FACTLINT_CACHE_DIR": str(tree / "cache")}
    return subprocess.run([*_unprivileged(), str(FACTLINT), "check", "--no-cache", *args], cwd=tree,
                          capture_output=True, text=True, env=env, timeout=60)


def test_a_locked_folder_met_while_walking_is_an_fl001_finding(tree: Path) -> None:
    done = run(tree, "--format", "json", "news")
    assert "Traceback" not in done.stderr
    assert done.returncode == 1
    found = [(r["filename"], r["code"], r["location"]["row"], r["location"]["column"], r["message"])
             for r in json.loads(done.stdout)]
    assert found == [("news/locked", "FL001", 1, 1,
                      "cannot read folder: Permission denied; no draft in it was checked")]


def test_the_summary_counts_the_locked_folder(tree: Path) -> None:
    done = run(tree, "news")
    assert done.stdout.splitlines() == [
        "news/locked:1:1: FL001 cannot read folder: Permission denied; no draft in it was checked",
        "Found 1 finding (1 error) in 3 files checked.",
    ]


def test_a_locked_folder_named_directly_is_the_same_finding(tree: Path) -> None:
    done = run(tree, "news/locked")
    assert "Traceback" not in done.stderr and done.returncode == 1
    assert done.stdout.splitlines()[0] == (
        "news/locked:1:1: FL001 cannot read folder: Permission denied; no draft in it was checked")


def test_a_readable_folder_is_walked_as_before(tree: Path) -> None:
    (tree / "news" / "locked").chmod(0o755)
    done = run(tree, "news")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == "All clear: 3 files checked, no findings.\n"
