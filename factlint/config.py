"""Configuration: discovery from a file's folder upwards, validation, and rule selection."""

from __future__ import annotations

import fnmatch
import functools
import os
import re
from dataclasses import field
from pathlib import Path, PurePosixPath
from typing import Any, Iterable, Mapping, Sequence

from factlint import compiled
from factlint.errors import UsageError
from factlint.limits import DEFAULT as DEFAULT_LIMITS
from factlint.limits import SCHEMA as LIMITS_SCHEMA
from factlint.limits import Limits
from factlint.packs import validate
from factlint.results import SEVERITY_RANK

CONFIG_NAMES = (".factlint.yaml", "factlint.yaml", "pyproject.toml")

#: Settings every configuration may hold, in the schema language of rule packs;
#: sections for rule families (quotes, names, licensing, online) are declared
#: by the plugins that read them.
CORE_SCHEMA: dict[str, Any] = {
    "?select": [str],
    "?extend-select": [str],
    "?ignore": [str],
    "?per-file-ignores": {str: [str]},
    "?severity": {str: str},
    "?fail-level": str,
    "?reference-date-key": str,
    "?rule-packs": [str],
    "?exclude": [str],
    "?limits": LIMITS_SCHEMA,
    "?waivers": str,
    "?rule-docs": str,
}

#: The fields a `rule-docs` address may name: `{code}` DAT001, `{name}` bare-weekday, `{family}` DAT.
RULE_DOCS_FIELDS = ("code", "name", "family")


@compiled.dataclass(frozen=True)
class Config:
    """One configuration file's settings (or the defaults when there is none)."""

    path: Path | None = None
    select: tuple[str, ...] = ("",)  # "" selects every rule
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    fail_level: str = "warning"
    reference_date_key: str = "date"
    rule_packs: tuple[Path, ...] = ()
    exclude: tuple[str, ...] = ()
    limits: Limits = DEFAULT_LIMITS
    sections: Mapping[str, Any] = field(default_factory=dict)
    waivers: str = ".factlint-waivers.yaml"  # the waivers file, relative to the configuration's folder
    rule_docs: str | None = None  # where the newsroom documents rules, with {code}, {name} or {family} in it

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    @property
    def waivers_path(self) -> Path:
        """The waivers file of drafts under this configuration (factlint.waivers)."""
        return _waivers_path(self.path, self.waivers, "" if self.path else os.getcwd())

    def with_cli(self, select: Sequence[str] | None, extend_select: Sequence[str],
                 ignore: Sequence[str]) -> "Config":
        from dataclasses import replace

        return replace(
            self,
            select=tuple(select) if select is not None else self.select,
            extend_select=self.extend_select + tuple(extend_select),
            ignore=self.ignore + tuple(ignore),
        )

    def is_selected(self, code: str, relative: str | None = None) -> bool:
        """Ruff's rule: the most specific selector decides; at a tie, ignore wins."""
        ignores = list(self.ignore)
        if relative is not None:
            ignores.extend(self.ignored_for(relative))
        best_on = max((len(p) for p in self.select + self.extend_select if code.startswith(p)), default=-1)
        best_off = max((len(p) for p in ignores if code.startswith(p)), default=-1)
        return best_on > best_off

    def ignored_for(self, relative: str) -> list[str]:
        name = PurePosixPath(relative).name
        codes: list[str] = []
        for pattern, ignored in self.per_file_ignores:
            if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(name, pattern):
                codes.extend(ignored)
        return codes

    def severity_for(self, code: str, default: str) -> str:
        matches = [(len(p), sev) for p, sev in self.severity if code.startswith(p)]
        return max(matches)[1] if matches else default

    def relative(self, path: Path | str) -> str:
        """The path as its patterns see it: relative to the configuration's folder, in POSIX form."""
        return _relative(os.fspath(path), os.getcwd(), self.path)

    def excluded(self, relative: str) -> bool:
        return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(relative, p.rstrip("/") + "/*")
                   for p in self.exclude)


