"""Archive exports (a folder tree, JSON Lines, Parquet) streamed as partitions of raw articles, never held whole."""

from __future__ import annotations

import gzip
import io
import os
from pathlib import Path
from typing import Any, Iterator, Mapping

from factlint import compiled, files
from factlint.errors import UsageError
from factlint.surfaces.audit.settings import FIELDS

#: Articles per partition unless the command line or the `audit` settings say otherwise.
PARTITION_SIZE = 500
#: An export line longer than this is no article (a runaway line would exhaust a worker).
MAX_LINE = 8 * 1024 * 1024


@compiled.dataclass(frozen=True)
class Partition:
    """A slice of the archive as the driver read it: consecutive articles, shipped to a worker as they are."""

    index: int
    first: int  # the ordinal (0-based place in the source) of its first article
    kind: str  # "files", "jsonl" or "arrow"
    items: Any  # files: [(filename, path, bytes | None, error)]; jsonl: [(line, bytes)]; arrow: a RecordBatch

    def __len__(self) -> int:
        return self.items.num_rows if self.kind == "arrow" else len(self.items)


@compiled.dataclass(frozen=True)
class Source:
    """Where the archive is and how to read it."""

    location: str
    kind: str  # "folder", "jsonl" or "parquet"
    fields: Mapping[str, str]

    @property
    def path(self) -> Path:
        return Path(self.location)


def open_source(location: str, fields: Mapping[str, str]) -> Source:
    """The source at `location`, by what it is: a folder of drafts, a JSON Lines file (.gz too) or Parquet."""
    path = Path(location)
    if not path.exists():
        raise UsageError(f"{location}: no such file or folder")
    for name in fields:
        if name not in FIELDS:
            raise UsageError(f"unknown article field {name!r} (fields: {', '.join(FIELDS)})")
    mapped = {name: fields.get(name, name) for name in FIELDS}
    if path.is_dir():
        parquet = any(p.suffix == ".parquet" for p in _first_files(path))
        return Source(location, "parquet" if parquet else "folder", mapped)
    name = path.name.lower()
    if name.endswith(".parquet") or name.endswith(".pq"):
        return Source(location, "parquet", mapped)
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json.gz", ".json")):
        return Source(location, "jsonl", mapped)
    with path.open("rb") as handle:
        head = handle.read(4)
    if head == b"PAR1":
        return Source(location, "parquet", mapped)
    if head[:2] == b"\x1f\x8b":
        return Source(location, "jsonl", mapped)
    raise UsageError(f"{location}: not a folder, JSON Lines (.jsonl, .jsonl.gz) or Parquet (.parquet) export")


def _first_files(folder: Path, limit: int = 50) -> list[Path]:
    found = []
    for root, _dirs, names in os.walk(folder):
        found.extend(Path(root) / n for n in sorted(names) if not n.startswith("."))
        if len(found) >= limit:
            break
    return found


def partitions(source: Source, size: int, extensions: tuple[str, ...], skip: frozenset[int] = frozenset()
               ) -> Iterator[Partition]:
    """The source's partitions in order; those in `skip` are passed over without reading their articles' bodies."""
    reader = {"folder": _folder, "jsonl": _jsonl, "parquet": _parquet}[source.kind]
    yield from reader(source, size, extensions, skip)


def count(source: Source, extensions: tuple[str, ...]) -> int:
    """How many articles the source holds (one streaming pass; for the progress bar's time left)."""
    if source.kind == "folder":
        return sum(1 for _ in files.walk(source.path, extensions))
    if source.kind == "parquet":
        import pyarrow.dataset as ds

        return ds.dataset(source.location, format="parquet").count_rows()
    return sum(1 for _, line in _lines(source.path) if line.strip())


def _folder(source: Source, size: int, extensions: tuple[str, ...], skip: frozenset[int]) -> Iterator[Partition]:
    batch: list[Path] = []
    index = first = 0
    for draft in files.walk(source.path, extensions):
        batch.append(draft)
        if len(batch) == size:
            yield _read_files(source, index, first, batch, index in skip)
            index, first, batch = index + 1, first + len(batch), []
    if batch:
        yield _read_files(source, index, first, batch, index in skip)


def _read_files(source: Source, index: int, first: int, batch: list[Path], skipped: bool) -> Partition:
    top = source.path.resolve()
    items = []
    for draft in batch:
        filename = (source.path / draft.relative_to(top)).as_posix()
        raw, error = None, None
        if not skipped:
            raw, error = _read_draft(draft)
        items.append((filename, str(draft), raw, error))
    return Partition(index, first, "files", items)


def _read_draft(path: Path) -> tuple[bytes | None, str | None]:
    from factlint.engine import MAX_BYTES

    try:
        if path.is_dir():  # a folder the walk could not read
            return None, files.folder_problem(path)
        if path.stat().st_size > MAX_BYTES:
            return None, f"file is larger than {MAX_BYTES // (1024 * 1024)} MiB; not a draft"
        return path.read_bytes(), None
    except OSError as e:
        return None, f"cannot read file: {e.strerror or e}"


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """(line number, bytes) of a JSON Lines file, gzipped or not, read a buffer at a time."""
    with path.open("rb") as raw:
        gzipped = raw.read(2) == b"\x1f\x8b"
    handle: io.BufferedIOBase = gzip.open(path, "rb") if gzipped else path.open("rb")  # type: ignore[assignment]
    try:
        for number, line in enumerate(handle, start=1):
            yield number, line
    except (OSError, EOFError) as e:  # a truncated or corrupt gzip stream
        raise UsageError(f"{path}: cannot read the export: {e}") from None
    finally:
        handle.close()


def _jsonl(source: Source, size: int, extensions: tuple[str, ...], skip: frozenset[int]) -> Iterator[Partition]:
    batch: list[tuple[int, bytes]] = []
    index = first = 0
    for number, line in _lines(source.path):
        if not line.strip():
            continue
        batch.append((number, b"" if index in skip else line[:MAX_LINE + 1]))
        if len(batch) == size:
            yield Partition(index, first, "jsonl", batch)
            index, first, batch = index + 1, first + len(batch), []
    if batch:
        yield Partition(index, first, "jsonl", batch)


def _parquet(source: Source, size: int, extensions: tuple[str, ...], skip: frozenset[int]) -> Iterator[Partition]:
    import pyarrow.dataset as ds

    dataset = ds.dataset(source.location, format="parquet")
    columns = [c for c in source.fields.values() if c in dataset.schema.names]
    if source.fields["body"] not in columns:
        raise UsageError(f"{source.location}: no column {source.fields['body']!r} for the article body "
                         f"(columns: {', '.join(dataset.schema.names)}; map one with --field body=COLUMN)")
    index = first = 0
    pending = None
    for batch in dataset.to_batches(columns=columns, batch_size=size):
        pending = batch if pending is None else _concat(pending, batch)
        while pending.num_rows >= size:
            yield Partition(index, first, "arrow", pending.slice(0, size))
            index, first, pending = index + 1, first + size, pending.slice(size)
    if pending is not None and pending.num_rows:
        yield Partition(index, first, "arrow", pending)


def _concat(a: Any, b: Any) -> Any:
    import pyarrow as pa

    table = pa.Table.from_batches([a, b]).combine_chunks()
    return table.to_batches()[0] if table.num_rows else a
