"""Whole drafts, as a newsroom writes them, with every LIC finding they must get and nothing else."""

from __future__ import annotations

import pytest

from factlint.testing import lint

HARBOUR = """\
---
title: Harbour cranes return after storm repairs
date: 2026-10-02
images:
  - src: /img/cranes.jpg
    credit: Elena Voss
    source: https://www.flickr.com/photos/evoss/54012345678/
    license: https://creativecommons.org/licenses/by-nc-sa/2.0/
  - src: /img/quay.jpg
    credit:
      name: Piet de Vries
      url: https://commons.wikimedia.org/
    license: CC BY-SA 3.0 NL
  - src: /img/dock.jpg
    credit: ANP/Piet de Vries
  - /img/skyline.jpg
---

# Harbour cranes return after storm repairs

The port's three container cranes were back in service after six weeks of repairs.

![Crane operators at work](/img/operators.jpg)
*Operators in the cab of crane 2. Photo: Mark Jansen*

The harbour authority said the repairs cost 4 million euros.

![The repaired boom](/img/boom.jpg "Photo: Sanne Bakker, CC BY 4.0, https://www.flickr.com/photos/sbakker/54019876543/")

![Night shift](/img/night.jpg)

Picture: Sanne Bakker, https://creativecommons.org/licenses/by/4.0/, https://commons.wikimedia.org/wiki/File:Night_shift.jpg

Photographers were allowed on the quay for the first time since the storm.
"""

HARBOUR_FINDINGS = [
    ("LIC004", 8),  # NonCommercial licence of the first entry
    ("LIC005", 12),  # credit.url is Commons' home page
    ("LIC001", 16),  # a bare image entry with no credit
    ("LIC002", 24),  # a caption credit with no licence
]

WIRE = """\
Ministers agree on grain corridor

Ministers from five countries agreed on Thursday to keep the grain corridor open through the winter.

Photo: flickr.com by Jan Kowalski, CC BY 2.0 Grain ships at anchor

The agreement still needs the approval of the parliaments involved.

Photo: Jan Kowalski / Reuters

(Photo by Anna Nowak)

Image: https://commons.wikimedia.org/wiki/File:Grain_port.jpg, CC-BY-SA-4.0

Video: Anna Nowak, CC BY-ND 4.0
"""

WIRE_FINDINGS = [
    ("LIC005", 5),  # root-only source
    ("LIC002", 11),  # no licence
    ("LIC005", 13),  # no author
    ("LIC004", 15),  # NoDerivatives
]

ARTICLE = """\
<!doctype html>
<html><head><meta property="article:published_time" content="2026-04-11T07:00:00Z"></head>
<body>
<article>
<h1>Library reopens after flood</h1>
<figure><img src="reading-room.jpg" alt="The reading room"><figcaption>The reading room on Friday. Photo: Mia Chen/AFP</figcaption></figure>
<p>The central library reopened its doors on Friday, eight months after the river flooded its basement.</p>
<figure><img src="stacks.jpg" alt="Stacks"><figcaption>New shelving in the stacks. Photo: <a href="https://www.flickr.com/photos/lib/5401">Omar Haddad</a>, <a href="https://creativecommons.org/licenses/by-sa/2.5/">CC BY-SA 2.5</a></figcaption></figure>
<img src="children.jpg" alt="Children's corner" data-credit="Omar Haddad" data-license="CC BY-NC-ND 4.0">
<p>The children's corner has moved to the first floor.</p>
<img src="plaque.jpg" alt="A plaque">
<figure><img src="flood.jpg"><figcaption>The basement in March. Image: Rosa Lind, https://creativecommons.org/licences/by/4.0/</figcaption></figure>
<img src="logo.png" alt="Library logo" title="Image courtesy of the City Library">
</article>
</body></html>
"""

ARTICLE_FINDINGS = [
    ("LIC004", 9),
    ("LIC001", 11),
    ("LIC003", 12),
    ("LIC002", 13),
]


@pytest.mark.parametrize(
    "draft, fmt, expected",
    [(HARBOUR, "markdown", HARBOUR_FINDINGS), (WIRE, "text", WIRE_FINDINGS), (ARTICLE, "html", ARTICLE_FINDINGS)],
    ids=["markdown", "text", "html"],
)
def test_whole_drafts(draft: str, fmt: str, expected: list[tuple[str, int]]) -> None:
    got = [(r.code, r.row) for r in lint(draft, format=fmt, select=["LIC"])]
    assert got == expected


def test_whole_draft_with_newsroom_policy() -> None:
    policy = {"licensing": {"own": ["Harbour Daily"], "non-commercial": "warning", "extend-agencies": ["Mark Jansen"]}}
    got = [(r.code, r.row, r.severity) for r in lint(HARBOUR, select=["LIC"], settings=policy)]
    assert got == [("LIC004", 8, "warning"), ("LIC005", 12, "warning"), ("LIC001", 16, "error")]
