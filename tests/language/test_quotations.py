"""Finding quotations: marks across styles, apostrophes and inches, nesting, the multi-paragraph convention."""

from __future__ import annotations

import functools

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.packs import BUILTIN_DIR
from factlint.language.attribution import Attribution, Vocabulary
from factlint.language.lexicon import IrregularVerbs
from factlint.language.quotations import (
    Quotation,
    count_words,
    direct_quotations,
    find_quotations,
    passages,
    quoted_ranges,
    scan_quotations,
    style_of,
    WordIndex,
)


def pairs(text: str, elisions: list[str] | None = None) -> list[tuple[str, str | None, str]]:
    """(opening mark, closing mark, quoted text) of every quotation, for short assertions."""
    return [(q.open_mark, q.close_mark, text[q.inner_start : q.inner_end]) for q in find_quotations(text, elisions)]


@functools.lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    def load(name: str) -> dict:
        return yaml.safe_load((BUILTIN_DIR / f"{name}.yaml").read_text(encoding="utf-8"))

    return Vocabulary.from_packs(load("speech-verbs"), load("quote-sources"),
                                 irregular=IrregularVerbs.from_pack(load("irregular-verbs")))


def attributed(text: str) -> list[bool]:
    scan = scan_quotations(text)
    reader = Attribution(scan, vocabulary())
    return [reader.is_attributed(q) for q in scan.quotations if q.depth == 0 and q.is_direct()]


# The Quotation value -------------------------------------------------------------


def test_a_quotation_knows_its_marks_extent_and_words() -> None:
    text = 'He said "we will be back next spring," and left.'
    (q,) = find_quotations(text)
    assert q == Quotation(8, 38, '"', '"', 6, 9, 37, 0, "double")
    assert q.inner == (9, 37)
    assert q.closed and q.well_formed and q.is_direct() and not q.is_direct(7)
    assert q.contains(10, 12) and not q.contains(2, 4)
    assert text[q.start] == '"' and text[q.end - 1] == '"'


def test_an_unclosed_quotation_runs_to_the_end_of_the_text() -> None:
    text = 'Analysts called it "late but welcome in a note.'
    (q,) = find_quotations(text)
    assert q.end is None and q.close_mark is None and not q.closed
    assert q.inner == (20, len(text))
    assert q.outer_end == len(text)


# Styles --------------------------------------------------------------------------


def test_straight_and_curly_double_marks() -> None:
    assert pairs('"Yes," she said.') == [('"', '"', "Yes,")]
    assert pairs("“Yes,” she said.") == [("“", "”", "Yes,")]


def test_mixed_marks_still_pair() -> None:
    assert pairs('"Yes,” she said.') == [('"', "”", "Yes,")]
    assert pairs('“Yes," she said.') == [("“", '"', "Yes,")]


def test_guillemets_and_low_high_marks() -> None:
    assert pairs("«Nous partons», dit-il.") == [("«", "»", "Nous partons")]
    assert pairs("„Wir schaffen das“, sagte sie.") == [("„", "“", "Wir schaffen das")]
    assert pairs("„Nie wiem”, powiedział.") == [("„", "”", "Nie wiem")]
    assert pairs("‚Hallo‘, sagte er.") == [("‚", "‘", "Hallo")]


def test_single_quotes_at_word_boundaries() -> None:
    assert pairs("‘We are ready,’ he said.") == [("‘", "’", "We are ready,")]
    assert pairs("He called it 'a disgrace' twice.") == [("'", "'", "a disgrace")]


def test_wrongly_turned_curly_marks_still_pair() -> None:
    assert pairs("”Wrong,” he said.") == [("”", "”", "Wrong,")]
    assert pairs("“Also wrong“ she said.") == [("“", "“", "Also wrong")]


def test_style_of_marks() -> None:
    assert [style_of(m) for m in "\"'“”‘’«„"] == ["straight"] * 2 + ["curly"] * 4 + [None, None]


# Apostrophes, elisions, inches -----------------------------------------------------


def test_apostrophes_inside_words_are_not_marks() -> None:
    assert pairs("The union’s leader can't and won't.") == []


def test_elisions_and_decades_are_not_opening_marks() -> None:
    assert pairs("He loved rock ’n’ roll in the ’90s and '80s, and 'tis true.") == []
    assert pairs("Give ’em a break, rock 'n' roll lives.") == []


