"""benchmarks/devset_eval.py's matching of a gold quotation to factlint's finding: rows, columns, passages."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("devset_eval", ROOT / "benchmarks" / "devset_eval.py")
devset_eval = importlib.util.module_from_spec(_spec)
sys.modules["devset_eval"] = devset_eval
_spec.loader.exec_module(devset_eval)


def test_position_is_factlints_row_and_column() -> None:
    text = "Headline\n\nAb \"cd\"\n"
    assert devset_eval.position(text, text.index('"')) == (3, 4)
    assert devset_eval.position(text, 0) == (1, 1)


@pytest.mark.parametrize("text, later, opening", [
    # each paragraph opens with a mark, only the last closes: one passage, opened at its first paragraph
    ('Intro.\n\n"We will go.\n\n"We will stay.\n\n"And then we rest."\n', '"And', '"We will go'),
    # the passage may open inside its first paragraph, after the attribution
    ('Ruiz said: \u201cWe will go.\n\n\u201cAnd then rest.\u201d\n', '\u201cAnd', '\u201cWe'),
])
def test_a_later_paragraph_of_a_passage_belongs_to_its_opening(text: str, later: str, opening: str) -> None:
    assert devset_eval.passage_start(text, text.index(later)) == text.index(opening)


@pytest.mark.parametrize("text, at", [
    ('"Closed."\n\n"Its own."\n', '"Its'),  # the paragraph before closed its quotation
    ('Ruiz said "no" to that.\n\n"Its own."\n', '"Its'),
    ('Intro "open\n\nand "mid" paragraph.\n', '"mid'),  # not at the start of its paragraph
    ('"First words of the story."\n', '"First'),  # nothing before it
])
def test_a_quotation_of_its_own_opens_no_passage(text: str, at: str) -> None:
    assert devset_eval.passage_start(text, text.index(at)) is None
