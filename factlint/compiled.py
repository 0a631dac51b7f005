"""Where factlint keeps compiled forms of its own files (the built-in registry, the shipped packs): beside its bytecode.

They depend only on the installed package, as its bytecode does, so they
live where Python keeps that bytecode (`__pycache__`, or under
PYTHONPYCACHEPREFIX) and follow the same rule: written when Python may
write bytecode, else only read. A user's first run (an empty cache folder)
then builds neither; what depends on a newsroom's files stays in the user
cache folder.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

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
