"""Wire photo lines with no credit prefix in captions, and one media item's data-* and caption read as one credit."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.testing import Case, assert_rule, lint

MD = "---\ndate: 2026-03-03\n---\n\n# Talks resume in Cairo\n\nNegotiators met again.\n\n{}\n\nTalks go on.\n"
HTML = ("<html><head><meta name=\"date\" content=\"2026-03-03\"></head><body><article>\n<h1>Talks resume</h1>\n"
        "{}\n<p>Talks go on.</p>\n</article></body></html>\n")


def md(image: str) -> str:
    return MD.format(image)


def html(media: str) -> str:
    return HTML.format(media)


def lic(text: str, fmt: str = "markdown", settings_: dict | None = None) -> list[tuple[str, int]]:
    return [(r.code, r.row) for r in lint(text, format=fmt, select=["LIC"], settings=settings_)]


NO_CREDIT = ("the photo has no credit: add who took it and its licence "
             "(for example \"Photo: Name, CC BY 4.0\" with a link to the photo's own page)")

#: Captions that close with a wire credit and no prefix: each is that photo's credit.
WIRE_CAPTIONS = (
    "FILE PHOTO: Families walk past damaged homes in Rafah, February 3, 2026. REUTERS/Omar Haddad/File Photo",
    "The minister arrives in Brussels. AP Photo/Lena Marsh",
    "The minister arrives in Brussels. AP Photo/Lena Marsh, File",
    "Riot police in Yerevan. EPA-EFE/ARMEN TOROSYAN",
    "The minister arrives in Brussels. Lena Marsh/AP",
    "The senator leaves the Capitol. J. Scott Pardee/AP",
    "The minister arrives in Brussels (AFP)",
    "The minister arrives in Brussels [Reuters]",
    "Crowds on the seafront. Getty Images",
    "Crowds on the seafront. Tom Okafor / Getty Images",
    "Crowds on the seafront — Tom Okafor/Getty Images",
    "Crowds on the seafront. TOM OKAFOR/AFP via Getty Images",
    "Ministry handout picture. Ministry of Defence/Handout via REUTERS",
    "Police at the scene. Pool/Reuters",
    "Xinhua",
    "(AFP)",
    "Police at the scene. Yui Ashford/PA Wire",
    "Police at the scene. picture alliance/dpa",
    "Police at the scene. Anna de la Cruz/ANP",
)

#: Captions that name an agency without crediting it: the photo still has no credit.
SUBJECT_CAPTIONS = (
    "The Reuters building in London",
    "The Reuters Building",  # a name, but no agency piece
    "Journalists from AP and Reuters wait outside the court",
    "A Getty Images photographer at work. Staff at the agency",
    "Reuters reporters at the summit, 2026",
    "Crowds outside AFP headquarters in Paris.",
    "Rubio talks to AP",  # a sentence ending in the agency is not a photo line
    "The ap meets the pa on a path",  # AP and PA count in capitals only
    "The minister arrives in Brussels (2026)",
    "Protesters in Tbilisi. Lena Marsh/Daily Courier",  # a name, but no agency or staff
    "Harrisburg, PA",  # the state, not the Press Association: a comma leads only to "File"
    "The skyline of Pittsburgh, PA, at dusk",
    "Talks in Geneva, Reuters, AP",
)


def test_wire_caption_in_alt_text_or_title_is_the_credit() -> None:
    valid = []
    for caption in WIRE_CAPTIONS:
        valid.append(md(f"![{caption}](/img/a.jpg)"))
        valid.append(md(f'![Talks](/img/a.jpg "{caption}")'))
    assert_rule(
        "LIC001",
        valid=valid,
        invalid=[
            Case(md("![The Reuters building in London](/img/a.jpg)"), row=9, column=1, end_column=46,
                 message=NO_CREDIT),
            Case(md('![Talks](/img/a.jpg "Rubio talks to AP")'), row=9, column=1, end_column=41, message=NO_CREDIT),
        ],
    )


def test_wire_caption_in_figcaption_is_the_credit() -> None:
    assert_rule(
        "LIC001",
        format="html",
        valid=[html(f'<figure><img src="a.jpg" alt="Talks"><figcaption>{c}</figcaption></figure>')
               for c in WIRE_CAPTIONS]
        + [html(f'<img src="a.jpg" alt="Talks" title="{c}">') for c in WIRE_CAPTIONS],
        invalid=[
            Case(html('<figure><img src="a.jpg" alt="Talks"><figcaption>The Reuters building in London'
                      '</figcaption></figure>'), row=3, column=9, message=NO_CREDIT),
        ],
    )


def test_a_caption_naming_an_agency_as_its_subject_is_no_credit() -> None:
    for caption in SUBJECT_CAPTIONS:
        assert lic(md(f"![{caption}](/img/a.jpg)")) == [("LIC001", 9)], caption
        assert lic(html(f'<figure><img src="a.jpg"><figcaption>{caption}</figcaption></figure>'), "html") == [
            ("LIC001", 3)], caption


def test_a_wire_credit_needs_no_licence() -> None:
    for caption in WIRE_CAPTIONS:
        assert lic(md(f"![{caption}](/img/a.jpg)")) == [], caption


def test_a_wire_line_in_the_paragraph_after_the_image() -> None:
    assert lic(md("![Talks](/img/a.jpg)\n\n*The minister arrives in Brussels. Lena Marsh/AP*")) == []
    # body prose after an image that ends on an agency is no credit line
    assert lic(md("![Talks](/img/a.jpg)\n\nThe minister told Reuters the talks would go on.")) == [("LIC001", 9)]


def test_a_credit_standing_alone_still_needs_its_prefix() -> None:
    # a paragraph that is not beside an image is a credit line only with a prefix
    assert lic("Talks resume\n\nThe minister arrives in Brussels. Lena Marsh/AP\n", "text") == []
    assert lic(md("The minister arrives in Brussels. Lena Marsh/AP")) == []


def test_configured_agencies_and_staff_decide_the_wire_line() -> None:
    caption = md("![Crowds on the seafront. Tom Okafor/Daily Courier](/img/a.jpg)")
    assert lic(caption) == [("LIC001", 9)]
    assert lic(caption, settings_={"licensing": {"extend-agencies": ["Daily Courier"]}}) == []
    assert lic(caption, settings_={"licensing": {"own": ["Daily Courier"]}}) == []
    # a newsroom that replaces the agency list no longer takes Reuters for a credit
    reuters = md("![Crowds on the seafront. Tom Okafor/Reuters](/img/a.jpg)")
    assert lic(reuters, settings_={"licensing": {"agencies": ["Daily Courier"]}}) == [("LIC001", 9)]


def test_a_prefixed_credit_in_the_caption_still_wins() -> None:
    # the prefix credit is read, so its missing licence is still reported
    assert lic(md("![Crowds. Photo: Tom Okafor. The Reuters building](/img/a.jpg)")) == [("LIC002", 9)]


# -- one media item, one credit ------------------------------------------------------


SOURCE_ROOT = ("the source is the home page of {0}: link the photo's own page, not {0}")


def test_figcaption_source_joins_the_data_credit() -> None:
    assert_rule(
        "LIC005",
        format="html",
        valid=[
            html('<figure><img src="a.jpg" data-credit="Photo by Ann Holt" data-license="CC BY-SA 2.0">'
                 '<figcaption>Swale House. Source: <a href="https://www.geograph.org.uk/photo/5432101">'
                 'geograph</a></figcaption></figure>'),
            # a caption with no other credit around it: "Source:" alone joins nothing here
            html('<figure><img src="a.jpg"><figcaption>Swale House. Source: <a href="https://www.flickr.com/">'
                 'Flickr</a></figcaption></figure>'),
            # "the source: …" inside a sentence is prose
            html('<figure><img src="a.jpg" data-credit="Ann Holt" data-license="CC BY 4.0"><figcaption>Near '
                 'the source: <a href="https://example.org/">the spring</a></figcaption></figure>'),
        ],
        invalid=[
            Case(html('<figure><img src="a.jpg" data-credit="Photo by Ann Holt" data-license="CC BY-SA 2.0">'
                      '<figcaption>Swale House. Source: <a href="https://www.flickr.com/">Flickr</a></figcaption>'
                      '</figure>'), row=3, column=153, end_column=159,
                 message=SOURCE_ROOT.format("www.flickr.com")),
            Case(html('<figure><img src="a.jpg" data-credit="Photo by Ann Holt" data-license="CC BY-SA 2.0">'
                      '<figcaption>Swale House. Source: <a href="https://www.geograph.org.uk/">geograph.org.uk</a>'
                      '</figcaption></figure>'), row=3, column=158, end_column=173,
                 message=SOURCE_ROOT.format("geograph.org.uk")),
            # an alt credit and a figcaption source are one item too
            Case(html('<figure><img src="a.jpg" alt="Photo: Ann Holt, CC BY 4.0"><figcaption>Swale House. '
                      'Source: https://museum.example.org/</figcaption></figure>'), row=3, column=92, end_column=119,
                 message=SOURCE_ROOT.format("museum.example.org")),
        ],
    )


def test_joined_parts_complete_the_credit() -> None:
    # the licence stands in the caption, the author in data-credit: nothing is missing
    joined = html('<figure><img src="a.jpg" data-credit="Photo by Ann Holt"><figcaption>Swale House. Licence: '
                  'CC BY 4.0. Source: <a href="https://www.geograph.org.uk/photo/5432101">geograph</a>'
                  '</figcaption></figure>')
    assert lic(joined, "html") == []
    # the licence in data-license, the author nowhere: LIC005 asks for the author
    no_author = lint(html('<figure><img src="a.jpg" data-license="CC BY 4.0"><figcaption>Swale House. Source: '
                          '<a href="https://www.geograph.org.uk/photo/5432101">geograph</a></figcaption></figure>'),
                     format="html", select=["LIC"])
    assert [(r.code, r.message) for r in no_author] == [
        ("LIC005", "CC BY 4.0 requires attribution: name the photo's author in the credit")]


def test_root_only_source_of_any_host_in_markdown() -> None:
    assert_rule(
        "LIC005",
        valid=[
            md("![Swale House](/img/a.jpg)\n*Photo: Ann Holt, CC BY-SA 2.0, https://www.geograph.org.uk/photo/5432101*"),
            md("![Swale House](/img/a.jpg)\n*Photo: Ann Holt, CC BY-SA 2.0, https://archive.example.org/?id=4411*"),
            # a root-only source under a licence that asks no attribution
            md("![Swale House](/img/a.jpg)\n*Photo: Ann Holt, CC0, https://www.geograph.org.uk/*"),
        ],
        invalid=[
            Case(md("![Swale House](/img/a.jpg)\n*Photo: Ann Holt, CC BY-SA 2.0, https://www.geograph.org.uk/*"),
                 row=10, column=33, end_column=61, message=SOURCE_ROOT.format("www.geograph.org.uk")),
            Case(md("![Swale House](/img/a.jpg)\n*Photo: Ann Holt, CC BY 4.0, https://annholt.example/index.html*"),
                 row=10, column=30, end_column=64, message=SOURCE_ROOT.format("annholt.example/index.html")),
        ],
    )


_WORDS = st.lists(st.sampled_from(["Reuters", "REUTERS", "AP", "Photo", "/", "via", "Getty", "Images", "File",
                                   "(", ")", ".", " ", "the", "Lena", "Marsh", "—", "|", ",", "AFP", "EPA-EFE"]),
                  max_size=14)


@settings(max_examples=60, deadline=None)
@given(_WORDS)
def test_wire_captions_never_crash_and_stay_inside_the_text(words: list[str]) -> None:
    caption = re.sub(r"[\[\]\"]", "", " ".join(words))
    text = md(f"![{caption}](/img/a.jpg)")
    lines = text.split("\n")
    for r in lint(text, select=["LIC"]):
        assert 1 <= r.row <= len(lines)
        assert 1 <= r.column <= len(lines[r.row - 1]) + 1


def test_front_matter_source_at_a_home_page() -> None:
    entry = "---\ntitle: T\nimage:\n  src: a.jpg\n  credit: Ann Holt\n  license: CC BY 4.0\n  source: {}\n---\n\nBody.\n"
    assert_rule(
        "LIC005",
        valid=[entry.format("https://www.geograph.org.uk/photo/5432101")],
        invalid=[Case(entry.format("https://www.geograph.org.uk/"), row=7, column=11, end_column=39,
                      message=SOURCE_ROOT.format("www.geograph.org.uk"))],
    )
