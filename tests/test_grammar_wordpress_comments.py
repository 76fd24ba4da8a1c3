"""The WordPress comment grammar and its article head, on small invented pages."""

from __future__ import annotations

import pytest

from flows.stages.segment import SegmentConfig, coverage_errors, segment
from flows.stages.segment.grammars import wordpress_comments as wp
from flows.stages.segment.lines import Line, split_lines

DOC = "0123456789abcdef"

THREADED = "\n".join(
    [
        "Skip to content",
        "The Valley Gazette",
        "Local news and comment from the river towns",
        "Menu",
        "Home",
        "Opinion",
        "Why the ferry timetable keeps changing",
        "By Marta Quill",
        "April 9, 2023",
        "The ferry operator changed its timetable three times this winter, and each change was"
        " announced less than a week in advance.",
        "",
        "Passengers who commute to the county offices say they no longer trust the printed"
        " schedule at the landing.",
        "",
        "Share this:",
        "Click to share on Twitter (Opens in new window)Click to share on Facebook (Opens in new"
        " window)",
        "Like this:",
        "Like Loading...",
        "Related",
        "transport, ferries, council",
        "2 thoughts on “Why the ferry timetable keeps changing”",
        "  • Oren Vale says:",
        "    April 9, 2023 at 7:02 pm",
        "    The evening boat is the one that matters, and it moved twice.",
        "    Reply",
        "      • Marta Quill says:",
        "        April 10, 2023 at 8:15 am",
        "        Thanks, I will ask the operator about the evening service.",
        "        Reply",
        "  • pat_w says:",
        "    April 11, 2023 at 1:40 pm",
        "    A notice board at the landing would solve half of this.",
        "    Reply",
        "Leave a Reply Cancel reply",
        "Your email address will not be published. Required fields are marked *",
        "Comment *",
        "Name *",
        "Email *",
        "Website",
        "Save my name, email, and website in this browser for the next time I comment.",
        "Post Comment",
        "Proudly powered by WordPress",
    ]
)

CLASSIC = "\n".join(
    [
        "Steppe Notes",
        "March 3, 2008",
        "The price board at the corner shop",
        "Posted by Ilya Renner",
        "The corner shop changed its price board twice this week, both times on a Monday"
        " morning before the delivery van arrived.",
        "",
        "Filed under: Prices — ilya @ 9:12 am",
        "2 Responses to “The price board at the corner shop”",
        "",
        "  1. Ours does the same, always on the day the bread arrives.",
        "",
        "     Comment by Yuri Bek — Monday 3 March 2008 @ 11:40 am",
        "  2. Two remarks.",
        "",
        "     Nobody reads the small print on the board anyway.",
        "",
        "     Comment by anna_p — Tuesday 4 March 2008 @ 2:05 pm",
        "",
        "Leave a Reply",
        "Name (required)",
        "Blog at WordPress.com.",
    ]
)


def lines_of(text: str) -> list[Line]:
    return split_lines(text)


@pytest.mark.parametrize(
    ("label", "text", "expected"),
    [
        ("says header with stamp", "Yegor T. says:\nMarch 3, 2022 at 4:15 pm\nText.", [0]),
        (
            "bulleted reply",
            "      • Vera_Sm says:\n        September 25, 2021 at 5:52 pm\nHi.",
            [0],
        ),
        ("one-line said header", "Ann Roe on March 3, 2022 at 4:15 pm said:\nText.", [0]),
        (
            "bare name after the section line",
            "3 thoughts on “A title”\nAnn Roe\nMarch 3, 2022 at 4:15 pm\nText.",
            [1],
        ),
        (
            "classic number with its signature",
            "  1. Text here.\n     Comment by Ann — Monday 3 March 2008 @ 4:15 pm",
            [0],
        ),
    ],
)
def test_find_starts_positive(label: str, text: str, expected: list[int]) -> None:
    assert wp.find_starts(lines_of(text)) == expected, label


