"""A deterministic corpus of varied news drafts (Markdown, plain text, HTML) to time factlint on realistic copy.

    python benchmarks/generate.py OUT_DIR [--count 2000] [--seed 1]

Every draft is built from the word lists and sentence templates below; nothing
is downloaded or copied. Draft number i depends only on (seed, i), so a larger
--count keeps the first drafts byte for byte. Drafts carry what newsroom copy
carries (relative dates, weekdays with and without dates, quotations attributed
and not, titled names, photo credits with CC licences and agency lines) and
some planted errors, listed per draft in OUT_DIR/corpus.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import random
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

GENERATOR_VERSION = 1
FORMATS = ("markdown", "text", "html")
EXTENSIONS = {"markdown": "md", "text": "txt", "html": "html"}

# -- word lists --------------------------------------------------------------
# Invented places, organisations and people, so no draft resembles a real story.

FIRST_NAMES = (
    "Amara", "Tomasz", "Ingrid", "Kwame", "Lucía", "Mei", "Rashid", "Eleanor", "Dmitri", "Priyanka",
    "Oluwaseun", "Hannah", "Mateo", "Sigrid", "Farid", "Chloé", "Bongani", "Aoife", "Kenji", "Valentina",
    "Gareth", "Noor", "Thandiwe", "Pavel", "Isabel", "Emeka", "Marguerite", "Arjun", "Zoë", "Hamza",
    "Beatriz", "Lars", "Yasmin", "Desmond", "Ruth", "Kofi", "Svetlana", "Marcus", "Leila", "Declan",
    "Fatima", "Jonas", "Adaora", "Ravi", "Catalina", "Henrik", "Nia", "Tobias", "Ayesha", "Wen",
)
SURNAMES = (
    "Okonkwo", "Lindqvist", "Haddad", "Kowalczyk", "Núñez", "Fairbairn", "Mensah", "Castellano", "Ibarra",
    "Sørensen", "Adeyemi", "Whitcombe", "Tanaka", "Moreau", "Brennan", "Qureshi", "Van der Berg", "Osei",
    "Petrenko", "Delacroix", "Abernathy", "Rahimi", "Oyelaran", "Fitzgerald", "Marchetti", "Nakamura",
    "Achterberg", "Silva", "Karimi", "Holloway", "Nwosu", "Bergström", "Llewellyn", "Mbeki", "Ferreira",
    "Okafor", "Halvorsen", "Chaudhry", "Dubois", "Kellerman", "Ramírez", "Ashdown", "Zielinski", "Boateng",
)
# Spellings of one name that a tired reporter mixes up: planted name variants.
VARIANTS = {
    "Dmitri": "Dmitry", "Núñez": "Nunez", "Sørensen": "Sorensen", "Bergström": "Bergstrom",
    "Ramírez": "Ramirez", "Petrenko": "Petrenco", "Lucía": "Lucia", "Chloé": "Chloe", "Zoë": "Zoe",
    "Qureshi": "Qureshy", "Oyelaran": "Oyelarin", "Haddad": "Hadad", "Svetlana": "Svetlanna",
}
TITLES = ("Dr.", "Mayor", "Councillor", "Professor", "Senator", "Minister", "Judge", "Coach", "Inspector",
          "Governor", "Commissioner", "Captain", "Superintendent", "Deputy Mayor")
ROLES = (
    "the city's finance director", "a spokesperson for {org}", "head of {org}", "an economist at {org}",
    "the county health officer", "who chairs the council's transport committee", "a senior aide to the mayor",
    "a lecturer at Harrowgate University", "chief executive of {org}", "a union organiser",
    "the club's sporting director", "a retired firefighter", "the festival's artistic director",
    "a researcher at the Kestrel Institute", "a shop owner on Market Street", "the harbour master",
)
PRONOUNS = ("she", "he", "they")
PLACES = (
    "Harrowgate Falls", "Port Elwyn", "Maple Cross", "Santa Irene", "Lindenfeld", "Kestrel Bay", "North Ashby",
    "Cedarmouth", "Valleron", "Brookhaven Reach", "Oakmere", "San Telmo del Río", "Greywater", "Østerby",
    "Millbridge", "Corran Heights", "Fenwick", "Ravensholme", "Little Dunmore", "Alder Point",
)
ORGS = (
    "the city council", "the transport authority", "the regional health board", "Northgate Energy",
    "the port authority", "the teachers' union", "Halden Steel", "the state forestry agency",
    "the national statistics office", "Brightwater Hospital", "the chamber of commerce", "Corvid Logistics",
    "the water board", "the county sheriff's office", "the Kestrel Institute", "Meridian Rail",
)
PUBLICATIONS = ("The Kestrel Bay Courier", "Valleron Evening Post", "The Harrowgate Ledger", "North Ashby Herald")


@dataclass(frozen=True)
class Desk:
    """A newsroom desk: what its stories are about, in its own words."""

    nouns: tuple[str, ...]
    issues: tuple[str, ...]
    actions: tuple[str, ...]
    groups: tuple[str, ...]


DESKS = {
    "politics": Desk(("budget", "housing bill", "coalition deal", "tax plan", "referendum", "spending review"),
                     ("road repairs", "school funding", "library hours", "policing", "social housing"),
                     ("approved", "rejected", "delayed", "unveiled", "amended", "defended"),
                     ("voters", "council members", "residents", "opposition members", "taxpayers")),
    "business": Desk(("merger", "chip plant", "pay deal", "quarterly results", "shipping contract", "factory"),
                     ("supply chains", "energy prices", "export orders", "local jobs", "interest rates"),
                     ("announced", "postponed", "confirmed", "scrapped", "finalised", "expanded"),
                     ("shareholders", "workers", "suppliers", "small businesses", "investors")),
    "sport": Desk(("transfer", "cup final", "season opener", "new stadium", "contract extension", "league title"),
                  ("ticket prices", "youth academies", "injury records", "the training ground", "broadcast rights"),
                  ("sealed", "lost", "celebrated", "appealed", "secured", "confirmed"),
                  ("fans", "players", "season-ticket holders", "coaches", "club members")),
    "weather": Desk(("storm", "flood warning", "heatwave", "wildfire", "drought", "snowfall"),
                    ("air quality", "river levels", "evacuation routes", "power lines", "crop losses"),
                    ("issued", "extended", "lifted", "upgraded", "recorded", "forecast"),
                    ("farmers", "commuters", "pupils", "emergency crews", "families")),
    "health": Desk(("vaccine programme", "hospital wing", "waiting list", "walk-in clinic", "outbreak",
                    "ambulance rota"),
                   ("staff shortages", "bed numbers", "screening rates", "mental health services", "GP appointments"),
                   ("opened", "closed", "expanded", "reviewed", "funded", "paused"),
                   ("nurses", "patients", "carers", "junior doctors", "pharmacists")),
    "science": Desk(("telescope", "field study", "satellite launch", "research grant", "fossil find", "lab"),
                    ("ocean temperatures", "soil samples", "bird migration", "battery chemistry", "data sharing"),
                    ("published", "replicated", "launched", "recovered", "measured", "funded"),
                    ("researchers", "students", "volunteers", "engineers", "field teams")),
    "culture": Desk(("festival", "museum extension", "exhibition", "film premiere", "concert hall", "book prize"),
                    ("arts funding", "ticket sales", "visitor numbers", "rehearsal space", "the restoration work"),
                    ("opened", "cancelled", "postponed", "curated", "restored", "awarded"),
                    ("artists", "visitors", "musicians", "volunteers", "local schools")),
    "local": Desk(("bridge", "library", "bus route", "park", "market", "swimming pool"),
                  ("parking", "street lighting", "bin collections", "flood defences", "cycle lanes"),
                  ("reopened", "closed", "repaired", "moved", "extended", "resurfaced"),
                  ("residents", "shopkeepers", "parents", "cyclists", "pensioners")),
}
ADJECTIVES = ("difficult", "historic", "unexpected", "long-awaited", "costly", "modest", "ambitious", "fragile",
              "welcome", "controversial", "overdue", "remarkable")
COMPARATIVES = ("worse", "harder", "more expensive", "slower", "riskier", "tighter")
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve")
SCARE_QUOTES = ("rainy day fund", "temporary", "historic", "a done deal", "pause", "the plan B", "mothballed",
                "soft launch", "a tidy-up")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
MONTH_ABBREVIATIONS = {1: "Jan.", 2: "Feb.", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec."}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
RELATIVE_DATES = (
    "yesterday", "today", "last week", "earlier this month", "this morning", "last night", "later this year",
    "{numword} days ago", "{numword} weeks ago", "in {numword} months", "next {weekday}", "last {weekday}",
    "this weekend", "tomorrow", "next month", "earlier this week",
)

# -- sentence templates --------------------------------------------------------
# {slot} names a filler below; {o} and {c} are the draft's opening and closing quotation marks.

HEADLINES = (
    "{Place} {noun} {action} after months of talks", "{Org_cap} {action} {noun} as {groups} wait",
    "What the {noun} means for {issue} in {place}", "{Place} braces for {noun}",
    "{groups_cap} question {noun} in {place}", "Inside the {adj} {noun} that divided {place}",
)
SUBHEADINGS = ("What happens next", "The cost", "Reaction", "A long road", "Background", "Who pays",
               "In {place}", "The numbers", "Questions remain", "Next steps for {issue}")
LEDES = (
    "{Org_cap} {action} the {noun} {when}, ending weeks of uncertainty over {issue} for {groups} across {place}.",
    "{groups_cap} in {place} woke {when} to news that the {noun} had been {action}, "
    "a decision that could reshape {issue} for years.",
    "After {a_adj} debate that ran past midnight, {org} {action} a {money} {noun} {when}.",
    "The {noun} in {place} was {action} {when}, {org} said, as {groups} pressed for answers on {issue}.",
)
CONTEXT = (
    "The {noun} had been {adj} since {date}, according to {org}.",
    "Officials said the cost had risen to {money}, up {pct} percent from {year}.",
    "{Org_cap} first proposed the plan in {month} {year}, but it stalled amid disputes over {issue}.",
    "About {count} {groups} are expected to be affected, the highest figure in {numword} years.",
    "A report published by {org} in {year} found that {issue} had cost the region {money}.",
    "The decision follows {a_adj} vote {when}, in which {count} members backed the proposal.",
    "Critics have called the arrangement \u201c{scare}\u201d, a label its supporters reject.",
    "The {noun} was originally due to be finished by {date}.",
    "Work on {issue} will resume {when}, the contractor said in a statement.",
    "The full text of [[the report|https://{domain}/reports/{year}/{slug}.pdf]] runs to {pages} pages.",
    "Figures from {org} show {count} complaints about {issue} in the year to {month}.",
    "The {noun} is the largest of its kind since the Year of the Horse festival of {year}, organisers said.",
    "A week-long consultation on {issue} closed {when}.",
    "This year's {noun} for {year2} sets aside {money} for {issue}.",
)
DATES = (
    "The {noun} is due to open on {dated}.",
    "Talks resumed on {dated}, two weeks after they collapsed.",
    "A public hearing is scheduled for {dated} at {place} town hall.",
    "The {noun} was signed on {weekday}, {org} said.",
    "{groups_cap} gathered outside the offices on {weekday} morning, and again {when}.",
    "The first phase finished {when}; the second is planned for {dated}.",
    "{Person} is expected to sign the {noun} on {weekday}.",
)
INDIRECT = (
    "{Person} said the {noun} was {adj} but necessary.",
    "In a statement, {org} said it would review {issue} {when}.",
    "{Person} told reporters that {issue} remained the main concern for {groups}.",
    "{Person} later said the figures would be published {when}.",
    "{Org_cap} declined to comment on {issue}.",
)
QUOTES = (
    "We {action_present} this {noun} because {groups} cannot wait any longer for {issue}",
    "Nobody in {place} wanted it to come to this, but we had run out of good options",
    "The numbers are {adj}, and they will only get {comparative} if we do nothing",
    "I have never seen anything like this in {numword} years of doing this job",
    "This is {a_adj} day for {place} and for every family that depends on {issue}",
    "We owe it to {groups} to explain exactly where the money is going",
    "There is still a lot of work to do before anyone can call this a success",
    "People here are tired of promises, and they want to see {issue} fixed",
    "If the {noun} goes ahead as planned, {issue} will look very different by next spring",
    "My phone has not stopped ringing since the announcement, and most callers are worried",
    "We will keep pushing until {groups} get a straight answer on {issue}",
    "Frankly the timetable was never realistic, and everyone in the room knew it",
)
LIST_ITEMS = ("{money} for {issue}", "{count} new posts at {org}", "a review of {issue} by {month}",
              "extra support for {groups}", "a public consultation in {place}")

# Licences as credits write them: name, deed URL. The last ones are what a rights desk refuses or cannot read.
LICENCES = (
    ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
    ("CC BY 2.0", "https://creativecommons.org/licenses/by/2.0/"),
    ("CC BY-SA 3.0", "https://creativecommons.org/licenses/by-sa/3.0/"),
    ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    ("CC-BY-SA-4.0", "https://creativecommons.org/licenses/by-sa/4.0/deed.en"),
    ("Public Domain Mark 1.0", "https://creativecommons.org/publicdomain/mark/1.0/"),
    ("CC BY-ND 4.0", "https://creativecommons.org/licenses/by-nd/4.0/"),
)
NONCOMMERCIAL = ("CC BY-NC 4.0", "https://creativecommons.org/licenses/by-nc/4.0/")
UNKNOWN_LICENCES = (("CC BY-XA 4.0", "https://creativecommons.org/licenses/by-xa/4.0/"),
                    ("CC BY-SA", "https://creativecommons.org/licenses/by-sa/"))
AGENCY_CREDITS = ("{name}/Reuters", "AP Photo/{name}", "{name}/AFP via Getty Images", "EPA-EFE/{name}",
                  "{name}/dpa", "{name}/PA Wire", "Xinhua/{name}", "{name}/Shutterstock")
ALT_TEXTS = ("Crowds outside the town hall", "The harbour at dusk", "Workers on the site", "A flooded street",
             "The council chamber", "Fans in the stands", "A nurse on the ward", "The old bridge",
             "Smoke over the hills", "The exhibition's main hall")
CAPTIONS = ("Residents queue outside the hall in {place}.", "The site of the {noun} in {place}.",
            "{groups_cap} gather before the vote.", "The {noun}, seen from the river.")

# How often each planted error appears: about one draft in 1/p.
PLANTS = {
    "weekday-mismatch": 0.08, "impossible-date": 0.03, "ambiguous-numeric-date": 0.05, "far-date-without-year": 0.06,
    "unattributed-quote": 0.12, "unbalanced-quote": 0.05, "mismatched-marks": 0.06, "name-variant": 0.08,
    "surname-first": 0.06, "missing-credit": 0.06, "missing-licence": 0.08, "unknown-licence": 0.04,
    "noncommercial": 0.05, "root-source": 0.05, "bad-front-matter": 0.01, "not-utf8": 0.004,
}
QUOTE_STYLES = (("\u201c", "\u201d", "\u2019"), ('"', '"', "'"), ("\u00ab", "\u00bb", "\u2019"))


# -- the story, before it has a format ------------------------------------------

@dataclass
class Person:
    """Someone the story names, and whether the reader has met them yet."""

    first: str
    last: str
    title: str
    role: str
    pronoun: str
    introduced: bool = False
    variant_used: bool = False


@dataclass(frozen=True)
class Credit:
    """A photo credit as a rights desk sees it; `line` is the text a caption shows."""

    author: str
    line: str
    licence: tuple[str, str] | None
    source: str | None


@dataclass(frozen=True)
class Image:
    """A picture in the story: None credit means the reporter forgot it."""

    src: str
    alt: str
    caption: str
    credit: Credit | None


@dataclass
class Story:
    """One draft's content in reading order, as (kind, payload) blocks, before rendering."""

    rng: random.Random
    desk: str
    place: str
    reference_date: dt.date | None
    event_date: dt.date
    marks: tuple[str, str, str]
    people: list[Person]
    plants: set[str]
    headline: str = ""
    blocks: list[tuple[str, object]] = field(default_factory=list)
    lead_image: Image | None = None
    words: int = 0
    planted: list[str] = field(default_factory=list)


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:60]


