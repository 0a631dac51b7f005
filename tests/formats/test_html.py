"""The HTML reader: article prose, img and figure media, published dates, and every span mapped to the file."""

from __future__ import annotations

import datetime as dt
import time

from hypothesis import given, settings, strategies as st

from factlint.document import CAPTION, HEADLINE, LIST_ITEM, PARAGRAPH, SUBHEADING, Block, Document, ReadOptions
from factlint.formats import html as reader
from factlint.formats.html import parse_fragment


def read(source: str, options: ReadOptions = ReadOptions()) -> Document:
    return reader.read("draft.html", source, options)


def raw(doc: Document, block: Block, start: int = 0, end: int | None = None) -> str:
    """The source text standing for block.text[start:end]."""
    span = block.span(start, len(block.text) if end is None else end)
    return doc.source[span.start : span.end]


def raw_of(doc: Document, block: Block, needle: str) -> str:
    i = block.text.index(needle)
    return raw(doc, block, i, i + len(needle))


def kinds(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in doc.blocks]


def page(body: str, head: str = "") -> str:
    return f"<!doctype html>\n<html>\n<head>\n{head}</head>\n<body>\n{body}\n</body>\n</html>\n"


# -- blocks ------------------------------------------------------------------


def test_first_h1_is_the_headline_other_headings_are_subheadings():
    doc = read(page(
        "<h2>Kicker</h2>\n<h1>Port reopens</h1>\n<p>Ships sailed.</p>\n<h1>Second h1</h1>\n"
        "<h3>Reaction</h3>\n<ul>\n<li>One</li>\n<li>Two</li>\n</ul>"
    ))
    assert kinds(doc) == [
        (SUBHEADING, "Kicker"),
        (HEADLINE, "Port reopens"),
        (PARAGRAPH, "Ships sailed."),
        (SUBHEADING, "Second h1"),
        (SUBHEADING, "Reaction"),
        (LIST_ITEM, "One"),
        (LIST_ITEM, "Two"),
    ]
    assert doc.headline.text == "Port reopens"
    assert doc.format == "html" and doc.path == "draft.html"


def test_title_is_the_headline_when_there_is_no_h1_and_maps_to_the_title_text():
    source = page("<h2>Background</h2>\n<p>Text.</p>", head="<title>Ferry &amp; port strike ends</title>\n")
    doc = read(source)
    assert kinds(doc)[0] == (HEADLINE, "Ferry & port strike ends")
    assert raw(doc, doc.headline) == "Ferry &amp; port strike ends"
    assert doc.position(doc.headline.span(0, 5).start) == (4, 8)
    assert doc.blocks[1].kind == SUBHEADING


def test_an_empty_h1_is_not_the_headline():
    doc = read(page('<h1><img src="logo.png" alt="Daily"></h1><h1>Storm hits coast</h1><p>Text.</p>'))
    assert doc.headline.text == "Storm hits coast"
    assert doc.blocks[0].kind == SUBHEADING and doc.blocks[0].text == ""


def test_navigation_and_buttons_are_not_prose():
    doc = read(page("<nav><a href='/'>Today's paper</a><img src=logo.png></nav><p>Story.</p><button>Share</button>"))
    assert kinds(doc) == [(PARAGRAPH, "Story.")]
    assert doc.media == ()


def test_title_is_not_prose_when_an_h1_exists():
    doc = read(page("<h1>Real headline</h1>", head="<title>Site | Real headline</title>\n"))
    assert kinds(doc) == [(HEADLINE, "Real headline")]


def test_svg_title_is_never_the_headline():
    doc = read(page('<p>Text.</p><svg><title>Chart</title><text>1</text></svg>'))
    assert kinds(doc) == [(PARAGRAPH, "Text.")]


def test_article_is_read_and_the_rest_of_the_page_is_not():
    source = page(
        "<header><p>Subscribe today</p><h1>Site name</h1></header>\n"
        "<article>\n<h1>Budget passes</h1>\n<p>The council voted.</p>\n"
        '<p><img src="in.jpg" alt="Council"></p>\n</article>\n'
        '<aside><p>Related: yesterday</p><img src="out.jpg"></aside>\n'
        "<article><p>Second story</p></article>"
    )
    doc = read(source)
    assert kinds(doc) == [(HEADLINE, "Budget passes"), (PARAGRAPH, "The council voted."), (PARAGRAPH, "")]
    (image,) = doc.media
    assert image.src == "in.jpg" and image.block_index == 2


def test_the_longest_article_is_the_story_not_a_teaser_before_it():
    source = page(
        '<article class="teaser"><h1>Breaking</h1><p>Short teaser.</p><img src="t.jpg"></article>\n'
        "<article><h1>Port strike ends</h1><p>Dock workers voted to end the strike after a long dispute.</p>"
        '<section><article class="comment"><p>Nested comment text</p></article></section>'
        '<figure><img src="main.jpg"><figcaption>Pier 4</figcaption></figure></article>'
    )
    doc = read(source)
    assert [b.text for b in doc.blocks] == [
        "Port strike ends", "Dock workers voted to end the strike after a long dispute.", "Nested comment text", "Pier 4",
    ]
    assert doc.headline.text == "Port strike ends"
    assert [m.src for m in doc.media] == ["main.jpg"]
    assert doc.media[0].block_index == 3


