"""The Blogger comment grammar, on small invented pages."""

from __future__ import annotations

import pytest

from flows.stages.segment import SegmentConfig, coverage_errors, segment
from flows.stages.segment.grammars import blogger_comments as blogger
from flows.stages.segment.lines import Line, split_lines

DOC = "0123456789abcdef"

PAGE = "\n".join(
    [
        "Letters from the Upper Volga",
        "Old maps, river trade and local history",
        "",
        "    Home",
        "    About this blog",
        "",
        "Saturday, 4 March 2023",
        "The lost wharves of the upper river",
        " Nina Osipova     18:05     history, river, trade     3 comments",
        "",
        "Before the railway reached the district, grain left the upper river on flat barges"
        " that tied up at a dozen small wharves along the bank.",
        "",
        "Most of those wharves are gone now, and only the names of two streets remember them.",
        "",
        "Posted by Nina Osipova at 18:05 Email ThisBlogThis!Share to TwitterShare to Facebook",
        "Labels: history, river, trade",
        "",
        "Newer Post Older Post Home",
        "3 comments:",
        "",
        "    Anonymous5 March 2023 at 09:12",
        "",
        "    My grandmother remembered the last barge leaving in the thirties.",
        "    Reply",
        "    Replies",
        "        Nina Osipova5 March 2023 at 11:30",
        "",
        "        Thank you, that fits the dates in the district archive.",
        "        Reply",
        "    Gleb R.March 6, 2023 at 4:45 PM",
        "",
        "    Is there a map of where the wharves stood?",
        "    Reply",
        "",
        "Subscribe to: Post Comments (Atom)",
        "Popular Posts",
        "Blog Archive",
        "    ▼  2023 (4)",
        "Copyright © 2023 Letters from the Upper Volga | Powered by Blogger",
    ]
)


def lines_of(text: str) -> list[Line]:
    return split_lines(text)


@pytest.mark.parametrize(
    ("label", "text", "expected"),
    [
        (
            "two glued headers",
            "    Ann5 March 2023 at 09:12\nHi.\n    Bob5 March 2023 at 10:00\n",
            [0, 2],
        ),
        (
            "one glued header and its reply link",
            "    Marina K.15 November 2022 at 09:11\nHi.\nReply",
            [0],
        ),
        ("US stamp glued", "    AnonymousNovember 14, 2022 at 1:20 PM\nHi.\nReply", [0]),
        (
            "classic said header with its stamp",
            "Ann Roe said...\nA remark.\n14 November 2022 at 13:20\nBob said...\nMore.\n"
            "15 November 2022 at 08:00",
            [0, 3],
        ),
    ],
)
def test_find_starts_positive(label: str, text: str, expected: list[int]) -> None:
    assert blogger.find_starts(lines_of(text)) == expected, label


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("a spaced date line", "Posted 14 November 2022 at 13:20\nText.\nReply"),
        ("one glued line without any Blogger furniture", "Moscow14 November 2022 at 13:20\nText."),
        ("a dateline above a title", "Monday, 14 November 2022\nA title\nBy Ann Roe\nText."),
        ("wordpress header", "Ann Roe says:\nMarch 3, 2022 at 4:15 pm\nText.\nReply"),
        ("said without a stamp", "The minister said...\nand then he stopped.\n"),
    ],
)
def test_find_starts_negative(label: str, text: str) -> None:
    assert blogger.find_starts(lines_of(text)) == [], label


def test_parse_header() -> None:
    lines = lines_of(PAGE)
    starts = blogger.find_starts(lines)
    assert len(starts) == 3
    first = blogger.parse_header(lines, starts[0], starts[1])
    assert (first.author, first.n_lines, first.nesting) == ("Anonymous", 1, 4)
    assert first.published == "5 March 2023 at 09:12"
    reply = blogger.parse_header(lines, starts[1], starts[2])
    assert (reply.author, reply.nesting) == ("Nina Osipova", 8)
    us = blogger.parse_header(lines, starts[2], len(lines))
    assert (us.author, us.published) == ("Gleb R.", "March 6, 2023 at 4:45 PM")


@pytest.mark.parametrize(
    "text",
    [
        "Reply",
        "Replies",
        "3 comments:",
        "Post a Comment",
        "Newer Post Older Post Home",
        "Subscribe to: Post Comments (Atom)",
        "Labels: history, river",
        "Posted by Nina Osipova at 18:05 Email ThisBlogThis!Share to Twitter",
        "▼  2023 (4)",
        "Copyright © 2023 Letters | Powered by Blogger",
        "14 November 2022 at 13:20",
    ],
)
def test_is_chrome(text: str) -> None:
    assert blogger.is_chrome(split_lines(text)[0])


@pytest.mark.parametrize(
    "text",
    [
        "Replies to the survey came from every district.",
        "Posted letters took a week.",
        "This comment has been removed by a blog administrator.",
    ],
)
def test_is_not_chrome(text: str) -> None:
    assert not blogger.is_chrome(split_lines(text)[0])


def test_find_end() -> None:
    lines = lines_of(PAGE)
    end = blogger.find_end(lines, blogger.find_starts(lines))
    assert end is not None
    assert lines[end].text == "Subscribe to: Post Comments (Atom)"


def test_end_to_end() -> None:
    result = segment(doc_id=DOC, text=PAGE, layout_hint=None, config=SegmentConfig())
    assert coverage_errors(PAGE, result) == []
    assert result.layout == "thread"
    post = result.posts[0]
    assert post["kind"] == "thread_post"
    assert post["title"] == "The lost wharves of the upper river"
    assert (post["author"], post["published_date"]) == ("Nina Osipova", "2023-03-04")
    assert "flat barges" in post["body"]
    assert "Old maps" not in post["body"] and "Labels" not in post["body"]
    found = [(c["author"], c["depth"]) for c in result.comments]
    assert found == [("Anonymous", 0), ("Nina Osipova", 1), ("Gleb R.", 0)]
    assert result.comments[1]["parent_id"] == result.comments[0]["comment_id"]
    assert result.comments[2]["published_date"] == "2023-03-06"
    assert all("Reply" not in c["body"] for c in result.comments)
