"""Which lines are display type, where capitals say nothing about names: all caps, or title case."""

from __future__ import annotations

from factlint.language.people import _is_display


def test_a_title_case_headline_is_display_even_when_it_ends_on_a_quotation_or_a_colon() -> None:
    assert _is_display("Mayor Okafor Praises Vesta Harbour: ‘A Very Good Neighbour’", headline=True)
    assert _is_display("Okafor Hammers Harbour Board Over Late Accounts:", headline=True)


def test_a_body_line_that_ends_like_a_sentence_is_running_text() -> None:
    assert not _is_display("Mayor Okafor Praises Vesta Harbour: ‘A Very Good Neighbour’")
    assert not _is_display("Mayor Ada Okafor visited the port on Monday.", headline=True)
    assert _is_display("PORT TO HIRE 40 AFTER VESTA DEAL")


def test_capitals_are_counted_when_lower_case_letters_are_too_few_to_rule_an_all_caps_line_out() -> None:
    # Lower-case letters under a fifth of the line: the capitals are counted, accented ones too.
    assert _is_display("ÉLYSÉE REJECTS ÉDOUARD BUDGET, SAYS Dr OKAFOR")
    # A fifth of the line in lower case leaves capitals at most four fifths of its letters: not all caps.
    assert not _is_display("ABCDEFGHIJKLMNOPabcd")
    assert not _is_display("Mayor Ada Okafor visited the port on Monday, the council said.")
