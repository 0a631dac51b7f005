"""The licence registry and credit parsing: what a photo credit says about author, source and licence."""

from __future__ import annotations

import re
import threading
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from factlint import compiled
from factlint.language.licence_schemas import LICENCES_SCHEMA, PREFIXES_SCHEMA  # noqa: F401  (their old home)

_CC_ELEMENTS = ("by", "nc", "nd", "sa")
_PORTS = ("none", "optional", "required")


@compiled.dataclass(frozen=True)
class Licence:
    """One licence of the registry and what it asks of whoever publishes the work."""

    id: str
    name: str
    title: str
    url: str | None
    attribution: bool
    non_commercial: bool
    no_derivatives: bool
    share_alike: bool
    ports: str = "none"
    jurisdiction: str | None = None  # set when the credit names a ported CC licence (/by/3.0/de/)

    @property
    def label(self) -> str:
        """How a message names it: "CC BY-SA 3.0 DE"."""
        return f"{self.name} {self.jurisdiction.upper()}" if self.jurisdiction else self.name


@compiled.dataclass(frozen=True)
class Site:
    """A site hosting other people's work (Wikimedia Commons, Flickr...)."""

    host: str
    name: str
    licence: str | None = None  # a house licence the site implies (Unsplash)


@compiled.dataclass(frozen=True)
class Mention:
    """A licence named in a text: a URL or a name, known to the registry or not.

    `start`/`end` are offsets in the text parsed; `problem` says, for an
    unknown one, what is wrong with it in words a rights desk can act on.
    """

    start: int
    end: int
    text: str
    kind: str  # "url" or "name"
    licence: Licence | None
    problem: str | None = None


@compiled.dataclass(frozen=True)
class Part:
    """A piece of a credit: its text and where it stands in the text parsed."""

    start: int
    end: int
    text: str


@compiled.dataclass(frozen=True)
class Credit:
    """What a credit says: author, source (URL or site), licences, and the caption after it."""

    start: int  # where the credit starts (its prefix, if any)
    end: int  # where the credit ends; a caption may follow
    prefix: Part | None
    author: Part | None
    source: Part | None  # a URL or a site's name
    source_at: Part | None  # the source URL (its text) and where it stands (the URL, or its link's text)
    licences: tuple[Mention, ...]
    caption: Part | None
    names: tuple[Part, ...]  # every name-like piece (author, agency, publication)

    @property
    def source_url(self) -> str | None:
        return self.source_at.text if self.source_at else None

    @property
    def known(self) -> tuple[Licence, ...]:
        """The licences the registry knows, each once."""
        seen: dict[str, Licence] = {}
        for m in self.licences:
            if m.licence is not None and m.licence.label not in seen:
                seen[m.licence.label] = m.licence
        return tuple(seen.values())

    @property
    def unknown(self) -> tuple[Mention, ...]:
        return tuple(m for m in self.licences if m.licence is None)


# ---------------------------------------------------------------------------
# URLs

_LICENCE_SEGMENT = compiled.regex(r"(?:^|[-_.])licen[cs]es?(?:$|[-_.])")
_SCHEME = compiled.regex(r"^[a-z][a-z0-9+.-]*:/*", re.I)
_SUFFIX_SEGMENT = compiled.regex(r"^(?:deed|legalcode)(?:\.[a-z0-9_-]+)*$|^index\.html?$|^rdf$")
_URL = compiled.regex(
    r"(?:\b(?i:[a-z][a-z0-9+.-]*):/+|\b(?i:www)\.)[^\s<>\"'()\[\]{}]+"
    r"|(?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?!(?:jpe?g|png|gif|webp|svg|tiff?|html?|pdf)\b)[a-z]{2,12}\b"
    r"(?::\d+)?(?:/[^\s<>\"'\[\]{}]*)?"
)
_URL_TRAIL = ".,;:!?)]}'\"»”’*_"


def url_parts(url: str) -> tuple[str, list[str]]:
    """Host (lower case, no www.) and path segments of a URL written with or without a scheme."""
    rest = _SCHEME.sub("", url.strip()).lstrip("/")
    rest = re.split(r"[?#]", rest, maxsplit=1)[0]
    host, _, path = rest.partition("/")
    host = host.lower().rstrip(".").split("@")[-1]
    host = re.sub(r":\d+$", "", host)
    host = re.sub(r"^www\d?\.", "", host)
    return host, [s for s in path.split("/") if s]


