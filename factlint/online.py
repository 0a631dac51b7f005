"""The one way factlint talks to the network: polite, cached, bounded, and never a traceback."""

from __future__ import annotations

import http.client
import ipaddress
import json
import os
import socket
import ssl
import threading
import time
from dataclasses import field
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence
from urllib.parse import urlencode, urljoin, urlsplit

from factlint import __version__, compiled
from factlint.errors import UsageError
from factlint.limits import ONLINE_SECONDS, REDIRECTS, REQUEST_SECONDS, RESPONSE_BYTES

SECTION = "online"
DEFAULT_TIMEOUT = REQUEST_SECONDS
DEFAULT_CACHE_DIR = "~/.cache/factlint"
DEFAULT_CACHE_DAYS = 7.0
DEFAULT_COMMONS_API = "https://commons.wikimedia.org/w/api.php"

#: Wikimedia's user-agent policy asks for a name, a version and a way to learn more.
USER_AGENT = f"factlint/{__version__} (editorial fact-check and licensing linter; https://factlint.readthedocs.io)"

#: At most this many requests at once: quick for a draft, gentle on one photo site.
PARALLEL = 4

#: Servers that refuse HEAD often answer these instead of 405; a GET settles it.
_HEAD_REFUSED = frozenset({400, 403, 404, 405, 406, 429, 500, 501, 502, 503})


@compiled.dataclass(frozen=True)
class Settings:
    """The `online` configuration section of one file, with its defaults."""

    timeout: float = DEFAULT_TIMEOUT
    cache_dir: Path = Path(DEFAULT_CACHE_DIR).expanduser()
    cache_days: float = DEFAULT_CACHE_DAYS
    allowed_hosts: tuple[str, ...] | None = None  # None: every host
    commons_api: str = DEFAULT_COMMONS_API
    deadline: float = ONLINE_SECONDS  # seconds for all online checks of one run
    max_bytes: int = RESPONSE_BYTES  # of one answer's body
    #: networks contacted although they are loopback or private (an in-house photo archive; tests on 127.0.0.1)
    allow_networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()

    @classmethod
    def from_mapping(cls, section: Mapping[str, Any] | None, root: Path | None = None) -> "Settings":
        """Settings from a configuration section; a relative cache-dir starts at `root` (the config's folder)."""
        section = section or {}
        timeout = _number(section, "timeout", DEFAULT_TIMEOUT)
        if timeout <= 0:
            raise UsageError(f"configuration key '{SECTION}.timeout': {timeout:g} is not a positive number of seconds")
        days = _number(section, "cache-days", DEFAULT_CACHE_DAYS)
        if days < 0:
            raise UsageError(f"configuration key '{SECTION}.cache-days': {days:g} is negative")
        api = str(section.get("commons-api", DEFAULT_COMMONS_API)).strip()
        if urlsplit(api).scheme not in ("http", "https"):
            raise UsageError(f"configuration key '{SECTION}.commons-api': {api!r} is not an http(s) URL")
        hosts = section.get("allowed-hosts")
        deadline = _number(section, "deadline", ONLINE_SECONDS)
        if deadline <= 0:
            raise UsageError(f"configuration key '{SECTION}.deadline': {deadline:g} is not a positive number of seconds")
        size = section.get("max-bytes", RESPONSE_BYTES)
        if isinstance(size, bool) or not isinstance(size, int) or size <= 0:
            raise UsageError(f"configuration key '{SECTION}.max-bytes': {size!r} is not a positive whole number")
        networks = []
        for net in section.get("allow-networks") or ():
            try:
                networks.append(ipaddress.ip_network(str(net).strip(), strict=False))
            except ValueError:
                raise UsageError(f"configuration key '{SECTION}.allow-networks': {net!r} is not an IP network "
                                 f"(such as 10.20.0.0/16 or 127.0.0.1)") from None
        return cls(
            timeout=timeout,
            cache_dir=_cache_dir(section.get("cache-dir"), root),
            cache_days=days,
            allowed_hosts=None if hosts is None else tuple(str(h).strip().lower() for h in hosts if str(h).strip()),
            commons_api=api,
            deadline=deadline,
            max_bytes=size,
            allow_networks=tuple(networks),
        )

    def allows(self, url: str) -> bool:
        """Whether `allowed-hosts` lets factlint contact this URL's host (a listed host covers its subdomains)."""
        if self.allowed_hosts is None:
            return True
        try:
            parts = urlsplit(url)
            host = (parts.hostname or "").lower()
            netloc = f"{host}:{parts.port}" if parts.port else host
        except ValueError:  # "http://[" or a port that is no number: nothing to allow
            return False
        return any(
            allowed in (host, netloc) or host.endswith("." + allowed.lstrip(".")) for allowed in self.allowed_hosts
        )


