"""Runs the selected rules over drafts, then suppression, selection, severity and sorting, once."""

from __future__ import annotations

import datetime as dt
import gc
import os
import stat
from dataclasses import field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

from factlint import compiled, config as config_mod
from factlint import lazy, waivers
from factlint.errors import UsageError
from factlint.limits import DEFAULT as DEFAULT_LIMITS
from factlint.packs import Packs, builtin_pack_files
from factlint.plugins import Registry
from factlint.results import Position, ReportedEdit, ReportedFix, Result
from factlint.rules import SAFE, Context, Edit, Finding, Fix, Rule
from factlint.spans import Span

if TYPE_CHECKING:
    from factlint import document as document_mod
    from factlint import suppression
    from factlint.document import Document
else:  # imported when a draft is first read or its rules run: a run the result cache answers does neither
    document_mod = lazy.module("factlint.document", __name__, "document_mod")
    suppression = lazy.module("factlint.suppression", __name__, "suppression")

#: Drafts larger than this are not news copy; FL001 says so (a `limits` section may change it).
MAX_BYTES = DEFAULT_LIMITS.max_bytes


@compiled.dataclass(frozen=True)
class Options:
    """What the command line decided for this run."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    reference_date: dt.date | None = None
    online: bool = False
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    config: Path | None = None
    cache: bool = True
    today: dt.date | None = None  # the day waivers expire against (None: the calendar's today)
    keep_source: bool = False  # keep each draft's text in its Outcome (for reporters that show the draft)


@compiled.dataclass
class Outcome:
    """What linting one file produced."""

    filename: str
    results: list[Result] = field(default_factory=list)
    fail_level: str = "warning"
    fixed: int = 0
    diff: str = ""
    error: str | None = None
    traceback: str = ""
    fixed_source: str | None = None  # the text after --fix, when it changed
    source: str | None = None  # with Options.keep_source: the text the results' spans point into


#: How many drafts the session's per-draft answers (configuration, relative path) are kept for. Unbounded they
#: grew by about 500 bytes a draft: 10 MiB more at 20,000 drafts than at 2,000. Cleared when full, as the asks
#: about one draft come close together, and a miss costs a few microseconds (the resolved paths stay cached).
_PER_DRAFT_MEMO = 4096

#: How many new container objects the cycle collector lets pile up before it runs, where Python's default is
#: 700. A draft's words, mentions and matches come and go in bursts that reference counting frees: at 700 the
#: collector ran 680 times over the 2,000 benchmark drafts (five of them full passes over the loaded packs) for
#: 2.6% of the CPU time and found next to nothing; at this bound it ran 3 times, and peak memory stayed the same.
_YOUNG_OBJECTS = 10_000


def _collect_less() -> None:
    """Raise the cycle collector's first threshold to `_YOUNG_OBJECTS`, unless the process set its own."""
    young, *older = gc.get_threshold()
    if 0 < young < _YOUNG_OBJECTS:  # 0: collection is off; a higher bound is the embedding program's choice
        gc.set_threshold(_YOUNG_OBJECTS, *older)


