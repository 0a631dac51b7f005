"""Quotes family (QUO): unattributed quotations, unbalanced marks, mismatched mark styles."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Sequence

from factlint import compiled, lazy
from factlint.checks.common import abbreviations, irregular_verbs
from factlint.document import LIST_ITEM, PARAGRAPH, SUBHEADING, Block, Document, Span
from factlint.errors import UsageError
from factlint.plugins import hookimpl
from factlint.language.marks import CURLY, DOUBLE, PARTNERS, SINGLE, STRAIGHT
from factlint.rules import SAFE, Context, Edit, Finding, Fix, Rule, rule

if TYPE_CHECKING:
    from factlint.language import attribution
    from factlint.language import quotations as qt
    from factlint.language.quotations import Passage, Quotation, QuotationScan
else:  # imported when a check first reads them: a run the result cache answers never does
    attribution = lazy.module("factlint.language.attribution", __name__, "attribution")
    qt = lazy.module("factlint.language.quotations", __name__, "qt")

PACK_SCHEMAS: dict[str, Any] = {
    "quote-elisions": {"elisions": [str]},
    "speech-verbs": {
        "?lemmas": [str],
        "?views": [str],
        "?addressed": [str],
        "?not-forms": [str],
        "?verbs": [{"verb": str, "forms": [str]}],
        "?phrasal": [str],
        "?phrases": [str],
        "?frames": [str],
    },
    "quote-sources": {
        "pronouns": [str],
        "nouns": [str],
        "?bodies": [str],
        "not-names": [str],
        "abbreviations": [str],
        "passive": [str],
        "?negations": [str],
        "title-cues": [str],
        "?documents": [str],
        "?fronted": [str],
        "?collection-cues": [str],
    },
}
STYLES = ("dominant", CURLY, STRAIGHT)
SETTINGS_SCHEMAS: dict[str, Any] = {"quotes": {"?min-words": int, "?style": STYLES}}
DEFAULT_MIN_WORDS = 6
#: The marks of each house style, by family: (opening, closing).
STYLE_MARKS = {
    (CURLY, DOUBLE): ("“", "”"),
    (CURLY, SINGLE): ("‘", "’"),
    (STRAIGHT, DOUBLE): ('"', '"'),
    (STRAIGHT, SINGLE): ("'", "'"),
}
#: Opening marks of other languages' styles, and what the messages call them.
FOREIGN = {"«": "guillemets", "„": "low-high marks", "‹": "single guillemets", "‚": "low-high single marks"}
SOURCE = "AP Stylebook, \"quotation marks\" and \"said\"; Reuters Handbook of Journalism, attribution"


@compiled.dataclass(frozen=True)
class _Paragraph:
    """A body block with its quotation marks paired."""

    index: int  # in document.blocks
    block: Block
    scan: QuotationScan
    source: str  # the whole draft, to see how a mark is written (an entity, an escape)


def _body(document: Document, context: Context) -> tuple[_Paragraph, ...]:
    """The draft's body blocks with their quotation marks paired, once for the three QUO rules."""
    def compute() -> tuple[_Paragraph, ...]:
        elisions = context.packs.get_or_empty("quote-elisions").get("elisions")
        return tuple(
            _Paragraph(i, b, qt.scan_quotations(b.prose, elisions), document.source)
            for i, b in enumerate(document.blocks)
            if b.kind in (PARAGRAPH, LIST_ITEM)
        )

    return context.shared(("quotes", "body"), compute)


def _runs(paragraphs: Sequence[_Paragraph]) -> Iterator[list[_Paragraph]]:
    """Runs of body blocks that follow one another in the draft, where a quotation may continue."""
    run: list[_Paragraph] = []
    for p in paragraphs:
        if run and p.index != run[-1].index + 1:
            yield run
            run = []
        run.append(p)
    if run:
        yield run


def _passages(paragraphs: Sequence[_Paragraph]) -> Iterator[tuple[list[_Paragraph], Passage]]:
    for run in _runs(paragraphs):
        for passage in qt.passages([p.scan for p in run]):
            yield run, passage


def _min_words(context: Context) -> int:
    value = context.setting("quotes", "min-words", DEFAULT_MIN_WORDS)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise UsageError(f"quotes.min-words must be a whole number of at least 1, not {value!r}")
    return value


def _mark_span(paragraph: _Paragraph, offset: int) -> Span:
    return paragraph.block.span(offset, offset + 1)


