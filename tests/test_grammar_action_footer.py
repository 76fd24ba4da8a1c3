"""Labelled cases for the action-footer comment grammar (Facebook comments plugin style;
invented snippets)."""

from __future__ import annotations

import pytest

from flows.stages.segment.grammars import action_footer
from flows.stages.segment.lines import split_lines

THREAD = """\
Add a comment...

Olga Berg
Top Commenter
Prices went up again.
Like · Reply · 14 · 2y

    Stas Lind
    Not in our shop.
    Like · Reply · 2y · Edited

Vera Tsoi
The ferry is the real problem.
Like · Reply · 3 · 1y

Facebook Comments Plugin
"""


def test_find_starts_and_header() -> None:
    lines = split_lines(THREAD)
    starts = action_footer.find_starts(lines)
    assert [lines[at].text for at in starts] == ["Olga Berg", "Stas Lind", "Vera Tsoi"]
    first = action_footer.parse_header(lines, starts[0], starts[1])
    assert (first.author, first.n_lines, first.score, first.age) == ("Olga Berg", 2, 14, "2y")
    second = action_footer.parse_header(lines, starts[1], starts[2])
    assert (second.n_lines, second.score, second.edited) == (1, None, True)
    assert second.nesting > first.nesting
    end = action_footer.find_end(lines, starts)
    assert end is not None and lines[end - 1].text == "Like · Reply · 3 · 1y"


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("one footer", "Olga Berg\nPrices went up.\nLike · Reply · 2y\n"),
        ("no age", "Olga\nText.\nLike · Reply\n\nPetr\nText.\nLike · Reply\n"),
        (
            "a sentence over the footer",
            "We met.\nLike · Reply · 2y\n\nThey left.\nLike · Reply · 1y\n",
        ),
    ],
)
def test_no_starts(label: str, text: str) -> None:
    assert action_footer.find_starts(split_lines(text)) == [], label


@pytest.mark.parametrize(
    ("text", "chrome"),
    [
        ("Like · Reply · 6 · 2y", True),
        ("View 3 more replies", True),
        ("Add a comment...", True),
        ("Like the reply from the ministry, this is vague.", False),
    ],
)
def test_chrome(text: str, chrome: bool) -> None:
    assert action_footer.is_chrome(split_lines(text)[0]) is chrome
