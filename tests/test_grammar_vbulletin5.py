"""Labelled cases for the vBulletin 5 grammar (invented snippets)."""

from __future__ import annotations

import pytest

from flows.stages.segment.grammars import vbulletin5
from flows.stages.segment.lines import split_lines

TOPIC = """\
Volga_Trader
Senior Member
Join Date: Mar 2014
Posts: 2318
#1
Grain duties
11-03-2023, 09:14 AM
Will the duty stay?
Kuban_Field
Member
Join Date: Aug 2019
Posts: 411
#2
11-03-2023, 10:02 AM
It will.
Comment
Rostov_Elev
Junior Member
Join Date: Jan 2022
Posts: 37
#3
11-03-2023, 12:47 PM
Originally posted by Kuban_Field View Post
It will.
Not for long.
Last edited by Rostov_Elev; 11-03-2023, 01:05 PM.
"""


def test_starts_headers_and_opening_post() -> None:
    lines = split_lines(TOPIC)
    starts = vbulletin5.find_starts(lines)
    assert [lines[at].text for at in starts] == ["Kuban_Field", "Rostov_Elev"]
    first = vbulletin5.parse_header(lines, starts[0], starts[1])
    assert (first.author, first.n_lines, first.published) == (
        "Kuban_Field",
        6,
        "11-03-2023, 10:02 AM",
    )
    second = vbulletin5.parse_header(lines, starts[1], len(lines))
    assert (second.reply_to, second.edited) == ("Kuban_Field", True)
    assert lines[starts[1] + 7].index in second.quote_lines
    head = vbulletin5.parse_post(lines[: starts[0]])
    assert head is not None
    assert (head.title, head.author) == ("Grain duties", "Volga_Trader")


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("hashtags", "#russia\n#grain\n#duty\n"),
        (
            "no profile block",
            "ola\n#2\n11-03-2023, 10:02 AM\nText.\npetr\n#3\n11-03-2023, 10:05 AM\n",
        ),
    ],
)
def test_no_starts(label: str, text: str) -> None:
    assert vbulletin5.find_starts(split_lines(text)) == [], label


@pytest.mark.parametrize(
    ("text", "chrome"), [("Cancel", True), ("Tags: None", True), ("Post it.", False)]
)
def test_chrome(text: str, chrome: bool) -> None:
    assert vbulletin5.is_chrome(split_lines(text)[0]) is chrome
