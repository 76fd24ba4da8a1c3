"""Labelled cases for the XenForo 1 header grammar (invented snippets)."""

from __future__ import annotations

import pytest

from flows.stages.segment import SegmentConfig, segment
from flows.stages.segment.grammars import xenforo
from flows.stages.segment.lines import split_lines

THREAD = """\
Log in or Sign up
Riverside Forums

Home Forums > City > Transport >

Tram fares and the city budget

Discussion in 'Transport' started by ola_m, Mar 3, 2024.

  1. ola_m

    ola_m Well-Known Member

    The council wants to raise tram fares again. Has anyone seen the budget tables?

    ola_m, Mar 3, 2024

    #1

    petr_k likes this.

  2. petr_k

    petr_k Member

    ola_m said: ↑
    Has anyone seen the budget tables?
    Click to expand...
    They are in the annex, under transport subsidies.

    Last edited: Mar 4, 2024

    petr_k, Mar 3, 2024

    #2

  3. vera_n

    vera_n New Member

    The vote is next Thursday, in the small hall.

    vera_n, Mar 4, 2024

    #3

(You must log in or sign up to reply here.)

Forum software by XenForo™ ©2010-2017 XenForo Ltd.
"""

PAGE_TWO = """\
Tram fares and the city budget

Discussion in 'Transport' started by ola_m, Mar 3, 2024.

  1. vera_n

    vera_n New Member

    The vote is next Thursday.

    vera_n, Mar 9, 2024

    #21

  2. ola_m

    ola_m Well-Known Member

    I will be there.

    ola_m, Mar 9, 2024

    #22
"""

NUMBERED_LIST = """\
Three reasons the fares rise

  1. Energy

    Energy prices went up by a third.

  2. Wages

    Drivers got a raise.
"""


def test_find_starts_skips_post_one() -> None:
    lines = split_lines(THREAD)
    starts = xenforo.find_starts(lines)
    assert [lines[at].text for at in starts] == ["2. petr_k", "3. vera_n"]
    header = xenforo.parse_header(lines, starts[0], starts[1])
    assert (header.author, header.published, header.edited) == ("petr_k", "Mar 3, 2024", True)


def test_later_page_is_a_stub_with_the_starter() -> None:
    lines = split_lines(PAGE_TWO)
    starts = xenforo.find_starts(lines)
    assert len(starts) == 2
    head = xenforo.parse_post(lines[: starts[0]])
    assert head is not None
    assert (head.title, head.author) == ("Tram fares and the city budget", "ola_m")


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("an article with a numbered list", NUMBERED_LIST),
        ("a numbered list repeating its items", "  1. Energy\n\n    Energy prices rose.\n"),
    ],
)
def test_no_starts(label: str, text: str) -> None:
    assert xenforo.find_starts(split_lines(text)) == [], label


def test_quote_lines() -> None:
    lines = split_lines(THREAD)
    quoted = xenforo.quote_lines(lines, 0, len(lines))
    assert [lines[i].text for i in sorted(quoted)] == ["Has anyone seen the budget tables?"]


@pytest.mark.parametrize(
    ("text", "chrome"),
    [
        ("#2", True),
        ("Click to expand...", True),
        ("Last edited: Mar 4, 2024", True),
        ("petr_k likes this.", True),
        ("Oksana and mirnyi like this.", True),
        ("petr_k, Mar 3, 2024", True),
        ("Home Forums > City > Transport >", True),
        ("(You must log in or sign up to reply here.)", True),
        ("Oksana, mirnyi and 3 others like this.", True),
        ("Most people like this.", False),
        ("Voters did not like the plan at all.", False),
        ("Moscow, Mar 3, 2024, was cold.", False),
    ],
)
def test_is_chrome(text: str, chrome: bool) -> None:
    assert xenforo.is_chrome(split_lines(text)[0]) is chrome


def test_end_to_end() -> None:
    result = segment("0123456789abcdef", THREAD, None, SegmentConfig())
    assert result.layout == "thread"
    post = result.posts[0]
    assert (post["kind"], post["title"], post["author"], post["published_date"]) == (
        "thread_post",
        "Tram fares and the city budget",
        "ola_m",
        "2024-03-03",
    )
    assert [(c["author"], c["edited"]) for c in result.comments] == [
        ("petr_k", True),
        ("vera_n", False),
    ]
    bodies = " ".join(row["body"] for row in [*result.posts, *result.comments])
    for chrome in ("likes this", "Click to expand", "Discussion in", "#2", "Log in or Sign up"):
        assert chrome not in bodies


def test_numbered_list_inside_a_post() -> None:
    text = THREAD.replace(
        "They are in the annex, under transport subsidies.",
        "They are in the annex:\n\n1. transport subsidies\n\n2. energy",
    )
    lines = split_lines(text)
    assert len(xenforo.find_starts(lines)) == 2
