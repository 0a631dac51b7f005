"""DAT002 on published copy: the verb governing the weekday gives its tense; without one, a guess and no fix."""

from __future__ import annotations

from factlint.testing import Case, assert_rule, fix, lint

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
            Case("The hearing, scheduled for Monday, will be public.", message=likely("Monday", "Monday, 16 March 2026")),
        ],
        reference_date=STORY,
    )


def guess(word: str, meaning: str, why: str) -> str:
    return f'"{word}" has no date; in a story dated {STORY} it may mean {meaning} (a guess: {why})'


PAST_PLAN = "a plan told in the past tense does not say whether its day has passed"


def test_a_past_verb_of_intention_is_past_for_the_day_it_governs() -> None:
    text = "On Monday, the governors promised to review the grant."
    assert_rule(
        "DAT002",
        invalid=[
            # the promise was made on Monday; only what it promises lies ahead
            Case(text, message=likely("Monday", "Monday, 9 March 2026"),
                 fixed="On Monday, March 9, the governors promised to review the grant."),
            Case("The mayor pledged on Tuesday that no library would close.",
                 message=likely("Tuesday", "Tuesday, 10 March 2026")),
            Case("The cabinet decided to keep the curfew on Wednesday.",
                 message=likely("Wednesday", "Wednesday, 18 March 2026")),
            # the weekday after the promised thing still looks ahead
            Case("Organisers promised a decision by Friday.", message=likely("Friday", "Friday, 13 March 2026")),
            Case("The two clubs agreed to meet again on Saturday.", message=likely("Saturday", "Saturday, 14 March 2026")),
        ],
        reference_date=STORY,
    )


def test_a_plan_told_in_the_past_is_a_guess_with_no_fix() -> None:
    text = "The inquiry was due to report on Monday."
    assert_rule(
        "DAT002",
        invalid=[
            Case(text, fixed=text, message=guess("Monday", "Monday, 9 March 2026", PAST_PLAN)),
            Case("Delegates were to vote on Saturday.", message=guess("Saturday", "Saturday, 14 March 2026", PAST_PLAN)),
            Case("The launch was scheduled for Tuesday.", message=guess("Tuesday", "Tuesday, 10 March 2026", PAST_PLAN)),
            # a participle of plan beside a past verb: planned before it was cancelled, and either may be past
            Case("A concert planned for Sunday was cancelled.", fixed="A concert planned for Sunday was cancelled.",
                 message=guess("Sunday", "Sunday, 15 March 2026", "a plan told beside a past verb may have had its day")),
            Case("The hearing, scheduled for Monday, was moved.",
                 message=guess("Monday", "Monday, 9 March 2026", "a plan told beside a past verb may have had its day")),
            # told in the present, the plan still looks ahead; a reporting verb tells no time of the plan
            Case("The launch is scheduled for Tuesday.", message=likely("Tuesday", "Tuesday, 17 March 2026")),
            Case("A concert planned for Sunday will go ahead, organisers said.",
                 message=likely("Sunday", "Sunday, 15 March 2026")),
        ],
        reference_date=STORY,
    )


def test_could_looks_either_way_and_a_modal_perfect_looks_back() -> None:
    text = "The minister could not be reached on Tuesday."
    assert_rule(
        "DAT002",
        invalid=[
            Case(text, fixed=text, message=guess("Tuesday", "Tuesday, 10 March 2026", '"could" may look back or ahead')),
            Case("The strike could spread to the ports on Monday.",
                 message=guess("Monday", "Monday, 9 March 2026", '"could" may look back or ahead')),
            # "could ... as soon as" ends a wait: ahead
            Case("The bridge could reopen as soon as Monday.", message=likely("Monday", "Monday, 16 March 2026")),
            # a modal with "have" and a participle is a perfect: it looks back
            Case("The fault may have caused the blackout on Monday.", message=likely("Monday", "Monday, 9 March 2026"),
                 fixed="The fault may have caused the blackout on Monday, March 9."),
            Case("The crew could have prevented the fire on Sunday.", message=likely("Sunday", "Sunday, 8 March 2026")),
            # "have" as a verb after a modal is no perfect
            Case("The region would have power again by Monday.", message=likely("Monday", "Monday, 16 March 2026")),
            Case("The board will vote on Monday.", message=likely("Monday", "Monday, 16 March 2026")),
        ],
        reference_date=STORY,
    )


