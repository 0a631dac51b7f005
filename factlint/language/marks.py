"""The quotation marks and their families and styles: plain constants, so a rule can name them at import
without importing the quotation scanner (factlint.language.quotations, which re-exports them)."""

from __future__ import annotations

DOUBLE, SINGLE = "double", "single"
DOUBLE_MARKS = "\"“”„«»"
SINGLE_MARKS = "'‘’‚‹›"
MARKS = DOUBLE_MARKS + SINGLE_MARKS
STRAIGHT, CURLY = "straight", "curly"
#: The closing mark each opening mark expects; „ and ‚ close either way round.
PARTNERS = {
    '"': ('"',),
    "“": ("”",),
    "„": ("“", "”"),
    "«": ("»",),
    "'": ("'",),
    "‘": ("’",),
    "‚": ("‘", "’"),
    "‹": ("›",),
}
