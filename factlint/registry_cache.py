"""The built-in registry as data in the cache folder: a run with no third-party plugin imports no rule family to start.

Registering the built-in plugins imports every check, format and reporter
module (their dataclasses, compiled patterns and hooks): most of a one-draft
run answered by the result cache, which then runs none of them. The
registry's metadata (every rule's fields, the formats' extensions, the
reporters' flags, the pack and settings schemas) is kept here as marshal
data under a key of the package's files (path, size, modification time),
the Python version and the installed distributions, in the cache folder
and beside the package's bytecode (`factlint.compiled`); each check, reader and
reporter is a `Deferred` that imports its module at its first call. Anything
wrong with an entry is a miss: the registry is then built as always.
"""

from __future__ import annotations

import importlib
import marshal
import os
import sys
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factlint import __version__, compiled
from factlint.digests import sha256

if TYPE_CHECKING:
    from factlint.plugins import Registry

#: Bumped when the layout of an entry changes: older entries are then misses.
LAYOUT = "factlint-registry-1"
_TYPES = {"str": str, "int": int, "float": float, "bool": bool}
_PACKAGE = Path(__file__).resolve().parent
_stamps_memo: tuple[str, ...] | None = None
_distributions_memo: tuple[str, ...] | None = None


# -- what an entry depends on -------------------------------------------------------


def package_stamps() -> tuple[str, ...]:
    """Path, size and modification time of each module of the package: an edited checkout is a new engine."""
    global _stamps_memo
    if _stamps_memo is None:
        stack, found = [_PACKAGE], []
        while stack:
            here = stack.pop()
            try:
                entries = list(os.scandir(here))
            except OSError:
                continue
            for entry in entries:
                if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                    stack.append(Path(entry.path))
                elif entry.name.endswith(".py"):
                    found.append(entry.path)
        _stamps_memo = tuple(file_stamp(path) for path in sorted(found))
    return _stamps_memo


def file_stamp(path: str | None) -> str:
    if not path:
        return "?"
    try:
        status = os.stat(path)
    except OSError:
        return f"{path}:?"
    return f"{path}:{status.st_size}:{status.st_mtime_ns}"


def distributions() -> tuple[str, ...]:
    """The name-version of every installed distribution (a directory listing, far cheaper than importlib.metadata)."""
    global _distributions_memo
    if _distributions_memo is None:
        names = []
        for entry in sys.path:
            if os.path.basename(entry) not in ("site-packages", "dist-packages"):
                continue  # the script's or current folder: where factlint runs from is no part of the key
            try:
                listing = os.listdir(entry)
            except OSError:
                continue
            names.extend(n for n in listing if n.endswith((".dist-info", ".egg-info", ".egg-link", ".pth")))
        _distributions_memo = tuple(sorted(names))
    return _distributions_memo


def _key() -> str:
    digest = sha256()
    for part in (LAYOUT, __version__, sys.version, *package_stamps(), *distributions()):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def path() -> Path:
    """One entry per installation and interpreter: an edit replaces it instead of adding another."""
    from factlint.packs import cache_dir

    where = f"{_PACKAGE}\0{sys.executable}".encode("utf-8", "surrogatepass")
    return cache_dir() / "registry" / f"{sha256(where).hexdigest()[:40]}.marshal"


# -- a hook's callable, read at its first call --------------------------------------------


class Deferred:
    """Stands for a check, reader or reporter of a built-in module: imports it and asks its hook at the first call.

    It carries what the result cache's key reads of the real function (its
    module and `function_id`), so a warm run's key is the cold run's.
    """

    def __init__(self, module: str, hook: str, name: str, attribute: str, qualname: str, function_id: str) -> None:
        self.__module__ = module
        self.__qualname__ = self.__name__ = qualname
        self.function_id = function_id
        self._where = (hook, name, attribute)
        self._real: Any = None

    def resolve(self) -> Any:
        if self._real is None:
            hook, name, attribute = self._where
            for item in getattr(importlib.import_module(self.__module__), hook)() or ():
                if getattr(item, "code", None) == name or getattr(item, "name", None) == name:
                    self._real = getattr(item, attribute)
                    break
            else:
                raise LookupError(f"{self.__module__}.{hook} no longer registers {name!r}")
        return self._real

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return (self._real or self.resolve())(*args, **kwargs)

    def __repr__(self) -> str:
        return f"<deferred {self.__module__}.{self.__qualname__}>"


def function_id(function: Any) -> str:
    """A function by name and compiled code: a rule replaced at run time (a test's stand-in) is another key."""
    if isinstance(function, Deferred):
        return function.function_id
    code = getattr(function, "__code__", None)
    if code is None:
        return repr(function)
    # not marshal.dumps(code): its bytes vary with reference counts from one process to the next
    where = repr((code.co_filename, code.co_firstlineno, code.co_names)).encode("utf-8", "surrogatepass")
    body = sha256(code.co_code + where).hexdigest()
    return f"{getattr(function, '__module__', '?')}.{getattr(function, '__qualname__', '?')}:{body}"


