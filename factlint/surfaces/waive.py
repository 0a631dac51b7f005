"""`factlint waive` and `factlint waivers`: sign off findings by name, list the sign-offs, prune the stale ones."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence, TextIO

from factlint import compiled, waivers
from factlint.errors import UsageError

if TYPE_CHECKING:
    from factlint.engine import Session
    from factlint.plugins import Registry
    from factlint.results import Result


def git_user(folder: Path) -> str | None:
    """`git config user.name` as seen from `folder`, or None when git or the name is missing."""
    try:
        done = subprocess.run(["git", "config", "user.name"], cwd=folder, capture_output=True, text=True,
                              timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    name = done.stdout.strip()
    return name if done.returncode == 0 and name else None


def _signer(args: argparse.Namespace, folder: Path) -> tuple[str, str]:
    reason = (args.reason or "").strip()
    if not reason:
        raise UsageError("--reason TEXT is required: say why the finding is fine")
    by = (args.by or "").strip() or git_user(folder)
    if not by:
        raise UsageError("--by NAME is required (there is no git user.name to sign with)")
    return reason, by


def _session(registry: "Registry", args: argparse.Namespace) -> "Session":
    from factlint import engine

    if args.config is not None and not args.config.is_file():
        raise UsageError(f"{args.config}: no such configuration file")
    return engine.Session(registry, engine.Options(config=args.config, reference_date=args.reference_date))


def parse_target(target: str) -> tuple[Path, int, int | None]:
    """FILE:ROW[:COL], read from the right so a file name may hold colons."""
    parts = target.rsplit(":", 2)
    if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
        return Path(parts[0]), int(parts[1]), int(parts[2])
    parts = target.rsplit(":", 1)
    if len(parts) == 2 and parts[0] and parts[1].isdigit():
        return Path(parts[0]), int(parts[1]), None
    raise UsageError(f"{target!r} is not FILE:ROW or FILE:ROW:COL (as `factlint check` prints a finding)")


def _ensure_union_merge(path: Path, out: TextIO) -> None:
    """Let git merge two branches' waivers line by line: every entry is one line, so their union is the merge."""
    try:
        done = subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=path.parent,
                              capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return
    if done.stdout.strip() != "true":
        return
    attributes = path.parent / ".gitattributes"
    text = attributes.read_text(encoding="utf-8") if attributes.is_file() else ""
    if path.name in text:
        return
    line = f"/{path.name} merge=union\n"
    attributes.write_text(text + ("" if not text or text.endswith("\n") else "\n") + line, encoding="utf-8")
    out.write(f"Added `{line.strip()}` to {attributes}: two branches' waivers merge without a conflict.\n")


def _write(path: Path, new: Sequence[waivers.Waiver], replace_existing: bool, out: TextIO) -> tuple[int, int]:
    created = not path.exists()
    counts = waivers.add(path, new, replace_existing)
    if created:
        _ensure_union_merge(path, out)
    return counts


def cmd_waive(args: argparse.Namespace, registry: "Registry", out: TextIO) -> int:
    if args.all:
        return _waive_all(args, registry, out)
    if len(args.targets) != 2:
        raise UsageError("waive takes FILE:ROW[:COL] CODE (or --all [PATH ...] for a baseline)")
    file, row, column = parse_target(args.targets[0])
    code = args.targets[1].upper()
    if code not in registry.rules:
        raise UsageError(f"no rule {code}; `factlint rules` lists them")
    if not file.is_file():
        raise UsageError(f"{file}: no such file")
    session = _session(registry, args)
    config = session.config_for(file)
    book = session.waivers_for(config)
    reason, by = _signer(args, book.root)
    outcome = session.lint_path(file, str(file))
    if outcome.error:
        raise UsageError(outcome.error)
    here = [r for r in outcome.results if r.code == code and r.row == row and column in (None, r.column)]
    if not here:
        raise UsageError(f"no {code} finding at {args.targets[0]}; `factlint check {file}` lists the findings")
    if len(here) > 1:
        columns = ", ".join(str(r.column) for r in here)
        raise UsageError(f"{len(here)} {code} findings on row {row} (columns {columns}): give FILE:ROW:COL")
    waiver = waivers.waiver_for(here[0], book.relative(file), reason, by, dt.date.today(), args.expires)
    added, _ = _write(book.path, [waiver], True, out)
    verb = "Waived" if added else "Updated the waiver of"
    until = f", until {args.expires.isoformat()}" if args.expires else ""
    out.write(f"{verb} {code} at {file}:{here[0].row}:{here[0].column} (by {by}{until}: {reason}) "
              f"in {_shown(book.path)}.\n")
    return 0


