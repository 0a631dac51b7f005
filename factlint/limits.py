"""The bounds on what one run reads: draft size, YAML expansion, Markdown nesting, network time and bytes."""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any, Mapping

from factlint import compiled
from factlint.errors import UsageError

SECTION = "limits"
#: Upper bounds a configuration may not pass: deeper nesting would exhaust Python's recursion in the parser.
MAXIMA = {"max_nesting": 100}


@compiled.dataclass(frozen=True)
class Limits:
    """Every limit in one place; a configuration's `limits` section may change them (a hostile draft may not).

    Each limit exists so that one draft cannot hang a pre-commit hook or a CI
    runner: past it, factlint reports a finding (FL001 or FL003) and goes on.
    """

    #: A draft larger than this is not news copy (FL001).
    max_bytes: int = 5 * 1024 * 1024
    #: YAML nodes after aliases are expanded, in front matter ("billion laughs" stop here, FL003).
    front_matter_nodes: int = 10_000
    #: The same for a configuration file or a rule pack (an exit-2 error naming the file).
    yaml_nodes: int = 1_000_000
    #: Blockquotes and lists nested deeper than this are reported, not silently dropped (FL001).
    max_nesting: int = 20
    #: --fix re-lints after each pass; fixes that keep producing fixes stop here.
    fix_passes: int = 8

    @classmethod
    def from_mapping(cls, section: Mapping[str, Any] | None, where: str = "configuration") -> "Limits":
        limits = cls()
        for key, value in (section or {}).items():
            name = str(key).replace("-", "_")
            if name not in {f.name for f in fields(cls)}:
                raise UsageError(f"{where}: configuration key '{SECTION}.{key}': no such limit "
                                 f"(known: {', '.join(sorted(f.name.replace('_', '-') for f in fields(cls)))})")
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise UsageError(f"{where}: configuration key '{SECTION}.{key}': {value!r} is not a positive whole number")
            if value > MAXIMA.get(name, value):
                raise UsageError(f"{where}: configuration key '{SECTION}.{key}': {value} is more than the "
                                 f"largest allowed, {MAXIMA[name]}")
            limits = replace(limits, **{name: value})
        return limits


DEFAULT = Limits()

#: Settings of the `limits` section, in the schema language of rule packs.
SCHEMA: dict[str, Any] = {"?" + f.name.replace("_", "-"): int for f in fields(Limits)}

# -- the network (the `online` section sets them per folder) ---------------------

#: Seconds one request may take in all (connect, headers, body): not per read.
REQUEST_SECONDS = 10.0
#: Seconds the online checks of one run may take in all; what is left is "not checked".
ONLINE_SECONDS = 120.0
#: Bytes of one answer read at most (an endless answer stops here).
RESPONSE_BYTES = 8 * 1024 * 1024
#: Redirects followed at most, each one checked like the first address.
REDIRECTS = 5