def test_an_empty_article_does_not_hide_the_body():
    doc = read(page("<article class='ad'></article><p>The story itself.</p>"))
    assert kinds(doc) == [(PARAGRAPH, "The story itself.")]


def test_body_is_read_when_there_is_no_article_and_head_text_never_is():
    doc = read(page("<div>Loose text in a div.</div>\n<p>A paragraph.</p>", head="<style>p { color: red }</style>\n"))
    assert kinds(doc) == [(PARAGRAPH, "Loose text in a div."), (PARAGRAPH, "A paragraph.")]


def test_a_bare_fragment_without_html_or_body_is_read_whole():
    doc = read("<h1>Storm</h1><p>Rain fell.</p>")
    assert kinds(doc) == [(HEADLINE, "Storm"), (PARAGRAPH, "Rain fell.")]


def test_nested_inline_tags_are_part_of_the_text_and_map_back():
    source = (
        '<p>The <em>mayor <strong>said</strong></em> <span class="x">on <abbr title="t">Tue</abbr></span>'
        " it was <b>fine</b>.</p>"
    )
    doc = read(source)
    (para,) = doc.blocks
    assert para.text == "The mayor said on Tue it was fine."
    assert raw_of(doc, para, "said") == "said"
    assert raw_of(doc, para, "mayor said") == "mayor <strong>said"
    assert raw_of(doc, para, "on Tue") == 'on <abbr title="t">Tue'
    assert raw(doc, para) == source[3:-4]


def test_entities_decode_and_map_to_their_whole_reference():
    source = "<p>Tom &amp; Jerry&nbsp;met O&#8217;Neill &rsquo;s &#x2019; &copy 2026 AT&T yesterday.</p>"
    doc = read(source)
    (para,) = doc.blocks
    assert para.text == "Tom & Jerry\xa0met O\u2019Neill \u2019s \u2019 \u00a9 2026 AT&T yesterday."
    assert raw_of(doc, para, "&") == "&amp;"
    assert raw_of(doc, para, "\xa0") == "&nbsp;"
    assert raw_of(doc, para, "O\u2019Neill") == "O&#8217;Neill"
    assert raw_of(doc, para, "\u2019s") == "&rsquo;s"
    assert raw_of(doc, para, "\u00a9") == "&copy"
    assert raw_of(doc, para, "AT&T") == "AT&T"
    assert raw_of(doc, para, "yesterday") == "yesterday"
    assert doc.position(para.span(para.text.index("yesterday"), len(para.text)).start) == (1, 77)


def test_unknown_references_stay_verbatim_and_numeric_ones_need_no_semicolon():
    source = "<p>Rock &roll; &bogus; O&#8217Neill &#x41 &#0;</p>"
    doc = read(source)
    (para,) = doc.blocks
    assert para.text == "Rock &roll; &bogus; O’Neill A �"
    assert raw_of(doc, para, "&roll; &bogus;") == "&roll; &bogus;"
    assert raw_of(doc, para, "’") == "&#8217"
    assert raw_of(doc, para, "A") == "&#x41"


def test_crlf_file_maps_rows_columns_and_text():
    source = "<html>\r\n<body>\r\n<p>First line\r\nand Café owners met yesterday.</p>\r\n</body>\r\n</html>\r\n"
    doc = read(source)
    (para,) = doc.blocks
    assert para.text == "First line\r\nand Café owners met yesterday."
    assert para.prose == "First line  and Café owners met yesterday."
    i = para.text.index("yesterday")
    span = para.span(i, i + 9)
    assert doc.source[span.start : span.end] == "yesterday"
    assert doc.position(span.start) == (4, 21)


def test_white_space_inside_a_paragraph_is_kept_and_the_ends_are_trimmed():
    source = "<p>\n   The   vote\n   passed.\n</p>"
    doc = read(source)
    (para,) = doc.blocks
    assert para.text == "The   vote\n   passed."
    assert raw(doc, para) == "The   vote\n   passed."
    assert doc.position(para.span(0, 3).start) == (2, 4)


def test_br_is_a_space_mapped_to_the_tag():
    doc = read("<p>Line one<br>Line two<br/>\nthree<br></p>")
    (para,) = doc.blocks
    assert para.text == "Line one Line two \nthree"
    assert raw(doc, para, 8, 9) == "<br>"
    assert raw_of(doc, para, "two") == "two"


def test_implied_end_tags_split_paragraphs_and_items():
    doc = read("<p>One<p>Two<div>Three</div>Four</p><ul><li>a<li>b</ul><dl><dt>T<dd>D</dl>")
    assert kinds(doc) == [
        (PARAGRAPH, "One"), (PARAGRAPH, "Two"), (PARAGRAPH, "Three"), (PARAGRAPH, "Four"),
        (LIST_ITEM, "a"), (LIST_ITEM, "b"), (PARAGRAPH, "T"), (PARAGRAPH, "D"),
    ]


