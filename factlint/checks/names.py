"""Names family (NAM): one person spelt two ways, a surname before the full name, off-house spellings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, Mapping, Sequence

from factlint import lazy
from factlint.language.spellings import HouseSpellings
from factlint.checks.common import abbreviations, irregular_verbs
from factlint.document import Block, Document
from factlint.plugins import hookimpl
from factlint.rules import SAFE, UNSAFE, Context, Finding, Fix, Rule, rule

if TYPE_CHECKING:
    from factlint.language import people as pn
else:  # imported when a check first reads it: a run the result cache answers never does
    pn = lazy.module("factlint.language.people", __name__, "pn")

PACK_SCHEMAS: dict[str, Any] = {
    "name-titles": {"titles": [str], "?abbreviations": [str], "?weak-titles": [str], "?honorifics": [str],
                   "?male-honorifics": [str], "?female-honorifics": [str]},
    "first-names": {"names": [[str]], "?variants": [[str]]},
    "name-context": {
        "speech-verbs": [str],
        "?name-verbs": [str],
        "?particles": [str],
        "?hyphen-particles": [str],
        "?surname-first": [str],
        "?not-after": [str],
        "?after-the": [str],
        "?not-past-tense": [str],
        "?family-brands": [str],
        "?kinship": [str],
        "?speaker-pronouns": [str],
        "?thing-pronouns": [str],
        "?person-pronouns": [str],
        "?suffixes": [str],
        "?credit-prefixes": [str],
        "?not-names": [str],
        "?places": [str],
        "?organisations": [str],
    },
}
#: `names:` maps a house spelling to the variants the desk corrects;
#: `report-titles: true` makes a title of office before the full name a NAM002 finding.
SETTINGS_SCHEMAS: dict[str, Any] = {"names": {"?report-titles": bool, str: [str]}}
SETTINGS_KEYS = frozenset({"report-titles"})
SOURCE = "AP Stylebook, names and \"first reference\"; Reuters Handbook of Journalism, names"

def lexicon(context: Context) -> pn.Lexicon:
    """The name packs of this run, shaped for lookup (built once per set of packs)."""
    return context.packs.derived("names", lambda packs: pn.Lexicon.from_packs(
        packs.get_or_empty("name-titles"), packs.get_or_empty("first-names"),
        packs.get_or_empty("name-context"), abbreviations(context),
        # a past tense marks a short paragraph as running text, not a subheading
        {past for forms in irregular_verbs(context).past.values() for past in forms}))


def prose_blocks(document: Document) -> list[Block]:
    """Every block a reader reads, in reading order: the document's, and image alt texts and titles."""
    blocks = list(document.blocks)
    seen = {id(b) for b in blocks}
    for media in document.media:
        for f in media.fields.values():
            if f.block is not None and id(f.block) not in seen:
                seen.add(id(f.block))
                blocks.append(f.block)
    return sorted(blocks, key=lambda b: b.span(0, 0).start)


def _names(document: Document, context: Context) -> tuple[list[Block], list[pn.Mention]]:
    """The draft's prose blocks and the names in them: NAM001 and NAM002 read the same answer."""
    def find() -> tuple[list[Block], list[pn.Mention]]:
        blocks = prose_blocks(document)
        return blocks, pn.find_mentions([(b.kind, b.prose, b.quote_depth > 0) for b in blocks], lexicon(context))

    return context.shared("names", find)


def house_spellings(context: Context) -> HouseSpellings:
    """The house style dictionary of the `names` settings: {variant: house spelling}."""
    table = context.settings.get("names") or {}
    out: dict[str, str] = {}
    for house, variants in table.items():
        if house in SETTINGS_KEYS or not isinstance(variants, list):
            continue
        for variant in variants or ():
            if str(variant).strip() and str(variant) != str(house):
                out[str(variant)] = str(house)
    return HouseSpellings.from_mapping(out)


def _uses(n: int) -> str:
    return f"{n} use" if n == 1 else f"{n} uses"


@rule(
    code="NAM001",
    name="name-variant",
    summary="One person's name spelt two ways in the same draft.",
    explanation=(
        "A name spelt two ways in one story is an error readers notice and write in about; "
        "transliterated names (Zelensky, Zelenskyy, Zelenskiy) make it common. Spellings are "
        "compared after folding accents and transliteration (a given name also after th/t, ee/i, "
        "c/k and doubled letters: Rajiv / Rajeev), and called the same person only when "
        "the context agrees: the same first name, or a surname used alone that matches no one else "
        "in the story. Reported at each use of the less used spelling (at a tie, the later one), "
        "once per use (over the whole name when given name and surname both differ: \"Jose Munoz\" "
        "for \"José Muñoz\"), naming the other, with an unsafe fix to it. People who share a surname (Raúl and Fidel "
        "Castro), feminine forms (Petrov, Petrova), native-script glosses (Зеленський) and names "
        "that merely look alike (Jackson, Johnson) are not reported, nor is a surname used alone in the plural "
        "(\"the Clintons\", \"the two Koreas\") or a word of two letters (\"Ky.\" beside Suu Kyi); a dropped "
        "plural s (\"Session\" for Jeff Sessions) still is."
    ),
    example="Ukrainian midfielder Oleksandr Zinchuk signed on Monday. Zinchuk, 24, said he was ready, but Zintchuk's old club was not.",
    near_miss="Chief executive Laura Chen said the plant would open. Her predecessor, Mark Chen, disagreed.",
    severity="warning",
    fix=UNSAFE,
    source=SOURCE,
)
def name_variant(document: Document, context: Context) -> Iterator[Finding]:
    lex = lexicon(context)
    blocks, mentions = _names(document, context)
    for v in pn.name_variants(mentions, lex, house_spellings(context).variants):
        block = blocks[v.mention.block]
        span = block.span(v.start, v.end)
        message = f'name spelt two ways: "{v.written}" here, "{v.other}" elsewhere ({_uses(v.other_uses)})'
        replacement = v.replacement_in(block.text)
        fix = Fix.replace(span, replacement, f'Replace with "{replacement}"', UNSAFE)
        yield name_variant.finding(span, message, fix)


