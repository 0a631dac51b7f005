"""NAM001 accepts a one-letter variant under the full name's own title, and no other."""

from __future__ import annotations

from factlint.testing import Case, assert_rule


from name_messages import variant, codes


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
