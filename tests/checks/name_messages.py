"""The NAM messages and the shipped name lexicon, shared by the names tests."""

from __future__ import annotations

import yaml

from factlint.language import people as pn
from factlint.testing import lint


def variant(here: str, other: str, uses: int) -> str:
    return f'name spelt two ways: "{here}" here, "{other}" elsewhere ({uses} use{"s" if uses != 1 else ""})'


def early(surname: str, full: str, line: int) -> str:
    return f'"{surname}" comes before the full name "{full}" (line {line}); give the full name at first reference'


def codes(text: str, code: str) -> list[tuple[int, int]]:
    return [(r.row, r.column) for r in lint(text, select=[code])]


def _pack(name: str) -> dict:
    with open(f"rules/{name}.yaml", encoding="utf-8") as f:
        return yaml.safe_load(f)


LEX = pn.Lexicon.from_packs(_pack("name-titles"), _pack("first-names"), _pack("name-context"))


def words(text: str) -> list[pn.Word]:
    return pn.scan_words(text, LEX)
