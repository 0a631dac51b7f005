"""NAM001 name-variant: one person spelt two ways, and the look-alikes that are different people."""

from __future__ import annotations

from factlint.testing import Case, assert_rule, lint


def msg(here: str, other: str, uses: int) -> str:
    return f'name spelt two ways: "{here}" here, "{other}" elsewhere ({uses} use{"s" if uses != 1 else ""})'


def test_transliterated_surname_is_reported_at_the_minority_spelling() -> None:
    text = (
        "Ukrainian President Volodymyr Zelensky met donors in Berlin.\n\n"
        "Zelensky said the aid would keep the power grid running.\n\n"
        "Later, Zelenskyy told reporters that the talks had gone well.\n"
    )
    fixed = text.replace("Zelenskyy", "Zelensky")
    assert_rule("NAM001", invalid=[Case(text, row=5, column=8, end_row=5, end_column=17,
                                        message=msg("Zelenskyy", "Zelensky", 2), fixed=fixed)])


def test_every_use_of_the_minority_spelling_is_reported() -> None:
    text = (
        "Iranian President Masoud Pezeshkiyan spoke by phone with the emir. Pezeshkiyan said talks should go on.\n\n"
        "Pezeshkian's office later published a readout. Pezeshkian thanked Qatar. Pezeshkian also met ministers.\n"
    )
    found = [r for r in lint(text, select=["NAM001"])]
    assert [(r.row, r.column) for r in found] == [(1, 26), (1, 68)]
    assert found[0].message == msg("Pezeshkiyan", "Pezeshkian", 3)


def test_at_a_tie_the_later_spelling_is_reported() -> None:
    text = (
        "Defender Darwin Núñez signed on Monday.\n\n"
        "The club said Nunez would wear the number 9 shirt.\n"
    )
    assert_rule("NAM001", invalid=[Case(text, row=3, column=15, end_column=20, message=msg("Nunez", "Núñez", 1))])


def test_given_name_spelt_two_ways_with_the_same_surname() -> None:
    text = (
        "Presidential aide Yuri Ushakov briefed reporters after the call.\n\n"
        "The call lasted an hour, Ushakov said.\n\n"
        "Yury Ushakov added that the leaders would speak again soon.\n"
    )
    assert_rule("NAM001", invalid=[Case(text, row=5, column=1, end_column=5,
                                        message=msg("Yury Ushakov", "Yuri Ushakov", 1),
                                        fixed=text.replace("Yury", "Yuri"))])


def test_surname_alone_that_matches_one_person_only() -> None:
    text = (
        "Ukrainian midfielder Oleksandr Shevchuk has joined the Portuguese club.\n\n"
        "Shevchuk, 23, said he was ready. Shevchuk scored 11 goals last season.\n\n"
        "The fee was not disclosed, but Shevtchuk's former club received a bonus.\n"
    )
    assert_rule("NAM001", invalid=[Case(text, row=5, column=32, end_column=41, message=msg("Shevtchuk", "Shevchuk", 3))])


def test_accents_and_dotless_i() -> None:
    text = "Turkish striker Kerem Aydın scored twice on Sunday. Aydin said the team deserved the win.\n"
    assert_rule("NAM001", invalid=[Case(text, row=1, column=53, end_column=58, message=msg("Aydin", "Aydın", 1))])


def test_arabic_given_name_transliterations() -> None:
    text = (
        "Crown Prince Mohammed bin Salman hosted the talks on Monday.\n\n"
        "Mohammad bin Salman later said the kingdom would invest.\n\n"
        "Mohammed bin Salman left on Tuesday.\n"
    )
    assert_rule("NAM001", invalid=[Case(text, row=3, column=1, end_column=9,
                                        message=msg("Mohammad bin Salman", "Mohammed bin Salman", 2))])


def test_arabic_surname_transliterations() -> None:
    text = (
        "Libyan leader Muammar Gaddafi ruled for 42 years. Gaddafi was killed in 2011.\n\n"
        "Qaddafi's son was captured weeks later.\n"
    )
    assert_rule("NAM001", invalid=[Case(text, row=3, column=1, end_column=8, message=msg("Qaddafi", "Gaddafi", 2))])


def test_particle_surnames_and_hyphenated_given_names() -> None:
    assert [r.message for r in lint(
        "Osama bin Laden was killed in 2011. Bin Ladin's death was announced by the president.\n",
        select=["NAM001"])] == [msg("Ladin", "Laden", 1)]
    assert [r.message for r in lint(
        "Egyptian President Abdel Fattah el-Sisi met envoys. Sisi said Egypt would help. El-Sissi later left.\n",
        select=["NAM001"])] == [msg("Sissi", "Sisi", 2)]
    assert [r.message for r in lint(
        "French minister Jean-Noël Barrot arrived. Barrot said the deal was close. Jean-Noel Barrot later left.\n",
        select=["NAM001"])] == [msg("Jean-Noel Barrot", "Jean-Noël Barrot", 1)]


def test_all_caps_headline_with_a_variant() -> None:
    text = (
        "# ZELENSKYY MEETS DONORS IN BERLIN\n\n"
        "Ukrainian President Volodymyr Zelensky met donors on Monday. Zelensky said the aid mattered.\n"
    )
    assert_rule("NAM001", invalid=[Case(text, row=1, column=3, end_column=12, message=msg("ZELENSKYY", "Zelensky", 2),
                                        fixed=text.replace("ZELENSKYY", "ZELENSKY"))])


def test_headline_in_title_case_with_a_variant() -> None:
    text = (
        "# Zelenskiy Meets Donors in Berlin\n\n"
        "Ukrainian President Volodymyr Zelensky met donors on Monday. Zelensky said the aid mattered.\n"
    )
    assert_rule("NAM001", invalid=[Case(text, row=1, column=3, message=msg("Zelenskiy", "Zelensky", 2))])


