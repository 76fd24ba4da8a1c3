"""The stamped-row grammar (one header row of name, stamp and fixed cells per post), on
small invented pages, with the pages it must refuse."""

from __future__ import annotations

from flows.stages.segment import SegmentConfig, coverage_errors, segment
from flows.stages.segment.grammars import stamped_row
from flows.stages.segment.lines import split_lines

DOC = "0123456789abcdef"


def _post(name: str, stamp: str, body: str) -> list[str]:
    return [
        f"{name}            Posted: {stamp}            Quote Post",
        "Group: Members",
        "Posts: 40",
        "",
        body,
        "",
        "Top   Profile   PM",
        "",
    ]


PAGE = "\n".join(
    [
        "River Towns Board",
        "",
        "Ferry subsidies on the lake",
        "",
        *_post("lake_pilot", "Jun 2 2022, 10:12 AM", "Who pays for the ferries since the reform?"),
        *_post("Marta Olen", "Jun 2 2022, 11:40 AM", "The district does, from its own budget."),
        *_post("Ivan_Zh", "Jun 3 2022, 08:05 AM", "Until the autumn, at least, then nobody knows."),
        "Add Reply   Start new topic",
    ]
)


def test_each_row_starts_a_post_named_by_its_varying_cell() -> None:
    lines = split_lines(PAGE)
    assert [r.author for r in stamped_row.rows(lines)] == ["lake_pilot", "Marta Olen", "Ivan_Zh"]
    result = segment(DOC, PAGE, None, SegmentConfig())
    post = result.posts[0]
    assert post["author"] == "lake_pilot" and post["published_date"] == "2022-06-02"
    assert "Who pays for the ferries" in post["body"]
    assert [c["author"] for c in result.comments] == ["Marta Olen", "Ivan_Zh"]
    for comment in result.comments:
        assert "Top   Profile" not in comment["body"] and "Group:" not in comment["body"]
    assert "Add Reply" not in result.comments[-1]["body"]
    assert coverage_errors(PAGE, result) == []


def test_a_name_line_above_the_row_opens_the_post() -> None:
    page = "\n".join(
        line
        for name, stamp in (("dock_master", "10:12"), ("Olga_K", "11:47"), ("dock_master", "13:05"))
        for line in (
            name,
            "Member",
            "",
            f"posted 14 March 2006 {stamp}    Profile for {name}    Reply With Quote",
            "A question about the bridge tolls and who decided to double them this year.",
            "Posts: 23 | From: Tver | Registered: Jan 2004",
        )
    )
    lines = split_lines(page)
    found = stamped_row.rows(lines)
    assert [(lines[r.start].text, r.author) for r in found] == [
        ("dock_master", "dock_master"),
        ("Olga_K", "Olga_K"),
        ("dock_master", "dock_master"),
    ]
    assert all("From: Tver" in lines[i].text for i in stamped_row.closings(lines, found))


def test_refuses_a_timeline_of_stamped_sentences() -> None:
    page = "\n".join(
        f"{hour}:00 p.m. 14 March 2021: Polls close in region {hour}, and the count begins."
        for hour in range(1, 6)
    )
    assert stamped_row.rows(split_lines(page)) == []


def test_refuses_newest_first_rows() -> None:
    page = "\n".join(
        line
        for name, day in (("anna_k", 9), ("boris_l", 7), ("vera_m", 3))
        for line in (
            f"{name} {day} March 2021 at 1{day}:20",
            "A teaser of the story, said in a sentence.",
        )
    )
    assert stamped_row.rows(split_lines(page)) == []


def test_refuses_undated_speaker_stamps() -> None:
    page = "\n".join(
        line
        for name, stamp in (("Dana W", "00:02"), ("Ilya S", "00:24"), ("Dana W", "00:41"))
        for line in (f"{name} ({stamp}):", "What was said at this point of the show, in full.")
    )
    assert stamped_row.rows(split_lines(page)) == []


def test_refuses_rows_of_one_name() -> None:
    page = "\n".join(
        line
        for stamp in ("10:12", "11:47", "13:05")
        for line in (f"editor  Posted: Mar 14 2006, {stamp} AM", "An update on the count so far.")
    )
    assert stamped_row.rows(split_lines(page)) == []


