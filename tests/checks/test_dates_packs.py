"""The calendar and relative-dates packs: a newsroom extends them, and a bad pack is a clear error."""

from __future__ import annotations

import io
import json
from pathlib import Path

from factlint.surfaces.cli import main


def run(folder: Path, *args: str) -> tuple[int, str, list[dict]]:
    out = io.StringIO()
    code = main(["check", "-j", "1", "--format", "json", "--select", "DAT", *args, str(folder / "story.md")], out=out)
    text = out.getvalue()
    return code, text, json.loads(text) if text.strip().startswith("[") else []


def write_story(folder: Path, body: str) -> None:
    (folder / "story.md").write_text(f"---\ndate: 2026-03-12\n---\n\n{body}\n", encoding="utf-8")


STORY = "She read the news on Tomorrow Today and worked on Shipping Sunday."


def test_a_newsroom_pack_adds_proper_names_and_named_days(tmp_path: Path) -> None:
    plain, house = tmp_path / "plain", tmp_path / "house"
    for folder in (plain, house):
        folder.mkdir()
        write_story(folder, STORY)
    (house / "house.yaml").write_text("pack: calendar\nnamed-days: [Shipping Sunday]\n", encoding="utf-8")
    (house / ".factlint.yaml").write_text("rule-packs: [house.yaml]\n", encoding="utf-8")
    # "Tomorrow Today" is capitalised mid-sentence: a title already.
    assert [f["code"] for f in run(plain)[2]] == ["DAT002"]
    assert run(house)[:1] == (0,) and run(house)[2] == []


def test_a_newsroom_pack_adds_a_relative_phrase(tmp_path: Path) -> None:
    write_story(tmp_path, "The ferry sails overmorrow.")
    (tmp_path / "house.yaml").write_text(
        "pack: relative-dates\ndays:\n  - {phrase: overmorrow, offset: 2}\n", encoding="utf-8")
    (tmp_path / ".factlint.yaml").write_text("rule-packs: [house.yaml]\n", encoding="utf-8")
    (finding,) = run(tmp_path)[2]
    assert finding["message"] == '"overmorrow" is relative; in a story dated 2026-03-12 it means 14 March 2026'
    assert finding["fix"]["edits"][0]["content"] == "on March 14"


def test_a_bad_pack_names_file_line_and_key(tmp_path: Path) -> None:
    write_story(tmp_path, "The ferry sails tomorrow.")
    (tmp_path / "house.yaml").write_text(
        "pack: relative-dates\ndays:\n  - {phrase: overmorrow, offset: two}\n", encoding="utf-8")
    (tmp_path / ".factlint.yaml").write_text("rule-packs: [house.yaml]\n", encoding="utf-8")
    err = io.StringIO()
    import contextlib

    with contextlib.redirect_stderr(err):
        code, _, _ = run(tmp_path)
    assert code == 2
    assert "house.yaml:3" in err.getvalue() and "days[0].offset" in err.getvalue()


def test_an_unknown_meaning_is_a_usage_error(tmp_path: Path) -> None:
    write_story(tmp_path, "The ferry sails tomorrow.")
    (tmp_path / "house.yaml").write_text(
        "pack: relative-dates\ndeterminers:\n  - {words: yonder, means: far}\n", encoding="utf-8")
    (tmp_path / ".factlint.yaml").write_text("rule-packs: [house.yaml]\n", encoding="utf-8")
    err = io.StringIO()
    import contextlib

    with contextlib.redirect_stderr(err):
        code, _, _ = run(tmp_path)
    assert code == 2
    assert "determiners 'yonder' means 'far', not one of this, last, next, coming, earlier, later" in err.getvalue()