def test_paragraphs_inside_list_items_are_list_items():
    doc = read("<ol><li><p>First point.</p><p>More on it.</p></li><li>Second<ul><li>nested</li></ul>tail</li></ol>")
    assert kinds(doc) == [
        (LIST_ITEM, "First point."), (LIST_ITEM, "More on it."), (LIST_ITEM, "Second"),
        (LIST_ITEM, "nested"), (LIST_ITEM, "tail"),
    ]


def test_inline_end_tag_never_closes_a_block():
    doc = read("<b><p>bold start</b> and more</p>")
    assert kinds(doc) == [(PARAGRAPH, "bold start and more")]


def test_blockquote_paragraphs_and_bare_text_carry_the_quote_depth():
    doc = read(
        "<p>Before.</p><blockquote><p>Quoted one.</p><p>Quoted two.</p></blockquote>"
        "<blockquote>Bare quote text.<blockquote><p>Deeper.</p></blockquote></blockquote><p>After.</p>"
    )
    assert [(b.text, b.quote_depth) for b in doc.blocks] == [
        ("Before.", 0), ("Quoted one.", 1), ("Quoted two.", 1), ("Bare quote text.", 1), ("Deeper.", 2), ("After.", 0),
    ]
    assert all(b.kind == PARAGRAPH for b in doc.blocks)


def test_code_stays_in_text_but_is_blank_in_prose_and_non_prose():
    source = "<p>Run <code>today --now</code> daily.</p><pre>yesterday\nlast week</pre><p>End.</p>"
    doc = read(source)
    assert kinds(doc) == [(PARAGRAPH, "Run today --now daily."), (PARAGRAPH, "End.")]
    assert doc.blocks[0].prose == "Run             daily."
    spans = [source[s.start : s.end] for s in doc.non_prose]
    assert spans == ["<code>today --now</code>", "<pre>yesterday\nlast week</pre>"]


def test_scripts_styles_templates_noscript_and_comments_are_skipped():
    source = (
        "<p>Kept <!-- factlint: disable=DAT001 -->text.</p>"
        "<script>var today = '<p>yesterday</p>';</script>"
        "<style>p::after { content: 'tonight' }</style>"
        "<template><p>tomorrow</p></template>"
        '<noscript><p>this week</p><img src="lazy.jpg"></noscript>'
        "<p>Last.</p>"
    )
    doc = read(source)
    assert kinds(doc) == [(PARAGRAPH, "Kept text."), (PARAGRAPH, "Last.")]
    assert doc.media == ()
    spans = [source[s.start : s.end] for s in doc.non_prose]
    assert spans == [
        "<!-- factlint: disable=DAT001 -->",
        "<script>var today = '<p>yesterday</p>';</script>",
        "<style>p::after { content: 'tonight' }</style>",
        "<template><p>tomorrow</p></template>",
        '<noscript><p>this week</p><img src="lazy.jpg"></noscript>',
    ]


def test_text_a_tracked_change_deleted_is_not_read_but_inserted_text_is():
    source = "<p>Owners met <del>yesterday</del><ins>on Monday</ins>.</p>"
    doc = read(source)
    (para,) = doc.blocks
    assert para.text == "Owners met on Monday."
    assert raw_of(doc, para, "on Monday") == "on Monday"


def test_urls_are_in_text_but_blank_in_prose():
    doc = read("<p>See https://example.org/today?x=1&amp;y=2 for details.</p>")
    (para,) = doc.blocks
    assert para.text == "See https://example.org/today?x=1&y=2 for details."
    assert "today" not in para.prose
    assert para.prose.startswith("See ") and para.prose.endswith(" for details.")
    assert len(para.prose) == len(para.text)


def test_links_give_text_range_url_and_url_span():
    source = '<p>Read <a href="https://example.org/a?b=1&amp;c=2" title="x">the <em>full</em> report</a> now.</p>'
    doc = read(source)
    (para,) = doc.blocks
    (link,) = para.links
    assert para.text[link.text_start : link.text_end] == "the full report"
    assert link.url == "https://example.org/a?b=1&c=2"
    assert source[link.url_span.start : link.url_span.end] == "https://example.org/a?b=1&amp;c=2"


def test_anchor_without_href_is_no_link_and_link_offsets_survive_trimming():
    doc = read('<p>\n  <a name="top">Top</a> and <a href=\'/x\'>here</a>\n</p>')
    (para,) = doc.blocks
    (link,) = para.links
    assert para.text[link.text_start : link.text_end] == "here"
    assert link.url == "/x"


# -- media ------------------------------------------------------------------