def _waive_all(args: argparse.Namespace, registry: "Registry", out: TextIO) -> int:
    from factlint import engine, files

    session = _session(registry, args)
    jobs = files.collect(list(args.targets) or ["."], registry.extensions)
    jobs = [(p, f) for p, f in jobs if not session.config_for(p).excluded(session.config_for(p).relative(p))]
    session.prepare([p for p, _ in jobs])
    today = dt.date.today()
    by_book: dict[Path, list[waivers.Waiver]] = {}
    signers: dict[Path, tuple[str, str]] = {}
    processes = args.jobs or os.cpu_count() or 1
    for (path, filename), outcome in zip(jobs, engine.run(session, jobs, processes)):
        if outcome.error:  # a rule's bug: that file gets no baseline, the others do
            print(f"factlint: {outcome.error}", file=sys.stderr)
            continue
        book = session.waivers_for(session.config_for(path))
        if book.path not in signers:
            signers[book.path] = _signer(args, book.root)
        reason, by = signers[book.path]
        by_book.setdefault(book.path, []).extend(
            waivers.waiver_for(r, book.relative(path), reason, by, today, args.expires)
            for r in outcome.results if r.fingerprint and r.code != "FL004"
        )
    if not signers:  # nothing to lint: still say who would have signed, or why not
        _signer(args, Path.cwd())
    total = 0
    for path, entries in sorted(by_book.items()):
        added, _ = _write(path, entries, False, out)
        total += added
        kept = len(entries) - added
        out.write(f"Waived {_count(added, 'finding')} in {_shown(path)}"
                  + (f" ({kept} already waived)" if kept else "") + ".\n")
    out.write(f"Baseline of {_count(len(jobs), 'file')}: {_count(total, 'new waiver')}.\n")
    return 0


@compiled.dataclass(frozen=True)
class Status:
    """What became of one waiver: active, expired, stale, or not checked (its rule does not run there)."""

    waiver: waivers.Waiver
    state: str
    result: "Result | None" = None

    def as_json(self) -> dict[str, Any]:
        w = self.waiver
        location = {"row": self.result.row, "column": self.result.column} if self.result is not None else None
        return {"file": w.file, "code": w.code, "text": w.text, "reason": w.reason, "by": w.by,
                "date": w.date.isoformat(), "expires": w.expires.isoformat() if w.expires else None,
                "status": self.state, "location": location, "line": w.line}


def statuses(session: "Session", book: waivers.Waivers, today: dt.date) -> list[Status]:
    """Each waiver of `book`, judged against a fresh lint of its file."""
    out = []
    by_file: dict[str, list[waivers.Waiver]] = {}
    for waiver in book.entries:
        by_file.setdefault(waiver.file, []).append(waiver)
    for name, entries in sorted(by_file.items()):
        path = book.root / name
        if not path.is_file():
            out.extend(Status(w, "stale (file gone)") for w in entries)
            continue
        outcome = session.lint_path(path, str(path))
        if outcome.error:
            raise UsageError(outcome.error)
        config = session.config_for(path)
        enabled = {r.code for r in session.enabled_rules(config, config.relative(path))}
        for waiver, result in waivers.match(entries, outcome.results).items():
            if waiver.code not in enabled:
                out.append(Status(waiver, "not checked (rule not selected)"))
            elif result is None:
                out.append(Status(waiver, "stale"))
            else:
                state = "expired" if waiver.expired(today) else "active"
                if waivers.by_legacy(waiver, result):
                    state += f" (fingerprint of {waivers.LEGACY})"
                out.append(Status(waiver, state, result))
    return out


def cmd_waivers(args: argparse.Namespace, registry: "Registry", out: TextIO) -> int:
    session = _session(registry, args)
    config = session.config_for(Path.cwd() / "-")
    book = session.waivers_for(config)
    found = statuses(session, book, dt.date.today())
    if args.prune:
        gone = [s for s in found if s.state.startswith("stale")]
        old = [s for s in found if waivers.by_legacy(s.waiver, s.result)]
        removed = waivers.remove(book.path, [s.waiver for s in gone]) if gone else 0
        if old:  # the finding is the same one: its waiver takes this release's fingerprint
            waivers.update(book.path, {s.waiver: waivers.refreshed(s.waiver, s.result) for s in old})
        for status in gone:
            out.write(f"removed  {_row(status)}\n")
        for status in old:
            out.write(f"updated  {_row(status)}\n")
        updated = f", updated {_count(len(old), 'waiver')} to this release's fingerprint" if old else ""
        out.write(f"Removed {_count(removed, 'stale waiver')} from {_shown(book.path)}{updated}; "
                  f"{len(found) - removed} left.\n")
        return 0
    if args.format == "json":
        out.write(json.dumps([s.as_json() for s in found], indent=2, ensure_ascii=False) + "\n")
        return 0
    if not found:
        out.write(f"No waivers in {_shown(book.path)}.\n")
        return 0
    header = ("PLACE", "CODE", "STATUS", "BY", "DATE", "EXPIRES", "REASON")
    rows = [_cells(s) for s in found]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    for row in [header, *rows]:
        out.write("  ".join([*(v.ljust(w) for v, w in zip(row, widths)), row[-1]]).rstrip() + "\n")
    counts: dict[str, int] = {}
    for status in found:
        counts[status.state.split(" (")[0]] = counts.get(status.state.split(" (")[0], 0) + 1
    parts = ", ".join(f"{n} {state}" for state, n in sorted(counts.items()))
    hints = (["removes the stale ones"] if counts.get("stale") else []) + \
        ([f"updates those with a fingerprint of {waivers.LEGACY}"] if any(waivers.by_legacy(s.waiver, s.result)
                                                                          for s in found) else [])
    hint = f" (`factlint waivers --prune` {' and '.join(hints)})" if hints else ""
    out.write(f"{_count(len(found), 'waiver')} in {_shown(book.path)}: {parts}{hint}.\n")
    return 0


def _cells(status: Status) -> tuple[str, ...]:
    w = status.waiver
    place = w.file if status.result is None else f"{w.file}:{status.result.row}:{status.result.column}"
    return (place, w.code, status.state, w.by, w.date.isoformat(), w.expires.isoformat() if w.expires else "-",
            w.reason)


def _row(status: Status) -> str:
    return "  ".join(_cells(status))


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)
