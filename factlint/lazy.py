"""Modules imported when first read: a rule family names a language module without paying for it at start-up.

A one-draft run answered by the result cache registers every rule but runs
none, so the modules only their checks read (word lists, compiled patterns,
dozens of dataclasses) need not be imported at all. `module()` gives a
stand-in that imports the real module at its first attribute read and then
puts the real module in its place in the module that asked for it, so every
later read is an ordinary global look-up of the very same module object.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any


def module(name: str, owner: str, alias: str) -> types.ModuleType:
    """The module `name` for the global `alias` of module `owner`: itself if imported already, else a stand-in."""
    return sys.modules.get(name) or _Deferred(name, owner, alias)


class _Deferred(types.ModuleType):
    """Stands for a module not yet imported; reading any name imports it (importlib's own locks make it thread-safe)."""

    def __init__(self, name: str, owner: str, alias: str) -> None:
        super().__init__(name)
        self._deferred_for = (owner, alias)

    def __getattr__(self, attr: str) -> Any:  # only called for names the stand-in lacks: all but its own
        real = importlib.import_module(self.__name__)
        owner, alias = self._deferred_for
        holder = sys.modules.get(owner)
        if holder is not None and vars(holder).get(alias) is self:
            setattr(holder, alias, real)
        return getattr(real, attr)
