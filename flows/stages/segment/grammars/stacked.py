"""Comment headers stacked one field a line (Tildes, Teddit, mbin and the like), as their
pages scrape to text.

One comment::

    <name>                      (u/name, name@instance, [deleted], deleted by creator)
    [<instance>]                "lemmy.ml", "@lemmy.world" (federated front-ends); over
                                one, the name may be a display name of a few words
    [OP | (OP)]                 badge
    [<N> points]                score; a bare count under an instance line
    <age>                       "4h", "3 days ago", "2 d"
    [OP | (OP)]                 badge
    [edited <age>]              edit mark
    [▲ | <N> | ▼]               the vote column, the score between its buttons
    [Link | Link Parent]        permalink links
    <body>
    [Vote (<N>) | <up> <down>]  the vote button with its count, or two bare counts
    [Reply | Boost | More …]    action links

Nesting is the indentation of the name line. A page needs two such headers and a sign that
they are comments (an action link, a score or a badge): a name over an age alone is also
how news listings show a source. A header that shows an instance line (name, instance,
age: Photon, Voyager and other front-ends of federated forums) reads a bare count among
its lines as the score; without one a bare number is never read. A first header with no
running text above it and a comment counter ('12 comments') before the next header is the
opening post's, whether its title stands above or below it. The lines above the first
comment hold the thread's head: its title (the first title-shaped line of four words or
more), its author ("Posted by X", "submitted … by X", "X to magazine@instance"), its text
(sentences); the rest is furniture.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from flows.stages.segment.grammars._common import (
    COUNTER,
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
INSTANCE = re.compile(r"^@?(?:[a-z0-9][a-z0-9\-]{0,62}\.)+[a-z]{2,12}$", re.IGNORECASE)
"""The instance line under a name on a federated forum's page ('lemmy.ml', '@feddit.org')."""
DELETED = re.compile(r"^(?:deleted|removed) by (?:creator|author|mod|moderator|admin)$")
"""What a federated front-end shows in a deleted comment's name slot: nobody is named."""
ANONYMOUS = frozenset({"[deleted]", "[removed]"})
"""A name slot of a deleted comment that the page shows as a name (kept as the author)."""
SCORE = re.compile(r"^(?P<score>[-−]?\d[\d,.]*[kK]?)\s+points?$")
EDITED = re.compile(r"^edited(?:\s+\S.{0,30})?$", re.IGNORECASE)
LINKS = re.compile(r"^(?:Link|Link Parent|permalink|parent)$", re.IGNORECASE)
VOTE = re.compile(r"^Vote\s*\((?P<n>\d+)\)$")
COUNT = re.compile(r"^[-−]?\d{1,7}$")
ACTION = re.compile(
    r"^(?:Reply|Bookmark|Boost|More|Share|Report|Save|Remove|Label|Vote|Vote\s*\(\d+\))$"
)
MORE = re.compile(
    r"^(?:(?:load|show|view)\s+)?(?:\d{1,5}\s+)?more\s+(?:replies|comments)$", re.IGNORECASE
)
"""A link that loads more of the thread ('More replies', 'Load more comments')."""
VERSION = re.compile(r"^[A-Z][\w\-]{1,30}\s+v?\d{1,4}(?:\.\d{1,4}){1,3}$")
"""A front-end's or server's name and version in the page footer ('Lemmy v0.19.5')."""
LINK_BOX = re.compile(
    r"^(?:Link information|This data is scraped automatically and may be incorrect\.)$"
)
"""The box a link topic shows under its title (Tildes): what a scraper read off the link."""
POSTED_BY = re.compile(
    r"^(?:Posted by|submitted\b.*?\bby)\s+(?:u/)?(?P<name>[\w][\w.\-@]{1,60})(?:\s+to\s+\S+)?$"
    r"|^(?P<poster>[\w][\w.\-]{1,39}@[\w\-]+(?:\.[\w\-]+)+)\s+to\s+\S+@\S+$"
    r"|^(?:by|от|von|par|por)\s+(?P<member>[\w][\w.\-@]{1,60})\s+(?:to|in|в|an|à|dans|en)\s+"
    r"[\w][\w.\-@]{1,60}(?:\s+[·•]\s+\S.{0,24})?$"
)
"""A post's byline: 'Posted by name', 'submitted … by name to community', 'name@host to
community@host', or a community front-end's 'by name to community · 5h' in its locale
('от name в community · 5 ч.')."""


