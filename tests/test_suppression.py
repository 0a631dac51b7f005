"""Suppression comments silence findings after the rules ran; unused ones are FL002."""

from __future__ import annotations

from factlint.testing import lint

MD = "---\ndate: 2026-03-12\n---\n\n"


def codes(results):
    return [(r.code, r.row, r.column) for r in results]


def test_disable_next_line_silences_that_line_only():
    text = MD + "<!-- factlint: disable-next-line=DAT001 -->\nThe vote was yesterday.\n\nThe fire was yesterday.\n"
    assert codes(lint(text, select=["DAT001", "FL"])) == [("DAT001", 8, 14)]


def test_disable_and_enable_bracket_a_region():
    text = (
        MD + "It rained yesterday.\n\n<!-- factlint: disable=DAT001 -->\n\nIt rained yesterday.\n\n"
        "It rained yesterday.\n\n<!-- factlint: enable=DAT001 -->\n\nIt rained yesterday.\n"
    )
    assert codes(lint(text, select=["DAT001", "FL"])) == [("DAT001", 5, 11), ("DAT001", 15, 11)]


def test_a_prefix_and_a_list_of_codes():
    text = MD + "<!-- factlint: disable-next-line=QUO001, DAT -->\nIt rained yesterday.\n"
    found = codes(lint(text, select=["DAT001", "FL"]))
    assert found == []  # QUO001 is not selected, so its part of the list is not judged


def test_unused_suppression_is_fl002_at_the_comment():
    text = MD + "Intro.\n\n<!-- factlint: disable-next-line=DAT001 -->\nThe vote was on March 3, 2026.\n"
    (result,) = lint(text, select=["DAT001", "FL"])
    assert (result.code, result.row, result.column, result.end_row, result.end_column) == ("FL002", 7, 1, 7, 44)
    assert result.message == "unused suppression: `disable-next-line=DAT001` silenced no finding"
    assert result.severity == "warning"


def test_unknown_code_in_a_suppression():
    text = MD + "<!-- factlint: disable-next-line=DTA001 -->\nText.\n"
    (result,) = lint(text, select=["FL"])
    assert result.message == "unknown rule code DTA001 in suppression comment"


def test_directive_without_codes_silences_everything_and_is_unused_when_nothing_fires():
    text = MD + "<!-- factlint: disable-next-line -->\nIt rained yesterday.\n\n<!-- factlint: disable-next-line -->\nCalm.\n"
    found = lint(text, select=["DAT001", "FL"])
    assert [(r.code, r.row, r.message) for r in found] == [
        ("FL002", 8, "unused suppression: `disable-next-line` silenced no finding")
    ]


def test_directives_inside_code_do_not_count():
    text = MD + "```\n<!-- factlint: disable-next-line=DAT001 -->\n```\nIt rained yesterday.\n"
    assert codes(lint(text, select=["DAT001", "FL"])) == [("DAT001", 8, 11)]


def test_plain_text_directive_line():
    text = "Headline Here\n\nfactlint: disable-next-line=DAT001\nIt rained yesterday.\n\nIt rained yesterday.\n"
    found = lint(text, format="text", select=["DAT001", "FL"], reference_date="2026-03-12")
    assert codes(found) == [("DAT001", 6, 11)]


def test_html_comment_in_html():
    text = (
        '<html><head><meta name="date" content="2026-03-12"></head><body><article>\n'
        "<!-- factlint: disable-next-line=DAT001 -->\n<p>It rained yesterday.</p>\n<p>It rained yesterday.</p>\n"
        "</article></body></html>\n"
    )
    assert codes(lint(text, format="html", select=["DAT001", "FL"])) == [("DAT001", 4, 14)]


def _region(body: str) -> list:
    return codes(lint(MD + body, select=["DAT001", "DAT002", "FL"]))


def test_enable_one_family_of_a_list_reenables_only_it():
    body = (
        "<!-- factlint: disable=DAT001,DAT002 -->\n\n<!-- factlint: enable=DAT001 -->\n\n"
        "It rained yesterday after the vote on Monday.\n"
    )
    # DAT002 stays silenced; the disable's DAT001 part silenced nothing, so FL002 says so
    assert _region(body) == [("FL002", 5, 1), ("DAT001", 9, 11)]


def test_enable_one_code_after_a_bare_disable():
    body = "<!-- factlint: disable -->\n\n<!-- factlint: enable=DAT001 -->\n\nIt rained yesterday after the vote on Monday.\n"
    assert _region(body) == [("DAT001", 9, 11)]


def test_enable_a_code_inside_a_disabled_prefix():
    body = "<!-- factlint: disable=DAT -->\n\n<!-- factlint: enable=DAT002 -->\n\nIt rained yesterday after the vote on Monday.\n"
    assert _region(body) == [("DAT002", 9, 39)]


def test_a_directive_in_inline_code_is_an_example_not_a_directive():
    text = MD + "Write `<!-- factlint: disable-next-line=DAT001 -->` above a line.\nIt rained yesterday.\n"
    assert codes(lint(text, select=["DAT001", "FL"])) == [("DAT001", 6, 11)]


def test_many_directives_stay_fast():
    import time

    body = "".join(f"<!-- factlint: disable-next-line=DAT001 -->\nIt rained yesterday, part {i}.\n\n" for i in range(300))
    started = time.perf_counter()
    found = lint(MD + body, select=["DAT001", "FL"])
    assert found == []
    assert time.perf_counter() - started < 20  # was cubic: minutes for a long draft; now a second or two


def test_a_draft_without_any_directive_keeps_every_finding():
    text = MD + "The vote was yesterday, factlint said.\n"
    assert codes(lint(text, select=["DAT001", "FL"])) == [("DAT001", 5, 14)]
