"""Labelled cases for the Invision Community (IPS 4) header grammar (invented snippets)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.stages.segment import SegmentConfig, segment
from flows.stages.segment.grammars import ips
from flows.stages.segment.lines import split_lines
from tests.test_segment import assert_valid

TOPIC = """\
Jump to content
Existing user? Sign In
Sign Up
Home
Regions
Volga cities
Bus routes cut in Samara
Share
Followers 2
Bus routes cut in Samara
By volzhanin, March 4, 2022 in Volga cities
Recommended Posts
volzhanin
volzhanin
    Members
    312 posts
Posted March 4, 2022 (edited)
Eleven routes go on the first of April, mostly in the new districts.
The city says the buses are half empty; drivers say they are full at rush hour.
Edited March 4, 2022 by volzhanin
fixed the date
Link to comment
Share on other sites
More sharing options...
marina_t
marina_t
    Advanced Member
    Popular Post
    1.4k
    Location: Zhigulevsk, Samara oblast
Posted March 5, 2022
On 3/4/2022 at 6:10 PM, volzhanin said:
The city says the buses are half empty
Expand
Ask them for the ticket data by route. They never publish it.
  7
Link to comment
Share on other sites
More sharing options...
gleb_r
gleb_r
    Members
    45 posts
Posted 5 hours ago
Our route 41 is on the list too.
Link to comment
Share on other sites
More sharing options...
Create an account or sign in to comment
You need to be a member in order to leave a comment
Sign In Now
Recently Browsing   0 members
No registered users viewing this page.
Powered by Invision Community
"""

PAGE_TWO = """\
Bus routes cut in Samara
By volzhanin, March 4, 2022 in Volga cities
Prev
1
2
Next
Page 2 of 2
Recommended Posts
gleb_r
    Members
    45 posts
Posted March 9, 2022
The new timetable is out, route 41 survives.
  2
Link to comment
Share on other sites
volzhanin
    Members
    312 posts
