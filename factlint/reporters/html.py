"""`--format html`: one self-contained page, each draft with its findings marked in place, written file by file."""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections import Counter
from typing import Sequence, TextIO

from factlint import reporting
from factlint.plugins import Reporter, hookimpl
from factlint.reporters._common import display_path
from factlint.reporters._highlight import Mark, attribute, highlight, text
from factlint.reporting import Report
from factlint.results import ReportContext, ReportedEdit, Result

SEVERITIES = ("error", "warning", "info")
#: The built-in families, always offered as filters; a plugin's families join them.
FAMILIES = ("DAT", "LIC", "NAM", "QUO", "FL")
#: What a JSON text must not contain inside <script>: `</script>` or `<!--` would end or bend it.
_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


@functools.lru_cache(maxsize=None)
def _asset(name: str) -> str:
    from importlib import resources  # only when HTML is the format asked for

    return resources.files("factlint.reporters").joinpath("_assets", name).read_text(encoding="utf-8")


def _policy(script: str) -> str:
    """The page's Content-Security-Policy: nothing from the network, and no script but the report's own."""
    import base64

    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; "
            "img-src data:; base-uri 'none'; form-action 'none'")


def script_json(value: object) -> str:
    """JSON that can stand inside <script type="application/json">: no `<`, `>` or `&` left to end it."""
    dumped = json.dumps(value, ensure_ascii=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _SCRIPT_UNSAFE[m.group()], dumped)


def family(result: Result, context: ReportContext) -> str:
    rule = context.rules.get(result.code)
    name = rule.family if rule is not None else re.sub(r"[0-9]+$", "", result.code)
    return name or result.code


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _counts(results: Sequence[Result]) -> str:
    by_severity = Counter(r.severity for r in results if r.waiver is None)
    parts = [f'<span class="n sev-{s}">{_plural(by_severity[s], s)}</span>' for s in SEVERITIES if by_severity[s]]
    waived = sum(1 for r in results if r.waiver is not None)
    if waived:
        parts.append(f'<span class="n waived">{waived} waived</span>')
    return ", ".join(parts)


