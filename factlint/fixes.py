"""Applying fixes to a draft's text: edits in order, overlaps resolved, nothing else touched."""

from __future__ import annotations

import bisect
import contextlib
import difflib
import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Sequence

from factlint import compiled
from factlint.document import Span
from factlint.rules import Edit, Fix

BOM = "\ufeff"


def conflicts(a: Span, b: Span) -> bool:
    """Whether applying edits at both spans would make the result depend on their order.

    Two replacements conflict when they share a character; an insertion (an
    empty span) conflicts with a replacement it falls strictly inside, and with
    another insertion at the same place. Edits that merely touch do not.
    """
    a_empty, b_empty = a.start == a.end, b.start == b.end
    if a_empty and b_empty:
        return a.start == b.start
    if a_empty:
        return b.start < a.start < b.end
    if b_empty:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def _in_bounds(span: Span, length: int) -> bool:
    return 0 <= span.start <= span.end <= length


def _splice(source: str, edits: Sequence[Edit]) -> str:
    """Apply edits that are known not to conflict."""
    out: list[str] = []
    cursor = 0
    for edit in sorted(edits, key=lambda e: (e.span.start, e.span.end)):
        out.append(source[cursor : edit.span.start])
        out.append(edit.content)
        cursor = edit.span.end
    out.append(source[cursor:])
    return "".join(out)


class _Accepted:
    """Edits accepted so far, sorted, so a new edit is checked against its neighbours only, not all of them.

    Accepted edits never conflict with one another, so sorted by (start, end)
    their ends never decrease either: the edits an edit could conflict with
    (start at or before its end, end at or after its start) are one run of the
    list, found by bisection, and in it only the ones that merely touch it can
    be passed over. A pass over a large draft stays n log n, not n squared.
    """

    def __init__(self) -> None:
        self.edits: list[Edit] = []
        self._keys: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._ends: list[int] = []

    def conflicts(self, edit: Edit) -> bool:
        low = bisect.bisect_left(self._ends, edit.span.start)
        high = bisect.bisect_right(self._starts, edit.span.end)
        return any(conflicts(self.edits[i].span, edit.span) for i in range(low, high))

    def add(self, edit: Edit) -> None:
        key = (edit.span.start, edit.span.end)
        i = bisect.bisect_right(self._keys, key)  # mostly the end: fixes come in source order
        self._keys.insert(i, key)
        self.edits.insert(i, edit)
        self._starts.insert(i, edit.span.start)
        self._ends.insert(i, edit.span.end)


def apply_edits(source: str, edits: Iterable[Edit]) -> tuple[str, int]:
    """Apply edits in source order; one conflicting with an earlier one is left for the next pass.

    Returns the new text and how many edits were applied.
    """
    accepted = _Accepted()
    for edit in sorted(edits, key=lambda e: (e.span.start, e.span.end)):
        if _in_bounds(edit.span, len(source)) and not accepted.conflicts(edit):
            accepted.add(edit)
    return _splice(source, accepted.edits), len(accepted.edits)


def _first_offset(fix: Fix) -> tuple[int, int]:
    return min((e.span.start, e.span.end) for e in fix.edits)


def fixed_text(source: str, fixes: Sequence[Fix]) -> tuple[str, int]:
    """Apply whole fixes in source order, in one splice of the text: all edits of a fix or none.

    A fix that conflicts with one already accepted is skipped (a later pass,
    after linting again, can apply it); so is a fix whose own edits conflict
    or fall outside the text. Returns the new text and the number of fixes applied.
    """
    accepted = _Accepted()
    applied = 0
    for fix in sorted((f for f in fixes if f.edits), key=_first_offset):
        edits = fix.edits
        if not all(_in_bounds(e.span, len(source)) for e in edits):
            continue
        if any(conflicts(a.span, b.span) for i, a in enumerate(edits) for b in edits[i + 1 :]):
            continue
        if any(accepted.conflicts(e) for e in edits):
            continue
        for edit in edits:
            accepted.add(edit)
        applied += 1
    return _splice(source, accepted.edits), applied


