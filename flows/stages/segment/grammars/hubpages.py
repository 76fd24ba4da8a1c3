"""Numbered-reply forums (HubPages style), as their pages scrape to text.

One post::

    <i>. <name> profile image<N>             (list number; the avatar's alt text; the
                                              author's site score glued after it)
    <name>posted <5 years ago>[in reply to this]
    <body>

The list number 1 is the opening post (read by :func:`parse_post`); replies are flat
comments ("in reply to this" links to a post the text does not name). Without number 1,
the lines above the first reply are read as an ordinary post.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from flows.stages.segment.grammars._common import (
    Opening,
    next_content,
    opening_head,
)
from flows.stages.segment.lines import Line
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "hubpages"

ITEM = re.compile(r"^(?P<i>\d{1,5})\.\s+(?P<name>\S.{0,50}?)\s*profile image\s*\d{0,4}$")
POSTED = re.compile(
    r"^(?P<name>\S.{0,50}?)\s*posted\s+(?P<age>.{1,40}?\sago)\s*(?P<reply>\[in reply to this\])?$"
)
CHROME = re.compile(
    r"^(?:\[in reply to this\]|Jump to Last Post|Reply|Report|Sort by:?.*|\d+ posts?"
    r"|(?:Log in|Sign up|Sign in) to (?:reply|post).*)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Found:
    position: int
    n_lines: int
    number: int
    author: str
    age: str


def _header_at(lines: Sequence[Line], position: int) -> Found | None:
    item = ITEM.match(lines[position].text)
    if item is None:
        return None
    at = next_content(lines, position)
    posted = POSTED.match(lines[at].text) if at is not None else None
    if at is None or posted is None or posted.group("name") != item.group("name"):
        return None
    number, author = int(item.group("i")), item.group("name")
    return Found(position, at - position + 1, number, author, posted.group("age"))


def headers(lines: Sequence[Line]) -> list[Found]:
    """Every post header of the page, the opening post's included."""
    return [
        hit
        for position, line in enumerate(lines)
        if "profile image" in line.text and (hit := _header_at(lines, position)) is not None
    ]


def find_starts(lines: Sequence[Line]) -> list[int]:
    """Positions of the reply headers (number 1 is the opening post)."""
    found = headers(lines)
    if found and found[0].number == 1:
        found = found[1:]
    return [hit.position for hit in found]


def is_chrome(line: Line) -> bool:
    """Forum furniture: reply links, jump and sort controls, post counters."""
    return bool(CHROME.match(line.text))


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    hit = _header_at(lines, position)
    if hit is None:
        return Header(author=lines[position].text, n_lines=1, nesting=0)
    n_lines = min(hit.n_lines, end - position)
    return Header(author=hit.author, n_lines=n_lines, nesting=0, age=hit.age)


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The opening post's head (number 1), or a stub's title on a later page."""
    found = headers(lines)
    if not found or found[0].number != 1:
        return None
    first = found[0]
    opening = Opening(first.position, first.n_lines, first.author, None, len(lines))
    return opening_head(lines, opening, is_chrome)
