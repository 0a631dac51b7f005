"""`factlint audit-report` over a real audit: the page's tables and links, its escaping, the CSV rows, bad folders."""

from __future__ import annotations

import json
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")
pytest.importorskip("matplotlib")

from factlint.surfaces.cli import main  # noqa: E402

HOSTILE = "<script>alert(1)</script>"
CREDIT = "Photo: Jan Berg / Nordic Pictures"
UNKNOWN = "https://creativecommons.org/licenses/by-zz/9.0/"
ARTICLES = [
    {"id": "a1", "section": "news", "date": "2023-05-02", "url": "https://news.example.org/a1",
     "body": f"Harbour\n\nThe ferry ran late yesterday.\n\n![Ferry](ferry.jpg)\n\n{CREDIT}\n"},
    {"id": "b2", "section": "news", "date": "2023-06-01", "url": "https://news.example.org/b2?x=1&y=2",
     "body": f"Bridge\n\nThe bridge opened.\n\n![Bridge](b.jpg)\n\n{CREDIT}\n\n![Crane](c.jpg)\n\n"
             f"Photo: Eva Holm, {UNKNOWN}\n"},
    {"id": HOSTILE, "section": "sport", "date": "2024-01-10", "url": "javascript:alert(1)", "format": "text",
     "body": "It rained yesterday.\n"},
    {"id": "c4", "section": "sport", "date": "2024-02-01", "format": "text", "body": "The match ended 2-1.\n"},
    {"body": f"# Note\n\n{CREDIT}\n"},  # no id, date, section or url
]


