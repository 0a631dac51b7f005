"""The Markdown reader: blocks, media, front matter, and every span mapped to the original file."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings, strategies as st

from factlint.document import CAPTION, HEADLINE, LIST_ITEM, PARAGRAPH, SUBHEADING, ReadOptions
from factlint.formats import markdown


def read(source: str, options: ReadOptions = ReadOptions()):
    return markdown.read("draft.md", source, options)


def raw(doc, block, start=0, end=None):
    span = block.span(start, len(block.text) if end is None else end)
    return doc.source[span.start:span.end]


def test_headline_subheadings_paragraphs_and_list_items():
    doc = read("# Council votes\n\nThe council met.\n\n## Reaction\n\n- First item\n- Second\n")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (HEADLINE, "Council votes"),
        (PARAGRAPH, "The council met."),
        (SUBHEADING, "Reaction"),
        (LIST_ITEM, "First item"),
        (LIST_ITEM, "Second"),
    ]


def test_front_matter_lines_count_and_give_the_reference_date():
    source = "---\ntitle: Budget\ndate: 2026-03-12\n---\n\n# Budget passes\n\nIt passed yesterday.\n"
    doc = read(source)
    assert doc.reference_date == dt.date(2026, 3, 12)
    para = doc.blocks[1]
    start = para.text.index("yesterday")
    span = para.span(start, start + len("yesterday"))
    assert doc.position(span.start) == (8, 11)
    assert doc.source[span.start:span.end] == "yesterday"


def test_reference_date_key_is_configurable():
    source = "---\npublished: 2026-01-15T10:00:00Z\n---\n\nText.\n"
    assert read(source, ReadOptions(reference_date_key="published")).reference_date == dt.date(2026, 1, 15)
    assert read(source).reference_date is None


def test_front_matter_title_is_the_headline_when_there_is_no_h1():
    doc = read("---\ntitle: Port reopens\n---\n\n## Background\n\nText.\n")
    assert doc.headline.text == "Port reopens"
    assert raw(doc, doc.headline) == "Port reopens"
    assert doc.blocks[1].kind == SUBHEADING


def test_inline_markup_entities_and_escapes_map_back():
    source = "Tom &amp; Jerry *said* \\*nothing\\* about [the vote](https://example.org/vote) today.\n"
    doc = read(source)
    (para,) = doc.blocks
    assert para.text == "Tom & Jerry said *nothing* about the vote today."
    amp = para.text.index("&")
    assert doc.source[para.span(amp, amp + 1).start:para.span(amp, amp + 1).end] == "&amp;"
    i = para.text.index("today")
    assert doc.source[para.span(i, i + 5).start:para.span(i, i + 5).end] == "today"
    assert doc.position(para.span(i, i + 5).start) == (1, 79)
    (link,) = para.links
    assert link.url == "https://example.org/vote"
    assert para.text[link.text_start:link.text_end] == "the vote"
    assert doc.source[link.url_span.start:link.url_span.end] == "https://example.org/vote"


def test_code_is_in_text_but_blanked_in_prose():
    doc = read("Run `today` now.\n\n```\ntoday\n```\n")
    (para,) = doc.blocks
    assert para.text == "Run today now."
    assert para.prose == "Run       now."
    assert [doc.source[s.start:s.end] for s in doc.code] == ["today", "```\ntoday\n```\n"]
    assert set(doc.code) <= set(doc.non_prose)


def test_urls_are_blanked_in_prose():
    doc = read("See https://example.com/today and commons.wikimedia.org for more.\n")
    (para,) = doc.blocks
    assert "today" in para.text and "today" not in para.prose
    assert "wikimedia" not in para.prose
    assert len(para.prose) == len(para.text)


def test_multi_line_paragraph_in_blockquote_maps_each_line():
    source = "> First line of the quote\n> and the second line.\n"
    doc = read(source)
    (para,) = doc.blocks
    assert para.quote_depth == 1
    assert para.text == "First line of the quote and the second line."
    i = para.text.index("second")
    span = para.span(i, i + 6)
    assert doc.position(span.start) == (2, 11)


def test_crlf_and_columns_in_code_points():
    source = "# Título\r\n\r\nCafé owners met yesterday.\r\n"
    doc = read(source)
    para = doc.blocks[1]
    i = para.text.index("yesterday")
    span = para.span(i, i + 9)
    assert doc.position(span.start) == (3, 17)
    assert doc.source[span.start:span.end] == "yesterday"


def test_image_with_title_and_credit_paragraph():
    source = (
        "Intro.\n\n"
        '![A ferry at dawn](/img/ferry.jpg "Photo: Ana Lima, CC BY 4.0")\n\n'
        "*Photo: Ana Lima / Reuters*\n"
    )
    doc = read(source)
    (image,) = doc.media
    assert image.kind == "image" and image.src == "/img/ferry.jpg"
    assert image.fields["alt"].value == "A ferry at dawn"
    assert image.fields["title"].value == "Photo: Ana Lima, CC BY 4.0"
    title = image.fields["title"]
    assert doc.source[title.span.start:title.span.end] == "Photo: Ana Lima, CC BY 4.0"
    assert title.block.kind == CAPTION
    assert image.block_index == 1
    assert doc.blocks[image.block_index].text == ""
    assert doc.blocks[image.block_index + 1].text == "Photo: Ana Lima / Reuters"
    assert doc.position(image.span.start) == (3, 1)


def test_front_matter_images_with_value_spans():
    source = (
        "---\nimages:\n  - src: /a.jpg\n    credit: Reuters\n  - /b.jpg\n"
        "image:\n  src: /c.jpg\n  credit:\n    name: Ann Bell\n    license: CC BY 4.0\n---\n\nText.\n"
    )
    doc = read(source)
    fm = [m for m in doc.media if m.kind == "front-matter"]
    assert [m.src for m in fm] == ["/c.jpg", "/a.jpg", "/b.jpg"]
    nested = fm[0]
    assert nested.fields["credit.name"].value == "Ann Bell"
    lic = nested.fields["credit.license"]
    assert doc.source[lic.span.start:lic.span.end] == "CC BY 4.0"
    assert doc.position(lic.span.start) == (10, 14)
    assert doc.position(fm[1].span.start) == (3, 5)


def test_bad_front_matter_is_a_problem_at_its_line():
    doc = read("---\ntitle: x\ndate: [2026\n---\n\nText.\n")
    (problem,) = doc.problems
    assert problem.code == "FL003"
    assert doc.position(problem.span.start)[0] in (3, 4)
    assert [b.text for b in doc.blocks] == ["Text."]


def test_html_comments_are_not_prose():
    doc = read("Text <!-- factlint: disable=DAT001 --> more.\n")
    assert doc.blocks[0].text == "Text  more."


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \n#>*_-`[]()!&;\\\"'é1.:/<>\r")), max_size=120))
def test_never_crashes_and_verbatim_characters_map_to_themselves(source):
    doc = read(source)
    for block in doc.blocks:
        span = block.span(0, len(block.text))
        assert 0 <= span.start <= span.end <= len(source)
        assert len(block.prose) == len(block.text)
        for seg in block.map._segments:
            if seg.text_end - seg.text_start == seg.src_end - seg.src_start:
                # a line break may stand as a space in block text; nothing else differs
                expected = source[seg.src_start:seg.src_end].replace("\n", " ").replace("\r", " ")
                assert block.text[seg.text_start:seg.text_end].replace("\n", " ") == expected


def test_raw_html_img_inside_a_paragraph_is_media_of_that_paragraph():
    source = 'Intro.\n\nSmoke rose. <img src="smoke.jpg" alt="Smoke" data-credit="Ann Bell"> Photo: Ann Bell\n'
    doc = read(source)
    (image,) = doc.media
    assert image.src == "smoke.jpg" and image.block_index == 1
    credit = image.fields["data-credit"]
    assert doc.source[credit.span.start:credit.span.end] == "Ann Bell"
    assert doc.blocks[1].text == "Smoke rose.  Photo: Ann Bell"


def test_raw_html_figure_block_is_read_by_the_html_reader():
    source = (
        "# Head\n\nText.\n\n<figure><img src=\"a.jpg\" alt=\"A\">\n<figcaption>Photo: Ann Bell, CC BY 4.0</figcaption>\n"
        "</figure>\n\nMore text.\n"
    )
    doc = read(source)
    (figure,) = doc.media
    assert figure.kind == "figure" and figure.src == "a.jpg"
    caption = figure.fields["caption"]
    assert caption.value == "Photo: Ann Bell, CC BY 4.0"
    assert doc.position(caption.span.start) == (6, 13)
    assert [b.kind for b in doc.blocks] == ["headline", "paragraph", "caption", "paragraph"]
    assert doc.blocks[figure.block_index].kind == "caption"


def test_a_tab_indented_continuation_line_keeps_its_columns():
    doc = read("- The council\n\tmet yesterday.\n")
    (item,) = doc.blocks
    i = item.text.index("yesterday")
    span = item.span(i, i + 9)
    assert doc.position(span.start) == (2, 6)
    assert doc.source[span.start:span.end] == "yesterday"


def test_content_offsets_are_a_range_only_where_the_source_runs_on():
    from factlint.formats.markdown import _content_offsets, _Lines

    plain = "Para one\nwraps here.\n"
    offsets = _content_offsets("Para one\nwraps here.", _Lines(plain), 0)
    assert isinstance(offsets, range) and list(offsets) == list(range(0, len("Para one\nwraps here.") + 1))
    indented = "> Quoted\n> on two lines.\n"
    offsets = _content_offsets("Quoted\non two lines.", _Lines(indented), 0)
    assert not isinstance(offsets, range)
    assert [indented[i] for i in offsets[:-1]] == list("Quoted\non two lines.")