def byline_name(byline: re.Match[str]) -> str:
    """The poster a :data:`POSTED_BY` match names."""
    return byline.group("name") or byline.group("poster") or byline.group("member")


DISPLAY_NAME = re.compile(r"^(?P<name>[^\W\d_][\w.'\-]*(?:\s[^\W\d_][\w.'\-]*){0,3})$")
"""A display name of a few words ('Marta Kowalczyk'): a name only over an instance line."""
ARROW = re.compile(r"^[▲△⬆↑⇧▼▽⬇↓⇩]$")
"""An up or down vote button of a vote column printed one field a line (up, count, down)."""
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
    author: str | None
    is_op: bool
    score: int | None
    edited: bool
    age: str
    instance: str | None = None


def _header_at(lines: Sequence[Line], position: int) -> Found | None:
    """The header starting at `position`: a name line, then (no blank line between) badge
    and score lines, the age line, an edit mark and permalink lines."""
    first = lines[position].text
    deleted = DELETED.match(first) is not None
    at, is_op, score, age = position + 1, False, None, None
    instance = None
    if at < len(lines) and INSTANCE.match(lines[at].text) and not AGE.match(lines[at].text):
        instance = lines[at].text.lstrip("@")
        at += 1
    name = None if deleted or first.isdigit() else NAME_LINE.match(first)
    if name is None and instance is not None:
        name = DISPLAY_NAME.match(first)
    if name is None and not deleted:
        return None
    counted = instance is not None or deleted or first in ANONYMOUS
    while at < len(lines) and at - position < MAX_HEADER + counted and age is None:
        text = lines[at].text
        if BADGE.match(text):
            is_op = True
        elif (points := SCORE.match(text)) is not None:
            score = shown_count(points.group("score"))
        elif counted and score is None and COUNT.match(text):
            score = shown_count(text.replace("−", "-"))
        elif AGE.match(text):
            age = text
        else:
            return None
        at += 1
    if age is None:
        return None
    edited = False
    while at < len(lines) and at - position < MAX_HEADER + counted:
        text = lines[at].text
        if EDITED.match(text):
            edited = True
        elif BADGE.match(text):
            is_op = True
        elif score is None and SIGNED_SCORE.match(text):
            score = shown_count(text.replace("–", "-"))  # a rating under the age
        elif ARROW.match(text):
            pass  # the vote column's buttons
        elif score is None and COUNT.match(text) and ARROW.match(lines[at - 1].text):
            score = shown_count(text.replace("−", "-"))  # the count between them
        elif not LINKS.match(text):
            break
        at += 1
    author = name.group("name") if name is not None else None
    return Found(at - position, author, is_op, score, edited, age, instance)


def _headers(lines: Sequence[Line]) -> dict[int, Found]:
    """Every header, none starting inside an earlier one's lines (an instance line over
    an age is no header of its own)."""
    headers: dict[int, Found] = {}
    covered = 0
    for position, line in enumerate(lines):
        if position < covered or line.is_blank:
            continue
        found = _header_at(lines, position)
        if found is not None:
            headers[position] = found
            covered = position + found.n_lines
    return headers


