"""Photo credits as wire lines and captions write them: agency and staff names, wire photo lines, later sentences.

Text only: what a credit line says and where, with no rule, finding or policy
of severities. ``Agencies`` knows the newsroom's own and its agencies' names;
``later_credit`` finds the sentence of a credit line that carries the credit.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence
from urllib.parse import unquote

from factlint import compiled, lazy

if TYPE_CHECKING:
    from factlint.language import licences as lx
    from factlint.language.licences import Credit, Prefixes, Registry
else:  # the licence registry's patterns compile at import: a run the result cache answers never reads them
    lx = lazy.module("factlint.language.licences", __name__, "lx")


@compiled.dataclass(frozen=True)
class Agencies:
    """The newsroom's own staff names and its agencies' names, as patterns over credit text."""

    own: tuple[re.Pattern[str], ...]
    agencies: tuple[re.Pattern[str], ...]

    def is_exempt(self, texts: Iterable[str]) -> bool:
        """Whether a credit names the newsroom's own staff or an agency, whose photos need no licence."""
        return any(p.search(t) for t in texts for p in (*self.own, *self.agencies))

    def is_agency(self, text: str) -> bool:
        """Whether a piece of a credit is a staff or agency name and nothing else: "REUTERS", "AP Photo"."""
        return any(p.fullmatch(text) for p in (*self.own, *self.agencies))

    def credit_tail(self, text: str, fillers: frozenset[str]) -> tuple[int, int] | None:
        """Where a wire photo line closes a caption with no credit prefix, as (start, end).

        Agencies put the credit last, in set shapes: "REUTERS/Hatem Khaled/File
        Photo", "AP Photo/Evan Vucci", "Andrew Harnik/AP", "Sean Gallup / Getty
        Images", "Jim Watson/AFP via Getty Images", "(AFP)", or the agency alone
        as the caption's last sentence. Every piece must read as a name and one
        must be an agency, so a caption about an agency ("The Reuters building
        in London") is no credit. The earliest start that reads so wins, so an
        initial ("J. Scott Applewhite/AP") stays in.
        """
        if not (self.own or self.agencies):
            return None
        body = text.rstrip(" \t\n*_")
        if body.endswith((")", "]")):
            opener = "(" if body.endswith(")") else "["
            inner = body.rfind(opener)
            if inner >= 0 and self._wire_credit(body[inner + 1 : -1], fillers):
                return inner + 1, len(body) - 1
        end = len(body.rstrip("."))
        starts = [0] + [m.end() for m in _TAIL_BOUNDARY.finditer(body, 0, end)]
        for start in starts:
            if self._wire_credit(body[start:end], fillers):
                return start, end
        return None

    def _wire_credit(self, tail: str, fillers: frozenset[str]) -> bool:
        main, *after = tail.split(",")
        if any(a.strip().lower() not in fillers for a in after):
            return False  # "Evan Vucci/AP, File", but not "Harrisburg, PA"
        pieces = [p for p in _WIRE_SEPARATOR.split(main.strip()) if p.strip()]
        if not pieces or len(pieces) > 6:
            return False
        pieces = [p.strip() for p in pieces if p.strip().lower() not in fillers]
        return (any(self.is_agency(p) for p in pieces)
                and all(self.is_agency(p) or reads_like_byline(p) for p in pieces))

    def ends_with_agency(self, text: str) -> bool:
        """Whether a short line ends in a staff or agency name: "Maria Lopez/Reuters", "Jo Li, AP"."""
        end = len(text.rstrip(" .*_)]\n"))
        return any(m.end() == end for p in (*self.own, *self.agencies) for m in p.finditer(text))


#: Where a caption's last part may start: after a sentence, a dash or bar set off by spaces, or a line break.
_TAIL_BOUNDARY = compiled.regex(r"[.!?][\"”’')\]]*\s+|\s[—–|-]\s+|\n\s*")
#: What separates the pieces of a wire photo line: "/", "|" or "via".
_WIRE_SEPARATOR = compiled.regex(r"\s*[/|]\s*|\s+via\s+")
_BYLINE_PARTICLES = frozenset(
    "de da das do dos del della di du la le van von der den ter bin ibn al el y of the for and".split())


def reads_like_byline(piece: str) -> bool:
    """A photographer's name as wire lines write it: "Evan Vucci", "DAVID MDZINARISHVILI", "J. Scott Applewhite"."""
    words = piece.split()
    return 0 < len(words) <= 5 and all(
        re.fullmatch(r"[^\W\d_][\w'’.-]*", w) and (w[0].isupper() or w.lower() in _BYLINE_PARTICLES)
        and not any(c.isdigit() for c in w) for w in words)


@functools.lru_cache(maxsize=1024)
def name_pattern(name: str, case_sensitive_acronyms: bool = True) -> re.Pattern[str]:
    # Cached: every draft asks again for the same agencies' and sites' names.
    words = []
    for word in name.split():
        letters = [c for c in word if c.isalpha()]
        # AP, PA, EPA in capitals only: "ap" or "pa" inside a credit is not an agency
        acronym = case_sensitive_acronyms and letters and all(c.isupper() for c in letters) and len(letters) <= 4
        words.append(re.escape(word) if acronym else f"(?i:{re.escape(word)})")
    return compiled.regex(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)")



