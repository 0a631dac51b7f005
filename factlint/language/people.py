"""Finding person names in news prose by context, and folding spellings to tell one person spelt two ways."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import MISSING, field, fields
from functools import cached_property, lru_cache
from operator import attrgetter
from typing import AbstractSet, Any, Iterable, Iterator, Mapping, NamedTuple, Sequence

from factlint import compiled
from factlint.language.sentences import Abbreviations, breaks_between

#: Block kinds, as `factlint.document` names them (kept as strings so this
#: module can be tested on plain strings). Headlines and subheadings are
#: neither body nor caption: read for NAM001, never introducing anyone.
HEADLINE, SUBHEADING, PARAGRAPH, CAPTION, LIST_ITEM = "headline", "subheading", "paragraph", "caption", "list-item"
BODY_KINDS = (PARAGRAPH, LIST_ITEM)

#: A word: letters, with inner apostrophes and hyphens ("O'Neill", "al-Assad").
WORD_RE = compiled.regex(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
POSSESSIVE_RE = compiled.regex(r"['’]s$")
QUOTE_MARKS = frozenset('"“”«»„')
# Two straight apostrophes are one double mark where copy was typed for typewriter or wire systems
# (''We will win,'' she said): the New York Times archive and AP copy set quotations so.
QUOTE_RE = compiled.regex("[" + "".join(sorted(QUOTE_MARKS)) + "]|''")
_QUOTE_MARK_RE = compiled.regex("[" + "".join(sorted(QUOTE_MARKS)) + "]")  # the same, for the many blocks with no ''
_WORD_SPLIT_RE = compiled.regex(f"({WORD_RE.pattern})")  # the gaps between words, and the words

#: Order matters: each rule folds one difference transliteration systems make.
SKELETON_RULES = (
    ("x", "ks"), ("tsch", "ch"), ("tch", "ch"), ("ck", "k"), ("q", "k"), ("kh", "h"),
    ("gh", "k"), ("dh", "d"), ("ph", "f"), ("w", "v"),
)
DOUBLE_RE = compiled.regex(r"(.)\1+")
_COMMA_AFTER = compiled.regex(r"\s*,")


# ---------------------------------------------------------------- folding


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower-case ASCII letters only: "Núñez" -> "nunez", "Зеленский" -> "zelenskii"."""
    from unidecode import unidecode

    return re.sub(r"[^a-z]", "", unidecode(text).lower())


@lru_cache(maxsize=8192)
def skeleton(text: str, collapse: bool = True) -> str:
    """A folded spelling with transliteration differences removed: Zelenskyy, Zelenskiy, Zelensky agree.

    `collapse` also merges doubled letters (Gaddafi, Gadafi); given names keep
    them, as Ana and Anna are two people as often as one.
    """
    s = fold(text)
    for old, new in SKELETON_RULES:
        s = s.replace(old, new)
    s = re.sub(r"(?<=[aeiou])j", "i", s).replace("ij", "i").replace("y", "i")
    s = re.sub(r"^[gq]", "k", s)  # Gaddafi, Qaddafi, Kadhafi
    return DOUBLE_RE.sub(r"\1", s) if collapse else s


def skeletons(texts: Iterable[str]) -> list[str]:
    """`skeleton` of each text, worked out on all of them at once: a names table of thousands at start-up.

    Each step of `skeleton` reads letters only, never across the newline
    that joins two entries, so the joined text gives every skeleton at once;
    texts holding a newline, or one that transliterates to a newline
    (U+2028), are done one by one.
    """
    from unidecode import unidecode

    texts = list(texts)
    if not texts:
        return []
    if any("\n" in t for t in texts):
        return [skeleton(t) for t in texts]
    s = _NOT_LETTER_OR_LINE.sub("", unidecode("\n".join(texts)).lower())
    for old, new in SKELETON_RULES:
        s = s.replace(old, new)
    s = _J_AFTER_VOWEL.sub("i", s).replace("ij", "i").replace("y", "i")
    s = _OPENING_G_OR_Q.sub("k", s)
    found = _DOUBLE_LETTER.sub(r"\1", s).split("\n")
    return found if len(found) == len(texts) else [skeleton(t) for t in texts]


_NOT_LETTER_OR_LINE = compiled.regex(r"[^a-z\n]")
_J_AFTER_VOWEL = compiled.regex(r"(?<=[aeiou])j")
_OPENING_G_OR_Q = compiled.regex(r"^[gq]", re.MULTILINE)
_DOUBLE_LETTER = compiled.regex(r"([a-z])\1+")


#: Spelling differences within one given name, beyond transliteration: each
#: leaves the sound alone (Rajeev / Rajiv, Margarethe / Margarete, Carl / Karl,
#: Marc / Mark, Christina / Kristina). A final "ee" stays (Lee is not Li), and
#: so does every ending that makes another name (Daniel / Danielle, Paul / Paula).
GIVEN_RULES = (
    (compiled.regex(r"^chr"), "kr"),
    (compiled.regex(r"th"), "t"),
    (compiled.regex(r"ee(?=[^aeiou])"), "i"),
    (compiled.regex(r"c(?=[aoulr]|$)"), "k"),
)


@lru_cache(maxsize=8192)
def given_skeleton(text: str) -> str:
    """A given name's spelling with differences that do not change the name removed.

    Doubled letters merge only when five letters or more are left: Phillip is
    Philip and Matthew Mathew, but Anna and Ana, Hanna and Hana, Allan and
    Alan are as often two people as one.
    """
    s = skeleton(text, collapse=False)
    for pattern, new in GIVEN_RULES:
        s = pattern.sub(new, s)
    collapsed = DOUBLE_RE.sub(r"\1", s)
    return collapsed if len(collapsed) >= 5 else s


def is_latin(text: str) -> bool:
    return text.isascii() or all(not c.isalpha() or ord(c) < 0x250 or 0x1E00 <= ord(c) <= 0x1EFF for c in text)


def _distinct_forms(a: str, b: str) -> bool:
    """Two spellings that are each a real name of their own: Petrov / Petrova, Kowalski / Kowalska."""
    short, long_ = sorted((a, b), key=len)
    if long_ == short + "a":
        return True
    if short.endswith(("ki", "ky", "ii")) and long_ in (short[:-1] + "a", short[:-1] + "aya", short[:-2] + "kaya"):
        return True
    return short.endswith("y") and long_ == short[:-1] + "aya"


@lru_cache(maxsize=8192)
def similarity(a: str, b: str) -> str | None:
    """How alike two surname spellings are: "fold", "skeleton", "near" or None.

    "fold": only accents, case or punctuation differ (Núñez / Nunez);
    "skeleton": a transliteration difference (Zelensky / Zelenskyy);
    "near": one letter apart in a long name (Hansen / Hanson), which needs
    agreeing context before anyone calls it a misspelling.
    """
    fa, fb = fold(a), fold(b)
    if not fa or not fb or _distinct_forms(fa, fb):
        return None
    if fa == fb:
        return "fold"
    if min(len(fa), len(fb)) < 3:
        return None  # "Ky." (a state) is no spelling of Kyi
    short, long_ = sorted((fa, fb), key=len)
    if long_ in (short + "s", short + "es"):
        return "near" if len(short) >= 5 else None  # "the Hansens" is a family; "Castellanos" a slip
    sa, sb = skeleton(a), skeleton(b)
    if sa == sb:
        return "skeleton"
    from rapidfuzz.distance import OSA

    shortest = min(len(fa), len(fb))
    distance = OSA.distance(sa, sb)
    if sa[0] == sb[0] and ((distance == 1 and shortest >= 5) or (distance == 2 and shortest >= 8)):
        return "near"
    return None


# ---------------------------------------------------------------- lexicon


def _words(values: Iterable[Any]) -> list[str]:
    out: list[str] = []
    for v in values or ():
        if isinstance(v, list):
            out.extend(_words(v))
        elif v is not None:
            out.append(str(v))
    return out


