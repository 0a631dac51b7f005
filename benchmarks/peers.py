"""factlint beside the linters a newsroom would run instead, over the same Markdown drafts in the same run.

    python benchmarks/peers.py [--count 2000] [--corpus DIR] [--proselint PATH] [--node-prefix DIR]
                               [--repeat 3] [--startup-repeat 10] [--out FILE]

Generates the benchmark corpus (benchmarks/generate.py, as run.py does) or
reuses --corpus, and times over its Markdown drafts, interleaved in one run:
factlint (default jobs and -j 1), proselint (Python), and write-good, alex and
textlint (Node.js). Every tool gets the same files as arguments, one process
over all of them, output to a file; a linter's "findings" exit status is not a
failure, a crash is reported as one. For each tool: files/s over the corpus
from the median wall time, CPU time of the process tree (getrusage
RUSAGE_CHILDREN deltas), and the one-draft time (median of --startup-repeat).
A peer that is not installed is skipped with the reason. Nothing is asserted;
nothing is written outside a temporary folder unless --out (or --corpus) is given.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Sequence

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run  # noqa: E402  (the timing helpers and the corpus of benchmarks/run.py)

# A small English preset for textlint, rules that check prose as write-good and alex do; the first installed are used.
TEXTLINT_RULES = ("write-good", "alex", "common-misspellings")
# A crash leaves a stack behind: Python's traceback, or Node's "    at fn (file:line:col)" frames.
STACK = re.compile(r"Traceback \(most recent call last\)|^\s+at .+:\d+:\d+\)?$", re.MULTILINE)


# -- values -------------------------------------------------------------------

@dataclass(frozen=True)
class Peer:
    """One linter as a newsroom runs it: how to call it on files, and which exit statuses mean it ran."""

    name: str
    version: str
    command: tuple[str, ...]  # the files are appended
    how: str  # how it was run, for the table
    findings_exit: Callable[[int], bool]  # exit statuses of a run that linted (with or without findings)
    env: dict[str, str] | None = None

    def argv(self, files: Sequence[str]) -> list[str]:
        return [*self.command, *files]


@dataclass(frozen=True)
class Timed:
    """One run of one tool: wall and CPU time (the process tree's, from RUSAGE_CHILDREN), peak RSS, exit status."""

    seconds: float
    cpu_seconds: float
    maxrss_kib: int
    returncode: int
    stderr: str
    output_lines: int  # stdout and stderr (alex reports on stderr): a tool that linted nothing prints next to nothing


@dataclass
class Report:
    """Everything measured, as written to --out."""

    machine: dict[str, Any] = field(default_factory=dict)
    corpus: dict[str, Any] = field(default_factory=dict)
    tools: dict[str, dict[str, Any]] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    corpus_runs: dict[str, Any] = field(default_factory=dict)
    one_draft: dict[str, Any] = field(default_factory=dict)
    ratios: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


# -- finding the peers ------------------------------------------------------------

def _version(argv: Sequence[str], env: dict[str, str] | None = None) -> str:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60, env=env)
    except (OSError, subprocess.SubprocessError):
        return "?"
    words = (done.stdout or done.stderr).split()
    return words[-1].lstrip("v") if words else "?"


def factlint_peers(python: str, env: dict[str, str]) -> list[Peer]:
    version = _version([python, "-c", "import factlint; print(factlint.__version__)"], env)
    # --no-cache: every run lints every draft, as the peers do (a warm result cache would answer the repeats).
    check = (python, "-m", "factlint", "check", "--no-cache")
    how = "python -m factlint check --no-cache FILES... (default rules and text output)"
    findings: Callable[[int], bool] = lambda code: code in (0, 1)  # noqa: E731  (2: usage or internal error)
    return [Peer(f"factlint (default jobs, {os.cpu_count()} cores)", version, check, how, findings, env),
            Peer("factlint -j 1", version, (*check, "-j", "1"), how + " with -j 1", findings, env)]