# -- schemas as marshal data ---------------------------------------------------------


def _schema(value: Any) -> Any:
    """A schema (types, tuples of strings, lists, dicts keyed by names or `str`) as marshal data; ValueError if not one."""
    if isinstance(value, type):
        if _TYPES.get(value.__name__) is not value:
            raise ValueError(f"no schema type: {value!r}")
        return ("t", value.__name__)
    if value is None or type(value) in (str, int, float, bool):
        return ("v", value)
    if type(value) is tuple:
        return ("(", tuple(_schema(v) for v in value))
    if type(value) is list:
        return ("[", tuple(_schema(v) for v in value))
    if type(value) is dict:
        return ("{", tuple((_schema(k), _schema(v)) for k, v in value.items()))
    raise ValueError(f"no schema value: {value!r}")


def _unschema(data: Any) -> Any:
    kind, value = data
    if kind == "t":
        return _TYPES[value]
    if kind == "v":
        return value
    if kind == "(":
        return tuple(_unschema(v) for v in value)
    if kind == "[":
        return [_unschema(v) for v in value]
    return {_unschema(k): _unschema(v) for k, v in value}


# -- the entry -------------------------------------------------------------------------


def encode(registry: "Registry", origins: dict[int, str]) -> bytes:
    """The registry as marshal data; `origins` names the module whose hook gave each rule, format and reporter."""
    from factlint.rules import Rule

    names = tuple(f.name for f in fields(Rule) if f.name != "check")
    rules = tuple((origins[id(rule)], tuple(getattr(rule, n) for n in names), _callable(rule.check))
                  for rule in registry.rules.values())
    formats = tuple((origins[id(fmt)], fmt.name, fmt.extensions, _callable(fmt.read))
                    for fmt in registry.formats.values())
    reporters = tuple((origins[id(rep)], rep.name, rep.description, rep.waived, rep.drafts,
                       _callable(rep.render), _callable(rep.stream)) for rep in registry.reporters.values())
    if any(type(p) is not str for p in registry.pack_files):
        raise ValueError("pack files other than strings")
    data = (LAYOUT, names, rules, formats, reporters, _schema(registry.schemas), _schema(registry.settings),
            tuple(registry.pack_files))
    return marshal.dumps((_key(), data))


def _callable(function: Any) -> tuple[str, str] | None:
    if function is None:
        return None
    if getattr(function, "__module__", None) is None or getattr(function, "__qualname__", None) is None:
        raise ValueError(f"not a named function: {function!r}")
    return function.__qualname__, function_id(function)


def decode(blob: bytes) -> "Registry | None":
    from factlint.plugins import Format, Registry, Reporter
    from factlint.rules import Rule

    try:
        key, (layout, names, rules, formats, reporters, schemas, settings, pack_files) = marshal.loads(blob)
    except Exception:  # truncated, another layout: a miss
        return None
    if layout != LAYOUT or key != _key() or names != tuple(f.name for f in fields(Rule) if f.name != "check"):
        return None
    registry = Registry(schemas=_unschema(schemas), settings=_unschema(settings), pack_files=list(pack_files))
    for module, values, check in rules:
        metadata = dict(zip(names, values))
        registry.rules[metadata["code"]] = Rule(
            check=Deferred(module, "factlint_rules", metadata["code"], "check", *check), **metadata)
    for module, name, extensions, read in formats:
        registry.formats[name] = Format(name, extensions, Deferred(module, "factlint_formats", name, "read", *read))
    for module, name, description, waived, drafts, render, stream in reporters:
        registry.reporters[name] = Reporter(
            name, description,
            render=Deferred(module, "factlint_reporters", name, "render", *render) if render else None,
            stream=Deferred(module, "factlint_reporters", name, "stream", *stream) if stream else None,
            waived=waived, drafts=drafts)
    return registry


def load() -> "Registry | None":
    """The registry from the user cache folder, else from the package's compiled forms (a first run)."""
    try:
        found = decode(path().read_bytes())
    except OSError:
        found = None
    if found is None:
        blob = compiled.read("registry")
        found = decode(blob) if blob is not None else None
    return found


def store(registry: "Registry", origins: dict[int, str]) -> None:
    try:
        blob = encode(registry, origins)
    except (ValueError, KeyError):  # a value marshal cannot keep: the next run builds the registry again
        return
    compiled.write("registry", blob)
    entry = path()
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
        tmp.write_bytes(blob)
        os.replace(tmp, entry)
    except OSError:  # a read-only cache folder: no reason to fail a lint
        pass

