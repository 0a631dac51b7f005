"""QUO001 unattributed-quote: every attribution form of the SPEC, its near-misses, and newsroom cases."""

from __future__ import annotations

from pathlib import Path

from factlint.surfaces.cli import main
from factlint.testing import Case, assert_rule, lint, registry

QUOTE = "We will keep the branch libraries open every weekend"


def message(excerpt: str) -> str:
    return f'quotation "{excerpt}" is not attributed: say who said it'


def test_attribution_forms_of_the_spec_are_near_misses() -> None:
    assert_rule(
        "QUO001",
        valid=[
            f'"{QUOTE}," said Maria Alvarez, aide to the mayor of Eastport.',
            f'"{QUOTE}," Alvarez noted.',
            f'According to Alvarez, "{QUOTE.lower()}."',
            f'She told reporters: "{QUOTE}."',
            f'Alvarez said: "{QUOTE}."',
        ],
        format="markdown",
    )


def test_a_quotation_with_no_speaker_is_reported_at_its_opening_mark() -> None:
    assert_rule(
        "QUO001",
        invalid=[
            Case(f'"{QUOTE}."', row=1, column=1, end_row=1, end_column=2,
                 message=message("We will keep the branch libraries…")),
            Case(f'The council met on Monday.\n\nIt voted late. "{QUOTE}."', row=3, column=16,
                 message=message("We will keep the branch libraries…")),
            Case(f"“{QUOTE}.”", row=1, column=1),
            Case(f"«{QUOTE}.»", row=1, column=1),
        ],
        format="markdown",
    )


def test_attribution_after_and_around_the_quotation() -> None:
    assert_rule(
        "QUO001",
        valid=[
            f'"{QUOTE}," she said.',
            f'"{QUOTE}," he added on Tuesday.',
            f'"{QUOTE}," the mayor said at the meeting.',
            f'"{QUOTE}," Alvarez later told reporters.',
            f'"We will keep the branches open," Alvarez said, "and every weekend, too, for as long as I hold office."',
            f'"{QUOTE}." Alvarez said it twice.',
            f'“{QUOTE},” wrote Alvarez in a letter to residents.',
            f'‘{QUOTE},’ said Alvarez.',
        ],
        format="markdown",
    )


def test_attribution_before_the_quotation() -> None:
    assert_rule(
        "QUO001",
        valid=[
            f'Alvarez said the vote was close. "{QUOTE}."',
            f'Mayor Maria Alvarez, who chaired the session, was blunt: "{QUOTE}."',
            f'Alvarez called it "{QUOTE.lower()}, and nothing less."',
            f'In a statement, the council said that "{QUOTE.lower()}."',
            f'Alvarez, speaking after the vote, insisted that "{QUOTE.lower()}."',
        ],
        format="markdown",
    )


def test_anonymous_and_collective_sources() -> None:
    assert_rule(
        "QUO001",
        valid=[
            f'"{QUOTE}," a senior official said.',
            f'"{QUOTE}," a spokesperson for the council said.',
            f'"{QUOTE}," said a person familiar with the plan, who asked not to be named.',
            f'"{QUOTE}," two people close to the talks said.',
            f'"{QUOTE}," police said in a statement.',
            f'"{QUOTE}," the company said.',
            f'"{QUOTE}," it said.',
            f'"{QUOTE}," officials told Reuters.',
        ],
        format="markdown",
    )


def test_questions_and_exclamations() -> None:
    assert_rule(
        "QUO001",
        valid=[
            '"Why would anyone close a library that is full every weekend?" she asked.',
            '"Who pays for the branch libraries if the council will not?" asked one parent.',
            '"Keep the branch libraries open every single weekend!" the crowd chanted.',
        ],
        invalid=[Case('"Why would anyone close a library that is full every weekend?"', row=1, column=1)],
        format="markdown",
    )


def test_multi_paragraph_quotation_is_attributed_once() -> None:
    draft = (
        'Alvarez defended the plan. "The libraries are where children do their homework. '
        "They are where older residents read the paper.\n\n"
        '"Closing them would save little and cost a great deal," she said.\n'
    )
    assert_rule("QUO001", valid=[draft], format="markdown")