def test_a_row_repeating_the_subject_titles_the_thread() -> None:
    page = "\n".join(
        [
            "Ferry subsidies on the lake (Printable View)",
            "",
            "Forums >> Local politics",
            "",
            *(
                line
                for name, prefix, stamp in (
                    ("lake_pilot", "", "10:12"),
                    ("Marta_O", "RE: ", "11:40"),
                    ("Ivan_Zh", "RE: ", "13:05"),
                )
                for line in (
                    f"{name} -> {prefix}Ferry subsidies on the lake (6/2/2022 {stamp} AM)",
                    "",
                    "Who pays for the ferries on the lake since the spring reform?",
                    "",
                )
            ),
        ]
    )
    result = segment(DOC, page, None, SegmentConfig())
    post = result.posts[0]
    assert post["title"] == "Ferry subsidies on the lake" and post["author"] == "lake_pilot"
    assert [c["author"] for c in result.comments] == ["Marta_O", "Ivan_Zh"]
    assert coverage_errors(page, result) == []


ARTICLE = """\
Ferry subsidies cut on the lake

The district council voted on Tuesday to halve the ferry subsidy from next spring, and \
the operator says two of the five routes will close. Residents of the islands asked for \
a public hearing before the vote, but none was held.

Comments

+7 #1 Ilya Rost 14.03.2023 10:12
Nobody on the islands was asked, as usual.
Quote

-2 #2 Guest 14.03.2023 11:40
The routes lose money every year, somebody has to pay for them.
Quote

0 #3 Vera Lind 15.03.2023 08:05
The islands pay taxes too, and the ferry is their only road.
Quote
"""


def test_rows_under_an_article_are_its_comments_rated_by_their_first_cell() -> None:
    lines = split_lines(ARTICLE)
    starts = stamped_row.find_starts(lines)
    assert [lines[at].text.split("#")[0].strip() for at in starts] == ["+7", "-2", "0"]
    assert stamped_row.page_post(lines, starts) is None  # the article above is the post
    headers = stamped_row.parse_headers(lines, starts)
    assert [(h.author, h.score) for h in headers] == [
        ("Ilya Rost", 7),
        ("Guest", -2),
        ("Vera Lind", 0),
    ]


def test_a_more_frequent_shape_without_a_thread_yields_to_the_post_rows() -> None:
    # every post closes with a dated 'Joined:' line and one quotes a stamp: that shape
    # repeats more often than the post rows but names nobody.
    page = "\n".join(
        [
            "Kama Valley Board",
            "",
            "Ferry subsidies on the lake",
            "",
            "Post by lake_pilot » Sat Mar 09, 2019 4:12 pm",
            "Who pays for the ferries since the reform? Nobody at the district will say.",
            "Joined: Tue Sep 17, 2013 8:05 am",
            "Re: Ferry subsidies on the lake",
            "Post by Marta_Olen » Sat Mar 09, 2019 7:55 pm",
            "lake_pilot wrote: ↑",
            "Sat Mar 09, 2019 4:12 pm",
            "Who pays for the ferries since the reform?",
            "The district does, from its own budget, until the autumn.",
            "Joined: Wed Jun 03, 2015 12:21 pm",
            "Re: Ferry subsidies on the lake",
            "Post by Ivan_Zh » Sun Mar 10, 2019 10:03 am",
            "After the autumn nobody knows, and the operator is already cutting runs.",
            "Joined: Mon Feb 14, 2011 6:30 pm",
        ]
    )
    lines = split_lines(page)
    found = stamped_row.rows(lines)
    assert [row.author for row in found] == ["lake_pilot", "Marta_Olen", "Ivan_Zh"]
    assert [lines[at + 1].text for at in stamped_row.find_starts(lines)] == [
        "Post by Marta_Olen » Sat Mar 09, 2019 7:55 pm",
        "Post by Ivan_Zh » Sun Mar 10, 2019 10:03 am",
    ]  # each reply opens with its 'Re:' subject over the row
    headers = stamped_row.parse_headers(lines, stamped_row.find_starts(lines))
    assert {lines[10].index, lines[11].index} <= headers[0].quote_lines


