"""`factlint explain`: why each direct quotation of a draft is attributed, or not (what QUO001 decided).

An editor who disagrees with QUO001, either way, sees the reason: the speech
verb and the source it is tied to, the layout that names the speaker, or that
nothing does. The decision is the text-analysis layer's
(`factlint.language.attribution`); this surface only prints it.
"""

from __future__ import annotations

import argparse
import json
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
    for path, filename in files.collect(list(args.paths), registry.extensions):
        try:
            raw = path.read_bytes()
        except OSError as e:
            raise UsageError(f"{filename}: cannot read file: {e.strerror or e}") from None
        problem, source, _ = engine.decode(raw)
        if problem is not None:
            raise UsageError(f"{filename}: {problem}")
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
    if args.format == "json":
        out.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return 0
    for r in rows:
        out.write(f"{r['filename']}:{r['location']['row']}:{r['location']['column']}: \"{r['quotation']}\" "
                  f"{r['explanation']}\n")
    attributed = sum(r["attributed"] for r in rows)
    out.write(f"{len(rows)} quotation{'' if len(rows) == 1 else 's'}: {attributed} attributed, "
              f"{len(rows) - attributed} not.\n")
    return 0