def test_multi_paragraph_quotation_attributed_only_at_its_end() -> None:
    draft = (
        '"The libraries are where children do their homework after school.\n\n'
        '"Closing them would save little and cost a great deal," Alvarez said.\n'
    )
    assert_rule("QUO001", valid=[draft], format="markdown")


def test_multi_paragraph_quotation_with_no_speaker_is_one_finding() -> None:
    draft = (
        '"The libraries are where children do their homework after school.\n\n'
        '"Closing them would save little and cost a great deal."\n'
    )
    assert_rule("QUO001", invalid=[Case(draft, row=1, column=1, count=1)], format="markdown")


def test_a_paragraph_ending_in_a_colon_after_a_source_introduces_the_next() -> None:
    assert_rule(
        "QUO001",
        valid=[
            f'Alvarez told reporters on Monday:\n\n"{QUOTE}."\n',
            f'The statement was short:\n\n> "{QUOTE}, and that is final."\n',
        ],
        invalid=[
            Case(f'The plan has three parts:\n\n"{QUOTE}."\n', row=3, column=1),
            # no colon, and no report of the speaker's words: "met" is no speech verb
            Case(f'Alvarez met reporters on Monday.\n\n"{QUOTE}."\n', row=3, column=1),
        ],
        format="markdown",
    )


def test_attribution_in_the_next_paragraph_does_not_count() -> None:
    draft = (
        f'The council met until midnight. "{QUOTE}."\n\n'
        "Alvarez said so in a statement the next morning.\n"
    )
    assert_rule("QUO001", invalid=[Case(draft, row=1, column=33)], format="markdown")


def test_attribution_in_the_previous_paragraph_does_not_count() -> None:
    draft = (
        f'Alvarez spoke to reporters after the vote. "We won," she said.\n\n'
        f'"{QUOTE}."\n'
    )
    assert_rule("QUO001", invalid=[Case(draft, row=3, column=1)], format="markdown")


def test_speech_verbs_inside_the_quotation_do_not_attribute_it() -> None:
    assert_rule(
        "QUO001",
        invalid=[
            Case('"I told them we would keep the libraries open every weekend."', row=1, column=1),
            Case('"We will keep the libraries open every weekend," it was said.', row=1, column=1),
            Case('The plan came in a note to residents. "We will keep the libraries open every weekend."',
                 row=1, column=39),
        ],
        format="markdown",
    )


def test_scare_quotes_titles_and_headlines_are_not_direct_quotations() -> None:
    assert_rule(
        "QUO001",
        valid=[
            'The council drew on its "rainy day fund" again.',
            'Critics called it a "so-called compromise" at best.',
            'She starred in "The Long Goodbye of the Northern Summer Sky" last year.',
            'The paper ran it under the headline "Council votes to keep every branch library open" on Monday.',
            'His memoir, "A Life Spent Mostly in the Reading Rooms of Eastport", sold well.',
            'The album "Songs for the Last Ferry Home Before the Storm" is out.',
        ],
        format="markdown",
    )


def test_headlines_are_not_checked() -> None:
    assert_rule(
        "QUO001",
        valid=[f'# "{QUOTE}"\n\nThe council voted on Monday.\n'],
        format="markdown",
    )
    assert_rule("QUO001", valid=[f'"{QUOTE}"\n\nThe council voted on Monday.\n'], format="text")


def test_plain_text_paragraphs_after_the_headline() -> None:
    assert_rule(
        "QUO001",
        valid=[f'Libraries stay open\n\n"{QUOTE}," Alvarez said.\n'],
        invalid=[Case(f'Libraries stay open\n\nThe vote was close.\n"{QUOTE}."\n', row=4, column=1)],
        format="text",
    )


def test_a_plain_text_draft_whose_first_paragraph_wraps_keeps_its_first_line() -> None:
    # No blank line after line 1: it is body, so the quotation it opens closes on line 2.
    wrapped = f'Alvarez told the council "{QUOTE}\nand nothing else," on Monday.\n\nThe vote was close.\n'
    assert_rule("QUO002", valid=[wrapped], format="text")
    assert_rule("QUO001", valid=[wrapped], format="text")
    assert_rule(
        "QUO001",
        invalid=[Case(f'The vote was close. "{QUOTE}\nand nothing else."\n\nMore later.\n', row=1, column=21)],
        format="text",
    )


