"""Turns fetched corpora of published news into factlint drafts with gold annotations, to measure rules on real copy.

    python benchmarks/devset.py OUT_DIR [--polnear DIR] [--tempeval DIR] [--meantime DIR] [--wikinews FILE]

Nothing here downloads anything and no corpus text belongs in this repository:
fetch a corpus yourself, keep it outside the checkout, and point this script at
it. Each source option takes the root of an unpacked copy of that corpus:

- ``--polnear DIR``: the PolNeAR corpus (political news, 2016, with gold
  attribution relations in brat standoff: source, cue, content); ``DIR`` holds
  ``data/metadata.tsv`` and ``data/<part>/text`` and ``data/<part>/attributions``.
- ``--tempeval DIR``: the TempEval-3 English data (TimeML ``.tml`` wire and
  newspaper stories); ``DIR`` holds ``Training/TBAQ-cleaned`` (TimeBank and
  AQUAINT, gold TIMEX3), ``Evaluation/te3-platinum`` (gold TIMEX3) and
  ``Training/TE3-Silver-data-*`` (TIMEX3 by a tagger: "silver").
- ``--meantime DIR``: the MEANTIME corpus (Wikinews articles with gold TIMEX3),
  English CAT XML files anywhere under ``DIR``.
- ``--wikinews FILE``: Wikinews articles as JSON Lines with ``title``, ``date``
  (YYYY-MM-DD) and ``text`` (paragraphs separated by blank lines), and
  optionally ``id`` and ``url``; or a CSV scraped from the rendered site with
  the columns ``url,date,title,text`` (as in the CC BY 2.5 collection
  github.com/vanatteveldt/wikinews, ``data/wikinews_2019.csv``; the option may
  be given once per file). From a CSV, what the scrape kept of the page but is
  no running text goes: the dateline, image captions ("… Image: Name."),
  pull-quote signatures whose quotation the scrape lost, map legends, label
  fragments of six words or fewer with no sentence end, and everything from
  "Have an opinion on this story?" or "Sources" on; interviews (five or more
  "((WN))"-style speaker tags) and articles under 150 words are skipped.

It writes, under OUT_DIR:

- ``articles/<source>/<id>.md``: one Markdown draft per article, YAML front
  matter with ``title`` and ``date`` (the publication date, so the DAT rules
  have a reference date), then the body, paragraph by paragraph, with the
  original punctuation and quotation marks (a line that Markdown would read as
  a heading, list item, quotation block or code gets a backslash or loses its
  indentation, and nothing else changes).
- ``gold/articles.jsonl``: one line per draft (source, id, date, publisher,
  licence, paragraphs, words).
- ``gold/quotations.jsonl``: every direct quotation (a pair of double marks,
  at least six words, or an opening mark left open to the paragraph's end) in
  a draft with attribution gold, with whether the gold attributes it
  (``attributed``: true, false) and to whom (``speaker``, the gold source's
  text and span, and the cue's).
- ``gold/timex.jsonl``: every TIMEX3 of type DATE whose text names a weekday,
  with the date the annotation resolves it to (``date``), whether it is a bare
  weekday (nothing but the weekday and a part of day), whether it sits inside
  a quotation, and whether the annotation is ``gold`` or ``silver``.

Every span is given twice: ``start``/``end`` as code point offsets into the
draft file's text (front matter included), and ``row``/``column`` and
``end_row``/``end_column`` 1-based, in code points, counted the way factlint's
JSON reports them, so a finding matches a gold span by its location.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import html
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
BARE_WEEKDAY_RE = re.compile(
    r"^(?:on\s+)?(" + "|".join(WEEKDAYS) + r")(?:'s)?(?:\s+(?:morning|afternoon|evening|night))?$",
    re.IGNORECASE,
)
MIN_WORDS = 6
LICENCES = {
    "polnear": "news publishers' copyright; distributed by the PolNeAR authors for research",
    "timebank": "TimeBank/TempEval-3 research distribution (wire and newspaper copyright)",
    "aquaint": "AQUAINT TimeML/TempEval-3 research distribution (wire copyright)",
    "platinum": "TempEval-3 platinum test set, research distribution",
    "silver": "TempEval-3 silver data (Gigaword wire), research distribution",
    "meantime": "Wikinews, CC BY 2.5",
    "wikinews": "Wikinews, CC BY 2.5",
}
# A line Markdown would not read as prose: a heading, list item, block quotation,
# thematic break, table row, or an HTML block.
#: A line that Markdown would read as something other than a paragraph's text. A "<" only when it opens
#: an HTML block (CommonMark §4.6): a block-level tag, a comment or declaration, or a tag alone on its
#: line; "<tweet author=…>text</tweet>" inside a line is inline HTML, whose attributes are not prose.
_HTML_BLOCK = (r"<(?:(?:script|pre|style|textarea)[\s>]|!--|\?|![A-Za-z]|!\[CDATA\[|/?(?:address|article|aside|"
               r"blockquote|body|details|dialog|div|dl|fieldset|figcaption|figure|footer|form|h[1-6]|head|header|"
               r"hr|html|iframe|legend|li|main|nav|ol|p|section|table|tbody|td|tfoot|th|thead|tr|ul)(?:[\s/>]|$)|"
               r"[^>]*>\s*$)")
BLOCK_START_RE = re.compile(r"^(?:#{1,6}(?:\s|$)|[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$)|>|={3,}\s*$|-{3,}\s*$|_{3,}\s*$|"
                            r"\*{3,}\s*$|\||" + _HTML_BLOCK + ")", re.I)


# --- building a draft while remembering where every character came from -----------------

@dataclass
class Draft:
    """A draft's text being built, with a map from source offsets to draft offsets."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    out_starts: list[int] = field(default_factory=list)
    src_starts: list[int] = field(default_factory=list)
    lengths: list[int] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def copy(self, text: str, src_start: int) -> None:
        """Append ``text``, which sits at ``src_start`` in the source."""
        if not text:
            return
        self.out_starts.append(self.length)
        self.src_starts.append(src_start)
        self.lengths.append(len(text))
        self.write(text)

    def to_draft(self, src: int) -> int | None:
        """The draft offset of source offset ``src`` (None if that character was dropped)."""
        i = bisect.bisect_right(self.src_starts, src) - 1
        if i < 0:
            return None
        delta = src - self.src_starts[i]
        if delta < self.lengths[i]:
            return self.out_starts[i] + delta
        return None

    def to_draft_end(self, src_end: int) -> int | None:
        """The draft offset just after source character ``src_end - 1``."""
        at = self.to_draft(src_end - 1)
        return None if at is None else at + 1

    def text(self) -> str:
        return "".join(self.parts)


