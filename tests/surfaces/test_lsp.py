"""`factlint lsp` end to end: a real server subprocess and a real client speaking the protocol over stdio."""

from __future__ import annotations

import ast
import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest_lsp = pytest.importorskip("pytest_lsp")
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402


DRAFT = (
    "---\ndate: 2026-04-08\n---\n\n"
    "😀 Talks resume on April 31.\n\n"
    "The vote was on Tuesday, April 9, 2026 in Café Noir.\n"
)
TIMEOUT = 60


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "factlint", "lsp"]))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(types.InitializeParams(capabilities=types.ClientCapabilities()))
    yield
    await lsp_client.shutdown_session()


def _range(line: int, start: int, end: int, end_line: int | None = None) -> types.Range:
    return types.Range(start=types.Position(line=line, character=start),
                       end=types.Position(line=line if end_line is None else end_line, character=end))


async def _open(client: LanguageClient, path: Path, text: str, language: str = "markdown") -> str:
    uri = path.as_uri()
    path.write_text(text, encoding="utf-8")
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
    await _diagnostics(client, uri)
    return uri


async def _diagnostics(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    """Wait for the next diagnostics of `uri`."""
    async def wait() -> None:
        while True:
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            if uri in client.diagnostics:
                return
    client.diagnostics.pop(uri, None)
    await asyncio.wait_for(wait(), TIMEOUT)
    return list(client.diagnostics[uri])


def _brief(found) -> list[tuple]:
    return [(d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character)
            for d in found]


def _apply(text: str, edit: types.WorkspaceEdit) -> str:
    """Apply a WorkspaceEdit's text edits (UTF-16 positions) to `text`, as an editor would."""
    edits = [e for change in edit.document_changes for e in change.edits]
    lines = text.split("\n")

    def offset(p: types.Position) -> int:
        start = sum(len(line) + 1 for line in lines[: p.line])
        line, units, i = lines[p.line] if p.line < len(lines) else "", 0, 0
        while i < len(line) and units < p.character:
            units += 2 if ord(line[i]) > 0xFFFF else 1
            i += 1
        return start + i

    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(e.range.start)] + e.new_text + text[offset(e.range.end):]
    return text


E, W = types.DiagnosticSeverity.Error, types.DiagnosticSeverity.Warning


@pytest.mark.asyncio
async def test_open_publishes_exact_diagnostics_in_utf16_columns(client, tmp_path):
    uri = tmp_path.joinpath("draft.md").as_uri()
    tmp_path.joinpath("draft.md").write_text(DRAFT, encoding="utf-8")
    client.diagnostics.pop(uri, None)
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=DRAFT)))
    found = await _diagnostics(client, uri) if uri not in client.diagnostics else list(client.diagnostics[uri])
    # "😀" is one code point but two UTF-16 units: "April 31" starts at column 19, not 18.
    assert _brief(found) == [("DAT005", E, 4, 19, 4, 27), ("DAT004", E, 6, 16, 6, 38)]
    assert found[0].message == '"April 31" is not a date: April has 30 days'
    assert {d.source for d in found} == {"factlint"}
    assert found[0].code_description is None  # a built-in rule has an address only with `rule-docs`


@pytest.mark.asyncio
async def test_incremental_change_updates_diagnostics(client, tmp_path):
    uri = await _open(client, tmp_path / "draft.md", DRAFT)
    # Replace "31" by "30" on line 4 (UTF-16 columns 25-27, after the emoji).
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(range=_range(4, 25, 27), text="30")]))
    found = await _diagnostics(client, uri)
    assert _brief(found) == [("DAT004", E, 6, 16, 6, 38)]
    # Insert a line above: the finding moves down a line.
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=3),
        content_changes=[types.TextDocumentContentChangePartial(range=_range(6, 0, 0), text="Élan.\n\n")]))
    found = await _diagnostics(client, uri)
    assert _brief(found) == [("DAT004", E, 8, 16, 8, 38)]


async def _actions(client: LanguageClient, uri: str, rng: types.Range, only=None) -> list[types.CodeAction]:
    return await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=rng,
        context=types.CodeActionContext(diagnostics=[], only=only)))


