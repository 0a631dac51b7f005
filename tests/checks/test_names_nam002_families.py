"""NAM002 when a surname is a family's: a full name of it with an unknown given name still introduces someone."""

from __future__ import annotations

from factlint.testing import Case, assert_rule

from name_messages import early

#: A titled full name of the surname is in each draft: the family is a person's, not a firm's.
VELDKAMP = "Defending champion Bartel Veldkamp shot 68 to lead.\n"


def test_a_relative_named_before_the_surname_alone_is_introduced() -> None:
    assert_rule("NAM002", valid=[
        # "Oona" is no given name of the pack, but her brother's title makes Veldkamp a family's name
        "On Friday the newcomer Oona Veldkamp missed the cut.\n\n"
        "Veldkamp, whose brother shared the lead, shot 78.\n\n" + VELDKAMP,
        # written surname first, as Chinese names are
        "Another hope is 15-year-old Xu Qiong, who took bronze.\n\n"
        "Xu is being groomed for the next Games.\n\n"
        "Backstroke favourite Xu Dan won the heat from teammate Yusuf Arkan.\n",
    ])


def test_the_surname_before_every_full_name_is_still_reported() -> None:
    assert_rule("NAM002", invalid=[
        # the first full name in the body is hers, so the message names her
        Case("Veldkamp shot 78 on Friday.\n\nOn Friday the newcomer Oona Veldkamp missed the cut.\n\n" + VELDKAMP,
             row=1, column=1, end_column=9, message=early("Veldkamp", "Oona Veldkamp", 3)),
        Case("Xu is being groomed for the next Games.\n\nAnother hope is 15-year-old Xu Qiong.\n\n"
             "Backstroke favourite Xu Dan won the heat.\n",
             row=1, column=1, end_column=3, message=early("Xu", "Xu Qiong", 3)),
    ])

