"""Labelled cases for the MyBB header grammar (invented snippets)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.stages.segment import SegmentConfig, segment
from flows.stages.segment.grammars import mybb
from flows.stages.segment.lines import split_lines
from tests.test_segment import assert_valid

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


BODY = st.sampled_from(
    [
        "The ferry office did not answer the phone today.",
        "Two crossings a day",
        "Quote:",
        "anna_b Wrote: (05-03-2021, 10:00 AM)",
        "See the minutes: page 4.",
        "",
    ]
)


@st.composite
def postbits(draw: st.DrawFn, number: int) -> tuple[list[str], str, bool]:
    """(lines, author, edited) of one postbit in one of the forms the grammar reads."""
    name = draw(st.sampled_from(["anna_b", "ivan.k", "Oleg Petrov"]))
    status = draw(st.sampled_from(["Offline", "Online", "Away"]))
    lines = [f"{name} {status}"] if draw(st.booleans()) else [name, status]
    lines += draw(st.lists(st.sampled_from(["Member", "****", "Posting Freak"]), max_size=2))
    lines += ["Posts: 38", "Threads: 6", "Joined: Feb 2018"]
    lines += ["Reputation: 2"] if draw(st.booleans()) else []
    date = draw(st.sampled_from(["06-15-2018, 09:41 PM", "Today, 10:02 AM", "5 hours ago"]))
    note = f"(This post was last modified: 06-16-2018, 07:15 AM by {name}.)"
    edit = draw(st.sampled_from(["none", "on the date's line", "on its own line"]))
    if edit == "on the date's line":
        date += " " + note
    form = draw(st.sampled_from(["number first", "date first", "one line"]))
    lines += {
        "number first": [f"#{number}", date],
        "date first": [date, f"#{number}"],
        "one line": [f"#{number} {date}"],
    }[form]
    lines += [note] if edit == "on its own line" else []
    lines += [*draw(st.lists(BODY, max_size=3)), "We met at the pier on Monday."]
    lines += draw(st.sampled_from([["Find", "Reply"], ["PM Find Reply Report"], ["Find"]]))
    return lines, name, edit != "none"


@st.composite
def mybb_pages(draw: st.DrawFn) -> tuple[str, int, list[tuple[str, bool]]]:
    """(page text, first post number, each post's author and edit mark)."""
    first = draw(st.sampled_from([1, 11]))
    lines = ["Hello There, Guest! Login Register", "Board › Topic › A thread title"]
    lines += ["Thread Modes", "A thread title"]
    posts = []
    for number in range(first, first + draw(st.integers(2, 5))):
        postbit, author, edited = draw(postbits(number))
        lines += postbit
        posts.append((author, edited))
    lines += ["« Next Oldest | Next Newest »", "Users browsing this thread: 1 Guest(s)"]
    return "\n".join(lines) + "\n", first, posts


@settings(max_examples=80, deadline=None)
@given(mybb_pages())
def test_generated_pages(page: tuple[str, int, list[tuple[str, bool]]]) -> None:
    """Every generated postbit is read (author, edit mark), post #1 as the opening post,
    and every character of the page is accounted for."""
    text, first, posts = page
    result = segment("fedcba9876543210", text, None, SegmentConfig())
    assert_valid(text, result)
    assert result.layout == "thread"
    assert result.posts[0]["kind"] == ("thread_post" if first == 1 else "thread_stub")
    replies = posts[1:] if first == 1 else posts
    assert [(c["author"], c["edited"]) for c in result.comments] == replies
    bodies = " ".join(row["body"] for row in [*result.posts, *result.comments])
    for chrome in ("Posts:", "Joined:", "last modified", "Wrote:", "Find", "browsing"):
        assert chrome not in bodies


RUSSIAN = """\
Бюджет области
Yar_Vadim Не в сети
Участник
Сообщений: 156
Тем: 12
Зарегистрирован: Фев 2019
#1
15.11.2023, 21:41
Дума приняла бюджет почти без обсуждения.
Найти
Ответить
Olga_Kor Не в сети
Новичок
Сообщений: 23
Зарегистрирован: Сен 2022
#2
15.11.2023, 22:10 (Сообщение последний раз редактировалось: 15.11.2023, 22:20, пользователем Olga_Kor.)
Yar_Vadim Написал: (15.11.2023, 21:41)Дума приняла бюджет
Так было и в прошлом году.
Найти
Ответить
« Предыдущая | Следующая »
"""


def test_russian_localisation() -> None:
    result = segment("0123456789abcdef", RUSSIAN, None, SegmentConfig())
    assert_valid(RUSSIAN, result)
    (post,) = result.posts
    assert (post["title"], post["author"], post["published_date"]) == (
        "Бюджет области",
        "Yar_Vadim",
        "2023-11-15",
    )
    (reply,) = result.comments
    assert (reply["author"], reply["edited"]) == ("Olga_Kor", True)
    assert "Найти" not in reply["body"] and "Предыдущая" not in reply["body"]
    assert not mybb.is_chrome(split_lines("Ответ губернатора пришёл через месяц.")[0])