@pytest.mark.asyncio
async def test_quick_fix_disable_and_waive_actions(client, tmp_path):
    uri = await _open(client, tmp_path / "draft.md", DRAFT)
    found = await _actions(client, uri, _range(6, 20, 20))
    titles = [a.title for a in found]
    assert titles == ['DAT004: Change "Tuesday" to "Thursday"', "Disable DAT004 on this line",
                      "Waive DAT004 with a reason…", "Fix all safe fixes in this document"]
    fix = found[0]
    assert fix.is_preferred is True and fix.kind == types.CodeActionKind.QuickFix
    assert _apply(DRAFT, fix.edit) == DRAFT.replace("Tuesday", "Thursday")
    disabled = _apply(DRAFT, found[1].edit)
    assert disabled == DRAFT.replace("The vote", "<!-- factlint: disable-next-line=DAT004 -->\nThe vote")
    assert found[3].kind == "source.fixAll.factlint"
    assert _apply(DRAFT, found[3].edit) == DRAFT.replace("Tuesday", "Thursday")

    # The disabled draft, sent to the server, no longer reports DAT004.
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=disabled)]))
    assert _brief(await _diagnostics(client, uri)) == [("DAT005", E, 4, 19, 4, 27)]


@pytest.mark.asyncio
async def test_unsafe_fix_is_offered_but_not_preferred(client, tmp_path):
    text = "---\ndate: 2026-04-08\n---\n\nThe port closed this morning.\n"
    uri = await _open(client, tmp_path / "draft.md", text)
    assert _brief(client.diagnostics[uri]) == [("DAT001", W, 4, 16, 4, 28)]
    found = await _actions(client, uri, _range(4, 17, 17))
    assert found[0].title == 'DAT001: Replace with "on the morning of April 8" (unsafe fix)'
    assert not found[0].is_preferred
    assert _apply(text, found[0].edit) == text.replace("this morning", "on the morning of April 8")
    assert "Fix all safe fixes in this document" not in [a.title for a in found]


async def _waive_argument(client: LanguageClient, uri: str) -> dict:
    waive = next(a for a in await _actions(client, uri, _range(4, 20, 20)) if a.title.startswith("Waive"))
    # lsprotocol's client decoder reads a code action that runs a command as a Command whose
    # `command` is the text of the raw one; a real editor reads the JSON itself.
    assert isinstance(waive, types.Command)
    raw = ast.literal_eval(waive.command)
    assert raw["command"] == "factlint.waive" and raw["title"] == "Waive DAT005 with a reason…"
    return dict(raw["arguments"][0])


@pytest.mark.asyncio
async def test_waive_command_writes_the_waivers_file(client, tmp_path):
    (tmp_path / ".factlint.yaml").write_text("fail-level: warning\n", encoding="utf-8")  # the waivers file lies beside it
    uri = await _open(client, tmp_path / "draft.md", DRAFT)
    argument = dict(await _waive_argument(client, uri), reason="the court sits on the 31st by its own calendar", by="Ana Ruiz")
    answer = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="factlint.waive", arguments=[argument]))
    book = tmp_path / ".factlint-waivers.yaml"
    assert answer["file"] == str(book)
    from factlint import waivers

    [entry] = waivers.load(book).entries
    assert (entry.file, entry.code, entry.reason, entry.by, entry.text) == (
        "draft.md", "DAT005", "the court sits on the 31st by its own calendar", "Ana Ruiz", "April 31")
    # The waived finding is gone from the draft's diagnostics.
    await asyncio.sleep(0.5)
    assert _brief(client.diagnostics[uri]) == [("DAT004", E, 6, 16, 6, 38)]


@pytest.mark.asyncio
async def test_waive_without_reason_is_an_error_message(client, tmp_path):
    (tmp_path / ".factlint.yaml").write_text("fail-level: warning\n", encoding="utf-8")
    uri = await _open(client, tmp_path / "draft.md", DRAFT)
    await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="factlint.waive", arguments=[await _waive_argument(client, uri)]))
    assert [(m.type, m.message) for m in client.messages] == [
        (types.MessageType.Error, "factlint: a waiver needs a reason: say why the finding is fine")]
    assert not (tmp_path / ".factlint-waivers.yaml").exists()


@pytest.mark.asyncio
async def test_hover_shows_the_rule_explanation(client, tmp_path):
    uri = await _open(client, tmp_path / "draft.md", DRAFT)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=4, character=22)))
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert hover.range == _range(4, 19, 27)
    value = hover.contents.value
    assert value.startswith('**DAT005 impossible-date**: "April 31" is not a date: April has 30 days')
    assert "Reported:\n\n```\n" in value and "Not reported (near-miss):\n\n```\n" in value
    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=4, character=5)))
    assert nothing is None


