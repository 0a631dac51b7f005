"""How fast factlint lints a newsroom's drafts, beside the floors it cannot beat, measured in one run.

    python benchmarks/run.py [--count 400] [--jobs N] [--repeat 3] [--corpus DIR] [--out FILE]

Generates the benchmark corpus into a temporary folder (or reuses --corpus),
then times, on this machine and in this run: `factlint check` over the whole
corpus as a subprocess (default jobs and -j 1) with its peak memory; one draft
(the pre-commit case) beside a bare interpreter and a bare `import factlint.surfaces.cli`;
markdown-it-py merely parsing the same Markdown drafts (a ceiling); and
factlint in process, per format and per rule. Timings are reported as
min / median / max over repeats, and comparisons as ratios of medians taken in
the same run, because a shared 2-core machine is noisy. Nothing is asserted.
Nothing is written outside the temporary folder unless --out (or --corpus) is given.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import filecmp
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Sequence

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]  # run from a checkout without installing factlint

import generate  # noqa: E402  (the corpus generator beside this script)

if TYPE_CHECKING:
    from factlint.engine import Session

DRAFT_SUFFIXES = {".md": "markdown", ".txt": "text", ".html": "html"}


# -- values -------------------------------------------------------------------

@dataclass(frozen=True)
class Spread:
    """Repeated measurements of one thing, in seconds."""

    samples: tuple[float, ...]

    @property
    def min(self) -> float:
        return min(self.samples)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def max(self) -> float:
        return max(self.samples)

    def as_dict(self) -> dict[str, Any]:
        return {"min": self.min, "median": self.median, "max": self.max, "samples": list(self.samples)}


@dataclass(frozen=True)
class ProcessRun:
    """One subprocess: wall time, exit status, its own peak RSS and the sampled peak of its whole tree."""

    seconds: float
    cpu_seconds: float  # user + system, the child's and its reaped workers': far less disturbed by a busy machine
    returncode: int
    maxrss_kib: int
    tree_rss_kib: int
    stderr: str


@dataclass
class Report:
    """Everything measured, as written to --out."""

    machine: dict[str, Any] = field(default_factory=dict)
    corpus: dict[str, Any] = field(default_factory=dict)
    rules: list[str] = field(default_factory=list)
    corpus_runs: dict[str, Any] = field(default_factory=dict)
    startup: dict[str, Any] = field(default_factory=dict)
    markdown_ceiling: dict[str, Any] = field(default_factory=dict)
    in_process: dict[str, Any] = field(default_factory=dict)
    rerun: dict[str, Any] = field(default_factory=dict)
    rule_costs: dict[str, Any] = field(default_factory=dict)
    findings: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


# -- the corpus ---------------------------------------------------------------

@dataclass(frozen=True)
class Draft:
    path: Path
    format: str
    size: int


def corpus_drafts(folder: Path) -> list[Draft]:
    """Every draft factlint would read in the folder, in a stable order."""
    drafts = []
    for path in sorted(folder.rglob("*")):
        fmt = DRAFT_SUFFIXES.get(path.suffix)
        if fmt and path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts):
            drafts.append(Draft(path, fmt, path.stat().st_size))
    return drafts


def prepare_corpus(args: argparse.Namespace, scratch: Path, report: Report) -> tuple[Path, list[Draft]]:
    folder = args.corpus or scratch / "corpus"
    drafts = corpus_drafts(folder) if folder.is_dir() else []
    if drafts:
        report.corpus["generated"] = False
    else:
        start = time.perf_counter()
        generate.generate(folder, args.count, args.seed)
        report.corpus.update(generated=True, seconds=time.perf_counter() - start, seed=args.seed)
        drafts = corpus_drafts(folder)
    report.corpus.update(
        path=str(folder), files=len(drafts), bytes=sum(d.size for d in drafts),
        formats=dict(Counter(d.format for d in drafts)),
    )
    return folder, drafts


# -- subprocesses ---------------------------------------------------------------

class TreeSampler:
    """Samples the summed RSS of a process and its descendants from /proc (Linux), as workers are not in ru_maxrss."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        self.pid = pid
        self.interval = interval
        self.peak_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "TreeSampler":
        if Path("/proc/self/status").exists():
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_kib = max(self.peak_kib, sum(_rss_kib(pid) for pid in _tree(self.pid)))
            self._stop.wait(self.interval)


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return pids


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def run_process(argv: Sequence[str], cwd: Path, env: dict[str, str], stdout_path: Path | None = None,
                sample: bool = False) -> ProcessRun:
    """Run one command; wait4 gives this child's own rusage, whose maxrss covers the workers it reaped."""
    with open(stdout_path or os.devnull, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=subprocess.PIPE, env=env)
        with TreeSampler(proc.pid) if sample else contextlib.nullcontext() as sampler:
            # Read stderr on a thread so a chatty child never blocks on a full pipe while we wait4.
            err: list[bytes] = []
            stderr = proc.stderr
            reader = threading.Thread(target=lambda: err.append(stderr.read() if stderr else b""), daemon=True)
            reader.start()
            _, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - start
        reader.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stderr.close()  # type: ignore[union-attr]
    return ProcessRun(seconds, usage.ru_utime + usage.ru_stime, proc.returncode, usage.ru_maxrss,
                      sampler.peak_kib if sampler else 0, b"".join(err).decode("utf-8", "replace"))


