"""Who says each quotation of a draft: a speaker (or none) and the reason, read from the words and the layout."""

from __future__ import annotations

import functools
import re
from typing import Iterable, Mapping, NamedTuple, Sequence

from factlint import compiled
from factlint.language.lexicon import IrregularVerbs, forms_of, inflect
from factlint.language.quotations import _WORD, MARKS, Passage, Quotation, QuotationScan, passages
from factlint.language.sentences import Abbreviations, split

__all__ = ["REASONS", "Attribution", "Judgement", "Speaker", "Vocabulary", "attribute"]


_TOKEN = compiled.regex(r"[^\W_]+(?:['’\-.][^\W_]+)*\.?|[:;]")
_SUBJECT_DETERMINERS = frozenset("the a an another one".split())
_DETERMINERS = frozenset("the a an this that these those his her its their our my your whose every each".split())
_POSSESSIVES = frozenset("his her its their our my your".split())


#: Why a quotation has a speaker, or has none: the `reason` of a Speaker.
REASONS = {
    "speech-verb": "a speech verb tied to a source in its sentence or the sentence next to it",
    "frame": "a reporting frame around a source (per X, X reports, what X calls, as X put it, in X's words)",
    "colon-lead-in": "a sentence naming the source ends in a colon before it",
    "lead-in-paragraph": "the paragraph before ends in a colon after its source",
    "speaker-label": "its paragraph opens with the speaker's name and a colon",
    "dash-line": "a dash and a name follow it",
    "bracket-credit": "its paragraph ends on the name of the publication it is from, in brackets ([AP.], [NYT.])",
    "fronted-clause": "a participle or question clause opens its sentence, whose subject is the source",
    "document": "a partial quotation of a document its sentence names",
    "passage": "a quotation over several paragraphs, attributed in one of them",
    "continuation": "the same speaker's quotation comes right before it, with no other source between",
    "sole-source": "the narration before it, in its paragraph or the one before, names one source only",
    "first-person": "it speaks in the first person inside a sentence about one person, who is its speaker",
    "paraphrase": "the paragraph before ends by reporting its speaker's words, and it opens the next",
    "q-and-a": "a question-and-answer layout (Q:/A:) says who speaks",
    "quote-collection": "a heading over a collection of quotations says who speaks",
    "title": "a title of a work or a headline, not a speaker's words",
    "none": "no speech verb tied to a source, no reporting frame and no layout that names a speaker",
}


@compiled.dataclass(frozen=True)
class Speaker:
    """Who says a quotation (`source` as written, None when no one does) and why factlint judged so."""

    source: str | None
    reason: str
    evidence: str = ""  # the words that attribute it ("said", "Ruiz:", "— Ana Ruiz")

    @property
    def attributed(self) -> bool:
        return self.reason != "none"

    def explain(self) -> str:
        """One line for an editor: "attributed: speech verb "said" tied to "Ruiz"."""
        if not self.attributed:
            return f"unattributed: {self.evidence or REASONS['none']}"
        said = f" ({self.evidence})" if self.evidence else ""
        who = f" to {self.source}" if self.source else ""
        return f"attributed{who}: {REASONS[self.reason]}{said}"


@compiled.dataclass(frozen=True)
class Judgement:
    """A direct quotation (its passage's first part), where it stands, and its speaker."""

    paragraph: int  # index into the sequence of paragraphs given to attribute()
    quotation: Quotation
    speaker: Speaker