def url_key(url: str) -> str:
    """The form licence URLs are compared in: host and path, no scheme, www., deed or legalcode."""
    host, segments = url_parts(url)
    segments = [s.lower() for s in segments]
    while segments and _SUFFIX_SEGMENT.match(segments[-1]):
        segments.pop()
    if segments:
        # gnu.org serves translations as fdl-1.3.de.html
        segments[-1] = re.sub(r"\.[a-z]{2}(?:-[a-z]{2})?\.html$", ".html", segments[-1])
    return "/".join([host, *segments])


def find_urls(text: str) -> list[Part]:
    """Every URL or bare domain in a text (commons.wikimedia.org counts, 4.0 and J.R. do not)."""
    found = []
    for m in _URL.finditer(text):
        value = m.group().rstrip(_URL_TRAIL)
        if value.count("(") < value.count(")"):
            value = value[: value.rfind(")")]
        if "." not in value and "://" not in value:
            continue
        found.append(Part(m.start(), m.start() + len(value), value))
    return found


# ---------------------------------------------------------------------------
# Names

#: Paths that are any site's home page, and the further home pages of the hosting sites the registry lists.
_HOME_PATHS = frozenset({"", "index.html", "index.htm", "index.php", "index.asp", "index.aspx", "default.aspx",
                         "default.asp", "home", "home.html", "home.htm", "main_page"})
_SITE_HOME_PATHS = frozenset({"wiki", "wiki/main_page", "explore"})

_NAME_SPLIT = compiled.regex(r"[\s_/,()\[\]]+|(?<![\d])-|-(?![\d])")
_VERSION = compiled.regex(r"^v?(\d+)(?:\.(\d+))?$")


