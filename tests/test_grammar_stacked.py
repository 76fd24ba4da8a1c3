"""Labelled cases for the stacked comment-header grammar (one field a line: name, badge,
score, age; invented snippets)."""

from __future__ import annotations

import pytest

from flows.stages.segment.grammars import stacked
from flows.stages.segment.lines import split_lines

THREAD = """\
Regional budgets now pay their own recruitment bonuses
Posted by u/oka_river

Several regions pay more than the federal sum.

ola_m
4h
Link
The amounts differ between neighbours.
Vote (9)
Reply

    oka_river
    (OP)
    3h
    Edited 1h
    Link Parent
    Do you have a table of them?
    12
    1
    Reply
"""


def test_find_starts_and_headers() -> None:
    lines = split_lines(THREAD)
    starts = stacked.find_starts(lines)
    assert [lines[at].text for at in starts] == ["ola_m", "oka_river"]
    first = stacked.parse_header(lines, starts[0], starts[1])
    assert (first.author, first.age, first.n_lines, first.score) == ("ola_m", "4h", 3, 9)
    second = stacked.parse_header(lines, starts[1], len(lines))
    assert (second.author, second.is_op, second.edited, second.n_lines) == (
        "oka_river",
        True,
        True,
        5,
    )
    assert (second.upvotes, second.downvotes) == (12, 1)
    assert second.nesting > first.nesting


def test_score_line_and_post_head() -> None:
    lines = split_lines(
        "u/ola_m\n18 points\n3 days ago\nText.\nu/petr\n-2 points\n2 days ago\nNo.\n"
    )
    starts = stacked.find_starts(lines)
    assert [stacked.parse_header(lines, at, len(lines)).score for at in starts] == [18, -2]
    head = stacked.parse_post(split_lines(THREAD)[:5])
    assert head is not None
    assert (head.title, head.author) == (
        "Regional budgets now pay their own recruitment bonuses",
        "oka_river",
    )


@pytest.mark.parametrize(
    ("label", "text"),
    [
        (
            "a news listing: source over age",
            "Reuters\n3 hours ago\nA story.\n\nTASS\n5 hours ago\nAnother.\n",
        ),
        ("one header only", "ola_m\n4h\nText.\nReply\n"),
        ("a name over prose", "ola_m\nThe council met.\npetr\nIt did.\nReply\n"),
        ("two words are no name", "Ola Mironova\n4h\nText.\nPetr Ivanov\n5h\nText.\nReply\n"),
    ],
)
def test_no_starts(label: str, text: str) -> None:
    assert stacked.find_starts(split_lines(text)) == [], label


@pytest.mark.parametrize(
    ("text", "chrome"),
    [("Reply", True), ("Vote (3)", True), ("Link Parent", True), ("Reply to the governor.", False)],
)
def test_chrome(text: str, chrome: bool) -> None:
    assert stacked.is_chrome(split_lines(text)[0]) is chrome


RATED = """\
Corkboard
Communities / Towns

nina.vale
2 hours ago

How our district chose its new water board
+87

Last Sunday the district voted for a new water board, and only one list ran.

pavel.k
1 hour ago
+31

The second list was struck off over its signatures.

Reply

nina.vale
40 minutes ago
−4

@pavel.k, yes, and the appeal still waits for a hearing.

Reply
"""


def test_rated_title_under_the_first_header_opens_the_post() -> None:
    lines = split_lines(RATED)
    starts = stacked.find_starts(lines)
    assert [lines[at].text for at in starts] == ["pavel.k", "nina.vale"]
    scores = [stacked.parse_header(lines, at, len(lines)).score for at in starts]
    assert scores == [31, -4]
    head = stacked.parse_post(lines[: starts[0]])
    assert head is not None
    assert (head.title, head.author) == ("How our district chose its new water board", "nina.vale")


