"""QUO001 on published copy: each way news attributes a quotation, next to the near case that must still fire."""

from __future__ import annotations

import pytest

from factlint.testing import lint

LONG = "we have waited far too long for the council to act on this"
SENTENCE = LONG[:1].upper() + LONG[1:]


def rows(text: str, format: str = "text") -> list[tuple[int, int]]:
    return [(r.row, r.column) for r in lint("Headline\n\n" + text, format=format, select=["QUO001"])]


ATTRIBUTED = {
    "continuation in the paragraph": f'"Go home and rest tonight," she urged. "Then come back and {LONG}."',
    "continuation closing the paragraph before": f'Ruiz said: "{LONG}."\n\n"And nobody here is going to wait one more year."',
    # wire style: a paragraph that is the speaker's quotation and its attribution, then a bare one
    "continuation after a quotation paragraph": f'"Go home and rest tonight, all of you," she said.\n\n"{LONG}."',
    "continuation after a named speaker's quotation paragraph": (
        f'"We looked at every other option before this one," the port director told reporters.\n\n"{LONG}."'),
    "continuation after whom it was told to": (
        f'"We looked at every other option before this one," she told the Harbour Institute of Trade.\n\n"{LONG}."'),
    "continuation after the speaker's description": (
        f'"The ferry will run again on Friday," said Ana Ruiz, Okafor\'s chief of staff, in a statement.\n\n"{LONG}."'),
    "continuation after when it was said": (
        f'"It was a hard week for all of us," Sousa said after the squad trained at the Marina Courts.\n\n"{LONG}."'),
    "continuation after a long audience": (
        f'"Abuse by our own staff still goes on," the director told a meeting of mayors, academics and advocates.\n\n"{LONG}."'),
    "continuation after where it was said": (
        f'"It was close. We deserved this one," said Berg at a news conference.\n\n"{LONG}."'),
    "implored": f'"Please, {LONG}," the pastor implored.',
    "fumed": f'The senator arrived late. "{LONG}," he fumed.',
    "upbraided": f'"{LONG}," Okafor upbraided her colleagues.',
    "quipped": f'"{LONG}," Berg quipped.',
    "conceded": f'"{LONG}," the minister conceded.',
    "vowed": f'"{LONG}," the mayor vowed.',
    "boasted": f'"{LONG}," Adeyemi boasted.',
    "tweeted": f'"{LONG}," Ruiz tweeted.',
    "in a statement": f'In a statement, the ministry welcomed the ruling: "{LONG}."',
    "per X": f'Per the police report, "{LONG}."',
    "X reports": f'The Herald reports that "{LONG}."',
    "what X calls": f'What Ruiz calls "{LONG}" begins next month.',
    "as X put it": f'As Ruiz put it, "{LONG}."',
    "in X's words": f'In Ruiz\'s words, "{LONG}."',
    "fronted participle": f'Calling the plan "{LONG}," the senator walked out of the chamber.',
    "fronted question": f'Asked about the vote, Smith shrugged. "{SENTENCE}."',
    "dash line": f'"{LONG}." — Ana Ruiz, mayor',
    "horizontal bar": f'"{LONG}." ― Ruiz',
    "sole source": f"Mayor Ana Ruiz lays the blame for the delay squarely on the port authority and its board.\n\n\"{LONG}.\"",
    "document named": f'Residents read a government warning about a "{LONG}."',
    "minutes show": f'The minutes show "{LONG}."',
    "colon after the speaker's own sentence": f'Ruiz is prepared to go this far: "{LONG}."',
    "Q and A": f'Q: What did you expect when you took the job?\n\nA: "{LONG}."',
    "speaker label": f'- Ruiz: "{LONG}."',
    # a surname that is also a verb form is a name inside its sentence
    "a name that is a verb form": f'"{LONG}," Read said.',
    "a name that is a verb form, inverted": f'"{LONG}," said Tell, the harbour master.',
    # a form more often a noun is the verb right after a pronoun subject
    "a pronoun and a noun-like form": f'He calls the levy "{LONG}."',
    # a surname with a lower-case particle is a name
    "a particle name": f'"{LONG}," said al-Rashid.',
    # "warned" takes a listener after it ("warned voters"), but inverted, the speaker follows it
    "an inverted subject after an addressed verb": f'"{LONG}," warned epidemiologist Clara Ortiz of the institute.',
    "an addressed verb's listener": f'"{LONG}," she warned voters.',
    # documents and broadcasts speak: the email, the ad, the leaflet
    "an email said": f'"{LONG}," the email said.',
    "a flyer read": f'"{LONG}," the flyer read.',
    # a form more often a noun is the verb after a determiner and a source noun
    "the memo states": f'"{LONG}," the memo states.',
    "an ad says, with a noun-like verb": f'"{LONG}," a voice-over in the ad states.',
    # ... and after the name that follows the quotation: `"…," Name answers.` is the attribution frame
    "a name and a noun-like form after the quotation": f'"{LONG}," Okafor answers.',
    "a name and a noun-like form after a question": f'"Can you name one thing the board has done for us?" Okafor states.',
    "a phrasal verb of retort": f'"{LONG}," Okafor shot back with a laugh.',
    "fired back": f'"{LONG}," the mayor fired back.',
    "riffed": f'"{LONG}," the nominee riffed on the governor\'s non-answer, drawing laughs.',
    # a noun-like participle after a comma, with what it says after it
    "warning that": f'The Ledger took a critical tone, warning that the levy would fail. "{SENTENCE}."',
    # a plural name and the form that agrees with it: the verb
    "the Saudis state": f'"{SENTENCE}," the Saudis state in the white paper.',
    # a digest item credits the story it quotes at the end of its paragraph
    "a bracketed credit ending the paragraph": f'HARBOUR DUES RISE AGAIN "{SENTENCE}." Read the rest tonight. [Ledger.]',
    "a two-word bracketed credit": f'"{SENTENCE}." [Mother Jones]',
    # a statement put out is its source's words
    "issued a statement, then the quotation": f'Right after the vote, Okafor issued a statement, "{SENTENCE}."',
    "released a statement, the sentence before": f'The port authority released a statement late on Monday. "{SENTENCE}."',
    "remembered": f'"{LONG}," remembered Tomas Berg, a former deputy.',
    "reacted": f'"{LONG}," reacted the coach.',
    # a partial quotation of what someone said, named as a thing
    "her remark that": f'Okafor was criticised over her remark that "{LONG}."',
    "his pledge of": f'Voters remember his pledge of "{LONG}."',
    # a round-up signs each quotation in the paragraph under it
    "signed in the paragraph after": f'"{LONG}."\n\n— Tomas Berg, Harbour Road.',
    "signed with a hyphen": f'"{LONG}."\n\n-Ruiz, on the budget.',
    # after the attribution, a clause about the speaker or the moment names no other voice
    "continuation after a relative clause about the speaker": (
        f'"It was close all the way," said Berg, who beat Lund and Okafor in the final round.\n\n"{SENTENCE}."'),
    "continuation after a clause about the moment": (
        f'"It was close all the way," he said after Lund and Okafor had left the course.\n\n"{SENTENCE}."'),
    "continuation after a participle": (
        f'"It was close all the way," he said while addressing a delegation from Harbour City.\n\n"{SENTENCE}."'),
    # the paragraph opens on narration naming nobody, with a fragment of the paraphrased speaker's words
    "a fragment after a paraphrase": (
        f'The army said the raid ended at dawn.\n\nThe raid "{LONG}" near the port, the army added later.'),
    "a fragment after a paraphrase, no attribution of its own": (
        f'The commander said the raid ended at dawn.\n\nThe raid "{LONG}" near the port.'),
    # more of the reporting vocabulary of wire copy
    "reaffirmed that": f'The minister reaffirmed that "{LONG}."',
    "accused of being": f'Okafor accused the board of being "{LONG}."',
    "blamed on": f'He blamed the delay on "{LONG}."',
    "expressed": f'The bank expressed "{LONG}."',
    "is calling for": f'The union is calling for the council "{LONG}."',
    # an inverted attribution may open its sentence
    "said opening the sentence": f'Okafor left early.\n\nSaid Berg, "{SENTENCE}."',
    # a document is the subject of a form more often a noun
    "the text calls for": f'The talks stalled. The text calls for "{LONG}."',
    # the paragraph before ends by reporting one speaker's words: the quotation that opens the next is theirs
    "a paraphrase in the paragraph before": (
        f'At the pier, Okafor said the ferry would run again once the engines were repaired.\n\n"{SENTENCE}."'),
    "an inverted paraphrase": f'The pier stays shut until spring, said Okafor.\n\n"{SENTENCE}."',
    "a paraphrase holding a scare quote": f'Okafor said the delay was "a disgrace" and blamed the board.\n\n"{SENTENCE}."',
    "a paraphrase in the present": f'The minister says the levy stays for another year.\n\n"{SENTENCE}."',
    # narration that names nobody, then a partial quotation, after the speaker's quotation closing the paragraph before
    "continuation into narration naming nobody": (
        f'Okafor said the harbour plan "{LONG}."\n\nBesides, "the engines are older than most of the crew."'),
    "continuation into narration after a quotation paragraph": (
        f'"The ferry will not run again this winter," Okafor said.\n\nThe repairs "{LONG}."'),
    # an article or a source noun used as a modifier ("A military solution") names nobody either
    "continuation into narration opening on an article and a modifier": (
        f'"The ferry will not run again this winter," Okafor said.\n\nA military solution "{LONG}."'),
    "continuation into narration with a police modifier": (
        f'"The ferry will not run again this winter," Okafor said.\n\nThe police cordon "{LONG}."'),
    # the paragraph opens on narration about one person, then their quotation opens a later sentence
    "the one source before it in its paragraph": f'Lena Okafor has not found a berth since the yard shut. "{SENTENCE}."',
    "a paper as the one source": f"France's Le Figaro went further. \"{SENTENCE}.\"",
    "voiced": f'The diplomat also voiced a fear that the talks would fail.\n\n"{SENTENCE}."',
    # a title in Title Case, its small function words in lower case
    "a title of a show": f'She was a guest on "The Late Show with Ana Ruiz and the Harbour Band" last year.',
    # reporting verbs whose object is what the speaker speaks of
    "attributed to": f'A spokesman attributed the delay to "{LONG}."',
    "termed": f'The mayor also termed "{LONG}" the only way forward.',
    # an inverted subject after a longer description of the speaker, with no comma in it
    "an inverted subject after a long description": f'"{SENTENCE}," said two-time world silver medallist Okafor, 24.',
    # the word before a quotation belongs to its own clause, not to the speech verb after the quotation
    "a partial quotation after an auxiliary": f'Police searched the flat of Ivan Petrov, who was "{LONG}," said Dina Lyle.',
    "a description holding a short title": (
        f'"{SENTENCE}," Anton Berki, one of the last members of the "Golden Side", told mourners.'),
    # "and" joining words inside the description opens no clause of another voice
    # a quotation that ends its own sentence leaves the attribution a sentence of its own
    "continuation after a question and its attribution": (
        f'"Is this the right week to choose?" Okafor said at a meeting of harbour mayors.\n\n"{SENTENCE}."'),
    "continuation after a full stop inside the marks": (
        f'"The pier is a very attractive asset for the town." Harbour Bank\'s Dina Lyle said.\n\n"{SENTENCE}."'),
    # a bare paragraph after a quotation over several paragraphs goes on in its speaker's voice
    "continuation after a passage over paragraphs": (
        f'"The ferry will not run this winter, whatever the board decides.\n\n'
        f'"The engines are older than most of the crew," Okafor said.\n\n"{SENTENCE}."'),
    # wire style again: the quotation opens the next paragraph, and narration that reports no one follows it
    "continuation, then narration in its paragraph": (
        f'"Go home and rest tonight, all of you," she said.\n\n"{LONG}." The vote is a formality.'),
    # a short quotation with its own attribution is too short to judge, but it is the speaker's voice
    "continuation after a short quotation paragraph": f'"What a farce," said Ng.\n\n"{SENTENCE}."',
    "continuation after a short quotation told to someone": (
        f'"I have mixed feelings," Ng told the Harbour Radio by telephone.\n\n"{SENTENCE}."'),
    "continuation after a short quotation in the paragraph": f'"What a farce," said Ng. "{SENTENCE}."',
    # a view in the holder's own words: the quotation of the verb's own sentence
    "a view": f'Okafor believes that "{LONG}."',
    "a view, irregular past": f'The harbour master thought the delay meant "{LONG}."',
    "a view anticipated": f'He anticipated that the hardest part would be "{LONG}."',
    "a view framed": f'"{SENTENCE}," in Okafor\'s view.',
    "a view set off by commas": (
        f'"The ferry will not run again this winter," Okafor said.\n\nThe repairs, Lund thought, were "{LONG}."'),
    "an inverted source another": f'"{SENTENCE}," said another.',
    "pressed": f'"Would {LONG}?" the interviewer pressed.',
    # first-person words worked into a sentence whose subject is one person are that person's
    # a name that says whose thing, in a phrase that says where, is no other voice between two quotations
    "continuation past a possessive": (
        f'"Go home and rest tonight," Ruiz said, pointing at the ferryman Tom Ekberg\'s old station. "{LONG}."'),
    # naming is said by the namer, as dubbing and branding are
    "named": f'The taxonomy committee named the strain that causes it "{LONG}."',
    "talked about": f'Ruiz talked about the pier at length. During the meeting, "{LONG}."',
    "first person in a sentence about one person": (
        'Dina Lyle has run the ferry for a decade, and the job "still gets me up before dawn every single day."'),
    "first person after a pronoun subject": 'She prefers "to sail the old routes, because I learned them from my father."',
    "first person past a place and a medium": (
        'Okafor, also on Harbour Radio, defended the levy, "as I have said before, we need every penny of it."'),
    "continuation after a description joined by and": (
        f'"It was all over by noon on the beach," said Dina Lyle of the search and rescue team of Harbour City.\n\n"{SENTENCE}."'),
}


