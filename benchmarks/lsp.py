"""Time `factlint lsp` from didChange to publishDiagnostics on a 5 kB draft, over 100 incremental edits."""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

PARAGRAPH = ("Union organiser Marta Kowalczyk said the strike at the Port of Eastmere would last until "
             "the operator restored the night-shift premium it cut in January, the union said on Tuesday.\n\n")


def _cpu(pid: int) -> float:
    """The server process's user+system CPU seconds, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def run(edits: int) -> dict[str, float]:
    from factlint.surfaces.lsp.server import DEBOUNCE

    folder = Path(tempfile.mkdtemp())
    path = folder / "draft.md"
    text = "---\ndate: 2026-04-08\n---\n\n# Strike at the port\n\n" + PARAGRAPH * 27
    path.write_text(text, encoding="utf-8")
    client = LanguageClient("factlint-bench", "1")
    published: asyncio.Queue = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        published.put_nowait((time.perf_counter(), params.version))

    await client.start_io(sys.executable, "-m", "factlint", "lsp")
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
    client.initialized(types.InitializedParams())
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)))
    await published.get()
    pid = client._server.pid
    cpu_before = _cpu(pid)
    latencies = []
    for version in range(2, edits + 2):
        line = 6 + 2 * (version % 25)
        change = types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=line, character=0), end=types.Position(line=line, character=5)),
            text="Union" if version % 2 else "Trade")
        sent = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=[change]))
        while True:
            at, got = await published.get()
            if got == version:
                break
        latencies.append(at - sent)
    cpu = _cpu(pid) - cpu_before
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    return {"bytes": len(text.encode()), "edits": edits, "debounce_ms": DEBOUNCE * 1000,
            "median_ms": statistics.median(latencies) * 1000, "p95_ms": p95 * 1000,
            "median_less_debounce_ms": statistics.median(latencies) * 1000 - DEBOUNCE * 1000,
            "p95_less_debounce_ms": p95 * 1000 - DEBOUNCE * 1000,
            "server_cpu_per_edit_ms": cpu / edits * 1000}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--edits", type=int, default=100)
    args = parser.parse_args()
    figures = asyncio.run(run(args.edits))
    print(f"load average (1 min, at the end): {os.getloadavg()[0]:.2f}")
    for key, value in figures.items():
        print(f"{key:26} {value:10.1f}")


if __name__ == "__main__":
    main()
