"""The packs every family reads through factlint.language: abbreviations a sentence does not end at, irregular verbs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

from factlint.language.sentences import Abbreviations
from factlint.plugins import hookimpl
from factlint.rules import Context

if TYPE_CHECKING:
    from factlint.language.lexicon import IrregularVerbs

PACK = "abbreviations"
IRREGULAR = "irregular-verbs"


def abbreviations(context: Context) -> Abbreviations:
    """The run's abbreviation list, read once per loaded set of packs."""
    return context.packs.derived(PACK, lambda packs: Abbreviations.from_pack(packs.get_or_empty(PACK)))


def irregular_verbs(context: Context) -> IrregularVerbs:
    """The irregular pasts and doubling verbs every family inflects with, read once per loaded set of packs."""
    from factlint.language.lexicon import IrregularVerbs  # when a check first inflects: not on a cached run

    return context.packs.derived(IRREGULAR, lambda packs: IrregularVerbs.from_pack(packs.get_or_empty(IRREGULAR)))


@hookimpl
def factlint_pack_schemas() -> Mapping[str, Any]:
    return {
        PACK: {"abbreviations": [str]},
        IRREGULAR: {"verbs": [{"verb": str, "past": [str], "?participle": [str]}], "?doubling": [str]},
    }
