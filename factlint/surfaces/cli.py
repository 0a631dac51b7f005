"""The `factlint` command: check, rules, rule CODE; `main(argv) -> int` so tests call it directly."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gc
import heapq
import itertools
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence, TextIO

from factlint import __version__
from factlint.config import parse_codes as config_codes
from factlint.errors import UsageError

if TYPE_CHECKING:
    from factlint import engine
    from factlint.plugins import Registry
    from factlint.results import Result
    from factlint.rules import Rule

COMMANDS = ("check", "rules", "rule", "waive", "waivers", "explain", "audit", "audit-report", "lsp")


class _Parser(argparse.ArgumentParser):
    """argparse that raises one clear line instead of printing usage and exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see `{self.prog} --help`)")  # prog is "factlint" or "factlint check"

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        # argparse builds a help formatter at every option only to check its metavar; sized for the
        # terminal, each one would import shutil and ask the terminal's width, which only --help needs
        self._checking_metavar = True
        try:
            return super().add_argument(*args, **kwargs)
        finally:
            self._checking_metavar = False

    def _get_formatter(self) -> argparse.HelpFormatter:
        if getattr(self, "_checking_metavar", False):
            return self.formatter_class(prog=self.prog, width=80)
        return super()._get_formatter()


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _jobs(value: str) -> int:
    """A process count of 1 or more: 0 or -3 is a mistake, not "all cores" (leave -j out for that)."""
    try:
        count = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if count < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not 1 or more (leave -j out to use all cores)")
    return count


