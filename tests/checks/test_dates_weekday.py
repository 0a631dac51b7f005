"""DAT002 bare-weekday: which date a weekday most likely means, its fix, and the near-misses."""

from __future__ import annotations

from factlint.testing import Case, assert_rule, lint

STORY = "2026-03-12"  # a Thursday


def at(text: str, words: str) -> dict[str, int]:
    """The one-line span of `words` in `text`, as row and columns."""
    start = text.index(words)
    return {"row": 1, "column": start + 1, "end_row": 1, "end_column": start + len(words) + 1}


def likely(word: str, meaning: str, ref: str = STORY) -> str:
    return f'"{word}" has no date; in a story dated {ref} it most likely means {meaning}'


def guess(word: str, meaning: str, ref: str = STORY) -> str:
    return f'"{word}" has no date; in a story dated {ref} it may mean {meaning} (a guess: no verb in its clause gives the tense)'


def test_past_tense_means_the_nearest_past_weekday() -> None:
    text = "The fire started on Sunday near the reservoir."
    assert_rule(
        "DAT002",
        invalid=[
            Case(text, **at(text, "Sunday"), message=likely("Sunday", "Sunday, 8 March 2026"),
                 fixed="The fire started on Sunday, March 8, near the reservoir."),
            Case("The company said on Tuesday that it would close the plant.",
                 message=likely("Tuesday", "Tuesday, 10 March 2026"),
                 fixed="The company said on Tuesday, March 10, that it would close the plant."),
            Case("Divers recovered the wreck on Friday.", message=likely("Friday", "Friday, 6 March 2026")),
            Case("The council met on Thursday.", message=likely("Thursday", "Thursday, 12 March 2026")),
        ],
        reference_date=STORY,
    )


def test_future_and_present_tense_mean_the_next_or_nearest() -> None:
    assert_rule(
        "DAT002",
        invalid=[
            Case("Mayor Ruiz is expected to sign the budget on Monday.", message=likely("Monday", "Monday, 16 March 2026"),
                 fixed="Mayor Ruiz is expected to sign the budget on Monday, March 16."),
            Case("The union will strike on Tuesday.", message=likely("Tuesday", "Tuesday, 17 March 2026")),
            # reported speech: "would" is the future of a past "said"
            Case("The union said it would meet the operator on Friday.", message=likely("Friday", "Friday, 13 March 2026")),
            # ...but a past verb before the weekday governs it, whatever follows
            Case("Sandhu told the paper on Friday that ambulances would go elsewhere.",
                 message=likely("Friday", "Friday, 6 March 2026")),
            # a present tense tells no time: the nearest, said to be a guess, and no fix
            Case("The market opens on Saturday.", message=guess("Saturday", "Saturday, 14 March 2026"),
                 fixed="The market opens on Saturday."),
            Case("The market opens on Monday.", message=guess("Monday", "Monday, 9 March 2026")),
        ],
        reference_date=STORY,
    )


def test_possessives_and_parts_of_the_day() -> None:
    text = "Tuesday's vote ended a long standoff."
    assert_rule(
        "DAT002",
        invalid=[
            Case(text, **at(text, "Tuesday's"), message=likely("Tuesday's", "Tuesday, 10 March 2026"),
                 fixed="The March 10 vote ended a long standoff."),
            Case("Crowds marched on Saturday night in the rain.", message=likely("Saturday", "Saturday, 7 March 2026"),
                 fixed="Crowds marched on Saturday night, March 7, in the rain."),
        ],
        reference_date=STORY,
    )


def test_year_boundary() -> None:
    assert_rule(
        "DAT002",
        invalid=[
            Case("The ferry ran aground on Wednesday.", reference_date="2026-01-02",
                 message=likely("Wednesday", "Wednesday, 31 December 2025", "2026-01-02"),
                 fixed="The ferry ran aground on Wednesday, December 31, 2025."),
            Case("The new tariff will apply from Monday.", reference_date="2026-12-31",
                 message=likely("Monday", "Monday, 4 January 2027", "2026-12-31")),
        ],
    )


def test_without_a_reference_date() -> None:
    message = ('"Friday" has no date, and the draft has no reference date (front matter `date` or '
               "--reference-date) to say which Friday it means")
    text = "Divers recovered the wreck on Friday."
    assert_rule("DAT002", invalid=[Case(text, **at(text, "Friday"), message=message, fixed=text)])
    (result,) = lint(text, select=["DAT002"])
    assert result.fix is None
    assert result.severity == "info"


