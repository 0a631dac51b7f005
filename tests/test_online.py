"""The online client against real servers on 127.0.0.1: statuses, HEAD refusal, timeouts, caches, allowed hosts."""

from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from hypothesis import given, settings as hyp_settings, strategies as st
from pytest_httpserver import HTTPServer

from factlint.engine import Options
from factlint.errors import UsageError
from factlint.online import USER_AGENT, Answer, Client, Settings, address_problem
from tests.conftest import LOOPBACK, keep_local


@pytest.fixture(autouse=True)
def no_internet(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Fail any connection that would leave this machine; host names resolve to nothing."""
    return keep_local(monkeypatch)


@pytest.fixture(scope="module")
def local() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def server(local: HTTPServer) -> HTTPServer:
    local.clear()
    return local


@pytest.fixture
def conf(tmp_path: Path) -> Settings:
    return Settings.from_mapping({"cache-dir": str(tmp_path / "cache"), "timeout": 2, **LOOPBACK})


def hits(server: HTTPServer, path: str) -> list[str]:
    return [request.method for request, _ in server.log if request.path == path]


# -- statuses --------------------------------------------------------------------


def test_a_page_that_answers_200_is_ok(server: HTTPServer, conf: Settings) -> None:
    server.expect_request("/photo").respond_with_data("photo page")
    answer = Client().check(server.url_for("/photo"), conf)
    assert (answer.status, answer.ok, answer.failed, answer.error) == (200, True, False, None)
    assert hits(server, "/photo") == ["HEAD"]


def test_a_permanent_redirect_is_followed_to_its_page(server: HTTPServer, conf: Settings) -> None:
    server.expect_request("/old").respond_with_data("", status=301, headers={"Location": server.url_for("/new")})
    server.expect_request("/new").respond_with_data("moved here")
    answer = Client().check(server.url_for("/old"), conf)
    assert answer.status == 200 and answer.ok


def test_a_redirect_to_a_missing_page_is_a_404(server: HTTPServer, conf: Settings) -> None:
    server.expect_request("/old").respond_with_data("", status=302, headers={"Location": server.url_for("/gone")})
    server.expect_request("/gone").respond_with_data("no", status=404)
    answer = Client().check(server.url_for("/old"), conf)
    assert answer.status == 404 and answer.failed


def test_404_fails_after_a_get_confirms_it(server: HTTPServer, conf: Settings) -> None:
    server.expect_request("/gone").respond_with_data("not here", status=404)
    answer = Client().check(server.url_for("/gone"), conf)
    assert (answer.status, answer.failed, answer.problem) == (404, True, "answered 404 Not Found")
    assert hits(server, "/gone") == ["HEAD", "GET"]


def test_500_fails(server: HTTPServer, conf: Settings) -> None:
    server.expect_request("/broken").respond_with_data("oops", status=500)
    answer = Client().check(server.url_for("/broken"), conf)
    assert answer.problem == "answered 500 Internal Server Error" and answer.failed


def test_head_refused_with_405_falls_back_to_get(server: HTTPServer, conf: Settings) -> None:
    server.expect_request("/nohead", method="HEAD").respond_with_data("", status=405)
    server.expect_request("/nohead", method="GET").respond_with_data("the page")
    answer = Client().check(server.url_for("/nohead"), conf)
    assert answer.status == 200 and answer.ok
    assert hits(server, "/nohead") == ["HEAD", "GET"]


def test_an_unusual_status_has_no_reason_phrase(server: HTTPServer, conf: Settings) -> None:
    server.expect_request("/odd").respond_with_data("", status=299)
    assert Client().check(server.url_for("/odd"), conf).problem == "answered 299"


def test_the_user_agent_names_factlint(server: HTTPServer, conf: Settings) -> None:
    server.expect_request("/ua").respond_with_data("ok")
    Client().check(server.url_for("/ua"), conf)
    request, _ = server.log[-1]
    assert request.headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("factlint/")


# -- the network failing -----------------------------------------------------------


def test_a_server_slower_than_the_timeout_times_out(conf: Settings, slow_server) -> None:
    base = slow_server(1.5)
    quick = Settings.from_mapping({"cache-dir": str(conf.cache_dir), "timeout": 0.3, **LOOPBACK})
    began = time.monotonic()
    answer = Client().check(f"{base}/slow", quick)
    assert time.monotonic() - began < 1.2  # one wait, not HEAD's and then GET's
    assert (answer.status, answer.error, answer.failed) == (None, "timed out after 0.3 s", True)
    assert answer.problem == "timed out after 0.3 s"


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_refused_connection_is_an_answer_not_an_exception(conf: Settings) -> None:
    answer = Client().check(f"http://127.0.0.1:{_closed_port()}/photo", conf)
    assert (answer.status, answer.error, answer.failed) == (None, "refused the connection", True)


def test_network_errors_are_not_cached_on_disk(conf: Settings) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/photo"
    Client().check(url, conf)
    assert not list(conf.cache_dir.rglob("*.json"))


# -- caches ------------------------------------------------------------------------


def test_one_run_fetches_a_url_once(server: HTTPServer, conf: Settings) -> None:
    server.expect_request("/photo").respond_with_data("ok")
    client = Client()
    first = client.check(server.url_for("/photo"), conf)
    second = client.check(server.url_for("/photo"), conf)
    assert first == second and hits(server, "/photo") == ["HEAD"]


def test_a_second_run_reads_the_disk_cache(server: HTTPServer, conf: Settings) -> None:
    server.expect_request("/photo").respond_with_data("ok")
    Client().check(server.url_for("/photo"), conf)
    again = Client().check(server.url_for("/photo"), conf)
    assert (again.status, again.cached) == (200, True)
    assert hits(server, "/photo") == ["HEAD"]


def test_a_404_is_remembered_but_a_500_or_429_is_asked_again(server: HTTPServer, conf: Settings) -> None:
    server.expect_request("/gone").respond_with_data("", status=404)
    server.expect_request("/down").respond_with_data("", status=503)
    server.expect_request("/busy").respond_with_data("", status=429)
    for _ in range(2):
        for path in ("/gone", "/down", "/busy"):
            Client().check(server.url_for(path), conf)
    assert hits(server, "/gone") == ["HEAD", "GET"]
    assert hits(server, "/down") == ["HEAD", "GET", "HEAD", "GET"]
    assert hits(server, "/busy") == ["HEAD", "GET", "HEAD", "GET"]


def test_no_cache_neither_reads_nor_writes_the_disk(server: HTTPServer, conf: Settings) -> None:
    server.expect_request("/photo").respond_with_data("ok")
    Client().check(server.url_for("/photo"), conf)
    fresh = Client.from_settings(Options(online=True, cache=False))
    assert fresh.use_cache is False
    assert fresh.check(server.url_for("/photo"), conf).cached is False
    assert hits(server, "/photo") == ["HEAD", "HEAD"]


def test_no_cache_leaves_no_cache_folder(server: HTTPServer, conf: Settings) -> None:
    server.expect_request("/photo").respond_with_data("ok")
    Client(use_cache=False).check(server.url_for("/photo"), conf)
    assert not conf.cache_dir.exists()


def test_an_expired_entry_is_fetched_again(server: HTTPServer, conf: Settings) -> None:
    server.expect_request("/photo").respond_with_data("ok")
    Client().check(server.url_for("/photo"), conf)
    (entry,) = conf.cache_dir.rglob("*.json")
    data = json.loads(entry.read_text())
    data["time"] -= 8 * 86400  # older than the default seven days
    entry.write_text(json.dumps(data))
    assert Client().check(server.url_for("/photo"), conf).cached is False
    assert hits(server, "/photo") == ["HEAD", "HEAD"]


def test_cache_days_sets_the_expiry(server: HTTPServer, conf: Settings) -> None:
    server.expect_request("/photo").respond_with_data("ok")
    short = Settings.from_mapping({"cache-dir": str(conf.cache_dir), "cache-days": 0.5, **LOOPBACK})
    Client().check(server.url_for("/photo"), short)
    (entry,) = conf.cache_dir.rglob("*.json")
    data = json.loads(entry.read_text())
    data["time"] -= 86400
    entry.write_text(json.dumps(data))
    assert Client().check(server.url_for("/photo"), short).cached is False
    assert Client().check(server.url_for("/photo"), conf).cached is True  # re-stored a moment ago


def test_a_damaged_cache_entry_is_ignored(server: HTTPServer, conf: Settings) -> None:
    server.expect_request("/photo").respond_with_data("ok")
    Client().check(server.url_for("/photo"), conf)
    (entry,) = conf.cache_dir.rglob("*.json")
    entry.write_text("{not json")
    assert Client().check(server.url_for("/photo"), conf).status == 200
    assert hits(server, "/photo") == ["HEAD", "HEAD"]


def test_an_unwritable_cache_dir_does_not_stop_the_run(server: HTTPServer, tmp_path: Path) -> None:
    server.expect_request("/photo").respond_with_data("ok")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    conf = Settings.from_mapping({"cache-dir": str(blocker / "cache"), **LOOPBACK})
    assert Client().check(server.url_for("/photo"), conf).status == 200


# -- allowed hosts and odd addresses ---------------------------------------------------


def test_a_host_outside_allowed_hosts_is_skipped_without_contact(server: HTTPServer, tmp_path: Path) -> None:
    server.expect_request("/photo").respond_with_data("ok")
    conf = Settings.from_mapping({"cache-dir": str(tmp_path), "allowed-hosts": ["example.org"]})
    answer = Client().check(server.url_for("/photo"), conf)
    assert answer.skipped == "its host is not in online.allowed-hosts"
    assert (answer.failed, answer.ok) == (False, False)
    assert server.log == []


def test_allowed_hosts_match_hosts_subdomains_and_ports() -> None:
    conf = Settings.from_mapping({"allowed-hosts": ["Wikimedia.org", "127.0.0.1:8080"]})
    assert conf.allows("https://commons.wikimedia.org/wiki/File:A.jpg")
    assert conf.allows("https://wikimedia.org/")
    assert not conf.allows("https://notwikimedia.org/")
    assert conf.allows("http://127.0.0.1:8080/x")
    assert not conf.allows("http://127.0.0.1:9090/x")
    assert Settings.from_mapping({}).allows("https://anything.example/")


def test_non_web_addresses_are_skipped(conf: Settings) -> None:
    for url in ("ftp://example.org/photo.jpg", "mailto:desk@example.org", "example.org/photo"):
        answer = Client().check(url, conf)
        assert answer.skipped and not answer.failed


@hyp_settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_check_never_raises(tail: str) -> None:
    conf = Settings.from_mapping({"allowed-hosts": ["127.0.0.1"], "cache-days": 0, "timeout": 0.5, **LOOPBACK})
    answer = Client().check("http://" + tail, conf)
    assert isinstance(answer, Answer)
    assert isinstance(answer.problem, str)


# -- JSON APIs -------------------------------------------------------------------------


def test_get_json_parses_and_caches_the_answer(server: HTTPServer, conf: Settings) -> None:
    server.expect_request("/api", query_string="a=1&b=x+y").respond_with_json({"query": {"pages": {}}})
    answer = Client().get_json(server.url_for("/api"), {"b": "x y", "a": "1"}, conf)
    assert (answer.status, answer.data, answer.error) == (200, {"query": {"pages": {}}}, None)
    again = Client().get_json(server.url_for("/api"), {"a": "1", "b": "x y"}, conf)
    assert again.cached and again.data == answer.data
    assert len(server.log) == 1


def test_an_api_refusal_is_an_error_and_is_not_cached(server: HTTPServer, conf: Settings) -> None:
    server.expect_request("/api").respond_with_json({"error": {"code": "maxlag", "info": "busy"}})

    def refusal(data: Any) -> str | None:
        return data["error"]["info"] if "error" in data else None

    for _ in range(2):
        answer = Client().get_json(server.url_for("/api"), {"q": "1"}, conf, refusal=refusal)
        assert answer.error == "busy"
    assert len(server.log) == 2


def test_get_json_reports_statuses_and_bodies_that_are_not_json(server: HTTPServer, conf: Settings) -> None:
    server.expect_request("/html").respond_with_data("<html></html>")
    server.expect_request("/down").respond_with_data("", status=502)
    assert Client().get_json(server.url_for("/html"), None, conf).error == "answered something that is not JSON"
    down = Client().get_json(server.url_for("/down"), None, conf)
    assert (down.status, down.error, down.data) == (502, "answered 502 Bad Gateway", None)


# -- settings ----------------------------------------------------------------------------


def test_settings_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTLINT_CACHE_DIR", raising=False)  # the test suite's own cache folder
    conf = Settings.from_mapping(None)
    assert conf.timeout == 10 and conf.cache_days == 7 and conf.allowed_hosts is None
    assert conf.cache_dir == Path("~/.cache/factlint").expanduser()
    assert conf.commons_api == "https://commons.wikimedia.org/w/api.php"


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ({"timeout": 0}, "configuration key 'online.timeout': 0 is not a positive number of seconds"),
        ({"timeout": "fast"}, "configuration key 'online.timeout': 'fast' is not a number"),
        ({"cache-days": -1}, "configuration key 'online.cache-days': -1 is negative"),
        ({"commons-api": "commons.wikimedia.org"},
         "configuration key 'online.commons-api': 'commons.wikimedia.org' is not an http(s) URL"),
    ],
)
def test_bad_settings_are_usage_errors(section: dict, message: str) -> None:
    with pytest.raises(UsageError) as raised:
        Settings.from_mapping(section)
    assert str(raised.value) == message


def test_check_all_asks_each_url_once_and_in_parallel(conf: Settings, slow_server) -> None:
    base = slow_server(0.4)
    urls = [f"{base}/a", f"{base}/b", f"{base}/c", f"{base}/a"]
    began = time.monotonic()
    answers = Client(use_cache=False).check_all(urls, conf)
    assert time.monotonic() - began < 1.0  # three pages of 0.4 s each, side by side
    assert sorted(answers) == sorted(set(urls)) and all(a.ok for a in answers.values())


def test_a_host_name_that_does_not_resolve(conf: Settings) -> None:
    answer = Client().check("https://photos.invalid/42", conf)
    assert answer.problem == ("could not be reached: its host name does not resolve "
                              "(a typo in the address, or no network here)")


def test_a_relative_cache_dir_starts_at_the_configuration_folder(tmp_path):
    from factlint.online import Settings

    settings = Settings.from_mapping({"cache-dir": ".cache/factlint"}, tmp_path / "newsroom")
    assert settings.cache_dir == tmp_path / "newsroom" / ".cache" / "factlint"
    assert Settings.from_mapping({"cache-dir": str(tmp_path / "abs")}, tmp_path / "x").cache_dir == tmp_path / "abs"


def test_without_a_cache_dir_the_online_cache_shares_factlints_cache_folder(tmp_path, monkeypatch):
    from factlint.online import Settings

    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "c"))
    assert Settings.from_mapping({}).cache_dir == tmp_path / "c"


# -- the address policy: nothing inside the network, every hop vetted, bounded in time and size ----------


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("127.0.0.1", "loopback address (127.0.0.1)"),
        ("127.8.9.10", "loopback address (127.8.9.10)"),
        ("::1", "loopback address (::1)"),
        ("0.0.0.0", "unspecified address (0.0.0.0)"),
        ("10.0.0.1", "private address (10.0.0.1)"),
        ("172.16.5.4", "private address (172.16.5.4)"),
        ("192.168.1.1", "private address (192.168.1.1)"),
        ("fd00::5", "private address (fd00::5)"),
        ("169.254.169.254", "link-local address (169.254.169.254)"),
        ("fe80::1%eth0", "link-local address (fe80::1%eth0)"),
        ("224.0.0.251", "multicast address (224.0.0.251)"),
        ("ff02::1", "multicast address (ff02::1)"),
        ("100.64.0.1", "reserved address (100.64.0.1)"),
        ("240.0.0.1", "reserved address (240.0.0.1)"),
        ("::ffff:10.0.0.1", "private address (::ffff:10.0.0.1)"),  # IPv4 carried in IPv6
        ("::ffff:127.0.0.1", "loopback address (::ffff:127.0.0.1)"),
        ("2002:a9fe:a9fe::1", "link-local address (2002:a9fe:a9fe::1)"),  # 6to4 of 169.254.169.254
        ("93.184.216.34", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_address_problem_names_what_is_inside_a_network(address: str, problem: str | None) -> None:
    assert address_problem(address) == problem


def test_allow_networks_lets_named_networks_in_and_no_others() -> None:
    conf = Settings.from_mapping({"allow-networks": ["10.20.0.0/16", "::1"]})
    assert address_problem("10.20.3.4", conf.allow_networks) is None
    assert address_problem("::1", conf.allow_networks) is None
    assert address_problem("10.21.0.1", conf.allow_networks) == "private address (10.21.0.1)"
    assert address_problem("127.0.0.1", conf.allow_networks) == "loopback address (127.0.0.1)"


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "localhost", "[::1]", "2130706433", "0x7f.0.0.1", "127.1", "0177.0.0.1", "017700000001",
     "[::ffff:127.0.0.1]"],
)
def test_loopback_in_any_spelling_is_refused_by_default(host: str, server: HTTPServer, tmp_path: Path,
                                                        no_internet: list) -> None:
    server.expect_request("/photo").respond_with_data("here")
    conf = Settings.from_mapping({"cache-dir": str(tmp_path)})
    answer = Client().check(f"http://{host}:{server.port}/photo", conf)
    assert answer.refused is not None and answer.refused.startswith("not checked: loopback address (")
    assert (answer.status, answer.failed, answer.problem) == (None, False, answer.refused)
    assert server.log == [] and no_internet == []  # nothing was even connected to


@pytest.mark.parametrize(
    ("url", "refused"),
    [
        ("http://169.254.169.254/latest/meta-data/", "not checked: link-local address (169.254.169.254)"),
        ("http://10.0.0.1/photo.jpg", "not checked: private address (10.0.0.1)"),
        ("https://192.168.0.10:8443/photo", "not checked: private address (192.168.0.10)"),
        ("http://[fe80::1]/", "not checked: link-local address (fe80::1)"),
        ("http://0.0.0.0:80/", "not checked: unspecified address (0.0.0.0)"),
    ],
)
def test_private_and_metadata_addresses_are_refused_without_contact(url: str, refused: str, tmp_path: Path,
                                                                    no_internet: list) -> None:
    answer = Client().check(url, Settings.from_mapping({"cache-dir": str(tmp_path)}))
    assert answer.refused == refused
    assert no_internet == []


def test_a_refusal_is_not_cached(server: HTTPServer, tmp_path: Path) -> None:
    server.expect_request("/photo").respond_with_data("here")
    url = server.url_for("/photo")
    Client().check(url, Settings.from_mapping({"cache-dir": str(tmp_path)}))
    opened = Client().check(url, Settings.from_mapping({"cache-dir": str(tmp_path), **LOOPBACK}))
    assert (opened.status, opened.cached, opened.refused) == (200, False, None)


def test_a_redirect_to_a_private_address_is_refused_at_that_hop(server: HTTPServer, conf: Settings,
                                                                no_internet: list) -> None:
    server.expect_request("/moved").respond_with_data("", status=302, headers={"Location": "http://10.0.0.1/admin"})
    answer = Client().check(server.url_for("/moved"), conf)
    assert answer.refused == "not checked: it redirects to http://10.0.0.1/admin, private address (10.0.0.1)"
    assert all(address == "127.0.0.1" for address, _ in no_internet)


def test_a_redirect_to_a_host_outside_allowed_hosts_is_refused(server: HTTPServer, tmp_path: Path) -> None:
    conf = Settings.from_mapping({"cache-dir": str(tmp_path), "allowed-hosts": ["127.0.0.1"], **LOOPBACK})
    target = f"http://localhost:{server.port}/elsewhere"
    server.expect_request("/moved").respond_with_data("", status=301, headers={"Location": target})
    server.expect_request("/elsewhere").respond_with_data("here")
    answer = Client().check(server.url_for("/moved"), conf)
    assert answer.refused == f"not checked: it redirects to {target}, whose host is not in online.allowed-hosts"
    assert hits(server, "/elsewhere") == []


def test_redirects_are_bounded(server: HTTPServer, conf: Settings) -> None:
    server.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/loop"})
    answer = Client().check(server.url_for("/loop"), conf)
    assert (answer.status, answer.error, answer.failed) == (None, "redirects more than 5 times", True)
    assert len(hits(server, "/loop")) == 12  # six HEADs, then six GETs: never more


def test_a_relative_redirect_is_followed_and_vetted(server: HTTPServer, conf: Settings) -> None:
    server.expect_request("/old").respond_with_data("", status=308, headers={"Location": "/new"})
    server.expect_request("/new").respond_with_data("here")
    assert Client().check(server.url_for("/old"), conf).status == 200


@pytest.fixture
def raw_server() -> Iterator[Callable[[Callable[[socket.socket], None]], str]]:
    """Servers on 127.0.0.1 that answer each connection with `talk(sock)`, byte by byte if they like."""
    stop = threading.Event()
    listeners: list[socket.socket] = []

    def start(talk: Callable[[socket.socket], None]) -> str:
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        listener.settimeout(0.2)
        listeners.append(listener)

        def serve() -> None:
            while not stop.is_set():
                try:
                    conn, _ = listener.accept()
                except OSError:
                    continue
                threading.Thread(target=_talk, args=(conn, talk), daemon=True).start()

        threading.Thread(target=serve, daemon=True).start()
        return f"http://127.0.0.1:{listener.getsockname()[1]}"

    yield start
    stop.set()
    for listener in listeners:
        listener.close()


def _talk(conn: socket.socket, talk: Callable[[socket.socket], None]) -> None:
    try:
        conn.recv(65536)
        talk(conn)
    except OSError:
        pass
    finally:
        conn.close()


def _trickle(conn: socket.socket) -> None:
    for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n" + b"X-Slow: " + b"a" * 200:
        conn.sendall(bytes([byte]))
        time.sleep(0.05)


def _endless(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n[")
    while True:
        conn.sendall(b"0," * 8192)


def test_a_server_that_trickles_cannot_outlast_the_timeout(raw_server, tmp_path: Path) -> None:
    base = raw_server(_trickle)
    conf = Settings.from_mapping({"cache-dir": str(tmp_path), "timeout": 0.5, **LOOPBACK})
    began = time.monotonic()
    answer = Client().check(f"{base}/photo", conf)
    assert time.monotonic() - began < 1.5  # one byte every 50 ms would go on for 12 s
    assert answer.error == "timed out after 0.5 s"


def test_an_endless_answer_is_read_no_further_than_max_bytes(raw_server, tmp_path: Path) -> None:
    base = raw_server(_endless)
    conf = Settings.from_mapping({"cache-dir": str(tmp_path), "max-bytes": 100_000, **LOOPBACK})
    began = time.monotonic()
    answer = Client().get_json(f"{base}/w/api.php", {"q": "1"}, conf)
    assert time.monotonic() - began < 5
    assert (answer.data, answer.error) == (None, "answered more than 100,000 bytes; factlint reads no further")


def test_the_whole_online_phase_has_a_deadline(conf: Settings, slow_server, tmp_path: Path) -> None:
    base = slow_server(0.4)
    short = Settings.from_mapping({"cache-dir": str(tmp_path / "c"), "deadline": 0.7, **LOOPBACK})
    client = Client(use_cache=False)
    first, second, third = (client.check(f"{base}/{n}", short) for n in "abc")
    assert first.ok
    assert second.error == "was cut off by the run's online deadline (0.7 s)"  # 0.3 s into its wait
    assert third.refused == "not checked: the run's online checks used their whole deadline (0.7 s)"


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ({"deadline": 0}, "configuration key 'online.deadline': 0 is not a positive number of seconds"),
        ({"max-bytes": -1}, "configuration key 'online.max-bytes': -1 is not a positive whole number"),
        ({"max-bytes": 1.5}, "configuration key 'online.max-bytes': 1.5 is not a positive whole number"),
        ({"allow-networks": ["intranet"]},
         "configuration key 'online.allow-networks': 'intranet' is not an IP network (such as 10.20.0.0/16 or 127.0.0.1)"),
    ],
)
def test_bad_policy_settings_are_usage_errors(section: dict, message: str) -> None:
    with pytest.raises(UsageError) as raised:
        Settings.from_mapping(section)
    assert str(raised.value) == message


# -- https: the certificate is checked against the host name, on the vetted address -----------------


@pytest.fixture
def tls_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """An https server on 127.0.0.1 with a certificate for "localhost" from a test authority factlint trusts."""
    import ssl
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    import trustme
    from factlint import online

    authority = trustme.CA()
    cert = authority.issue_cert("localhost")

    class Page(BaseHTTPRequestHandler):
        def do_HEAD(self) -> None:  # noqa: N802 - the standard library's name
            self.send_response(204 if self.headers["Host"].startswith("localhost:") else 400)
            self.end_headers()

        do_GET = do_HEAD  # noqa: N815

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(context)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    trusting = ssl.create_default_context()
    authority.configure_trust(trusting)
    monkeypatch.setattr(online, "_TLS", trusting)
    yield f"localhost:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_https_checks_the_certificate_for_the_host_name(tls_server: str, conf: Settings) -> None:
    assert Client().check(f"https://{tls_server}/photo", conf).status == 204


def test_https_to_an_address_the_certificate_does_not_name_fails_cleanly(tls_server: str, conf: Settings) -> None:
    port = tls_server.split(":")[1]
    answer = Client().check(f"https://127.0.0.1:{port}/photo", conf)  # the certificate names localhost only
    assert answer.failed and answer.error is not None
    assert answer.error.startswith("could not be reached: its secure connection failed (")