def test_possessive_plural_inside_a_single_quoted_quotation() -> None:
    assert pairs("‘The workers’ money is gone,’ she said.") == [("‘", "’", "The workers’ money is gone,")]


def test_a_possessive_plural_with_nothing_open_is_an_apostrophe() -> None:
    scan = scan_quotations("The players’ union met the owners' lawyers.")
    assert scan.quotations == () and scan.stray == ()


def test_feet_and_inches_are_not_quotation_marks() -> None:
    assert pairs("He is 6'2\" tall and owns a 27\" screen and a 6' fence.") == []


def test_a_closing_mark_after_a_number_closes_an_open_quotation() -> None:
    assert pairs('She said "we won in 1990" and smiled.') == [('"', '"', "we won in 1990")]


# Nesting and imbalance -------------------------------------------------------------


def test_nested_quotations_have_depth() -> None:
    text = "“He told me ‘go home now’ and left,” she said."
    outer, inner = find_quotations(text)
    assert (outer.depth, inner.depth) == (0, 1)
    assert text[inner.inner_start : inner.inner_end] == "go home now"
    assert outer.contains(inner.start, inner.end)


def test_british_nesting_single_outside_double_inside() -> None:
    text = "‘He shouted “stop” twice,’ she said."
    assert pairs(text) == [("‘", "’", "He shouted “stop” twice,"), ("“", "”", "stop")]


def test_a_closing_mark_with_nothing_open_is_stray() -> None:
    scan = scan_quotations('The score was level, and then" nothing.')
    assert scan.quotations == ()
    assert [(s.offset, s.mark) for s in scan.stray] == [(29, '"')]


def test_a_new_opening_mark_leaves_the_earlier_one_unclosed() -> None:
    text = 'He called it "a farce. "We will appeal," he said.'
    first, second = find_quotations(text)
    assert first.start == 13 and first.end is None
    assert second.start == 23 and second.closed


def test_an_inner_quotation_left_open_ends_with_its_outer_one() -> None:
    text = "“He said ‘go now and then,” she said."
    outer, inner = find_quotations(text)
    assert outer.closed and not inner.closed and inner.inner_end == outer.end - 1


# Words and direct quotations ---------------------------------------------------------


def test_count_words() -> None:
    assert count_words("It's a well-known, 24-hour U.S. service.") == 6


def test_the_word_index_counts_a_stretch_as_counting_it_afresh_would() -> None:
    text = "It's a well-known, 24-hour U.S. service."
    index = WordIndex(text)
    assert [index.count(a, len(text)) for a in (0, 3, 7, 12, 19)] == [6, 6, 4, 4, 3]
    assert index.count(8, 11) == 1  # "ell", inside "well-known"
    assert index.count(11, 13) == 1  # "-k": what a cut at the hyphen keeps is still a word
    assert index.count(17, 19) == 0  # ", " between words
    assert index.count(5, 5) == 0


@settings(max_examples=300)
@given(st.text(alphabet="ab é1'’-._ \"\n", max_size=40), st.data())
def test_the_word_index_agrees_with_counting_every_stretch(text: str, data: st.DataObject) -> None:
    index = WordIndex(text)
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    assert index.count(a, b) == count_words(text[a:b])


def test_a_line_of_thousands_of_open_quotations_is_counted_once() -> None:
    text = 'Body with "quote ' * 4000
    scan = scan_quotations(text)
    assert len(scan.quotations) == 4000 and not any(q.closed for q in scan.quotations)
    first, last = scan.quotations[0], scan.quotations[-1]
    assert (first.words, first.depth, last.words, last.depth) == (4000 * 3 - 2, 0, 1, 3999)


def test_direct_quotations_leave_out_short_and_nested_ones() -> None:
    text = 'The "rainy day fund" is gone, and "we will not refill it this year," she said.'
    (q,) = direct_quotations(text)
    assert text[q.inner_start : q.inner_end] == "we will not refill it this year,"
    assert quoted_ranges(text) == [q.inner]
    assert quoted_ranges(text, min_words=3) == [(5, 19), q.inner]


def test_custom_elisions() -> None:
    assert pairs("They say 'allo to all.") == [("'", None, "allo to all.")]
    assert pairs("They say 'allo to all.", elisions=["'allo"]) == []


# The multi-paragraph convention -----------------------------------------------------


