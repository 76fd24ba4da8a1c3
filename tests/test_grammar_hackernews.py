"""Labelled cases for the Hacker News comment-header grammar, negatives included."""

from __future__ import annotations

import pytest

from flows.stages.segment import SegmentConfig, coverage_errors, segment
from flows.stages.segment.grammars import hackernews
from flows.stages.segment.lines import Line, split_lines

STORY = """Hacker News new | past | comments | ask | show | jobs | submit login
The ferry timetable as a public dataset (harbour.example.org)
120 points by alder_fox 5 hours ago | hide | past | favorite | 40 comments

help

pine_r 4 hours ago | next [–]

The winter timetable is the interesting part.

reply

birch 4 hours ago | parent | next [–]

Agreed, the night crossings vanish in December.
reply

kettle 3 hours ago | root | parent | next [–]

They come back in March, at least on paper.
reply

owl_9 3 hours ago | parent | prev | next [–]

[flagged]

moss 2 hours ago | prev | next [–]

Is there an archive of older timetables?
reply

fern 1 hour ago | parent [–]

The harbour office keeps paper copies.
reply

reed 1 hour ago | prev [–]

Nice work.
reply

Guidelines | FAQ | Lists | API | Security | Legal | Apply to YC | Contact

Search:
"""

PERMALINK = """Hacker News new | past | comments | ask | show | jobs | submit login
alder_fox on March 3, 2024 | parent | context | favorite | on: The ferry timetable as data

The winter timetable drops every night crossing.

pine_r on March 3, 2024 | root | parent | next [–]

Only until March.

birch on March 4, 2024 | root | parent | prev [–]

And the summer one adds two.
"""


def lines_of(text: str) -> list[Line]:
    return split_lines(text)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("story page", STORY, 7),
        ("comment permalink page", PERMALINK, 2),
        (
            "two headers, no chrome",
            "ann 2 hours ago | next [–]\nOne.\nbob 1 hour ago | parent [–]\nTwo.",
            2,
        ),
        (
            "NEGATIVE article with pipes and a byline",
            "By Anna Petrova | 3 hours ago\n\nHome | News | Politics\n\nThe tram opened.",
            0,
        ),
        (
            "NEGATIVE single header-like line, no chrome",
            "Notes\n\nann 2 hours ago [–]\nA lone remark.",
            0,
        ),
        (
            "NEGATIVE story line only",
            "Title (example.org)\n"
            "12 points by ann 3 hours ago | hide | past | favorite | 4 comments",
            0,
        ),
        (
            "NEGATIVE redlib header",
            "72\nu/ann 2d ago\nOne.\n\n5\nu/bob 23h ago\nTwo.",
            0,
        ),
    ],
)
def test_find_starts(name: str, text: str, expected: int) -> None:
    assert len(hackernews.find_starts(lines_of(text))) == expected, name


def test_parse_header_fields() -> None:
    lines = lines_of(
        "  1 point by ann 20 minutes ago | root | parent | prev | next | edit | delete [–]\n"
        "  Text.\n"
        "bob 3 hours ago [dead] | parent | prev | next [–]\n"
        "Text.\n"
        "cy on March 3, 2024 | unvote | prev [–]\n"
        "Text."
    )
    assert hackernews.find_starts(lines) == [0, 2, 4]
    own = hackernews.parse_header(lines, 0, 2)
    assert (own.author, own.score, own.age, own.n_lines) == ("ann", 1, "20 minutes ago", 1)
    dead = hackernews.parse_header(lines, 2, 4)
    assert (dead.author, dead.score) == ("bob", None)
    dated = hackernews.parse_header(lines, 4, 6)
    assert (dated.published, dated.age) == ("March 3, 2024", None)


@pytest.mark.parametrize(
    ("links", "depths"),
    [
        (["next", "parent next", "root parent next", "parent prev next", "prev"], [0, 1, 2, 1, 0]),
        (
            ["next", "parent next", "root parent next", "root parent next", "root parent prev"],
            [0, 1, 2, 3, 3],
        ),
        (
            ["next", "parent next", "root parent next", "root parent prev next", "prev"],
            [0, 1, 2, 2, 0],
        ),
        (["root parent next", "root parent next", "root parent prev"], [0, 1, 0]),
        (["root parent", "root parent next", "root parent prev"], [0, 1, 1]),
        (["parent next", "parent prev"], [0, 0]),
    ],
)
def test_page_depths(links: list[str], depths: list[int]) -> None:
    navs = [frozenset(item.split()) for item in links]
    assert hackernews.page_depths(navs) == depths