@compiled.dataclass(frozen=True)
class Vocabulary:
    """The word lists attribution reads, from the speech-verbs, quote-sources and irregular-verbs packs (lower case)."""

    verbs: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    pronouns: frozenset[str]
    nouns: frozenset[str]
    not_names: frozenset[str]
    abbreviations: Abbreviations
    passive: frozenset[str]
    title_cues: tuple[tuple[str, ...], ...]
    negations: tuple[tuple[str, ...], ...] = ()
    frames: tuple[tuple[str, ...], ...] = ()
    documents: frozenset[str] = frozenset()
    fronted: frozenset[str] = frozenset()
    collection_cues: frozenset[str] = frozenset()
    #: Forms more often nouns ("calls", "reports", "states"): a verb only right after a pronoun ("He calls it …").
    noun_like: frozenset[str] = frozenset()
    #: Forms of verbs whose object is the listener ("told reporters"): the source is not the word after them.
    addressed: frozenset[str] = frozenset()
    #: The forms that report words already said: third person and simple past ("says", "said", "quipped").
    finite: frozenset[str] = frozenset()
    #: Source nouns that are organisations or documents, not one person ("the agency", "a report").
    bodies: frozenset[str] = frozenset()
    #: Forms of verbs that give a view ("thought", "believes"): they attribute the quotation of their own
    #: sentence, but report no words a quotation in the next paragraph could go on from.
    views: frozenset[str] = frozenset()

    @functools.cached_property
    def phrases_by_first(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """The speech phrases by their first word, each list in pack order (the first that matches wins)."""
        index: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self.phrases:
            if phrase:
                index.setdefault(phrase[0], []).append(phrase)
        return {first: tuple(found) for first, found in index.items()}

    @functools.cached_property
    def negation_ends(self) -> frozenset[str]:
        # from_packs drops blank phrases, so every negation and title cue has a last word.
        return frozenset(n[-1] for n in self.negations if n)

    @functools.cached_property
    def title_cue_ends(self) -> frozenset[str]:
        return frozenset(c[-1] for c in self.title_cues if c)

    @classmethod
    def from_packs(cls, speech_verbs: Mapping, sources: Mapping,
                   abbreviations: Abbreviations = Abbreviations(frozenset()),
                   irregular: IrregularVerbs = IrregularVerbs()) -> "Vocabulary":
        def words(items: Iterable[str]) -> frozenset[str]:
            return frozenset(str(w).lower().strip() for w in items)

        def phrases(items: Iterable[str]) -> tuple[tuple[str, ...], ...]:
            return tuple(tuple(str(p).lower().split()) for p in items if str(p).strip())

        listed = [f for entry in speech_verbs.get("verbs", ()) for f in entry.get("forms", ())]
        not_forms = words(speech_verbs.get("not-forms", ()))
        lemmas = forms_of(speech_verbs.get("lemmas", ()), irregular)
        views = forms_of(speech_verbs.get("views", ()), irregular) - lemmas
        generated = (lemmas | views) - not_forms
        phrasal = forms_of(speech_verbs.get("phrasal", ()), irregular)
        bodies = words(sources.get("bodies", ()))
        nouns = words(sources.get("nouns", ())) | bodies
        # Plurals come free: "officials", "witnesses", "authorities".
        plurals = {n + "s" for n in nouns} | {n + "es" for n in nouns} | {n[:-1] + "ies" for n in nouns if n.endswith("y")}
        return cls(
            verbs=words(listed) | generated,
            phrases=phrases([*speech_verbs.get("phrases", ()), *sorted(phrasal)]),
            pronouns=words(sources.get("pronouns", ())),
            nouns=nouns | frozenset(plurals),
            not_names=words(sources.get("not-names", ())),
            # A newsroom pack may still list abbreviations here, as packs did before the shared list.
            abbreviations=Abbreviations(abbreviations.words | words(
                str(a).rstrip(".") for a in sources.get("abbreviations", ()))),
            passive=words(sources.get("passive", ())),
            title_cues=phrases(sources.get("title-cues", ())),
            negations=phrases(str(n).replace("’", "'") for n in sources.get("negations", ())),
            frames=phrases(str(f).replace("’", "'").replace("{source}'s", "{source} 's")
                           for f in speech_verbs.get("frames", ())),
            documents=words(sources.get("documents", ())),
            fronted=words(sources.get("fronted", ())),
            collection_cues=words(sources.get("collection-cues", ())),
            noun_like=not_forms & (lemmas | views),
            views=views - not_forms,
            addressed=forms_of(speech_verbs.get("addressed", ()), irregular),
            bodies=bodies | {n + "s" for n in bodies} | {n[:-1] + "ies" for n in bodies if n.endswith("y")},
            finite=frozenset(f for lemma in speech_verbs.get("lemmas", ()) if " " not in str(lemma).strip()
                             for forms in [inflect(str(lemma), irregular)] for f in (forms.third, *forms.past)),
        )


class _Token(NamedTuple):
    """A word (or a colon, a semicolon) of a paragraph's narration.

    A named tuple, not a frozen dataclass: every word of a paragraph with a
    quotation is one, and a tuple is built in a third of the time.
    """

    start: int
    end: int
    word: str  # as written, a trailing full stop removed
    lower: str

    @property
    def capitalised(self) -> bool:
        """A capital first letter, or one after a lower-case particle and a hyphen ("al-Khatib", "el-Sisi")."""
        return self.word[:1].isupper() or _PARTICLE_NAME.match(self.word) is not None


#: A surname written with a lower-case Arabic particle and a hyphen.
_PARTICLE_NAME = compiled.regex(r"(?:al|el|ad|ash|as|at|az|an|ar|bin|ibn|abu|abd)[-‐][A-Z]")


def _masked(scan: QuotationScan) -> str:
    """The text with every outermost quotation's words blanked, so a speaker's own words never attribute."""
    text = scan.text
    for q in scan.quotations:
        if q.depth == 0:  # white space stays as it is (\S is what str.isspace says it is not)
            text = text[: q.inner_start] + _NOT_SPACE.sub(" ", text[q.inner_start : q.inner_end]) + text[q.inner_end :]
    return text


_NOT_SPACE = compiled.regex(r"\S")


def _token(m: re.Match[str]) -> _Token:
    written = m.group()
    word = written.rstrip(".")
    return _Token(m.start(), m.end() - written.endswith("."), word, word.lower())


#: A dash signing a pull quote or an epigraph: "…" — Ana Ruiz.
_DASH_SIGNATURE = compiled.regex(r"\s*[—–―]\s*([A-Z\u00c0-\u024f][^\s,;.]*(?:\s+[A-Z\u00c0-\u024f][^\s,;.]*){0,3})")
#: What opens a Q&A line ("Q:", "- A.") before the quotation.
_QA_LABEL = compiled.regex(r"\s*(?:[-–—•*]\s*)?(Q|A|Question|Answer)\s*[:.]\s*$")
#: A speaker label ("Ruiz:", "- Ana Ruiz:") before the quotation.
_SPEAKER_LABEL = compiled.regex(r"\s*(?:[-–—•*]\s*)?((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s*:\s*$")


class Attribution:
    """Decides whether the quotations of one paragraph are attributed, as SPEC §3 QUO001 says."""

    def __init__(self, scan: QuotationScan, vocabulary: Vocabulary) -> None:
        self.scan = scan
        self.vocab = vocabulary
        self.masked = _masked(scan)
        self.tokens = [_token(m) for m in _TOKEN.finditer(self.masked)]
        self.outer = [q for q in scan.quotations if q.depth == 0]
        self.cuts: list[int] = []
        self.sentences = self._sentences()

    # Sentences ------------------------------------------------------------------

    def _sentences(self) -> list[tuple[int, int]]:
        """Sentence spans of the paragraph, a quotation counting as part of its sentence.

        The speaker's words are blanked, so the shared splitter sees only the
        narration; a closed quotation whose words end a sentence ends it too.
        """
        text, masked = self.scan.text, self.masked
        cuts = {s.end for s in split(masked, self.vocab.abbreviations)[:-1]}
        for q in self.outer:
            if q.end is None:
                continue
            inner = text[q.inner_start : q.inner_end].rstrip()
            nxt = masked[q.end :].lstrip()[:1]
            if inner[-1:] in ".!?…" and (nxt.isupper() or nxt in MARKS):
                cuts.add(q.end)
        self.cuts = sorted(cuts)
        bounds = [0] + self.cuts + [len(text)]
        return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]

    def _sentence_index(self, offset: int) -> int:
        for k, (a, b) in enumerate(self.sentences):
            if a <= offset < b:
                return k
        return len(self.sentences) - 1

    def window(self, quotation: Quotation) -> tuple[int, int]:
        """The quotation's sentence with the sentence right before and right after it.

        A quotation whose form says its attribution was cut (`cut_off`: it
        trails off on a comma, runs on from one that does, or is a lower-case
        fragment opening its sentence) keeps to its own sentence: a speech verb
        next door belongs to other words.
        """
        first, last = self._own_sentence_indices(quotation)
        if self.cut_off(quotation) is None:
            first = max(first - 1, 0)
            last = min(last + 1, len(self.sentences) - 1)
        return self.sentences[first][0], self.sentences[last][1]

    def cut_off(self, quotation: Quotation) -> str | None:
        """Why the quotation's own sentence must name its speaker, when its form says an attribution was cut.

        A quotation that trails off on a comma, one run on right after such a
        quotation (`"…," "…"`), and a fragment opening on a lower-case word
        that opens its sentence (`"was a mistake."`) were all written to sit in
        a sentence that attributes them; a speech verb in the sentence next door
        belongs to other words.
        """
        if self.trails_off(quotation):
            return "it ends in a comma, as before an attribution, but none follows"
        earlier = [q for q in self.outer if q.end is not None and q.end <= quotation.start]
        if earlier and self.masked[earlier[-1].end : quotation.start].strip() == "" and self.trails_off(earlier[-1]):
            return "it runs on from a quotation that ends in a comma with no attribution"
        inner = self.scan.text[quotation.inner_start : quotation.inner_end].lstrip(" .…[(")
        start = self.sentences[self._sentence_index(quotation.start)][0]
        if inner[:1].islower() and self.masked[start : quotation.start].strip(" \t\n\"'“‘(") == "":
            return _FRAGMENT
        return None

    def trails_off(self, quotation: Quotation) -> bool:
        """`"…,"` and then its sentence ends: the comma inside the marks announces an attribution that never comes.

        In edited copy a comma there is followed by the attribution (`"…," she
        said`) or by more of the sentence; when the paragraph ends, or a new
        sentence or quotation begins, the attribution has been cut.
        """
        if quotation.end is None or self.scan.text[quotation.inner_start : quotation.inner_end].rstrip()[-1:] != ",":
            return False
        after = next((t for t in self.tokens if t.start >= quotation.end), None)
        if after is None or any(quotation.end <= cut <= after.start for cut in self.cuts):
            return True
        # A capitalised common word opens a new sentence ("…," The pier stays shut); a name or "She" may attribute.
        return after.word[:1].isupper() and after.lower in self.vocab.not_names and not self._is_source(after)

    # Attribution ----------------------------------------------------------------

    def is_title(self, quotation: Quotation) -> bool:
        """A title of a work or a headline: Title Case words, or a cue such as "headlined" before it."""
        inner = self.scan.text[quotation.inner_start : quotation.inner_end]
        words = _WORD.findall(inner)
        # Title Case capitalises every word but the small function words: a lower-case "big" or "us" is a sentence's
        major = [w for w in words if w.lower() not in self.vocab.not_names]
        if len(major) >= 2 and all(w[:1].isupper() or w[:1].isdigit() for w in major) and not re.search(r"[.!?]\s", inner):
            return True
        sentence_start = self.sentences[self._sentence_index(quotation.start)][0]
        earlier = [q for q in self.outer if q.end is not None and sentence_start <= q.start and q.end <= quotation.start]
        if earlier and _LIST_JOIN.fullmatch(self.scan.text[earlier[-1].end : quotation.start]) \
                and self.is_title(earlier[-1]):
            return True  # the next of a list of titles: `headlines such as "…" and "…"`
        before = [t.lower for t in self.tokens if sentence_start <= t.start and t.end <= quotation.start][-4:]
        if not self.vocab.title_cue_ends.intersection(before[-3:]):
            return False  # a cue must end on one of the last three words
        return any(_ends_with(before[: len(before) - skip], cue) for cue in self.vocab.title_cues for skip in range(3))

    def speaker(self, quotation: Quotation) -> Speaker | None:
        """Who says `quotation` by the words of its own paragraph, or None when they do not say."""
        return (self._labelled(quotation) or self._spoken(quotation) or self._framed(quotation)
                or self._colon_after_source(quotation) or self._dash_after(quotation)
                or self._fronted(quotation) or self._document(quotation) or self._bracket_credit(quotation)
                or self._first_person(quotation))

    def is_attributed(self, quotation: Quotation) -> bool:
        return self.speaker(quotation) is not None

    def sources_between(self, start: int, end: int) -> list[str]:
        """The sources named in the narration between two offsets (a speaker's words are blanked)."""
        tokens = self.tokens
        return [t.word for k, t in enumerate(tokens) if start <= t.start and t.end <= end and self._is_source(t)
                and not (t.capitalised and self._opens_sentence(t)) and not self._modifier(tokens, k)]

    def _modifier(self, tokens: list[_Token], k: int) -> bool:
        """A source noun used before another noun ("a military solution", "police cars"): it names no one.

        The word after must be lower case, right after it, and neither a verb nor a word that follows a
        subject or a noun ("the military said", "the police would", "the council of").
        """
        token = tokens[k]
        if token.capitalised or token.lower not in self.vocab.nouns or k + 1 >= len(tokens):
            return False
        nxt = tokens[k + 1]
        if not nxt.word.isalpha() or not nxt.word.islower() or self.masked[token.end : nxt.start] != " ":
            return False
        return (nxt.lower not in self.vocab.verbs and nxt.lower not in _AFTER_SUBJECT
                and nxt.lower not in self.vocab.nouns and not nxt.lower.endswith(("ed", "s")))

    def _opens_sentence(self, token: _Token) -> bool:
        """Whether only opening marks stand between a sentence's start and the token. The words of a quotation
        count (they are read unmasked): the name after `"…,"` does not open its sentence."""
        text = self.scan.text
        return any(a == token.start or text[a:token.start].strip(" \"'“‘(") == "" for a, _ in self.sentences)

    def _tokens(self, start: int, end: int) -> list[_Token]:
        return [t for t in self.tokens if start <= t.start and t.end <= end]

    def _spoken(self, quotation: Quotation) -> Speaker | None:
        """The first speech verb tied to a source in the quotation's own sentences, else in the ones next to them."""
        tokens = self._tokens(*self.window(quotation))
        own = self._own_sentences(quotation)
        inside = [k for k, t in enumerate(tokens) if own[0] <= t.start < own[1]]
        for k in inside + [k for k, t in enumerate(tokens) if not own[0] <= t.start < own[1]]:
            length = self._verb_at(tokens, k)
            if length and tokens[k].lower in self.vocab.views:
                source = self._holder(tokens, k) if own[0] <= tokens[k].start < own[1] else None
            else:
                source = self._tied(tokens, k, length) if length else None
            if source:
                verb = " ".join(t.word for t in tokens[k : k + length])
                return Speaker(source, "speech-verb", f'"{verb}"')
        return None

    def _own_sentence_indices(self, quotation: Quotation) -> tuple[int, int]:
        """The first and last of the sentences the quotation stands in."""
        last = self._sentence_index(max(quotation.outer_end - 1, quotation.start))
        return self._sentence_index(quotation.start), last

    def _own_sentences(self, quotation: Quotation) -> tuple[int, int]:
        """Where the sentences the quotation stands in begin and end, without their neighbours."""
        first, last = self._own_sentence_indices(quotation)
        return self.sentences[first][0], self.sentences[last][1]

    def _holder(self, tokens: list[_Token], k: int) -> str | None:
        """Whose view the verb at tokens[k] gives: its subject before it ("Lund thought", "one who believes"),
        never a word after it, and no view at all after a modal, "to" or a passive's "be" ("can expect", "to
        believe", "is expected")."""
        if k > 0 and (tokens[k - 1].lower in _NOT_REPORTING or tokens[k - 1].lower in _BE):
            return None
        return self._source_before(tokens, k)

    def introduces_quotation(self) -> Speaker | None:
        """The paragraph ends in a colon after a source ("Peskov told reporters:"), so the next one may quote."""
        if not self.masked.rstrip().endswith(":") or not self.sentences:
            return None
        start = self.sentences[-1][0]
        tokens = [t for t in self.tokens if t.start >= start and t.word not in ":;"]
        for t in tokens[-6:]:
            if self._is_source(t):
                return Speaker(t.word, "lead-in-paragraph", f'"{t.word} …:"')
        for k in range(len(tokens)):
            length = self._verb_at(tokens, k)
            source = self._tied(tokens, k, length) if length else None
            if source:
                return Speaker(source, "lead-in-paragraph", f'"{tokens[k].word} …:"')
        return None

    def _dash_after(self, quotation: Quotation) -> Speaker | None:
        """A pull quote or epigraph signed with a dash: "…" — Ana Ruiz."""
        if quotation.end is None:
            return None
        m = _DASH_SIGNATURE.match(self.masked, quotation.end)
        if m is None:
            return None
        return Speaker(m.group(1), "dash-line", f'"— {m.group(1)}"')

    def _bracket_credit(self, quotation: Quotation) -> Speaker | None:
        """A digest item quoting a story and crediting it at the end: `HEADLINE "…" Tune in tonight. [AP.]`.

        The credit must end the paragraph, name a publication in one to four capitalised words, and come
        after the last quotation of the paragraph: it credits the quoted text, not a speaker's words inside it.
        """
        if quotation.end is None or any(q.start > quotation.start for q in self.outer):
            return None
        m = _BRACKET_CREDIT.search(self.masked, quotation.end)
        if m is None or len(self.masked[quotation.end : m.start()]) > 240:
            return None
        return Speaker(m.group(1), "bracket-credit", f'"[{m.group(1)}.]"')

    def _labelled(self, quotation: Quotation) -> Speaker | None:
        """A Q&A line ("Q:", "A.") or a speaker label ("Ruiz:", "- Ana Ruiz:") opening the paragraph."""
        lead = self.masked[: quotation.start]
        m = _QA_LABEL.match(lead)
        if m:
            return Speaker("the interviewer" if m.group(1)[0] == "Q" else "the interviewee", "q-and-a", f'"{m.group(1)}:"')
        m = _SPEAKER_LABEL.match(lead)
        if m and m.group(1).lower() not in self.vocab.not_names:
            return Speaker(m.group(1), "speaker-label", f'"{m.group(1)}:"')
        return None

    def _framed(self, quotation: Quotation) -> Speaker | None:
        """A reporting frame of the pack around a source: "per the police", "what Ruiz calls"."""
        tokens = self._tokens(*self.window(quotation))
        words = [t.lower.replace("’", "'") for t in tokens]
        # "Ruiz's" is one token; the frames write the possessive apart ("{source} 's").
        split_words: list[str] = []
        owners: list[int] = []
        for k, w in enumerate(words):
            if w.endswith("'s") and len(w) > 2:
                split_words += [w[:-2], "'s"]
                owners += [k, k]
            else:
                split_words.append(w)
                owners.append(k)
        for frame in self.vocab.frames:
            found = self._frame_at(frame, split_words, [tokens[o] for o in owners])
            if found:
                return Speaker(found, "frame", '"' + " ".join(frame).replace(" 's", "'s") + '"')
        return None

    def _frame_at(self, frame: tuple[str, ...], words: list[str], tokens: list[_Token]) -> str | None:
        slot = frame.index("{source}") if "{source}" in frame else -1
        before, after = frame[:slot], frame[slot + 1 :]
        for i in range(len(words)):
            if tuple(words[i : i + len(before)]) != before:
                continue
            start = i + len(before)
            for size in range(1, 5):
                end = start + size
                if end + len(after) > len(words) or tuple(words[end : end + len(after)]) != after:
                    continue
                span = tokens[start:end]
                if any(self._is_source(t) or t.lower in _POSSESSIVES for t in span):
                    return " ".join(t.word for t in span)
        return None

    def _fronted(self, quotation: Quotation) -> Speaker | None:
        """"Calling the deal "…", Mrs. Ng walked out"; "Asked about it, he said: "…"": the clause's subject speaks."""
        k = self._sentence_index(quotation.start)
        start, end = self.sentences[k]
        tokens = self._tokens(start, end)
        if not tokens or tokens[0].lower not in self.vocab.fronted:
            return None
        comma = self.masked.find(",", max(quotation.outer_end, tokens[0].end), end)
        if comma < 0:
            return None
        for t in self._tokens(comma, end)[:4]:
            if self._is_source(t):
                return Speaker(t.word, "fronted-clause", f'"{tokens[0].word} …,"')
        return None

    def _document(self, quotation: Quotation) -> Speaker | None:
        """A partial quotation inside a sentence that names a document: "the minutes show "…"", "a warning about a "…"".

        The quotation must open mid-sentence on a lower-case word: it is a
        fragment of the document's wording, not a speaker's sentence.
        """
        inner = self.scan.text[quotation.inner_start : quotation.inner_end].lstrip()
        k = self._sentence_index(quotation.start)
        start = self.sentences[k][0]
        if not inner[:1].islower() or self.masked[start : quotation.start].strip() == "":
            return None
        for t in reversed(self._tokens(start, quotation.start)):
            if t.lower in self.vocab.documents or (t.lower.endswith("s") and t.lower[:-1] in self.vocab.documents):
                return Speaker(t.word, "document", f'"{t.word}"')
        return None

    def _verb_at(self, tokens: list[_Token], k: int) -> int:
        """How many tokens a speech verb or phrase starting at tokens[k] spans (0: none)."""
        for phrase in self.vocab.phrases_by_first.get(tokens[k].lower, ()):
            if tuple(t.lower for t in tokens[k : k + len(phrase)]) == phrase:
                return 0 if phrase[-1] in _PARTICLES and self._then_did(tokens, k + len(phrase)) else len(phrase)
        token = tokens[k]
        if token.word[:1].islower() and token.lower in self.vocab.verbs:
            return 1
        if token.lower in self.vocab.finite and k + 1 < len(tokens) and tokens[k + 1].capitalised \
                and self._opens_sentence(token) and not self._boundary(token, tokens[k + 1]):
            return 1  # an inverted attribution opening its sentence: "Said Hall, "…""
        if token.lower in self.vocab.noun_like and token.word[:1].islower() and k > 0 \
                and not self._boundary(tokens[k - 1], token) and self._subject_of_noun_like(tokens, k):
            return 1  # "He calls the deal …", "the report states": after a subject, the form is the verb
        if token.lower in self.vocab.noun_like and token.lower.endswith("ing") and 0 < k < len(tokens) - 1 \
                and tokens[k + 1].lower == "that" and "," in self.scan.text[tokens[k - 1].end : token.start]:
            return 1  # "The Times took a critical tone, warning that …": a participle, not "a warning"
        return 0

    def _then_did(self, tokens: list[_Token], j: int) -> bool:
        """Whether a phrasal verb ending before tokens[j] goes on to another deed: "Reagan went on to win".

        "to" and a lower-case word that is no speech verb, no plural, no
        determiner, pronoun or source: an infinitive, what came next, not
        words ("went on to say", "pointed out to reporters", "hit back to his
        critics" still report).
        """
        if j + 1 >= len(tokens) or tokens[j].lower != "to" or self._boundary(tokens[j], tokens[j + 1]):
            return False
        word = tokens[j + 1]
        lower = word.lower
        return word.word[:1].islower() and (not lower.endswith("s") or lower.endswith("ss")) \
            and lower not in self.vocab.verbs and lower not in _DETERMINERS and lower not in self.vocab.pronouns \
            and lower not in self.vocab.nouns

    def _subject_of_noun_like(self, tokens: list[_Token], k: int) -> bool:
        """A pronoun, or a determiner and a source noun, right before a form more often a noun.

        "He calls", "the memo states", "an ad reports": the form agrees with a
        subject, so it is the verb. After anything else it stays a noun ("the
        two states", "the reports").
        """
        prev = tokens[k - 1].lower
        if prev in self.vocab.pronouns:
            return True
        if tokens[k - 1].capitalised and self._is_source(tokens[k - 1]) and self._after_quotation(tokens, k - 1):
            return True  # `"…," Bozell answers.`: a name right after the quotation, then the form, is the attribution
        if k > 1 and tokens[k - 2].lower == "the" and tokens[k - 1].capitalised and tokens[k - 1].lower.endswith("s") \
                and not tokens[k].lower.endswith("s") and self._is_source(tokens[k - 1]) \
                and not self._boundary(tokens[k - 2], tokens[k - 1]):
            return True  # "the Saudis state in the white paper": a plural name, and the form agrees with it
        if prev.endswith("s") and prev in self.vocab.nouns and not tokens[k].lower.endswith("s") \
                and (k == 1 or self._boundary(tokens[k - 2], tokens[k - 1])):
            return True  # "Officials report that …": a plural source noun opening its sentence, and the form agrees
        return (k > 1 and (prev in self.vocab.nouns or prev in self.vocab.documents) and tokens[k - 2].lower in _DETERMINERS
                and not self._boundary(tokens[k - 2], tokens[k - 1]))

    def _after_quotation(self, tokens: list[_Token], j: int) -> bool:
        """Whether tokens[j] is the first word after a quotation that closes on a comma or right before it."""
        before = tokens[j - 1].end if j > 0 else 0
        return any(before <= q.start and q.end is not None and q.end <= tokens[j].start
                   and self.scan.text[q.inner_end - 1 : q.inner_end] in (",", "!", "?") for q in self.outer)

    def _tied(self, tokens: list[_Token], k: int, length: int) -> str | None:
        """The source the speech verb at tokens[k] is tied to: before it in its clause, or right after it."""
        prev = tokens[k - 1].lower if k > 0 and not self._boundary(tokens[k - 1], tokens[k]) else ""
        # A quotation between the two: `the "not there yet" comment` is still a noun, but after
        # `the "Golden Side", told` and `who was "…," said Lyle` the word before belongs to other words.
        quoted = bool(prev) and self._quoted_between(tokens[k - 1], tokens[k])
        if prev in _DETERMINERS and not (quoted and ("," in self.masked[tokens[k - 1].end : tokens[k].start]
                                                     or self._after_quotation(tokens, k))):
            # a noun: "a note to clients", "the report"; but after a quotation closing on a comma the word
            # before is the quotation's: `That "is the thing that saved us," said Carole Taylor`
            return None
        if self._negated(tokens, k):
            return None  # "declined to comment", "did not say"
        if length == 1 and prev in self.vocab.passive and not quoted and not tokens[k].lower.endswith("ing") \
                and not self._by_source(tokens, k + length):
            return None  # "it was said", "so-called"; "is calling for" is no passive
        if length > 1 and tokens[k].lower == "in":  # "In a letter sent on Monday, Mr. Okafor writes": after its comma
            for j in range(k + length, min(k + length + 12, len(tokens))):
                if self._boundary(tokens[j - 1], tokens[j]) or self._quoted_between(tokens[j - 1], tokens[j]):
                    break
                if "," in self.masked[tokens[j - 1].end : tokens[j].start]:
                    subject = self._noun_phrase_from(tokens, j) or (
                        self._name_from(tokens, j, 1) if self._is_source(tokens[j]) else None)
                    if subject:
                        return subject
                    break
        # (the unmasked text: `needled the "reporter," saying` has its comma inside the marks)
        if k > 0 and tokens[k].lower.endswith("ing") and "," in self.scan.text[tokens[k - 1].end : tokens[k].start]:
            subject = self._clause_subject(tokens, k)  # `Fiorina backed Cruz (R-Texas), saying …`: Fiorina
            if subject:
                return subject
        addressed = tokens[k].lower in self.vocab.addressed
        if addressed:  # "she told reporters": the word after is the listener, unless nothing stands before
            return self._source_before(tokens, k) or self._source_after(tokens, k, length)
        if quoted:  # `"…," said Ruiz`: the subject comes after; the words before the quotation are other words
            return self._source_after(tokens, k, length) or self._source_before(tokens, k)
        if k > 0 and "," in self.masked[tokens[k - 1].end : tokens[k].start]:
            inverted = self._inverted_name(tokens, k + length)  # `…, said Steve Elmendorf, a strategist`
            if inverted:
                return inverted
        return self._source_before(tokens, k) or self._source_after(tokens, k, length)  # "Ruiz said the strike…"

    def _name_from(self, tokens: list[_Token], j: int, step: int) -> str:
        """The source at tokens[j] as written: with the rest of its name when it is one ("Ann Butterfield",
        "G.K. Butterfield" from either end), without a title written short before it ("Rep.", "Sen.")."""
        if not tokens[j].capitalised or tokens[j].lower in self.vocab.pronouns:
            return tokens[j].word
        first = last = j
        while 0 <= (nxt := (last if step > 0 else first) + step) < len(tokens) and last - first < 3:
            left, right = (tokens[last], tokens[nxt]) if step > 0 else (tokens[nxt], tokens[first])
            if not tokens[nxt].capitalised or self._boundary(left, right) \
                    or self.masked[left.end : right.start].strip(". ") or tokens[nxt].lower in self.vocab.pronouns \
                    or tokens[nxt].lower in _NOT_DESCRIPTION or tokens[nxt].lower in self.vocab.not_names:
                break
            if step > 0:
                last = nxt
            else:
                first = nxt
        while first < last and tokens[first].lower in self.vocab.abbreviations.words:
            first += 1
        return self.masked[tokens[first].start : tokens[last].end]

    def _clause_subject(self, tokens: list[_Token], k: int) -> str | None:
        """The subject a participle after a comma hangs on: the first source of its sentence before it
        ("Trump took a risk by winking at Jewish stereotypes, telling the crowd": Trump, not Jewish)."""
        first = k
        while first > 0 and not self._boundary(tokens[first - 1], tokens[first]):
            first -= 1
        comma = next((j for j in range(first + 1, k) if "," in self.masked[tokens[j - 1].end : tokens[j].start]), None)
        if tokens[first].lower in _FRONTING or comma is not None and comma - first <= 5 and first + 1 < k \
                and tokens[first + 1].lower in _PREPOSITIONS and tokens[first].lower not in self.vocab.nouns:
            # "Early in his campaign, Trump attacked Romney, calling him …", "Amid the row, Walsh wrote, saying":
            # the subject follows the fronted phrase ("Attorneys for Clinton opposed it, saying" has none)
            if comma is None:
                return None
            first = comma
        for j in range(first, k):
            if tokens[j].lower in _DETERMINERS:
                continue
            if self._is_source(tokens[j]):
                return self._noun_phrase_at(tokens, j) or self._name_from(tokens, j, 1)
            return None  # the sentence opens on something else ("Despite …", a verb): leave it to the nearest source
        return None

    def _noun_phrase_from(self, tokens: list[_Token], j: int) -> str | None:
        """ "the ministry", "the harbour master" when a determiner's phrase starts at tokens[j]."""
        for n in (2, 3, 4):
            if self._noun_phrase(tokens, j, j + n) and self._is_source(tokens[j + n - 1]):
                return " ".join(t.word for t in tokens[j : j + n])
        return None

    def _noun_phrase_at(self, tokens: list[_Token], j: int) -> str | None:
        """ "the harbour master" when tokens[j] ends a determiner's phrase ("the 34-year-old")."""
        for n in (1, 2, 3):
            if j - n >= 0 and self._noun_phrase(tokens, j - n, j + 1):
                return " ".join(t.word for t in tokens[j - n : j + 1])
        return None

    def _inverted_name(self, tokens: list[_Token], j: int) -> str | None:
        """A name right after the verb that ends its clause ("said Steve Elmendorf, a strategist", "said Ruiz."):
        an inverted subject, not the subject of what was said ("said Trump's plan", "said Clinton must")."""
        end = j
        while end < len(tokens) and tokens[end].capitalised and not tokens[end].lower.endswith(("'s", "’s")) \
                and (end == j or not self._boundary(tokens[end - 1], tokens[end])):
            end += 1
        if end == j or not self._is_source(tokens[j]):
            return None
        rest = self.masked[tokens[end - 1].end : tokens[end - 1].end + 40].lstrip()
        return self._name_from(tokens, j, 1) if rest[:1] in ("", ",", ".", ";") else None

    def _source_after(self, tokens: list[_Token], k: int, length: int) -> str | None:
        """An inverted subject: "said Ruiz", "said the newcomer", "warned epidemiologist Clifford McDonald".

        The name may stand after a longer run of lower-case words that describe
        the speaker, with no comma in it: "said two-time world bronze medallist
        Suguri". Past the first four words only such a run leads to it.
        """
        described = True  # so far an unbroken run of lower-case words
        for j in range(k + length, min(k + length + 7, len(tokens))):
            if self._boundary(tokens[j - 1], tokens[j]) or tokens[j].word in ":;":
                break
            if j >= k + length + 4 and not described:
                break
            if self._is_source(tokens[j]):
                return self._described_name(tokens, j) or self._name_from(tokens, j, 1)
            described = described and tokens[j].word[:1].islower() and tokens[j].lower not in _NOT_DESCRIPTION \
                and "," not in self.masked[tokens[j - 1].end : tokens[j].start]
        if k + length < len(tokens) and not self._boundary(tokens[k + length - 1], tokens[k + length]) \
                and self._noun_phrase(tokens, k + length, k + length + 2):
            return " ".join(t.word for t in tokens[k + length : k + length + 2])  # "said the newcomer"
        return None

    def _described_name(self, tokens: list[_Token], j: int) -> str | None:
        """The name after a capitalised description: "said Tibetan University graduate Lhamo Cering", "said
        Labour MP Ana Ruiz" (the capitals, then one or two lower-case words of role, then the name)."""
        if not tokens[j].capitalised or tokens[j].lower in self.vocab.pronouns:
            return None
        end = j + 1  # past the capitalised words of the description
        while end < len(tokens) and end - j < 4 and tokens[end].capitalised \
                and not self.masked[tokens[end - 1].end : tokens[end].start].strip(". "):
            end += 1
        for n in (1, 2):
            role = tokens[end : end + n]
            if len(role) < n or end + n >= len(tokens):
                return None
            if not all(t.word.isalpha() and t.word.islower() and t.lower not in _AFTER_SUBJECT
                       and t.lower not in _NOT_DESCRIPTION and t.lower not in self.vocab.verbs for t in role):
                return None
            name = tokens[end + n]
            between = self.masked[tokens[end - 1].end : name.start]
            if "," in between or any(self._boundary(a, b)
                                     for a, b in zip(tokens[end - 1 : end + n], tokens[end : end + n + 1])):
                return None
            if name.capitalised and self._is_source(name) and name.lower not in self.vocab.pronouns:
                return self._name_from(tokens, end + n, 1)
        return None

    def _source_before(self, tokens: list[_Token], k: int) -> str | None:
        """The subject in the verb's clause: "the 34-year-old said", "Ruiz, the mayor, said"."""
        if k == 0 or self._boundary(tokens[k - 1], tokens[k]):
            return None  # the verb opens its sentence: nothing before it is its subject
        phrase = self._noun_phrase_at(tokens, k - 1)  # "the 34-year-old said", "the harbour master said"
        if phrase:
            return phrase
        for j in range(k - 1, max(k - 13, -1), -1):
            if self._boundary(tokens[j], tokens[j + 1]):
                break
            if self._is_source(tokens[j]):
                if tokens[j].lower in _WHO and j > 0 and self._is_source(tokens[j - 1]) \
                        and "," in self.masked[tokens[j - 1].end : tokens[j].start]:
                    return self._name_from(tokens, j - 1, -1)  # "Clinton, who was speaking to mayors, told them"
                return self._name_from(tokens, j, -1)
        return None

    def _noun_phrase(self, tokens: list[_Token], start: int, end: int) -> bool:
        """A determiner and one to three words, next to the verb and in its sentence: a subject
        ("the ferry operator", "the ship's master") or an inverted one ("said the newcomer")."""
        if start < 0 or end > len(tokens) or tokens[start].lower not in _SUBJECT_DETERMINERS:
            return False
        if "," in self.masked[tokens[start].start : tokens[end - 1].end]:
            return False  # "At the pier, Okafor said": a phrase does not run over a comma
        words = tokens[start + 1 : end]
        return bool(words) and all(
            not self._boundary(left, word) and word.word[:1].isalpha() and word.lower not in self.vocab.verbs
            and word.lower not in _PREPOSITIONS  # "the rally on Wednesday" is where, not who
            for left, word in zip(tokens[start:end], words)
        )

    def _quoted_between(self, left: _Token, right: _Token) -> bool:
        """Whether a quotation stands between two neighbouring narration tokens (its words are blanked):
        in `who was "…," said Lyle` the "was" before the quotation is no auxiliary of "said"."""
        return any(left.end <= q.start < right.start for q in self.outer)

    def _negated(self, tokens: list[_Token], k: int) -> bool:
        """Whether a negation ("did not", "declined to") stands right before the verb at tokens[k], in its sentence
        and with no quotation between: `Others did not. "…," said Ruiz` is no "did not say"."""
        start = k
        while start > max(k - 3, 0) and not self._boundary(tokens[start - 1], tokens[start]) \
                and not self._quoted_between(tokens[start - 1], tokens[start]):
            start -= 1
        before = [t.lower.replace("’", "'") for t in tokens[start:k]]
        if not before or before[-1] not in self.vocab.negation_ends:
            return False  # every negation ends in one of a few words ("not", "to")
        return any(_ends_with(before, n) for n in self.vocab.negations)

    def _by_source(self, tokens: list[_Token], k: int) -> bool:
        return any(t.lower == "by" for t in tokens[k : k + 2])

    def _boundary(self, left: _Token, right: _Token) -> bool:
        """Whether a sentence ends between two neighbouring tokens."""
        return any(left.end <= cut <= right.start for cut in self.cuts)

    def _is_source(self, token: _Token) -> bool:
        """A pronoun, a source noun ("the official", "the ministry's") or a capitalised name."""
        lower = token.lower
        if lower in self.vocab.pronouns or lower in self.vocab.nouns:
            return True
        if lower.endswith(("'s", "’s")) and lower[:-2] in self.vocab.nouns:
            return True
        if lower.endswith("-year-old") or lower.split("-")[0] in self.vocab.nouns:
            return True  # "the 34-year-old", "a mother-of-two"
        if token.capitalised and (lower in _DETERMINERS or lower in _FRONTING):
            return False  # "A military solution would be "…"", "Amid calls for …": a function word names no one
        if token.capitalised and lower not in self.vocab.not_names and (
                (lower not in self.vocab.verbs and lower not in self.vocab.phrases_by_first)
                or not self._opens_sentence(token)):
            return True  # a verb form capitalised inside a sentence is a name: "…," Read said.
        return False

    def _first_person(self, quotation: Quotation) -> Speaker | None:
        """Words in the first person worked into a sentence about one person: theirs, with no speech verb.

        `Lisa Mancini has been cosplaying for two years, her "passion" for the
        hobby "stemmed through my love for Halloween."`, `She typically chooses
        "to portray …, I also enjoy …"`. The sentence opens on its subject (a
        name, or "he" or "she"), names no one else before the quotation (a name
        after "on", "in" or "at" says where, not who: `Trump, also on Twitter,
        defended his decision, "As I have stated …"`), and the quotation stands
        inside it: words that open their own sentence after narration about
        someone (`Smith arrived at noon. "I will go."`) may be anyone's.
        """
        if quotation.end is None:
            return None
        person = _FIRST_PERSON.search(self.scan.text, quotation.inner_start, quotation.inner_end)
        if person is None:
            return None
        start = self.sentences[self._sentence_index(quotation.start)][0]
        before = self._tokens(start, quotation.start)
        if len(before) < 2:
            return None
        head = before[0]
        if head.lower in _PERSONAL:
            group = [head]
        elif head.capitalised and self._is_source(head) and head.lower not in self.vocab.pronouns \
                and head.lower not in self.vocab.nouns and not head.lower.endswith(("'s", "’s")):
            group = [head]
            for t in before[1:]:
                if not (t.capitalised and self._is_source(t)) or self.masked[group[-1].end : t.start].strip():
                    break
                group.append(t)
        else:
            return None
        if len(before) == len(group) or not self._predicate_after(group[-1], before[len(group)]):
            return None  # "Based on her actions, "I …"", "Couple global exposure with …": no subject opens it
        if before[-1].lower in _ARTICLES or any(t.lower in _NOT_REPORTING for t in before):
            return None  # `about the "…" comment`: words named as a thing; `is expected to back "…"`: not said
        names, place, previous = {g.lower for g in group}, False, group[-1]
        for t in before[len(group):]:
            adjacent = not self.masked[previous.end : t.start].strip()
            place = t.capitalised and (previous.lower in _WHERE or place and adjacent)  # "on Twitter", "at Fan Expo"
            previous = t
            if place or t.lower in self.vocab.pronouns or t.lower in names or not self._is_source(t):
                continue  # a place or a medium, narration, "she" or "her" taking the subject back, the name again
            return None  # someone else: the first person may be theirs
        who = " ".join(t.word for t in group)
        return Speaker(who, "first-person", f'"{person.group()}" in words worked into a sentence about {who}')

    def _predicate_after(self, subject: _Token, nxt: _Token) -> bool:
        """Whether the word after a sentence's first name goes on as its predicate: a comma ("Trump, also on
        Twitter, defended"), an auxiliary or adverb ("has been", "also embraced"), or a verb's form ("chooses")."""
        if "," in self.masked[subject.end : nxt.start]:
            return True
        word = nxt.lower
        return not nxt.capitalised and (word in _AUXILIARIES or word.endswith(("ed", "s", "ly")))

    def _colon_after_source(self, quotation: Quotation) -> Speaker | None:
        """"Ushakov was blunt:" or "He is prepared to go this far:" right before the opening mark."""
        sentence = self._sentence_index(quotation.start)
        start = self.sentences[max(sentence - 1, 0)][0]
        lead = self.masked[start : quotation.start].rstrip()
        if not lead.endswith(":"):
            return None
        tokens = [t for t in self._tokens(start, quotation.start) if t.word not in ":;"]
        # The source may close the lead-in ("the statement read:") or be its subject ("He is prepared to go this far:").
        for t in [*reversed(tokens[-6:]), *tokens[:3]]:
            if self._is_source(t):
                return Speaker(t.word, "colon-lead-in", f'"{t.word} …:"')
        return None