def test_near_misses_of_the_spec() -> None:
    assert_rule(
        "DAT002",
        valid=[
            "The vote was held on Tuesday, March 10.",
            "The vote was held on Tuesday, 10 March, after a long debate.",
            "Retailers cut prices on Black Friday.",
            "Churches were full on Good Friday.",
            "The company reports results next Friday.",
            "The court ruled last Tuesday.",
            "The port closed on Tuesday last week.",
        ],
        reference_date=STORY,
    )


def test_more_near_misses() -> None:
    assert_rule(
        "DAT002",
        valid=[
            "The mayor signed on Monday, and the vote followed on March 10.",
            "Voters in 14 states went to the polls on Super Tuesday.",
            "Shoppers spent more on Cyber Monday than ever before.",
            "She writes for the Sunday Times and once hosted Saturday Night Live.",
            "The library is closed on Sundays.",
            "Volunteers clean the beach every Tuesday.",
            "It happened on a Friday in late spring.",
            "The minutes of the meeting on 2026-03-10 (a Tuesday) were published.",
            '"We are not going anywhere and we will be back here on Friday," the organiser said.',
            "He left on Friday, 13 March 2026, for Lisbon.",
        ],
        reference_date=STORY,
    )


def test_a_weekday_in_a_headline_is_checked() -> None:
    assert_rule("DAT002", invalid=[Case("# Ferry strike ends on Friday\n\nUnions agreed.", row=1, column=24)],
                reference_date=STORY)


def test_one_finding_per_weekday_and_sentence_dates_are_local() -> None:
    text = "The talks ended on Tuesday. A deal followed on March 11, and talks resume on Friday."
    results = lint(text, select=["DAT002"], reference_date=STORY)
    assert [(r.column, r.end_column) for r in results] == [(20, 27)]


def test_habits_and_compounds_are_not_one_day() -> None:
    assert_rule(
        "DAT002",
        valid=[
            "She works a Monday-to-Friday job.",
            "The choir rehearses on Sunday mornings.",
            "The shop opens every day except Sunday.",
            "Any Tuesday will do for the handover.",
        ],
        reference_date=STORY,
    )


def test_present_tense_at_the_turn_of_the_year_reaches_back() -> None:
    assert_rule("DAT002", invalid=[Case("The new tariff applies from Monday.", reference_date="2026-12-31",
                                        message=guess("Monday", "Monday, 28 December 2026", "2026-12-31"))])


def test_kinds_of_day_are_not_one_day() -> None:
    assert_rule(
        "DAT002",
        valid=["MPs debated Sunday trading laws.", "He took a Saturday job at the market.",
               "The Friday market moved indoors for the winter."],
        invalid=[Case("The Friday vote moved indoors.", column=5)],
        reference_date=STORY,
    )


def test_the_tense_of_the_weekdays_own_clause() -> None:
    text = "The minister, who resigned on Sunday, will be replaced on Monday."
    results = lint(text, select=["DAT002"], reference_date=STORY)
    assert [r.message for r in results] == [
        likely("Sunday", "Sunday, 8 March 2026"),
        likely("Monday", "Monday, 16 March 2026"),
    ]
    assert_rule(
        "DAT002",
        invalid=[
            Case("The hearing has been adjourned until Monday.", message=likely("Monday", "Monday, 16 March 2026")),
            Case("The centre will be closed on Saturday.", message=likely("Saturday", "Saturday, 14 March 2026")),
            Case("On Friday, the company announced 300 job cuts.", message=likely("Friday", "Friday, 6 March 2026"),
                 fixed="On Friday, March 6, the company announced 300 job cuts."),
        ],
        reference_date=STORY,
    )


def test_a_time_before_the_weekday_does_not_end_the_sentence() -> None:
    assert_rule("DAT002", invalid=[Case("The man was arrested at 2 a.m. Saturday after a chase.",
                                        message=likely("Saturday", "Saturday, 7 March 2026"))],
                reference_date=STORY)


# -- names that hold a weekday ----------------------------------------------------------


