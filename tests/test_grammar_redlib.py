"""Labelled cases for the Redlib / Libreddit comment-header grammar, negatives included."""

from __future__ import annotations

import pytest

from flows.stages.segment import SegmentConfig, coverage_errors, segment
from flows.stages.segment.grammars import redlib
from flows.stages.segment.lines import Line, split_lines

PAGE = """r/TownHall • u/Birch_Owl • Jun 03 '23

Discussion Was the new tram line worth the closed bridge?

The tram opened last month and the bridge stays closed for cars until autumn.

58 Upvotes
permalink
reddit
91% Upvoted
12 comments sorted by

44
u/Pine_Reader Riverside 3d ago edited 2d ago

The tram is full every morning, so somebody uses it.

Edit: full at eight, not at seven.

  7
  u/Birch_Owl 3d ago

  Full of people who used to take the bus, mostly.

    •
    u/[deleted] 2d ago

    [deleted]

  → More replies (3)

-2
u/Quiet_Kettle Jun 04 '23

Nobody asked the shop owners on the bridge road.
"""

FLAT = """r/TownHall • u/Birch_Owl • 4d ago
Why the market hall closes early on Sundays
The opening hours changed without any notice.
1.2k
Upvotes
120
u/Pine_Reader 4d ago
The lease was renegotiated in spring.
15
u/Quiet_Kettle 3d ago
The stall holders voted for it.
"""


def lines_of(text: str) -> list[Line]:
    return split_lines(text)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("indented page", PAGE, 4),
        ("flat compact page", FLAT, 2),
        (
            "two scored headers without a head line",
            "72\nu/Alder_Fox 2d ago\nFirst remark.\n\n5\nu/Birch_Owl 23h ago\nSecond remark.",
            2,
        ),
        (
            "NEGATIVE article with a u/ mention",
            "Town news\n\nAs u/Alder_Fox wrote 2d ago, the bridge is shut.\n\n12\nmore lines.",
            0,
        ),
        (
            "NEGATIVE one scored header, no head line",
            "Notes\n\n72\nu/Alder_Fox 2d ago\nA single quoted remark.",
            0,
        ),
        (
            "NEGATIVE bullet list and byline",
            "By Anna Petrova\n\n• first point\n• second point\n\n3\nu/ a broken line",
            0,
        ),
        (
            "NEGATIVE old-reddit header",
            "[–] Alder_Fox 12 points 3 hours ago\nA remark.\n"
            "[–] Birch_Owl 4 points 2 hours ago\nOk.",
            0,
        ),
    ],
)
def test_find_starts(name: str, text: str, expected: int) -> None:
    assert len(redlib.find_starts(lines_of(text))) == expected, name


def test_parse_header_score_flair_edit_and_indent() -> None:
    lines = lines_of(PAGE)
    starts = redlib.find_starts(lines)
    first = redlib.parse_header(lines, starts[0], starts[1])
    assert (first.author, first.score, first.edited, first.age) == (
        "Pine_Reader",
        44,
        True,
        "3d ago",
    )
    assert first.n_lines == 2
    reply = redlib.parse_header(lines, starts[1], starts[2])
    assert reply.nesting > first.nesting and reply.author == "Birch_Owl"
    hidden = redlib.parse_header(lines, starts[2], starts[3])
    assert (hidden.author, hidden.score) == ("[deleted]", None)
    dated = redlib.parse_header(lines, starts[3], len(lines))
    assert (dated.score, dated.published, dated.age) == (-2, "Jun 04 '23", None)


def test_parse_header_blank_line_between_score_and_author() -> None:
    lines = lines_of("121\n\nu/Alder_Fox Jun 03 '23\n\nText.\n\n3\n\nu/Birch_Owl 1y ago\n\nMore.")
    starts = redlib.find_starts(lines)
    assert starts == [0, 6]
    header = redlib.parse_header(lines, 0, 6)
    assert (header.n_lines, header.score, header.author) == (3, 121, "Alder_Fox")


@pytest.mark.parametrize(
    ("text", "chrome"),
    [
        ("8.4k Upvotes", True),
        ("• Upvotes", True),
        ("96% Upvoted", True),
        ("127 comments sorted by", True),
        ("View all comments", True),
        ("Show parent comments", True),
        ("→ More replies (2)", True),
        ("[removed] — view removed post", True),
        ("[deleted]", True),
        ("1.9k", True),
        ("The upvotes were hidden for a day.", False),
        ("More replies would have helped.", False),
        ("42", False),
    ],
)
def test_is_chrome(text: str, chrome: bool) -> None:
    assert redlib.is_chrome(lines_of(text)[0]) is chrome


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Analysis Why the ferry stopped running", "Why the ferry stopped running"),
        ("Map of the tram lines by year OC", "Map of the tram lines by year"),
        ("Is the bridge open again? Question", "Is the bridge open again?"),
        ("Anna Petrova wins the school prize", "Anna Petrova wins the school prize"),
        ("Why the ferry stopped running", "Why the ferry stopped running"),
    ],
)
def test_strip_flair(title: str, expected: str) -> None:
    assert redlib.strip_flair(title) == expected


def test_parse_post_head() -> None:
    lines = lines_of(PAGE)
    head = redlib.parse_post(lines[: redlib.find_starts(lines)[0]])
    assert head is not None
    assert head.title == "Was the new tram line worth the closed bridge?"
    assert (head.author, head.published) == ("Birch_Owl", "Jun 03 '23")


def test_end_to_end() -> None:
    result = segment(doc_id="0123456789abcdef", text=PAGE, layout_hint=None, config=SegmentConfig())
    assert result.layout == "thread"
    post = result.posts[0]
    assert post["kind"] == "thread_post" and post["author"] == "Birch_Owl"
    assert post["published_date"] == "2023-06-03"
    assert "closed for cars until autumn" in post["body"] and "Upvotes" not in post["body"]
    authors = [(c["author"], c["depth"], c["score"]) for c in result.comments]
    assert authors == [
        ("Pine_Reader", 0, 44),
        ("Birch_Owl", 1, 7),
        ("[deleted]", 2, None),
        ("Quiet_Kettle", 0, -2),
    ]
    assert "More replies" not in result.comments[1]["body"]
    assert result.comments[2]["body"] == ""
    assert coverage_errors(PAGE, result) == []


def test_end_to_end_flat_stub() -> None:
    text = FLAT.replace("The opening hours changed without any notice.\n", "")
    result = segment(doc_id="0123456789abcdef", text=text, layout_hint=None, config=SegmentConfig())
    assert result.posts[0]["kind"] == "thread_stub"
    assert result.posts[0]["title"] == "Why the market hall closes early on Sundays"
    assert [c["depth"] for c in result.comments] == [0, 0]
    assert coverage_errors(text, result) == []