class Registry:
    """The licence registry: look a licence up by URL, name or SPDX id, and find licences in a text."""

    def __init__(self, pack: Mapping[str, Any]) -> None:
        self.jurisdictions = frozenset(str(j).lower() for j in pack.get("jurisdictions") or ())
        self._words = self._compile_words(pack.get("words") or ())
        # The same, by first word: name_key tries at each token only the phrases that can start there.
        self._words_by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for say, means in self._words:
            self._words_by_first.setdefault(say[0], []).append((say, means))
        self.licences: tuple[Licence, ...] = tuple(self._licence(e) for e in pack.get("licences") or ())
        self._by_id = {lic.id.lower(): lic for lic in self.licences}
        self._by_url: dict[str, Licence] = {}
        self._by_name: dict[str, Licence] = {}
        for entry, lic in zip(pack.get("licences") or (), self.licences):
            for url in [entry.get("url"), *(entry.get("urls") or ())]:
                if url:
                    self._by_url.setdefault(url_key(str(url)), lic)
            names = [entry["id"], entry["name"], entry.get("title"), entry.get("spdx"), *(entry.get("aliases") or ())]
            for name in names:
                key = self.name_key(str(name)) if name else ""
                if key:
                    self._by_name.setdefault(key, lic)
        self._longest_name = max((k.count(" ") + 1 for k in self._by_name), default=1) + 3
        # the first word of every way a licence is written: most words of a credit start none
        self._first_words = frozenset(
            self._split(str(name))[0]
            for entry in pack.get("licences") or ()
            for name in [entry["id"], entry["name"], entry.get("title"), entry.get("spdx"), *(entry.get("aliases") or ())]
            if name and self._split(str(name))
        ) | frozenset(say[0] for say, _ in self._words)
        self.licence_urls = tuple(url_key(u) for u in pack.get("licence-urls") or ())
        self.sites = tuple(Site(str(s["host"]).lower(), str(s["name"]), s.get("licence")) for s in pack.get("sites") or ())

    @staticmethod
    def _licence(entry: Mapping[str, Any]) -> Licence:
        ports = str(entry.get("ports", "none"))
        if ports not in _PORTS:
            ports = "none"
        return Licence(
            id=str(entry["id"]),
            name=str(entry["name"]),
            title=str(entry.get("title") or entry["name"]),
            url=entry.get("url"),
            attribution=bool(entry["attribution"]),
            non_commercial=bool(entry["non-commercial"]),
            no_derivatives=bool(entry["no-derivatives"]),
            share_alike=bool(entry["share-alike"]),
            ports=ports,
        )

    @staticmethod
    def _split(text: str) -> list[str]:
        return [t for t in _NAME_SPLIT.split(text.lower().replace("‐", "-")) if t]

    def _compile_words(self, words: Iterable[Mapping[str, str]]) -> list[tuple[tuple[str, ...], str]]:
        pairs = [(tuple(self._split(str(w["say"]))), str(w["means"]).lower()) for w in words]
        return sorted((c for c in pairs if c[0]), key=lambda c: -len(c[0]))

    def name_key(self, text: str) -> str:
        """Fold a licence name so every way of writing it meets: "CC-BY-SA-4.0" → "by sa 4.0"."""
        tokens = [t.rstrip(".") for t in self._split(text)]
        tokens = [t for t in tokens if t]
        out: list[str] = []
        i = 0
        while i < len(tokens):
            for say, means in self._words_by_first.get(tokens[i], ()):
                if tuple(tokens[i : i + len(say)]) == say:
                    if means:
                        out.append(means)
                    i += len(say)
                    break
            else:
                out.append(tokens[i])
                i += 1
        folded = []
        for t in out:
            version = _VERSION.match(t)
            folded.append(f"{version.group(1)}.{version.group(2) or 0}" if version else t)
        # CC elements in any order are one licence: BY-ND-NC is BY-NC-ND
        ordered: list[str] = []
        run: list[str] = []
        for t in [*folded, ""]:
            if t in _CC_ELEMENTS:
                run.append(t)
                continue
            ordered.extend(sorted(set(run), key=_CC_ELEMENTS.index))
            run = []
            if t and (not ordered or ordered[-1] != t):
                ordered.append(t)
        return " ".join(ordered)

    # -- lookup -------------------------------------------------------------

    def lookup(self, text: str) -> Licence | None:
        """The licence a URL, a name or an SPDX id stands for, or None."""
        text = text.strip()
        if not text:
            return None
        if self.looks_like_url(text):
            return self.lookup_url(text)
        return self.lookup_name(text)

    def looks_like_url(self, text: str) -> bool:
        urls = find_urls(text)
        return len(urls) == 1 and urls[0].start == 0 and urls[0].end == len(text) and "/" in text

    def lookup_url(self, url: str) -> Licence | None:
        key = url_key(url)
        if key in self._by_url:
            return self._by_url[key]
        base, _, last = key.rpartition("/")
        if last in self.jurisdictions and base in self._by_url:
            lic = self._by_url[base]
            if lic.ports != "none":
                return replace(lic, jurisdiction=last)
        return None

    def lookup_name(self, name: str) -> Licence | None:
        if name.strip().lower() in self._by_id:
            return self._by_id[name.strip().lower()]
        key = self.name_key(name)
        if not key:
            return None
        lic = self._by_name.get(key)
        if lic is not None and lic.ports != "required":
            return lic
        base, _, last = key.rpartition(" ")
        if last in self.jurisdictions and base in self._by_name:
            lic = self._by_name[base]
            if lic.ports != "none":
                return replace(lic, jurisdiction=last)
        return None

    def is_licence_url(self, url: str) -> bool:
        """Whether a URL is meant as a licence (creativecommons.org...), known or not."""
        key = url_key(url)
        if self.lookup_url(url) is not None:
            return True
        if any(key == p or key.startswith(p + "/") or ("/" in p and key.startswith(p)) for p in self.licence_urls):
            return True
        # example.com/license/ is meant as a licence even if nobody registered it
        return any(_LICENCE_SEGMENT.search(segment) for segment in key.split("/")[1:])

    def diagnose_url(self, url: str) -> str:
        """Why a licence URL is not in the registry, said so a rights desk can fix it."""
        host, segments = url_parts(url)
        segments = [s.lower() for s in segments]
        if host == "creativecommons.org" and segments:
            if segments[0] == "licences":
                return "Creative Commons spells the address /licenses/, not /licences/"
            if segments[0] == "licenses" and len(segments) >= 2:
                versions = [s for s in segments[2:] if _VERSION.match(s)]
                if len(segments) == 2 or not versions:
                    return ("the address names no version: write the full licence URL, such as "
                            f"https://creativecommons.org/licenses/{segments[1]}/4.0/")
                if versions[0] == "4.0" and len(segments) > 3 and not _SUFFIX_SEGMENT.match(segments[3]):
                    return "Creative Commons 4.0 licences have no jurisdiction versions: drop the country from the address"
        return "it is not a licence URL the registry knows"

    def site_of(self, url: str) -> Site | None:
        host, _ = url_parts(url)
        return next((s for s in self.sites if host == s.host or host.endswith("." + s.host)), None)

    def site_named(self, name: str) -> Site | None:
        folded = name.strip().lower()
        return next((s for s in self.sites if folded in (s.name.lower(), s.host)), None)

    def is_root_only(self, url: str) -> bool:
        """Whether a source URL is only a site's home page, not the work's own page.

        Any host counts (a museum's, an archive's, a photographer's home page),
        not only the hosting sites the registry lists; a query ("?id=4411") or
        a fragment names something on the site, so such a URL is not the root.
        """
        rest = _SCHEME.sub("", url.strip()).lstrip("/")
        if re.search(r"[?#][^?#\s]", rest):
            return False
        host, segments = url_parts(url)
        if "." not in host:
            return False
        path = "/".join(s.lower() for s in segments)
        if path in _HOME_PATHS:
            return True
        return self.site_of(url) is not None and path in _SITE_HOME_PATHS

    # -- finding licences in a text ---------------------------------------

    def mentions(self, text: str, links: Sequence[tuple[int, int, str]] = ()) -> list[Mention]:
        """Every licence a text names: URLs, names and SPDX ids, and licence-like names the registry lacks.

        `links` are (start, end, url) of hyperlinks in the text: a link to a
        licence counts as that licence, standing where its text stands.
        """
        found: list[Mention] = []
        taken: list[tuple[int, int]] = []
        for start, end, url in links:
            if self.is_licence_url(url):
                found.append(self._url_mention(url, start, end, text[start:end]))
                taken.append((start, end))
        for part in find_urls(text):
            if _overlaps(part.start, part.end, taken):
                continue
            taken.append((part.start, part.end))
            if self.is_licence_url(part.text):
                found.append(self._url_mention(part.text, part.start, part.end, part.text))
        found.extend(self._name_mentions(text, taken))
        return sorted(found, key=lambda m: (m.start, m.end))

    def _url_mention(self, url: str, start: int, end: int, shown: str) -> Mention:
        lic = self.lookup_url(url)
        return Mention(start, end, shown, "url", lic, None if lic else self.diagnose_url(url))

    def _name_mentions(self, text: str, taken: list[tuple[int, int]]) -> list[Mention]:
        tokens = [m for m in re.finditer(r"[^\s,;:()\[\]/|]+", text) if not _overlaps(m.start(), m.end(), taken)]
        found: list[Mention] = []
        i = 0
        while i < len(tokens):
            best: tuple[int, Licence] | None = None
            first = self._split(tokens[i].group())
            if not first or first[0].rstrip(".") not in self._first_words:
                i += 1
                continue
            for j in range(i, min(len(tokens), i + self._longest_name)):
                if j > i and text[tokens[j - 1].end() : tokens[j].start()].strip():
                    break  # a name does not run across commas, slashes or brackets
                lic = self.lookup_name(text[tokens[i].start() : tokens[j].end()])
                if lic is not None:
                    best = (j, lic)
            if best is None:
                i += 1
                continue
            j, lic = best
            start, end = tokens[i].start(), tokens[j].end()
            while end > start and text[end - 1] in ".*_'\"":
                end -= 1
            found.append(Mention(start, end, text[start:end], "name", lic))
            taken.append((start, end))
            i = j + 1
        found.extend(self._unknown_names(text, taken))
        return found

    def _unknown_names(self, text: str, taken: list[tuple[int, int]]) -> list[Mention]:
        found = []
        for m in _LICENCE_LIKE.finditer(text):
            start, end = m.start(), m.end()
            while end > start and text[end - 1] in " .-_":
                end -= 1
            if _overlaps(start, end, taken):
                continue
            shown = text[start:end]
            version = re.search(r"\d+(?:\.\d+)?\s*$", shown)
            if not version and re.fullmatch(r"(?i)creative\s+commons", shown):
                problem = "say which Creative Commons licence and version, such as CC BY 4.0"
            elif not version:
                problem = f"{shown} names no version: write it in full, such as {shown} 4.0"
            else:
                problem = f"{shown} is not a licence the registry knows"
            found.append(Mention(start, end, shown, "name", None, problem))
            taken.append((start, end))
        return found


