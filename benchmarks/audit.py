"""Time `factlint audit` over a generated JSON Lines export: articles/s per worker count, driver and worker memory.

    python benchmarks/audit.py [--counts 10000 40000] [--workers 1 2] [--repeat 1] [--out bench.json]

Writes each export once (articles of benchmarks/generate.py, one JSON object
a line: id, format, date, body), then runs

    factlint audit EXPORT --out DIR --workers W --no-cache -q

for every (count, workers) pair and prints a table. Memory is sampled from
/proc every 0.1 s: the driver (the `factlint` process) and each of its
descendant processes (the Dask workers and nanny processes); the table shows
the driver's peak and the largest worker's peak resident set. CPU is the
operating system's user + system time of the run and its children. Nothing
here asserts a timing; a busy machine stretches wall time, CPU much less.
Linux only (it reads /proc).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402  (the corpus generator beside this script)

FACTLINT = str(Path(sys.executable).parent / "factlint")


def write_export(path: Path, count: int, seed: int) -> int:
    """`count` generated articles as JSON Lines; returns the bytes written."""
    with open(path, "w", encoding="utf-8") as out:
        for index in range(count):
            story, fmt = generate.build(seed, index)
            body = generate.RENDERERS[fmt](story)
            date = story.reference_date.isoformat() if story.reference_date else None
            out.write(json.dumps({"id": f"a{index:06d}", "format": fmt, "date": date, "body": body},
                                 ensure_ascii=False) + "\n")
    return path.stat().st_size


def _rss(pid: int) -> int:
    """Resident set size of `pid` in bytes (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{parent}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{parent}/task/{task}/children", encoding="ascii") as f:
                    kids = [int(k) for k in f.read().split()]
            except OSError:
                continue
            found.extend(kids)
            todo.extend(kids)
    return found


def run_audit(export: Path, workers: int) -> dict:
    out = Path(tempfile.mkdtemp(prefix="factlint-audit-bench-"))
    try:
        argv = [FACTLINT, "audit", str(export), "--out", str(out / "run"), "--workers", str(workers), "--no-cache", "-q"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        began = time.monotonic()
        process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        driver_peak = worker_peak = 0
        while process.poll() is None:
            driver_peak = max(driver_peak, _rss(process.pid))
            worker_peak = max([worker_peak, *(_rss(p) for p in _descendants(process.pid))])
            time.sleep(0.1)
        wall = time.monotonic() - began
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if process.returncode != 0:
            sys.exit(f"factlint audit failed ({process.returncode}): {process.stderr.read().decode()[-500:]}")
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return {"wall": wall, "cpu": cpu, "driver_rss": driver_peak, "worker_rss": worker_peak}
    finally:
        shutil.rmtree(out, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[10_000, 40_000], help="articles per export")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker processes to compare")
    parser.add_argument("--repeat", type=int, default=1, help="runs per pair; the median is shown")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="also write every measurement here as JSON")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="factlint-audit-export-"))
    rows = []
    try:
        for count in args.counts:
            export = folder / f"articles-{count}.jsonl"
            size = write_export(export, count, args.seed)
            for workers in args.workers:
                runs = sorted((run_audit(export, workers) for _ in range(args.repeat)), key=lambda r: r["wall"])
                median = runs[len(runs) // 2]
                rows.append({"articles": count, "bytes": size, "workers": workers, **median,
                             "articles_per_s": count / median["wall"]})
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{'articles':>9} {'workers':>7} {'wall s':>8} {'CPU s':>8} {'articles/s':>10} {'driver MiB':>10} "
          f"{'worker MiB':>10}")
    for r in rows:
        print(f"{r['articles']:>9} {r['workers']:>7} {r['wall']:>8.1f} {r['cpu']:>8.1f} {r['articles_per_s']:>10.1f} "
              f"{r['driver_rss'] / 2**20:>10.1f} {r['worker_rss'] / 2**20:>10.1f}")
    for count in args.counts:
        by = {r["workers"]: r for r in rows if r["articles"] == count}
        if 1 in by and 2 in by:
            print(f"{count} articles: 2 workers are {by[1]['wall'] / by[2]['wall']:.2f}x one in wall time")
    if len(args.counts) >= 2:
        small, large = min(args.counts), max(args.counts)
        for workers in args.workers:
            a = next(r for r in rows if r["articles"] == small and r["workers"] == workers)
            b = next(r for r in rows if r["articles"] == large and r["workers"] == workers)
            print(f"{workers} worker(s): driver peak RSS at {large} articles is {b['driver_rss'] / a['driver_rss']:.2f}x "
                  f"that at {small}")
    if args.out:
        args.out.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
