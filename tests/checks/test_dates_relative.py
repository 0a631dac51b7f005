"""DAT001 relative-date: every phrase of the SPEC, its resolution, fixes, and the near-misses."""

from __future__ import annotations

from factlint.testing import Case, assert_rule, lint

STORY = "2026-03-12"  # a Thursday


def said(phrase: str, meaning: str, ref: str = STORY) -> str:
    return f'"{phrase}" is relative; in a story dated {ref} it means {meaning}'


def test_the_spec_example_message_and_fix() -> None:
    assert_rule(
        "DAT001",
        invalid=[
            Case(
                "The summit planned for this week was postponed.",
                row=1, column=24, end_row=1, end_column=33,
                message=said("this week", "the week of 9 March 2026"),
                fixed="The summit planned for the week of March 9 was postponed.",
            )
        ],
        reference_date=STORY,
    )
    (result,) = lint("The summit planned for this week was postponed.", select=["DAT001"], reference_date=STORY)
    assert result.fix is not None
    assert result.fix.applicability == "unsafe"
    assert result.fix.message == 'Replace with "the week of March 9"'
    assert result.severity == "warning"


def test_single_days_resolve_and_gain_a_preposition() -> None:
    assert_rule(
        "DAT001",
        invalid=[
            Case("The council approved the budget yesterday.", column=33,
                 message=said("yesterday", "11 March 2026"),
                 fixed="The council approved the budget on March 11."),
            Case("Schools will stay closed tomorrow.", message=said("tomorrow", "13 March 2026"),
                 fixed="Schools will stay closed on March 13."),
            Case("The ministers meet today in Oslo.", message=said("today", "12 March 2026"),
                 fixed="The ministers meet on March 12 in Oslo."),
            Case("Yesterday, the board resigned.", column=1, fixed="On March 11, the board resigned."),
            Case("Road repairs have waited since yesterday.", fixed="Road repairs have waited since March 11."),
            Case("The ferry sank the day before yesterday.", message=said("the day before yesterday", "10 March 2026"),
                 fixed="The ferry sank on March 10."),
        ],
        reference_date=STORY,
    )


def test_parts_of_a_day() -> None:
    assert_rule(
        "DAT001",
        invalid=[
            Case("The club announced the signing last night.", message=said("last night", "the night of 11 March 2026"),
                 fixed="The club announced the signing on the night of March 11."),
            Case("The mayor speaks tonight.", message=said("tonight", "the night of 12 March 2026"),
                 fixed="The mayor speaks on the night of March 12."),
            Case("The strike began this morning.", message=said("this morning", "the morning of 12 March 2026")),
            Case("Talks resume tomorrow afternoon.", message=said("tomorrow afternoon", "the afternoon of 13 March 2026"),
                 fixed="Talks resume on the afternoon of March 13."),
        ],
        reference_date=STORY,
    )


def test_weeks_weekends_months_and_years() -> None:
    assert_rule(
        "DAT001",
        invalid=[
            Case("The regulator fined the bank last week.", message=said("last week", "the week of 2 March 2026"),
                 fixed="The regulator fined the bank the week of March 2."),
            Case("The report is due next week.", message=said("next week", "the week of 16 March 2026")),
            Case("Fans queued all this weekend.", message=said("this weekend", "the weekend of 14–15 March 2026"),
                 fixed="Fans queued all the weekend of March 14-15."),
            Case("Prices rose last month.", message=said("last month", "February 2026"),
                 fixed="Prices rose in February."),
            Case("The law takes effect next month.", message=said("next month", "April 2026"),
                 fixed="The law takes effect in April."),
            Case("Turnout fell last year.", message=said("last year", "2025"), fixed="Turnout fell in 2025."),
            Case("Elections are due next year.", message=said("next year", "2027"), fixed="Elections are due in 2027."),
        ],
        reference_date=STORY,
    )


