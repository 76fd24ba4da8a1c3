"""The stamp-block grammar (a stamped row naming nobody, the poster's name and profile
lines under it), on small invented pages, with the pages it must refuse."""

from __future__ import annotations

from flows.stages.segment import SegmentConfig, coverage_errors, segment
from flows.stages.segment.grammars import stamp_block
from flows.stages.segment.lines import split_lines

DOC = "0123456789abcdef"


def _post(number: int, stamp: str, name: str, subject: str, body: str) -> list[str]:
    return [
        f"#{number} {stamp}",
        "",
        name,
        "Member",
        "Registered: 2016-02-09",
        "Posts: 94",
        "",
        subject,
        "",
        body,
        "",
        "Offline",
        "",
    ]


PAGE = "\n".join(
    [
        "River Towns Board",
        "Index » Transport » Ferry subsidies on the lake [Re: nobody]",
        "",
        *_post(
            1,
            "2023-11-14 09:12:40",
            "lake_pilot",
            "Ferry subsidies on the lake",
            "Who pays for the ferries since the reform? The district will not say.",
        ),
        *_post(
            2,
            "2023-11-14 19:05:43",
            "Marta_Olen",
            "Re: Ferry subsidies on the lake [Re: lake_pilot]",
            "The district does, from its own budget, until the autumn at least.",
        ),
        *_post(
            3,
            "2023-11-15 08:40:19",
            "Ivan_Zh",
            "Re: Ferry subsidies on the lake [Re: Marta_Olen]",
            "After the autumn nobody knows, and the operator is already cutting runs.",
        ),
        "Powered by a board",
    ]
)


def test_names_under_rows_that_name_nobody_head_the_posts() -> None:
    lines = split_lines(PAGE)
    assert [lines[at].text for at in stamp_block.find_starts(lines)] == [
        "#2 2023-11-14 19:05:43",
        "#3 2023-11-15 08:40:19",
    ]
    result = segment(DOC, PAGE, None, SegmentConfig())
    post = result.posts[0]
    assert post["author"] == "lake_pilot" and post["published_date"] == "2023-11-14"
    assert post["title"] == "Ferry subsidies on the lake"
    assert [c["author"] for c in result.comments] == ["Marta_Olen", "Ivan_Zh"]
    for comment in result.comments:
        assert "Registered:" not in comment["body"] and "Member" not in comment["body"]
    # '[Re: name]' after a reply's subject names the post replied to
    assert result.comments[0]["parent_id"] is None
    assert result.comments[1]["parent_id"] == result.comments[0]["comment_id"]
    assert coverage_errors(PAGE, result) == []


def test_a_short_line_under_stamped_items_is_no_poster() -> None:
    # a list of stamped items, each with a short line under it: no name posts twice and no
    # profile label recurs
    page = "\n".join(
        line
        for stamp, label, text in (
            ("2023-11-14 09:12", "Transport", "The ferry timetable changes on Monday for winter."),
            ("2023-11-14 11:40", "Budget", "The district council meets on Thursday to vote."),
            ("2023-11-15 08:05", "Schools", "Two village schools close for repairs this month."),
        )
        for line in (stamp, label, text, "")
    )
    assert stamp_block.find_starts(split_lines(page)) == []


def test_rows_without_a_time_count_where_they_number_their_posts_in_a_run() -> None:
    page = "\n".join(
        line
        for number, day, name, text in (
            (221, 3, "Taiga Hermit", "The governor spoke about the hospitals for an hour."),
            (222, 4, "Pechora_Lad", "An hour by ambulance in winter means three on our roads."),
            (223, 5, "Taiga Hermit", "The deputies made the same point in the debate."),
        )
        for line in (
            f"Old March {day}th, 2019 #{number}",
            name,
            "Senior Member",
            "Join Date: Feb 2013",
            "Posts: 4,512",
            "",
            text,
            f"{name} is offline   Reply With Quote",
        )
    )
    lines = split_lines(page)
    starts = stamp_block.find_starts(lines)
    assert lines[starts[0]].text == "Old March 3th, 2019 #221"
    headers = stamp_block.parse_headers(lines, starts)
    assert [header.author for header in headers] == ["Taiga Hermit", "Pechora_Lad", "Taiga Hermit"]
