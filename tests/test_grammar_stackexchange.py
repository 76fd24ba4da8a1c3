"""The Stack Exchange question-page grammar: invented snippets, negatives included."""

from __future__ import annotations

from flows.stages.segment import SegmentConfig, segment
from flows.stages.segment.grammars import stackexchange
from flows.stages.segment.lines import split_lines

PAGE = """\
Questions
Tags

Do regional parties still exist in Russia?
Ask Question
Asked 1 year ago
Viewed 812 times
7

The law once banned regional parties outright. Is any party registered in one region only today?

russia political-parties
Share
Improve this question
Follow
asked Feb 2, 2023 at 10:15
Olga Veretennikova
1,204 2 9 21

    Do you count local branches of national parties? – Ivan Kol Feb 2, 2023 at 11:00
Add a comment
1 Answer
Sorted by:
Highest score (default)
12

No: a party must have branches in at least half of the regions to be registered at all.

Share
Improve this answer
Follow
edited Feb 3, 2023 at 9:00
answered Feb 2, 2023 at 12:40
Pavel Sedov
9,870 4 30 61

    3
    Is that still the threshold after the last amendment? – Olga Veretennikova Feb 2, 2023 at 13:05
Add a comment

Your Answer
"""


def test_starts_answers_and_comments() -> None:
    lines = split_lines(PAGE)
    starts = stackexchange.find_starts(lines)
    assert [lines[at].text for at in starts] == [
        "Do you count local branches of national parties? – Ivan Kol Feb 2, 2023 at 11:00",
        "12",
        "3",
    ]
    answer = stackexchange.parse_header(lines, starts[1], starts[2])
    assert (answer.author, answer.score, answer.edited, answer.nesting) == (
        "Pavel Sedov",
        12,
        True,
        0,
    )
    comment = stackexchange.parse_header(lines, starts[2], len(lines))
    assert (comment.author, comment.score, comment.nesting) == ("Olga Veretennikova", 3, 1)
    first = stackexchange.parse_header(lines, starts[0], starts[1])
    assert (first.author, first.score, first.nesting, first.n_lines) == ("Ivan Kol", None, 0, 0)


def test_no_starts_without_a_question_signature() -> None:
    answers_only = PAGE.replace("Improve this question", "Improve this post")
    assert stackexchange.find_starts(split_lines(answers_only)) == []
    prose = "A remark – Ivan Kol Feb 2, 2023 at 11:00\nAnother line.\n"
    assert stackexchange.find_starts(split_lines(prose)) == []


def test_end_to_end() -> None:
    result = segment("0123456789abcdef", PAGE, None, SegmentConfig())
    (post,) = result.posts
    assert post["title"] == "Do regional parties still exist in Russia?"
    assert (post["author"], post["published_date"]) == ("Olga Veretennikova", "2023-02-02")
    assert post["body"].startswith("The law once banned regional parties")
    comments = result.comments
    assert [c["author"] for c in comments] == ["Ivan Kol", "Pavel Sedov", "Olga Veretennikova"]
    assert comments[2]["parent_id"] == comments[1]["comment_id"]
    assert comments[0]["parent_id"] is None and comments[1]["parent_id"] is None
    bodies = " ".join(c["body"] for c in [post, *comments])
    assert "Improve this" not in bodies and "Highest score" not in bodies
    assert "9,870" not in bodies and "russia political-parties" not in bodies
