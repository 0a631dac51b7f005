"""Quotes family (QUO): unattributed quotations, unbalanced marks, mismatched mark styles."""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from factlint.plugins import hookimpl
from factlint.rules import Rule

PACK_SCHEMAS: dict[str, Any] = {
    "quote-elisions": {"elisions": [str]},
    "speech-verbs": {"verbs": [{"verb": str, "forms": [str]}], "?phrases": [str]},
    "quote-sources": {
        "pronouns": [str],
        "nouns": [str],
        "not-names": [str],
        "abbreviations": [str],
        "passive": [str],
        "title-cues": [str],
    },
}
SETTINGS_SCHEMAS: dict[str, Any] = {"quotes": {"?min-words": int, "?style": str}}


@hookimpl
def factlint_rules() -> Sequence[Rule]:
    return []


@hookimpl
def factlint_pack_schemas() -> Mapping[str, Any]:
    return PACK_SCHEMAS


@hookimpl
def factlint_settings_schemas() -> Mapping[str, Any]:
    return SETTINGS_SCHEMAS