class Session:
    """Registry, options and per-folder configuration for one run (inherited by worker processes)."""

    def __init__(self, registry: Registry, options: Options) -> None:
        _collect_less()  # once per process in effect: worker processes inherit it with the session
        self.registry = registry
        self.options = options
        self._configs: dict[Path | None, config_mod.Config] = {}
        self._discovered: dict[str, Path | None] = {}  # by the folder resolved, as a string
        self._packs: dict[Path | None, Packs] = {}
        self._waivers: dict[Path, waivers.Waivers] = {}
        self._waivers_of: dict[int, tuple[config_mod.Config, waivers.Waivers]] = {}  # by configuration identity
        self._client = None
        self._pinned: config_mod.Config | None = None
        self._config_of: dict[str, config_mod.Config] = {}  # by the path as a string: a Path costs 6 times more
        #: The result cache (factlint.result_cache.ResultCache) when the surface asks for one; None: every file is linted.
        self.results: Any = None
        self._engine_key: str | None = None
        self._config_keys: dict[Path | None, str] = {}
        #: Per path as a string: the configuration asked with and the path relative to its folder (resolving
        #: the path was a tenth of a millisecond a draft).
        self._relatives: dict[str, tuple[config_mod.Config, str]] = {}
        #: What `holds` found for a file (its size and time, the result key), so that linting it next reads the
        #: entry without reading, decoding and hashing the draft a second time. Dropped when it is used.
        self._held: dict[str, tuple[int, int, str]] = {}
        #: Per configuration without per-file ignores (by identity, the configuration kept so its id stays its
        #: own): the registry's rules it was read from and the rules that run.
        self._enabled: dict[int, tuple[config_mod.Config, Any, list[Rule]]] = {}
        #: Per configuration (by identity, as above): each (code, severity asked) and its rule, name, severity, url.
        self._labels: dict[int, tuple[config_mod.Config, dict[tuple[str, str | None], tuple[Any, ...]]]] = {}

    # -- configuration -------------------------------------------------
    def pin(self, config: config_mod.Config) -> None:
        """Use `config` for every file wherever it lies: an archive audit's workers hold no configuration files."""
        self._pinned = config

    def config_for(self, path: Path | str) -> config_mod.Config:
        if self._pinned is not None:
            return self._pinned
        key = os.fspath(path)
        known = self._config_of.get(key)
        if known is not None:  # asked several times a file: resolving the path each time was a warm run's cost
            return known
        if len(self._config_of) >= _PER_DRAFT_MEMO:
            self._config_of.clear()  # a draft is asked about close together: a bound keeps an archive run flat
        config = self._config_of[key] = self._discover(path)
        return config

    def _discover(self, path: Path) -> config_mod.Config:
        folder = os.path.dirname(config_mod.resolved_name(os.path.join(os.getcwd(), path)))  # resolved once a run
        found = self._discovered.get(folder, False)
        if found is False:  # once per folder and run: a later run sees new files
            found = self._discovered[folder] = self.options.config or config_mod.discover(Path(folder))
        if found not in self._configs:
            base = config_mod.load(found, self.registry.settings, self.registry.rules) if found else config_mod.Config()
            self._configs[found] = base.with_cli(self.options.select, self.options.extend_select, self.options.ignore)
        return self._configs[found]

    def packs_for(self, config: config_mod.Config) -> Packs:
        if config.path not in self._packs:
            files = builtin_pack_files() + [Path(p) for p in self.registry.pack_files]
            self._packs[config.path] = Packs.load(files, self.registry.schemas, config.rule_packs, self.options.cache)
        return self._packs[config.path]

    def use_packs(self, config: config_mod.Config, packs: Packs) -> None:
        """Use already loaded packs for files under `config` (the test helper shares one load)."""
        self._packs[config.path] = packs

    def prepare(self, paths: Iterable[Path | str]) -> None:
        """Load every configuration and pack up front, so errors are exit 2 before any work."""
        for path in paths:
            self.packs_for(self.config_for(path))
            self.waivers_for(self.config_for(path))

    def waivers_for(self, config: config_mod.Config) -> waivers.Waivers:
        """The waivers file of drafts under `config`, read once per run."""
        known = self._waivers_of.get(id(config))
        if known is not None and known[0] is config:  # asked for every draft: a Path joined and hashed each time
            return known[1]
        path = config.waivers_path
        if path not in self._waivers:
            self._waivers[path] = waivers.load(path)
        self._waivers_of[id(config)] = (config, self._waivers[path])
        return self._waivers[path]

    # -- linting ---------------------------------------------------------
    def lint_path(self, path: Path, filename: str) -> Outcome:
        try:
            status = path.stat()
            if stat.S_ISDIR(status.st_mode):
                from factlint.files import folder_problem

                return self._unreadable(path, filename, folder_problem(path))
            if not stat.S_ISREG(status.st_mode):
                return self._unreadable(path, filename, "not a regular file (a pipe, device or folder); not a draft")
            limit = self.config_for(path).limits.max_bytes
            if status.st_size > limit:
                return self._unreadable(path, filename, f"file is larger than {_size(limit)}; not a draft")
            held = self._held.pop(filename, None)
            if held is not None and held[:2] == (status.st_size, status.st_mtime_ns):
                outcome = self._held_outcome(path, filename, held[2])
                if outcome is not None:
                    return outcome
            raw = path.read_bytes()
        except OSError as e:
            return self._unreadable(path, filename, f"cannot read file: {e.strerror or e}")
        return self.lint_bytes(raw, path, filename)

    def _held_outcome(self, path: Path, filename: str, key: str) -> Outcome | None:
        """The outcome of a file `holds` just found in the result cache, read back by its key; None to lint it.

        Only a plain check: fixing, a diff or keeping the text need the draft itself.
        """
        if self.results is None or self.options.fix or self.options.diff or self.options.keep_source:
            return None
        config = self.config_for(path)
        results = self.results.load(key, filename)
        if results is None:
            return None

        def placed() -> Document:  # a stale waiver's FL004 needs the text: read only then
            return self._text_document(filename, decode(path.read_bytes())[1])

        outcome = Outcome(filename, fail_level=config.fail_level)
        try:
            outcome.results = self._waived(results, placed, self.enabled_rules(config, self._relative(config, path)),
                                           config, path)
        except UsageError:
            raise
        except Exception:  # the draft went away, or anything else: linting it the usual way says what
            return None
        return outcome

    def lint_bytes(self, raw: bytes, path: Path, filename: str, write: bool = True, cached: bool = True) -> Outcome:
        """Lint a draft's bytes; `cached` False keeps them out of the result cache (standard input)."""
        problem, source, bom = decode(raw)
        if problem is not None:
            return self._unreadable(path, filename, problem)
        config = self.config_for(path)
        outcome = Outcome(filename, fail_level=config.fail_level)
        try:
            results = self.lint_text(source, path, filename, config, cached)
            if self.options.fix or self.options.diff:
                unfixed = results
                results, outcome.fixed, fixed_source = self._fix(source, results, path, filename, config)
                if fixed_source != source:
                    from factlint import fixes

                    if self.options.diff:
                        outcome.diff = fixes.unified_diff(filename, source, fixed_source)
                    elif write:
                        try:
                            fixes.write_fixed(path, fixed_source, bom)
                        except fixes.NotWritten as e:  # the file is as it was: so are its findings
                            results = self._not_written(unfixed, source, path, filename, config, outcome.fixed, str(e))
                            outcome.fixed, fixed_source = 0, source
                outcome.fixed_source = fixed_source
                source = fixed_source
            if self.options.keep_source:
                outcome.source = source
        except UsageError:
            raise
        except Exception as e:  # a rule's bug must not lose the run, nor reach the user as a traceback
            import traceback

            outcome.error = f"{filename}: internal error: {type(e).__name__}: {e}"
            outcome.traceback = traceback.format_exc()
            return outcome
        outcome.results = results
        return outcome

    def _fix(self, source: str, results: list[Result], path: Path, filename: str,
             config: config_mod.Config) -> tuple[list[Result], int, str]:
        from factlint import fixes

        total = 0
        for _ in range(config.limits.fix_passes):
            chosen = [r.fix for r in results if r.fix and r.waiver is None
                      and (r.fix.applicability == SAFE or self.options.unsafe_fixes)]
            if not chosen:
                break
            plain = [Fix(f.applicability, f.message, tuple(Edit(e.span, e.content) for e in f.edits)) for f in chosen]
            new_source, applied = fixes.fixed_text(source, plain)
            if not applied or new_source == source:
                break
            total += applied
            source = new_source
            results = self.lint_text(source, path, filename, config)
        return results, total, source

    def _not_written(self, results: list[Result], source: str, path: Path, filename: str,
                     config: config_mod.Config, fixes: int, why: str) -> list[Result]:
        """The findings of the file as it still is, and FL005 at its top saying why its fixes were not written."""
        if not config.is_selected("FL005", config.relative(path)):
            return results
        document = self.read_document(source, path, filename, config)
        message = f"--fix did not write {fixes} fix{'' if fixes == 1 else 'es'} to this file: {why}"
        finding = Finding("FL005", message, Span(0, 0))
        return sorted([*results, self.result(document, finding, config)], key=Result.sort_key)

    def lint_problem(self, path: Path, filename: str, message: str) -> Outcome:
        """What an input that is no draft at all (a broken export line) gets: an FL001 finding naming `message`."""
        return self._unreadable(path, filename, message)

    def _unreadable(self, path: Path, filename: str, message: str) -> Outcome:
        """A file that is no draft: only the FL rules judge it (FL001 reports the problem)."""
        document = document_mod.Document(path=filename, source="", format="unreadable",
                                         problems=(document_mod.ProblemReport("FL001", message, Span(0, 0)),))
        config = self.config_for(path)
        rules = [r for r in self.enabled_rules(config, config.relative(path)) if r.family == "FL"]
        return Outcome(filename, self._judge(document, rules, config, path), config.fail_level,
                       source="" if self.options.keep_source else None)

    def read_document(self, source: str, path: Path, filename: str, config: config_mod.Config) -> Document:
        fmt = self.registry.format_for(filename) or self.registry.formats["text"]
        image_keys = tuple(config.sections.get("licensing", {}).get("image-keys", ("image", "images")))
        options = document_mod.ReadOptions(config.reference_date_key, image_keys, config.limits)
        document = fmt.read(filename, source, options)
        if self.options.reference_date is not None:
            document = replace(document, reference_date=self.options.reference_date)
        return document

    def enabled_rules(self, config: config_mod.Config, relative: str) -> list[Rule]:
        """The rules that run on a file: selected for it, and online ones only with --online."""
        ignored = config.ignored_for(relative) if config.per_file_ignores else []
        if ignored:  # the file's own ignores once, not once a rule
            return self._selected(replace(config, ignore=config.ignore + tuple(ignored), per_file_ignores=()))
        known = self._enabled.get(id(config))
        if known is None or known[0] is not config or known[1] is not self.registry.rules:
            known = self._enabled[id(config)] = (config, self.registry.rules, self._selected(config))
        return list(known[2])

    def _selected(self, config: config_mod.Config) -> list[Rule]:
        return [
            rule for code, rule in sorted(self.registry.rules.items())
            if config.is_selected(code) and (self.options.online or not rule.online)
        ]

    def _relative(self, config: config_mod.Config, path: Path) -> str:
        """`config.relative(path)`, worked out once a run for each path and configuration."""
        key = os.fspath(path)
        known = self._relatives.get(key)
        if known is None or known[0] is not config:
            if len(self._relatives) >= _PER_DRAFT_MEMO:
                self._relatives.clear()
            known = self._relatives[key] = (config, config.relative(path))
        return known[1]

    def lint_text(self, source: str, path: Path, filename: str, config: config_mod.Config,
                  cached: bool = True) -> list[Result]:
        """The file's results: from the result cache when it holds them (and `cached`), else by running the rules."""
        relative = self._relative(config, path)
        rules = self.enabled_rules(config, relative)
        store = self.results if cached else None
        key = self._result_key(source, filename, relative, config) if store is not None else ""
        results = store.load(key, filename) if store is not None else None
        document = None
        if results is None:
            document = self.read_document(source, path, filename, config)
            results = self._unwaived(document, rules, config)
            if store is not None:
                store.store(key, filename, results)

        def placed() -> Document:  # where a stale waiver's FL004 stands; a warm run needs only the text
            return document or self._text_document(filename, source)

        return self._waived(results, placed, rules, config, path)

    def _text_document(self, filename: str, source: str) -> Document:
        """The draft as a document of its format without reading it: enough to place a finding by offset."""
        fmt = self.registry.format_for(filename) or self.registry.formats["text"]
        return document_mod.Document(path=filename, source=source, format=fmt.name)

    def answers_here(self, path: Path, filename: str) -> bool:
        """Whether the parent answers the file without running a rule: it is no draft to lint (unreadable, too
        large, not UTF-8: one FL001 finding), or the result cache holds its entry as it is now.

        A worker would cost more than either: a warm rerun with five drafts that do not decode started a pool.
        """
        try:
            status = path.stat()
            config = self.config_for(path)
            if not stat.S_ISREG(status.st_mode) or status.st_size > config.limits.max_bytes:
                return True
            problem, source, _ = decode(path.read_bytes())
        except OSError:
            return True
        if problem is not None:
            return True
        if self.results is None:
            return False
        key = self._result_key(source, filename, self._relative(config, path), config)
        if not self.results.holds(key):
            return False
        self._held[filename] = (status.st_size, status.st_mtime_ns, key)
        return True

    def _result_key(self, source: str, filename: str, relative: str, config: config_mod.Config) -> str:
        from factlint import result_cache

        if self._engine_key is None:
            self._engine_key = result_cache.engine_fingerprint(self.registry)
        configuration = self._config_keys.get(config.path)
        if configuration is None:
            configuration = result_cache.config_fingerprint(config, self.packs_for(config), self.options.reference_date)
            self._config_keys[config.path] = configuration
        fmt = self.registry.format_for(filename) or self.registry.formats["text"]
        return result_cache.key(self._engine_key, configuration, source, filename, relative, fmt.name)

    def _judge(self, document: Document, rules: list[Rule], config: config_mod.Config, path: Path) -> list[Result]:
        """Run the rules, then suppression, FL002, waivers (FL004), severity and sorting: after the rules, once."""
        return self._waived(self._unwaived(document, rules, config), lambda: document, rules, config, path)

    def _unwaived(self, document: Document, rules: list[Rule], config: config_mod.Config) -> list[Result]:
        """Run the rules, then suppression, FL002, severity and sorting; each result marked for waivers.

        Everything here depends only on the draft and its configuration: what
        the result cache keeps. Waivers come after it (`_waived`).
        """
        context = Context(config.sections, self.packs_for(config), self.options.online, self.client(),
                          config.path.parent if config.path else None)
        findings: list[Finding] = []
        for rule in rules:
            findings.extend(rule.check(document, context))
        suppressions = suppression.Suppressions.of(document)
        kept = [
            f for f in findings
            if f.code == "FL001" or not suppressions.silences(f.code, document.position(f.span.start)[0])
        ] if suppressions.used else findings  # most drafts hold no directive: no finding to place
        enabled = {r.code for r in rules}
        if "FL002" in enabled:
            kept.extend(suppressions.unused(enabled, set(self.registry.rules)))
        results = [self.result(document, f, config) for f in kept if f.code in enabled]
        results.sort(key=Result.sort_key)
        return waivers.marked(results, document, context.packs)

    def _waived(self, results: list[Result], document: Callable[[], Document], rules: list[Rule],
                config: config_mod.Config, path: Path) -> list[Result]:
        """Set each result's waiver, and add FL004 for waivers stale or expired (at `document()`'s places)."""
        enabled = {r.code for r in rules}
        book = self.waivers_for(config)
        mine = book.for_file(book.relative(path)) if book.entries else ()
        results, stale = waivers.apply(mine, results, enabled,
                                       self.options.today or dt.date.today())
        if stale and "FL004" in enabled:
            placed = document()
            results = sorted(results + [self.result(placed, f, config) for f in stale], key=Result.sort_key)
        return results

    def result(self, document: Document, finding: Finding, config: config_mod.Config) -> Result:
        """The finding as reporters see it: placed by row and column, with its rule's name, severity and address."""
        rule, name, severity, url = self._label(config, finding.code, finding.severity)
        span = finding.span
        size = len(document.source)
        start = max(0, min(span.start, size))
        end = max(start, min(span.end, size))
        if start != span.start or end != span.end:
            span = Span(start, end)
        fix = None
        if finding.fix is not None:
            fix = ReportedFix(finding.fix.applicability, finding.fix.message, tuple(
                _reported_edit(document, e) for e in finding.fix.edits
            ))
        row, column = document.position(start)
        end_row, end_column = document.position(end) if end != start else (row, column)
        line_text = document.line_text(row)
        return Result(
            code=finding.code,
            name=name,
            severity=severity,
            message=finding.message,
            filename=document.path,
            location=Position(row, column),
            end_location=Position(end_row, end_column),
            span=span,
            fix=fix,
            url=url,
            line_text=line_text,
            end_line_text=line_text if end_row == row else document.line_text(end_row),
        )

    def _label(self, config: config_mod.Config, code: str,
               severity: str | None) -> tuple[Rule | None, str, str, str | None]:
        """(rule, name, severity, url) of a finding's code under `config`, worked out once a run for each."""
        rule = self.registry.rules.get(code)
        known = self._labels.get(id(config))
        if known is None or known[0] is not config:
            known = self._labels[id(config)] = (config, {})
        label = known[1].get((code, severity))
        if label is None or label[0] is not rule:
            default = severity or (rule.severity if rule else "warning")
            label = known[1][(code, severity)] = (
                rule,
                rule.name if rule else code.lower(),
                config.severity_for(code, default),
                rule.documented_at(config.rule_docs) if rule else None,
            )
        return label

    def client(self) -> Any:
        """The online client (factlint.online.Client) with --online, else None; imported only then."""
        if not self.options.online:
            return None
        if self._client is None:
            from factlint import online

            self._client = online.Client.from_settings(self.options)
        return self._client