@pytest.mark.parametrize("name", sorted(ATTRIBUTED))
def test_published_attribution_is_attribution(name: str) -> None:
    assert rows(ATTRIBUTED[name]) == []


def test_a_headed_collection_of_quotations() -> None:
    text = f'# Budget\n\nThe council voted.\n\n## What they said\n\n"{LONG}."\n\n"Nobody got everything they wanted from this budget."\n'
    assert [(r.row, r.column) for r in lint(text, select=["QUO001"])] == []


STILL_REPORTED = {
    # a singular name before the form, or the form in -s: a noun phrase
    "the Saudi state": (f'The Saudi state answers to no one. "{SENTENCE}."', (3, 36)),
    # a bracket that does not end the paragraph, or a quotation after the credited one, credits nothing
    "a bracket in mid-paragraph": (f'"{SENTENCE}." [Ledger.] Then the crowd left.', (3, 1)),
    "a quotation after the credited one": (f'"{SENTENCE}." [Ledger.] "Nobody answered the phones at the port office."',
                                           [(3, 1), (3, 73)]),
    # two people before it, or another quotation first: the quotation is no one's in particular
    "two sources before it in its paragraph": (
        f'Lena Okafor met Tomas Ekberg at the yard after it shut. "{SENTENCE}."', (3, 57)),
    "a group noun before it in its paragraph": (f'Engineers inspected the breach on Saturday. "{SENTENCE}."', (3, 45)),
    "a quotation before it in its paragraph": (
        f'Lena Okafor, "the last welder", has not found a berth since the yard shut. "{SENTENCE}."', (3, 76)),
    # first-person words are someone's, but not the subject's when another person is named before them, the
    # sentence opens on no subject, or the words open a sentence of their own
    # a group noun opening the paragraph before is no one source whose words follow
    "a group noun as the paragraph before's one source": (
        f"Residents gathered outside the council offices on the high street that morning.\n\n\"{SENTENCE}.\"", (5, 1)),
    # "Talks" opening a sentence is the noun, not a name
    "talks as the opening noun": (
        f"Talks resumed at the council offices on the high street that morning.\n\n\"{SENTENCE}.\"", (5, 1)),
    # a source noun after a possessive is a voice of its own
    "another voice after a possessive": (
        f'"Go home and rest tonight," Ruiz said. Ekberg\'s aide disagreed. "{LONG}."', (3, 65)),
    # "name" as a noun names no one
    "the name as a noun": (f'The harbour has a new name. The name "{LONG}" stuck.', (3, 38)),
    # "talks" as a noun: no one talks about anything
    "talks about a pier as a noun": (f'The talks about the pier collapsed. During the meeting, "{LONG}."', (3, 57)),
    "first person after a second person": (
        f'Dina Lyle met Tomas Ekberg at the pier, and the job "still gets me up before dawn every day."', (3, 53)),
    "first person after a fronted participle": (
        'Based on the figures, "I cannot see how the ferry survives another winter."', (3, 23)),
    "first person opening its own sentence": (
        'Dina Lyle arrived at the pier at noon. Crowds "gave me no chance to sail on time at all."', (3, 47)),
    "first person after a group noun": ('Engineers inspected the breach and "we found nothing at all wrong with it."',
                                        (3, 36)),
    "second person in a sentence about a thing": (
        'The glue guns run hot. They are "like putting your hand straight into a kitchen oven."', (3, 33)),
    # the source noun as a subject names another voice: the quotation after needs its own attribution
    "the military as a subject after a quotation paragraph": (
        f'"The ferry will not run again this winter," Okafor said.\n\nThe military would "{LONG}."', (5, 20)),
    # the noun: a warning that something would happen names no speaker
    "a warning that": (f'There was a warning that the levy would fail. "{SENTENCE}."', (3, 47)),
    # riffs are music: a noun after a determiner attributes nothing
    "the band's riffs": (f'The band\'s riffs filled the hall. "{SENTENCE}."', (3, 35)),
    # the noun-like form after a name that does not follow the quotation stays a noun
    "a name and a noun-like form, not after the quotation": (
        f'Okafor answers to Ekberg were late. "{SENTENCE}."', (3, 37)),
    "a name in the sentence after and a noun": (f'"{SENTENCE}." Okafor answers arrived on Monday.', (3, 1)),
    # the narrator takes the voice back before the bare paragraph
    "after a paragraph ending on narration": (f'"Go home and rest tonight," she said. The pier closed.\n\n"{LONG}."',
                                              (5, 1)),
    "after narration": (f"The council met on Tuesday.\n\n\"{LONG}.\"", (5, 1)),
    # a paragraph that narrates and then quotes is the narrator's: the bare quotation after it needs its own
    "after a paragraph that narrates, then quotes": (
        f'Okafor told reporters the levy stays. "We kept every branch open all year," she said.\n\n"{LONG}."',
        (5, 1)),
    "after an attribution that names another source": (
        f'"Go home and rest tonight, all of you," she said, and Smith shook his head.\n\n"{LONG}."', (5, 1)),
    # the rest of the quotation's sentence names someone: whose words they are is open
    "a quotation whose sentence names someone after a quotation paragraph": (
        f'"Go home and rest tonight, all of you," she said.\n\n"{SENTENCE}" was the slogan Smith chose.', (5, 1)),
    # a short quotation is a voice only when it opens its paragraph with its own attribution
    # a view is no report of words: the quotation in the next paragraph needs its own speaker
    "after a view in the paragraph before": (f"Okafor thinks the levy will stay.\n\n\"{SENTENCE}.\"", (5, 1)),
    "a hope as a noun": (f'There is hope that "{LONG}."', (3, 20)),
    "the press as a noun": (f'Pressing issues remain. The whole press wanted "{LONG}."', (3, 48)),
    "a view in the passive": (f'Okafor is expected to back "{LONG}."', (3, 28)),
    "a view after a modal": (f'Voters can expect Okafor to back "{LONG}."', (3, 34)),
    "a view in the sentence before": (f'Okafor thinks the levy stays. The crowd wanted "{LONG}."', (3, 48)),
    "after a paragraph that narrates, then gives a short quotation": (
        f'Critics said little; Ng stayed silent. "What a farce," she said.\n\n"{SENTENCE}."', (5, 1)),
    "after a short quotation whose attribution names another source": (
        f'"What a farce," said Ng, and Smith shook his head.\n\n"{SENTENCE}."', (5, 1)),
    "another source between": (f'"Go home and rest tonight," Ruiz said. Smith shook his head. "{LONG}."', (3, 62)),
    "a plural anonymous source paraphrased": (f"The wall will be rebuilt, officials said on Friday.\n\n\"{SENTENCE}.\"", (5, 1)),
    # an organisation or a document is no one person whose voice goes on
    "an organisation paraphrased": (f"The port authority said the pier would reopen.\n\n\"{SENTENCE}.\"", (5, 1)),
    "a firm paraphrased": (f"Harbour Bay Logistics proposed a new timetable.\n\n\"{SENTENCE}.\"", (5, 1)),
    "a fact given its source": (f"According to the mayor, the pier will reopen.\n\n\"{SENTENCE}.\"", (5, 1)),
    "a document paraphrased": (f"A report by the health board found the river had risen.\n\n\"{SENTENCE}.\"", (5, 1)),
    "a plural source before the verb": (f"The harbour officials said the wall will be rebuilt.\n\n\"{SENTENCE}.\"", (5, 1)),
    # the paragraph before reports words, but not as its last sentence, or not as a report of words said
    "a paraphrase and then narration": (
        f"At the pier, Okafor said it would reopen. The board met on Tuesday.\n\n\"{SENTENCE}.\"", (5, 1)),
    "an infinitive": (f"Reporters waited for Okafor to respond to the board.\n\n\"{SENTENCE}.\"", (5, 1)),
    "a modal's verb": (f"At the pier, Okafor would say nothing more about the engines.\n\n\"{SENTENCE}.\"", (5, 1)),
    "a participle": (f"At noon, Okafor left the pier without commenting on the engines.\n\n\"{SENTENCE}.\"", (5, 1)),
    "a relative clause": (f"The editor who wrote the report on Okafor left the paper.\n\n\"{SENTENCE}.\"", (5, 1)),
    # a paragraph with a direct quotation of its own passes the voice on only as a continuation
    "a paraphrase beside another speaker's quotation": (
        f'Okafor said the pier would reopen. "Nobody on the board has told us anything," Smith said.\n\n"{SENTENCE}."',
        (5, 1)),
    "a speaker named but two people around": (
        f"Mayor Ana Ruiz met Governor Tom Hale at the port on a grey and windy morning.\n\n\"{LONG}.\"", (5, 1)),
    "the noun-like form after a determiner": (f'The calls for "{LONG}" grew louder.', (3, 15)),
    # the noun forms of those verbs
    "in terms of": (f'In terms of the budget, "{LONG}."', (3, 25)),
    "a quotation attributed to nobody": (f'The attributes of the pier: "{LONG}."', (3, 29)),
    # a quotation between a determiner and a form more often a noun leaves it a noun
    "the noun-like form after a determiner and a quotation": (
        f'Okafor was asked about the "{LONG}" comment.', (3, 28)),
    "a document sentence quoting a whole sentence": (f'The plan came in a note to residents. "We {LONG[3:]}."', (3, 39)),
    # an attribution with a clause of its own where another person acts
    # narration that names another person takes the voice from the quotation before
    "narration naming another person after a quotation": (
        f'"The ferry will not run again this winter," Okafor said.\n\nThe repairs Lund ordered were "{LONG}."', (5, 31)),
    # a sentence whose only long words are names is no title: its short words are lower case
    "a sentence of short words and names": (f'The mayor left early.\n\n"I\'m a big fan of Ana Ruiz and Tomas Berg."', (5, 1)),
    # the modal "will" is no document (a person's will was read as one)
    "the modal will": (f'They will pick whoever wins, "{LONG}."', (3, 30)),
    # a noun form of "voice"
    "a voice": (f'In a calm voice, "{LONG}."', (3, 18)),
    # a sentence after the quotation that reports more words is no attribution of it
    "a paraphrase after a quotation that ends its sentence": (
        f'"The ferry will not run again this winter." She said the pier would reopen.\n\n"{SENTENCE}."', (5, 1)),
    # the attribution sentence after a quotation that ends its own: narration there hands the voice back
    "a sentence of narration after a question": (
        f'"Is this the right week to choose?" Lund shook his head.\n\n"{SENTENCE}."', [(3, 1), (5, 1)]),
    "another person's clause after a question and its attribution": (
        f'"Is this the right week to choose?" Okafor asked, and Lund shook his head.\n\n"{SENTENCE}."', (5, 1)),
    "continuation after another person's clause": (
        f'"It was close all the way," he said, and Lund shook his head.\n\n"{SENTENCE}."', (5, 1)),
    # a fragment in a sentence that names someone else is not the paraphrased speaker's
    "a fragment naming another person after a paraphrase": (
        f'The army said the raid ended at dawn.\n\nLund saw it as "{LONG}" near the port.', (5, 16)),
    # "Said" opening a sentence attributes only with its source right after it
    "said to be": (f'Said to be the oldest pier on the coast, it was "{LONG}."', (3, 49)),
    # "states" after a number or an adjective is the noun
    "the noun-like form after a number": (f'The two states "{LONG}" never agreed.', (3, 16)),
    "the noun-like form capitalised": (f'The United States "{LONG}" never agreed.', (3, 19)),
    # a whole sentence quoted after the thing named is a speaker's sentence, not its wording
    "a whole sentence after a remark": (f'After that remark, "We {LONG[3:]}."', (3, 20)),
    # the paragraph after is narration that happens to open on a dash, or follows narration
    "a dash paragraph that narrates": (f'"{LONG}."\n\n— and then the council voted it down again.', (3, 1)),
    "a sign-off after narration, not after the quotation": (f'"{LONG}."\n\nThe mayor left.\n\n— Ruiz.', (3, 1)),
    # a phrasal speech verb going on to another deed reports no words: "went on to win", "hit back to take"
    "went on to do something else": (f'Ruiz went on to win the seat, "{LONG}."', (3, 31)),
    "hit back to take the lead": (f'The visitors hit back to take the lead, "{LONG}."', (3, 41)),
}


