"""Labelled cases for the MyBB header grammar (invented snippets)."""

from __future__ import annotations

import pytest

from flows.stages.segment import SegmentConfig, segment
from flows.stages.segment.grammars import mybb
from flows.stages.segment.lines import split_lines

TOPIC = """\
Lakeside Civic Board
Hello There, Guest! Login Register
Lakeside Civic Board › City Affairs › Ferry timetable for the winter
Pages (2): 1 2 Next »
Thread Rating:
  • 0 Vote(s) - 0 Average
Thread Modes
Ferry timetable for the winter
dima_p Offline
Junior Member
**
Posts: 12
Threads: 3
Joined: Mar 2019
Reputation: 1
#1
11-02-2021, 08:15 AM
The port office published the winter timetable. Two crossings a day instead of five.

Does anyone know who signed it off?
Find
Reply
lena.k Online
Posting Freak
*****
Posts: 2,311
Threads: 140
Joined: Jan 2012
Reputation: 57
Location: North pier
#2
11-02-2021, 09:40 AM (This post was last modified: 11-02-2021, 10:05 AM by lena.k. Edit Reason: typo )
dima_p Wrote: (11-02-2021, 08:15 AM)
Does anyone know who signed it off?
The deputy mayor, according to the minutes of the transport committee.
Find
Reply
olga_s Offline
Member
***
Posts: 88
Threads: 9
Joined: Jun 2016
#3
Yesterday, 07:30 PM
Two crossings will not carry the school children.
Find
Reply
« Next Oldest | Next Newest »
Users browsing this thread: 1 Guest(s)
Powered By MyBB, © 2002-2021 MyBB Group.
"""

PAGE_TWO = """\
Hello There, Guest! Login Register
Lakeside Civic Board › City Affairs › Ferry timetable for the winter
Pages (2): « Previous 1 2
Thread Modes
Ferry timetable for the winter
olga_s
Offline
Member
Posts: 88
Threads: 9
Joined: Jun 2016
11-20-2021, 06:00 PM
#11
The first week went as expected: queues at both piers.
PM
Find
Reply
Report
lena.k
Online
Posting Freak
Posts: 2,311
Threads: 140
Joined: Jan 2012
11-20-2021, 06:45 PM
#12
The council meets on Monday about it.
PM
Find
Reply
Report
"""


def test_find_starts_skips_post_one() -> None:
    lines = split_lines(TOPIC)
    starts = mybb.find_starts(lines)
    assert [lines[at].text for at in starts] == ["lena.k Online", "olga_s Offline"]


def test_parse_header_reads_the_edit_note_and_the_quote() -> None:
    lines = split_lines(TOPIC)
    start, end = mybb.find_starts(lines)
    header = mybb.parse_header(lines, start, end)
    assert (header.author, header.published, header.edited) == (
        "lena.k",
        "11-02-2021, 09:40 AM",
        True,
    )
    assert lines[start + header.n_lines - 1].text.startswith("11-02-2021, 09:40 AM (This post")
    assert [lines[i].text for i in sorted(header.quote_lines)] == [
        "Does anyone know who signed it off?"
    ]
    assert {lines[i].text for i in header.chrome_lines} == {"Find", "Reply"}


def test_relative_date_and_no_reputation() -> None:
    lines = split_lines(TOPIC)
    starts = mybb.find_starts(lines)
    header = mybb.parse_header(lines, starts[1], len(lines))
    assert (header.author, header.published, header.edited) == (
        "olga_s",
        "Yesterday, 07:30 PM",
        False,
    )


def test_later_page_with_status_on_its_own_line_is_a_stub() -> None:
    lines = split_lines(PAGE_TWO)
    starts = mybb.find_starts(lines)
    assert [lines[at].text for at in starts] == ["olga_s", "lena.k"]
    header = mybb.parse_header(lines, starts[0], starts[1])
    assert (header.author, header.published) == ("olga_s", "11-20-2021, 06:00 PM")
    assert lines[starts[0] + header.n_lines - 1].text == "#11"
    head = mybb.parse_post(lines[: starts[0]])
    assert head is not None and head.title == "Ferry timetable for the winter"
    result = segment("0123456789abcdef", PAGE_TWO, None, SegmentConfig())
    assert result.layout == "thread"
    assert (result.posts[0]["kind"], result.posts[0]["title"]) == (
        "thread_stub",
        "Ferry timetable for the winter",
    )
    assert [c["author"] for c in result.comments] == ["olga_s", "lena.k"]


