"""Labelled cases for the Coral comment-stream grammar (invented snippets)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.stages.segment import SegmentConfig, segment
from flows.stages.segment.grammars import coral
from flows.stages.segment.lines import split_lines
from tests.test_segment import assert_valid

ARTICLE = """\
The Northern Courier
Sign in
News
Regions
Water tariffs in Arkhangelsk rise for the third time this year
The regional commission says the increase covers repairs of the main pumping station
Pyotr Lavrov
Regional affairs reporter
Tue 3 March 2020 09.15 GMT
The regional tariff commission approved a new increase in water charges on Monday, the third this year. Households will pay about a tenth more from April, the commission said in a statement published on its website.
Officials said the money would go to the repair of the main pumping station, which failed twice during the winter and left several districts without water for days.
Residents' groups said they would ask the prosecutor's office to check how the earlier increases had been spent before the new one takes effect.
Comments
Join the conversation
Sign in | Register
All Comments 4
Featured
Sort By
Newest
sever_anna
2 hours ago
Third time this year and the water still smells of rust in our building.
Respect 12
Reply
Share
Report
    kolya.dvina
    In reply to sever_anna
    1 hour ago
    Edited
    Same on our street. Nobody answers at the hotline.
    Respect 3
    Reply
    Share
    Report
Courier Desk
Staff
Mar 3, 2020
We have asked the commission for the repair budget and will publish it.
Respect
Reply
Share
Report
lena_pomor
just now
Where can I see the statement itself?
Respect 1
Reply
Share
Report
Load More
Powered by Coral
About us
Contact
"""

FLAT = """\
All Comments 3
Sort By
Oldest
ivan_k
3 days ago
The tariffs follow the gas price, nothing more.
Respect 5
Reply
Share
Report
marta_s
In reply to ivan_k
2 days ago
Then why did they rise twice in spring?
Respect 2
Reply
Share
Report
oleg_v
2 days ago
Good question for the commission.
Respected 1
Reply
Share
Report
"""


def test_find_starts() -> None:
    lines = split_lines(ARTICLE)
    starts = coral.find_starts(lines)
    assert [lines[at].text for at in starts] == [
        "sever_anna",
        "kolya.dvina",
        "Courier Desk",
        "lena_pomor",
    ]


def test_parse_header_reply_edited_and_score() -> None:
    lines = split_lines(ARTICLE)
    starts = coral.find_starts(lines)
    header = coral.parse_header(lines, starts[1], starts[2])
    # indented under sever_anna's comment: the indentation names the parent
    assert (header.author, header.reply_to, header.age, header.edited, header.score) == (
        "kolya.dvina",
        None,
        "1 hour ago",
        True,
        3,
    )
    assert lines[starts[1] + header.n_lines - 1].text == "Edited"


def test_badge_absolute_date_and_no_count() -> None:
    lines = split_lines(ARTICLE)
    starts = coral.find_starts(lines)
    header = coral.parse_header(lines, starts[2], starts[3])
    assert (header.author, header.published, header.age, header.score) == (
        "Courier Desk",
        "Mar 3, 2020",
        None,
        None,
    )


def test_flat_stream_takes_parents_from_in_reply_to() -> None:
    result = segment("0123456789abcdef", FLAT, None, SegmentConfig())
    assert result.layout == "thread"
    assert result.posts[0]["kind"] == "thread_stub"
    comments = result.comments
    assert [(c["author"], c["score"]) for c in comments] == [
        ("ivan_k", 5),
        ("marta_s", 2),
        ("oleg_v", 1),
    ]
    assert [c["parent_id"] for c in comments] == [None, comments[0]["comment_id"], None]


@pytest.mark.parametrize(
    ("shown", "score"), [("Respect 7", 7), ("Respect 1,204", 1204), ("Respect 1.2k", 1200)]
)
def test_reaction_counts(shown: str, score: int) -> None:
    lines = split_lines(FLAT.replace("Respect 5", shown))
    starts = coral.find_starts(lines)
    assert coral.parse_header(lines, starts[0], starts[1]).score == score


def test_reply_link_under_the_time() -> None:
    text = FLAT.replace(
        "marta_s\nIn reply to ivan_k\n2 days ago\n", "marta_s\n2 days ago\nIn reply to ivan_k\n"
    )
    lines = split_lines(text)
    starts = coral.find_starts(lines)
    assert [lines[at].text for at in starts] == ["ivan_k", "marta_s", "oleg_v"]
    header = coral.parse_header(lines, starts[1], starts[2])
    assert (header.author, header.reply_to, header.age) == ("marta_s", "ivan_k", "2 days ago")
    assert lines[starts[1] + header.n_lines - 1].text == "In reply to ivan_k"


def test_indentation_wins_over_a_name_seen_twice() -> None:
    text = (
        "All Comments 4\nSort By\nNewest\n"
        "anna_b\n2 hours ago\nFirst.\nRespect 1\nReply\nShare\nReport\n"
        "    ivan_k\n    In reply to anna_b\n    1 hour ago\n    Second.\n    Reply\n    Report\n"
        "        anna_b\n        In reply to ivan_k\n        1 hour ago\n        Third.\n"
        "        Reply\n        Report\n"
        "    oleg_v\n    In reply to anna_b\n    just now\n    Fourth.\n    Reply\n    Report\n"
        "Load More\n"
    )
    result = segment("0123456789abcdef", text, None, SegmentConfig())
    ids = [c["comment_id"] for c in result.comments]
    assert [c["parent_id"] for c in result.comments] == [None, ids[0], ids[1], ids[0]]


@pytest.mark.parametrize(
    ("label", "text"),
    [
        (
            "a Disqus widget",
            "3 Comments\nLogin\nSort by Best\nJoin the discussion…\nanna_b • 2 hours ago\n"
            "The tariff is too high.\nReply\n•\nShare ›\n",
        ),
        (
            "an article with a byline and a relative time, no stream furniture",
            "Water tariffs rise again\nPosted by Anna Belova\n2 hours ago\n"
            "The commission approved the increase.\nShare\nReport\n",
        ),
        (
            "names and times without the stream's head or footer",
            "Reply\nanna_b\n2 hours ago\nToo high.\nReply\nivan_k\n1 hour ago\nAgreed.\n",
        ),
    ],
)
def test_no_starts(label: str, text: str) -> None:
    assert coral.find_starts(split_lines(text)) == [], label


@pytest.mark.parametrize(
    ("text", "chrome"),
    [
        ("All Comments 4", True),
        ("Sort By", True),
        ("Most Respected", True),
        ("Respect 12", True),
        ("In reply to sever_anna", True),
        ("Show More Replies", True),
        ("Load More", True),
        ("Powered by Coral", True),
        ("Sign in and Join the Conversation", True),
        ("Respect for the residents is missing here.", False),
        ("In reply to your letter of March 3, we publish the budget.", False),
    ],
)
def test_is_chrome(text: str, chrome: bool) -> None:
    assert coral.is_chrome(split_lines(text)[0]) is chrome


def test_end_to_end() -> None:
    result = segment("0123456789abcdef", ARTICLE, None, SegmentConfig())
    assert result.layout == "thread"
    post = result.posts[0]
    assert (post["kind"], post["title"], post["author"], post["published_date"]) == (
        "thread_post",
        "Water tariffs in Arkhangelsk rise for the third time this year",
        "Pyotr Lavrov",
        "2020-03-03",
    )
    assert "main pumping station, which failed twice" in post["body"]
    comments = result.comments
    assert [(c["author"], c["depth"]) for c in comments] == [
        ("sever_anna", 0),
        ("kolya.dvina", 1),
        ("Courier Desk", 0),
        ("lena_pomor", 0),
    ]
    assert comments[1]["parent_id"] == comments[0]["comment_id"]
    bodies = " ".join(row["body"] for row in [*result.posts, *result.comments])
    for chrome in ("Regional affairs reporter", "Respect", "In reply to", "Staff", "Coral"):
        assert chrome not in bodies
    assert "About us" not in bodies


@st.composite
def comments(draw: st.DrawFn, depth: int, parent: str | None) -> tuple[list[str], str]:
    """(lines, author) of one comment in one of the forms the grammar reads."""
    pad = "    " * depth
    name = draw(st.sampled_from(["anna_b", "ivan.k", "Oleg Petrov", "Desk"]))
    lines = [name]
    lines += draw(st.sampled_from([[], ["Staff"], ["Moderator"]]))
    time = draw(st.sampled_from(["2 hours ago", "just now", "Mar 3, 2020", "3/3/2020, 6:20 PM"]))
    reply = [f"In reply to {parent}"] if parent else []
    if draw(st.booleans()):
        lines += [*reply, time]
    else:
        lines += [time, *reply]
    lines += draw(st.sampled_from([[], ["Edited"]]))
    lines += ["The water smells of rust again.", draw(st.sampled_from(["Respect 3", "Respect"]))]
    lines += ["Reply", "Share", "Report"]
    return [pad + line for line in lines], name


@st.composite
def streams(draw: st.DrawFn) -> tuple[str, list[int | None]]:
    """(stream text, each comment's parent index)."""
    lines = ["All Comments 5", "Sort By", "Newest"]
    parents: list[int | None] = []
    authors: list[str] = []
    depths: list[int] = []
    for _ in range(draw(st.integers(1, 6))):
        depth = draw(st.integers(0, depths[-1] + 1)) if depths else 0
        parent = max((i for i, d in enumerate(depths) if d == depth - 1), default=None)
        block, author = draw(comments(depth, authors[parent] if parent is not None else None))
        lines += block
        parents.append(parent)
        authors.append(author)
        depths.append(depth)
    lines += draw(st.sampled_from([[], ["Show More Replies"]]))
    lines += ["Load More", "Powered by Coral"]
    return "\n".join(lines) + "\n", parents


@settings(max_examples=80, deadline=None)
@given(streams())
def test_generated_streams(stream: tuple[str, list[int | None]]) -> None:
    """Every generated comment is read with its parent, and every character of the page
    is accounted for."""
    text, parents = stream
    result = segment("fedcba9876543210", text, None, SegmentConfig())
    assert_valid(text, result)
    assert result.layout == "thread"
    ids = [c["comment_id"] for c in result.comments]
    assert [c["parent_id"] for c in result.comments] == [
        ids[p] if p is not None else None for p in parents
    ]
    bodies = " ".join(row["body"] for row in [*result.posts, *result.comments])
    for chrome in ("Respect", "In reply to", "Staff", "Edited", "Report", "Load More"):
        assert chrome not in bodies
