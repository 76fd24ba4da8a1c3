"""Labelled cases for the recurring-frames grammar: posts found by the stamp line and the
frame every post repeats around it (invented snippets), and the pages it must leave
alone (a listing's items, a digest's articles, mail)."""

from __future__ import annotations

import time

import pytest

from flows.stages.segment import SegmentConfig, segment, threads
from flows.stages.segment.grammars import recurring_frames
from flows.stages.segment.lines import split_lines

PROFILE_BLOCK = """\
Board index > Regions > Local elections
Who gets to run for mayor?

Anna_K
posted 12.3.2023, 10:42
Post #1

Group: Members
Posts: 1 318
Joined: 9.6.2009

The council changed the rules again and nobody in town was asked about it at all.

Back to top
+Quote
Boris Lenz
posted 12.3.2023, 11:15
Post #2

Group: Members
Posts: 244
Joined: 2.11.2015

Quote(Anna_K @ 12.3.2023, 10:42) *
nobody in town was asked

They never are, and the turnout shows what people think of that.

Back to top
+Quote
Anna_K
posted 12.3.2023, 12:03
Post #3

Group: Members
Posts: 1 319
Joined: 9.6.2009
Location: Tver

Fair enough, but the turnout was low long before the rules changed this year.
Last edited by Anna_K on 12.3.2023, 12:10

Back to top
+Quote
Forum footer: 3 users reading this topic
"""

NAMELESS_PROFILE = """\
Post subject: Who counts the votes in small towns
Posted: Mon Nov 11, 2024 10:14 am
Offline
Member

Joined: Tue Mar 02, 2010 4:51 pm
Posts: 1874
The commission in our town has had the same chair for twenty years and nobody minds.

Top
Profile
Posted: Mon Nov 11, 2024 11:40 am
Offline
Member

Joined: Fri Jan 18, 2019 9:03 pm
Posts: 212
Twenty years is long, but a chair who stays is also a chair who can be blamed.

Top
Profile
Posted: Tue Nov 12, 2024 8:05 am
Offline
Moderator

Joined: Sun Jun 06, 2004 12:30 pm
Posts: 5320
The law caps the term now, so the question answers itself after the next election.

Top
Profile
"""

REPLY_NOTES = """\
A short article about the pipeline sits here. It has two sentences of its own.

Ruben Avakian
Ruben Avakian
Guest
2 years ago

The pipeline was never the point, and everybody in the region knew it.

7
Reply
Tomas Weber
Tomas Weber
Guest
Reply to  Ruben Avakian
2 years ago

Knew it, yes, but a route you cannot test still has some value for them.

3
Reply
Elena Mirova
Elena Mirova
Guest
2 years ago

A good piece, but it underrates the gas trade by a wide margin, I think.

-2
Reply
"""

LISTING = """\
Politics

Governors Reshuffled Ahead of the Autumn Vote
12.3.2023, 10:42
Three governors were replaced on Tuesday, the Kremlin said in a statement.

Budget Talks Stall Over Regional Transfers
12.3.2023, 11:15
Regional leaders asked for more money and got a promise of a commission instead.

New Rules for Local Referendums Approved
12.3.2023, 12:03
The law raises the number of signatures needed to call a local vote by half.
"""

MAIL_DIGEST = """\
From: anna@example.org
Subject: Local elections
Date: 12.3.2023, 10:42

The council changed the rules again and nobody in town was asked about it.

From: boris@example.org
Subject: Re: Local elections
Date: 12.3.2023, 11:15

They never are, and the turnout shows what people think of that, again.

From: anna@example.org
Subject: Re: Local elections
Date: 12.3.2023, 12:03

Fair enough, but the turnout was low long before the rules changed this year.
"""

DATED_ARTICLE = """\
Moscow, 12.3.2023, 10:42

The council changed the rules again and nobody in town was asked about it.
Updated 12.3.2023, 11:15
They never are, and the turnout shows what people think of that, again.
"""


ROW_HEADERS = """\
Topic #518

+12   [03.09.2024 19:20] kedrov_a Rating 841.20     Wall of kedrov_a +95

Why was the direct election of the district head abolished? Who appoints him now?

+8   [03.09.2024 19:41] Marta_S Rating 1203.55     Wall of Marta_S +240

A commission does, and the governor names half of its members, as the law now says.

+3   [03.09.2024 20:02] orlan77 Rating 56.10     Wall of orlan77 +4

So the residents have no say at all, which suits whoever makes the appointment.

Reply to topic
"""