_ELEMENT_WORDS = (
    r"BY|NC|ND|SA|Attribution|Share[\s-]?Alike|Non-?Commercial|No-?Derivs|No-?Derivatives|No\s+Derivatives"
)
_LICENCE_LIKE = compiled.regex(
    r"\b(?:CC|Creative\s+Commons)(?:[\s_-]+(?:" + _ELEMENT_WORDS + r"))+\b(?:[\s_-]*v?\d+(?:\.\d+)?\b)?"
    r"|\bCC[\s_-]?(?:0|Zero)(?:[\s_-]*v?\d+(?:\.\d+)?\b)?"
    r"|\b(?:GFDL|GNU\s+FDL|OGL|ODbL)[\s_-]*v?\d+(?:\.\d+)?\b"
    r"|\bCreative\s+Commons\b",
    re.I,
)


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


_BUILT: dict[tuple[str, int], tuple[Any, Any]] = {}
_BUILT_LOCK = threading.Lock()


def _built(kind: str, pack: Mapping[str, Any], build: Callable[[Mapping[str, Any]], Any]) -> Any:
    """Build a registry or prefix set once per loaded pack (the engine loads a pack once per configuration)."""
    key = (kind, id(pack))
    with _BUILT_LOCK:
        hit = _BUILT.get(key)
        if hit is not None and hit[0] is pack:
            return hit[1]
    value = build(pack)
    with _BUILT_LOCK:
        if len(_BUILT) > 32:
            _BUILT.clear()
        _BUILT[key] = (pack, value)  # keeping the pack alive keeps its id from being reused
    return value


