"""NAM003 house-spelling: variants listed in the `names` settings, fixed to the house spelling."""

from __future__ import annotations

from pathlib import Path

import yaml

from factlint.config import load
from factlint.testing import Case, assert_rule, lint, registry

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "house-names.yaml"
HOUSE = {"names": {"Zelensky": ["Zelenskyy", "Zelenskiy"], "Volodymyr Zelensky": ["Vladimir Zelensky"],
                   "Mbappé": ["Mbappe"]}}


def msg(written: str, house: str) -> str:
    return f'"{written}" is not the house spelling: write "{house}"'


def test_variant_is_reported_with_a_safe_fix() -> None:
    text = "Ukrainian President Volodymyr Zelenskyy met donors. Zelenskyy said the aid mattered.\n"
    assert_rule("NAM003", settings=HOUSE, invalid=[
        Case(text, row=1, column=31, end_row=1, end_column=40, message=msg("Zelenskyy", "Zelensky"), count=2,
             fixed=text.replace("Zelenskyy", "Zelensky")),
    ])
    found = lint(text, select=["NAM003"], settings=HOUSE)
    assert all(r.fix is not None and r.fix.applicability == "safe" for r in found)


def test_multi_word_variant_and_possessive() -> None:
    text = "Vladimir Zelensky's office said Zelenskiy would travel.\n"
    found = lint(text, select=["NAM003"], settings=HOUSE)
    assert [(r.column, r.end_column, r.message) for r in found] == [
        (1, 18, msg("Vladimir Zelensky", "Volodymyr Zelensky")),
        (33, 42, msg("Zelenskiy", "Zelensky")),
    ]


def test_all_caps_headline_and_caption() -> None:
    text = "# ZELENSKYY IN BERLIN\n\n![Zelenskyy arrives](/img/a.jpg)\n\nPresident Volodymyr Zelensky arrived.\n"
    assert_rule("NAM003", settings=HOUSE, invalid=[
        Case(text, row=1, column=3, end_column=12, message=msg("ZELENSKYY", "ZELENSKY"), count=2,
             fixed=text.replace("ZELENSKYY", "ZELENSKY").replace("Zelenskyy", "Zelensky")),
    ])


def test_near_misses() -> None:
    assert_rule("NAM003", settings=HOUSE, valid=[
        "President Volodymyr Zelensky met donors. Zelensky said the aid mattered.\n",
        # A variant inside a longer word, or a longer name, is not that variant.
        "The Zelenskyyfan account posted again.\n",
        "Striker Kylian Mbappé scored. Mbappéa is not a word.\n",
        # Code is not prose.
        "The tag `Zelenskyy` is in the CMS.\n",
    ])


def test_nothing_without_a_dictionary() -> None:
    assert not lint("President Volodymyr Zelenskyy met donors.\n", select=["NAM003"])


def test_names_section_is_declared_and_validated(tmp_path: Path) -> None:
    assert registry().settings["names"] == {"?report-titles": bool, str: [str]}
    good = tmp_path / ".factlint.yaml"
    good.write_text("names:\n  Zelensky: [Zelenskyy]\n", encoding="utf-8")
    assert load(good, registry().settings).sections["names"] == {"Zelensky": ["Zelenskyy"]}


def test_example_dictionary_is_usable_and_not_on_by_default() -> None:
    assert EXAMPLE.name not in (".factlint.yaml", "factlint.yaml")
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    assert set(data) == {"names"}
    assert all(isinstance(k, str) and all(isinstance(v, str) for v in vs) for k, vs in data["names"].items())
    text = "Muammar Qaddafi ruled Libya. President Vladimir Zelensky spoke. Vladimir Putin did not.\n"
    found = lint(text, select=["NAM003"], settings={"names": data["names"]})
    assert [r.message for r in found] == [msg("Qaddafi", "Gaddafi"), msg("Vladimir Zelensky", "Volodymyr Zelenskyy")]
    assert not lint(text, select=["NAM003"])
