"""LIC001–LIC005 on Markdown drafts: cases that fire and near-misses that must not."""

from __future__ import annotations

from factlint.testing import Case, assert_rule, lint

NO_CREDIT = (
    "the photo has no credit: add who took it and its licence "
    "(for example \"Photo: Name, CC BY 4.0\" with a link to the photo's own page)"
)


def no_licence(who: str, where: str = "") -> str:
    return (f"the credit to {who} names no licence: add {where}the licence URL (such as "
            "https://creativecommons.org/licenses/by/4.0/) or its name, or list the photographer as staff or "
            "agency in the licensing settings")


def codes(text: str, fmt: str = "markdown", settings: dict | None = None) -> list[tuple[str, int]]:
    return [(r.code, r.row) for r in lint(text, format=fmt, select=["LIC"], settings=settings)]


# -- LIC001 missing-credit -------------------------------------------------------


def test_lic001_an_image_with_no_credit() -> None:
    assert_rule(
        "LIC001",
        valid=[
            "![Mayor at the podium](mayor.jpg)\n*Photo: Jane Doe/Reuters*\n",
            "![Mayor at the podium](mayor.jpg)\n\n*Photo: Jane Doe/Reuters*\n\nThe mayor spoke.\n",
            '![Mayor at the podium](mayor.jpg "Photo: Jane Doe/AP")\n',
            "![Mayor at the podium. Photo: Jane Doe, CC0](mayor.jpg)\n",
            "![Mayor](mayor.jpg) (Photo by Jane Doe/AFP)\n",
            "![Mayor](mayor.jpg)\n\nPhotograph: Jane Doe, CC BY 4.0\n",
            "The mayor spoke for an hour.\n",
        ],
        invalid=[
            Case("![Mayor at the podium](mayor.jpg)\n\nThe mayor spoke.\n", row=1, column=1, end_row=1,
                 end_column=34, message=NO_CREDIT),
            # a credit two paragraphs later belongs to no image
            Case("![Mayor](mayor.jpg)\n\nThe mayor spoke.\n\nPhoto: Jane Doe/Reuters\n", row=1, column=1),
            Case('Before.\n\n![Mayor](mayor.jpg "The mayor at the podium")\n', row=3, column=1),
            Case("![Mayor](a.jpg) ![Crowd](b.jpg)\n\nText.\n", count=2),
        ],
    )


def test_lic001_front_matter_entries() -> None:
    assert_rule(
        "LIC001",
        valid=[
            "---\ntitle: T\nimage:\n  src: /img/a.jpg\n  credit: Jane Doe/Reuters\n---\n\nText.\n",
            "---\ntitle: T\nimage:\n  src: /img/a.jpg\n  license: CC0\n---\n\nText.\n",
            "---\ntitle: T\nauthor: Staff reporter\n---\n\nText.\n",
            "---\ntitle: T\nimages:\n  - src: /img/a.jpg\n    caption: The bridge. Photo: Jane Doe/AP\n---\n\nText.\n",
        ],
        invalid=[
            Case("---\ntitle: T\nimage: /img/a.jpg\n---\n\nText.\n", row=3, column=8, end_row=3, end_column=18,
                 message="the image entry has no credit: add credit: (who took it), license: (its licence URL or "
                         "name) and source: (the photo's own page)"),
            Case("---\ntitle: T\nimages:\n  - src: /img/a.jpg\n    alt: The bridge\n  - /img/b.jpg\n---\n\nText.\n",
                 count=2, row=4, column=5),
        ],
    )


def test_lic001_configured_image_keys() -> None:
    draft = "---\ntitle: T\nhero:\n  src: /img/a.jpg\n---\n\nText.\n"
    assert codes(draft) == []
    assert codes(draft, settings={"licensing": {"image-keys": ["hero"]}}) == [("LIC001", 4)]


# -- LIC002 missing-licence --------------------------------------------------------