def _excerpt(text: str, quotation: Quotation, words: int = 6) -> str:
    inner = text[quotation.inner_start : quotation.inner_end].split()
    shown = " ".join(inner[:words]).rstrip(",;:")
    return shown + ("…" if len(inner) > words else "")


# QUO001 ---------------------------------------------------------------------------


@rule(
    code="QUO001",
    name="unattributed-quote",
    severity="error",
    summary="A direct quotation with no attribution: nobody is said to have said it.",
    explanation=(
        "A direct quotation (text between quotation marks, at least `quotes.min-words` words, "
        "default 6) must say who spoke. factlint decides a speaker for each quotation, with a reason "
        "(factlint/language/attribution.py): a speech verb of the `speech-verbs` lexicon (lemmas, every "
        "form generated) tied to a source (a name, a pronoun, a noun such as \"a spokesperson\") in its "
        "sentence or the sentence next to it; a reporting frame (per X, X reports, what X calls, as X put "
        "it, in X's words, in a statement); a colon after a source (\"Ushakov said:\", \"He went this "
        "far:\"), also ending the paragraph before; a speaker label or Q&A line; a dash and a name after "
        "it; a fronted participle or question clause (\"Calling the plan \"…\", the senator\"); a partial "
        "quotation of a document its sentence names (\"the minutes show \"…\"\"); the same speaker's "
        "quotation just before it in the paragraph, or closing the paragraph before; a paragraph before "
        "that names and paraphrases one person, or ends by reporting one person's words (\"Ruiz said the "
        "pier would reopen.\"); a heading over a collection of quotations. A quotation over several "
        "paragraphs is attributed once for all of them. Still reported: a bare quotation paragraph after "
        "narration, or after a paragraph that ends on the narrator's words (\"…,\" she said.), a "
        "quotation after another source's words or after an organisation's paraphrase, and one whose form "
        "says its attribution was cut (\"…,\" and nothing after it; a lower-case fragment opening its "
        "sentence), which only its own sentence can attribute. Titles of works, headlines and scare "
        "quotes are not direct quotations."
    ),
    example='"Nobody in this chamber got everything they wanted, and that is a compromise."',
    near_miss='"Nobody in this chamber got everything they wanted," said council member Ana Ruiz.',
    source=SOURCE,
    example_format="markdown",
)
def unattributed_quote(document: Document, context: Context) -> Iterator[Finding]:
    paragraphs = _body(document, context)
    for judgement in judgements(document, context):
        if judgement.speaker.attributed:
            continue
        paragraph = paragraphs[judgement.paragraph]
        yield unattributed_quote.finding(
            _mark_span(paragraph, judgement.quotation.start),
            f"quotation \"{_excerpt(paragraph.block.text, judgement.quotation)}\" is not attributed: say who said it",
        )


def explained(document: Document, context: Context) -> list[tuple[Span, str, attribution.Speaker]]:
    """Every direct quotation of the body as QUO001 judged it: the span of its opening mark, its first
    words, and its speaker with the reason (what `factlint explain` prints)."""
    paragraphs = _body(document, context)
    return [
        (_mark_span(paragraphs[j.paragraph], j.quotation.start), _excerpt(paragraphs[j.paragraph].block.text, j.quotation),
         j.speaker)
        for j in judgements(document, context)
    ]


def vocabulary(context: Context) -> attribution.Vocabulary:
    """The attribution vocabulary of the run's packs, built once per loaded set."""
    return context.packs.derived("quotes", lambda packs: attribution.Vocabulary.from_packs(
        packs.get_or_empty("speech-verbs"), packs.get_or_empty("quote-sources"), abbreviations(context),
        irregular_verbs(context)))


def judgements(document: Document, context: Context) -> list[attribution.Judgement]:
    """Who says each direct quotation of the draft's body, and why (QUO001 and `factlint explain` read it)."""
    def compute() -> list[attribution.Judgement]:
        paragraphs = _body(document, context)
        headings = {i: b.text for i, b in enumerate(document.blocks) if b.kind == SUBHEADING}
        given = [attribution.Paragraph(p.index, p.scan, headings.get(p.index - 1)) for p in paragraphs]
        return attribution.attribute(given, vocabulary(context), _min_words(context))

    return context.shared(("quotes", "judgements"), compute)


def _opens(paragraph: _Paragraph, quotation: Quotation) -> bool:
    return paragraph.scan.text[: quotation.start].strip() == ""


