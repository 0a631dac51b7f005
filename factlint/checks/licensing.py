"""LIC001–LIC005: every photo needs a credit, a known licence the newsroom allows, and full attribution."""

from __future__ import annotations

import re
from dataclasses import field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping, Sequence

from factlint import compiled, lazy
from factlint.document import CAPTION, PARAGRAPH, SUBHEADING, Block, Document, Field, Media, Span
from factlint.errors import UsageError
from factlint.language.credits import Agencies, has_word, labelled_starts, later_credit, name_pattern
from factlint.language.licence_schemas import LICENCES_SCHEMA, PREFIXES_SCHEMA
from factlint.plugins import hookimpl
from factlint.rules import Context, Finding, Rule

if TYPE_CHECKING:
    from factlint.language import licences as lx
    from factlint.language.licences import Credit, Licence, Mention, Part, Prefixes, Registry
else:  # the licence registry's patterns compile at import: a run the result cache answers never reads them
    lx = lazy.module("factlint.language.licences", __name__, "lx")

SECTION = "licensing"
SEVERITY_CHOICES = ("error", "warning", "info", "off")
#: What a configuration may write for a licence term's severity (YAML reads a bare `off` as false).
POLICY_SEVERITIES = (*SEVERITY_CHOICES, "allow", "allowed", "none", "false", "no")

#: Front matter and data-* keys by what they say about the photo (first part of a dotted key).
LICENCE_KEYS = frozenset(
    {"license", "licence", "license-url", "licence-url", "licenseurl", "license-name", "licence-name", "rights"}
)
AUTHOR_KEYS = frozenset({"author", "photographer", "creator", "artist", "by", "owner", "credit.name", "credit.author"})
SOURCE_KEYS = frozenset(
    {"source", "source-url", "sourceurl", "link", "page", "origin", "credit.url", "credit.link", "source.url"}
)
CREDIT_KEYS = frozenset(
    {"credit", "credits", "copyright", "attribution", "photo-credit", "image-credit", "credit.text", "credit-line"}
)
CAPTION_KEYS = frozenset({"alt", "title", "caption", "description"})


# ---------------------------------------------------------------------------
# Newsroom policy


@compiled.dataclass(frozen=True)
class Policy(Agencies):
    """What the newsroom accepts: its own and agency credits, allowed and refused licences, NC/ND/SA severities."""

    allowed: frozenset[str] | None  # licence labels; None: every licence not refused
    refused: frozenset[str]
    non_commercial: str
    no_derivatives: str
    share_alike: str


def _names_in(entries: Iterable[Any]) -> list[str]:
    names = []
    for entry in entries or ():
        if isinstance(entry, Mapping):
            names.append(str(entry.get("name", "")))
            names.extend(str(a) for a in entry.get("aliases") or ())
        elif entry is not None:
            names.append(str(entry))
    return [n for n in names if n.strip()]


def _severity(context: Context, key: str, default: str) -> str:
    value = str(context.setting(SECTION, key, default)).lower()
    if value in ("allow", "allowed", "none", "false"):
        value = "off"
    if value not in SEVERITY_CHOICES:
        raise UsageError(f"configuration key '{SECTION}.{key}': {value!r} is not one of {', '.join(SEVERITY_CHOICES)}")
    return value


def _licence_labels(reg: Registry, key: str, values: Iterable[Any]) -> frozenset[str]:
    labels = set()
    for value in values:
        lic = reg.lookup(str(value))
        if lic is None:
            raise UsageError(f"configuration key '{SECTION}.{key}': {value!r} is not a licence the registry knows")
        labels.add(_policy_key(lic))
    return frozenset(labels)


def _policy_key(lic: Licence) -> str:
    # A port of a CC licence is the same licence as far as policy goes
    return lic.id