class HtmlReport(Report):
    """The page head at the start, a collapsed section per draft as each finishes, the summary at the end.

    Between files it keeps counts and the names of clean files, never a draft.
    The summary comes last in the page but is shown first (CSS `order`).
    """

    def __init__(self, context: ReportContext, out: TextIO) -> None:
        super().__init__(context, out)
        self.index = 0
        self.by_severity: Counter[str] = Counter()
        self.by_family: Counter[str] = Counter()
        self.waived = 0
        self.with_findings = 0
        self.clean: list[str] = []
        self.unshown: list[str] = []
        self.fixed_files = 0
        self.families = sorted(set(FAMILIES) | {r.family for r in context.rules.values()}, key=_family_order)
        self.current: tuple[str, str, int] | None = None  # (filename, text, fixes): the next file's draft only
        self._head()

    def _head(self) -> None:
        script = _asset("report.js")
        self.script = script
        self.out.write(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{attribute(_policy(script))}\">\n"
            "<meta name=\"referrer\" content=\"no-referrer\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<meta name=\"generator\" content=\"factlint {attribute(self.context.version)}\">\n"
            "<title>factlint report</title>\n"
            f"<style>\n{_asset('report.css')}</style>\n</head>\n<body>\n<div id=\"layout\">\n"
            f"<header><h1>factlint report</h1><p>factlint {text(self.context.version)}, "
            f"{_plural(len(self.context.files), 'file')} checked</p></header>\n<main id=\"files\">\n"
        )

    def draft(self, filename: str, source: str, fixed: int) -> None:
        self.current = (filename, source, fixed)

    def file(self, filename: str, results: Sequence[Result], fail_level: str) -> None:
        source, fixed = None, 0
        if self.current is not None and self.current[0] == filename:
            _, source, fixed = self.current
        self.current = None
        self.fixed_files += bool(fixed)
        shown = [r for r in results if r.waiver is None]
        for r in shown:
            self.by_severity[r.severity] += 1
            self.by_family[family(r, self.context)] += 1
        self.waived += len(results) - len(shown)
        if not results:
            (self.clean if source is not None else self.unshown).append(filename)
            if not fixed:
                return
        self.index += 1
        self.with_findings += bool(results)
        self.out.write(self._section(filename, results, source, fixed))

    def _section(self, filename: str, results: Sequence[Result], source: str | None, fixed: int) -> str:
        n = self.index
        ids = [f"f{n}-{k}" for k in range(1, len(results) + 1)]
        opened = " open" if len(self.context.files) == 1 else ""
        parts = [
            f'<details class="file" id="file-{n}"{opened}>\n<summary><span class="path">'
            f'{text(display_path(filename))}</span><span class="counts">{_counts(results) or "clean"}</span></summary>\n'
            '<div class="file-body">\n'
        ]
        if fixed:
            parts.append(f'<p class="note fixed">--fix applied {_plural(fixed, "fix")} to this file: the text below '
                         "is the draft as fixed (the findings left were found in it), not the draft as it came.</p>\n")
        if results:
            parts.append('<ol class="findings">\n')
            parts.extend(self._entry(r, i, source) for r, i in zip(results, ids))
            parts.append("</ol>\n")
        if source is None:
            parts.append('<p class="unshown">The draft\'s text was not given to this report.</p>\n')
        else:
            marks = [self._mark(r, i) for r, i in zip(results, ids)]
            parts.append(f'<div class="draft" aria-label="the draft">{highlight(source, marks)}</div>\n')
        parts.append(f'<script type="application/json" class="findings-data" data-file="{attribute(filename)}">'
                     f"{script_json([r.as_json() for r in results])}</script>\n</div>\n</details>\n")
        return "".join(parts)

    def _classes(self, result: Result) -> str:
        waived = " waived" if result.waiver is not None else ""
        return f"sev-{result.severity} fam-{_token(family(result, self.context))}{waived}"

    def _data(self, result: Result) -> str:
        return (f'data-fam="{attribute(family(result, self.context))}" data-sev="{attribute(result.severity)}"')

    def _mark(self, result: Result, ident: str) -> Mark:
        zero = " zero" if result.span.start == result.span.end else ""
        common = f'class="{self._classes(result)}{zero}" {self._data(result)} data-f="{ident}" ' \
                 f'data-msg="{attribute(_tooltip(result))}"'
        return Mark(result.span.start, result.span.end,
                    f'{common} id="{ident}" tabindex="0" aria-describedby="{ident}-m"', common)

    def _entry(self, result: Result, ident: str, source: str | None) -> str:
        rule = f' <a class="rule" href="{attribute(result.url)}">{text(result.name)}</a>' if result.url else \
            f' <span class="rule">{text(result.name)}</span>'
        waived = ""
        if result.waiver is not None:
            waived = f' <span class="waiver">(waived by {text(result.waiver.by)}: {text(result.waiver.reason)})</span>'
        fix = _fix(result, source) if result.fix is not None else ""
        return (f'<li class="finding {self._classes(result)}" {self._data(result)}>'
                f'<a class="jump" href="#{ident}">{result.row}:{result.column}</a> '
                f'<span class="code">{text(result.code)}</span> <span class="sev">{text(result.severity)}</span> '
                f'<span class="msg" id="{ident}-m">{text(result.message)}</span>{rule}{waived}{fix}</li>\n')

    def finish(self, context: ReportContext) -> None:
        self.out.write("</main>\n" + self._summary(context) + "</div>\n"
                       f"<script>{self.script}</script>\n</body>\n</html>\n")

    def _summary(self, context: ReportContext) -> str:
        total = sum(self.by_severity.values())
        totals = [f'<span class="total">{_plural(total, "finding")}</span>']
        totals += [f'<span class="sev-{s}">{_plural(self.by_severity[s], s)}</span>' for s in SEVERITIES]
        totals += [f'<span class="fam">{text(f)}: {self.by_family[f]}</span>' for f in self.families if self.by_family[f]]
        lines = [f'<section id="summary" aria-label="summary">\n<p class="totals">{"".join(totals)}</p>\n',
                 f'<p class="files">{_plural(len(context.files), "file")} checked: {self.with_findings} with findings, '
                 f'{len(self.clean)} clean</p>\n']
        if context.fixed:
            lines.append(f'<p class="note fixed">--fix applied {_plural(context.fixed, "fix")} in '
                         f"{_plural(self.fixed_files, 'file')}; those drafts are shown as fixed.</p>\n")
        waived = context.waived or self.waived
        if waived:
            lines.append(f'<p class="waived">{_plural(waived, "finding")} waived (not counted above).</p>\n')
        if context.errors:
            lines.append(f'<p class="note errors">{_plural(context.errors, "file")} could not be checked: '
                         "factlint's errors say why.</p>\n")
        lines.append(self._filters())
        if self.clean:
            lines.append(_file_list("clean", f"Clean: {_plural(len(self.clean), 'file')}", self.clean))
        if self.unshown:
            lines.append(_file_list("unshown", f"Not shown (no text): {_plural(len(self.unshown), 'file')}",
                                    self.unshown))
        lines.append("</section>\n")
        return "".join(lines)

    def _filters(self) -> str:
        def box(kind: str, value: str, count: int) -> str:
            return (f'<label><input type="checkbox" checked data-filter="{kind}:{attribute(value)}"> '
                    f'{text(value)} ({count})</label>')

        families = "".join(box("fam", f, self.by_family[f]) for f in self.families)
        severities = "".join(box("sev", s, self.by_severity[s]) for s in SEVERITIES)
        return (f'<div id="filters"><fieldset><legend>Family</legend>{families}</fieldset>'
                f"<fieldset><legend>Severity</legend>{severities}</fieldset></div>\n")