def test_a_quotation_continues_into_a_paragraph_that_opens_again() -> None:
    texts = [
        'The coach was clear. "He reads the game early. He sees everything.',
        '"He will make us better from the first day," Ruiz said.',
    ]
    (passage,) = passages([scan_quotations(t) for t in texts])
    assert [k for k, _ in passage.parts] == [0, 1]
    assert passage.closed and passage.words == 17


def test_a_chain_of_three_paragraphs() -> None:
    texts = ['"One two three.', '"Four five six.', '"Seven eight," she said.']
    (passage,) = passages([scan_quotations(t) for t in texts])
    assert [k for k, _ in passage.parts] == [0, 1, 2]


def test_a_paragraph_that_does_not_open_with_a_mark_breaks_the_chain() -> None:
    texts = ['She said "it was late.', 'Later, "we left early," he said.']
    first, second = passages([scan_quotations(t) for t in texts])
    assert not first.closed and first.parts[0][0] == 0
    assert second.closed and second.parts[0][0] == 1


def test_single_paragraph_quotations_are_passages_of_one_part() -> None:
    texts = ['"A," he said. "B," she said.', "No quotes."]
    found = passages([scan_quotations(t) for t in texts])
    assert [len(p.parts) for p in found] == [1, 1]


# Attribution ---------------------------------------------------------------------------


def test_attribution_forms_of_the_spec() -> None:
    assert attributed('"We will keep talking to them every single week," said Yuri Ushakov, aide to the president.') == [True]
    assert attributed('"We will keep talking to them every single week," Ushakov noted.') == [True]
    assert attributed('According to Ushakov, "we will keep talking to them every single week."') == [True]
    assert attributed('She told reporters: "We will keep talking to them every single week."') == [True]
    assert attributed('Ushakov said: "We will keep talking to them every single week."') == [True]


def test_attribution_in_the_sentence_before_or_after() -> None:
    assert attributed('Ruiz left after the vote. "We will keep talking to them every single week."') == [False]
    assert attributed('Ruiz said the vote was close. "We will keep talking to them every single week."') == [True]
    assert attributed('"We will keep talking to them every single week." Ruiz said it twice.') == [True]


def speakers(text: str) -> list[str | None]:
    scan = scan_quotations(text)
    reader = Attribution(scan, vocabulary())
    return [getattr(reader.speaker(q), "source", None) for q in scan.quotations if q.depth == 0 and q.is_direct()]


def test_the_quotations_own_sentence_names_its_speaker_before_a_neighbour() -> None:
    # the sentence before names a speaker too ("said Hollis Brandt"), but the quotation's own sentence has one
    text = ('The audit is late, said Hollis Brandt. "Nobody on the board has seen a single page of it," '
            'Oduya said.')
    assert speakers(text) == ["Oduya"]
    # with none in its own sentence, the neighbour's speaker is the one
    assert speakers('The audit is late, said Hollis Brandt. "Nobody on the board has seen a single page of it."') \
        == ["Hollis Brandt"]


def test_first_person_words_in_a_sentence_about_one_person_are_that_persons() -> None:
    assert speakers('Dina Lyle has run the ferry for years, her "reason to get up, because I love the sea."') \
        == ["Dina Lyle"]
    assert speakers('She also chooses "to sail the routes my father taught me."') == ["She"]
    assert speakers('Okafor, also on Harbour Radio, defended the levy, "as I have said, we need it."') == ["Okafor"]
    # not the subject's: another person before the words, no subject opening the sentence, or a thing's sentence
    assert speakers('Okafor met Ekberg about the levy, "which I never thought we would see."') == [None]
    assert speakers('Okafor was asked about the "I never thought we would see it" remark.') == [None]
    assert speakers('Okafor is expected to back "the plan I drew up with my own board."') == [None]
    assert speakers('Couple the levy with a "plan that I would vote for tomorrow."') == [None]
    assert speakers('Okafor arrived at noon. "I will not sail today, whatever the board says."') == [None]


def test_the_subject_before_the_verb_over_the_subject_of_what_was_said() -> None:
    # "said the strike": the strike is what Kowalczyk spoke about, not a speaker
    assert speakers('Marta Kowalczyk said the strike would last. "We want back what was taken from all of us."') \
        == ["Marta Kowalczyk"]
    assert speakers('"We want back what was taken from all of us," he said in Leeds on Monday.') == ["he"]
    assert speakers('"We want back what was taken from all of us," Maddow said, another pointed remark.') \
        == ["Maddow"]
    assert speakers('Priya Nair wrote in a statement: "We want back what was taken from all of us."') == ["Priya Nair"]