@pytest.mark.parametrize(
    ("label", "text"),
    [
        (
            "article quoting a minister",
            "The minister says:\nthe budget is balanced and will stay so until 2025.\n",
        ),
        (
            "article with a bullet list and a byline",
            "Title\nBy Ann Roe\nMarch 3, 2022\nIntro.\n  • first point\n  • second point\n",
        ),
        (
            "blog page with an empty comment section",
            "Posted in Elections | Tagged Duma | 2 Comments\nLeave a Reply\nEnter your comment here...",
        ),
        (
            "bare name and stamp without the section line",
            "Ann Roe\nMarch 3, 2022 at 4:15 pm\nText.",
        ),
        (
            "numbered list without signatures",
            "1. First point of the plan.\n2. Second point of the plan.\n",
        ),
        (
            "disqus header",
            "Ann Roe • 2 years ago\nText.\nReply\nShare ›",
        ),
    ],
)
def test_find_starts_negative(label: str, text: str) -> None:
    assert wp.find_starts(lines_of(text)) == [], label


def test_parse_header_threaded() -> None:
    lines = lines_of(THREADED)
    starts = wp.find_starts(lines)
    assert len(starts) == 3
    first = wp.parse_header(lines, starts[0], starts[1])
    assert (first.author, first.n_lines, first.nesting) == ("Oren Vale", 2, 2)
    assert first.published == "April 9, 2023 at 7:02 pm"
    reply = wp.parse_header(lines, starts[1], starts[2])
    assert (reply.author, reply.nesting) == ("Marta Quill", 6)


def test_parse_header_classic() -> None:
    lines = lines_of(CLASSIC)
    starts = wp.find_starts(lines)
    assert [lines[p].text[:2] for p in starts] == ["1.", "2."]
    header = wp.parse_header(lines, starts[1], len(lines))
    assert (header.author, header.n_lines) == ("anna_p", 0)
    assert header.published == "Tuesday 4 March 2008 @ 2:05 pm"


@pytest.mark.parametrize(
    "text",
    [
        "Reply",
        "Leave a Reply Cancel reply",
        "Your email address will not be published. Required fields are marked *",
        "Comment *",
        "Save my name, email, and website in this browser for the next time I comment.",
        "Post Comment",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        "Share this:",
        "Like Loading...",
        "Click to share on Telegram (Opens in new window)Click to print (Opens in new window)",
        "5 thoughts on “Some title”",
        "Tags: Duma, Moscow",
        "Previous Post: An older story",
        "Proudly powered by WordPress | Theme: Twenty Twenty-One",
        "Comment by Ann — Monday 3 March 2008 @ 4:15 pm",
        "September 2021",
        "3 мыслей о “Как перекроили округа”",
        "Ответить",
        "Отправить комментарий",
        "Рубрики: Выборы | Метки: дума, округа",
    ],
)
def test_is_chrome(text: str) -> None:
    assert wp.is_chrome(split_lines(text)[0])


@pytest.mark.parametrize(
    "text",
    [
        "The email arrived on Monday and nobody replied to it.",
        "He quoted them «as they were»",
        "Website owners were not consulted.",
        "Replying to the minister, she said no.",
        "Related matters will be discussed in May.",
        "Ответить на вопрос о метках избирком не смог.",
    ],
)
def test_is_not_chrome(text: str) -> None:
    assert not wp.is_chrome(split_lines(text)[0])


def test_parse_post_threaded() -> None:
    lines = lines_of(THREADED)
    region = lines[: wp.find_starts(lines)[0]]
    head = wp.parse_post(region)
    assert head is not None
    assert head.title == "Why the ferry timetable keeps changing"
    assert (head.author, head.published) == ("Marta Quill", "April 9, 2023")
    assert {lines[i].text for i in head.meta_lines} == {"By Marta Quill", "April 9, 2023"}
    chrome_texts = {lines[i].text for i in head.chrome_lines}
    assert {"The Valley Gazette", "Opinion", "transport, ferries, council"} <= chrome_texts


def test_find_end_stops_at_the_comment_form() -> None:
    lines = lines_of(THREADED)
    end = wp.find_end(lines, wp.find_starts(lines))
    assert end is not None
    assert lines[end].text == "Leave a Reply Cancel reply"


