"""Findings as reporters see them: placed by row and column, with severity settled."""

from __future__ import annotations

from dataclasses import field
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from factlint import compiled
from factlint.spans import Span

if TYPE_CHECKING:
    from factlint.waivers import Waiver

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@compiled.dataclass(frozen=True)
class Position:
    """1-based row and column in code points of the original file."""

    row: int
    column: int


@compiled.dataclass(frozen=True)
class ReportedEdit:
    content: str
    location: Position
    end_location: Position
    span: Span  # code-point offsets into the decoded source (BOM removed)
    line_text: str = ""  # the source lines the edit starts and ends on (SARIF's UTF-16 columns)
    end_line_text: str = ""


@compiled.dataclass(frozen=True)
class ReportedFix:
    applicability: str
    message: str
    edits: tuple[ReportedEdit, ...]


@compiled.dataclass(frozen=True)
class Result:
    """One finding, ready for any reporter."""

    code: str
    name: str
    severity: str
    message: str
    filename: str
    location: Position
    end_location: Position
    span: Span
    fix: ReportedFix | None
    url: str | None
    line_text: str  # the whole source line the finding starts on (SARIF columns, snippets)
    end_line_text: str  # the whole source line the finding ends on
    # What a waiver matches (factlint.waivers): never the row.
    fingerprint: str = ""
    occurrence: int = 0
    excerpt: str = ""  # the flagged text, shortened, as the waivers file shows it
    legacy: tuple[str, int] | None = None  # (fingerprint, occurrence) of the previous release, where it differs
    waiver: "Waiver | None" = None  # the waiver that holds for this finding, if one does

    @property
    def row(self) -> int:
        return self.location.row

    @property
    def column(self) -> int:
        return self.location.column

    @property
    def end_row(self) -> int:
        return self.end_location.row

    @property
    def end_column(self) -> int:
        return self.end_location.column

    def sort_key(self) -> tuple:
        return (self.filename, self.location.row, self.location.column, self.code, self.message)

    def with_changes(self, **changes: Any) -> "Result":
        """`dataclasses.replace(self, **changes)` at a fifth of its cost: every finding of a run is copied once."""
        copied = object.__new__(type(self))
        copied.__dict__.update(self.__dict__)
        copied.__dict__.update(changes)
        return copied

    def as_json(self) -> dict[str, Any]:
        """The object of SPEC §1's JSON output (with `waived` for a waived finding, shown by --show-waived)."""
        fix = None
        if self.fix is not None:
            fix = {
                "applicability": self.fix.applicability,
                "message": self.fix.message,
                "edits": [
                    {
                        "content": e.content,
                        "location": {"row": e.location.row, "column": e.location.column},
                        "end_location": {"row": e.end_location.row, "column": e.end_location.column},
                    }
                    for e in self.fix.edits
                ],
            }
        out = {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "filename": self.filename,
            "location": {"row": self.location.row, "column": self.location.column},
            "end_location": {"row": self.end_location.row, "column": self.end_location.column},
            "fix": fix,
            "url": self.url,
        }
        if self.waiver is not None:
            out["waived"] = {"reason": self.waiver.reason, "by": self.waiver.by}
        return out


@compiled.dataclass(frozen=True)
class ReportContext:
    """What a reporter may need besides the results."""

    rules: Mapping[str, Any]  # code -> factlint.rules.Rule, every registered rule
    files: Sequence[str]  # every file checked, in sorted order (JUnit lists clean ones too)
    version: str
    color: bool = False
    statistics: bool = False
    fail_level: str = "warning"  # for files not in fail_levels
    fixed: int = 0  # findings removed by --fix in this run
    fail_levels: Mapping[str, str] = field(default_factory=dict)  # filename -> its configuration's fail level
    errors: int = 0  # files that could not be checked (internal errors, reported on stderr)
    waived: int = 0  # findings a waiver hides in this run (shown only with --show-waived)
    rule_docs: str | None = None  # the run's `rule-docs` address (the configuration of the folder it ran in)

    def fails(self, result: Result) -> bool:
        """Whether the finding is at or above its file's fail level (and so fails the run); a waived one never does."""
        if result.waiver is not None:
            return False
        level = self.fail_levels.get(result.filename, self.fail_level)
        return SEVERITY_RANK[result.severity] >= SEVERITY_RANK[level]
