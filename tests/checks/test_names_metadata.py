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