def test_img_fields_with_value_spans_and_caption_blocks():
    source = (
        "<p>Intro.</p>\n"
        '<p><img src="/img/ferry.jpg" alt="Ferry &amp; tug at dawn" title=\'Photo: Ana Lima\' '
        'data-credit="Ana Lima" data-license="CC BY 4.0" data-source=https://commons.wikimedia.org/wiki/File:F.jpg '
        "width=300></p>\n"
        "<p>Photo: Ana Lima / Reuters</p>\n"
    )
    doc = read(source)
    (image,) = doc.media
    assert image.kind == "image" and image.src == "/img/ferry.jpg"
    assert sorted(image.fields) == ["alt", "data-credit", "data-license", "data-source", "src", "title"]
    for name, value, written in [
        ("alt", "Ferry & tug at dawn", "Ferry &amp; tug at dawn"),
        ("title", "Photo: Ana Lima", "Photo: Ana Lima"),
        ("data-credit", "Ana Lima", "Ana Lima"),
        ("data-license", "CC BY 4.0", "CC BY 4.0"),
        ("data-source", "https://commons.wikimedia.org/wiki/File:F.jpg", "https://commons.wikimedia.org/wiki/File:F.jpg"),
        ("src", "/img/ferry.jpg", "/img/ferry.jpg"),
    ]:
        f = image.fields[name]
        assert f.value == value
        assert source[f.span.start : f.span.end] == written
    alt = image.fields["alt"].block
    assert alt.kind == CAPTION and alt.text == "Ferry & tug at dawn"
    assert raw_of(doc, alt, "tug") == "tug"
    assert raw_of(doc, alt, "&") == "&amp;"
    assert image.fields["title"].block.text == "Photo: Ana Lima"
    assert image.fields["data-credit"].block is None
    assert source[image.span.start : image.span.end].startswith("<img ") and source[image.span.end - 1] == ">"
    assert doc.position(image.span.start) == (2, 4)
    assert image.block_index == 1
    assert doc.blocks[1].text == "" and doc.blocks[1].kind == PARAGRAPH
    assert doc.blocks[image.block_index + 1].text == "Photo: Ana Lima / Reuters"
    assert all(b.kind != CAPTION for b in doc.blocks)  # alt and title live in their fields


def test_img_inside_running_text_points_at_its_paragraph():
    doc = read('<h1>H</h1><p>Smoke <img src="s.jpg" alt="Smoke" data-credit="AP"> over the city.</p>')
    (image,) = doc.media
    assert doc.blocks[image.block_index].text == "Smoke  over the city."
    assert image.fields["data-credit"].value == "AP"


def test_a_link_around_an_image_is_its_link_field():
    source = (
        '<P><A HREF="https://commons.wikimedia.org/wiki/File:Dock.jpg"><IMG SRC="dock.jpg" ALT="Dock"></A> '
        '<img src="b.jpg"></P>'
    )
    doc = read(source)
    linked, bare = doc.media
    link = linked.fields["link"]
    assert link.value == "https://commons.wikimedia.org/wiki/File:Dock.jpg"
    assert source[link.span.start : link.span.end] == link.value
    assert linked.fields["alt"].value == "Dock" and linked.src == "dock.jpg"
    assert "link" not in bare.fields


def test_img_with_empty_alt_and_boolean_attributes():
    source = '<p><img src=x.png alt="" data-credit></p>'
    doc = read(source)
    (image,) = doc.media
    assert image.fields["alt"].value == "" and image.fields["alt"].block.text == ""
    assert image.fields["data-credit"].value == ""
    credit = image.fields["data-credit"].span
    assert credit.start == credit.end == source.index("data-credit") + len("data-credit")


def test_figure_holds_img_fields_and_the_figcaption_with_its_link():
    source = (
        "<article><h1>Fire</h1>\n"
        '<figure data-license="CC BY-SA 4.0"><img src="crews.jpg" alt="Fire crews" data-credit="Luis Ortega">\n'
        '<figcaption>Fire crews on Route 9. Photo: Luis Ortega, <a href="https://creativecommons.org/licenses/by/4.0/">'
        "CC BY 4.0</a></figcaption></figure>\n"
        "<p>Next paragraph.</p></article>"
    )
    doc = read(source)
    (figure,) = doc.media
    assert figure.kind == "figure" and figure.src == "crews.jpg"
    assert sorted(figure.fields) == ["alt", "caption", "data-credit", "data-license", "src"]
    assert figure.fields["data-license"].value == "CC BY-SA 4.0"
    caption = figure.fields["caption"]
    assert caption.value == "Fire crews on Route 9. Photo: Luis Ortega, CC BY 4.0"
    assert caption.block is doc.blocks[1] and caption.block.kind == CAPTION
    assert source[caption.span.start : caption.span.end] == (
        'Fire crews on Route 9. Photo: Luis Ortega, <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0'
    )
    (link,) = caption.block.links
    assert caption.block.text[link.text_start : link.text_end] == "CC BY 4.0"
    assert link.url == "https://creativecommons.org/licenses/by/4.0/"
    assert source[link.url_span.start : link.url_span.end] == link.url
    assert figure.block_index == 1
    assert doc.blocks[figure.block_index + 1].text == "Next paragraph."
    assert source[figure.span.start : figure.span.end].startswith('<img src="crews.jpg"')
    assert doc.position(figure.span.start) == (2, 37)


