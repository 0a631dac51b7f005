"""LIC006–LIC007 against servers on 127.0.0.1 standing in for photo pages, licence pages and the Commons API."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit, urlunsplit

import pytest
from hypothesis import HealthCheck, given, settings as hyp_settings, strategies as st
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from factlint.checks.licensing_online import commons_title, licences_agree
from factlint.language.credits import author_text, authors_agree
from factlint.surfaces.cli import main
from factlint.language.licences import shipped_registry
from factlint.results import Result
from factlint.testing import lint
from tests.conftest import LOOPBACK, keep_local

#: Hosts a draft names that the tests serve locally instead (never the internet).
STAND_INS = ("creativecommons.org", "commons.wikimedia.org", "en.wikipedia.org")


@pytest.fixture(scope="module")
def local() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def server(local: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> HTTPServer:
    """The local server, with the stand-in hosts routed to it and every other host refused."""
    local.clear()
    keep_local(monkeypatch, {host: f"http://127.0.0.1:{local.port}" for host in STAND_INS})
    return local


@pytest.fixture
def online(server: HTTPServer, tmp_path: Path) -> dict[str, Any]:
    """The `online` settings of a newsroom whose Commons API is the local server."""
    return {"cache-dir": str(tmp_path / "cache"), "timeout": 2, "commons-api": server.url_for("/w/api.php"),
            **LOOPBACK}


def found(text: str, online: dict[str, Any], code: str, fmt: str = "text", **extra: Any) -> list[Result]:
    settings = {"online": {**online, **extra}}
    return [r for r in lint(text, format=fmt, select=[code], settings=settings, online=True) if r.code == code]


def where(results: list[Result]) -> list[tuple[int, int, int, int, str]]:
    return [(r.row, r.column, r.end_row, r.end_column, r.message) for r in results]


def paths(server: HTTPServer) -> list[str]:
    return [f"{request.method} {request.full_path.rstrip('?')}" for request, _ in server.log]


def draft(credit: str) -> str:
    return f"Bridge reopens after repairs\n\nThe bridge reopened on Monday.\n\n{credit}\n"


# -- LIC006 unreachable-url ------------------------------------------------------------


def test_lic006_a_source_page_that_answers_404(server: HTTPServer, online: dict) -> None:
    server.expect_request("/photos/42").respond_with_data("gone", status=404)
    url = server.url_for("/photos/42")
    results = found(draft(f"Photo: Jane Doe, {url}, CC BY 4.0"), online, "LIC006")
    assert where(results) == [(5, 18, 5, 18 + len(url),
                               f"the source URL {url} answered 404 Not Found: the photo's page may have moved "
                               "or been deleted; check the address")]
    assert results[0].severity == "warning"


def test_lic006_a_licence_page_that_answers_500(server: HTTPServer, online: dict) -> None:
    server.expect_request("/licenses/by/4.0/").respond_with_data("oops", status=500)
    results = found(draft("Photo: Jane Doe, https://creativecommons.org/licenses/by/4.0/"), online, "LIC006")
    assert where(results) == [(5, 18, 5, 62,
                               "the licence URL https://creativecommons.org/licenses/by/4.0/ answered 500 Internal "
                               "Server Error: check the address, or name the licence by its canonical URL")]


def test_lic006_pages_that_answer_are_not_reported(server: HTTPServer, online: dict) -> None:
    server.expect_request("/ok").respond_with_data("ok")
    server.expect_request("/moved").respond_with_data("", status=301, headers={"Location": server.url_for("/ok")})
    server.expect_request("/nohead", method="HEAD").respond_with_data("", status=405)
    server.expect_request("/nohead", method="GET").respond_with_data("page")
    server.expect_request("/licenses/by-sa/4.0/").respond_with_data("licence")
    for path in ("/ok", "/moved", "/nohead"):
        text = draft(f"Photo: Jane Doe, {server.url_for(path)}, https://creativecommons.org/licenses/by-sa/4.0/")
        assert found(text, online, "LIC006") == [], path
    assert "GET /nohead" in paths(server)


def test_lic006_a_page_slower_than_the_timeout(online: dict, server: HTTPServer, slow_server) -> None:
    url = f"{slow_server(1.5)}/photo"
    results = found(draft(f"Photo: Jane Doe, {url}, CC BY 4.0"), online, "LIC006", timeout=0.3)
    assert [r.message for r in results] == [
        f"the source URL {url} timed out after 0.3 s: the photo's page may have moved or been deleted; "
        "check the address"
    ]


def test_lic006_a_refused_connection(online: dict, server: HTTPServer) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/photo"
    results = found(draft(f"Photo: Jane Doe, {url}, CC BY 4.0"), online, "LIC006")
    assert [r.message for r in results] == [
        f"the source URL {url} refused the connection: the photo's page may have moved or been deleted; check the address"
    ]


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("http://169.254.169.254/latest/meta-data/", "link-local address (169.254.169.254)"),
        ("http://10.0.0.1/photos/42", "private address (10.0.0.1)"),
        ("http://127.0.0.1:8080/photos/42", "loopback address (127.0.0.1)"),
    ],
)
def test_lic006_an_address_inside_the_network_is_a_finding_and_never_contacted(
        url: str, why: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    contacted = keep_local(monkeypatch)
    text = draft(f"Photo: Jane Doe, {url}, CC BY 4.0")
    results = found(text, {"cache-dir": str(tmp_path)}, "LIC006")
    assert where(results) == [(5, 18, 5, 18 + len(url),
                               f"the source URL {url} was not checked: {why}; online checks do not reach inside "
                               "a network unless online.allow-networks names it")]
    assert contacted == []


def test_lic006_a_redirect_out_of_allowed_hosts_is_a_finding(server: HTTPServer, online: dict) -> None:
    server.expect_request("/photos/42").respond_with_data("", status=302, headers={"Location": "http://10.1.2.3/x"})
    url = server.url_for("/photos/42")
    results = found(draft(f"Photo: Jane Doe, {url}, CC BY 4.0"), online, "LIC006")
    assert [r.message for r in results] == [
        f"the source URL {url} was not checked: it redirects to http://10.1.2.3/x, private address (10.1.2.3); "
        "online checks do not reach inside a network unless online.allow-networks names it"
    ]


def test_lic006_hosts_outside_allowed_hosts_are_skipped_without_a_finding(server: HTTPServer, online: dict) -> None:
    server.expect_request("/photos/42").respond_with_data("gone", status=404)
    text = draft(f"Photo: Jane Doe, {server.url_for('/photos/42')}, CC BY 4.0")
    assert found(text, online, "LIC006", **{"allowed-hosts": ["example.org"]}) == []
    assert server.log == []
    assert len(found(text, online, "LIC006", **{"allowed-hosts": ["127.0.0.1"]})) == 1


def test_lic006_needs_online(server: HTTPServer, online: dict) -> None:
    server.expect_request("/photos/42").respond_with_data("gone", status=404)
    text = draft(f"Photo: Jane Doe, {server.url_for('/photos/42')}, CC BY 4.0")
    assert lint(text, format="text", select=["LIC006", "LIC007"], settings={"online": online}) == []
    assert server.log == []


def test_lic006_points_at_the_address_of_a_markdown_link(server: HTTPServer, online: dict) -> None:
    server.expect_request("/photos/42").respond_with_data("gone", status=404)
    url = server.url_for("/photos/42")
    text = f"![Bridge](bridge.jpg)\n\n*Photo: [Jane Doe]({url}), CC BY 4.0*\n"
    results = found(text, online, "LIC006", fmt="markdown")
    assert where(results)[0][:4] == (3, 20, 3, 20 + len(url))


def test_lic006_in_an_html_figure_caption(server: HTTPServer, online: dict) -> None:
    server.expect_request("/photos/42").respond_with_data("gone", status=404)
    url = server.url_for("/photos/42")
    text = (f'<article><figure><img src="b.jpg" alt="The bridge">'
            f'<figcaption>Photo: <a href="{url}">Jane Doe</a>, CC BY 4.0</figcaption></figure></article>\n')
    results = found(text, online, "LIC006", fmt="html")
    assert len(results) == 1 and results[0].message.startswith(f"the source URL {url} answered 404")
    assert text[results[0].span.start:results[0].span.end] == url


def test_lic006_a_front_matter_source(server: HTTPServer, online: dict) -> None:
    server.expect_request("/photos/42").respond_with_data("gone", status=404)
    url = server.url_for("/photos/42")
    text = (f"---\ntitle: Bridge\nimage:\n  src: bridge.jpg\n  author: Jane Doe\n  license: CC BY 4.0\n"
            f"  source: {url}\n---\n\nThe bridge reopened.\n")
    results = found(text, online, "LIC006", fmt="markdown")
    assert where(results)[0][:4] == (7, 11, 7, 11 + len(url))


def test_lic006_each_use_is_reported_but_fetched_once(server: HTTPServer, online: dict) -> None:
    server.expect_request("/photos/42").respond_with_data("gone", status=404)
    url = server.url_for("/photos/42")
    text = f"Bridge\n\nPhoto: Jane Doe, {url}, CC BY 4.0\n\nText here.\n\nPhoto: Jane Doe, {url}, CC BY 4.0\n"
    assert [r.row for r in found(text, online, "LIC006")] == [3, 7]
    assert paths(server) == ["HEAD /photos/42", "GET /photos/42"]


def test_lic006_the_disk_cache_spares_the_next_run(server: HTTPServer, online: dict) -> None:
    server.expect_request("/photos/42").respond_with_data("gone", status=404)
    text = draft(f"Photo: Jane Doe, {server.url_for('/photos/42')}, CC BY 4.0")
    first = found(text, online, "LIC006")
    second = found(text, online, "LIC006")
    assert where(first) == where(second) and len(first) == 1
    assert len(server.log) == 2  # HEAD and GET, once


def test_lic006_near_misses_links_that_are_no_credit(server: HTTPServer, online: dict) -> None:
    server.expect_request("/report").respond_with_data("gone", status=404)
    url = server.url_for("/report")
    valid = [
        f"Council report\n\nRead the report at {url} before the vote.\n",
        f"[The report]({url}) was published on Monday.\n",
        "Bridge\n\nPhoto: Jane Doe, flickr.com, CC BY 4.0\n",  # a site's name is no address to contact
        "Bridge\n\nPhoto: Jane Doe, mailto:desk@example.org, CC BY 4.0\n",
    ]
    for text in valid:
        fmt = "markdown" if text.startswith("[") else "text"
        assert found(text, online, "LIC006", fmt=fmt) == [], text
    assert server.log == []


# -- LIC007 licence-mismatch: a fake MediaWiki API -------------------------------------------


def record(title: str, licence: str | None = "CC BY-SA 4.0", url: str | None = None,
           artist: str | None = '<a href="//commons.wikimedia.org/wiki/User:JDoe" title="User:JDoe">Jane Doe</a>'
           ) -> dict:
    meta: dict[str, Any] = {"DateTime": {"value": "2024-05-01 10:00:00", "source": "mediawiki-metadata"}}
    if licence is not None:
        meta["LicenseShortName"] = {"value": licence, "source": "commons-desc-page", "hidden": ""}
    if url is not None:
        meta["LicenseUrl"] = {"value": url, "source": "commons-desc-page", "hidden": ""}
    if artist is not None:
        meta["Artist"] = {"value": artist, "source": "commons-desc-page"}
    return {"pageid": 4242, "ns": 6, "title": title, "imagerepository": "local",
            "imageinfo": [{"extmetadata": meta}]}


class FakeCommons:
    """A MediaWiki API answering imageinfo/extmetadata queries from a table of files."""

    def __init__(self, files: dict[str, dict]) -> None:
        self.files = files
        self.asked: list[dict[str, str]] = []

    def __call__(self, request: Request) -> Response:
        args = dict(request.args)
        self.asked.append(args)
        title = args.get("titles", "")
        page = self.files.get(title) or {"ns": 6, "title": title, "missing": "", "known": ""}
        body = {"batchcomplete": "", "query": {"pages": {str(page.get("pageid", -1)): page}}}
        return Response(json.dumps(body), content_type="application/json")


@pytest.fixture
def commons(server: HTTPServer) -> FakeCommons:
    api = FakeCommons({
        "File:Bridge.jpg": record("File:Bridge.jpg", url="https://creativecommons.org/licenses/by-sa/4.0"),
        "File:Old map.png": record("File:Old map.png", licence="Public domain", artist="Unknown author"),
        "File:Harbour.jpg": record("File:Harbour.jpg", licence="CC BY-SA 3.0 de",
                                   url="https://creativecommons.org/licenses/by-sa/3.0/de/deed.en",
                                   artist="<bdi>José Núñez</bdi>"),
        "File:Unlabelled.jpg": record("File:Unlabelled.jpg", licence=None, artist=None),
    })
    server.expect_request("/w/api.php").respond_with_handler(api)
    server.expect_request("/wiki/File:Bridge.jpg").respond_with_data("the file's page")
    return api


COMMONS = "https://commons.wikimedia.org/wiki/File:Bridge.jpg"
LIC007_LICENCE = ("the credit says CC BY 4.0 but Wikimedia Commons lists File:Bridge.jpg under CC BY-SA 4.0: credit the "
                  "licence the source states, or ask the rights desk")


def test_lic007_a_credit_naming_another_licence(commons: FakeCommons, online: dict) -> None:
    results = found(draft(f"Photo: Jane Doe, {COMMONS}, CC BY 4.0"), online, "LIC007")
    column = len(f"Photo: Jane Doe, {COMMONS}, ") + 1
    assert where(results) == [(5, column, 5, column + 9, LIC007_LICENCE)]
    assert results[0].severity == "error"
    assert commons.asked == [{"action": "query", "prop": "imageinfo", "iiprop": "extmetadata",
                              "titles": "File:Bridge.jpg", "format": "json"}]


def test_lic007_a_credit_naming_another_author(commons: FakeCommons, online: dict) -> None:
    results = found(draft(f"Photo: John Roe, {COMMONS}, CC BY-SA 4.0"), online, "LIC007")
    assert where(results) == [(5, 8, 5, 16, "the credit names \"John Roe\" but Wikimedia Commons gives the author of "
                                            "File:Bridge.jpg as \"Jane Doe\": credit the author the source names")]


def test_lic007_both_licence_and_author_wrong_are_two_findings(commons: FakeCommons, online: dict) -> None:
    results = found(draft(f"Photo: John Roe, {COMMONS}, CC BY-NC 2.0"), online, "LIC007")
    assert [r.column for r in results] == [8, len(f"Photo: John Roe, {COMMONS}, ") + 1]


def test_lic007_credits_that_agree_with_commons(commons: FakeCommons, online: dict) -> None:
    valid = [
        f"Photo: Jane Doe, {COMMONS}, CC BY-SA 4.0",
        f"Photo: Jane Doe, {COMMONS}, https://creativecommons.org/licenses/by-sa/4.0/deed.en",  # its URL
        f"Photo: JANE DOE, {COMMONS}, CC-BY-SA-4.0",  # SPDX id, capitals
        f"Photo: J. Doe, {COMMONS}, CC BY-SA 4.0",  # the surname is enough
        f"Photo: JDoe, {COMMONS}, CC BY-SA 4.0",  # the Commons user name
        f"Photo: Jose Nunez, https://commons.wikimedia.org/wiki/File:Harbour.jpg, CC BY-SA 3.0",  # a port, diacritics
        "Photo: Ana Ruiz, https://commons.wikimedia.org/wiki/File:Unlabelled.jpg, CC BY 4.0",  # Commons says nothing
        "Photo: Jane Doe, https://commons.wikimedia.org/wiki/File:Deleted.jpg, CC BY 4.0",  # Commons has no such file
        f"Photo: Jane Doe, CC BY 4.0",  # no Commons source to ask
        f"Photo: Jane Doe, https://www.flickr.com/photos/jdoe/42, CC BY 4.0",
        f"Photo: {COMMONS}, CC BY-SA 4.0",  # no author credited: LIC005's business
    ]
    for credit in valid:
        assert found(draft(credit), online, "LIC007") == [], credit


def test_lic007_public_domain_and_cc0_agree(commons: FakeCommons, online: dict) -> None:
    url = "https://commons.wikimedia.org/wiki/File:Old_map.png"
    assert found(draft(f"Map: Unknown author, {url}, CC0"), online, "LIC007") == []
    wrong = found(draft(f"Map: Unknown author, {url}, CC BY 4.0"), online, "LIC007")
    assert [r.message for r in wrong] == [
        "the credit says CC BY 4.0 but Wikimedia Commons lists File:Old map.png under Public domain: credit the "
        "licence the source states, or ask the rights desk"
    ]


def test_lic007_a_wikipedia_media_link_asks_commons(commons: FakeCommons, online: dict) -> None:
    url = "https://en.wikipedia.org/wiki/Bridge#/media/File:Bridge.jpg"
    results = found(draft(f"Photo: Jane Doe, {url}, CC BY 4.0"), online, "LIC007")
    assert [r.code for r in results] == ["LIC007"]


def test_lic007_front_matter_entry(commons: FakeCommons, online: dict) -> None:
    text = ("---\ntitle: Bridge\nimage:\n  src: bridge.jpg\n  author: Jane Doe\n  license: CC BY-ND 4.0\n"
            f"  source: {COMMONS}\n---\n\nThe bridge reopened.\n")
    results = found(text, online, "LIC007", fmt="markdown")
    assert [(r.row, r.column, r.end_column) for r in results] == [(6, 12, 24)]


def test_lic007_markdown_link_to_the_file_page(commons: FakeCommons, online: dict) -> None:
    text = f"![Bridge](bridge.jpg)\n\n*Photo: [John Roe]({COMMONS}), CC BY-SA 4.0*\n"
    results = found(text, online, "LIC007", fmt="markdown")
    assert [(r.row, r.column, r.end_column) for r in results] == [(3, 10, 18)]


def test_lic007_asks_once_per_file_and_run(commons: FakeCommons, online: dict) -> None:
    text = (f"Bridge\n\nPhoto: Jane Doe, {COMMONS}, CC BY 4.0\n\nMore text.\n\n"
            f"Photo: Jane Doe, {COMMONS}, CC BY 4.0\n")
    assert [r.row for r in found(text, online, "LIC007")] == [3, 7]
    assert len(commons.asked) == 1
    found(text, online, "LIC007")  # the next run reads the disk cache
    assert len(commons.asked) == 1


@pytest.mark.parametrize(
    "answer",
    [
        Response(json.dumps({"error": {"code": "maxlag", "info": "Waiting for a database server"}}),
                 content_type="application/json"),
        Response("Internal error", status=500),
        Response("<html>maintenance</html>", content_type="text/html"),
        Response(json.dumps({"batchcomplete": ""}), content_type="application/json"),
        Response(json.dumps({"query": {"pages": [{"title": "File:Bridge.jpg", "imageinfo": "??"}]}}),
                 content_type="application/json"),
        Response(json.dumps([1, 2, 3]), content_type="application/json"),
    ],
)
def test_lic007_an_api_that_fails_is_no_finding(server: HTTPServer, online: dict, answer: Response) -> None:
    server.expect_request("/w/api.php").respond_with_response(answer)
    assert found(draft(f"Photo: John Roe, {COMMONS}, CC BY 4.0"), online, "LIC007") == []
    assert len(server.log) == 1


def test_lic007_an_unreachable_api_is_no_finding(server: HTTPServer, online: dict) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = {**online, "commons-api": f"http://127.0.0.1:{port}/w/api.php"}
    assert found(draft(f"Photo: John Roe, {COMMONS}, CC BY 4.0"), settings, "LIC007") == []


def test_lic007_an_api_outside_allowed_hosts_is_not_asked(commons: FakeCommons, online: dict) -> None:
    text = draft(f"Photo: John Roe, {COMMONS}, CC BY 4.0")
    assert found(text, online, "LIC007", **{"allowed-hosts": ["commons.wikimedia.org"]}) == []
    assert commons.asked == []


def test_lic007_formatversion_2_answers_are_read(server: HTTPServer, online: dict) -> None:
    page = record("File:Bridge.jpg")
    body = {"batchcomplete": True, "query": {"pages": [page]}}
    server.expect_request("/w/api.php").respond_with_json(body)
    assert len(found(draft(f"Photo: Jane Doe, {COMMONS}, CC BY 4.0"), online, "LIC007")) == 1


# -- the pieces -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("https://commons.wikimedia.org/wiki/File:Bridge.jpg", "File:Bridge.jpg"),
        ("https://commons.wikimedia.org/wiki/File:Old_town_%28Kyiv%29.jpg", "File:Old town (Kyiv).jpg"),
        ("http://commons.m.wikimedia.org/wiki/Image:Bridge.jpg", "File:Bridge.jpg"),
        ("https://commons.wikimedia.org/w/index.php?title=File:Bridge.jpg&oldid=5", "File:Bridge.jpg"),
        ("commons.wikimedia.org/wiki/File:Bridge.jpg", "File:Bridge.jpg"),
        ("https://de.wikipedia.org/wiki/Br%C3%BCcke#/media/File:Br%C3%BCcke.jpg", "File:Brücke.jpg"),
        ("https://upload.wikimedia.org/wikipedia/commons/a/ab/Bridge.jpg", "File:Bridge.jpg"),
        ("https://upload.wikimedia.org/wikipedia/commons/thumb/a/ab/Bridge.jpg/640px-Bridge.jpg", "File:Bridge.jpg"),
        ("https://commons.wikimedia.org/wiki/Main_Page", None),
        ("https://commons.wikimedia.org/wiki/Category:Bridges", None),
        ("https://commons.wikimedia.org/wiki/File:", None),
        ("https://commons.wikimedia.org/", None),
        ("https://en.wikipedia.org/wiki/Bridge", None),
        ("https://example.org/wiki/File:Bridge.jpg", None),
    ],
)
def test_commons_title(url: str, title: str | None) -> None:
    assert commons_title(url) == title


def test_author_text_keeps_the_name_and_the_user_page() -> None:
    html = '<a href="//commons.wikimedia.org/wiki/User:J_Doe" title="User:J Doe">Jane &amp; Co</a> (talk)'
    assert author_text(html) == "Jane & Co (talk) J Doe"


@pytest.mark.parametrize(
    ("credited", "recorded", "agree"),
    [
        ("Jane Doe", "Jane Doe", True),
        ("jane doe", "JANE DOE", True),
        ("Jose Nunez", "José Núñez", True),
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy", True),
        ("J. Doe", "Jane Doe", True),
        ("JaneDoe", "Jane Doe", True),
        ("John Roe", "Jane Doe", False),
        ("Jackson", "Johnson", False),
        ("Al Li", "Bo Li", False),  # two-letter names are too common to agree on
        ("Jane Doe", "Unknown author", False),
    ],
)
def test_authors_agree(credited: str, recorded: str, agree: bool) -> None:
    assert authors_agree(credited, recorded) is agree


@pytest.mark.parametrize(
    ("credited", "recorded", "agree"),
    [
        ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0", True),
        ("CC BY-SA 3.0", "CC BY-SA 3.0 de", True),
        ("GFDL", "GFDL 1.2", True),
        ("CC0", "Public domain", True),
        ("CC BY 4.0", "CC BY-SA 4.0", False),
        ("CC BY-SA 3.0", "CC BY-SA 4.0", False),
        ("CC0", "CC BY 4.0", False),
    ],
)
def test_licences_agree(credited: str, recorded: str, agree: bool) -> None:
    reg = shipped_registry()
    ours, theirs = reg.lookup(credited), reg.lookup(recorded)
    assert ours is not None and theirs is not None
    assert licences_agree(ours, theirs) is agree


# -- end to end through the command line ------------------------------------------------------


def test_cli_online_end_to_end(server: HTTPServer, commons: FakeCommons, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    server.expect_request("/photos/gone").respond_with_data("gone", status=404)
    server.expect_request("/photos/ok").respond_with_data("here")
    gone, ok = server.url_for("/photos/gone"), server.url_for("/photos/ok")
    (tmp_path / ".factlint.yaml").write_text(
        "online:\n"
        f"  commons-api: {server.url_for('/w/api.php')}\n"
        f"  cache-dir: {tmp_path / 'cache'}\n"
        "  allowed-hosts: [127.0.0.1]\n"
        "  allow-networks: [127.0.0.0/8]\n"
        "  timeout: 2\n"
    )
    story = tmp_path / "bridge.md"
    story.write_text(
        "# Bridge reopens\n\n"
        "![The bridge](bridge.jpg)\n\n"
        f"*Photo: Jane Doe, {COMMONS}, CC BY 4.0*\n\n"
        "The bridge reopened after two years of repairs.\n\n"
        "![The river](river.jpg)\n\n"
        f"*Photo: [Ana Ruiz]({gone}), CC BY 4.0*\n\n"
        "![The mayor](mayor.jpg)\n\n"
        f"*Photo: Tom Reyes, {ok}, CC BY 4.0*\n"
    )
    argv = ["check", "--online", "--format", "json", "--select", "LIC006,LIC007", str(story)]
    assert main(argv) == 1
    reported = json.loads(capsys.readouterr().out)
    column = len(f"*Photo: Jane Doe, {COMMONS}, ") + 1
    assert [(r["code"], r["severity"], r["location"]["row"], r["location"]["column"], r["message"])
            for r in reported] == [
        ("LIC007", "error", 5, column, LIC007_LICENCE),
        ("LIC006", "warning", 11, 20,
         f"the source URL {gone} answered 404 Not Found: the photo's page may have moved or been deleted; "
         "check the address"),
    ]
    asked = len(server.log)
    assert main(["check", "--format", "json", "--select", "LIC006,LIC007", str(story)]) == 0  # offline
    assert json.loads(capsys.readouterr().out) == []
    assert len(server.log) == asked
    assert main(argv) == 1  # cached: the servers are not asked again
    capsys.readouterr()
    assert len(server.log) == asked
    assert main([*argv, "--no-cache"]) == 1
    capsys.readouterr()
    assert len(server.log) > asked


def test_cli_rejects_an_unknown_online_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".factlint.yaml").write_text("online:\n  cache_dir: /tmp/x\n")
    (tmp_path / "a.md").write_text("Text.\n")
    assert main(["check", "--online", str(tmp_path / "a.md")]) == 2
    assert "cache_dir" in capsys.readouterr().err


# -- properties -----------------------------------------------------------------------------

PIECES = st.sampled_from([
    "Photo: ", "Photo by ", "Credit: ", "Jane Doe", "José Núñez", ", ", "/", " via ", " (", ")", ". ", "\n\n",
    "CC BY 4.0", "CC BY-SA", "https://creativecommons.org/licenses/by-sa/4.0/", COMMONS, "commons.wikimedia.org",
    "https://commons.wikimedia.org/wiki/File:", "http://127.0.0.1:1/x", "www.example.org/p", "[a](", "](b)",
    "![img](i.jpg)", "*", "\"", "http://[", "mailto:x@y.z", "The mayor spoke.",
])


@hyp_settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(PIECES, max_size=14).map("".join), st.sampled_from(["markdown", "text", "html"]))
def test_online_rules_never_crash_and_point_inside_the_draft(tmp_path: Path, text: str, fmt: str) -> None:
    settings = {"online": {"cache-dir": str(tmp_path), "allowed-hosts": ["factlint.invalid"]}}
    with pytest.MonkeyPatch.context() as patch:
        contacted = keep_local(patch)
        results = lint(text, format=fmt, select=["LIC006", "LIC007"], settings=settings, online=True)
    assert contacted == []  # no host is allowed: nothing may be contacted
    for r in results:
        assert 0 <= r.span.start <= r.span.end <= len(text)


def test_lic007_any_name_of_the_credit_may_be_the_author(commons: FakeCommons, online: dict) -> None:
    assert found(draft(f"Photo: Bridge at dusk, Jane Doe, {COMMONS}, CC BY-SA 4.0"), online, "LIC007") == []


def test_lic006_relative_links_are_not_contacted(server: HTTPServer, online: dict) -> None:
    text = '<article><p>Photo: <a href="/photos/42">Jane Doe</a>, CC BY 4.0</p></article>\n'
    assert found(text, online, "LIC006", fmt="html") == []
    assert server.log == []


@pytest.mark.parametrize(("code", "contacted"), [("LIC006", "contacts every licence and source URL"),
                                                 ("LIC007", "asks the MediaWiki API")])
def test_rule_explanations_say_they_need_online_and_what_they_contact(
        code: str, contacted: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", code]) == 0
    out = capsys.readouterr().out
    assert "Runs only with --online." in out and contacted in out
    assert main(["rules"]) == 0
    assert any(line.startswith(code) and line.endswith("(online)") for line in capsys.readouterr().out.splitlines())


def test_html_data_attributes(server: HTTPServer, commons: FakeCommons, online: dict) -> None:
    server.expect_request("/licenses/by-nc/4.0/").respond_with_data("", status=404)
    text = ('<article><p>The bridge.</p><img src="b.jpg" alt="The bridge" data-credit="Jane Doe" '
            f'data-license="https://creativecommons.org/licenses/by-nc/4.0/" data-source="{COMMONS}"></article>\n')
    (unreachable,) = found(text, online, "LIC006", fmt="html")
    assert text[unreachable.span.start:unreachable.span.end] == "https://creativecommons.org/licenses/by-nc/4.0/"
    assert unreachable.message.startswith("the licence URL https://creativecommons.org/licenses/by-nc/4.0/ answered 404")
    (mismatch,) = found(text, online, "LIC007", fmt="html")
    assert mismatch.message.startswith("the credit says CC BY-NC 4.0 but Wikimedia Commons lists File:Bridge.jpg")


def test_lic007_a_source_written_without_its_scheme(commons: FakeCommons, online: dict) -> None:
    text = draft("Photo: John Roe, commons.wikimedia.org/wiki/File:Bridge.jpg, CC BY-SA 4.0")
    assert [r.message.split(" but ")[0] for r in found(text, online, "LIC007")] == ['the credit names "John Roe"']
