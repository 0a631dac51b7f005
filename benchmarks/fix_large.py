"""How long `--fix` takes on one large draft beside `check` on the same draft: fixing must stay near linear.

    python benchmarks/fix_large.py [--paragraphs 3000] [--per-paragraph 20] [--repeat 3]

Generates one Markdown draft in a temporary folder: PARAGRAPHS paragraphs,
each with PER-PARAGRAPH weekday/date mismatches (DAT004, a safe fix), so
about PARAGRAPHS x PER-PARAGRAPH fixable findings (the defaults: 60,000 in
about 4.9 MiB). Then times `factlint check` and `factlint check --fix` on a
fresh copy of it, as subprocesses with -j 1, and prints the median wall and
CPU times of REPEAT runs and the ratio fix / check. Nothing is asserted;
the temporary folder is deleted.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FACTLINT = [sys.executable, "-m", "factlint"]
SENTENCE = "On Saturday, March 10, 2026, the council heard item {i} of its agenda for the year."


def draft(paragraphs: int, per_paragraph: int) -> str:
    body = [
        " ".join(SENTENCE.format(i=p * per_paragraph + s) for s in range(per_paragraph))
        for p in range(paragraphs)
    ]
    return "---\ntitle: Agenda\ndate: 2026-03-12\n---\n\n# Agenda\n\n" + "\n\n".join(body) + "\n"


def timed(argv: list[str], cwd: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of one subprocess run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median_of(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=3000)
    parser.add_argument("--per-paragraph", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="factlint-fix-large-"))
    env_root = Path(__file__).resolve().parent.parent
    os.environ["PYTHONPATH"] = str(env_root) + os.pathsep + os.environ.get("PYTHONPATH", "")
    try:
        text = draft(args.paragraphs, args.per_paragraph)
        original = folder / "original.md"
        original.write_text(text, encoding="utf-8")
        if len(text.encode()) > 5 * 2**20:
            sys.exit("the draft is over 5 MiB, which factlint reports as FL001 instead of linting: use fewer paragraphs")
        common = ["check", "--no-cache", "-j", "1", "--select", "DAT004"]
        checks, fixes = [], []
        for _ in range(args.repeat):
            shutil.copyfile(original, folder / "agenda.md")
            checks.append(timed([*FACTLINT, *common, "agenda.md"], folder))
            fixes.append(timed([*FACTLINT, *common, "--fix", "agenda.md"], folder))
        check_wall, check_cpu = median_of(checks)
        fix_wall, fix_cpu = median_of(fixes)
        print(f"draft: {len(text.encode()) / 2**20:.1f} MiB, {args.paragraphs * args.per_paragraph} fixable findings")
        print(f"check: {check_wall:7.2f} s wall {check_cpu:7.2f} s CPU (median of {args.repeat})")
        print(f"fix:   {fix_wall:7.2f} s wall {fix_cpu:7.2f} s CPU (median of {args.repeat})")
        print(f"ratio: {fix_wall / check_wall:7.2f} wall   {fix_cpu / check_cpu:7.2f} CPU   (fix / check)")
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