_FRAGMENT = "a fragment opening on a lower-case word opens its sentence, with no words to attribute it"


#: Auxiliaries and the adverbs that stand between a subject and its verb ("the military would", "she also").
_VERB_LINKS = frozenset(
    "is was are were be been has have had will would could should can may might must did does do shall "
    "also still then now often never only just not".split())
#: Words that follow a subject or a noun rather than a noun a source noun modifies: auxiliaries,
#: joiners and prepositions ("the military would", "police and", "the ministry of").
_AFTER_SUBJECT = _VERB_LINKS | frozenset(
    "and or but nor of in on at to for with by from about into over than that which who whom whose".split())


#: A publication credited in brackets at the very end of a paragraph: "[AP.]", "[Mother Jones.]", "[NYT]".
_BRACKET_CREDIT = compiled.regex(r"\[\s*([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})\s*\.?\s*\]\s*$")


#: A quotation's words in the first person: someone's own.
_FIRST_PERSON = compiled.regex(r"\b(?:I|I['’](?:m|ve|d|ll)|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ww]e|[Oo]ur|[Oo]urs|us|[Oo]urselves)\b")
#: Words that go on from a subject to its verb: "Okafor has", "she also".
_AUXILIARIES = _VERB_LINKS | {"later", "once"}
#: Articles and demonstratives: a quotation right after one is named as a thing ("the "…" comment").
_ARTICLES = frozenset("the a an this that these those".split())
#: What joins two items of a list of quoted titles: `"…" and "…"`, `"…", "…" or "…"`.
_LIST_JOIN = compiled.regex(r"\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)")
#: The particles that end a phrasal speech verb ("went on", "pointed out", "hit back", "summed up").
_PARTICLES = frozenset("on out back up off".split())
#: The pronouns of one person that may open a sentence as its subject.
_PERSONAL = frozenset({"he", "she"})
#: Prepositions after which a name says where or through what, not who: "on Twitter", "at the Fan Expo".
_WHERE = frozenset({"on", "in", "at", "via", "across", "through", "into", "near", "from", "outside", "inside"})