def test_figure_with_several_images_gives_one_media_each_sharing_the_caption():
    source = '<figure><img src="a.jpg"><img src="b.jpg" alt="B"><figcaption>Both. Photos: Reuters</figcaption></figure>'
    doc = read(source)
    assert [m.src for m in doc.media] == ["a.jpg", "b.jpg"]
    assert [m.kind for m in doc.media] == ["figure", "figure"]
    assert doc.media[0].fields["caption"].block is doc.media[1].fields["caption"].block is doc.blocks[0]
    assert "alt" not in doc.media[0].fields and doc.media[1].fields["alt"].value == "B"
    assert source[doc.media[1].span.start : doc.media[1].span.end] == '<img src="b.jpg" alt="B">'


def test_figcaption_paragraphs_make_one_caption_block():
    doc = read("<figure><img src=a.jpg><figcaption><p>Haze.</p><p>Photo: Dana Whit</p></figcaption></figure>")
    assert kinds(doc) == [(CAPTION, "Haze. Photo: Dana Whit")]
    assert doc.media[0].fields["caption"].value == "Haze. Photo: Dana Whit"


def test_figure_without_image_is_media_only_when_it_embeds_something():
    source = (
        "<figure><blockquote><p>We will rebuild.</p></blockquote><figcaption>The mayor</figcaption></figure>\n"
        '<figure class="video"><video src="clip.mp4">Your browser cannot play this.</video>'
        "<figcaption>Flooding on Main Street</figcaption></figure>"
    )
    doc = read(source)
    (video,) = doc.media
    assert video.kind == "figure" and video.src == "clip.mp4"
    assert source[video.span.start : video.span.end] == '<figure class="video">'
    assert video.fields["caption"].value == "Flooding on Main Street"
    assert kinds(doc) == [(PARAGRAPH, "We will rebuild."), (CAPTION, "The mayor"), (CAPTION, "Flooding on Main Street")]


def test_text_beside_a_figure_image_is_its_caption_when_there_is_no_figcaption():
    doc = read('<figure><img src="a.jpg"><div class="credit">Photo: Ana Lima / AP</div></figure><p>Story.</p>')
    (figure,) = doc.media
    assert kinds(doc) == [(CAPTION, "Photo: Ana Lima / AP"), (PARAGRAPH, "Story.")]
    assert figure.fields["caption"].block is doc.blocks[0] and figure.block_index == 0


def test_a_figcaption_wins_over_loose_text_in_the_figure():
    doc = read("<figure><img src=a.jpg><p>Loose words</p><figcaption>Real caption</figcaption></figure>")
    assert doc.media[0].fields["caption"].value == "Real caption"
    assert doc.media[0].block_index == 1


def test_figure_without_caption_has_no_caption_field_and_no_block_index():
    doc = read('<figure><img src="a.jpg" alt="A"></figure><p>Photo: AP</p>')
    (figure,) = doc.media
    assert "caption" not in figure.fields and figure.block_index is None


def test_media_order_follows_the_page():
    doc = read('<figure><img src="1.jpg"><figcaption>One</figcaption></figure><p><img src="2.jpg"></p>')
    assert [m.src for m in doc.media] == ["1.jpg", "2.jpg"]
    assert [m.kind for m in doc.media] == ["figure", "image"]


def test_media_block_index_counts_the_title_headline():
    doc = read(page('<p>Text.</p><p><img src="a.jpg"></p>', head="<title>Flood</title>"))
    assert kinds(doc)[0] == (HEADLINE, "Flood")
    assert doc.media[0].block_index == 2 and doc.blocks[2].text == ""


# -- reference dates -----------------------------------------------------------


def test_published_time_meta_is_the_reference_date():
    head = '<meta property="article:published_time" content="2026-09-03T08:00:00Z">\n'
    assert read(page("<p>x</p>", head)).reference_date == dt.date(2026, 9, 3)


def test_other_date_meta_forms():
    for head in [
        '<meta name="date" content="2026-03-12">',
        '<meta name="pubdate" content="2026-03-12T23:59:00-05:00">',
        '<meta itemprop="datePublished" content="2026-03-12">',
        '<META NAME="Date" CONTENT="2026-03-12">',
        '<meta name="parsely-pub-date" content="2026-03-12T09:00:00Z">',
    ]:
        assert read(page("<p>x</p>", head)).reference_date == dt.date(2026, 3, 12), head


def test_json_ld_and_time_pubdate_give_a_date_when_no_meta_does():
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2026-07-01T10:00:00Z"}</script>'
    assert read(page("<p>x</p>", ld)).reference_date == dt.date(2026, 7, 1)
    plain = '<script>var o = {"datePublished": "2026-07-01"};</script>'
    assert read(page("<p>x</p>", plain)).reference_date is None
    filed = '<p>Filed <time datetime="2026-07-02" pubdate>today</time></p>'
    assert read(page(filed)).reference_date == dt.date(2026, 7, 2)
    assert read(page('<p>On <time datetime="2026-07-02">Thursday</time></p>')).reference_date is None


