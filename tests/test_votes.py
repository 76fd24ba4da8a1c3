"""The shared reader of a count beside a vote or like label."""

from __future__ import annotations

import pytest

from flows.stages.segment.votes import labelled_count


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("4 Kudos", 4),
        ("1 Kudo", 1),
        ("Like (4)", 4),
        ("Likes 12", 12),
        ("Recommend (1,204)", 1204),
        ("312 recommendations", 312),
        ("12 people like this", 12),
        ("▲ 12", 12),
        ("▲ 12 ▼", 12),
        ("👍 7", 7),
        ("1 point", 1),
        ("-3 points", -3),
        ("1.2k likes", 1200),
        ("Нравится 18", 18),
        ("5 лайков", 5),
    ],
)
def test_labelled_count_reads_the_count(text: str, count: int) -> None:
    assert labelled_count(text) == count


@pytest.mark.parametrize(
    "text",
    [
        "Likes: 388",  # a profile column: the poster's total
        "Posts: 1,204",
        "Like",
        "Reply",
        "12",
        "+3",
        "3 comments",
        "Like · Reply · 14 · 1y",
        "I like this point: 12 votes were enough to pass it.",
        "12 people voted against",
        "",
    ],
)
def test_labelled_count_refuses_other_lines(text: str) -> None:
    assert labelled_count(text) is None
