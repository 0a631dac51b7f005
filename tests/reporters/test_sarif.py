"""The SARIF reporter: schema-valid for every input, GitHub's fields present, stable fingerprints."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft4Validator

from factlint.document import Span
from factlint.reporters import sarif
from factlint.results import Position, ReportContext, ReportedEdit, ReportedFix, Result
from factlint.rules import SAFE, Rule

SCHEMA = Path(__file__).parent.parent / "data" / "sarif" / "sarif-schema-2.1.0.json"
ROOT = Path(__file__).resolve().parent.parent.parent


@functools.cache
def validator() -> Draft4Validator:
    return Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8")), format_checker=Draft4Validator.FORMAT_CHECKER)


def assert_valid(log: dict) -> None:
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator().iter_errors(log)]
    assert errors == []


def make_rule(code: str, name: str, severity: str = "warning", fix: str | None = None, url: str | None = None) -> Rule:
    return Rule(
        code=code,
        name=name,
        summary=f"Summary of {name}.",
        explanation=f"Why {name} matters to an editor.",
        example="It rained on Tuesday.",
        near_miss="It rained on Tuesday, March 10.",
        check=lambda document, context: iter(()),
        severity=severity,
        fix=fix,
        source="House style guide",
        url=url,
    )


RULES = {r.code: r for r in [make_rule("DAT001", "relative-date"), make_rule("DAT004", "weekday-mismatch", "error", SAFE, "https://news.example/style/DAT004"), make_rule("DAT002", "bare-weekday", "info")]}


def make_result(
    code: str = "DAT001",
    row: int = 3,
    column: int = 5,
    end_column: int = 14,
    line: str = "The council voted this week to close it.",
    filename: str = "news/council.md",
    severity: str = "warning",
    message: str = "\"this week\" is relative",
    fix: ReportedFix | None = None,
    end_row: int | None = None,
    end_line: str | None = None,
) -> Result:
    return Result(
        code=code,
        name=RULES[code].name if code in RULES else "mystery-rule",
        severity=severity,
        message=message,
        filename=filename,
        location=Position(row, column),
        end_location=Position(end_row or row, end_column),
        span=Span(0, 0),
        fix=fix,
        url=f"https://factlint.readthedocs.io/en/latest/rules/{code}",
        line_text=line,
        end_line_text=line if end_line is None else end_line,
    )


def context(files: tuple[str, ...] = ("news/council.md",)) -> ReportContext:
    return ReportContext(rules=RULES, files=list(files), version="0.1.0")


def log_of(results: list[Result]) -> dict:
    return json.loads(sarif.render(results, context()))


def test_empty_run_is_valid_and_lists_every_rule() -> None:
    log = log_of([])
    assert_valid(log)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run["results"] == []
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["DAT001", "DAT002", "DAT004"]
    assert run["tool"]["driver"]["name"] == "factlint"
    assert run["tool"]["driver"]["version"] == "0.1.0"


def test_result_carries_what_github_code_scanning_reads() -> None:
    log = log_of([make_result()])
    assert_valid(log)
    (result,) = log["runs"][0]["results"]
    assert result["ruleId"] == "DAT001"
    assert result["ruleIndex"] == 0
    assert result["level"] == "warning"
    assert result["message"] == {"text": "\"this week\" is relative"}
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "news/council.md"}
    assert location["region"] == {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 14}
    assert list(result["partialFingerprints"]) == ["factlint/v1"]
    assert "primaryLocationLineHash" not in result["partialFingerprints"]


def test_rule_descriptor_has_help_text_and_level() -> None:
    rules = log_of([])["runs"][0]["tool"]["driver"]["rules"]
    dat004 = rules[2]
    assert dat004["name"] == "weekday-mismatch"
    assert dat004["shortDescription"] == {"text": "Summary of weekday-mismatch."}
    assert dat004["fullDescription"] == {"text": "Why weekday-mismatch matters to an editor."}
    assert "It rained on Tuesday." in dat004["help"]["text"]
    assert "Source: House style guide" in dat004["help"]["markdown"]
    assert dat004["helpUri"] == "https://news.example/style/DAT004"
    assert "[Documentation](https://news.example/style/DAT004)" in dat004["help"]["markdown"]
    assert "helpUri" not in rules[0]  # no documentation hosted for it
    assert dat004["defaultConfiguration"] == {"level": "error"}
    assert dat004["properties"]["tags"] == ["factlint", "DAT"]
    assert dat004["properties"]["problem.severity"] == "error"
    assert rules[1]["defaultConfiguration"] == {"level": "note"}


def test_levels_follow_severity() -> None:
    results = [make_result(severity=s, row=i + 1) for i, s in enumerate(["error", "warning", "info"])]
    assert [r["level"] for r in log_of(results)["runs"][0]["results"]] == ["error", "warning", "note"]


def test_columns_become_utf16_units_after_an_astral_character() -> None:
    # "🗞" is one code point and two UTF-16 units; "é" is one of each.
    line = "🗞 Café opens this week"
    start = line.index("this week") + 1
    result = make_result(line=line, column=start, end_column=start + 9)
    region = log_of([result])["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (start, region["startColumn"], region["endColumn"]) == (14, 15, 24)


def test_utf16_column() -> None:
    assert sarif.utf16_column("abc", 1) == 1
    assert sarif.utf16_column("a😀b", 3) == 4
    assert sarif.utf16_column("a😀b", 4) == 5
    assert sarif.utf16_column("日本語", 3) == 3  # BMP characters are one unit
    assert sarif.utf16_column("ab", 7) == 7  # past the end: one unit per position


def test_multi_line_region_uses_the_end_line_for_its_column() -> None:
    result = make_result(row=2, end_row=3, column=3, end_column=3, line="x", end_line="😀😀z")
    region = log_of([result])["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 2, "startColumn": 3, "endLine": 3, "endColumn": 5}


def test_fingerprint_ignores_rows_so_alerts_survive_text_added_above() -> None:
    before = [make_result(row=3), make_result(row=9, line="Another line.")]
    after = [make_result(row=7), make_result(row=13, line="Another line.")]
    assert sarif.fingerprints(before) == sarif.fingerprints(after)


def test_fingerprint_changes_with_code_file_line_and_occurrence() -> None:
    base = make_result()
    variants = [
        make_result(code="DAT002", severity="info"),
        make_result(filename="news/other.md"),
        make_result(line="The council voted this week to open it."),
    ]
    base_fp = sarif.fingerprints([base])[0]
    for other in variants:
        assert sarif.fingerprints([other])[0] != base_fp
    twice = sarif.fingerprints([base, make_result(column=20, end_column=29)])
    assert twice[0] == base_fp and twice[1] != base_fp


def test_fingerprint_ignores_indentation_and_path_spelling() -> None:
    indented = make_result(line="    The council voted this week to close it.  ")
    dotted = make_result(filename="./news/council.md")
    base_fp = sarif.fingerprints([make_result()])[0]
    assert sarif.fingerprints([indented])[0] == base_fp
    assert sarif.fingerprints([dotted])[0] == base_fp


def test_fix_is_a_sarif_replacement() -> None:
    line = "On Saturday, March 10, 2026, 🌧 fell."
    edit = ReportedEdit("Tuesday", Position(4, 4), Position(4, 12), Span(0, 0))
    fix = ReportedFix(SAFE, "Replace with \"Tuesday\"", (edit,))
    result = make_result(code="DAT004", row=4, column=4, end_column=12, line=line, severity="error", fix=fix)
    log = log_of([result])
    assert_valid(log)
    (sarif_fix,) = log["runs"][0]["results"][0]["fixes"]
    assert sarif_fix["description"] == {"text": "Replace with \"Tuesday\""}
    change = sarif_fix["artifactChanges"][0]
    assert change["artifactLocation"] == {"uri": "news/council.md"}
    assert change["replacements"] == [
        {
            "deletedRegion": {"startLine": 4, "startColumn": 4, "endLine": 4, "endColumn": 12},
            "insertedContent": {"text": "Tuesday"},
        }
    ]


def test_fix_on_another_line_converts_columns_with_that_lines_text() -> None:
    edit = ReportedEdit("x", Position(9, 4), Position(9, 5), Span(0, 0), "🌧🌧 a", "🌧🌧 a")
    result = make_result(fix=ReportedFix(SAFE, "far away", (edit,)))
    log = log_of([result])
    assert_valid(log)
    (sarif_fix,) = log["runs"][0]["results"][0]["fixes"]
    assert sarif_fix["artifactChanges"][0]["replacements"][0]["deletedRegion"] == {
        "startLine": 9, "startColumn": 6, "endLine": 9, "endColumn": 7,
    }


def test_unknown_rule_still_gets_a_descriptor() -> None:
    log = log_of([make_result(code="XYZ001")])
    assert_valid(log)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["DAT001", "DAT002", "DAT004", "XYZ001"]
    assert log["runs"][0]["results"][0]["ruleIndex"] == 3


def test_uris_are_relative_and_percent_encoded() -> None:
    assert sarif.artifact_uri("news/Café story #2.md") == "news/Caf%C3%A9%20story%20%232.md"
    assert sarif.artifact_uri(os.path.join(os.getcwd(), "news", "a.md")) == "news/a.md"
    outside = os.path.abspath(os.path.join(os.getcwd(), "..", "elsewhere", "b.md"))
    if os.path.relpath(outside).startswith(".."):
        assert sarif.artifact_uri(outside) == "file://" + outside.replace(os.sep, "/")


text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=60, deadline=None)
@given(
    message=text,
    line=text,
    filename=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=20),
    column=st.integers(1, 40),
    width=st.integers(0, 10),
    severity=st.sampled_from(["error", "warning", "info"]),
)
def test_any_finding_gives_a_schema_valid_log(message, line, filename, column, width, severity) -> None:
    result = make_result(message=message, line=line, filename=filename, column=column, end_column=column + width, severity=severity)
    rendered = sarif.render([result], context())
    log = json.loads(rendered)
    assert_valid(log)
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["startColumn"] >= column and region["endColumn"] >= region["startColumn"]


def test_reporter_is_registered_through_the_hook() -> None:
    (reporter,) = sarif.factlint_reporters()
    assert reporter.name == "sarif"
    assert reporter.render is sarif.render


# -- the real command line over drafts of every format ------------------------------

DRAFTS = {
    "news/rates.md": (
        "---\ntitle: Rates held\ndate: 2026-03-12\nimage: photos/hall.jpg\n---\n\n# Rates held\n\n"
        "\U0001f5f3 \"The council will not raise the rates this year at all,\u201d said Mayor Ana Ruiz.\n\n"
        "The vote came on Saturday, March 10, 2026, after a long meeting this week.\n\n"
        "![Town hall](photos/hall.jpg)\n\n"
        "\u201cIt is a fair budget for every single family in town,\" a resident told us.\n"
    ),
    "news/crlf.txt": "Port strike ends\r\n\r\nDockers returned on Tuesday. \u201cWe won the pay rise we asked for in spring,\" one said.\r\n",
    "news/fire.html": (
        "<html><head><meta property=\"article:published_time\" content=\"2026-03-12\"></head><body><article>"
        "<h1>Schools close</h1><p>\u65e5\u672c \"Classes are cancelled for the rest of the week here,\u201d the head said.</p>"
        "<figure><img src=\"smoke.jpg\" alt=\"Smoke\"><figcaption>Smoke over the hills</figcaption></figure>"
        "</article></body></html>\n"
    ),
    "news/clean.md": "# Quiet day\n\nNothing happened at the council on March 12, 2026.\n",
}


def python_m_factlint(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "factlint", *argv], cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8")


def test_cli_sarif_is_schema_valid_and_agrees_with_json(tmp_path: Path) -> None:
    for name, text in DRAFTS.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(("\ufeff" if name.endswith(".txt") else "").encode() + text.encode())
    done = python_m_factlint("check", "--format", "sarif", "news", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    log = json.loads(done.stdout)
    assert_valid(log)
    as_json = json.loads(python_m_factlint("check", "--format", "json", "news", cwd=tmp_path).stdout)
    results = log["runs"][0]["results"]
    assert len(results) == len(as_json) > 0
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    lines = {name: text.splitlines() for name, text in DRAFTS.items()}
    for sarif_result, plain in zip(results, as_json):
        assert sarif_result["ruleId"] == plain["code"] == rules[sarif_result["ruleIndex"]]["id"]
        location = sarif_result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == plain["filename"]
        region = location["region"]
        line = lines[plain["filename"]][plain["location"]["row"] - 1]
        assert region["startLine"] == plain["location"]["row"]
        assert region["startColumn"] == sarif.utf16_column(line.lstrip("\ufeff"), plain["location"]["column"])
    # the quotation after the ballot-box emoji: code point column 3, UTF-16 column 4
    opening = [r for r in results if r["ruleId"] == "QUO003" and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/rates.md"]
    assert opening and opening[0]["locations"][0]["physicalLocation"]["region"]["startColumn"] == 4
    fingerprints = [r["partialFingerprints"]["factlint/v1"] for r in results]
    assert len(set(fingerprints)) == len(fingerprints)


def test_display_path_keeps_names_that_merely_start_with_two_dots(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert sarif.display_path(str(tmp_path / "..draft.md")) == "..draft.md"
    assert sarif.display_path(".\\x.md" if os.sep == "\\" else "./x.md") == "x.md"


ACCEPTANCE = Path(__file__).resolve().parents[3] / "shared" / "acceptance"


def test_sarif_for_the_acceptance_drafts_is_schema_valid(tmp_path: Path) -> None:
    import shutil

    import pytest

    if not ACCEPTANCE.is_dir():
        pytest.skip(f"the shared acceptance drafts are not beside this checkout ({ACCEPTANCE})")
    shutil.copytree(ACCEPTANCE, tmp_path / "drafts", ignore=shutil.ignore_patterns("*.py", "*.yaml", "README*"))
    done = python_m_factlint("check", "--format", "sarif", "drafts", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    log = json.loads(done.stdout)
    assert_valid(log)
    as_json = json.loads(python_m_factlint("check", "--format", "json", "drafts", cwd=tmp_path).stdout)
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == [f["code"] for f in as_json]
    assert len(as_json) >= 24
