"""The `audit` subcommand: its options, and the call into the driver."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO


def add_parsers(sub: Any, date: Any) -> None:
    """Register `audit` on the command line's subparsers."""
    audit = sub.add_parser("audit", help="audit a whole archive on Dask, findings as Parquet")
    audit.add_argument("source", metavar="SOURCE", help="a folder of drafts, a JSON Lines export (.jsonl, .jsonl.gz) "
                       "or a Parquet file or dataset")
    audit.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder for the findings and manifest")
    audit.add_argument("--resume", action="store_true", help="continue a stopped audit in DIR, skipping what is done")
    audit.add_argument("--workers", type=int, default=0, metavar="N",
                       help="local worker processes (default: all cores); ignored with --scheduler")
    audit.add_argument("--threads", action="store_true", help="local workers as threads of this process (slower; "
                       "for debugging)")
    audit.add_argument("--scheduler", metavar="ADDRESS", help="an existing Dask scheduler, such as tcp://host:8786")
    audit.add_argument("--connect-timeout", type=float, default=30.0, metavar="SECONDS", help=argparse.SUPPRESS)
    audit.add_argument("--field", action="append", metavar="FIELD=COLUMN",
                       help="the export's column for an article field (body, format, date, id, url, section, author)")
    audit.add_argument("--partition-size", type=int, default=0, metavar="N", help="articles per partition (500)")
    audit.add_argument("--select", action="append", metavar="CODES", help="rules or prefixes to run")
    audit.add_argument("--extend-select", action="append", default=[], metavar="CODES", help="rules to add")
    audit.add_argument("--ignore", action="append", default=[], metavar="CODES", help="rules or prefixes to skip")
    audit.add_argument("--reference-date", type=date, metavar="YYYY-MM-DD", help="one publication date for all")
    audit.add_argument("--config", type=Path, metavar="PATH", help="the configuration for the whole archive")
    audit.add_argument("--no-cache", action="store_true", help="do not read or write the parsed-pack cache")
    audit.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line")
    audit.add_argument("-v", "--verbose", action="store_true", help="show tracebacks of internal errors")
    report = sub.add_parser("audit-report", help="summarise an audit folder as one HTML page and/or CSV tables")
    report.add_argument("folder", metavar="DIR", type=Path, help="the --out folder of `factlint audit`")
    report.add_argument("--html", type=Path, metavar="FILE", help="write one self-contained HTML page with charts")
    report.add_argument("--csv", type=Path, metavar="FOLDER", help="write the tables as CSV files in FOLDER")
    report.add_argument("-v", "--verbose", action="store_true", help="show tracebacks of internal errors")


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Run `audit` as parsed."""
    from factlint.errors import UsageError

    from factlint import engine
    from factlint.surfaces.audit import driver
    from factlint.surfaces.cli import _registry, parse_codes

    if args.config is not None and not args.config.is_file():
        raise UsageError(f"{args.config}: no such configuration file")
    if args.workers < 0:
        raise UsageError("--workers must be at least 1")
    known = set(_registry().rules)
    options = engine.Options(
        select=parse_codes(args.select, "--select", known) if args.select else None,
        extend_select=parse_codes(args.extend_select, "--extend-select", known),
        ignore=parse_codes(args.ignore, "--ignore", known),
        reference_date=args.reference_date,
        config=args.config.resolve() if args.config else None,
        cache=not args.no_cache,
    )
    return driver.run(args, options)


def run_report(args: argparse.Namespace, out: TextIO) -> int:
    """Run `audit-report` as parsed: read DIR once, then write the page and/or the CSV tables."""
    from factlint.errors import UsageError
    from factlint.surfaces.audit.extra import require

    if args.html is None and args.csv is None:
        raise UsageError("audit-report: give --html FILE, --csv FOLDER or both")
    require("pyarrow", "matplotlib", command="audit-report")
    from factlint.surfaces.audit import report, report_csv, report_html
    from factlint.surfaces.audit.manifest import write_atomic

    summary = report.summarise(args.folder)
    if args.csv is not None:
        report_csv.write(summary, args.csv)
    if args.html is not None:
        try:
            write_atomic(args.html, report_html.render(summary).encode("utf-8"))
        except OSError as e:
            raise UsageError(f"--html {args.html}: cannot write ({e.strerror or e})") from None
    return 0
