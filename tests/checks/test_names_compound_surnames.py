"""NAM002 reads compound surnames: the whole or the first part before the full name is reported."""

from __future__ import annotations

from factlint.testing import Case, assert_rule, lint

#: These cases put titles of office before full names: report them, as a house style may.
TITLES = {"names": {"report-titles": True}}


from name_messages import early, codes


# ---------------------------------------------------------------- NAM002: compound surnames


def test_a_compound_surname_before_the_full_name_is_reported() -> None:
    text = (
        "Mayor Herrera Campos vetoed the budget.\n\n"
        "Mayor Lucía Herrera Campos was elected in 2022.\n"
    )
    assert_rule("NAM002", invalid=[Case(text, row=1, column=1, end_row=1, end_column=21,
                                        message=early("Mayor Herrera Campos", "Lucía Herrera Campos", 3))])


def test_a_compound_surname_after_the_full_name_is_not_reported() -> None:
    text = (
        "Mayor Lucía Herrera Campos was elected in 2022.\n\n"
        "Mayor Herrera Campos vetoed the budget.\n"
    )
    assert codes(text, "NAM002") == []


def test_the_first_surname_alone_before_the_full_name_is_reported() -> None:
    text = (
        "Minister Ortega said the port would reopen.\n\n"
        "Minister Andrés Ortega Salinas signed the order on Friday.\n"
    )
    assert_rule("NAM002", invalid=[Case(text, row=1, column=1, end_row=1, end_column=16,
                                        message=early("Minister Ortega", "Andrés Ortega Salinas", 3))], settings=TITLES)


def test_the_first_surname_alone_after_the_full_name_is_not_reported() -> None:
    text = (
        "Minister Andrés Ortega Salinas signed the order on Friday.\n\n"
        "Minister Ortega said the port would reopen.\n"
    )
    assert codes(text, "NAM002") == []


def test_a_middle_word_under_another_title_is_not_reported() -> None:
    # "Governor Huckabee" is likely the father of Sarah Huckabee Sanders.
    text = (
        "Governor Huckabee said the race was close.\n\n"
        "Press secretary Sarah Huckabee Sanders answered questions.\n"
    )
    assert codes(text, "NAM002") == []


def test_a_middle_word_that_is_someone_elses_surname_points_to_that_person() -> None:
    text = (
        "Senator Walker said the vote was close.\n\n"
        "Senator Mary Walker Jones voted yes. Senator Tom Walker, a veteran, voted no.\n"
    )
    found = lint(text, select=["NAM002"], settings=TITLES)
    assert [r.message for r in found] == [early("Senator Walker", "Tom Walker", 3)]


def test_a_middle_given_name_is_not_a_compound_surname() -> None:
    text = (
        "Senator Anne said the vote was close.\n\n"
        "Senator Mary Anne Jones voted yes.\n"
    )
    assert codes(text, "NAM002") == []


def test_a_shorter_name_that_starts_with_a_given_name_is_no_compound_surname() -> None:
    # "Senator Mary Jones" is a full name of its own, not the end of "Anne Mary Jones".
    text = (
        "Senator Mary Jones said the vote was close.\n\n"
        "Senator Anne Mary Jones voted yes.\n"
    )
    assert codes(text, "NAM002") == []


def test_a_surname_opening_a_sentence_with_an_irregular_past_tense() -> None:
    from factlint.testing import lint

    text = (
        "# Turnaround\n\nOkafor brought the company back from the brink in 2024.\n\n"
        "Chief executive Maria Okafor said the plan had worked.\n"
    )
    assert [(r.code, r.row) for r in lint(text, select=["NAM002"])] == [("NAM002", 3)]


def test_a_full_name_whose_first_word_was_cut_as_no_name_is_no_compound_surname() -> None:
    # "On" (a typo for "Ong") reads as a preposition and is cut: what is left is a full name, not a surname.
    later = "\n\nDefending champion Ong Kah Wai beat him last year.\n\n\"We will see,\" said Kah Wai.\n"
    assert_rule("NAM002", valid=["Karim Aziz will meet defending champion On Kah Wai in the final." + later],
                invalid=[Case("Karim Aziz will meet Kah Wai in the final." + later, row=1, column=22, end_column=29,
                              message=early("Kah Wai", "Ong Kah Wai", 3))])


# ---------------------------------------------------------------- NAM002: a later word of a long full name


def test_a_later_word_of_a_long_full_name_alone_after_it_is_that_person() -> None:
    # some naming systems, and double surnames, let the paper call someone by a word after the given name
    text = (
        "Adut Deng Malual, the minister for roads, died yesterday in Juba.\n\n"
        "Deng had been ill for a year, a spokesperson said.\n\n"
        "Minister Adut Deng was buried on Sunday.\n"
    )
    assert codes(text, "NAM002") == []


def test_a_later_word_of_a_long_full_name_before_it_is_still_reported() -> None:
    text = (
        "Deng had been ill for a year, a spokesperson said.\n\n"
        "Adut Deng Malual, the minister for roads, died yesterday in Juba.\n\n"
        "Minister Adut Deng was buried on Sunday.\n"
    )
    assert_rule("NAM002", invalid=[Case(text, row=1, column=1, end_row=1, end_column=5,
                                        message=early("Deng", "Adut Deng", 5))])