def _money(rng: random.Random) -> str:
    amount = rng.choice((rng.randint(2, 950), round(rng.uniform(1.1, 9.9), 1)))
    unit = rng.choice(("million", "million", "billion", "m"))
    currency = rng.choice(("$", "£", "€"))
    return f"{currency}{amount}m" if unit == "m" else f"{currency}{amount} {unit}"


def _weekday_date(day: dt.date, rng: random.Random, with_year: bool, weekday: int | None = None) -> str:
    """'Tuesday, March 10, 2026' or '10 March': a dated day in US or British order."""
    name = WEEKDAYS[day.weekday() if weekday is None else weekday]
    month = MONTHS[day.month - 1]
    if rng.random() < 0.15 and day.month in MONTH_ABBREVIATIONS:
        month = MONTH_ABBREVIATIONS[day.month]
    year = f", {day.year}" if with_year else ""
    if rng.random() < 0.7:
        return f"{name}, {month} {day.day}{year}"
    return f"{name} {day.day} {month}{' ' + str(day.year) if with_year else ''}"


def _dated(story: Story) -> str:
    """A date near the story's event, written the many ways reporters write dates."""
    rng = story.rng
    day = story.event_date + dt.timedelta(days=rng.randint(-40, 45))
    choice = rng.random()
    if choice < 0.45:
        return _weekday_date(day, rng, with_year=rng.random() < 0.5)
    if choice < 0.75:
        return f"{MONTHS[day.month - 1]} {day.day}"
    if choice < 0.9:
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return day.isoformat()