def test_earlier_and_later() -> None:
    assert_rule(
        "DAT001",
        invalid=[
            Case("The firm cut jobs earlier this week.", message=said("earlier this week", "earlier in the week of 9 March 2026"),
                 fixed="The firm cut jobs earlier in the week of March 9."),
            Case("Earlier this month the board met.", fixed="Earlier in March the board met."),
            Case("A verdict is expected later this year.", message=said("later this year", "later in 2026"),
                 fixed="A verdict is expected later in 2026."),
        ],
        reference_date=STORY,
    )


def test_counts_in_digits_and_words() -> None:
    assert_rule(
        "DAT001",
        invalid=[
            Case("The plant closed two days ago.", message=said("two days ago", "10 March 2026"),
                 fixed="The plant closed on March 10."),
            Case("The plant closed 3 days ago.", message=said("3 days ago", "9 March 2026")),
            Case("The pier collapsed twenty-one days ago.", message=said("twenty-one days ago", "19 February 2026")),
            Case("The talks began a week ago.", message=said("a week ago", "the week of 2 March 2026")),
            Case("The merger closed six months ago.", message=said("six months ago", "September 2025"),
                 fixed="The merger closed in September 2025."),
            Case("The mine shut three years ago.", message=said("three years ago", "2023")),
            Case("Voting opens in 10 days.", message=said("in 10 days", "22 March 2026"),
                 fixed="Voting opens on March 22."),
            Case("The bridge reopens in two weeks' time.", message=said("in two weeks' time", "the week of 23 March 2026")),
            Case("The ban ends in three months.", message=said("in three months", "June 2026"),
                 fixed="The ban ends in June."),
            Case("The repairs will be done two weeks from now.", message=said("two weeks from now", "the week of 23 March 2026")),
        ],
        reference_date=STORY,
    )


def test_weekdays_with_last_next_this() -> None:
    assert_rule(
        "DAT001",
        invalid=[
            Case("The court ruled last Tuesday.", message=said("last Tuesday", "Tuesday, 10 March 2026"),
                 fixed="The court ruled on Tuesday, March 10."),
            Case("The minister will visit next Friday.", message=said("next Friday", "Friday, 20 March 2026"),
                 fixed="The minister will visit on Friday, March 20."),
            Case("The polls open this Sunday.", message=said("this Sunday", "Sunday, 15 March 2026")),
            Case("The team flew home last Thursday night.",
                 message=said("last Thursday night", "the night of Thursday, 5 March 2026")),
            Case("The port closed on Tuesday last week after a storm.",
                 message=said("Tuesday last week", "Tuesday, 3 March 2026"),
                 fixed="The port closed on Tuesday, March 3, after a storm."),
            Case("The shop reopens this coming Monday.", message=said("this coming Monday", "Monday, 16 March 2026")),
            Case("The vote last Tuesday was close.", fixed="The vote on Tuesday, March 10, was close."),
        ],
        reference_date=STORY,
    )


def test_possessives_become_adjectives() -> None:
    assert_rule(
        "DAT001",
        invalid=[
            Case("Yesterday's vote was close.", fixed="The March 11 vote was close."),
            Case("She missed last week's meeting.", fixed="She missed the March 2-8 meeting."),
            Case("Last month's figures were revised.", fixed="February's figures were revised."),
            Case("The council passed this year's budget.", message=said("this year's", "2026"),
                 fixed="The council passed the 2026 budget."),
            Case("Fans travelled for last Saturday's final.", fixed="Fans travelled for the March 7 final."),
        ],
        reference_date=STORY,
    )


def test_year_boundaries_and_leap_years() -> None:
    assert_rule(
        "DAT001",
        invalid=[
            Case("The rink closed last week.", reference_date="2026-01-02",
                 message=said("last week", "the week of 22 December 2025", "2026-01-02"),
                 fixed="The rink closed the week of December 22, 2025."),
            Case("The market opens next month.", reference_date="2026-12-20",
                 message=said("next month", "January 2027", "2026-12-20"),
                 fixed="The market opens in January 2027."),
            Case("Fireworks are planned for tomorrow.", reference_date="2026-12-31",
                 message=said("tomorrow", "1 January 2027", "2026-12-31"),
                 fixed="Fireworks are planned for January 1, 2027."),
            Case("The lease ended yesterday.", reference_date="2028-03-01",
                 message=said("yesterday", "29 February 2028", "2028-03-01")),
            Case("The lease ended yesterday.", reference_date="2027-03-01",
                 message=said("yesterday", "28 February 2027", "2027-03-01")),
            Case("Crowds gathered this weekend.", reference_date="2026-02-27",
                 message=said("this weekend", "the weekend of 28 February–1 March 2026", "2026-02-27"),
                 fixed="Crowds gathered the weekend of February 28-March 1."),
            Case("The shop sold out last weekend.", reference_date="2027-01-04",
                 message=said("last weekend", "the weekend of 2–3 January 2027", "2027-01-04")),
        ],
    )


