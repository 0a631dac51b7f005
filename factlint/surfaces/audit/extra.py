"""The optional dependencies of `factlint audit`, imported only on its path, with one clear line when missing."""

from __future__ import annotations

from factlint.errors import UsageError

INSTALL = "pip install 'factlint[audit]'"


def require(*modules: str, command: str = "audit") -> None:
    """Import `modules` now, so a missing one is a one-line error naming the extra, not a traceback later."""
    import importlib

    for module in modules:
        try:
            importlib.import_module(module)
        except ImportError as e:
            raise UsageError(f"factlint {command} needs the 'audit' extra ({e.name or module} is not installed): "
                             f"{INSTALL}") from None