def _when(story: Story) -> str:
    rng = story.rng
    if rng.random() < 0.55:
        phrase = rng.choice(RELATIVE_DATES)
        return phrase.format(numword=rng.choice(NUMBER_WORDS), weekday=rng.choice(WEEKDAYS))
    if rng.random() < 0.5:
        return f"on {rng.choice(WEEKDAYS)}"
    return f"on {_dated(story)}"


def _new_person(rng: random.Random, taken: set[str]) -> Person:
    last = rng.choice([s for s in SURNAMES if s not in taken] or list(SURNAMES))
    taken.add(last)
    return Person(rng.choice(FIRST_NAMES), last, rng.choice(TITLES), rng.choice(ROLES).format(org=rng.choice(ORGS)),
                  rng.choice(PRONOUNS))


def _mention(story: Story, person: Person, subject: bool) -> str:
    """The full name with title or role the first time, the surname (or title and surname) after."""
    rng = story.rng
    last = person.last
    if person.introduced and "name-variant" in story.plants and not person.variant_used and last in VARIANTS:
        person.variant_used = True
        story.planted.append("name-variant")
        last = VARIANTS[last]
    if person.introduced:
        return f"{person.title} {last}" if rng.random() < 0.3 else last
    person.introduced = True
    if subject and rng.random() < 0.5:
        return f"{person.title} {person.first} {last}"
    return f"{person.first} {last}, {person.role},"