def policy(context: Context, reg: Registry) -> Policy:
    configured = context.setting(SECTION, "agencies", None)
    if configured is None:
        agencies = _names_in(context.packs.get("agencies").get("agencies", ()) if "agencies" in context.packs else ())
    else:
        agencies = _names_in(configured)
    agencies += _names_in(context.setting(SECTION, "extend-agencies", ()) or ())
    allowed = context.setting(SECTION, "allowed", None)
    return Policy(
        own=tuple(name_pattern(n, False) for n in _names_in(context.setting(SECTION, "own", ()) or ())),
        agencies=tuple(name_pattern(n) for n in agencies),
        allowed=None if allowed is None else _licence_labels(reg, "allowed", allowed),
        refused=_licence_labels(reg, "refused", context.setting(SECTION, "refused", ()) or ()),
        non_commercial=_severity(context, "non-commercial", "error"),
        no_derivatives=_severity(context, "no-derivatives", "warning"),
        share_alike=_severity(context, "share-alike", "off"),
    )


# ---------------------------------------------------------------------------
# Media items as the rights desk sees them


@compiled.dataclass(frozen=True)
class Located:
    """A credit and the way back from its text to the source file."""

    credit: Credit
    text: str
    to_source: Callable[[int, int], Span]

    def span(self, part: Part | Mention) -> Span:
        return self.to_source(part.start, part.end)

    @property
    def whole(self) -> Span:
        return self.to_source(self.credit.start, self.credit.end)

    @property
    def body_text(self) -> str:
        """The credit without its prefix and without the caption after it."""
        start = self.credit.prefix.end if self.credit.prefix else self.credit.start
        return self.text[start : self.credit.end]


@compiled.dataclass
class Item:
    """One media item: where it stands, its credits, and its metadata fields (front matter, data-*)."""

    anchor: Span
    kind: str
    credits: list[Located] = field(default_factory=list)
    fields: dict[str, Field] = field(default_factory=dict)

    def first(self, keys: frozenset[str]) -> Field | None:
        """The first field named exactly as one of `keys`."""
        return next((f for k, f in self.fields.items() if k in keys), None)

    def all(self, keys: frozenset[str]) -> list[Field]:
        """Every field named as one of `keys`, or nested under one ("license.url")."""
        return [f for k, f in self.fields.items() if k in keys or k.split(".")[0] in keys]


def _field_mapper(fld: Field) -> Callable[[int, int], Span]:
    if fld.block is not None:
        return fld.block.span
    if len(fld.value) == fld.span.end - fld.span.start:
        return lambda i, j: Span(fld.span.start + i, fld.span.start + j)
    return lambda i, j: fld.span


def _links(block: Block | None) -> list[tuple[int, int, str]]:
    return [(link.text_start, link.text_end, link.url) for link in block.links] if block is not None else []


def _credit_in(text: str, to_source: Callable[[int, int], Span], block: Block | None, tools: "Tools",
               anywhere: bool, standalone: bool = False) -> Located | None:
    at = lx.find_credit(text, tools.prefixes, anywhere, standalone)
    if at is None:
        # In a caption, a wire photo line needs no prefix ("… January 28. REUTERS/Hatem Khaled")
        return _wire_credit_in(text, to_source, block, tools) if anywhere else None
    if block is not None and block.text == text and block.prose[at] != text[at]:
        return None  # the prefix stands in code ("`Photo: x`"), which is not prose
    credit = lx.parse_credit(text, tools.registry, tools.prefixes, at, _links(block))
    if not credit.licences:
        credit = later_credit(text, credit, tools.registry, tools.prefixes, tools.policy, _links(block)) or credit
    located = Located(credit, text, to_source)
    if not has_word(located.body_text):
        return None  # "Photo:" and nothing after it credits nobody
    return located


def _wire_credit_in(text: str, to_source: Callable[[int, int], Span], block: Block | None,
                    tools: "Tools") -> Located | None:
    """The agency or staff credit closing a caption with no credit prefix, read as that image's credit."""
    tail = tools.policy.credit_tail(text, tools.prefixes.fillers)
    if tail is None:
        return None
    at, _ = tail
    if block is not None and block.text == text and block.prose[at] != text[at]:
        return None
    credit = lx.parse_credit(text, tools.registry, tools.prefixes, at, _links(block))
    return Located(credit, text, to_source)