@pytest.mark.parametrize("name", sorted(STILL_REPORTED))
def test_near_cases_still_fire(name: str) -> None:
    text, where = STILL_REPORTED[name]
    assert rows(text) == (where if isinstance(where, list) else [where])


def test_explain_names_the_reason() -> None:
    from factlint.checks.quotes import judgements
    from factlint.testing import document_and_context

    document, context = document_and_context("Headline\n\n" + ATTRIBUTED["dash line"], format="text")
    [judgement] = judgements(document, context)
    assert judgement.speaker.reason == "dash-line" and judgement.speaker.source == "Ana Ruiz"
    assert judgement.speaker.explain() == 'attributed to Ana Ruiz: a dash and a name follow it ("— Ana Ruiz")'


# A quotation whose own form says its attribution was cut keeps to its own sentence: the speech verb of the
# sentence next to it belongs to other words. Beside each, the whole form that is attributed.
CUT_OFF = {
    # the comma inside the marks announces "…," she said — and the paragraph ends
    "a comma and then nothing": (
        f'Okafor said the ferry would be late again. "{SENTENCE},"', (3, 44),
        "it ends in a comma, as before an attribution, but none follows"),
    # the comma, and then a new sentence of narration
    "a comma and then a new sentence": (
        f'Okafor said the ferry would be late again. "{SENTENCE}," The pier stays shut.', (3, 44),
        "it ends in a comma, as before an attribution, but none follows"),
    # run on from such a quotation, the second is cut too
    "run on from a cut quotation": (
        f'Okafor said the ferry was late. "The engines failed twice this month," "{SENTENCE}."', (3, 72),
        "it runs on from a quotation that ends in a comma with no attribution"),
    # a fragment that opens its sentence on a lower-case word lost the words that carried it
    "a lower-case fragment opening its sentence": (
        f'Okafor said the ferry would be late again. "{LONG}."', (3, 44),
        "a fragment opening on a lower-case word opens its sentence, with no words to attribute it"),
}


