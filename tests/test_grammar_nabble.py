"""The Nabble grammar, on a small invented page."""

from __future__ import annotations

from flows.stages.segment import SegmentConfig, coverage_errors, segment

DOC = "0123456789abcdef"
MENU = [
    "Reply | Threaded",
    "Open this post in threaded view",
    "♦",
    "|",
    "Report Content as Inappropriate",
]
PAGE = "\n".join(
    [
        "Ferry subsidies on the lake",
        "‹ Previous Topic Next Topic ›",
        "classic Classic list List threaded Threaded",
        "Locked 2 messages",
        "Marta Oll",
        *MENU,
        "Ferry subsidies on the lake",
        "Who pays for the ferries now that the district budget was cut?",
        "",
        "Ivan Zhuk",
        *MENU,
        "Re: Ferry subsidies on the lake",
        "The district still does, until the autumn.",
        "",
        "On Mon, May 2, 2022 at 9:15 AM, Marta Oll <[hidden email]> wrote:",
        "> Who pays for the ferries now?",
        "... [show rest of quote]",
        "",
        "« Return to Lake District List  |  12 views",
        "Free forum by Nabble",
    ]
)


def test_the_list_view_gives_the_opening_post_and_flat_replies() -> None:
    result = segment(DOC, PAGE, None, SegmentConfig())
    post = result.posts[0]
    assert post["title"] == "Ferry subsidies on the lake" and post["author"] == "Marta Oll"
    assert "Threaded" not in post["body"] and "Ivan" not in post["body"]
    (reply,) = result.comments
    assert reply["author"] == "Ivan Zhuk" and reply["parent_id"] is None
    assert "show rest of quote" not in reply["body"] and "Return to" not in reply["body"]
    quotes = [b["text"] for b in result.blocks if b["kind"] == "quote"]
    assert quotes == ["Who pays for the ferries now?"]
    assert coverage_errors(PAGE, result) == []