def test_end_to_end_threaded() -> None:
    result = segment(doc_id=DOC, text=THREADED, layout_hint=None, config=SegmentConfig())
    assert coverage_errors(THREADED, result) == []
    assert result.layout == "thread"
    post = result.posts[0]
    assert post["kind"] == "thread_post"
    assert post["title"] == "Why the ferry timetable keeps changing"
    assert (post["author"], post["published_date"]) == ("Marta Quill", "2023-04-09")
    assert "printed schedule" in post["body"]
    assert "Local news" not in post["body"] and "ferries, council" not in post["body"]
    authors = [(c["author"], c["depth"]) for c in result.comments]
    assert authors == [("Oren Vale", 0), ("Marta Quill", 1), ("pat_w", 0)]
    assert result.comments[1]["parent_id"] == result.comments[0]["comment_id"]
    assert all("Reply" not in c["body"] for c in result.comments)


def test_end_to_end_classic() -> None:
    result = segment(doc_id=DOC, text=CLASSIC, layout_hint=None, config=SegmentConfig())
    assert coverage_errors(CLASSIC, result) == []
    post = result.posts[0]
    assert (post["title"], post["author"]) == ("The price board at the corner shop", "Ilya Renner")
    assert post["published_date"] == "2008-03-03"
    assert [c["author"] for c in result.comments] == ["Yuri Bek", "anna_p"]
    assert "small print" in result.comments[1]["body"]
    assert all("Comment by" not in c["body"] for c in result.comments)


def test_blog_page_without_comments_stays_an_article() -> None:
    text = "\n".join(
        [
            "Notes from the Embankment",
            "A quiet week in the council",
            "Posted on May 2, 2022 by Ann Roe",
            "Nothing much happened in the council this week, which is itself a small piece of"
            " news worth recording.",
            "Posted in Council | Tagged budget | 2 Comments",
            "Leave a Reply",
            "Enter your comment here...",
        ]
    )
    result = segment(doc_id=DOC, text=text, layout_hint=None, config=SegmentConfig())
    assert result.layout != "thread"


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Posted in Politics by Ann Roe", "Ann Roe"),
        ("Posted on May 2, 2022 by Ann Roe", "Ann Roe"),
        ("By Ann Roe", "Ann Roe"),
    ],
)
def test_parse_post_bylines(byline: str, author: str) -> None:
    text = "\n".join(
        [
            "Site name",
            "Category",
            "A headline of several words",
            byline,
            "The first paragraph of the article is long enough to read as prose, and it ends.",
        ]
    )
    head = wp.parse_post(lines_of(text))
    assert head is not None
    assert (head.title, head.author) == ("A headline of several words", author)


def test_parse_post_standfirst_stays_in_body() -> None:
    text = "\n".join(
        [
            "Category",
            "A headline of several words",
            "A short standfirst sums it up.",
            "The first paragraph of the article is long enough to read as prose, and it ends.",
        ]
    )
    lines = lines_of(text)
    head = wp.parse_post(lines)
    assert head is not None
    assert head.title == "A headline of several words"
    assert lines[2].index not in head.meta_lines | head.title_lines | head.chrome_lines


def test_classic_comment_whose_only_line_is_furniture_keeps_its_header() -> None:
    text = "\n".join(
        [
            "2 Responses to “T”",
            "  1. Read more at",
            "     Comment by Ann — Monday 3 March 2008 @ 4:15 pm",
            "  2. Agreed.",
            "     Comment by Bo — Monday 3 March 2008 @ 5:00 pm",
        ]
    )
    lines = lines_of(text)
    assert wp.parse_header(lines, 1, 3).n_lines == 1
    result = segment(doc_id=DOC, text=text, layout_hint=None, config=SegmentConfig())
    assert coverage_errors(text, result) == []
    assert [c["author"] for c in result.comments] == ["Ann", "Bo"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Posted by ilya_k on March 3, 2008", "ilya_k"),
        ("By Konstantin Arbuzov", "Konstantin Arbuzov"),
        ("By the way, the vote was close.", None),
        ("By 2030 the plan will be finished", None),
    ],
)
def test_byline_name(text: str, name: str | None) -> None:
    assert wp.byline_name(text) == name


def test_russian_says_header() -> None:
    text = "Marina K говорит:\n02.04.2024 в 21:14\nТакое уже делали.\nОтветить\n"
    text += "Pavel_V говорит:\n03.04.2024 в 09:05\nА карту опубликовали?\nОтветить\n"
    lines = split_lines(text)
    starts = wp.find_starts(lines)
    assert [wp.parse_header(lines, at, len(lines)).author for at in starts] == [
        "Marina K",
        "Pavel_V",
    ]