def test_same_first_name_and_a_near_surname() -> None:
    text = (
        "Harbour master Ingrid Solberg said the terminal was ready.\n\n"
        "Ingrid Solburg added that ferries would start in June. Solberg cut the ribbon.\n"
    )
    assert_rule("NAM001", invalid=[Case(text, row=3, column=8, end_column=15, message=msg("Solburg", "Solberg", 2))])


def test_three_spellings_are_reported_against_the_most_used() -> None:
    text = (
        "President Volodymyr Zelensky spoke in Kyiv. Zelensky thanked allies.\n\n"
        "Zelenskiy said the winter would be hard. Aides to Zelenskyy declined to comment.\n"
    )
    found = lint(text, select=["NAM001"])
    assert [(r.row, r.column, r.message) for r in found] == [
        (3, 1, msg("Zelenskiy", "Zelensky", 2)),
        (3, 51, msg("Zelenskyy", "Zelensky", 2)),
    ]


def test_plain_text_and_html() -> None:
    plain = (
        "Club signs midfielder\n\n"
        "Midfielder Oleksandr Shevchuk signed a four-year contract.\n\n"
        "Shevchuk said he was ready, but Shevtchuk's agent was not.\n"
    )
    assert_rule("NAM001", format="text", invalid=[Case(plain, row=5, column=33, message=msg("Shevtchuk", "Shevchuk", 2))])
    html = (
        "<article><h1>Club signs midfielder</h1><p>Midfielder Oleksandr Shevchuk signed.</p>"
        "<p>Shevchuk said he was ready, but Shevtchuk's agent was not.</p></article>"
    )
    found = lint(html, format="html", select=["NAM001"])
    assert [r.message for r in found] == [msg("Shevtchuk", "Shevchuk", 2)]


def test_near_misses() -> None:
    assert_rule("NAM001", valid=[
        # Different people who share a surname.
        "Raúl Castro laid a wreath on Monday. His brother Fidel Castro died in 2016.\n\nCastro said the revolution would endure.\n",
        "Chief executive Laura Chen said sales rose.\n\nChen's predecessor, Mark Chen, who is not related to her, "
        "had championed the plant. Chen said it would open.\n",
        # A father and son.
        "Former senator John Smith Sr. and his son John Smith Jr. opened the store. Smith Jr. said his father taught him.\n",
        "President Joe Biden and his son Hunter Biden flew home. Biden said the trip was private.\n",
        # Names that merely look alike.
        "Coach Mike Jackson praised the defence. Striker Paul Johnson scored twice.\n\nJackson said Johnson was the best player.\n",
        "Analyst Anna Hansen and economist Erik Hanson disagreed. Hansen said rates would fall; Hanson said they would not.\n",
        "Chief economist Laura Chen said rates would fall. Analyst Tom Chan disagreed.\n",
        # A headline word that only looks like a surname of the text.
        "# Prices Rose Sharply in March\n\nEconomist Anna Rosse said inflation was sticky. Rosse expects rates to stay high.\n",
        # Sisters whose given names differ by one doubled letter.
        "Ana García and her sister Anna García opened the shop. García said business was good.\n",
        # A family in the plural.
        "Analyst Anna Hansen said rates would fall. The Hansens said they would move abroad.\n",
        # A husband and wife: the feminine form is a name of its own.
        "Baker Ivan Petrov and his wife Anna Petrova run the shop. Petrov said sales were up. Petrova said costs were too.\n",
        # Mc and Mac are different families when the story says so.
        "Manager Ian McDonald said the club was ready. McDonald added that MacDonald, the goalkeeper, was fit.\n",
        # Particles dropped after first reference, as house styles do.
        "Syrian President Bashar al-Assad spoke on television. Assad said the war was over. Al-Assad later met envoys.\n",
        "Commission President Ursula von der Leyen visited Kyiv. Von der Leyen said Europe would help.\n",
        # Straight and curly apostrophes are typography, not spelling.
        "Coach Martin O'Neill named his squad. O'Neill said the team was young. O’Neill's assistant agreed.\n",
        # A native-script gloss is not a second spelling.
        "Ukrainian President Volodymyr Zelensky (Володимир Зеленський) met donors. Zelensky said the aid mattered.\n",
        "Saudi Crown Prince Mohammed bin Salman (محمد بن سلمان) hosted the talks. Bin Salman said the kingdom would invest.\n",
        # Surnames that are common words.
        "Rose petals covered the floor.\n\nFlorist Amanda Rose said the display took three days. Rose said roses were cheap.\n",
        "Brown bears were seen near the town.\n\nRanger Gordon Brown said the bears were hungry. Brown warned hikers.\n",
        # A place that looks like a surname.
        "Ukrainian defender Ivan Koval trained in Kyiv. Koval said he was fit. The club is based in Kovel.\n",
        # All-caps headline that agrees with the body.
        "# ZELENSKY MEETS TRUMP IN KYIV\n\nUkrainian President Volodymyr Zelensky met US President Donald Trump. "
        "Zelensky said the meeting was useful.\n",
    ])


def test_house_dictionary_variants_are_left_to_nam003() -> None:
    text = "President Volodymyr Zelenskyy spoke. Zelenskyy thanked allies. Zelensky left.\n"
    settings = {"names": {"Zelensky": ["Zelenskyy"]}}
    assert not lint(text, select=["NAM001"], settings=settings)
    assert [r.code for r in lint(text, select=["NAM"], settings=settings)] == ["NAM003", "NAM003"]