def has_word(text: str) -> bool:
    """Whether a credit's body holds any word ("Photo:" and nothing after it credits nobody)."""
    return re.search(r"\w", text) is not None


def labelled_starts(text: str, labels: Iterable[str]) -> Iterator[re.Match[str]]:
    """Every "Label:" that opens a part of a field's text ("Photo: … | Licence: …"), longest label first."""
    alternatives = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    return re.finditer(rf"(?:^|(?<=[.!?;|—–(]\s)|(?<=\n))\s*(?:{alternatives})\s*:", text, re.I)


def later_credit(text: str, first: Credit, registry: Registry, prefixes: Prefixes, agencies: Agencies,
                 links: Sequence[tuple[int, int, str]]) -> Credit | None:
    """The credit a later sentence of the same credit line gives, when the prefix opened a caption.

    "Photo: Councillor Anita Patel at the village hall. Photo by Sam Reed, CC BY
    4.0, https://…" is one media item: its licence and author stand in the
    second sentence, and the first is the caption, not the author. A later
    sentence counts as the credit when it names a licence, opens with a credit
    prefix, is a short line ending in an agency ("Maria Lopez/Reuters"), or,
    after a first sentence that is no name, is a name alone ("Sam Reed.").
    """
    at = first.end
    while at < len(text):
        skip = re.match(r"[\s.,;:!?)\]*_\"”’—–-]*", text[at:])
        start = at + (skip.end() if skip else 0)
        if start >= len(text):
            return None
        later = lx.parse_credit(text, registry, prefixes, start, links)
        if later.end <= start:
            return None
        segment = text[start : later.end]
        named = first.author is None or not lx.reads_like_name(first.author.text)
        if later.prefix is not None and not named:
            return None  # "Photo: Jane Doe. Video: Sam Reed/AP": a second credit, not this one's
        if later.licences or later.prefix is not None or (
                len(segment.split()) <= 8 and agencies.ends_with_agency(segment)) or (
                named and later.author is not None and lx.reads_like_name(segment.strip(" .*_"))):
            return merged(text, first, later)
        at = later.end
    return None


def merged(text: str, first: Credit, later: Credit) -> Credit:
    """The later credit, reaching back to the line's prefix; the first sentence is its caption."""
    opening = first.author or first.source
    author = later.author
    if author is None and opening is not None and lx.reads_like_name(opening.text):
        author = opening  # "Photo: Sam Reed. Licensed under CC BY 4.0."
    body = first.prefix.end if first.prefix else first.start
    caption_end = len(text[body : later.start].rstrip(" .*_"))
    caption = lx.Part(body, body + caption_end, text[body : body + caption_end]) if author is not opening else None
    names = later.names if author is later.author else (opening, *later.names)
    return replace(later, start=first.start, prefix=first.prefix, author=author, caption=caption,
                   names=tuple(n for n in names if n is not None))


# -- an author as a photo's source records it (Wikimedia Commons's Artist field) ---------------------


def author_text(artist_html: str) -> str:
    """Commons's Artist field as a reader sees it, with user page names kept ("User:JDoe" → "JDoe")."""
    import html

    users = re.findall(r"User:([^\"'&#/|?<>]+)", unquote(artist_html), re.I)
    text = html.unescape(re.sub(r"<[^>]*>", " ", artist_html))
    names = dict.fromkeys(u.replace("_", " ").strip() for u in users)
    return re.sub(r"\s+", " ", " ".join([text, *names])).strip()


def _fold(text: str) -> str:
    from unidecode import unidecode

    return unidecode(text).lower()


def authors_agree(credited: str, recorded: str) -> bool:
    """Lenient: a shared name of three letters or more, or one name written in the other."""
    ours, theirs = _fold(credited), _fold(recorded)
    ours_tokens = set(re.findall(r"[a-z0-9]+", ours))
    theirs_tokens = set(re.findall(r"[a-z0-9]+", theirs))
    if any(len(t) >= 3 and not t.isdigit() for t in ours_tokens & theirs_tokens):
        return True
    compact_ours, compact_theirs = re.sub(r"[^a-z0-9]", "", ours), re.sub(r"[^a-z0-9]", "", theirs)
    if len(compact_ours) >= 3 and (compact_ours in compact_theirs or compact_theirs in compact_ours and len(compact_theirs) >= 3):
        return True
    from rapidfuzz import fuzz

    # transliterations and typos: "Zelenskyy" and "Zelensky", "Nunez" and "Nuñez"
    return any(fuzz.ratio(a, b) >= 85 for a in ours_tokens for b in theirs_tokens if len(a) >= 4 and len(b) >= 4)


def shown_author(artist_html: str, limit: int) -> str:
    """The recorded author as a message quotes it: the field's text on one line, cut at `limit` characters."""
    import html

    shown = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]*>", " ", artist_html))).strip()
    return shown if len(shown) <= limit else shown[: limit - 1].rstrip() + "…"
