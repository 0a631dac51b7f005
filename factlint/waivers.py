"""Waivers: findings an editor signed off by name, kept in a YAML file and matched by fingerprint, never by row."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import os
import re
import unicodedata
from dataclasses import field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from factlint import compiled, lazy
from factlint.digests import sha256
from factlint.errors import UsageError
from factlint.rules import Finding
from factlint.spans import Span

if TYPE_CHECKING:
    from factlint.document import Block, Document
    from factlint.language import sentences
    from factlint.language.sentences import Abbreviations
else:  # imported when a draft's findings are first marked: a run the result cache answers never does
    sentences = lazy.module("factlint.language.sentences", __name__, "sentences")

#: The waivers file's name, next to the configuration (the `waivers` key moves it).
FILENAME = ".factlint-waivers.yaml"
#: What a rewrite puts first: a reader of a bare file learns what it is.
HEADER = (
    "# factlint waivers: findings an editor signed off, one entry a line, sorted.\n"
    "# Written by `factlint waive`; `factlint waivers` lists them, `factlint waivers --prune`\n"
    "# drops those whose finding is gone. Each matches by code, file and a fingerprint of\n"
    "# the flagged text and its sentence, never by row.\n"
)
#: The keys of one entry, in the order they are written.
KEYS = ("file", "code", "text", "reason", "by", "date", "expires", "fingerprint", "occurrence")
_REQUIRED = ("file", "code", "fingerprint", "reason", "by", "date")
#: The readable excerpt of the flagged text is cut here; matching uses the fingerprint.
TEXT_LIMIT = 60

# Quotation marks of every style, and apostrophes, are one mark to a fingerprint:
# a house-style fix ("…" to “…”) must not lose the waiver of its sentence.
_QUOTES = compiled.regex("[\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u300c\u300d\u300e\u300f\uff02\uff07`\u00b4]")
_SPACE = compiled.regex(r"\s+")


@compiled.dataclass(frozen=True)
class Waiver:
    """One signed-off finding: what it is (code, file, fingerprint), who waived it, why, until when."""

    file: str  # posix path relative to the waivers file's folder
    code: str
    fingerprint: str
    reason: str
    by: str
    date: dt.date
    occurrence: int = 0  # among findings of this code and file with the same fingerprint, in reading order
    text: str = ""  # the flagged text, shortened, for the reader of the file (not matched)
    expires: dt.date | None = None  # the waiver holds through this day
    line: int = field(default=0, compare=False)  # where it stands in the waivers file (0: not read from one)

    @property
    def key(self) -> tuple[str, str, str, int]:
        return (self.file, self.code, self.fingerprint, self.occurrence)

    def expired(self, today: dt.date) -> bool:
        return self.expires is not None and self.expires < today

    def sort_key(self) -> tuple:
        return (self.file, self.code, self.text, self.fingerprint, self.occurrence)


@compiled.dataclass(frozen=True)
class Waivers:
    """The entries of one waivers file, by the file they speak of."""

    path: Path
    entries: tuple[Waiver, ...] = ()
    _by_file: dict[str, tuple[Waiver, ...]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        grouped: dict[str, list[Waiver]] = {}
        for waiver in self.entries:
            grouped.setdefault(waiver.file, []).append(waiver)
        self._by_file.update({k: tuple(v) for k, v in grouped.items()})

    @property
    def root(self) -> Path:
        return self.path.parent

    def relative(self, path: Path) -> str:
        """The name a waiver gives `path`: relative to the waivers file's folder, with forward slashes."""
        resolved = os.path.realpath(path)
        return Path(os.path.relpath(resolved, os.path.realpath(self.root))).as_posix()

    def for_file(self, relative: str) -> tuple[Waiver, ...]:
        return self._by_file.get(relative, ())


# -- the fingerprint --------------------------------------------------------------


@functools.lru_cache(maxsize=4096)  # one sentence holds many findings: normalise it once, not once each
def normalise(text: str) -> str:
    """Text as a fingerprint reads it: NFC, one quotation mark for every style, whitespace runs as one space."""
    text = unicodedata.normalize("NFC", text)
    return _SPACE.sub(" ", _QUOTES.sub('"', text)).strip()


