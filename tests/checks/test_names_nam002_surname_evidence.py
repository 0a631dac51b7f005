"""NAM002 when the full name's given name is unknown: a titled surname elsewhere says the pair is a person."""

from __future__ import annotations

from factlint.testing import Case, assert_rule, lint

#: These cases put titles of office before full names: report them, as a house style may.
TITLES = {"names": {"report-titles": True}}


def msg(surname: str, full: str, line: int) -> str:
    return f'"{surname}" comes before the full name "{full}" (line {line}); give the full name at first reference'


def nam002(text: str, fmt: str = "markdown") -> list[tuple[int, int]]:
    # Titles of office are reported here: these cases are about the full name they point to.
    return [(r.row, r.column) for r in lint(text, format=fmt, select=["NAM002"], settings=TITLES)]


def test_a_titled_surname_before_a_full_name_with_an_unknown_given_name() -> None:
    assert_rule("NAM002", invalid=[
        Case("Ambassador Threlkeld had tried the same format. Oriel Threlkeld now teaches law.\n",
             row=1, column=1, end_column=21, message=msg("Ambassador Threlkeld", "Oriel Threlkeld", 1)),
        Case("Dr. Quarshie warned the clinic was full.\n\nYorick Quarshie runs it.\n", row=1, column=1, message=msg("Dr. Quarshie", "Yorick Quarshie", 3)),
        # a role in apposition is a title too
        Case("Vandermolen, the former chairman, resigned. Thorvald Vandermolen left in May.\n", row=1, column=1,
             message=msg("Vandermolen", "Thorvald Vandermolen", 1)),
    ], settings=TITLES)


def test_the_same_pair_in_plain_text() -> None:
    text = "Talks\n\nSenator Okonjo-Brandt voted no. Ottoline Okonjo-Brandt chairs the panel.\n"
    assert nam002(text, "text") == [(3, 1)]


def test_near_misses() -> None:
    assert_rule("NAM002", valid=[
        # the full name first
        "Oriel Threlkeld now teaches law. Ambassador Threlkeld had tried the same format.\n",
        # clubs and companies speak too: a speech verb alone is no person
        "Dortmund said the fee was too high. Borussia Dortmund later raised its offer.\n",
        # a sentence opener is no given name
        "Ambassador Threlkeld spoke first. Later Threlkeld left the room.\n",
        # a place before the surname is no given name
        "Ambassador Threlkeld spoke first. London Threlkeld is a law firm.\n",
        # a surname used alone with no title: nothing says the pair is a person
        "Threlkeld had tried the same format. Oriel Threlkeld now teaches law.\n",
        # titles that also open company and place names
        "General Electric shares fell. Westinghouse Electric shares rose.\n",
        "Captain America opened on Friday. Latin America voted on Sunday.\n",
        # a run cut after a place word is no full name
        "Governor Hochul signed the bill. Voters across New York Hochul country agreed.\n",
        "Governor Hochul signed the bill. In New York Hochul is popular.\n",
    ])


def test_a_sentence_opener_before_the_full_name_does_not_hide_it() -> None:
    text = "Secretary Blinken flew in. But Antony Blinken said little.\n"
    assert nam002(text) == [(1, 1)]
    # a judge's title is a person's
    assert nam002("Judge Amara ruled on Friday. Ozias Amara has sat since 2015.\n") == [(1, 1)]


def test_a_function_word_opening_the_sentence_is_no_given_name() -> None:
    # "Outside Amara's court" is no full name "Outside Amara" that the judge's earlier mention must wait for,
    # while an unknown given name after the same title still makes one.
    assert nam002("Judge Amara ruled on Friday. Outside Amara's court, protesters waited.\n") == []
    assert nam002("Judge Amara ruled on Friday. Unlike Amara, the appeal court sat late.\n") == []
    assert nam002("Judge Amara ruled on Friday. Ozias Amara has sat since 2015.\n") == [(1, 1)]


def test_given_names_added_to_the_pack_make_full_names() -> None:
    # Grace and Antony were missing: "Okafor warned" alone is no title, the first name is the evidence
    assert nam002("Okafor warned the surgery was full. Grace Okafor has run it since 2011.\n") == [(1, 1)]
    assert nam002("Blinken said the format had failed. Antony Blinken was secretary of state.\n") == [(1, 1)]