def test_published_time_wins_over_a_plain_date_meta():
    head = '<meta name="date" content="2020-01-01"><meta property="article:published_time" content="2026-09-03">'
    assert read(page("<p>x</p>", head)).reference_date == dt.date(2026, 9, 3)


def test_bad_date_values_are_ignored():
    for head in [
        '<meta name="date" content="soon">',
        '<meta name="date" content="2026-02-30">',
        '<meta name="date" content="">',
        '<meta name="date">',
        '<meta property="article:published_time" content="2026-13-01"><meta name="date" content="nope">',
    ]:
        assert read(page("<p>x</p>", head)).reference_date is None, head
    head = '<meta property="article:published_time" content="garbage"><meta name="date" content="2026-04-01">'
    assert read(page("<p>x</p>", head)).reference_date == dt.date(2026, 4, 1)


def test_unrelated_meta_is_no_date_and_the_configured_key_is_one():
    head = '<meta name="description" content="2026-03-12"><meta name="published" content="2026-05-06">'
    assert read(page("<p>x</p>", head)).reference_date is None
    assert read(page("<p>x</p>", head), ReadOptions(reference_date_key="published")).reference_date == dt.date(2026, 5, 6)


# -- malformed input -------------------------------------------------------------


def test_unclosed_tags_and_stray_end_tags_are_read_best_effort():
    doc = read("</div></p><h1>Head<p>Para with <em>open emphasis<p>Next</span> one</li>")
    assert kinds(doc) == [(HEADLINE, "Head"), (PARAGRAPH, "Para with open emphasis"), (PARAGRAPH, "Next one")]


def test_less_than_in_text_is_text():
    source = "<p>If a < b and c<3 then 5 > 4.</p>"
    doc = read(source)
    (para,) = doc.blocks
    assert para.text == "If a < b and c<3 then 5 > 4."
    assert raw(doc, para) == para.text


def test_an_empty_end_tag_is_dropped():
    source = "<p>Half</>way</p>"
    doc = read(source)
    (para,) = doc.blocks
    assert para.text == "Halfway"
    assert raw(doc, para) == "Half</>way" and raw_of(doc, para, "way") == "way"


def test_unterminated_comment_swallows_the_rest():
    source = "<p>Kept.</p><!-- note <p>gone</p>"
    doc = read(source)
    assert kinds(doc) == [(PARAGRAPH, "Kept.")]
    assert [source[s.start : s.end] for s in doc.non_prose] == ["<!-- note <p>gone</p>"]


def test_an_old_style_commented_script_hides_nothing_after_it():
    source = "<script><!--\n document.write('<p>yesterday</p>');\n//--></script><style><!-- p {} --></style><p>Story.</p>"
    doc = read(source)
    assert kinds(doc) == [(PARAGRAPH, "Story.")]
    assert [source[s.start : s.end][:8] for s in doc.non_prose] == ["<script>", "<style><"]


def test_unterminated_tag_at_the_end_is_not_text():
    doc = read('<p>Kept.</p><p class="x')
    assert kinds(doc) == [(PARAGRAPH, "Kept.")]


def test_odd_declarations_and_processing_instructions_do_not_raise():
    doc = read("<?xml version='1.0'?><![CDATA[x]]><![if !IE]><p>Text</p><![endif]><!x><![ bogus")
    assert kinds(doc)[0] == (PARAGRAPH, "Text")


def test_unclosed_script_hides_the_rest_but_does_not_raise():
    source = "<p>Before.</p><script>var x = '<p>after</p>';"
    doc = read(source)
    assert kinds(doc) == [(PARAGRAPH, "Before.")]
    assert source[doc.non_prose[0].start : doc.non_prose[0].end].startswith("<script>")


def test_self_closing_non_void_tags_open_nothing():
    doc = read('<p>One <a href="/x"/> two</p><script src="a.js"/><p>Three</p>')
    assert kinds(doc) == [(PARAGRAPH, "One  two"), (PARAGRAPH, "Three")]


def test_missing_head_end_tag_does_not_hide_the_body():
    doc = read("<html><head><title>T</title><h1>Body headline</h1><p>Text.</p>")
    assert kinds(doc) == [(HEADLINE, "Body headline"), (PARAGRAPH, "Text.")]


def test_deep_nesting_and_long_runs_stay_fast():
    for source in ["<div>" * 3000 + "x", "<a href=x>" * 3000 + "t", "<blockquote>" * 2000 + "q", "<p>" + "&amp;" * 20000]:
        began = time.process_time()
        read(source)
        assert time.process_time() - began < 2.0, source[:20]


def test_empty_and_whitespace_documents():
    for source in ["", "   \n", "<html></html>", "<p></p><p> &nbsp; </p>"]:
        doc = read(source)
        assert doc.blocks == () and doc.media == () and doc.reference_date is None


# -- fragments (raw HTML inside Markdown) -----------------------------------------