#: Relative pronouns of people: the source they stand for is the name before their comma.
_WHO = frozenset({"who", "whom"})


def _ends_with(words: list[str], phrase: tuple[str, ...]) -> bool:
    return len(words) >= len(phrase) and tuple(words[len(words) - len(phrase) :]) == phrase


@compiled.dataclass(frozen=True)
class Paragraph:
    """A body paragraph handed to attribute(): its marks paired, and where it stands among the draft's blocks."""

    index: int
    scan: QuotationScan
    heading: str | None = None  # the subheading right before it, if one stands there


def attribute(paragraphs: Sequence[Paragraph], vocabulary: Vocabulary, min_words: int = 6) -> list[Judgement]:
    """The speaker of every direct quotation of a draft's body, in reading order.

    Each quotation (a passage over several paragraphs counts once, at its
    first part) gets a Speaker: from its own paragraph's words first, then
    from the layout around it: the paragraph before ending in a colon, the
    same speaker's quotation just before it, a paragraph that names and
    paraphrases one person, a Q&A, a heading over a collection of quotations.
    """
    readers = _Readers(paragraphs, vocabulary)
    found: list[Judgement] = []
    for run in _runs(paragraphs):
        judged: dict[tuple[int, int], Speaker] = {}
        for passage in passages([paragraphs[i].scan for i in run]):
            k, first = passage.first
            at = run[k]
            if not passage.closed or passage.words < min_words:
                # an unclosed quotation is QUO002's; a short one is a title or scare quote, or a voice
                if passage.closed:
                    _short_voice(passage, at, paragraphs, readers, judged)
                continue
            speaker = _speaker(passage, run, paragraphs, readers, judged)
            judged[(at, first.start)] = speaker
            found.append(Judgement(at, first, speaker))
            if len(passage.parts) > 1 and speaker.attributed:
                # the passage's closing part is the quotation a bare paragraph after it continues
                part, last = passage.last
                judged[(run[part], last.start)] = readers[run[part]].speaker(last) or speaker
    return found