def start_draft(title: str, date: str, extra: dict[str, str]) -> Draft:
    draft = Draft()
    draft.write("---\n")
    draft.write(f"title: {json.dumps(title, ensure_ascii=False)}\n")
    draft.write(f"date: {date}\n")
    for key, value in extra.items():
        draft.write(f"{key}: {json.dumps(value, ensure_ascii=False)}\n")
    draft.write("---\n")
    return draft


def add_paragraph(draft: Draft, source: str, start: int, end: int) -> None:
    """Copy source[start:end] as one paragraph, line by line, keeping every character of prose."""
    draft.write("\n")
    para_start = draft.length
    lines = source[start:end].split("\n")
    at = start
    for n, line in enumerate(lines):
        stripped = line.lstrip()
        lead = len(line) - len(stripped)
        stripped = stripped.rstrip()
        if n:
            draft.write("\n")
        if stripped:
            if BLOCK_START_RE.match(stripped):
                draft.write("\\")
            draft.copy(stripped, at + lead)
        at += len(line) + 1
    draft.paragraphs.append((para_start, draft.length))
    draft.write("\n")


def paragraph_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Spans of the non-blank paragraphs of text[start:end] (blank lines separate them)."""
    end = len(text) if end is None else end
    pos = start
    for m in re.finditer(r"\n[ \t\r\f\v]*\n", text[start:end]):
        a, b = pos, start + m.start()
        if text[a:b].strip():
            yield trim(text, a, b)
        pos = start + m.end()
    if text[pos:end].strip():
        yield trim(text, pos, end)


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


# --- rows and columns as factlint reports them -----------------------------------------------

@dataclass(frozen=True)
class Lines:
    """Row/column lookup for one draft's text."""

    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> "Lines":
        return cls(tuple([0] + [m.end() for m in re.finditer("\n", text)]))

    def position(self, offset: int) -> tuple[int, int]:
        row = bisect.bisect_right(self.starts, offset) - 1
        return row + 1, offset - self.starts[row] + 1