def registry(pack: Mapping[str, Any] | None = None) -> Registry:
    """The registry of a loaded `licences` pack, or of the shipped rules/licences.yaml."""
    return shipped_registry() if pack is None else _built("licences", pack, Registry)


def prefixes(pack: Mapping[str, Any] | None = None) -> "Prefixes":
    """The credit prefixes of a loaded `credit-prefixes` pack, or of the shipped one."""
    return shipped_prefixes() if pack is None else _built("credit-prefixes", pack, Prefixes.from_pack)


@lru_cache(maxsize=1)
def shipped_registry() -> Registry:
    return Registry(shipped_pack("licences.yaml", LICENCES_SCHEMA))


def shipped_pack(filename: str, schema: Mapping[str, Any]) -> dict:
    """A pack shipped in rules/, read and validated outside the engine (for library use and tests)."""
    from factlint.packs import BUILTIN_DIR, read_pack

    name = Path(filename).stem
    _, data = read_pack(BUILTIN_DIR / filename, {name: schema})
    return data


# ---------------------------------------------------------------------------
# Credits


@compiled.dataclass(frozen=True)
class Prefixes:
    """Credit prefixes ("Photo:", "Photo by", "Image courtesy of"...) compiled for matching."""

    pattern: re.Pattern[str]  # every prefix, for captions and lines beside an image
    fillers: frozenset[str]
    labels: Mapping[str, str]
    standalone: re.Pattern[str] | None = None  # prefixes that make a paragraph a credit line on its own

    @classmethod
    def from_pack(cls, pack: Mapping[str, Any]) -> "Prefixes":
        attached = [str(p) for p in pack.get("attached-prefixes") or ()]
        labels = {str(x["say"]).lower(): str(x["means"]) for x in pack.get("labels") or ()}
        return cls(
            _prefix_pattern([*(pack.get("prefixes") or ()), *attached]),
            frozenset(str(f).lower() for f in pack.get("fillers") or ()),
            labels,
            _prefix_pattern(pack.get("prefixes") or ()),
        )

    def at(self, text: str, i: int) -> re.Match[str] | None:
        return self.pattern.match(text, i)

    def leading(self, text: str, standalone: bool = False) -> re.Match[str] | None:
        """A prefix opening the text (after spaces, brackets or emphasis marks).

        A paragraph standing alone must open with a full credit prefix: "©"
        or "Courtesy of" alone count only beside an image or in its caption.
        """
        m = re.match(r"[\s(\[*_\"“]*", text)
        at = m.end() if m else 0
        return (self.standalone or self.pattern).match(text, at) if standalone else self.at(text, at)

    def anywhere(self, text: str) -> re.Match[str] | None:
        """The first prefix standing at a boundary anywhere in a caption, capitalised as a credit is."""
        for m in self.pattern.finditer(text):
            before = text[: m.start()].rstrip(" *_")
            if before and before[-1] not in ".!?:;,(—–-|\n\"”" and not before.endswith(("\n",)):
                continue
            if not m.group()[0].isupper() and m.group()[0].isalpha() and not before.endswith("("):
                continue
            return m
        return None