@compiled.dataclass(frozen=True)
class Lexicon:
    """The word lists of the name packs, shaped for lookup."""

    titles: frozenset[tuple[str, ...]]
    longest_title: int
    honorifics: frozenset[str]  # courtesy titles ("mr", "mrs"): no first reference of their own
    weak_titles: frozenset[str]  # titles that also open company and place names ("General Electric")
    abbreviations: frozenset[str]
    first_names: frozenset[str]  # skeletons
    name_groups: Mapping[str, int]  # skeleton of a given name -> its variant group
    speech_verbs: frozenset[str]
    name_verbs: frozenset[str]
    particles: frozenset[str]  # standing alone or joined with a hyphen: "de Gaulle", "al-Assad"
    hyphen_particles: frozenset[str]  # joined with a hyphen only: "as-Sisi" (alone, "as" is English)
    not_after: frozenset[str]
    after_the: frozenset[str]  # nouns that make "the <surname>" a modifier: "the Ferreira house"
    not_past_tense: frozenset[str]  # words in -ed that are no past tense ("hundred", "sacred")
    family_brands: frozenset[str]  # firms and teams named after a family ("Ferrari won", "Ford sold")
    suffixes: frozenset[str]
    credit_prefixes: tuple[str, ...]
    not_names: frozenset[str]
    places: frozenset[str]
    organisations: frozenset[str]
    surname_first: frozenset[str] = frozenset()  # Chinese and Korean surnames, written before the given name
    kinship: frozenset[str] = frozenset()  # "son", "wife": a full name introduced so is a second person of the surname
    speaker_pronouns: frozenset[str] = frozenset()  # "i", "you": a line that holds one is running text
    thing_pronouns: frozenset[str] = frozenset()  # "its": a surname it takes back is a firm's name
    person_pronouns: frozenset[str] = frozenset()  # "his", "her": a surname they take back is a person's
    irregular_pasts: frozenset[str] = frozenset()  # "had", "threw", "spoke": simple pasts of the irregular-verbs pack
    honorific_sex: Mapping[str, str] = field(default_factory=dict)  # "mr" -> "m", "mrs" -> "f"
    sentence_abbreviations: Abbreviations = Abbreviations(frozenset())  # the shared list and the title short forms

    @classmethod
    def from_packs(cls, titles: Mapping[str, Any], first_names: Mapping[str, Any],
                   context: Mapping[str, Any], shared: Abbreviations = Abbreviations(frozenset()),
                   irregular_pasts: Iterable[str] = ()) -> "Lexicon":
        abbreviations = frozenset(w.lower() for w in _words(titles.get("abbreviations")))
        phrases = {tuple(t.lower().split()) for t in _words(titles.get("titles"))}
        phrases |= {(a,) for a in abbreviations}
        groups: dict[str, int] = {}
        for n, group in enumerate(first_names.get("variants") or ()):
            keys = set(skeletons(_words(group))) - {""}
            joined = {groups[k] for k in keys if k in groups}
            gid = min(joined) if joined else n + 1_000_000
            for k, v in list(groups.items()):
                if v in joined:
                    groups[k] = gid
            for k in keys:
                groups[k] = gid
        return cls(
            titles=frozenset(phrases),
            longest_title=max((len(p) for p in phrases), default=1),
            honorifics=frozenset(w.lower() for w in _words(titles.get("honorifics"))),
            weak_titles=frozenset(" ".join(t.lower().split()) for t in _words(titles.get("weak-titles"))),
            abbreviations=abbreviations,
            first_names=frozenset(skeletons(_words(first_names.get("names")))) - {""},
            name_groups=groups,
            speech_verbs=frozenset(w.lower() for w in _words(context.get("speech-verbs"))),
            name_verbs=frozenset(w.lower() for w in _words(context.get("name-verbs"))),
            particles=frozenset(w.lower() for w in _words(context.get("particles"))),
            hyphen_particles=frozenset(w.lower() for w in _words(context.get("hyphen-particles"))),
            not_after=frozenset(w.lower() for w in _words(context.get("not-after"))),
            after_the=frozenset(w.lower() for w in _words(context.get("after-the"))),
            not_past_tense=frozenset(w.lower() for w in _words(context.get("not-past-tense"))),
            family_brands=frozenset(_words(context.get("family-brands"))),
            suffixes=frozenset(w.lower().rstrip(".") for w in _words(context.get("suffixes"))),
            credit_prefixes=tuple(_words(context.get("credit-prefixes"))),
            not_names=frozenset(w for p in _words(context.get("not-names")) for w in p.split()),
            places=frozenset(w for p in _words(context.get("places")) for w in p.split()),
            organisations=frozenset(_words(context.get("organisations"))),
            surname_first=frozenset(_words(context.get("surname-first"))),
            kinship=frozenset(w.lower() for w in _words(context.get("kinship"))),
            speaker_pronouns=frozenset(w.lower() for w in _words(context.get("speaker-pronouns"))),
            thing_pronouns=frozenset(w.lower() for w in _words(context.get("thing-pronouns"))),
            person_pronouns=frozenset(w.lower() for w in _words(context.get("person-pronouns"))),
            irregular_pasts=frozenset(w.lower() for w in irregular_pasts),
            honorific_sex={**{w.lower(): "m" for w in _words(titles.get("male-honorifics"))},
                           **{w.lower(): "f" for w in _words(titles.get("female-honorifics"))}},
            sentence_abbreviations=Abbreviations(shared.words | abbreviations),
        )

    @cached_property
    def thing_pronoun_re(self) -> re.Pattern[str] | None:
        """Finds a thing pronoun ("its") in a block, so that most blocks, which hold none, skip the search after
        each surname."""
        if not self.thing_pronouns:
            return None
        return compiled.regex(r"\b(?:" + "|".join(map(re.escape, sorted(self.thing_pronouns))) + r")\b", re.IGNORECASE)

    @cached_property
    def title_ends(self) -> frozenset[str]:
        """The last word of every title phrase: a word that is none ends no title, singular or plural."""
        return frozenset(phrase[-1] for phrase in self.titles)

    def is_first_name(self, word: str) -> bool:
        return word not in self.not_names and skeleton(word) in self.first_names

    def given_key(self, word: str) -> str:
        """One key for every spelling of a given name: Yuri and Yury, Mohammed and Muhammad, Rajiv and Rajeev."""
        group = self.name_groups.get(skeleton(word))
        return f"group:{group}" if group is not None else given_skeleton(word)

    def is_past_tense(self, word: str) -> bool:
        """A regular past tense ("threw" is a name verb; "netted", "converted" are caught here)."""
        lower = word.lower()
        return len(lower) >= 5 and lower.endswith("ed") and lower.isalpha() and lower not in self.not_past_tense

    def is_not_name(self, word: str) -> bool:
        # "Tests" (cricket), "Medals": the plural of a word that ends organisations and events is no surname
        # either, unless it is an established one of the census table ("Rivers", "Powers", "Weeks").
        return word in self.not_names or word in self.places or word in self.organisations \
            or word[-1:] == "s" and word[:-1] in self.organisations and word.lower() not in surnames()

    def credit_start(self, text: str) -> int | None:
        """Where a credit ("Photo: ...") starts in a caption, if it has one."""
        found = [text.find(p) for p in self.credit_prefixes if p.endswith(":")]
        found = [i for i in found if i >= 0]
        return min(found) if found else None

    def is_credit_line(self, text: str) -> bool:
        """A credit or byline paragraph ("Photo: ...", "By Helen Achterberg").

        A prefix that is a plain word ("By ") marks only a short line: "By
        Monday, Okafor had..." is a sentence of the story.
        """
        stripped = text.lstrip(" \t*_>")
        if not stripped.startswith(self.credit_prefixes):
            return False  # most paragraphs: no prefix at all, told in one call
        for prefix in self.credit_prefixes:
            if stripped.startswith(prefix) and (prefix.endswith(":") or _byline(stripped)):
                return True
        return False


def _byline(text: str) -> bool:
    return len(text.split()) <= 6 and not text.rstrip().endswith((".", "!", "?"))


# ---------------------------------------------------------------- surname-first names

#: The finals each pinyin initial takes: the syllable grammar of romanised
#: Mandarin, so that "Qiang" and "Jinping" pass and "Jones" or "Hunter" do not.
_PINYIN_FINALS = {
    "": "a o e ai ei ao ou an en ang eng er yi ya ye yao you yan yin yang ying yong wu wa wo wai wei wan wen "
        "wang weng yu yue yuan yun",
    "b": "a o ai ei ao an en ang eng i ie iao ian in ing u",
    "p": "a o ai ei ao ou an en ang eng i ie iao ian in ing u",
    "m": "a o e ai ei ao ou an en ang eng i ie iao iu ian in ing u",
    "f": "a o ei ou an en ang eng u",
    "d": "a e ai ei ao ou an en ang eng ong i ia ie iao iu ian ing u uo ui uan un",
    "t": "a e ai ao ou an ang eng ong i ie iao ian ing u uo ui uan un",
    "n": "a e ai ei ao ou an en ang eng ong i ie iao iu ian in iang ing u uo uan v ve",
    "l": "a o e ai ei ao ou an ang eng ong i ia ie iao iu ian in iang ing u uo uan un v ve",
    "g": "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "k": "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "h": "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "j": "i ia ie iao iu ian in iang ing iong u ue uan un",
    "q": "i ia ie iao iu ian in iang ing iong u ue uan un",
    "x": "i ia ie iao iu ian in iang ing iong u ue uan un",
    "zh": "a e i ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "ch": "a e i ai ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "sh": "a e i ai ei ao ou an en ang eng u ua uo uai ui uan un uang",
    "r": "e i ao ou an en ang eng ong u ua uo ui uan un",
    "z": "a e i ai ei ao ou an en ang eng ong u uo ui uan un",
    "c": "a e i ai ao ou an en ang eng ong u uo ui uan un",
    "s": "a e i ai ao ou an en ang eng ong u uo ui uan un",
}
#: One romanised Korean syllable ("Eun", "kyeong", "Sung", "won", "Hye").
_KOREAN_SYLLABLE_RE = compiled.regex(
    r"(?:kk|tt|pp|ss|jj|ch|[gkndtrlmbpsjhwy])?(?:yeo|yae|ye|ya|yo|yu|wae|wa|wo|we|wi|ui|eo|eu|ae|oe|oo|ee|ou|a|e|i|o|u)"
    r"(?:ng|ck|n|l|m|k|p|t|r|b|g|h|s)?")  # "ck": "Han Duck-soo"


@lru_cache(maxsize=2)
def _pinyin_re(syllables: int) -> re.Pattern[str]:
    alternatives = sorted({i + f for i, finals in _PINYIN_FINALS.items() for f in finals.split()}, key=len, reverse=True)
    return compiled.regex("(?:" + "|".join(alternatives) + "){1,%d}" % syllables)


def _is_syllable(part: str) -> bool:
    folded = fold(part)
    return bool(folded) and bool(_pinyin_re(1).fullmatch(folded) or _KOREAN_SYLLABLE_RE.fullmatch(folded))


def surname_first(names: Sequence[Word], lexicon: Lexicon) -> bool:
    """Whether a full name is written surname first: a Chinese or Korean surname, then a romanised given name.

    The given name must have the shape of one: hyphenated syllables
    ("Jeong Eun-kyeong"), two one-syllable words ("Kim Jong Un"), or one pinyin
    word of a syllable or two ("Li Qiang", "Xi Jinping"). "Kim Jones", "Lee
    Anderson" and "Lee Megan" keep Western order.
    """
    if len(names) not in (2, 3) or names[0].text not in lexicon.surname_first or names[0].possessive:
        return False
    given = names[1:]
    if len(given) == 2:
        return all("-" not in w.text and _is_syllable(w.text) for w in given)
    word = given[0].text
    parts = word.split("-")
    if len(parts) == 2:
        return all(_is_syllable(p) for p in parts)
    if len(parts) > 1 or not _pinyin_re(2).fullmatch(fold(word)):
        return False
    # One syllable ("Qiang", "Yi") is a Chinese given name even where the pack
    # knows it; two must not be a first name the pack knows ("Megan", "Linda").
    return bool(_pinyin_re(1).fullmatch(fold(word))) or not lexicon.is_first_name(word)


# ---------------------------------------------------------------- scanning


class Word(NamedTuple):
    """A word of a block's text: where it stands and what is around it.

    A named tuple, not a frozen dataclass: every word of a draft is one, and a
    tuple is built in a third of the time.
    """

    text: str
    start: int
    end: int
    possessive: bool
    initial: bool  # the first word of a sentence (or after an opening quotation mark)
    in_quote: bool

    @property
    def lower(self) -> str:
        return self.text.lower()