def test_page_depths_no_next_forces_deeper() -> None:
    navs = [
        frozenset(item.split()) for item in ["next", "parent", "root parent", "root parent prev"]
    ]
    assert hackernews.page_depths(navs) == [0, 1, 2, 2]
    navs = [
        frozenset(s.split()) for s in ["next", "parent next", "root parent", "root parent prev"]
    ]
    assert hackernews.page_depths(navs)[-1] == 2


@pytest.mark.parametrize(
    ("text", "chrome"),
    [
        ("Hacker News new | past | comments | ask | show | jobs | submit login", True),
        (
            "Hacker Newsnew | threads | past | comments | ask | show | jobs | submit ann | logout",
            True,
        ),
        ("Guidelines | FAQ | Lists | API | Security | Legal | Apply to YC | Contact", True),
        ("Search:", True),
        ("reply", True),
        ("[flagged]", True),
        ("The ferry timetable | Hacker News", True),
        ("Please reply to the survey.", False),
        ("More of the same, I think.", False),
        ("News | Politics | Economy", False),
    ],
)
def test_is_chrome(text: str, chrome: bool) -> None:
    assert hackernews.is_chrome(lines_of(text)[0]) is chrome


def test_parse_post_story_and_permalink() -> None:
    lines = lines_of(STORY)
    head = hackernews.parse_post(lines[: hackernews.find_starts(lines)[0]])
    assert head is not None
    assert (head.title, head.author) == ("The ferry timetable as a public dataset", "alder_fox")
    lines = lines_of(PERMALINK)
    head = hackernews.parse_post(lines[: hackernews.find_starts(lines)[0]])
    assert head is not None
    assert (head.title, head.author, head.published) == (
        "The ferry timetable as data",
        "alder_fox",
        "March 3, 2024",
    )


def test_end_to_end_story() -> None:
    result = segment(
        doc_id="0123456789abcdef", text=STORY, layout_hint=None, config=SegmentConfig()
    )
    assert result.layout == "thread"
    post = result.posts[0]
    assert (post["kind"], post["author"]) == ("thread_stub", "alder_fox")
    assert post["title"] == "The ferry timetable as a public dataset"
    tree = [(c["author"], c["depth"]) for c in result.comments]
    assert tree == [
        ("pine_r", 0),
        ("birch", 1),
        ("kettle", 2),
        ("owl_9", 1),
        ("moss", 0),
        ("fern", 1),
        ("reed", 0),
    ]
    bodies = " ".join(c["body"] for c in result.comments)
    assert "reply" not in bodies and "[flagged]" not in bodies
    assert coverage_errors(STORY, result) == []


def test_end_to_end_permalink() -> None:
    result = segment(
        doc_id="0123456789abcdef", text=PERMALINK, layout_hint=None, config=SegmentConfig()
    )
    post = result.posts[0]
    assert (post["kind"], post["author"]) == ("thread_post", "alder_fox")
    assert "drops every night crossing" in post["body"]
    assert [c["parent_id"] for c in result.comments] == [None, None]
    assert coverage_errors(PERMALINK, result) == []


COLLAPSED = """\
Harbour ferries cut night crossings (ledger.example.com)
88 points by alder_fox 5 hours ago | hide | past | favorite | 40 comments

pine_r 4 hours ago | next [–]

The night crossings were the only way to reach the hospital after ten.
Edit: the hospital, not the clinic.
reply

  birch 4 hours ago | parent | next [–] [3 more]

  [deleted] 3 hours ago | parent | next [–]

moss 3 hours ago | prev | next [–]

The operator said the same about the winter timetable last year.
reply
"""


def test_collapsed_and_deleted_comments_and_edit_notes() -> None:
    """A collapsed comment ('[–] [3 more]') and a deleted one are comments with no text;
    an 'Edit:' note in a comment marks it edited."""
    result = segment(
        doc_id="0123456789abcdef", text=COLLAPSED, layout_hint=None, config=SegmentConfig()
    )
    rows = [(c["author"], c["depth"], c["body"] == "", c["edited"]) for c in result.comments]
    assert rows == [
        ("pine_r", 0, False, True),
        ("birch", 1, True, False),
        ("[deleted]", 1, True, False),
        ("moss", 0, False, False),
    ]
    assert coverage_errors(COLLAPSED, result) == []