def span_record(lines: Lines, text: str, start: int, end: int) -> dict[str, object]:
    row, column = lines.position(start)
    end_row, end_column = lines.position(end)
    return {"start": start, "end": end, "row": row, "column": column,
            "end_row": end_row, "end_column": end_column, "text": text[start:end]}


# --- direct quotations in a draft ----------------------------------------------------------------

@dataclass(frozen=True)
class Quotation:
    start: int   # the opening mark
    end: int     # just after the closing mark, or the paragraph's end when left open
    closed: bool


def quotations(text: str, paragraphs: Iterable[tuple[int, int]]) -> list[Quotation]:
    """Direct quotations in double marks (straight or curly) with at least MIN_WORDS words."""
    found: list[Quotation] = []
    for a, b in paragraphs:
        open_at: int | None = None
        for i in range(a, b):
            ch = text[i]
            if ch == "\u201c" or (ch == '"' and open_at is None):
                open_at = i
            elif ch in "\u201d\"" and open_at is not None:
                found.append(Quotation(open_at, i + 1, True))
                open_at = None
        if open_at is not None:
            found.append(Quotation(open_at, b, False))
    return [q for q in found if len(text[q.start + 1:q.end - (1 if q.closed else 0)].split()) >= MIN_WORDS]


def inside_quotation(spans: list[Quotation], start: int) -> bool:
    return any(q.start < start < q.end for q in spans)


# --- writing ------------------------------------------------------------------------------------------

@dataclass
class Output:
    root: Path
    articles: list[dict[str, object]] = field(default_factory=list)
    quotes: list[dict[str, object]] = field(default_factory=list)
    timexes: list[dict[str, object]] = field(default_factory=list)
    #: every gold attribution relation of a draft, direct or reported, as its source and cue spans
    attributions: list[dict[str, object]] = field(default_factory=list)

    def save(self, source: str, ident: str, draft: Draft, meta: dict[str, object]) -> tuple[str, str]:
        rel = f"articles/{source}/{safe_name(ident)}.md"
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        text = draft.text()
        path.write_text(text, encoding="utf-8", newline="\n")
        words = sum(len(text[a:b].split()) for a, b in draft.paragraphs)
        self.articles.append({"draft": rel, "source": source, "id": ident, **meta,
                              "paragraphs": len(draft.paragraphs), "words": words})
        return rel, text

    def finish(self) -> None:
        gold = self.root / "gold"
        gold.mkdir(parents=True, exist_ok=True)
        for name, rows in (("articles", self.articles), ("quotations", self.quotes), ("timex", self.timexes),
                           ("attributions", self.attributions)):
            with open(gold / f"{name}.jsonl", "w", encoding="utf-8") as out:
                for row in rows:
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")


def safe_name(ident: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", ident).strip("-")[:120]


# --- PolNeAR: political news with gold attribution relations ----------------------------------

@dataclass(frozen=True)
class Relation:
    ident: str
    kind: str                       # Attribution or Attribution-no-source
    content: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...]


