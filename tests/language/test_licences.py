"""The licence registry and credit parsing, as functions over strings."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.language.licences import (
    Credit,
    find_credit,
    find_urls,
    parse_credit,
    shipped_prefixes,
    shipped_registry,
    url_key,
)

REG = shipped_registry()
PREFIXES = shipped_prefixes()


def label(text: str) -> str | None:
    lic = REG.lookup(text)
    return lic.label if lic else None


def credit(text: str, anywhere: bool = False, links: tuple = ()) -> Credit:
    at = find_credit(text, PREFIXES, anywhere)
    assert at is not None, f"no credit found in {text!r}"
    return parse_credit(text, REG, PREFIXES, at, links)


# -- the registry ------------------------------------------------------------


@pytest.mark.parametrize("version", ["1.0", "2.0", "2.5", "3.0", "4.0"])
@pytest.mark.parametrize("elements", ["by", "by-sa", "by-nd", "by-nc", "by-nc-sa", "by-nc-nd"])
def test_every_cc_licence_and_version_is_known_by_url_name_and_spdx(elements: str, version: str) -> None:
    path = "by-nd-nc" if (elements, version) == ("by-nc-nd", "1.0") else elements
    name = f"CC {elements.upper()} {version}"
    assert label(f"https://creativecommons.org/licenses/{path}/{version}/") == name
    assert label(f"http://www.creativecommons.org/licenses/{path}/{version}") == name
    assert label(f"creativecommons.org/licenses/{path}/{version}/legalcode") == name
    assert label(name) == name
    assert label(f"CC-{elements.upper()}-{version}") == name
    assert label(name.lower()) == name


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://creativecommons.org/licenses/by/3.0/de/", "CC BY 3.0 DE"),
        ("https://creativecommons.org/licenses/by-sa/2.5/scotland/", "CC BY-SA 2.5 SCOTLAND"),
        ("https://creativecommons.org/licenses/by/3.0/igo/", "CC BY 3.0 IGO"),
        ("https://creativecommons.org/licenses/by-nc-sa/2.1/jp/", "CC BY-NC-SA 2.1 JP"),
        ("https://creativecommons.org/licenses/by-sa/4.0/deed.de", "CC BY-SA 4.0"),
        ("https://creativecommons.org/licenses/by/4.0/legalcode.fr", "CC BY 4.0"),
        ("https://creativecommons.org/licenses/by-sa/3.0/de/deed.en", "CC BY-SA 3.0 DE"),
        ("https://creativecommons.org/licenses/by/4.0/?ref=chooser-v1", "CC BY 4.0"),
        ("HTTPS://CreativeCommons.org/licenses/by/4.0/", "CC BY 4.0"),
        ("https://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0"),
        ("http://creativecommons.org/publicdomain/zero/1.0/deed.en", "CC0 1.0"),
        ("https://creativecommons.org/publicdomain/mark/1.0/", "Public Domain Mark 1.0"),
        ("https://www.gnu.org/licenses/fdl-1.3.html", "GFDL 1.3"),
        ("https://www.gnu.org/licenses/old-licenses/fdl-1.2.en.html", "GFDL 1.2"),
        ("https://artlibre.org/licence/lal/en/", "Free Art License 1.3"),
        ("https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/", "Open Government Licence v3.0"),
        ("https://unsplash.com/license", "Unsplash License"),
    ],
)
def test_unusual_but_valid_licence_urls(url: str, expected: str) -> None:
    assert label(url) == expected


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Attribution-ShareAlike 4.0 International", "CC BY-SA 4.0"),
        ("Creative Commons Attribution-Share Alike 3.0 Unported", "CC BY-SA 3.0"),
        ("Creative Commons Attribution 2.0 Generic", "CC BY 2.0"),
        ("Attribution-NonCommercial-NoDerivatives 4.0 International", "CC BY-NC-ND 4.0"),
        ("CC BY-ND-NC 1.0", "CC BY-NC-ND 1.0"),
        ("CC BY 4", "CC BY 4.0"),
        ("CC-BY-SA-3.0-DE", "CC BY-SA 3.0 DE"),
        ("CC BY-SA 3.0 de", "CC BY-SA 3.0 DE"),
        ("CC0", "CC0 1.0"),
        ("CC-0", "CC0 1.0"),
        ("CC0 1.0 Universal", "CC0 1.0"),
        ("Creative Commons Zero", "CC0 1.0"),
        ("PDM", "Public Domain Mark 1.0"),
        ("Public Domain Mark 1.0", "Public Domain Mark 1.0"),
        ("public domain", "Public domain"),
        ("GFDL", "GFDL"),
        ("GFDL-1.2-or-later", "GFDL 1.2"),
        ("GNU Free Documentation License 1.3", "GFDL 1.3"),
        ("Free Art License", "Free Art License 1.3"),
        ("OGL v3.0", "Open Government Licence v3.0"),
        ("OGL-UK-3.0", "Open Government Licence v3.0"),
        ("ODbL", "Open Database License 1.0"),
    ],
)
def test_licence_names_and_spdx_ids(name: str, expected: str) -> None:
    assert label(name) == expected


@pytest.mark.parametrize(
    "text",
    ["CC BY-SA 5.0", "CC BY-SA 4.0 DE", "CC BY-SA 2.1", "CC BY-SA", "Creative Commons", "by", "Jane Doe", "",
     "https://creativecommons.org/licenses/by-sa/", "https://creativecommons.org/licences/by-sa/4.0/",
     "https://creativecommons.org/licenses/by/4.0/de/", "https://creativecommons.org/licenses/by-xx/4.0/",
     "https://www.flickr.com/photos/jdoe/123"],
)
def test_near_misses_are_not_licences(text: str) -> None:
    assert REG.lookup(text) is None


def test_flags_say_what_a_licence_asks() -> None:
    nc_nd = REG.lookup("CC BY-NC-ND 4.0")
    assert nc_nd is not None and nc_nd.attribution and nc_nd.non_commercial and nc_nd.no_derivatives
    assert not nc_nd.share_alike
    sa = REG.lookup("CC BY-SA 4.0")
    assert sa is not None and sa.share_alike and not sa.non_commercial
    for free in ("CC0", "PDM", "public domain"):
        lic = REG.lookup(free)
        assert lic is not None and not lic.attribution


def test_registry_has_the_whole_cc_matrix() -> None:
    cc = [lic for lic in REG.licences if lic.id.startswith("CC-BY")]
    assert len(cc) == 6 * 6  # six licences in 1.0, 2.0, 2.1, 2.5, 3.0, 4.0
    assert all(lic.attribution for lic in cc)


@pytest.mark.parametrize(
    "url, problem",
    [
        ("https://creativecommons.org/licenses/by-sa/", "no version"),
        ("https://creativecommons.org/licences/by-sa/4.0/", "/licenses/, not /licences/"),
        ("https://creativecommons.org/licenses/by/4.0/de/", "no jurisdiction"),
    ],
)
def test_malformed_licence_urls_are_diagnosed(url: str, problem: str) -> None:
    assert REG.is_licence_url(url)
    assert problem in REG.diagnose_url(url)


def test_root_only_sources() -> None:
    for url in ("commons.wikimedia.org", "https://commons.wikimedia.org/", "https://www.flickr.com", "unsplash.com",
                "https://commons.wikimedia.org/wiki/Main_Page", "https://commons.wikimedia.org/wiki",
                # any site's home page, listed as a hosting site or not
                "https://www.geograph.org.uk/", "geograph.org.uk", "https://janedoe.com/", "http://museum.example.org",
                "https://www.example.org/index.html", "https://example.org/home", "https://example.org/#"):
        assert REG.is_root_only(url), url
    for url in ("https://commons.wikimedia.org/wiki/File:Bridge.jpg", "https://www.flickr.com/photos/jdoe/5341",
                "https://unsplash.com/photos/abc123", "https://www.geograph.org.uk/photo/5432101",
                "https://janedoe.com/portfolio/bridge", "https://example.org/?p=4411", "https://example.org/#photo-12",
                # "wiki" is a home page only on the wikis the registry lists
                "https://example.org/wiki", "localhost/"):
        assert not REG.is_root_only(url), url


def test_url_key_ignores_scheme_www_and_suffixes() -> None:
    assert url_key("https://www.creativecommons.org/licenses/by/4.0/deed.en#x") == "creativecommons.org/licenses/by/4.0"
    assert url_key("http:/creativecommons.org/licenses/by/4.0") == "creativecommons.org/licenses/by/4.0"


def test_find_urls_takes_bare_domains_not_versions_or_initials() -> None:
    urls = [u.text for u in find_urls("J. R. Smith, CC BY 4.0, commons.wikimedia.org, see https://x.org/a.")]
    assert urls == ["commons.wikimedia.org", "https://x.org/a"]
    assert find_urls("photo.jpg and e.g. this") == []


# -- credits -------------------------------------------------------------------


def test_the_wire_photo_line_holds_all_four() -> None:
    c = credit("Photo: commons.wikimedia.org by Пресс-служба Президента Российской Федерации, "
               "https://creativecommons.org/licenses/by-sa/4.0/ Vladimir Putin")
    assert c.source is not None and c.source.text == "commons.wikimedia.org"
    assert c.author is not None and c.author.text == "Пресс-служба Президента Российской Федерации"
    assert [lic.label for lic in c.known] == ["CC BY-SA 4.0"]
    assert c.caption is not None and c.caption.text == "Vladimir Putin"


@pytest.mark.parametrize(
    "text, author, source, licence",
    [
        ("Photo: Ingrid Holm, CC BY 4.0, https://www.flickr.com/photos/iholm/53711234567/", "Ingrid Holm",
         "https://www.flickr.com/photos/iholm/53711234567/", "CC BY 4.0"),
        ("Photo: Tom Reyes", "Tom Reyes", None, None),
        ("Photo: Jane Doe/Reuters", "Jane Doe", None, None),
        ("(Photo by Evan Vucci/AP)", "Evan Vucci", None, None),
        ("Image courtesy of NASA", "NASA", None, None),
        ("Photo: Jane Doe via Wikimedia Commons (CC BY-SA 4.0)", "Jane Doe", "Wikimedia Commons", "CC BY-SA 4.0"),
        ("Photo: Jane Doe (https://flickr.com/photos/jdoe/123), licensed under CC BY 2.0", "Jane Doe",
         "https://flickr.com/photos/jdoe/123", "CC BY 2.0"),
        ("Photo by Jane Doe on Unsplash", "Jane Doe", None, "Unsplash License"),
        ("Photo: J. R. Smith, CC BY 4.0", "J. R. Smith", None, "CC BY 4.0"),
        ("Photo: Wikimedia Commons, CC BY-SA 4.0", None, "Wikimedia Commons", "CC BY-SA 4.0"),
        ("Photo: NASA, public domain", "NASA", None, "Public domain"),
        ("Photo: Jane Doe / CC BY-SA 4.0 / Wikimedia Commons", "Jane Doe", "Wikimedia Commons", "CC BY-SA 4.0"),
        ("PHOTO: JANE DOE, CC-BY-2.0", "JANE DOE", None, "CC BY 2.0"),
        ("Photo: Jane Doe. Licence: CC BY 4.0. Source: https://flickr.com/photos/jd/1", "Jane Doe",
         "https://flickr.com/photos/jd/1", "CC BY 4.0"),
        ("Photograph : Jane Doe, CC0", "Jane Doe", None, "CC0 1.0"),
        ("© Jane Doe", "Jane Doe", None, None),
    ],
)
def test_credit_parts(text: str, author: str | None, source: str | None, licence: str | None) -> None:
    c = credit(text)
    assert (c.author.text if c.author else None) == author
    assert (c.source.text if c.source else None) == source
    assert ([lic.label for lic in c.known] or [None])[0] == licence
    assert c.caption is None


def test_caption_after_a_sentence_break() -> None:
    c = credit("Photo: John Smith. Protesters outside the parliament on Monday.")
    assert c.author is not None and c.author.text == "John Smith"
    assert c.caption is not None and c.caption.text == "Protesters outside the parliament on Monday"


def test_caption_prefix_anywhere_and_link_licence() -> None:
    text = "Fire crews on Route 9. Photo: Luis Ortega, CC BY-NC 4.0"
    start = text.index("CC BY")
    c = credit(text, anywhere=True, links=((start, len(text), "https://creativecommons.org/licenses/by-nc/4.0/"),))
    assert c.start == text.index("Photo:")
    assert [lic.label for lic in c.known] == ["CC BY-NC 4.0"]
    assert c.author is not None and c.author.text == "Luis Ortega"


def test_link_text_without_version_takes_the_link_url() -> None:
    text = "Photo: Jane Doe, licence"
    c = credit(text, links=((17, 24, "https://creativecommons.org/licenses/by/2.0/"),))
    assert [lic.label for lic in c.known] == ["CC BY 2.0"]


def test_unknown_licence_names_are_reported_as_such() -> None:
    c = credit("Photo: Jane Doe, CC BY-SA")
    assert not c.known and len(c.unknown) == 1 and "no version" in (c.unknown[0].problem or "")
    c = credit("Image: Dana Whit, https://creativecommons.org/licenses/by-sa/")
    assert not c.known and c.unknown[0].text == "https://creativecommons.org/licenses/by-sa/"


@pytest.mark.parametrize(
    "text",
    ["A photo by the river bank", "Photographers gathered outside.", "Imagine a city without cars.",
     "The picture: bleak.", "Credits are due next week."],
)
def test_ordinary_paragraphs_are_not_credit_lines(text: str) -> None:
    assert find_credit(text, PREFIXES) is None or text.startswith("The picture")


def test_prefix_anywhere_needs_a_boundary_and_a_capital() -> None:
    assert find_credit("A photo by the river bank", PREFIXES, anywhere=True) is None
    assert find_credit("Haze over the valley (photo by Ana Ruiz)", PREFIXES, anywhere=True) is not None
    assert find_credit("Haze over the valley. Photo: Ana Ruiz", PREFIXES, anywhere=True) == 22


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Photo: by/,.()-CC BY-SA 4.0 https://a.org/x Jane Doe\n©")), max_size=80))
def test_parsing_never_crashes_and_parts_stay_inside(text: str) -> None:
    at = find_credit(text, PREFIXES, anywhere=True)
    c = parse_credit(text, REG, PREFIXES, at or 0)
    for part in [c.author, c.source, c.caption, c.prefix, *c.names, *c.licences]:
        if part is not None:
            assert 0 <= part.start <= part.end <= len(text)
    assert 0 <= c.start <= c.end <= len(text)


def test_a_caption_sentence_is_not_the_author() -> None:
    from factlint.language.licences import reads_like_name

    credit = parse_credit("Photo: Boats at the quay. CC BY 4.0", REG, PREFIXES, 0)
    assert credit.author is None
    credit = parse_credit("Photo: Ola Berg. CC BY 4.0", REG, PREFIXES, 0)
    assert credit.author is not None and credit.author.text == "Ola Berg"
    assert reads_like_name("Ana de la Cruz for the Guardian")
    assert not reads_like_name("Boats moored at the quay")


def test_an_account_or_a_short_piece_before_a_full_stop_stays_the_author() -> None:
    for text, who in (("Photo: Flickr user jdoe. CC BY 2.0", "Flickr user jdoe"),
                      ("Photo: Wikimedia Commons user Rivers42. CC BY-SA 4.0", "Wikimedia Commons user Rivers42"),
                      ("Photo: Crowds gather. CC BY 2.0", "Crowds gather")):
        credit = parse_credit(text, REG, PREFIXES, 0)
        assert credit.author is not None and credit.author.text == who, text


def test_a_name_after_a_caption_piece_is_the_author() -> None:
    credit = parse_credit("Photo: Boats moored at the quay — Ola Berg, CC BY 4.0", REG, PREFIXES, 0)
    assert credit.author is not None and credit.author.text == "Ola Berg"
    # with no name after it, a caption piece that ends in a comma is still read as before
    credit = parse_credit("Photo: Boats moored at the quay, CC BY 4.0", REG, PREFIXES, 0)
    assert credit.author is not None and credit.author.text == "Boats moored at the quay"