def test_a_date_with_a_relative_year_gets_the_year_after_it() -> None:
    assert_rule(
        "DAT001",
        invalid=[
            Case("The report came out on March 7 last year and was withdrawn.",
                 fixed="The report came out on March 7, 2025, and was withdrawn."),
        ],
        reference_date=STORY,
    )


def test_headlines_are_checked_title_case_or_not() -> None:
    assert_rule(
        "DAT001",
        invalid=[
            Case("# Council Approves Budget Today\n\nThe vote was close.", row=1, column=27,
                 message=said("Today", "12 March 2026")),
            Case("Ferry Strike Ends Tomorrow\n\nThe union agreed terms.", format="text", row=1, column=19),
            Case("# Storm closes port this week\n\nShips waited.", row=1, column=21),
        ],
        reference_date=STORY,
    )


def test_every_block_kind_and_alt_text() -> None:
    assert_rule(
        "DAT001",
        invalid=[
            Case("# Port\n\n## What happened yesterday\n\nShips waited.", row=3, column=18),
            Case("# Port\n\n## Why the Cranes Stopped Yesterday\n\nShips waited.", row=3, column=27),
            Case("# Port\n\n- Cranes stopped last night.\n- Ships waited.", row=3, column=18),
            Case("# Port\n\n![Cranes idle yesterday](/img/cranes.jpg)\n\nShips waited.", row=3, column=15),
            Case("> The harbour closed yesterday.", row=1, column=22),
        ],
        reference_date=STORY,
    )


def test_without_a_reference_date_no_fix_and_the_reason() -> None:
    message = ('"this week" is relative and the draft has no reference date (front matter `date` or '
               "--reference-date) to say which date it means")
    assert_rule(
        "DAT001",
        invalid=[Case("The meeting scheduled for this week was postponed.", column=27, end_column=36,
                      message=message, fixed="The meeting scheduled for this week was postponed.")],
    )
    (result,) = lint("The meeting scheduled for this week was postponed.", select=["DAT001"])
    assert result.fix is None


def test_front_matter_date_is_the_reference() -> None:
    draft = "---\ntitle: Port\ndate: 2026-03-12\n---\n\nThe port closed yesterday.\n"
    assert_rule("DAT001", invalid=[Case(draft, row=6, column=17, message=said("yesterday", "11 March 2026"),
                                        fixed=draft.replace("yesterday", "on March 11"))])


def test_near_misses_of_the_spec() -> None:
    assert_rule(
        "DAT001",
        valid=[
            "The minister began a week-long visit to the Gulf.",
            "The festival opens a week-long celebration of the Year of the Horse.",
            "Chinese families welcomed the Year of the Horse.",
            "She told the Today programme that the plan had failed.",
            "He told BBC Radio 4's Today programme the deal was off.",
            "The mayor's 2026 plan is in this year's budget, which covers 2026 in full.",
            "This year's budget, for 2026, is the largest on record.",
        ],
        reference_date=STORY,
    )


def test_more_near_misses() -> None:
    assert_rule(
        "DAT001",
        valid=[
            "She appeared on The Tonight Show and on This Morning.",
            "The film Last Night in Soho opened in London.",
            "He spent the last week of March in hospital.",
            "Their next year in office will be harder.",
            "The index hit its highest level in three months.",
            "It was the first time in two weeks that the ferry sailed.",
            "The deal came after talks in two days of meetings.",
            "Exports rose for the third month in a row.",
            "The choir sings every weekend.",
            "The plan took weeks to draft and days to reject.",
            "He won a three-day event and a two-week course.",
            "A today-only discount was offered to members.",
        ],
        reference_date=STORY,
    )


