"""QUO002 on published copy: apostrophes are no quotation marks, and a real stray mark is still caught."""

from __future__ import annotations

from factlint.testing import Case, assert_rule


def test_apostrophes_are_not_quotation_marks() -> None:
    assert_rule(
        "QUO002",
        valid=[
            "The 'bot nets that hit the bank were rented by the hour, police said.",
            "They played rock 'n' roll at the fair until the early hours.",
            "He was goin' home when the storm hit the village.",
            "The fashion of the '90s is back in the shops this spring.",
            "They went to Chris' house and then to the Joneses' farm on the hill.",
            "\"He told us 'never again' and walked out,\" she said.",
            "\"That is just par for the course on the 'net,\" the shop owner said.",
        ],
        invalid=[
            Case("Vote\n\nShe called it \"a disgrace and walked out of the hall.\n", row=3, column=15),
            Case("Talks\n\nIt was a 'fair deal, he said, for everyone involved in the talks.\n", row=3, column=10),
            # the clipped word is 'net, not a mark opening "net" or "network"
            Case("Talks\n\nThey called it a 'network of friends, he said, and left it there.\n", row=3, column=18),
        ],
        format="text",
    )
