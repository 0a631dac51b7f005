"""DAT003–DAT006: dates with no year, wrong weekdays, impossible and ambiguous dates."""

from __future__ import annotations

from factlint.testing import Case, assert_rule, lint

NO_REFERENCE = "the draft has no reference date (front matter `date` or --reference-date)"


def at(text: str, words: str) -> dict[str, int]:
    """The one-line span of `words` in `text`, as row and columns."""
    start = text.index(words)
    return {"row": 1, "column": start + 1, "end_row": 1, "end_column": start + len(words) + 1}


def far(written: str, days: int, ref: str) -> str:
    return f'"{written}" has no year and is {days} days from the story\'s date ({ref}) in {ref[:4]}: write the year'


# -- DAT003 date-without-year -----------------------------------------------------------


def test_no_reference_date_every_year_less_date_is_reported() -> None:
    text = "Earlier, on March 7, the two presidents spoke by phone."
    assert_rule(
        "DAT003",
        invalid=[
            Case(text, **at(text, "March 7"), message=f'"March 7" has no year and {NO_REFERENCE}: write the year'),
            Case("The inquiry opens on 7 March.", message=f'"7 March" has no year and {NO_REFERENCE}: write the year'),
            Case("Bids close on Mar. 7 at noon.", column=15, end_column=21),
            Case("Bids close Sept. 3.", column=12, end_column=19),
            Case("Bids close on the 3rd of September.", column=19, end_column=35),
            Case("The vote is on Saturday, March 7.", column=26, end_column=33),
            Case("The summit runs July 16-18 in Lisbon.", column=17, end_column=27),
        ],
        format="text",
    )


def test_far_from_the_reference_date() -> None:
    text = "Ballots must arrive by December 20."
    assert_rule(
        "DAT003",
        invalid=[
            Case(text, **at(text, "December 20"), message=far("December 20", 339, "2026-01-15"),
                 reference_date="2026-01-15"),
            # A December story about January: the January of the story's year is 346 days away.
            Case("The new rules take effect on January 8.", message=far("January 8", 346, "2026-12-20"),
                 reference_date="2026-12-20"),
            Case("The new rules take effect on Friday, January 8.", column=38, reference_date="2026-12-20"),
            Case("Applications close Sept. 3.", message=far("Sept. 3", 231, "2026-01-15"), reference_date="2026-01-15"),
            # 181 days is past the limit, 180 is within it.
            Case("The pier reopens on September 10.", reference_date="2026-03-13",
                 message=far("September 10", 181, "2026-03-13")),
        ],
    )


def test_near_misses() -> None:
    assert_rule(
        "DAT003",
        valid=[
            "The council will hold its next hearing on March 26.",
            "Earlier, on March 7, the two presidents spoke by phone.",
            "Snow clearing runs out of money by March 20 without a deal.",
            "The pier reopens on September 8.",
            "The season ended on September 13 last year.",
            "The gala is on December 20, 2026.",
            "The fair runs from July 30 to August 2, 2027.",
            "The trial runs from 30 July to 2 August 2027.",
            "The talks were held on March 7 and 8, 2025.",
            "The summit runs July 16-18, 2027, in Lisbon.",
            "Applications close on 31 April.",
            "Turnout in March 2026 was the lowest since the war.",
            "A march by 7,000 people in May was peaceful.",
            "Families remembered the September 11 attacks.",
        ],
        reference_date="2026-03-13",
    )
    assert_rule("DAT003", valid=["Polls close on March 7, 2026.", "Polls close on 2026-03-07."])


def test_leap_day_without_a_year_is_measured_in_a_leap_year() -> None:
    assert_rule("DAT003", valid=["The levy started on February 29."], reference_date="2028-03-01")
    assert_rule("DAT003", invalid=[Case("The levy started on February 29.", reference_date="2028-10-01",
                                        message=far("February 29", 215, "2028-10-01"))])
    # In a common year the day does not exist: DAT005's, not DAT003's.
    assert_rule("DAT003", valid=["The levy started on February 29."], reference_date="2026-10-01")


# -- DAT004 weekday-mismatch ------------------------------------------------------------