def write_atomic(path: Path, text: str, bom: bool) -> None:
    """Replace the file's content in one step: a reader sees the old file or the new, never half.

    The text keeps its own line endings (it is written as bytes, nothing is
    translated), the BOM comes back if the original had one, and the file keeps
    its permission bits. A symbolic link is followed, so the link stays a link.
    """
    target = Path(os.path.realpath(path))
    data = ((BOM if bom else "") + text).encode("utf-8")
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".factlint-tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


class NotWritten(Exception):
    """The fixed text could not be written; the file is as it was. The message says why, for FL005."""


def write_fixed(path: Path, text: str, bom: bool) -> None:
    """Write a draft's fixed text back, keeping what the file is: owner, group, mode and hard links.

    A file nobody may write (no write bit in its mode: root could, but a
    read-only draft says "leave me alone") is not touched. A file with one
    name is replaced in one step, as `write_atomic` does, by a temporary file
    given the original's owner, group and mode first; a file with several
    names (hard links), or one whose owner the fixer cannot give away, is
    rewritten in place so that every name sees the fix. Raises NotWritten,
    with the file unchanged, when it cannot be written.
    """
    target = Path(os.path.realpath(path))
    data = ((BOM if bom else "") + text).encode("utf-8")
    try:
        status = os.stat(target)
    except OSError as e:
        raise NotWritten(f"cannot find it any more: {e.strerror or e}") from None
    mode = stat.S_IMODE(status.st_mode)
    if not mode & 0o222:
        raise NotWritten(f"the file is read-only (mode {mode:04o})")
    if status.st_nlink > 1 or not _replace(target, data, status):
        _write_in_place(target, data)


#: The suffix of factlint's temporary files beside a draft (`.{name}.{random}.factlint-tmp`).
TMP_SUFFIX = ".factlint-tmp"


def _replace(target: Path, data: bytes, status: os.stat_result) -> bool:
    """Replace the file by a copy with its owner, group and mode; False when that owner cannot be given.

    Where the system has anonymous files (Linux `O_TMPFILE`), the copy is
    written and synced with no name at all and only named for the instant
    of the rename, so a run killed mid-write leaves nothing behind; anywhere
    else a named temporary file is used. Either way a temporary file a
    killed run left beside this draft is removed first.
    """
    _remove_stale(target)
    anonymous = _write_anonymous(target, data, status)
    if anonymous is not None:
        return anonymous
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=TMP_SUFFIX)
    except OSError as e:
        raise NotWritten(f"cannot write in its folder: {e.strerror or e}") from None
    with _removed_on_failure([tmp]):
        with os.fdopen(fd, "wb") as handle:
            if not _fill(handle, data, status):
                os.unlink(tmp)
                return False
        os.replace(tmp, target)
    _sync_folder(target.parent)
    return True


def _fill(handle: BinaryIO, data: bytes, status: os.stat_result) -> bool:
    """Give the new file the original's owner, group and mode, then its bytes, synced; False when that owner
    cannot be given."""
    fd = handle.fileno()
    mine = os.fstat(fd)
    if (mine.st_uid, mine.st_gid) != (status.st_uid, status.st_gid):
        try:
            os.fchown(fd, status.st_uid, status.st_gid)
        except PermissionError:
            return False
    os.fchmod(fd, stat.S_IMODE(status.st_mode))  # after chown, which may clear set-id bits
    handle.write(data)
    handle.flush()
    os.fsync(fd)
    return True


@contextlib.contextmanager
def _removed_on_failure(names: list[str]) -> Iterator[None]:
    """On any failure remove the temporary files named in `names` (as it is then); an OSError is NotWritten."""
    try:
        yield
    except BaseException as e:
        for name in names:
            _unlink(name)
        if isinstance(e, OSError):
            raise NotWritten(f"cannot write it: {e.strerror or e}") from None
        raise


