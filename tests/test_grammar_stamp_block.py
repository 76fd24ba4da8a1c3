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


BODIES = (
    "Who pays for the ferries since the reform in May?",
    "The district does, from its own budget, until the autumn.",
    "Nobody knows what happens after that, and the operator is cutting runs.",
)


def _profiled_page(names: tuple[str | None, ...], labels: tuple[str, ...]) -> list[str]:
    page = ["River Towns Board", "It is currently Thu Nov 14, 2024 6:02 pm", ""]
    for at, (name, body) in enumerate(zip(names, BODIES, strict=True)):
        page += [name] if name else []
        page += [f"PostPosted: Mon Nov 1{at + 1}, 2024 10:1{at} am", "Offline", "Member", ""]
        page += [f"{label}: {at + 5}" for label in labels]
        page += [body, "", "Top", ""]
    return page


def test_names_over_rows_that_name_nobody_head_the_posts() -> None:
    """A name right over each row ('Olga V.' with an initial among them), the poster's
    profile lines under the row: the name heads the post, the profile is furniture."""
    names = ("lake_pilot", "Olga V.", "lake_pilot")
    lines = split_lines("\n".join(_profiled_page(names, ("Group", "Posts"))))
    found = stamp_block._rows(lines)
    assert [row.author for row in found] == list(names)
    headers = stamp_block.parse_headers(lines, stamp_block.find_starts(lines))
    assert {lines[at].index for at in range(len(lines)) if "Group:" in lines[at].text} & set(
        headers[0].chrome_lines
    )


def test_rows_naming_nobody_over_a_members_profile_are_nameless_posts() -> None:
    """No name anywhere, but a member's profile with a 'Joined:' date under every row: the
    posts are read, nameless; without the member's date the rows are no thread."""
    lines = split_lines("\n".join(_profiled_page((None, None, None), ("Joined", "Posts"))))
    found = stamp_block._rows(lines)
    assert len(found) == 3 and all(row.author is None for row in found)
    assert not stamp_block._rows(
        split_lines("\n".join(_profiled_page((None,) * 3, ("Venue", "Seats"))))
    )


def test_a_count_is_no_name_over_a_row() -> None:
    names = ("27 Posts", "31 Posts", "27 Posts")
    lines = split_lines("\n".join(_profiled_page(names, ("Group", "Rank"))))
    assert all(row.author not in names for row in stamp_block._rows(lines))


def _print_view(names: tuple[str, ...]) -> list[str]:
    """A board's printable or archive view: each post a name over a bare stamp, no
    profile, a quote of an earlier post under its attribution."""
    page = ["Town Board > Local politics", "Full Version: Who pays for the new bridge?", ""]
    for at, name in enumerate(names):
        page += [name, f"Mar 1{at} 2021, 0{at}:15 PM"]
        if at:
            page += [f"QUOTE ({names[at - 1]} @ Mar 1{at - 1} 2021, 0{at - 1}:15 PM) <{{X_LINK}}>"]
            page += ["The toll was never in the plan.", "", ""]
        page += [BODIES[at % len(BODIES)]]
    return page


def test_names_over_bare_stamps_head_the_posts_of_a_print_view() -> None:
    """A name right over a bare stamp, no profile under it, where a name posts twice:
    the name heads the post; a quote's stamped attribution heads none, and the label of
    the page's title is no part of it."""
    names = ("bridge_fan", "Olga V.", "bridge_fan")
    lines = split_lines("\n".join(_print_view(names)))
    assert [row.author for row in stamp_block._rows(lines)] == list(names)
    text = "\n".join(_print_view(names))
    result = segment(DOC, text, None, SegmentConfig())
    assert result.posts[0]["title"] == "Who pays for the new bridge?"
    assert [comment["author"] for comment in result.comments] == list(names[1:])
    assert not coverage_errors(text, result)


def test_names_over_bare_stamps_need_a_poster_twice() -> None:
    """Three names over three stamps, each shown once, no profile: a list of dated items,
    not a print view's posts."""
    lines = split_lines("\n".join(_print_view(("bridge_fan", "Olga V.", "lake_pilot"))))
    assert not stamp_block._rows(lines)