def _person(story: Story, subject: bool = True) -> Person:
    rng = story.rng
    known = [p for p in story.people if p.introduced]
    if known and rng.random() < 0.6:
        return rng.choice(known)
    fresh = [p for p in story.people if not p.introduced]
    if fresh:
        return fresh[0]
    person = _new_person(rng, {p.last for p in story.people})
    story.people.append(person)
    return person


def fill(template: str, story: Story) -> str:
    """Fill every {slot} of a template with a fresh random choice from this story's world."""
    rng = story.rng
    desk = DESKS[story.desk]

    slots: dict[str, Callable[[], str]] = {
        "place": lambda: story.place if rng.random() < 0.7 else rng.choice(PLACES),
        "Place": lambda: story.place,
        "org": lambda: rng.choice(ORGS),
        "Org_cap": lambda: _cap(rng.choice(ORGS)),
        "noun": lambda: rng.choice(desk.nouns),
        "issue": lambda: rng.choice(desk.issues),
        "action": lambda: rng.choice(desk.actions),
        "action_present": lambda: rng.choice(("back", "support", "need", "fought for", "pushed for")),
        "groups": lambda: rng.choice(desk.groups),
        "groups_cap": lambda: _cap(rng.choice(desk.groups)),
        "money": lambda: _money(rng),
        "pct": lambda: f"{rng.uniform(0.5, 40):.1f}",
        "count": lambda: f"{rng.randint(12, 48000):,}",
        "numword": lambda: rng.choice(NUMBER_WORDS),
        "adj": lambda: rng.choice(ADJECTIVES),
        "a_adj": lambda: _article(rng.choice(ADJECTIVES)),
        "pages": lambda: str(rng.randint(12, 480)),
        "comparative": lambda: rng.choice(COMPARATIVES),
        "year": lambda: str(story.event_date.year - rng.randint(1, 9)),
        "year2": lambda: str(story.event_date.year),
        "month": lambda: rng.choice(MONTHS),
        "weekday": lambda: rng.choice(WEEKDAYS),
        "when": lambda: _when(story),
        "date": lambda: _dated(story),
        "dated": lambda: _dated(story),
        "scare": lambda: rng.choice(SCARE_QUOTES),
        "domain": lambda: rng.choice(("example.org", "data.example.gov", "reports.example.net")),
        "slug": lambda: _slug(rng.choice(desk.nouns)),
        # A first mention as subject carries its role and closing comma ("Ruth Boateng, the harbour master,").
        "Person": lambda: _mention(story, _person(story), subject=True),
    }
    return re.sub(r"\{(\w+)\}", lambda m: slots[m.group(1)](), template)


