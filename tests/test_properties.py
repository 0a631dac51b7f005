"""Properties of the whole engine: no crash on any draft, spans inside the text, fixes idempotent."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings, strategies as st

from factlint.testing import fix, lint

FRAGMENTS = [
    "yesterday", "this week", "on Tuesday", "Tuesday's vote", "March 7", "Saturday, March 10, 2026",
    "February 30", "03/07/2026", "2026-13-01", "next Friday", "two days ago", '"', "“", "”", "‘", "’", "'",
    "«", "»", "„", " said Ana Lima.", " she said.", "According to the mayor,", "Photo: Ann Bell / Reuters",
    "Photo: Tom Reyes, CC BY 4.0", "https://creativecommons.org/licenses/by-sa/4.0/", "commons.wikimedia.org",
    "President Zelensky", "Zelenskyy", "Yuri Ushakov", "Ushakov", "Dr. Priya Raman", "![x](a.jpg)",
    "<!-- factlint: disable-next-line=DAT001 -->", "*", "`", "#", "> ", "- ", "\n", "\n\n", "\r\n", " ",
    "<p>", "</p>", "<figure><img src=a.jpg alt='Smoke'><figcaption>", "</figcaption></figure>", "&amp;",
    "We are not going to stop now, not after everything", ".", ",", ":", "é", "ı",
]

drafts = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=6), max_size=40).map("".join)
formats = st.sampled_from(["markdown", "text", "html"])
dates = st.none() | st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts, formats, dates)
def test_no_crash_and_every_finding_inside_the_text(text, fmt, date):
    for result in lint(text, format=fmt, reference_date=date):
        assert 0 <= result.span.start <= result.span.end <= len(text)
        lines = text.split("\n")
        assert 1 <= result.row <= len(lines) and 1 <= result.end_row <= len(lines)
        assert 1 <= result.column <= len(lines[result.row - 1]) + 1
        if result.fix:
            for edit in result.fix.edits:
                assert 0 <= edit.span.start <= edit.span.end <= len(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts, formats, dates)
def test_fixes_are_idempotent(text, fmt, date):
    once = fix(text, format=fmt, reference_date=date)
    assert fix(once, format=fmt, reference_date=date) == once
