"""Where a finding stands: offsets into the draft, the one value the parser, rules, cache and reporters all pass on.

Its own module so that a run the result cache answers, which reads spans
back but parses no draft, need not import the document model.
"""

from __future__ import annotations

from factlint import compiled


@compiled.dataclass(frozen=True)
class Span:
    """A half-open range of code-point offsets into `Document.source`."""

    start: int
    end: int