@pytest.mark.parametrize(
    ("label", "first_line"),
    [
        (
            "a comment opening with a title-shaped line and no rating",
            "Good points on the water board\n",
        ),
        ("an unsigned count", "How our district chose its new water board\n87\n"),
        ("a sentence", "The district voted for a new board.\n+87\n"),
    ],
)
def test_no_opening_post_without_a_rated_title(label: str, first_line: str) -> None:
    text = RATED.replace("How our district chose its new water board\n+87\n", first_line)
    lines = split_lines(text)
    starts = stacked.find_starts(lines)
    assert lines[starts[0]].text == "nina.vale", label


FEDERATED = """\
news
lemmy.world

nadia_r
@lemmy.world
2d

Council elections moved to a single day in September

The regional council has voted to move its elections to the single national voting day.

41
9 comments
Share

olegk
feddit.org
2d
OP
That saves money, but it also buries the vote under the national campaign.
12
Reply

  mira_t
  sh.itjust.works
  7
  1d
  Turnout used to be higher on the separate date.

deleted by creator
1d
2
Reply

Photon 1.28.0
"""


def test_instance_line_under_the_name() -> None:
    lines = split_lines(FEDERATED)
    starts = stacked.find_starts(lines)
    texts = [lines[at].text for at in starts]
    assert texts == ["olegk", "mira_t", "deleted by creator"]  # nadia_r opens the post
    first = stacked.parse_header(lines, starts[0], starts[1])
    assert (first.author, first.instance, first.is_op, first.score) == (
        "olegk",
        "feddit.org",
        True,
        12,
    )
    second = stacked.parse_header(lines, starts[1], starts[2])
    assert (second.author, second.instance, second.score) == ("mira_t", "sh.itjust.works", 7)
    deleted = stacked.parse_header(lines, starts[2], len(lines))
    assert deleted.author is None
    head = stacked.parse_post(lines[: starts[0]])
    assert head is not None and head.author == "nadia_r"
    assert head.title == "Council elections moved to a single day in September"


def test_software_version_and_more_links_are_chrome() -> None:
    for text in ("Photon 1.28.0", "Lemmy v0.19.5", "More replies", "Load more comments"):
        assert stacked.is_chrome(split_lines(text)[0])
    assert not stacked.is_chrome(split_lines("Version 2 of the bill passed.")[0])


LEADERBOARD = """\
Top commenters this month
Share

rostov_ed
lemmy.world
1204
3y

galka_m
lemmy.ml
987
2y

p_sorokin
sh.itjust.works
912
1y
"""


def test_rows_of_names_and_counts_are_no_thread() -> None:
    assert stacked.find_starts(split_lines(LEADERBOARD)) == []


DISPLAY_NAMES = """\
Skip to content

Irina Sokol
@lemmy.world
9h

Regional turnout figures published a week late

The commission gave no reason for the delay, and the figures differ from the ones read out on the night.

▲
55
▼
12
Share

Pavel Grin
@feddit.org
7h
▲
21
▼
The delay alone tells you the first figures were not final.
Reply

lena_k
@lemm.ee
5h
▲
-3
▼
Delays happen every time, nobody needs a conspiracy for that.
Reply
"""


def test_display_names_over_instances_and_vote_columns() -> None:
    lines = split_lines(DISPLAY_NAMES)
    starts = stacked.find_starts(lines)
    assert [lines[at].text for at in starts] == ["Pavel Grin", "lena_k"]  # Irina opens it
    first = stacked.parse_header(lines, starts[0], starts[1])
    assert (first.author, first.instance, first.score, first.n_lines) == (
        "Pavel Grin",
        "feddit.org",
        21,
        6,
    )
    assert stacked.parse_header(lines, starts[1], len(lines)).score == -3
    head = stacked.parse_post(lines[: starts[0]])
    assert head is not None and head.author == "Irina Sokol"
    assert head.title == "Regional turnout figures published a week late"


def test_a_display_name_needs_an_instance_line() -> None:
    lines = split_lines("Pavel Grin\n7h\nThe delay alone tells you nothing.\nReply\n")
    assert stacked._header_at(lines, 0) is None
