"""LIC006–LIC007 (only with --online): a credit's links must answer, and agree with the source's own record."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping, Sequence
from urllib.parse import parse_qs, unquote, urlsplit

from factlint.checks.licensing import (
    AUTHOR_KEYS,
    LICENCE_KEYS,
    SOURCE_KEYS,
    Item,
    Located,
    Tools,
    items,
    policy,
)
from factlint.document import Block, Document, Field, Span
from factlint.language.credits import author_text, authors_agree, shown_author
from factlint import compiled, lazy
from factlint.plugins import hookimpl
from factlint.rules import Context, Finding, Rule

if TYPE_CHECKING:
    from factlint.language import licences as lx
    from factlint.language.licences import Licence, Registry
    from factlint.online import Settings
else:  # registering LIC006/LIC007 on every run must not import the licence registry; an online check reads it
    lx = lazy.module("factlint.language.licences", __name__, "lx")

#: The configuration section of the network checks (factlint.online.SECTION): named here, as the
#: network module (http.client, ssl) is imported only when an online rule runs, never offline.
SECTION = "online"

# ---------------------------------------------------------------------------
# What a media item's credit claims


@compiled.dataclass(frozen=True)
class Address:
    """A URL a credit gives, what it is meant as, and where it is written."""

    url: str
    span: Span
    role: str  # "licence" or "source"


@compiled.dataclass(frozen=True)
class Said:
    """A licence or an author the credit states, and where."""

    value: Any  # a Licence, or the author's name as written
    span: Span


@compiled.dataclass(frozen=True)
class Claim:
    """Everything one media item's credit states that a source can confirm or contradict."""

    addresses: tuple[Address, ...]
    licences: tuple[Said, ...]
    authors: tuple[Said, ...]
    names: tuple[str, ...]  # every name the credit gives: if any is the source's author, the credit agrees


def _tools(context: Context) -> Tools:
    # the licensing module builds the same Tools privately; asked for a public tools(context)
    reg = lx.registry(context.packs.get("licences")) if "licences" in context.packs else lx.registry()
    if "credit-prefixes" in context.packs:
        prefixes = lx.Prefixes.from_pack(context.packs.get("credit-prefixes"))
    else:
        prefixes = lx.shipped_prefixes()
    return Tools(reg, prefixes, policy(context, reg))


def _blocks_by_text(document: Document) -> dict[int, Block]:
    """Blocks by the identity of their text: a credit read from a block keeps that very string."""
    blocks = {id(b.text): b for b in document.blocks}
    for media in document.media:
        for fld in media.fields.values():
            if fld.block is not None:
                blocks[id(fld.block.text)] = fld.block
    return blocks


def _field_span(fld: Field) -> Callable[[int, int], Span]:
    if fld.block is not None:
        return fld.block.span
    if len(fld.value) == fld.span.end - fld.span.start:
        return lambda i, j: Span(fld.span.start + i, fld.span.start + j)
    return lambda i, j: fld.span  # a quoted or folded YAML value: point at all of it


def _absolute(url: str) -> str | None:
    """The address to contact for a URL as written; None for a bare site name ("flickr.com")."""
    url = url.strip()
    if re.match(r"(?i)^https?://", url):
        return url
    if re.match(r"(?i)^[a-z][a-z0-9+.-]*:", url):
        return None  # mailto:, ftp:... are not web pages to check
    host, slash, _ = url.partition("/")
    if "." in host and (slash or host.lower().startswith("www.")):
        return "https://" + url
    return None  # a relative link ("/photos/42") or a bare site name


def _addresses(located: Located, block: Block | None, reg: Registry) -> Iterator[Address]:
    credit = located.credit
    body = credit.prefix.end if credit.prefix else credit.start
    for part in lx.find_urls(located.text):
        url = _absolute(part.text)
        if url and body <= part.start < credit.end:
            yield Address(url, located.span(part), "licence" if reg.is_licence_url(url) else "source")
    for link in block.links if block is not None else ():
        url = _absolute(link.url)
        if url and body <= link.text_start < credit.end:
            span = link.url_span or located.to_source(link.text_start, link.text_end)
            yield Address(url, span, "licence" if reg.is_licence_url(url) else "source")