@functools.lru_cache(maxsize=4096)
def _relative(path: str, cwd: str, config_path: Path | None) -> str:
    """`path` resolved and made relative to its configuration's folder (the working folder without one).

    Kept for the run's next asks: a draft is asked for several times (the
    result cache's key, selection, waivers), and building and resolving its
    path was a tenth of a warm rerun. The working folder keys the answer, as a
    relative path and a configuration-less root depend on it. Worked on as
    strings: a `Path` built, joined and printed for each draft was a sixth of
    a warm rerun's time.
    """
    root = os.fspath(_resolved(config_path.parent if config_path else Path(cwd)))
    resolved = resolved_name(os.path.join(cwd, path))
    folder = root if root.endswith(os.sep) else root + os.sep
    if os.path.normcase(resolved).startswith(os.path.normcase(folder)):
        return resolved[len(folder):].replace(os.sep, "/")
    return Path(path).as_posix()


@functools.lru_cache(maxsize=64)
def _waivers_path(config_path: Path | None, waivers: str, cwd: str) -> Path:
    """The waivers file beside a configuration file, or in the working folder without one."""
    return (config_path.parent if config_path else Path(cwd)) / waivers


@functools.lru_cache(maxsize=4096)
def resolved_name(path: str) -> str:
    """An absolute path resolved, as a string: its folder resolved once for all the drafts in it (resolving is a
    system call a part); a draft that is itself a symbolic link resolved whole, as `Path.resolve()` would.

    Kept like `_relative`: a draft's configuration and its relative path both start from it.
    """
    folder, name = os.path.split(path)
    if name in ("", ".", "..") or os.path.islink(path):
        return os.fspath(Path(path).resolve())
    return os.path.join(_resolved_folder(folder), name)


@functools.lru_cache(maxsize=1024)
def _resolved_folder(folder: str) -> str:
    return os.fspath(Path(folder).resolve())


@functools.lru_cache(maxsize=64)
def _resolved(root: Path) -> Path:
    """A configuration's folder resolved once, not once per draft under it."""
    return root.resolve()


def parse_codes(values: Iterable[str]) -> tuple[str, ...]:
    """Upper-cased codes and prefixes from lists or comma-separated strings; "ALL" is every rule."""
    out = []
    for value in values:
        for code in str(value).split(","):
            code = code.strip().upper()
            if not code:
                raise UsageError(f"empty rule code in {value!r}")
            out.append("" if code == "ALL" else code)
    return tuple(out)


def _known(codes: tuple[str, ...], key: str, path: Path, known: Iterable[str] | None) -> tuple[str, ...]:
    """`codes`, after checking that each names some rule: a typo must not switch linting off."""
    if known is not None:
        known = tuple(known)
        for code in codes:
            if code and not any(k.startswith(code) for k in known):
                raise UsageError(f"{path}: configuration key {key!r}: unknown rule code or prefix {code!r}")
    return codes