@rule(
    code="NAM002",
    name="surname-before-full-name",
    summary="A surname used in body text before the person's full name.",
    explanation=(
        "The first reference to a person gives the full name; later ones may use the surname. A "
        "surname (or courtesy title and surname, \"Mr Blair\", \"Mrs. Clinton\") in body text before that "
        "person's full name first appears in body text leaves the reader asking who that is. A title of "
        "office or rank written capitalised before the surname (\"President Bush\", \"Lord Callaghan\") "
        "is a first reference of its own, as most house styles allow: it is reported only with the "
        "`names` setting `report-titles: true`. A full name "
        "whose given name the name pack does not know counts when its surname stands alone after "
        "a person's title elsewhere (\"Secretary Blinken\", then \"Antony Blinken\"). A Chinese or "
        "Korean name written surname first (a surname from the name-context pack, then a romanised "
        "given name: \"Li Qiang\", \"Jeong Eun-kyeong\") has its first word as the surname "
        "(\"Premier Li\"); Vietnamese names keep the last word, as house styles do. "
        "Compound surnames count whole or by their first part, as Spanish and Portuguese copy uses "
        "them (\"Senator Duque Rivas\" or, with the same title, \"Senator Duque\" before \"Felipe "
        "Duque Rivas\"). Headlines, "
        "subheadings, captions and photo credit lines neither introduce a name nor are checked: a "
        "surname whose full name only a headline or caption gives is reported too. Words inside "
        "quotation marks or a blockquote are the speaker's and are not checked. A surname that "
        "modifies a noun names no one (\"the Kennedy family\", \"the Ferreira house\", \"the Okafor "
        "case\"), nor does one after an article (\"the Bible\", \"a Nobel diploma\") or "
        "before an ampersand (\"Moelis & Company\"). A surname opening a sentence counts only on a verb that says a person (\"Mahomes "
        "threw\", or a past tense in -ed when the draft names that person with a known first name or "
        "a title); such a verb makes no person of a place, a club or a word the draft also writes in "
        "lower case (\"Rice doubled in price\"). "
        "Reported once per surname, at its first use."
    ),
    example="Okafor opened the session.\n\nCouncil member Adaeze Okafor later told reporters the deal held.",
    near_miss="Council member Adaeze Okafor opened the session.\n\nOkafor later told reporters the deal held.",
    severity="warning",
    source=SOURCE,
)
def surname_before_full_name(document: Document, context: Context) -> Iterator[Finding]:
    lex = lexicon(context)
    blocks, mentions = _names(document, context)
    texts = [b.text for b in blocks]
    for early in pn.early_surnames(mentions, lex, bool(context.setting("names", "report-titles", False)), texts):
        m, full = early.mention, early.full_name
        block, full_block = blocks[m.block], blocks[full.block]
        surname = " ".join(block.text[m.start:m.core_end].split())
        name = pn.full_name_text(full, full_block.text)
        if early.never_in_body:
            message = f'"{surname}" is used, but the full name "{name}" is never given in the body text'
        else:
            row, _ = document.position(full_block.span(full.core_start, full.core_end).start)
            message = f'"{surname}" comes before the full name "{name}" (line {row}); give the full name at first reference'
        yield surname_before_full_name.finding(block.span(m.start, m.core_end), message)


@rule(
    code="NAM003",
    name="house-spelling",
    summary="A name spelt as a variant the house style dictionary corrects.",
    explanation=(
        "A newsroom fixes one spelling for names that have several (Zelensky or Zelenskyy). The "
        "`names` setting maps each house spelling to the variants to correct; a variant in the "
        "draft is reported with a safe fix to the house spelling. With no `names` setting the "
        "rule reports nothing; examples/house-names.yaml is a dictionary to start from."
    ),
    example="President Volodymyr Zelenskyy spoke on Monday.",
    near_miss="President Volodymyr Zelensky spoke on Monday.",
    severity="warning",
    fix=SAFE,
    source=SOURCE,
)
def house_spelling(document: Document, context: Context) -> Iterator[Finding]:
    spellings = house_spellings(context)
    if not spellings:
        return
    for block in prose_blocks(document):
        for found in spellings.find(block.prose):
            span = block.span(found.start, found.end)
            message = f'"{found.written}" is not the house spelling: write "{found.house}"'
            yield house_spelling.finding(span, message,
                                         Fix.replace(span, found.house, f'Replace with "{found.house}"', SAFE))


@hookimpl
def factlint_rules() -> Sequence[Rule]:
    return [name_variant, surname_before_full_name, house_spelling]


@hookimpl
def factlint_pack_schemas() -> Mapping[str, Any]:
    return PACK_SCHEMAS


@hookimpl
def factlint_settings_schemas() -> Mapping[str, Any]:
    return SETTINGS_SCHEMAS