def _prefix_pattern(prefixes: Iterable[Any]) -> re.Pattern[str]:
    """One regex for all prefixes, longest first; a prefix ending in a word must be followed by a space."""
    alternatives = []
    for p in sorted({str(p).strip() for p in prefixes if str(p).strip()}, key=lambda p: (-len(p), p)):
        escaped = re.escape(p).replace(r"\ ", r"\s+").replace(":", r"\s*:")
        alternatives.append(escaped + (r"(?=\s)" if p[-1].isalnum() else ""))
    return compiled.regex("(?:" + "|".join(alternatives) + ")" if alternatives else r"(?!x)x", re.I)


@lru_cache(maxsize=1)
def shipped_prefixes() -> Prefixes:
    return Prefixes.from_pack(shipped_pack("credit-prefixes.yaml", PREFIXES_SCHEMA))


_ABBREVIATIONS = frozenset("jr sr dr st inc ltd co corp mr mrs ms prof no vol ed eds jun sen gen col lt sgt".split())
_SEPARATOR = compiled.regex(
    r"\s*(?:[,;|•·]|/|\(|\)|\[|\]|(?<=\s)[-–—](?=\s))\s*|(?<=\w\w)\.\s+"
    r"|\s+(?P<word>via|from|through|on|by|for|courtesy\s+of|and\s+licen[cs]ed\s+under|licen[cs]ed\s+under|under)\s+",
    re.I,
)
_LABEL = compiled.regex(r"\s*(?P<label>[A-Za-z][A-Za-z ]{1,20}?)\s*:\s*")


def parse_credit(
    text: str,
    registry: Registry,
    prefixes: Prefixes,
    start: int = 0,
    links: Sequence[tuple[int, int, str]] = (),
) -> Credit:
    """Read the credit that starts at `start` in `text` (with or without a prefix there).

    `links` are (start, end, url) of hyperlinks in `text`. The credit runs
    to the end of the text, to its closing bracket, or to where a caption
    takes over (a new sentence, or words right after its last licence or URL).
    """
    prefix_match = prefixes.at(text, start)
    body = prefix_match.end() if prefix_match else start
    prefix = Part(start, body, text[start:body]) if prefix_match else None
    limit = _closing_bracket(text, start, body)
    local_links = [(s - body, e - body, u) for s, e, u in links if body <= s and e <= limit]
    mentions = [_shifted(m, body) for m in registry.mentions(text[body:limit], local_links)]
    local_links = [(s + body, e + body, u) for s, e, u in local_links]
    urls = [p for p in find_urls(text[:limit]) if p.start >= body]
    # A link's text is a name ("Luis Ortega", "Flickr"); its URL is the source
    linked = [Part(s, e, u) for s, e, u in local_links if not registry.is_licence_url(u)]
    blocked = sorted([(m.start, m.end) for m in mentions] + [(u.start, u.end) for u in urls])
    end = _credit_end(text, body, limit, blocked, prefixes)
    mentions = [m for m in mentions if m.start < end]
    urls = [u for u in urls if u.start < end]
    names, author, source_part = _read_names(text, body, end, mentions, urls, registry, prefixes)
    candidates = [u for u in urls + linked if u.start < end and not registry.is_licence_url(u.text)]
    source_at = min(candidates, key=lambda u: u.start) if candidates else None
    if source_part is None and source_at is not None:
        source_part = Part(source_at.start, source_at.end, text[source_at.start : source_at.end])
    caption = None
    rest_start = end
    if limit < len(text) and text[limit] in ")]":
        rest_start = limit + 1
    rest = text[rest_start:]
    stripped = rest.strip(" .,;:-–—*_\n\t")
    if stripped:
        at = rest_start + rest.find(stripped)
        caption = Part(at, at + len(stripped), stripped)
    return Credit(start, end, prefix, author, source_part, source_at, tuple(mentions), caption, tuple(names))


