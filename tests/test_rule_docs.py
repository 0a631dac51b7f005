"""`rule-docs`: a newsroom's own address for each rule's page, carried by every finding and surface."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from factlint.surfaces.cli import main

DRAFT = "---\ndate: 2026-04-08\n---\n\nTalks resume on April 31.\n"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def newsroom(tmp_path: Path, rule_docs: str | None) -> Path:
    if rule_docs is not None:
        (tmp_path / ".factlint.yaml").write_text(f"rule-docs: {json.dumps(rule_docs)}\n", encoding="utf-8")
    draft = tmp_path / "story.md"
    draft.write_text(DRAFT, encoding="utf-8")
    return draft


@pytest.mark.parametrize(("template", "url"), [
    ("https://style.example.org/factlint/{code}", "https://style.example.org/factlint/DAT005"),
    ("https://wiki.example.org/rules#{name}", "https://wiki.example.org/rules#impossible-date"),
    ("http://intranet/{family}/{code}.html", "http://intranet/DAT/DAT005.html"),
])
def test_each_finding_carries_the_address_with_the_rule_filled_in(tmp_path, template, url):
    code, out = run("check", "--select", "DAT005", "--format", "json", str(newsroom(tmp_path, template)))
    assert code == 1
    assert [(f["code"], f["url"]) for f in json.loads(out)] == [("DAT005", url)]


def test_without_it_a_built_in_rule_has_no_address(tmp_path):
    _, out = run("check", "--select", "DAT005", "--format", "json", str(newsroom(tmp_path, None)))
    assert [(f["code"], f["url"]) for f in json.loads(out)] == [("DAT005", None)]


def test_sarif_rules_get_the_address_as_help_uri(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _, out = run("check", "--select", "DAT005", "--format", "sarif",
                 str(newsroom(tmp_path, "https://style.example.org/factlint/{code}")))
    descriptors = {d["id"]: d for d in json.loads(out)["runs"][0]["tool"]["driver"]["rules"]}
    assert descriptors["DAT005"]["helpUri"] == "https://style.example.org/factlint/DAT005"
    assert descriptors["DAT005"]["help"]["markdown"].endswith(
        "[Documentation](https://style.example.org/factlint/DAT005)")
    assert descriptors["QUO001"]["helpUri"] == "https://style.example.org/factlint/QUO001"  # no finding of its own


def test_rule_explanation_names_the_address_of_the_configuration_found_here(tmp_path, monkeypatch):
    newsroom(tmp_path, "https://style.example.org/factlint/{code}")
    monkeypatch.chdir(tmp_path)
    code, out = run("rule", "DAT005")
    assert code == 0 and out.endswith("\nDocumentation: https://style.example.org/factlint/DAT005\n")
    _, listing = run("rules", "--format", "markdown")
    assert "Documentation: https://style.example.org/factlint/QUO001\n" in listing
    (tmp_path / ".factlint.yaml").unlink()
    assert "Documentation:" not in run("rule", "DAT005")[1]


@pytest.mark.parametrize(("template", "problem"), [
    ("ftp://files.example.org/{code}", "'ftp://files.example.org/{code}' is not an http(s) address"),
    ("https://style.example.org/{slug}", "{slug} is not a field it may name ({code}, {name}, {family})"),
    ("https://style.example.org/rules", "'https://style.example.org/rules' names no rule:"
                                        " put {code} (or {name}) where the rule goes"),
    ("https://style.example.org/{code", "'https://style.example.org/{code' is not a valid address template"
                                        " (expected '}' before end of string)"),
])
def test_a_bad_address_is_exit_2_with_one_line(tmp_path, capsys, template, problem):
    draft = newsroom(tmp_path, template)
    assert run("check", str(draft)) == (2, "")
    err = capsys.readouterr().err
    assert err == f"factlint: error: {tmp_path / '.factlint.yaml'}: configuration key 'rule-docs': {problem}\n"
