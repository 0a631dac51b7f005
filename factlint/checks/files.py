"""FL rules: what the engine itself says about a file it could not read or write, or a suppression or waiver that did nothing."""

from __future__ import annotations

from typing import Iterator

from factlint.document import Document
from factlint.plugins import hookimpl
from factlint.rules import Context, Finding, rule


def _problems(code: str, document: Document) -> Iterator[Finding]:
    for problem in document.problems:
        if problem.code == code:
            yield Finding(code, problem.message, problem.span)


@rule(
    code="FL001",
    name="unreadable-file",
    severity="error",
    summary="The file cannot be read as a draft: binary, not UTF-8, or too large.",
    explanation=(
        "factlint reads drafts as UTF-8 text (a byte-order mark is fine). A file with NUL "
        "bytes, bytes that are not UTF-8, or more than 5 MiB is reported here instead of "
        "being linted, and the run goes on with the other files. Save the draft as UTF-8, "
        "or keep binary files out of the drafts folder."
    ),
    example="A draft saved as Windows-1252: `Caf\\xe9 owners said...`",
    near_miss="The same draft saved as UTF-8: `Café owners said...`",
    example_format="text",
)
def unreadable_file(document: Document, context: Context) -> Iterator[Finding]:
    return _problems("FL001", document)


@rule(
    code="FL002",
    name="unused-suppression",
    summary="A suppression comment that silenced nothing.",
    explanation=(
        "`<!-- factlint: disable=CODE -->`, `enable=`, `disable-next-line=` (and, in plain "
        "text, a line `factlint: disable-next-line=CODE`) silence findings. A suppression "
        "that silences nothing is stale: the problem was fixed or the code is wrong. Like "
        "ruff's unused-noqa, it is reported so suppressions do not pile up. Unknown codes "
        "are reported too. The engine computes it after the other rules."
    ),
    example="<!-- factlint: disable-next-line=DAT001 -->\nThe council met on March 3, 2026.",
    near_miss="<!-- factlint: disable-next-line=DAT001 -->\nThe council met yesterday.",
)
def unused_suppression(document: Document, context: Context) -> Iterator[Finding]:
    return iter(())  # computed by the engine once every other rule has run


@rule(
    code="FL003",
    name="bad-front-matter",
    severity="error",
    summary="The YAML front matter does not parse.",
    explanation=(
        "Markdown drafts may open with YAML front matter between `---` lines. When it does "
        "not parse, its date, images and credits are lost to every other rule, so the error "
        "is reported at the line YAML names."
    ),
    example="---\ntitle: Council votes\ndate: [2026-03-12\n---\n\n# Council votes\n",
    near_miss="---\ntitle: Council votes\ndate: 2026-03-12\n---\n\n# Council votes\n",
)
def bad_front_matter(document: Document, context: Context) -> Iterator[Finding]:
    return _problems("FL003", document)


@rule(
    code="FL004",
    name="stale-waiver",
    summary="A waiver in the waivers file whose finding is gone, or whose time ran out.",
    explanation=(
        "`factlint waive` records an editor's sign-off on one finding in `.factlint-waivers.yaml`: "
        "code, file, and a fingerprint of the flagged text and its sentence. When that sentence "
        "is reworded or deleted the finding is gone and the waiver speaks for nothing: it is "
        "reported at the top of the draft, and `factlint waivers --prune` removes it. A waiver "
        "past its `expires` date hides nothing any more: the finding is shown again and FL004 "
        "stands beside it. The engine computes it after the other rules, for the rules that ran."
    ),
    example=(
        "A waiver for DAT001 on \"The council met this week.\", after the sentence became "
        "\"The council met on March 9, 2026.\""
    ),
    near_miss="A waiver for DAT001 on \"The council met this week.\", with the sentence unchanged.",
    example_format="text",
)
def stale_waiver(document: Document, context: Context) -> Iterator[Finding]:
    return iter(())  # computed by the engine from the waivers file once every other rule has run


@rule(
    code="FL005",
    name="unwritable-file",
    severity="error",
    summary="`--fix` could not write the file's fixes: it is read-only, or its folder or the disk refused.",
    explanation=(
        "`factlint check --fix` writes fixes back only where it may. A draft with no write "
        "permission for anyone (mode 0444, say) is left alone even when factlint runs as root; "
        "a draft in a folder factlint may not write in, or on a full disk, keeps its old bytes. "
        "The draft's findings are reported as they stand, this one at its top says why, and "
        "the summary does not count the fixes as made. Make the file writable (`chmod u+w`) "
        "and run `--fix` again, or leave it read-only on purpose."
    ),
    example="`factlint check --fix story.md` where story.md has mode 0444 and a safe fix",
    near_miss="The same draft with mode 0644: the fix is written",
    example_format="text",
)
def unwritable_file(document: Document, context: Context) -> Iterator[Finding]:
    return iter(())  # reported by the engine when writing the fixes fails


@hookimpl
def factlint_rules() -> list:
    return [unreadable_file, unused_suppression, bad_front_matter, stale_waiver, unwritable_file]