def _parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line; with `command`, only that subcommand's options (a one-draft check builds no others)."""
    parser = _Parser(prog="factlint", description="An editorial fact-check and licensing linter for news drafts.")
    parser.add_argument("--version", action="version", version=f"factlint {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, prog=parser.prog)  # not a formatter's usage
    if command in (None, "check"):
        _check_parser(sub)
    if command != "check":
        _other_parsers(sub)
    return parser


def _check_parser(sub: Any) -> None:
    check = sub.add_parser("check", help="lint drafts (the default command)")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files and folders; - reads standard input")
    check.add_argument("--select", action="append", metavar="CODES", help="rules or prefixes to run (replaces the config)")
    check.add_argument("--extend-select", action="append", default=[], metavar="CODES", help="rules to add")
    check.add_argument("--ignore", action="append", default=[], metavar="CODES", help="rules or prefixes to skip")
    check.add_argument("--format", default="text", metavar="NAME", help="text (default), json, sarif, github, junit, gitlab, html")
    check.add_argument("--reference-date", type=_date, metavar="YYYY-MM-DD", help="the publication date, over the draft's own")
    check.add_argument("--online", action="store_true", help="also run network checks (LIC006, LIC007)")
    check.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, apply unsafe fixes too")
    check.add_argument("--diff", action="store_true", help="print fixes as a unified diff; write nothing")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail the run")
    check.add_argument("--statistics", action="store_true", help="count findings per rule")
    check.add_argument("--config", type=Path, metavar="PATH", help="use this configuration file for every draft")
    check.add_argument("--no-cache", action="store_true", help="neither read nor write caches (results, parsed rule packs, online answers)")
    check.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N", help="processes (default: all cores)")
    check.add_argument("--stdin-filename", metavar="NAME", help="read standard input as a draft of this name")
    check.add_argument("--changed-since", metavar="REF", help="only findings on lines changed since this git ref")
    check.add_argument("--show-waived", action="store_true", help="also show findings a waiver hides (never failing)")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour the text output")
    check.add_argument("-v", "--verbose", action="store_true", help="show tracebacks of internal errors")


def _other_parsers(sub: Any) -> None:
    sub.add_parser("rules", help="list every rule").add_argument(
        "--format", choices=("text", "json", "markdown"), default="text",
        help="a table, JSON, or the full Markdown reference of every rule")
    one = sub.add_parser("rule", help="explain one rule")
    one.add_argument("code")

    waive = sub.add_parser("waive", help="sign off a finding in the waivers file (--all: every current finding)")
    waive.add_argument("targets", nargs="*", metavar="FILE:ROW[:COL] CODE | PATH",
                       help="the finding as `check` prints it and its code; with --all, files and folders")
    waive.add_argument("--all", action="store_true", help="waive every current finding: a baseline of an archive")
    waive.add_argument("--reason", metavar="TEXT", help="why the finding is fine (required)")
    waive.add_argument("--by", metavar="NAME", help="who signs off (default: git config user.name)")
    waive.add_argument("--expires", type=_date, metavar="YYYY-MM-DD", help="the last day the waiver holds")
    listing = sub.add_parser("waivers", help="list the waivers: who, when, why, expiry, whether each still matches")
    listing.add_argument("--prune", action="store_true", help="remove the waivers whose finding is gone")
    listing.add_argument("--format", choices=("text", "json"), default="text", help="a table or JSON")
    for command in (waive, listing):
        command.add_argument("--config", type=Path, metavar="PATH", help="use this configuration file for every draft")
        command.add_argument("--reference-date", type=_date, metavar="YYYY-MM-DD", help="as for `check`")
    waive.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N", help="processes for --all (default: all cores)")
    from factlint.surfaces.audit.command import add_parsers  # light: the audit's heavy imports wait for its run

    from factlint.surfaces.explain import add_parser as add_explain

    add_explain(sub, _Parser)
    sub.add_parser("lsp", help="run the language server on standard input and output (needs the 'lsp' extra)")
    add_parsers(sub, _date)


def _registry(cache: bool = True) -> "Registry":
    # imported here so that `--version` and `--help` stay instant
    from factlint.plugins import registry

    return registry(cache)


def cmd_rules(args: argparse.Namespace, out: TextIO) -> int:
    registry = _registry()
    rules = sorted(registry.rules.values(), key=lambda r: r.code)
    if args.format == "json":
        import json

        rows = [{"code": r.code, "name": r.name, "family": r.family, "severity": r.severity,
                 "fixable": r.fix, "online": r.online, "plugin": r.plugin, "summary": r.summary} for r in rules]
        out.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return 0
    if args.format == "markdown":
        rule_docs = _rule_docs(registry)
        out.write("# factlint rules\n\n" + "\n".join(_explain(r, r.documented_at(rule_docs), level="##") for r in rules))
        return 0
    rows = [(r.code, r.name, r.family, r.severity, r.fix or "-", r.plugin + (" (online)" if r.online else ""))
            for r in rules]
    header = ("CODE", "NAME", "FAMILY", "SEVERITY", "FIX", "PLUGIN")
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        out.write("  ".join(str(v).ljust(w) for v, w in zip(row, widths)).rstrip() + "\n")
    return 0


def cmd_rule(args: argparse.Namespace, out: TextIO) -> int:
    registry = _registry()
    code = args.code.upper()
    rule = registry.rules.get(code)
    if rule is None:
        raise UsageError(f"no rule {code}; `factlint rules` lists them")
    out.write(_explain(rule, rule.documented_at(_rule_docs(registry))))
    return 0


def _rule_docs(registry: "Registry") -> str | None:
    """The `rule-docs` address of the configuration found from here upwards, as `check` finds it."""
    from factlint import engine

    return engine.Session(registry, engine.Options()).config_for(Path.cwd() / "-").rule_docs


def _explain(rule: "Rule", url: str | None, level: str = "") -> str:
    """A rule's documentation, from its metadata alone."""
    fix = {"safe": "a safe fix (applied by --fix)", "unsafe": "an unsafe fix (applied by --fix --unsafe-fixes)"}
    lines = [
        f"{level} {rule.code} {rule.name}".lstrip(),
        "",
        rule.summary,
        "",
        f"Family: {rule.family}    Default severity: {rule.severity}    "
        f"Fix: {fix.get(rule.fix or '', 'none')}    Plugin: {rule.plugin}"
        + ("    Runs only with --online" if rule.online else ""),
        "",
        rule.explanation,
        "",
        "Reported:",
        *("    " + line for line in rule.example.splitlines()),
        "",
        "Not reported (near-miss):",
        *("    " + line for line in rule.near_miss.splitlines()),
    ]
    if rule.source:
        lines += ["", f"Source: {rule.source}"]
    if url:
        lines += [f"Documentation: {url}"]
    return "\n".join(lines) + "\n"


def cmd_check(args: argparse.Namespace, out: TextIO, stdin: TextIO | None) -> int:
    from factlint import engine, files
    from factlint.results import ReportContext

    if args.diff and args.fix:
        raise UsageError("--fix and --diff do not go together: --diff only shows what --fix would write")
    if args.config is not None and not args.config.is_file():
        raise UsageError(f"{args.config}: no such configuration file")
    registry = _registry() if not args.no_cache else _registry(cache=False)
    reporter = registry.reporters.get(args.format)
    if reporter is None:
        raise UsageError(f"unknown output format {args.format!r} (choose from {', '.join(sorted(registry.reporters))})")
    known = set(registry.rules)
    options = engine.Options(
        select=parse_codes(args.select, "--select", known) if args.select else None,
        extend_select=parse_codes(args.extend_select, "--extend-select", known),
        ignore=parse_codes(args.ignore, "--ignore", known),
        reference_date=args.reference_date,
        online=args.online,
        fix=args.fix,
        unsafe_fixes=args.unsafe_fixes,
        diff=args.diff,
        config=args.config,
        cache=not args.no_cache,
        keep_source=reporter.drafts,
    )
    session = engine.Session(registry, options)
    if options.cache and not options.online:  # online findings depend on the network: never cached
        from factlint.result_cache import ResultCache

        session.results = ResultCache()
    paths = list(args.paths)
    reads_stdin = "-" in paths or (args.stdin_filename is not None and not paths)
    if not paths and not reads_stdin:
        paths = ["."]
    paths = [p for p in paths if p != "-"]
    jobs = files.collect(paths, registry.extensions)
    # Asked by name (a draft's path as a string): a `Path` built for each draft in each of these passes was a
    # tenth of a warm rerun.
    jobs = files.Drafts([f for f in jobs.names if not session.config_for(f).excluded(session.config_for(f).relative(f))])
    stdin_name = args.stdin_filename or "-"
    stdin_path = Path(stdin_name)
    session.prepare(itertools.chain(jobs.names, [stdin_path] if reads_stdin else []))

    first = None
    if reads_stdin:
        stream = stdin or sys.stdin
        raw = stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode("utf-8")
        first = session.lint_bytes(raw, stdin_path, stdin_name, write=False, cached=False)
    processes = args.jobs or os.cpu_count() or 1
    outcomes: Iterable[engine.Outcome] = engine.iter_run(session, jobs, processes)
    if args.diff:
        # diffs in the order the files were given, stdin first, as they finish
        any_diff, errors = False, 0
        for outcome in _chain(first, outcomes):
            errors += _print_error(outcome, args.verbose)
            any_diff = any_diff or bool(outcome.diff)
            out.write(outcome.diff)
        return 2 if errors else 1 if any_diff and not args.exit_zero else 0
    changed = _changed_rows(args.changed_since, [*jobs] + ([(stdin_path, stdin_name)] if reads_stdin else [])) \
        if args.changed_since else None
    report = out
    if reads_stdin and args.fix:
        # As ruff does: the (fixed) draft goes to standard output, so an editor
        # can replace its buffer with it; the findings left go to standard error.
        out.write(first.fixed_source if first.fixed_source is not None else raw.decode("utf-8", "replace"))
        report = sys.stderr
    names = jobs.names + ([stdin_name] if reads_stdin else [])
    here = session.config_for(Path.cwd() / "-")  # the run folder's configuration: the report's defaults
    default_level = here.fail_level
    # Only the files whose configuration sets another fail level: one entry a draft would grow with the archive.
    fail_levels = {f: level for f in jobs.names if (level := session.config_for(f).fail_level) != default_level}
    if reads_stdin and first.fail_level != default_level:
        fail_levels[stdin_name] = first.fail_level
    context = ReportContext(
        rules=registry.rules,
        files=names if not reads_stdin else sorted(names),
        version=__version__,
        color=args.color == "always" or (args.color == "auto" and report.isatty() and "NO_COLOR" not in os.environ),
        statistics=args.statistics,
        fail_level=default_level,
        fail_levels=fail_levels,
        rule_docs=here.rule_docs,
    )
    writer = reporter.open(context, report)
    errors = fixed = waived = 0
    failed = False
    from factlint.reporting import fails

    show_waived = args.show_waived or reporter.waived

    # Files finish in job order (sorted names); stdin's outcome joins them where its name sorts.
    for outcome in heapq.merge([first] if first else [], outcomes, key=lambda o: o.filename):
        errors += _print_error(outcome, args.verbose)
        fixed += outcome.fixed
        results = outcome.results
        if changed is not None:
            rows = changed.get(outcome.filename, set())
            # A stale waiver stands at the top of its draft: any change to the draft may be what made it stale.
            results = [r for r in results if r.row in rows
                       or (r.code == "FL004" and r.span.start == r.span.end == 0 and rows)]
        waived += sum(1 for r in results if r.waiver is not None)
        if not show_waived:
            results = [r for r in results if r.waiver is None]
        failed = failed or any(fails(r, outcome.fail_level) and r.waiver is None for r in results)
        if outcome.source is not None:
            writer.draft(outcome.filename, outcome.source, outcome.fixed)
        writer.file(outcome.filename, results, outcome.fail_level)
    writer.finish(dataclasses.replace(context, fixed=fixed, errors=errors, waived=waived))
    if session.results is not None and session.results.misses:
        session.results.prune()  # a run that stored entries (here or in its workers) keeps the folder bounded
    if errors:
        return 2
    return 1 if failed and not args.exit_zero else 0


def _chain(first: "engine.Outcome | None", rest: Iterable["engine.Outcome"]) -> Iterator["engine.Outcome"]:
    if first is not None:
        yield first
    yield from rest


def _print_error(outcome: "engine.Outcome", verbose: bool) -> int:
    """Say on stderr that a file could not be checked; 1 if so."""
    if not outcome.error:
        return 0
    print(f"factlint: {outcome.error}", file=sys.stderr)
    if verbose:
        print(outcome.traceback, file=sys.stderr)
    return 1


def _changed_rows(ref: str, jobs: Sequence[tuple[Path, str]]) -> dict[str, set[int]]:
    """filename -> the rows changed since `ref` (what a pull request touched)."""
    from factlint import changes

    changed = changes.changed_lines(ref, [str(p) for p, _ in jobs])
    return {f: changed.get(str(p.resolve()), set()) for p, f in jobs}


def parse_codes(values: Sequence[str], option: str, known: set[str]) -> tuple[str, ...]:
    """Codes and prefixes of a selection option; a code no rule has is a typo worth stopping for."""
    codes = config_codes(values)
    for code in codes:
        if code and not any(k.startswith(code) for k in known):
            raise UsageError(f"{option}: unknown rule code or prefix {code!r}; `factlint rules` lists them")
    return codes


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, stdin: TextIO | None = None) -> int:
    """Run the command line; return the exit status (0 clean, 1 findings, 2 usage or internal error)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    out = out or sys.stdout
    if argv and argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version"):
        argv.insert(0, "check")
    if not argv:
        argv = ["check"]
    verbose = "-v" in argv or "--verbose" in argv
    try:
        try:
            args, extra = _parser("check" if argv[0] == "check" else None).parse_known_args(argv)
            if extra:  # argparse reports these from the top-level parser; the command given is the one to read
                raise UsageError(f"unrecognized arguments: {' '.join(extra)} (see `factlint {args.command} --help`)")
        except SystemExit as done:  # --help and --version print and stop: an exit status, not an exception
            return int(done.code or 0)
        if args.command == "rules":
            return cmd_rules(args, out)
        if args.command == "rule":
            return cmd_rule(args, out)
        if args.command in ("waive", "waivers"):
            from factlint.surfaces import waive

            handler = waive.cmd_waive if args.command == "waive" else waive.cmd_waivers
            return handler(args, _registry(), out)
        if args.command == "explain":
            from factlint.surfaces.explain import cmd_explain

            return cmd_explain(args, _registry(), out)
        if args.command == "lsp":
            from factlint.surfaces.lsp import extra

            extra.require()
            from factlint.surfaces.lsp.linter import Linter
            from factlint.surfaces.lsp.server import serve

            serve(Linter(_registry()))
            return 0
        if args.command == "audit":
            from factlint.surfaces.audit.command import run as cmd_audit

            return cmd_audit(args, out)
        if args.command == "audit-report":
            from factlint.surfaces.audit.command import run_report

            return run_report(args, out)
        return cmd_check(args, out, stdin)
    except UsageError as e:
        print(f"factlint: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("factlint: interrupted", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except Exception as e:  # no traceback reaches a user unless they ask
        if verbose:
            raise
        print(f"factlint: internal error: {type(e).__name__}: {e} (run with --verbose for the traceback)", file=sys.stderr)
        return 2


def main_entry() -> None:
    code = main()
    # The run's objects die with the process: frozen, the collections of
    # the interpreter's exit skip them (a tenth of a one-draft run went to
    # collecting what exit frees anyway).
    gc.freeze()
    sys.exit(code)