def _read_mapping(path: Path) -> tuple[Any, Any]:
    """(data, yaml node or None) of a config file; UsageError when it does not parse."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise UsageError(f"{path}: cannot read configuration: {e}") from None
    if path.name == "pyproject.toml":
        import tomllib

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            raise UsageError(f"{path}: not valid TOML: {e}") from None
        return data.get("tool", {}).get("factlint"), None
    from factlint import yamlfile  # PyYAML: only when there is a configuration file to read

    try:
        node, data = yamlfile.load(text)
    except yamlfile.YamlProblem as e:
        raise UsageError(f"{path}:{e.line}: configuration is not valid YAML: {e.problem}") from None
    return (data if data is not None else {}), node


def check_mapping(data: Mapping[str, Any], schema: Mapping[str, Any], where: str, sep: str = ":") -> None:
    """Validate settings that come without YAML line marks (TOML, or a test's dict) against `schema`."""
    import yaml

    node = yaml.compose(yaml.safe_dump(dict(data)), Loader=yaml.SafeLoader)
    for error in validate(node, schema, where):
        raise UsageError(f"{where}{sep} key {error.key!r}: {error.problem}")


def load(path: Path, sections: Mapping[str, Any], known: Iterable[str] | None = None) -> Config:
    """Read and validate one configuration file; `known` rule codes check its selections."""
    data, node = _read_mapping(path)
    if data is None:
        return Config(path=path)
    schema = dict(CORE_SCHEMA)
    schema.update({"?" + name: sub for name, sub in sections.items()})
    if not isinstance(data, dict):
        raise UsageError(f"{path}: configuration must be a mapping of settings")
    if node is not None:
        for error in validate(node, schema, str(path)):
            raise UsageError(f"{path}:{error.line}: configuration key {error.key!r}: {error.problem}")
    else:
        check_mapping(data, schema, f"{path}: [tool.factlint]", "")
    fail_level = str(data.get("fail-level", "warning"))
    if fail_level not in SEVERITY_RANK:
        raise UsageError(f"{path}: configuration key 'fail-level': {fail_level!r} is not info, warning or error")
    severity = {}
    for code, sev in (data.get("severity") or {}).items():
        if sev not in SEVERITY_RANK:
            raise UsageError(f"{path}: configuration key 'severity.{code}': {sev!r} is not info, warning or error")
        _known((str(code).upper(),), f"severity.{code}", path, known)
        severity[str(code).upper()] = sev
    if isinstance(data.get("online"), dict):  # checked now, not first when --online is used
        from factlint.online import Settings as OnlineSettings

        try:
            OnlineSettings.from_mapping(data["online"], path.parent)
        except UsageError as e:
            raise UsageError(f"{path}: {e}") from None
    rule_docs = _rule_docs(data.get("rule-docs"), path)
    packs = tuple((path.parent / p).resolve() for p in data.get("rule-packs") or ())
    for pack in packs:
        if not pack.is_file():
            raise UsageError(f"{path}: configuration key 'rule-packs': no such file {pack}")
    return Config(
        path=path,
        select=_known(parse_codes(data["select"]), "select", path, known) if "select" in data else ("",),
        extend_select=_known(parse_codes(data.get("extend-select") or ()), "extend-select", path, known),
        ignore=_known(parse_codes(data.get("ignore") or ()), "ignore", path, known),
        per_file_ignores=tuple(
            (glob, _known(parse_codes(codes), f"per-file-ignores.{glob}", path, known))
            for glob, codes in (data.get("per-file-ignores") or {}).items()
        ),
        severity=tuple(sorted(severity.items())),
        fail_level=fail_level,
        reference_date_key=str(data.get("reference-date-key", "date")),
        rule_packs=packs,
        exclude=tuple(data.get("exclude") or ()),
        limits=Limits.from_mapping(data.get("limits"), str(path)),
        waivers=str(data.get("waivers") or ".factlint-waivers.yaml"),
        rule_docs=rule_docs,
        sections={k: v for k, v in data.items() if k in sections},
    )


def _rule_docs(value: str | None, path: Path) -> str | None:
    """A `rule-docs` address, checked: http(s), naming the rule by RULE_DOCS_FIELDS and by no other field."""
    problem = None if value is None else _rule_docs_problem(value)
    if problem is not None:
        raise UsageError(f"{path}: configuration key 'rule-docs': {problem}")
    return value


def _rule_docs_problem(value: str) -> str | None:
    import string

    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(value) if f is not None]
    except ValueError as e:
        return f"{value!r} is not a valid address template ({e})"
    if not re.match(r"https?://[^\s/]+", value):
        return f"{value!r} is not an http(s) address"
    unknown = [f for f in fields if f not in RULE_DOCS_FIELDS]
    if unknown:
        return f"{{{unknown[0]}}} is not a field it may name ({', '.join('{%s}' % f for f in RULE_DOCS_FIELDS)})"
    if not fields:
        return f"{value!r} names no rule: put {{code}} (or {{name}}) where the rule goes"
    return None


def discover(folder: Path) -> Path | None:
    """The first configuration file from `folder` upwards (first found wins)."""
    for parent in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = parent / name
            if candidate.is_file():
                if name == "pyproject.toml" and not _has_factlint_table(candidate):
                    continue
                return candidate
    return None


def _has_factlint_table(path: Path) -> bool:
    """Whether a pyproject.toml configures factlint, in any TOML spelling of `[tool.factlint]`."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    if "factlint" not in text:  # most pyproject files: no need to parse them
        return False
    import tomllib

    try:
        return isinstance(tomllib.loads(text).get("tool", {}).get("factlint"), dict)
    except tomllib.TOMLDecodeError:
        return True  # it mentions factlint: let loading report the TOML error