def _shifted(m: Mention, by: int) -> Mention:
    return replace(m, start=m.start + by, end=m.end + by)


def _closing_bracket(text: str, start: int, body: int) -> int:
    """A credit opened inside a bracket, "(Photo by X/AP)", ends at its closing bracket."""
    before = text[:start].rstrip(" *_")
    opener = text[start] if start < len(text) and text[start] in "([" else before[-1:] if before else ""
    if opener not in ("(", "["):
        return len(text)
    closer = ")" if opener == "(" else "]"
    depth = 0
    for i in range(body, len(text)):
        if text[i] == opener:
            depth += 1
        elif text[i] == closer:
            if depth == 0:
                return i
            depth -= 1
    return len(text)


def _inside(i: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= i < e for s, e in spans)


def _credit_end(text: str, body: int, limit: int, blocked: Sequence[tuple[int, int]], prefixes: Prefixes) -> int:
    """Where the credit stops and a caption starts."""
    for m in re.finditer(r"[.!?](?=\s+[\"“'‘(]?\w)", text[:limit]):
        i = m.start()
        if i < body or _inside(i, blocked):
            continue
        after = m.end() + len(text[m.end() :]) - len(text[m.end() :].lstrip())
        nxt = text[after : after + 1].lstrip("\"“'‘(")
        label = _LABEL.match(text, after)
        if _inside(after, blocked) or (label and label.group("label").lower() in prefixes.labels):
            continue  # "Jane Doe. CC BY 4.0." or "Jane Doe. Licence: …" goes on with the credit
        word = re.search(r"(\w+)$", text[body:i])
        if word and (len(word.group(1)) == 1 or word.group(1).lower() in _ABBREVIATIONS):
            continue  # an initial or an abbreviation: "J. Smith", "Jr."
        if nxt and (nxt.isupper() or nxt.isdigit()):
            limit = i
            break
    if blocked:
        last_end = max(e for s, e in blocked if s < limit) if any(s < limit for s, e in blocked) else body
        before_last = text[body : min(s for s, e in blocked if e == last_end)] if last_end > body else ""
        after = text[last_end:limit]
        # Words right after the last licence or URL, with no separator, are the caption
        # (the wire photo line "…/by-sa/4.0/ Vladimir Putin").
        if re.match(r"\s+[^\s,;/|()\[\]\-–—]", after) and re.search(r"\w", before_last):
            return last_end
    return limit


def _read_names(
    text: str,
    body: int,
    end: int,
    mentions: Sequence[Mention],
    urls: Sequence[Part],
    registry: Registry,
    prefixes: Prefixes,
) -> tuple[list[Part], Part | None, Part | None]:
    """Split the credit's words into author, source site and other names."""
    blocked = sorted([(m.start, m.end, "licence") for m in mentions] + [(u.start, u.end, "url") for u in urls])
    pieces: list[tuple[Part, str]] = []  # (piece, role): role is "", "author", "source", "url", "licence"
    cursor = body
    role = ""
    for s, e, kind in blocked + [(end, end, "end")]:
        if s < cursor:
            continue
        role = _split_chunk(text, cursor, min(s, end), role, pieces, prefixes)
        if kind != "end" and s < end:
            if role == "author" and kind == "url":
                role = ""
            pieces.append((Part(s, e, text[s:e]), kind))
            role = ""
        cursor = max(cursor, e)
        if cursor >= end:
            break
    names = [p for p, r in pieces if r in ("", "author", "source")]
    author = next((p for p, r in pieces if r == "author"), None)
    if author is None:
        # A caption standing among the credit's pieces ("Photo: Anita Patel speaks
        # at the hall — Sam Reed, CC BY 4.0") is not its author when a name follows.
        unnamed = [p for p, r in pieces if r == "" and registry.site_named(p.text) is None]
        author = next((p for p in unnamed if not _caption_like(p)), None)
        if author is None:
            author = next((p for p in unnamed if not _caption_sentence(text, p)), None)
    source = next((p for p, r in pieces if r == "source"), None)
    if source is None:
        source = next((p for p, r in pieces if r == "" and registry.site_named(p.text) is not None), None)
    return names, author, source


