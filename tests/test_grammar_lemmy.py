"""The lemmy-ui comment-header grammar: labelled cases on invented snippets, negatives
included, and pages end to end (a comment permalink page, score-only counters, scores
glued to the age, badges, the community sidebar)."""

from __future__ import annotations

import pytest

from flows.stages.segment import SegmentConfig, segment
from flows.stages.segment.grammars import lemmy
from flows.stages.segment.lines import Line, split_lines

VOTES_THREAD = """\
A post body that says what the thread is about.

  • first_user@lemmy.mlOP
    link
    fedilink
    arrow-up
    30
    arrow-down
    2
    ·
    edit-2
    3 years ago

    A top comment.

    • second@lemmygrad.ml
      link
      fedilink
      English
      arrow-up
      10
      ·
      3 years ago

      A reply.
"""

PERMALINK_PAGE = """\
Skip Navigation

Ferry timetable cut on the northern route

      • harbour_cat@lemmy.world
        link
        fedilink
        English
        arrow-up
        8
        arrow-down
        1
        ·
        4 months ago

        The winter ferry always runs half empty.

        • dock_gull@feddit.org
          link
          fedilink
          English
          arrow-up
          3
          ·
          4 months ago

          Not on Fridays.
"""

SCORE_ONLY_PAGE = """\
Skip Navigation

Grain export quotas extended into the spring

  • tovarisch_ivan@hexbear.netOP
    link
    fedilink
    25
    ·
    2 years ago

    The quota was always going to be extended.

    • birch_reader@lemmygrad.ml M
      link
      fedilink
      English
      -1
      ·
      2 years ago

      Not so sure, the ministry floated a cut.

      • tovarisch_ivan@hexbear.net
        OP
        link
        fedilink
        0
        ·
        edit-2
        2 years ago

        deleted by creator

  • steppe_fox@hexbear.netA
    link
    fedilink
    51 year ago

    Removed by mod

  • volga_ferry@lemmy.ml
    link
    fedilink
    142 years ago

    Shipping rates through the southern ports doubled.

  • kama_bridge@lemmy.world
    link
    fedilink
    -12 years ago

    The port numbers are seasonal.
"""

SIDEBAR_PAGE = """\
Skip Navigation
Grain Politics
48210 readers
3434 users here now
A place to talk about harvests and markets.
Rules:
Be civil to each other.
founded 2 years ago
MODERATORS
    field_mod@hexbear.net

Harvest estimates revised down again

  • field_one@hexbear.net
    link
    fedilink
    4
    ·
    1 year ago

    Dry spring in the south.

  • field_two@hexbear.net
    link
    fedilink
    7
    ·
    1 year ago

    The north made up for it.

!grain@hexbear.net
"""


def lines_of(text: str) -> list[Line]:
    return split_lines(text)


def headers(text: str) -> list[lemmy.Header]:
    lines = lines_of(text)
    starts = lemmy.find_starts(lines)
    ends = [*starts[1:], len(lines)]
    return [lemmy.parse_header(lines, start, end) for start, end in zip(starts, ends, strict=True)]


@pytest.mark.parametrize(
    ("label", "text", "count"),
    [
        ("arrow counters", VOTES_THREAD, 2),
        ("permalink page", PERMALINK_PAGE, 2),
        ("score-only counters, badges, glued ages", SCORE_ONLY_PAGE, 6),
        ("sidebar page", SIDEBAR_PAGE, 2),
        ("badge on its own line", "  • name@x.org\n    OP\n    link\n    2 days ago\n", 1),
    ],
)
def test_find_starts(label: str, text: str, count: int) -> None:
    assert len(lemmy.find_starts(lines_of(text))) == count, label


@pytest.mark.parametrize(
    ("label", "text"),
    [
        (
            "article with a bullet list",
            "Our demands\n\n  • Higher wages\n  • Shorter hours\n\nBy Anna Petrova\n",
        ),
        (
            "bullet list then a byline",
            "  • Resources for readers\n    By Ivan Sidorov\n    March 3, 2021\n",
        ),
        (
            "bullet followed by a link word, no header after it",
            "  • Reading list\n    link\n    The first book is the best.\n",
        ),
        (
            "mlmym header",
            "[–] kit@lemmy.ml 75 points 2 months ago (4 children)\n\nA comment.\n",
        ),
        (
            "hacker news header",
            "someone 3 hours ago | parent | next [–]\n\nA comment.\n",
        ),
    ],
)
def test_find_starts_negative(label: str, text: str) -> None:
    assert lemmy.find_starts(lines_of(text)) == [], label


def test_arrow_counters() -> None:
    first, second = headers(VOTES_THREAD)
    assert (first.author, first.instance, first.is_op) == (
        "first_user@lemmy.ml",
        "lemmy.ml",
        True,
    )
    assert (first.upvotes, first.downvotes, first.score) == (30, 2, 28)
    assert (first.edited, first.edit_count, first.age) == (True, 2, "3 years ago")
    assert (second.upvotes, second.downvotes, second.score) == (10, 0, 10)
    assert second.n_lines == 8  # the bullet, link, fedilink, English, arrow-up, 10, ·, age
    assert second.nesting > first.nesting