def test_an_inverted_subject_after_the_quotation_or_a_comma() -> None:
    assert speakers('"We want back what was taken from all of us," said Ruiz.') == ["Ruiz"]
    # after a comma, a name that ends the clause is the inverted subject...
    assert speakers('"We want back what was taken," and nothing less, said Tomas Ekberg, a steward.') \
        == ["Tomas Ekberg"]
    # ...but not the subject of the reported clause, nor words after an apposition
    assert speakers('Ekberg, a steward, said Ruiz was "looking for free publicity with claims that are false."') \
        == ["a steward"]
    assert speakers('Ekberg, a steward, said on Radio Kent: "We want back what was taken from all of us."') \
        == ["a steward"]


def test_an_inverted_speaker_after_a_capitalised_description_is_the_name_after_it() -> None:
    # "Tibetan University graduate", "Harvard economist": the capitals describe; the name comes after the role
    assert speakers('"It is hard to adapt to all of the changes," said Tibetan University graduate Lhamo Cering.') \
        == ["Lhamo Cering"]
    assert speakers('"It is hard to adapt to all of the changes," said Harvard economist Ana Ruiz.') == ["Ana Ruiz"]
    # where or when it was said is no role
    assert speakers('"It is hard to adapt to all of the changes," said Ruiz in Leeds on Monday.') == ["Ruiz"]


def test_a_named_speaker_is_given_with_the_rest_of_the_name() -> None:
    # from either side of the verb, without a title written short before it, initials kept
    assert speakers('"We want back what was taken from all of us," said Rep. G.K. Mensah (D-Ohio), a steward.') \
        == ["G.K. Mensah"]
    assert speakers('Sen. Ann Mensah told them: "We want back what was taken from all of us."') == ["Ann Mensah"]
    # a preposition, a month or a determiner is no part of it
    assert speakers('In March Ann Mensah said: "We want back what was taken from all of us."') == ["Ann Mensah"]
    assert speakers('On Friday, Mensah said: "We want back what was taken from all of us."') == ["Mensah"]


def test_a_participle_after_a_comma_speaks_for_the_subject_of_its_clause() -> None:
    assert speakers('Okafor backed Tomas Ekberg (R-Ohio) on Monday, saying it was "time for a steady hand at the port."') \
        == ["Okafor"]
    assert speakers('Okafor took a risk by winking at port managers, telling them: "We are not going anywhere soon."') \
        == ["Okafor"]
    # a phrase fronted before the subject is passed over...
    assert speakers('Early in the dispute, Okafor attacked Ekberg, calling him "a manager who never once came down."') \
        == ["Okafor"]
    assert speakers('On the harbour dues, Okafor aimed at Ekberg, saying he "never once came down to the pier."') \
        == ["Okafor"]
    assert speakers('Amid calls for a boycott, Okafor gave her reasons, saying it was "time for a steady hand at the port."') \
        == ["Okafor"]
    # a subject that runs on past a preposition is no fronted phrase
    assert speakers('Lawyers for the port opposed the levy, saying in filings that it "was never lawful at any point in its life."') \
        == ["Lawyers"]
    # a quotation inside the clause does not end it
    assert speakers('Okafor needled the Ledger "reporter," saying, "A reporter who writes what he is told to write!"') \
        == ["Okafor"]
    # in a statement or a letter: its source is the subject after its comma
    assert speakers('In a statement sent to the Ledger, the ministry said it was "looking at every option it has."') \
        == ["the ministry"]


def test_a_subject_stands_in_the_verbs_sentence() -> None:
    # "In a letter" opens its sentence: the phrase ending the sentence before is not its subject
    text = ('The brochure shows Mr. Okafor beside Ana Ruiz, the former mayor. In a letter included in the brochure, Mr. Okafor '
            'writes, "I look forward to meeting every one of you at the pier."')
    assert speakers(text) == ["Okafor"]


def test_a_relative_pronoun_speaks_for_the_name_before_it() -> None:
    # where or when in the relative clause is no subject: "the rally on Wednesday" did not speak
    assert speakers('Okafor, who attended the rally on Wednesday, said that "the harbour board has lost its nerve."') \
        == ["Okafor"]
    text = ('Okafor, who was speaking to the mayors, told them the city needed leaders '
            '"who put the interest of their voters ahead of their own business."')
    assert speakers(text) == ["Okafor"]


