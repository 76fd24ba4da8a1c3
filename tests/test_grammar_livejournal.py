"""The LiveJournal grammar, on a small invented entry."""

from __future__ import annotations

from flows.stages.segment import SegmentConfig, coverage_errors, segment

DOC = "0123456789abcdef"


def _comment(user: str, stamp: str, body: str, reply: bool) -> list[str]:
    row = "Reply Parent Thread Link" if reply else "Reply Thread Link"
    return [user, stamp, "", body, "", row, ""]


PAGE = "\n".join(
    [
        "Lake Notes",
        "Sign in",
        "",
        "Ferry tolls double on the lake",
        "lake_pilot wrote in lake_news",
        "May 1st, 2022, 10:15 pm",
        "",
        "The district cut its budget, and the regional fund now pays for the ferries.",
        "",
        "Tags: ferries",
        "3 comments",
        "Leave a comment",
        "",
        *_comment("marta_o", "May 2 2022, 09:14:02 UTC", "Only until the autumn.", False),
        *_comment("lake_pilot", "May 2 2022, 10:01:45 UTC", "The contract runs longer.", True),
        *_comment("ivan_zh", "May 3 2022, 08:30:00 UTC", "Nobody asked the islanders.", False),
        "Expand 2 comments",
        "Previous entry",
    ]
)


def test_the_entry_and_comments_nested_by_their_parent_links() -> None:
    result = segment(DOC, PAGE, None, SegmentConfig())
    post = result.posts[0]
    assert post["title"] == "Ferry tolls double on the lake" and post["author"] == "lake_pilot"
    assert post["published_date"] == "2022-05-01" and "Tags" not in post["body"]
    first, second, third = result.comments
    assert second["parent_id"] == first["comment_id"] and third["parent_id"] is None
    assert all("Thread Link" not in c["body"] for c in result.comments)
    assert "Expand" not in third["body"]
    assert coverage_errors(PAGE, result) == []
