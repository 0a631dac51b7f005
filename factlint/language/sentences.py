"""Where a sentence of news prose ends: one splitter, with the abbreviations of rules/abbreviations.yaml."""

from __future__ import annotations

import bisect
import functools
from typing import Iterable, Mapping, Sequence

from factlint import compiled

#: A run of end marks with the closing marks and brackets that belong to it ('…said." Then').
_END = compiled.regex(r"[.!?…]+[\"'”’»)\]]*")
#: What may open the next sentence before its first letter.
_OPENERS = "\"'“‘«„‚‹›”’»(["
_LAST_WORD = compiled.regex(r"(\S*)$")
_LEADING = "(\"'“‘«"
#: Between two words: a blank line, or a list bullet on a new line, ends a sentence as surely as a full stop.
_BLANK_LINE = compiled.regex(r"\n[ \t]*\n")
_CLAUSE_END = compiled.regex(r"[.!?:;]")


#: Initials written together: "G.K." in "G.K. Butterfield", "J.R.R." (the last full stop is the one asked about).
_INITIALS = compiled.regex(r"(?:[A-Za-z]\.)+[A-Za-z]\.?")


@compiled.dataclass(frozen=True)
class Sentence:
    """One sentence of a block's text, as offsets into it (its end mark and closing marks included)."""

    start: int
    end: int

    def __contains__(self, offset: object) -> bool:
        return isinstance(offset, int) and self.start <= offset < self.end


@compiled.dataclass(frozen=True)
class Abbreviations:
    """Words written with a full stop that does not end a sentence ("Dr.", "Inc.", "U.S."), lower case."""

    words: frozenset[str]

    @classmethod
    def from_pack(cls, pack: Mapping[str, object] | None) -> "Abbreviations":
        items: Iterable[object] = (pack or {}).get("abbreviations", ()) or ()  # type: ignore[assignment]
        return cls(frozenset(str(w).strip().rstrip(".").lower() for w in items if str(w).strip()))

    def stops_here(self, word: str) -> bool:
        """Whether a full stop after `word` is the abbreviation's or an initial's, not the sentence's."""
        word = word.lstrip(_LEADING)
        return (len(word) == 1 and word.isalpha()) or word.rstrip(".").lower() in self.words \
            or _INITIALS.fullmatch(word) is not None


def split(text: str, abbreviations: Abbreviations) -> tuple[Sentence, ...]:
    """The sentences of `text`, in order, covering it without gaps."""
    return _split(text, abbreviations)


@functools.lru_cache(maxsize=4096)
def _split(text: str, abbreviations: Abbreviations) -> tuple[Sentence, ...]:
    # Every rule that reads a block asks for its sentences: the answer is computed once per text.
    bounds: list[Sentence] = []
    start = 0
    for m in _END.finditer(text):
        if not _opens_sentence(text, m.end()):
            continue
        marks = m.group().rstrip("\"'”’»)]")
        if marks == "." and abbreviations.stops_here(_last_word(text, start, m.start())):
            continue  # "Dr. Raman", "J. K. Rowling"
        bounds.append(Sentence(start, m.end()))
        start = m.end()
    bounds.append(Sentence(start, len(text)))
    return tuple(bounds)


def _last_word(text: str, start: int, end: int) -> str:
    found = _LAST_WORD.search(text[max(start, end - 24) : end])
    return found.group(1) if found else ""


def _opens_sentence(text: str, at: int) -> bool:
    """White space, then a capital, a digit or an opening mark: the next sentence starts here."""
    i = at
    while i < len(text) and text[i].isspace():
        i += 1
    if i == at or i == len(text):
        return False
    nxt = text[i]
    return nxt.isupper() or nxt.isdigit() or nxt in _OPENERS


def sentence_at(sentences: Sequence[Sentence], offset: int) -> Sentence:
    """The sentence holding `offset` (the last one past the end)."""
    return sentences[index_at(sentences, offset)]


def index_at(sentences: Sequence[Sentence], offset: int) -> int:
    """The index of the sentence holding `offset` (the last one past the end).

    Sentences are in order and do not overlap, so this is a binary search: a
    rule asks once per finding, and a long block holds thousands of both.
    """
    k = bisect.bisect_right(sentences, offset, key=_start) - 1
    if k >= 0 and offset in sentences[k]:
        return k
    return len(sentences) - 1


def span_at(bounds: Sequence[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The (start, end) pair of ordered, disjoint `bounds` holding `offset` (the last one past the end)."""
    k = bisect.bisect_right(bounds, offset, key=_first) - 1
    if k >= 0 and bounds[k][0] <= offset < bounds[k][1]:
        return bounds[k]
    return bounds[-1]


def _start(sentence: Sentence) -> int:
    return sentence.start


def _first(bound: tuple[int, int]) -> int:
    return bound[0]


def breaks_between(gap: str, previous_word: str, abbreviations: Abbreviations) -> bool:
    """Whether the text `gap` between two words ends a sentence or clause, so the next word opens one.

    Word scanners ask this rather than splitting: a colon or semicolon opens a
    new clause whose first word is capitalised by grammar, not by being a name.
    """
    if _BLANK_LINE.search(gap) or gap.lstrip().startswith(("•", "-", "*")) and "\n" in gap:
        return True
    if not _CLAUSE_END.search(gap):
        return False
    if gap.startswith(".") and abbreviations.stops_here(previous_word):
        return bool(_CLAUSE_END.search(gap[1:]))
    return True
