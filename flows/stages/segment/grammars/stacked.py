"""Comment headers stacked one field a line (Tildes, Teddit, mbin and the like), as their
pages scrape to text.

One comment::

    <name>                      (u/name, name@instance, [deleted])
    [OP | (OP)]                 badge
    [<N> points]                score
    <age>                       "4h", "3 days ago", "2 d"
    [edited <age>]              edit mark
    [Link | Link Parent]        permalink links
    <body>
    [Vote (<N>) | <up> <down>]  the vote button with its count, or two bare counts
    [Reply | Boost | More …]    action links

Nesting is the indentation of the name line. A page needs two such headers and a sign
that they are comments (an action link, a score or a badge): a name over an age alone is
also how news listings show a source. The lines above the first comment hold the thread's
head: its title (the first title-shaped line of four words or more), its author ("Posted
by X", "submitted … by X", "X to magazine@instance"), its text (sentences); the rest is
furniture.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from flows.stages.segment.grammars._common import (
    furniture,
    has_text,
    is_prose,
    is_title_like,
    next_content,
    shown_count,
)
from flows.stages.segment.lines import Line, ends_sentence
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "stacked"

NAME_LINE = re.compile(
    r"^(?:u/)?(?P<name>[\w][\w.\-]{1,39}(?:@[\w\-]+(?:\.[\w\-]+)+)?|\[deleted\])$"
)
AGE = re.compile(
    r"^(?:\d{1,3}\s?(?:s|m|min|h|hr|d|w|mo|y|yr)"
    r"|\d{1,3}\s+(?:second|minute|hour|day|week|month|year)s?\s+ago|just now)$"
)
BADGE = re.compile(r"^(?:OP|\(OP\))$")
SCORE = re.compile(r"^(?P<score>[-−]?\d[\d,.]*[kK]?)\s+points?$")
EDITED = re.compile(r"^edited(?:\s+\S.{0,30})?$", re.IGNORECASE)
LINKS = re.compile(r"^(?:Link|Link Parent|permalink|parent)$", re.IGNORECASE)
VOTE = re.compile(r"^Vote\s*\((?P<n>\d+)\)$")
COUNT = re.compile(r"^[-−]?\d{1,7}$")
ACTION = re.compile(
    r"^(?:Reply|Bookmark|Boost|More|Share|Report|Save|Remove|Label|Vote|Vote\s*\(\d+\))$"
)
LINK_BOX = re.compile(
    r"^(?:Link information|This data is scraped automatically and may be incorrect\.)$"
)
"""The box a link topic shows under its title (Tildes): what a scraper read off the link."""
POSTED_BY = re.compile(
    r"^(?:Posted by|submitted\b.*?\bby)\s+(?:u/)?(?P<name>[\w][\w.\-@]{1,60})(?:\s+to\s+\S+)?$"
    r"|^(?P<poster>[\w][\w.\-]{1,39}@[\w\-]+(?:\.[\w\-]+)+)\s+to\s+\S+@\S+$"
)
SIGNED_SCORE = re.compile(r"^(?:[+−–-]\d{1,6}|0)$")
"""A rating as a sign and a count ('+142', '−5'), or a zero: the comment's score."""
MAX_HEADER = 6
"""Most lines a header takes (name, badge, score, age, edit mark, links)."""
MIN_TITLE_WORDS = 4


MAX_LABELS_OVER_TITLE = 2
"""Short label lines (the post's community, its category) a post may show between its
header and its title."""
MAX_LABEL_WORDS = 3


def title_below(lines: Sequence[Line], body: int, end: int) -> tuple[int, int] | None:
    """(position of the title, position after its rating) of a post that prints its title
    under its header (a blog platform's post: name, stamp, [community], title, rating,
    text): a title-shaped line of `MIN_TITLE_WORDS` words or more among the body's first
    lines, after short labels only, with a signed rating right under it (a title-shaped
    first line without one may open a comment's text). None otherwise."""
    at = next_content(lines, body - 1, end)
    for _ in range(MAX_LABELS_OVER_TITLE + 1):
        if at is None:
            return None
        text = lines[at].text
        under = next_content(lines, at, end)
        if len(text.split()) >= MIN_TITLE_WORDS and is_title_like(text):
            if under is not None and SIGNED_SCORE.match(lines[under].text):
                return at, under + 1
            return None
        if len(text.split()) > MAX_LABEL_WORDS or ends_sentence(text) or is_prose(text):
            return None
        at = under
    return None


@dataclass(frozen=True, slots=True)
class Found:
    n_lines: int
    author: str
    is_op: bool
    score: int | None
    edited: bool
    age: str