@compiled.dataclass(frozen=True)
class Mention:
    """One use of a person's name in a block: the surname and, in a full name, the given names.

    `core` is the surname with a hyphenated particle removed ("al-Assad" ->
    "Assad"), at `core_start:core_end` in the block text; `start:end` covers
    the whole mention, a title before it included ("President Putin").
    """

    block: int
    kind: str
    order: int
    start: int
    end: int
    core: str
    core_start: int
    core_end: int
    given: tuple[Word, ...] = ()
    surname: str = ""  # as written, particles included: "bin Salman"
    title: bool = False
    context: bool = False  # a speech verb, possessive, title, verb or comma says it is a person
    speaks: bool = False  # the strong part of that: a possessive or a speech verb
    initial: bool = False
    in_quote: bool = False
    group: bool = False  # "the Okafor family", "the Ferreira house": a family or a modifier, not one person
    plural: bool = False  # "the Hansens"
    display: bool = False  # a headline word, matched only against names of the text
    evidence: bool = False  # for a full name: a title, first name or speech verb says it is a person
    title_words: str = ""  # the title right before it, lower case ("secretary", "dr"), if any
    formal_title: bool = False  # that title written capitalised, as a title of office is ("President", not "city planner")
    trimmed: bool = False  # a capitalised word right before it was read as no name ("New" York Hochul)
    past: bool = False  # a past tense in -ed follows ("Mahomes converted"): a person only if the surname is one
    surname_first: bool = False  # "Li Qiang", "Jeong Eun-kyeong": the core comes before the given names
    thing: bool = False  # a pronoun takes it back as a thing ("Bloomberg started publishing its index")

    @classmethod
    def of(cls, **values: Any) -> "Mention":
        """A mention built without the frozen dataclass's __init__ and its setattr per field: one is built for
        every capitalised run that may name someone, and this takes a fraction of the time."""
        mention = object.__new__(cls)
        mention.__dict__.update(_MENTION_DEFAULTS, **values)
        return mention

    @property
    def full(self) -> bool:
        return bool(self.given)

    def name(self, given: str, surname: str) -> str:
        """A given name and a surname in the order this mention writes them."""
        return f"{surname} {given}" if self.surname_first else f"{given} {surname}"

    @property
    def spelling(self) -> str:
        # Straight and curly apostrophes are typography, not spelling (O'Neill, O’Neill).
        return self.core.casefold().replace("’", "'")

    @property
    def key(self) -> str:
        return fold(self.core)

    @property
    def body(self) -> bool:
        return self.kind in BODY_KINDS


_MENTION_DEFAULTS = {f.name: f.default for f in fields(Mention) if f.default is not MISSING}


def scan_words(text: str, lexicon: Lexicon) -> list[Word]:
    """The words of a block with possessives split off and sentence starts marked."""
    # The offsets of quotation marks: an odd count of them before a word puts it inside a quotation.
    quote_re = QUOTE_RE if "''" in text else _QUOTE_MARK_RE
    marks = [m.start() for m in quote_re.finditer(text)]
    marks.append(len(text))  # a sentinel no word starts after
    passed, next_mark, quoted = 0, marks[0], False
    abbreviations = lexicon.sentence_abbreviations
    words: list[Word] = []
    # This loop runs once per word of the draft, the hottest of NAM001: the
    # common word (no possessive, no hyphen, one space before it) takes the
    # fewest tests, and a Word is built as the tuple it is, without the
    # named tuple's Python-level constructor. One split gives each word with
    # the gap before it, cheaper than a match object per word; offsets are
    # running sums of their lengths.
    append, new = words.append, tuple.__new__
    parts = iter(_WORD_SPLIT_RE.split(text))  # gap, word, gap, word, ..., the text after the last word
    end = 0
    for gap, word in zip(parts, parts):
        if gap == " " and word[-1] != "s" and "-" not in word and words:
            # Most words: after one space, which opens no sentence and holds no quotation mark, and with no
            # possessive or prefix to split off: seven words in ten take this way, with none of the tests below.
            start = end + 1
            end = start + len(word)
            append(new(Word, (word, start, end, False, False, quoted)))
            continue
        prev_end = end
        start = prev_end + len(gap)
        end = start + len(word)
        possessive = False
        if word[-1] == "s":
            if len(word) > 2 and word[-2] in "'’":
                possessive, word = True, word[:-2]
            elif text[end:end + 1] in ("'", "’"):
                possessive = not text[end + 1:end + 2].isalpha()
        if "-" in word and not possessive and word[0].islower() and text[end:end + 1] == " " \
                and text[end + 1:end + 2].isupper():
            # "an anti-Donald Trump group", "ex-President Obama": a prefix joined to the first word of a name
            # is no part of it. "anti-Trump" alone stays one word: an adjective, not a reference to the person.
            head, _, rest = word.partition("-")
            if rest[:1].isupper() and head not in lexicon.particles and head not in lexicon.hyphen_particles:
                start += len(head) + 1
                word = rest
                gap = text[prev_end:start]
        # A single space, the usual gap, ends no sentence and holds no quotation mark.
        if gap == " " and words:
            initial = False
        elif not words:
            initial = True
        elif gap[0] == "." or "''" in gap:  # an abbreviation's stop, or two marks as one: ask each time
            initial = breaks_between(gap, words[-1].text, abbreviations) or quote_re.search(gap) is not None
        else:
            initial = _opens_after(gap)
        while next_mark < start:
            passed += 1
            next_mark = marks[passed]
            quoted = not quoted
        append(new(Word, (word, start, start + len(word), possessive, initial, quoted)))
    return words


#: Whether a gap that starts with no full stop and holds no '' opens a sentence, by the gap: most gaps are a
#: handful of strings (", ", ". ", "\n\n"), each asked about thousands of times in a corpus.
_GAP_OPENS: dict[str, bool] = {}
_NO_ABBREVIATIONS = Abbreviations(frozenset())


def _opens_after(gap: str) -> bool:
    """Whether the word after `gap` opens a sentence, for a gap with no abbreviation's stop to look behind."""
    opens = _GAP_OPENS.get(gap)
    if opens is None:
        if len(_GAP_OPENS) > 4096:
            _GAP_OPENS.clear()  # a long-lived server reads many texts: keep the table small
        opens = _GAP_OPENS[gap] = breaks_between(gap, "", _NO_ABBREVIATIONS) or _QUOTE_MARK_RE.search(gap) is not None
    return opens


_INITIALS_RE = compiled.regex(r"\(([A-Z][A-Z&.]{1,9})\)")
_INITIALS_SKIP = frozenset({"and", "of", "the", "for"})


def _spelt_out(words: list[Word], text: str) -> list[tuple[int, int]]:
    """Word ranges [a, b) that a parenthesised set of initials right after them spells out.

    "Black, Manafort, Stone and Kelly (BMS&K)", "Doctors Without Borders (DWB)": the capitalised words whose
    initials are the letters in brackets are one body's name, whatever names of people they hold.
    """
    out: list[tuple[int, int]] = []
    ends = {w.end: k for k, w in enumerate(words)}
    for m in _INITIALS_RE.finditer(text):
        letters = [c for c in m.group(1) if c.isalpha()]
        k = ends.get(len(text[:m.start()].rstrip()))
        if k is None or len(letters) < 2:
            continue
        b, j = k + 1, len(letters) - 1
        while k >= 0 and j >= 0:
            if words[k].lower in _INITIALS_SKIP:
                k -= 1
                continue
            if words[k].text[0] != letters[j]:
                break
            k, j = k - 1, j - 1
        if j < 0:
            out.append((k + 1, b))
    return out


def _is_cap(word: str, display: bool) -> bool:
    first = word[0]
    if not first.isupper():
        return False
    return display or len(word) == 1 or not word.isupper() or "-" in word


def _is_particle(word: Word, lexicon: Lexicon) -> bool:
    # A lower-case word is its own lower case: no need to lower it again.
    return word.text.islower() and word.text in lexicon.particles


def _particle_prefixed(word: str, lexicon: Lexicon) -> int:
    """Length of a hyphenated particle ("al-" in "al-Assad"), or 0."""
    head, dash, rest = word.partition("-")
    if dash and rest and rest[0].isupper() and (head.lower() in lexicon.particles
                                                 or head.lower() in lexicon.hyphen_particles):
        return len(head) + 1
    return 0


def _joins(a: Word, b: Word, text: str, lexicon: Lexicon) -> bool:
    """Whether b continues the capitalised run that a ends."""
    if a.possessive:
        return False
    gap = text[a.end:b.start]
    if gap.strip() == "":
        return "\n\n" not in gap.replace("\r", "") and bool(gap)
    if gap.startswith(".") and gap[1:].strip() == "":
        return len(a.text) == 1 and a.text.isupper() or a.lower in lexicon.abbreviations
    if gap[:1] == "." and len(a.text) == 1:
        gap = gap[1:]  # Robert C. "Bobby" Scott: the nickname after an initial
    return _nickname_between(a, b, gap, text)


_NICKNAME_OPEN, _NICKNAME_CLOSE = (' "', " “"), ('" ', "” ")


def _nickname_between(a: Word, b: Word, gap: str, text: str) -> bool:
    """A one-word nickname in quotation marks inside a full name: Robert C. "Bobby" Scott, Marcia "Cia" Price.

    The quoted word must stand between two capitalised words, with a space outside each mark.
    """
    if not (a.text[0].isupper() and b.text[0].isupper()):
        return False
    if gap in _NICKNAME_OPEN:  # a is the given name, b the nickname
        return text.startswith(_NICKNAME_CLOSE, b.end) and text[b.end + 2 : b.end + 3].isupper()
    if gap in _NICKNAME_CLOSE:  # a is the nickname, b the surname
        return text[max(a.start - 2, 0) : a.start] in _NICKNAME_OPEN and (text[a.start - 3 : a.start - 2].isalpha()
                                                                           or text[a.start - 3 : a.start - 2] == ".")
    return False


def _is_name_word(word: Word, lexicon: Lexicon) -> bool:
    return _is_cap(word.text, False) or bool(_particle_prefixed(word.text, lexicon))


def _after_particles(words: list[Word], k: int, text: str, lexicon: Lexicon) -> int | None:
    """Index of the capitalised word that particles starting at k lead to ("de Gaulle"), or None."""
    j = k
    while j < len(words) and _is_particle(words[j], lexicon) and (j == k or _joins(words[j - 1], words[j], text, lexicon)):
        j += 1
    if j == k or j >= len(words) or not _joins(words[j - 1], words[j], text, lexicon):
        return None
    return j if _is_cap(words[j].text, False) else None