#: Words that may stand lower case inside a person's or agency's name ("Ana de la Cruz for the Guardian").
_NAME_PARTICLES = frozenset(
    "de da das do dos del della di du la le van von der den ter bin ibn al el y and for of the".split())


def reads_like_name(text: str) -> bool:
    """ "Sam Reed", "Ana de la Cruz for the Guardian": a name, not a caption sentence."""
    words = text.split()
    return 0 < len(words) <= 8 and all(w[0].isupper() or w.lower() in _NAME_PARTICLES or not w[0].isalpha()
                                       for w in words)


def _caption_like(piece: Part) -> bool:
    """Four words or more, some lower case, and no account name: "Anita Patel speaks at the hall".

    A short piece, or one naming an account ("Flickr user jdoe_42"), may be an author.
    """
    words = piece.text.split()
    if len(words) < 4 or any(w.lower() == "user" or re.search(r"[\d_@]", w) for w in words):
        return False
    return not reads_like_name(piece.text)


def _caption_sentence(text: str, piece: Part) -> bool:
    """A caption-like piece ending in a full stop: "The chamber during the vote." is no author."""
    return _caption_like(piece) and text[piece.end : piece.end + 1] in (".", "!", "?")


def _split_chunk(text: str, start: int, end: int, role: str, pieces: list[tuple[Part, str]], prefixes: Prefixes) -> str:
    """Cut text[start:end] at separators into name pieces; return the role the next piece gets."""
    cursor = start
    for m in list(_SEPARATOR.finditer(text, start, end)) + [None]:
        s = m.start() if m else end
        piece = _clean(text, cursor, s, prefixes)
        if piece is not None:
            label = _LABEL.match(piece.text)
            if label and label.group("label").lower() in prefixes.labels:
                role = prefixes.labels[label.group("label").lower()]
                piece = _clean(text, piece.start + label.end(), piece.end, prefixes)
            if piece is not None:
                pieces.append((piece, role if role in ("author", "source") else ""))
                role = ""
        if m is None:
            break
        word = (m.group("word") or "").lower()
        if word == "by":
            if pieces and pieces[-1][1] in ("", "url") and pieces[-1][0].end <= m.start():
                pieces[-1] = (pieces[-1][0], "source" if pieces[-1][1] == "" else "url")
            role = "author"
        elif word in ("via", "from", "through", "on"):
            role = "source"
        elif word and "licen" in word or word == "under":
            role = ""
        cursor = m.end()
    return role


_WORDLIKE = compiled.regex(r"\w")
#: Words of a licence line that name no author ("licensed under", "CC", a year).
_LICENCE_WORDS = compiled.regex(r"(?i)(?:licen[cs]ed(?:\s+under)?|under|licen[cs]e|cc|\d{4})")


def _clean(text: str, start: int, end: int, prefixes: Prefixes) -> Part | None:
    """A name piece without surrounding punctuation or filler words; None when nothing is left."""
    while start < end and text[start] in " \t\n*_\"“”'‘’.:-–—":
        start += 1
    while end > start and text[end - 1] in " \t\n*_\"“”'‘’.:-–—":
        end -= 1
    value = text[start:end]
    if not _WORDLIKE.search(value) or value.lower() in prefixes.fillers or value.lower() in prefixes.labels:
        return None
    if _LICENCE_WORDS.fullmatch(value):
        return None
    return Part(start, end, value)


def find_credit(text: str, prefixes: Prefixes, anywhere: bool = False, standalone: bool = False) -> int | None:
    """Where a credit's prefix starts in a text: at its opening, or (in a caption) at any boundary.

    `standalone` is for a paragraph that is not beside an image: only a full
    credit prefix makes it a credit line.
    """
    m = prefixes.leading(text, standalone)
    if m is None and anywhere:
        m = prefixes.anywhere(text)
    return m.start() if m else None
