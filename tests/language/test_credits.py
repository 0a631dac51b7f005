"""language/credits.py: agency names, wire photo lines and bylines, read from text alone."""

from __future__ import annotations

from factlint.language.credits import Agencies, has_word, name_pattern, reads_like_byline

AGENCIES = Agencies(own=(name_pattern("Harbour Gazette", False),), agencies=(name_pattern("AP"), name_pattern("Reuters")))
FILLERS = frozenset({"file", "photo", "file photo"})


def test_a_wire_line_closing_a_caption_is_its_credit() -> None:
    text = "Ferries wait out the storm at the north quay. Lena Okafor/AP"
    assert AGENCIES.credit_tail(text, FILLERS) == (46, 60)


def test_a_bracketed_agency_at_the_end_is_a_credit() -> None:
    text = "Crowds on the bridge at dawn (REUTERS)"
    assert AGENCIES.credit_tail(text, FILLERS) == (30, 37)


def test_a_caption_about_an_agency_is_no_credit() -> None:
    assert AGENCIES.credit_tail("Staff leave the Reuters office on Fleet Street", FILLERS) is None


def test_a_place_after_a_comma_is_no_filler() -> None:
    assert AGENCIES.credit_tail("Lena Okafor/AP, Harrisburg", FILLERS) is None
    assert AGENCIES.credit_tail("Lena Okafor/AP, File", FILLERS) == (0, 20)


def test_short_acronyms_match_in_capitals_only() -> None:
    assert AGENCIES.is_agency("AP")
    assert not AGENCIES.is_agency("ap")
    assert AGENCIES.is_agency("reuters")


def test_own_staff_names_ignore_case_and_exempt_a_credit() -> None:
    assert AGENCIES.is_exempt(["Photo by the HARBOUR GAZETTE picture desk"])
    assert not AGENCIES.is_exempt(["Photo by a reader"])


def test_bylines_are_short_capitalised_names_without_digits() -> None:
    assert reads_like_byline("J. Scott Applewhite")
    assert reads_like_byline("Maria de la Cruz")
    assert not reads_like_byline("the crowd at noon")
    assert not reads_like_byline("Pier 39")


def test_a_credit_body_needs_a_word() -> None:
    assert has_word(" Sam Reed")
    assert not has_word(" — ")