def test_words_inside_the_quotation_never_attribute_it() -> None:
    assert attributed('"I told him we would keep talking to them every single week."') == [False]


def test_a_passive_speech_verb_is_not_tied_to_a_source() -> None:
    assert attributed('"We will keep talking to them every single week," it was said.') == [False]


def test_a_speech_verb_used_as_a_noun_is_not_attribution() -> None:
    assert attributed('The report came in a note to clients. "We will keep talking to them every single week."') == [False]


def test_anonymous_sources_and_questions() -> None:
    assert attributed('"We will keep talking to them every single week," a senior official said.') == [True]
    assert attributed('"Why would anyone keep talking to them every single week?" she asked.') == [True]
    assert attributed('"We will keep talking to them every single week," two people familiar with the talks said.') == [True]


def test_a_paragraph_that_introduces_the_next_one() -> None:
    assert Attribution(scan_quotations("Peskov told reporters on Monday:"), vocabulary()).introduces_quotation()
    assert Attribution(scan_quotations("The statement read:"), vocabulary()).introduces_quotation()
    assert not Attribution(scan_quotations("The plan has three parts:"), vocabulary()).introduces_quotation()
    assert not Attribution(scan_quotations("Peskov told reporters."), vocabulary()).introduces_quotation()


def test_titles_of_works_and_headlines() -> None:
    scan = scan_quotations('She starred in "The Long Goodbye of the Northern Summer Sky" last year.')
    assert Attribution(scan, vocabulary()).is_title(scan.quotations[0])
    scan = scan_quotations('It ran under the headline "Council approves budget after a marathon night session".')
    assert Attribution(scan, vocabulary()).is_title(scan.quotations[0])
    scan = scan_quotations('"We will keep talking to them every single week."')
    assert not Attribution(scan, vocabulary()).is_title(scan.quotations[0])


# Properties ------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(list("ab s.,?!:'\"“”‘’„«»‚‹›0123456789\nİ—") + ["’n’", "'90s", "6'2\"", " said Ana", " she said"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_never_crashes_and_every_quotation_lies_inside_the_text(text: str) -> None:
    scan = scan_quotations(text)
    for q in scan.quotations:
        assert 0 <= q.start < q.inner_start <= q.inner_end <= len(text)
        assert text[q.start] == q.open_mark
        if q.end is not None:
            assert q.end <= len(text) and text[q.end - 1] == q.close_mark and q.inner_end == q.end - 1
    for stray in scan.stray:
        assert text[stray.offset] == stray.mark
    reader = Attribution(scan, vocabulary())
    for q in scan.quotations:
        if q.depth == 0:
            reader.is_attributed(q)
            reader.is_title(q)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(_ALPHABET, max_size=15).map("".join), max_size=5))
def test_passages_cover_every_outermost_quotation_once(texts: list[str]) -> None:
    scans = [scan_quotations(t) for t in texts]
    found = [(k, q.start) for p in passages(scans) for k, q in p.parts]
    expected = [(k, q.start) for k, s in enumerate(scans) for q in s.quotations if q.depth == 0]
    assert sorted(found) == sorted(expected)


def test_a_doubled_closing_mark_is_stray() -> None:
    scan = scan_quotations('She wrote: "It was the best of times.""')
    assert [(q.start, q.end) for q in scan.quotations] == [(11, 38)]
    assert [s.offset for s in scan.stray] == [38]


def test_nested_straight_double_marks() -> None:
    text = '"He said "no" to me," she said.'
    assert [(q.start, q.end, q.depth) for q in find_quotations(text)] == [(0, 21, 0), (9, 13, 1)]


def test_letters_that_grow_when_lowered_do_not_shift_offsets() -> None:
    text = "İİİİ 'em and İstanbul said 'yes, we will go there' today."
    (q,) = find_quotations(text)
    assert text[q.start] == "'" and text[q.inner_start : q.inner_end] == "yes, we will go there"


def test_the_masked_narration_blanks_a_quotations_words_and_keeps_its_white_space() -> None:
    # Every kind of white space inside the quotation stays as written (a no-break space, a tab, a line
    # separator), so offsets and the splitter's gaps are the text's own; every other character is blanked.
    text = "“We\u00a0will\tbuild\u2028it,” Okafor said. “Again,” she added."
    reader = Attribution(scan_quotations(text), vocabulary())
    assert reader.masked == "“  \u00a0    \t     \u2028   ” Okafor said. “      ” she added."
    assert len(reader.masked) == len(text)
