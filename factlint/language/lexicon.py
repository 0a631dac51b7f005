"""English verb inflection: a lemma's -s, -ed and -ing forms by the spelling rules, irregular ones from a pack."""

from __future__ import annotations

from dataclasses import field
from typing import Any, Iterable, Mapping

from factlint import compiled

__all__ = ["Forms", "IrregularVerbs", "forms_of", "inflect"]

_VOWELS = "aeiou"


@compiled.dataclass(frozen=True)
class Forms:
    """The forms of one verb: base, third person, simple past, past participle, present participle."""

    base: str
    third: str
    past: tuple[str, ...]
    participle: tuple[str, ...]
    progressive: str

    @property
    def all(self) -> frozenset[str]:
        return frozenset((self.base, self.third, self.progressive, *self.past, *self.participle))

    @property
    def pasts(self) -> frozenset[str]:
        """Simple past and past participle: the forms that say something already happened."""
        return frozenset((*self.past, *self.participle))


@compiled.dataclass(frozen=True)
class IrregularVerbs:
    """The `irregular-verbs` pack: pasts and participles the rules cannot make, and verbs that double their last consonant."""

    past: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    participle: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    doubling: frozenset[str] = frozenset()

    @classmethod
    def from_pack(cls, pack: Mapping[str, Any] | None) -> "IrregularVerbs":
        pack = pack or {}
        past: dict[str, tuple[str, ...]] = {}
        participle: dict[str, tuple[str, ...]] = {}
        for entry in pack.get("verbs", ()) or ():
            verb = str(entry["verb"]).strip().lower()
            past[verb] = _words(entry.get("past", ()))
            participle[verb] = _words(entry.get("participle", ())) or past[verb]
        return cls(past, participle, frozenset(_words(pack.get("doubling", ()))))

    @property
    def all_pasts(self) -> frozenset[str]:
        """Every irregular simple past and participle ("held", "met", "stood", "given")."""
        return frozenset(w for forms in (*self.past.values(), *self.participle.values()) for w in forms)


def _words(items: Iterable[Any] | str) -> tuple[str, ...]:
    if isinstance(items, str):
        items = [items]
    return tuple(str(w).strip().lower() for w in items if str(w).strip())


def _doubles(verb: str, irregular: IrregularVerbs) -> bool:
    """Whether the last consonant doubles before -ed/-ing: one-syllable consonant-vowel-consonant
    verbs (quip, snap, nod), and longer ones stressed on the last syllable, listed in the pack (admit)."""
    if verb in irregular.doubling:
        return True
    word = verb.replace("qu", "q")  # the u of "quip" is no vowel
    if len(word) < 3 or word[-1] in _VOWELS + "wxy" or word[-2] not in _VOWELS or word[-3] in _VOWELS:
        return False
    return not any(c in _VOWELS + "y" for c in word[:-3])  # one syllable: no other vowel before


def _third(verb: str) -> str:
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in _VOWELS:
        return verb[:-1] + "ies"
    return verb + "s"


def _regular(verb: str, suffix: str, irregular: IrregularVerbs) -> str:
    """`verb` + "ed" or "ing" by the spelling rules (urge → urged, reply → replied, quip → quipped)."""
    if suffix == "ed":
        if verb.endswith("e"):
            return verb + "d"  # urge → urged, agree → agreed
        if verb.endswith("y") and verb[-2:-1] not in _VOWELS:
            return verb[:-1] + "ied"  # reply → replied
    else:
        if verb.endswith("ie"):
            return verb[:-2] + "ying"  # lie → lying
        if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
            return verb[:-1] + "ing"  # urge → urging, agree → agreeing
    if verb.endswith("c"):
        return verb + "k" + suffix  # panic → panicked
    if _doubles(verb, irregular):
        return verb + verb[-1] + suffix
    return verb + suffix


def inflect(verb: str, irregular: IrregularVerbs = IrregularVerbs()) -> Forms:
    """Every form of `verb` (a lemma, lower case): irregular pasts from the pack, the rest by rule."""
    verb = verb.strip().lower()
    past = irregular.past.get(verb) or (_regular(verb, "ed", irregular),)
    participle = irregular.participle.get(verb) or past
    return Forms(verb, _third(verb), tuple(past), tuple(participle), _regular(verb, "ing", irregular))


def forms_of(lemmas: Iterable[str], irregular: IrregularVerbs = IrregularVerbs()) -> frozenset[str]:
    """Every form of every lemma; a lemma of several words ("point out") inflects its first."""
    found: set[str] = set()
    for lemma in lemmas:
        head, _, rest = lemma.strip().lower().partition(" ")
        if head:
            found |= {f"{f} {rest}".strip() for f in inflect(head, irregular).all}
    return frozenset(found)
