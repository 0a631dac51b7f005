"""The partition task a Dask worker runs: `check`'s own per-document lint on each article, findings as Arrow tables."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from typing import Any, Mapping

from factlint import compiled, engine
from factlint.config import Config
from factlint.surfaces.audit.sources import MAX_LINE, Partition

#: Text of a finding's span kept in the `text` column (a credit, a source, a phrase); longer is cut.
TEXT_LIMIT = 200
FORMAT_EXTENSIONS = {"markdown": "md", "md": "md", "text": "txt", "txt": "txt", "plain": "txt", "html": "html",
                     "htm": "html"}
_YEAR = compiled.regex(rb"(?m)^(?:date|published|published_time)\s*:\s*['\"]?(\d{4})-\d{2}-\d{2}"
                   rb"|article:published_time\"\s+content=\"(\d{4})-|name=\"date\"\s+content=\"(\d{4})-")


@compiled.dataclass(frozen=True)
class Job:
    """What every partition of one run shares: the options and the one configuration, pinned."""

    options: engine.Options
    config: Config
    fields: Mapping[str, str]
    base: str  # the folder an export's articles are placed in, for per-file-ignores
    source_name: str


@compiled.dataclass(frozen=True)
class Article:
    """One article as read from the export, before linting."""

    ordinal: int
    filename: str
    path: str
    raw: bytes | None
    problem: str | None = None
    article: str | None = None
    date: dt.date | None = None
    url: str | None = None
    section: str | None = None
    author: str | None = None


FINDING_COLUMNS = ("partition", "ordinal", "article", "filename", "url", "section", "author", "date", "year",
                   "code", "name", "severity", "message", "row", "column", "end_row", "end_column", "text",
                   "fixable", "json")
ARTICLE_COLUMNS = ("partition", "ordinal", "article", "filename", "url", "section", "author", "date", "year",
                   "format", "findings", "errors", "warnings", "infos")

_SESSIONS: dict[Any, engine.Session] = {}


def _session(job: Job, date: dt.date | None) -> engine.Session:
    """One session per worker process, run and reference date: the registry and packs load once."""
    key = (job.options, job.config.path, date)
    session = _SESSIONS.get(key)
    if session is None:
        from factlint.plugins import collect, plugin_manager

        base = _SESSIONS.get((job.options, job.config.path, None))
        registry = base.registry if base is not None else collect(plugin_manager())
        options = job.options if date is None or job.options.reference_date else replace(job.options, reference_date=date)
        session = engine.Session(registry, options)
        session.pin(job.config)
        if base is not None:
            session.use_packs(job.config, base.packs_for(job.config))
        if len(_SESSIONS) > 256:
            _SESSIONS.clear()
        _SESSIONS[key] = session
    return session


def run(job: Job, partition: Partition) -> tuple[Any, Any]:
    """(findings, articles) of one partition as pyarrow Tables, in article order."""
    import pyarrow as pa

    _session(job, None)
    findings: dict[str, list] = {c: [] for c in FINDING_COLUMNS}
    articles: dict[str, list] = {c: [] for c in ARTICLE_COLUMNS}
    for article in _articles(job, partition):
        _lint(job, partition.index, article, findings, articles)
    return (pa.table(findings, schema=finding_schema()), pa.table(articles, schema=article_schema()))


def finding_schema() -> Any:
    import pyarrow as pa

    s, i = pa.string(), pa.int64()
    return pa.schema([("partition", pa.int32()), ("ordinal", i), ("article", s), ("filename", s), ("url", s),
                      ("section", s), ("author", s), ("date", pa.date32()), ("year", pa.int16()), ("code", s),
                      ("name", s), ("severity", s), ("message", s), ("row", pa.int32()), ("column", pa.int32()),
                      ("end_row", pa.int32()), ("end_column", pa.int32()), ("text", s), ("fixable", pa.bool_()),
                      ("json", s)])


def article_schema() -> Any:
    import pyarrow as pa

    s, i = pa.string(), pa.int32()
    return pa.schema([("partition", i), ("ordinal", pa.int64()), ("article", s), ("filename", s), ("url", s),
                      ("section", s), ("author", s), ("date", pa.date32()), ("year", pa.int16()), ("format", s),
                      ("findings", i), ("errors", i), ("warnings", i), ("infos", i)])


def _lint(job: Job, partition: int, article: Article, findings: dict[str, list], articles: dict[str, list]) -> None:
    session = _session(job, article.date)
    path = Path(article.path)
    if article.problem is not None or article.raw is None:
        outcome = session.lint_problem(path, article.filename, article.problem or "unreadable")
        source = ""
    else:
        outcome = session.lint_bytes(article.raw, path, article.filename, write=False)
        source = engine.decode(article.raw)[1]
    if outcome.error:  # a rule's internal error: the article still gets a row, and the run goes on
        outcome = session.lint_problem(path, article.filename, outcome.error)
    year = article.date.year if article.date else _year(article.raw)
    shared = {"partition": partition, "ordinal": article.ordinal, "article": article.article,
              "filename": article.filename, "url": article.url, "section": article.section,
              "author": article.author, "date": article.date, "year": year}
    severities = {"error": 0, "warning": 0, "info": 0}
    for result in outcome.results:
        severities[result.severity] = severities.get(result.severity, 0) + 1
        for key, value in shared.items():
            findings[key].append(value)
        findings["code"].append(result.code)
        findings["name"].append(result.name)
        findings["severity"].append(result.severity)
        findings["message"].append(result.message)
        findings["row"].append(result.location.row)
        findings["column"].append(result.location.column)
        findings["end_row"].append(result.end_location.row)
        findings["end_column"].append(result.end_location.column)
        findings["text"].append(source[result.span.start:result.span.end][:TEXT_LIMIT] or None)
        findings["fixable"].append(result.fix is not None)
        findings["json"].append(json.dumps(result.as_json(), ensure_ascii=False))
    for key, value in shared.items():
        articles[key].append(value)
    articles["format"].append(_format_name(session, article))
    articles["findings"].append(len(outcome.results))
    articles["errors"].append(severities["error"])
    articles["warnings"].append(severities["warning"])
    articles["infos"].append(severities["info"])


def _format_name(session: engine.Session, article: Article) -> str:
    if article.problem is not None or article.raw is None:
        return "unreadable"
    fmt = session.registry.format_for(article.filename)
    return fmt.name if fmt is not None else "text"


def _year(raw: bytes | None) -> int | None:
    """The publication year a draft states (front matter `date`, an HTML meta date), for the report's by-year chart."""
    if not raw:
        return None
    match = _YEAR.search(raw[:8192])
    if not match:
        return None
    year = int(next(g for g in match.groups() if g))
    return year if 1800 <= year <= 2200 else None