@pytest.mark.parametrize("name", sorted(CUT_OFF))
def test_a_cut_attribution_is_reported_with_its_reason(name: str) -> None:
    from factlint.checks.quotes import judgements
    from factlint.testing import document_and_context

    text, where, reason = CUT_OFF[name]
    assert rows(text)[-1:] == [where]
    document, context = document_and_context("Headline\n\n" + text, format="text")
    judgement = judgements(document, context)[-1]
    assert judgement.speaker.explain() == f"unattributed: {reason}"


WHOLE = {
    "the comma and its attribution": f'Okafor spoke at the pier. "{SENTENCE}," she said.',
    "the comma and a split attribution": f'"The engines failed twice this month," she said, "and {LONG}."',
    "a full stop, the speaker in the sentence before": f'Okafor said the ferry would be late again. "{SENTENCE}."',
    "the fragment inside its sentence": f'Okafor said the ferry "{LONG}."',
    "the fragment after its attribution": f'The ferry, Okafor said, "{LONG}."',
    "the comma before more of the sentence": f'Okafor said "{LONG}," and the pier stayed shut.',
}


@pytest.mark.parametrize("name", sorted(WHOLE))
def test_the_whole_form_stays_attributed(name: str) -> None:
    assert rows(WHOLE[name]) == []