@pytest.mark.asyncio
async def test_rule_docs_address_is_the_code_description_and_the_hover_link(client, tmp_path):
    (tmp_path / ".factlint.yaml").write_text('rule-docs: "https://style.example.org/factlint/{code}"\n',
                                             encoding="utf-8")
    uri = await _open(client, tmp_path / "draft.md", DRAFT)
    found = [d for d in client.diagnostics[uri] if d.code == "DAT005"]
    assert [d.code_description.href for d in found] == ["https://style.example.org/factlint/DAT005"]
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=4, character=22)))
    assert hover.contents.value.endswith("[Documentation](https://style.example.org/factlint/DAT005)")


@pytest.mark.asyncio
async def test_bad_config_is_one_error_message_and_the_server_recovers(client, tmp_path):
    config = tmp_path / ".factlint.yaml"
    config.write_text("select: [DAT\n", encoding="utf-8")
    uri = await _open(client, tmp_path / "draft.md", DRAFT)
    assert list(client.diagnostics[uri]) == []
    assert len(client.messages) == 1 and client.messages[0].type == types.MessageType.Error
    assert str(config) in client.messages[0].message
    # Still serving: a hover answers, and a fixed configuration counts from the next change on.
    await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=4, character=22)))
    config.write_text("select: [DAT005]\n", encoding="utf-8")
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(range=_range(0, 0, 0), text="")]))
    assert _brief(await _diagnostics(client, uri)) == [("DAT005", E, 4, 19, 4, 27)]
    assert len(client.messages) == 1


@pytest.mark.asyncio
async def test_plain_text_and_html_drafts(client, tmp_path):
    text_uri = await _open(client, tmp_path / "note.txt", "Talks resume on April 31.\n", language="plaintext")
    assert _brief(client.diagnostics[text_uri]) == [("DAT005", E, 0, 16, 0, 24)]
    disable = next(a for a in await _actions(client, text_uri, _range(0, 18, 18)) if a.title.startswith("Disable"))
    assert _apply("Talks resume on April 31.\n", disable.edit) == \
        "factlint: disable-next-line=DAT005\nTalks resume on April 31.\n"
    html = "<html><body>\n  <p>Talks resume on April 31.</p>\n</body></html>\n"
    html_uri = await _open(client, tmp_path / "story.html", html, language="html")
    assert _brief(client.diagnostics[html_uri]) == [("DAT005", E, 1, 21, 1, 29)]
    disable = next(a for a in await _actions(client, html_uri, _range(1, 22, 22)) if a.title.startswith("Disable"))
    assert _apply(html, disable.edit) == html.replace(
        "  <p>", "  <!-- factlint: disable-next-line=DAT005 -->\n  <p>")


@pytest.mark.asyncio
async def test_a_megabyte_draft_gets_diagnostics(client, tmp_path):
    paragraph = "The council met to discuss the harbour budget and the new ferry timetable today.\n\n"
    text = paragraph * (1_000_000 // len(paragraph))
    uri = await _open(client, tmp_path / "big.md", text)
    found = client.diagnostics[uri]
    assert len(text.encode()) > 990_000
    assert {d.code for d in found} == {"DAT001"}  # "today", on every paragraph
    # And it still answers after it.
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=found[0].range.start))
    assert hover.contents.value.startswith("**DAT001 relative-date**")


DATA = Path(__file__).resolve().parent.parent / "data"
ROOT = Path(__file__).resolve().parent.parent.parent


def _env(*folders: Path) -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=os.pathsep.join([*map(str, folders), str(ROOT)]))


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "factlint", "lsp"],
                                              server_env=_env(DATA / "lsp-plugin")))
async def plugin_client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(types.InitializeParams(capabilities=types.ClientCapabilities()))
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_code_description_is_the_rules_url(plugin_client, tmp_path):
    uri = await _open(plugin_client, tmp_path / "draft.md", "Sources say the port will close.\n")
    [found] = plugin_client.diagnostics[uri]
    assert (found.code, found.severity, found.range) == ("CIT001", W, _range(0, 0, 11))
    assert found.code_description.href == "https://newsroom.example/factlint/CIT001"


def test_without_the_extra_it_names_the_install_line():
    done = subprocess.run([sys.executable, "-m", "factlint", "lsp"], capture_output=True, text=True,
                          env=_env(DATA / "lsp-no-extra"), stdin=subprocess.DEVNULL, timeout=60)
    assert done.returncode == 2
    assert done.stderr == ("factlint: error: factlint lsp needs the 'lsp' extra (lsprotocol is not installed): "
                           "pip install 'factlint[lsp]'\n")
