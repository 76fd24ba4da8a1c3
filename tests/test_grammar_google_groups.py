"""The Google Groups grammar, on a small invented conversation."""

from __future__ import annotations

from flows.stages.segment import SegmentConfig, coverage_errors, segment

DOC = "0123456789abcdef"


def _message(name: str, when: str, body: list[str]) -> list[str]:
    return [f"{name}'s profile photo", name, "unread,", when, "to lake-list", *body, ""]


PAGE = "\n".join(
    [
        "Groups",
        "Conversations",
        "",
        "Ferry subsidies on the lake",
        "2 views",
        "Skip to first unread message",
        "",
        *_message("Marta Oll", "May 2, 2022, 9:14:02 AM", ["Who pays for the ferries now?"]),
        *_message(
            "Ivan Zhuk",
            "May 2, 2022, 11:40:37 AM",
            [
                "The district does, until the autumn.",
                "",
                "On Monday, May 2, 2022 at 9:14:02 AM UTC+3 Marta Oll wrote:",
                "> Who pays for the ferries now?",
            ],
        ),
        "Reply all",
        "Reply to author",
        "Forward",
        "0 new messages",
    ]
)


def test_the_first_message_is_the_post_and_the_others_reply_to_it() -> None:
    result = segment(DOC, PAGE, None, SegmentConfig())
    post = result.posts[0]
    assert post["title"] == "Ferry subsidies on the lake" and post["author"] == "Marta Oll"
    assert post["published_date"] == "2022-05-02" and "views" not in post["body"]
    (reply,) = result.comments
    assert reply["author"] == "Ivan Zhuk" and reply["parent_id"] is None
    assert "Reply all" not in reply["body"] and "profile photo" not in reply["body"]
    quotes = [b["text"] for b in result.blocks if b["kind"] == "quote"]
    assert quotes == ["Who pays for the ferries now?"]
    assert coverage_errors(PAGE, result) == []