def _article(word: str) -> str:
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _tidy(text: str) -> str:
    """Templates can leave a role's comma before a verb's full stop or a second comma; a sub-editor would not."""
    return text.replace(",.", ".").replace(",,", ",").replace(", ,", ",")


# -- paragraphs ---------------------------------------------------------------

def _quotation(story: Story) -> str:
    """A quotation paragraph in one of the ways reporters attribute quotes."""
    rng = story.rng
    o, c, _ = story.marks
    said = fill(rng.choice(QUOTES), story)
    person = _person(story)
    form = rng.randrange(6)
    if form == 0:
        return f"{o}{said},{c} said {_mention(story, person, subject=False)}."
    if form == 1:
        return f"{o}{said},{c} {_mention(story, person, subject=True)} said."
    if form == 2:
        return f"{_mention(story, person, subject=True)} added: {o}{said}.{c}"
    if form == 3:
        source = _mention(story, person, subject=True).rstrip(",")
        return f"According to {source}, {o}{said[0].lower() + said[1:]}.{c}"
    if form == 4:
        speaker = _mention(story, person, subject=True)
        return f"{speaker} told reporters that the {fill('{noun}', story)} was {fill('{adj}', story)}. {o}{said}.{c}"
    return f"{o}{said}.{c} {_cap(person.pronoun)} said the {fill('{noun}', story)} would be reviewed {_when(story)}."


def _continued_quotation(story: Story) -> tuple[str, str]:
    """A quotation over two paragraphs: the first has no closing mark, the second opens again (SPEC's convention)."""
    rng = story.rng
    o, c, _ = story.marks
    speaker = _mention(story, _person(story), subject=False)
    first = f"{o}{fill(rng.choice(QUOTES), story)},{c} said {speaker}. {o}{fill(rng.choice(QUOTES), story)}."
    return _tidy(first), f"{o}{fill(rng.choice(QUOTES), story)}.{c}"


def _plant_paragraph(story: Story, kind: str) -> str:
    """One planted error, in a sentence that otherwise reads like the rest."""
    rng = story.rng
    o, c, _ = story.marks
    day = story.event_date + dt.timedelta(days=rng.randint(-20, 20))
    if kind == "weekday-mismatch":
        wrong = (day.weekday() + rng.randint(1, 6)) % 7
        return f"The hearing on {_weekday_date(day, rng, with_year=True, weekday=wrong)} drew a full gallery."
    if kind == "impossible-date":
        month, number = rng.choice(((2, 30), (4, 31), (6, 31), (9, 31), (2, 31), (11, 31)))
        return f"The contract was signed on {MONTHS[month - 1]} {number}, {day.year}, officials said."
    if kind == "ambiguous-numeric-date":
        return f"Minutes dated {rng.randint(1, 12):02d}/{rng.randint(1, 12):02d}/{day.year} record the first objection."
    if kind == "far-date-without-year":
        far = story.event_date + dt.timedelta(days=rng.choice((-1, 1)) * rng.randint(200, 300))
        return f"A first inspection took place on {MONTHS[far.month - 1]} {far.day}, according to {rng.choice(ORGS)}."
    if kind == "unattributed-quote":
        return f"{o}{fill(rng.choice(QUOTES), story)}.{c}"
    if kind == "unbalanced-quote":
        told = f"{_cap(fill('{groups}', story))} were told the {fill('{noun}', story)} was"
        return f"{told} {o}{fill(rng.choice(QUOTES), story)} by the end of the year."
    if kind == "mismatched-marks":
        person = _person(story)
        return f"\"{fill(rng.choice(QUOTES), story)},\u201d said {_mention(story, person, subject=False)}."
    raise ValueError(kind)


def _paragraph(story: Story) -> str:
    rng = story.rng
    kind = rng.random()
    if kind < 0.32:
        return _quotation(story)
    if kind < 0.6:
        return " ".join(fill(rng.choice(CONTEXT), story) for _ in range(rng.randint(1, 3)))
    if kind < 0.78:
        return " ".join(fill(rng.choice(DATES), story) for _ in range(rng.randint(1, 2)))
    return " ".join(fill(rng.choice(INDIRECT), story) for _ in range(rng.randint(1, 2)))


