"""Which files a `factlint check PATH...` reads: drafts by extension, minus hidden and .gitignored ones."""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path
from typing import Iterator, Sequence, overload

from factlint import compiled
from factlint.errors import UsageError


@compiled.dataclass(frozen=True)
class _Pattern:
    base: Path
    glob: str
    negate: bool
    dir_only: bool
    anchored: bool

    def matches(self, path: Path, is_dir: bool) -> bool:
        if self.dir_only and not is_dir:
            return False
        try:
            relative = path.relative_to(self.base).as_posix()
        except ValueError:
            return False
        if self.anchored:
            return fnmatch.fnmatchcase(relative, self.glob)
        return fnmatch.fnmatchcase(path.name, self.glob) or fnmatch.fnmatchcase(relative, self.glob)


def _read_gitignore(folder: Path) -> list[_Pattern]:
    try:
        lines = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    patterns = []
    for line in lines:
        line = line.rstrip()
        if not line or line.startswith("#"):
            continue
        negate = line.startswith("!")
        line = line[1:] if negate else line
        dir_only = line.endswith("/")
        line = line.rstrip("/")
        if line.startswith("**/"):  # "**/tmp" is "tmp" at any depth
            line = line[3:]
        anchored = "/" in line
        patterns.append(_Pattern(folder, line.lstrip("/"), negate, dir_only, anchored))
    return patterns


def _ignored(path: Path, is_dir: bool, patterns: Sequence[_Pattern]) -> bool:
    ignored = False
    for pattern in patterns:
        if pattern.matches(path, is_dir):
            ignored = not pattern.negate
    return ignored


def _is_repository(folder: Path) -> bool:
    try:
        return (folder / ".git").exists()
    except OSError:  # a folder we may not look into: its drafts are reported as unread, not its .git
        return False


def _inherited_patterns(folder: Path) -> list[_Pattern]:
    """.gitignore files of the folders above `folder`, up to the repository root."""
    if _is_repository(folder):
        return []
    chain = []
    for parent in folder.resolve().parents:
        chain.append(parent)
        if _is_repository(parent):
            break
    else:
        return []
    patterns: list[_Pattern] = []
    for parent in reversed(chain):
        patterns.extend(_read_gitignore(parent))
    return patterns


def folder_problem(folder: Path) -> str:
    """What an FL001 finding says of a folder in the list of drafts: why it could not be read, if it could not."""
    try:
        os.scandir(folder).close()
    except OSError as e:
        return f"cannot read folder: {e.strerror or e}; no draft in it was checked"
    return "a folder, not a draft"


def _walk(folder: Path, extensions: tuple[str, ...], patterns: list[_Pattern]) -> Iterator[Path]:
    """Drafts below an absolute `folder`; hidden folders and links to folders are not entered (as git does).

    A folder that cannot be read is yielded itself, so that it is reported
    (FL001) rather than passed over in silence; one deleted mid-walk is gone.
    """
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except FileNotFoundError:
        return
    except OSError:
        yield folder
        return
    patterns = patterns + _read_gitignore(folder)
    for entry in entries:
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            continue
        if is_dir and entry.name.startswith("."):
            continue
        if _ignored(path, is_dir, patterns):
            continue
        if is_dir:
            yield from _walk(path, extensions, patterns)
        elif entry.name.lower().endswith(extensions):
            yield path


class Drafts(Sequence[tuple[Path, str]]):
    """A run's drafts, held as the names they are shown by; each becomes a `Path` only when it is read.

    A `Path` costs about 600 bytes (its parts are strings of their own), a
    name about 100: over an archive of drafts that is what keeps a run's
    memory flat. `Path(name)` is the path `collect` found (the name is the
    path as given, in POSIX form).
    """

    def __init__(self, names: list[str]) -> None:
        self.names = names

    def __len__(self) -> int:
        return len(self.names)

    @overload
    def __getitem__(self, index: int) -> tuple[Path, str]: ...

    @overload
    def __getitem__(self, index: slice) -> "Drafts": ...

    def __getitem__(self, index: int | slice) -> "tuple[Path, str] | Drafts":
        if isinstance(index, slice):
            return Drafts(self.names[index])
        name = self.names[index]
        return Path(name), name

    def __iter__(self) -> Iterator[tuple[Path, str]]:
        for name in self.names:
            yield Path(name), name


def collect(paths: Sequence[str], extensions: tuple[str, ...]) -> Drafts:
    """(path, filename as shown) for every draft under `paths`, sorted by name; a missing path is a UsageError."""
    found: dict[str, str] = {}  # the resolved path (one draft named twice is read once) -> the name shown
    for arg in paths:
        path = Path(arg)
        if not path.exists():
            raise UsageError(f"{arg}: no such file or folder")
        if path.is_dir():
            top = path.resolve()
            for draft in _walk(top, extensions, _inherited_patterns(top)):
                found.setdefault(str(draft), (path / draft.relative_to(top)).as_posix())
        else:
            found.setdefault(str(path.resolve()), path.as_posix())
    return Drafts(sorted(found.values()))


def walk(folder: Path, extensions: tuple[str, ...]) -> Iterator[Path]:
    """Drafts below `folder` one at a time, in a stable order: an archive is too large for a list."""
    top = folder.resolve()
    yield from _walk(top, extensions, _inherited_patterns(top))
