"""`check --fix` and the file system: read-only drafts, owner and mode, hard links, unwritable folders."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Iterator

import pytest

FACTLINT = str(Path(sys.executable).parent / "factlint")
DRAFT = b"# Vote\n\nThe council met on Saturday, March 10, 2026.\n"
FIXED = b"# Vote\n\nThe council met on Tuesday, March 10, 2026.\n"
ARGS = ("check", "--fix", "--no-cache", "--select", "DAT004,FL", "--reference-date", "2026-03-12", "-j", "1")


def factlint(*paths: str, cwd: Path, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*prefix, FACTLINT, *ARGS, *paths], cwd=cwd, capture_output=True, text=True, encoding="utf-8")


def test_a_read_only_draft_is_left_alone_and_not_counted(tmp_path: Path) -> None:
    draft = tmp_path / "story.md"
    draft.write_bytes(DRAFT)
    draft.chmod(0o444)
    done = factlint("story.md", cwd=tmp_path)
    assert draft.read_bytes() == DRAFT
    assert stat.S_IMODE(draft.stat().st_mode) == 0o444
    assert (done.returncode, done.stderr) == (1, "")
    assert done.stdout.splitlines() == [
        "story.md:1:1: FL005 --fix did not write 1 fix to this file: the file is read-only (mode 0444)",
        "story.md:3:20: DAT004 [*] March 10, 2026 is a Tuesday, not a Saturday",
        "Found 2 findings (2 errors) in 1 file checked.",
        "[*] 1 fixable with `factlint check --fix`.",
    ]


def test_a_fix_keeps_mode_and_owner(tmp_path: Path) -> None:
    draft = tmp_path / "story.md"
    draft.write_bytes(DRAFT)
    draft.chmod(0o640)
    if os.geteuid() == 0:
        os.chown(draft, 1234, 1234)
    done = factlint("story.md", cwd=tmp_path)
    assert draft.read_bytes() == FIXED
    status = draft.stat()
    assert stat.S_IMODE(status.st_mode) == 0o640
    if os.geteuid() == 0:
        assert (status.st_uid, status.st_gid) == (1234, 1234)
    assert done.stdout.splitlines() == ["Fixed 1 finding.", "All clear: 1 file checked, no findings."]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.md"]  # no temporary file left


def test_a_hard_link_sees_the_fix_through_the_same_inode(tmp_path: Path) -> None:
    draft = tmp_path / "story.md"
    draft.write_bytes(DRAFT)
    link = tmp_path / "archive" / "story.md"
    link.parent.mkdir()
    os.link(draft, link)
    inode = draft.stat().st_ino
    done = factlint("story.md", cwd=tmp_path)
    assert done.stdout.splitlines()[0] == "Fixed 1 finding."
    assert link.read_bytes() == FIXED
    assert draft.stat().st_ino == inode == link.stat().st_ino and draft.stat().st_nlink == 2


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder another user can reach (pytest's own temporary folders are the owner's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="factlint-fix-"))
    folder.chmod(0o755)
    yield folder
    for path in (folder, *folder.rglob("*")):
        if path.is_dir():
            path.chmod(0o755)
    shutil.rmtree(folder)


def test_a_folder_that_cannot_be_written_claims_no_fix(shared_folder: Path) -> None:
    prefix: tuple[str, ...] = ()
    if os.geteuid() == 0:  # root writes anyway: run as nobody
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: cannot run factlint as an unprivileged user")
        prefix = ("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")
    desk = shared_folder / "desk"
    desk.mkdir()
    draft = desk / "story.md"
    draft.write_bytes(DRAFT)
    draft.chmod(0o666)
    desk.chmod(0o555)
    done = factlint("desk/story.md", cwd=shared_folder, prefix=prefix)
    assert draft.read_bytes() == DRAFT
    assert "Traceback" not in done.stdout + done.stderr and "Fixed 1 finding" not in done.stdout
    assert (done.returncode, done.stderr) == (1, "")
    assert done.stdout.splitlines()[:2] == [
        "desk/story.md:1:1: FL005 --fix did not write 1 fix to this file: cannot write in its folder: Permission denied",
        "desk/story.md:3:20: DAT004 [*] March 10, 2026 is a Tuesday, not a Saturday",
    ]
    assert sorted(p.name for p in desk.iterdir()) == ["story.md"]


# -- the [*] mark: what plain --fix mends, and nothing else ------------------

MARKS = b"# Vote\n\nThe council met on Saturday, March 10, 2026.\n\nIt meets again this week.\n"


def check(*argv: str, cwd: Path) -> list[str]:
    done = subprocess.run([FACTLINT, "check", "--no-cache", "--select", "DAT", "--reference-date", "2026-03-12", *argv],
                          cwd=cwd, capture_output=True, text=True, encoding="utf-8")
    assert done.stderr == ""
    return done.stdout.splitlines()


def test_the_mark_is_only_on_findings_with_a_safe_fix(tmp_path: Path) -> None:
    (tmp_path / "vote.md").write_bytes(MARKS)
    assert check("vote.md", cwd=tmp_path) == [
        "vote.md:3:20: DAT004 [*] March 10, 2026 is a Tuesday, not a Saturday",
        'vote.md:5:16: DAT001 "this week" is relative; in a story dated 2026-03-12 it means the week of 9 March 2026',
        "Found 2 findings (1 error, 1 warning) in 1 file checked.",
        "[*] 1 fixable with `factlint check --fix`.",
        "    1 more with `--fix --unsafe-fixes` (review those: they rewrite wording).",
    ]


def test_the_statistics_mark_only_rules_with_a_safe_fix(tmp_path: Path) -> None:
    (tmp_path / "vote.md").write_bytes(MARKS)
    assert check("--statistics", "vote.md", cwd=tmp_path)[:2] == [
        "1\tDAT001\trelative-date",
        "1\tDAT004\tweekday-mismatch [*]",
    ]


# -- a large draft: every fix of a pass in one sweep, the same result ---------


def test_fixing_a_large_draft_in_one_sweep_leaves_nothing_to_fix(tmp_path: Path) -> None:
    sentence = "On Saturday, March 10, 2026, the council heard item {i}."
    paragraphs = [" ".join(sentence.format(i=p * 20 + s) for s in range(20)) for p in range(150)]
    text = "---\ndate: 2026-03-12\n---\n\n# Agenda\n\n" + "\n\n".join(paragraphs) + "\n"
    draft = tmp_path / "agenda.md"
    draft.write_text(text, encoding="utf-8")
    argv = [FACTLINT, "check", "--no-cache", "-j", "1", "--select", "DAT004", "--format", "json", "agenda.md"]
    first = subprocess.run([*argv, "--fix"], cwd=tmp_path, capture_output=True, text=True, encoding="utf-8")
    assert (first.returncode, first.stdout.strip(), first.stderr) == (0, "[]", "")
    assert draft.read_text(encoding="utf-8") == text.replace("Saturday", "Tuesday")
    fixed = draft.read_bytes()
    second = subprocess.run([*argv, "--fix"], cwd=tmp_path, capture_output=True, text=True, encoding="utf-8")
    assert (second.returncode, second.stdout.strip()) == (0, "[]")
    assert draft.read_bytes() == fixed



def test_a_file_of_another_owner_is_written_in_place_so_its_owner_stays(shared_folder: Path) -> None:
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to make a file of one user that another user may write")
    desk = shared_folder / "desk"
    desk.mkdir()
    desk.chmod(0o777)
    draft = desk / "story.md"
    draft.write_bytes(DRAFT)
    draft.chmod(0o664)
    os.chown(draft, 1234, 65534)  # the desk's group may write it; nobody is in that group
    prefix = ("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")
    done = factlint("desk/story.md", cwd=shared_folder, prefix=prefix)
    assert done.stdout.splitlines()[0] == "Fixed 1 finding."
    assert draft.read_bytes() == FIXED
    assert (draft.stat().st_uid, draft.stat().st_gid, stat.S_IMODE(draft.stat().st_mode)) == (1234, 65534, 0o664)
    assert sorted(p.name for p in desk.iterdir()) == ["story.md"]


def test_a_failed_write_in_place_puts_the_old_bytes_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factlint import fixes

    draft = tmp_path / "story.md"
    draft.write_bytes(DRAFT)
    os.link(draft, tmp_path / "link.md")
    real_fsync, calls = os.fsync, []

    def full_disk(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 1:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(fixes.NotWritten, match="^cannot write it: No space left on device$"):
        fixes.write_fixed(draft, FIXED.decode() + "a longer text\n", bom=False)
    assert draft.read_bytes() == DRAFT == (tmp_path / "link.md").read_bytes()


def test_a_temporary_file_a_killed_run_left_is_removed_by_the_next_fix(tmp_path: Path) -> None:
    draft = tmp_path / "story.md"
    draft.write_bytes(DRAFT)
    (tmp_path / ".story.md.k3x9q1.factlint-tmp").write_bytes(DRAFT[:10])  # what a kill between writes left
    (tmp_path / ".story.md.notes").write_bytes(b"the newsroom's own")
    (tmp_path / ".other.md.k3x9q1.factlint-tmp").write_bytes(b"another draft's: its own fix removes it")
    done = factlint("story.md", cwd=tmp_path)
    assert done.stdout.splitlines() == ["Fixed 1 finding.", "All clear: 1 file checked, no findings."]
    assert draft.read_bytes() == FIXED
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.md.k3x9q1.factlint-tmp", ".story.md.notes", "story.md"]


def test_without_anonymous_files_a_named_temporary_file_is_used_and_removed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factlint import fixes

    monkeypatch.delattr(os, "O_TMPFILE", raising=False)  # as on macOS and the BSDs
    draft = tmp_path / "story.md"
    draft.write_bytes(DRAFT)
    draft.chmod(0o640)
    fixes.write_fixed(draft, FIXED.decode(), bom=True)
    assert draft.read_bytes() == fixes.BOM.encode() + FIXED
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.md"]


def test_with_anonymous_files_the_fix_replaces_the_inode_and_keeps_the_mode(tmp_path: Path) -> None:
    from factlint import fixes

    if not hasattr(os, "O_TMPFILE"):
        pytest.skip("no O_TMPFILE on this system")
    draft = tmp_path / "story.md"
    draft.write_bytes(DRAFT)
    draft.chmod(0o604)
    before = draft.stat().st_ino
    fixes.write_fixed(draft, FIXED.decode(), bom=False)
    assert draft.read_bytes() == FIXED
    status = draft.stat()
    assert (stat.S_IMODE(status.st_mode), status.st_nlink) == (0o604, 1)
    assert status.st_ino != before  # a new file renamed over the old: readers see one or the other
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.md"]
