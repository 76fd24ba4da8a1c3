"""The shreddit (reddit.com) grammar, on a small invented page."""

from __future__ import annotations

from flows.stages.segment import SegmentConfig, coverage_errors, segment

DOC = "0123456789abcdef"


def _comment(
    name: str, body: str, score: str, badges: tuple[str, ...] = (), edited: bool = False
) -> list[str]:
    edit = ["•", "Edited 1y ago"] if edited else []
    return [
        name,
        *badges,
        "•",
        "1y ago",
        *edit,
        "",
        body,
        "",
        "Upvote",
        score,
        "Downvote",
        "Reply",
        "reply",
        "",
        "Award",
        "Share",
        "Share",
        "",
    ]


PAGE = "\n".join(
    [
        "Skip to main content",
        "Go to Reddit Home",
        "r/lakes",
        "•",
        "1 yr. ago",
        "lake_pilot",
        "",
        "Who pays for the ferries now?",
        "",
        "The district cut its budget, and the ferries still run.",
        "",
        "Upvote",
        "58",
        "Downvote",
        "Go to comments",
        "Comments Section",
        *_comment("Marta_O", "The regional fund does, until the autumn.", "1.2K"),
        *_comment("lake_pilot", "Thanks, that explains the new timetable.", "Vote", ("OP",)),
        *_comment("Ivan_Zh", "Only the morning boats, in fact.", "-2", edited=True),
        "Community Info Section",
        "r/lakes",
        "Join",
        "Reddit, Inc. © 2024. All rights reserved.",
    ]
)


def test_comments_scores_and_the_post_header() -> None:
    result = segment(DOC, PAGE, None, SegmentConfig())
    post = result.posts[0]
    assert post["title"] == "Who pays for the ferries now?" and post["author"] == "lake_pilot"
    assert "Upvote" not in post["body"] and "58" not in post["body"]
    first, second, third = result.comments
    assert [c["author"] for c in result.comments] == ["Marta_O", "lake_pilot", "Ivan_Zh"]
    assert (first["score"], second["score"], third["score"]) == (1200, None, -2)
    assert second["is_op"] and third["edited"] and not first["edited"]
    assert all("Award" not in c["body"] and "Join" not in c["body"] for c in result.comments)
    assert coverage_errors(PAGE, result) == []