def find_starts(lines: Sequence[Line]) -> list[int]:
    """Header positions, when there are two and the page shows they are comments."""
    found = _headers(lines)
    if len(found) < 2:
        return []
    marked = any(hit.is_op or hit.score is not None for hit in found.values())
    if not marked and not any(ACTION.match(line.text) for line in lines):
        return []
    starts = sorted(found)
    if not _texts_under(lines, starts, found):
        return []
    first = found[starts[0]]
    if (
        _opening(lines, starts[0], starts[1]) is not None
        or _counted_opening(lines, starts[0], starts[1], first)
        or _titled_opening(lines, starts[0], starts[1], first)
    ):
        return starts[1:]
    return starts


def _texts_under(lines: Sequence[Line], starts: Sequence[int], found: dict[int, Found]) -> bool:
    """Whether at least half the headers have text under them (a line of prose before the
    next header): comments say something, the rows of a table of names and counts (a
    leaderboard, a staff list) do not."""
    ends = [*starts[1:], len(lines)]
    spoken = sum(
        1
        for start, end in zip(starts, ends, strict=True)
        if any(
            is_prose(line.text) or ends_sentence(line.text)
            for line in lines[start + found[start].n_lines : end]
            if not line.is_blank
        )
    )
    return 2 * spoken >= len(starts)


def _counted_opening(lines: Sequence[Line], position: int, end: int, found: Found) -> bool:
    """Whether the header at `position` is the opening post's by its counter: no running
    text above it, running text under it, and a comment counter ('12 comments') before
    the next header at `end`."""
    if found.author is None or has_text(lines[:position]):
        return False
    below = lines[position + found.n_lines : end]
    counted = any(
        line.text[:1].isdigit() and COUNTER.match(line.text) is not None for line in below
    )
    return counted and has_text(below)


def _titled_opening(lines: Sequence[Line], position: int, end: int, found: Found) -> bool:
    """Whether the header at `position` is the opening post's by its title: a poster's
    header with an instance line (name, instance, age), no running text above it, and a
    title-shaped line of `MIN_TITLE_WORDS` words or more opening the lines under it, a
    paragraph of its own over running text (a comment opens with what it says)."""
    if found.instance is None or has_text(lines[:position]):
        return False
    first = next_content(lines, position + found.n_lines - 1, end)
    if first is None or first + 1 >= end or not lines[first + 1].is_blank:
        return False
    text = lines[first].text
    return (
        len(text.split()) >= MIN_TITLE_WORDS
        and is_title_like(text)
        and not text.endswith("?")
        and has_text(lines[first + 1 : end])
    )


def _opening(lines: Sequence[Line], position: int, end: int) -> tuple[int, int] | None:
    """(title position, position after the head) when the header at `position` is the
    opening post's: no running text above it, and a rated title under it (name, age,
    title, signed rating: a blog platform's post over its comments)."""
    found = _header_at(lines, position)
    if found is None or has_text(lines[:position]):
        return None
    return title_below(lines, position + found.n_lines, end)


def is_chrome(line: Line) -> bool:
    """Action links, permalink links, links to more of the thread, the link-information
    box and the footer's software versions."""
    text = line.text
    return bool(
        ACTION.match(text)
        or LINKS.match(text)
        or LINK_BOX.match(text)
        or MORE.match(text)
        or VERSION.match(text)
    )


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
        instance=found.instance,
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


def _poster(lines: Sequence[Line]) -> tuple[str, set[int]] | None:
    """(author, header line indices) of the opening post's own header above the first
    comment (name, instance, age: see :func:`_counted_opening`), None when the region
    shows none that names someone."""
    for at, line in enumerate(lines):
        if line.is_blank:
            continue
        found = _header_at(lines, at)
        if found is not None and found.author is not None and found.instance is not None:
            return found.author, {other.index for other in lines[at : at + found.n_lines]}
    return None


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
    else:
        poster = _poster(lines)
        if poster is not None:
            author = poster[0]
            meta = poster[1]
    for line in lines:
        if line.is_blank or line.index in skip or line.index in meta or line is title:
            continue
        if head is not None and line.index in chrome:
            continue
        byline = POSTED_BY.match(line.text)
        if byline is not None and author is None:
            author = byline_name(byline)
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
