"""The pluggy hooks through which rules, formats, packs and reporters arrive, built-in or not."""

from __future__ import annotations

import importlib
import os
import types
from dataclasses import field
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence

import pluggy

from factlint import compiled
from factlint.errors import UsageError

if TYPE_CHECKING:
    from factlint.rules import Rule

PROJECT = "factlint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)

#: Packages whose every public module is a built-in plugin: dropping a module
#: there is the one place to touch to add a rule family, format or reporter.
BUILTIN_PACKAGES = ("factlint.checks", "factlint.formats", "factlint.reporters")
#: Single built-in modules outside those packages (light: no heavy imports at start-up).
BUILTIN_MODULES = ("factlint.surfaces.audit.settings",)


@compiled.dataclass(frozen=True)
class Format:
    """A document format: the file endings it claims and its reader."""

    name: str
    extensions: tuple[str, ...]
    read: Callable[..., Any]  # (path: str, source: str, options: ReadOptions) -> Document


@compiled.dataclass(frozen=True)
class Reporter:
    """An output format for findings."""

    name: str
    description: str
    #: (results: Sequence[Result], context: ReportContext) -> str, the whole output at once;
    #: a reporter with only this one is given every result at the end of the run.
    render: Callable[..., str] | None = None
    #: (context: ReportContext, out: TextIO) -> factlint.reporting.Report, which writes
    #: file by file as the run goes (docs/architecture.md, "Reporters").
    stream: Callable[..., Any] | None = None
    #: Given waived findings too (each with `result.waiver`), as SARIF records them as
    #: suppressed; other reporters see them only with --show-waived.
    waived: bool = False
    #: Given each draft's text (`Report.draft`, before its `file`), which the run then keeps
    #: for it: for a format that shows the draft itself with its findings in place.
    drafts: bool = False

    def open(self, context: Any, out: Any) -> Any:
        """The `factlint.reporting.Report` that writes this format to `out` for one run."""
        from factlint import reporting

        if self.stream is not None:
            return self.stream(context, out)
        if self.render is None:
            raise UsageError(f"output format {self.name!r} has neither render nor stream")
        return reporting.Collected(self.render, context, out)


class Hooks:
    """Hook specifications. Each returns a list; pluggy collects one per plugin."""

    @hookspec
    def factlint_rules(self) -> Sequence[Any]:
        """Return the `factlint.rules.Rule` objects this plugin adds."""

    @hookspec
    def factlint_formats(self) -> Sequence[Format]:
        """Return the document formats this plugin reads."""

    @hookspec
    def factlint_reporters(self) -> Sequence[Reporter]:
        """Return the output formats this plugin writes."""

    @hookspec
    def factlint_pack_schemas(self) -> Mapping[str, Any]:
        """Return {pack name: schema} for the YAML rule packs this plugin's rules read."""

    @hookspec
    def factlint_settings_schemas(self) -> Mapping[str, Any]:
        """Return {config section: schema} for the settings this plugin's rules read.

        The schema language is that of rule packs (`factlint.packs`); the
        configuration loader rejects keys no plugin declared.
        """

    @hookspec
    def factlint_pack_files(self) -> Sequence[Any]:
        """Return paths of YAML rule packs this plugin ships."""


@compiled.dataclass
class Registry:
    """Everything the plugins registered, checked for clashes."""

    rules: dict[str, "Rule"] = field(default_factory=dict)
    formats: dict[str, Format] = field(default_factory=dict)
    reporters: dict[str, Reporter] = field(default_factory=dict)
    schemas: dict[str, Any] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    pack_files: list[Any] = field(default_factory=list)

    def format_for(self, path: str) -> Format | None:
        lower = path.lower()
        for fmt in self.formats.values():
            if lower.endswith(fmt.extensions):
                return fmt
        return None

    @property
    def extensions(self) -> tuple[str, ...]:
        return tuple(e for f in self.formats.values() for e in f.extensions)


def _builtin_modules() -> list[str]:
    import pkgutil

    names = []
    for package_name in BUILTIN_PACKAGES:
        package = importlib.import_module(package_name)
        for info in pkgutil.iter_modules(package.__path__):
            if not info.name.startswith("_"):
                names.append(f"{package_name}.{info.name}")
    return sorted(names + list(BUILTIN_MODULES))


def _hooks_of(module: Any) -> Any:
    """A built-in module's hook functions alone: pluggy inspects every attribute of what it registers.

    The built-in modules hold some 800 names (imports, constants, classes);
    looking each up statically was a tenth of a one-draft run's work.
    """
    marker = f"{PROJECT}_impl"
    hooks = types.ModuleType(module.__name__, module.__doc__)  # a module: dir() lists few names besides the hooks
    for name, value in vars(module).items():
        if isinstance(value, types.FunctionType) and hasattr(value, marker):
            setattr(hooks, name, value)
    return hooks


def declared_anywhere(group: str) -> bool:
    """Whether any distribution on sys.path may declare an entry point in `group`: False only when surely none does.

    importlib.metadata's scan (what pluggy runs) imports a dozen modules and
    parses every distribution's metadata: most of a one-draft run's plugin
    discovery, although a newsroom rarely installs a third-party plugin. This
    reads only each `*.dist-info` and `*.egg-info` folder's entry_points.txt,
    where the scan finds them, for a `[group]` section header; anything this
    cannot judge (a zip or egg on sys.path, another distribution finder) is
    answered True, and the full scan decides.
    """
    import sys

    if any(hasattr(finder, "find_distributions") and finder is not _path_finder() for finder in sys.meta_path):
        return True
    for entry in sys.path:
        folder = entry or "."
        try:
            names = os.listdir(folder)
        except NotADirectoryError:
            return True  # a zip archive on sys.path
        except OSError:
            continue
        if folder.lower().endswith(".egg"):
            return True
        for name in names:
            if name.lower().endswith((".dist-info", ".egg-info")) and _declares(os.path.join(folder, name), group):
                return True
    return False


