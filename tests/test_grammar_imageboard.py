"""The imageboard grammar and replies linked by post number: invented snippets,
negatives included."""

from __future__ import annotations

from flows.stages.segment import SegmentConfig, segment
from flows.stages.segment.grammars import imageboard
from flows.stages.segment.lines import split_lines
from flows.stages.segment.meta import find_date

PAGE = """\
[Catalog] [Archive] [Bottom]
Ferry thread Anonymous 05/02/24(Thu)10:00:01 No.5001 ▶>>5002
Will the winter ferry to the exclave run at all this year?
Anonymous 05/02/24(Thu)10:04:12 No.5002 ▶>>5004
>>5001 (OP)
Only twice a week, the schedule is out.
Anonymous (ID: Ab12Cd34) 05/02/24(Thu)10:06:40 No.5003
>>5001 (OP)
>Will the winter ferry run
It will, the port said so yesterday.
Anonymous 05/02/24(Thu)10:09:55 No.5004
>>5002
Twice a week is what they said last year too.
[Return] [Catalog] [Top]
All trademarks belong to their owners.
"""


def test_headers_and_reply_links() -> None:
    lines = split_lines(PAGE)
    starts = imageboard.find_starts(lines)
    assert len(starts) == 3
    headers = [
        imageboard.parse_header(lines, at, end)
        for at, end in zip(starts, [*starts[1:], len(lines)], strict=True)
    ]
    assert [h.number for h in headers] == ["5002", "5003", "5004"]
    assert [h.reply_to_number for h in headers] == ["5001", "5001", "5002"]
    assert all(h.author == "Anonymous" for h in headers)


def test_no_starts_without_numbered_stamps() -> None:
    text = "Anonymous wrote on 05/02/24 about No.5 of the list\nAnonymous 05/02/24\n"
    assert imageboard.find_starts(split_lines(text)) == []
    two = "\n".join(PAGE.splitlines()[:6])  # the opening post and one reply: not enough
    assert imageboard.find_starts(split_lines(two)) == []


def test_imageboard_stamp_is_a_date() -> None:
    assert find_date("05/02/24(Thu)10:00:01") == ("05/02/24", "2024-05-02")
    assert find_date("05/02/24(Thu)") is None


def test_end_to_end_parents_by_number() -> None:
    result = segment("0123456789abcdef", PAGE, None, SegmentConfig())
    (post,) = result.posts
    assert (post["title"], post["author"], post["published_date"]) == (
        "Ferry thread",
        "Anonymous",
        "2024-05-02",
    )
    comments = result.comments
    assert [c["parent_id"] for c in comments[:2]] == [None, None]
    assert comments[2]["parent_id"] == comments[0]["comment_id"]
    quotes = [b["text"] for b in result.blocks if b["kind"] == "quote"]
    assert quotes == ["Will the winter ferry run"]
    assert "All trademarks" not in comments[2]["body"]
