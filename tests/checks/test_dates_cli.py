"""DAT end to end: a draft through `factlint check`, compared with the SPEC's JSON output exactly."""

from __future__ import annotations

import io
import json
from pathlib import Path

from factlint.surfaces.cli import main

DRAFT = """---
title: Harbour board raises mooring fees
date: 2026-03-12
---

# Harbour board raises mooring fees

The Eastport harbour board voted this week to raise mooring fees by 12%, the first rise since 2019.

Board chair Ama Owusu said on Tuesday that the money would pay for dredging. "We cannot keep the channel open on goodwill alone, and everyone here knows it," she said.

The new fees apply from Friday, April 4, 2026, and a public meeting follows on 04/05/2026.

Fishermen will protest next Friday outside the harbour office, and a petition closes on February 30.
"""


def check(tmp_path: Path, text: str, name: str = "harbour.md", *args: str) -> tuple[int, list[dict]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    code = main(["check", "-j", "1", "--format", "json", "--select", "DAT", *args, str(path)], out=out)
    return code, json.loads(out.getvalue())


def test_json_output_of_a_whole_draft(tmp_path: Path) -> None:
    code, findings = check(tmp_path, DRAFT)
    assert code == 1
    assert [(f["code"], f["location"]["row"], f["location"]["column"], f["end_location"]["column"]) for f in findings] == [
        ("DAT001", 8, 34, 43),
        ("DAT002", 10, 31, 38),
        ("DAT004", 12, 25, 46),
        ("DAT006", 12, 80, 90),
        ("DAT001", 14, 24, 35),
        ("DAT005", 14, 89, 100),
    ]
    first = findings[0]
    assert first == {
        "code": "DAT001",
        "name": "relative-date",
        "severity": "warning",
        "message": '"this week" is relative; in a story dated 2026-03-12 it means the week of 9 March 2026',
        "filename": str(tmp_path / "harbour.md"),
        "location": {"row": 8, "column": 34},
        "end_location": {"row": 8, "column": 43},
        "fix": {
            "applicability": "unsafe",
            "message": 'Replace with "the week of March 9"',
            "edits": [{"content": "the week of March 9", "location": {"row": 8, "column": 34},
                       "end_location": {"row": 8, "column": 43}}],
        },
        "url": first["url"],
    }
    by_code = {f["code"]: f for f in findings}
    assert by_code["DAT002"]["severity"] == "info"
    assert by_code["DAT002"]["fix"]["edits"][0]["content"] == "Tuesday, March 10,"
    assert by_code["DAT004"]["message"] == "April 4, 2026 is a Saturday, not a Friday"
    assert by_code["DAT006"]["message"] == ('"04/05/2026" could be April 5, 2026 (month first) or 4 May 2026 '
                                            "(day first): write the month in words")
    assert by_code["DAT004"]["fix"]["applicability"] == "safe"
    assert by_code["DAT005"]["fix"] is None


def test_fix_applies_only_the_safe_weekday_fix(tmp_path: Path) -> None:
    path = tmp_path / "harbour.md"
    path.write_text(DRAFT, encoding="utf-8")
    main(["check", "-j", "1", "--select", "DAT", "--fix", str(path)], out=io.StringIO())
    fixed = path.read_text(encoding="utf-8")
    assert fixed == DRAFT.replace("Friday, April 4, 2026", "Saturday, April 4, 2026")


def test_plain_text_wire_story_without_a_date(tmp_path: Path) -> None:
    story = (
        "Port Strike Ends After Nine Days\n\n"
        "Dock workers in Westhaven returned to work today after the union accepted a 6% pay offer.\n\n"
        "The strike began on March 2 and halted exports of grain.\n\n"
        "Union leader Rosa Diaz said members had voted on Sunday.\n"
    )
    code, findings = check(tmp_path, story, "strike.txt")
    assert [(f["code"], f["location"]["row"], f["location"]["column"]) for f in findings] == [
        ("DAT001", 3, 44),
        ("DAT003", 5, 21),
        ("DAT002", 7, 50),
    ]
    assert all(f["fix"] is None for f in findings)
    assert findings[0]["message"] == ('"today" is relative and the draft has no reference date (front matter `date` '
                                      "or --reference-date) to say which date it means")


def test_reference_date_on_the_command_line(tmp_path: Path) -> None:
    code, findings = check(tmp_path, "Dock workers returned to work today.\n", "strike.txt", "--reference-date", "2026-03-11")
    assert [f["message"] for f in findings] == ['"today" is relative; in a story dated 2026-03-11 it means 11 March 2026']