# -- reading a partition's articles ------------------------------------------

def _articles(job: Job, partition: Partition) -> list[Article]:
    if partition.kind == "files":
        return [Article(partition.first + n, filename, path, raw, error)
                for n, (filename, path, raw, error) in enumerate(partition.items)]
    if partition.kind == "jsonl":
        return [_from_line(job, partition.first + n, number, line) for n, (number, line) in enumerate(partition.items)]
    rows = partition.items.to_pylist()
    return [_from_record(job, partition.first + n, f"row {partition.first + n + 1}", row) for n, row in enumerate(rows)]


def _from_line(job: Job, ordinal: int, number: int, line: bytes) -> Article:
    where = f"line {number}"
    name = f"{job.source_name}:{number}"
    path = str(Path(job.base) / name)
    if len(line) > MAX_LINE:
        return Article(ordinal, name, path, None, f"{where} of {job.source_name} is longer than "
                       f"{MAX_LINE // (1024 * 1024)} MiB; not an article")
    try:
        record = json.loads(line)
    except (ValueError, UnicodeDecodeError) as e:
        return Article(ordinal, name, path, None, f"{where} of {job.source_name} is not JSON: {e}")
    if not isinstance(record, dict):
        return Article(ordinal, name, path, None,
                       f"{where} of {job.source_name} is a JSON {type(record).__name__}, not an article object")
    return _from_record(job, ordinal, where, record, name)


def _from_record(job: Job, ordinal: int, where: str, record: Mapping[str, Any], fallback: str | None = None) -> Article:
    fields = job.fields
    ident = record.get(fields["id"])
    ident = None if ident is None else str(ident)
    fmt = str(record.get(fields["format"]) or "markdown").lower()
    ext = FORMAT_EXTENSIONS.get(fmt)
    stem = ident if ident is not None else (fallback or f"{job.source_name}:{where.split()[-1]}")
    filename = stem if ext is None or stem.lower().endswith("." + ext) else f"{stem}.{ext}"
    path = str(Path(job.base) / filename)
    meta = {key: _text(record.get(fields[key])) for key in ("url", "section", "author")}
    date, date_problem = _date(record.get(fields["date"]))
    body = record.get(fields["body"])
    problem = None
    if ext is None:
        problem = f"{where} of {job.source_name}: unknown format {fmt!r} (markdown, text or html)"
    elif date_problem:
        problem = f"{where} of {job.source_name}: {date_problem}"
    elif body is None:
        problem = f"{where} of {job.source_name} has no {fields['body']!r} field for the article body"
    elif not isinstance(body, (str, bytes)):
        problem = f"{where} of {job.source_name}: the {fields['body']!r} field is a {type(body).__name__}, not text"
    raw = None
    if problem is None:
        raw = body if isinstance(body, bytes) else body.encode("utf-8", "surrogatepass")
    return Article(ordinal, filename, path, raw, problem, ident, date, **meta)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def _date(value: Any) -> tuple[dt.date | None, str | None]:
    """An article's publication date from the export (ISO date or timestamp); it is the reference date, as --reference-date."""
    if value is None or value == "":
        return None, None
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10]), None
    except ValueError:
        return None, f"the date {text[:40]!r} is not an ISO date (YYYY-MM-DD)"