def proselint_peer(where: str | None) -> Peer | str:
    """proselint from a virtualenv (its folder or its executable), or from PATH."""
    if where is None:
        found = shutil.which("proselint")
        if not found:
            return "proselint not on PATH (pip install proselint in a virtualenv, then --proselint VENV)"
        path = Path(found)
    else:
        path = Path(where)
        path = path / "bin" / "proselint" if path.is_dir() else path
        if not (path.is_file() and os.access(path, os.X_OK)):
            return f"no proselint executable at {path}"
    if _version([str(path), "version"]) == "?":  # 0.16 has subcommands; older releases do not
        return f"{path} does not run (`proselint version` failed)"
    return Peer("proselint", _version([str(path), "version"]), (str(path), "check"), "proselint check FILES...",
                lambda code: code in (0, 1))


def node_peers(prefix: Path | None, scratch: Path) -> tuple[list[Peer], dict[str, str]]:
    """write-good, alex and textlint from `npm install` under prefix (its node_modules/.bin), or from PATH."""
    names = ("write-good", "alex", "textlint")
    if not shutil.which("node"):
        return [], {name: "node not found on PATH" for name in names}
    peers: list[Peer] = []
    skipped: dict[str, str] = {}
    where = f"{prefix}/node_modules/.bin" if prefix else "PATH"
    for name in names:
        found = str(prefix / "node_modules" / ".bin" / name) if prefix else shutil.which(name)
        if not found or not os.access(found, os.X_OK):
            skipped[name] = f"not installed in {where} (npm install {name})"
            continue
        version = _version([found, "--version"])
        if name == "write-good":
            # It exits with the number of suggestions it printed: any status is a run, a stack trace is a crash.
            peers.append(Peer(name, version, (found,), "write-good FILES... (its default checks)", lambda code: code >= 0))
        elif name == "alex":
            peers.append(Peer(name, version, (found,), "alex FILES... (Markdown mode, its default profanity level)",
                              lambda code: code in (0, 1)))
        else:
            peer = textlint_peer(found, version, scratch)
            if isinstance(peer, str):
                skipped[name] = peer
            else:
                peers.append(peer)
    return peers, skipped


def textlint_peer(found: str, version: str, scratch: Path) -> Peer | str:
    # node_modules/.bin/textlint links to node_modules/textlint/bin/textlint.js: the rules sit beside it.
    modules = Path(os.path.realpath(found)).parents[2]
    rules = [rule for rule in TEXTLINT_RULES if (modules / f"textlint-rule-{rule}").is_dir()]
    if not rules:
        return f"no rules installed beside it in {modules} (npm install textlint-rule-write-good textlint-rule-alex)"
    config = scratch / "textlintrc.json"
    config.write_text(json.dumps({"rules": {rule: True for rule in rules}}) + "\n", encoding="utf-8")
    how = f"textlint --config RC --rules-base-directory DIR FILES... with the rules {', '.join(rules)}"
    return Peer("textlint", version, (found, "--config", str(config), "--rules-base-directory", str(modules)), how,
                lambda code: code in (0, 1))  # 2 is textlint's fatal error


# -- timing -------------------------------------------------------------------------

