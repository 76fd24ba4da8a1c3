"""Labelled cases for the vBulletin header grammar (invented snippets)."""

from __future__ import annotations

import pytest

from flows.stages.segment import SegmentConfig, segment
from flows.stages.segment.grammars import vbulletin
from flows.stages.segment.lines import split_lines

THREAD = """\
Riverside Forums > City > Transport
Tram fares and the city budget

Thread Tools

Old 03-03-2024, 08:33 PM   #1
ola_m
Senior Member

Join Date: Jan 2017
Location: Riverside
Posts: 1,204
ola_m is on a distinguished road

Tram fares and the city budget

The council wants to raise tram fares again. Has anyone seen the budget tables?

__________________
Trams, not traffic jams.

ola_m is offline   Reply With Quote
Old 03-03-2024, 09:10 PM   #2
petr_k
Member

Join Date: Feb 2018
Posts: 48
petr_k is on a distinguished road

Quote:
Originally Posted by ola_m
Has anyone seen the budget tables?

They are in the annex, under transport subsidies.

Last edited by petr_k; 03-03-2024 at 09:20 PM.

petr_k is offline   Reply With Quote
Old 03-04-2024, 07:02 AM   #3
vera_n
Junior Member

Join Date: May 2023
Posts: 9
vera_n is on a distinguished road

The vote is next Thursday, in the small hall.

vera_n is offline   Reply With Quote

All times are GMT +3. The time now is 09:12 AM.
Powered by vBulletin® Version 3.8.11
"""

PAGE_TWO = """\
Tram fares and the city budget

Old 03-09-2024, 01:15 PM   #21
vera_n
Junior Member

Join Date: May 2023
Posts: 9

The vote is next Thursday.

vera_n is offline   Reply With Quote
Old 03-09-2024, 02:40 PM   #22
ola_m

Join Date: Jan 2017
Posts: 1,204

I will be there.
"""


def test_find_starts_skips_post_one() -> None:
    lines = split_lines(THREAD)
    starts = vbulletin.find_starts(lines)
    assert [lines[at].text for at in starts] == [
        "Old 03-03-2024, 09:10 PM   #2",
        "Old 03-04-2024, 07:02 AM   #3",
    ]
    header = vbulletin.parse_header(lines, starts[0], starts[1])
    assert (header.author, header.published, header.edited) == (
        "petr_k",
        "03-03-2024, 09:10 PM",
        True,
    )
    assert lines[starts[0] + header.n_lines - 1].text == "petr_k is on a distinguished road"


def test_later_page_is_a_stub() -> None:
    lines = split_lines(PAGE_TWO)
    starts = vbulletin.find_starts(lines)
    assert len(starts) == 2
    head = vbulletin.parse_post(lines[: starts[0]])
    assert head is not None and head.title == "Tram fares and the city budget"


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("a dated list item", "Old 03-03-2024 minutes\nThe council met.\n"),
        ("a hashtag line", "Posted 03-03-2024, 08:33 PM #budget\nThe council met.\n"),
    ],
)
def test_no_starts(label: str, text: str) -> None:
    assert vbulletin.find_starts(split_lines(text)) == [], label


def test_quoted_lines() -> None:
    lines = split_lines(THREAD)
    quoted = vbulletin.quoted_lines(lines, 0, len(lines), vbulletin.QUOTE)
    assert [lines[i].text for i in sorted(quoted)] == ["Has anyone seen the budget tables?"]


@pytest.mark.parametrize(
    ("text", "chrome"),
    [
        ("Join Date: Jan 2017", True),
        ("Posts: 1,204", True),
        ("ola_m is on a distinguished road", True),
        ("__________________", True),
        ("ola_m is offline   Reply With Quote", True),
        ("Last edited by petr_k; 03-03-2024 at 09:20 PM.", True),
        ("Powered by vBulletin® Version 3.8.11", True),
        ("ola_m вне форума Ответить с цитатой", True),
        ("Регистрация: 05.01.2015", True),
        ("Последний раз редактировалось ola_m; 12.03.2024 в 22:31.", True),
        ("Ответ на запрос пришёл вне форума, по почте.", False),
        ("The road to the depot is long.", False),
        ("Trams, not traffic jams.", False),
    ],
)
def test_is_chrome(text: str, chrome: bool) -> None:
    assert vbulletin.is_chrome(split_lines(text)[0]) is chrome