def _short_voice(passage: Passage, at: int, paragraphs: Sequence[Paragraph], readers: _Readers,
                 judged: dict[tuple[int, int], Speaker]) -> None:
    """A short quotation that opens its paragraph with its own speech verb (`"What a farce," said Ng.`) is no
    direct quotation to judge, but it is a voice: the same speaker's quotation after it goes on in it."""
    _, first = passage.first
    if len(passage.parts) > 1 or paragraphs[at].scan.text[: first.start].strip() != "":
        return
    speaker = readers[at].speaker(first)
    if speaker is not None and speaker.reason in ("speech-verb", "frame"):
        judged[(at, first.start)] = speaker


class _Readers:
    """Each paragraph's Attribution, built when a judgement first asks for it: most paragraphs hold no quotation."""

    def __init__(self, paragraphs: Sequence[Paragraph], vocabulary: Vocabulary) -> None:
        self.paragraphs, self.vocabulary = paragraphs, vocabulary
        self.built: dict[int, Attribution] = {}

    def __getitem__(self, position: int) -> Attribution:
        reader = self.built.get(position)
        if reader is None:
            reader = self.built[position] = Attribution(self.paragraphs[position].scan, self.vocabulary)
        return reader


def _runs(paragraphs: Sequence[Paragraph]) -> list[list[int]]:
    """Positions of paragraphs that follow one another in the draft, where a quotation or a speaker carries over."""
    runs: list[list[int]] = []
    for i, p in enumerate(paragraphs):
        if runs and p.index == paragraphs[runs[-1][-1]].index + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _speaker(passage: Passage, run: list[int], paragraphs: Sequence[Paragraph], readers: _Readers,
             judged: dict[tuple[int, int], Speaker]) -> Speaker:
    k, first = passage.first
    at = run[k]
    reader = readers[at]
    if reader.is_title(first):
        return Speaker(None, "title")
    for j, (part, q) in enumerate(passage.parts):
        speaker = readers[run[part]].speaker(q)
        if speaker is not None:
            return speaker if j == 0 else Speaker(speaker.source, "passage", speaker.evidence)
    cut = reader.cut_off(first) if len(passage.parts) == 1 else None
    if cut is not None and cut != _FRAGMENT:  # a paragraph of its own may be a fragment the layout attributes
        return Speaker(None, "none", cut)
    opens = paragraphs[at].scan.text[: first.start].strip() == ""
    previous = run[k - 1] if k > 0 else None
    if previous is not None and opens:
        lead = readers[previous].introduces_quotation()
        if lead is not None:
            return lead
    # the quotation's sentence names nobody before it: the voice of the paragraph before may go on into it
    voiceless = previous is not None and _unvoiced_opening(reader, first) and reader.cut_off(first) is None
    unvoiced = voiceless and not opens
    # `"…." Argentina play on Friday.`: a quotation that opens its paragraph as a sentence naming no one
    # else is the speaker's, whatever the narration after it says
    alone = unvoiced or (opens and _names_no_one_after(reader, first))
    return (_signed_below(passage, run, readers)
            or _continued(first, at, previous if opens or unvoiced else None, readers, judged, alone)
            or (_sole_source(readers[previous]) if previous is not None and opens else None)
            or _sole_source_before(reader, first)
            or (_paraphrased(readers[previous]) if voiceless and not any(p == previous for p, _ in judged) else None)
            or _collection(run[: k + 1], paragraphs, reader.vocab)
            or Speaker(None, "none", cut or ""))


