"""An audit folder summed up for `audit-report`: counters and a bounded top list, read one partition at a time."""

from __future__ import annotations

import heapq
import math
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

from factlint import compiled
from factlint.errors import UsageError
from factlint.surfaces.audit import manifest as manifest_mod

FINDINGS = "findings"
ARTICLES = "articles"
#: The licence findings that mean a credit carries no usable licence (SPEC §3: missing, unknown).
NO_LICENCE = ("LIC002", "LIC003")
TOP = 20


@compiled.dataclass(frozen=True)
class Table:
    """One table of the report: what the CSV file and the page's table both show."""

    name: str
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


@compiled.dataclass(frozen=True)
class Summary:
    """What the report shows of one audit folder."""

    manifest: manifest_mod.Manifest
    partitions_total: int | None  # None when the audit is unfinished and its source cannot be counted
    partitions_missing: tuple[int, ...]  # in the manifest, but the file is gone
    by_code: tuple[tuple[str, str, int], ...]
    by_year: tuple[tuple[int | None, int], ...]
    by_section: tuple[tuple[str | None, int], ...]
    missing_licence: tuple[tuple[str | None, int, int, int], ...]
    worst_articles: tuple[tuple[str, str | None, int, int, int, int], ...]

    def tables(self) -> tuple[Table, ...]:
        return (
            Table("by_code", "Findings by code", ("code", "name", "findings"), self.by_code),
            Table("by_year", "Findings by year of publication", ("year", "findings"), self.by_year),
            Table("by_section", "Findings by section", ("section", "findings"), self.by_section),
            Table("missing_licence", f"Credits most often missing a licence (top {TOP})",
                  ("credit", "missing_licence", "unknown_licence", "findings"), self.missing_licence),
            Table("worst_articles", f"Articles with most findings (top {TOP})",
                  ("article", "url", "findings", "errors", "warnings", "infos"), self.worst_articles),
        )


def summarise(folder: Path) -> Summary:
    """Read `folder`'s manifest and Parquet partitions; one line (UsageError) when it is no audit output."""
    if not folder.is_dir():
        raise UsageError(f"{folder}: {'not a folder' if folder.exists() else 'no such folder'}; give the --out "
                         "folder of `factlint audit`")
    manifest = manifest_mod.Manifest.load(folder)
    if manifest is None:
        raise UsageError(f"{folder}: not a factlint audit output (no {manifest_mod.NAME}); "
                         f"write one with `factlint audit SOURCE --out {folder}`")
    done = sorted(set(manifest.partitions_done))
    missing = tuple(i for i in done if not all(_part(folder, kind, i).is_file() for kind in (FINDINGS, ARTICLES)))
    present = [i for i in done if i not in missing]
    codes, years, sections, credits = Counter(), Counter(), Counter(), Counter()
    for batch in _batches(folder, FINDINGS, present, ["code", "name", "year", "section", "text"]):
        _count_findings(batch, codes, years, sections, credits)
    worst: list[tuple[Any, ...]] = []
    columns = ["partition", "ordinal", "article", "filename", "url", "findings", "errors", "warnings", "infos"]
    for batch in _batches(folder, ARTICLES, present, columns):
        _keep_worst(batch, worst)
    return Summary(
        manifest=manifest,
        partitions_total=len(done) if manifest.complete else _total(manifest),
        partitions_missing=missing,
        by_code=tuple((code, name, n) for (code, name), n in sorted(codes.items(), key=lambda i: (-i[1], i[0]))),
        by_year=tuple(sorted(years.items(), key=lambda i: (i[0] is None, i[0] or 0))),
        by_section=tuple(sorted(sections.items(), key=lambda i: (-i[1], i[0] is None, i[0] or ""))),
        missing_licence=_top_credits(credits),
        worst_articles=tuple(_worst_row(row) for row in sorted(worst, reverse=True)),
    )


def _part(folder: Path, kind: str, index: int) -> Path:
    return folder / kind / f"part-{index:06d}.parquet"