def claim(item: Item, blocks: Mapping[int, Block], tools: Tools) -> Claim:
    """What the item's credits and metadata fields state: addresses, licences, authors.

    `blocks` are the draft's blocks by the identity of their text (`_blocks_by_text`).
    """
    reg = tools.registry
    addresses: list[Address] = []
    licences: list[Said] = []
    authors: list[Said] = []
    names: list[str] = []
    for located in item.credits:
        names.extend(part.text for part in located.credit.names)
        addresses.extend(_addresses(located, blocks.get(id(located.text)), reg))
        licences.extend(Said(m.licence, located.span(m)) for m in located.credit.licences if m.licence)
        if located.credit.author is not None:
            authors.append(Said(located.credit.author.text, located.span(located.credit.author)))
    for fld in item.all(LICENCE_KEYS | SOURCE_KEYS):
        value = str(fld.value)
        for part in lx.find_urls(value):
            url = _absolute(part.text)
            if url:
                role = "licence" if reg.is_licence_url(url) else "source"
                addresses.append(Address(url, _field_span(fld)(part.start, part.end), role))
    for fld in item.all(LICENCE_KEYS):
        lic = reg.lookup(str(fld.value))
        if lic is not None:
            licences.append(Said(lic, fld.span))
        else:
            licences.extend(Said(m.licence, _field_span(fld)(m.start, m.end)) for m in reg.mentions(str(fld.value)) if m.licence)
    for fld in item.all(AUTHOR_KEYS):
        if str(fld.value).strip():
            authors.append(Said(str(fld.value).strip(), fld.span))
    # one finding per address and photo, though "[url](url)" writes it twice
    unique = {a.url: a for a in reversed(addresses)}
    names.extend(str(s.value) for s in authors)
    return Claim(tuple(sorted(unique.values(), key=lambda a: a.span.start)), tuple(licences), tuple(authors),
                 tuple(dict.fromkeys(names)))


def _claims(document: Document, context: Context) -> Iterator[Claim]:
    tools = _tools(context)
    blocks = _blocks_by_text(document)
    for item in items(document, tools):
        yield claim(item, blocks, tools)


# ---------------------------------------------------------------------------
# LIC006: addresses that do not answer


def _unreachable_message(address: Address, problem: str) -> str:
    if address.role == "licence":
        advice = "check the address, or name the licence by its canonical URL"
    else:
        advice = "the photo's page may have moved or been deleted; check the address"
    return f"the {address.role} URL {address.url} {problem}: {advice}"


def _refused_message(address: Address, why: str) -> str:
    advice = ""
    if why.endswith(")") and " address (" in why:
        advice = "; online checks do not reach inside a network unless online.allow-networks names it"
    return f"the {address.role} URL {address.url} was {why}{advice}"


def _check_unreachable(document: Document, context: Context) -> Iterator[Finding]:
    if context.session is None:
        return
    from factlint.online import Settings

    settings = Settings.from_mapping(context.settings.get(SECTION), context.root)
    claims = list(_claims(document, context))
    answers = context.session.check_all([a.url for c in claims for a in c.addresses], settings)
    for found in claims:
        for address in found.addresses:
            answer = answers[address.url]
            if answer.failed:
                yield unreachable_url.finding(address.span, _unreachable_message(address, answer.problem))
            elif answer.refused:
                yield unreachable_url.finding(address.span, _refused_message(address, answer.refused))


# ---------------------------------------------------------------------------
# LIC007: the source's own record


@compiled.dataclass(frozen=True)
class Record:
    """What a source's own page says about a file: its licence and its author."""

    where: str  # "Wikimedia Commons"
    title: str  # "File:Bridge.jpg"
    licence_names: tuple[str, ...]  # as the source writes them, most telling first
    licences: tuple[Licence, ...]  # those the registry knows
    author_html: str


_UPLOAD_PATH = compiled.regex(r"^/wikipedia/commons/(?:thumb/)?[0-9a-f]/[0-9a-f]{2}/([^/]+)")