def test_parse_fragment_offsets_are_into_the_whole_source():
    source = (
        "# Title\n\nIntro.\n\n"
        '<figure>\n<img src="a.jpg" data-credit="Ann Bell">\n<figcaption>Dock &amp; crane</figcaption>\n</figure>\n'
        "\nMore.\n"
    )
    start = source.index("<figure>")
    end = source.index("\nMore.")
    blocks, media = parse_fragment(source, start, end)
    assert [(b.kind, b.text) for b in blocks] == [(CAPTION, "Dock & crane")]
    span = blocks[0].span(0, len(blocks[0].text))
    assert source[span.start : span.end] == "Dock &amp; crane"
    (figure,) = media
    credit = figure.fields["data-credit"]
    assert source[credit.span.start : credit.span.end] == "Ann Bell"
    assert figure.block_index == 0
    line = source.count("\n", 0, figure.span.start) + 1
    assert line == 6


def test_fragment_h1_is_a_subheading_unless_asked():
    source = "xx<h1>Top</h1><p>Body</p>yy"
    blocks, _ = parse_fragment(source, 2, len(source) - 2)
    assert [(b.kind, b.text) for b in blocks] == [(SUBHEADING, "Top"), (PARAGRAPH, "Body")]
    blocks, _ = parse_fragment(source, 2, len(source) - 2, headline=True)
    assert blocks[0].kind == HEADLINE


def test_fragment_inside_an_article_page_keeps_everything():
    source = "<p>Outside</p><article><p>Inside</p></article>"
    blocks, _ = parse_fragment(source, 0, len(source))
    assert [b.text for b in blocks] == ["Outside", "Inside"]


def test_markdown_raw_html_figure_goes_through_the_html_reader():
    from factlint.formats import markdown

    source = '# Storm\n\n<figure><img src="a.jpg" alt="Rain"><figcaption>Photo: AP</figcaption></figure>\n\nText.\n'
    doc = markdown.read("draft.md", source, ReadOptions())
    (figure,) = doc.media
    assert figure.kind == "figure"
    assert doc.blocks[figure.block_index].text == "Photo: AP"
    assert doc.position(figure.span.start) == (3, 9)


# -- registration, speed, robustness -----------------------------------------------


def test_registered_for_html_and_htm():
    from factlint.plugins import collect, plugin_manager

    registry = collect(plugin_manager(entry_points=False))
    assert registry.format_for("news/story.HTM").name == "html"
    assert registry.format_for("news/story.html").read is reader.read


def test_a_700_word_article_reads_in_a_few_milliseconds():
    para = (
        '<p>The council said on <time datetime="2026-03-10">Tuesday</time> that the &ldquo;budget&rdquo; '
        'would <em>change</em>, according to <a href="https://example.org/report">a report</a> seen by us.</p>\n'
    )
    figure = '<figure><img src="a.jpg"><figcaption>X</figcaption></figure>'
    source = page("<article><h1>Budget</h1>\n" + para * 41 + figure + "</article>")
    assert 650 < len(" ".join(b.text for b in read(source).blocks).split()) < 800
    runs = 20
    began = time.process_time()
    for _ in range(runs):
        read(source)
    assert (time.process_time() - began) / runs < 0.02  # about 2 ms of CPU; generous for slow CI