def _number(section: Mapping[str, Any], key: str, default: float) -> float:
    value = section.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise UsageError(f"configuration key '{SECTION}.{key}': {value!r} is not a number")
    return float(value)


@compiled.dataclass(frozen=True)
class Answer:
    """What a URL answered: an HTTP status, or why there was none. Never an exception."""

    url: str
    status: int | None = None
    error: str | None = None  # "timed out after 10 s", "connection refused"...
    data: Any = None  # the parsed JSON body, for `Client.get_json`
    skipped: str | None = None  # why factlint did not contact the host at all, by the user's choice
    refused: str | None = None  # "not checked: private address (10.0.0.1)": worth a finding
    cached: bool = False

    @property
    def ok(self) -> bool:
        """2xx or 3xx: the address works (a redirect that ends in a 404 is a 404)."""
        return self.status is not None and 200 <= self.status < 400

    @property
    def failed(self) -> bool:
        """The URL was contacted and did not work (a skipped or refused URL has not failed)."""
        return self.skipped is None and self.refused is None and not self.ok

    @property
    def problem(self) -> str:
        """What went wrong, in words for a message: "answered 404 Not Found", "timed out after 10 s"."""
        if self.status is not None:
            return f"answered {self.status}{_reason(self.status)}"
        return self.error or self.refused or self.skipped or "gave no answer"

    def to_json(self) -> dict[str, Any]:
        return {"url": self.url, "status": self.status, "error": self.error, "data": self.data}


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return f" {HTTPStatus(status).phrase}"
    except ValueError:
        return ""


