"""Labelled cases for the pipe-quoted text-mirror grammar (HN Gopher style; invented
snippets)."""

from __future__ import annotations

import pytest

from flows.stages.segment.grammars import gopher_wrote
from flows.stages.segment.lines import split_lines

THREAD = """\
[HN Gopher] Tariffs on grain exports
       Author : olga_k
       Date   : 2024-03-02 09:41 UTC (6 hours ago)
 (HTM) web link (example.org)
       | petr_v wrote:
       | The duty is floating.
       |
         | olga_k wrote:
         | Only since last year.
       ____________________
       (page generated 2024-03-02 15:44 UTC)
"""


def test_starts_header_end_and_head() -> None:
    lines = split_lines(THREAD)
    starts = gopher_wrote.find_starts(lines)
    assert [gopher_wrote.parse_header(lines, at, len(lines)).author for at in starts] == [
        "petr_v",
        "olga_k",
    ]
    assert lines[starts[1]].indent > lines[starts[0]].indent
    end = gopher_wrote.find_end(lines, starts)
    assert end is not None and gopher_wrote.is_chrome(lines[end])
    head = gopher_wrote.parse_post(lines[: starts[0]])
    assert head is not None
    assert (head.title, head.author) == ("Tariffs on grain exports", "olga_k")
    assert head.published is not None and head.published.startswith("2024-03-02")


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("one comment", "| petr wrote:\n| Text.\n"),
        ("mail quoting", "> petr wrote:\n> Text.\n> olga wrote:\n> More.\n"),
        ("a sentence", "| Then petr wrote: no.\n| And olga wrote: yes.\n"),
    ],
)
def test_no_starts(label: str, text: str) -> None:
    assert gopher_wrote.find_starts(split_lines(text)) == [], label
