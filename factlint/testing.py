"""Test helpers for rule authors, built-in or plugin: valid and invalid cases with exact places and fixes.

A rule that walks `document.copy` reads every block but the headline. Test
that it does with a case whose first line is copy, not a headline, since
only a blank line after it makes a plain-text first line the headline:

    assert_rule("EXC001", invalid=[Case("Prices rose again!\nTraders were calm.\n", row=1, column=18)],
                format="text")
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from factlint import compiled
from factlint.config import Config, check_mapping
from factlint.engine import Options, Session
from factlint.fixes import fixed_text
from factlint.packs import Packs
from factlint.plugins import Registry, collect, plugin_manager
from factlint.results import Result
from factlint.rules import SAFE, Edit, Fix

EXTENSIONS = {"markdown": "md", "text": "txt", "html": "html"}


@compiled.dataclass(frozen=True)
class Case:
    """A draft that must be reported: where, with what message, and what --fix makes of it.

    Fields left None are not checked. `fixed` is the text after applying every
    fix of the rule (safe and unsafe) until none is left.
    """

    text: str
    row: int | None = None
    column: int | None = None
    end_row: int | None = None
    end_column: int | None = None
    message: str | None = None
    fixed: str | None = None
    code: str | None = None
    count: int = 1
    format: str | None = None
    reference_date: str | dt.date | None = None
    settings: Mapping[str, Any] | None = None


@functools.lru_cache(maxsize=None)
def registry(entry_points: bool = True) -> Registry:
    """Every registered rule, format and reporter (cached across tests)."""
    return collect(plugin_manager(entry_points=entry_points))


def _date(value: str | dt.date | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _session(select: Sequence[str] | None, reference_date: str | dt.date | None,
             settings: Mapping[str, Any] | None, online: bool) -> tuple[Session, Config]:
    reg = registry()
    options = Options(select=tuple(select) if select else None, reference_date=_date(reference_date), online=online)
    config = Config(sections=dict(settings or {}))
    if settings:
        check_mapping(settings, {"?" + k: v for k, v in reg.settings.items()}, "settings")
    config = config.with_cli(options.select, (), ())
    session = Session(reg, options)
    session.use_packs(config, _shipped_packs())
    return session, config


@functools.lru_cache(maxsize=None)
def _shipped_packs() -> Packs:
    """The shipped and plugin packs, loaded once for every test (they never change in a run)."""
    return Session(registry(), Options()).packs_for(Config())


def lint(text: str, format: str = "markdown", select: Sequence[str] | None = None,
         reference_date: str | dt.date | None = None, settings: Mapping[str, Any] | None = None,
         filename: str | None = None, online: bool = False) -> list[Result]:
    """Lint a draft given as a string, as `factlint check` would, and return its sorted results."""
    session, config = _session(select, reference_date, settings, online)
    name = filename or f"draft.{EXTENSIONS.get(format, format)}"
    return session.lint_text(text, Path(name), name, config)


def document_and_context(text: str, format: str = "markdown", reference_date: str | dt.date | None = None,
                         settings: Mapping[str, Any] | None = None) -> tuple[Any, Any]:
    """The Document and rule Context a check would get for `text`, to test an analysis a rule reads."""
    from factlint.rules import Context

    session, config = _session(None, reference_date, settings, False)
    name = f"draft.{EXTENSIONS.get(format, format)}"
    document = session.read_document(text, Path(name), name, config)
    return document, Context(config.sections, session.packs_for(config))


def fix(text: str, format: str = "markdown", select: Sequence[str] | None = None,
        reference_date: str | dt.date | None = None, settings: Mapping[str, Any] | None = None,
        unsafe: bool = True, passes: int = 8) -> str:
    """The text after applying the selected rules' fixes until none is left."""
    for _ in range(passes):
        results = lint(text, format, select, reference_date, settings)
        fixes = [
            Fix(r.fix.applicability, r.fix.message, tuple(Edit(e.span, e.content) for e in r.fix.edits))
            for r in results
            if r.fix is not None and (unsafe or r.fix.applicability == SAFE)
        ]
        new, applied = fixed_text(text, fixes)
        if not applied or new == text:
            return text
        text = new
    return text


def _describe(results: Iterable[Result]) -> str:
    return "\n".join(f"  {r.row}:{r.column}-{r.end_row}:{r.end_column} {r.code} {r.message}" for r in results) or "  (none)"


def assert_rule(code: str, valid: Sequence[str] = (), invalid: Sequence[Case] = (), format: str = "markdown",
                reference_date: str | dt.date | None = None, settings: Mapping[str, Any] | None = None,
                online: bool = False) -> None:
    """Assert that `code` reports nothing on each valid draft and exactly what each Case says.

    `online=True` runs the rule as `--online` does (for LIC006, LIC007 and plugins' network rules).
    """
    assert code in registry().rules, f"no rule {code} is registered"
    for text in valid:
        found = [r for r in lint(text, format, [code], reference_date, settings, online=online) if r.code == code]
        assert not found, f"{code} reported on a valid draft:\n{text}\n{_describe(found)}"
    for case in invalid:
        fmt = case.format or format
        date = case.reference_date if case.reference_date is not None else reference_date
        conf = case.settings if case.settings is not None else settings
        want = case.code or code
        found = [r for r in lint(case.text, fmt, [want], date, conf, online=online) if r.code == want]
        assert len(found) == case.count, (
            f"{want}: expected {case.count} finding(s), got {len(found)} on:\n{case.text}\n{_describe(found)}"
        )
        first = found[0] if found else None
        if first is not None:
            for attr in ("row", "column", "end_row", "end_column", "message"):
                expected = getattr(case, attr)
                assert expected is None or getattr(first, attr) == expected, (
                    f"{want}: {attr} is {getattr(first, attr)!r}, expected {expected!r} on:\n{case.text}\n{_describe(found)}"
                )
        if case.fixed is not None:
            got = fix(case.text, fmt, [want], date, conf)
            assert got == case.fixed, f"{want}: fixed text is\n{got!r}\nexpected\n{case.fixed!r}"
