"""The audit summary as one self-contained HTML page: inline CSS, matplotlib charts as data: PNGs, no script."""

from __future__ import annotations

import base64
import io
from html import escape
from typing import Any

from factlint.surfaces.audit.report import Summary, Table

#: Nothing loads from anywhere and nothing runs: only the page's own styles and its data: images.
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
CSS = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 70em; padding: 0 1em; color: #222; }
h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
dl.meta { display: grid; grid-template-columns: max-content auto; gap: .2em 1em; }
dl.meta dt { font-weight: 600; } dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.partial { background: #fff3cd; border: 1px solid #e0c36b; padding: .6em 1em; }
table { border-collapse: collapse; margin: .5em 0 1em; } th, td { padding: .25em .8em; border-bottom: 1px solid #eee; }
th { text-align: left; background: #f5f5f5; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
td { overflow-wrap: anywhere; max-width: 40em; } img.chart { max-width: 100%; height: auto; display: block; }
"""
#: Tables with a chart, and the column charted as bars against the first column.
CHARTS = {"by_code": "code", "by_year": "year", "by_section": "section"}


def render(summary: Summary) -> str:
    """The whole page; every value from the audit is escaped, so an article id `<script>` is text."""
    m = summary.manifest
    parts = ['<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
             f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n',
             '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
             f"<title>factlint audit report</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
             "<h1>factlint audit report</h1>\n", _meta(summary), _progress(summary)]
    for table in summary.tables():
        parts.append(f'<section id="{table.name}">\n<h2>{escape(table.title)}</h2>\n')
        if table.name in CHARTS and table.rows:
            parts.append(_chart(table))
        parts.append(_table(table) if table.rows else "<p>None.</p>\n")
        parts.append("</section>\n")
    parts.append(f"<footer><p>factlint {escape(m.factlint_version)}</p></footer>\n</body>\n</html>\n")
    return "".join(parts)


def _meta(summary: Summary) -> str:
    m = summary.manifest
    items = (("Source", m.source), ("Configuration", m.config or "(defaults)"), ("factlint version", m.factlint_version),
             ("Config hash", m.config_hash), ("Articles", f"{m.articles_done:,}"), ("Findings", f"{m.findings:,}"))
    rows = "".join(f"<dt>{escape(k)}</dt><dd>{escape(str(v))}</dd>\n" for k, v in items)
    return f'<dl class="meta">\n{rows}</dl>\n'


def _progress(summary: Summary) -> str:
    """A note on an unfinished audit (still running, or killed): how much of it the page covers."""
    m = summary.manifest
    notes = []
    if not m.complete:
        done = len(set(m.partitions_done))
        total = f"{done} of {summary.partitions_total}" if summary.partitions_total is not None else f"{done}"
        notes.append(f"The audit is not complete: {total} partitions done. This report covers those only; "
                     "continue the audit with <code>factlint audit SOURCE --out DIR --resume</code>.")
    if summary.partitions_missing:
        names = ", ".join(str(i) for i in summary.partitions_missing)
        notes.append(f"Partitions in the manifest whose files are missing (not counted): {escape(names)}.")
    return "".join(f'<p class="partial">{note}</p>\n' for note in notes)


def _table(table: Table) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in table.header if h != "url" or table.name != "worst_articles")
    body = []
    for row in table.rows:
        body.append("<tr>" + (_article_cells(row) if table.name == "worst_articles" else _cells(row)) + "</tr>\n")
    return f'<table class="{table.name}">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{"".join(body)}</tbody>\n</table>\n'


def _cells(row: tuple[Any, ...]) -> str:
    return "".join(f'<td class="n">{value:,}</td>' if isinstance(value, int) and not isinstance(value, bool)
                   and i else f"<td>{escape(_label(value))}</td>" for i, value in enumerate(row))


def _article_cells(row: tuple[Any, ...]) -> str:
    """The article as a link to its page when it has a web address; other schemes (javascript:) stay text."""
    article, url, *counts = row
    name = escape(_label(article))
    if url and url.lower().startswith(("https://", "http://")):
        name = f'<a href="{escape(url, quote=True)}" rel="noopener noreferrer">{name}</a>'
    return f"<td>{name}</td>" + "".join(f'<td class="n">{n:,}</td>' for n in counts)


def _label(value: Any) -> str:
    if value is None or value == "":
        return "(none)"
    return str(value)


def _chart(table: Table) -> str:
    """A bar chart of the table's counts (the top 30 bars), rendered by matplotlib's Agg backend as a data: PNG."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    rows = table.rows if table.name == "by_year" else table.rows[:30]
    labels = [_chart_label(row[0]) for row in rows]
    counts = [row[-1] for row in rows]
    figure = Figure(figsize=(max(4.0, min(12.0, 0.55 * len(rows) + 2)), 3.2), dpi=100)
    axes = figure.subplots()
    axes.bar(range(len(rows)), counts, color="#3b6ea5")
    axes.set_xticks(range(len(rows)), labels, rotation=45 if len(rows) > 6 else 0, ha="right" if len(rows) > 6 else "center",
                    fontsize=8)
    axes.set_ylabel("findings")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))  # counts: no 2.5 findings
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    alt = escape(f"{table.title}: bar chart of the table below")
    return f'<img class="chart" alt="{alt}" src="data:image/png;base64,{data}">\n'


def _chart_label(value: Any) -> str:
    """A tick label as plain text: `$` would start matplotlib's math mode; long ones are cut."""
    text = _label(value)
    text = text if len(text) <= 24 else text[:23] + "…"
    return text.replace("$", r"\$")