Posted Yesterday at 09:12 AM
Good news at last.
Link to comment
Share on other sites
"""


def test_find_starts_skips_the_opening_post() -> None:
    lines = split_lines(TOPIC)
    starts = ips.find_starts(lines)
    assert [lines[at].text for at in starts] == ["marina_t", "gleb_r"]


def test_parse_header_reads_score_quote_and_pane() -> None:
    lines = split_lines(TOPIC)
    start, end = ips.find_starts(lines)
    header = ips.parse_header(lines, start, end)
    assert (header.author, header.published, header.score, header.edited) == (
        "marina_t",
        "March 5, 2022",
        7,
        False,
    )
    assert lines[start + header.n_lines - 1].text == "Posted March 5, 2022"
    assert [lines[i].text for i in sorted(header.quote_lines)] == [
        "The city says the buses are half empty"
    ]


def test_relative_date_without_reactions() -> None:
    lines = split_lines(TOPIC)
    starts = ips.find_starts(lines)
    header = ips.parse_header(lines, starts[1], len(lines))
    assert (header.author, header.published, header.score) == ("gleb_r", "5 hours ago", None)


def test_later_page_is_a_stub_with_the_starter() -> None:
    lines = split_lines(PAGE_TWO)
    starts = ips.find_starts(lines)
    assert [lines[at].text for at in starts] == ["gleb_r", "volzhanin"]
    head = ips.parse_post(lines[: starts[0]])
    assert head is not None
    assert (head.title, head.author) == ("Bus routes cut in Samara", "volzhanin")
    result = segment("0123456789abcdef", PAGE_TWO, None, SegmentConfig())
    assert result.posts[0]["kind"] == "thread_stub"
    assert [(c["author"], c["score"]) for c in result.comments] == [
        ("gleb_r", 2),
        ("volzhanin", None),
    ]


def test_nested_quotes_until_expand() -> None:
    text = (
        "On 3/4/2022 at 6:10 PM, marina_t said:\n"
        "On 3/4/2022 at 5:00 PM, volzhanin said:\n"
        "Eleven routes go.\n"
        "Expand\n"
        "Ask for the data.\n"
        "Expand\n"
        "I did, twice.\n"
    )
    lines = split_lines(text)
    quoted = ips.quote_lines(lines, 0, len(lines))
    assert [lines[i].text for i in sorted(quoted)] == ["Eleven routes go.", "Ask for the data."]


@pytest.mark.parametrize(
    ("label", "text"),
    [
        (
            "a blog post with a 'Posted' date line and no Invision furniture",
            "City news\nanna_b\nEditor\nPosted March 4, 2022\nBuses are cut.\nShare\n",
        ),
        (
            "a 'Posted by' byline",
            "Recommended Posts\nPosted by Anna Belova on March 4, 2022\nBuses are cut.\n",
        ),
        (
            "prose right above the date",
            "Recommended Posts\nThe council voted on Friday and the routes are gone.\n"
            "Posted March 4, 2022\nMore soon.\n",
        ),
    ],
)
def test_no_starts(label: str, text: str) -> None:
    assert ips.find_starts(split_lines(text)) == [], label


@pytest.mark.parametrize(
    ("text", "chrome"),
    [
        ("Existing user? Sign In", True),
        ("Followers 2", True),
        ("By volzhanin, March 4, 2022 in Volga cities", True),
        ("Recommended Posts", True),
        ("Edited March 4, 2022 by volzhanin", True),
        ("On 3/4/2022 at 6:10 PM, volzhanin said:", True),
        ("Share on other sites", True),
        ("Recently Browsing   0 members", True),
        ("Powered by Invision Community", True),
        ("By the way, the buses in Samara are full.", False),
        ("She said: the routes are gone.", False),
    ],
)
def test_is_chrome(text: str, chrome: bool) -> None:
    assert ips.is_chrome(split_lines(text)[0]) is chrome


def test_end_to_end() -> None:
    result = segment("0123456789abcdef", TOPIC, None, SegmentConfig())
    assert result.layout == "thread"
    post = result.posts[0]
    assert (post["kind"], post["title"], post["author"], post["published_date"]) == (
        "thread_post",
        "Bus routes cut in Samara",
        "volzhanin",
        "2022-03-04",
    )
    assert "drivers say they are full at rush hour" in post["body"]
    assert [(c["author"], c["score"], c["parent_id"]) for c in result.comments] == [
        ("marina_t", 7, None),
        ("gleb_r", None, None),
    ]
    quotes = [b["text"] for b in result.blocks if b["kind"] == "quote"]
    assert quotes == ["The city says the buses are half empty"]
    bodies = " ".join(row["body"] for row in [*result.posts, *result.comments])
    for chrome in ("fixed the date", "Edited", "said:", "Expand", "Share on", "Sign In", "posts"):
        assert chrome not in bodies


BODY = st.sampled_from(
    [
        "The buses were full this morning.",
        "Route 41",
        "On 3/4/2022 at 6:10 PM, vera_k said:",
        "Expand",
        "Quote",
        "",
    ]
)


@st.composite
def posts(draw: st.DrawFn) -> tuple[list[str], tuple[str, int | None, bool]]:
    """(lines, (author, reactions count, edited)) of one post in one of the forms the
    grammar reads."""
    name = draw(st.sampled_from(["vera_k", "ivan.s", "Oleg Petrov"]))
    lines = [name, name] if draw(st.booleans()) else [name]
    lines += ["    Members"]
    lines += draw(
        st.lists(
            st.sampled_from(["    312 posts", "    1.4k", "    Location: Tver"]),
            min_size=1,
            max_size=2,
        )
    )
    date = draw(st.sampled_from(["March 4, 2022", "5 hours ago", "Yesterday at 09:12 AM"]))
    marked = draw(st.booleans())
    lines += [f"Posted {date}" + (" (edited)" if marked else "")]
    lines += [*draw(st.lists(BODY, max_size=3)), "The timetable changes in April."]
    noted = draw(st.booleans())
    lines += [f"Edited March 4, 2022 by {name}", "typo"] if noted else []
    score = draw(st.sampled_from([None, 7]))
    lines += [f"  {score}"] if score is not None else []
    lines += ["Link to comment", "Share on other sites", "More sharing options..."]
    return lines, (name, score, marked or noted)


@st.composite
def ips_pages(draw: st.DrawFn) -> tuple[str, bool, list[tuple[str, int | None, bool]]]:
    """(page text, whether its first post opens the topic, each post's author, score and
    edit mark): on page 1, the first post opens the topic when it is the starter's (named
    by the "By" line)."""
    first_page = draw(st.booleans())
    lines = ["Jump to content", "A topic title", "By vera_k, March 4, 2022 in Tver"]
    lines += [] if first_page else ["Page 2 of 3"]
    lines += ["Followers 2", "Recommended Posts"]
    expected = []
    for _ in range(draw(st.integers(2, 5))):
        post, facts = draw(posts())
        lines += post
        expected.append(facts)
    lines += ["Create an account or sign in to comment", "Powered by Invision Community"]
    return "\n".join(lines) + "\n", first_page and expected[0][0] == "vera_k", expected


@settings(max_examples=80, deadline=None)
@given(ips_pages())
def test_generated_pages(page: tuple[str, bool, list[tuple[str, int | None, bool]]]) -> None:
    """Every generated post is read (author, score, edit mark), the starter's first post
    on page 1 as the opening post, and every character of the page is accounted for."""
    text, opens, expected = page
    result = segment("fedcba9876543210", text, None, SegmentConfig())
    assert_valid(text, result)
    assert result.layout == "thread"
    assert result.posts[0]["kind"] == ("thread_post" if opens else "thread_stub")
    replies = expected[1:] if opens else expected
    assert [(c["author"], c["score"], c["edited"]) for c in result.comments] == replies
    bodies = " ".join(row["body"] for row in [*result.posts, *result.comments])
    for chrome in ("Members", "Posted", "said:", "Edited", "typo", "Share on", "Followers"):
        assert chrome not in bodies