def read_brat(path: Path) -> list[Relation]:
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    events: list[tuple[str, dict[str, str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            label, _, ranges = cols[1].partition(" ")
            try:
                parsed = tuple((int(s), int(e)) for s, e in (r.split() for r in ranges.split(";")))
            except ValueError:
                continue
            spans[cols[0]] = (label, parsed)
        elif line.startswith("E") and len(cols) >= 2:
            args = dict(arg.split(":", 1) for arg in cols[1].split() if ":" in arg)
            events.append((cols[0], args))
    relations = []
    for ident, args in events:
        kind = "Attribution" if "Attribution" in args else "Attribution-no-source"

        def get(role: str) -> tuple[tuple[int, int], ...]:
            return spans[args[role]][1] if role in args and args[role] in spans else ()

        relations.append(Relation(ident, kind, get("Content"), get("Source"), get("Cue")))
    return relations


def convert_polnear(root: Path, out: Output) -> int:
    data = root / "data"
    meta: dict[str, dict[str, str]] = {}
    with open(data / "metadata.tsv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            meta[row["filename"]] = row
    count = 0
    for part in ("train", "dev", "test", "annotator-training"):
        text_dir, ann_dir = data / part / "text", data / part / "attributions"
        if not text_dir.is_dir():
            continue
        for path in sorted(text_dir.glob("*.txt")):
            name = path.stem
            anns = sorted(ann_dir.glob(f"{name}_*.ann"))
            if not anns:
                continue
            info = meta.get(name, {})
            date = info.get("publication_date") or name.split("_")[1]
            convert_polnear_article(path, anns[0], name, part, info, date, out)
            count += 1
    return count


def convert_polnear_article(path: Path, ann: Path, name: str, part: str, info: dict[str, str],
                            date: str, out: Output) -> None:
    source = path.read_text(encoding="utf-8")
    relations = read_brat(ann)
    discard = discarded(ann)
    paras = list(paragraph_spans(source))
    title = info.get("title") or source[paras[0][0]:paras[0][1]].rstrip(".")
    body = [(a, b) for a, b in paras[1:]   # the first paragraph is the headline, now in the front matter
            # the annotators' "discard": database scaffolding (ABSTRACT., FULL TEXT., photo credits)
            if not any(s <= a and b <= e for s, e in discard)]
    standfirst = standfirst_paragraphs(source, paras[1:], body, info.get("publisher", name.split("_")[0]))
    extra = {"publisher": info.get("publisher", name.split("_")[0])}
    if standfirst:
        extra["description"] = " ".join(" ".join(source[a:b].split()) for a, b in standfirst)
    draft = start_draft(title, date, extra)
    for a, b in body:
        if (a, b) not in standfirst:
            add_paragraph(draft, source, a, b)
    rel, text = out.save("polnear", name, draft, {
        "date": date, "publisher": info.get("publisher", ""), "part": part,
        "annotator": ann.stem.rsplit("_", 1)[-1], "licence": LICENCES["polnear"]})
    lines = Lines.of(text)
    for q in quotations(text, draft.paragraphs):
        out.quotes.append(polnear_quote_gold(rel, text, lines, draft, q, relations))
    for r in relations:
        spans = map_spans(draft, r.source) + map_spans(draft, r.cue)
        if spans:
            out.attributions.append({"draft": rel, "relation": r.ident, "spans": spans})


#: A wire dateline opening the story: "DES MOINES - ", "WASHINGTON (AP) — ".
DATELINE_RE = re.compile(r"^[A-Z][A-Z .,'’-]{2,}(?:\([A-Za-z. ]+\))?\s*[-–—]\s")


def standfirst_paragraphs(source: str, paras: list[tuple[int, int]],
                          body: list[tuple[int, int]], publisher: str = "") -> list[tuple[int, int]]:
    """The display copy under the headline that the page shows as a standfirst, not as the story.

    The newspaper archive marks it ("ABSTRACT." ... "FULL TEXT."); a wire story
    shows it by its layout: short paragraphs before the one that opens on the
    dateline. The Washington Post's archive text puts its dek, one short line
    in headline style ("Lack of attention to Democratic race hurting rivals
    Sanders, O'Malley."), right under the headline: 13 words at most, where its
    ledes run longer. A Markdown draft keeps such copy in the front matter.
    """
    texts = [source[a:b].strip() for a, b in paras]
    if "ABSTRACT." in texts and "FULL TEXT." in texts:
        first, last = texts.index("ABSTRACT."), texts.index("FULL TEXT.")
        return [p for p in paras[first + 1 : last] if p in body]
    if publisher == "wash-post" and body:
        a, b = body[0]
        dek = " ".join(source[a:b].split())
        if len(dek.split()) <= 13 and not re.search(r"[.!?]\s+\S", dek):
            return [body[0]]
    for k, (a, b) in enumerate(body[:3]):
        if DATELINE_RE.match(source[a:b]):
            return body[:k]
    return []


def discarded(ann: Path) -> list[tuple[int, int]]:
    spans = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 2 and cols[1].startswith("Discard "):
            for r in cols[1][len("Discard "):].split(";"):
                s, e = r.split()
                spans.append((int(s), int(e)))
    return spans


def map_spans(draft: Draft, spans: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    mapped = []
    for s, e in spans:
        a, b = draft.to_draft(s), draft.to_draft_end(e)
        if a is not None and b is not None and b > a:
            mapped.append((a, b))
    return mapped


def polnear_quote_gold(rel: str, text: str, lines: Lines, draft: Draft, q: Quotation,
                       relations: list[Relation]) -> dict[str, object]:
    inner = (q.start + 1, q.end - (1 if q.closed else 0))
    best: tuple[int, Relation | None] = (0, None)
    for r in relations:
        overlap = sum(max(0, min(b, inner[1]) - max(a, inner[0])) for a, b in map_spans(draft, r.content))
        if overlap > best[0]:
            best = (overlap, r)
    covered, relation = best
    row = {"draft": rel, **span_record(lines, text, q.start, q.end), "closed": q.closed}
    para = next(i for i, (a, b) in enumerate(draft.paragraphs) if a <= q.start < b)
    if relation is None or covered * 2 < inner[1] - inner[0]:
        row.update(attributed=False, relation=None, speaker=None, speaker_spans=[], cue=None, cue_spans=[])
        return row
    source_spans, cue_spans = map_spans(draft, relation.source), map_spans(draft, relation.cue)
    row.update(
        attributed=bool(source_spans),
        relation=relation.ident,
        speaker=" … ".join(text[a:b] for a, b in source_spans) or None,
        speaker_spans=source_spans,
        speaker_paragraph_offset=(paragraph_of(draft, source_spans[0][0]) - para) if source_spans else None,
        cue=" … ".join(text[a:b] for a, b in cue_spans) or None,
        cue_spans=cue_spans,
        content_spans=map_spans(draft, relation.content),
    )
    return row


def paragraph_of(draft: Draft, offset: int) -> int:
    for i, (a, b) in enumerate(draft.paragraphs):
        if offset < b:
            return i
    return len(draft.paragraphs) - 1


# --- TimeML (TempEval-3): wire stories with TIMEX3 -------------------------------------------------

TAG_RE = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>|&#?[A-Za-z0-9]+;|[^<&]+|[<&]")
ATTR_RE = re.compile(r'([A-Za-z_:]+)="([^"]*)"')


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    attrs: dict[str, str]


def read_timeml(raw: str) -> tuple[str, str, str, list[Timex]]:
    """(plain text of TEXT, creation date YYYY-MM-DD, title, TIMEX3 spans in the plain text)."""
    dct = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", raw, re.S)
    title = re.search(r"<TITLE>(.*?)</TITLE>", raw, re.S)
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if not dct or not body:
        raise ValueError("no DCT or TEXT")
    plain: list[str] = []
    length = 0
    timexes: list[Timex] = []
    open_timex: list[tuple[int, dict[str, str]]] = []
    for m in TAG_RE.finditer(body.group(1)):
        token = m.group(0)
        if m.group(2):
            if m.group(2) == "TIMEX3":
                if m.group(1):
                    if open_timex:
                        start, attrs = open_timex.pop()
                        timexes.append(Timex(start, length, attrs))
                elif not token.endswith("/>"):
                    open_timex.append((length, dict(ATTR_RE.findall(m.group(3)))))
            continue
        piece = html.unescape(token) if token.startswith("&") else token
        plain.append(piece)
        length += len(piece)
    title_text = re.sub(r"<[^>]+>", "", html.unescape(title.group(1))).strip() if title else ""
    return "".join(plain), dct.group(1), title_text, timexes


def convert_tempeval(root: Path, out: Output, silver_limit: int | None) -> Counter[str]:
    counts: Counter[str] = Counter()
    sets = [
        ("timebank", sorted((root / "Training/TBAQ-cleaned/TimeBank").glob("*.tml")), "gold"),
        ("aquaint", sorted((root / "Training/TBAQ-cleaned/AQUAINT").glob("*.tml")), "gold"),
        ("platinum", sorted((root / "Evaluation/te3-platinum").glob("*.tml")), "gold"),
        ("silver", sorted(root.glob("Training/TE3-Silver-data-*/*.tml")), "silver"),
    ]
    for source, paths, grade in sets:
        paths = [p for p in paths if not p.name.startswith("._")]  # a macOS archive's resource forks, no stories
        if source == "silver" and silver_limit is not None:
            paths = paths[:silver_limit]
        for path in paths:
            try:
                plain, date, title, timexes = read_timeml(path.read_text(encoding="utf-8", errors="replace"))
            except ValueError as err:
                print(f"skipped {path}: {err}", file=sys.stderr)
                continue
            ident = path.name.removesuffix(".tml")
            paras = list(paragraph_spans(plain))
            if not paras:
                continue
            draft = start_draft(title or ident, date, {})
            for a, b in paras:
                add_paragraph(draft, plain, a, b)
            rel, text = out.save(source, ident, draft, {"date": date, "publisher": ident.split("_")[0][:3],
                                                        "licence": LICENCES[source], "timex": grade})
            add_timex_gold(out, rel, text, draft, timexes, date, grade)
            counts[source] += 1
    return counts


def add_timex_gold(out: Output, rel: str, text: str, draft: Draft, timexes: list[Timex],
                   reference: str, grade: str) -> None:
    lines = Lines.of(text)
    quotes = quotations_any_length(text, draft.paragraphs)
    for t in timexes:
        if t.attrs.get("type") != "DATE":
            continue
        a, b = draft.to_draft(t.start), draft.to_draft_end(t.end)
        if a is None or b is None:
            continue
        phrase = text[a:b]
        m = WEEKDAY_RE.search(phrase)
        if not m:
            continue
        value = t.attrs.get("value", "")
        day = value[:10] if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value) else None
        w_start = a + m.start()
        out.timexes.append({
            "draft": rel, **span_record(lines, text, w_start, a + m.end()),
            "timex": phrase, "value": value, "date": day, "reference_date": reference,
            "bare_weekday": bool(BARE_WEEKDAY_RE.match(phrase.strip())),
            "in_quote": inside_quotation(quotes, w_start), "annotation": grade,
        })


def quotations_any_length(text: str, paragraphs: list[tuple[int, int]]) -> list[Quotation]:
    """Every span inside double marks (any length), for telling whether a weekday is the speaker's."""
    spans = []
    for a, b in paragraphs:
        open_at = None
        for i in range(a, b):
            ch = text[i]
            if ch in "\u201c\u201d\"" or text.startswith("``", i) or text.startswith("''", i):
                opening = ch == "\u201c" or text.startswith("``", i) or (ch == '"' and open_at is None)
                if opening and open_at is None:
                    open_at = i
                elif not opening and open_at is not None:
                    spans.append(Quotation(open_at, i + 1, True))
                    open_at = None
        if open_at is not None:
            spans.append(Quotation(open_at, b, False))
    return spans


# --- MEANTIME: Wikinews with gold TIMEX3 (CAT XML) ---------------------------------------------------

def convert_meantime(root: Path, out: Output) -> int:
    """MEANTIME's English CAT XML: tokens with sentence numbers, TIMEX3 markables over token ids."""
    import xml.etree.ElementTree as ET

    count = 0
    for path in sorted(root.rglob("*.xml")):
        try:
            doc = ET.parse(path).getroot()
        except ET.ParseError:
            continue
        if doc.tag != "Document" or doc.get("lang", "en") not in ("en", "english"):
            continue
        tokens = [(t.get("t_id"), int(t.get("sentence", "0")), t.text or "") for t in doc.iter("token")]
        if not tokens:
            continue
        timex_tokens, timexes = meantime_timexes(doc)
        dct = next((x for x in timexes if x.get("functionInDocument") == "CREATION_TIME"), None)
        date = (dct or {}).get("value", "")[:10]
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            continue
        plain, token_at, para_breaks = meantime_plain(tokens)
        paras = [(a, b) for a, b in para_breaks]
        title = plain[paras[0][0]:paras[0][1]]
        ident = doc.get("doc_name", path.stem)
        draft = start_draft(title, date, {})
        for a, b in paras[1:]:
            add_paragraph(draft, plain, a, b)
        rel, text = out.save("meantime", ident, draft, {"date": date, "publisher": "wikinews",
                                                         "licence": LICENCES["meantime"], "timex": "gold"})
        spans = []
        for x, ids in zip(timexes, timex_tokens):
            positions = [token_at[i] for i in ids if i in token_at]
            if positions:
                spans.append(Timex(min(p[0] for p in positions), max(p[1] for p in positions), x))
        add_timex_gold(out, rel, text, draft, spans, date, "gold")
        count += 1
    return count


def meantime_timexes(doc: object) -> tuple[list[list[str]], list[dict[str, str]]]:
    ids, attrs = [], []
    for m in doc.iter("TIMEX3"):  # type: ignore[attr-defined]
        ids.append([a.get("t_id") for a in m.iter("token_anchor")])
        attrs.append({k: v for k, v in m.attrib.items()})
    return ids, attrs


NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "]", "%", "'s", "n't", "'", "\u2019s", "\u201d"}
NO_SPACE_AFTER = {"(", "[", "$", "\u201c"}


def meantime_plain(tokens: list[tuple[str | None, int, str]]) -> tuple[str, dict[str, tuple[int, int]], list[tuple[int, int]]]:
    """Rebuild running text from tokens: sentence 0 is the headline; a sentence per paragraph otherwise.

    The tokens keep the words and marks but not the spacing, so spacing is a guess (no space
    before closing punctuation; straight double marks alternate open and close)."""
    out: list[str] = []
    length = 0
    at: dict[str, tuple[int, int]] = {}
    paras: list[tuple[int, int]] = []
    current, para_start, prev, dq_open = None, 0, "", False
    for tid, sent, word in tokens:
        if sent != current:
            if current is not None:
                paras.append((para_start, length))
                out.append("\n\n")
                length += 2
            current, para_start, prev = sent, length, ""
        closing_dq = word == '"' and dq_open
        space = bool(prev) and word not in NO_SPACE_BEFORE and prev not in NO_SPACE_AFTER and not closing_dq \
            and not (prev == '"' and dq_open)
        if space:
            out.append(" ")
            length += 1
        if word == '"':
            dq_open = not dq_open
        if tid:
            at[tid] = (length, length + len(word))
        out.append(word)
        length += len(word)
        prev = word
    if current is not None:
        paras.append((para_start, length))
    return "".join(out), at, paras


# --- Wikinews as JSON Lines --------------------------------------------------------------------------

def convert_wikinews(paths: list[Path], out: Output, limit: int | None) -> int:
    count = 0
    for path in paths:
        items = wikinews_csv(path) if path.suffix.lower() == ".csv" else wikinews_jsonl(path)
        count += save_wikinews(items, out, None if limit is None else limit - count)
    return count


def wikinews_jsonl(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            item = json.loads(line)
            item.setdefault("id", str(n))
            yield item


#: What a scrape of the rendered page keeps that is no running text (see the module docstring).
_WN_DATELINE = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, [A-Z][a-z]+ \d{1,2}, \d{4}")
_WN_CAPTION = re.compile(r"\(?Image: .{1,100}$")
_WN_STOP = re.compile(r"(?:Have an opinion on this story\?|Sources?$|Related news$|External links?$)")
_WN_MIN_WORDS = 150


def wikinews_csv(path: Path) -> Iterator[dict]:
    """Articles of a scraped Wikinews CSV (url, date, title, text), cleaned of page furniture."""
    csv.field_size_limit(10 ** 9)
    stem = safe_name(path.stem)
    with open(path, encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.DictReader(f)):
            paragraphs = []
            for block in re.split(r"\n[ \t\u00a0]*\n", row.get("text", "").replace("\r\n", "\n")):
                p = " ".join(block.replace("\u00a0", " ").replace("\u200b", "").split())
                if _WN_STOP.match(p):
                    break
                if not p or _WN_DATELINE.fullmatch(p) or re.fullmatch(r"[\W_]+", p) or p.startswith("\u2588") \
                        or (p.startswith(("\u2014", "\u2013")) and len(p.split()) < 25) \
                        or (_WN_CAPTION.search(p) and len(p.split()) < 80) \
                        or (len(p.split()) <= 6 and not re.search(r"[.!?:\"\u201d]$", p)):
                    continue
                paragraphs.append(p)
            if sum(p.startswith("((") for p in paragraphs) >= 5 or sum(len(p.split()) for p in paragraphs) < _WN_MIN_WORDS:
                continue  # an interview transcript, or a stub
            yield {"id": f"{stem}-{n:04d}", "title": " ".join(row.get("title", "").split()), "date": row.get("date", ""),
                   "text": "\n\n".join(paragraphs), "url": row.get("url", "")}


def save_wikinews(items: Iterable[dict], out: Output, limit: int | None) -> int:
    count = 0
    for item in items:
        if limit is not None and count >= limit:
            break
        date, body = str(item.get("date", ""))[:10], item.get("text", "")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) or not body.strip():
            continue
        ident = str(item["id"])
        draft = start_draft(item.get("title", ident), date, {})
        for a, b in paragraph_spans(body):
            add_paragraph(draft, body, a, b)
        out.save("wikinews", ident, draft, {"date": date, "publisher": "wikinews",
                                            "licence": LICENCES["wikinews"], "url": item.get("url", "")})
        count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for articles/ and gold/ (created)")
    parser.add_argument("--polnear", type=Path, help="root of an unpacked PolNeAR copy")
    parser.add_argument("--tempeval", type=Path, help="root of the TempEval-3 data (Training/, Evaluation/)")
    parser.add_argument("--silver-limit", type=int, help="at most this many TempEval-3 silver stories")
    parser.add_argument("--meantime", type=Path, help="root of a MEANTIME copy (English CAT XML)")
    parser.add_argument("--wikinews", type=Path, action="append",
                        help="Wikinews articles as JSON Lines, or a scraped CSV (url,date,title,text); repeatable")
    parser.add_argument("--wikinews-limit", type=int)
    args = parser.parse_args(argv)
    if not any((args.polnear, args.tempeval, args.meantime, args.wikinews)):
        parser.error("give at least one corpus (--polnear, --tempeval, --meantime, --wikinews)")
    out = Output(args.out)
    counts: Counter[str] = Counter()
    if args.polnear:
        counts["polnear"] = convert_polnear(args.polnear, out)
    if args.tempeval:
        counts.update(convert_tempeval(args.tempeval, out, args.silver_limit))
    if args.meantime:
        counts["meantime"] = convert_meantime(args.meantime, out)
    if args.wikinews:
        counts["wikinews"] = convert_wikinews(args.wikinews, out, args.wikinews_limit)
    out.finish()
    total = sum(counts.values())
    print(f"{total} drafts: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print(f"gold: {len(out.quotes)} quotations ({sum(1 for q in out.quotes if q['attributed'])} attributed), "
          f"{len(out.timexes)} weekday TIMEX3 "
          f"({sum(1 for t in out.timexes if t['bare_weekday'] and t['annotation'] == 'gold')} bare, gold)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
