"""Labelled cases for the numbered-reply forum grammar (HubPages style; invented snippets)."""

from __future__ import annotations

import pytest

from flows.stages.segment import SegmentConfig, segment
from flows.stages.segment.grammars import hubpages
from flows.stages.segment.lines import split_lines

THREAD = """\
Tram fares and the city budget

1. ola_m profile image90

ola_mposted 5 years ago

The council wants to raise tram fares again. Has anyone seen the budget tables?

2. petr_k profile image83

petr_kposted 5 years ago[in reply to this]

They are in the annex, under transport subsidies.

3. vera_n profile image71

vera_nposted 4 years ago

The vote is next Thursday, in the small hall.
"""


def test_find_starts_and_header() -> None:
    lines = split_lines(THREAD)
    starts = hubpages.find_starts(lines)
    assert [lines[at].text for at in starts] == [
        "2. petr_k profile image83",
        "3. vera_n profile image71",
    ]
    header = hubpages.parse_header(lines, starts[0], starts[1])
    assert (header.author, header.age, header.n_lines) == ("petr_k", "5 years ago", 3)


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("a numbered list", "1. fares\n\n2. subsidies\n"),
        ("a caption", "2. ola profile image\n\nThe council met.\n"),
        ("names differ", "2. ola profile image83\n\npetrposted 5 years ago\n"),
    ],
)
def test_no_starts(label: str, text: str) -> None:
    assert hubpages.find_starts(split_lines(text)) == [], label


@pytest.mark.parametrize(
    ("text", "chrome"),
    [("[in reply to this]", True), ("Jump to Last Post", True), ("In reply to you: no.", False)],
)
def test_is_chrome(text: str, chrome: bool) -> None:
    assert hubpages.is_chrome(split_lines(text)[0]) is chrome


def test_end_to_end() -> None:
    result = segment("0123456789abcdef", THREAD, None, SegmentConfig())
    assert result.layout == "thread"
    post = result.posts[0]
    assert (post["kind"], post["title"], post["author"]) == (
        "thread_post",
        "Tram fares and the city budget",
        "ola_m",
    )
    assert [(c["author"], c["parent_id"]) for c in result.comments] == [
        ("petr_k", None),
        ("vera_n", None),
    ]
    bodies = " ".join(row["body"] for row in [*result.posts, *result.comments])
    assert "profile image" not in bodies and "posted 5 years ago" not in bodies
