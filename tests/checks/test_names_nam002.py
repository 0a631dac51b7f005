"""NAM002 surname-before-full-name: a surname in body text before the person is introduced."""

from __future__ import annotations

from factlint.testing import Case, assert_rule, lint
from name_messages import early as msg


def test_surname_in_the_first_paragraph_before_the_full_name() -> None:
    text = (
        "# Council passes budget\n\n"
        "Okafor, who chairs the finance committee, opened the session with a warning.\n\n"
        "Council member Adaeze Okafor later told reporters that the library hours were safe.\n"
    )
    assert_rule("NAM002", invalid=[Case(text, row=3, column=1, end_row=3, end_column=7,
                                        message=msg("Okafor", "Adaeze Okafor", 5))])


def test_title_and_surname_before_the_full_name() -> None:
    text = (
        "President Putin said on Monday that the talks would go on.\n\n"
        "Russian President Vladimir Putin spoke by phone with his Iranian counterpart.\n"
    )
    # A title of office is a first reference of its own by default; the setting reports it.
    assert_rule("NAM002", valid=[text])
    assert_rule("NAM002", invalid=[Case(text, row=1, column=1, end_column=16,
                                        message=msg("President Putin", "Vladimir Putin", 3))],
                settings={"names": {"report-titles": True}})


def test_abbreviated_title_and_possessive() -> None:
    text = (
        "Dr. Raman's warning came as the smoke thickened.\n\n"
        "County health officer Dr. Priya Raman said the air was hazardous.\n"
    )
    assert_rule("NAM002", invalid=[Case(text, row=1, column=1, end_column=10,
                                        message=msg("Dr. Raman", "Priya Raman", 3))])


def test_according_to_and_mid_sentence_uses() -> None:
    text = (
        "The deal is fragile, according to Whitfield, who has not yet signed it.\n\n"
        "Mayor Daniel Whitfield is expected to sign the budget soon.\n"
    )
    assert_rule("NAM002", invalid=[Case(text, row=1, column=35, end_column=44,
                                        message=msg("Whitfield", "Daniel Whitfield", 3))])


def test_reported_once_per_person_at_the_first_use() -> None:
    text = (
        "Mensah arrived late. Mensah's car had broken down.\n\n"
        "Transport minister Kofi Mensah then cut the ribbon. Mensah said the terminal was overdue.\n"
    )
    found = lint(text, select=["NAM002"])
    assert [(r.row, r.column, r.message) for r in found] == [(1, 1, msg("Mensah", "Kofi Mensah", 3))]


def test_two_people_reported_separately() -> None:
    text = (
        "Okafor met Whitfield on Monday. Whitfield said the meeting went well.\n\n"
        "Council member Adaeze Okafor and Mayor Daniel Whitfield agreed on the budget.\n"
    )
    found = lint(text, select=["NAM002"])
    assert [(r.row, r.column) for r in found] == [(1, 1), (1, 12)]


def test_headline_caption_and_credit_line_do_not_introduce() -> None:
    markdown = (
        "# Adaeze Okafor wins budget fight\n\n"
        "![Council member Adaeze Okafor at the vote](/img/vote.jpg)\n\n"
        "*Photo: Adaeze Okafor*\n\n"
        "Okafor opened the session.\n\n"
        "Council member Adaeze Okafor later spoke to reporters.\n"
    )
    assert_rule("NAM002", invalid=[Case(markdown, row=7, column=1, message=msg("Okafor", "Adaeze Okafor", 9))])
    plain = (
        "Okafor wins budget fight\n\n"
        "Photo: Adaeze Okafor\n\n"
        "Okafor opened the session on Monday.\n\n"
        "Council member Adaeze Okafor later spoke to reporters about the deal.\n"
    )
    assert_rule("NAM002", format="text", invalid=[Case(plain, row=5, column=1, message=msg("Okafor", "Adaeze Okafor", 7))])


def test_full_name_given_only_in_a_headline_or_caption() -> None:
    never = '"Okafor" is used, but the full name "Adaeze Okafor" is never given in the body text'
    headline = "# Adaeze Okafor wins budget fight\n\nOkafor opened the session. Okafor said the deal was fair.\n"
    assert_rule("NAM002", invalid=[Case(headline, row=3, column=1, end_column=7, message=never)])
    caption = "![Council member Adaeze Okafor at the vote](/img/vote.jpg)\n\nOkafor opened the session.\n"
    assert_rule("NAM002", invalid=[Case(caption, row=3, column=1, message=never)])


def test_a_sentence_opening_with_by_is_not_a_byline() -> None:
    text = "By Monday, Okafor had the votes.\n\nCouncil member Adaeze Okafor said the deal was fair.\n"
    assert_rule("NAM002", invalid=[Case(text, row=1, column=12, message=msg("Okafor", "Adaeze Okafor", 3))])
    assert_rule("NAM002", valid=["By Adaeze Okafor\n\nCouncil member Tom Brennan said the deal was fair.\n"])


def test_role_in_apposition_introduces_a_person() -> None:
    text = "Boateng said the project was late.\n\nKwesi Boateng, the site manager, repeated it on Monday.\n"
    assert_rule("NAM002", invalid=[Case(text, row=1, column=1, message=msg("Boateng", "Kwesi Boateng", 3))])


def test_html_paragraphs() -> None:
    html = (
        "<article><h1>Council votes</h1><p>Okafor opened the session.</p>"
        "<p>Council member Adaeze Okafor later spoke.</p></article>"
    )
    found = lint(html, format="html", select=["NAM002"])
    assert [r.message for r in found] == [msg("Okafor", "Adaeze Okafor", 1)]