def test_lic002_a_credit_with_no_licence() -> None:
    assert_rule(
        "LIC002",
        valid=[
            '![Vote](vote.jpg "Photo: Tom Reyes, CC BY 4.0, https://www.flickr.com/photos/treyes/5341")\n',
            "![Vote](vote.jpg)\n*Photo: Tom Reyes/Reuters*\n",
            "![Vote](vote.jpg)\n*Photo: Tom Reyes/Getty Images*\n",
            "![Vote](vote.jpg)\n*Photo: Tom Reyes/EPA-EFE*\n",
            "(AP Photo/Tom Reyes)\n",
            "Photo: Xinhua\n",
            "Photo: Tom Reyes, CC0\n",
            "Photo: NASA, public domain\n",
            "Photo by Tom Reyes on Unsplash\n",
            "The photo shows the vote.\n",
            "Photographers waited outside.\n",
        ],
        invalid=[
            Case('![Vote](vote.jpg "Photo: Tom Reyes")\n', row=1, column=19, end_row=1, end_column=35,
                 message=no_licence("Tom Reyes")),
            Case("![Vote](vote.jpg)\n*Photo: Tom Reyes*\n", row=2, column=2, end_row=2, end_column=18),
            Case("Photo: Tom Reyes\n", row=1, column=1, message=no_licence("Tom Reyes")),
            Case("Image courtesy of Tom Reyes\n", row=1, column=1),
            Case("Text.\n\n(Photo by Tom Reyes)\n", row=3, column=2),
            # "ap" in lower case is not AP; "pa" is not PA
            Case("Photo: Tom Reyes, ap photo\n", row=1),
            Case("---\ntitle: T\nimage:\n  src: /img/a.jpg\n  credit: Maria Lopez\n---\n\nText.\n", row=5, column=11,
                 end_row=5, end_column=22, message=no_licence("Maria Lopez", "a license: key with ")),
            Case("---\ntitle: T\nimage:\n  src: /img/a.jpg\n  source: https://www.flickr.com/photos/ml/123/\n---\n",
                 row=4, column=3),
        ],
    )


def test_lic002_staff_credits_with_own_configured() -> None:
    own = {"licensing": {"own": ["Riverton Courier", "staff photographer"]}}
    assert_rule(
        "LIC002",
        valid=["Photo: Tom Reyes/Riverton Courier\n", "Photo: Tom Reyes, Staff Photographer\n",
               "---\ntitle: T\nimage:\n  src: a.jpg\n  credit: Riverton Courier\n---\n\nText.\n"],
        invalid=[Case("Photo: Tom Reyes/Riverton Gazette\n", row=1), Case("Photo: Staff\n", row=1)],
        settings=own,
    )
    assert codes("Photo: Tom Reyes/Riverton Courier\n") == [("LIC002", 1)]


def test_lic002_agencies_can_be_extended_or_replaced() -> None:
    draft = "Photo: Tom Reyes/Nordic Pix\n\nPhoto: Ann Lee/Reuters\n"
    assert codes(draft) == [("LIC002", 1)]
    assert codes(draft, settings={"licensing": {"extend-agencies": ["Nordic Pix"]}}) == []
    assert codes(draft, settings={"licensing": {"agencies": ["Nordic Pix"]}}) == [("LIC002", 3)]


# -- LIC003 unknown-licence ------------------------------------------------------


def test_lic003_unknown_or_malformed_licences() -> None:
    assert_rule(
        "LIC003",
        valid=[
            "Photo: Dana Whit, https://creativecommons.org/licenses/by-sa/4.0/\n",
            "Photo: Dana Whit, http://creativecommons.org/licenses/by-sa/4.0\n",
            "Photo: Dana Whit, creativecommons.org/licenses/by/3.0/de/\n",
            "Photo: Dana Whit, https://creativecommons.org/licenses/by-nd/2.5/scotland/deed.en\n",
            "Photo: Dana Whit, [CC BY-SA](https://creativecommons.org/licenses/by-sa/4.0/)\n",
            "Photo: Dana Whit, CC-BY-SA-4.0\n",
            "Photo: Dana Whit, Attribution-ShareAlike 4.0 International\n",
            "Photo: Dana Whit, GFDL-1.3-or-later\n",
            "Photo: Dana Whit, OGL v3.0\n",
            "Photo: Dana Whit, Free Art License 1.3\n",
        ],
        invalid=[
            Case("Photo: Dana Whit, https://creativecommons.org/licenses/by-sa/\n", row=1, column=19, end_row=1,
                 end_column=62,
                 message="unknown licence \"https://creativecommons.org/licenses/by-sa/\": the address names no "
                         "version: write the full licence URL, such as https://creativecommons.org/licenses/by-sa/4.0/"),
            Case("Photo: Dana Whit, https://creativecommons.org/licences/by-sa/4.0/\n", row=1, column=19,
                 message="unknown licence \"https://creativecommons.org/licences/by-sa/4.0/\": Creative Commons "
                         "spells the address /licenses/, not /licences/"),
            Case("Photo: Dana Whit, https://creativecommons.org/licenses/by/4.0/de/\n", row=1, column=19),
            Case("Photo: Dana Whit, CC BY-SA\n", row=1, column=19, end_column=27,
                 message="unknown licence \"CC BY-SA\": CC BY-SA names no version: write it in full, such as "
                         "CC BY-SA 4.0"),
            Case("Photo: Dana Whit, CC BY-SA 5.0\n", row=1, column=19, end_column=31),
            Case("Photo: Dana Whit, Creative Commons\n", row=1, column=19),
            Case("---\ntitle: T\nimage:\n  src: a.jpg\n  credit: Dana Whit\n  license: free for editorial use\n---\n",
                 row=6, column=12, end_row=6, end_column=34,
                 message="unknown licence \"free for editorial use\": \"free for editorial use\" is not a licence "
                         "the registry knows"),
        ],
    )


