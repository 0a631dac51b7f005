"""factlint: an editorial fact-check and licensing linter for news drafts."""

__version__ = "0.1.0"

__all__ = ["__version__"]
