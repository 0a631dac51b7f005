"""The Quotes family stays quiet on well-edited copy: wire-style drafts where every quotation is attributed."""

from __future__ import annotations

import pytest

from factlint.testing import lint

HARBOUR = """\
---
title: Harbour pilots end strike after pay deal
date: 2026-05-04
---
# Harbour pilots end strike after pay deal

Harbour pilots in Eastport returned to work on Monday after a four-day strike that left more than
40 cargo ships waiting at anchor, the port authority said.

"Every ship in the bay will be moving again by the end of the week," port director Helen Okoro told
reporters at the terminal. "We owe the shipping lines an apology, and we will give them one."

The pilots' union said the deal raised pay by 6 per cent this year and 4 per cent next year.
Union secretary Tomas Varga called it "a fair settlement that nobody will celebrate but everybody
can live with."

According to the authority's own figures, the strike cost the port about 2 million euros a day.
"That is money we will not get back, however hard we work this summer," Okoro said.

Shipping agents were less forgiving. "Our customers do not care why a ship is late; they care that
it is late, and they will remember it," said Ines Carvalho, who runs an agency on the north quay.

Asked whether the pilots would strike again, Varga paused. "Not this year, and I hope not next
year either," he said.
"""

COURT = """\
# Court clears former mayor of fraud

A regional court on Thursday acquitted the former mayor of Westbrook, Anna Lindqvist, of fraud
charges brought after a 2023 audit of the town's parking contracts.

Presiding judge Martin Holm said the prosecution had failed to show that Lindqvist knew of the
inflated invoices. "Suspicion, however strong, is not proof, and this court does not convict on
suspicion," Holm told the packed courtroom.

Lindqvist, 61, wept as the verdict was read. Speaking outside the court, she thanked her family
and her lawyers. "Three years of my life were spent answering for something I did not do," she
said. "I want to go home now and sleep for a week."

The prosecutor's office said in a statement that it would study the ruling before deciding whether
to appeal. "We respect the court's decision and will read the judgment with care," it said.

A spokesperson for the town council declined to comment on the verdict but said the parking
contracts had since been renegotiated. "The town is paying 30 per cent less for the same service,"
the spokesperson said.
"""

MATCH = """\
Rovers hold leaders to a draw in the rain

Rovers came from a goal down to draw 1-1 with league leaders City on Saturday, a result that keeps
their hopes of promotion alive with four games left.

"We showed character today, and character is what wins you things in April and May," Rovers
manager Sam Adeyemi said after the match.

City's coach, Luca Ferri, was less pleased. He said his side had "thrown away two points we will
need at the end of the season" by sitting back after taking the lead.

Striker Jonas Berg, who scored the equaliser in the 78th minute, was asked about his celebration.
"I just wanted to run to the fans, because they have stood in the rain all afternoon for us," he
said.

Adeyemi said: "The dressing room believes. That is the most important thing I can tell you."

Rovers play away at Northfield next Saturday.
"""

POLICY = """\
# Ministers agree to extend fuel subsidy

The government will extend the fuel subsidy for farmers until the end of the year, the agriculture
minister announced on Wednesday, after weeks of protests outside parliament.

Minister Petra Novak told a news conference that the extension would cost 120 million euros.
"Farmers cannot plan a harvest around a price that changes every week," she said. "This gives
them the certainty they asked for."

Opposition lawmakers said the measure came too late. "The government waited until tractors
blocked the city centre before it listened to anyone," said Marek Dvorak, the opposition's
agriculture spokesman.

Economists were divided. "A subsidy like this keeps farms running in the short term, but it
delays the investment in efficiency that the sector needs," said Jana Horak, an economist at the
National Institute of Economic Research.

Farmers' groups welcomed the decision. The largest of them, the Farmers' Union, said in a
statement: "We are grateful that the minister has heard the voice of the countryside."

Asked about the cost, Novak added: "Every euro of it is in the budget that parliament approved in
December."
"""

