"""Labelled cases for the Scoop-style comment grammar (Daily Kos kin; invented snippets)."""

from __future__ import annotations

import pytest

from flows.stages.segment.grammars import scoop
from flows.stages.segment.lines import split_lines

THREAD = """\
  •  A runoff is the story (14+ / 0-)
    Recommended by:
    Steppe Fox, marsh_tea
    Watch the commission in August.
    by Siberian Grid on Fri Jun 14, 2013 at 05:31:12 PM PDT
    •  Or a promotion? (6+ / 1-)
      He got a federal post.
      by kuzbass_coal on Fri Jun 14, 2013 at 06:02:40 PM PDT
      [ Parent ]

Subscribe to support us.
"""


def test_starts_headers_and_end() -> None:
    lines = split_lines(THREAD)
    starts = scoop.find_starts(lines)
    assert len(starts) == 2
    first = scoop.parse_header(lines, starts[0], starts[1])
    assert (first.author, first.upvotes, first.downvotes) == ("Siberian Grid", 14, 0)
    assert lines[2].index in first.chrome_lines and lines[4].index in first.chrome_lines
    second = scoop.parse_header(lines, starts[1], len(lines))
    assert (second.author, second.downvotes) == ("kuzbass_coal", 1)
    assert second.nesting > first.nesting
    end = scoop.find_end(lines, starts)
    assert end is not None and lines[end].text == "Subscribe to support us."


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("one comment", "•  Subject (3+ / 0-)\nText.\nby ola on Fri Jun 14, 2013 at 05:31 PM\n"),
        ("a plain bullet list", "•  Bread (2 kg)\n•  Milk (1 l)\n"),
    ],
)
def test_no_starts(label: str, text: str) -> None:
    assert scoop.find_starts(split_lines(text)) == [], label


@pytest.mark.parametrize(
    ("text", "chrome"),
    [("[ Parent ]", True), ("Recommended by:", True), ("Parent company pays.", False)],
)
def test_chrome(text: str, chrome: bool) -> None:
    assert scoop.is_chrome(split_lines(text)[0]) is chrome