def _field_key(name: str) -> str:
    key = name.lower().replace("_", "-")
    return key[5:] if key.startswith("data-") else key


def _media_item(document: Document, media: Media, tools: "Tools") -> Item:
    anchor = media.span
    if media.kind == "front-matter":
        eol = document.source.find("\n", anchor.start)
        anchor = Span(anchor.start, eol if eol >= 0 else len(document.source))
        anchor = Span(anchor.start, anchor.start + len(document.source[anchor.start : anchor.end].rstrip()))
    item = Item(anchor, media.kind)
    fields = dict(media.fields)
    if media.kind == "front-matter":
        fields.update(_sibling_fields(document, media))
    uncredited: list[Field] = []
    for name, fld in fields.items():
        key = _field_key(name)
        item.fields[key] = fld
        if key in CAPTION_KEYS:
            text = fld.block.text if fld.block is not None else fld.value
            located = _credit_in(text, _field_mapper(fld), fld.block, tools, anywhere=True)
            if located is not None:
                item.credits.append(located)
            else:
                uncredited.append(fld)
        elif key in CREDIT_KEYS and str(fld.value).strip():
            credit = lx.parse_credit(fld.value, tools.registry, tools.prefixes, 0, _links(fld.block))
            item.credits.append(Located(credit, fld.value, _field_mapper(fld)))
    if item.credits or any(str(f.value).strip() for f in item.all(CREDIT_KEYS | AUTHOR_KEYS | LICENCE_KEYS)):
        # One media item, one credit: data-credit="Photo by X" data-license="CC BY-SA 2.0" with a
        # figcaption ending "Source: <a href=…>" names the author, the licence and the source.
        for fld in uncredited:
            item.credits.extend(_labelled_parts(fld, tools))
    return item


def _labelled_parts(fld: Field, tools: "Tools") -> list[Located]:
    """The labelled pieces of a credit ("Source: …", "Licence: …") a caption holds beside its prose."""
    text = fld.block.text if fld.block is not None else fld.value
    if not tools.prefixes.labels:
        return []
    found = []
    for m in labelled_starts(text, tools.prefixes.labels):
        if not m.group().strip()[0].isupper():
            continue  # "the source: …" in a sentence is prose
        at = m.start() + len(m.group()) - len(m.group().lstrip())
        credit = lx.parse_credit(text, tools.registry, tools.prefixes, at, _links(fld.block))
        if credit.source_at is not None or credit.licences or credit.author is not None:
            found.append(Located(credit, text, _field_mapper(fld)))
    return found


def _sibling_fields(document: Document, media: Media) -> dict[str, Field]:
    """For `image: a.jpg`, the keys beside it that describe it: `image_credit`, `image-license`..."""
    front = document.front_matter
    if front is None or not isinstance(front.data, Mapping):
        return {}
    key = next((k for k, v in front.data.items() if isinstance(v, str) and (span := front.span_of(k)) is not None
                and span.start == media.span.start), None)
    if key is None:
        return {}
    pattern = compiled.regex(re.escape(str(key)) + r"[-_.]?(?P<what>[a-z][a-z_.-]*)$", re.I)
    found = {}
    for other, value in front.data.items():
        m = pattern.match(str(other))
        span = front.span_of(other)
        if m and other != key and span is not None and value is not None and not isinstance(value, (dict, list)):
            found[_field_key(m.group("what"))] = Field(str(value), span)
    return found