def test_explain_names_the_paraphrase_before() -> None:
    from factlint.checks.quotes import judgements
    from factlint.testing import document_and_context

    document, context = document_and_context("Headline\n\n" + ATTRIBUTED["a paraphrase in the paragraph before"], format="text")
    [judgement] = judgements(document, context)
    assert judgement.speaker.explain() == (
        "attributed to Okafor: the paragraph before ends by reporting its speaker's words, and it opens the next"
        ' ("Okafor said …" in the paragraph before)')


def test_where_it_was_said_is_not_who_said_it() -> None:
    from factlint.checks.quotes import judgements
    from factlint.testing import document_and_context

    text = f'"{SENTENCE}," Okafor said at a meeting of EU harbour ministers.\n\n"{SENTENCE}," said two-time world bronze medallist Lyle.'
    document, context = document_and_context("Headline\n\n" + text, format="text")
    assert [j.speaker.source for j in judgements(document, context)] == ["Okafor", "Lyle"]


def test_the_word_before_a_quotation_closing_on_a_comma_is_the_quotations() -> None:
    # "That" before `"…," said` is the quotation's first word, not a determiner making "said" a noun
    assert rows(f'That "{LONG}," said Carole Taylor.') == []
    assert rows(f'Polling shows that "{LONG}," said Sylke Tempel.') == []
    # near miss: a quotation between a determiner and a noun-like form, with no comma, stays a noun
    assert rows(f'Okafor was asked about the "{LONG}" comment.') == [(3, 28)]