BYLINE_LISTING = """\
Latest news

Kremlin tightens the rules for regional party lists
Igor Stepan - March 12, 2021
The commission will check every signature twice from now on, the decree says.

Baltic states expel two diplomats over interference
Leena Marja - March 10, 2021
The foreign ministries said the diplomats had met candidates before the vote.

Turnout falls again in the municipal elections in the north
Igor Stepan - March 8, 2021
Fewer than one voter in five came to the polls, the regional commission said.

Popular
Kremlin tightens the rules for regional party lists
Baltic states expel two diplomats over interference
"""


def _lines(text: str):
    return split_lines(text)


def test_a_profile_block_forum_reads_the_opening_post_and_two_replies() -> None:
    lines = _lines(PROFILE_BLOCK)
    starts = recurring_frames.find_starts(lines)
    assert [lines[at].text for at in starts] == ["Boris Lenz", "Anna_K"]
    headers = recurring_frames.parse_headers(lines, starts)
    assert [header.author for header in headers] == ["Boris Lenz", "Anna_K"]
    assert [header.edited for header in headers] == [False, True]
    quoted = {lines[at].index for at in range(len(lines)) if lines[at].text.startswith("nobody")}
    assert quoted <= headers[0].quote_lines
    head = recurring_frames.page_post(lines, starts)
    assert head is not None
    assert head.author == "Anna_K"
    assert head.title == "Who gets to run for mayor?"
    chrome_texts = {lines[i].text for i in headers[0].chrome_lines}
    assert {"Back to top", "+Quote"} <= chrome_texts
    end = recurring_frames.find_end(lines, starts)
    assert end is not None and lines[end].text.startswith("Forum footer")


def test_a_profile_block_without_names_still_reads_the_posts() -> None:
    lines = _lines(NAMELESS_PROFILE)
    starts = recurring_frames.find_starts(lines)
    assert len(starts) == 2
    headers = recurring_frames.parse_headers(lines, starts)
    assert [header.author for header in headers] == [None, None]
    head = recurring_frames.page_post(lines, starts)
    assert head is not None and head.title == "Who counts the votes in small towns"


def test_a_repeated_label_is_no_name_and_a_reply_note_names_the_parent() -> None:
    lines = _lines(REPLY_NOTES)
    starts = recurring_frames.find_starts(lines)
    headers = recurring_frames.parse_headers(lines, starts)
    assert [header.author for header in headers] == ["Ruben Avakian", "Tomas Weber", "Elena Mirova"]
    assert [header.reply_to for header in headers] == [None, "Ruben Avakian", None]
    assert [header.score for header in headers] == [7, 3, -2]


def test_a_stamp_row_that_carries_the_name_gives_the_author() -> None:
    lines = _lines(ROW_HEADERS)
    starts = recurring_frames.find_starts(lines)
    end = recurring_frames.find_end(lines, starts)
    assert end is not None
    assert [line.text for line in lines[end:] if line.text] == ["Reply to topic"]
    signed = ROW_HEADERS.replace("as the law now says.\n", "as the law now says.\nMarta\n")
    signed_lines = _lines(signed)
    assert (
        recurring_frames.find_end(signed_lines, recurring_frames.find_starts(signed_lines)) is None
    )
    headers = recurring_frames.parse_headers(lines, starts)
    assert [header.author for header in headers] == ["Marta_S", "orlan77"]
    head = recurring_frames.page_post(lines, starts)
    assert head is not None and head.author == "kedrov_a"


@pytest.mark.parametrize(
    "text",
    [LISTING, MAIL_DIGEST, DATED_ARTICLE, BYLINE_LISTING],
    ids=["listing", "mail", "article", "byline-listing"],
)
def test_pages_that_are_no_thread_are_left_alone(text: str) -> None:
    assert recurring_frames.find_starts(_lines(text)) == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Posts: 1 318", "posts:"),
        ("posted 12.3.2023, 10:42", "posted 0.0.0, T"),
        ("Sat Jul 21, 2018 8:06 pm", "M M 0, 0 T"),
        ("-2", "0"),
    ],
)
def test_skeleton_keeps_labels_and_classes_digits_and_dates(text: str, key: str) -> None:
    assert recurring_frames.skeleton(text) == key.casefold()


