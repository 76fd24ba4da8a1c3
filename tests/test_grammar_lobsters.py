"""Labelled cases for the byline-bar grammar (Lobsters style; invented snippets)."""

from __future__ import annotations

import pytest

from flows.stages.segment.grammars import lobsters
from flows.stages.segment.lines import split_lines

THREAD = """\
  18
  Registry rules for state software  law  example.org
  via mira_l 14 hours ago | archive | 5 comments

  3
  [-] kostroma_v 13 hours ago | link | flag
  The escrow copy goes to a state body.

      2
      [-] j_vasq edited 10 hours ago | link | flag
      Until an auditor tries to build it.
"""


def test_starts_headers_and_head() -> None:
    lines = split_lines(THREAD)
    starts = lobsters.find_starts(lines)
    assert [lines[at].text for at in starts] == ["3", "2"]
    first = lobsters.parse_header(lines, starts[0], starts[1])
    second = lobsters.parse_header(lines, starts[1], len(lines))
    assert (first.author, first.score, first.n_lines, first.edited) == ("kostroma_v", 3, 2, False)
    assert (second.author, second.score, second.edited) == ("j_vasq", 2, True)
    assert second.nesting > first.nesting
    head = lobsters.parse_post(lines[: starts[0]])
    assert head is not None
    assert (head.title, head.author) == ("Registry rules for state software", "mira_l")


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("one byline", "3\n[-] ola 2 hours ago | link | flag\nText.\n"),
        ("no action links", "[-] ola 2 hours ago\nText.\n[-] petr 1 hour ago\nText.\n"),
        ("Hacker News header", "ola 2 hours ago | parent | next [–]\nText.\n"),
    ],
)
def test_no_starts(label: str, text: str) -> None:
    assert lobsters.find_starts(split_lines(text)) == [], label
