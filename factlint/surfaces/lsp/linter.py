"""One open document through the CLI's engine entry point, with configuration reloaded when its files change."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import TYPE_CHECKING

from factlint import compiled, config as config_mod
from factlint import engine

if TYPE_CHECKING:
    from factlint.plugins import Registry
    from factlint.results import Result

#: What a client's languageId means when the file's name does not say (an untitled buffer).
LANGUAGE_SUFFIX = {"markdown": ".md", "plaintext": ".txt", "html": ".html"}


@compiled.dataclass(frozen=True)
class Linted:
    """The findings of one version of a document (waived ones left out), or why there are none."""

    text: str
    version: int | None
    results: tuple["Result", ...] = ()
    error: str | None = None  # a configuration or internal problem, for the user once


def _stamp(path: Path | None) -> tuple[str, int, int] | None:
    if path is None:
        return None
    try:
        status = path.stat()
    except OSError:
        return (str(path), 0, -1)
    return (str(path), status.st_mtime_ns, status.st_size)


class Linter:
    """The sessions of the server: one as `check` builds it, and one for "fix all" as `check --fix` would.

    A session reads each configuration and waivers file once; the linter
    throws its sessions away when one of those files changed, so an edited
    configuration or a new waiver counts from the next keystroke on.
    """

    def __init__(self, registry: "Registry", options: engine.Options | None = None) -> None:
        self.registry = registry
        self.options = dataclasses.replace(options or engine.Options(), online=False, fix=False, diff=False)
        self._session: engine.Session | None = None
        self._fixer: engine.Session | None = None
        self._stamps: dict[Path | None, object] = {}
        self._found: dict[Path, Path | None] = {}

    def filename_for(self, path: Path, language: str | None) -> str | None:
        """The name the engine reads the document by, so the CLI's format choice holds; None: not a draft."""
        name = str(path)
        if self.registry.format_for(name) is not None:
            return name
        suffix = LANGUAGE_SUFFIX.get(language or "")
        return name + suffix if suffix else None

    def forget(self) -> None:
        """Read configuration and waivers afresh on the next lint."""
        self._session = self._fixer = None
        self._stamps.clear()
        self._found.clear()

    def session(self, path: Path) -> engine.Session:
        self._check_stamps(path)
        if self._session is None:
            self._session = engine.Session(self.registry, self.options)
        return self._session

    def _check_stamps(self, path: Path) -> None:
        """Forget the sessions when a configuration or waivers file they read changed, or a folder found another."""
        folder = path.resolve().parent
        found = self.options.config or config_mod.discover(folder)
        if self._found.get(folder, found) != found or any(_stamp(p) != s for p, s in self._stamps.items()):
            self.forget()
        self._found[folder] = found
        self._stamps.setdefault(found, _stamp(found))

    def lint(self, text: str, version: int | None, path: Path, filename: str) -> Linted:
        """Findings of `text` as `factlint check` reports them for a file at `path`; configuration errors kept."""
        from factlint.errors import UsageError

        try:
            session = self.session(path)
            outcome = session.lint_bytes(text.encode("utf-8"), path, filename, write=False)
            waivers_path = session.config_for(path).waivers_path
            self._stamps.setdefault(waivers_path, _stamp(waivers_path))
        except UsageError as e:
            return Linted(text, version, error=str(e))
        if outcome.error:
            return Linted(text, version, error=outcome.error)
        return Linted(text, version, tuple(r for r in outcome.results if r.waiver is None))

    def fixed(self, text: str, path: Path, filename: str, unsafe: bool = False) -> str:
        """The text after every safe fix (and unsafe ones when asked), as `check --fix` would write it."""
        self._check_stamps(path)
        if self._fixer is None or self._fixer.options.unsafe_fixes != unsafe:
            self._fixer = engine.Session(self.registry, dataclasses.replace(self.options, fix=True, unsafe_fixes=unsafe))
        outcome = self._fixer.lint_bytes(text.encode("utf-8"), path, filename, write=False)
        return outcome.fixed_source if outcome.fixed_source is not None else text


def path_of(uri: str) -> Path:
    """The file a document URI names; an untitled buffer stands in the working folder."""
    from urllib.parse import unquote, urlparse

    parsed = urlparse(uri)
    if parsed.scheme == "file":
        return Path(unquote(parsed.path))
    return Path(os.getcwd()) / (Path(unquote(parsed.path)).name or "untitled")
