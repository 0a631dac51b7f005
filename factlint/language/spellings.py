"""Where a text writes a name as one of a house dictionary's variants: whole words, longest first."""

from __future__ import annotations

import functools
import re
from typing import Mapping

from factlint import compiled


@compiled.dataclass(frozen=True)
class Respelling:
    """One variant written in a text, as offsets into it, with the house spelling that replaces it."""

    start: int
    end: int
    written: str
    house: str


@compiled.dataclass(frozen=True)
class HouseSpellings:
    """A house style dictionary, {variant: house spelling}, ready to search texts with."""

    table: tuple[tuple[str, str], ...]

    @classmethod
    def from_mapping(cls, table: Mapping[str, str]) -> "HouseSpellings":
        return cls(tuple(table.items()))

    def __bool__(self) -> bool:
        return bool(self.table)

    @property
    def variants(self) -> tuple[str, ...]:
        """The spellings the dictionary corrects (NAM001 leaves those to NAM003)."""
        return tuple(variant for variant, _ in self.table)

    def find(self, text: str) -> tuple[Respelling, ...]:
        """Each variant in `text` as a whole word run, the longest where two overlap, in reading order.

        A variant is found as written and, unless it is an initialism already,
        in capitals (a headline-style caption), where its house spelling is put in capitals too.
        """
        return _find(self, text)


@functools.lru_cache(maxsize=1024)
def _find(spellings: HouseSpellings, text: str) -> tuple[Respelling, ...]:
    found: list[Respelling] = []
    for variant, house in spellings.table:
        forms = {variant: house}
        if len(variant) > 1 and variant.upper() != variant:
            forms[variant.upper()] = house.upper()
        for written, replacement in forms.items():
            for m in _pattern(written).finditer(text):
                found.append(Respelling(m.start(), m.end(), m.group(), replacement))
    taken: list[Respelling] = []
    for item in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if not any(item.start < t.end and t.start < item.end for t in taken):
            taken.append(item)
    return tuple(taken)


@functools.lru_cache(maxsize=4096)
def _pattern(variant: str) -> re.Pattern[str]:
    """The variant's words with any run of spaces between them, not inside a longer word or a hyphenated name."""
    words = [re.escape(w) for w in variant.split()]
    return compiled.regex(r"(?<![\w'’-])" + r"\s+".join(words) + r"(?![\w-])")