def test_a_weekday_that_does_not_fit_its_date() -> None:
    text = "The bridge opened on Saturday, March 10, 2026, after two years."
    assert_rule(
        "DAT004",
        invalid=[
            Case(text, **at(text, "Saturday, March 10, 2026"), message="March 10, 2026 is a Tuesday, not a Saturday",
                 fixed=text.replace("Saturday", "Tuesday")),
            Case("The bridge opened on Saturday 10 March 2026.", message="10 March 2026 is a Tuesday, not a Saturday",
                 fixed="The bridge opened on Tuesday 10 March 2026."),
            Case("The bridge opened on Sat., Mar. 10, 2026.", message="Mar. 10, 2026 is a Tuesday, not a Saturday",
                 fixed="The bridge opened on Tue., Mar. 10, 2026."),
            Case("The bridge opened on Sunday, 2026-03-10.", message="2026-03-10 is a Tuesday, not a Sunday"),
        ],
    )
    (result,) = lint(text, select=["DAT004"])
    assert result.severity == "error"
    assert result.fix is not None and result.fix.applicability == "safe"
    assert result.fix.message == 'Change "Saturday" to "Tuesday"'


def test_year_from_the_reference_date() -> None:
    text = "Almeida said the squad plays Ajax on Friday, June 20, in a friendly."
    assert_rule(
        "DAT004",
        invalid=[Case(text, **at(text, "Friday, June 20"), message="June 20 in 2026 is a Saturday, not a Friday",
                      fixed=text.replace("Friday", "Saturday"))],
        valid=["Almeida said the squad plays Ajax on Saturday, June 20, in a friendly."],
        reference_date="2026-06-16",
    )
    # With no year anywhere, a weekday cannot be checked.
    assert_rule("DAT004", valid=[text])


def test_december_story_about_january_accepts_either_year() -> None:
    assert_rule(
        "DAT004",
        valid=[
            "The rules take effect on Friday, January 8.",  # 2027
            "The rules took effect on Thursday, January 8.",  # 2026
        ],
        invalid=[Case("The rules take effect on Monday, January 8.",
                      message="January 8 in 2027 is a Friday, not a Monday",
                      fixed="The rules take effect on Friday, January 8.")],
        reference_date="2026-12-20",
    )


def test_leap_years() -> None:
    assert_rule(
        "DAT004",
        valid=["The leap-day ball was on Thursday, February 29, 2024.",
               "The leap-day ball is on Friday, February 29."],  # no February 29 near 2026: DAT005's, not ours
        invalid=[Case("The leap-day ball was on Friday, February 29, 2028.",
                      message="February 29, 2028 is a Tuesday, not a Friday")],
        reference_date="2026-01-15",
    )


def test_weekday_near_misses() -> None:
    assert_rule(
        "DAT004",
        valid=[
            "The port opened its terminal on Wednesday, May 13, 2026.",
            "The vote was on Tuesday, 10 March 2026.",
            "The vote was on Tuesday, February 30, 2026.",
            "The vote on Tuesday was close; the recount followed on March 12, 2026.",
        ],
    )


# -- DAT005 impossible-date -------------------------------------------------------------


def test_dates_that_do_not_exist() -> None:
    text = "Applications for the grant close on 31 April."
    assert_rule(
        "DAT005",
        invalid=[
            Case(text, **at(text, "31 April"), message='"31 April" is not a date: April has 30 days'),
            Case("It happened on February 30.", message='"February 30" is not a date: February has at most 29 days'),
            Case("The file is dated 2026-13-01.", message='"2026-13-01" is not a date: there is no month 13'),
            Case("The levy ends on February 29, 2027.",
                 message='"February 29, 2027" is not a date: 2027 is not a leap year: February has 28 days'),
            Case("Filed on 31/02/2026.", message='"31/02/2026" is not a date: February has 28 days in 2026'),
            Case("Filed on 13/14/2026.", message='"13/14/2026" is not a date: neither 13 nor 14 can be a month'),
            Case("The window closes on June 31. Zinchuk joins the club.", column=22, end_column=29),
            Case("The vote was on Tuesday, February 30, 2026.", column=26, end_column=43),
        ],
    )
    (result,) = lint(text, select=["DAT005"])
    assert result.severity == "error"


