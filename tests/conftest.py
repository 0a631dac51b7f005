"""Shared fixtures: a guard that keeps online tests on this machine, and real HTTP servers on 127.0.0.1."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from pathlib import Path
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Iterator
from urllib.parse import urlsplit, urlunsplit

import pytest


@pytest.fixture(scope="session")
def _shared_pack_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("packs-cache")


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, _shared_pack_cache: Path,
               monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own cache folder, never the user's: results cached by one test are not another's.

    Parsed rule packs are shared by the whole session through a link (they depend on the pack text only).
    """
    root = tmp_path_factory.mktemp("cache")
    (root / "packs").symlink_to(_shared_pack_cache, target_is_directory=True)
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(root))
    return root


#: What online tests add to their `online` settings: the test servers live on loopback.
LOOPBACK = {"allow-networks": ["127.0.0.0/8", "::1"]}


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


def keep_local(monkeypatch: pytest.MonkeyPatch, stand_ins: dict[str, str] | None = None) -> list[tuple[str, int]]:
    """Let factlint's online client connect only to loopback; `stand_ins` maps host names to local base URLs.

    A request to a stand-in host ("https://commons.wikimedia.org/w/api.php")
    goes to its local server instead ("http://127.0.0.1:PORT/w/api.php"),
    vetted like any other address.

    Returns the list of (address, port) it connected to, for tests that assert nothing was contacted.
    """
    from factlint import online

    stand_ins = stand_ins or {}
    real_resolve = socket.getaddrinfo
    real_connect = online._connect
    real_fetch = online._fetch
    connected: list[tuple[str, int]] = []

    def fetch(method: str, url: str, *args: Any, **kwargs: Any) -> Any:
        parts = urlsplit(url)
        base = stand_ins.get((parts.hostname or "").lower())
        if base:
            url = urlunsplit((*urlsplit(base)[:2], parts.path, parts.query, ""))
        return real_fetch(method, url, *args, **kwargs)

    def resolve(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "localhost":
            return real_resolve(host, port, *args, **kwargs)
        # numbers only, in any spelling the C library reads ("2130706433", "0x7f.1"): never a DNS query
        return real_resolve(host, port, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST)

    def connect(infos: Any, deadline: float, late: str) -> Any:
        for *_, sockaddr in infos:
            assert ipaddress.ip_address(sockaddr[0]).is_loopback, f"a test tried to reach {sockaddr[0]}"
            connected.append((sockaddr[0], sockaddr[1]))
        return real_connect(infos, deadline, late)

    monkeypatch.setattr(online.socket, "getaddrinfo", resolve)
    monkeypatch.setattr(online, "_connect", connect)
    monkeypatch.setattr(online, "_fetch", fetch)
    return connected