@compiled.dataclass
class Client:
    """HTTP for online checks: per-run memory, an on-disk cache with expiry, allowed hosts, HEAD then GET.

    The engine makes one per run (`from_settings`) and hands it to every
    check as `context.session`; the per-file `online` settings come with
    each call, since two folders of a newsroom may configure them apart.
    """

    use_cache: bool = True  # False with --no-cache: the disk cache is neither read nor written
    user_agent: str = USER_AGENT
    _memory: dict[str, Answer] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _phase_end: float | None = field(default=None, repr=False)  # the run's online deadline, from its first request

    @classmethod
    def from_settings(cls, options: Any) -> "Client":
        """The run's client, from the engine's `Options` (only `cache` is read)."""
        return cls(use_cache=bool(getattr(options, "cache", True)))

    # -- the two questions checks ask ---------------------------------------

    def check(self, url: str, settings: Settings | Mapping[str, Any] | None = None) -> Answer:
        """Whether a URL answers: HEAD, then GET when the server refuses HEAD."""
        settings = _settings(settings)
        return self._ask("check", url, settings, lambda: self._head_then_get(url, settings))

    def check_all(self, urls: Sequence[str], settings: Settings | Mapping[str, Any] | None = None) -> dict[str, Answer]:
        """`check` every URL, a few at a time, so twenty photos do not cost twenty timeouts in a row."""
        settings = _settings(settings)
        unique = list(dict.fromkeys(urls))
        if len(unique) <= 1:
            return {url: self.check(url, settings) for url in unique}
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=min(PARALLEL, len(unique))) as pool:
            answers = list(pool.map(lambda url: self.check(url, settings), unique))
        return dict(zip(unique, answers))

    def get_json(self, url: str, params: Mapping[str, str] | None = None,
                 settings: Settings | Mapping[str, Any] | None = None,
                 refusal: Callable[[Any], str | None] | None = None) -> Answer:
        """GET a JSON API; `data` is the parsed body, or None with `error` saying why.

        `refusal` reads an API's own error out of a 200 answer (MediaWiki's
        `{"error": ...}`); such an answer has `error` set and is not cached.
        """
        settings = _settings(settings)
        full = f"{url}{'&' if '?' in url else '?'}{urlencode(sorted((params or {}).items()))}" if params else url
        return self._ask("json", full, settings, lambda: self._get_json(full, settings, refusal))

    # -- memory and disk -------------------------------------------------------

    def _ask(self, kind: str, url: str, settings: Settings, fetch: Callable[[], Answer]) -> Answer:
        try:
            parts = urlsplit(url)
            scheme = parts.scheme.lower()
            _ = parts.port  # raises for "http://host:abc/"
        except ValueError:
            return Answer(url, error="is not a well-formed web address")
        if scheme not in ("http", "https"):
            return Answer(url, skipped=f"not an http(s) address ({scheme or 'no scheme'})")
        if not settings.allows(url):
            return Answer(url, skipped="its host is not in online.allowed-hosts")
        key = f"{kind} {url}"
        with self._lock:
            if key in self._memory:
                return self._memory[key]
        answer = self._read_disk(key, settings)
        if answer is None:
            answer = fetch()
            if _lasting(answer):
                self._write_disk(key, answer, settings)
        with self._lock:
            self._memory[key] = answer
        return answer

    def _cache_file(self, key: str, settings: Settings) -> Path:
        import hashlib

        return settings.cache_dir / "online" / (hashlib.sha256(key.encode("utf-8")).hexdigest() + ".json")

    def _read_disk(self, key: str, settings: Settings) -> Answer | None:
        if not self.use_cache or settings.cache_days <= 0:
            return None
        path = self._cache_file(key, settings)
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            if entry.get("key") != key:
                return None
            if time.time() - float(entry["time"]) > settings.cache_days * 86400:
                path.unlink(missing_ok=True)  # so the folder holds only what is still worth reading
                return None
            a = entry["answer"]
            return Answer(a["url"], a.get("status"), a.get("error"), a.get("data"), cached=True)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # no entry, or a damaged one: ask the network again

    def _write_disk(self, key: str, answer: Answer, settings: Settings) -> None:
        if not self.use_cache or settings.cache_days <= 0:
            return
        import tempfile

        path = self._cache_file(key, settings)
        entry = {"key": key, "time": time.time(), "answer": answer.to_json()}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # parallel workers share the folder: write aside, then rename in one step
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(entry, out)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only or full disk makes the run slower, not wrong

    # -- the network ------------------------------------------------------------

    def _deadline(self, settings: Settings) -> tuple[float, str] | None:
        """When the request about to start must end, and what to say if it does not: its own timeout,
        or the run's online deadline if that comes sooner. None when the run's deadline has passed.
        """
        now = time.monotonic()
        with self._lock:
            if self._phase_end is None:
                self._phase_end = now + settings.deadline
            phase_end = self._phase_end
        if now >= phase_end:
            return None
        if now + settings.timeout <= phase_end:
            return now + settings.timeout, f"timed out after {settings.timeout:g} s"
        return phase_end, f"was cut off by the run's online deadline ({settings.deadline:g} s)"

    def _exchange(self, method: str, url: str, settings: Settings, *, body: bool = False,
                  accept: str | None = None) -> tuple[_Reply | None, Answer | None]:
        """One request with its redirects, each address vetted: the final reply, or the Answer that says why not."""
        when = self._deadline(settings)
        if when is None:
            return None, Answer(url, refused=f"not checked: the run's online checks used their whole "
                                             f"deadline ({settings.deadline:g} s)")
        current = url
        for hop in range(REDIRECTS + 1):
            try:
                reply = _fetch(method, current, settings, when, self.user_agent, accept, body)
            except _Refusal as refusal:
                return None, Answer(url, refused=f"not checked: {refusal}" if hop == 0
                                    else f"not checked: it redirects to {current}, {refusal}")
            except _Failure as failure:
                return None, Answer(url, error=str(failure))
            location = reply.headers.get("location")
            if reply.status not in _REDIRECTS or not location:
                return reply, None
            try:
                current = urljoin(current, location.strip())
                scheme = urlsplit(current).scheme.lower()
            except ValueError:
                return None, Answer(url, error=f"redirects to an address that is not well formed ({location!r})")
            if scheme not in ("http", "https"):
                return None, Answer(url, refused=f"not checked: it redirects to {current}, not an http(s) address")
            if not settings.allows(current):
                return None, Answer(url, refused=f"not checked: it redirects to {current}, "
                                                 f"whose host is not in online.allowed-hosts")
            if reply.status == 303:
                method = "GET"
        return None, Answer(url, error=f"redirects more than {REDIRECTS} times")

    def _head_then_get(self, url: str, settings: Settings) -> Answer:
        reply, answer = self._exchange("HEAD", url, settings)
        if reply is not None and reply.status not in _HEAD_REFUSED:
            return Answer(url, reply.status)
        if answer is not None and (answer.refused or _out_of_time(answer)):
            return answer  # a second try would be refused again, or double the wait for nothing
        reply, answer = self._exchange("GET", url, settings)  # the status is all LIC006 needs, not the photo
        return answer if reply is None else Answer(url, reply.status)

    def _get_json(self, url: str, settings: Settings, refusal: Callable[[Any], str | None] | None) -> Answer:
        reply, answer = self._exchange("GET", url, settings, body=True, accept="application/json")
        if reply is None:
            return answer  # type: ignore[return-value]
        if not 200 <= reply.status < 300:
            return Answer(url, reply.status, error=f"answered {reply.status}{_reason(reply.status)}")
        try:
            data = json.loads(reply.body.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return Answer(url, reply.status, error="answered something that is not JSON")
        return Answer(url, reply.status, error=refusal(data) if refusal else None, data=data)


def _out_of_time(answer: Answer) -> bool:
    return answer.error is not None and ("timed out" in answer.error or "online deadline" in answer.error)


# -- one request, by hand: every address vetted, one deadline, a bounded body ----------

_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@compiled.dataclass(frozen=True)
class _Reply:
    status: int
    headers: Mapping[str, str]  # names in lower case
    body: bytes = b""


class _Refusal(Exception):
    """factlint would not contact this address; the text says why ("private address (10.0.0.1)")."""


class _Failure(Exception):
    """The address was contacted (or tried) and gave no usable answer; the text says why."""


def address_problem(address: str, allowed: Sequence[Any] = ()) -> str | None:
    """Why an IP address is not one online checks may contact, or None when it is.

    Loopback, private, link-local (where clouds keep their metadata service),
    multicast, shared and reserved addresses are refused unless `allowed`
    (networks from online.allow-networks) holds them. An IPv6 address that
    carries an IPv4 one (::ffff:10.0.0.1, 6to4, Teredo) is judged by that too.
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    candidates: list[Any] = [ip]
    if isinstance(ip, ipaddress.IPv6Address):  # the IPv4 address it carries decides, if it carries one
        candidates = [v4 for v4 in (ip.ipv4_mapped, ip.sixtofour, ip.teredo[1] if ip.teredo else None) if v4] or [ip]
    for candidate in candidates:
        if any(candidate.version == net.version and candidate in net for net in allowed):
            continue
        if candidate.is_loopback:
            return f"loopback address ({address})"
        if candidate.is_unspecified:  # 0.0.0.0 and :: reach this very machine
            return f"unspecified address ({address})"
        if candidate.is_link_local:
            return f"link-local address ({address})"
        if candidate.is_multicast:
            return f"multicast address ({address})"
        if candidate.is_reserved:
            return f"reserved address ({address})"
        if candidate.is_private:
            return f"private address ({address})"
        if not candidate.is_global:
            return f"reserved address ({address})"
    return None


def _resolve(host: str, port: int, settings: Settings) -> list[tuple[Any, ...]]:
    """Every address the host name resolves to, each vetted: one refused address refuses the host."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError):
        raise _Failure("could not be reached: its host name does not resolve "
                       "(a typo in the address, or no network here)") from None
    for *_, sockaddr in infos:
        problem = address_problem(str(sockaddr[0]), settings.allow_networks)
        if problem:
            raise _Refusal(problem)
    return infos


def _fetch(method: str, url: str, settings: Settings, when: tuple[float, str], agent: str,
           accept: str | None, want_body: bool) -> _Reply:
    """One HTTP exchange, no redirects followed, to an address vetted after DNS and connected to as vetted.

    `when` is the deadline of the whole exchange (connect, headers, body) and what to say past it.
    """
    deadline, late = when
    try:
        parts = urlsplit(url)
        host, port = parts.hostname or "", parts.port
    except ValueError:
        raise _Failure("is not a well-formed web address") from None
    secure = parts.scheme.lower() == "https"
    port = port or (443 if secure else 80)
    if not host:
        raise _Failure("is not a well-formed web address")
    infos = _resolve(host, port, settings)
    sock = _connect(infos, deadline, late)
    fired = threading.Event()

    def cut() -> None:  # the whole request's deadline: a trickling server cannot stretch it read by read
        fired.set()
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    watchdog = threading.Timer(max(0.0, deadline - time.monotonic()), cut)
    watchdog.daemon = True
    watchdog.start()
    conn: http.client.HTTPConnection | None = None
    try:
        stream: socket.socket = sock
        if secure:
            stream = _tls().wrap_socket(sock, server_hostname=host)
        conn = http.client.HTTPConnection(host, port)
        conn.sock = stream
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        shown_host = f"[{host}]" if ":" in host else host
        headers = {"Host": shown_host if port == (443 if secure else 80) else f"{shown_host}:{port}",
                   "User-Agent": agent, "Accept-Encoding": "identity", "Connection": "close"}
        if accept:
            headers["Accept"] = accept
        conn.request(method, target, headers=headers)
        response = conn.getresponse()
        data = b""
        if want_body and method != "HEAD":
            data = _read_capped(response, settings.max_bytes)
        return _Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, data)
    except _Failure:
        raise
    except (OSError, http.client.HTTPException, ValueError) as e:
        if fired.is_set() or isinstance(e, (TimeoutError, socket.timeout)):
            raise _Failure(late) from None
        if isinstance(e, ssl.SSLError):
            raise _Failure(f"could not be reached: its secure connection failed ({e.reason or e})") from None
        raise _Failure(f"could not be fetched ({type(e).__name__}: {e})") from None
    finally:
        watchdog.cancel()
        if conn is not None:
            conn.close()
        sock.close()