def test_an_impossible_date_is_dat005_only() -> None:
    for text in ("The window closes on June 31.", "The vote was on Monday, February 30."):
        codes = [r.code for r in lint(text, select=["DAT"], reference_date="2026-11-01")]
        assert codes == ["DAT005"], (text, codes)
        codes = [r.code for r in lint(text, select=["DAT"])]
        assert codes == ["DAT005"], (text, codes)


def leap(written: str, ref: str, years: str, verdict: str = "which is not a leap year") -> str:
    return (f'"{written}" is not a date: with no year written, in a story dated {ref} it falls in {years}, '
            f"{verdict}: February has 28 days")


def test_february_29_without_a_year_in_a_common_year() -> None:
    text = "Landlords must register their flats by February 29 under the scheme."
    assert_rule(
        "DAT005",
        invalid=[
            Case(text, **at(text, "February 29"), message=leap("February 29", "2026-01-15", "2026"),
                 reference_date="2026-01-15"),
            Case("The fund closes on 29 February.", message=leap("29 February", "2027-03-20", "2027"),
                 reference_date="2027-03-20"),
            # Written in a January of a common year after a leap year: the story's year is nearest.
            Case("The fund closes on Feb. 29.", column=20, end_column=27, reference_date="2029-01-10"),
            # Far from February either way: both years it can mean are common years.
            Case("The fund closes on February 29.", reference_date="2026-09-01",
                 message=leap("February 29", "2026-09-01", "2026 or 2027", "neither of them a leap year")),
            # The weekday cannot be checked against a day that does not exist.
            Case("The fund closes on Sunday, February 29.", column=28, end_column=39, reference_date="2026-01-15"),
            # The sentence's year, with or without a reference date.
            Case("In 2025, the fund closed on February 29.",
                 message='"February 29" is not a date: its sentence puts it in 2025, which is not a leap year: '
                         "February has 28 days"),
            Case("In 2025, the fund closed on February 29.", reference_date="2028-01-10"),
        ],
    )


def test_february_29_without_a_year_near_misses() -> None:
    text = "Landlords must register by February 29 under the scheme."
    # A December 2027 story means the February of 2028, a leap year.
    for ref in ("2027-12-10", "2028-01-10", "2028-12-20"):
        assert_rule("DAT005", valid=[text], reference_date=ref)
    assert_rule(
        "DAT005",
        valid=[
            # The sentence says which year: a leap year.
            "In 2024, the fund closed on February 29.",
            "The fund closes on February 28.",
            "The fund closed on February 29, 2024.",
        ],
        reference_date="2026-01-15",
    )
    # No reference date and no year in sight: DAT003 asks for the year.
    assert_rule("DAT005", valid=[text])


def test_february_29_takes_its_year_from_a_range_or_a_relative_year() -> None:
    assert_rule(
        "DAT005",
        invalid=[
            Case("The fair runs from February 29 to March 3, 2027.", column=20, end_column=31,
                 message='"February 29" is not a date: 2027 is not a leap year: February has 28 days'),
            Case("The fair runs February 27-29 in the town.", reference_date="2026-01-10",
                 message=leap("February 27-29", "2026-01-10", "2026")),
            Case("The fair ran on February 29 last year.", reference_date="2026-06-01",
                 message='"February 29" is not a date: in a story dated 2026-06-01 the year written after it is '
                         "2025, which is not a leap year: February has 28 days"),
        ],
        valid=[
            "The fair runs from February 29 to March 3, 2028.",
            "The fair ran on February 29 last year.",  # no reference date: DAT001 asks for one
            "The fair reopened on February 29 a year later.",  # later than what, the text says elsewhere
        ],
    )
    assert_rule("DAT005", valid=["The fair ran on February 29 last year."], reference_date="2025-06-01")
    assert_rule("DAT005", valid=["The fair runs February 27-29 in the town."], reference_date="2028-01-10")


def test_february_29_in_a_common_year_is_dat005_only() -> None:
    text = "Landlords must register on Sunday, February 29, under the scheme."
    assert [r.code for r in lint(text, select=["DAT"], reference_date="2026-01-15")] == ["DAT005"]
    assert [r.code for r in lint(text, select=["DAT"], reference_date="2026-09-15")] == ["DAT005"]
    assert [r.code for r in lint(text, select=["DAT"])] == ["DAT003"]