# QUO002 ---------------------------------------------------------------------------


@rule(
    code="QUO002",
    name="unbalanced-quotes",
    severity="error",
    summary="A quotation mark that opens and never closes in its paragraph, or closes with nothing open.",
    explanation=(
        "Every opening quotation mark needs its closing mark in the same paragraph. The one "
        "exception is a quotation running over several paragraphs: each paragraph opens it "
        "again and only the last one closes it. Apostrophes (union's, rock 'n' roll, '90s) and "
        "inch marks (6'2\") are not quotation marks."
    ),
    example='Analysts called the delay "prudent but overdue in a note to clients.',
    near_miss='Analysts called the delay "prudent but overdue" in a note to clients.',
    source=SOURCE,
    example_format="markdown",
)
def unbalanced_quotes(document: Document, context: Context) -> Iterator[Finding]:
    paragraphs = _body(document, context)
    for run, passage in _passages(paragraphs):
        k, last = passage.last
        if last.closed or not _reportable_unclosed(run[k].scan, last):
            continue
        yield unbalanced_quotes.finding(
            _mark_span(run[k], last.start),
            f"opening quotation mark {last.open_mark} never closes in its paragraph",
        )
    for paragraph in paragraphs:
        for q in paragraph.scan.quotations:
            if q.depth > 0 and not q.closed and _reportable_unclosed(paragraph.scan, q):
                yield unbalanced_quotes.finding(
                    _mark_span(paragraph, q.start),
                    f"opening quotation mark {q.open_mark} never closes in its paragraph",
                )
        for stray in paragraph.scan.stray:
            yield unbalanced_quotes.finding(
                _mark_span(paragraph, stray.offset),
                f"closing quotation mark {stray.mark} has no opening mark before it",
            )


def _reportable_unclosed(scan: QuotationScan, quotation: Quotation) -> bool:
    """Single marks are often apostrophes; an unclosed one counts only with no possible closing mark after it."""
    if quotation.family == DOUBLE:
        return True
    rest = scan.text[quotation.start + 1 :]
    return not any(c in "'’‘›" for c in rest)


# QUO003 ---------------------------------------------------------------------------


@rule(
    code="QUO003",
    name="mismatched-quote-marks",
    severity="warning",
    fix=SAFE,
    summary="A quotation whose two marks differ in style, or differ from the draft's dominant (or house) style.",
    explanation=(
        "A straight opening mark with a curly closing one (\"…”), or the reverse, is the commonest "
        "typographic slip in wire copy. So is one quotation in straight marks in a draft set in "
        "curly ones. The fix sets both marks to the house style: `quotes.style` is `curly`, "
        "`straight`, or `dominant` (the default: the style most marks of the draft use; at a tie, "
        "the style of the draft's apostrophes, then curly). Guillemets («…») and low-high marks "
        "(„…“) are reported with a fix to that style when the draft quotes mostly in straight or "
        "curly marks, or when `quotes.style` is set; the fix also sets a quotation nested inside "
        "one (“…” within «…») to the house style's single marks. In a draft that quotes mostly "
        "in guillemets or low-high marks they are its own style and are only checked for a "
        "matching pair."
    ),
    example='"The talks were frank and constructive,” Ushakov said.',
    near_miss='“The talks were frank and constructive,” Ushakov said.',
    source=SOURCE,
    example_format="markdown",
)
def mismatched_quote_marks(document: Document, context: Context) -> Iterator[Finding]:
    paragraphs = _body(document, context)
    house = _house_style(document, paragraphs, context)
    foreign = _foreign_reported(paragraphs, context)
    for paragraph in paragraphs:
        converted: list[Quotation] = []  # foreign pairs reported, whose fix also sets the quotations inside
        for q in paragraph.scan.quotations:
            if q.close_mark is None or any(o.contains(q.start) for o in converted):
                continue
            if foreign and q.open_mark in FOREIGN and q.well_formed:
                converted.append(q)
                yield _foreign_finding(paragraph, q, house)
                continue
            finding = _style_finding(paragraph, q, house)
            if finding is not None:
                yield finding
    for run, passage in _passages(paragraphs):
        if passage.closed:
            for k, q in passage.parts[:-1]:
                finding = _continued_finding(run[k], q, house, foreign)
                if finding is not None:
                    yield finding