def _write_anonymous(target: Path, data: bytes, status: os.stat_result) -> bool | None:
    """The O_TMPFILE way of `_replace`; None where the system or the file system has no anonymous files."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        fd = os.open(target.parent, flag | os.O_WRONLY, 0o600)
    except IsADirectoryError:
        return None  # a kernel that knows no O_TMPFILE reads it as O_DIRECTORY
    except OSError as e:
        if e.errno in (errno.EOPNOTSUPP, errno.EINVAL, errno.EISDIR, errno.ENOENT):
            return None
        raise NotWritten(f"cannot write in its folder: {e.strerror or e}") from None
    named: list[str] = []
    with _removed_on_failure(named):
        with os.fdopen(fd, "wb") as handle:
            if not _fill(handle, data, status):
                return False
            tmp = str(target.parent / f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}{TMP_SUFFIX}")
            try:
                _link_anonymous(handle.fileno(), target.parent, tmp)
            except OSError:  # no /proc, or a file system that cannot name it: use a named temporary file
                return None
            named.append(tmp)
            os.replace(tmp, target)
            named.clear()
    _sync_folder(target.parent)
    return True


def _link_anonymous(fd: int, folder: Path, name: str) -> None:
    """Give the anonymous file `fd` a name: linkat(2) following /proc/self/fd/N, as open(2) documents for O_TMPFILE.

    os.link only calls linkat, and so only follows the /proc link, when it is
    given a folder descriptor; plain link(2) would try to link the /proc entry.
    """
    folder_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.link(f"/proc/self/fd/{fd}", os.path.basename(name), src_dir_fd=folder_fd, dst_dir_fd=folder_fd,
                follow_symlinks=True)
    finally:
        os.close(folder_fd)


def _remove_stale(target: Path) -> None:
    """Remove temporary files of this draft that a killed run left: ours by name, owner and kind only."""
    try:
        names = [n for n in os.listdir(target.parent)
                 if n.startswith(f".{target.name}.") and n.endswith(TMP_SUFFIX)]
    except OSError:
        return
    for name in names:
        path = target.parent / name
        try:
            info = os.lstat(path)
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode) and info.st_uid == os.geteuid():
            _unlink(str(path))


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _write_in_place(target: Path, data: bytes) -> None:
    """Overwrite the file's bytes through its own inode; on a failed write the old bytes go back."""
    try:
        fd = os.open(target, os.O_RDWR)
    except OSError as e:
        raise NotWritten(f"cannot open it for writing: {e.strerror or e}") from None
    with os.fdopen(fd, "r+b") as handle:
        original = handle.read()
        try:
            if len(data) > len(original) and hasattr(os, "posix_fallocate"):
                os.posix_fallocate(fd, 0, len(data))  # a full disk fails here, before a byte changes
            handle.seek(0)
            handle.write(data)
            handle.truncate()
            handle.flush()
            os.fsync(fd)
        except OSError as e:
            _restore(handle, original)
            raise NotWritten(f"cannot write it: {e.strerror or e}") from None


def _restore(handle: BinaryIO, original: bytes) -> None:
    try:
        handle.seek(0)
        handle.write(original)
        handle.truncate(len(original))
        handle.flush()
        os.fsync(handle.fileno())
    except OSError:
        pass


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (where a folder can be opened at all)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


#: A line and its ending; only these three endings split lines, unlike
#: str.splitlines, which would also split at form feeds and U+2028.
_LINE = compiled.regex(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def _lines(text: str) -> list[str]:
    return _LINE.findall(text)


def unified_diff(filename: str, before: str, after: str) -> str:
    """The change as a `--- a/… +++ b/…` unified diff (empty when nothing changed)."""
    if before == after:
        return ""
    name = filename.replace(os.sep, "/")
    while name.startswith("./"):
        name = name[2:]
    name = name.lstrip("/")
    out = []
    for line in difflib.unified_diff(_lines(before), _lines(after), f"a/{name}", f"b/{name}"):
        if not line.endswith(("\n", "\r")):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)