class _Page(HTMLParser):
    """The parts of the page a test looks at: table cells by table class, links, every tag and the text."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.links: dict[str, list[tuple[str, str]]] = {}
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self._table: str | None = None
        self._cell: list[str] | None = None
        self._href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "table":
            self._table = dict(attrs)["class"] or ""
            self.tables[self._table] = []
        elif tag == "tr" and self._table:
            self.tables[self._table].append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "a":
            self._href = dict(attrs).get("href")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._table = None
        elif tag in ("td", "th") and self._cell is not None and self._table:
            self.tables[self._table][-1].append("".join(self._cell))
            self._cell = None
        elif tag == "a":
            self._href = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)
            if self._href is not None and self._table:
                self.links.setdefault(self._table, []).append((data, self._href))


@pytest.fixture(scope="module")
def audit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("audit-report")
    export = root / "export.jsonl"
    export.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    out = root / "out"
    assert main(["audit", str(export), "--out", str(out), "--workers", "1", "--threads", "--quiet",
                 "--partition-size", "2"]) == 0
    return out


def _page(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def test_the_page_counts_by_code_year_and_section(audit: Path, tmp_path: Path) -> None:
    assert main(["audit-report", str(audit), "--html", str(tmp_path / "r.html")]) == 0
    page = _page(tmp_path / "r.html")
    assert page.tables["by_code"] == [["code", "name", "findings"], ["LIC002", "missing-licence", "3"],
                                      ["DAT001", "relative-date", "2"], ["LIC003", "unknown-licence", "1"]]
    assert page.tables["by_year"] == [["year", "findings"], ["2023", "4"], ["2024", "1"], ["(none)", "1"]]
    assert page.tables["by_section"] == [["section", "findings"], ["news", "4"], ["sport", "1"], ["(none)", "1"]]
    assert page.tables["missing_licence"][:3] == [["credit", "missing_licence", "unknown_licence", "findings"],
                                                  [CREDIT, "3", "0", "3"], [UNKNOWN, "0", "1", "1"]]
    text = "".join(page.text)
    assert "Articles5" in re.sub(r"\s", "", text) and "Findings6" in re.sub(r"\s", "", text)
    assert "not complete" not in text


def test_the_worst_articles_come_first_with_their_links(audit: Path, tmp_path: Path) -> None:
    assert main(["audit-report", str(audit), "--html", str(tmp_path / "r.html")]) == 0
    page = _page(tmp_path / "r.html")
    assert page.tables["worst_articles"] == [
        ["article", "findings", "errors", "warnings", "infos"],
        ["b2", "2", "2", "0", "0"], ["a1", "2", "1", "1", "0"], ["export.jsonl:5.md", "1", "1", "0", "0"],
        [HOSTILE, "1", "0", "1", "0"], ["c4", "0", "0", "0", "0"]]
    # only http(s) addresses become links: the hostile article's javascript: url stays out of the page's links
    assert page.links["worst_articles"] == [("b2", "https://news.example.org/b2?x=1&y=2"),
                                            ("a1", "https://news.example.org/a1")]


def test_a_hostile_id_is_text_and_the_page_loads_nothing(audit: Path, tmp_path: Path) -> None:
    assert main(["audit-report", str(audit), "--html", str(tmp_path / "r.html")]) == 0
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    page = _page(tmp_path / "r.html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and HOSTILE not in html
    assert [tag for tag, _ in page.tags if tag in ("script", "iframe", "object", "embed", "link", "base")] == []
    assert "javascript:" not in html
    policy = [a["content"] for tag, a in page.tags if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert policy == ["default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; "
                      "form-action 'none'"]
    links = {url for _, url in page.links["worst_articles"]}
    for tag, attrs in page.tags:
        for name in ("src", "href"):
            value = attrs.get(name)
            if value is not None:
                assert value.startswith("data:image/png;base64,") or value in links, (tag, name, value)
    images = [a for tag, a in page.tags if tag == "img"]
    assert len(images) == 3 and all(a["src"].startswith("data:image/png;base64,iVBOR") for a in images)


def test_the_csv_files_hold_the_same_tables(audit: Path, tmp_path: Path) -> None:
    assert main(["audit-report", str(audit), "--csv", str(tmp_path / "csv")]) == 0
    files = {p.name: p.read_bytes().decode("utf-8") for p in (tmp_path / "csv").iterdir()}
    assert files == {
        "by_code.csv": "code,name,findings\nLIC002,missing-licence,3\nDAT001,relative-date,2\n"
                       "LIC003,unknown-licence,1\n",
        "by_year.csv": "year,findings\n2023,4\n2024,1\n,1\n",
        "by_section.csv": "section,findings\nnews,4\nsport,1\n,1\n",
        "missing_licence.csv": f"credit,missing_licence,unknown_licence,findings\n{CREDIT},3,0,3\n{UNKNOWN},0,1,1\n",
        "worst_articles.csv": "article,url,findings,errors,warnings,infos\n"
                              "b2,https://news.example.org/b2?x=1&y=2,2,2,0,0\n"
                              "a1,https://news.example.org/a1,2,1,1,0\n"
                              "export.jsonl:5.md,,1,1,0,0\n"
                              f"{HOSTILE},javascript:alert(1),1,0,1,0\n"
                              "c4,,0,0,0,0\n",
    }


def test_an_unfinished_audit_says_how_much_is_done(audit: Path, tmp_path: Path) -> None:
    killed = tmp_path / "killed"
    shutil.copytree(audit, killed)
    manifest = json.loads((killed / "manifest.json").read_text())
    assert manifest["partitions_done"] == [0, 1, 2]
    manifest.update(partitions_done=[0], complete=False, articles_done=2, findings=4)
    (killed / "manifest.json").write_text(json.dumps(manifest))
    assert main(["audit-report", str(killed), "--html", str(tmp_path / "r.html"), "--csv", str(tmp_path / "c")]) == 0
    page = _page(tmp_path / "r.html")
    assert "The audit is not complete: 1 of 3 partitions done." in "".join(page.text)
    assert page.tables["by_year"] == [["year", "findings"], ["2023", "4"]]
    assert (tmp_path / "c" / "by_section.csv").read_text() == "section,findings\nnews,4\n"


def test_a_folder_that_is_no_audit_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit-report", str(tmp_path), "--html", str(tmp_path / "r.html")]) == 2
    err = capsys.readouterr().err
    assert err == (f"factlint: error: {tmp_path}: not a factlint audit output (no manifest.json); "
                   f"write one with `factlint audit SOURCE --out {tmp_path}`\n")
    assert not (tmp_path / "r.html").exists()


def test_without_html_or_csv_it_is_a_usage_error(audit: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit-report", str(audit)]) == 2
    assert capsys.readouterr().err == "factlint: error: audit-report: give --html FILE, --csv FOLDER or both\n"


def test_without_the_extra_it_names_it(audit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib now fails as if not installed
    assert main(["audit-report", str(audit), "--html", str(tmp_path / "r.html")]) == 2
    assert capsys.readouterr().err == ("factlint: error: factlint audit-report needs the 'audit' extra (matplotlib is not "
                                       "installed): pip install 'factlint[audit]'\n")


CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"


@pytest.mark.skipif(not (os.access(CHROMIUM, os.X_OK) and os.access(CHROMEDRIVER, os.X_OK)),
                    reason=f"needs Debian's chromium and chromium-driver ({CHROMIUM}, {CHROMEDRIVER}): "
                           "apt-get install chromium chromium-driver")
def test_the_page_renders_its_charts_in_a_browser(audit: Path, tmp_path: Path) -> None:
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    assert main(["audit-report", str(audit), "--html", str(tmp_path / "r.html")]) == 0
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--window-size=1200,900", f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        driver.get((tmp_path / "r.html").as_uri())
        assert driver.title == "factlint audit report"
        sizes = driver.execute_script("return Array.from(document.images, i => [i.complete, i.naturalWidth, "
                                      "i.getBoundingClientRect().width, i.getBoundingClientRect().height])")
        assert len(sizes) == 3 and all(done and natural > 0 and w > 0 and h > 0 for done, natural, w, h in sizes)
        cell = driver.find_elements("css selector", "table.worst_articles tbody tr")[3]
        assert driver.execute_script("return arguments[0].cells[0].textContent", cell) == HOSTILE
        assert driver.find_elements("css selector", "script") == []
        assert driver.execute_script("return performance.getEntriesByType('resource')"
                                     ".filter(e => !e.name.startsWith('data:')).length") == 0
        shot = tmp_path / "report.png"
        assert driver.save_screenshot(str(shot))
        data = shot.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000
    finally:
        driver.quit()


def _synthetic(out: Path, partitions: int, per_partition: int) -> None:
    """An audit folder written directly: article n of the whole run has (n * 7) % 23 findings, all LIC002."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from factlint.surfaces.audit.manifest import Manifest
    from factlint.surfaces.audit.task import article_schema, finding_schema

    (out / "findings").mkdir(parents=True)
    (out / "articles").mkdir()
    total = 0
    for p in range(partitions):
        ordinals = range(p * per_partition, (p + 1) * per_partition)
        counts = [(n * 7) % 23 for n in ordinals]
        rows = [(n, c) for n, c in zip(ordinals, counts) for _ in range(c)]
        total += len(rows)
        findings = {name: [None] * len(rows) for name in finding_schema().names}
        findings.update(partition=[p] * len(rows), ordinal=[n for n, _ in rows], code=["LIC002"] * len(rows),
                        name=["missing-licence"] * len(rows), severity=["error"] * len(rows),
                        text=[f"Photo: agency {n % 3}" for n, _ in rows], year=[2000 + n % 5 for n, _ in rows])
        articles = {name: [None] * per_partition for name in article_schema().names}
        articles.update(partition=[p] * per_partition, ordinal=list(ordinals), article=[f"a{n}" for n in ordinals],
                        findings=counts, errors=counts, warnings=[0] * per_partition, infos=[0] * per_partition)
        pq.write_table(pa.table(findings, schema=finding_schema()), out / "findings" / f"part-{p:06d}.parquet")
        pq.write_table(pa.table(articles, schema=article_schema()), out / "articles" / f"part-{p:06d}.parquet")
    Manifest("export.jsonl", "jsonl", "0" * 16, "0.1.0", per_partition, partitions_done=list(range(partitions)),
             articles_done=partitions * per_partition, findings=total, complete=True).save(out)