def _family_order(name: str) -> tuple[int, str]:
    return (FAMILIES.index(name) if name in FAMILIES else len(FAMILIES), name)


def _token(name: str) -> str:
    """A family name as a CSS class name."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", name)


def _tooltip(result: Result) -> str:
    tip = f"{result.code} {result.name} ({result.severity}): {result.message}"
    if result.fix is not None:
        tip += f"\nFix ({result.fix.applicability}): {result.fix.message}"
    return tip


def _fix(result: Result, source: str | None) -> str:
    """The fix as before -> after for each of its edits: the text it replaces and what replaces it."""
    assert result.fix is not None
    edits = "".join(_edit(e, source) for e in result.fix.edits)
    return (f'<div class="fix {attribute(result.fix.applicability)}"><span class="label">Fix '
            f"({text(result.fix.applicability)}): {text(result.fix.message)}</span>{edits}</div>")


def _edit(edit: ReportedEdit, source: str | None) -> str:
    where = f"{edit.location.row}:{edit.location.column}"
    if source is None or not 0 <= edit.span.start <= edit.span.end <= len(source):
        before = f'<span class="unshown">the text at {where}</span>'
    else:
        replaced = source[edit.span.start:edit.span.end]
        before = f"<del{_EMPTY if not replaced else ''}>{text(replaced)}</del>"
    after = f"<ins{_EMPTY if not edit.content else ''}>{text(edit.content)}</ins>"
    return f'<span class="edit" data-at="{where}">{before} \u2192 {after}</span>'


_EMPTY = ' class="empty"'


def _file_list(kind: str, title: str, names: Sequence[str]) -> str:
    items = "".join(f"<li>{text(display_path(n))}</li>" for n in names)
    return f'<details class="{kind}"><summary>{text(title)}</summary><ul class="clean-files">{items}</ul></details>\n'


def render(results: Sequence[Result], context: ReportContext, drafts: dict[str, str] | None = None) -> str:
    return reporting.render(HtmlReport, results, context, drafts)


@hookimpl
def factlint_reporters() -> list[Reporter]:
    return [Reporter("html", "One self-contained HTML page: each draft with its findings marked in place, "
                     "filters, fixes as before/after.", render, HtmlReport, drafts=True)]
