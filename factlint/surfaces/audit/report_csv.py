"""The audit summary's tables as CSV files (UTF-8, a header row), each written under a temporary name and renamed."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from factlint.errors import UsageError
from factlint.surfaces.audit.manifest import write_atomic
from factlint.surfaces.audit.report import Summary


def write(summary: Summary, folder: Path) -> list[Path]:
    """by_code.csv, by_year.csv, by_section.csv, missing_licence.csv, worst_articles.csv in `folder`."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UsageError(f"--csv {folder}: cannot create the folder ({e.strerror or e})") from None
    written = []
    for table in summary.tables():
        text = io.StringIO(newline="")
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(table.header)
        writer.writerows(["" if value is None else value for value in row] for row in table.rows)
        path = folder / f"{table.name}.csv"
        try:
            write_atomic(path, text.getvalue().encode("utf-8"))
        except OSError as e:
            raise UsageError(f"{path}: cannot write ({e.strerror or e})") from None
        written.append(path)
    return written