def _foreign_reported(paragraphs: Sequence[_Paragraph], context: Context) -> bool:
    """Whether guillemets and low-high marks are out of style here: a house style is set, or English marks dominate.

    A draft quoting mostly in guillemets («…», French) or low-high marks
    („…“, German) keeps them: that is its own dominant style.
    """
    if context.setting("quotes", "style", "dominant") != "dominant":
        return True
    counts: Counter[bool] = Counter(
        q.open_mark in FOREIGN
        for p in paragraphs
        for q in p.scan.quotations
        if q.depth == 0 and q.closed and (q.open_mark in FOREIGN or qt.style_of(q.open_mark) is not None)
    )
    return counts[False] > counts[True]


def _foreign_finding(paragraph: _Paragraph, q: Quotation, house: tuple[str, str]) -> Finding:
    """«…» in a draft set in “…”: both marks to the house style, and the quotations inside it one level down.

    Nested in a quotation («…» inside “…”), the pair takes the house's marks
    for its level: single inside double, double inside single.
    """
    assert q.end is not None and q.close_mark is not None
    style, origin = house
    family = q.family if q.depth == 0 else (SINGLE if q.depth % 2 else DOUBLE)
    want = STYLE_MARKS[(style, family)]
    marks = []
    if family == DOUBLE:
        # French nests “…” inside «…»; inside “…” the house nests ‘…’.
        inner = STYLE_MARKS[(style, SINGLE)]
        for nested in paragraph.scan.quotations:
            if nested.depth == q.depth + 1 and nested.end is not None and q.contains(nested.start, nested.end):
                marks += [(nested.start, inner[0]), (nested.end - 1, inner[1])]
    edits = [_spaced_edit(paragraph, q, True, want[0])]
    edits += [_mark_edit(paragraph, offset, mark) for offset, mark in sorted(marks)]
    edits.append(_spaced_edit(paragraph, q, False, want[1]))
    message = (f"quotation uses {FOREIGN[q.open_mark]} ({q.open_mark}…{q.close_mark}); "
               f"the {origin} is {style} ({want[0]}…{want[1]})")
    fix = Fix(SAFE, f"Use {want[0]}…{want[1]}", tuple(edits))
    return mismatched_quote_marks.finding(_mark_span(paragraph, q.start), message, fix)


def _house_style(document: Document, paragraphs: Sequence[_Paragraph], context: Context) -> tuple[str, str]:
    """(style, where it comes from): the configured style, else the draft's dominant one."""
    style = context.setting("quotes", "style", "dominant")
    if style not in STYLES:
        raise UsageError(f"quotes.style must be one of {', '.join(STYLES)}, not {style!r}")
    if style != "dominant":
        return style, "house style"
    marks: Counter[str] = Counter()
    for paragraph in paragraphs:
        for q in paragraph.scan.quotations:
            marks.update(s for s in (qt.style_of(q.open_mark), qt.style_of(q.close_mark or "")) if s)
    if marks[CURLY] == marks[STRAIGHT]:
        # A tie between the marks: the apostrophes show how the draft was typed.
        text = "".join(b.prose for b in document.blocks)
        apostrophes = Counter(
            CURLY if c == "’" else STRAIGHT
            for i, c in enumerate(text)
            if c in "'’" and 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()
        )
        marks.update(apostrophes)
    return (STRAIGHT if marks[STRAIGHT] > marks[CURLY] else CURLY), "dominant style"


def _style_finding(paragraph: _Paragraph, q: Quotation, house: tuple[str, str]) -> Finding | None:
    assert q.close_mark is not None and q.end is not None
    style, origin = house
    opening, closing = qt.style_of(q.open_mark), qt.style_of(q.close_mark)
    if opening is None and q.open_mark in PARTNERS:
        # Guillemets and low marks: a language's own style, checked only for its pair.
        if q.close_mark in PARTNERS[q.open_mark]:
            return None
        return _finding(paragraph, q, (q.open_mark, PARTNERS[q.open_mark][0]),
                        f"quotation opens with {q.open_mark} and closes with {q.close_mark}")
    if opening is None:
        return None
    want = STYLE_MARKS[(style, q.family)]
    if closing is None:
        return _finding(paragraph, q, want, f"quotation opens with {q.open_mark} and closes with {q.close_mark}")
    if not q.well_formed:
        kind = {STRAIGHT: "a straight", CURLY: "a curly"}
        if opening != closing:
            message = f"quotation opens with {kind[opening]} mark ({q.open_mark}) and closes with {kind[closing]} one ({q.close_mark})"
        else:
            message = f"quotation marks {q.open_mark}…{q.close_mark} are turned the wrong way"
        return _finding(paragraph, q, want, message)
    if opening != style:
        return _finding(paragraph, q, want,
                        f"quotation uses {opening} marks ({q.open_mark}…{q.close_mark}); the {origin} is {style} ({want[0]}…{want[1]})")
    return None


