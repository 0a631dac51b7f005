"""The NAM family over a folder of labelled drafts: precision, recall, and silence on consistent copy."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from factlint.testing import lint

CORPUS = Path(__file__).resolve().parents[1] / "data" / "names"
FORMATS = {".md": "markdown", ".txt": "text", ".html": "html"}
LABELS: dict[str, list[dict]] = yaml.safe_load((CORPUS / "labels.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _found(name: str) -> Counter[tuple[str, int]]:
    path = CORPUS / name
    results = lint(path.read_text(encoding="utf-8"), format=FORMATS[path.suffix], select=["NAM"])
    return Counter((r.code, r.row) for r in results)


def test_every_draft_is_labelled() -> None:
    drafts = {p.name for p in CORPUS.iterdir() if p.suffix in FORMATS}
    assert drafts == set(LABELS)


@pytest.mark.parametrize("name", sorted(n for n in LABELS if n.startswith("clean-") or not LABELS[n]))
def test_consistent_drafts_report_nothing(name: str) -> None:
    assert _found(name) == Counter()


def test_precision_and_recall() -> None:
    tp = fp = fn = 0
    for name, labels in LABELS.items():
        want = Counter((e["code"], e["row"]) for e in labels or [])
        have = _found(name)
        tp += sum((want & have).values())
        fp += sum((have - want).values())
        fn += sum((want - have).values())
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.95 and recall >= 0.9, (precision, recall)