def _connect(infos: list[tuple[Any, ...]], deadline: float, late: str) -> socket.socket:
    """A socket connected to the first vetted address that answers, before the deadline."""
    refused = False
    for family, kind, proto, _, sockaddr in infos:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        sock = socket.socket(family, kind, proto)
        sock.settimeout(remaining)
        try:
            sock.connect(sockaddr)
            return sock
        except ConnectionRefusedError:
            refused = True
        except OSError:
            pass
        sock.close()
    if time.monotonic() >= deadline:
        raise _Failure(late)
    raise _Failure("refused the connection" if refused else "could not be reached")


def _read_capped(response: http.client.HTTPResponse, limit: int) -> bytes:
    """The body, read as a stream and never past `limit` bytes: an endless answer stops here."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = response.read(min(65536, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise _Failure(f"answered more than {_size(limit)}; factlint reads no further")


def _size(n: int) -> str:
    return f"{n / 1048576:g} MiB" if n >= 1048576 else f"{n:,} bytes"


_TLS: ssl.SSLContext | None = None


def _tls() -> ssl.SSLContext:
    """Certificates checked against certifi's bundle when it is there, else the system's."""
    global _TLS
    if _TLS is None:
        try:
            import certifi

            _TLS = ssl.create_default_context(cafile=certifi.where())
        except ImportError:
            _TLS = ssl.create_default_context()
    return _TLS


def _cache_dir(configured: Any, root: Path | None) -> Path:
    """online.cache-dir (relative to the configuration's folder), else factlint's cache folder."""
    if configured is None:
        from factlint.packs import cache_dir

        return cache_dir()
    return (root or Path.cwd()) / Path(str(configured)).expanduser()


def _settings(settings: Settings | Mapping[str, Any] | None) -> Settings:
    return settings if isinstance(settings, Settings) else Settings.from_mapping(settings)


def _lasting(answer: Answer) -> bool:
    """Worth keeping on disk: a real answer, not a network hiccup or a server's bad day."""
    if answer.status is None:
        return False
    # 408 and 429 say "not now", not "not there"
    return answer.status < 500 and answer.status not in (408, 429) and answer.error is None
