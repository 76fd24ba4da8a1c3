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


# --- variants found on more Redlib / Libreddit pages ----------------------------------

PERMALINK_FLAT = """r/TownHall Sep 22 '22

Transport/City Queues at the ferry stretch for a kilometre after the timetable cut

https://news.example.org/ferry-queues
31.4k Upvotes

290 comments sorted by

View all comments

Show parent comments

120

u/Pine_Reader Sep 22 '22

The morning boats sold out within an hour.

40

u/[deleted] Sep 22 '22

[deleted]

9

u/Birch_Owl Sep 23 '22

Most of them went on by bus the next day.
"""

UNSCORED = """r/TownHall • u/Birch_Owl • Feb 19 '24

New market hall opens next to the station Opinion Article

https://news.example.org/market-hall

61 comments sorted by


u/Pine_Reader Feb 19 '24

Good news for the stall holders.


  u/Quiet_Kettle Feb 19 '24

  Until the rent goes up.


u/Alder_Fox Feb 20 '24

The old hall was falling apart anyway.
"""

COMPACT_GLUED = """r/TownHall • u/Birch_Owl • 2d ago
News Bridge closed for repairs until spring
Enable HLS to view with audio, or disable this notification
310
u/Pine_Reader Riverside (North) 2d ago
The detour adds twenty minutes.
→ More replies (4)21
u/Quiet_Kettle 2d ago
Only at rush hour.
→ More replies (1)→ More replies (96)7
u/Alder_Fox 1d ago edited 1d ago
The ferry is faster anyway.
→ More replies (12)
"""


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("permalink page, head without author", PERMALINK_FLAT, 3),
        ("Libreddit page without score lines", UNSCORED, 3),
        ("compact page, More replies glued to the score", COMPACT_GLUED, 3),
        (
            "three author lines, no head, no scores",
            "u/Alder_Fox 2d ago\nOne.\n\nu/Birch_Owl 2d ago\nTwo.\n\nu/Pine_Reader 1d ago\nThree.",
            3,
        ),
        (
            "NEGATIVE two unscored author lines, no head",
            "u/Alder_Fox 2d ago\nOne.\n\nu/Birch_Owl 2d ago\nTwo.",
            0,
        ),
        (
            "NEGATIVE mentions inside prose",
            "As u/Alder_Fox said 2d ago, and u/Birch_Owl 2d ago, and u/Pine_Reader 1d ago.",
            0,
        ),
    ],
)
def test_find_starts_variants(name: str, text: str, expected: int) -> None:
    assert len(redlib.find_starts(lines_of(text))) == expected, name


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("→ More replies (4)21", "21"),
        ("→ More replies (1)→ More replies (96)7", "7"),
        ("More replies (3) -5", "-5"),
        ("1.2k", "1.2k"),
    ],
)
def test_score_line_with_glued_more_replies(text: str, score: str) -> None:
    match = redlib.SCORE.match(text)
    assert match is not None and match.group("score") == score


@pytest.mark.parametrize(
    "text",
    [
        "→ More replies (12)",
        "More replies 21 people",
        "Replies (4)21",
        "→ More replies (4) twenty",
    ],
)
def test_score_line_negative(text: str) -> None:
    assert redlib.SCORE.match(text) is None


def test_compact_glued_headers() -> None:
    lines = lines_of(COMPACT_GLUED)
    starts = redlib.find_starts(lines)
    found = [
        redlib.parse_header(lines, start, end)
        for start, end in zip(starts, [*starts[1:], len(lines)], strict=True)
    ]
    assert [(h.author, h.score, h.edited) for h in found] == [
        ("Pine_Reader", 310, False),
        ("Quiet_Kettle", 21, False),
        ("Alder_Fox", 7, True),
    ]


@pytest.mark.parametrize(
    ("text", "chrome"),
    [
        ("→ More replies (1)→ More replies (96)", True),
        ("Enable HLS to view with audio, or disable this notification", True),
        ("More replies (3)", True),
        ("Enable HLS before the stream starts.", False),
        ("→ More replies (1) were hidden", False),
    ],
)
def test_is_chrome_variants(text: str, chrome: bool) -> None:
    assert redlib.is_chrome(lines_of(text)[0]) is chrome


def test_post_head_of_a_permalink_page() -> None:
    lines = lines_of(PERMALINK_FLAT)
    head = redlib.parse_post(lines[: redlib.find_starts(lines)[0]])
    assert head is not None
    assert (head.author, head.published) == (None, "Sep 22 '22")
    assert head.title == "Queues at the ferry stretch for a kilometre after the timetable cut"
    link = next(line for line in lines if line.text.startswith("https://"))
    assert link.index in head.meta_lines


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("flat permalink page: a chain", PERMALINK_FLAT, [0, 1, 2]),
        ("NEGATIVE flat full post page: all top level", COMPACT_GLUED, [0, 0, 0]),
        (
            "NEGATIVE indented permalink page: the indentation",
            PERMALINK_FLAT.replace("\nu/[deleted]", "\n  u/[deleted]").replace(
                "\n40\n", "\n  40\n"
            ),
            [0, 2, 0],
        ),
    ],
)
def test_nestings(name: str, text: str, expected: list[int]) -> None:
    lines = lines_of(text)
    assert redlib.nestings(lines, redlib.find_starts(lines)) == expected, name


@pytest.mark.parametrize(
    ("title", "flair_after", "expected"),
    [
        ("Russia/Ukraine Queues at the border grow", False, "Queues at the border grow"),
        (
            "New market hall opens next to the station Opinion Article",
            True,
            "New market hall opens next to the station",
        ),
        (
            "Ferry timetable cut again on the river Politics",
            True,
            "Ferry timetable cut again on the river",
        ),
        (
            "NEGATIVE New market hall opens next to the station Opinion",
            False,
            "NEGATIVE New market hall opens next to the station Opinion",
        ),
        ("Sanctions Hit The Port Of Riga Hard", True, "Sanctions Hit The Port Of Riga Hard"),
        ("Mayor/Council elections set for spring", False, "Mayor/Council elections set for spring"),
    ],
)
def test_strip_flair_variants(title: str, flair_after: bool, expected: str) -> None:
    assert redlib.strip_flair(title, flair_after) == expected


def test_end_to_end_flat_permalink_chain() -> None:
    result = segment(
        doc_id="0123456789abcdef", text=PERMALINK_FLAT, layout_hint=None, config=SegmentConfig()
    )
    post = result.posts[0]
    assert post["kind"] == "thread_stub" and post["published_date"] == "2022-09-22"
    assert [c["depth"] for c in result.comments] == [0, 1, 2]
    assert [c["score"] for c in result.comments] == [120, 40, 9]
    assert coverage_errors(PERMALINK_FLAT, result) == []


def test_end_to_end_unscored_libreddit_page() -> None:
    result = segment(
        doc_id="0123456789abcdef", text=UNSCORED, layout_hint=None, config=SegmentConfig()
    )
    assert result.posts[0]["title"] == "New market hall opens next to the station"
    assert [(c["author"], c["depth"], c["score"]) for c in result.comments] == [
        ("Pine_Reader", 0, None),
        ("Quiet_Kettle", 1, None),
        ("Alder_Fox", 0, None),
    ]
