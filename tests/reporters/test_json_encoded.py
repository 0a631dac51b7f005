"""The JSON reporter's own encoder writes each finding byte for byte as json.dumps(indent=2) would."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given, settings, strategies as st

from factlint.document import Span
from factlint.reporters.json import _encoded
from factlint.results import Position, ReportedEdit, ReportedFix, Result
from factlint.waivers import Waiver

_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
_POS = st.builds(Position, st.integers(1, 10**6), st.integers(1, 10**6))
_EDIT = st.builds(ReportedEdit, _TEXT, _POS, _POS, st.just(Span(0, 0)))
_FIX = st.none() | st.builds(ReportedFix, st.sampled_from(["safe", "unsafe"]), _TEXT,
                             st.lists(_EDIT, max_size=3).map(tuple))
_WAIVER = st.none() | st.builds(Waiver, st.just("a.md"), st.just("DAT001"), st.just("f"), _TEXT, _TEXT,
                                st.just(dt.date(2026, 1, 1)))


@settings(max_examples=300, deadline=None)
@given(code=_TEXT, name=_TEXT, severity=st.sampled_from(["info", "warning", "error"]), message=_TEXT,
       filename=_TEXT, location=_POS, end=_POS, fix=_FIX, url=st.none() | _TEXT, waiver=_WAIVER)
def test_encoded_is_json_dumps_indent_2(code: str, name: str, severity: str, message: str, filename: str,
                                        location: Position, end: Position, fix: ReportedFix | None,
                                        url: str | None, waiver: Waiver | None) -> None:
    result = Result(code, name, severity, message, filename, location, end, Span(0, 0), fix, url, "", "",
                    waiver=waiver)
    expected = json.dumps(result.as_json(), indent=2, ensure_ascii=False).replace("\n", "\n  ")
    assert _encoded(result) == expected
