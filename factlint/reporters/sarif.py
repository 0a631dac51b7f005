"""SARIF 2.1.0 output, shaped for GitHub code scanning and editors that read SARIF."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from typing import Any, Iterable, Mapping, Sequence
from urllib.parse import quote

from factlint.plugins import Reporter, hookimpl
from factlint.results import ReportContext, ReportedFix, Result

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://factlint.readthedocs.io"

#: partialFingerprints key. A new recipe needs a new key: GitHub would
#: otherwise close every open alert and open it again under a new identity.
#: GitHub's own `primaryLocationLineHash` is reserved: it recomputes it.
FINGERPRINT_KEY = "factlint/v1"

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
#: GitHub's own property for how an alert is ranked in the Security tab.
PROBLEM_SEVERITIES = {"error": "error", "warning": "warning", "info": "recommendation"}


def display_path(filename: str) -> str:
    """The finding's file as CI services want it: relative to where factlint ran, with forward slashes."""
    if os.path.isabs(filename):
        try:
            relative = os.path.relpath(filename)
        except ValueError:  # another drive on Windows
            relative = filename
        if relative != os.pardir and not relative.startswith(os.pardir + os.sep):
            filename = relative
    path = filename.replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def artifact_uri(filename: str) -> str:
    """A URI reference for the file: relative when it can be, percent-encoded either way."""
    path = display_path(filename)
    if os.path.isabs(path):  # outside the folder factlint ran in
        return "file://" + quote(path if path.startswith("/") else "/" + path)
    return quote(path)


def utf16_column(line_text: str, column: int) -> int:
    """Convert a 1-based code-point column of `line_text` to SARIF's 1-based UTF-16 units.

    Characters outside the Basic Multilingual Plane (emoji, some CJK) take two
    UTF-16 units; a column past the end of the line counts one unit per position.
    """
    before = line_text[: column - 1]
    wide = sum(1 for ch in before if ord(ch) > 0xFFFF)
    return column + wide


def fingerprints(results: Sequence[Result]) -> list[str]:
    """A stable identity per finding, for SARIF partialFingerprints and GitLab Code Quality.

    The recipe is: rule code, file, the whitespace-trimmed text of the line the
    finding starts on, and the finding's occurrence index among findings with
    the same code, file and line text. Row numbers are left out on purpose, so
    an alert keeps its identity when paragraphs are added or removed above it;
    it gets a new one only when its own line is edited, which is when an editor
    should look at it again.
    """
    seen: Counter[tuple[str, str, str]] = Counter()
    out = []
    for result in results:
        key = (result.code, display_path(result.filename), result.line_text.strip())
        occurrence = seen[key]
        seen[key] += 1
        digest = hashlib.sha256()
        for part in (*key, str(occurrence)):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\x00")
        out.append(digest.hexdigest()[:32])
    return out


def _rule_help(rule: Any) -> dict[str, str]:
    text = f"{rule.summary}\n\n{rule.explanation}\n\nReported: {rule.example}\nNot reported: {rule.near_miss}"
    markdown = (
        f"**{rule.summary}**\n\n{rule.explanation}\n\n"
        f"Reported:\n\n```\n{rule.example}\n```\n\nNot reported:\n\n```\n{rule.near_miss}\n```"
    )
    if getattr(rule, "source", ""):
        text += f"\n\nSource: {rule.source}"
        markdown += f"\n\nSource: {rule.source}"
    if rule.doc_url:
        markdown += f"\n\n[Documentation]({rule.doc_url})"
    return {"text": text, "markdown": markdown}


def _descriptor(code: str, rule: Any | None, result: Result | None) -> dict[str, Any]:
    if rule is None:
        # A finding whose rule the registry does not know (should not happen):
        # still a valid descriptor, so GitHub does not reject the whole upload.
        name = result.name if result else code
        return {
            "id": code,
            "name": name,
            "shortDescription": {"text": name},
            "fullDescription": {"text": name},
            "help": {"text": name},
            "defaultConfiguration": {"level": LEVELS.get(result.severity if result else "", "warning")},
        }
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.explanation},
        "help": _rule_help(rule),
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
        "properties": {
            "tags": ["factlint", rule.family] + (["online"] if rule.online else []),
            "problem.severity": PROBLEM_SEVERITIES.get(rule.severity, "warning"),
            "fix": rule.fix or "none",
            "plugin": rule.plugin,
        },
    }
    if rule.doc_url:
        descriptor["helpUri"] = rule.doc_url
    return descriptor


def _region(result: Result) -> dict[str, int]:
    return {
        "startLine": result.row,
        "startColumn": utf16_column(result.line_text, result.column),
        "endLine": result.end_row,
        "endColumn": utf16_column(result.end_line_text, result.end_column),
    }


def _fix(result: Result, fix: ReportedFix, uri: str) -> dict[str, Any] | None:
    """The fix as a SARIF replacement, when every edit lies on a line whose text we have."""
    lines = {result.row: result.line_text, result.end_row: result.end_line_text}
    replacements = []
    for edit in fix.edits:
        if edit.location.row not in lines or edit.end_location.row not in lines:
            return None  # we could not convert its columns to UTF-16 faithfully
        region = {
            "startLine": edit.location.row,
            "startColumn": utf16_column(lines[edit.location.row], edit.location.column),
            "endLine": edit.end_location.row,
            "endColumn": utf16_column(lines[edit.end_location.row], edit.end_location.column),
        }
        replacements.append({"deletedRegion": region, "insertedContent": {"text": edit.content}})
    if not replacements:
        return None
    return {
        "description": {"text": fix.message or "Apply the fix"},
        "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}],
        "properties": {"applicability": fix.applicability},
    }


def _result(result: Result, rule_index: Mapping[str, int], fingerprint: str) -> dict[str, Any]:
    uri = artifact_uri(result.filename)
    out: dict[str, Any] = {
        "ruleId": result.code,
        "ruleIndex": rule_index[result.code],
        "level": LEVELS.get(result.severity, "warning"),
        "message": {"text": result.message},
        "locations": [
            {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": _region(result)}}
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if result.fix is not None:
        fix = _fix(result, result.fix, uri)
        if fix is not None:
            out["fixes"] = [fix]
    return out


def _rule_codes(results: Iterable[Result], rules: Mapping[str, Any]) -> list[str]:
    return sorted(set(rules) | {r.code for r in results})


def sarif_log(results: Sequence[Result], context: ReportContext) -> dict[str, Any]:
    """The SARIF log as a Python object (tests validate it against the OASIS schema)."""
    codes = _rule_codes(results, context.rules)
    first_result = {}
    for result in results:
        first_result.setdefault(result.code, result)
    descriptors = [_descriptor(c, context.rules.get(c), first_result.get(c)) for c in codes]
    rule_index = {code: i for i, code in enumerate(codes)}
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factlint",
                        "version": context.version,
                        "informationUri": INFORMATION_URI,
                        "rules": descriptors,
                    }
                },
                "columnKind": "utf16CodeUnits",
                "results": [
                    _result(r, rule_index, fp) for r, fp in zip(results, fingerprints(results))
                ],
            }
        ],
    }


def render(results: Sequence[Result], context: ReportContext) -> str:
    return json.dumps(sarif_log(results, context), indent=2) + "\n"


@hookimpl
def factlint_reporters() -> list[Reporter]:
    return [
        Reporter(
            name="sarif",
            description="SARIF 2.1.0 for GitHub code scanning and SARIF viewers",
            render=render,
        )
    ]