LONG_QUOTE = """\
# Retiring conductor looks back

After 31 years at the podium of the city orchestra, Elena Sorokina conducted her last concert on
Sunday. In an interview before the performance she looked back on her career.

"When I arrived, the orchestra played to half-empty halls. We had to win the city back one
concert at a time, with programmes people had never heard of.

"The turning point was the winter we played all of the Beethoven symphonies in one month. People
queued in the snow for tickets.

"I will miss the musicians most of all," she said. "Not the applause. The rehearsals."

The orchestra has not yet named her successor.
"""

QUESTIONS = """\
# Residents question bridge closure

Residents of the east bank packed the community hall on Tuesday to question engineers about the
closure of the Mill Street bridge.

"Why did nobody tell us the bridge was unsafe until the day it closed?" asked Clara Jensen, who
has lived on the east bank for 40 years.

"How long will my children have to take two buses to get to school?" another resident, Piotr
Wozniak, wanted to know.

City engineer David Osei said the inspection that found the cracks had been carried out only
three weeks ago. "We closed it the same day we had the results, because that is our job," he
said.

Osei said repairs would take at least six months. Asked whether the bridge could reopen sooner
for pedestrians, he replied: "We are looking at that, and I hope to have an answer next month."
"""

BRITISH = """\
# Rail workers vote to strike over pay

Rail workers across the north of England have voted to strike next month after talks with the operators’ association broke down, the RMT union said on Thursday.

‘Our members have been patient for two years, and their patience has run out,’ said the union’s general secretary, Sarah Collins. ‘Nobody takes this decision lightly.’

The operators said they were ‘disappointed’ by the result. A spokesperson said: ‘We have made a fair offer and we urge the union to put it to its members.’

Collins rejected that. ‘They call it a fair offer. Our members call it a pay cut, because that’s what it is after inflation,’ she told the BBC’s Today programme.

Passengers’ groups warned of disruption. ‘People who rely on these trains to get to work, to hospital and to school will pay the price,’ said Martin O’Brien of the passengers’ forum.

The drivers’ union, Aslef, is expected to announce its own ballot result next week. Its leader said in a statement that the drivers’ case was ‘every bit as strong’.

‘I’ve worked on the railways since the ’90s and I have never seen morale this low,’ one signaller, who asked not to be named, told reporters outside the depot.
"""

MARKDOWN = """\
---
title: "Council \\"keeps\\" libraries open"
date: 2026-03-12
summary: 'It was a "long night"'
---
# Council keeps every library branch open

<!-- editor: check the "final" vote count -->

The city council voted 7-2 late on Tuesday to keep all nine library branches open, reversing a plan
to close three of them ([full vote record](https://example.org/votes "Vote record for \\"Tuesday\\"")).

![Readers at the Eastside branch "after hours"](/img/eastside.jpg "Photo: Lena Park, CC BY 4.0")

"We heard from hundreds of parents, and we listened to every one of them," council member Adaeze
Ortiz said after the vote.

> "A city that closes its libraries is a city that has stopped believing in its children." — Ortiz

The budget office had proposed the closures to save $1.2 million. Its report, which uses the phrase
`"rightsizing the network"` eleven times, was withdrawn on Monday.

- Branches kept open: nine
- Weekend hours: restored at three branches
- "Every branch will open on Saturdays again from April," the library director, Sam Kwan, said.

Kwan told reporters the staff had "worked through the uncertainty with real grace."
"""

WIRE = """\
Kremlin says no date set for new round of talks

MOSCOW, March 14 (Reuters) - The Kremlin said on Friday that no date had been set for a new round of talks, a day after officials in Washington said negotiators could meet as early as next week.

"There are no concrete agreements on dates yet. As soon as there are, we will inform you," Kremlin spokesman Dmitry Peskov told reporters on a conference call.

Two sources familiar with the preparations told Reuters that the talks could take place in Istanbul. "Everyone wants to meet, but nobody wants to be the first to name a date," one of the sources said, speaking on condition of anonymity because the matter is sensitive.

A senior European diplomat was more sceptical. "We have heard talk of imminent meetings many times in the past year, and we will believe it when we see it," the diplomat said.

Foreign Minister Sergei Lavrov was quoted by the state news agency TASS as saying: "Our position has not changed, and it will not change under pressure."

In comments broadcast on state television, Lavrov added that Moscow was "open to any format that takes our interests into account."

The State Department did not immediately respond to a request for comment. In a post on X, its spokesperson wrote: "We remain committed to a just and lasting peace, and we are ready to talk."

Reuters could not independently verify the sources' accounts.
"""