def test_a_base_form_after_a_modal_or_to_is_no_past() -> None:
    assert_rule(
        "DAT002",
        invalid=[
            # "come", "shut" and "put" are spelt as their pasts; after "may", "will" and "to" they are not
            Case("A ruling may still come on Monday.", message=likely("Monday", "Monday, 16 March 2026")),
            Case("The border will shut from Wednesday.", message=likely("Wednesday", "Wednesday, 18 March 2026")),
            Case("The council wants to put the plan to a vote on Tuesday.",
                 message=guess("Tuesday", "Tuesday, 10 March 2026", "no verb in its clause gives the tense")),
            # as a past they still look back
            Case("The storm cut power to the valley on Monday.", message=likely("Monday", "Monday, 9 March 2026")),
            Case("Ministers came to the site on Tuesday.", message=likely("Tuesday", "Tuesday, 10 March 2026")),
        ],
        reference_date=STORY,
    )


def test_a_capitalised_word_is_a_name_and_a_will_noun_no_future() -> None:
    assert_rule(
        "DAT002",
        invalid=[
            # "Split" is a city, no past of "split"
            Case("More rallies are expected Sunday in Split.", message=likely("Sunday", "Sunday, 15 March 2026")),
            Case("Rioters split the crowd on Sunday.", message=likely("Sunday", "Sunday, 8 March 2026")),
            # "political will" is a noun; the past verb governs
            Case("Opening the forum on Wednesday, she urged the political will to act.",
                 message=likely("Wednesday", "Wednesday, 11 March 2026")),
            Case("She will open the forum on Wednesday.", message=likely("Wednesday", "Wednesday, 18 March 2026")),
        ],
        reference_date=STORY,
    )


def test_the_present_progressive_is_an_arrangement_ahead() -> None:
    text = "A UN envoy is travelling to the capital on Tuesday, officials said."
    assert_rule(
        "DAT002",
        invalid=[
            Case(text, message=likely("Tuesday", "Tuesday, 17 March 2026"),
                 fixed="A UN envoy is travelling to the capital on Tuesday, March 17, officials said."),
            # a thing's weekday is not the arrangement's: the shooting came before the investigating
            Case("Detectives are investigating Tuesday's shooting.",
                 message=guess("Tuesday's", "Tuesday, 10 March 2026", "no verb in its clause gives the tense")),
            # what came before the arrangement is not ahead
            Case("The skater is heading to Osaka after winning the final on Sunday.",
                 message=guess("Sunday", "Sunday, 15 March 2026", "no verb in its clause gives the tense")),
            # a past progressive looks back
            Case("Crowds were gathering outside the court on Tuesday.", message=likely("Tuesday", "Tuesday, 10 March 2026")),
            # a noun in -ing after "is" is no arrangement
            Case("The problem is funding, the mayor said on Tuesday.", message=likely("Tuesday", "Tuesday, 10 March 2026")),
        ],
        reference_date=STORY,
    )


def test_verbs_in_another_clause_do_not_govern_the_weekday() -> None:
    assert_rule(
        "DAT002",
        invalid=[
            # a clause after "but" or "that" has a time of its own
            Case("The new law takes effect on Monday but no figures were published.",
                 message=guess("Monday", "Monday, 9 March 2026", "no verb in its clause gives the tense")),
            Case("The envoy claimed on Tuesday that the talks would fail.",
                 message=likely("Tuesday", "Tuesday, 10 March 2026")),
            # a clause after "and" has its own verb
            Case("The lawyer has said the trial will be unfair and on Monday criticised the judge.",
                 message=likely("Monday", "Monday, 9 March 2026")),
            # an attribution after a clause of its own tells when it was said, not when the vote is
            Case("The council is pushing for a vote on Monday, a spokesman said.",
                 message=likely("Monday", "Monday, 16 March 2026")),
            Case("The council wants a vote on Friday, a spokesman said.",
                 message=guess("Friday", "Friday, 13 March 2026", "no verb in its clause gives the tense")),
            # ...but after a fronted phrase the reporting verb is the weekday's own
            Case("Speaking in Leeds on Friday, the minister said the plan was dead.",
                 message=likely("Friday", "Friday, 6 March 2026")),
            Case("On Tuesday, the two sides conferred in Geneva.", message=likely("Tuesday", "Tuesday, 10 March 2026")),
        ],
        reference_date=STORY,
    )