def _runs(words: list[Word], text: str, lexicon: Lexicon) -> Iterator[tuple[int, int]]:
    """Index ranges [i, j) of runs of capitalised words, with particles between them."""
    i, n = 0, len(words)
    particles = lexicon.particles
    while i < n:
        word = words[i].text
        if word[0].islower() and "-" not in word and word not in particles:
            i += 1  # most words: lower case, no "al-" prefix, no particle, so no run starts here
            continue
        if not _is_name_word(words[i], lexicon) and _after_particles(words, i, text, lexicon) is None:
            i += 1
            continue
        j = i + 1
        while j < n:
            word = words[j].text
            if word[0].islower() and "-" not in word and word not in particles:
                # The usual end of a run: a plain lower-case word is no name word and no particle before
                # one, so the run ends here whatever the gap, and _joins need not read it.
                break
            if not _joins(words[j - 1], words[j], text, lexicon):
                break
            if _is_name_word(words[j], lexicon):
                j += 1
                continue
            after = _after_particles(words, j, text, lexicon)
            if after is None:
                break
            j = after
        yield i, j
        i = j


def _title_ends(words: list[Word], at: int, text: str, lexicon: Lexicon) -> int:
    """Length in words of a title phrase ending at word `at`, or 0."""
    last = words[at].text.lower()
    if last not in lexicon.title_ends and not (last.endswith("s") and last[:-1] in lexicon.title_ends):
        return 0  # most words end no title: no phrase before them need be looked up
    best = 0
    for length in range(1, lexicon.longest_title + 1):
        first = at - length + 1
        if first < 0:
            break
        if length > 1 and words[first + 1].initial:
            break
        phrase = tuple(w.lower for w in words[first:at + 1])
        if phrase in lexicon.titles or _plural_title(phrase, words[at].text, lexicon):
            best = length
    return best


def _plural_title(phrase: tuple[str, ...], last: str, lexicon: Lexicon) -> bool:
    """ "Presidents Reagan and Clinton", "Senators Duque and Mwangi": a capitalised title in the plural.

    Not a weak title: "Princes William and Harry" name given names, and
    "Generals" or "Kings" also open team and company names.
    """
    if not (last[:1].isupper() and len(last) > 3 and last.endswith("s")):
        return False
    singular = (*phrase[:-1], phrase[-1][:-1])
    return singular in lexicon.titles and " ".join(singular) not in lexicon.weak_titles


@compiled.dataclass
class _Scan:
    """Mentions and candidates of one document, before names are cross-checked."""

    full: list[Mention] = field(default_factory=list)
    lone: list[Mention] = field(default_factory=list)
    display: list[Mention] = field(default_factory=list)
    # Every word of the blocks read, as written. Gathered in C loops, with no test of each word: a Python loop
    # keeping only the lower-case words cost a twentieth of the analysis, and the few words asked about are
    # tested instead (`in_lower_case`).
    written: set[str] = field(default_factory=set)

    def in_lower_case(self, word: str) -> bool:
        """Whether the text writes `word` in lower case as a word of its own ("rice" beside "Rice doubled")."""
        return word.islower() and word in self.written


@compiled.dataclass(frozen=True)
class _Run:
    """The words of a capitalised run that may name someone: [first, last) after title and suffix."""

    first: int
    last: int
    title_at: int  # index of the title's last word, or -1
    initial: bool
    trimmed: bool = False  # a word that is no name was cut from before it, not only a sentence opener ("But")