def commons_title(url: str) -> str | None:
    """The Commons file a URL shows ("File:Bridge.jpg"), or None when it is not a Commons file page."""
    parts = urlsplit(url if "://" in url else "https://" + url)
    host = (parts.hostname or "").lower()
    name = None
    fragment = unquote(parts.fragment)
    if fragment.startswith("/media/") and (host.endswith(".wikipedia.org") or host.endswith(".wikimedia.org")):
        name = _file_name(fragment[len("/media/"):])
    elif host in ("commons.wikimedia.org", "commons.m.wikimedia.org"):
        path = unquote(parts.path)
        if path.startswith("/wiki/"):
            name = _file_name(path[len("/wiki/"):])
        elif path.startswith("/w/index.php"):
            name = _file_name((parse_qs(parts.query).get("title") or [""])[0])
    elif host == "upload.wikimedia.org":
        m = _UPLOAD_PATH.match(parts.path)
        name = unquote(m.group(1)) if m else None
    if not name:
        return None
    return "File:" + name.replace("_", " ").strip()


def _file_name(title: str) -> str | None:
    namespace, colon, name = title.partition(":")
    if not colon or namespace.strip().lower() not in ("file", "image") or not name.strip():
        return None
    return name


def _mediawiki_error(data: Any) -> str | None:
    if not isinstance(data, Mapping):
        return "answered JSON that is not a MediaWiki reply"
    error = data.get("error")
    if error is not None:
        info = error.get("info") or error.get("code") if isinstance(error, Mapping) else error
        return f"the API refused the query: {info}"
    return None


def _metadata_value(meta: Mapping[str, Any], key: str) -> str:
    entry = meta.get(key)
    value = entry.get("value") if isinstance(entry, Mapping) else entry
    return str(value).strip() if isinstance(value, (str, int, float)) else ""


def commons_record(title: str, context: Context, settings: Settings, reg: Registry) -> Record | None:
    """Ask the MediaWiki API what Commons says of a file; None when there is no clear answer."""
    params = {"action": "query", "prop": "imageinfo", "iiprop": "extmetadata", "titles": title, "format": "json"}
    answer = context.session.get_json(settings.commons_api, params, settings, refusal=_mediawiki_error)
    if answer.error is not None or not isinstance(answer.data, Mapping):
        return None  # a broken or busy API is no evidence against the credit
    pages = (answer.data.get("query") or {}).get("pages") if isinstance(answer.data.get("query"), Mapping) else None
    pages = list(pages.values()) if isinstance(pages, Mapping) else pages if isinstance(pages, list) else []
    page = next((p for p in pages if isinstance(p, Mapping)), None)
    if page is None or "missing" in page or "invalid" in page:
        return None  # a deleted file is LIC006's business, through its page's 404
    info = page.get("imageinfo")
    meta = info[0].get("extmetadata") if isinstance(info, list) and info and isinstance(info[0], Mapping) else None
    if not isinstance(meta, Mapping):
        return None
    names = tuple(v for v in (_metadata_value(meta, k) for k in ("LicenseShortName", "LicenseUrl", "License")) if v)
    known = {lic.id: lic for lic in (reg.lookup(n) for n in names) if lic is not None}
    return Record("Wikimedia Commons", str(page.get("title") or title), names, tuple(known.values()),
                  _metadata_value(meta, "Artist"))


def licences_agree(credited: Licence, recorded: Licence) -> bool:
    """The same licence, however written; a port is its licence, "GFDL" covers "GFDL 1.2"."""
    if credited.id == recorded.id or recorded.id.startswith(credited.id + "-") or credited.id.startswith(recorded.id + "-"):
        return True

    def free(lic: Licence) -> bool:  # public domain, PDM, CC0: no conditions at all
        return not (lic.attribution or lic.non_commercial or lic.no_derivatives or lic.share_alike)

    return free(credited) and free(recorded)


def _judge_record(found: Claim, record: Record) -> Iterator[Finding]:
    credited = [s for s in found.licences if isinstance(s.value, lx.Licence)]
    if credited and record.licences and not any(
        licences_agree(s.value, r) for s in credited for r in record.licences
    ):
        said = credited[0]
        stated = record.licences[0].label
        yield licence_mismatch.finding(
            said.span,
            f"the credit says {said.value.label} but {record.where} lists {record.title} under {stated}: "
            f"credit the licence the source states, or ask the rights desk",
        )
    artist = author_text(record.author_html) if record.author_html else ""
    if found.authors and any(ch.isalnum() or ch == "_" for ch in artist) and not any(authors_agree(n, artist) for n in found.names):
        said = found.authors[0]
        shown = shown_author(record.author_html, limit=80)
        yield licence_mismatch.finding(
            said.span,
            f"the credit names \"{said.value}\" but {record.where} gives the author of {record.title} as \"{shown}\": "
            f"credit the author the source names",
        )