#: French sets a space inside guillemets (« Oui »); English marks hug their words.
_INNER_SPACES = " \u00a0\u202f\u2009"


def _spaced_edit(paragraph: _Paragraph, q: Quotation, opening: bool, mark: str) -> Edit:
    """Set a guillemet to `mark`, taking with it the spaces French typography puts inside the pair."""
    assert q.end is not None
    text = paragraph.block.text
    offset = q.start if opening else q.end - 1
    start, end = offset, offset + 1
    if not text[q.inner_start : q.inner_end].strip(_INNER_SPACES):
        pass  # nothing but spaces inside: the two edits would meet
    elif opening:
        while end < q.inner_end and text[end] in _INNER_SPACES:
            end += 1
    else:
        while start > q.inner_start and text[start - 1] in _INNER_SPACES:
            start -= 1
    edit = _mark_edit(paragraph, offset, mark)
    if end - start == 1:
        return edit
    span = paragraph.block.span(start, end)
    if "\n" in paragraph.source[span.start : span.end]:
        return edit  # a line break stands there in the file (a space in the text): it stays
    return Edit(span, edit.content)


def _continued_finding(paragraph: _Paragraph, q: Quotation, house: tuple[str, str], foreign: bool) -> Finding | None:
    """The opening mark of a paragraph a quotation runs on from: it has no closing mark to pair with."""
    style, origin = house
    opening = qt.style_of(q.open_mark)
    reported = opening is not None or (foreign and q.open_mark in FOREIGN)
    want = STYLE_MARKS[(style, q.family)][0] if reported else None
    if want is None or q.open_mark == want:
        return None
    if opening is None:
        kind = FOREIGN[q.open_mark]
        message = f"opening quotation mark {q.open_mark} belongs to {kind}; the {origin} is {style} ({want})"
    elif opening == style:
        message = f"opening quotation mark {q.open_mark} is turned the wrong way"
    else:
        message = f"opening quotation mark {q.open_mark} is {opening}; the {origin} is {style} ({want})"
    fix = Fix(SAFE, f"Use {want}", (_mark_edit(paragraph, q.start, want),))
    return mismatched_quote_marks.finding(_mark_span(paragraph, q.start), message, fix)


def _mark_edit(paragraph: _Paragraph, offset: int, mark: str) -> Edit:
    """Set one mark, written the way the draft writes its marks (an HTML entity stays an entity)."""
    span = _mark_span(paragraph, offset)
    written = paragraph.source[span.start : span.end]
    if paragraph.block.text[offset] == mark:
        return Edit(span, written)  # already right: the pair's fix keeps it as it is
    if written.startswith("&"):
        from html.entities import codepoint2name

        name = codepoint2name.get(ord(mark))
        return Edit(span, f"&{name};" if name else f"&#{ord(mark)};")
    if written.startswith("\\") and mark in "\"'":
        return Edit(span, "\\" + mark)  # a Markdown escape stays escaped
    return Edit(span, mark)


def _finding(paragraph: _Paragraph, q: Quotation, marks: tuple[str, str], message: str) -> Finding:
    assert q.end is not None
    fix = Fix(
        SAFE,
        f"Use {marks[0]}…{marks[1]}",
        (
            _mark_edit(paragraph, q.start, marks[0]),
            _mark_edit(paragraph, q.end - 1, marks[1]),
        ),
    )
    return mismatched_quote_marks.finding(_mark_span(paragraph, q.start), message, fix)


# Hooks ----------------------------------------------------------------------------


@hookimpl
def factlint_rules() -> Sequence[Rule]:
    return [unattributed_quote, unbalanced_quotes, mismatched_quote_marks]


@hookimpl
def factlint_pack_schemas() -> Mapping[str, Any]:
    return PACK_SCHEMAS


@hookimpl
def factlint_settings_schemas() -> Mapping[str, Any]:
    return SETTINGS_SCHEMAS
