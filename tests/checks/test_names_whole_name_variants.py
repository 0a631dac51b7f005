"""NAM001 reports a use once when given name and surname both differ, at the whole name."""

from __future__ import annotations


from factlint.testing import Case, assert_rule, lint


from name_messages import variant


# ---------------------------------------------------------------- NAM001: one use, one finding


def test_given_name_and_surname_both_differing_is_one_finding_over_the_whole_name() -> None:
    text = (
        "Harbour master Tomás Ibáñez closed the quay at dawn. Ibáñez said the swell was too high.\n\n"
        "Tomas Ibanez said the ferries would sail again on Friday.\n"
    )
    fixed = text.replace("Tomas Ibanez", "Tomás Ibáñez")
    assert_rule("NAM001", invalid=[Case(text, row=3, column=1, end_row=3, end_column=13,
                                        message=variant("Tomas Ibanez", "Tomás Ibáñez", 2), fixed=fixed)])


def test_a_middle_name_between_the_differing_parts_is_kept_by_the_fix() -> None:
    text = (
        "Architect Inés María Peñalver won the prize. Peñalver thanked her team.\n\n"
        "Ines María Penalver said the library would open in spring.\n"
    )
    found = lint(text, select=["NAM001"])
    assert [(r.row, r.column, r.end_column) for r in found] == [(3, 1, 20)]
    assert found[0].message == variant("Ines Penalver", "Inés Peñalver", 2)
    assert [e.content for e in found[0].fix.edits] == ["Inés María Peñalver"]


def test_only_the_given_name_differing_is_still_reported_at_the_given_name() -> None:
    text = (
        "Harbour master Tomás Ibáñez closed the quay. Ibáñez said the swell was high.\n\n"
        "Tomás Ibáñez said the ferries would sail. Tomas Ibáñez added that the quay was safe.\n"
    )
    assert_rule("NAM001", invalid=[Case(text, row=3, column=43, end_column=48,
                                        message=variant("Tomas Ibáñez", "Tomás Ibáñez", 2))])


def test_only_the_surname_differing_is_still_reported_at_the_surname() -> None:
    text = (
        "Harbour master Tomás Ibáñez closed the quay. Ibáñez said the swell was high.\n\n"
        "Tomás Ibanez said the ferries would sail again.\n"
    )
    assert_rule("NAM001", invalid=[Case(text, row=3, column=7, end_column=13,
                                        message=variant("Ibanez", "Ibáñez", 2))])


def test_two_uses_of_the_minority_spelling_are_two_findings() -> None:
    text = (
        "Harbour master Tomás Ibáñez closed the quay. Tomás Ibáñez said the swell was high. Ibáñez left.\n\n"
        "Tomas Ibanez said the ferries would sail. Later Tomas Ibanez said the quay was safe.\n"
    )
    found = [(r.row, r.column) for r in lint(text, select=["NAM001"])]
    assert found == [(3, 1), (3, 49)]


def test_one_spelling_throughout_is_not_reported() -> None:
    assert_rule("NAM001", valid=[
        "Harbour master Tomás Ibáñez closed the quay. Ibáñez said the swell was high.\n\n"
        "Tomás Ibáñez said the ferries would sail again.\n",
        "Harbour master Tomas Ibanez closed the quay. Ibanez said the swell was high.\n",
    ])
