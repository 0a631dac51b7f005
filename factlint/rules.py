"""What a rule is: metadata as data plus one check function, and the findings it yields."""

from __future__ import annotations

from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping, TypeVar

from factlint import compiled
from factlint.spans import Span

if TYPE_CHECKING:
    from factlint.document import Document
    from factlint.packs import Packs

T = TypeVar("T")

SEVERITIES = ("info", "warning", "error")
SAFE, UNSAFE = "safe", "unsafe"
CODE_RE = compiled.regex(r"^[A-Z]{2,4}[0-9]{3}$")
NAME_RE = compiled.regex(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


@compiled.dataclass(frozen=True)
class Edit:
    """Replace source[span.start:span.end] with `content`."""

    span: Span
    content: str


@compiled.dataclass(frozen=True)
class Fix:
    applicability: str  # SAFE or UNSAFE
    message: str
    edits: tuple[Edit, ...]

    @classmethod
    def replace(cls, span: Span, content: str, message: str, applicability: str = SAFE) -> "Fix":
        return cls(applicability, message, (Edit(span, content),))


@compiled.dataclass(frozen=True)
class Finding:
    """One thing an editor would send back. Severity is filled in by the engine."""

    code: str
    message: str
    span: Span
    fix: Fix | None = None
    severity: str | None = None  # a rule may raise it for one finding (LIC004 on NC)


@compiled.dataclass(frozen=True)
class Context:
    """What a check may consult besides the document."""

    settings: Mapping[str, Any]  # the file's resolved configuration
    packs: "Packs"
    online: bool = False
    session: Any = None  # factlint.online.Client when --online
    root: Path | None = None  # the configuration file's folder: relative paths in settings start there
    _shared: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    def setting(self, section: str, key: str, default: Any = None) -> Any:
        return (self.settings.get(section) or {}).get(key, default)

    def shared(self, key: Any, compute: Callable[[], T]) -> T:
        """An answer about this document, computed by the first rule that asks and shared with the rest.

        The engine makes one context per document, so two rules that read the
        draft's names or credits analyse them once.
        """
        if key not in self._shared:
            self._shared[key] = compute()
        return self._shared[key]


CheckFunction = Callable[["Document", Context], Iterable[Finding]]


@compiled.dataclass(frozen=True)
class Rule:
    """A rule's metadata, readable without running anything, and its check."""

    code: str
    name: str
    summary: str
    explanation: str
    example: str  # a draft excerpt that triggers the rule
    near_miss: str  # a similar excerpt that must not
    check: CheckFunction = field(repr=False, compare=False)
    severity: str = "warning"
    fix: str | None = None  # SAFE, UNSAFE or None
    online: bool = False  # runs only with --online
    source: str = ""  # style guide or reference the rule follows
    url: str | None = None
    plugin: str = "factlint"
    example_format: str = "markdown"

    @property
    def family(self) -> str:
        return self.code.rstrip("0123456789")

    @property
    def doc_url(self) -> str | None:
        """Where the rule is documented online; None until a newsroom hosts the docs."""
        return self.url

    def documented_at(self, rule_docs: str | None) -> str | None:
        """Its own URL (a plugin's), else a configuration's `rule-docs` address with this rule filled in."""
        if self.doc_url or rule_docs is None:
            return self.doc_url
        return rule_docs.format(code=self.code, name=self.name, family=self.family)

    def finding(self, span: Span, message: str, fix: Fix | None = None, severity: str | None = None) -> Finding:
        return Finding(self.code, message, span, fix, severity)

    def problems(self) -> Iterator[str]:
        """What is wrong with this rule's metadata, for a clear start-up error."""
        if not CODE_RE.match(self.code):
            yield f"code {self.code!r} is not a family prefix and three digits (like DAT001)"
        if not NAME_RE.match(self.name):
            yield f"{self.code}: name {self.name!r} is not lower-case words joined by hyphens"
        if self.severity not in SEVERITIES:
            yield f"{self.code}: severity {self.severity!r} is not one of {', '.join(SEVERITIES)}"
        if self.fix not in (None, SAFE, UNSAFE):
            yield f"{self.code}: fix {self.fix!r} is not 'safe', 'unsafe' or None"
        for attr in ("summary", "explanation", "example", "near_miss"):
            if not isinstance(getattr(self, attr), str) or not getattr(self, attr).strip():
                yield f"{self.code}: {attr} is empty"
        if not callable(self.check):
            yield f"{self.code}: check is not callable"


def rule(**metadata: Any) -> Callable[[CheckFunction], Rule]:
    """Decorate a check function to make it a `Rule` with the given metadata."""

    def wrap(check: CheckFunction) -> Rule:
        return Rule(check=check, **metadata)

    return wrap