def _profiled_post(name: str, stamp: str, body: str, subject: str) -> list[str]:
    return [
        subject,
        f"Postby {name} » {stamp}",
        body,
        name,
        "Senior Member",
        "Posts: 310",
        "Joined: Tue Feb 02, 2016 9:20 am",
        "Top",
    ]


def test_a_reply_subject_over_the_row_and_the_block_under_the_text_are_its_post() -> None:
    """A 'Re: <subject>' line right over a row opens its post; the poster's name under the
    text with 'Label: value' lines after it is the poster's block, and under the last
    post's block comes the page's footer."""
    topic = "Ferry subsidies on the lake?"
    posts = (
        ("lake_pilot", "Mon Mar 04, 2019 10:15 pm", "Who pays for the ferries since the reform?"),
        ("Marta_Olen", "Mon Mar 04, 2019 11:02 pm", "The district does, from its own budget."),
        ("Ivan_Zh", "Tue Mar 05, 2019 7:48 am", "Until the autumn, at least, then nobody knows."),
    )
    page = [topic]
    for at, (name, stamp, body) in enumerate(posts):
        page += _profiled_post(name, stamp, body, f"Re: {topic}" if at else topic)
    page += ["Display posts from previous: All posts", "Users browsing this forum: 2 guests"]
    lines = split_lines("\n".join(page))
    found = stamped_row.rows(lines)
    assert [lines[row.start].text for row in found][1:] == [f"Re: {topic}"] * 2
    closing = stamped_row.closings(lines, found)
    assert {lines[at].text for at in closing} >= {"Posts: 310", "Senior Member", "Marta_Olen"}
    assert lines[-1].index in closing
    assert not any(lines[at].text in {body for *_, body in posts} for at in closing)


def test_a_name_under_the_text_without_labelled_lines_is_no_block() -> None:
    rows = [
        "Postby lake_pilot » Mon Mar 04, 2019 10:15 pm",
        "Who pays for the ferries since the reform?",
        "Postby Marta_Olen » Mon Mar 04, 2019 11:02 pm",
        "The district does, from its own budget, lake_pilot.",
        "lake_pilot",
        "Senior Member",
        "Postby Ivan_Zh » Tue Mar 05, 2019 7:48 am",
        "Until the autumn, at least, then nobody knows.",
    ]
    lines = split_lines("\n".join(rows))
    found = stamped_row.rows(lines)
    assert len(found) == 3
    assert stamped_row._profile_below(lines, found[1], found[2].start, False) is None


BODIES = (
    "Who pays for the ferries since the reform in May?",
    "The district does, from its own budget, until the autumn.",
    "Nobody knows what happens after that, and the operator is cutting runs.",
)


def test_a_numbered_first_post_under_its_profile_opens_the_topic() -> None:
    """'1 <subject>' over an avatar's caption, the name and its 'Label : value' lines, then
    the row; later posts answer '2 Re: <subject>': the first row opens the topic, its
    header from the caption down, though the page top holds sentences."""
    topic = "Should the ferry be free for pensioners?"
    page = [
        "Lake Towns Circle » Local affairs » Transport » " + topic,
        topic,
        "Is this a question the council can still answer before the season?",
    ]
    posts = (("lake_pilot", "Wed 22 Sep 2021 - 18:47"), ("Marta_Olen", "Wed 22 Sep 2021 - 20:15"))
    posts += (("lake_pilot", "Thu 23 Sep 2021 - 9:02"),)
    for at, (name, stamp) in enumerate(posts):
        subject = f"{at + 1} {'Re: ' if at else ''}{topic}"
        page += ["", subject, "", "avatar", name, "Member", "Posts : 38", "Join date : 2016-04-27"]
        page += ["Location : Tver", "", f"Post by {name} {stamp}", "", BODIES[at], ""]
    lines = split_lines("\n".join(page))
    found = stamped_row.rows(lines)
    assert [lines[row.start].text for row in found] == ["avatar"] * 3
    assert [lines[at].text for at in stamped_row.find_starts(lines)] == ["avatar"] * 2
    no_caption = [line for line in page if line != "avatar"]
    rows = stamped_row.rows(split_lines("\n".join(no_caption)))
    assert [row.author for row in rows] == ["lake_pilot", "Marta_Olen", "lake_pilot"]