def test_markdown_body_and_list_items() -> None:
    assert_rule(
        "QUO001",
        valid=[f'# Libraries\n\nAlvarez was asked about it. "{QUOTE}," she said.\n'],
        invalid=[
            Case(f'# Libraries\n\nThe vote was close.\n\n- "{QUOTE}."\n', row=5, column=3),
            Case(f'---\ndate: 2026-03-12\n---\n# Libraries\n\nIt was close. *"{QUOTE}."*\n', row=6, column=16),
        ],
        format="markdown",
    )


def test_min_words_is_configurable() -> None:
    short = 'The vote was close. "We won the vote."'
    assert_rule("QUO001", valid=[short], format="markdown")
    assert_rule("QUO001", invalid=[Case(short, row=1, column=21)], format="markdown", settings={"quotes": {"min-words": 3}})
    assert_rule("QUO001", valid=[f'"{QUOTE}."'], format="markdown", settings={"quotes": {"min-words": 12}})


def test_unclosed_quotations_are_left_to_quo002() -> None:
    assert not lint(f'The council said nothing. "{QUOTE}.', format="markdown", select=["QUO001"])


def test_a_newsroom_speech_verb_pack_extends_the_shipped_one(tmp_path: Path, capsys) -> None:
    plain, newsroom = tmp_path / "plain", tmp_path / "newsroom"
    for folder in (plain, newsroom):
        folder.mkdir()
        (folder / "story.txt").write_text(f'Libraries\n\n"{QUOTE}," Alvarez harrumphed.\n', encoding="utf-8")
    (newsroom / "verbs.yaml").write_text(
        "pack: speech-verbs\nverbs:\n  - verb: harrumph\n    forms: [harrumph, harrumphed]\n", encoding="utf-8"
    )
    (newsroom / ".factlint.yaml").write_text("rule-packs: [verbs.yaml]\n", encoding="utf-8")
    assert main(["check", "--select", "QUO001", str(plain / "story.txt")]) == 1
    assert main(["check", "--select", "QUO001", str(newsroom / "story.txt")]) == 0
    capsys.readouterr()


def test_every_rule_triggers_on_its_example_and_not_on_its_near_miss() -> None:
    for code in ("QUO001", "QUO002", "QUO003"):
        rule = registry().rules[code]
        assert [r.code for r in lint(rule.example, rule.example_format, [code])] == [code]
        assert lint(rule.near_miss, rule.example_format, [code]) == []


