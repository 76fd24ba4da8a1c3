"""vBulletin 5 (Connect) topics, as their pages scrape to text.

One post::

    <name>
    <user title>                   (vBulletin 5 always prints one: "Senior Member")
    Join Date: <Mar 2014>
    Posts: <N>
    #<N>
    [<topic title>]                (on post #1)
    <11-03-2023, 09:14 AM>
    <body>                         ("Originally posted by <name> View Post" opens a quotation)
    [Last edited by <name>; <date>.]
    Comment / Post / Cancel        (the reply box under each post)

Post #1 is the opening post (read by :func:`parse_post`); replies are flat comments.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from flows.stages.segment.grammars._common import Opening, opening_head, quoted_lines
from flows.stages.segment.grammars.vbulletin import EDITED, QUOTE
from flows.stages.segment.lines import Line
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "vbulletin5"

NUMBER = re.compile(r"^#(?P<n>\d{1,6})$")
JOINED = re.compile(r"^Join Date:\s+\S.{0,30}$")
POSTS = re.compile(r"^Posts:\s+[\d,.]+$")
STAMP = re.compile(r"^\d{2}-\d{2}-\d{4},\s+\d{1,2}:\d{2}\s*[AP]M$")
CHROME = re.compile(r"^(?:Comment|Post|Cancel|Working\.\.\.|Tags:\s.{1,200}|Collapse|X)$")
MAX_TITLE_GAP = 2
"""Lines from "#N" to the date: the topic title may stand between them."""


@dataclass(frozen=True, slots=True)
class Found:
    position: int
    n_lines: int
    number: int
    author: str
    published: str
    title: int | None


def _post_at(lines: Sequence[Line], at: int) -> Found | None:
    """The post whose "#N" line is at `at`: profile block above, date below."""
    number = NUMBER.match(lines[at].text)
    if number is None or at < 4:
        return None
    if not (POSTS.match(lines[at - 1].text) and JOINED.match(lines[at - 2].text)):
        return None
    name = lines[at - 4]
    if name.is_blank or lines[at - 3].is_blank:
        return None
    for gap in range(1, MAX_TITLE_GAP + 1):
        if at + gap < len(lines) and STAMP.match(lines[at + gap].text):
            title = lines[at + 1].index if gap == 2 else None
            stamp = lines[at + gap].text
            return Found(at - 4, gap + 5, int(number.group("n")), name.text, stamp, title)
    return None


def _posts(lines: Sequence[Line]) -> list[Found]:
    return [
        found
        for at, line in enumerate(lines)
        if line.text.startswith("#") and (found := _post_at(lines, at)) is not None
    ]


def find_starts(lines: Sequence[Line]) -> list[int]:
    """Where each reply's profile block begins (post #1 is the opening post)."""
    found = _posts(lines)
    if found and found[0].number == 1:
        found = found[1:]
    return [post.position for post in found] if len(found) >= 2 else []


def is_chrome(line: Line) -> bool:
    """The reply box under each post, tags, loading and collapse controls."""
    return bool(CHROME.match(line.text) or EDITED.match(line.text))


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    found = next((post for post in _posts(lines[position : position + 8])), None)
    if found is None:
        return Header(author=lines[position].text, n_lines=1, nesting=0)
    edited = any(EDITED.match(line.text) for line in lines[position:end])
    body = position + found.n_lines
    quoting = next(
        (m for line in lines[body:end] if (m := QUOTE.match(line.text)) and m.group("name")),
        None,
    )
    return Header(
        author=found.author,
        n_lines=min(found.n_lines, end - position),
        nesting=0,
        edited=edited,
        published=found.published,
        reply_to=quoting.group("name") if quoting else None,
        quote_lines=frozenset(quoted_lines(lines, body, end, QUOTE)),
    )


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """Post #1: the title under its number, its author and date."""
    found = _posts(lines)
    if not found or found[0].number != 1:
        return None
    first = found[0]
    opening = Opening(
        first.position, first.n_lines, first.author, first.published, len(lines), first.title
    )
    return opening_head(lines, opening, is_chrome)