def test_verbs_inside_a_quotation_are_the_speakers() -> None:
    text = '"This is the only place this side should be," the coach said on Sunday.'
    assert_rule(
        "DAT002",
        invalid=[Case(text, message=likely("Sunday", "Sunday, 8 March 2026"),
                      fixed='"This is the only place this side should be," the coach said on Sunday, March 8.')],
        reference_date=STORY,
    )


def test_ahead_of_looks_ahead_of_a_present_clause() -> None:
    assert_rule(
        "DAT002",
        invalid=[
            Case("Parties are touring the villages in the run-up to Sunday's election.",
                 message=likely("Sunday's", "Sunday, 15 March 2026")),
            Case("Security is tight ahead of Saturday's match.", message=likely("Saturday's", "Saturday, 14 March 2026")),
            # after a past verb the day may have come since
            Case("Police were deployed ahead of Saturday's match.",
                 message=guess("Saturday's", "Saturday, 14 March 2026", PAST_PLAN)),
            # "after" a day is no look ahead
            Case("Police were deployed after Saturday's match.", message=likely("Saturday's", "Saturday, 7 March 2026")),
        ],
        reference_date=STORY,
    )


def reported(text: str) -> list[tuple[int, str]]:
    return [(r.column, r.message) for r in lint(text, "markdown", ["DAT002"], STORY)]


def test_a_future_reported_on_a_weekday_is_reckoned_from_that_day() -> None:
    # said on Monday 9 March: the Wednesday after it is 11 March, before the story
    assert reported("The union said Monday it would strike on Wednesday.") == [
        (16, likely("Monday", "Monday, 9 March 2026")), (42, likely("Wednesday", "Wednesday, 11 March 2026"))]
    assert fix("The union said Monday it would strike on Wednesday.", "markdown", ["DAT002"], STORY) == (
        "The union said Monday, March 9, it would strike on Wednesday, March 11.")
    # said on Tuesday 10 March, the Monday after it is the next one
    assert reported("The union said on Tuesday it would strike on Monday.")[1] == (
        46, likely("Monday", "Monday, 16 March 2026"))
    # with no day of saying, the future is reckoned from the story
    assert reported("The union said it would strike on Wednesday.") == [
        (35, likely("Wednesday", "Wednesday, 18 March 2026"))]
    # words between the reporting verb and its day
    assert reported("The union told reporters on Monday it would strike on Wednesday.")[1] == (
        55, likely("Wednesday", "Wednesday, 11 March 2026"))
    # "will" keeps the story's present: still ahead
    assert reported("The union said Monday it will strike on Wednesday.")[1] == (
        41, likely("Wednesday", "Wednesday, 18 March 2026"))


def test_a_relative_clause_keeps_its_verbs_to_itself() -> None:
    assert_rule(
        "DAT002",
        invalid=[
            # "whose case has prompted" describes the man; the weekday's clause has no tense of its own
            Case("Ortiz, whose appeal has drawn wide support, faces a ruling before Tuesday.",
                 message=guess("Tuesday", "Tuesday, 10 March 2026", "no verb in its clause gives the tense")),
            # the main verb still governs past a relative clause
            Case("Ortiz, whose appeal has drawn wide support, died late Tuesday.",
                 message=likely("Tuesday", "Tuesday, 10 March 2026")),
            # a "that" clause before the weekday's own clause, joined by "and", keeps its "must"
            Case("The board had ruled that the school must close, and set Friday as the last day.",
                 message=likely("Friday", "Friday, 6 March 2026")),
            # a comma clause that goes on with the "that" clause takes its verb
            Case("The operator has warned that supplies will stop, possibly on Monday.",
                 message=likely("Monday", "Monday, 16 March 2026")),
        ],
        reference_date=STORY,
    )


