"""What the CI reporters share: paths as CI services show them, UTF-16 columns, stable fingerprints."""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from typing import Sequence

from factlint.results import Result


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
