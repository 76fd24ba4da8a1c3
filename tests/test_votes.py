"""The shared reader of a count beside a vote or like label, and the reply notes and
trailers the thread builder reads around it."""

from __future__ import annotations

import pytest

from flows.stages.segment.lines import split_lines
from flows.stages.segment.threads import EDIT_STAMP, REPLY_NOTE, _labelled_score
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


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("(in response to Lena Gorbunova)", "Lena Gorbunova"),
        ("In response to MarekH", "MarekH"),
        ("in reply to anna_k", "anna_k"),
        ("в ответ Анне Ким", "Анне Ким"),
    ],
)
def test_reply_notes_name_the_comment_replied_to(text: str, name: str) -> None:
    match = REPLY_NOTE.match(text)
    assert match is not None and match.group("name") == name


def test_a_sentence_is_no_reply_note() -> None:
    assert REPLY_NOTE.match("In response to the ministry's figures, I checked the annexes.") is None


def test_a_subject_line_closing_a_region_does_not_hide_its_count() -> None:
    lines = split_lines(
        "Tomas\nMar 11, 2024\n\nThe treasury portal keeps the laws with their annexes.\n\n"
        "Like (5)\nReply\nActions\n\nRe: Where can I find the 2023 regional budget annexes?\n"
    )
    assert _labelled_score(lines[1:2], lines[2:], {}) == (5, lines[5].index)


@pytest.mark.parametrize(
    "text",
    [
        "Last Edit: Sept 12, 2022 at 11:20am by Orlov_from_Tver",
        "« Last Edit: March 3, 2022, 10:20:11 AM by anna »",
        "Last edited by anna; 03-12-2022 at 10:20 AM.",
    ],
)
def test_edit_stamps(text: str) -> None:
    assert EDIT_STAMP.match(text) is not None


def test_a_sentence_about_an_edit_is_no_edit_stamp() -> None:
    assert EDIT_STAMP.match("Last year the editor cut the piece in half.") is None
