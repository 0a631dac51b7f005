"""Drafts generated from grammars (YAML front matter, HTML trees), linted whole: no exception, no finding
outside the text, and an end in bounded time however the pieces nest."""

from __future__ import annotations

import datetime as dt
import time

from hypothesis import HealthCheck, given, settings, strategies as st

from factlint.testing import lint

#: Seconds of CPU one generated draft may take: generous for a shared machine, far below a hang.
CPU_SECONDS = 5.0

# -- YAML front matter ----------------------------------------------------------------------------

SCALARS = st.sampled_from([
    "2026-03-12", "2026-02-30", "next tuesday", "99999999999", "-1", "1e400", "0x1F", "~", "null", "yes", "''",
    '"é “quoted”"', "'it''s'", "CC BY-NC 4.0", "https://example.org/a.jpg", "Ann Bell / Reuters", ":", "|",
    "2026-03-12T25:61:00", "!!binary aGVsbG8=", "!!python/object:os.system x", "!custom x", "*missing", "&", "@",
])
ANCHORS = st.sampled_from(["a", "b", "c"])


def _flow(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    keys = st.sampled_from(["url", "credit", "license", "alt", "caption", "date", "<<", "? x", "k"])
    return st.one_of(
        st.lists(children, max_size=5).map(lambda items: "[" + ", ".join(items) + "]"),
        st.lists(st.tuples(keys, children), max_size=4).map(
            lambda pairs: "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"),
        st.tuples(ANCHORS, children).map(lambda t: f"&{t[0]} {t[1]}"),
        ANCHORS.map(lambda name: f"*{name}"),
    )


VALUES = st.recursive(SCALARS, _flow, max_leaves=40)
KEYS = st.sampled_from(["date", "title", "image", "images", "credit", "license", "author", "tags", "x-y", "date"])
ENTRIES = st.lists(st.tuples(KEYS, VALUES, st.sampled_from(["", "  ", "\t", "- "])), max_size=8).map(
    lambda entries: "".join(f"{indent}{key}: {value}\n" for key, value, indent in entries))
BODIES = st.sampled_from([
    "The council met on Tuesday.\n", '"We will not stop now, not after everything," she said.\n',
    "![Smoke](a.jpg)\n", "", "---\nmore: front\n---\n",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ENTRIES, BODIES, st.sampled_from(["---\n", "---\r\n", "--- \n"]), st.booleans())
def test_generated_front_matter_is_read_or_reported(entries, body, opener, closed):
    text = opener + entries + ("---\n" if closed else "") + body
    began = time.process_time()
    results = lint(text, format="markdown", reference_date=None)
    assert time.process_time() - began < CPU_SECONDS
    rows = text.count("\n") + 1
    for result in results:
        assert 0 <= result.span.start <= result.span.end <= len(text)
        assert 1 <= result.row <= result.end_row <= rows
        if result.code == "FL003":  # a front matter problem is reported inside the front matter
            assert result.row <= text[: text.find("---", 3) + 3 if closed else len(text)].count("\n") + 1


# -- HTML trees -----------------------------------------------------------------------------------

TEXTS = st.sampled_from([
    "The minister said yesterday", "on Tuesday, March 10, 2026", '"We will not stop now, not after everything"',
    " she said.", "Photo: Ann Bell / Reuters", "&amp;", "&#8217;", "&bogus;", "<", "é", "", "Zelenskyy",
])
ELEMENTS = st.sampled_from(["article", "body", "p", "h1", "h2", "blockquote", "li", "ul", "figure", "figcaption",
                            "div", "span", "em", "a", "script", "style", "template", "code", "table", "td"])
ATTRIBUTES = st.sampled_from(["", " class=x", " href='https://example.org/?a=1&amp;b=2'", " data-credit='AP'",
                              " data-license=\"CC BY 4.0\"", " alt", " hidden", " style='display:none'"])


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(ELEMENTS, ATTRIBUTES, st.lists(children, max_size=4), st.booleans()).map(
        lambda t: f"<{t[0]}{t[1]}>" + "".join(t[2]) + (f"</{t[0]}>" if t[3] else ""))


IMAGES = st.tuples(ATTRIBUTES, st.sampled_from(["", " alt='Smoke over the port'", " title='x'"])).map(
    lambda t: f"<img src=a.jpg{t[0]}{t[1]}>")
TREES = st.recursive(TEXTS | IMAGES | st.just("<!-- c -->") | st.just("<br>"), _element, max_leaves=60)
META = st.sampled_from(["", "<meta property='article:published_time' content='2026-03-12T09:00:00Z'>",
                        "<meta name='date' content='not a date'>"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(META, TREES, st.none() | st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31)))
def test_generated_html_is_read_with_every_finding_inside_it(meta, tree, date):
    text = f"<html><head>{meta}</head>{tree}</html>\n"
    began = time.process_time()
    results = lint(text, format="html", reference_date=date)
    assert time.process_time() - began < CPU_SECONDS
    lines = text.split("\n")
    for result in results:
        assert 0 <= result.span.start <= result.span.end <= len(text)
        assert 1 <= result.row <= len(lines)
        assert 1 <= result.column <= len(lines[result.row - 1]) + 1
        if result.fix:
            for edit in result.fix.edits:
                assert 0 <= edit.span.start <= edit.span.end <= len(text)