def test_list_items_are_body_text() -> None:
    text = "- Brennan voted no.\n- Council member Tom Brennan said he would appeal.\n"
    assert_rule("NAM002", invalid=[Case(text, row=1, column=3, message=msg("Brennan", "Tom Brennan", 2))])


def test_near_misses() -> None:
    assert_rule("NAM002", valid=[
        # The usual order: full name first.
        "Council member Adaeze Okafor opened the session.\n\nOkafor later told reporters the deal held.\n",
        # The headline and subheadings are not checked.
        "# Okafor wins budget fight\n\nCouncil member Adaeze Okafor told reporters the deal held. Okafor said it was fair.\n",
        "# Budget\n\nCouncil member Adaeze Okafor spoke.\n\n## What Okafor wants\n\nOkafor wants more money.\n",
        # A caption or a photo line is not checked either.
        "![Okafor at the vote](/img/vote.jpg)\n\nCouncil member Adaeze Okafor spoke. Okafor said it was fair.\n",
        "Photo: Okafor family archive\n\nCouncil member Adaeze Okafor spoke. Okafor said it was fair.\n",
        # A surname that is a common word opening a sentence.
        "Brown bears were seen near the town.\n\nRanger Gordon Brown said the bears were hungry.\n",
        "Rose petals covered the floor.\n\nFlorist Amanda Rose said the display took three days.\n",
        # Words in a quotation are the speaker's.
        "\"We trust Okafor completely and we always will,\" said resident Maria Lopez.\n\n"
        "Council member Adaeze Okafor thanked her.\n",
        # The body gives the full name the headline introduced with a title.
        "# Novelist Ozymandias Okoro dies at 72\n\nOzymandias Okoro, whose novels sold in 40 languages, has died. "
        "Okoro's best-known novel won the Booker Prize.\n",
        # A blockquote is someone else's words too.
        "> Okafor has never once voted against the library.\n\nCouncil member Adaeze Okafor read the letter aloud.\n",
        # A family or an administration, not one person.
        "The Biden administration announced sanctions. President Joe Biden said they would bite.\n",
        "The Okafor family has lived here for decades. Council member Adaeze Okafor grew up on this street.\n",
        # A photo credit naming the person, in a caption.
        "![The chamber](/img/a.jpg \"Photo: Adaeze Okafor\")\n\nOkafor's colleague Tom Brennan spoke.\n",
        # A family in the plural.
        "The Okafors have lived here for decades. Council member Adaeze Okafor grew up on this street.\n",
        # Two people who share a surname: once one is introduced, the surname is known.
        "Chief executive Laura Chen spoke first. Chen's predecessor, Mark Chen, spoke next.\n",
        # A surname nobody ever gives in full is not this rule's business.
        "Northwind said orders slowed. Benfica said the fee was fair. Moscow reiterated its view.\n",
        # Particles and surname-first names.
        "Commission President Ursula von der Leyen visited Kyiv. Von der Leyen said Europe would help.\n",
        "Chinese President Xi Jinping met Premier Li Qiang. Xi said growth was steady.\n",
        # Clubs, storms and places whose short form speaks like a person.
        "Dortmund said on Monday that its coach would stay. Borussia Dortmund finished fourth last season.\n",
        "Villa won 2-0 on Saturday. Aston Villa's manager Unai Emery said the team was tired.\n",
        "Milton made landfall on Wednesday. Hurricane Milton flooded Tampa. Governor Ron DeSantis said help was coming.\n",
        "Madrid won the derby. Real Madrid coach Xabi Alonso said the team was brilliant.\n",
        # Inline code is not prose.
        "`Okafor` is a variable.\n\nCouncil member Adaeze Okafor spoke.\n",
    ])


def test_quotations_set_in_two_apostrophes_are_the_speakers() -> None:
    # Typewriter and wire copy open and close a quotation with two apostrophes.
    assert_rule("NAM002", valid=[
        "''From Lincoln to Okafor, no mayor has ever kept that promise,'' said resident Maria Lopez.\n\n"
        "Council member Adaeze Okafor thanked her.\n",
    ], invalid=[
        # outside the marks it is narration again, and an apostrophe ending a plural opens nothing
        Case("''We wanted a vote,'' said resident Maria Lopez. Okafor refused.\n\n"
             "Council member Adaeze Okafor spoke later.\n", row=1, column=50, end_column=56,
             message=msg("Okafor", "Adaeze Okafor", 3)),
        Case("The Lopezes' garden faces the hall, where Okafor said no.\n\n"
             "Council member Adaeze Okafor spoke later.\n", row=1, column=43,
             message=msg("Okafor", "Adaeze Okafor", 3)),
    ])


def test_a_place_run_into_the_full_name_after_a_title_still_introduces() -> None:
    # "of the United States Joe Biden": the capitalised run holds the place and the name; the name introduces
    from name_messages import codes, early

    for lead in ("Former Vice President of the United States Tomas Ekberg won the primary.",
                 "Yesterday, Senator from Vermont Tomas Ekberg won the caucuses.",
                 "Today, Chief Executive of Hong Kong Tomas Ekberg gave the speech."):
        assert codes(lead + "\n\nEkberg thanked the volunteers.\n", "NAM002") == []
    # the surname before that full name is still an early reference
    text = "Ekberg thanked the volunteers.\n\nYesterday, Senator from Vermont Tomas Ekberg won the caucuses.\n"
    assert [r.message for r in lint(text, select=["NAM002"])] == [early("Ekberg", "Tomas Ekberg", 3)]
    # a place run into a lone surname is no full name: the surname alone is not introduced by it
    assert codes("Governor of New York Ekberg signed the bill.\n\nEkberg thanked the volunteers.\n", "NAM002") == []