#: A sign-off paragraph under a quotation: a dash, then a name and at most a short description.
_SIGNATURE = compiled.regex(r"\s*\\?[-–—―]+\s*([A-Z\u00c0-\u024f][^\s,;.:]*(?:\s+[A-Z\u00c0-\u024f][^\s,;.:]*){0,3})([^\n]*)$")


def _signed_below(passage: Passage, run: list[int], readers: _Readers) -> Speaker | None:
    """The paragraph after the quotation signs it: `"…"` then `— Ana Ruiz, Philadelphia.`

    Pull quotes and quote round-ups print the speaker under the words. The
    quotation must close its paragraph, and the next paragraph must be only
    the dash, a name and a few words about them, with no quotation of its own.
    """
    part, quotation = passage.parts[-1]
    if quotation.end is None or part + 1 >= len(run):
        return None
    reader, below = readers[run[part]], readers[run[part + 1]]
    if reader.masked[quotation.outer_end :].strip(" \t\n.,;!?…") != "" or below.outer:
        return None
    m = _SIGNATURE.match(below.scan.text)
    if m is None or len(_WORD.findall(m.group(2))) > 8 or m.group(1).lower() in reader.vocab.not_names:
        return None
    return Speaker(m.group(1), "dash-line", f'"— {m.group(1)}" in the paragraph after')


