"""DAT rule metadata: each example triggers its rule, each near-miss does not, and `factlint rule` shows them."""

from __future__ import annotations

import io

import pytest

from factlint.surfaces.cli import main
from factlint.testing import lint, registry

CODES = ["DAT001", "DAT002", "DAT003", "DAT004", "DAT005", "DAT006"]
SEVERITIES = {"DAT001": "warning", "DAT002": "info", "DAT003": "warning", "DAT004": "error",
              "DAT005": "error", "DAT006": "warning"}


@pytest.mark.parametrize("code", CODES)
def test_example_triggers_and_near_miss_does_not(code: str) -> None:
    rule = registry().rules[code]
    for reference_date in (None, "2026-03-12"):
        if code == "DAT003" and reference_date:
            continue  # December 18 is more than 180 days from March 12: reported either way
        assert [r.code for r in lint(rule.example, select=[code], reference_date=reference_date)] == [code]
        assert lint(rule.near_miss, select=[code], reference_date=reference_date) == []


@pytest.mark.parametrize("code", CODES)
def test_metadata(code: str) -> None:
    rule = registry().rules[code]
    assert rule.severity == SEVERITIES[code]
    assert rule.family == "DAT"
    assert not list(rule.problems())


def test_factlint_rule_explains_with_the_example_and_near_miss() -> None:
    out = io.StringIO()
    assert main(["rule", "DAT002"], out=out) == 0
    text = out.getvalue()
    assert "bare-weekday" in text
    assert "The ferry operator cancelled all crossings on Tuesday because of high winds." in text
    assert "The ferry operator cancelled all crossings on Tuesday, March 10, because of high winds." in text
