"""DAT002 on published copy: the verb governing the weekday gives its tense; without one, a guess and no fix."""

from __future__ import annotations

from factlint.testing import Case, assert_rule

STORY = "2026-03-12"  # a Thursday


def likely(word: str, meaning: str) -> str:
    return f'"{word}" has no date; in a story dated {STORY} it most likely means {meaning}'


def test_past_forms_look_back() -> None:
    assert_rule(
        "DAT002",
        invalid=[
            Case("The ministry announced Wednesday that fares would rise.", message=likely("Wednesday", "Wednesday, 11 March 2026"),
                 fixed="The ministry announced Wednesday, March 11, that fares would rise."),
            Case("The suspect was arrested on Monday.", message=likely("Monday", "Monday, 9 March 2026")),
            Case("The two leaders had met Tuesday in Geneva.", message=likely("Tuesday", "Tuesday, 10 March 2026")),
            # irregular pasts come from the irregular-verbs pack
            Case("The board withdrew the offer on Friday.", message=likely("Friday", "Friday, 6 March 2026")),
            Case("Crowds stood in the rain on Saturday.", message=likely("Saturday", "Saturday, 7 March 2026")),
        ],
        reference_date=STORY,
    )


def test_future_forms_look_ahead() -> None:
    assert_rule(
        "DAT002",
        invalid=[
            Case("The council will vote Friday.", message=likely("Friday", "Friday, 13 March 2026")),
            Case("The report is due Monday.", message=likely("Monday", "Monday, 16 March 2026")),
            Case("The union plans to strike on Tuesday.", message=likely("Tuesday", "Tuesday, 17 March 2026")),
            Case("The council said it would vote Friday.", message=likely("Friday", "Friday, 13 March 2026")),
        ],
        reference_date=STORY,
    )


def test_no_tense_is_a_guess_with_no_fix() -> None:
    text = "Fares rise on Monday across the network."
    assert_rule(
        "DAT002",
        invalid=[Case(text, fixed=text, message=(
            f'"Monday" has no date; in a story dated {STORY} it may mean Monday, 9 March 2026 '
            "(a guess: no verb in its clause gives the tense)"))],
        reference_date=STORY,
    )


def test_a_fixed_phrase_that_starts_like_a_future_cue_gives_no_tense() -> None:
    assert_rule(
        "DAT002",
        invalid=[
            # "next to" is a place, not a time: the past verb governs
            Case("Rescuers searched the rubble next to the station on Friday.",
                 message=likely("Friday", "Friday, 6 March 2026")),
            # "next" before a coming event still looks ahead
            Case("The next round of talks opens on Monday.", message=likely("Monday", "Monday, 16 March 2026")),
        ],
        reference_date=STORY,
    )


def test_until_looks_ahead_unless_a_past_perfect_ended_the_wait() -> None:
    assert_rule(
        "DAT002",
        invalid=[
            Case("The vote was postponed until Monday.", message=likely("Monday", "Monday, 16 March 2026")),
            Case("Until Wednesday, the ministry had not named the contractor.",
                 message=likely("Wednesday", "Wednesday, 11 March 2026"),
                 fixed="Until Wednesday, March 11, the ministry had not named the contractor."),
        ],
        reference_date=STORY,
    )


def test_a_planned_or_scheduled_thing_is_no_future_cue() -> None:
    # after an article (and an adverb) the participle names a thing: the past verb governs the weekday
    assert_rule(
        "DAT002",
        invalid=[
            Case("The minister cut short the hastily planned visit on Tuesday.",
                 message=likely("Tuesday", "Tuesday, 10 March 2026")),
            Case("Fans crowded around the scheduled flight on Monday.", message=likely("Monday", "Monday, 9 March 2026")),
            # as a verb it still looks ahead
            Case("A vigil is planned for Saturday.", message=likely("Saturday", "Saturday, 14 March 2026")),
            Case("The hearing, scheduled for Monday, was moved.", message=likely("Monday", "Monday, 16 March 2026")),
        ],
        reference_date=STORY,
    )