def _continued(quotation: Quotation, at: int, previous: int | None, readers: _Readers,
               judged: dict[tuple[int, int], Speaker], unvoiced: bool = False) -> Speaker | None:
    """The same speaker's quotation just before: earlier in the paragraph, or closing the paragraph before.

    In the paragraph, narration between the two may name no other source
    ("Smith disagreed." between them breaks it). From the paragraph before,
    its last quotation must be attributed and end it, or the paragraph must be
    that quotation and its attribution alone (`"…," she said.`) when this one
    is bare quotation or opens on narration that names nobody (`Besides,
    "…"`); a paragraph that also narrates hands the voice back to the story.
    """
    reader = readers[at]
    before = [(start, s) for (p, start), s in judged.items() if p == at and start < quotation.start]
    if before:
        start, speaker = max(before, key=lambda item: item[0])
        prior = next(q for q in reader.outer if q.start == start)
        if speaker.attributed and speaker.reason != "title" and _same_voice(reader, prior.outer_end, quotation.start, speaker):
            return Speaker(speaker.source, "continuation", f"after {speaker.source or 'the same speaker'}'s quotation")
        return None
    if previous is None:
        return None
    last = [(start, s) for (p, start), s in judged.items() if p == previous]
    if not last:
        return None
    start, speaker = max(last, key=lambda item: item[0])
    before = readers[previous]
    prior = next(q for q in before.outer if q.start == start)
    if not speaker.attributed or speaker.reason == "title":
        return None
    tail = before.masked[prior.outer_end :].strip(" \t\n.,;!?…")
    if tail == "":
        return Speaker(speaker.source, "continuation", f"after {speaker.source or 'the same speaker'}'s quotation closing the paragraph before")
    if (unvoiced or _bare(readers[at])) and _quote_paragraph(before, prior, speaker):
        return Speaker(speaker.source, "continuation",
                       f"after {speaker.source or 'the same speaker'}'s quotation paragraph before")
    return None


def _bare(reader: Attribution) -> bool:
    """Whether the paragraph is quotation and nothing else: no narration word outside its marks."""
    return not reader.tokens


def _quote_paragraph(reader: Attribution, quotation: Quotation, speaker: Speaker) -> bool:
    """Whether the paragraph is one sentence: the speaker's quotation and its own attribution, nothing else.

    Wire copy runs a speaker's words on over paragraphs that way (`"…," the
    minister said.` then a bare `"…"`). A paragraph that also narrates
    (`Okafor told reporters that … "…," she said.`) is the narrator's, and so
    is one with a sentence or another source after the attribution: the bare
    quotation after either needs its own.
    """
    end = len(reader.scan.text.rstrip())
    if reader._sentence_index(quotation.start) != 0:
        return False
    last = reader._sentence_index(max(end - 1, 0))
    # `"…?" Douste-Blazy said.`: words that end a sentence inside the marks leave the attribution a sentence of
    # its own, and the paragraph is still the quotation and its attribution
    if last > 1 or (last == 1 and (reader.sentences[1][0] != quotation.end or not _only_attribution(reader))):
        return False
    if speaker.reason not in ("speech-verb", "frame"):
        return False
    # The attribution, the speaker's title and description, whom and where it was said to ("told the Japan
    # Institute", "said Adam Mendelsohn, the governor's deputy chief of staff, in a statement") name no other
    # voice; a source counts only in a clause of its own ("she said, and Smith shook his head").
    new_clause = False
    tokens = reader._tokens(quotation.outer_end, end)
    for k, token in enumerate(tokens):
        if token.lower in reader.vocab.addressed:
            return True  # the rest is the audience: "told a gathering of leaders, officials and advocates"
        if not new_clause and token.lower in _DESCRIBING:
            return True  # the rest describes the speaker or the moment: "said Berg, who won in 2004 and 2009"
        if token.lower in _CLAUSE_JOINERS and (token.lower not in _COORDINATORS or k == 0
                                              or reader.masked[tokens[k - 1].end : token.start].strip() in (",", ";")):
            # "while addressing a delegation": a participle, whose subject is still the speaker;
            # "and" or "but" opens a clause only after a comma ("search and rescue team" joins words)
            new_clause = not (k + 1 < len(tokens) and tokens[k + 1].lower.endswith("ing"))
        elif new_clause and reader._is_source(token):
            return False
    return True


def _only_attribution(reader: Attribution) -> bool:
    """Whether the paragraph's second sentence is only an attribution: `Okafor said at a meeting of mayors.`,
    `said Lyle, the harbour master.`, not a report of more words (`He said the bridge would be reviewed.`)."""
    tokens = reader._tokens(*reader.sentences[1])
    for k in range(len(tokens)):
        length = reader._verb_at(tokens, k)
        if not length:
            continue
        after = tokens[k + length :]
        if not after or after[0].lower in _PREPOSITIONS | _DESCRIBING or tokens[k].lower in reader.vocab.addressed:
            return True  # the verb ends it, or where, when and to whom it was said follow
        return k == 0 and reader._is_source(after[0])  # inverted: "said Lyle, the harbour master"
    return False


#: Words that join a clause of its own to an attribution, where another person may speak or act
#: ("she said, and Smith shook his head"); time and manner ("said after the session") keep the voice.
_CLAUSE_JOINERS = frozenset({"and", "but", "while", "whereas", "though", "although", "then"})
_COORDINATORS = frozenset({"and", "but"})

#: Words after an attribution that open a clause about the speaker or the moment, naming no other voice:
#: "said Berg, who carded a 66 after Kingston's bogey and Lund's eagle", "he said after the leaders met".
_DESCRIBING = frozenset({"who", "whose", "after", "before", "when", "as", "since", "during"})

#: Words that end a run of words describing the speaker before the name ("said two-time world champion Suguri"):
#: "said at a meeting of EU ministers" is where it was said, not who said it.
_PREPOSITIONS = frozenset({"at", "of", "in", "on", "to", "for", "with", "by", "from", "about", "into", "over"})
#: Words that open a fronted phrase before a clause's subject ("Amid the row, …", "After the vote, …").
_FRONTING = _PREPOSITIONS | frozenset(
    "amid after before during despite since while as when following under among against within without "
    "throughout beyond".split())
_NOT_DESCRIPTION = _DESCRIBING | _DETERMINERS | _PREPOSITIONS | frozenset({"than", "that", "which"})


def _same_voice(reader: Attribution, start: int, end: int, speaker: Speaker) -> bool:
    """Whether the narration between two quotations names no voice but the speaker's.

    A name that only says whose thing or where ("to place at the character
    Tasha Yar's bridge station", "at Harbour Hall") is no other voice; a
    source noun after it still is ("Smith's aide disagreed").
    """
    own = set((speaker.source or "").lower().replace("’", "'").split())
    tokens = reader.tokens
    for k, t in enumerate(tokens):
        if not (start <= t.start and t.end <= end) or not reader._is_source(t) \
                or (t.capitalised and reader._opens_sentence(t)) or reader._modifier(tokens, k):
            continue  # as sources_between reads them
        lower = t.word.lower().replace("’", "'")
        if lower in reader.vocab.pronouns or lower in own or lower.removesuffix("'s") in own:
            continue
        if (t.capitalised and _aside(reader, tokens, k)) or _in_place_phrase(reader, tokens, k):
            continue
        return False
    return True


