"""A front matter date that is no date: FL003 on the value, and DAT messages that say why they lack one."""

from __future__ import annotations

import pytest

from factlint.testing import lint


def draft(date: str, body: str = "The council met yesterday.") -> str:
    return f"---\ntitle: Council\ndate: {date}\n---\n\n{body}\n"


def found(text: str, *codes: str) -> list[tuple[str, int, int, str]]:
    return [(r.code, r.row, r.column, r.message) for r in lint(text, format="markdown") if r.code in codes]


@pytest.mark.parametrize(("value", "shown"), [
    ("next tuesday", "next tuesday"),
    ("99999999999", "99999999999"),
    ('"2024-02-30"', "2024-02-30"),  # quoted: YAML would refuse it as a timestamp
    ("true", "True"),
    ("[2024, 3, 5]", "a list or mapping"),
])
def test_a_date_that_is_not_a_date_is_fl003_on_its_value(value: str, shown: str) -> None:
    assert found(draft(value), "FL003", "DAT001") == [
        ("FL003", 3, 7, f"front matter `date` is not a date: \"{shown}\"; write it as YYYY-MM-DD "
                        "(the relative dates of the draft are read without it)"),
        ("DAT001", 6, 17, f"\"yesterday\" is relative and the draft has no reference date (its front matter "
                          f"`date`, \"{shown}\", is not a date; write YYYY-MM-DD or pass --reference-date) "
                          "to say which date it means"),
    ]


def test_dat002_and_dat003_say_why_too() -> None:
    text = draft("soon", "The vote is on Tuesday. The fair opens on March 7.")
    messages = [m for code, _, _, m in found(text, "DAT002", "DAT003")]
    assert messages == [
        "\"Tuesday\" has no date, and the draft has no reference date (its front matter `date`, \"soon\", "
        "is not a date; write YYYY-MM-DD or pass --reference-date) to say which Tuesday it means",
        "\"March 7\" has no year and the draft has no reference date (its front matter `date`, \"soon\", "
        "is not a date; write YYYY-MM-DD or pass --reference-date): write the year",
    ]


@pytest.mark.parametrize("value", ["2024-03-05", "2024-03-05T09:30:00Z", "March 5, 2024", "5 March 2024"])
def test_dates_in_the_forms_we_read_are_no_finding(value: str) -> None:
    assert found(draft(value), "FL003") == []
    assert found(draft(value), "DAT001")[0][3].startswith("\"yesterday\" is relative; in a story dated 2024-03-05")


def test_no_date_at_all_keeps_the_plain_message() -> None:
    text = "---\ntitle: Council\n---\n\nThe council met yesterday.\n"
    assert found(text, "FL003", "DAT001") == [
        ("DAT001", 5, 17, "\"yesterday\" is relative and the draft has no reference date (front matter `date` "
                          "or --reference-date) to say which date it means"),
    ]


def test_a_reference_date_key_set_in_config_is_the_one_judged(tmp_path, capsys) -> None:
    from factlint.surfaces.cli import main

    (tmp_path / ".factlint.yaml").write_text("reference-date-key: published\n", encoding="utf-8")
    story = tmp_path / "story.md"
    story.write_text("---\ndate: whenever\npublished: soon\n---\n\nThe council met.\n", encoding="utf-8")
    assert main(["check", "--select", "FL003", str(story)]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        f"{story}:3:12: FL003 front matter `published` is not a date: \"soon\"; write it as YYYY-MM-DD "
        "(the relative dates of the draft are read without it)")