def _check_mismatch(document: Document, context: Context) -> Iterator[Finding]:
    if context.session is None:
        return
    from factlint.online import Settings

    settings = Settings.from_mapping(context.settings.get(SECTION), context.root)
    reg = _tools(context).registry
    for found in _claims(document, context):
        titles = dict.fromkeys(t for t in (commons_title(a.url) for a in found.addresses if a.role == "source") if t)
        for title in titles:
            record = commons_record(title, context, settings, reg)
            if record is not None:
                yield from _judge_record(found, record)
                break  # one source's record per photo: two Commons pages would be one more finding each


# ---------------------------------------------------------------------------
# Rules

unreachable_url = Rule(
    code="LIC006",
    name="unreachable-url",
    severity="warning",
    online=True,
    summary="A credit's licence or source URL that does not answer 2xx or 3xx (runs only with --online).",
    explanation=(
        "Runs only with --online. factlint contacts every licence and source URL in a credit (HEAD, then GET "
        "when the server refuses HEAD; redirects are followed) and reports an address that answers 4xx or 5xx, "
        "times out, or cannot be reached: readers and rights holders must be able to follow it. Answers are "
        "kept in a cache (online.cache-dir, default ~/.cache/factlint, for online.cache-days, default 7; "
        "--no-cache skips it); online.timeout sets the wait for one request in all (default 10 seconds), "
        "online.deadline the wait for the whole run (default 120), and online.allowed-hosts, when set, limits "
        "the hosts contacted (others are skipped without a finding). An address inside a network (loopback, "
        "private, link-local such as a cloud's metadata service, reserved), directly or after a redirect, is "
        "never contacted and is reported as not checked, unless online.allow-networks names its network."
    ),
    example="Photo: Jane Doe, https://example.org/photos/deleted-42, CC BY 4.0",
    near_miss="Photo: Jane Doe, https://commons.wikimedia.org/wiki/File:Bridge.jpg, CC BY 4.0",
    check=_check_unreachable,
    source="Creative Commons, Recommended practices for attribution: link the work and the licence",
    example_format="text",
)

licence_mismatch = Rule(
    code="LIC007",
    name="licence-mismatch",
    severity="error",
    online=True,
    summary="A credit whose licence or author differs from the source's own record (runs only with --online).",
    explanation=(
        "Runs only with --online. For a photo whose source is a Wikimedia Commons file page "
        "(commons.wikimedia.org/wiki/File:…, or a Wikipedia #/media/File:… link), factlint asks the MediaWiki "
        "API (online.commons-api, default https://commons.wikimedia.org/w/api.php: action=query, "
        "prop=imageinfo, iiprop=extmetadata) for the file's LicenseShortName, LicenseUrl and Artist, and "
        "reports a credit naming another licence (compared through the licence registry, so a name and its "
        "URL agree) or an author who shares no name with the Artist field. A file Commons does not have, or an "
        "API that fails, is no finding. Commons shows only the first licence of a multi-licensed file. In the "
        "example, Commons lists File:Bridge.jpg under CC BY-SA 4.0 and its author as Jane Doe."
    ),
    example="Photo: Jane Doe, https://commons.wikimedia.org/wiki/File:Bridge.jpg, CC BY 4.0",
    near_miss="Photo: Jane Doe, https://commons.wikimedia.org/wiki/File:Bridge.jpg, CC BY-SA 4.0",
    check=_check_mismatch,
    source="Wikimedia Commons, Reusing content outside Wikimedia (commons.wikimedia.org/wiki/Commons:Reusing_content_outside_Wikimedia)",
    example_format="text",
)

RULES: tuple[Rule, ...] = (unreachable_url, licence_mismatch)


@hookimpl
def factlint_rules() -> Sequence[Rule]:
    return list(RULES)


@hookimpl
def factlint_settings_schemas() -> Mapping[str, Any]:
    return {
        SECTION: {
            "?timeout": float,
            "?cache-dir": str,
            "?cache-days": float,
            "?allowed-hosts": [str],
            "?commons-api": str,
            "?deadline": float,
            "?max-bytes": int,
            "?allow-networks": [str],
        }
    }