class _BlockReader:
    """Turns the runs of capitalised words of one block into name mentions."""

    def __init__(self, index: int, kind: str, text: str, lexicon: Lexicon, scan: _Scan) -> None:
        self.index, self.kind, self.text, self.lex, self.scan = index, kind, text, lexicon, scan
        self.words = scan_words(text, lexicon)
        self.spelt_out = _spelt_out(self.words, text) if "(" in text else ()

    @cached_property
    def its(self) -> bool:
        """Whether the block holds a thing pronoun ("its"). Searched for at the block's first lone surname that
        may be taken back by one: two blocks in three have none, and searching each cost a hundredth of linting."""
        return self.lex.thing_pronoun_re is not None and self.lex.thing_pronoun_re.search(self.text) is not None

    def read(self, order: Iterator[int]) -> None:
        self.scan.written.update(map(attrgetter("text"), self.words))
        for i, j in _runs(self.words, self.text, self.lex):
            run = self._name_part(i, j)
            if run is not None and self._person_shaped(run):
                self._add(run, order)

    # -- the shape of a run

    def _name_part(self, i: int, j: int) -> _Run | None:
        """Drop sentence openers ("But", "The"), a title ("Russian President") and a suffix ("Jr.")."""
        words, lex = self.words, self.lex
        initial, opened = words[i].initial, i
        while i < j and words[i].text in lex.not_names:
            i += 1
        if i >= j or (i > opened and not initial and j - i == 1):
            return None  # "in Central Park", "the Western Cape": a place, not a surname
        if j - i == 1 and i > opened and words[i - 1].text in lex.organisations:
            return None  # "Team Trump", "Club Messi": a body named after someone, wherever the run stands
        title_at = self._title(i, j)
        first = max(i, title_at + 1)
        last = j
        while last - 1 > first and words[last - 1].lower.rstrip(".") in lex.suffixes:
            last -= 1
        if first >= last:
            return None
        run = _Run(first, last, title_at, initial and first == i, trimmed=i > opened and title_at < i and (i - opened > 1 or not initial))
        k = first
        while k < last - 1 and lex.is_not_name(words[k].text) and not lex.is_first_name(words[k].text):
            k += 1
        if first < k < last - 1 and lex.is_first_name(words[k].text):
            # "Vice President of the United States Joe Biden", "Senator from Vermont Bernie Sanders", "Chief
            # Executive of Hong Kong Carrie Lam": a place run into the full name after it
            return _Run(k, last, title_at, False, True)
        if (last - first >= 3 and run.initial and not lex.is_first_name(words[first].text)
                and lex.is_first_name(words[first + 1].text)):
            run = _Run(first + 1, last, title_at, False, True)  # "Florist Amanda Rose": a role opening a sentence
        return run

    def _title(self, i: int, j: int) -> int:
        """Index of the last word of the last title before or inside the run [i, j), or -1."""
        title_at = -1
        for p in range(max(i - 1, 0), j - 1):
            if p == i - 1 and not self._title_may_precede(p, i):
                continue
            if _title_ends(self.words, p, self.text, self.lex):
                title_at = p
        return title_at if title_at >= 0 else self._shared_title(i)

    def _shared_title(self, i: int) -> int:
        """The plural title over a name after "and": "Presidents Reagan and [Clinton]" (its index, or -1)."""
        words = self.words
        k = i - 1
        if k < 2 or words[k].lower != "and" or self._gap(k, i).strip() or self._gap(k - 1, k).strip():
            return -1
        t = k - 1
        while t > max(k - 4, 0) and words[t].text[:1].isupper() and self._gap(t - 1, t).strip() == "" \
                and not _plural_title((words[t - 1].lower,), words[t - 1].text, self.lex):
            t -= 1
        t -= 1  # the word before the first name
        if t < 0 or t == k - 1 or self._gap(t, t + 1).strip() \
                or not _plural_title((words[t].lower,), words[t].text, self.lex):
            return -1
        return t

    def _title_may_precede(self, p: int, i: int) -> bool:
        """A title may stand right before a name, or before a comma ("its chief executive, Laura Chen")."""
        return self._gap(p, i).strip() in ("", ",") and not self.words[i].initial

    def _person_shaped(self, run: _Run) -> bool:
        """Whether the run can be a person: not "Bayside Capital", "Cedar Valley" or "Moscow"."""
        lex, names = self.lex, self.words[run.first:run.last]
        surname, head = names[-1], names[0]
        if surname.text in lex.not_names or not (surname.text[0].isupper() or _particle_prefixed(surname.text, lex)):
            return False
        personal = len(names) >= 2 and lex.is_first_name(head.text) and (
            run.title_at >= 0 or self._speech_near(run.first, run.last - 1))
        if (lex.is_not_name(surname.text) or head.text in lex.organisations and not lex.is_first_name(head.text)) \
                and not personal:
            return False  # but "County supervisor Linda Park" is a person
        return not (lex.is_not_name(head.text) and not lex.is_first_name(head.text) and run.title_at < run.first - 1)

    # -- the mention

    def _add(self, run: _Run, order: Iterator[int]) -> None:
        lex, names = self.lex, self.words[run.first:run.last]
        given = [w for w in names[:-1] if not (_is_particle(w, lex) or len(w.text) == 1)]
        given = given or [w for w in names[:-1] if len(w.text) == 1]  # "J.K. Rowling"
        if given == [names[0]] and names[0].lower in lex.particles and not lex.is_first_name(names[0].text):
            given = []  # "De Gaulle", "Bin Salman": a surname with its particle
        surname, last = names[-1], run.last - 1
        cut = _particle_prefixed(surname.text, lex)
        written = self._surname_text(names, bool(given))
        reversed_ = surname_first(names, lex)
        if reversed_:  # "Li Qiang": Li is the surname that stands alone later ("Premier Li")
            surname, given, cut, written = names[0], names[1:], 0, names[0].text
        titled = run.title_at >= 0 or self._role_after(last)
        # The word after the name, read by the speech, context, group and tense tests: worked out once.
        after = self._next_lower(last)
        speech = self._speech_near(run.first, last, after)
        speaks = names[-1].possessive or speech
        # A speech verb alone does not make a person of a name after an article: "a spokesperson for the
        # Kontra-Kultur Halle said" is a group's (a title or a given name of the pack still does).
        evidence = bool(given) and (titled or lex.is_first_name(given[0].text)
                                    or speech and not self._article_before(run.first))
        mention = Mention.of(
            block=self.index, kind=self.kind, order=next(order), start=self._start(run), end=names[-1].end,
            core=surname.text[cut:], core_start=surname.start + cut, core_end=surname.end,
            given=tuple(given), surname=written, surname_first=reversed_,
            title=titled, context=self._context(last, titled, speaks, after), speaks=speaks,
            initial=run.initial and run.title_at < 0, in_quote=surname.in_quote,
            group=self._group(run.first, last, after), plural=self._plural(run),
            title_words=self._title_words(run), trimmed=run.trimmed,
            formal_title=run.title_at >= 0 and self.words[run.title_at].text[:1].isupper(),
            thing=not given and not speaks and self.its and self._taken_back_as_a_thing(last),
            past=lex.is_past_tense(after), evidence=evidence,
        )
        if given:
            self.scan.full.append(mention)
        else:
            self.scan.lone.append(mention)

    def _title_words(self, run: _Run) -> str:
        """The title standing right before the name, lower case: "secretary of state", "dr"."""
        t = run.title_at
        if 0 <= t < run.first - 1 and self._shared_title(run.first) == t:
            return self.words[t].lower  # "Presidents Reagan and Clinton": Clinton's title too
        if t < 0 or t != run.first - 1 or self._gap(t, run.first).strip() not in ("", "."):
            return ""
        length = _title_ends(self.words, t, self.text, self.lex)
        return " ".join(w.lower for w in self.words[t - length + 1:t + 1])

    def _start(self, run: _Run) -> int:
        """Where the mention starts: at its title when the title stands right before the name."""
        t = run.title_at
        if t >= 0 and t == run.first - 1 and self._gap(t, run.first).strip() in ("", "."):
            return self.words[t - _title_ends(self.words, t, self.text, self.lex) + 1].start
        return self.words[run.first].start

    def _surname_text(self, names: list[Word], has_given: bool) -> str:
        """The surname as written with its particles: "von der Leyen", "bin Salman"."""
        k = len(names) - 1
        while k > 0 and _is_particle(names[k - 1], self.lex):
            k -= 1
        if not has_given and names[0].lower in self.lex.particles:
            k = 0
        return " ".join(w.text for w in names[k:])

    def _group(self, first: int, last: int, after: str) -> bool:
        """ "the Okafor family", "the Ferreira house": a surname that modifies a noun names no one.

        Nouns that may also follow a person ("sent Ferreira home", "did Chen
        report") count only after "the": "the Ferreira home". `after` is the
        word after the surname (`_next_lower`).
        """
        if after in self.lex.not_after:
            return True
        if first == last and first > 0 and self._made_by_a_body(first):
            return True  # "a guest on Fox News Channel's Hannity": the body's programme
        if any(a <= first and last < b for a, b in self.spelt_out):
            return True  # "Black, Manafort, Stone and Kelly (BMS&K)": a firm's name, spelt out before its initials
        if self.text[self.words[last].end : self.words[last].end + 3].lstrip().startswith("&"):
            return True  # "Moelis & Company", "Shaw & Company Research": a firm
        if first > 1 and self.words[first - 1].lower in ("of", "for") \
                and self.words[first - 2].text in self.lex.organisations \
                and not (self._gap(first - 2, first - 1) + self._gap(first - 1, first)).strip():
            return True  # "the Church of Christ", "the Coalition for Trump": inside a body's name
        article = self._article_before(first)
        if article and first == last and not self.text.startswith(("'s", "’s"), self.words[last].end):
            return True  # "the Bible", "a Nobel diploma": English sets no article before a person's surname
        return after in self.lex.after_the and article == "the"

    #: How far after a surname its sentence's next pronoun is looked for.
    _PRONOUN_REACH = 4

    def _taken_back_as_a_thing(self, last: int) -> bool:
        """Whether a lone surname is the subject of verbs that end in "its": "Bloomberg started publishing its index".

        Only verbs may stand between, in one run of the sentence: another name, a function word or a
        punctuation mark may bring in what "its" takes back ("Trump blasted Disney for its"), and after a
        speech verb the pronoun is the speaker's subject's ("Okafor said its budget was cut").
        """
        words, lex = self.words, self.lex
        if self._next_lower(last) in lex.not_after:
            return False
        for k in range(last + 1, min(last + 1 + self._PRONOUN_REACH, len(words))):
            word = words[k]
            if self._gap(k - 1, k) != " " or not word.text.islower() or word.lower in lex.person_pronouns:
                return False
            if word.lower in lex.thing_pronouns:
                return k > last + 1
            if word.text.capitalize() in lex.not_names or word.lower in lex.speech_verbs:
                return False
        return False

    def _made_by_a_body(self, first: int) -> bool:
        """A lone capitalised word right after a body's possessive, speaking not: "Fox News Channel's Hannity".

        Copy names a body's people in full after its possessive ("Fox News' Sean Hannity"); one word there is
        its programme or product. One that speaks ("Fox News' Hannity said") is the person.
        """
        before = self.words[first - 1]
        return before.possessive and before.text in self.lex.organisations \
            and self._gap(first - 1, first).strip() in ("'s", "’s", "'", "’") and not self._speaks(first, first)

    def _article_before(self, first: int) -> str:
        """The article right before a run, if any: English sets none before a person's name ("the Bible", "a
        spokesperson from the Kontra-Kultur Halle said")."""
        if first > 0 and not self._gap(first - 1, first).strip() and self.words[first - 1].lower in ("the", "a", "an"):
            return self.words[first - 1].lower
        return ""

    def _plural(self, run: _Run) -> bool:
        """ "the Hansens": a family, whose name ends in an s its members' does not; "the Barry Bennetts of the
        world": a full name in the plural between "the" and "of", a kind of person rather than one."""
        words = self.words
        if not (words[run.last - 1].text.endswith("s") and run.first > 0 and words[run.first - 1].lower == "the"
                and not self._gap(run.first - 1, run.first).strip()):
            return False
        if run.last - run.first == 1:
            return True
        return run.last < len(words) and words[run.last].lower == "of" and not self._gap(run.last - 1, run.last).strip()

    # -- context

    def _gap(self, a: int, b: int) -> str:
        return self.text[self.words[a].end:self.words[b].start]

    def _next_lower(self, k: int) -> str:
        if k + 1 >= len(self.words) or self._gap(k, k + 1).strip():
            return ""
        return self.words[k + 1].lower

    def _speech_near(self, first: int, last: int, after: str | None = None) -> bool:
        """A speech verb right after ("Chen said") or before ("said Yuri Ushakov"), or "according to".

        `after`, the word after `last`, when the caller has it already (`_next_lower`).
        """
        if after is None:
            after = self._next_lower(last)
        before = self.words[first - 1].lower if first > 0 and not self._gap(first - 1, first).strip() else ""
        return after in self.lex.speech_verbs or before in self.lex.speech_verbs or self._according_to(first)

    def _role_after(self, last: int) -> bool:
        """A role in apposition: "Kwesi Boateng, the site manager," or "Yuri Ushakov, aide to the President"."""
        words = self.words
        if last + 1 >= len(words) or self._gap(last, last + 1).strip() != ",":
            return False
        for k in range(last + 1, min(last + 6, len(words))):
            if k > last + 1 and self._gap(k - 1, k).strip():
                return False  # the apposition ended
            if words[k].text[0].isupper() and k > last + 1:
                return False
            if _title_ends(words, k, self.text, self.lex) and words[k].lower not in ("the", "a"):
                return True
        return False

    def _according_to(self, first: int) -> bool:
        return first >= 2 and self.words[first - 2].lower == "according" and self.words[first - 1].lower == "to"

    def _speaks(self, first: int, last: int) -> bool:
        return self.words[last].possessive or self._speech_near(first, last)

    def _context(self, last: int, titled: bool, speaks: bool, after: str) -> bool:
        """Anything that says a person stands here: a title, a possessive or speech verb (`speaks`), a verb
        (`after` the name), an apposition comma."""
        if titled or speaks or after in self.lex.name_verbs:
            return True
        return _COMMA_AFTER.match(self.text, self.words[last].end) is not None


def _with(mention: Mention, **changes: Any) -> Mention:
    """The mention with `changes`, copied as Mention.of builds one."""
    copy = object.__new__(Mention)
    copy.__dict__.update(mention.__dict__, **changes)
    return copy


#: The lower-case ASCII letters as bytes: in UTF-8 no other character has a byte among them.
_ASCII_LOWER = b"abcdefghijklmnopqrstuvwxyz"


def _is_display(text: str, headline: bool = False) -> bool:
    """An all-caps or title-case line, where capitals say nothing about names.

    A headline may end on a quotation or a colon ("Warren Hammers Wells Fargo CEO: ‘You Should Resign’")
    and is still title case; any other line that ends like a sentence is running text.
    """
    # A fifth of the line in lower-case ASCII letters leaves capitals at most four fifths of its letters:
    # running text is told at the cost of one translate, without looking at each letter. The letters are
    # counted in the UTF-8 bytes, whose translate is a table lookup a byte, where a str's with curly quotes
    # or accents goes through a dict a character.
    raw = text.encode("utf-8", "surrogatepass")
    if (len(raw) - len(raw.translate(None, _ASCII_LOWER))) * 5 < len(text):
        letters = list(filter(str.isalpha, text))
        if len(letters) > 8 and sum(map(str.isupper, letters)) > 0.8 * len(letters):
            return True
    # A title-case line ("Putin Praises Trump's Mediation Efforts") is a
    # heading whatever the reader called it: every word looks like a name.
    if not headline and text.rstrip().endswith((".", "!", "?", '"', "”", "’", ":", ";", ",")):
        return False
    long_words = [w for w in WORD_RE.findall(text) if len(w) > 3]
    return len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)


#: A subheading set as a paragraph has at most this many words in each of its clauses (split at semicolons).
_RUN_IN_HEADING_WORDS = 7


def _run_in_heading(text: str, lexicon: Lexicon) -> bool:
    """A subheading, dek or timeline entry set as a paragraph in sentence case ("Johnson wins a slice.",
    "Trump, Sanders lead; primary unlikely to settle race.", "June 16, 2015 Trump joins the race.").

    Headlinese: one sentence of short clauses, no quotation, no speaker, and no past tense. Running text that short
    reports what happened ("Okafor declined to comment.", "Okafor said no.") or speaks ("I have a deal for you").
    """
    if len(text) > 80 or "\n" in text.strip() or text.rstrip()[-1:] in ("?", "!", ":", ",") \
            or QUOTE_RE.search(text):
        return False
    words = scan_words(text, lexicon)
    if not words or any(len(WORD_RE.findall(clause)) > _RUN_IN_HEADING_WORDS for clause in text.split(";")):
        return False
    if any(w.initial and ";" not in text[v.end:w.start] for v, w in zip(words, words[1:])):
        return False  # two sentences; a semicolon joins a headline's two clauses
    return not any(w.lower in lexicon.speaker_pronouns or w.lower in lexicon.speech_verbs
                   or w.lower in lexicon.irregular_pasts or lexicon.is_past_tense(w.text) for w in words)