def test_names_from_the_pack_are_no_day_at_any_mention() -> None:
    assert_rule(
        "DAT002",
        valid=[
            "# Sheffield Wednesday promoted after Wembley win\n\nThe club celebrated.",
            "Sheffield Wednesday's captain lifted the trophy.",
            "The striker joined Sheffield Wednesday from Valencia in 2024.",
            "Fans of Sheffield Wednesday celebrated in the city centre.",
            "Lent begins on Ash Wednesday, and Christians fast on Good Friday.",
            "The service on Maundy Thursday drew hundreds; Holy Thursday is the same day.",
            "Churches marked Palm Sunday, Easter Sunday and Pentecost Sunday.",
            "Whit Sunday and Low Sunday fall in the Easter season.",
            "Mothering Sunday is in March; Bloody Sunday is remembered in Derry.",
            "Advertisers paid a premium for Super Bowl Sunday.",
            "The vigil of Holy Saturday ended at midnight.",
            "Shops hoped for a boost from Small Business Saturday.",
            "The fires of Black Saturday killed 173 people.",
            "The betrayal is remembered on Spy Wednesday.",
            "Wednesday Addams is back on screen with a new series.",
            "Polls opened in 14 states for the Super Tuesday primaries.",
        ],
        reference_date=STORY,
    )


def test_a_name_the_draft_shows_by_its_possessive() -> None:
    # "Hartwell Wednesday" is in no pack: its possessive shows it is a name, at every mention.
    draft = (
        "# Hartwell Wednesday back in the top flight\n\n"
        "Hartwell Wednesday's captain lifted the trophy.\n\n"
        "Fans of Hartwell Wednesday celebrated in the square.\n"
    )
    assert_rule("DAT002", valid=[draft], reference_date=STORY, format="markdown")


def test_a_name_the_draft_repeats_without_its_first_word_alone() -> None:
    draft = "Fans of Hartwell Wednesday filled the square. The Hartwell Wednesday squad toured the town.\n"
    assert_rule("DAT002", valid=[draft], reference_date=STORY)
    # A verb after it at one mention reads as wire style ("Biden Tuesday signed"): a day again.
    dateline = "Fans of Hartwell Wednesday filled the square. Hartwell Wednesday celebrated.\n"
    assert_rule("DAT002", invalid=[Case(dateline, count=2)], reference_date=STORY)


def test_wire_style_weekdays_after_a_name_are_still_days() -> None:
    text = "Biden Tuesday signed the bill into law."
    assert_rule(
        "DAT002",
        invalid=[
            Case(text, **at(text, "Tuesday"), message=likely("Tuesday", "Tuesday, 10 March 2026")),
            Case("President Biden on Tuesday signed the bill into law.", column=20),
            # Repeated, but a verb follows: a dateline, not a name.
            Case("Biden Tuesday signed the bill. Biden Tuesday also vetoed a second one.", count=2),
            Case("The Senate Tuesday passed the bill. The Senate adjourned.", column=12),
            # A capitalised word that opens the sentence is no name.
            Case("Following Tuesday's vote, the party split.", column=11),
            Case("Meanwhile Tuesday's vote split the party.", column=11),
            Case("But Tuesday's vote split the party.", column=5),
            # A single mention with no possessive: nothing shows it is a name.
            Case("The striker joined Hartwell Wednesday from Valencia.", column=29),
        ],
        reference_date=STORY,
    )


def test_a_weekly_market_is_a_habit_and_a_meeting_is_a_day() -> None:
    # "the Wednesday market" is held every Wednesday: a kind of day, not one date.
    assert_rule(
        "DAT002",
        valid=["Farmers sell cheese at the Wednesday market.", "The Wednesday markets draw tourists."],
        invalid=[Case("Farmers met at the Wednesday meeting.", column=20)],
        reference_date=STORY,
    )


def test_programme_and_paper_names_holding_a_weekday_are_no_day() -> None:
    assert_rule(
        "DAT002",
        valid=[
            "The proposal was debated on Newsnight, Sunday Politics and Question Time.",
            "The chef cooked it live on Saturday Kitchen and again on Sunday Brunch.",
            "The interview ran in the Sunday People and the Sunday Business Post.",
            "Fans streamed it through NFL Sunday Ticket and watched Monday Night Raw.",
            "Extracts were printed in the Saturday Evening Post.",
        ],
        invalid=[
            # The programme is a name; the day it went out is still a bare weekday.
            Case("The minister appeared on Sunday Politics on Sunday.", column=45,
                 message=likely("Sunday", "Sunday, 8 March 2026")),
            # Not the programme: a lower-case word after the weekday.
            Case("The minister discussed politics on Sunday morning.", column=36),
            # A comma splits the day from a capitalised word: no title.
            Case("The results came in on Sunday, Politics students said.", column=24),
        ],
        reference_date=STORY,
    )