def _batches(folder: Path, kind: str, partitions: list[int], columns: list[str]) -> Iterator[Any]:
    """Record batches of one dataset, partition by partition: memory holds one batch, never the dataset."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    for index in partitions:
        path = _part(folder, kind, index)
        try:
            handle = pq.ParquetFile(path)
            for batch in handle.iter_batches(batch_size=65536, columns=columns):
                yield pa.Table.from_batches([batch])
        except (OSError, pa.ArrowException) as e:
            raise UsageError(f"{path}: not a readable Parquet file ({e})") from None


def _count_findings(table: Any, codes: Counter, years: Counter, sections: Counter, credits: Counter) -> None:
    import pyarrow.compute as pc

    for key, counter in ((["code", "name"], codes), (["year"], years), (["section"], sections)):
        for group, n in _groups(table, key):
            counter[group if len(key) > 1 else group[0]] += n
    licences = table.filter(pc.is_in(table.column("code"), value_set=_value_set(NO_LICENCE)))
    for group, n in _groups(licences, ["text", "code"]):
        credits[group] += n


def _groups(table: Any, key: list[str]) -> list[tuple[tuple[Any, ...], int]]:
    """(values of `key`, rows) for each group of `table`; a null is a group of its own (no year, no section)."""
    import pyarrow.compute as pc

    # `code` is never null, so counting it counts every row of the group
    grouped = table.group_by(key).aggregate([("code", "count", pc.CountOptions(mode="all"))])
    return [(tuple(row[k] for k in key), row["code_count"]) for row in grouped.to_pylist()]


def _value_set(values: tuple[str, ...]) -> Any:
    import pyarrow as pa

    return pa.array(values, type=pa.string())


def _top_credits(credits: Counter) -> tuple[tuple[str | None, int, int, int], ...]:
    merged: dict[str | None, list[int]] = {}
    for (text, code), n in credits.items():
        merged.setdefault(text, [0, 0])[NO_LICENCE.index(code)] += n
    ranked = heapq.nsmallest(TOP, merged.items(), key=lambda i: (-sum(i[1]), i[0] is None, i[0] or ""))
    return tuple((text, missing, unknown, missing + unknown) for text, (missing, unknown) in ranked)


def _keep_worst(table: Any, worst: list[tuple[Any, ...]]) -> None:
    """Merge a batch's TOP articles into the heap `worst` (smallest first), so it never holds more than TOP."""
    order = [("findings", "descending"), ("errors", "descending"), ("partition", "ascending"),
             ("ordinal", "ascending")]
    for row in table.sort_by(order).slice(0, TOP).to_pylist():
        # ties go to the article earlier in the source: a larger key is a lower ordinal
        key = (row["findings"], row["errors"], -row["partition"], -row["ordinal"],
               row["article"] or row["filename"], row["url"], row["warnings"], row["infos"])
        if len(worst) < TOP:
            heapq.heappush(worst, key)
        elif key > worst[0]:
            heapq.heapreplace(worst, key)


def _worst_row(key: tuple[Any, ...]) -> tuple[str, str | None, int, int, int, int]:
    findings, errors, _, _, article, url, warnings, infos = key
    return (article, url, findings, errors, warnings, infos)


def _total(manifest: manifest_mod.Manifest) -> int | None:
    """How many partitions an unfinished audit will have: its source counted again, when it is still there."""
    from factlint.surfaces.audit import sources

    if not Path(manifest.source).exists() or manifest.partition_size < 1:
        return None
    try:
        source = sources.open_source(manifest.source, {})
        extensions: tuple[str, ...] = ()
        if source.kind == "folder":
            from factlint.plugins import collect, plugin_manager

            extensions = collect(plugin_manager()).extensions
        articles = sources.count(source, extensions)
    except (OSError, UsageError, ValueError):
        return None
    return max(math.ceil(articles / manifest.partition_size), len(manifest.partitions_done))