def _display_words(index: int, kind: str, text: str, lexicon: Lexicon, order: Iterator[int]) -> Iterator[Mention]:
    for w in scan_words(text, lexicon):
        if _is_cap(w.text, True) and is_latin(w.text) and not lexicon.is_not_name(w.text.capitalize()):
            cut = _particle_prefixed(w.text, lexicon)
            yield Mention.of(block=index, kind=kind, order=next(order), start=w.start, end=w.end, core=w.text[cut:],
                             core_start=w.start + cut, core_end=w.end, surname=w.text, display=True)


def find_mentions(blocks: Sequence[tuple[str, str] | tuple[str, str, bool]], lexicon: Lexicon) -> list[Mention]:
    """Every use of a person's name in the blocks (kind, text[, quoted]), in reading order.

    Full names need evidence that they are people (a title, a first name, a
    speech verb, or their surname used alone with such context); a surname
    alone counts when it belongs to a full name of the text or stands in a
    person's context. Credit lines are skipped, and in a caption the text
    from its credit prefix on. In an all-caps or title-case line, where
    capitals say nothing, a word counts only when it spells, or clearly
    spells another way, a surname of the text.
    """
    import itertools

    order = itertools.count()
    scan = _Scan()
    for index, (kind, text, *quoted) in enumerate(blocks):
        if kind in BODY_KINDS and lexicon.is_credit_line(text):
            continue
        if kind == CAPTION:
            cut = lexicon.credit_start(text)
            text = text if cut is None else text[:cut] + " " * (len(text) - cut)
        if _is_display(text, headline=kind == HEADLINE):
            scan.display.extend(_display_words(index, kind, text, lexicon, order))
            continue
        before = len(scan.full), len(scan.lone)
        _BlockReader(index, kind, text, lexicon, scan).read(order)
        if quoted and quoted[0]:  # a blockquote: every word in it is someone else's
            scan.full[before[0]:] = [_with(m, in_quote=True) for m in scan.full[before[0]:]]
            scan.lone[before[1]:] = [_with(m, in_quote=True) for m in scan.lone[before[1]:]]
        if kind == PARAGRAPH and len(scan.lone) > before[1] and _run_in_heading(text, lexicon):
            # A subheading set as a paragraph: its surnames alone are display type, not checked. A full name in
            # it still introduces, as a short line of names ("Ben Carson.") is often the paragraph it looks like.
            scan.lone[before[1]:] = [_with(m, kind=SUBHEADING) for m in scan.lone[before[1]:]]
    return _resolve(scan, lexicon)


@compiled.dataclass(frozen=True)
class _People:
    """The full names of a document, and what their surnames and given names look like."""

    full: list[Mention]
    keys: frozenset[str]
    spellings: frozenset[str]
    skeletons: frozenset[str]
    given: frozenset[str]
    by_letter: Mapping[str, tuple[str, ...]]  # surnames by their skeleton's first letter: only those can resemble

    @classmethod
    def of(cls, full: list[Mention]) -> "_People":
        index: dict[str, list[str]] = {}
        for core in sorted({m.core for m in full}):
            sk = skeleton(core)
            if sk:
                index.setdefault(sk[0], []).append(core)
        return cls(full, frozenset(m.key for m in full), frozenset(m.spelling for m in full),
                   frozenset(skeleton(m.core) for m in full), frozenset(g.text for m in full for g in m.given),
                   {k: tuple(v) for k, v in index.items()})

    def resembles(self, word: str) -> bool:
        sk = skeleton(word)
        return bool(sk) and any(similarity(word, core) for core in self.by_letter.get(sk[0], ()))


def _resolve(scan: _Scan, lexicon: Lexicon) -> list[Mention]:
    # A full name with no title, first name or speech verb of its own is a
    # person's when its surname speaks alone elsewhere ("Dortmund said" makes
    # "Borussia Dortmund" one, too): good enough to compare spellings, not to
    # call the surname's earlier use a missing introduction (`evidence` stays False).
    speaking = {m.key for m in scan.lone if m.speaks and not m.group and not lexicon.is_not_name(m.core)}
    # A surname alone after a person's title ("Secretary Blinken", "Dr Okafor")
    # is a person's, and so is the full name that ends in it ("Antony Blinken"),
    # whose given name the pack may not know: evidence enough for NAM002. A
    # speech verb is not, as clubs and companies speak too ("Dortmund said").
    titled = {m.key for m in scan.lone if m.title and m.body and not m.group and not m.plural
              and m.title_words not in lexicon.weak_titles and not lexicon.is_not_name(m.core)}
    # The same full name elsewhere with evidence vouches for it ("Novelist
    # Chimamanda Okoro" in the headline, "Chimamanda Okoro, whose novels..." in the body).
    vouched = {(m.key, lexicon.given_key(m.given[0].text)) for m in scan.full if m.evidence}
    # A surname that a titled full name, or one with a given name of the pack, shows to be a family's makes a
    # person of another full name that ends in it ("Defending champion Kiyoshi Miyazato", so "Ai Miyazato" is his
    # sister, not a firm): she is introduced, and the surname after her is hers.
    # A role after a name says less ("Owning Time Warner, the company..."): only a title before it counts here.
    families = {m.key for m in scan.full if m.evidence and (m.title_words or lexicon.is_first_name(m.given[0].text))}
    full = [m if m.evidence or not ((m.key, lexicon.given_key(m.given[0].text)) in vouched
                                    or ((m.key in titled or m.key in families) and _given_shaped(m, lexicon)))
            else _with(m, evidence=True)
            for m in scan.full]
    people = _People.of([m for m in full if m.evidence or m.key in speaking])
    # "Converted" after a sentence-opening surname says a person only when the
    # draft names one with it, given name from the pack or title and all: a
    # club or a town at a sentence start ("Dortmund netted") is no one's surname.
    persons = {m.key for m in people.full if m.title or lexicon.is_first_name(m.given[0].text)}
    # A surname a pronoun takes back as a thing ("Bloomberg started publishing its index") is a firm's name
    # wherever it stands without a title ("Mr. Bloomberg" is the man), as a family brand is, until the text
    # names a person of it in full: after "Jacques de Larosiere", "de Larosiere has expanded its portfolio" is
    # the man, and "its" the bank's.
    introduced: dict[str, int] = {}
    for m in people.full:
        introduced.setdefault(m.key, m.order)
    def unintroduced(m: Mention) -> bool:
        return m.order < introduced.get(m.key, m.order + 1)

    things = {m.key for m in scan.lone if m.thing and unintroduced(m)}
    lone = [_with(m, group=True) if m.key in things and not m.title and unintroduced(m)
            else _opener(m, persons, scan, lexicon) for m in scan.lone]
    # A given name the draft sets under a title of its own ("Prince William", "Pope Francis") is that
    # person's name when it stands alone, however close it comes to someone's surname ("Pharrell Williams").
    styled = {m.key for m in scan.lone if m.title_words and lexicon.is_first_name(m.core)}
    mentions = list(people.full) + [m for m in lone if _keeps(m, people, lexicon, styled)]
    spellings = {m.spelling for m in mentions}
    for m in scan.display:
        if m.spelling in spellings or any(_display_variant(m.core, s) for s in spellings):
            mentions.append(m)
    return sorted(mentions, key=lambda m: m.order)


def _opener(m: Mention, persons: set[str], scan: _Scan, lexicon: Lexicon) -> Mention:
    """A sentence-opening word whose only sign of a person is the verb after it, judged against the draft.

    "Mahomes threw" is the quarterback when the draft names Patrick Mahomes;
    "Dortmund scored" is a club, "Ferrari won" a team even where Enzo Ferrari
    is named, and "Rice doubled in price" a crop the draft also writes in
    lower case: none is a first reference.
    A past tense in -ed that is on no list counts only for a surname whose
    full name has a first name from the pack or a title. A firm named after
    a family ("Ford said it would cut jobs") is the firm wherever it stands,
    unless a title says otherwise ("Mr Ford").
    """
    if m.core in lexicon.family_brands and not m.title:
        return _with(m, group=True)  # "Ford said it would cut jobs": the firm, wherever it stands
    if not m.initial or m.speaks or m.title or not (m.context or m.past):
        return m
    if lexicon.is_not_name(m.core) or scan.in_lower_case(m.core.lower()):
        return _with(m, context=False, past=False)
    return m if not m.past or m.key in persons else _with(m, past=False)


def _given_shaped(m: Mention, lexicon: Lexicon) -> bool:
    """Whether the word before a surname can be a given name: one word, no place, body, title or common word.

    A run cut after a word that is no name ("New York Hochul") is no full name.
    """
    return len(m.given) == 1 and not m.trimmed and all(
        is_latin(g.text) and len(g.text) > 1 and not lexicon.is_not_name(g.text) and not g.text.isupper()
        and (g.lower,) not in lexicon.titles for g in m.given)


def _keeps(m: Mention, people: _People, lexicon: Lexicon, styled: AbstractSet[str]) -> bool:
    """Whether a capitalised word standing alone is someone's surname.

    A given name from the pack counts only where it speaks and comes close to
    an introduced surname ("Session said" for Jeff Sessions), and not when the
    draft styles it with a title as a name of its own (`styled`).
    """
    known = m.key in people.keys
    if not is_latin(m.core) or (lexicon.is_not_name(m.core) and not known):
        return False
    if not known and m.core in people.given and not _first_surname(m, people, lexicon):
        return False  # "Laura said": a first-name reference to someone introduced
    if not known and lexicon.is_first_name(m.core) and not (m.speaks and people.resembles(m.core)
                                                            and m.key not in styled):
        return False
    if m.initial and not m.context:
        # "Brown bears..." opens a sentence: only an exact spelling of an
        # introduced surname counts, and then only towards its tally.
        return m.spelling in people.spellings
    return known or skeleton(m.core) in people.skeletons or m.context or people.resembles(m.core)


