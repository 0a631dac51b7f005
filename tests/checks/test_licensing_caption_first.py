"""A credit line that opens with a caption sentence: the credit after it is the item's, the caption no author."""

from __future__ import annotations

from factlint.testing import Case, assert_rule, lint

URL = "https://www.flickr.com/photos/hollis/53000000001/"


def no_licence(who: str) -> str:
    return (f"the credit to {who} names no licence: add the licence URL (such as "
            "https://creativecommons.org/licenses/by/4.0/) or its name, or list the photographer as staff or "
            "agency in the licensing settings")


def codes(text: str, fmt: str = "text") -> list[tuple[str, int]]:
    return [(r.code, r.row) for r in lint(text, format=fmt, select=["LIC"])]


def test_a_caption_then_a_full_credit_needs_nothing_more() -> None:
    for line in (
        f"Photo: Mayor Ruth Okoye opens the new library. Photo by Dev Hollis, CC BY 4.0, {URL}",
        f"Photo: Mayor Ruth Okoye opens the new library. Dev Hollis, CC BY 4.0, {URL}",
        f"Picture: Boats moored at the quay! Dev Hollis, CC BY-SA 4.0, {URL}",
        f"Photo: Mayor Ruth Okoye at the library. Dev Hollis/Reuters",
        f"Photo: Mayor Ruth Okoye at the library. Dev Hollis, Associated Press",
        f"Photo: Mayor Ruth Okoye at the library (Dev Hollis, CC BY 4.0, {URL})",
    ):
        assert codes(f"Library opens\n\n{line}\n\nThe library opened on a wet morning.\n") == [], line


def test_markdown_image_then_an_emphasised_caption_and_credit() -> None:
    text = f"![Readers](readers.jpg)\n\n*Photo: Readers queue at the door. Ola Berg, CC BY 2.0, {URL}*\n"
    assert codes(text, "markdown") == []
    assert codes(f"![Readers](readers.jpg)\n\n*Photo: Readers queue. Ola Berg/AFP*\n", "markdown") == []


def test_the_later_credit_still_gets_every_check() -> None:
    # NonCommercial in the second sentence is found where it stands
    text = f"T\n\nPhoto: Readers queue at the door. Ola Berg, CC BY-NC 4.0, {URL}\n"
    found = lint(text, format="text", select=["LIC"])
    assert [(r.code, r.row, r.column) for r in found] == [("LIC004", 3, 45)]
    # a licence with no author: the caption sentence is not one
    assert codes("T\n\nPhoto: Readers queue at the door. CC BY 4.0, " + URL + "\n") == [("LIC005", 3)]
    # a home page for a source
    assert codes("T\n\nPhoto: Readers queue at the door. Ola Berg, CC BY 4.0, https://www.flickr.com/\n") == [
        ("LIC005", 3)]


def test_a_name_before_the_licence_sentence_is_the_author() -> None:
    assert codes("T\n\nPhoto: Ola Berg. Licensed under CC BY 4.0.\n") == []


def test_near_misses_still_name_no_licence() -> None:
    assert_rule(
        "LIC002",
        valid=[f"T\n\nPhoto: Readers queue at the door. Ola Berg, CC BY 4.0, {URL}\n"],
        invalid=[
            # a caption and a name with no licence: the credit is to the name, not the caption
            Case("T\n\nPhoto: Readers queue at the door. Ola Berg.\n", row=3, column=1, message=no_licence("Ola Berg")),
            Case("T\n\nPhoto: Readers queue at the door. Photo by Ola Berg\n", row=3, column=1,
                 message=no_licence("Ola Berg")),
            # an agency inside a caption sentence is not an agency credit
            Case("T\n\nPhoto: Ola Berg. The Reuters building in London.\n", row=3, column=1,
                 message=no_licence("Ola Berg")),
            # a second credit after a name is another item's: the first still names no licence
            Case("T\n\nPhoto: Ola Berg. Video: Dev Hollis/AP\n", row=3, column=1, message=no_licence("Ola Berg")),
            # a caption with no credit after it at all
            Case("T\n\nPhoto: Readers queue at the door. The library opened at nine.\n", row=3, column=1),
        ],
        format="text",
    )