# -- LIC004 licence-not-allowed ------------------------------------------------------


def test_lic004_non_commercial_is_an_error_no_derivatives_a_warning() -> None:
    nc = lint("Photo: Luis Ortega, CC BY-NC 4.0\n", select=["LIC004"])
    assert [(r.row, r.column, r.end_column, r.severity) for r in nc] == [(1, 21, 33, "error")]
    assert nc[0].message == ("CC BY-NC 4.0 is NonCommercial (a news site is commercial use): find another photo "
                             "or get the author's written permission")
    nd = lint("Photo: Luis Ortega, https://creativecommons.org/licenses/by-nd/4.0/\n", select=["LIC004"])
    assert [(r.row, r.column, r.severity) for r in nd] == [(1, 21, "warning")]
    assert nd[0].message == ("CC BY-ND 4.0 is NoDerivatives (the photo may not be cropped or edited): use it "
                             "uncropped and unedited, or ask the author")
    both = lint("Photo: Luis Ortega, CC BY-NC-ND 3.0\n", select=["LIC004"])
    assert [r.severity for r in both] == ["error"]


def test_lic004_near_misses() -> None:
    assert_rule(
        "LIC004",
        valid=[
            "Photo: Luis Ortega, CC BY 4.0\n",
            "Photo: Luis Ortega, CC BY-SA 4.0\n",
            "Photo: Luis Ortega, CC0\n",
            "Photo: Luis Ortega/AP, CC BY-NC 4.0\n",  # agency photos are bought, not licensed
            "Photo: Luis Ortega, CC BY-NC\n",  # malformed: LIC003 only
        ],
        invalid=[
            Case("---\ntitle: T\nimage:\n  src: a.jpg\n  credit: Luis Ortega\n  license: CC BY-NC-SA 2.0\n---\n",
                 row=6, column=12, end_column=27),
        ],
    )


def test_lic004_policy_settings() -> None:
    draft = "Photo: Luis Ortega, CC BY-NC 4.0\n\nPhoto: Ann Lee, CC BY-SA 4.0\n\nPhoto: Bo Kim, CC BY-ND 4.0\n"
    assert codes(draft, settings={"licensing": {"non-commercial": "off", "no-derivatives": "off"}}) == []
    relaxed = lint(draft, select=["LIC004"], settings={"licensing": {"non-commercial": "warning"}})
    assert [(r.row, r.severity) for r in relaxed] == [(1, "warning"), (5, "warning")]
    strict = lint(draft, select=["LIC004"], settings={"licensing": {"share-alike": "info"}})
    assert [(r.row, r.severity) for r in strict] == [(1, "error"), (3, "info"), (5, "warning")]
    refused = lint(draft, select=["LIC004"], settings={"licensing": {"refused": ["CC-BY-SA-4.0"]}})
    assert [(r.row, r.severity) for r in refused] == [(1, "error"), (3, "error"), (5, "warning")]
    assert "refused" in refused[1].message
    allowed = lint(draft, select=["LIC004"],
                   settings={"licensing": {"allowed": ["https://creativecommons.org/licenses/by-nc/4.0/", "CC BY 4.0"]}})
    assert [(r.row, r.severity) for r in allowed] == [(3, "error"), (5, "error")]
    assert "not among the newsroom's allowed licences" in allowed[0].message


# -- LIC005 incomplete-attribution ----------------------------------------------------