DRAFTS = {
    "harbour.md": HARBOUR,
    "court.md": COURT,
    "match.txt": MATCH,
    "policy.md": POLICY,
    "long-quote.md": LONG_QUOTE,
    "questions.md": QUESTIONS,
    "british.md": BRITISH,
    "markdown-features.md": MARKDOWN,
    "wire.txt": WIRE,
}


@pytest.mark.parametrize("name", sorted(DRAFTS))
def test_well_edited_copy_has_no_quote_findings(name: str) -> None:
    fmt = "text" if name.endswith(".txt") else "markdown"
    found = lint(DRAFTS[name], format=fmt, select=["QUO"])
    assert [(r.code, r.row, r.column, r.message) for r in found] == []


def test_the_same_copy_with_one_attribution_removed_is_reported() -> None:
    # The paragraph before still reports the spokesperson's words, so the story must take the voice back
    # (a sentence of narration) for the bare quotation to have no speaker.
    edited = COURT.replace('renegotiated. "The town', 'renegotiated. The council meets on Monday.\n\n"The town').replace(
        'service,"\nthe spokesperson said.', 'service."'
    )
    found = lint(edited, format="markdown", select=["QUO"])
    assert [(r.code, r.row, r.column) for r in found] == [("QUO001", 20, 1)]


def test_a_speaker_named_but_never_said_to_speak_is_not_attribution() -> None:
    edited = MATCH.replace("He said his side had", "His side had")
    found = lint(edited, format="text", select=["QUO"])
    assert [(r.code, r.row, r.column) for r in found] == [("QUO001", 9, 58)]


def test_attribution_in_the_next_paragraph_is_too_late() -> None:
    edited = COURT.replace(
        '"We respect the court\'s decision and will read the judgment with care," it said.',
        '"We respect the court\'s decision and will read the judgment with care."\n\nThe office said so on Friday.',
    ).replace("The prosecutor's office said in a statement that it would study", "The prosecutor's office will study")
    found = lint(edited, format="markdown", select=["QUO"])
    assert [(r.code, r.row, r.column) for r in found] == [("QUO001", 15, 12)]


FLOOD = """\
# Flood defences to be rebuilt after storm

The county will rebuild the flood wall along the river after last week's storm breached it in two places, officials said on Friday.

"The wall did exactly what it was designed to do for thirty years, but it was never designed for a storm like this one."

Engineers inspected the breach on Saturday. "We expect the work to take most of the summer and to cost about four million."

County engineer Rosa Lindgren said the new wall would be a metre higher. "It will be built to withstand the kind of storm we now expect every decade," she said.

Residents were not convinced. "We have heard promises like this before, and nothing ever changes down here.

Some called the plan "too little, too late" and said they would keep sandbags at their doors.

The council’s leader, Omar Haddad, said the county had asked the national government for help." The money is not there yet, he added. The meeting ended at noon.

"The river does not care about budgets or elections, and neither should we.”

Haddad said the council would publish the full plan next month.
"""


def test_a_draft_with_every_kind_of_quote_error() -> None:
    found = lint(FLOOD, format="markdown", select=["QUO"])
    assert [(r.code, r.row, r.column) for r in found] == [
        ("QUO001", 5, 1),  # a quotation paragraph on its own
        ("QUO001", 7, 45),  # "Engineers inspected" is no speech verb
        ("QUO002", 11, 31),  # never closes, and the next paragraph does not open again
        ("QUO002", 15, 95),  # closes with nothing open
        ("QUO001", 17, 1),  # after narration; attributed only in the next paragraph
        ("QUO003", 17, 1),  # straight opening, curly closing
    ]
