"""Finding person names by context: titles, speech verbs, first names, particles, possessives."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from factlint.language.people import Lexicon, Mention, find_mentions

RULES = Path(__file__).resolve().parents[2] / "rules"


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    packs = [yaml.safe_load((RULES / f"{n}.yaml").read_text(encoding="utf-8"))
             for n in ("name-titles", "first-names", "name-context")]
    return Lexicon.from_packs(*packs)


def names(text: str, lexicon: Lexicon, kind: str = "paragraph") -> list[tuple[str, ...]]:
    """(given..., surname) of each mention, the surname as written with its particles."""
    return [tuple(g.text for g in m.given) + (m.surname,) for m in find_mentions([(kind, text)], lexicon)]


def one(text: str, lexicon: Lexicon) -> Mention:
    found = find_mentions([("paragraph", text)], lexicon)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian President Vladimir Putin spoke.", [("Vladimir", "Putin")]),
        ("It was initiated by presidential aide Yuri Ushakov on Monday.", [("Yuri", "Ushakov")]),
        ("Benfica coach Rui Almeida said little.", [("Rui", "Almeida")]),
        ("Chief executive Laura Chen told analysts.", [("Laura", "Chen")]),
        ("Its chief executive, Richard Osei, said so.", [("Richard", "Osei")]),
        ("Council member Adaeze Okafor voted.", [("Adaeze", "Okafor")]),
        ("The air is hazardous, said Dr. Priya Raman.", [("Priya", "Raman")]),
        ("Former President George W. Bush spoke.", [("George", "Bush")]),
        ("Prime Minister Keir Starmer met him.", [("Keir", "Starmer")]),
        ("The town was quiet, said Gwede Mantashe.", [("Gwede", "Mantashe")]),  # a speech verb before
        ("According to Thandiwe Nkosi, the gate was shut.", [("Thandiwe", "Nkosi")]),
        ("Bill Gates said he would give it away.", [("Bill", "Gates")]),  # "Bill" is also a law
        ("Singer Jack White played an encore.", [("Jack", "White")]),
        ("Striker Christian Pulisic scored.", [("Christian", "Pulisic")]),
        ("County supervisor Linda Park said shelters were open.", [("Linda", "Park")]),
        ("Kwesi Boateng, the site manager, was there.", [("Kwesi", "Boateng")]),
    ],
)
def test_full_names_by_title_first_name_or_speech_verb(text: str, expected: list, lexicon: Lexicon) -> None:
    assert names(text, lexicon) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Commission President Ursula von der Leyen visited.", [("Ursula", "von der Leyen")]),
        ("Crown Prince Mohammed bin Salman hosted the talks.", [("Mohammed", "bin Salman")]),
        ("Historian Anne Marie wrote about Charles de Gaulle at length.", [("Anne", "Marie"), ("Charles", "de Gaulle")]),
        ("Syrian President Bashar al-Assad spoke.", [("Bashar", "al-Assad")]),
        ("Coach Martin O'Neill named his squad.", [("Martin", "O'Neill")]),
        ("Manager Ian McDonald was sacked.", [("Ian", "McDonald")]),
        ("Conservative MP Jacob Rees-Mogg spoke.", [("Jacob", "Rees-Mogg")]),
        ("Turkish striker Kerem Aydın scored.", [("Kerem", "Aydın")]),
        ("Striker Raúl Jiménez scored.", [("Raúl", "Jiménez")]),
        ("Former senator John Smith Jr. spoke.", [("John", "Smith")]),
        ("Author J.K. Rowling wrote back.", [("J", "K", "Rowling")]),
    ],
)
def test_particles_hyphens_apostrophes_and_diacritics(text: str, expected: list, lexicon: Lexicon) -> None:
    assert names(text, lexicon) == expected


def test_particle_and_hyphen_prefix_are_folded_from_the_core(lexicon: Lexicon) -> None:
    assert [m.core for m in find_mentions([("paragraph", "Bashar al-Assad spoke. Al-Assad said no. Assad left.")], lexicon)] == [
        "Assad", "Assad", "Assad"]
    m = one("Van der Westhuizen said the men had air.", lexicon)
    assert (m.surname, m.core, m.given) == ("Van der Westhuizen", "Westhuizen", ())


def test_surname_alone_with_context(lexicon: Lexicon) -> None:
    m = one("The fee was not disclosed, but Zinchuk's club agreed.", lexicon)
    assert (m.core, m.full, m.speaks, m.initial) == ("Zinchuk", False, True, False)
    m = one("Okafor, who chairs the committee, spoke first.", lexicon)
    assert (m.core, m.context, m.speaks, m.initial) == ("Okafor", True, False, True)
    m = one("President Putin said the talks would go on.", lexicon)
    assert (m.core, m.title, m.start) == ("Putin", True, 0)


@pytest.mark.parametrize(
    "text",
    [
        "Northwind Semiconductor said orders had slowed.",
        "Analysts at Bayside Capital described the delay.",
        "Haze hangs over Cedar Valley and the Pine Ridge fire.",
        "Moscow reiterated its position. The Kremlin said nothing.",
        "Shares rose 4% on Monday, March 3.",
        "Brown bears were seen near the town.",  # a surname-like word opening a sentence
        "He joined Shakhtar Donetsk's academy at 11.",
        "The old terminal in Central Park is closed.",
        "NATO and the EU met in Brussels.",
        "Ferry operator Nordlys Lines said bookings were up.",
    ],
)
def test_things_that_are_not_people(text: str, lexicon: Lexicon) -> None:
    assert names(text, lexicon) == []


def test_sentence_start_needs_context_for_a_surname(lexicon: Lexicon) -> None:
    text = "Council member Adaeze Okafor spoke. Okafor chairs the committee. Okafor bears the cost."
    found = find_mentions([("paragraph", text)], lexicon)
    # the last one opens a sentence with no person context, but spells a known surname exactly
    assert [(m.core, m.context) for m in found] == [("Okafor", True), ("Okafor", True), ("Okafor", False)]


def test_quotations_are_marked(lexicon: Lexicon) -> None:
    text = "\"We trust Okafor,\" said resident Maria Lopez. Council member Adaeze Okafor thanked her."
    found = find_mentions([("paragraph", text)], lexicon)
    assert [(m.core, m.in_quote) for m in found] == [("Okafor", True), ("Lopez", False), ("Okafor", False)]


def test_headlines_only_match_surnames_of_the_text(lexicon: Lexicon) -> None:
    blocks = [("headline", "ZELENSKYY MEETS TRUMP IN BERLIN"),
              ("paragraph", "Ukrainian President Volodymyr Zelensky met US President Donald Trump.")]
    found = find_mentions(blocks, lexicon)
    assert [(m.core, m.display) for m in found] == [
        ("ZELENSKYY", True), ("TRUMP", True), ("Zelensky", False), ("Trump", False)]


def test_credit_lines_and_caption_credits_are_skipped(lexicon: Lexicon) -> None:
    blocks = [("paragraph", "Photo: Adaeze Okafor/Reuters"),
              ("caption", "Mayor Daniel Whitfield at the vote. Photo: Tom Reyes"),
              ("paragraph", "Council member Adaeze Okafor spoke.")]
    found = find_mentions(blocks, lexicon)
    assert [(m.block, m.core) for m in found] == [(1, "Whitfield"), (2, "Okafor")]


def test_non_latin_text_does_not_crash_or_invent_names(lexicon: Lexicon) -> None:
    assert names("Зеленский сказал, что переговоры продолжатся.", lexicon) == []
    assert names("قال محمد بن سلمان إن المملكة ستستثمر", lexicon) == []
    assert names("", lexicon) == []
