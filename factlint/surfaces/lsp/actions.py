"""Code actions of a finding: its fix, "fix all safe fixes", "disable CODE on this line", "waive CODE"."""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from lsprotocol import types

from factlint.surfaces.lsp.positions import Lines

if TYPE_CHECKING:
    from factlint.results import Result

WAIVE = "factlint.waive"
FIX_ALL = types.CodeActionKind.SourceFixAll + ".factlint"


def _edit(uri: str, version: int | None, edits: Sequence[types.TextEdit]) -> types.WorkspaceEdit:
    document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
    return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=document, edits=list(edits))])


def fix_action(result: "Result", lines: Lines, uri: str, version: int | None,
               diagnostic: types.Diagnostic) -> types.CodeAction | None:
    if result.fix is None:
        return None
    safe = result.fix.applicability == "safe"
    title = f"{result.code}: {result.fix.message}" + ("" if safe else " (unsafe fix)")
    edits = [types.TextEdit(range=lines.range(e.span.start, e.span.end), new_text=e.content) for e in result.fix.edits]
    return types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                            is_preferred=safe, edit=_edit(uri, version, edits))


def fix_all_action(old: str, new: str, lines: Lines, uri: str, version: int | None,
                   kind: str = FIX_ALL) -> types.CodeAction | None:
    """The whole document replaced by its fixed text, when the fixes change it."""
    if new == old:
        return None
    edit = types.TextEdit(range=lines.range(0, len(old)), new_text=new)
    return types.CodeAction(title="Fix all safe fixes in this document", kind=kind, edit=_edit(uri, version, [edit]))


def suppression_comment(fmt: str, code: str) -> str:
    """The directive SPEC's suppression defines for the format, silencing `code` on the next line."""
    if fmt == "text":
        return f"factlint: disable-next-line={code}"
    return f"<!-- factlint: disable-next-line={code} -->"


def disable_action(result: "Result", fmt: str, lines: Lines, uri: str, version: int | None,
                   diagnostic: types.Diagnostic) -> types.CodeAction:
    """A line before the finding's own, indented as it is, holding the format's disable-next-line comment."""
    row = result.location.row - 1
    line = result.line_text
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    at = types.Position(line=row, character=0)
    text = f"{indent}{suppression_comment(fmt, result.code)}\n"
    return types.CodeAction(title=f"Disable {result.code} on this line", kind=types.CodeActionKind.QuickFix,
                            diagnostics=[diagnostic],
                            edit=_edit(uri, version, [types.TextEdit(range=types.Range(start=at, end=at), new_text=text)]))


def waive_action(result: "Result", uri: str, diagnostic: types.Diagnostic) -> types.CodeAction | None:
    """A command the client runs with the reason it asks the user for (`reason` added to the argument)."""
    if not result.fingerprint:
        return None
    argument = {"uri": uri, "code": result.code, "fingerprint": result.fingerprint, "occurrence": result.occurrence}
    command = types.Command(title=f"Waive {result.code} with a reason…", command=WAIVE, arguments=[argument])
    return types.CodeAction(title=f"Waive {result.code} with a reason…", kind=types.CodeActionKind.QuickFix,
                            diagnostics=[diagnostic], command=command)