def sentence_bounds(text: str, packs: Any) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a block's text, as every rule sees them: the one splitter, the shared
    abbreviation list (rules/abbreviations.yaml) and the calendar's short month names."""
    return [(s.start, s.end) for s in sentences.split(text, _abbreviations(packs)[0])]


def legacy_sentence_bounds(text: str, packs: Any) -> list[tuple[int, int]]:
    """The sentences fingerprints of factlint 0.1 read: the calendar's abbreviations only, so "Det." ended one.

    Kept for one release so that waivers written by 0.1 still match; see LEGACY.
    """
    return [(s.start, s.end) for s in sentences.split(text, _abbreviations(packs)[1])]


#: The release whose fingerprints are still accepted (a waiver matched by one is "active (fingerprint of 0.1)"
#: and `factlint waivers --prune` rewrites it); the release after this one stops reading them.
LEGACY = "0.1"


def _abbreviations(packs: Any) -> tuple[Abbreviations, Abbreviations]:
    """(this release's, LEGACY's) abbreviations, built once per loaded set of packs."""
    derived = getattr(packs, "derived", None)
    return derived("waiver-abbreviations", _build_abbreviations) if derived else _build_abbreviations(packs)


def _build_abbreviations(packs: Any) -> tuple[Abbreviations, Abbreviations]:
    from factlint.language import dates

    calendar, relative = packs.get("calendar"), packs.get("relative-dates")
    shared = sentences.Abbreviations.from_pack(packs.get_or_empty("abbreviations"))
    return (dates.vocabulary(calendar, relative, shared).abbreviations,
            dates.vocabulary(calendar, relative).abbreviations)


def _text_offset(block: Block, offset: int) -> int:
    """The block text offset of source `offset` (the last character that starts at or before it)."""
    return block.map.text_offset(offset, len(block.text))


def _blocks(document: Document) -> Iterable[Block]:
    yield from document.blocks
    for media in document.media:
        for item in media.fields.values():
            if item.block is not None:
                yield item.block


class _Blocks:
    """A document's prose blocks by source range: the one holding an offset without scanning them all.

    Each finding of a large draft asks; scanning every block for each made
    fingerprinting n findings x m blocks. Sorted by start, with the furthest
    end reached so far, the search walks back only over blocks that may hold
    the offset, and picks what the scan picked: the narrowest, the first of equals.
    """

    def __init__(self, document: Document) -> None:
        ranges = []
        for order, block in enumerate(_blocks(document)):
            if not block.text:
                continue
            whole = block.span(0, len(block.text))
            ranges.append((whole.start, max(whole.end, whole.start + 1), whole.end - whole.start, order, block))
        ranges.sort(key=lambda r: r[0])
        self._ranges = ranges
        self._starts = [r[0] for r in ranges]
        self._reach = list(itertools.accumulate((r[1] for r in ranges), max))

    def at(self, offset: int) -> Block | None:
        """The narrowest prose block whose source range holds `offset`."""
        best: tuple[int, int, Block] | None = None
        i = bisect.bisect_right(self._starts, offset) - 1
        while i >= 0 and self._reach[i] > offset:
            _, stop, width, order, block = self._ranges[i]
            if offset < stop and (best is None or (width, order) < best[:2]):
                best = (width, order, block)
            i -= 1
        return best[2] if best else None


@functools.lru_cache(maxsize=256)
def _bounds_cached(text: str, packs: Any, legacy: bool) -> tuple[tuple[int, int], ...]:
    return tuple((legacy_sentence_bounds if legacy else sentence_bounds)(text, packs))


def _sentences_of(text: str, packs: Any, legacy: bool = False) -> Sequence[tuple[int, int]]:
    """A block's sentences, split once however many findings it holds (packs that cannot be hashed: each time)."""
    try:
        return _bounds_cached(text, packs, legacy)
    except TypeError:
        return (legacy_sentence_bounds if legacy else sentence_bounds)(text, packs)


def context_of(document: Document, span: Span, packs: Any, blocks: _Blocks | None = None,
               legacy: bool = False) -> str:
    """The sentence that holds the span, or for text outside prose (front matter, markup) its source lines."""
    return _contexts(document, span, packs, blocks or _Blocks(document), (legacy,))[0]