def _in_place_phrase(reader: Attribution, tokens: list[_Token], k: int) -> bool:
    """Whether tokens[k] ends a phrase after "at", "in", "on" and the like, with only words of a noun phrase
    between: "at the character Tasha Yar's bridge station", "at the White House" say where, not who."""
    for j in range(k - 1, max(k - 7, -1), -1):
        if reader.masked[tokens[j].end : tokens[j + 1].start].strip():
            return False  # a comma or a full stop: the phrase ended
        word = tokens[j].lower
        if word in _WHERE:
            return True
        if word in _AFTER_SUBJECT or reader._verb_at(tokens, j):
            return False
    return False


def _aside(reader: Attribution, tokens: list[_Token], k: int) -> bool:
    """Whether the capitalised name at tokens[k] only says whose thing: its run of capitalised words ends in a
    possessive before a lower-case noun ("the ferryman Tom Ekberg's old station")."""
    last = k
    while last + 1 < len(tokens) and tokens[last + 1].capitalised \
            and not reader.masked[tokens[last].end : tokens[last + 1].start].strip():
        last += 1
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    return tokens[last].lower.endswith(("'s", "’s")) and after is not None and not after.capitalised \
        and not reader._is_source(after) and not reader.masked[tokens[last].end : after.start].strip()


def _unvoiced_opening(reader: Attribution, quotation: Quotation) -> bool:
    """Whether the quotation stands in its paragraph's first sentence with no source named before it there:
    the paragraph opens on it, or on narration that names nobody ("The raid "seized a weapons cache"")."""
    if reader._sentence_index(quotation.start) != 0:
        return False
    return not reader.sources_between(0, quotation.start)  # a capital opening the sentence is no name


def _names_no_one_after(reader: Attribution, quotation: Quotation) -> bool:
    """Whether the rest of the quotation's sentence names no source, and the rest of its paragraph reports
    no one's words: `"…." The vote is a formality.`, not `"…." Smith said the vote was a formality.`"""
    if quotation.end is None or not reader.sentences:
        return False
    end = max(reader.sentences[reader._sentence_index(quotation.start)][1], quotation.outer_end)
    if reader.sources_between(quotation.outer_end, end):
        return False
    tokens = reader._tokens(quotation.outer_end, len(reader.masked))
    return not any(reader._verb_at(tokens, k) for k in range(len(tokens)))


def _paraphrased(reader: Attribution) -> Speaker | None:
    """The paragraph before reports one speaker's words in its last sentence: "Ruiz said the pier would reopen."

    The quotation that opens the next paragraph goes on in that speaker's
    voice. The paragraph may hold no direct quotation of its own (those
    continue or not by their own speaker).
    """
    if not reader.sentences:
        return None
    start, end = reader.sentences[-1]
    if any(start <= q.start and reader.masked[start : q.start].strip() == "" for q in reader.outer):
        return None  # `"We won," she said.`: the verb attributes the short quotation it follows, not the next paragraph
    tokens = reader._tokens(start, end)
    for k in range(len(tokens)):
        length = reader._verb_at(tokens, k)
        if not length or not _reports(tokens, k, reader.vocab) or reader._negated(tokens, k) \
                or k > 0 and tokens[k - 1].lower in _RELATIVES or tokens[k].lower == "according" \
                or tokens[k].lower in reader.vocab.views:
            # "According to the agency, …" gives a fact its source, and "They think …" a view: neither is a
            # voice that goes on
            continue
        # The subject before the verb, or an inverted one after a comma ("…, said Ruiz"): a name after a verb
        # with an object ("noted the campaign material", "wrote the profile on Boyle") is no speaker.
        inverted = k > 0 and "," in reader.masked[tokens[k - 1].end : tokens[k].start]
        source = reader._source_before(tokens, k) or (reader._source_after(tokens, k, length) if inverted else None)
        if source and not _plural_source(source, reader.vocab) and not _body(source, reader.vocab):
            verb = " ".join(t.word for t in tokens[k : k + length])
            return Speaker(source, "paraphrase", f'"{source} {verb} …" in the paragraph before')
    return None


#: "The editor who wrote the profile": a relative clause's subject is not the paragraph's speaker.
_RELATIVES = frozenset({"who", "whom", "which", "that"})


def _body(source: str, vocabulary: Vocabulary) -> bool:
    """ "the agency said", "a report found", "the Kestrel Institute said": an organisation or a document, whose
    paraphrase does not make the quotation after it anyone's words."""
    last = source.split()[-1].lower().removesuffix("'s").removesuffix("’s")
    return last in vocabulary.bodies or last in vocabulary.documents


def _plural_source(source: str, vocabulary: Vocabulary) -> bool:
    """ "officials said", "the analysts said": many voices, so a quotation after them needs its own speaker."""
    last = source.split()[-1].lower()
    return last in vocabulary.nouns and any(
        last.endswith(end) and last[: -len(end)] + add in vocabulary.nouns for end, add in (("s", ""), ("es", ""), ("ies", "y")))

#: A form of "be" before a view's participle makes it passive: "is expected", "was thought".
_BE = frozenset("is was are were be been being".split())

#: Words before a verb form that make it no report of words said: "to respond", "would say", "did not comment".
_NOT_REPORTING = frozenset("to will would could should can may might must shall not never".split())


def _reports(tokens: list[_Token], k: int, vocabulary: Vocabulary) -> bool:
    """Whether the speech verb at tokens[k] reports words said: a finite form ("said", "told", "says"), or a bare
    one after a plural subject ("officials say"); not an infinitive, a modal's verb or a participle ("blasting")."""
    word = tokens[k].lower
    before = tokens[k - 1].lower if k else ""
    if before in _NOT_REPORTING:
        return False
    if word in vocabulary.finite:
        return True
    return word not in vocabulary.verbs or not word.endswith("ing") and (
        before in ("they", "we") or (before.endswith("s") and before in vocabulary.nouns))


def _sole_source(reader: Attribution) -> Speaker | None:
    """A paragraph of narration that opens on one person's name and paraphrases them ("Ruiz lays the blame on…")."""
    if reader.outer or len(reader.tokens) < 8:
        return None
    names = [t for t in reader.tokens if t.capitalised and reader._is_source(t) and t.lower not in reader.vocab.pronouns]
    if not names or names[0] is not reader.tokens[0] and reader.tokens[0].lower not in reader.vocab.nouns:
        return None
    group = [names[0]]
    for t in names[1:]:
        if reader.masked[group[-1].end : t.start].strip() == "":
            group.append(t)
        elif t.lower not in {g.lower for g in group}:
            return None  # a second person or body: the source is not the only one around
    if all(g.lower in reader.vocab.nouns for g in group):
        return None  # "Carers gathered outside the offices.": a group noun, no one person or body
    who = " ".join(t.word for t in group)
    return Speaker(who, "sole-source", f'"{who}" is the one source of the paragraph before')


def _sole_source_before(reader: Attribution, quotation: Quotation) -> Speaker | None:
    """Narration opening the paragraph on one person's name, then the quotation opening a later sentence:
    `France's Le Figaro went further. "…"`. Nothing else is quoted before it, no one else is named."""
    k = reader._sentence_index(quotation.start)
    if k == 0 or reader.cut_off(quotation) is not None \
            or reader.masked[reader.sentences[k][0] : quotation.start].strip() \
            or any(q.start < quotation.start for q in reader.outer):
        return None
    before = [t for t in reader.tokens if t.end <= quotation.start]
    if len(before) < 4 or not before[0].capitalised or not reader._is_source(before[0]) \
            or before[0].lower in reader.vocab.pronouns or before[0].lower in reader.vocab.nouns:
        return None  # a name, not "Engineers inspected the breach." or "Residents were not convinced."
    group = [before[0]]
    for t in before[1:]:
        if t.lower in reader.vocab.pronouns or not (t.capitalised and reader._is_source(t)):
            continue  # a word of the narration, or "he", "she" taking the name back
        if reader.masked[group[-1].end : t.start].strip(" ’'s") == "" and t.start - group[-1].end <= 3:
            group.append(t)
        elif t.lower not in {g.lower for g in group}:
            return None  # a second person or body
    who = " ".join(t.word for t in group)
    return Speaker(who, "sole-source", f'"{who}" is the one source before it in its paragraph')


def _collection(positions: list[int], paragraphs: Sequence[Paragraph], vocabulary: Vocabulary) -> Speaker | None:
    """Under a heading such as "What they said", every paragraph up to this one opening on a quotation."""
    head = paragraphs[positions[0]].heading
    if head is None:
        return None
    cues = {w.lower() for w in _WORD.findall(head)}
    if not cues & vocabulary.collection_cues:
        return None
    if not all(paragraphs[i].scan.text.lstrip()[:1] in MARKS for i in positions):
        return None
    return Speaker(None, "quote-collection", f'under the heading "{head.strip()}"')
