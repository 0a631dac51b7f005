"""The one error a user sees as a single line and exit status 2."""


class UsageError(Exception):
    """A bad command line, configuration or rule pack: one line on stderr, exit 2."""