def _contexts(document: Document, span: Span, packs: Any, blocks: _Blocks,
              splitters: tuple[bool, ...]) -> list[str]:
    """`context_of` for each splitter (this release's, LEGACY's), the block and offset found once for all."""
    block = blocks.at(span.start)
    if block is None:
        source = document.source
        start = source.rfind("\n", 0, span.start) + 1
        end = source.find("\n", max(span.end, span.start))
        return [source[start : end if end != -1 else len(source)]] * len(splitters)
    at = _text_offset(block, span.start)
    out = []
    for legacy in splitters:
        bounds = _sentences_of(block.text, packs, legacy)
        start, end = sentences.span_at(bounds, at) if bounds else (0, 0)
        out.append(block.text[start:end] if start <= at < end else block.text)
    return out


def fingerprint(document: Document, span: Span, packs: Any, blocks: _Blocks | None = None) -> str:
    """16 hex digits of the normalised flagged text and its sentence: the same wherever the sentence moves."""
    return _fingerprints(document, span, packs, blocks or _Blocks(document), (False,))[0]


def legacy_fingerprint(document: Document, span: Span, packs: Any, blocks: _Blocks | None = None) -> str:
    """The fingerprint factlint LEGACY gave the same finding (it differs only where the sentences differ)."""
    return _fingerprints(document, span, packs, blocks or _Blocks(document), (True,))[0]


def _fingerprints(document: Document, span: Span, packs: Any, blocks: _Blocks,
                  splitters: tuple[bool, ...], flagged: str | None = None) -> list[str]:
    """The fingerprint of the span for each splitter; `flagged` is its normalised text when the caller has it."""
    if flagged is None:
        flagged = normalise(document.source[span.start : span.end])
    contexts = _contexts(document, span, packs, blocks, splitters)
    marks: dict[str, str] = {}  # the splitters almost always agree: the sentence is normalised once
    for context in contexts:
        if context not in marks:
            marks[context] = _digest(flagged, normalise(context))
    return [marks[context] for context in contexts]


@functools.lru_cache(maxsize=1024)
def _digest(flagged: str, context: str) -> str:
    """Hashed once per flagged text and sentence: one long line can hold thousands of the same finding."""
    digest = sha256()
    for part in (flagged, context):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()[:16]


def excerpt(document: Document, span: Span) -> str:
    """The flagged text as the waivers file shows it: one line, at most TEXT_LIMIT characters."""
    return _shortened(normalise(document.source[span.start : span.end]) if span.end > span.start else "")


def _shortened(text: str) -> str:
    return text if len(text) <= TEXT_LIMIT else text[: TEXT_LIMIT - 1].rstrip() + "…"


# -- applying waivers -------------------------------------------------------------


def marked(results: Sequence[Any], document: Document, packs: Any) -> list[Any]:
    """Each result with its fingerprint and occurrence (the order of `results` is reading order).

    A result whose LEGACY fingerprint differs also carries that one, with its
    own occurrence, so a waiver written by that release still finds it.
    """
    if not results:  # most drafts of a clean desk: no blocks to index
        return []
    seen: dict[tuple[str, str], int] = {}
    seen_legacy: dict[tuple[str, str], int] = {}
    out = []
    blocks = _Blocks(document)
    for result in results:
        # The flagged text, normalised once: both fingerprints and the excerpt read it.
        flagged = normalise(document.source[result.span.start : result.span.end])
        mark, old = _fingerprints(document, result.span, packs, blocks, (False, True), flagged)
        occurrence = seen.get((result.code, mark), 0)
        seen[(result.code, mark)] = occurrence + 1
        old_occurrence = seen_legacy.get((result.code, old), 0)
        seen_legacy[(result.code, old)] = old_occurrence + 1
        legacy = (old, old_occurrence) if (old, old_occurrence) != (mark, occurrence) else None
        out.append(_changed(result, fingerprint=mark, occurrence=occurrence, excerpt=_shortened(flagged),
                            legacy=legacy))
    return out


def match(waivers: Iterable[Waiver], results: Iterable[Any]) -> dict[Waiver, Any]:
    """Each waiver and the marked result it speaks for, or None when its finding is gone.

    A waiver matches by this release's fingerprint, else by the LEGACY one
    (`by_legacy(waiver, result)` tells which).
    """
    results = [r for r in results if r.fingerprint]
    by_key = {(r.code, r.fingerprint, r.occurrence): r for r in results}
    by_old = {(r.code, *r.legacy): r for r in results if getattr(r, "legacy", None)}
    return {w: by_key.get((w.code, w.fingerprint, w.occurrence)) or by_old.get((w.code, w.fingerprint, w.occurrence))
            for w in waivers}