def test_lic005_no_author_or_a_root_only_source() -> None:
    assert_rule(
        "LIC005",
        valid=[
            "Photo: Jane Doe, https://commons.wikimedia.org/wiki/File:Bridge.jpg, CC BY-SA 4.0\n",
            "Photo: https://commons.wikimedia.org/wiki/File:Bridge.jpg by Jane Doe, CC BY-SA 4.0\n",
            "Photo: CC0, https://commons.wikimedia.org/wiki/File:Bridge.jpg\n",  # CC0 needs no author
            "Photo: Public Domain Mark 1.0, https://www.flickr.com/photos/nasa/5341\n",  # nor does PDM
            "Photo: Jane Doe via Wikimedia Commons, CC BY-SA 4.0\n",  # the site named in words
            "Photo: Jane Doe (janedoe.com/work/bridge), CC BY 4.0\n",  # a page on the author's own site
            "Photo: Jane Doe, unsplash.com\n",  # no licence that asks attribution (LIC002 only)
        ],
        invalid=[
            Case("Photo: commons.wikimedia.org by Jane Doe, https://creativecommons.org/licenses/by-sa/4.0/ The "
                 "bridge at dawn\n", row=1, column=8, end_row=1, end_column=29,
                 message="the source is the home page of commons.wikimedia.org: link the photo's own page, not "
                         "commons.wikimedia.org"),
            # any host's home page is root-only, not only the hosting sites the registry lists
            Case("Photo: Jane Doe (janedoe.com), CC BY 4.0\n", row=1, column=18, end_column=29,
                 message="the source is the home page of janedoe.com: link the photo's own page, not janedoe.com"),
            Case("Photo: Jane Doe, https://www.flickr.com/, CC BY 2.0\n", row=1, column=18,
                 message="the source is the home page of www.flickr.com: link the photo's own page, not www.flickr.com"),
            Case("Photo: Wikimedia Commons, CC BY-SA 4.0\n", row=1, column=1, end_column=39,
                 message="CC BY-SA 4.0 requires attribution: name the photo's author in the credit"),
            Case("Photo: CC BY 4.0, https://www.flickr.com/photos/x/1\n", row=1, column=1),
            Case("---\ntitle: T\nimage:\n  src: a.jpg\n  credit: Jane Doe\n  source: https://commons.wikimedia.org/\n"
                 "  license: CC BY-SA 4.0\n---\n", row=6, column=11),
            Case("---\ntitle: T\nimage:\n  src: a.jpg\n  license: CC BY-SA 4.0\n---\n", row=4, column=3,
                 message="CC BY-SA 4.0 requires attribution: name the photo's author in the credit"),
        ],
    )


def test_a_credit_after_an_image_is_one_item() -> None:
    draft = "![Bridge](bridge.jpg)\n\n*Photo: Jane Doe, CC BY-NC 4.0*\n\nThe bridge opened.\n"
    assert codes(draft) == [("LIC004", 3)]
    assert codes("![Bridge](bridge.jpg)\n*Photo: Jane Doe*\n") == [("LIC002", 2)]


def test_clean_drafts_report_nothing() -> None:
    draft = (
        "---\ntitle: Port opens terminal\ndate: 2026-05-14\nimages:\n  - src: /img/t.jpg\n    credit: AP Photo/Ann Berg\n"
        "  - src: /img/f.jpg\n    credit: Tomás Ruiz\n    source: https://commons.wikimedia.org/wiki/File:Ferry.jpg\n"
        "    license: https://creativecommons.org/licenses/by-sa/4.0/\n---\n\n# Port opens terminal\n\n"
        "The terminal opened on Wednesday.\n\n"
        '![The ferry](/img/berth.jpg "Photo: Ingrid Holm, CC BY 4.0, https://www.flickr.com/photos/iholm/5371/")\n\n'
        "The old terminal will be demolished.\n"
    )
    assert codes(draft) == []


def test_copyright_and_courtesy_lines_count_only_beside_an_image() -> None:
    assert codes("The council met.\n\n© 2026 The Riverton Courier. All rights reserved.\n") == []
    assert codes("Courtesy of a new law, residents can park downtown for free.\n") == []
    assert codes("![Mayor](m.jpg)\n*© Jane Doe*\n") == [("LIC002", 2)]
    assert codes("![Mayor](m.jpg)\n\nCourtesy of the Doe family\n") == [("LIC002", 3)]
    assert codes("![Mayor](m.jpg)\n\n© Jane Doe, CC BY 4.0\n") == []


