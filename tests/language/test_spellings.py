"""The house-spelling search answers on text alone: whole words, any spacing, capitals, longest first."""

from __future__ import annotations

from factlint.language.spellings import HouseSpellings, Respelling

SPELLINGS = HouseSpellings.from_mapping({
    "Zelenskyy": "Zelensky", "Volodymyr Zelenskyy": "Volodymyr Zelensky", "Gadhafi": "Gaddafi",
})


def test_a_variant_is_found_as_a_whole_word_with_its_house_spelling() -> None:
    assert SPELLINGS.find("Zelenskyy spoke.") == (Respelling(0, 9, "Zelenskyy", "Zelensky"),)


def test_the_longest_variant_wins_where_two_overlap_and_spacing_may_vary() -> None:
    text = "President Volodymyr\n  Zelenskyy met Zelenskyy's aides."
    assert SPELLINGS.find(text) == (
        Respelling(10, 31, "Volodymyr\n  Zelenskyy", "Volodymyr Zelensky"),
        Respelling(36, 45, "Zelenskyy", "Zelensky"),
    )


def test_capitals_are_corrected_in_capitals() -> None:
    assert SPELLINGS.find("GADHAFI DIES") == (Respelling(0, 7, "GADHAFI", "GADDAFI"),)


def test_near_misses_inside_longer_words_and_hyphenated_names_are_not_variants() -> None:
    assert SPELLINGS.find("Zelenskyyite views, Gadhafi-era laws, al-Gadhafi and the house spelling Zelensky.") == ()
    assert not HouseSpellings.from_mapping({})
    assert SPELLINGS.variants == ("Zelenskyy", "Volodymyr Zelenskyy", "Gadhafi")