def by_legacy(waiver: Waiver, result: Any) -> bool:
    """Whether `waiver` found `result` only by the LEGACY fingerprint (`factlint waivers --prune` rewrites it)."""
    return result is not None and (waiver.fingerprint, waiver.occurrence) != (result.fingerprint, result.occurrence)


def refreshed(waiver: Waiver, result: Any) -> Waiver:
    """The waiver with this release's fingerprint of the finding it matched."""
    return replace(waiver, fingerprint=result.fingerprint, occurrence=result.occurrence)


def apply(waivers: Sequence[Waiver], results: Sequence[Any], enabled: set[str],
          today: dt.date) -> tuple[list[Any], list[Finding]]:
    """Results with their waiver set where one holds, and FL004 for waivers stale or expired.

    A waiver of a rule that did not run on the file is not judged; an expired
    waiver hides nothing, and its FL004 stands at the finding it no longer hides.
    """
    matched = match((w for w in waivers if w.code in enabled), results)
    hold = {id(r): w for w, r in matched.items() if r is not None and not w.expired(today)}
    stale = []
    for waiver, result in matched.items():
        who = f"{waiver.code} by {waiver.by}" + (f" ({waiver.text})" if waiver.text else "")
        if result is None:
            stale.append(Finding("FL004", f"stale waiver: the finding of the waiver for {who} is gone; "
                                          "`factlint waivers --prune` removes it", Span(0, 0)))
        elif waiver.expired(today):
            stale.append(Finding("FL004", f"expired waiver: the waiver for {who} ran out on "
                                          f"{waiver.expires.isoformat()}; the finding is shown again", result.span))
    return [_changed(r, waiver=hold[id(r)]) if id(r) in hold else r for r in results], stale


def _changed(result: Any, **changes: Any) -> Any:
    """The result with `changes`: a Result copies itself cheaply, anything else goes through dataclasses.replace."""
    with_changes = getattr(result, "with_changes", None)
    return with_changes(**changes) if with_changes is not None else replace(result, **changes)


def waiver_for(result: Any, file: str, reason: str, by: str, date: dt.date,
               expires: dt.date | None = None) -> Waiver:
    """The waiver of one marked result (as `Session.lint_text` returns it); `file` as `Waivers.relative` names it."""
    if not result.fingerprint:
        raise UsageError(f"{result.code} findings cannot be waived: they are about the waivers themselves")
    return Waiver(file=file, code=result.code, fingerprint=result.fingerprint, reason=reason, by=by,
                  date=date, occurrence=result.occurrence, text=result.excerpt, expires=expires)


# -- the file ---------------------------------------------------------------------


