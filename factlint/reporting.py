"""The streaming reporter interface: a run's results arrive file by file, then a summary."""

from __future__ import annotations

import io
import json
from typing import Any, Callable, Iterable, Mapping, Sequence, TextIO

from factlint.results import SEVERITY_RANK, ReportContext, Result


class Report:
    """One run's output, written as files finish (subclass it; every method may write to `self.out`).

    The run calls `file` once per file checked, in the sorted order of the
    file names, clean files too, with that file's findings sorted by
    `Result.sort_key`; then `finish` once, with the final context (which also
    knows `fixed` and `errors`). Nothing is held between files unless the
    format needs it: memory stays flat in the number of files.
    """

    def __init__(self, context: ReportContext, out: TextIO) -> None:
        self.context = context
        self.out = out

    def draft(self, filename: str, source: str, fixed: int) -> None:
        """The text (`source`) `filename`'s findings point into, just before its `file` (only for a reporter
        registered with `drafts=True`; never for a file that could not be checked).

        `fixed` is how many fixes --fix applied to it: then `source` is the draft as
        fixed (the findings were computed on it), no longer the text it came with.
        """

    def file(self, filename: str, results: Sequence[Result], fail_level: str) -> None:
        """One file's findings (possibly none); `fail_level` is its configuration's."""

    def finish(self, context: ReportContext) -> None:
        """After the last file: write the summary or close the document."""


def fails(result: Result, fail_level: str) -> bool:
    """Whether a finding is at or above the fail level (and so fails the run)."""
    return SEVERITY_RANK[result.severity] >= SEVERITY_RANK[fail_level]


class Collected(Report):
    """A reporter that only has `render(results, context) -> str`: collect, then render once at the end."""

    def __init__(self, render: Callable[..., str], context: ReportContext, out: TextIO) -> None:
        super().__init__(context, out)
        self.render = render
        self.results: list[Result] = []

    def file(self, filename: str, results: Sequence[Result], fail_level: str) -> None:
        self.results.extend(results)

    def finish(self, context: ReportContext) -> None:
        self.out.write(self.render(self.results, context))


def by_file(results: Sequence[Result], context: ReportContext) -> Iterable[tuple[str, list[Result], str]]:
    """(filename, its results, its fail level) for every file of the context and the results, sorted."""
    grouped: dict[str, list[Result]] = {}
    for result in results:
        grouped.setdefault(result.filename, []).append(result)
    for filename in sorted(set(context.files) | set(grouped)):
        found = sorted(grouped.get(filename, []), key=Result.sort_key)
        yield filename, found, context.fail_levels.get(filename, context.fail_level)


def render(report: Callable[[ReportContext, TextIO], Report], results: Sequence[Result], context: ReportContext,
           drafts: Mapping[str, str] | None = None) -> str:
    """The whole output of a streaming reporter as one string (for tests and the render() of built-ins).

    `drafts` maps file names to their text, given to `Report.draft` before each file's findings.
    """
    out = io.StringIO()
    stream = report(context, out)
    for filename, found, fail_level in by_file(results, context):
        if drafts is not None and filename in drafts:
            stream.draft(filename, drafts[filename], 0)
        stream.file(filename, found, fail_level)
    stream.finish(context)
    return out.getvalue()


class JsonArray:
    """Writes one JSON array of a document item by item, byte for byte as `json.dumps(document, indent=2)`.

    `document` holds the marker `SPLIT` as the array's only item; the rest of it
    is written around the items (the head before the first, the tail at `close`).
    """

    def __init__(self, out: TextIO, document: Any, ensure_ascii: bool = True) -> None:
        text = json.dumps(document, indent=2, ensure_ascii=ensure_ascii)
        before, after = text.split(json.dumps(SPLIT))
        self.head = before.rstrip(" ").removesuffix("\n")
        self.pad = before[len(self.head) + 1:]
        self.tail = after.removeprefix("\n").lstrip(" ")
        self.closing = self.pad[:-2]
        self.out = out
        self.ensure_ascii = ensure_ascii
        self.count = 0

    def add(self, item: Any) -> None:
        text = json.dumps(item, indent=2, ensure_ascii=self.ensure_ascii).replace("\n", "\n" + self.pad)
        self.out.write((self.head + "\n" if self.count == 0 else ",\n") + self.pad + text)
        self.count += 1

    def add_encoded(self, text: str) -> None:
        """Add an item already encoded as `add` would write it (indented for its place, `self.pad` included)."""
        self.out.write((self.head + "\n" if self.count == 0 else ",\n") + self.pad + text)
        self.count += 1

    def close(self) -> None:
        """Write the rest of the document (an empty array as `[]`, as json.dumps does)."""
        if self.count == 0:
            self.out.write(self.head + self.tail)
        else:
            self.out.write("\n" + self.closing + self.tail)


#: Stands for the streamed array's items in the document given to JsonArray.
SPLIT = "@@factlint-streamed-items@@"