_HTMLISH = st.lists(
    st.sampled_from(
        list("ab \n\r<>/=\"'&;#!-?[]é")
        + ["<p>", "</p>", "<h1>", "<li>", "<a href='u&amp;v'>", "</a>", "<br>", "<img alt='x&amp;y' data-credit=z>",
           "<figure>", "</figure>", "<figcaption>", "<blockquote>", "<code>", "<script>", "</script>", "<!--", "-->",
           "&amp;", "&nbsp;", "&#8217;", "<article>", "</article>", "<title>", "<![", "<em>", "</em>", "\r\n"]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(_HTMLISH)
def test_never_raises_and_every_span_lies_in_the_source(source):
    doc = read(source)
    fragment_blocks, fragment_media = parse_fragment("xx" + source + "yy", 2, len(source) + 2)
    for block in list(doc.blocks) + [f.block for m in doc.media for f in m.fields.values() if f.block]:
        assert len(block.prose) == len(block.text)
        span = block.span(0, len(block.text))
        assert 0 <= span.start <= span.end <= len(source)
        for seg in block.map._segments:
            if seg.text_end - seg.text_start == seg.src_end - seg.src_start:
                assert block.text[seg.text_start : seg.text_end] == source[seg.src_start : seg.src_end]
        for link in block.links:
            assert 0 <= link.text_start <= link.text_end <= len(block.text)
    for item in doc.media:
        assert 0 <= item.span.start <= item.span.end <= len(source)
        assert item.block_index is None or 0 <= item.block_index < len(doc.blocks)
        for f in item.fields.values():
            assert 0 <= f.span.start <= f.span.end <= len(source)
    for span in doc.non_prose:
        assert 0 <= span.start <= span.end <= len(source)
    for block in fragment_blocks:
        span = block.span(0, len(block.text))
        assert 2 <= span.start <= span.end <= len(source) + 2


# -- a whole page, and through the engine -------------------------------------------

DATA = __import__("pathlib").Path(__file__).parent / "data" / "html"


def test_a_cms_page_reads_only_the_story():
    source = (DATA / "harbour-strike.html").read_text(encoding="utf-8")
    doc = read(source)
    assert doc.reference_date == dt.date(2026, 5, 14)  # from JSON-LD
    assert doc.headline.text == "Dock workers end strike after pay\xa0deal"
    assert [b.kind for b in doc.blocks] == [
        HEADLINE, PARAGRAPH, CAPTION, PARAGRAPH, PARAGRAPH, SUBHEADING, PARAGRAPH, PARAGRAPH, PARAGRAPH,
        PARAGRAPH, LIST_ITEM, LIST_ITEM,
    ]
    text = "\n".join(b.text for b in doc.blocks)
    for outside in ("Home", "Today", "Related", "tomorrow", "Coastal Herald", "TODO", "Updated"):
        assert outside not in text
    assert doc.blocks[9].quote_depth == 1
    assert doc.blocks[11].text == "Overtime rules unchanged"
    backlog = doc.blocks[6]
    assert "https://saltmarsh-port.example/backlog" in backlog.text
    assert "saltmarsh-port" not in backlog.prose
    figure, image = doc.media
    assert figure.kind == "figure" and figure.fields["data-src"].value == "/img/cranes.jpg"
    assert figure.fields["caption"].value == "Cranes stood idle at Pier\xa04 for nine days. Photo: Mara Quinn"
    assert figure.fields["data-credit"].value == "Mara Quinn"
    assert image.kind == "image" and image.fields["title"].value == "Lorries on the A12"
    assert doc.blocks[image.block_index + 1].text == "Photograph: Jonas Berg, CC BY 4.0"
    (link,) = doc.blocks[image.block_index + 1].links
    assert link.url == "https://creativecommons.org/licenses/by/4.0/"


def test_findings_land_on_the_story_never_on_page_furniture():
    from factlint.testing import lint

    source = (DATA / "harbour-strike.html").read_text(encoding="utf-8")
    rows = {r.row for r in lint(source, format="html")}
    story_rows = set(range(20, 43))
    assert rows and rows <= story_rows


def test_a_finding_after_entities_on_a_crlf_line_has_its_exact_place():
    from factlint.testing import lint

    source = "<html>\r\n<body>\r\n<p>Caf&eacute; &amp; bar owners\r\nmet &ldquo;yesterday&rdquo;.</p>\r\n</body></html>"
    (found,) = [r for r in lint(source, format="html", select=["DAT001"])]
    assert (found.row, found.column, found.end_row, found.end_column) == (4, 12, 4, 21)


def test_code_scripts_styles_and_comments_are_never_checked():
    from factlint.testing import lint

    source = (
        "<p>Run <code>tomorrow</code> now.</p><script>var today = 1;</script>"
        "<style>a::after { content: 'tonight' }</style><!-- yesterday --><pre>last week</pre>"
    )
    assert lint(source, format="html", select=["DAT"]) == []


def test_an_image_with_no_credit_is_reported_at_its_tag():
    from factlint.testing import lint

    source = '<p>Intro.</p>\n<p><img src="dock.jpg" alt="The dock"></p>\n'
    (found,) = lint(source, format="html", select=["LIC001"])
    assert (found.row, found.column, found.end_row, found.end_column) == (2, 4, 2, 39)
    credited = '<p><img src="dock.jpg" alt="The dock" data-credit="Ana Lima" data-license="CC BY 4.0"></p>'
    assert lint(credited, format="html", select=["LIC"]) == []
    next_paragraph = '<p><img src="dock.jpg" alt="The dock"></p><p>Photo: Reuters</p>'
    assert lint(next_paragraph, format="html", select=["LIC"]) == []


def test_the_meta_published_date_dates_relative_phrases():
    from factlint.testing import lint

    source = '<head><meta name="date" content="2026-03-12"></head><body><p>It rained this week.</p></body>'
    (found,) = lint(source, format="html", select=["DAT001"])
    assert "2026-03-12" in found.message
    assert "2026-03-12" not in lint("<p>It rained this week.</p>", format="html", select=["DAT001"])[0].message


def test_offsets_hold_after_the_parser_keeps_an_unfinished_tail_for_close():
    # html.parser keeps `<p class="x` in its buffer after feed(); close() reads it afresh from offset 0.
    src = "<p>First line\nsecond line.</p>\n<p>Tail &amp; more</p><p class=\"x"
    doc = reader.read("x.html", src, ReadOptions())
    for block in doc.blocks:
        span = block.span(0, len(block.text))
        assert block.text.replace("&", "&amp;") in src[span.start : span.end] or block.text in src[span.start : span.end]
    tail = next(b for b in doc.blocks if b.text.startswith("Tail"))
    assert src[tail.span(0, 4).start : tail.span(0, 4).end] == "Tail"
