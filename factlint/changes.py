"""Which lines changed since a git ref, so `--changed-since` reports only what a pull request touched."""

from __future__ import annotations

import os
import subprocess
from typing import Sequence

from factlint import compiled
from factlint.errors import UsageError

_HUNK = compiled.regex(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_C_ESCAPES = {b"a": 7, b"b": 8, b"t": 9, b"n": 10, b"v": 11, b"f": 12, b"r": 13, b'"': 34, b"\\": 92}


def _git(args: Sequence[str], cwd: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError("--changed-since needs git, and no `git` command was found") from None


def _first_line(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[0] if lines else "git failed"


def _repository_root(folder: str) -> str:
    done = _git(["rev-parse", "--show-toplevel"], folder)
    if done.returncode != 0:
        raise UsageError(f"--changed-since needs a git repository, and {folder} is not inside one")
    return os.path.realpath(os.fsdecode(done.stdout.rstrip(b"\r\n")))


def _check_ref(ref: str, root: str) -> None:
    if ref.startswith("-"):
        raise UsageError(f"--changed-since: {ref!r} is not a git ref")
    done = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], root)
    if done.returncode != 0:
        raise UsageError(f"--changed-since: unknown git ref {ref!r} (not a branch, tag or commit here)")


def _unquote(name: bytes) -> bytes:
    """Undo git's C-style quoting of unusual file names ("caf\\303\\251.md")."""
    if not (name.startswith(b'"') and name.endswith(b'"')):
        return name
    body, out, i = name[1:-1], bytearray(), 0
    while i < len(body):
        if body[i : i + 1] == b"\\" and i + 1 < len(body):
            nxt = body[i + 1 : i + 2]
            if nxt.isdigit():
                out.append(int(body[i + 1 : i + 4], 8))
                i += 4
                continue
            out.append(_C_ESCAPES.get(nxt, nxt[0]))
            i += 2
            continue
        out.append(body[i])
        i += 1
    return bytes(out)


def parse_diff(diff: bytes, root: str) -> dict[str, set[int]]:
    """Rows added or modified per file, from `git diff -U0` output (new-side line numbers)."""
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.split(b"\n"):
        if line.startswith(b"+++ "):
            # git ends the name with a tab when it holds a space
            target = line[4:].rstrip(b"\r").removesuffix(b"\t")
            if target == b"/dev/null":  # a deleted file has no lines to report on
                current = None
                continue
            target = _unquote(target)
            if target.startswith(b"b/"):
                target = target[2:]
            path = os.path.join(root, os.fsdecode(target))
            current = changed.setdefault(path, set())
        elif current is not None and line.startswith(b"@@ "):
            match = _HUNK.match(line)
            if match:
                start, count = int(match[1]), int(match[2] if match[2] is not None else 1)
                current.update(range(start, start + count))
    return changed


def _count_lines(path: str) -> int:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return 0
    return data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)


#: Beyond this many paths the whole repository is compared instead: a command
#: line holding every file of a large newsroom would exceed the system's limit,
#: and extra files in the answer are harmless (the caller looks up its own).
MAX_PATHSPECS = 200


def _pathspecs(paths: Sequence[str]) -> list[str]:
    if len(paths) > MAX_PATHSPECS:
        return []
    # the folder resolved like git's own root, so a symlinked checkout still matches
    absolute = [os.path.abspath(p) for p in paths]
    return [os.path.join(os.path.realpath(os.path.dirname(a)), os.path.basename(a)) for a in absolute]


def changed_lines(ref: str, paths: Sequence[str]) -> dict[str, set[int]]:
    """Map each changed file's real absolute path to its 1-based rows added or modified since `ref`.

    The comparison is between `ref` and the working tree (staged or not);
    untracked files count as wholly changed; a file that is absent from the
    result has no changed line. Keys are `os.path.realpath` paths. With many
    paths the answer may also hold other changed files of the repository.
    """
    first = os.path.abspath(paths[0] if paths else ".")
    folder = first if os.path.isdir(first) else os.path.dirname(first)
    root = _repository_root(folder)
    _check_ref(ref, root)
    specs = _pathspecs(paths)
    diff = _git(
        [
            "-c", "core.quotePath=false", "--literal-pathspecs",
            "diff", "--no-color", "--no-ext-diff", "--no-textconv", "--find-renames",
            "--unified=0", "--src-prefix=a/", "--dst-prefix=b/", "--end-of-options", ref, "--", *specs,
        ],
        root,
    )  # fmt: skip
    if diff.returncode != 0:
        raise UsageError(f"--changed-since: git diff failed: {_first_line(diff.stderr)}")
    changed = parse_diff(diff.stdout, root)
    untracked = _git(["--literal-pathspecs", "ls-files", "--others", "--exclude-standard", "-z", "--", *specs], root)
    if untracked.returncode != 0:
        raise UsageError(f"--changed-since: git ls-files failed: {_first_line(untracked.stderr)}")
    for name in filter(None, untracked.stdout.split(b"\0")):
        path = os.path.join(root, os.fsdecode(name))
        changed[path] = set(range(1, _count_lines(path) + 1))
    return changed