def _inside(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and inner != outer


def _credit_line(document: Document, index: int, tools: "Tools", standalone: bool) -> Located | None:
    """The credit of a paragraph that is a credit line (or, right after an image, holds one)."""
    if not 0 <= index < len(document.blocks):
        return None
    block = document.blocks[index]
    # Plain text has no heading markup: a short photo line may be read as a subheading
    kinds = (PARAGRAPH, SUBHEADING) if document.format == "text" else (PARAGRAPH,)
    if block.kind not in kinds or block.quote_depth:
        return None
    # Right after an image the paragraph is its caption, where a credit may stand anywhere
    located = _credit_in(block.text, block.span, block, tools, anywhere=not standalone, standalone=standalone)
    if located is None or (standalone and _reads_like_prose(located)):
        return None
    return located


def _reads_like_prose(located: Located) -> bool:
    """A long sentence that happens to open with "Picture:" is prose, not a photo line."""
    credit = located.credit
    if credit.licences or credit.source_at is not None:
        return False
    return len(located.body_text.split()) > 20


def _next_block_index(document: Document, media: Media) -> int | None:
    """The block right after a media item with no paragraph of its own (an HTML figure)."""
    for i, block in enumerate(document.blocks):
        start = block.span(0, max(len(block.text), 1)).start
        if start >= media.span.end and block.kind != "caption":
            return i
    return None


def items(document: Document, tools: "Tools") -> list[Item]:
    """Every media item of the draft, credit lines attached to the image they belong to."""
    found: list[Item] = []
    used: set[int] = set()
    figures = [m.span for m in document.media if m.kind == "figure"]
    for media in document.media:
        if media.kind == "image" and any(_inside(media.span, f) or media.span == f for f in figures):
            continue  # the figure is the item; its img is part of it
        item = _media_item(document, media, tools)
        if media.kind != "front-matter":
            _attach_credit_lines(document, media, item, used, tools)
        found.append(item)
    for index, block in enumerate(document.blocks):
        if index in used:
            continue
        located = _credit_line(document, index, tools, standalone=True)
        if located is not None:
            found.append(Item(located.whole, "credit-line", [located]))
    return found


def _attach_credit_lines(document: Document, media: Media, item: Item, used: set[int], tools: "Tools") -> None:
    index = media.block_index
    if index is not None and 0 <= index < len(document.blocks):
        block = document.blocks[index]
        # A figure's block is its figcaption, already read as the caption field
        if block.kind != CAPTION:
            located = _credit_in(block.text, block.span, block, tools, anywhere=True)
            if located is not None:
                item.credits.append(located)
                used.add(index)
                return
        following = index + 1
    else:
        following = _next_block_index(document, media)
    if following is None:
        return
    located = _credit_line(document, following, tools, standalone=False)
    if located is not None:
        item.credits.append(located)
        used.add(following)


# ---------------------------------------------------------------------------
# Judging an item


@compiled.dataclass(frozen=True)
class Tools:
    registry: Registry
    prefixes: Prefixes
    policy: Policy


@compiled.dataclass(frozen=True)
class Found:
    """A licence an item names and where: a mention in a credit, or a front matter value."""

    licence: Licence | None
    span: Span
    shown: str
    problem: str | None


def _licences(item: Item, tools: Tools) -> list[Found]:
    found = []
    for located in item.credits:
        for m in located.credit.licences:
            found.append(Found(m.licence, located.span(m), m.text, m.problem))
    for fld in item.all(LICENCE_KEYS):
        value = str(fld.value).strip()
        if not value:
            continue
        lic = tools.registry.lookup(value)
        if lic is not None:
            found.append(Found(lic, fld.span, value, None))
            continue
        mentions = tools.registry.mentions(value)
        for m in mentions:
            found.append(Found(m.licence, _field_mapper(fld)(m.start, m.end), m.text, m.problem))
        if not mentions:
            problem = (tools.registry.diagnose_url(value) if tools.registry.looks_like_url(value)
                       else f"\"{value}\" is not a licence the registry knows")
            found.append(Found(None, fld.span, value, problem))
    unique = {(f.span, f.shown): f for f in found}
    found = list(unique.values())
    if any(f.licence for f in found):
        # "CC BY-SA" beside its full URL is one licence, not an unknown one
        found = [f for f in found if f.licence is not None or "no version" not in (f.problem or "")]
    return found


def _has_author(item: Item) -> bool:
    if any(str(f.value).strip() for f in item.all(AUTHOR_KEYS)):
        return True
    return any(loc.credit.author is not None for loc in item.credits)


def _sources(item: Item) -> list[tuple[str, Span]]:
    sources = []
    for located in item.credits:
        credit = located.credit
        if credit.source_at is not None:
            sources.append((credit.source_at.text, located.span(credit.source_at)))
    for fld in item.all(SOURCE_KEYS):
        if str(fld.value).strip():
            sources.append((str(fld.value).strip(), fld.span))
    return sources


def _credit_span(item: Item) -> Span:
    """Where a finding about the credit as a whole points."""
    if item.kind == "front-matter":
        fld = item.first(CREDIT_KEYS)
        if fld is not None:
            return fld.span
        return item.anchor
    if item.credits:
        return item.credits[0].whole
    return item.anchor


def _exempt(item: Item, tools: Tools) -> bool:
    texts = [loc.body_text for loc in item.credits]
    texts += [str(f.value) for f in item.all(CREDIT_KEYS | AUTHOR_KEYS | SOURCE_KEYS | LICENCE_KEYS)]
    return tools.policy.is_exempt(texts)


NO_CREDIT = ("the photo has no credit: add who took it and its licence "
             "(for example \"Photo: Name, CC BY 4.0\" with a link to the photo's own page)")
NO_CREDIT_IN_FRONT_MATTER = ("the image entry has no credit: add credit: (who took it), license: (its licence URL "
                             "or name) and source: (the photo's own page)")


def judge(item: Item, tools: Tools) -> Iterator[Finding]:
    """The findings LIC001–LIC005 make about one media item."""
    licences = _licences(item, tools)
    has_credit = bool(item.credits) or any(
        str(f.value).strip() for f in item.all(CREDIT_KEYS | AUTHOR_KEYS | SOURCE_KEYS | LICENCE_KEYS)
    )
    if not has_credit:
        yield missing_credit.finding(item.anchor, NO_CREDIT_IN_FRONT_MATTER if item.kind == "front-matter" else NO_CREDIT)
        return
    if _exempt(item, tools):
        return
    if not licences:
        yield missing_licence.finding(_credit_span(item), _missing_licence_message(item))
        return
    for found in licences:
        if found.licence is None:
            yield unknown_licence.finding(found.span, f"unknown licence \"{found.shown}\": {found.problem}")
    seen: set[str] = set()
    for found in licences:
        if found.licence is None or found.licence.label in seen:
            continue
        seen.add(found.licence.label)
        yield from _policy_findings(found, tools.policy)
    known = [f for f in licences if f.licence is not None]
    needs_attribution = next((f for f in known if f.licence.attribution), None)
    if needs_attribution is not None:
        yield from _attribution_findings(item, needs_attribution, tools)


def _missing_licence_message(item: Item) -> str:
    who = next((loc.credit.author.text for loc in item.credits if loc.credit.author), None)
    if who is None:
        who = next((str(f.value).strip() for f in item.all(CREDIT_KEYS | AUTHOR_KEYS) if str(f.value).strip()), None)
    named = f"the credit to {who}" if who else "the credit"
    where = "a license: key with " if item.kind == "front-matter" else ""
    return (f"{named} names no licence: add {where}the licence URL (such as "
            "https://creativecommons.org/licenses/by/4.0/) or its name, or list the photographer as staff or agency "
            "in the licensing settings")


def _policy_findings(found: Found, policy: Policy) -> Iterator[Finding]:
    lic = found.licence
    assert lic is not None
    key = _policy_key(lic)
    if key in policy.refused:
        yield licence_not_allowed.finding(
            found.span, f"{lic.label} is refused by the newsroom's licensing policy: replace the photo",
            severity="error")
        return
    if policy.allowed is not None:
        if key not in policy.allowed:
            yield licence_not_allowed.finding(
                found.span, f"{lic.label} is not among the newsroom's allowed licences: replace the photo "
                "or ask the rights desk to clear it", severity="error")
        return
    terms = [t for t in _TERMS if getattr(lic, t.flag) and getattr(policy, t.flag) != "off"]
    if not terms:
        return
    severity = max((getattr(policy, t.flag) for t in terms), key=("info", "warning", "error").index)
    what = " and ".join(t.name for t in terms)
    why = "; ".join(t.why for t in terms)
    # the strictest term decides what the rights desk must do
    yield licence_not_allowed.finding(found.span, f"{lic.label} is {what} ({why}): {terms[0].advice}", severity=severity)


@compiled.dataclass(frozen=True)
class Term:
    """A licence term the newsroom's policy weighs: its flag, name, what it means and what to do."""

    flag: str  # the attribute of both Licence and Policy
    name: str
    why: str
    advice: str


_TERMS = (
    Term("non_commercial", "NonCommercial", "a news site is commercial use",
         "find another photo or get the author's written permission"),
    Term("no_derivatives", "NoDerivatives", "the photo may not be cropped or edited",
         "use it uncropped and unedited, or ask the author"),
    Term("share_alike", "ShareAlike", "an edited version must carry the same licence",
         "publish any edited version under the same licence, or ask the author"),
)


def _attribution_findings(item: Item, found: Found, tools: Tools) -> Iterator[Finding]:
    lic = found.licence
    assert lic is not None
    roots = [(url, span) for url, span in _sources(item) if tools.registry.is_root_only(url)]
    if not _has_author(item):
        if roots:  # both gaps of one credit: one finding that names both, at the source
            url, span = roots.pop(0)
            site = url.split("://")[-1].rstrip("/")
            yield incomplete_attribution.finding(
                span, f"{lic.label} requires attribution: name the photo's author in the credit, "
                      f"and link the photo's own page, not {site}")
        else:
            yield incomplete_attribution.finding(
                _credit_span(item), f"{lic.label} requires attribution: name the photo's author in the credit")
    for url, span in roots:
        site = url.split("://")[-1].rstrip("/")
        yield incomplete_attribution.finding(
            span, f"the source is the home page of {site}: link the photo's own page, not {site}")


# ---------------------------------------------------------------------------
# Rules

def tools(context: Context) -> Tools:
    """The registry, credit prefixes and policy for one file's settings (LIC006/LIC007 share them)."""
    packs = context.packs
    reg = lx.registry(packs.get("licences") if "licences" in packs else None)
    marks = lx.prefixes(packs.get("credit-prefixes") if "credit-prefixes" in packs else None)
    return Tools(reg, marks, policy(context, reg))


def _findings(document: Document, context: Context) -> list[Finding]:
    """Judge the draft once for all five rules (the engine calls each rule in turn)."""
    def judge_all() -> list[Finding]:
        kit = tools(context)
        return [f for item in items(document, kit) for f in judge(item, kit)]

    return context.shared("licensing", judge_all)


def _only(code: str) -> Callable[[Document, Context], list[Finding]]:
    def check(document: Document, context: Context) -> list[Finding]:
        return [f for f in _findings(document, context) if f.code == code]

    return check


SOURCE = ("Creative Commons, Recommended practices for attribution "
          "(wiki.creativecommons.org/wiki/Recommended_practices_for_attribution)")

missing_credit = Rule(
    code="LIC001",
    name="missing-credit",
    severity="error",
    summary="A photo, video or illustration with no credit at all.",
    explanation=(
        "Every media item (Markdown image, HTML img or figure, front matter image entry) needs a credit: "
        "who made it and under what terms it is published. A credit line in the image's paragraph or the "
        "paragraph right after it, or in its caption, alt text or title, counts. In a caption a wire photo line "
        "needs no prefix: \"REUTERS/Name\", \"AP Photo/Name\", \"Name/AP\", \"Name / Getty Images\" or \"(AFP)\" at "
        "its end credits the photo; a caption that only mentions an agency (\"The Reuters building\") does not."
    ),
    example="![Fire crews on Route 9](crews.jpg)\n\nThe fire grew overnight.",
    near_miss="![Fire crews on Route 9](crews.jpg)\n\n*Photo: Luis Ortega/Reuters*",
    check=_only("LIC001"),
    source=SOURCE,
)

missing_licence = Rule(
    code="LIC002",
    name="missing-licence",
    severity="error",
    summary="A credit that names no licence.",
    explanation=(
        "A photo that is not the newsroom's own nor an agency's is published under a licence; the credit must "
        "name it (a licence URL, or a name or SPDX id such as CC BY-SA 4.0). Staff and agency credits are "
        "configured with licensing.own and licensing.agencies. A credit line is one media item: when it opens "
        "with a caption sentence (\"Photo: The chamber during the vote. Tom Reyes, CC BY 4.0, …\"), the credit "
        "after it is read, and the caption is not taken for the author."
    ),
    example='![Council members vote](vote.jpg "Photo: Tom Reyes")',
    near_miss='![Council members vote](vote.jpg "Photo: Tom Reyes, CC BY 4.0, https://flickr.com/photos/treyes/5341")',
    check=_only("LIC002"),
    source=SOURCE,
)

unknown_licence = Rule(
    code="LIC003",
    name="unknown-licence",
    severity="error",
    summary="A licence URL or name the licence registry does not know, or a malformed one.",
    explanation=(
        "The licence registry (rules/licences.yaml) holds every Creative Commons licence and version, CC0, the "
        "Public Domain Mark and other common licences. A licence URL with no version, with /licences/ for "
        "/licenses/, or a name that is not a licence is reported so the rights desk can check it."
    ),
    example="Photo: Dana Whit, https://creativecommons.org/licenses/by-sa/",
    near_miss="Photo: Dana Whit, https://creativecommons.org/licenses/by-sa/4.0/",
    check=_only("LIC003"),
    source="Creative Commons licence list (creativecommons.org/licenses/list); SPDX licence list",
)

licence_not_allowed = Rule(
    code="LIC004",
    name="licence-not-allowed",
    severity="error",
    summary="A licence the newsroom's policy refuses: NonCommercial (error), NoDerivatives (warning), or as configured.",
    explanation=(
        "A news site is commercial use, so a NonCommercial licence does not cover it; a NoDerivatives licence "
        "forbids cropping and editing. Severities are set with licensing.non-commercial, licensing.no-derivatives "
        "and licensing.share-alike (error, warning, info or off); licensing.allowed and licensing.refused list "
        "licences by name, SPDX id or URL."
    ),
    example="Photo: Luis Ortega, CC BY-NC 4.0",
    near_miss="Photo: Luis Ortega, CC BY 4.0",
    check=_only("LIC004"),
    source="Creative Commons, NonCommercial interpretation (wiki.creativecommons.org/wiki/NonCommercial_interpretation)",
)

incomplete_attribution = Rule(
    code="LIC005",
    name="incomplete-attribution",
    severity="warning",
    summary="A licence that requires attribution, with no author or with a source that is only a site's home page.",
    explanation=(
        "Every CC BY licence requires the author's name and, where practicable, a link to the work. A source "
        "that is any site's home page (commons.wikimedia.org, flickr.com, a museum's or the photographer's own "
        "home page) is not the photo's own page. The parts of one media item are one credit: an img's "
        "data-credit and data-license and its figcaption's \"Source: …\" are read together."
    ),
    example="Photo: commons.wikimedia.org by Jane Doe, https://creativecommons.org/licenses/by-sa/4.0/",
    near_miss="Photo: Jane Doe, https://commons.wikimedia.org/wiki/File:Bridge.jpg, CC BY-SA 4.0",
    check=_only("LIC005"),
    source=SOURCE,
)

RULES: tuple[Rule, ...] = (missing_credit, missing_licence, unknown_licence, licence_not_allowed, incomplete_attribution)


@hookimpl
def factlint_rules() -> Sequence[Rule]:
    return list(RULES)


@hookimpl
def factlint_pack_schemas() -> Mapping[str, Any]:
    return {
        "licences": LICENCES_SCHEMA,
        "credit-prefixes": PREFIXES_SCHEMA,
        "agencies": {"agencies": [{"name": str, "?aliases": [str]}]},
    }


@hookimpl
def factlint_settings_schemas() -> Mapping[str, Any]:
    return {
        SECTION: {
            "?own": [str],
            "?agencies": [str],
            "?extend-agencies": [str],
            "?allowed": [str],
            "?refused": [str],
            "?non-commercial": POLICY_SEVERITIES,
            "?no-derivatives": POLICY_SEVERITIES,
            "?share-alike": POLICY_SEVERITIES,
            "?image-keys": [str],
        }
    }