def test_ahead_of_reaches_over_a_noun_phrase_but_not_a_verb() -> None:
    assert_rule(
        "DAT002",
        invalid=[
            Case("Markets are quiet ahead of a speech by the governor on Monday.",
                 message=likely("Monday", "Monday, 16 March 2026")),
            Case("The envoy left ahead of a summit of EU leaders on Friday.",
                 message=guess("Friday", "Friday, 13 March 2026", PAST_PLAN)),
            # a verb between: "ahead of" is not the weekday's
            Case("Traders sold ahead of the holiday and bought back on Monday.",
                 message=likely("Monday", "Monday, 9 March 2026")),
        ],
        reference_date=STORY,
    )


def test_a_clause_of_time_takes_the_main_clauses_tense() -> None:
    text = "Funds were likely to buy the shares as soon as trading opened Monday."
    assert_rule(
        "DAT002",
        invalid=[
            # "opened" follows "were likely to": a plan told in the past, so a guess and no fix
            Case(text, fixed=text, message=guess("Monday", "Monday, 9 March 2026", PAST_PLAN)),
            Case("Funds will buy the shares once trading opens on Monday.", message=likely("Monday", "Monday, 16 March 2026")),
            # with a past main clause the past stands
            Case("Funds bought the shares as soon as trading opened Monday.", message=likely("Monday", "Monday, 9 March 2026")),
        ],
        reference_date=STORY,
    )


def test_since_and_earlier_put_the_day_in_the_past() -> None:
    assert_rule(
        "DAT002",
        invalid=[
            # the perfect gives no direction on its own, "since" does
            Case("Families have been sheltering in the school since Friday.", message=likely("Friday", "Friday, 6 March 2026")),
            # "earlier" settles it whatever the reported words look ahead to
            Case("Earlier this week on Monday, the minister said fares would rise.",
                 message=likely("Monday", "Monday, 9 March 2026")),
            Case("Earlier on Tuesday, the board met.", message=likely("Tuesday", "Tuesday, 10 March 2026")),
            # near miss: "earlier" with a verb between it and the weekday is that verb's, not the day's
            Case("Fares rose earlier but will fall again on Wednesday.", message=likely("Wednesday", "Wednesday, 18 March 2026")),
            Case("Results are expected no earlier than Monday.", message=likely("Monday", "Monday, 16 March 2026")),
        ],
        reference_date=STORY,
    )


def test_a_phrasal_past_is_past_though_its_first_word_alone_is_no_cue() -> None:
    assert_rule(
        "DAT002",
        invalid=[
            Case("On Tuesday, the mayor called for calm.", message=likely("Tuesday", "Tuesday, 10 March 2026")),
            Case("The coastguard called off its search late on Monday.", message=likely("Monday", "Monday, 9 March 2026")),
            # "a group called" is still no past: the weekday's tense comes from elsewhere, or is a guess
            Case("A group called Harbour First meets on Friday.", message=(
                '"Friday" has no date; in a story dated 2026-03-12 it may mean Friday, 13 March 2026 '
                "(a guess: no verb in its clause gives the tense)")),
        ],
        reference_date=STORY,
    )


def test_an_acronym_is_no_relative_pronoun() -> None:
    # "(WHO)" is the body's initials, not "who" opening a clause of its own
    assert_rule(
        "DAT002",
        invalid=[Case("On Tuesday, the World Health Organization (WHO) announced the name.",
                      message=likely("Tuesday", "Tuesday, 10 March 2026"))],
        valid=[],
        reference_date=STORY,
    )
    # near miss: the pronoun in lower case still opens a clause with a time of its own, so the verb after it
    # does not govern the weekday before it (unless the clause closes at a comma first: see below)
    found = lint("On Monday, the envoy who arrived in Geneva will meet the council.", select=["DAT002"],
                 reference_date=STORY)
    assert [r.message for r in found] == [
        '"Monday" has no date; in a story dated 2026-03-12 it may mean Monday, 9 March 2026 '
        "(a guess: no verb in its clause gives the tense)"]


def _guess(word: str, meaning: str, why: str) -> str:
    return f'"{word}" has no date; in a story dated {STORY} it may mean {meaning} (a guess: {why})'


PRESENT_RELATIVE = ("its relative clause is in the present tense, mostly a day still to come, "
                    "but the day may be the sentence's")