def test_possible_dates() -> None:
    assert_rule(
        "DAT005",
        valid=[
            "The levy started on February 29, 2024.",
            "The levy starts on February 29.",
            "The file is dated 2026-12-31.",
            "Filed on 30/04/2026 and on 04/30/2026.",
            "Version 10.13.2026 of the app was released.",
            "The score was 31-4 at half-time.",
            "March 32 Productions made the film.",
        ],
    )


# -- DAT006 ambiguous-numeric-date ------------------------------------------------------


def test_numeric_dates_read_two_ways() -> None:
    text = "The filing, dated 11/03/2026, shows the cut."
    assert_rule(
        "DAT006",
        invalid=[
            Case(text, **at(text, "11/03/2026"),
                 message='"11/03/2026" could be November 3, 2026 (month first) or 11 March 2026 (day first): '
                         "write the month in words"),
            Case("Signed 4.9.2026 in Bern.", message='"4.9.2026" could be April 9, 2026 (month first) or '
                                                     "4 September 2026 (day first): write the month in words"),
            Case("Signed 03-07-2026 in Bern.", column=8, end_column=18),
            Case("Signed 4/9/26 in Bern.", column=8, end_column=14),
        ],
    )


def test_numeric_near_misses() -> None:
    assert_rule(
        "DAT006",
        valid=[
            "The filing, dated 24/03/2026, shows the cut.",
            "The filing, dated 03/24/2026, shows the cut.",
            "The filing, dated 03/03/2026, shows the cut.",
            "The filing, dated 2026-03-11, shows the cut.",
            "Support is available 24/7.",
            "Turnout was 3/4 of the roll.",
            "The price rose 1/2 point to 12/13 in 2026.",
        ],
    )


def test_a_year_stated_in_the_sentence() -> None:
    assert_rule("DAT003", valid=["In 2025, the fair opened on March 7.",
                                 "The fair opened on December 20, 2025, and closed on January 3."])
    assert_rule(
        "DAT004",
        # a year elsewhere in the sentence may be another event's: a weekday that fits it or the
        # story's year passes ("opened on Tuesday, March 17, for the first time since December 2025")
        valid=["The 2027 season opens on Saturday, June 12.", "The 2027 season opens on Friday, June 12.",
               "The talks opened on Thursday, March 12, for the first time since December 2025."],
        invalid=[Case("The 2027 season opens on Thursday, June 12.", message="June 12 in 2027 is a Saturday, not a Thursday",
                      fixed="The 2027 season opens on Saturday, June 12.")],
        reference_date="2026-03-12",
    )


def test_year_first_numeric_dates() -> None:
    assert_rule(
        "DAT005",
        invalid=[
            Case("Filed 2026/13/01 in Bern.", message='"2026/13/01" is not a date: there is no month 13'),
            Case("Filed 2026-02-30 in Bern.", message='"2026-02-30" is not a date: February has 28 days in 2026'),
            Case("Filed 2028-02-31 in Bern.", message='"2028-02-31" is not a date: February has 29 days in 2028'),
        ],
        valid=["Filed 2026/03/07 in Bern.", "The 2024-25 season and the 1999/2000 budget."],
    )
    assert_rule("DAT006", valid=["Filed 2026/03/07 in Bern."])


def test_a_weekday_after_its_date() -> None:
    text = "The vote is on March 10, 2026, a Saturday, in Oslo."
    assert_rule(
        "DAT004",
        invalid=[
            Case(text, **at(text, "March 10, 2026, a Saturday"), message="March 10, 2026 is a Tuesday, not a Saturday",
                 fixed=text.replace("Saturday", "Tuesday")),
            Case("The vote is on 10 March 2026 (Sunday).", fixed="The vote is on 10 March 2026 (Tuesday)."),
        ],
        valid=["The vote is on March 10, 2026, which was a Tuesday.", "The vote is on March 10, 2026, Saturday's vote."],
    )


def test_an_abbreviated_weekday_needs_its_stop_or_comma() -> None:
    assert_rule("DAT004", valid=["The Sun 7 March 2026 edition led with the story."],
                invalid=[Case("It opens Sat, 10 March 2026.", fixed="It opens Tue, 10 March 2026.")])