def test_end_to_end() -> None:
    result = segment("0123456789abcdef", THREAD, None, SegmentConfig())
    assert result.layout == "thread"
    post = result.posts[0]
    assert (post["kind"], post["title"], post["author"], post["published_date"]) == (
        "thread_post",
        "Tram fares and the city budget",
        "ola_m",
        "2024-03-03",
    )
    assert "Trams, not traffic jams." not in post["body"]
    assert [(c["author"], c["edited"]) for c in result.comments] == [
        ("petr_k", True),
        ("vera_n", False),
    ]
    bodies = " ".join(row["body"] for row in [*result.posts, *result.comments])
    for chrome in ("Join Date", "distinguished road", "Reply With Quote", "Powered by"):
        assert chrome not in bodies


def test_vbulletin4_one_line_quote_attribution() -> None:
    """vBulletin 4 prints 'Quote Originally Posted by <name> View Post' on one line."""
    text = "\n".join(
        [
            "Quote Originally Posted by ola_m View Post",
            "The council wants to raise tram fares again.",
            "It always does before an election.",
        ]
    )
    lines = split_lines(text)
    assert vbulletin.QUOTE.match(lines[0].text).group("name") == "ola_m"
    assert vbulletin.quoted_lines(lines, 0, len(lines), vbulletin.QUOTE) == {1}
    assert vbulletin.is_chrome(lines[0])


SINGLE_POST = (
    """\
Riverside Forums - View Single Post - Tram fares and the city budget
View Single Post
Old March 4th, 2024, 09:10 PM
  #7{trailing}
petr_k
Member

petr_k's Avatar

Join Date: Feb 2018
Posts: 48
Default

The fares went up twice last year and the new trams still have not arrived at the depot.
petr_k is offline
"""
).format(trailing="  ")  # the post number's line ends in spaces, as scraped


def test_month_name_stamp_with_the_number_on_its_own_line() -> None:
    """'Old March 4th, 2024, 09:10 PM' over '#7': a reply on a single-post page."""
    lines = split_lines(SINGLE_POST)
    found = vbulletin.headers(lines)
    assert [(hit.author, hit.number, hit.published) for hit in found] == [
        ("petr_k", 7, "March 4th, 2024, 09:10 PM")
    ]
    result = segment(doc_id="0123456789abcdef", text=SINGLE_POST, layout_hint=None,
                     config=SegmentConfig())  # fmt: skip
    assert result.layout == "thread" and result.posts[0]["kind"] == "thread_stub"
    assert [c["body"] for c in result.comments] == [
        "The fares went up twice last year and the new trams still have not arrived at the depot."
    ]


def test_a_dated_line_without_a_post_number_is_no_header() -> None:
    assert (
        vbulletin.headers(split_lines("Old March 4th, 2024\npetr_k\nJoin Date: Feb 2018\n")) == []
    )


RUSSIAN = """\
Старый 12.03.2024, 21:05   #1
ola_m
Местный
Регистрация: 05.01.2015
Сообщений: 412
По умолчанию Тарифы на проезд
Кто-нибудь видел новые тарифы на автобус?
ola_m вне форума Ответить с цитатой
Старый 12.03.2024, 22:17   #2
petr_k
Новичок
Регистрация: 11.02.2012
Сообщений: 38
По умолчанию
Цитата:
Сообщение от ola_m
новые тарифы на автобус
Видел, подорожание на пять рублей с апреля.
Последний раз редактировалось petr_k; 12.03.2024 в 22:31.
petr_k на форуме Ответить с цитатой
"""


def test_russian_localisation_and_post_icon_title() -> None:
    lines = split_lines(RUSSIAN)
    (start,) = vbulletin.find_starts(lines)
    header = vbulletin.parse_header(lines, start, len(lines))
    assert (header.author, header.edited) == ("petr_k", True)
    quoted = [lines[i].text for i in range(len(lines)) if lines[i].index in header.quote_lines]
    assert quoted == ["новые тарифы на автобус"]
    head = vbulletin.parse_post(lines[:start])
    assert head is not None and (head.title, head.author) == ("Тарифы на проезд", "ola_m")
