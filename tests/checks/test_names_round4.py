"""NAM001 accepts a one-letter variant under the full name's own title; NAM002 reads compound surnames."""

from __future__ import annotations

from factlint.testing import Case, assert_rule, lint

#: These cases put titles of office before full names: report them, as a house style may.
TITLES = {"names": {"report-titles": True}}


def variant(here: str, other: str, uses: int) -> str:
    return f'name spelt two ways: "{here}" here, "{other}" elsewhere ({uses} use{"s" if uses != 1 else ""})'


def early(surname: str, full: str, line: int) -> str:
    return f'"{surname}" comes before the full name "{full}" (line {line}); give the full name at first reference'


def codes(text: str, code: str) -> list[tuple[int, int]]:
    return [(r.row, r.column) for r in lint(text, select=[code])]


# ---------------------------------------------------------------- NAM001: titled near variants


def test_a_one_letter_variant_under_the_full_names_title_is_reported() -> None:
    text = (
        "Archbishop Tobias Nwachukwo led the vigil.\n\n"
        "Nwachukwo thanked the volunteers.\n\n"
        "Archbishop Nwachukwu said the church would stay open.\n"
    )
    fixed = text.replace("Archbishop Nwachukwu", "Archbishop Nwachukwo")
    assert_rule("NAM001", invalid=[Case(text, row=5, column=12, end_row=5, end_column=21,
                                        message=variant("Nwachukwu", "Nwachukwo", 2), fixed=fixed)])


def test_a_one_letter_variant_under_another_title_is_not_reported() -> None:
    # "Coach Hartmon" may be another person than professor Lena Hartman.
    text = (
        "Professor Lena Hartman opened the lab.\n\n"
        "Hartman said the grant was renewed.\n\n"
        "Coach Hartmon said the team would train there.\n"
    )
    assert codes(text, "NAM001") == []


def test_a_one_letter_variant_with_a_role_of_its_own_is_still_not_reported() -> None:
    text = (
        "Senator Grace Whitlow spoke first.\n\n"
        "Whitlow said the bill was fair.\n\n"
        "Whitlaw, the committee clerk, read the amendments.\n"
    )
    assert codes(text, "NAM001") == []


def test_the_same_title_on_an_untitled_full_name_does_not_count() -> None:
    # The full name carries no title, so "Bishop Okonkwi" has a role of its own.
    text = (
        "Samuel Okonkwo wrote the letter.\n\n"
        "Okonkwo said it was long overdue.\n\n"
        "Bishop Okonkwi said he had not read it.\n"
    )
    assert codes(text, "NAM001") == []


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
