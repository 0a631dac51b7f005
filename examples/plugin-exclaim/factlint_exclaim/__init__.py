"""An example factlint plugin: one rule, EXC001, against exclamation marks in news copy."""

from __future__ import annotations

from typing import Iterator

from factlint.document import Document
from factlint.plugins import hookimpl
from factlint.rules import Context, Finding, Fix, rule


@rule(
    code="EXC001",
    name="exclamation-mark",
    summary="An exclamation mark outside a quotation.",
    explanation="News copy states facts; an exclamation mark editorialises. Quotations keep theirs.",
    example="Prices rose again!",
    near_miss='"Stop!" the officer shouted.',
    fix="safe",
    source="Reuters Handbook of Journalism, punctuation",
)
def exclamation_mark(document: Document, context: Context) -> Iterator[Finding]:
    # `copy` is every block but the headline: subheadings, paragraphs, list items and captions.
    # (`document.body` is only paragraphs and list items; the headline is the one block left out.)
    for block in document.copy:
        depth = 0
        for i, ch in enumerate(block.prose):
            if ch in "\"“”":
                depth ^= 1
            elif ch == "!" and not depth:
                span = block.span(i, i + 1)
                yield exclamation_mark.finding(span, "exclamation mark in news copy", Fix.replace(span, ".", "Replace with a full stop"))


@hookimpl
def factlint_rules() -> list:
    return [exclamation_mark]
