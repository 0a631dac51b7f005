"""Shared fixtures: a real HTTP server on 127.0.0.1 that answers slowly, for timeout tests."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Iterator

import pytest


@pytest.fixture
def slow_server() -> Iterator[Callable[[float], str]]:
    """Start servers that wait `delay` seconds before answering 200; returns each one's base URL."""
    servers: list[ThreadingHTTPServer] = []

    def start(delay: float) -> str:
        class Slow(BaseHTTPRequestHandler):
            def do_HEAD(self) -> None:  # noqa: N802 - the standard library's name
                time.sleep(delay)
                self.send_response(200)
                self.end_headers()

            do_GET = do_HEAD  # noqa: N815

            def log_message(self, *args: Any) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Slow)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
