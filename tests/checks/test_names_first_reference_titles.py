"""NAM002: a title of office or rank introduces a person; a courtesy title does not."""

from __future__ import annotations

from factlint.testing import Case, assert_rule, lint


def test_a_title_of_office_is_a_first_reference_by_default() -> None:
    assert_rule("NAM002", valid=[
        "President Bush spoke on Monday. Bush said the war was going well. Later, President George Bush met troops.\n",
        "Lord Callaghan died on Saturday. Callaghan was prime minister. James Callaghan was 92.\n",
        "The delegates backed Senator Cruz and Governor Kasich. Ted Cruz and John Kasich both spoke.\n",
    ])


def test_a_courtesy_title_is_still_reported() -> None:
    text = "Mr Blair spoke on Monday. Prime minister Tony Blair later said the deal was good.\n"
    assert_rule("NAM002", invalid=[Case(
        text, row=1, column=1, end_column=9,
        message='"Mr Blair" comes before the full name "Tony Blair" (line 1); give the full name at first reference')])


def test_mrs_with_a_full_stop_is_a_courtesy_title_too() -> None:
    found = lint("Mrs. Clinton won the vote. Hillary Clinton then thanked her staff.\n", select=["NAM002"])
    assert [(r.row, r.column, r.end_column) for r in found] == [(1, 1, 13)]


def test_the_setting_reports_titles_of_office() -> None:
    text = "President Bush spoke on Monday. Later, President George Bush met troops.\n"
    found = lint(text, select=["NAM002"], settings={"names": {"report-titles": True}})
    assert [(r.row, r.column, r.message) for r in found] == [(1, 1, '"President Bush" comes before the full name '
                                                              '"George Bush" (line 1); give the full name at first reference')]


def test_a_bare_surname_before_the_full_name_is_still_reported() -> None:
    found = lint("Okafor opened the session.\n\nCouncil member Adaeze Okafor later spoke.\n", select=["NAM002"])
    assert [(r.row, r.column) for r in found] == [(1, 1)]


def test_the_setting_sits_beside_house_spellings() -> None:
    settings = {"names": {"report-titles": False, "Zelensky": ["Zelenskyy"]}}
    found = lint("President Volodymyr Zelenskyy spoke.\n", select=["NAM003"], settings=settings)
    assert [r.message for r in found] == ['"Zelenskyy" is not the house spelling: write "Zelensky"']


def test_a_surname_naming_a_camp_or_a_time_is_no_reference() -> None:
    assert_rule("NAM002", valid=[
        "Most Trump supporters stayed home. Donald Trump said the polls were wrong.\n",
        "The bill repudiates both the Bush and Obama administrations. Barack Obama signed it.\n",
        "An email shows the desperation of a Clinton aide. Hillary Clinton did not answer it.\n",
    ])


def test_the_same_surname_doing_something_is_still_reported() -> None:
    found = lint("Trump said the polls were wrong. Donald Trump then left.\n", select=["NAM002"])
    assert [(r.row, r.column) for r in found] == [(1, 1)]
