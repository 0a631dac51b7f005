"""Findings as protocol diagnostics, and a rule's explanation as hover Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lsprotocol import types

from factlint.surfaces.lsp.positions import Lines

if TYPE_CHECKING:
    from factlint.results import Result

SOURCE = "factlint"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


def diagnostic(result: "Result", lines: Lines) -> types.Diagnostic:
    return types.Diagnostic(
        range=lines.range(result.span.start, result.span.end),
        message=result.message,
        severity=SEVERITY.get(result.severity, types.DiagnosticSeverity.Warning),
        code=result.code,
        code_description=types.CodeDescription(href=result.url) if result.url else None,
        source=SOURCE,
    )


def hover_markdown(rule: Any, result: "Result") -> str:
    """What `factlint rule CODE` says of the rule, as Markdown, under the finding's own message."""
    parts = [
        f"**{rule.code} {rule.name}**: {result.message}",
        rule.summary,
        rule.explanation,
        f"Reported:\n\n```\n{rule.example}\n```",
        f"Not reported (near-miss):\n\n```\n{rule.near_miss}\n```",
    ]
    if rule.source:
        parts.append(f"Source: {rule.source}")
    if result.url:
        parts.append(f"[Documentation]({result.url})")
    return "\n\n".join(parts)
