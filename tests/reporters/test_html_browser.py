"""`--format html` in a real browser: Debian's headless Chromium, driven through chromedriver by selenium."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Iterator

import pytest

from factlint.surfaces.cli import main

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"

pytestmark = pytest.mark.skipif(
    not (os.access(CHROMIUM, os.X_OK) and os.access(CHROMEDRIVER, os.X_OK)),
    reason=f"needs Debian's chromium and chromium-driver ({CHROMIUM}, {CHROMEDRIVER}): "
           "apt-get install chromium chromium-driver",
)

HOSTILE = (
    "---\ndate: 2026-04-08\n---\n\n# Harbour strike\n\n"
    "<script>window.__pwned = 1; document.title = 'pwned';</script>\n\n"
    "<img src=x onerror=\"window.__pwned = 2; document.title = 'pwned'\">\n\n"
    "Dockworkers stopped work this morning.\r\n\r\n"
    + "".join(f"Paragraph {i} of the council report, which filled the afternoon.\n\n" for i in range(120))
    + "The vote was on Wednesday, April 8, 2026.\n\nTalks resume on April 31.\n"
)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--window-size=1200,900",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("drafts")
    (folder / "a-strike.md").write_text(HOSTILE, encoding="utf-8", newline="")
    (folder / "b-clean.txt").write_text("The council approved the budget on March 3, 2026.\n", encoding="utf-8")
    (folder / "c-quote.md").write_text('It rained yesterday.\n\n"Every ship that waits outside costs more."\n',
                                      encoding="utf-8")
    out = io.StringIO()
    assert main(["check", "--format", "html", "--select", "DAT,QUO,FL", str(folder)], out=out) == 1
    page = folder.parent / "report.html"
    page.write_text(out.getvalue(), encoding="utf-8")
    return page


def test_the_report_renders_and_no_draft_script_runs(browser, report, tmp_path) -> None:
    browser.get(report.as_uri())
    assert browser.title == "factlint report"
    assert browser.execute_script("return window.__pwned === undefined") is True
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    draft = browser.find_elements("css selector", ".draft")[0]
    assert browser.execute_script("return arguments[0].textContent", draft) == HOSTILE
    assert browser.find_elements("css selector", ".draft img, .draft script") == []
    shot = tmp_path / "report.png"
    assert browser.save_screenshot(str(shot))
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000


def _open_all(browser) -> None:
    browser.execute_script("document.querySelectorAll('details.file').forEach(d => d.open = true)")


def test_filters_hide_and_show_findings(browser, report) -> None:
    browser.get(report.as_uri())
    _open_all(browser)
    dat = browser.find_elements("css selector", "li.finding[data-fam='DAT']")
    quo = browser.find_elements("css selector", "li.finding[data-fam='QUO']")
    assert dat and quo and all(e.is_displayed() for e in dat + quo)
    mark = browser.find_element("css selector", "mark[data-fam='DAT'][id]")
    assert browser.execute_script("return getComputedStyle(arguments[0]).backgroundColor", mark) != "rgba(0, 0, 0, 0)"

    browser.find_element("css selector", "input[data-filter='fam:DAT']").click()
    assert not any(e.is_displayed() for e in dat) and all(e.is_displayed() for e in quo)
    assert browser.execute_script("return getComputedStyle(arguments[0]).backgroundColor", mark) == "rgba(0, 0, 0, 0)"
    assert mark.get_attribute("tabindex") == "-1"

    browser.find_element("css selector", "input[data-filter='sev:error']").click()
    assert not any(e.is_displayed() for e in browser.find_elements("css selector", "li.finding.sev-error"))
    browser.find_element("css selector", "input[data-filter='fam:DAT']").click()
    assert any(e.is_displayed() for e in dat)
    assert not any(e.is_displayed() for e in browser.find_elements("css selector", "li.finding.sev-error"))
    browser.find_element("css selector", "input[data-filter='sev:error']").click()
    assert all(e.is_displayed() for e in dat + quo) and mark.get_attribute("tabindex") == "0"


def _in_view(browser, element) -> bool:
    return browser.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0", element)


def test_clicking_a_finding_in_the_list_scrolls_to_its_highlight(browser, report) -> None:
    browser.get(report.as_uri())
    browser.find_element("css selector", "details#file-1 > summary").click()
    link = browser.find_elements("css selector", "details#file-1 a.jump")[-1]  # April 31, at the end of the draft
    target = browser.find_element("id", link.get_attribute("href").split("#")[1])
    assert target.text == "April 31"
    assert not _in_view(browser, target)
    link.click()
    assert _in_view(browser, target)
    assert browser.switch_to.active_element == target
    assert browser.execute_script("return location.hash") == "#" + target.get_attribute("id")


def test_a_link_to_a_finding_opens_its_collapsed_file(browser, report) -> None:
    browser.get(report.as_uri() + "#f2-1")
    target = browser.find_element("id", "f2-1")
    assert browser.find_element("id", "file-2").get_attribute("open") is not None
    assert _in_view(browser, target)


def test_the_message_shows_on_keyboard_focus_and_on_hover(browser, report) -> None:
    from selenium.webdriver import ActionChains

    browser.get(report.as_uri())
    _open_all(browser)
    mark = browser.find_element("id", "f1-1")
    message = mark.get_attribute("data-msg")
    assert message.startswith("DAT001 relative-date (warning): ")
    tooltip = "return getComputedStyle(arguments[0], '::after').content"
    shown = '"' + message.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ") + '"'  # CSS string form
    assert browser.execute_script(tooltip, mark) == "none"
    browser.execute_script("arguments[0].focus()", mark)
    assert browser.switch_to.active_element == mark
    assert browser.execute_script(tooltip, mark) == shown
    browser.execute_script("arguments[0].blur()", mark)
    ActionChains(browser).move_to_element(mark).perform()
    assert browser.execute_script(tooltip, mark) == shown

