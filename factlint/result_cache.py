"""The result cache: a draft's findings stored under a key of everything they depend on, read back on a rerun.

A key is the SHA-256 of
- the engine: factlint's version, the size and modification time of every
  module of the package and of each plugin module that holds a rule or a
  format, every rule's metadata and check code, the Python version and the
  installed distributions (a dependency that parses drafts is one of them);
- the file's configuration: the whole resolved `Config` (selection,
  per-file ignores, severities, reference-date key, limits, every section such
  as `names`, `licensing`, `quotes`), `--reference-date`, and the contents of
  every loaded rule pack (`Packs.fingerprint`);
- the draft: its decoded text, the name findings carry, its path relative to
  the configuration (per-file ignores read it) and its format.

The value is the file's results before waivers (`factlint.waivers.apply`
runs after the cache, so an edit of the waivers file, or a waiver expiring,
is honoured on a warm run). Entries are marshal data (it runs nothing),
checked by a digest before they are read, written to a temporary file and
renamed (parallel workers never see half an entry), and pruned oldest-used
first when the folder grows past MAX_BYTES. Anything wrong with an entry or
the folder (corrupt, truncated, unwritable) is a miss, never an error.
"""

from __future__ import annotations

import marshal
import os
import sys
import time
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from factlint import __version__, compiled, registry_cache
from factlint.digests import sha256
from factlint.results import Position, ReportedEdit, ReportedFix, Result
from factlint.spans import Span

if TYPE_CHECKING:
    from factlint.config import Config
    from factlint.packs import Packs
    from factlint.plugins import Registry

#: Bumped when the layout of an entry changes: older entries are then misses.
LAYOUT = b"factlint-results-1\n"
#: The cache folder is pruned to PRUNE_TO of this size when a run that wrote entries leaves it bigger.
MAX_BYTES = 256 * 1024 * 1024
PRUNE_TO = 0.8
#: A hit refreshes its entry's modification time (the "last used" pruning reads) at most this often.
TOUCH_SECONDS = 24 * 3600
_DIGEST = 16  # bytes of SHA-256 in front of each entry's data


def folder() -> Path:
    """Where entries live: `results/` in factlint's cache folder (beside the parsed rule packs)."""
    from factlint.packs import cache_dir

    return cache_dir() / "results"


# -- the key ------------------------------------------------------------------------


def engine_fingerprint(registry: "Registry") -> str:
    """What every draft's findings depend on besides the draft and its configuration."""
    digest = sha256()
    for part in _engine_parts(registry):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def _engine_parts(registry: "Registry") -> Iterable[str]:
    yield LAYOUT.decode()
    yield __version__
    yield sys.version
    yield from registry_cache.package_stamps()
    modules = set()
    for code, rule in sorted(registry.rules.items()):
        modules.add(getattr(rule.check, "__module__", None))
        yield repr((code, rule.name, rule.severity, rule.fix, rule.online, rule.url, rule.plugin,
                    registry_cache.function_id(rule.check)))
    for name, fmt in sorted(registry.formats.items()):
        modules.add(getattr(fmt.read, "__module__", None))
        yield repr((name, fmt.extensions, registry_cache.function_id(fmt.read)))
    for name in sorted(m for m in modules if m and not m.startswith("factlint.")):
        yield registry_cache.file_stamp(getattr(sys.modules.get(name), "__file__", None))
    yield from registry_cache.distributions()