def child_env(pycache: Path | None, cache: Path) -> dict[str, str]:
    """The children's environment: factlint importable from this checkout, and bytecode cached in the scratch folder.

    An installed factlint has its .pyc files; a checkout run with
    PYTHONDONTWRITEBYTECODE compiles every module at every start. Caching
    bytecode under the scratch folder times the installed case without writing
    into the checkout; pycache None keeps the environment's own behaviour.
    factlint's own caches (parsed packs, results) go to `cache`, never to the
    user's.
    """
    env = dict(os.environ)
    env["FACTLINT_CACHE_DIR"] = str(cache)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    if pycache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def corpus_runs(args: argparse.Namespace, folder: Path, scratch: Path, report: Report) -> None:
    """Default jobs and -j 1, interleaved in alternating order so the machine's drift hits both alike.

    Both run with `--no-cache`: every repeat lints every draft (the result
    cache would answer the second repeat from the first); `rerun` times the
    cache.
    """
    parallel = f"-j {args.jobs}" if args.jobs else f"default jobs ({os.cpu_count()} cores)"
    variants = {parallel: ["-j", str(args.jobs), "--no-cache"] if args.jobs else ["--no-cache"],
                "-j 1": ["-j", "1", "--no-cache"]}
    runs: dict[str, list[ProcessRun]] = {name: [] for name in variants}
    failures: dict[str, ProcessRun] = {}
    order = list(enumerate(variants.items()))
    for repeat in range(args.repeat):
        # A B, then B A: a machine that speeds up or slows down over the run favours neither.
        for number, (name, extra) in order if repeat % 2 == 0 else order[::-1]:
            out = scratch / f"findings-{number}-{repeat}.json"
            argv = [args.python, "-m", "factlint", "check", str(folder), "--format", "json", *extra]
            done = run_process(argv, folder, args.env, out, sample=True)
            # A run that printed no findings array crashed before linting: its time means nothing.
            if out.stat().st_size:
                runs[name].append(done)
            else:
                failures[name] = done
            _progress(f"corpus run {repeat + 1}/{args.repeat} {name}: {done.seconds:.1f} s, exit {done.returncode}")
    size = report.corpus["bytes"]
    files = report.corpus["files"]
    for name, failed in failures.items():
        report.notes.append(f"`factlint check` {name} printed nothing and exited {failed.returncode}: "
                            f"{_first_line(failed.stderr)}")
    for name, done in runs.items():
        if not done:
            continue
        spread = Spread(tuple(r.seconds for r in done))
        report.corpus_runs[name] = {
            "seconds": spread.as_dict(),
            "cpu_seconds": Spread(tuple(r.cpu_seconds for r in done)).as_dict(),
            "files_per_s": files / spread.median,
            "mb_per_s": size / 1e6 / spread.median,
            "maxrss_mib": max(r.maxrss_kib for r in done) / 1024,
            "tree_rss_mib": max(r.tree_rss_kib for r in done) / 1024,
            "returncodes": sorted({r.returncode for r in done}),
        }
        failed = [r for r in done if r.returncode not in (0, 1)]
        if failed:
            report.notes.append(f"`factlint check` {name} exited {failed[0].returncode} (a draft's internal error;"
                                f" the others were linted): {_first_line(failed[0].stderr)}")
    report.corpus_runs["children_maxrss_mib"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    last = scratch / f"findings-0-{args.repeat - 1}.json"
    if not last.stat().st_size:
        return  # already in the notes
    try:
        report.findings = dict(count_codes(last).most_common())
    except (OSError, ValueError) as e:
        report.notes.append(f"could not read the findings of the last corpus run: {e}")


def count_codes(path: Path) -> Counter[str]:
    """The findings of a `--format json` output per code, read line by line.

    Parsed whole, the output of a large corpus would swell this process, and
    every child forked after it starts with those pages (its ru_maxrss too).
    """
    codes: Counter[str] = Counter()
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.startswith('    "code": "'):
                codes[line[13:].split('"', 1)[0]] += 1
    return codes


def rerun(args: argparse.Namespace, folder: Path, scratch: Path, report: Report) -> None:
    """A rerun over the unchanged corpus: a cold run into an empty cache folder, then a warm one from it, per repeat.

    Default jobs, as a user runs it. The warm run's output must be the cold
    run's, byte for byte; a run that differs is a note, and its time counts
    for nothing.
    """
    runs: dict[str, list[ProcessRun]] = {"cold (empty cache)": [], "warm (unchanged corpus)": []}
    for repeat in range(args.repeat):
        cache = scratch / f"rerun-cache-{repeat}"
        env = {**args.env, "FACTLINT_CACHE_DIR": str(cache)}
        outputs = []
        for name in runs:
            out = scratch / f"rerun-{repeat}-{len(outputs)}.json"
            done = run_process([args.python, "-m", "factlint", "check", str(folder), "--format", "json"],
                               folder, env, out)
            outputs.append(out)  # compared as files: read in, they would swell this process and the next child
            runs[name].append(done)
            _progress(f"rerun {repeat + 1}/{args.repeat} {name}: {done.seconds:.1f} s, exit {done.returncode}")
        shutil.rmtree(cache, ignore_errors=True)
        if not outputs[0].stat().st_size or not filecmp.cmp(outputs[0], outputs[1], shallow=False):
            report.notes.append(f"rerun {repeat + 1}: the warm output differs from the cold one (or is empty)")
            for done in runs.values():
                done.pop()
        for out in outputs:
            out.unlink()
    for name, done in runs.items():
        if done:
            report.rerun[name] = {"seconds": Spread(tuple(r.seconds for r in done)).as_dict(),
                                  "cpu_seconds": Spread(tuple(r.cpu_seconds for r in done)).as_dict(),
                                  "maxrss_mib": max(r.maxrss_kib for r in done) / 1024}


def startup(args: argparse.Namespace, drafts: list[Draft], scratch: Path, report: Report) -> None:
    """One draft, as a pre-commit hook lints it, beside what any Python program pays to start."""
    markdown = [d for d in drafts if d.format == "markdown"] or drafts
    draft = markdown[0]
    check = [args.python, "-m", "factlint", "check", str(draft.path), "--format", "json"]
    commands = {
        "python -c pass": ([args.python, "-c", "pass"], args.env),
        'python -c "import factlint.surfaces.cli"': ([args.python, "-c", "import factlint.surfaces.cli"], args.env),
        "factlint check DRAFT --format json": (check, args.env),
        "  same, empty cache folder (cold)": (check, {**args.env, "FACTLINT_CACHE_DIR": str(scratch / "cold")}),
    }
    if not (ROOT / "factlint" / "__pycache__").is_dir():
        commands["  same, no bytecode cache (checkout)"] = (check, args.env_uncached)
    for argv, env in commands.values():
        run_process(argv, scratch, env)  # warm-up: fills the bytecode cache and the page cache
    times: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    rss: dict[str, int] = {}
    codes: dict[str, set[int]] = {name: set() for name in commands}
    errors: dict[str, str] = {}
    for _ in range(args.startup_repeat):
        for name, (argv, env) in commands.items():
            if "(cold)" in name:
                shutil.rmtree(scratch / "cold", ignore_errors=True)
            done = run_process(argv, scratch, env)
            codes[name].add(done.returncode)
            if done.returncode not in (0, 1):
                errors[name] = done.stderr
                continue  # a crash is fast and says nothing about start-up
            times[name].append(done.seconds)
            cpu[name].append(done.cpu_seconds)
            rss[name] = max(rss.get(name, 0), done.maxrss_kib)
    for name, t in times.items():
        if any(code not in (0, 1) for code in codes[name]):
            report.notes.append(f"{name.strip()} exited {sorted(codes[name])}: {_first_line(errors[name])}")
    report.startup = {
        "imports": import_costs(args.python, check, scratch, args.env),
        "draft": {"path": str(draft.path if args.corpus else draft.path.relative_to(report.corpus["path"])),
                  "bytes": draft.size},
        "commands": {name: {"seconds": Spread(tuple(t)).as_dict(), "cpu_seconds": Spread(tuple(cpu[name])).as_dict(),
                            "maxrss_mib": rss[name] / 1024} if t else None
                     for name, t in times.items()},
    }


def import_costs(python: str, argv: list[str], cwd: Path, env: dict[str, str]) -> dict[str, Any]:
    """What the one-draft check spends importing (`python -X importtime`): the total and the dearest top-level imports.

    Modules imported inside functions show at the top level too, which is
    what we want: they are paid on this path all the same.
    """
    done = run_process([python, "-X", "importtime", *argv[1:]], cwd, env)
    top: dict[str, int] = {}
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cumulative, name = line.split("|", 2)
        if name.startswith("  ") or not cumulative.strip().isdigit():
            continue  # nested import: already inside its parent's cumulative time
        top[name.strip()] = top.get(name.strip(), 0) + int(cumulative)
    ranked = sorted(top.items(), key=lambda item: -item[1])
    return {"total_ms": sum(top.values()) / 1000, "top_ms": {name: us / 1000 for name, us in ranked[:8]}}


def _first_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[0] if lines else "(no message)"


def _progress(message: str) -> None:
    print(f"  .. {message}", file=sys.stderr, flush=True)


# -- in process -------------------------------------------------------------------

def throughput(files: int, size: int, wall: Spread, cpu: Spread) -> dict[str, Any]:
    """Rates from the medians: per wall second (what a user waits) and per CPU second (what survives a busy machine)."""
    return {
        "files": files, "bytes": size, "seconds": wall.as_dict(), "cpu_seconds": cpu.as_dict(),
        "files_per_s": files / wall.median, "mb_per_s": size / 1e6 / wall.median,
        "files_per_cpu_s": files / cpu.median, "mb_per_cpu_s": size / 1e6 / cpu.median,
        "cpu_ms_per_file": cpu.median / files * 1000,
    }


def markdown_ceiling(args: argparse.Namespace, drafts: list[Draft], report: Report) -> None:
    """markdown-it-py parsing the same Markdown drafts: factlint cannot read Markdown faster than its parser."""
    from markdown_it import MarkdownIt

    md = [d for d in drafts if d.format == "markdown"]
    if not md:
        return
    parser = MarkdownIt("commonmark")
    wall, cpu = [], []
    for _ in range(args.repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        for draft in md:
            parser.parse(draft.path.read_bytes().decode("utf-8", "replace"))
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    report.markdown_ceiling = throughput(len(md), sum(d.size for d in md), Spread(tuple(wall)), Spread(tuple(cpu)))


def _session() -> Session:
    """A session as the CLI builds one; factlint is imported here so a broken checkout still reports the rest."""
    from factlint.engine import Options, Session
    from factlint.plugins import collect, plugin_manager

    return Session(collect(plugin_manager()), Options())


def in_process(args: argparse.Namespace, folder: Path, drafts: list[Draft], report: Report) -> None:
    """Session.lint_path on every draft in this process, timed per format: the engine without the CLI around it."""
    start = time.perf_counter()
    session = _session()
    session.prepare([d.path for d in drafts])
    report.in_process["setup_seconds"] = time.perf_counter() - start
    report.rules = sorted(session.registry.rules)
    formats = sorted({d.format for d in drafts}, key=list(DRAFT_SUFFIXES.values()).index)
    wall: dict[str, list[float]] = {fmt: [] for fmt in formats}
    cpu: dict[str, list[float]] = {fmt: [] for fmt in formats}
    errors = 0
    for _ in range(args.inprocess_repeat):
        spent: Counter[str] = Counter()
        spent_cpu: Counter[str] = Counter()
        for draft in drafts:
            begin, begin_cpu = time.perf_counter(), time.process_time()
            outcome = session.lint_path(draft.path, str(draft.path.relative_to(folder)))
            spent[draft.format] += time.perf_counter() - begin
            spent_cpu[draft.format] += time.process_time() - begin_cpu
            errors += outcome.error is not None
        for fmt in formats:
            wall[fmt].append(spent[fmt])
            cpu[fmt].append(spent_cpu[fmt])
    for fmt in formats + ["all"]:
        chosen = [d for d in drafts if fmt in ("all", d.format)]
        if fmt == "all":  # the sum of each repeat over formats, so "all" has a spread too
            times = Spread(tuple(map(sum, zip(*wall.values())))), Spread(tuple(map(sum, zip(*cpu.values()))))
        else:
            times = Spread(tuple(wall[fmt])), Spread(tuple(cpu[fmt]))
        report.in_process.setdefault("formats", {})[fmt] = throughput(len(chosen), sum(d.size for d in chosen), *times)
    if errors:
        report.notes.append(f"{errors} in-process lint(s) hit an internal error in a rule")


def rule_costs(args: argparse.Namespace, drafts: list[Draft], report: Report) -> None:
    """Where a draft's CPU time goes: its format reader, each rule, and the rest of the engine's path.

    Every rule's check and every format's reader is wrapped in a timer, and
    the drafts go through the real Session.lint_path, so the map follows the
    engine as it changes; "the rest" (decoding, configuration, suppression,
    selection, sorting, building results) is the total minus the timed parts.
    """
    from dataclasses import replace

    # Every k-th draft: the shares settle well before the whole corpus, and the full run stays short.
    drafts = drafts[:: -(-len(drafts) // args.rule_sample)]
    session = _session()
    clock = time.process_time
    spent: Counter[str] = Counter()

    def timed(key: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def run(*a: Any) -> Any:
            begin = clock()
            try:
                out = function(*a)
                # A check may be a generator: its work happens as it is consumed.
                return out if key.startswith("read:") else list(out)
            finally:
                spent[key] += clock() - begin
        return run

    registry = session.registry
    registry.rules = {code: replace(rule, check=timed(code, rule.check)) for code, rule in registry.rules.items()}
    registry.formats = {name: replace(fmt, read=timed(f"read:{name}", fmt.read))
                        for name, fmt in registry.formats.items()}
    session.prepare([d.path for d in drafts])
    session.lint_path(drafts[0].path, drafts[0].path.name)  # the rules' lazy imports and caches: not a draft's cost
    spent.clear()
    begin = clock()
    for draft in drafts:
        session.lint_path(draft.path, draft.path.name)
    total = clock() - begin
    counts = Counter(d.format for d in drafts)
    read = {key[5:]: seconds for key, seconds in spent.items() if key.startswith("read:")}
    rules = Counter({key: seconds for key, seconds in spent.items() if not key.startswith("read:")})
    report.rule_costs = {
        "read_ms_per_file": {fmt: read.get(fmt, 0.0) / n * 1000 for fmt, n in counts.items()},
        "rules_seconds": dict(rules.most_common()),
        "finish_seconds": total - sum(spent.values()),
        "read_seconds": sum(read.values()),
        "files": len(drafts),
    }


# -- the table -------------------------------------------------------------------

def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def _families(codes: Sequence[str]) -> str:
    groups: dict[str, list[str]] = {}
    for code in codes:
        groups.setdefault(code.rstrip("0123456789"), []).append(code[-3:])
    return ", ".join(f"{family} {' '.join(numbers)}" for family, numbers in sorted(groups.items()))


def machine_lines(title: str, m: dict[str, Any]) -> list[str]:
    """The lines every benchmark table opens with: what ran where and when, and how loaded the machine was."""
    lines = [f"{title}  {m['date']}  {m['platform']}, {m['cores']} cores, Python {m['python']}, "
             f"factlint {m['factlint']} ({m['git']})"]
    if m.get("load_before"):
        after = " ".join(map(str, m.get("load_after") or []))
        lines.append(f"load average (1/5/15 min) before: {' '.join(map(str, m['load_before']))}, after: {after}"
                     f"  ({m['cores']} cores: above that, others compete)")
    return lines


def render(report: Report, args: argparse.Namespace) -> str:
    lines: list[str] = machine_lines("factlint benchmark", report.machine)
    add = lines.append
    c = report.corpus
    generated = f", generated in {c['seconds']:.1f} s (seed {c['seed']})" if c.get("generated") else " (reused)"
    add(f"corpus: {c['files']} drafts ({', '.join(f'{n} {f}' for f, n in sorted(c['formats'].items()))}), "
        f"{c['bytes'] / 1e6:.1f} MB{generated}")
    if report.rules:
        add(f"rules present ({len(report.rules)}): {_families(report.rules)}")
    add("")

    runs = {k: v for k, v in report.corpus_runs.items() if isinstance(v, dict)}
    if runs:
        add(f"Whole corpus: `factlint check CORPUS --format json` as a subprocess, {args.repeat} repeat(s),"
            " interleaved A B B A")
        add(f"  {'':<24}{'wall s min / median / max':>27}{'CPU s':>8}{'files/s':>9}{'MB/s':>7}"
            f"{'peak RSS MiB':>14}{'tree RSS MiB':>14}")
        for name, run in runs.items():
            s = run["seconds"]
            add(f"  {name:<24}{s['min']:>9.2f} /{s['median']:>7.2f} /{s['max']:>7.2f}"
                f"{run['cpu_seconds']['median']:>8.1f}{run['files_per_s']:>9.1f}{run['mb_per_s']:>7.2f}"
                f"{run['maxrss_mib']:>14.0f}{run['tree_rss_mib']:>14.0f}")
        medians = [r["seconds"]["median"] for r in runs.values()]
        best = [r["seconds"]["min"] for r in runs.values()]
        if len(medians) == 2:
            add(f"  parallel speed-up, -j 1 over {next(iter(runs))}: {medians[1] / medians[0]:.2f}x from the medians,"
                f" {best[1] / best[0]:.2f}x from the fastest runs (the least disturbed by other work)")
        add("  files/s and MB/s from the median wall time; CPU s: median user + system time of the run and its workers")
        add(f"  getrusage(RUSAGE_CHILDREN) maxrss after these runs: {report.corpus_runs['children_maxrss_mib']:.0f} MiB"
            " (the largest process of any child so far)")
        add("  peak RSS: the largest single process (wait4 ru_maxrss; a worker or the parent);"
            " tree RSS: sampled sum over parent and workers (shared pages counted in each)")
        add("")

    if report.startup:
        draft = report.startup["draft"]
        add(f"One draft, the pre-commit case ({draft['path']}, {draft['bytes'] / 1000:.1f} kB), "
            f"{args.startup_repeat} repeats, interleaved")
        add(f"  {'':<40}{'wall ms min / median / max':>28}{'CPU ms':>8}{'peak RSS MiB':>14}")
        commands = report.startup["commands"]
        for name, cmd in commands.items():
            if cmd is None:
                add(f"  {name:<40}{'failed every time (see the notes)':>36}")
                continue
            s = cmd["seconds"]
            add(f"  {name:<40}{_ms(s['min']):>10} /{_ms(s['median']):>7} /{_ms(s['max']):>7}"
                f"{_ms(cmd['cpu_seconds']['median']):>8}{cmd['maxrss_mib']:>14.0f}")
        if all(list(commands.values())[:4]):
            bare, imported, check, cold = (cmd["seconds"]["median"] for cmd in list(commands.values())[:4])
            add(f"  check / bare python: {check / bare:.1f}x;  check / import factlint.surfaces.cli: {check / imported:.1f}x;"
                f"  check minus import: {_ms(check - imported)} ms;  cold / warm cache: {cold / check:.2f}x")
        imports = report.startup.get("imports", {})
        if imports.get("top_ms"):
            add(f"  imports on that path (-X importtime, one run, inflated by its own bookkeeping): "
                f"{imports['total_ms']:.0f} ms, most in:")
            lines.extend(textwrap.wrap(", ".join(f"{name} {ms:.0f}" for name, ms in imports["top_ms"].items()), 110,
                                       initial_indent="    ", subsequent_indent="    "))
        add("")

    if report.rerun:
        add(f"Rerun with the result cache: `factlint check CORPUS --format json` (default jobs), {args.repeat} repeat(s),"
            " each a cold run into an empty cache folder then a warm one")
        add(f"  {'':<26}{'wall s min / median / max':>27}{'CPU s':>8}{'peak RSS MiB':>14}")
        for name, run in report.rerun.items():
            s = run["seconds"]
            add(f"  {name:<26}{s['min']:>9.2f} /{s['median']:>7.2f} /{s['max']:>7.2f}"
                f"{run['cpu_seconds']['median']:>8.2f}{run['maxrss_mib']:>14.0f}")
        if len(report.rerun) == 2:
            cold, warm = report.rerun.values()
            add(f"  warm rerun speed-up: {cold['seconds']['median'] / warm['seconds']['median']:.1f}x wall,"
                f" {cold['cpu_seconds']['median'] / warm['cpu_seconds']['median']:.1f}x CPU (medians);"
                " the warm output is the cold one, byte for byte")
        add("")

    ceiling = report.markdown_ceiling
    formats = report.in_process.get("formats", {})
    header = (f"  {'':<12}{'files':>6}{'MB':>6}{'wall s min / median / max':>27}{'CPU s':>7}"
              f"{'files/s':>9}{'MB/s':>6}{'files/CPU-s':>13}{'CPU ms/file':>13}")

    def rate_row(name: str, row: dict[str, Any]) -> str:
        s = row["seconds"]
        return (f"  {name:<12}{row['files']:>6}{row['bytes'] / 1e6:>6.2f}{s['min']:>9.2f} /{s['median']:>7.2f} /"
                f"{s['max']:>7.2f}{row['cpu_seconds']['median']:>7.2f}{row['files_per_s']:>9.1f}{row['mb_per_s']:>6.2f}"
                f"{row['files_per_cpu_s']:>13.1f}{row['cpu_ms_per_file']:>13.1f}")

    if formats:
        add(f"In process: Session.lint_path per draft, one process, {args.inprocess_repeat} repeat(s)"
            f" (registry and packs loaded once in {report.in_process['setup_seconds']:.2f} s, not counted)")
        add(header)
        for fmt, row in formats.items():
            add(rate_row(fmt, row))
        add("")
    if ceiling:
        add(f"Ceiling: markdown-it-py merely parsing the same Markdown drafts, in process, {args.repeat} repeat(s)")
        add(header)
        add(rate_row("parse only", ceiling))
        if "markdown" in formats:
            ratio = formats["markdown"]["cpu_seconds"]["median"] / ceiling["cpu_seconds"]["median"]
            add(f"  factlint in process spends {ratio:.0f}x the CPU time of the bare parse on the same Markdown drafts")
        add("")

    costs = report.rule_costs
    if costs:
        files = costs["files"]
        total = costs["read_seconds"] + sum(costs["rules_seconds"].values()) + costs["finish_seconds"]
        add(f"Where the CPU time goes (in process, a sample of {files} drafts, one in"
            f" {-(-report.corpus['files'] // args.rule_sample)}; {total:.1f} CPU s in all)")
        add("  reader ms/file: " + ", ".join(f"{f} {v:.1f}" for f, v in sorted(costs["read_ms_per_file"].items()))
            + f";  the rest (decoding, config, suppression, sorting, results): "
            f"{costs['finish_seconds'] / files * 1000:.2f} ms/file")
        shown = [(code, sec) for code, sec in costs["rules_seconds"].items() if sec / total >= 0.005]
        add(f"  {'rule':<8}{'ms/file':>9}{'share':>8}")
        for code, seconds in shown:
            add(f"  {code:<8}{seconds / files * 1000:>9.2f}{seconds / total:>8.1%}")
        rest = len(costs["rules_seconds"]) - len(shown)
        if rest:
            add(f"  ({rest} more rules under 0.5% each)")
        add("")

    if report.findings:
        top = ", ".join(f"{code} {n}" for code, n in report.findings.items())
        lines += textwrap.wrap(f"Findings in the corpus ({sum(report.findings.values())}): {top}", 110,
                               subsequent_indent="  ")
    for note in report.notes:
        add(f"note: {note}")
    return "\n".join(lines)


def machine(python: str) -> dict[str, Any]:
    try:
        git = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, timeout=10).stdout.strip() or "no git"
    except (OSError, subprocess.SubprocessError):
        git = "no git"
    try:
        from factlint import __version__ as version
    except ImportError:
        version = "?"
    return {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "platform": f"{platform.system()} {platform.machine()}",
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "interpreter": python,
        "factlint": version,
        "git": git,
        "load_before": _load(),
    }


def _load() -> list[float] | None:
    """The 1, 5 and 15 minute load averages: a busy machine explains a wide min-max spread."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000,
                        help="drafts to generate (default 2000, the full corpus; --count 400 for a run near a minute)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--corpus", type=Path, help="lint this folder of drafts; generated there if it has none")
    parser.add_argument("--jobs", type=int, default=0,
                        help="-j for the parallel corpus run (default: factlint's own, all cores)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="repeats of the corpus runs and the Markdown ceiling (default 3)")
    parser.add_argument("--startup-repeat", type=int, default=10, help="repeats of the one-draft timings (default 10)")
    parser.add_argument("--inprocess-repeat", type=int, default=1, help="repeats of the in-process pass (default 1)")
    parser.add_argument("--rule-sample", type=int, default=200, help="drafts in the per-rule breakdown (default 200)")
    parser.add_argument("--no-rule-costs", action="store_true", help="skip the per-rule breakdown")
    parser.add_argument("--python", default=sys.executable,
                        help="the interpreter that runs factlint (default: this one)")
    parser.add_argument("--out", type=Path, help="also write every measurement as JSON to this file")
    args = parser.parse_args(argv)
    if min(args.count, args.repeat, args.startup_repeat, args.inprocess_repeat, args.rule_sample) < 1:
        parser.error("--count and the repeats must be at least 1")

    report = Report(machine=machine(args.python))
    with tempfile.TemporaryDirectory(prefix="factlint-bench-") as tmp:
        scratch = Path(tmp)
        args.env = child_env(scratch / "pycache", scratch / "cache")
        args.env_uncached = {**child_env(None, scratch / "cache"), "PYTHONDONTWRITEBYTECODE": "1"}
        folder, drafts = prepare_corpus(args, scratch, report)
        if not drafts:
            parser.error(f"no drafts in {folder}")
        steps: list[tuple[str, Callable[[], None]]] = [
            ("one-draft start-up", lambda: startup(args, drafts, scratch, report)),
            ("whole-corpus runs", lambda: corpus_runs(args, folder, scratch, report)),
            ("cold and warm reruns", lambda: rerun(args, folder, scratch, report)),
            ("markdown-it-py ceiling", lambda: markdown_ceiling(args, drafts, report)),
            ("in-process per format", lambda: in_process(args, folder, drafts, report)),
        ]
        if not args.no_rule_costs:
            steps.append(("per-rule costs", lambda: rule_costs(args, drafts, report)))
        for name, step in steps:
            _progress(name)
            try:
                step()
            except Exception as e:  # one broken step (a rule family mid-landing) must not lose the others
                report.notes.append(f"{name} failed: {type(e).__name__}: {e}")
        report.machine["load_after"] = _load()
        print(render(report, args))
        if args.out:
            args.out.write_text(json.dumps(asdict(report), indent=1, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