def _credit(story: Story, index: int) -> Credit | None:
    """A photo credit: agency lines, CC credits with deed and source, and the ones a rights desk sends back."""
    rng = story.rng
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
    wanted = [k for k in ("missing-credit", "missing-licence", "unknown-licence", "noncommercial", "root-source")
              if k in story.plants and k not in story.planted]
    if wanted and rng.random() < 0.7:
        kind = wanted[0]
        story.planted.append(kind)
        if kind == "missing-credit":
            return None
        if kind == "missing-licence":
            return Credit(name, name, None, None)
        if kind == "root-source":
            licence = rng.choice(LICENCES[:4])
            return Credit(name, f"{name}, {licence[0]}", licence, "https://commons.wikimedia.org/")
        licence = NONCOMMERCIAL if kind == "noncommercial" else rng.choice(UNKNOWN_LICENCES)
        return Credit(name, f"{name}, {licence[0]}", licence, _source(rng, name, index))
    if rng.random() < 0.45:
        return Credit(name, rng.choice(AGENCY_CREDITS).format(name=name), None, None)
    licence = rng.choice(LICENCES)
    source = _source(rng, name, index)
    via = rng.choice(("", ", via Wikimedia Commons" if "wikimedia" in source else " on Flickr"))
    return Credit(name, f"{name}{via}, {licence[0]}", licence, source)


def _source(rng: random.Random, name: str, index: int) -> str:
    """The work's own page on Wikimedia Commons or Flickr."""
    if rng.random() < 0.6:
        return f"https://commons.wikimedia.org/wiki/File:{_slug(name).title().replace('-', '_')}_{index}.jpg"
    return f"https://www.flickr.com/photos/{_slug(name).replace('-', '')}/{rng.randint(10**10, 10**11)}/"


def _image(story: Story, index: int) -> Image:
    rng = story.rng
    alt = rng.choice(ALT_TEXTS)
    return Image(f"/img/{story.desk}/{_slug(alt)}-{index}.jpg", alt, fill(rng.choice(CAPTIONS), story),
                 _credit(story, index))


def build(seed: int, index: int) -> tuple[Story, str]:
    """The story of draft `index` and its format: the same (seed, index) always gives the same draft."""
    rng = random.Random(f"factlint-benchmark:{seed}:{index}")
    fmt = FORMATS[index % 3]
    desk = rng.choice(sorted(DESKS))
    event = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 900))
    reference = event + dt.timedelta(days=rng.randint(0, 2)) if rng.random() < 0.85 else None
    plants = {k for k, p in PLANTS.items() if rng.random() < p}
    if fmt != "markdown":
        plants.discard("bad-front-matter")
    marks = QUOTE_STYLES[0] if rng.random() < 0.55 else QUOTE_STYLES[1] if rng.random() < 0.9 else QUOTE_STYLES[2]
    taken: set[str] = set()
    people = [_new_person(rng, taken) for _ in range(rng.randint(2, 4))]
    story = Story(rng, desk, rng.choice(PLACES), reference, event, marks, people, plants)
    story.headline = _cap(fill(rng.choice(HEADLINES), story))

    if "surname-first" in plants:
        story.blocks.append(("paragraph", f"{people[0].last} had warned of this for months."))
        story.planted.append("surname-first")
    target = rng.randint(600, 800)
    story.blocks.append(("paragraph", _tidy(fill(rng.choice(LEDES), story))))
    story.lead_image = _image(story, 0)
    pending = [k for k in ("weekday-mismatch", "impossible-date", "ambiguous-numeric-date", "far-date-without-year",
                           "unattributed-quote", "unbalanced-quote", "mismatched-marks") if k in plants]
    images = 1
    since_heading = 0
    while story.words < target:
        roll = rng.random()
        if since_heading >= rng.randint(4, 7):
            story.blocks.append(("subheading", fill(rng.choice(SUBHEADINGS), story)))
            since_heading = 0
        elif roll < 0.08:
            if images < 3:
                story.blocks.append(("image", _image(story, images)))
                images += 1
        elif roll < 0.1:
            story.blocks.append(("list", [fill(rng.choice(LIST_ITEMS), story) for _ in range(rng.randint(2, 4))]))
        elif roll < 0.115:
            story.blocks.append(("blockquote", f"{fill(rng.choice(QUOTES), story)}."))
        elif roll < 0.13:
            first, second = _continued_quotation(story)
            story.blocks.append(("paragraph", first))
            story.words += _word_count(first)
            story.blocks.append(("paragraph", second))
        elif roll < 0.14:
            story.blocks.append(("embed", f"https://video.example.net/embed/{rng.randint(10**6, 10**7)}"))
        elif pending and roll < 0.25:
            kind = pending.pop(0)
            story.blocks.append(("paragraph", _plant_paragraph(story, kind)))
            story.planted.append(kind)
        else:
            story.blocks.append(("paragraph", _tidy(_paragraph(story))))
            since_heading += 1
        story.words += _word_count(story.blocks[-1][1])
    # An apostrophe in the house style, so curly drafts are curly throughout.
    apostrophe = story.marks[2]
    story.blocks = [(k, _apostrophes(p, apostrophe)) for k, p in story.blocks]
    return story, fmt


def _word_count(payload: object) -> int:
    if isinstance(payload, Image):
        return len(payload.caption.split())
    if isinstance(payload, str) and payload.startswith("https://"):
        return 0  # an embed's address is not prose
    if isinstance(payload, list):
        return sum(len(p.split()) for p in payload)
    return len(str(payload).split())


def _apostrophes(payload: object, mark: str) -> object:
    if isinstance(payload, str):
        return re.sub(r"(?<=\w)'(?=\w)", mark, payload)
    if isinstance(payload, list):
        return [_apostrophes(p, mark) for p in payload]
    return payload


# -- rendering ---------------------------------------------------------------

LINK = re.compile(r"\[\[([^|\]]+)\|([^\]]+)\]\]")


