"""SARIF 2.1.0 output, shaped for GitHub code scanning and editors that read SARIF."""

from __future__ import annotations

import json
import os
from typing import Any, Iterable, Mapping, Sequence, TextIO
from urllib.parse import quote

from factlint import reporting
from factlint.plugins import Reporter, hookimpl
from factlint.reporting import SPLIT, JsonArray, Report
from factlint.reporters._common import display_path, fingerprints, utf16_column
from factlint.results import ReportContext, ReportedFix, Result

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

#: partialFingerprints key. A new recipe needs a new key: GitHub would
#: otherwise close every open alert and open it again under a new identity.
#: GitHub's own `primaryLocationLineHash` is reserved: it recomputes it.
FINGERPRINT_KEY = "factlint/v1"

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
#: GitHub's own property for how an alert is ranked in the Security tab.
PROBLEM_SEVERITIES = {"error": "error", "warning": "warning", "info": "recommendation"}


def artifact_uri(filename: str) -> str:
    """A URI reference for the file: relative when it can be, percent-encoded either way."""
    path = display_path(filename)
    if os.path.isabs(path):  # outside the folder factlint ran in
        return "file://" + quote(path if path.startswith("/") else "/" + path)
    return quote(path)


def _rule_help(rule: Any, url: str | None) -> dict[str, str]:
    text = f"{rule.summary}\n\n{rule.explanation}\n\nReported: {rule.example}\nNot reported: {rule.near_miss}"
    markdown = (
        f"**{rule.summary}**\n\n{rule.explanation}\n\n"
        f"Reported:\n\n```\n{rule.example}\n```\n\nNot reported:\n\n```\n{rule.near_miss}\n```"
    )
    if getattr(rule, "source", ""):
        text += f"\n\nSource: {rule.source}"
        markdown += f"\n\nSource: {rule.source}"
    if url:
        markdown += f"\n\n[Documentation]({url})"
    return {"text": text, "markdown": markdown}


def _descriptor(code: str, rule: Any | None, result: Result | None, rule_docs: str | None = None) -> dict[str, Any]:
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
    # A plugin's own URL, else the `rule-docs` address of the finding's configuration, else the run's.
    url = (result.url if result else None) or rule.documented_at(rule_docs)
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.explanation},
        "help": _rule_help(rule, url),
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
        "properties": {
            "tags": ["factlint", rule.family] + (["online"] if rule.online else []),
            "problem.severity": PROBLEM_SEVERITIES.get(rule.severity, "warning"),
            "fix": rule.fix or "none",
            "plugin": rule.plugin,
        },
    }
    if url:
        descriptor["helpUri"] = url
    return descriptor


def _region(result: Result) -> dict[str, int]:
    return {
        "startLine": result.row,
        "startColumn": utf16_column(result.line_text, result.column),
        "endLine": result.end_row,
        "endColumn": utf16_column(result.end_line_text, result.end_column),
    }


def _fix(fix: ReportedFix, uri: str) -> dict[str, Any] | None:
    """The fix as a SARIF replacement, its columns in UTF-16 units."""
    replacements = []
    for edit in fix.edits:
        region = {
            "startLine": edit.location.row,
            "startColumn": utf16_column(edit.line_text, edit.location.column),
            "endLine": edit.end_location.row,
            "endColumn": utf16_column(edit.end_line_text, edit.end_location.column),
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
        fix = _fix(result.fix, uri)
        if fix is not None:
            out["fixes"] = [fix]
    if result.waiver is not None:
        out["suppressions"] = [_suppression(result.waiver)]
    return out


def _suppression(waiver: Any) -> dict[str, Any]:
    """A waiver as SARIF's external suppression: GitHub code scanning shows the alert as dismissed."""
    properties = {"by": waiver.by, "date": waiver.date.isoformat()}
    if waiver.expires is not None:
        properties["expires"] = waiver.expires.isoformat()
    return {"kind": "external", "status": "accepted", "justification": waiver.reason, "properties": properties}


def _rule_codes(results: Iterable[Result], rules: Mapping[str, Any]) -> list[str]:
    return sorted(set(rules) | {r.code for r in results})


def sarif_log(results: Sequence[Result], context: ReportContext, results_json: list[Any] | None = None) -> dict[str, Any]:
    """The SARIF log as a Python object (tests validate it against the OASIS schema)."""
    codes = _rule_codes(results, context.rules)
    first_result = {}
    for result in results:
        first_result.setdefault(result.code, result)
    descriptors = [_descriptor(c, context.rules.get(c), first_result.get(c), context.rule_docs) for c in codes]
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
                        "rules": descriptors,
                    }
                },
                "columnKind": "utf16CodeUnits",
                "results": results_json if results_json is not None else [
                    _result(r, rule_index, fp) for r, fp in zip(results, fingerprints(results))
                ],
            }
        ],
    }


class SarifReport(Report):
    """The log's head and rule descriptors first, each result as its file finishes, then the closing brackets.

    Every result's rule is a registered one (the engine reports no other), so
    the descriptors, which list every registered rule, can go first.
    """

    def __init__(self, context: ReportContext, out: TextIO) -> None:
        super().__init__(context, out)
        self.codes = _rule_codes((), context.rules)
        self.rule_index = {code: i for i, code in enumerate(self.codes)}
        self.array: JsonArray | None = None

    def _open(self) -> JsonArray:
        if self.array is None:
            self.array = JsonArray(self.out, sarif_log((), self.context, results_json=[SPLIT]))
        return self.array

    def file(self, filename: str, results: Sequence[Result], fail_level: str) -> None:
        array = self._open()
        for result, fingerprint in zip(results, fingerprints(results)):
            array.add(_result(result, self.rule_index, fingerprint))

    def finish(self, context: ReportContext) -> None:
        self._open().close()
        self.out.write("\n")


def render(results: Sequence[Result], context: ReportContext) -> str:
    if any(r.code not in context.rules for r in results):
        return json.dumps(sarif_log(results, context), indent=2) + "\n"
    return reporting.render(SarifReport, results, context)


@hookimpl
def factlint_reporters() -> list[Reporter]:
    return [
        Reporter(
            name="sarif",
            description="SARIF 2.1.0 for GitHub code scanning and SARIF viewers",
            render=render,
            waived=True,
            stream=SarifReport,
        )
    ]
