"""The optional dependencies of `factlint lsp`, imported only on its path, with one clear line when missing."""

from __future__ import annotations

from factlint.errors import UsageError

INSTALL = "pip install 'factlint[lsp]'"


def require() -> None:
    """Import pygls and lsprotocol now, so a missing one is a one-line error naming the extra, not a traceback."""
    import importlib

    for module in ("lsprotocol.types", "pygls.lsp.server"):
        try:
            importlib.import_module(module)
        except ImportError as e:
            raise UsageError(f"factlint lsp needs the 'lsp' extra ({e.name or module} is not installed): "
                             f"{INSTALL}") from None
