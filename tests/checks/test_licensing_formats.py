"""LIC rules across formats: HTML img, figure/figcaption and data-* credits, plain-text photo lines, front matter."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.testing import Case, assert_rule, lint

PAGE = "<html><body><article>\n<h1>Fire closes schools</h1>\n{}\n<p>Schools stay closed.</p>\n</article></body></html>\n"


def page(media: str) -> str:
    return PAGE.format(media)


def found(text: str, fmt: str, settings_: dict | None = None) -> list[tuple[str, int, int]]:
    return [(r.code, r.row, r.column) for r in lint(text, format=fmt, select=["LIC"], settings=settings_)]


# -- HTML -------------------------------------------------------------------------


def test_html_img_without_credit() -> None:
    assert_rule(
        "LIC001",
        format="html",
        valid=[
            page('<img src="a.jpg" alt="Crews" title="Photo: Luis Ortega/AFP">'),
            page('<img src="a.jpg" alt="Crews. Photo: Luis Ortega, CC BY-SA 4.0">'),
            page('<img src="a.jpg" data-credit="Luis Ortega/dpa">'),
            page('<p><img src="a.jpg"><br>Photo: Luis Ortega/Reuters</p>'),
            page('<figure><img src="a.jpg"><figcaption>Crews. Credit: Luis Ortega/ANP</figcaption></figure>'),
            page('<figure><img src="a.jpg"><figcaption>Crews.</figcaption></figure>\n<p>Photo: Luis Ortega/PA</p>'),
        ],
        invalid=[
            Case(page('<img src="a.jpg" alt="Crews">'), row=3, column=1, end_row=3, end_column=30),
            Case(page('<figure><img src="a.jpg" alt="Crews"><figcaption>Crews on Route 9.</figcaption></figure>'),
                 row=3, column=9),
            # a photo of the pap in the caption is not a PA credit
            Case(page('<figure><img src="a.jpg"><figcaption>A photo of the pa system.</figcaption></figure>'), row=3),
        ],
    )


def test_html_data_attributes_and_captions() -> None:
    assert found(page('<img src="a.jpg" data-credit="Luis Ortega">'), "html") == [("LIC002", 3, 31)]
    assert found(page('<img src="a.jpg" data-credit="Luis Ortega" data-license="CC BY-NC 4.0">'), "html") == [
        ("LIC004", 3, 58)]
    assert found(page('<img src="a.jpg" data-credit="Luis Ortega" '
                      'data-license="https://creativecommons.org/licenses/by/4.0/">'), "html") == []
    assert found(page('<img src="a.jpg" data-license="https://creativecommons.org/licenses/by/4.0/">'), "html") == [
        ("LIC005", 3, 1)]


def test_html_figcaption_credit_anywhere_with_links() -> None:
    linked = ('<figure><img src="a.jpg"><figcaption>Crews. <span>Photo: <a href="https://www.flickr.com/photos/lo/1">'
              'Luis Ortega</a>, <a href="https://creativecommons.org/licenses/by/2.0/">CC BY 2.0</a></span>'
              '</figcaption></figure>')
    assert found(page(linked), "html") == []
    root = ('<figure><img src="a.jpg"><figcaption>Crews on Route 9 (Photo: Luis Ortega, '
            '<a href="https://flickr.com/">Flickr</a>, CC BY 2.0)</figcaption></figure>')
    results = lint(page(root), format="html", select=["LIC"])
    assert [(r.code, r.row, r.column, r.end_column) for r in results] == [("LIC005", 3, 106, 112)]
    assert results[0].message == "the source is the home page of flickr.com: link the photo's own page, not flickr.com"
    nc = ('<figure><img src="a.jpg"><figcaption>Crews. Photo: Luis Ortega, '
          '<a href="https://creativecommons.org/licenses/by-nc/4.0/">CC BY-NC 4.0</a></figcaption></figure>')
    assert found(page(nc), "html") == [("LIC004", 3, 123)]
    bad = ('<figure><img src="a.jpg"><figcaption>The map. Image: Dana Whit, '
           'https://creativecommons.org/licenses/by-sa/</figcaption></figure>')
    assert found(page(bad), "html") == [("LIC003", 3, 65)]


def test_html_credit_paragraph_alone_is_a_media_item() -> None:
    assert found(page("<p>Photo: Luis Ortega</p>"), "html") == [("LIC002", 3, 4)]
    assert found(page("<p>Photo: Luis Ortega, CC BY 2.0</p>"), "html") == []
    assert found(page("<p>Photographers gathered at the gate.</p>"), "html") == []


# -- plain text ---------------------------------------------------------------------


def test_plain_text_photo_lines() -> None:
    wire = ("Leaders speak by phone\n\nThe two presidents spoke for an hour.\n\n"
            "Photo: commons.wikimedia.org by Press Office, https://creativecommons.org/licenses/by-sa/4.0/ The call\n\n"
            "The call was initiated by the White House.\n")
    results = lint(wire, format="text", select=["LIC"])
    assert [(r.code, r.row, r.column, r.end_column, r.severity) for r in results] == [("LIC005", 5, 8, 29, "warning")]
    assert found(wire.replace("commons.wikimedia.org by Press Office",
                              "Press Office, https://commons.wikimedia.org/wiki/File:Call.jpg"), "text") == []
    assert_rule(
        "LIC002",
        format="text",
        valid=["Headline\n\nBody text.\n\nPhoto: Luis Ortega/Reuters\n",
               "Headline\n\nBody text.\n\nPicture: AP\n",
               "Headline\n\nPhotographs from the scene were shared widely.\n"],
        invalid=[Case("Headline\n\nBody text.\n\n(Photo by Ann Lee)\n", row=5, column=2, end_row=5, end_column=18),
                 Case("Headline\n\nBody text.\n\nPHOTO: ANN LEE\n", row=5, column=1)],
    )


def test_plain_text_licence_names_and_ids() -> None:
    assert_rule(
        "LIC004",
        format="text",
        valid=["Headline\n\nPhoto: Ann Lee, CC-BY-SA-4.0\n", "Headline\n\nPhoto: Ann Lee, Attribution 4.0 International\n"],
        invalid=[Case("Headline\n\nPhoto: Ann Lee, CC-BY-NC-SA-4.0\n", row=3, column=17, end_column=32),
                 Case("Headline\n\nPhoto: Ann Lee, Attribution-NonCommercial 4.0 International\n", row=3, column=17)],
    )


# -- front matter ---------------------------------------------------------------------


def test_front_matter_nested_credit_and_lists() -> None:
    draft = (
        "---\ntitle: T\nimages:\n"
        "  - src: /img/a.jpg\n    credit:\n      name: Jane Doe\n      url: https://flickr.com/\n"
        "    license: CC BY-NC-ND 4.0\n"
        "  - src: /img/b.jpg\n    license: https://creativecommons.org/licences/by/4.0/\n    credit: Joe Bloggs\n"
        "  - src: /img/c.jpg\n    credit: Reuters/Anna Berg\n"
        "  - src: /img/d.jpg\n    author: Tomás Ruiz\n    source: https://commons.wikimedia.org/wiki/File:D.jpg\n"
        "    license: CC BY-SA 3.0 DE\n"
        "---\n\nText.\n"
    )
    results = lint(draft, select=["LIC"])
    assert [(r.code, r.row, r.column, r.severity) for r in results] == [
        ("LIC005", 7, 12, "warning"),
        ("LIC004", 8, 14, "error"),
        ("LIC003", 10, 14, "error"),
    ]


def test_front_matter_public_domain_needs_no_author() -> None:
    for licence in ("CC0", "CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/", "Public Domain Mark 1.0",
                    "https://creativecommons.org/publicdomain/mark/1.0/"):
        draft = f"---\ntitle: T\nimage:\n  src: /img/a.jpg\n  license: {licence}\n---\n\nText.\n"
        assert found(draft, "markdown") == [], licence


@settings(max_examples=20, deadline=None)
@given(st.lists(st.sampled_from([
    "![Bridge](b.jpg)", "*Photo: Jane Doe*", "Photo: Jane Doe, CC BY-NC 4.0", "(Photo by Ann Lee/AP)",
    "Image: https://creativecommons.org/licenses/by-sa/", "The bridge opened.", "Photo: commons.wikimedia.org, CC BY 4.0",
    '![B](b.jpg "Photo: Ann Lee, CC BY 2.0")', "© Ann", "Credit:", "Photo:", "",
]), max_size=6), st.sampled_from(["markdown", "text"]))
def test_never_crashes_and_spans_stay_inside(paragraphs: list[str], fmt: str) -> None:
    text = "\n\n".join(paragraphs) + "\n"
    for r in lint(text, format=fmt, select=["LIC"]):
        assert 0 <= r.span.start <= r.span.end <= len(text)
        assert r.severity in ("error", "warning", "info")


def test_markdown_links_in_a_credit_line() -> None:
    fine = "![Bridge](b.jpg)\n\nPhoto: [Jane Doe](https://www.flickr.com/photos/jd/1), [CC BY 2.0](https://creativecommons.org/licenses/by/2.0/)\n"
    assert found(fine, "markdown") == []
    root = fine.replace("https://www.flickr.com/photos/jd/1", "https://www.flickr.com/")
    assert found(root, "markdown") == [("LIC005", 3, 9)]
    # the link's target, not its words, says which licence it is
    worded = "![Bridge](b.jpg)\n\nPhoto: Jane Doe, [CC BY 4.0](https://creativecommons.org/licenses/by-nc/4.0/)\n"
    assert found(worded, "markdown") == [("LIC004", 3, 19)]
    angle = "![Bridge](b.jpg)\n\nPhoto: Jane Doe, CC BY-SA 4.0 <https://creativecommons.org/licenses/by-sa/4.0>, via Wikimedia Commons\n"
    assert found(angle, "markdown") == []


def test_caption_before_the_credit_in_the_image_paragraph() -> None:
    draft = ("Text.\n\n![Protesters outside parliament](/img/p.jpg)\n"
             "*Protesters gathered outside parliament on Tuesday. Photo: Jane Doe/Reuters*\n\nMore text.\n")
    assert found(draft, "markdown") == []
    assert found(draft.replace("Jane Doe/Reuters", "Jane Doe"), "markdown") == [("LIC002", 4, 53)]


def test_unsplash_attribution_implies_its_licence() -> None:
    figure = ("<figure><img src='a.jpg'><figcaption>Photo by <a href='https://unsplash.com/@jdoe'>Jane Doe</a> on "
              "<a href='https://unsplash.com/'>Unsplash</a></figcaption></figure>")
    assert found(page(figure), "html") == []


def test_code_comments_quotes_lists_and_headings_are_not_credit_lines() -> None:
    for draft in ("Text.\n\n```\nPhoto: Jane Doe\n```\n", "Text.\n\n`Photo: x` is how we write it.\n",
                  "Text.\n\n<!-- Photo: Jane Doe -->\n", "Text.\n\n> Photo: Jane Doe\n", "Text.\n\n- Photo: Jane Doe\n",
                  "Text.\n\n## Photo: the week in pictures\n\nMore.\n"):
        assert found(draft, "markdown") == [], draft
    # plain text has no heading markup: a short photo line is still a credit line
    assert found("Headline\n\nText.\n\nPhoto: Jane Doe\n\nMore text follows here.\n", "text") == [("LIC002", 5, 1)]
