"""The shared reader of a count beside a vote or like label, and the reply notes and
trailers the thread builder reads around it."""

from __future__ import annotations

import pytest

from flows.stages.segment.lines import split_lines
from flows.stages.segment.threads import EDIT_STAMP, REPLY_NOTE, _labelled_score, _up_down
from flows.stages.segment.votes import (
    REACTION_COUNTS,
    find_up_down,
    labelled_count,
    marked_score,
)


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
        ("Antwort an Lena Gorbunova", "Lena Gorbunova"),
        ("En réponse à MarekH", "MarekH"),
        ("↪ anna_k", "anna_k"),
    ],
)
def test_reply_notes_name_the_comment_replied_to(text: str, name: str) -> None:
    match = REPLY_NOTE.match(text)
    assert match is not None and match.group("name") == name


def test_a_sentence_is_no_reply_note() -> None:
    assert REPLY_NOTE.match("In response to the ministry's figures, I checked the annexes.") is None
    assert REPLY_NOTE.match("Antwort an die Stadt: der Fahrplan gilt ab Mai nicht mehr.") is None


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
        "Edited by anna_k (06/27/20 08:19 AM)",
        "« Последнее редактирование: 04 Апреля 2024, 19:52:11 от anna »",
        "Сообщение отредактировал anna - 13.03.2024, 19:52",
    ],
)
def test_edit_stamps(text: str) -> None:
    assert EDIT_STAMP.match(text) is not None


def test_a_sentence_about_an_edit_is_no_edit_stamp() -> None:
    assert EDIT_STAMP.match("Last year the editor cut the piece in half.") is None
    assert EDIT_STAMP.match("Edited books sell badly, the publisher said in 2020.") is None
    assert EDIT_STAMP.match("Сообщение о выборах пришло 13.03.2024 утром.") is None


@pytest.mark.parametrize(
    ("text", "up", "down", "score"),
    [
        ("(+7|-2)", 7, 2, 5),
        ("0 points 14 points (+14|-0) 3.1 years ago", 14, 0, 14),
        ("-2 points (+1|-3)", 1, 3, -2),
        ("Score: 5 (+7 / -2)", 7, 2, 5),
        ("+3 / -1", 3, 1, 2),
        ("▲ 3 ▼ 1", 3, 1, 2),
        ("Click to rate ▲ 12 ▼ 40", 12, 40, -28),
        ("👍 12 👎 3", 12, 3, 9),
        ("3 👍 1 👎", 3, 1, 2),
        ("Like or Dislike: 👍 7 👎 2", 7, 2, 5),
        ("Vote Up 4 Vote Down 1", 4, 1, 3),
        ("Like (3) Dislike (1)", 3, 1, 2),
        ("Upvotes: 4, Downvotes: 1", 4, 1, 3),
        ("1,204 likes, 3 dislikes", 1204, 3, 1201),
        ("3 thumbs up, 1 thumbs down", 3, 1, 2),
        ("за 5 против 2", 5, 2, 3),
    ],
)
def test_find_up_down_reads_the_pair(text: str, up: int, down: int, score: int) -> None:
    found = find_up_down(text)
    assert found is not None
    assert (found.upvotes, found.downvotes, found.score) == (up, down, score)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "12 likes",
        "▲ 12 ▼",
        "We won 3 to 1, up 2 points",
        "Turnout rose from 41 to 47 per cent",
        "+7 -2",  # two signed counts with no mark between them
        "Posts: 1,204 Likes: 388",
        "3 - 1",
    ],
)
def test_find_up_down_refuses_what_is_no_pair(text: str) -> None:
    assert find_up_down(text) is None


@pytest.mark.parametrize(
    ("text", "score"),
    [("+4 Vote up Vote down", 4), ("Vote up 4 Vote down", 4), ("-2 👍 👎", -2)],
)
def test_marked_score_reads_a_lone_count_between_marks(text: str, score: int) -> None:
    assert marked_score(text) == score
    assert labelled_count(text) == score


@pytest.mark.parametrize("text", ["Vote up Vote down", "4 Vote up", "Like 4 Dislike 2 Reply"])
def test_marked_score_refuses_other_lines(text: str) -> None:
    assert marked_score(text) is None


def test_trailer_pair_is_read_and_its_line_dropped() -> None:
    lines = split_lines("Name says:\nMarch 1, 2023 at 9:00 am\nA remark.\n👍 3 👎 1\nReply\n")
    found = _up_down(lines[:2], lines[2:], {})
    assert found is not None
    assert (found[0].upvotes, found[0].downvotes, found[1]) == (3, 1, 3)


def test_pair_inside_a_sentence_is_not_a_trailer() -> None:
    lines = split_lines("Name\nThe vote went up 3, down 1 in the end, as I said before.\n")
    assert _up_down(lines[:1], lines[1:], {}) is None


@pytest.mark.parametrize(
    ("text", "reactions"),
    [("👍 4", True), ("👍 2  ❤️ 1", True), ("♥ 12", True), ("12", False), ("👍", False)],
)
def test_reaction_count_rows(text: str, reactions: bool) -> None:
    assert bool(REACTION_COUNTS.match(text)) is reactions


def test_a_respect_count_is_a_labelled_vote() -> None:
    assert labelled_count("Respect 41") == 41
