"""The NAM rules' own examples: each example is reported, each near-miss is not, and the packs load."""

from __future__ import annotations

import pytest

from factlint.testing import lint, registry

HOUSE = {"names": {"Zelensky": ["Zelenskyy"]}}


@pytest.mark.parametrize("code", ["NAM001", "NAM002", "NAM003"])
def test_example_fires_and_near_miss_does_not(code: str) -> None:
    rule = registry().rules[code]
    settings = HOUSE if code == "NAM003" else None
    assert [r.code for r in lint(rule.example, select=[code], settings=settings)] == [code]
    assert lint(rule.near_miss, select=[code], settings=settings) == []
    assert rule.severity == "warning" and rule.family == "NAM"


def test_fix_safety_is_declared() -> None:
    rules = registry().rules
    assert (rules["NAM001"].fix, rules["NAM002"].fix, rules["NAM003"].fix) == ("unsafe", None, "safe")


def test_name_packs_are_declared() -> None:
    schemas = registry().schemas
    assert {"name-titles", "first-names", "name-context"} <= set(schemas)


def test_shipped_name_packs_validate_and_a_bad_one_names_file_line_and_key(tmp_path) -> None:
    from pathlib import Path

    from factlint.errors import UsageError
    from factlint.packs import read_pack

    schemas = registry().schemas
    rules = Path(__file__).resolve().parents[2] / "rules"
    for name in ("name-titles", "first-names", "name-context"):
        assert read_pack(rules / f"{name}.yaml", schemas)[0] == name
    bad = tmp_path / "newsroom-names.yaml"
    bad.write_text("pack: first-names\nnames:\n  - Adaeze\n", encoding="utf-8")
    try:
        read_pack(bad, schemas)
    except UsageError as e:
        assert str(e).startswith(f"{bad}:3: rule pack key 'names[0]'")
    else:
        raise AssertionError("a malformed pack was accepted")
    good = tmp_path / "newsroom-titles.yaml"
    good.write_text("pack: name-titles\ntitles: [quartermaster, harbour pilot]\n", encoding="utf-8")
    assert read_pack(good, schemas) == ("name-titles", {"titles": ["quartermaster", "harbour pilot"]})