def render_markdown(story: Story) -> str:
    rng = story.rng
    lines = ["---"]
    title = story.headline.replace('"', "'")
    if "bad-front-matter" in story.plants:
        # An unquoted colon in a value is the front matter error editors make most.
        lines.append(f"title: {title}: the latest")
        story.planted.append("bad-front-matter")
    else:
        lines.append(f'title: "{title}"')
    if story.reference_date:
        lines.append(f"date: {story.reference_date.isoformat()}")
    lines.append(f"author: {rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}")
    lines.append(f"desk: {story.desk}")
    lines.append(f"tags: [{story.desk}, {_slug(story.place)}]")
    lead = story.lead_image
    if lead is not None and rng.random() < 0.6:
        lines += ["image:", f"  src: {lead.src}", f"  alt: {lead.alt}"]
        if lead.credit is not None:
            lines.append(f'  credit: "{lead.credit.author if lead.credit.licence else lead.credit.line}"')
            if lead.credit.source:
                lines.append(f"  source: {lead.credit.source}")
            if lead.credit.licence:
                lines.append(f"  license: {lead.credit.licence[1] if rng.random() < 0.6 else lead.credit.licence[0]}")
        lead = None
    lines += ["---", ""]
    if rng.random() < 0.85:
        lines += [f"# {story.headline}", ""]
    blocks = list(story.blocks)
    if lead is not None:
        blocks.insert(1, ("image", lead))
    suppressed = _suppressed_paragraph(rng, blocks, 0.05)
    for index, (kind, payload) in enumerate(blocks):
        if kind == "paragraph":
            text = LINK.sub(r"[\1](\2)", str(payload))
            if rng.random() < 0.05:
                text = text.replace(story.place, f"**{story.place}**", 1)
            if index == suppressed:
                lines.append("<!-- factlint: disable-next-line=DAT001 -->")
            lines += [text, ""]
        elif kind == "embed":
            lines += ["```html", f'<iframe src="{payload}" width="640" height="360" title="Video"></iframe>', "```", ""]
        elif kind == "subheading":
            lines += [f"## {payload}", ""]
        elif kind == "list":
            lines += [f"- {item}" for item in payload] + [""]  # type: ignore[union-attr]
        elif kind == "blockquote":
            lines += [f"> {payload}", ""]
        elif kind == "image":
            lines += _markdown_image(rng, payload)  # type: ignore[arg-type]
    if rng.random() < 0.1:
        lines += ["<!-- editor: check the figures with the finance desk -->", ""]
    return "\n".join(lines)


def _suppressed_paragraph(rng: random.Random, blocks: Sequence[tuple[str, object]], rate: float) -> int | None:
    """Where an editor silenced DAT001: mostly over a relative date, sometimes where none is (an unused suppression)."""
    if rng.random() >= rate:
        return None
    paragraphs = [i for i, (kind, _) in enumerate(blocks) if kind == "paragraph"]
    relative = [i for i in paragraphs if re.search(r"\b(yesterday|today|last week|tomorrow)\b", str(blocks[i][1]))]
    return rng.choice(relative if relative and rng.random() < 0.8 else paragraphs)


def _markdown_image(rng: random.Random, image: Image) -> list[str]:
    credit = image.credit
    if credit is None:
        return [f"![{image.alt}]({image.src})", ""]
    line = _credit_text(credit)
    if rng.random() < 0.25:
        return [f'![{image.alt}]({image.src} "Photo: {line}")', ""]
    if credit.licence and rng.random() < 0.5:
        line = f"{credit.line.rsplit(', ', 1)[0]}, [{credit.licence[0]}]({credit.licence[1]})"
        if credit.source:
            line = f"[{credit.author}]({credit.source})" + line[len(credit.author):]
    return [f"![{image.alt}]({image.src})", "", f"*{image.caption} Photo: {line}*", ""]


def _credit_text(credit: Credit) -> str:
    if credit.source and credit.licence:
        return f"{credit.line}, {credit.source}"
    return credit.line


def render_text(story: Story) -> str:
    rng = story.rng
    lines = [story.headline, ""]
    if rng.random() < 0.5:
        lines += [f"By {rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}", ""]
    blocks = list(story.blocks)
    if story.lead_image is not None:
        blocks.insert(1, ("image", story.lead_image))
    suppressed = _suppressed_paragraph(rng, blocks, 0.03)
    for index, (kind, payload) in enumerate(blocks):
        if kind == "paragraph":
            text = LINK.sub(r"\1 (\2)", str(payload))
            if index == 0 and rng.random() < 0.4:
                when = story.reference_date or story.event_date
                text = f"{story.place.upper()}, {MONTHS[when.month - 1]} {when.day} - {text}"
            if index == suppressed:
                lines.append("factlint: disable-next-line=DAT001")
            lines += [text, ""]
        elif kind == "subheading":
            lines += [str(payload), ""]
        elif kind == "list":
            lines += [f"* {item}" for item in payload] + [""]  # type: ignore[union-attr]
        elif kind == "blockquote":
            o, c, _ = story.marks
            lines += [f"{o}{payload}{c}", ""]
        elif kind == "image":
            image: Image = payload  # type: ignore[assignment]
            if image.credit is not None:
                lines += [f"Photo: {_credit_text(image.credit)}", ""]
    return "\n".join(lines)


