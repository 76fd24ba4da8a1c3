"""The FluxBB / PunBB grammar, on small invented pages."""

from __future__ import annotations

from flows.stages.segment import SegmentConfig, coverage_errors, segment
from flows.stages.segment.grammars import fluxbb
from flows.stages.segment.lines import split_lines

DOC = "0123456789abcdef"


def _post(number: int, name: str, subject: str, body: list[str]) -> list[str]:
    return [
        f"#{number} 2022-05-0{number} 10:1{number}:00",
        "",
        name,
        "Member",
        "Registered: 2019-01-02",
        "Posts: 12",
        "",
        subject,
        "",
        *body,
        "",
        "Offline",
        "",
    ]


PAGE = "\n".join(
    [
        "Index » Local politics » Ferry subsidies on the lake",
        "",
        *_post(1, "lake_pilot", "Ferry subsidies on the lake", ["Who pays for the ferries now?"]),
        *_post(
            2,
            "Marta_O",
            "Re: Ferry subsidies on the lake",
            ["lake_pilot wrote:", "", "Who pays for the ferries now?", "", "The district does."],
        ),
        *_post(3, "Ivan_Zh", "Re: Ferry subsidies on the lake", ["Until the autumn, at least."]),
        "Powered by FluxBB",
    ]
)


def test_post_one_is_the_opening_post_and_replies_are_flat() -> None:
    lines = split_lines(PAGE)
    assert [lines[p].text for p in fluxbb.find_starts(lines)] == [
        "#2 2022-05-02 10:12:00",
        "#3 2022-05-03 10:13:00",
    ]
    result = segment(DOC, PAGE, None, SegmentConfig())
    post = result.posts[0]
    assert post["title"] == "Ferry subsidies on the lake" and post["author"] == "lake_pilot"
    assert post["published_date"] == "2022-05-01"
    assert [c["author"] for c in result.comments] == ["Marta_O", "Ivan_Zh"]
    assert all(c["parent_id"] is None for c in result.comments)
    assert all("Offline" not in c["body"] and "Re:" not in c["body"] for c in result.comments)
    quotes = [b["text"] for b in result.blocks if b["kind"] == "quote"]
    assert quotes == ["Who pays for the ferries now?"]
    assert coverage_errors(PAGE, result) == []


UBB = "\n".join(
    [
        "Topic Options",
        "#501 - 03/02/21 09:14 PM Bridge tolls on the river",
        "dock_master",
        "Member",
        "Registered: 11/03/12",
        "Posts: 23",
        "Who decided to double the bridge toll?",
        "Top",
        "#502 - 03/02/21 10:02 PM Re: Bridge tolls on the river [Re: dock_master]",
        "Ivan_Zh",
        "Registered: 04/19/17",
        "The regional duma did, in a late session.",
        "Top",
        "#503 - 03/03/21 08:15 AM Re: Bridge tolls on the river [Re: Ivan_Zh]",
        "Olga_K",
        "Registered: 02/02/20",
        "Loc: Tver",
        "Not the duma: the governor's decree.",
        "Edited by Olga_K (03/03/21 08:19 AM)",
        "Top",
        "Powered by UBB.threads PHP Forum Software 7.7.5",
    ]
)


def test_a_re_user_marker_names_the_post_replied_to() -> None:
    """UBB.threads: the subject sits on the stamp line, and '[Re: <user>]' points at that
    user's latest post (the opening post's author: the top level)."""
    result = segment(DOC, UBB, None, SegmentConfig())
    post = result.posts[0]
    assert post["title"] == "Bridge tolls on the river" and post["author"] == "dock_master"
    assert post["published_date"] == "2021-03-02"
    first, second = result.comments
    assert first["parent_id"] is None and second["parent_id"] == first["comment_id"]
    assert second["edited"] and "Edited by" not in second["body"] and "Top" not in second["body"]
    assert coverage_errors(UBB, result) == []