def test_a_long_sentence_opening_with_a_prefix_is_prose() -> None:
    prose = ("Picture: a council chamber where every seat is taken, the heating has failed and the mayor "
             "has been speaking for three hours without a break or a glass of water.\n")
    assert codes(prose) == []


def test_title_credit_and_the_credit_line_after_are_one_item() -> None:
    draft = '![Mayor](m.jpg "Photo: Jane Doe")\n\n*Photo: Jane Doe, CC BY-SA 4.0, https://flickr.com/photos/jd/1*\n'
    assert codes(draft) == []


def test_bad_licensing_settings_are_usage_errors() -> None:
    import pytest

    from factlint.errors import UsageError

    with pytest.raises(UsageError, match="licensing"):
        lint("Photo: A, CC BY 4.0\n", select=["LIC"], settings={"licensing": {"agency": ["X"]}})
    with pytest.raises(UsageError, match="'licensing.non-commercial': 'sometimes' is not one of error, warning, info, off"):
        lint("Photo: A, CC BY 4.0\n", select=["LIC"], settings={"licensing": {"non-commercial": "sometimes"}})
    with pytest.raises(UsageError, match="'licensing.allowed': 'CC BY 9.0' is not a licence the registry knows"):
        lint("Photo: A, CC BY 4.0\n", select=["LIC"], settings={"licensing": {"allowed": ["CC BY 9.0"]}})


def test_an_empty_credit_is_no_credit() -> None:
    assert codes("![Mayor](m.jpg)\n*Photo:*\n") == [("LIC001", 1)]
    assert codes("Text.\n\nPhoto:\n") == []


def test_a_licence_page_on_another_site_is_an_unknown_licence() -> None:
    assert codes("Photo: Jane Doe, https://example.com/photo-license\n") == [("LIC003", 1)]
    assert codes("Photo: Jane Doe, https://example.com/photos/123\n") == [("LIC002", 1)]
    assert codes("Photo: US Navy, PD-USGov\n") == []


def test_every_rule_example_fires_and_its_near_miss_does_not() -> None:
    from factlint.checks.licensing import RULES

    for rule in RULES:
        assert [r.code for r in lint(rule.example, format=rule.example_format, select=[rule.code])] == [rule.code]
        assert lint(rule.near_miss, format=rule.example_format, select=[rule.code]) == [], rule.code


def test_front_matter_keys_beside_a_bare_image() -> None:
    base = "---\ntitle: T\nauthor: Staff reporter\nimage: /img/a.jpg\n{}---\n\nText.\n"
    assert codes(base.format("")) == [("LIC001", 4)]
    assert codes(base.format("image_credit: Jane Doe\n")) == [("LIC002", 5)]
    assert codes(base.format("image_credit: Jane Doe\nimage-license: CC BY-NC 4.0\n")) == [("LIC004", 6)]
    assert codes(base.format("image_credit: Jane Doe\nimage_license: CC BY 4.0\n")) == []
    assert codes(base.format("imageCredit: Jane Doe/AP\n")) == []


def test_an_agency_named_as_the_rights_holder_needs_no_licence() -> None:
    assert codes("---\ntitle: T\nimage:\n  src: a.jpg\n  rights: Getty Images editorial\n---\n\nText.\n") == []


def test_the_caption_paragraph_after_an_image_may_hold_the_credit_anywhere() -> None:
    draft = ("![Nurse](n.jpg)\n\n*Residents queue outside the hall. Photo: Yasmin Qureshi, CC BY 4.0, "
             "https://www.flickr.com/photos/yq/2891/*\n\nText.\n")
    assert codes(draft) == []
    assert codes(draft.replace(", CC BY 4.0", "")) == [("LIC002", 3)]
    # a paragraph that is not right after an image must open with the prefix
    assert codes("Text.\n\nResidents queue outside the hall. Photo: Yasmin Qureshi\n") == []


def test_lic005_no_author_and_a_home_page_source_are_one_finding() -> None:
    from factlint.testing import lint

    found = lint("Text.\n\nPhoto: commons.wikimedia.org, CC BY 4.0\n", select=["LIC"])
    assert [(r.code, r.row, r.message) for r in found] == [(
        "LIC005", 3,
        "CC BY 4.0 requires attribution: name the photo's author in the credit, "
        "and link the photo's own page, not commons.wikimedia.org",
    )]