def render_html(story: Story) -> str:
    rng = story.rng
    entities = rng.random() < 0.3  # some CMS exports write every curly mark as an entity

    def esc(text: str) -> str:
        # Link text and URL are escaped already with the rest of the paragraph.
        out = LINK.sub(r'<a href="\2">\1</a>', html.escape(text, quote=False))
        if entities:
            out = out.replace("\u201c", "&ldquo;").replace("\u201d", "&rdquo;").replace("\u2019", "&rsquo;")
        return out

    head = ["<!doctype html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
            f"<title>{esc(story.headline)}</title>"]
    if story.reference_date:
        if rng.random() < 0.7:
            published = f"{story.reference_date.isoformat()}T08:00:00Z"
            head.append(f'<meta property="article:published_time" content="{published}">')
        else:
            head.append(f'<meta name="date" content="{story.reference_date.isoformat()}">')
    head += ['<link rel="stylesheet" href="/css/site.css">', "</head>", "<body>",
             f'<header><nav><a href="/">{rng.choice(PUBLICATIONS)}</a> | '
             f'<a href="/{story.desk}">{_cap(story.desk)}</a></nav></header>',
             "<article>", f"<h1>{esc(story.headline)}</h1>",
             f'<p class="byline">By {rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}</p>']
    body = []
    blocks = list(story.blocks)
    if story.lead_image is not None:
        blocks.insert(1, ("image", story.lead_image))
    for kind, payload in blocks:
        if kind == "paragraph":
            body.append(f"<p>{esc(str(payload))}</p>")
        elif kind == "subheading":
            body.append(f"<h2>{esc(str(payload))}</h2>")
        elif kind == "list":
            body.append("<ul>" + "".join(f"<li>{esc(i)}</li>" for i in payload) + "</ul>")  # type: ignore[union-attr]
        elif kind == "blockquote":
            body.append(f"<blockquote><p>{esc(str(payload))}</p></blockquote>")
        elif kind == "embed":
            body.append(f'<div class="embed"><iframe src="{payload}" title="Video"></iframe></div>')
        elif kind == "image":
            body.append(_html_figure(rng, payload, esc))  # type: ignore[arg-type]
    tail = ["</article>", f"<footer><p>&copy; {story.event_date.year} {rng.choice(PUBLICATIONS)}</p></footer>",
            "</body>", "</html>", ""]
    return "\n".join(head + body + tail)


def _html_figure(rng: random.Random, image: Image, esc: Callable[[str], str]) -> str:
    credit = image.credit
    attributes = f'src="{image.src}" alt="{html.escape(image.alt)}"'
    caption = esc(image.caption)
    if credit is not None:
        if credit.licence and rng.random() < 0.2:
            attributes += f' data-credit="{html.escape(credit.author)}" data-license="{html.escape(credit.licence[1])}"'
        elif credit.licence and rng.random() < 0.6:
            author = esc(credit.author)
            if credit.source:
                author = f'<a href="{html.escape(credit.source)}">{author}</a>'
            caption += f' Photo: {author}, <a href="{html.escape(credit.licence[1])}">{esc(credit.licence[0])}</a>'
        else:
            caption += f" Photo: {esc(_credit_text(credit))}"
    return f"<figure><img {attributes}><figcaption>{caption}</figcaption></figure>"


RENDERERS: dict[str, Callable[[Story], str]] = {"markdown": render_markdown, "text": render_text, "html": render_html}


def draft(seed: int, index: int) -> tuple[str, str, bytes, int, list[str]]:
    """(relative path, format, bytes, words of prose, planted errors) of draft `index`."""
    story, fmt = build(seed, index)
    text = RENDERERS[fmt](story)
    rng = story.rng
    if fmt != "html" and rng.random() < 0.06:
        text = text.replace("\n", "\r\n")  # drafts pasted from Windows tools
    if "not-utf8" in story.plants:
        data = text.encode("cp1252", errors="replace")
        story.planted.append("not-utf8")
    else:
        data = ("\ufeff" if rng.random() < 0.02 else "").encode() + text.encode("utf-8")
    name = f"{story.desk}/{index:05d}-{_slug(story.headline)[:40]}.{EXTENSIONS[fmt]}"
    return name, fmt, data, story.words, sorted(set(story.planted))


def generate(out: Path, count: int, seed: int) -> dict:
    """Write `count` drafts and corpus.json under `out`; return the manifest."""
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for index in range(count):
        name, fmt, data, words, planted = draft(seed, index)
        path = out / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        files.append({"path": name, "format": fmt, "bytes": len(data), "words": words, "planted": planted})
    manifest = {
        "generator": GENERATOR_VERSION, "seed": seed, "count": count,
        "bytes": sum(f["bytes"] for f in files),
        "words": sum(f["words"] for f in files),
        "formats": {f: sum(1 for x in files if x["format"] == f) for f in FORMATS},
        "planted": {k: sum(1 for x in files if k in x["planted"]) for k in PLANTS},
        "files": files,
    }
    # corpus.json is not a draft extension, so `factlint check OUT` never reads it.
    (out / "corpus.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, metavar="OUT_DIR")
    parser.add_argument("--count", type=int, default=2000, help="number of drafts (default 2000)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    args = parser.parse_args(argv)
    manifest = generate(args.out, args.count, args.seed)
    words = manifest["words"] // max(1, manifest["count"])
    print(f"{manifest['count']} drafts ({words} words on average), {manifest['bytes'] / 1e6:.1f} MB in {args.out}: "
          + ", ".join(f"{n} {f}" for f, n in manifest["formats"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