#: Wire-style paragraphs and how many QUO001 findings each must give.
PARAGRAPHS = [
 ('"We are not going anywhere, whatever the board decides," Chief Executive Officer Mark Li said in an interview.', 0),
 ('"We are not going anywhere, whatever the board decides," Li, 54, said.', 0),
 ('"We are not going anywhere, whatever the board decides," Li, who founded the firm in 1998, said on Tuesday.', 0),
 ('"We are not going anywhere, whatever the board decides," he wrote on social media.', 0),
 ('"We are not going anywhere, whatever the board decides," the statement said.', 0),
 ('"We are not going anywhere, whatever the board decides," Li posted on X.', 0),
 ('Li was defiant. "We are not going anywhere, whatever the board decides."', 1),
 ('Li was defiant: "We are not going anywhere, whatever the board decides."', 0),
 ('In a letter to shareholders, Li wrote that "we are not going anywhere, whatever the board decides."', 0),
 ('Li insisted the company was "not going anywhere, whatever the board decides."', 0),
 ('The company is "not going anywhere, whatever the board decides," Li insisted.', 0),
 ('The company is "not going anywhere, whatever the board decides."', 1),
 ('"We are not going anywhere, whatever the board decides." The shares fell 4 per cent.', 1),
 ('"We are not going anywhere, whatever the board decides," Mr. Li told the Financial Times.', 0),
 ('"We are not going anywhere, whatever the board decides," the U.S. official said.', 0),
 ('"We are not going anywhere, whatever the board decides," Li said. "And the board knows it."', 0),
 ('"We are not going anywhere, whatever the board decides," Li said. "And the board knows that very well by now."', 0),
 ('Shares fell on Monday. "We are not going anywhere, whatever the board decides." Li spoke to reporters later.', 0),
 ('"We are not going anywhere, whatever the board decides," says Li.', 0),
 ('"We are not going anywhere, whatever the board decides," she says.', 0),
 ('“We are not going anywhere, whatever the board decides,” the Kremlin’s spokesman, Dmitry Peskov, said.', 0),
 ('“We are not going anywhere, whatever the board decides,” Peskov’s deputy said.', 0),
 ('The board will meet again in June. “We are not going anywhere, whatever the board decides.”', 1),
 ('"We are not going anywhere, whatever the board decides," was how one investor put it.', 0),
 ('The slogan "We are not going anywhere, whatever the board decides" was painted on the wall.', 0),
 ('Protesters carried banners reading "We are not going anywhere, whatever the board decides".', 0),
 ('The word "anywhere" appears twice in the report.', 0),
 ('The so-called "not going anywhere, whatever the board decides" doctrine is popular.', 1),
 ('"There will be no more delays to the project after this one," the mayor told a news conference on Monday, adding: "We have learned our lesson."', 0),
 ('"It is a great day for the city and for everyone who lives in it," Mayor Daniel Reyes said Monday.', 0),
 ('The mayor, asked about the delay, said: "It is a great day for the city and for everyone."', 0),
 ('"Is this the best the council can do for the people of this city?" a resident shouted from the gallery.', 0),
 ('A sign on the door read: "Closed until further notice because of the storm damage."', 0),
 ('"Closed until further notice because of the storm damage," read a sign on the door.', 0),
 ('The ministry said in a statement late on Sunday that "all necessary measures will be taken to restore order."', 0),
 ('"All necessary measures will be taken to restore order," the ministry statement said.', 0),
 ('"All necessary measures will be taken to restore order," according to a ministry statement.', 0),
 ('"All necessary measures will be taken to restore order." That was the ministry\'s only comment.', 0),
 ('"All necessary measures will be taken to restore order," the interior minister, Ana Costa, said in a televised address.', 0),
 ('Costa later told state television that "all necessary measures will be taken to restore order."', 0),
 ('Dr. Raman said. "All necessary measures will be taken to restore order."', 0),
 ('"All necessary measures will be taken to restore order in the city," he added, noting that the curfew would stay.', 0),
 ('"All necessary measures will be taken," he said, "to restore order in the capital before the weekend."', 0),
 ('"All necessary measures will be taken to restore order in the capital." — Ana Costa, interior minister', 0),
 ('"All necessary measures will be taken to restore order in the capital" — that was the message on Monday.', 1),
 ('"We expected a long night, but nobody expected it to last until dawn," the 34-year-old said.', 0),
 ('"We expected a long night, but nobody expected it to last until dawn," said the newcomer.', 0),
 ('"We expected a long night, but nobody expected it to last until dawn," the mother-of-two said.', 0),
 ('"We expected a long night, but nobody expected it to last until dawn," he shrugged.', 0),
 ('"Nobody expected the night to last until dawn, and nobody was ready," the report found.', 0),
 ('"The council acted within its powers when it closed the branches," the judge ruled.', 0),
 ('"We will keep the libraries open every single weekend." The council declined to comment.', 1),
 ('"We expected a long night, but nobody expected it to last until dawn." The vote is a formality.', 1),
 ('"We will keep the libraries open every single weekend," she didn\'t say.', 1),
 ('"We will keep the libraries open every single weekend." The council refused to say more.', 1),
]


def test_wire_style_paragraphs() -> None:
    # One draft of many paragraphs, linted once: each paragraph is judged on its own.
    draft = "\n\n".join(p for p, _ in PARAGRAPHS) + "\n"
    rows = {r.row for r in lint(draft, format="markdown", select=["QUO001"])}
    wrong = [(p, n) for row, (p, n) in zip(range(1, 2 * len(PARAGRAPHS), 2), PARAGRAPHS) if (row in rows) != (n == 1)]
    assert wrong == []


def test_a_compound_role_noun_is_a_source() -> None:
    from factlint.testing import assert_rule

    assert_rule("QUO001", valid=[
        '"The crossing is safe again and we expect full timetables soon," the harbour master said.',
        '"We will keep working until the whole job is done properly," the ferry operator said.',
        '"We will keep working until the whole job is done properly," the ship\'s master said.',
    ])