def _header_at(lines: Sequence[Line], position: int) -> Found | None:
    """The header starting at `position`: a name line, then (no blank line between) badge
    and score lines, the age line, an edit mark and permalink lines."""
    name = NAME_LINE.match(lines[position].text)
    if name is None:
        return None
    at, is_op, score, age = position + 1, False, None, None
    while at < len(lines) and at - position < MAX_HEADER and age is None:
        text = lines[at].text
        if BADGE.match(text):
            is_op = True
        elif (points := SCORE.match(text)) is not None:
            score = shown_count(points.group("score"))
        elif AGE.match(text):
            age = text
        else:
            return None
        at += 1
    if age is None:
        return None
    edited = False
    while at < len(lines) and at - position < MAX_HEADER:
        text = lines[at].text
        if EDITED.match(text):
            edited = True
        elif score is None and SIGNED_SCORE.match(text):
            score = shown_count(text.replace("–", "-"))  # a rating under the age
        elif not LINKS.match(text):
            break
        at += 1
    return Found(at - position, name.group("name"), is_op, score, edited, age)


def _headers(lines: Sequence[Line]) -> dict[int, Found]:
    return {
        position: found
        for position, line in enumerate(lines)
        if not line.is_blank and (found := _header_at(lines, position)) is not None
    }


def find_starts(lines: Sequence[Line]) -> list[int]:
    """Header positions, when there are two and the page shows they are comments."""
    found = _headers(lines)
    if len(found) < 2:
        return []
    marked = any(hit.is_op or hit.score is not None for hit in found.values())
    if not marked and not any(ACTION.match(line.text) for line in lines):
        return []
    starts = sorted(found)
    if _opening(lines, starts[0], starts[1]) is not None:
        return starts[1:]
    return starts


def _opening(lines: Sequence[Line], position: int, end: int) -> tuple[int, int] | None:
    """(title position, position after the head) when the header at `position` is the
    opening post's: no running text above it, and a rated title under it (name, age,
    title, signed rating: a blog platform's post over its comments)."""
    found = _header_at(lines, position)
    if found is None or has_text(lines[:position]):
        return None
    return title_below(lines, position + found.n_lines, end)


def is_chrome(line: Line) -> bool:
    """Action links, permalink links and the link-information box."""
    text = line.text
    return bool(ACTION.match(text) or LINKS.match(text) or LINK_BOX.match(text))


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    found = _header_at(lines, position)
    if found is None:
        return Header(author=lines[position].text, n_lines=1, nesting=lines[position].indent)
    n_lines = min(found.n_lines, end - position)
    score, upvotes, downvotes = found.score, None, None
    chrome: set[int] = set()
    body = [line for line in lines[position + n_lines : end] if not line.is_blank]
    for at, line in enumerate(body):
        vote = VOTE.match(line.text)
        if vote is not None:
            score = int(vote.group("n"))
            break
        if ACTION.match(line.text):
            counts = []
            for before in reversed(body[max(0, at - 2) : at]):
                if not COUNT.match(before.text):
                    break
                counts.append(before)
            counts.reverse()
            if len(counts) == 2:
                upvotes, downvotes = (shown_count(c.text) for c in counts)
            elif len(counts) == 1:
                score = shown_count(counts[0].text)
            chrome.update(c.index for c in counts)
            break
    return Header(
        author=found.author,
        n_lines=n_lines,
        nesting=lines[position].indent,
        is_op=found.is_op,
        score=score,
        upvotes=upvotes,
        downvotes=downvotes,
        edited=found.edited,
        age=found.age,
        chrome_lines=frozenset(chrome),
    )


def _opening_in(lines: Sequence[Line]) -> tuple[Found, int, int, int] | None:
    """(header, title position, header position, position after the head) of the opening
    post's header in the region above the first comment (see :func:`_opening`)."""
    position = next(
        (at for at, line in enumerate(lines) if not line.is_blank and _header_at(lines, at)),
        None,
    )
    if position is None:
        return None
    below = _opening(lines, position, len(lines))
    found = _header_at(lines, position)
    if below is None or found is None:
        return None
    return found, below[0], position, below[1]


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The thread's head above the first comment: the first title-shaped line of
    `MIN_TITLE_WORDS` words or more, the poster's byline, the text (sentences after the
    title); every other line is furniture."""
    skip = furniture(lines, is_chrome)
    title: Line | None = None
    author: str | None = None
    meta: set[int] = set()
    chrome: set[int] = set()
    head = _opening_in(lines)
    if head is not None:
        title = lines[head[1]]
        author = head[0].author
        meta = {line.index for line in lines[head[2] : head[3]] if not line.is_blank}
        chrome = {line.index for line in lines[: head[2]] if not line.is_blank}
        meta -= {title.index}
    for line in lines:
        if line.is_blank or line.index in skip or line.index in meta or line is title:
            continue
        if head is not None and line.index in chrome:
            continue
        byline = POSTED_BY.match(line.text)
        if byline is not None and author is None:
            author = byline.group("name") or byline.group("poster")
            meta.add(line.index)
        elif (
            title is None and is_title_like(line.text) and len(line.text.split()) >= MIN_TITLE_WORDS
        ):
            title = line
        elif title is None or not (ends_sentence(line.text) or len(line.text) > 100):
            chrome.add(line.index)
    return PostHead(
        title=title.text if title else None,
        title_lines=frozenset({title.index}) if title else frozenset(),
        author=author,
        meta_lines=frozenset(meta),
        chrome_lines=frozenset(chrome),
    )
