"""Peak memory of `factlint check` against corpus size: does it stay flat as the drafts grow tenfold?

    python benchmarks/memory.py [--counts 2000 20000] [--jobs 1] [--format json] [--out memory.json]

For each count it generates a corpus (benchmarks/generate.py, one seed, so the
smaller corpus is not a prefix of the larger but has the same mix), then runs

    factlint check CORPUS --format FORMAT -j JOBS --no-cache > FILE

once and records the peak resident set of the `factlint` process (wait4's
ru_maxrss; with -j above 1 that is the largest of the parent and the
workers it reaped) beside the sampled sum over the process tree, the findings
written and the time taken. The ratio of the largest count's peak to the
smallest's is what the table ends with: results stream to the reporter file
by file, so it should be near 1, whatever the number of findings.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402  (the corpus generator beside this script)
import run as bench  # noqa: E402  (run.py's subprocess timing and tree sampling)


def measure(python: str, count: int, seed: int, jobs: int, fmt: str, scratch: Path) -> dict[str, Any]:
    folder = scratch / f"corpus-{count}"
    start = time.perf_counter()
    # In a process of its own: a child forked from this one would start with the corpus's strings in its
    # resident set, and ru_maxrss counts that too.
    subprocess.run([python, str(Path(generate.__file__)), str(folder), "--count", str(count), "--seed", str(seed)],
                   check=True, capture_output=True)
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and f.name != "corpus.json")
    generated = time.perf_counter() - start
    out = scratch / f"findings-{count}.{fmt}"
    env = bench.child_env(scratch / "pycache", scratch / "cache")
    argv = [python, "-m", "factlint", "check", str(folder), "--format", fmt, "-j", str(jobs), "--no-cache"]
    done = bench.run_process(argv, folder, env, out, sample=True)
    row = {
        "count": count, "bytes": size, "generated_seconds": generated, "returncode": done.returncode,
        "seconds": done.seconds, "cpu_seconds": done.cpu_seconds,
        "maxrss_mib": done.maxrss_kib / 1024, "tree_rss_mib": done.tree_rss_kib / 1024,
        "output_bytes": out.stat().st_size,
    }
    if fmt == "json" and out.stat().st_size:
        row["findings"] = sum(bench.count_codes(out).values())  # line by line: this process stays small
    if done.returncode not in (0, 1):
        row["error"] = bench._first_line(done.stderr)
    out.unlink()
    return row


def render(rows: list[dict[str, Any]], args: argparse.Namespace) -> str:
    lines = [f"`factlint check CORPUS --format {args.format} -j {args.jobs} --no-cache`, one run per corpus size"
             f" (load before: {' '.join(map(str, args.load_before or []))},"
             f" after: {' '.join(map(str, bench._load() or []))})",
             f"  {'drafts':>7}{'MB':>7}{'findings':>10}{'output MB':>11}{'wall s':>8}{'CPU s':>8}"
             f"{'peak RSS MiB':>14}{'tree RSS MiB':>14}"]
    for r in rows:
        lines.append(f"  {r['count']:>7}{r['bytes'] / 1e6:>7.1f}{r.get('findings', '-'):>10}"
                     f"{r['output_bytes'] / 1e6:>11.1f}{r['seconds']:>8.1f}{r['cpu_seconds']:>8.1f}"
                     f"{r['maxrss_mib']:>14.0f}{r['tree_rss_mib']:>14.0f}")
        if "error" in r:
            lines.append(f"    exited {r['returncode']}: {r['error']}")
    if len(rows) > 1 and rows[0]["maxrss_mib"]:
        first, last = rows[0], rows[-1]
        lines.append(f"  peak RSS at {last['count']} drafts / at {first['count']}:"
                     f" {last['maxrss_mib'] / first['maxrss_mib']:.2f}x"
                     f" ({last['count'] / first['count']:.0f}x the drafts,"
                     f" {last.get('findings', 0) / max(1, first.get('findings', 1)):.1f}x the findings)")
    lines.append("  peak RSS: wait4 ru_maxrss of the run (the largest single process); tree RSS: the sampled sum over"
                 " the parent and its workers")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[2000, 20000],
                        help="corpus sizes, smallest first (default 2000 20000)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--jobs", type=int, default=1, help="-j of each run (default 1: one process holds it all)")
    parser.add_argument("--format", default="json", help="the reporter (default json)")
    parser.add_argument("--python", default=sys.executable, help="the interpreter that runs factlint")
    parser.add_argument("--out", type=Path, help="also write the rows as JSON to this file")
    args = parser.parse_args(argv)
    if min(args.counts) < 1 or args.jobs < 1:
        parser.error("--counts and --jobs must be at least 1")
    args.load_before = bench._load()
    rows = []
    with tempfile.TemporaryDirectory(prefix="factlint-memory-") as tmp:
        for count in sorted(args.counts):
            bench._progress(f"{count} drafts")
            rows.append(measure(args.python, count, args.seed, args.jobs, args.format, Path(tmp)))
    print(render(rows, args))
    if args.out:
        args.out.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