def _reported_edit(document: Document, edit: Edit) -> ReportedEdit:
    start, end = Position(*document.position(edit.span.start)), Position(*document.position(edit.span.end))
    return ReportedEdit(edit.content, start, end, edit.span, document.line_text(start.row), document.line_text(end.row))


def _size(limit: int) -> str:
    """5 MiB, 512 KiB or 1000 bytes: a limit as the user would write it."""
    for unit, factor in (("MiB", 1024 * 1024), ("KiB", 1024)):
        if limit % factor == 0:
            return f"{limit // factor} {unit}"
    return f"{limit} bytes"


def decode(raw: bytes) -> tuple[str | None, str, bool]:
    """(problem, text, had_bom): a draft is UTF-8 text, with or without a BOM."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16 text, not UTF-8; save the draft as UTF-8", "", False
    bom = raw.startswith(b"\xef\xbb\xbf")
    if bom:
        raw = raw[3:]
    if b"\x00" in raw:
        return "binary file (it contains NUL bytes); not a draft", "", bom
    try:
        return None, raw.decode("utf-8"), bom
    except UnicodeDecodeError as e:
        row = raw.count(b"\n", 0, e.start) + 1
        return f"not UTF-8: byte 0x{raw[e.start]:02x} at line {row} cannot be decoded; save the draft as UTF-8", "", bom


# -- running many files --------------------------------------------------

_SESSION: Session | None = None


def _work(job: tuple[str, str]) -> Outcome:
    """Lint one job in a worker process, with the session it inherited when it forked."""
    assert _SESSION is not None
    path, filename = job
    outcome = _SESSION.lint_path(Path(path), filename)
    compiled.save()  # what the worker compiled first: it exits without exit handlers
    return outcome


def run(session: Session, jobs: Sequence[tuple[Path, str]], processes: int) -> list[Outcome]:
    """Lint every (path, filename) job; the result is in job order whatever the processes did."""
    return list(iter_run(session, jobs, processes))


def iter_run(session: Session, jobs: Sequence[tuple[Path, str]], processes: int) -> Iterator[Outcome]:
    """Lint every job, yielding each outcome in job order as soon as it and those before it are done.

    With processes, the pool's in-order map is the reordering buffer: an
    outcome that finishes early waits only for the ones before it.
    """
    global _SESSION
    _SESSION = session
    if processes <= 1 or len(jobs) < 4:
        for p, f in jobs:
            yield session.lint_path(p, f)
        return
    # Files the result cache holds are read back here (a worker would spend more pickling them than that costs),
    # and those that are no draft answered here. Without the cache every file goes to the workers unread.
    held, rest = [], []
    pairs = list(jobs)  # each pass over `jobs` builds a `Path` a draft: one pass, kept for the second
    for p, f in pairs:
        here = session.results is not None and session.answers_here(p, f)
        held.append(here)
        if not here:
            rest.append((str(p), f))
    if len(rest) < 4:
        for p, f in pairs:
            yield session.lint_path(p, f)
        return
    if session.results is not None:
        session.results.misses += len(rest)  # the workers' misses: the run prunes at its end
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, min(16, len(rest) // (processes * 4)))
    context = multiprocessing.get_context("fork") if os.name == "posix" else None
    with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
        linted = pool.map(_work, rest, chunksize=chunk)
        for (p, f), hit in zip(pairs, held):
            yield session.lint_path(p, f) if hit else next(linted)
