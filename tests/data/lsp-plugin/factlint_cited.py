"""A plugin rule with a documentation URL, so the language server's tests see codeDescription."""

from __future__ import annotations

from typing import Iterator

from factlint.document import Document
from factlint.plugins import hookimpl
from factlint.rules import Context, Finding, rule


@rule(
    code="CIT001",
    name="unnamed-source",
    summary='"Sources say" names no source.',
    explanation="A reader cannot weigh a claim whose source is not named.",
    example="Sources say the port will close.",
    near_miss="Port officials say the port will close.",
    url="https://newsroom.example/factlint/CIT001",
)
def unnamed_source(document: Document, context: Context) -> Iterator[Finding]:
    for block in document.copy:
        at = block.prose.find("Sources say")
        if at != -1:
            yield unnamed_source.finding(block.span(at, at + len("Sources say")), '"Sources say" names no source')


@hookimpl
def factlint_rules() -> list:
    return [unnamed_source]