def _first_surname(m: Mention, people: _People, lexicon: Lexicon) -> bool:
    """A titled word that is the first of a compound surname: "Senator Duque" for Felipe Duque Rivas."""
    return bool(m.title_words) and not lexicon.is_first_name(m.core) and any(
        len(f.given) >= 2 and f.given[-1].text == m.core and not f.surname_first for f in people.full)


def _display_variant(word: str, surname: str) -> bool:
    """A headline word that spells a surname of the text another way.

    Headlines capitalise common words, so a transliteration match must be
    long to count: "ZELENSKYY" for Zelensky, not "Rose" for Rosse.
    """
    sim = similarity(word, surname)
    return sim == "fold" or (sim == "skeleton" and min(len(fold(word)), len(fold(surname))) >= 7)


# ---------------------------------------------------------------- NAM001


@compiled.dataclass(frozen=True)
class Variant:
    """A use of a minority spelling, and the spelling the rest of the text uses."""

    mention: Mention
    start: int  # in the block text
    end: int
    written: str
    other: str
    other_uses: int
    replacement: str
    #: (start, end, replacement) of each part, when one use differs in its
    #: given name and its surname ("Jose Munoz" for "José Muñoz"): the words
    #: between the parts stay as written.
    parts: tuple[tuple[int, int, str], ...] = ()

    def replacement_in(self, text: str) -> str:
        """What replaces text[start:end] of the block text `text`."""
        if not self.parts:
            return self.replacement
        out: list[str] = []
        at = self.start
        for start, end, replacement in sorted(self.parts):
            out += [text[at:start], replacement]
            at = end
        return "".join(out) + text[at:self.end]


@compiled.dataclass
class _Spelling:
    uses: list[Mention] = field(default_factory=list)
    givens: set[str] = field(default_factory=set)

    @property
    def first(self) -> int:
        return self.uses[0].order

    def form(self) -> str:
        forms = Counter(m.core for m in self.uses if not m.display)
        return forms.most_common(1)[0][0] if forms else self.uses[0].core


