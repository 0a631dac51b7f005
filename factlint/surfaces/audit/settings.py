"""The `audit` configuration section: how an archive export names its fields, and how many articles a partition holds."""

from __future__ import annotations

from typing import Any, Mapping

from factlint.plugins import hookimpl

#: The article fields an export may carry, and the column each is read from by default.
FIELDS = ("body", "format", "date", "id", "url", "section", "author")


@hookimpl
def factlint_settings_schemas() -> Mapping[str, Any]:
    return {"audit": {"?fields": {"?" + name: str for name in FIELDS}, "?partition-size": int}}