def test_number_and_date_on_one_line() -> None:
    text = TOPIC.replace("#2\n11-02-2021, 09:40 AM (This", "#2 11-02-2021, 09:40 AM (This").replace(
        "#3\nYesterday, 07:30 PM", "Yesterday, 07:30 PM #3"
    )
    lines = split_lines(text)
    starts = mybb.find_starts(lines)
    assert [lines[at].text for at in starts] == ["lena.k Online", "olga_s Offline"]
    first = mybb.parse_header(lines, starts[0], starts[1])
    second = mybb.parse_header(lines, starts[1], len(lines))
    assert (first.published, first.edited) == ("11-02-2021, 09:40 AM", True)
    assert (second.published, second.edited) == ("Yesterday, 07:30 PM", False)


@pytest.mark.parametrize(
    ("label", "text"),
    [
        (
            "vBulletin postbit (Join Date, date before the number on one line)",
            "11-02-2021, 09:40 AM   #2\nlena.k\nJoin Date: Jan 2012\nPosts: 2,311\n"
            "The deputy mayor signed it.\n",
        ),
        (
            "an article with a numbered tag and a byline",
            "Posted by Anna Belova\nPosts: 4\nJoined: today\n#2\n11-02-2021, 08:15 AM\n"
            "The ferry runs twice a day.\n",
        ),
        (
            "a hashtag line then a date, no profile block",
            "Our winter campaign\n#2\n11-02-2021, 09:40 AM\nJoin us at the pier.\n",
        ),
    ],
)
def test_no_starts(label: str, text: str) -> None:
    assert mybb.find_starts(split_lines(text)) == [], label


@pytest.mark.parametrize(
    ("text", "chrome"),
    [
        ("Hello There, Guest! Login Register", True),
        ("Pages (2): 1 2 Next »", True),
        ("  • 0 Vote(s) - 0 Average", True),
        ("Thread Modes", True),
        ("« Next Oldest | Next Newest »", True),
        ("Users browsing this thread: 1 Guest(s)", True),
        ("Powered By MyBB, © 2002-2021 MyBB Group.", True),
        ("PM Find Reply Report", True),
        ("The following 2 users say Thank You to lena.k for this post:", True),
        ("dima_p Wrote: (11-02-2021, 08:15 AM)", True),
        ("Lakeside Civic Board › City Affairs › Ferry timetable for the winter", True),
        ("Find the minutes of the transport committee.", False),
        ("She wrote: the ferry is late again.", False),
    ],
)
def test_is_chrome(text: str, chrome: bool) -> None:
    assert mybb.is_chrome(split_lines(text)[0]) is chrome


def test_end_to_end() -> None:
    result = segment("0123456789abcdef", TOPIC, None, SegmentConfig())
    assert result.layout == "thread"
    post = result.posts[0]
    assert (post["kind"], post["title"], post["author"], post["published_date"]) == (
        "thread_post",
        "Ferry timetable for the winter",
        "dima_p",
        "2021-11-02",
    )
    assert "Two crossings a day instead of five." in post["body"]
    assert [(c["author"], c["edited"], c["parent_id"]) for c in result.comments] == [
        ("lena.k", True, None),
        ("olga_s", False, None),
    ]
    quotes = [b["text"] for b in result.blocks if b["kind"] == "quote"]
    assert quotes == ["Does anyone know who signed it off?"]
    bodies = " ".join(row["body"] for row in [*result.posts, *result.comments])
    for chrome in ("Offline", "Posts:", "Joined:", "Wrote:", "Find", "browsing", "MyBB"):
        assert chrome not in bodies