def test_a_long_page_reads_in_linear_time() -> None:
    post = PROFILE_BLOCK.split("Boris Lenz", 1)[1].split("Anna_K\nposted 12.3.2023, 12:03")[0]
    text = PROFILE_BLOCK + "".join("Boris Lenz" + post for _ in range(1_500))
    lines = _lines(text)
    assert len(lines) > 20_000
    began = time.perf_counter()
    starts = recurring_frames.find_starts(lines)
    recurring_frames.parse_headers(lines, starts)
    assert len(starts) > 1_500
    assert time.perf_counter() - began < 20


@pytest.mark.parametrize(
    ("address", "author", "opens"),
    [
        ("@gordon w. the ruble holds", "gordon w.", True),
        ("@gordon w.", "gordon w.", True),
        ("@gordon williams agreed", "gordon w", False),
        ("@gordon w. the ruble holds", "gordon", True),
        ("gordon w. the ruble holds", "gordon w.", False),
    ],
)
def test_an_address_opens_with_an_authors_whole_name(
    address: str, author: str, opens: bool
) -> None:
    assert threads._opens_with(address, author) is opens


NUMBERED_POSTS = """\
Who gets to run for mayor?

Anna_K
posted 12.3.2023, 10:42
Post #1
Posts: 1 318
Joined: 9.6.2009

The council changed the rules again and nobody in town was asked about it at all.

Boris Lenz
posted 12.3.2023, 11:15
Post #2
Posts: 244
Joined: 2.11.2015

They never are, and the turnout shows what people think of that, as always.

Vera Kim
posted 12.3.2023, 11:40
Post #3
Posts: 12
Joined: 1.2.2020

Reply to #2
The turnout was low long before the rules changed, so that proves very little.

Oleg_P
posted 12.3.2023, 12:03
Post #4
Posts: 77
Joined: 5.5.2018

#3 fair, but it fell further this time, by a third in the central districts.
"""


def test_a_reply_citing_a_post_number_replies_to_that_post() -> None:
    result = segment("0123456789abcdef", NUMBERED_POSTS, "thread", SegmentConfig())
    comments = result.comments
    assert [c["author"] for c in comments] == ["Boris Lenz", "Vera Kim", "Oleg_P"]
    assert comments[1]["parent_id"] == comments[0]["comment_id"]
    assert comments[2]["parent_id"] == comments[1]["comment_id"]
    assert comments[0]["parent_id"] is None


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("#12 agreed with you", "12"),
        ("@#7 no", "7"),
        ("Reply to #3", "3"),
        ("Ответ на сообщение #2", "2"),
        ("В ответ на №4", "4"),
        ("#hashtag politics", None),
        ("We need #12 more signatures", None),
    ],
)
def test_a_cited_number_opens_the_body(text: str, number: str | None) -> None:
    assert threads._cited_number(split_lines(text)) == number


PROFILE_ABOVE = """\
Budgets after the tax reform

Author Message
petrel
Regular

Joined: 14 Jan 2004
Posts: 412

Posted: Tue Mar 07, 2006 9:12 am    Post subject: Budgets after the tax reform

The centre sends the money back as transfers with conditions attached to each of them.
Back to top
north_wind
Newbie

Joined: 02 Feb 2006
Posts: 7

Posted: Tue Mar 07, 2006 11:40 am    Post subject: Reply

In our oblast it went from a fifth to almost a third of revenue in two years.
Back to top
petrel
Regular

Joined: 14 Jan 2004
Posts: 412

Posted: Tue Mar 07, 2006 2:05 pm    Post subject: Reply

That is the point of the reform: a governor on transfers does not argue with anyone.
Back to top
"""


def test_a_profile_above_the_post_gives_name_title_and_the_posts_own_date() -> None:
    lines = _lines(PROFILE_ABOVE)
    starts = recurring_frames.find_starts(lines)
    headers = recurring_frames.parse_headers(lines, starts)
    assert [header.author for header in headers] == ["north_wind", "petrel"]  # not the rank
    assert [header.published for header in headers] == [
        "Posted: Tue Mar 07, 2006 11:40 am    Post subject: Reply",
        "Posted: Tue Mar 07, 2006 2:05 pm    Post subject: Reply",
    ]
    head = recurring_frames.page_post(lines, starts)
    assert head is not None
    assert (head.author, head.title) == ("petrel", "Budgets after the tax reform")
    assert head.published is not None and head.published.startswith("Posted: Tue Mar 07")