def test_a_relative_clause_keeps_its_own_time() -> None:
    # A weekday inside "who …" or "which …" is dated by that clause's verbs, not by the sentence's: the past
    # "drew" or "met" outside it wrote last week's date into a schedule.
    assert_rule(
        "DAT002",
        invalid=[
            # a present verb in the relative clause: a schedule, so the guess leans ahead, and fixes nothing
            Case("The harbour festival, which opens Saturday, drew early crowds.",
                 fixed="The harbour festival, which opens Saturday, drew early crowds.",
                 message=_guess("Saturday", "Saturday, 14 March 2026", PRESENT_RELATIVE)),
            Case("Having trained all week, the visitors met the Rovers, who host the final on Sunday.",
                 message=_guess("Sunday", "Sunday, 15 March 2026", PRESENT_RELATIVE)),
            Case("Talks stalled with the union, which is in court on Monday.",
                 message=_guess("Monday", "Monday, 16 March 2026", PRESENT_RELATIVE)),
            # its own past or future verb still governs, and gives a fix
            Case("The ferry company, which cancelled sailings on Tuesday, apologised.",
                 message=likely("Tuesday", "Tuesday, 10 March 2026"),
                 fixed="The ferry company, which cancelled sailings on Tuesday, March 10, apologised."),
            Case("The envoy, who will arrive on Monday, met the mayor.", message=likely("Monday", "Monday, 16 March 2026")),
            Case("Talks stalled with the union, which is striking again on Monday.",
                 message=likely("Monday", "Monday, 16 March 2026")),
            # near misses of the present: a perfect looks back, and after "which the council" the verb is the
            # council's: no lean, the nearest day
            Case("Officials met the mediators who have been talking to both sides late Wednesday.",
                 message=_guess("Wednesday", "Wednesday, 11 March 2026", "no verb in its clause gives the tense")),
            Case("The plan, which the council debated for hours Wednesday, drew protests.",
                 message=likely("Wednesday", "Wednesday, 11 March 2026")),
            Case("The levy, which the council weighs on Tuesday, drew protests.",
                 message=_guess("Tuesday", "Tuesday, 10 March 2026", "no verb in its clause gives the tense")),
        ],
        reference_date=STORY,
    )


def test_qualifying_for_a_day_looks_ahead_of_the_clause() -> None:
    # "qualified for Sunday's final": a place in what is still to come ("qualified" alone is no past: "a
    # qualified nurse"); after a past form the day may have passed since
    assert_rule(
        "DAT002",
        invalid=[
            Case("The Rovers qualified for Sunday's final.", message=likely("Sunday's", "Sunday, 15 March 2026")),
            Case("The Rovers need a draw to qualify for Sunday's final.",
                 message=likely("Sunday's", "Sunday, 15 March 2026")),
            Case("The Rovers failed to qualify for Sunday's final.", message=_guess(
                "Sunday's", "Sunday, 15 March 2026",
                "a plan told in the past tense does not say whether its day has passed")),
            # near miss: without the aim the past verb dates the day
            Case("The Rovers played in Sunday's final.", message=likely("Sunday's", "Sunday, 8 March 2026")),
        ],
        reference_date=STORY,
    )


def test_the_main_verb_after_a_closed_relative_clause_dates_a_fronted_weekday() -> None:
    # "On Friday, X, who …, announced": the relative clause closes at its comma and the main clause goes on
    assert_rule(
        "DAT002",
        invalid=[
            Case("On Friday, the mayor, who was a candidate in the primary, announced the plan.",
                 message=likely("Friday", "Friday, 6 March 2026"),
                 fixed="On Friday, March 6, the mayor, who was a candidate in the primary, announced the plan."),
            # the month "May" is no modal: "announced" after it is no base form
            Case("On Friday, the mayor, who was elected in May, announced the plan.",
                 message=likely("Friday", "Friday, 6 March 2026")),
            # near miss: a relative clause that does not close before the verb keeps its verbs
            Case("The market opens on Friday, which suits traders who arrived early.",
                 message=_guess("Friday", "Friday, 13 March 2026", "no verb in its clause gives the tense")),
            # the modal "may" in lower case still looks ahead
            Case("The council may vote on Friday.", message=likely("Friday", "Friday, 13 March 2026")),
        ],
        reference_date=STORY,
    )
