"""`factlint audit`: stream the source in partitions to Dask, write each partition's findings as it finishes."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, TextIO

from factlint import __version__, compiled
from factlint.errors import UsageError
from factlint.surfaces.audit import manifest as manifest_mod
from factlint.surfaces.audit import sources, task
from factlint.surfaces.audit.extra import require

FINDINGS = "findings"
ARTICLES = "articles"


@compiled.dataclass(frozen=True)
class Plan:
    """Everything the driver decided before the first partition is read."""

    source: sources.Source
    job: task.Job
    size: int
    out: Path
    manifest: manifest_mod.Manifest
    extensions: tuple[str, ...]


def run(args: argparse.Namespace, options: Any, stderr: TextIO | None = None) -> int:
    """Audit `args.source` into `args.out`; 0 when every partition is written."""
    require("dask", "distributed", "pyarrow")
    stderr = stderr or sys.stderr
    plan = _plan(args, options)
    show = not args.quiet and stderr.isatty()
    from factlint.surfaces.audit.progress import Progress

    total = sources.count(plan.source, plan.extensions) if show else None
    progress = Progress(stderr, total, show, start=plan.manifest.articles_done)
    with _client(args) as client:
        _audit(client, plan, progress)
    progress.finish()
    if not args.quiet:
        m = plan.manifest
        print(f"factlint: audited {m.articles_done:,} articles in {len(m.partitions_done)} partitions: "
              f"{m.findings:,} findings in {plan.out}", file=stderr)
    return 0


def _plan(args: argparse.Namespace, options: Any) -> Plan:
    from factlint import config as config_mod
    from factlint import engine
    from factlint.plugins import collect, plugin_manager

    location = str(args.source)
    if not Path(location).exists():
        raise UsageError(f"{location}: no such file or folder")
    registry = collect(plugin_manager())
    session = engine.Session(registry, options)
    anchor = Path(location) / "-" if Path(location).is_dir() else Path(location)
    config = session.config_for(anchor)
    session.packs_for(config)  # a bad pack is exit 2 now, not an error on every worker
    settings = dict(config.sections.get("audit") or {})
    fields = dict(settings.get("fields") or {})
    for mapping in args.field or ():
        name, sep, column = mapping.partition("=")
        if not sep or not name or not column:
            raise UsageError(f"--field {mapping!r}: write FIELD=COLUMN, such as body=content")
        fields[name.strip()] = column.strip()
    source = sources.open_source(location, fields)
    size = args.partition_size or int(settings.get("partition-size") or sources.PARTITION_SIZE)
    if size < 1:
        raise UsageError("--partition-size must be at least 1")
    decided = {"select": options.select, "extend_select": options.extend_select, "ignore": options.ignore,
               "reference_date": options.reference_date, "online": options.online, "fields": source.fields,
               "partition_size": size, "kind": source.kind}
    fingerprint = manifest_mod.config_hash(config.path, config.rule_packs, decided)
    base = str(Path(location).resolve().parent if not Path(location).is_dir() else Path(location).resolve())
    job = task.Job(options, config, source.fields, base, Path(location).name)
    out = Path(args.out)
    manifest = _manifest(out, args.resume, str(Path(location).resolve()), source.kind, fingerprint, size, config)
    return Plan(source, job, size, out, manifest, registry.extensions)


def _manifest(out: Path, resume: bool, source: str, kind: str, fingerprint: str, size: int,
              config: Any) -> manifest_mod.Manifest:
    previous = manifest_mod.Manifest.load(out) if out.is_dir() else None
    if resume:
        if previous is None:
            raise UsageError(f"{out}: no audit to resume (no {manifest_mod.NAME}); run without --resume")
        if previous.factlint_version != __version__:
            raise UsageError(f"{out}: cannot resume: written by factlint {previous.factlint_version}, this is "
                             f"{__version__}; audit into a new folder")
        if previous.source != source:
            raise UsageError(f"{out}: cannot resume: it audits {previous.source}, not {source}")
        if previous.config_hash != fingerprint:
            raise UsageError(f"{out}: cannot resume: the configuration or options changed since the run began "
                             f"(config hash {previous.config_hash}, now {fingerprint}); audit into a new folder")
        for folder in (FINDINGS, ARTICLES):  # what a killed run was writing when it died
            for stale in (out / folder).glob(".part-*.tmp-*"):
                stale.unlink(missing_ok=True)
        return previous
    if previous is not None or (out.is_dir() and any(out.iterdir())):
        raise UsageError(f"{out}: already holds an audit or other files; use --resume to continue it, "
                         "or choose an empty --out folder")
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: exists and is not a folder")
    (out / FINDINGS).mkdir(parents=True, exist_ok=True)
    (out / ARTICLES).mkdir(exist_ok=True)
    fresh = manifest_mod.Manifest(source, kind, fingerprint, __version__, size,
                                  config=str(config.path) if config.path else None)
    fresh.save(out)
    return fresh


@contextmanager
def _client(args: argparse.Namespace) -> Iterator[Any]:
    """A client of the cluster at --scheduler, or of a LocalCluster of --workers single-threaded processes."""
    from distributed import Client, LocalCluster

    if args.scheduler:
        try:
            client = Client(args.scheduler, timeout=args.connect_timeout)
        except (OSError, TimeoutError) as e:
            raise UsageError(f"--scheduler {args.scheduler}: cannot connect to a Dask scheduler ({e})") from None
        try:
            yield client
        finally:
            client.close()
        return
    workers = args.workers or os.cpu_count() or 1
    # The check is pure Python and holds the GIL: processes, one thread each, are what scale.
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=not args.threads,
                           dashboard_address=None, silence_logs=logging.ERROR)
    try:
        with Client(cluster) as client:
            yield client
    finally:
        cluster.close()


def _audit(client: Any, plan: Plan, progress: Any) -> None:
    from distributed import as_completed

    done = frozenset(plan.manifest.partitions_done)
    slots = max(2, 2 * sum(client.nthreads().values()))
    job = client.scatter(plan.job, broadcast=True)
    pending = as_completed()
    in_flight = 0
    for partition in sources.partitions(plan.source, plan.size, plan.extensions, done):
        if partition.index in done:
            continue
        pending.add(client.submit(task.run, job, partition, pure=False, key=f"factlint-partition-{partition.index}"
                                  f"-{plan.manifest.config_hash}-{os.getpid()}"))
        in_flight += 1
        del partition
        while in_flight >= slots:
            _finish(next(pending), plan, progress)
            in_flight -= 1
    for future in pending:
        _finish(future, plan, progress)
    plan.manifest.complete = True
    plan.manifest.save(plan.out)


def _finish(future: Any, plan: Plan, progress: Any) -> None:
    """Write one finished partition (temporary name, then rename) and record it in the manifest."""
    import pyarrow.parquet as pq

    try:
        findings, articles = future.result()
    except Exception as e:
        raise UsageError(f"a partition failed on the cluster ({type(e).__name__}: {e}); "
                         "fix the cause and continue with --resume") from None
    index = int(findings.column("partition")[0].as_py()) if findings.num_rows else \
        int(articles.column("partition")[0].as_py())
    future.release()
    for folder, table in ((ARTICLES, articles), (FINDINGS, findings)):
        final = plan.out / folder / f"part-{index:06d}.parquet"
        tmp = final.with_name(f".{final.name}.tmp-{os.getpid()}")
        pq.write_table(table, tmp)
        os.replace(tmp, final)
    m = plan.manifest
    if index not in m.partitions_done:
        m.partitions_done.append(index)
        m.articles_done += articles.num_rows
        m.findings += findings.num_rows
    m.save(plan.out)
    progress.advance(articles.num_rows)
