"""Imageboard threads (4chan and its clones, 2ch-style boards), as their pages scrape
to text.

One post::

    [<subject>] <name> [(ID: <id>)] <MM/DD/YY(Day)HH:MM:SS> No.<N> [▶>><M> >><K> …]
                                   (2ch style: '<name> 12/03/24 Втр 21:05:33 №<N>')
    [File: <name> (<size>, <W>x<H>)]
    [>><N> [(OP)]]                 reply links: the posts this one answers
    [><quoted text>]               a quotation ("greentext")
    <text>

The first post is the opening post (:func:`parse_post`: its subject is the title); the
others are comments. A comment's parent is the first post its reply links name, when that
is an earlier comment; a reply to the opening post, or one with no link, is at the top
level. The back-links after a header ('▶>>N'), file lines, the reply-link lines and the
board's buttons ('[Return] [Catalog] [Top]') are chrome; the buttons under the last post
open the page's footer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from flows.stages.segment.grammars._common import content_indices, post_head
from flows.stages.segment.lines import Line
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "imageboard"

STAMP = r"(?P<date>\d{2}/\d{2}/\d{2}\s*(?:\(\w{2,3}\)|\s\w{2,3}\s)\s*\d{2}:\d{2}(?::\d{2})?)"
HEADER = re.compile(
    rf"^(?P<lead>.{{1,160}}?)\s+(?:\(ID:\s*\S{{1,12}}\)\s+)?{STAMP}\s+(?:No\.|№)\s*(?P<no>\d{{2,12}})"
    r"(?:\s+\[Reply\])?(?:\s*▶?\s*(?:>>\d{2,12}\s*)*)?$"
)
NAMES = re.compile(r"(?:^|\s)(?P<name>Anonymous|Аноним|Anonyme)$")
LINK = re.compile(r">>(?P<no>\d{2,12})")
LINK_LINE = re.compile(r"^(?:>>\d{2,12}(?:\s*\((?:OP|You|Cross-thread)\))?\s*)+$")
FILE = re.compile(r"^File:\s*\S.{0,120}\(\s*[\d.,]+\s*[KMG]?B\b.*\)$", re.IGNORECASE)
BUTTONS = re.compile(r"^(?:\[[^\[\]]{1,40}\]\s*)+$")


@dataclass(frozen=True, slots=True)
class Post:
    """One post header: its position, what it says."""

    position: int
    author: str
    subject: str | None
    published: str
    number: str


def _read(text: str, position: int) -> Post | None:
    match = HEADER.match(text)
    if match is None:
        return None
    lead = match.group("lead").strip()
    named = NAMES.search(lead)
    if named is not None:
        author, subject = named.group("name"), lead[: named.start()].strip() or None
    else:
        author, subject = lead, None
    return Post(position, author, subject, match.group("date"), match.group("no"))


def posts(lines: Sequence[Line]) -> list[Post]:
    found = []
    for at, line in enumerate(lines):
        if ("No." in line.text or "№" in line.text) and (post := _read(line.text, at)):
            found.append(post)
    return found


def find_starts(lines: Sequence[Line]) -> list[int]:
    """The replies' headers: every post header after the first, two at least."""
    found = posts(lines)
    return [post.position for post in found[1:]] if len(found) >= 3 else []


def is_chrome(line: Line) -> bool:
    text = line.text
    return bool(FILE.match(text) or LINK_LINE.match(text) or BUTTONS.match(text))


def find_end(lines: Sequence[Line], starts: Sequence[int]) -> int | None:
    """The board's buttons under the last post ('[Return] [Catalog] [Top]'): the footer."""
    for at in range(starts[-1] + 1, len(lines)):
        if BUTTONS.match(lines[at].text):
            return at
    return None


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    post = _read(lines[position].text, position)
    if post is None:
        return Header(author=lines[position].text, n_lines=1, nesting=0)
    target = None
    for line in lines[position + 1 : end]:
        if LINK_LINE.match(line.text):
            target = LINK.search(line.text)
            break
        if not line.is_blank and not is_chrome(line):
            break
    return Header(
        author=post.author,
        n_lines=1,
        nesting=0,
        published=post.published,
        number=post.number,
        reply_to_number=target.group("no") if target else None,
    )


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The opening post: its subject is the title, the board's head above it chrome."""
    found = posts(lines)
    if not found:
        return None
    first = found[0]
    header = lines[first.position]
    return post_head(
        title=first.subject,
        title_lines=set(),
        author=first.author,
        published=first.published,
        meta_lines={header.index},
        chrome_lines=content_indices(lines[: first.position]),
    )
