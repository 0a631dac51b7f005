"""The plain-text reader: headline, paragraphs, subheadings and directive lines."""

from __future__ import annotations

from factlint.document import HEADLINE, PARAGRAPH, SUBHEADING, ReadOptions
from factlint.formats import text


def read(source: str):
    return text.read("draft.txt", source, ReadOptions())


def kinds(doc):
    return [(b.kind, b.text) for b in doc.blocks]


def test_headline_paragraphs_and_subheadings():
    doc = read(
        "Mayor Resigns After Audit\n\nThe mayor resigned on Monday.\nHe gave no reason.\n\n"
        "What Comes Next\n\nAn election will follow.\n"
    )
    assert kinds(doc) == [
        (HEADLINE, "Mayor Resigns After Audit"),
        (PARAGRAPH, "The mayor resigned on Monday.\nHe gave no reason."),
        (SUBHEADING, "What Comes Next"),
        (PARAGRAPH, "An election will follow."),
    ]


def test_first_line_is_the_headline_only_when_a_blank_line_follows():
    doc = read("Storm Hits Coast\nWinds reached 120 km/h.\n")
    assert kinds(doc) == [(PARAGRAPH, "Storm Hits Coast\nWinds reached 120 km/h.")]


def test_a_first_paragraph_wrapped_over_two_lines_is_body_from_its_first_line():
    doc = read("The harbour master said \"the pier will stay shut\nuntil the divers are done,\" on Monday.\n\nMore later.\n")
    assert kinds(doc) == [
        (PARAGRAPH, "The harbour master said \"the pier will stay shut\nuntil the divers are done,\" on Monday."),
        (PARAGRAPH, "More later."),
    ]


def test_a_lone_first_line_before_a_directive_or_the_end_is_not_a_headline():
    assert kinds(read("Storm Hits Coast\n")) == [(SUBHEADING, "Storm Hits Coast")]
    doc = read("Storm Hits Coast\nfactlint: disable-next-line=DAT001\nIt rained yesterday.\n")
    assert kinds(doc) == [(SUBHEADING, "Storm Hits Coast"), (PARAGRAPH, "It rained yesterday.")]
    assert kinds(read("Storm Hits Coast\n\n")) == [(HEADLINE, "Storm Hits Coast")]


def test_short_lines_that_end_like_sentences_or_carry_labels_are_paragraphs():
    doc = read("Head\n\nIt rained.\n\nPhoto: Ann Lee / Reuters\n\nSee https://example.org\n\nA Thirteen Word Line That Is Far Too Long To Be A Real Subheading Here\n")
    assert [b.kind for b in doc.blocks] == [HEADLINE, PARAGRAPH, PARAGRAPH, PARAGRAPH, PARAGRAPH]


def test_spans_and_crlf():
    doc = read("Head\r\n\r\nMarkets fell yesterday.\r\n")
    para = doc.blocks[1]
    i = para.text.index("yesterday")
    span = para.span(i, i + 9)
    assert doc.position(span.start) == (3, 14)
    assert doc.source[span.start:span.end] == "yesterday"
    assert para.text == "Markets fell yesterday."


def test_directive_lines_are_not_prose():
    doc = read("Head\n\nfactlint: disable-next-line=DAT001\nIt rained yesterday.\n")
    assert kinds(doc) == [(HEADLINE, "Head"), (PARAGRAPH, "It rained yesterday.")]


def test_empty_and_blank_drafts():
    assert read("").blocks == ()
    assert read("\n\n  \n").blocks == ()