class _Clusters:
    """Union-find over spellings."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)

    def groups(self, keys: Iterable[str]) -> list[list[str]]:
        out: dict[str, list[str]] = {}
        for k in keys:
            out.setdefault(self.find(k), []).append(k)
        return list(out.values())


def _comparable_pairs(names: Sequence[str], forms: Mapping[str, str]) -> Iterator[tuple[str, str]]:
    """Pairs of spellings that `similarity` might call alike, in reading order within a pair.

    Alike spellings share their skeleton's first letter and differ in length
    by two letters at most, so a long list of names is not compared all with all.
    """
    order = {n: k for k, n in enumerate(names)}
    buckets: dict[str, list[tuple[int, str]]] = {}
    for n in names:
        sk = skeleton(forms[n])
        if sk:
            buckets.setdefault(sk[0], []).append((len(sk), n))
    for bucket in buckets.values():
        bucket.sort()
        for x, (length, a) in enumerate(bucket):
            for other_length, b in bucket[x + 1:]:
                if other_length - length > 2:
                    break
                yield (a, b) if order[a] < order[b] else (b, a)


def _agree(a: _Spelling, b: _Spelling, sim: str, introduced: Mapping[str, set[str]], sa: str, sb: str) -> bool:
    """Whether the context says two similar spellings are one person.

    `introduced[s]` holds the spellings close to s that some full name
    carries: a surname used alone is one person's only if exactly one
    introduced spelling is close to it.
    """
    if a.givens and b.givens:
        return bool(a.givens & b.givens)
    if _plural_of(a, b, sa, sb) or _plural_of(b, a, sb, sa):
        return False
    if _nickname_of(a, b, sa, sb) or _nickname_of(b, a, sb, sa):
        return False
    if a.givens or b.givens:
        alone, name, other = (b, sb, sa) if a.givens else (a, sa, sb)
        if introduced[name] != {other}:
            return False
        # One letter off needs each use to read as a person, and none to be
        # introduced with a role of its own ("MacDonald, the goalkeeper"): a
        # title counts as the person's own only when the full name carries it
        # too ("Cardinal Joseph Okafor", then "Cardinal Okafur").
        named = a if a.givens else b
        own = {m.title_words for m in named.uses if m.given and m.title_words}
        return sim != "near" or all((m.context or m.display) and (not m.title or m.title_words in own)
                                    for m in alone.uses)
    return sim != "near" and introduced[sa] == introduced[sb] and len(introduced[sa]) <= 1


#: Endings that make a familiar form of a surname in speech: Warne -> Warney, Gazza, Robbo, Smithy.
_FAMILIAR_ENDINGS = ("y", "ey", "ie", "o", "a", "sy")


def _nickname_of(nickname: _Spelling, name: _Spelling, sk: str, sn: str) -> bool:
    """ "I would've picked Warney," Lillee said: a surname alone, used only inside quotations, that is another
    spelling with a familiar ending, is what the speaker calls the person, not a slip."""
    return (not nickname.givens and all(m.in_quote for m in nickname.uses)
            and any(sk == sn + end or sk == sn.rstrip("e") + end for end in _FAMILIAR_ENDINGS))


def _plural_of(plural: _Spelling, name: _Spelling, sp: str, sn: str) -> bool:
    """ "the Clintons", "the two Koreas": a spelling used alone that is another one with a plural ending.

    A family or a pair of countries, never a slip: a dropped s ("Session" for
    Jeff Sessions) is the other way round, and a plural form that speaks as
    one person ("Castellanos said" for Ray Castellano) is a slip; both are
    still reported.
    """
    return not plural.givens and sp in (sn + "s", sn + "es") and not any(m.speaks for m in plural.uses)


def _majority(group: list[str], spellings: Mapping[str, _Spelling]) -> str:
    latin_first = sorted(group, key=lambda s: (-len(spellings[s].uses), spellings[s].first))
    return latin_first[0]


def name_variants(mentions: Sequence[Mention], lexicon: Lexicon, house_variants: Iterable[str] = ()) -> list[Variant]:
    """Uses of a spelling that another, more used spelling of the same person contradicts."""
    skip = {h.casefold() for h in house_variants}
    usable = [m for m in mentions if is_latin(m.core) and m.spelling not in skip and not m.plural]
    spellings: dict[str, _Spelling] = {}
    for m in usable:
        s = spellings.setdefault(m.spelling, _Spelling())
        s.uses.append(m)
        if m.given:
            s.givens.add(lexicon.given_key(m.given[0].text))
    names = sorted(spellings, key=lambda s: spellings[s].first)
    forms = {n: spellings[n].form() for n in names}
    sims: dict[tuple[str, str], str] = {}
    close: dict[str, set[str]] = {n: set() for n in names}
    for a, b in _comparable_pairs(names, forms):
        sim = similarity(forms[a], forms[b])
        if sim:
            sims[(a, b)] = sim
            close[a].add(b)
            close[b].add(a)
    introduced = {n: {c for c in close[n] if spellings[c].givens} for n in names}
    clusters = _Clusters()
    for (a, b), sim in sims.items():
        if _agree(spellings[a], spellings[b], sim, introduced, a, b):
            clusters.union(a, b)
    found: list[Variant] = []
    for group in clusters.groups(names):
        if len(group) > 1:
            found.extend(_report(group, spellings))
    found.extend(_given_variants(usable, clusters, lexicon, skip))
    return sorted(_one_per_use(found), key=lambda v: v.mention.order)


def _one_per_use(found: list[Variant]) -> list[Variant]:
    """One variant per use: a full name whose given name and surname both differ is one finding.

    "Jose Munoz" after "José Muñoz" is reported once, over the whole name,
    not once at "Jose" and again at "Munoz".
    """
    by_use: dict[int, list[Variant]] = {}
    for v in found:
        by_use.setdefault(v.mention.order, []).append(v)
    out: list[Variant] = []
    for variants in by_use.values():
        if len(variants) != 2 or sum(v.start == v.mention.core_start for v in variants) != 1:
            out.extend(variants)
            continue
        surname, given = sorted(variants, key=lambda v: v.start != v.mention.core_start)
        m = surname.mention
        house_surname = m.surname[:len(m.surname) - len(m.core)] + surname.other  # "al-" kept before "Assad"
        out.append(Variant(
            m, min(surname.start, given.start), max(surname.end, given.end), given.written,
            m.name(given.replacement, house_surname), surname.other_uses, m.name(given.replacement, surname.replacement),
            parts=((surname.start, surname.end, surname.replacement), (given.start, given.end, given.replacement)),
        ))
    return out


def _report(group: list[str], spellings: Mapping[str, _Spelling]) -> Iterator[Variant]:
    house = _majority(group, spellings)
    form, uses = spellings[house].form(), len(spellings[house].uses)
    for name in group:
        if name == house:
            continue
        for m in spellings[name].uses:
            replacement = form.upper() if m.core.isupper() and len(m.core) > 1 else form
            yield Variant(m, m.core_start, m.core_end, m.core, form, uses, replacement)


def _given_variants(mentions: Sequence[Mention], clusters: _Clusters, lexicon: Lexicon,
                    skip: set[str]) -> Iterator[Variant]:
    """Yuri Ushakov / Yury Ushakov: one person, the given name spelt two ways."""
    people: dict[tuple[str, str], dict[str, list[Mention]]] = {}
    for m in mentions:
        if m.given and is_latin(m.given[0].text) and m.given[0].text.casefold() not in skip:
            key = (clusters.find(m.spelling), lexicon.given_key(m.given[0].text))
            people.setdefault(key, {}).setdefault(m.given[0].text.casefold(), []).append(m)
    for forms in people.values():
        if len(forms) < 2:
            continue
        house = min(forms, key=lambda f: (-len(forms[f]), forms[f][0].order))
        written_house = forms[house][0].given[0].text
        for name, uses in forms.items():
            if name == house:
                continue
            for m in uses:
                g = m.given[0]
                house_use = forms[house][0]
                yield Variant(m, g.start, g.end, m.name(g.text, m.surname),
                              house_use.name(written_house, house_use.surname), len(forms[house]), written_house)


# ---------------------------------------------------------------- NAM002


@compiled.dataclass(frozen=True)
class EarlySurname:
    """A surname (or title and surname) in body text before the person's full name.

    `full_name` is the first full name in body text, or, when the body never
    gives it, the full name as a headline or caption gave it.
    """

    mention: Mention
    full_name: Mention

    @property
    def never_in_body(self) -> bool:
        return not self.full_name.body


def early_surnames(mentions: Sequence[Mention], lexicon: Lexicon | None = None,
                   report_titles: bool = False, texts: Sequence[str] | None = None) -> list[EarlySurname]:
    """The first surname-only reference, per surname, that comes before its full name in body text.

    A headline or caption does not introduce anyone, but its full name tells
    that a surname the body uses alone is a person's. With the `lexicon`, a
    compound (Spanish or Portuguese) surname counts too: "Senator Duque Rivas"
    before "Felipe Duque Rivas", and "Senator Duque" before "Senator Felipe
    Duque Rivas" (the first surname alone, under the same title).

    A title of office or rank with the surname ("President Bush", "Lord
    Callaghan") introduces the person, as most house styles allow, unless
    `report_titles`; a courtesy title ("Mr Blair") never does.

    With the blocks' `texts`, a full name the text introduces as a relative
    ("his son, Kenji Fujimori", "Ebeling and her husband, Tom") is a second
    person of the surname, so the surname before it is no early reference to it.
    """
    partial = _partial_names(mentions, lexicon) if lexicon is not None else set()
    firms = _partnerships(mentions, lexicon) if lexicon is not None else set()
    first_full: dict[str, Mention] = {}
    elsewhere: dict[str, Mention] = {}
    for m in mentions:
        if m.full and m.evidence and m.order not in partial and m.order not in firms:
            (first_full if m.body else elsewhere).setdefault(m.key, m)
    inner = _first_surnames(mentions, first_full, elsewhere, lexicon) if lexicon is not None else {}
    # A word after the given name of a full name of three or more is a surname of the person too: "Luk" after
    # "John Luk Jok", "García" after "Gabriel García Márquez". Its use alone after that full name is theirs.
    middles: dict[str, int] = {}
    for m in mentions:
        if m.full and m.evidence and m.body and len(m.given) >= 2 and m.order not in partial:
            for g in m.given[1:]:
                middles.setdefault(fold(g.text), m.order)
    found: dict[str, EarlySurname] = {}
    introduced: set[str] = set()
    for m in mentions:
        if (m.full and m.order not in partial) or not m.body or m.display or m.in_quote or m.group or m.plural \
                or m.key in found or m.key in introduced or middles.get(m.key, m.order) < m.order:
            continue
        if not m.full and _office_title(m, lexicon) and not report_titles:
            introduced.add(m.key)  # "President Bush": a first reference of its own
            continue
        full = first_full.get(m.key) or elsewhere.get(m.key)
        if full is None and not m.full and m.title_words:
            full = next((f for f in inner.get(m.key, ()) if m.title_words in _titles_of(f, mentions)), None)
        if full is None or (full.body and full.order < m.order) or (m.initial and not (m.context or m.past)):
            continue
        if texts is not None and lexicon is not None and _a_relative(full, mentions, texts, lexicon):
            continue
        if lexicon is not None and _another_sex(m, full, lexicon):
            continue
        if lexicon is not None and _nobody_by_the_tables(m, full, lexicon) \
                and not any(o.key == m.key and o.title_words for o in mentions):
            continue  # a title anywhere ("President Barack Obama") says a person the tables do not know
        found[m.key] = EarlySurname(m, full)
    return sorted(found.values(), key=lambda e: e.mention.order)


def _a_relative(full: Mention, mentions: Sequence[Mention], texts: Sequence[str], lexicon: Lexicon) -> bool:
    """Whether the text introduces the person of `full` as someone's relative: a kinship word right before
    one of their full-name uses, or before their given name alone ("her husband, Tom")."""
    if not lexicon.kinship or not full.given:
        return False
    def kin_before(block: int, at: int) -> bool:
        # Up to three words between, in the same sentence: "son and spokesman Nzanga Mobutu", "his daughter,
        # unbeaten boxer Laila Ali"; a kinship word that describes the person ("a mother of three") does not count.
        lead = re.split(r"[.;!?]\s", texts[block][max(0, at - 60) : at])[-1]
        words = re.findall(r"[A-Za-z]+", lead.lower())[-4:]
        return any(w in lexicon.kinship and words[k + 1 : k + 2] != ["of"] for k, w in enumerate(words))
    givens = _given_folds(full)
    for m in mentions:
        if m.key == full.key and m.full and _given_folds(m) == givens and kin_before(m.block, m.given[0].start):
            return True
    given = full.given[0].text
    pattern = compiled.regex(r"\b(" + "|".join(sorted(lexicon.kinship)) + r")\b,?\s+" + re.escape(given) + r"\b(?!\s+[A-Z])")
    return any(pattern.search(text) for text in texts)


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """The established surnames of rules/surnames.txt (docs/names.md), read once: one "surname count" a line."""
    from factlint.packs import BUILTIN_DIR

    lines = (BUILTIN_DIR / "surnames.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.partition(" ")[0] for line in lines if line and line[0] != "#")


@lru_cache(maxsize=1)
def female_shares() -> Mapping[str, int]:
    """{given name: percentage of its bearers who are women} from rules/given-names.txt, read once: the table's
    given names are its keys."""
    from factlint.packs import BUILTIN_DIR

    shares: dict[str, int] = {}
    for line in (BUILTIN_DIR / "given-names.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3 and line[0] != "#" and parts[2].isdigit():
            shares[parts[0]] = int(parts[2])
    return shares


#: A given name is a man's or a woman's when this share or more of its bearers are.
_SEX_SHARE = 95


def _another_sex(m: Mention, full: Mention, lexicon: Lexicon) -> bool:
    """ "Mr. Obama" before "Michelle Obama": the courtesy title says a man, the given name a woman (or the other
    way round), so the surname is another person's of the same family."""
    sex = lexicon.honorific_sex.get(m.title_words.rstrip(".")) if m.title_words else None
    if sex is None or not full.given:
        return False
    share = female_shares().get(fold(full.given[0].text).lower())
    if share is None:
        return False
    return share >= _SEX_SHARE if sex == "m" else share <= 100 - _SEX_SHARE


def _nobody_by_the_tables(m: Mention, full: Mention, lexicon: Lexicon) -> bool:
    """Whether nothing says the pair is a person's surname and full name: the "full name" opens on no given name
    of the pack or the tables, the word is nobody's established surname, and the early use neither speaks nor
    has a title ("Priorities USA Action" before "Club for Growth Action", "the Doral resort" before "Trump
    National Doral")."""
    if m.speaks or m.title_words or not full.given or full.surname_first:
        return False
    given = full.given[0].text
    return (not lexicon.is_first_name(given) and fold(m.core).lower() not in surnames()
            and fold(given).lower() not in female_shares())


def _office_title(m: Mention, lexicon: Lexicon | None) -> bool:
    """Whether the title right before a surname is one of office or rank, capitalised as such, not a courtesy title.

    A role in lower case ("city planner Nuñez") describes; it gives no name.
    """
    return bool(m.title_words) and m.formal_title and lexicon is not None \
        and m.title_words.rstrip(".") not in lexicon.honorifics


def _given_folds(m: Mention) -> tuple[str, ...]:
    return tuple(fold(g.text) for g in m.given)


def _partial_names(mentions: Sequence[Mention], lexicon: Lexicon) -> set[int]:
    """The orders of full-name mentions that are only the end of a longer full name of the same person.

    "Senator Duque Rivas" is Felipe Duque Rivas's compound surname, not a full
    name: its first word is no given name the pack knows, and a longer full
    name of the text ends in the same words.
    """
    longer: dict[str, list[tuple[str, ...]]] = {}
    for m in mentions:
        if m.full and m.evidence and not m.surname_first:
            longer.setdefault(m.key, []).append(_given_folds(m))
    out: set[int] = set()
    for m in mentions:
        if not m.full or m.surname_first or not m.evidence or lexicon.is_first_name(m.given[0].text) or m.trimmed:
            continue  # a run cut after a capitalised "no name" may have lost its first word: "On [Ong] Beng Hee"
        mine = _given_folds(m)
        if any(len(g) > len(mine) and g[-len(mine):] == mine for g in longer.get(m.key, ())):
            out.add(m.order)
    return out


def _partnerships(mentions: Sequence[Mention], lexicon: Lexicon) -> set[int]:
    """The orders of "full names" made of two people's surnames: "Davis Manafort" (the firm) where the text names
    adviser Rick Davis. The first word is no given name of the pack but the surname of a full name of the
    text, so the pair is a partnership's name and introduces neither partner."""
    surnames = {m.key for m in mentions if m.full and m.evidence}
    return {m.order for m in mentions
            if m.full and len(m.given) == 1 and not m.surname_first and not m.title
            and not lexicon.is_first_name(m.given[0].text) and fold(m.given[0].text) in surnames - {m.key}}


def _first_surnames(mentions: Sequence[Mention], first_full: Mapping[str, Mention],
                    elsewhere: Mapping[str, Mention], lexicon: Lexicon) -> dict[str, list[Mention]]:
    """{first surname: full names} for names that may carry a compound surname ("Felipe Duque Rivas" -> "duque").

    The word before the surname must be no given name the pack knows and no
    one's surname in the text: "Sarah Huckabee Sanders" leaves "Governor
    Huckabee" alone when the text names Mike Huckabee.
    """
    out: dict[str, list[Mention]] = {}
    for key in list(first_full) + [k for k in elsewhere if k not in first_full]:
        full = first_full.get(key) or elsewhere[key]
        if len(full.given) < 2 or full.surname_first or not lexicon.is_first_name(full.given[0].text):
            continue
        word = full.given[-1].text
        inner = fold(word)
        if inner in first_full or inner in elsewhere or lexicon.is_first_name(word) or lexicon.is_not_name(word):
            continue
        out.setdefault(inner, []).append(full)
    return out


def _titles_of(full: Mention, mentions: Sequence[Mention]) -> set[str]:
    """The titles the text gives the person of a full name, right before any of its full-name uses."""
    givens = _given_folds(full)
    return {m.title_words for m in mentions if m.full and m.key == full.key and _given_folds(m) == givens and m.title_words}


def full_name_text(mention: Mention, text: str) -> str:
    """The full name as written, without its title: "Adaeze Okafor", "Li Qiang"."""
    start = min(mention.given[0].start, mention.core_start) if mention.given else mention.core_start
    end = max(mention.given[-1].end, mention.core_end) if mention.given else mention.core_end
    return " ".join(text[start:end].split())
