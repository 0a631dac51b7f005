"""`factlint explain`: why each direct quotation of a draft is attributed, or not (what QUO001 decided).

An editor who disagrees with QUO001, either way, sees the reason: the speech
verb and the source it is tied to, the layout that names the speaker, or that
nothing does. The decision is the text-analysis layer's
(`factlint.language.attribution`); this surface only prints it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from factlint.errors import UsageError

if TYPE_CHECKING:
    from factlint.plugins import Registry


def add_parser(sub: Any, parser_class: type) -> None:
    explain = sub.add_parser("explain", help="why each direct quotation is attributed or not (QUO001's reasons)")
    explain.add_argument("paths", nargs="+", metavar="PATH", help="files and folders")
    explain.add_argument("--format", choices=("text", "json"), default="text", help="one line per quotation, or JSON")
    explain.add_argument("--unattributed", action="store_true", help="only the quotations QUO001 reports")
    explain.add_argument("--config", type=Path, metavar="PATH", help="use this configuration file for every draft")


def cmd_explain(args: argparse.Namespace, registry: "Registry", out: TextIO) -> int:
    from factlint import engine, files
    from factlint.checks.quotes import explained
    from factlint.rules import Context

    if args.config is not None and not args.config.is_file():
        raise UsageError(f"{args.config}: no such configuration file")
    session = engine.Session(registry, engine.Options(config=args.config))
    rows: list[dict[str, Any]] = []
    skipped: list[str] = []
    for path, filename in files.collect(list(args.paths), registry.extensions):
        try:
            problem, source, _ = engine.decode(path.read_bytes())
        except OSError as e:
            problem, source = f"cannot read file: {e.strerror or e}", ""
        if problem is not None:
            # One bad draft in a folder does not hide the others' quotations: say it, go on, and fail at the end.
            sys.stderr.write(f"factlint: error: {filename}: {problem}\n")
            skipped.append(filename)
            continue
        config = session.config_for(path)
        document = session.read_document(source, path, filename, config)
        context = Context(config.sections, session.packs_for(config))
        for span, excerpt, speaker in explained(document, context):
            if args.unattributed and speaker.attributed:
                continue
            row, column = document.position(span.start)
            rows.append({"filename": filename, "location": {"row": row, "column": column}, "quotation": excerpt,
                         "attributed": speaker.attributed, "speaker": speaker.source, "reason": speaker.reason,
                         "evidence": speaker.evidence or None, "explanation": speaker.explain()})
    status = 2 if skipped else 0
    if args.format == "json":
        out.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return status
    for r in rows:
        out.write(f"{r['filename']}:{r['location']['row']}:{r['location']['column']}: \"{r['quotation']}\" "
                  f"{r['explanation']}\n")
    attributed = sum(r["attributed"] for r in rows)
    out.write(f"{len(rows)} quotation{'' if len(rows) == 1 else 's'}: {attributed} attributed, "
              f"{len(rows) - attributed} not.\n")
    if skipped:
        out.write(f"{len(skipped)} file{'' if len(skipped) == 1 else 's'} skipped: {', '.join(skipped)}\n")
    return status