def test_direct_quotations_are_the_speakers_words() -> None:
    assert_rule(
        "DAT001",
        valid=[
            '"We will announce the new route later this week, once the board agrees," the chief executive said.',
            "“Yesterday was the hardest day of my working life so far,” the captain said.",
            "The coach said: “We trained twice yesterday and we will train again tomorrow.”",
        ],
        reference_date=STORY,
    )
    # A scare-quoted phrase is not a direct quotation: the date still needs writing.
    assert_rule("DAT001", invalid=[Case('The "temporary" closure began last week.', column=31)],
                reference_date=STORY)


def test_a_quotation_setting_lowers_or_raises_the_threshold() -> None:
    text = 'The union called the offer "too little, too late yesterday" in a statement.'
    assert_rule("DAT001", invalid=[Case(text, column=50)], reference_date=STORY)
    assert_rule("DAT001", valid=[text], reference_date=STORY, settings={"quotes": {"min-words": 4}})


def test_next_friday_is_one_finding() -> None:
    results = lint("The company reports results next Friday.", select=["DAT"], reference_date=STORY)
    assert [(r.code, r.column, r.end_column) for r in results] == [("DAT001", 29, 40)]


def test_last_next_this_with_a_month_name() -> None:
    assert_rule(
        "DAT001",
        invalid=[
            Case("The mayor lost the vote last March.", message=said("last March", "March 2025"),
                 fixed="The mayor lost the vote in March 2025."),
            Case("The mayor lost the vote last February.", message=said("last February", "February 2026")),
            Case("She stands again in next May's election.", message=said("next May's", "May 2026"),
                 fixed="She stands again in May's election."),
            Case("The works finish this June.", message=said("this June", "June 2026"),
                 fixed="The works finish in June."),
        ],
        valid=["This may be the last May Day parade.", "The talks resume next March 3, 2027."],
        reference_date=STORY,
    )


def test_a_span_of_time_is_not_a_date_ahead() -> None:
    assert_rule(
        "DAT001",
        valid=[
            "The crew rebuilt the bridge in three weeks.",
            "The volunteers cleared the beach in two days.",
            "The leaders of tomorrow met the leaders of today.",
        ],
        invalid=[Case("Three weeks ago the talks began, and in two months they end.", count=2)],
        reference_date=STORY,
    )


def test_today_beside_a_present_state_is_nowadays() -> None:
    # "is today a barren place" describes the present of things: no date to write
    assert_rule(
        "DAT001",
        valid=[
            "Easter Island is today a barren place with few trees.",
            "It today has a grass landscape where forest once stood.",
            "The old port remains today one of the busiest in the region.",
        ],
        invalid=[
            # the day itself: a subject, a participle, a place or a time after the verb
            Case("Today is the last day of the fair.", count=1),
            Case("The minister is today expected to resign.", count=1),
            Case("The envoy is today in Geneva for talks.", count=1),
            Case("The court has today ruled on the appeal.", count=1),
        ],
        reference_date=STORY,
    )


def test_code_and_urls_are_not_prose() -> None:
    assert_rule(
        "DAT001",
        valid=[
            "Run `backup --since yesterday` before the upgrade.",
            "Read [the minutes](https://example.org/2026/03/last-week-minutes) of the board.",
            "```\nrestart tomorrow\n```",
        ],
        invalid=[Case("The council met yesterday.\r\n\r\nSee `--since yesterday` here.\r\n", row=1, column=17,
                      fixed="The council met on March 11.\r\n\r\nSee `--since yesterday` here.\r\n")],
        reference_date=STORY,
    )


def test_superlatives_measure_a_span() -> None:
    assert_rule("DAT001", valid=["It was the busiest day in a month at the port.",
                                 "Rain made it the wettest week in two months."],
                invalid=[Case("The new law takes effect in a week.", message=said("in a week", "the week of 16 March 2026"))],
                reference_date=STORY)


