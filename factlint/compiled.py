"""Where factlint keeps compiled forms of its own files (the built-in registry, the shipped packs, its regular expressions): beside its bytecode.

They depend only on the installed package, as its bytecode does, so they
live where Python keeps that bytecode (`__pycache__`, or under
PYTHONPYCACHEPREFIX) and follow the same rule: written when Python may
write bytecode, else only read. A user's first run (an empty cache folder)
then builds neither; what depends on a newsroom's files stays in the user
cache folder.
"""

from __future__ import annotations

import atexit
import dataclasses
import importlib.util
import marshal
import os
import re
import sys
import threading
import typing
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any, AnyStr

import _sre

_PACKAGE = Path(__file__).resolve().parent


def path(name: str) -> Path:
    """The compiled form `name` of this interpreter, in the package's bytecode folder."""
    folder = Path(importlib.util.cache_from_source(str(_PACKAGE / "__init__.py"))).parent
    return folder / f"factlint-{name}.{sys.implementation.cache_tag}.marshal"


def read(name: str) -> bytes | None:
    try:
        return path(name).read_bytes()
    except (OSError, ValueError):  # none yet, or no bytecode folder for this interpreter
        return None


def write(name: str, blob: bytes) -> None:
    """Store `blob` as Python stores bytecode: atomically, and not at all when it may not write bytecode."""
    if sys.dont_write_bytecode:
        return
    try:
        entry = path(name)
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
        tmp.write_bytes(blob)
        os.replace(tmp, entry)
    except (OSError, ValueError):  # a read-only installation: the user cache folder still has it
        pass


class _Store:
    """One compiled form per key, read at the first ask and written back at exit when it grew.

    Kept beside the bytecode like the packs; `engine` says what the forms
    depend on beyond the interpreter's cache tag, and a file written for
    another engine (or unreadable) is as good as none. The file keeps what
    this run used, then what earlier runs left, up to `limit` forms: a key
    is its whole source, so forms that no run asks for again (a pack edited,
    a plugin removed) age out instead of growing the file.
    """

    def __init__(self, name: str, engine: tuple[object, ...], limit: int) -> None:
        self.name, self.engine, self.limit = name, engine, limit
        self.lock = threading.RLock()
        self.forms: dict[Any, Any] | None = None
        self.used: dict[Any, None] = {}
        self.added = False

    def loaded(self) -> dict[Any, Any]:
        if self.forms is None:
            self.forms = self._read()
            atexit.register(self.store)
        return self.forms

    def _read(self) -> dict[Any, Any]:
        blob = read(self.name)
        try:
            engine, forms = marshal.loads(blob) if blob else ((), {})
        except (EOFError, ValueError, TypeError):  # a truncated or foreign file: start again
            return {}
        return forms if engine == self.engine and isinstance(forms, dict) else {}

    def get(self, key: Any) -> Any:
        blob = self.loaded().get(key)
        if blob is None:
            return None
        try:
            form = marshal.loads(blob)
        except (EOFError, ValueError, TypeError):  # a damaged entry: dropped, and made afresh by the caller
            del self.loaded()[key]
            return None
        self.used[key] = None
        return form

    def put(self, key: Any, form: Any) -> None:
        # Each form is its own blob, read back when asked for: a run uses a few of those kept.
        self.loaded()[key] = marshal.dumps(form)
        self.used[key] = None
        self.added = True

    def store(self) -> None:
        """Write what this process used, then what the file holds now (another process may have added), then the rest."""
        with self.lock:
            if not self.added or self.forms is None:
                return
            kept: dict[Any, Any] = {}
            for forms in ({key: self.forms[key] for key in self.used}, self._read(), self.forms):
                for key, form in forms.items():
                    if len(kept) >= self.limit:
                        break
                    kept.setdefault(key, form)
            write(self.name, marshal.dumps((self.engine, kept)))
            self.added = False


def save() -> None:
    """Write the stores that grew now, as exit would: a worker process ends without running exit handlers."""
    _programs.store()
    _methods.store()


# Regular expressions. CPython keeps no compiled form of a pattern between
# runs, and parsing factlint's patterns (alternations of a pack's words among
# them) takes about a tenth of a first run on one draft. The parsed program
# is a list of integers that `_sre.compile` takes back in microseconds, so it
# is kept as the patterns' bytecode; a stored program the engine rejects is
# compiled afresh.
_programs = _Store("regex", (sys.version, int(_sre.MAGIC), int(_sre.CODESIZE), int(_sre.MAXREPEAT),
                             int(_sre.MAXGROUPS)), limit=1024)


def regex(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """`re.compile(pattern, flags)`, from the program stored beside the bytecode when there is one."""
    flags = int(flags)
    if flags & re.DEBUG or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    try:
        return _program(pattern, flags)  # type: ignore[return-value]
    except re.error:
        raise
    except Exception:  # an engine that differs from CPython's own: its compile
        return re.compile(pattern, flags)


def _program(pattern: str, flags: int) -> re.Pattern[str]:
    with _programs.lock:
        key = (pattern, flags)
        form = _programs.get(key)
        if form is not None:
            try:
                return _sre.compile(pattern, *form)
            except Exception:  # not a program of this engine: compile it afresh below
                pass
        # What re.compile does, keeping the program: re._compiler.compile.
        parsed = _parser.parse(pattern, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        # Plain ints: the opcodes are an int subclass that marshal cannot store.
        form = (int(flags | parsed.state.flags), [int(op) for op in _compiler._code(parsed, flags)],
                parsed.state.groups - 1, groupindex, tuple(indexgroup))
        compiled = _sre.compile(pattern, *form)
        _programs.put(key, form)
        return compiled


# Dataclasses. `dataclasses` writes the source of each class's __init__,
# __repr__, __eq__, __hash__ and __setattr__ and compiles it on every import,
# about half a millisecond a frozen class: a third of a warm one-draft run
# and a fifth of a cold one went to compiling the same few hundred methods.
# Their code is kept here as their bytecode. The hook is the name `exec`,
# which `dataclasses` looks up among its own globals before the builtins:
# bound there while factlint's classes are made, it runs the stored code of
# the same source, as `exec` of the string would (compiled without this
# module's `from __future__` flags, as exec would compile it).
_methods = _Store("methods", (sys.version, importlib.util.MAGIC_NUMBER), limit=2048)
_hooked = 0


def _exec(source: Any, globals: Any = None, locals: Any = None) -> None:
    if not isinstance(source, str):
        exec(source, globals, locals)
        return
    code = _methods.get(source)
    if code is None:
        code = compile(source, "<string>", "exec", dont_inherit=True)
        _methods.put(source, code)
    exec(code, globals, locals)


@typing.dataclass_transform(field_specifiers=(dataclasses.field, dataclasses.Field))
def dataclass(cls: Any = None, /, **options: Any) -> Any:
    """`dataclasses.dataclass(cls, **options)`, with the generated methods' code stored beside the bytecode."""

    def make(cls: type) -> type:
        global _hooked
        with _methods.lock:
            _hooked += 1
            dataclasses.exec = _exec  # type: ignore[attr-defined]
            try:
                return dataclasses.dataclass(**options)(cls)
            finally:
                _hooked -= 1
                if not _hooked:
                    del dataclasses.exec  # type: ignore[attr-defined]

    return make if cls is None else make(cls)