def timed(argv: Sequence[str], cwd: Path, env: dict[str, str] | None, out: Path | None = None) -> Timed:
    """One process; its CPU is the RUSAGE_CHILDREN delta, so workers and helpers it waited for count too."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = run.run_process(argv, cwd, env or dict(os.environ), out)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    with open(out or os.devnull, "rb") as printed:
        lines = sum(1 for _ in printed) + len(done.stderr.splitlines())
    return Timed(done.seconds, cpu, done.maxrss_kib, done.returncode, done.stderr, lines)


def crashed(peer: Peer, done: Timed) -> str | None:
    """Why this run is a crash (a signal, a status that is not a lint's, a stack trace), or None."""
    if done.returncode < 0:
        return f"killed by signal {-done.returncode}"
    if not peer.findings_exit(done.returncode):
        return f"exit {done.returncode}: {run._first_line(done.stderr)}"
    if STACK.search(done.stderr):
        return f"exit {done.returncode} with a stack trace: {run._first_line(done.stderr)}"
    return None


def interleaved(peers: Sequence[Peer], repeat: int, once: Callable[[Peer, int], Timed],
                report: Report, label: str) -> dict[str, list[Timed]]:
    """Every peer once per repeat, the order reversed every other repeat, so the machine's drift hits all alike."""
    runs: dict[str, list[Timed]] = {peer.name: [] for peer in peers}
    broken: dict[str, str] = {}
    for number in range(repeat):
        for peer in peers if number % 2 == 0 else peers[::-1]:
            if peer.name in broken:
                continue  # a crash is fast and says nothing about speed: once is enough
            done = once(peer, number)
            why = crashed(peer, done)
            if why:
                broken[peer.name] = why
                report.notes.append(f"{peer.name} crashed on {label}: {why}")
            else:
                runs[peer.name].append(done)
            run._progress(f"{label} {number + 1}/{repeat} {peer.name}: {done.seconds:.2f} s, exit {done.returncode}")
    return runs


def summary(done: list[Timed], files: int) -> dict[str, Any] | None:
    if not done:
        return None
    wall = run.Spread(tuple(d.seconds for d in done))
    cpu = run.Spread(tuple(d.cpu_seconds for d in done))
    return {"seconds": wall.as_dict(), "cpu_seconds": cpu.as_dict(), "files_per_s": files / wall.median,
            "files_per_cpu_s": files / cpu.median if cpu.median else None,
            "maxrss_mib": max(d.maxrss_kib for d in done) / 1024,
            "returncodes": sorted({d.returncode for d in done}), "output_lines": done[-1].output_lines}


def corpus_runs(args: argparse.Namespace, peers: Sequence[Peer], folder: Path, files: list[str],
                scratch: Path, report: Report) -> None:
    def once(peer: Peer, number: int) -> Timed:
        return timed(peer.argv(files), folder, peer.env, scratch / f"out-{number}.txt")

    for name, done in interleaved(peers, args.repeat, once, report, "corpus run").items():
        report.corpus_runs[name] = summary(done, len(files))


def one_draft(args: argparse.Namespace, peers: Sequence[Peer], folder: Path, draft: str, scratch: Path,
              report: Report) -> None:
    """The pre-commit case: each tool on one draft, after one untimed warm-up, beside the bare interpreters."""
    floors = [Peer("python -c pass", "", (args.python, "-c", "pass"), "", lambda code: code == 0)]
    if shutil.which("node"):
        floors.append(Peer("node -e 0", "", ("node", "-e", "0"), "", lambda code: code == 0))
    # One draft is one process whatever -j says. Two factlint rows: as a hook runs it, its caches warm from the
    # warm-up run (parsed packs and the draft's results), and with --no-cache (packs parsed, the draft linted).
    chosen: list[Peer] = []
    for peer in peers:
        if peer.name.startswith("factlint ("):
            cached = tuple(part for part in peer.command if part != "--no-cache")
            chosen += [replace(peer, name="factlint", command=cached), replace(peer, name="factlint --no-cache")]
        elif not peer.name.startswith("factlint"):
            chosen.append(peer)
    everything = floors + chosen
    for peer in everything:
        timed(peer.argv([draft] if peer in chosen else []), folder, peer.env, scratch / "warm-up.txt")

    def once(peer: Peer, number: int) -> Timed:
        return timed(peer.argv([draft] if peer in chosen else []), folder, peer.env, scratch / "one.txt")

    for name, done in interleaved(everything, args.startup_repeat, once, report, "one draft").items():
        report.one_draft[name] = summary(done, 1)


def ratios(report: Report) -> None:
    """factlint's files/s over write-good's, and factlint's one-draft time over each peer's: medians of this run."""
    runs = {name: row for name, row in report.corpus_runs.items() if row}
    factlint = [name for name in runs if name.startswith("factlint")]
    if "write-good" in runs:
        goal = runs["write-good"]
        report.ratios["files_per_s_over_write_good"] = {
            name: runs[name]["files_per_s"] / goal["files_per_s"] for name in factlint}
        report.ratios["files_per_cpu_s_over_write_good"] = {
            name: runs[name]["files_per_cpu_s"] / goal["files_per_cpu_s"] for name in factlint
            if runs[name]["files_per_cpu_s"] and goal["files_per_cpu_s"]}
    drafts = {name: row for name, row in report.one_draft.items() if row}
    ours = next((name for name in drafts if name.startswith("factlint")), None)
    if ours:
        mine = drafts[ours]["seconds"]["median"]
        report.ratios["one_draft_over_peer"] = {name: mine / row["seconds"]["median"] for name, row in drafts.items()
                                                if name in report.tools and not name.startswith("factlint")}


# -- the table -------------------------------------------------------------------

def render(report: Report, args: argparse.Namespace) -> str:
    lines: list[str] = run.machine_lines("factlint beside its peers", report.machine)
    add = lines.append
    c = report.corpus
    origin = (f"of {c['all_files']} generated (seed {c['seed']})" if c.get("generated")
              else f"of {c['all_files']} in {c['path']}")
    add(f"corpus: the {c['markdown_files']} Markdown drafts {origin}, {c['markdown_bytes'] / 1e6:.1f} MB;"
        f" one draft: {c['one_draft']} ({c['one_draft_bytes'] / 1000:.1f} kB)")
    add("")

    header = f"  {'tool':<34}{'version':>9}{'wall s min / median / max':>28}{'CPU s':>8}{'files/s':>9}" \
             f"{'files/CPU-s':>13}{'peak RSS MiB':>14}{'output lines':>14}"
    add(f"Whole corpus: one process per tool over all {c['markdown_files']} files, {args.repeat} repeat(s),"
        " interleaved (order reversed every other repeat)")
    add(header)
    for name, tool in report.tools.items():
        row = report.corpus_runs.get(name)
        if row is None:
            add(f"  {name:<34}{tool['version']:>9}   crashed (see the notes)")
            continue
        s = row["seconds"]
        per_cpu = f"{row['files_per_cpu_s']:.1f}" if row["files_per_cpu_s"] else "-"
        add(f"  {name:<34}{tool['version']:>9}{s['min']:>10.2f} /{s['median']:>7.2f} /{s['max']:>7.2f}"
            f"{row['cpu_seconds']['median']:>8.2f}{row['files_per_s']:>9.1f}{per_cpu:>13}{row['maxrss_mib']:>14.0f}"
            f"{row['output_lines']:>14}")
    for name, why in report.skipped.items():
        add(f"  {name:<34}{'-':>9}   skipped: {why}")
    add("  files/s from the median wall time; CPU s: median user + system time of the process and its children;")
    add("  output lines: what the last run printed on stdout and stderr (each tool its findings, in its own format)")
    add("")

    add(f"One draft, the pre-commit case: {args.startup_repeat} repeats, interleaved, after one warm-up each")
    add(f"  {'':<34}{'wall ms min / median / max':>28}{'CPU ms':>8}{'peak RSS MiB':>14}")
    for name, row in report.one_draft.items():
        if row is None:
            add(f"  {name:<34}   crashed (see the notes)")
            continue
        s = row["seconds"]
        add(f"  {name:<34}{run._ms(s['min']):>10} /{run._ms(s['median']):>7} /{run._ms(s['max']):>7}"
            f"{run._ms(row['cpu_seconds']['median']):>8}{row['maxrss_mib']:>14.0f}")
    add("")

    r = report.ratios
    if r.get("files_per_s_over_write_good") or r.get("one_draft_over_peer"):
        add("Ratios (medians of this run)")
    for name, ratio in r.get("files_per_s_over_write_good", {}).items():
        per_cpu = r.get("files_per_cpu_s_over_write_good", {}).get(name)
        cpu_text = f", per CPU-second {per_cpu:.2f}x" if per_cpu else ""
        add(f"  {name} files/s / write-good files/s: {ratio:.2f}x{cpu_text}"
            f"  (goal 2x: {'met' if ratio >= 2 else 'not met'})")
    one = r.get("one_draft_over_peer", {})
    if one:
        add("  factlint one-draft time / the peer's: " + ", ".join(
            f"{name} {ratio:.2f}x ({'faster' if ratio < 1 else 'slower'})" for name, ratio in one.items()))
    if r:
        add("")

    add("How each tool was run (cwd: the corpus; the same relative paths as arguments; output to a file):")
    seen: set[str] = set()
    for tool in report.tools.values():
        if tool["how"] not in seen:
            seen.add(tool["how"])
            add(f"  {tool['how']}")
    for note in report.notes:
        add(f"note: {note}")
    return "\n".join(lines)


# -- the command ----------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000,
                        help="drafts to generate (default 2000, run.py's corpus); the Markdown third is timed")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--corpus", type=Path, help="time the Markdown drafts of this folder; generated there if empty")
    parser.add_argument("--proselint", metavar="PATH",
                        help="proselint's virtualenv or executable (default: proselint on PATH)")
    parser.add_argument("--node-prefix", type=Path, metavar="DIR",
                        help="where `npm install` put write-good, alex and textlint (default: on PATH)")
    parser.add_argument("--only-factlint", action="store_true", help="time factlint alone (no peers)")
    parser.add_argument("--repeat", type=int, default=3, help="repeats of the whole-corpus runs (default 3)")
    parser.add_argument("--startup-repeat", type=int, default=10, help="repeats of the one-draft timings (default 10)")
    parser.add_argument("--python", default=sys.executable, help="the interpreter that runs factlint (default: this one)")
    parser.add_argument("--out", type=Path, help="also write every measurement as JSON to this file")
    args = parser.parse_args(argv)
    if min(args.count, args.repeat, args.startup_repeat) < 1:
        parser.error("--count and the repeats must be at least 1")
    if args.node_prefix and not (args.node_prefix / "node_modules").is_dir():
        parser.error(f"--node-prefix {args.node_prefix}: no node_modules folder there (run npm install in it)")
    if args.corpus and args.corpus.exists() and not args.corpus.is_dir():
        parser.error(f"--corpus {args.corpus}: not a folder")

    report = Report(machine=run.machine(args.python))
    with tempfile.TemporaryDirectory(prefix="factlint-peers-") as tmp:
        scratch = Path(tmp)
        env = run.child_env(scratch / "pycache", scratch / "cache")
        prepared = run.Report()
        folder, drafts = run.prepare_corpus(args, scratch, prepared)
        markdown = [d for d in drafts if d.format == "markdown"]
        if not markdown:
            parser.error(f"no Markdown drafts (*.md) in {folder}")
        files = [str(d.path.relative_to(folder)) for d in markdown]
        report.corpus = {"path": str(folder), "generated": prepared.corpus["generated"], "seed": args.seed,
                         "all_files": len(drafts), "markdown_files": len(markdown),
                         "markdown_bytes": sum(d.size for d in markdown),
                         "one_draft": files[0], "one_draft_bytes": markdown[0].size}
        peers: list[Peer] = factlint_peers(args.python, env)
        if not args.only_factlint:
            found = proselint_peer(args.proselint)
            if isinstance(found, str):
                report.skipped["proselint"] = found
            else:
                peers.append(found)
            node, skipped = node_peers(args.node_prefix, scratch)
            peers += node
            report.skipped.update(skipped)
        report.tools = {p.name: {"version": p.version, "how": p.how, "argv": list(p.command)} for p in peers}
        for name, step in (("whole-corpus runs", lambda: corpus_runs(args, peers, folder, files, scratch, report)),
                           ("one-draft runs", lambda: one_draft(args, peers, folder, files[0], scratch, report))):
            run._progress(name)
            step()
        ratios(report)
        report.machine["load_after"] = run._load()
        print(render(report, args))
        if args.out:
            args.out.write_text(json.dumps(asdict(report), indent=1, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