def test_a_stated_year_must_be_the_year_meant() -> None:
    text = "Sales rose 5% last year, the best result since 2019."
    assert_rule("DAT001", invalid=[Case(text, message=said("last year", "2025"))], reference_date=STORY)
    assert_rule("DAT001", invalid=[Case(text)])
    assert_rule("DAT001", valid=["Sales rose 5% last year, in 2025, the best result since 2019.",
                                 "This year's festival, the 2026 edition, is the biggest yet."], reference_date=STORY)
    assert_rule("DAT001", valid=["This year's festival, the 2026 edition, is the biggest yet."])


def test_html_alt_text_title_and_captions() -> None:
    page = (
        '<html><head><meta property="article:published_time" content="2026-03-12T08:00:00Z"></head><body><article>\n'
        "<h1>Port reopens</h1>\n"
        '<figure><img src="a.jpg" alt="Cranes idle yesterday" title="Taken last night">'
        "<figcaption>Cranes on the quay this morning.</figcaption></figure>\n"
        "<p>The port reopened &amp; ships sailed today.</p>\n"
        "</article></body></html>\n"
    )
    results = lint(page, format="html", select=["DAT001"])
    assert [(r.row, r.column, r.message) for r in results] == [
        (3, 43, said("yesterday", "11 March 2026")),
        (3, 67, said("last night", "the night of 11 March 2026")),
        (3, 110, said("this morning", "the morning of 12 March 2026")),
        (4, 41, said("today", "12 March 2026")),
    ]


def test_multi_paragraph_quotations() -> None:
    draft = (
        '"We will reopen the terminal next week, whatever the weather does to us.\n\n'
        '"And we will be back to full service later this month," the harbour master said.\n\n'
        "The port closed last week.\n"
    )
    results = lint(draft, select=["DAT001"], reference_date=STORY)
    assert [(r.row, r.column) for r in results] == [(5, 17)]


def test_in_n_units_is_a_date_ahead_unless_a_span_word_stands_just_before_it() -> None:
    assert_rule(
        "DAT001",
        valid=[
            "Prices rose for the first time in three months.",
            "Sales posted the biggest fall in six weeks.",
            "The crew rebuilt the bridge in three weeks.",
        ],
        invalid=[
            Case("The first trains will run in 10 days.", message='"in 10 days" is relative; in a story dated 2026-03-12 it means 22 March 2026'),
            Case("Most analysts expect a deal. Talks resume in two weeks."),
            # reported speech with a modal looks ahead, as "would" does
            Case("The mayor said the bridge could reopen in six weeks."),
        ],
        reference_date=STORY,
    )


def test_in_n_units_takes_the_tense_of_its_own_clause() -> None:
    assert_rule(
        "DAT001",
        valid=[
            "The crew rebuilt the bridge in three weeks.",
            "Officials said the crew rebuilt it in three weeks.",
            "Prices rose twice in three weeks.",
            "Unemployment fell to its lowest level in six months.",
        ],
        invalid=[
            Case("The union said talks resume in two days."),
            Case("Officials said that the bridge reopens in two weeks."),
            Case("The school closed for the summer and reopens in six weeks."),
            Case("Investigators will publish a first report in 30 days."),
            Case("The best seats go on sale in 5 days."),
        ],
        reference_date=STORY,
    )


def test_an_ed_adjective_is_no_past_tense_and_a_future_cue_wins() -> None:
    assert_rule(
        "DAT001",
        valid=["The crew rebuilt the damaged bridge in three weeks."],
        invalid=[
            Case("The company expects to finish notifying affected customers in three weeks."),
            Case("The club will unveil a revised design in two months."),
            Case("Officials expect updated figures in three weeks."),
        ],
        reference_date=STORY,
    )


def test_plans_and_promises_look_ahead() -> None:
    assert_rule(
        "DAT001",
        valid=["Prices rose once in three weeks."],
        invalid=[
            Case("Delegations agreed to meet again in two weeks."),
            Case("Delegations agreed in Geneva to meet again in two weeks, the ministry said."),
            Case("Officials promised a decision in two months."),
            Case("The team will meet once more in two weeks."),
        ],
        reference_date=STORY,
    )
