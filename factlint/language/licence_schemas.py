"""The schemas of the `licences` and `credit-prefixes` rule packs: plain data, so a run that only registers
the Licensing rules (a result-cache hit) need not import the licence registry to validate its packs."""

from __future__ import annotations

from typing import Any

#: The schema of the `licences` rule pack (rules/licences.yaml).
LICENCES_SCHEMA: dict[str, Any] = {
    "?jurisdictions": [str],
    "?licence-urls": [str],
    "?words": [{"say": str, "means": str}],
    "?sites": [{"host": str, "name": str, "?licence": str}],
    "?licences": [
        {
            "id": str,
            "name": str,
            "?title": str,
            "?url": str,
            "?urls": [str],
            "?spdx": str,
            "?aliases": [str],
            "?ports": str,
            "attribution": bool,
            "non-commercial": bool,
            "no-derivatives": bool,
            "share-alike": bool,
        }
    ],
}

#: The schema of the `credit-prefixes` rule pack (rules/credit-prefixes.yaml).
PREFIXES_SCHEMA: dict[str, Any] = {
    "prefixes": [str],
    "?attached-prefixes": [str],
    "?fillers": [str],
    "?labels": [{"say": str, "means": str}],
}
