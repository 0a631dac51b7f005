"""The pygls server: documents in, diagnostics, code actions, hover and the waive command out."""

from __future__ import annotations

import asyncio
import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from factlint import __version__
from factlint.surfaces.lsp import actions, diagnostics
from factlint.surfaces.lsp.linter import Linted, Linter, path_of
from factlint.surfaces.lsp.positions import Lines

#: Seconds of quiet after the last change before a document is linted again.
DEBOUNCE = 0.15


class FactlintServer(LanguageServer):
    """A language server whose every lint goes through one `Linter`, one document at a time."""

    def __init__(self, linter: Linter) -> None:
        super().__init__("factlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.linter = linter
        self.linted: dict[str, Linted] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self.shown_error: str | None = None
        self.pool = ThreadPoolExecutor(max_workers=1)  # the engine's sessions are not shared between threads

    def document(self, uri: str) -> Any:
        return self.workspace.get_text_document(uri)

    def filename(self, uri: str, language: str | None) -> str | None:
        return self.linter.filename_for(path_of(uri), language)

    async def lint(self, uri: str) -> Linted | None:
        """Lint the document as it is now and publish its diagnostics; None when it is no draft."""
        document = self.document(uri)
        filename = self.filename(uri, document.language_id)
        if filename is None:
            return None
        text, version = document.source, document.version
        loop = asyncio.get_running_loop()
        linted = await loop.run_in_executor(self.pool, self.linter.lint, text, version, path_of(uri), filename)
        if self.document(uri).version != version:
            return linted  # a newer change is on its way and will publish
        self.linted[uri] = linted
        self.report(linted.error)
        lines = Lines(text)
        found = [diagnostics.diagnostic(r, lines) for r in linted.results]
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=version))
        return linted

    def report(self, error: str | None) -> None:
        """Show a configuration problem once (not at each keystroke); forget it once it is fixed."""
        if error and error != self.shown_error:
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=f"factlint: {error}"))
        self.shown_error = error

    def schedule(self, uri: str, delay: float) -> None:
        if (task := self.pending.pop(uri, None)) is not None:
            task.cancel()

        async def later() -> None:
            await asyncio.sleep(delay)
            self.pending.pop(uri, None)
            await self.lint(uri)

        self.pending[uri] = asyncio.ensure_future(later())

    async def current(self, uri: str) -> Linted | None:
        """The findings of the document's current version, linting it now when they are older."""
        document = self.document(uri)
        linted = self.linted.get(uri)
        if linted is None or linted.version != document.version:
            linted = await self.lint(uri)
        return linted

    async def relint_all(self) -> None:
        self.linter.forget()
        for uri in list(self.linted):
            await self.lint(uri)


def build(linter: Linter) -> FactlintServer:
    server = FactlintServer(linter)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: FactlintServer, params: types.DidOpenTextDocumentParams) -> None:
        await ls.lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FactlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, DEBOUNCE)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: FactlintServer, params: types.DidSaveTextDocumentParams) -> None:
        await ls.relint_all()  # a saved configuration or waivers file may change every draft

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def did_change_watched(ls: FactlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        await ls.relint_all()

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FactlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        if (task := ls.pending.pop(uri, None)) is not None:
            task.cancel()
        ls.linted.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: FactlintServer, params: types.HoverParams) -> types.Hover | None:
        linted = await ls.current(params.text_document.uri)
        if linted is None:
            return None
        lines = Lines(linted.text)
        offset = lines.offset(params.position)
        for result in linted.results:
            rule = ls.linter.registry.rules.get(result.code)
            if rule is not None and result.span.start <= offset <= result.span.end:
                content = types.MarkupContent(kind=types.MarkupKind.Markdown,
                                              value=diagnostics.hover_markdown(rule, result))
                return types.Hover(contents=content, range=lines.range(result.span.start, result.span.end))
        return None

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL]))
    async def code_action(ls: FactlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        linted = await ls.current(uri)
        if linted is None or linted.error:
            return []
        document = ls.document(uri)
        filename = ls.filename(uri, document.language_id)
        fmt = ls.linter.registry.format_for(filename).name
        lines = Lines(linted.text)
        start, end = lines.offset(params.range.start), lines.offset(params.range.end)
        only = params.context.only
        found: list[types.CodeAction] = []
        if not only or types.CodeActionKind.QuickFix in only:
            for result in linted.results:
                if not (result.span.start <= end and start <= result.span.end):
                    continue
                diagnostic = diagnostics.diagnostic(result, lines)
                found += [a for a in (
                    actions.fix_action(result, lines, uri, linted.version, diagnostic),
                    actions.disable_action(result, fmt, lines, uri, linted.version, diagnostic),
                    actions.waive_action(result, uri, diagnostic),
                ) if a is not None]
        wants_fix_all = not only or any(k in (types.CodeActionKind.SourceFixAll, actions.FIX_ALL, types.CodeActionKind.Source)
                                        for k in only)
        if wants_fix_all and any(r.fix and r.fix.applicability == "safe" for r in linted.results):
            loop = asyncio.get_running_loop()
            fixed = await loop.run_in_executor(ls.pool, ls.linter.fixed, linted.text, path_of(uri), filename)
            action = actions.fix_all_action(linted.text, fixed, lines, uri, linted.version)
            if action is not None:
                found.append(action)
        return found

    @server.command(actions.WAIVE)
    async def waive(ls: FactlintServer, argument: dict[str, Any]) -> dict[str, Any] | None:
        try:
            return await asyncio.get_running_loop().run_in_executor(ls.pool, _waive, ls, argument)
        except ValueError as e:
            ls.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=f"factlint: {e}"))
            return None
        finally:
            await ls.relint_all()

    return server


def _waive(ls: FactlintServer, argument: Any) -> dict[str, Any]:
    """Write the waiver of the finding the argument names, through the waivers API, as `factlint waive` does."""
    from factlint import waivers
    from factlint.errors import UsageError
    from factlint.surfaces.waive import git_user

    if not isinstance(argument, dict):
        argument = getattr(argument, "__dict__", {}) or {}
    reason = str(argument.get("reason") or "").strip()
    if not reason:
        raise ValueError("a waiver needs a reason: say why the finding is fine")
    uri, code = str(argument.get("uri", "")), str(argument.get("code", ""))
    linted = ls.linted.get(uri)
    if linted is None:
        raise ValueError(f"{uri} is not an open draft")
    result = next((r for r in linted.results if r.code == code and r.fingerprint == argument.get("fingerprint")
                   and r.occurrence == argument.get("occurrence", 0)), None)
    if result is None:
        raise ValueError(f"no {code} finding of that text is left in the draft")
    path = path_of(uri)
    try:
        session = ls.linter.session(path)
        book = session.waivers_for(session.config_for(path))
        by = str(argument.get("by") or "").strip() or git_user(book.root)
        if not by:
            raise ValueError("a waiver needs a signer: pass `by` (there is no git user.name to sign with)")
        expires = dt.date.fromisoformat(argument["expires"]) if argument.get("expires") else None
        entry = waivers.waiver_for(result, book.relative(path), reason, by, dt.date.today(), expires)
        waivers.add(book.path, [entry])
    except (UsageError, ValueError) as e:
        raise ValueError(str(e)) from None
    return {"file": str(book.path), "code": code, "by": by}


def serve(linter: Linter) -> None:
    build(linter).start_io()