def load(path: Path) -> Waivers:
    """The waivers of `path` (none when it does not exist); a malformed file is a UsageError naming its line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return Waivers(path)
    except (OSError, UnicodeDecodeError) as e:
        raise UsageError(f"{path}: cannot read the waivers file: {e}") from None
    from factlint import yamlfile  # PyYAML: only when there is a waivers file

    try:
        node, data = yamlfile.load(text)
    except yamlfile.YamlProblem as e:
        raise UsageError(f"{path}:{e.line}: the waivers file is not valid YAML: {e.problem}") from None
    if data is None:
        return Waivers(path)
    if not isinstance(data, list):
        raise UsageError(f"{path}:1: the waivers file must be a list of entries, one `- {{file: …, code: …}}` a line")
    entries, seen = [], set()
    for item, item_node in zip(data, node.value):
        waiver = _entry(item, item_node.start_mark.line + 1, path)
        if waiver.key not in seen:  # a merge of two branches that waived the same finding
            seen.add(waiver.key)
            entries.append(waiver)
    return Waivers(path, tuple(entries))


def _entry(item: Any, line: int, path: Path) -> Waiver:
    where = f"{path}:{line}"
    if not isinstance(item, dict):
        raise UsageError(f"{where}: a waiver must be a mapping with the keys {', '.join(_REQUIRED)}")
    unknown = sorted(str(k) for k in item if k not in KEYS)
    if unknown:
        raise UsageError(f"{where}: unknown key {unknown[0]!r} in a waiver (known: {', '.join(KEYS)})")
    missing = [k for k in _REQUIRED if item.get(k) in (None, "")]
    if missing:
        raise UsageError(f"{where}: the waiver has no {missing[0]!r}")
    for key in ("file", "code", "fingerprint", "reason", "by", "text"):
        if key in item and not isinstance(item[key], str):
            raise UsageError(f"{where}: key {key!r} must be text, not {item[key]!r}")
    occurrence = item.get("occurrence", 0)
    if isinstance(occurrence, bool) or not isinstance(occurrence, int) or occurrence < 0:
        raise UsageError(f"{where}: key 'occurrence' must be a whole number from 0, not {occurrence!r}")
    return Waiver(file=item["file"], code=item["code"].upper(), fingerprint=item["fingerprint"],
                  reason=item["reason"], by=item["by"], date=_day(item["date"], "date", where),
                  occurrence=occurrence, text=item.get("text") or "",
                  expires=_day(item["expires"], "expires", where) if item.get("expires") is not None else None,
                  line=line)


def _day(value: Any, key: str, where: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise UsageError(f"{where}: key {key!r} must be a date YYYY-MM-DD, not {value!r}") from None


@functools.cache
def _unprintable() -> re.Pattern[str]:
    """What YAML does not read literally inside double quotes (every other character it does): escaped.

    Compiled when a waiver is first written, not at import: its ranges up to
    U+10FFFF take re a few milliseconds, a tenth of a one-draft run's start-up.
    """
    return compiled.regex("[^\t\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _quote(text: str) -> str:
    body = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + _unprintable().sub(lambda m: f"\\u{ord(m.group()):04x}" if ord(m.group()) < 0x10000
                                    else f"\\U{ord(m.group()):08x}", body).replace("\t", "\\t") + '"'


def _value(key: str, value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return _quote(str(value))


def entry_line(waiver: Waiver) -> str:
    """One waiver as one line of YAML: a merge of two branches adds lines and never splits an entry."""
    values: Mapping[str, Any] = {
        "file": waiver.file, "code": waiver.code, "text": waiver.text, "reason": waiver.reason, "by": waiver.by,
        "date": waiver.date, "expires": waiver.expires, "fingerprint": waiver.fingerprint,
        "occurrence": waiver.occurrence,
    }
    parts = [f"{k}: {_value(k, v)}" for k, v in values.items() if v is not None and v != ""]
    return "- {" + ", ".join(parts) + "}"


def dump(entries: Iterable[Waiver]) -> str:
    """The file's text: the header, then one line per waiver, sorted, each finding once."""
    unique = {w.key: w for w in sorted(entries, key=Waiver.sort_key, reverse=True)}
    return HEADER + "".join(entry_line(w) + "\n" for w in sorted(unique.values(), key=Waiver.sort_key))


def save(path: Path, entries: Iterable[Waiver]) -> None:
    """Write the waivers file in one step (a reader sees the old file or the new)."""
    from factlint.fixes import write_atomic

    write_atomic(path, dump(entries), bom=False)


def add(path: Path, new: Iterable[Waiver], replace_existing: bool = True) -> tuple[int, int]:
    """Add waivers to the file at `path`; (added, updated). An existing entry is replaced only when asked."""
    current = {w.key: w for w in load(path).entries}
    added = updated = 0
    for waiver in new:
        if waiver.key not in current:
            added += 1
        elif replace_existing and current[waiver.key] != waiver:
            updated += 1
        else:
            continue
        current[waiver.key] = waiver
    if added or updated or not path.exists():
        save(path, current.values())
    return added, updated


def update(path: Path, changes: Mapping[Waiver, Waiver]) -> None:
    """Put each new waiver in the place of the old one it maps from."""
    keys = {old.key: new for old, new in changes.items()}
    save(path, [keys.get(w.key, w) for w in load(path).entries])


def remove(path: Path, gone: Iterable[Waiver]) -> int:
    """Drop these waivers from the file; how many went."""
    keys = {w.key for w in gone}
    entries = load(path).entries
    kept = [w for w in entries if w.key not in keys]
    if len(kept) != len(entries):
        save(path, kept)
    return len(entries) - len(kept)