def test_the_top_articles_and_credits_are_exact_across_partitions(tmp_path: Path) -> None:
    from factlint.surfaces.audit.report import summarise

    _synthetic(tmp_path / "out", partitions=4, per_partition=300)
    summary = summarise(tmp_path / "out")
    counts = sorted(((n * 7) % 23, -n) for n in range(1200))[::-1][:20]
    assert [(row[0], row[2]) for row in summary.worst_articles] == [(f"a{-n}", c) for c, n in counts]
    total = sum((n * 7) % 23 for n in range(1200))
    assert summary.by_code == (("LIC002", "missing-licence", total),)
    assert sum(n for _, _, _, n in summary.missing_licence) == total and len(summary.missing_licence) == 3
    assert [year for year, _ in summary.by_year] == [2000, 2001, 2002, 2003, 2004]


def test_a_damaged_partition_is_one_line(audit: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    damaged = tmp_path / "damaged"
    shutil.copytree(audit, damaged)
    (damaged / "findings" / "part-000001.parquet").write_bytes(b"PAR1 not really")
    assert main(["audit-report", str(damaged), "--csv", str(tmp_path / "c")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"factlint: error: {damaged / 'findings' / 'part-000001.parquet'}: not a readable "
                          "Parquet file (") and err.count("\n") == 1
    assert main(["audit-report", str(damaged / "manifest.json"), "--csv", str(tmp_path / "c")]) == 2
    assert capsys.readouterr().err == (f"factlint: error: {damaged / 'manifest.json'}: not a folder; give the --out "
                                       "folder of `factlint audit`\n")


def test_an_empty_audit_and_labels_matplotlib_would_read_as_maths(tmp_path: Path) -> None:
    from factlint.surfaces.audit import report_html
    from factlint.surfaces.audit.report import summarise

    _synthetic(tmp_path / "empty", partitions=0, per_partition=1)
    empty = report_html.render(summarise(tmp_path / "empty"))
    assert empty.count("<p>None.</p>") == 5 and "<img" not in empty
    _synthetic(tmp_path / "one", partitions=1, per_partition=2)
    summary = summarise(tmp_path / "one")
    hostile = type(summary)(**{**summary.__dict__, "by_section": (("$5 ^_{ or $6 deals", 3), ("<b>opinion</b>", 1))})
    page = _Page()
    page.feed(report_html.render(hostile))
    assert page.tables["by_section"] == [["section", "findings"], ["$5 ^_{ or $6 deals", "3"], ["<b>opinion</b>", "1"]]
    assert sum(1 for tag, _ in page.tags if tag == "img") == 3