def config_fingerprint(config: "Config", packs: "Packs", reference_date: Any) -> str:
    """What a configuration contributes: all its settings, the run's --reference-date and every pack's content."""
    text = repr((config, reference_date, packs.fingerprint))
    return sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def key(engine: str, configuration: str, source: str, filename: str, relative: str, fmt: str) -> str:
    digest = sha256()
    for part in (engine, configuration, filename, relative, fmt):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    digest.update(source.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


# -- the value ------------------------------------------------------------------------


def _pack(results: Sequence[Result]) -> tuple:
    """Results as plain tuples; the file name, the same for all, is kept once in the entry."""
    rows = []
    for r in results:
        fix = None
        if r.fix is not None:
            fix = (r.fix.applicability, r.fix.message, tuple(
                (e.content, e.location.row, e.location.column, e.end_location.row, e.end_location.column,
                 e.span.start, e.span.end, e.line_text, e.end_line_text) for e in r.fix.edits))
        rows.append((r.code, r.name, r.severity, r.message, r.location.row, r.location.column, r.end_location.row,
                     r.end_location.column, r.span.start, r.span.end, fix, r.url, r.line_text, r.end_line_text,
                     r.fingerprint, r.occurrence, r.excerpt, r.legacy))
    return tuple(rows)


def _unpack(filename: str, rows: Any) -> list[Result]:
    """The results of an entry's rows, built as their constructors would but without the frozen dataclasses'
    field-by-field `object.__setattr__` (a warm rerun builds every finding of the corpus: 15% of its time)."""
    out = []
    new = object.__new__
    for (code, name, severity, message, row, column, end_row, end_column, start, end, fix, url, line_text,
         end_line_text, fingerprint, occurrence, excerpt, legacy) in rows:
        if fix is not None:
            applicability, fix_message, edits = fix
            fix = ReportedFix(applicability, fix_message, tuple(
                ReportedEdit(content, Position(r1, c1), Position(r2, c2), Span(s, e), t1, t2)
                for content, r1, c1, r2, c2, s, e, t1, t2 in edits))
        location = new(Position)
        location.__dict__.update(row=row, column=column)
        end_location = new(Position)
        end_location.__dict__.update(row=end_row, column=end_column)
        span = new(Span)
        span.__dict__.update(start=start, end=end)
        result = new(Result)
        result.__dict__.update(code=code, name=name, severity=severity, message=message, filename=filename,
                               location=location, end_location=end_location, span=span, fix=fix, url=url,
                               line_text=line_text, end_line_text=end_line_text, fingerprint=fingerprint,
                               occurrence=occurrence, excerpt=excerpt, legacy=legacy, waiver=None)
        out.append(result)
    return out


def encode(key_: str, filename: str, results: Sequence[Result]) -> bytes:
    data = marshal.dumps((key_, filename, _pack(results)))
    return LAYOUT + sha256(data).digest()[:_DIGEST] + data


def decode(blob: bytes, key_: str, filename: str) -> list[Result] | None:
    """The results of an entry, or None when it is not a sound entry for this very key."""
    head = len(LAYOUT)
    if not blob.startswith(LAYOUT) or len(blob) < head + _DIGEST:
        return None
    data = blob[head + _DIGEST:]
    if sha256(data).digest()[:_DIGEST] != blob[head:head + _DIGEST]:
        return None  # truncated or damaged on disk
    try:
        stored, stored_name, rows = marshal.loads(data)
        if stored != key_ or stored_name != filename:
            return None
        return _unpack(filename, rows)
    except Exception:  # an entry of another shape: a miss like any other
        return None


# -- the folder -----------------------------------------------------------------------


@compiled.dataclass
class ResultCache:
    """One run's view of the cache folder: look-ups, atomic stores, and pruning at the end."""

    root: Path = field(default_factory=folder)
    hits: int = 0
    misses: int = 0
    stored: int = 0
    _writable: bool = True

    def path(self, key_: str) -> Path:
        return Path(self._name(key_))

    def _name(self, key_: str) -> str:
        """The entry's path as a string: asked twice a draft on a warm run, where a `Path` joined each time cost
        a twentieth of the run."""
        return os.path.join(self.root, f"{key_[:40]}.marshal")

    def holds(self, key_: str) -> bool:
        return os.path.exists(self._name(key_))

    def load(self, key_: str, filename: str) -> list[Result] | None:
        entry = self._name(key_)
        try:
            with open(entry, "rb") as handle:
                blob = handle.read()
                used = os.fstat(handle.fileno()).st_mtime
        except OSError:
            self.misses += 1
            return None
        results = decode(blob, key_, filename)
        if results is None:
            self.misses += 1
            return None
        self.hits += 1
        if self._writable and time.time() - used > TOUCH_SECONDS:
            try:
                os.utime(entry)
            except OSError:
                pass
        return results

    def store(self, key_: str, filename: str, results: Sequence[Result]) -> None:
        if not self._writable:
            return
        try:
            blob = encode(key_, filename, results)
        except ValueError:  # a value marshal cannot write (a plugin's own type): not worth caching
            return
        entry = self.path(key_)
        tmp = entry.with_name(f".{entry.name}.{os.getpid()}.{time.monotonic_ns()}.tmp")
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as handle:
                handle.write(blob)
            os.replace(tmp, entry)
            self.stored += 1
        except OSError:  # a read-only or full cache folder: the run goes on uncached
            self._writable = False
            try:
                tmp.unlink()
            except OSError:
                pass

    def prune(self, limit: int | None = None) -> int:
        """Remove least recently used entries until the folder is under PRUNE_TO of `limit`; how many went."""
        limit = MAX_BYTES if limit is None else limit
        try:
            entries = []
            for entry in os.scandir(self.root):
                if entry.name.endswith((".marshal", ".tmp")) and entry.is_file(follow_symlinks=False):
                    status = entry.stat(follow_symlinks=False)
                    entries.append((status.st_mtime, status.st_size, entry.path))
        except OSError:
            return 0
        total = sum(size for _, size, _ in entries)
        if total <= limit:
            return 0
        removed = 0
        now = time.time()
        for mtime, size, path in sorted(entries):
            if total <= limit * PRUNE_TO:
                break
            if path.endswith(".tmp") and now - mtime < 3600:
                continue  # another run may be writing it this moment
            try:
                os.unlink(path)
            except OSError:
                continue
            total -= size
            removed += 1
        return removed
