"""Stands in for a machine without the lsp extra."""

raise ModuleNotFoundError("No module named 'lsprotocol'", name="lsprotocol")