def test_score_only_counters_and_badges() -> None:
    found = headers(SCORE_ONLY_PAGE)
    assert [(h.upvotes, h.downvotes, h.score) for h in found[:3]] == [
        (None, None, 25),
        (None, None, -1),
        (None, None, 0),
    ]
    assert [h.author for h in found[:3]] == [
        "tovarisch_ivan@hexbear.net",
        "birch_reader@lemmygrad.ml",
        "tovarisch_ivan@hexbear.net",
    ]
    assert [h.is_op for h in found[:3]] == [True, False, True]
    assert found[3].author == "steppe_fox@hexbear.net"


def test_scores_glued_to_the_age() -> None:
    found = headers(SCORE_ONLY_PAGE)[3:]
    assert [(h.score, h.age) for h in found] == [
        (5, "1 year ago"),
        (14, "2 years ago"),
        (-1, "2 years ago"),
    ]


@pytest.mark.parametrize(
    ("text", "glued_page", "expected"),
    [
        ("51 year ago", False, (5, "1 year ago")),
        ("142 years ago", False, (14, "2 years ago")),
        ("-12 years ago", False, (-1, "2 years ago")),
        ("02 years ago", False, (0, "2 years ago")),
        ("110 months ago", False, (1, "10 months ago")),
        ("3 years ago", False, (None, "3 years ago")),
        ("25 days ago", False, (None, "25 days ago")),
        ("25 days ago", True, (2, "5 days ago")),
        ("7a year ago", False, (7, "a year ago")),
    ],
)
def test_glued_split(text: str, glued_page: bool, expected: tuple[int | None, str]) -> None:
    assert lemmy.glued_split(text, glued_page) == expected


@pytest.mark.parametrize(
    ("label", "label_text", "author", "is_op"),
    [
        ("glued OP after the instance", "enigma@lemmygrad.mlOP", "enigma@lemmygrad.ml", True),
        ("glued OP after a local name", "Neon__volkOP", "Neon__volk", True),
        ("spaced badges", "reader@lemmy.ml OP M", "reader@lemmy.ml", True),
        ("glued admin badge", "root@lemmy.worldA", "root@lemmy.world", False),
        ("plain name", "Catradora-Stalinism@lemmygrad.ml", "Catradora-Stalinism@lemmygrad.ml",
         False),
        ("capitals inside the name stay", "ModMan@lemmy.ml", "ModMan@lemmy.ml", False),
    ],
)
def test_split_author(label: str, label_text: str, author: str, is_op: bool) -> None:
    found = lemmy.split_author(label_text)
    assert (found[0], found[2]) == (author, is_op), label


@pytest.mark.parametrize(
    ("label", "text", "chrome"),
    [
        ("skip link", "Skip Navigation", True),
        ("sidebar users", "3434 users here now", True),
        ("sidebar readers", "48210 readers", True),
        ("moderators heading", "MODERATORS", True),
        ("community handle", "!grain@hexbear.net", True),
        ("more replies", "3 more replies", True),
        ("a body line", "deleted by creator", False),
        ("removed body", "Removed by mod", False),
        ("prose with a count", "About 3434 users signed the letter.", False),
    ],
)
def test_is_chrome(label: str, text: str, chrome: bool) -> None:
    assert lemmy.is_chrome(lines_of(text)[0]) is chrome, label


def test_parse_post_gives_nothing_for_a_plain_post() -> None:
    lines = lines_of(VOTES_THREAD)
    assert lemmy.parse_post(lines[: lemmy.find_starts(lines)[0]]) is None


def test_end_to_end_permalink_page_is_a_stub() -> None:
    result = segment("0123456789abcdef", PERMALINK_PAGE, None, SegmentConfig())
    assert result.layout == "thread"
    (post,) = result.posts
    assert post["kind"] == "thread_stub"
    assert post["title"] == "Ferry timetable cut on the northern route"
    first, second = result.comments
    assert second["parent_id"] == first["comment_id"]
    assert (first["upvotes"], first["downvotes"], first["score"]) == (8, 1, 7)
    assert "English" not in first["body"] and "arrow-up" not in first["body"]
    assert {row["text"] for row in result.dropped} >= {"Skip Navigation"}


def test_end_to_end_score_only_page() -> None:
    result = segment("0123456789abcdef", SCORE_ONLY_PAGE, None, SegmentConfig())
    comments = result.comments
    assert [c["depth"] for c in comments] == [0, 1, 2, 0, 0, 0]
    assert [c["score"] for c in comments] == [25, -1, 0, 5, 14, -1]
    assert comments[2]["body"] == "deleted by creator"
    assert comments[3]["body"] == "Removed by mod"
    assert comments[2]["edited"] is True


def test_end_to_end_sidebar_page() -> None:
    result = segment("0123456789abcdef", SIDEBAR_PAGE, None, SegmentConfig())
    (post,) = result.posts
    assert post["kind"] == "thread_stub"
    assert post["title"] == "Harvest estimates revised down again"
    bodies = " ".join(row["body"] for row in [*result.posts, *result.comments])
    for chrome in ("users here now", "readers", "Be civil", "MODERATORS", "!grain"):
        assert chrome not in bodies
    assert [c["score"] for c in result.comments] == [4, 7]


def test_article_with_bullets_stays_an_article() -> None:
    text = (
        "Our demands for the new season\n\n"
        "By Anna Petrova\n\n"
        "The union set out its demands on Monday.\n\n"
        "  • Higher wages\n"
        "    for every shift\n"
        "  • Shorter hours\n\n"
        "The employers have a week to answer.\n"
    )
    assert segment("0123456789abcdef", text, None, SegmentConfig()).layout != "thread"