def _path_finder() -> Any:
    from importlib.machinery import PathFinder

    return PathFinder


def _declares(info: str, group: str) -> bool:
    """Whether a distribution's entry_points.txt has a `[group]` section (read as importlib.metadata reads it)."""
    try:
        with open(os.path.join(info, "entry_points.txt"), encoding="utf-8") as handle:
            text = handle.read()
    except (FileNotFoundError, NotADirectoryError):  # none, or an egg-info file (it holds no entry points)
        return False
    except (OSError, UnicodeDecodeError):
        return True  # unreadable here: let importlib.metadata judge it
    if group not in text:
        return False
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]") and line.strip("[]") == group:
            return True
    return False


def plugin_manager(entry_points: bool = True, extra: Sequence[Any] = ()) -> pluggy.PluginManager:
    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(Hooks)
    for name in _builtin_modules():
        pm.register(_hooks_of(importlib.import_module(name)), name=name)
    for plugin in extra:
        pm.register(plugin)
    if entry_points and declared_anywhere(PROJECT):
        try:
            pm.load_setuptools_entrypoints(PROJECT)
        except Exception as e:  # a broken third-party plugin must not be a traceback
            raise UsageError(f"cannot load a factlint plugin: {e}") from None
    return pm


def registry(cache: bool = True) -> Registry:
    """Every plugin's registry; with `cache` and no third-party plugin installed, read back from the cache folder.

    A run that finds no distribution declaring a factlint entry point has
    only the built-in plugins, whose registry `factlint.registry_cache`
    keeps as data: their modules are imported when a rule first runs. Once
    one of them is imported (a long-lived process, a test), what it
    registers may differ from its file, so the registry is built from it.
    """
    if not cache or _builtin_imported() or declared_anywhere(PROJECT):
        return collect(plugin_manager())
    from factlint import registry_cache

    found = registry_cache.load()
    if found is not None:
        return found
    origins: dict[int, str] = {}
    built = collect(plugin_manager(entry_points=False), origins)
    registry_cache.store(built, origins)
    return built


def _builtin_imported() -> bool:
    import sys

    packages = tuple(f"{name}." for name in BUILTIN_PACKAGES)
    return any(name.startswith(packages) or name in BUILTIN_MODULES for name in sys.modules)


def _plugin_name(pm: pluggy.PluginManager, plugin: Any) -> str:
    for dist_plugin, dist in pm.list_plugin_distinfo():
        if dist_plugin is plugin:
            return dist.project_name
    name = pm.get_name(plugin) or "?"
    return "factlint" if name.startswith("factlint.") else name


def collect(pm: pluggy.PluginManager, origins: dict[int, str] | None = None) -> Registry:
    """Gather and validate what every plugin registered; clashes are a UsageError.

    With `origins`, each rule, format and reporter's id is mapped to the name
    of the plugin whose hook returned it (what the registry's cache keeps).
    """
    from dataclasses import replace

    from factlint.rules import Rule

    registry = Registry()
    for impl in pm.hook.factlint_rules.get_hookimpls():
        origin = _plugin_name(pm, impl.plugin)
        for rule in impl.function() or ():
            if not isinstance(rule, Rule):
                raise UsageError(f"plugin {origin}: factlint_rules returned {rule!r}, not a factlint.rules.Rule")
            problems = list(rule.problems())
            if problems:
                raise UsageError(f"plugin {origin}: malformed rule: {problems[0]}")
            if rule.code in registry.rules:
                other = registry.rules[rule.code]
                raise UsageError(f"rule code {rule.code} is registered twice (by {other.plugin} and {origin})")
            if origin != "factlint" and rule.plugin == "factlint":
                rule = replace(rule, plugin=origin)
            registry.rules[rule.code] = rule
            _note(origins, rule, pm, impl)
    for impl in _in_call_order(pm.hook.factlint_formats):
        for fmt in impl.function() or ():
            if fmt.name in registry.formats:
                raise UsageError(f"document format {fmt.name!r} is registered twice")
            registry.formats[fmt.name] = fmt
            _note(origins, fmt, pm, impl)
    for impl in _in_call_order(pm.hook.factlint_reporters):
        for rep in impl.function() or ():
            if rep.name in registry.reporters:
                raise UsageError(f"output format {rep.name!r} is registered twice")
            registry.reporters[rep.name] = rep
            _note(origins, rep, pm, impl)
    for schemas in pm.hook.factlint_pack_schemas():
        for name, schema in (schemas or {}).items():
            if name in registry.schemas:
                raise UsageError(f"rule pack {name!r} is declared twice")
            registry.schemas[name] = schema
    for sections in pm.hook.factlint_settings_schemas():
        for name, schema in (sections or {}).items():
            if name in registry.settings:
                raise UsageError(f"configuration section {name!r} is declared twice")
            registry.settings[name] = schema
    for files in pm.hook.factlint_pack_files():
        registry.pack_files.extend(files or ())
    return registry


def _in_call_order(hook: Any) -> list[Any]:
    """A hook's implementations in the order calling the hook runs them (pluggy: the last registered first)."""
    return list(reversed(hook.get_hookimpls()))


def _note(origins: dict[int, str] | None, item: Any, pm: pluggy.PluginManager, impl: Any) -> None:
    if origins is not None:
        origins[id(item)] = pm.get_name(impl.plugin) or "?"
