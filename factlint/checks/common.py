"""The packs every family reads through factlint.language: the abbreviations a sentence does not end at."""

from __future__ import annotations

from typing import Any, Mapping

from factlint.language.sentences import Abbreviations
from factlint.plugins import hookimpl
from factlint.rules import Context

PACK = "abbreviations"


def abbreviations(context: Context) -> Abbreviations:
    """The run's abbreviation list, read once per loaded set of packs."""
    return context.packs.derived(PACK, lambda packs: Abbreviations.from_pack(packs.get_or_empty(PACK)))


@hookimpl
def factlint_pack_schemas() -> Mapping[str, Any]:
    return {PACK: {"abbreviations": [str]}}
