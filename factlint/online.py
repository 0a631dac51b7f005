"""The one way factlint talks to the network: polite, cached, bounded, and never a traceback."""

from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence
from urllib.parse import urlencode, urlsplit

from factlint import __version__
from factlint.errors import UsageError

SECTION = "online"
DEFAULT_TIMEOUT = 10.0
DEFAULT_CACHE_DIR = "~/.cache/factlint"
DEFAULT_CACHE_DAYS = 7.0
DEFAULT_COMMONS_API = "https://commons.wikimedia.org/w/api.php"

#: Wikimedia's user-agent policy asks for a name, a version and a way to learn more.
USER_AGENT = f"factlint/{__version__} (editorial fact-check and licensing linter; https://factlint.readthedocs.io)"

#: At most this many requests at once: quick for a draft, gentle on one photo site.
PARALLEL = 4

#: Servers that refuse HEAD often answer these instead of 405; a GET settles it.
_HEAD_REFUSED = frozenset({400, 403, 404, 405, 406, 429, 500, 501, 502, 503})


@dataclass(frozen=True)
class Settings:
    """The `online` configuration section of one file, with its defaults."""

    timeout: float = DEFAULT_TIMEOUT
    cache_dir: Path = Path(DEFAULT_CACHE_DIR).expanduser()
    cache_days: float = DEFAULT_CACHE_DAYS
    allowed_hosts: tuple[str, ...] | None = None  # None: every host
    commons_api: str = DEFAULT_COMMONS_API

    @classmethod
    def from_mapping(cls, section: Mapping[str, Any] | None, root: Path | None = None) -> "Settings":
        """Settings from a configuration section; a relative cache-dir starts at `root` (the config's folder)."""
        section = section or {}
        timeout = _number(section, "timeout", DEFAULT_TIMEOUT)
        if timeout <= 0:
            raise UsageError(f"configuration key '{SECTION}.timeout': {timeout} is not a positive number of seconds")
        days = _number(section, "cache-days", DEFAULT_CACHE_DAYS)
        if days < 0:
            raise UsageError(f"configuration key '{SECTION}.cache-days': {days} is negative")
        api = str(section.get("commons-api", DEFAULT_COMMONS_API)).strip()
        if urlsplit(api).scheme not in ("http", "https"):
            raise UsageError(f"configuration key '{SECTION}.commons-api': {api!r} is not an http(s) URL")
        hosts = section.get("allowed-hosts")
        return cls(
            timeout=timeout,
            cache_dir=_cache_dir(section.get("cache-dir"), root),
            cache_days=days,
            allowed_hosts=None if hosts is None else tuple(str(h).strip().lower() for h in hosts if str(h).strip()),
            commons_api=api,
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


@dataclass(frozen=True)
class Answer:
    """What a URL answered: an HTTP status, or why there was none. Never an exception."""

    url: str
    status: int | None = None
    error: str | None = None  # "timed out after 10 s", "connection refused"...
    data: Any = None  # the parsed JSON body, for `Client.get_json`
    skipped: str | None = None  # why factlint did not contact the host at all
    cached: bool = False

    @property
    def ok(self) -> bool:
        """2xx or 3xx: the address works (a redirect that ends in a 404 is a 404)."""
        return self.status is not None and 200 <= self.status < 400

    @property
    def failed(self) -> bool:
        """The URL was contacted and did not work (a skipped URL has not failed)."""
        return self.skipped is None and not self.ok

    @property
    def problem(self) -> str:
        """What went wrong, in words for a message: "answered 404 Not Found", "timed out after 10 s"."""
        if self.status is not None:
            return f"answered {self.status}{_reason(self.status)}"
        return self.error or self.skipped or "gave no answer"

    def to_json(self) -> dict[str, Any]:
        return {"url": self.url, "status": self.status, "error": self.error, "data": self.data}


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return f" {HTTPStatus(status).phrase}"
    except ValueError:
        return ""


@dataclass
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
    _http: Any = field(default=None, repr=False)

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

    def _session(self) -> Any:
        if self._http is None:
            import requests

            self._http = requests.Session()
            self._http.headers["User-Agent"] = self.user_agent
        return self._http

    def _request(self, method: str, url: str, settings: Settings, **kwargs: Any) -> tuple[Any, str | None]:
        import requests

        try:
            response = self._session().request(method, url, timeout=settings.timeout, allow_redirects=True, **kwargs)
            return response, None
        except requests.Timeout:
            return None, f"timed out after {settings.timeout:g} s"
        except requests.TooManyRedirects:
            return None, "redirects in a loop"
        except requests.ConnectionError as e:
            return None, _connection_problem(e)
        except Exception as e:  # an odd URL or a broken server must not stop the run
            return None, f"could not be fetched ({type(e).__name__}: {e})"

    def _head_then_get(self, url: str, settings: Settings) -> Answer:
        response, error = self._request("HEAD", url, settings)
        if response is not None:
            response.close()
            if response.status_code not in _HEAD_REFUSED:
                return Answer(url, response.status_code)
        elif error and "timed out" in error:
            return Answer(url, error=error)  # a second wait would double the delay for nothing
        response, error = self._request("GET", url, settings, stream=True)
        if response is None:
            return Answer(url, error=error)
        response.close()  # the status is all LIC006 needs, not the photo
        return Answer(url, response.status_code)

    def _get_json(self, url: str, settings: Settings, refusal: Callable[[Any], str | None] | None) -> Answer:
        response, error = self._request("GET", url, settings, headers={"Accept": "application/json"})
        if response is None:
            return Answer(url, error=error)
        if not 200 <= response.status_code < 300:
            return Answer(url, response.status_code, error=f"answered {response.status_code}{_reason(response.status_code)}")
        try:
            data = response.json()
        except ValueError:
            return Answer(url, response.status_code, error="answered something that is not JSON")
        return Answer(url, response.status_code, error=refusal(data) if refusal else None, data=data)


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


def _connection_problem(error: Exception) -> str:
    text = str(error)
    if "refused" in text.lower():
        return "refused the connection"
    if "Name or service not known" in text or "getaddrinfo" in text or "NameResolution" in text:
        return "could not be reached: its host name does not resolve (a typo in the address, or no network here)"
    return "could not be reached"