def test_a_negation_before_the_quotation_is_not_the_verbs() -> None:
    # "Others did not." ends its sentence: the verb after the quotation is not "did not say"
    assert rows(f'Others did not. "{SENTENCE}," recalled Ana Ruiz.') == []
    # near misses: a negation right before the verb still negates it
    assert rows(f'Ruiz did not say "{LONG}."') == [(3, 18)]
    assert rows(f'Ruiz would not say whether "{LONG}."') == [(3, 28)]


def test_credited_to_says_whose_words() -> None:
    assert rows(f'Sanders credited the victory to "{LONG}."') == []
    # near misses: the nouns, and the passive of a photo credit
    assert rows(f'The photo is credited to "{LONG}."') == [(3, 26)]
    assert rows(f'Its credits read "{LONG}."') == [(3, 18)]


def test_the_next_titles_of_a_list_are_titles_too() -> None:
    # the first is a title by its capitals (or a cue), the rest by following it in a list:
    # `Topics include "Harbour Safety and the Winter Ferries", "why the pier never reopened …"`
    first, second = "Harbour Safety and the Winter Ferries", "why the pier never reopened after the storm came"
    assert rows(f'Topics to be discussed include "{first}", "{second}".') == []
    assert rows(f'Topics to be discussed include "{first}" and "{second}".') == []
    # near misses: sentences joined by "and" with no cue before them, and a quotation right after a title with
    # no comma or "and" between (a digest's headline, then its story's words)
    assert rows(f'He said "{LONG}" and "{LONG}".') == []  # attributed by the speech verb, not as titles
    assert rows(f'The board ran "{LONG}" and "{LONG}".') == [(3, 15), (3, 80)]
    assert rows(f'‘HARBOUR BOARD FAILS AGAIN’ “{SENTENCE}.”') == [(3, 29)]


def test_a_phrasal_verb_to_a_listener_or_to_words_still_reports() -> None:
    assert rows(f'Ruiz went on to say "{LONG}."') == []
    assert rows(f'Ruiz pointed out to reporters that "{LONG}."') == []
    assert rows(f'Ruiz hit back to her critics: "{SENTENCE}."') == []


def test_a_report_or_an_email_is_what_speaks_not_how() -> None:
    # "report" and "email" are mostly nouns: the verb after them attributes, and a name before them is whose
    # report it is, not who spoke. After a subject they are still verbs ("they report that").
    from factlint.checks.quotes import judgements
    from factlint.testing import document_and_context

    text = (f'A harbour board report found "{SENTENCE}."\n\n'
            f'A fundraising email sent by Okafor on Tuesday warned: "{SENTENCE}."\n\n'
            f'Ruiz sent an email to the crew. "{SENTENCE}," the email said.\n\n'
            f'Officials report that "{SENTENCE}."')
    document, context = document_and_context("Headline\n\n" + text, format="text")
    assert [(j.speaker.source, j.speaker.evidence) for j in judgements(document, context)] == [
        ("A harbour board report", '"found"'), ("Okafor", '"warned"'), ("the email", '"said"'), ("Officials", '"report"')]
