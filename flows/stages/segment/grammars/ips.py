"""Invision Community (IPS 4) topics, as their pages scrape to text.

Above the posts: the topic title, "By <name>, <date> in <Forum>" ("Started by …" on older
versions), "Followers N", "Recommended Posts". One post::

    <name>                            (often twice: the author pane and its mobile copy)
    [<group>]                         ("Members"), a rank, a badge ("Popular Post")
    [<N posts> | <2.1k>]              (the content count)
    [<Field>: <value>]                (profile fields, "Location: …")
    Posted <July 26, 2020>[ (edited)] ("Posted 5 hours ago", "Posted Monday at 09:12 AM")
    <body>                            ("On <date> at <time>, <name> said:" opens a
                                      quotation, "Expand" closes a long one)
    [Edited <date> by <name>]         (and the edit reason on the next line)
    [<N>]                             (the post's reactions count)
    Link to comment
    Share on other sites
    More sharing options...

The first post of the first page is the opening post, read by :func:`parse_post`; replies
are flat comments. A later page ("Page N of M" with N > 1, or a first post that is not
the starter's) yields a stub with the title and the starter. The reactions count is the
post's ``score``. The sign-in box and the "Recently Browsing" footer after the last post
are furniture.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from flows.stages.segment.grammars._common import (
    Opening,
    content_indices,
    is_crumbs,
    is_prose,
    next_content,
    opening_head,
    page_number,
    previous_content,
    quoted_lines,
    stub_head,
)
from flows.stages.segment.lines import Line
from flows.stages.segment.meta import find_date
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "ips"

CLOCK = r"\d{1,2}:\d\d(?::\d\d)?(?:\s?[AaPp][Mm])?"
DAY = (
    r"[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}"
    r"|\d{1,4}[-./]\d{1,2}[-./]\d{2,4}"
)
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun|To|Yester)day"
WHEN = (
    rf"(?:{DAY})(?:,?\s+(?:at\s+|-\s+)?{CLOCK})?|{WEEKDAY}\s+at\s+{CLOCK}"
    r"|(?:\d{1,3}|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago|just now"
)
POSTED = re.compile(rf"^Posted\s+(?:on\s+)?(?P<date>{WHEN})(?P<edited>\s*\(edited\))?$")
EDITED = re.compile(rf"^Edited\s+(?:{WHEN})\s+by\s+\S.{{0,60}}$")
STARTED = re.compile(
    rf"^(?:By|Started by)\s+(?P<name>\S.{{0,60}}?),\s+(?P<date>{WHEN})(?:\s+in\s+\S.{{0,120}})?$"
)
SAID = re.compile(r"^(?:On\s+.{4,60}?,\s+)?(?P<name>\S.{0,60}?)\s+said:\s*(?P<rest>\S.*)?$|^Quote$")
EXPAND = re.compile(r"^Expand$")
COUNT = re.compile(r"^\d{1,6}$")
BADGE = re.compile(r"^Popular Post$")
"""A badge the author pane may show between the name and the "Posted" line."""
FIELD = re.compile(r"^[A-Z][\w ]{1,30}:\s*\S.{0,80}$")
TAIL = re.compile(r"^(?:Link to comment|Share on other sites|More sharing options\.\.\.)$")
PAGE_MARKS = re.compile(
    r"^(?:Recommended Posts|Share on other sites|Link to comment|More sharing options\.\.\."
    r"|Powered by Invision Community|Followers\s+\d{1,7})$"
)
"""Lines only an Invision topic shows; the page must show one."""
CHROME = re.compile(
    r"^(?:Jump to content|Existing user\? Sign In|Sign Up|Sign In|Sign in|Register|Browse"
    r"|Activity|Leaderboard|More|Search|All Activity|Home|Share|Followers\s+\d{1,7}"
    r"|Sign in to follow this(?:\s+Followers\s+\d{1,7})?|Recommended Posts|Start new topic"
    r"|Reply to this topic(?:\.\.\.)?|Prev|Next|(?:Prev\s+)?(?:\d{1,5}\s+){1,12}Next"
    r"|Page \d{1,5} of \d{1,5}|Link to comment|Share on other sites"
    r"|More sharing options\.\.\.|Report post|Quote|Expand|Popular Post"
    r"|Create an account or sign in to comment"
    r"|You need to be a member in order to leave a comment|Create an account"
    r"|Sign up for a new account in our community\. It's easy!|Register a new account"
    r"|Already have an account\? Sign in here\.|Sign In Now|Go to topic listing"
    r"|Recently Browsing\s+\d{1,6} members?|No registered users viewing this page\."
    r"|Theme|Privacy Policy|Contact Us|Powered by Invision Community)$"
)
END_MARK = re.compile(
    r"^(?:Create an account or sign in to comment|Reply to this topic\.\.\.|Go to topic listing"
    r"|Recently Browsing\s+\d{1,6} members?|Powered by Invision Community)$"
)
MAX_PROFILE_LINES = 10


@dataclass(frozen=True, slots=True)
class Found:
    """One post header: its first line, the line after its "Posted …" line, what it says."""

    position: int
    body_start: int
    author: str
    published: str
    edited: bool


def _is_page(lines: Sequence[Line]) -> bool:
    return any(PAGE_MARKS.match(line.text) for line in lines)


def _author_pane(lines: Sequence[Line], posted: int) -> tuple[int, str] | None:
    """(position, author) of the author pane above a "Posted …" line: walk up over its
    short lines (name, group, rank, content count, profile fields) to the previous post's
    tail, the topic head or prose. The name is the topmost line that is not a bare count
    (a reactions count left by a theme without the tail); the pane shows more than it."""
    pane: list[int] = []
    at = previous_content(lines, posted)
    while at is not None and len(pane) < MAX_PROFILE_LINES:
        text = lines[at].text
        if (
            not FIELD.match(text)
            and not BADGE.match(text)
            and (CHROME.match(text) or is_prose(text) or POSTED.match(text) or STARTED.match(text))
        ):
            break
        pane.append(at)
        at = previous_content(lines, at)
    pane.reverse()
    named = [at for at in pane if not COUNT.match(lines[at].text)]
    if not named or len(pane) < 2:
        return None
    return named[0], lines[named[0]].text


def _header_at(lines: Sequence[Line], posted: int) -> Found | None:
    match = POSTED.match(lines[posted].text)
    if match is None:
        return None
    pane = _author_pane(lines, posted)
    if pane is None:
        return None
    start, author = pane
    return Found(start, posted + 1, author, match.group("date"), bool(match.group("edited")))


def headers(lines: Sequence[Line]) -> list[Found]:
    """Every post header of the page, the opening post's included (none on a page that
    shows no Invision furniture)."""
    found = [
        hit
        for position, line in enumerate(lines)
        if line.text.startswith("Posted") and (hit := _header_at(lines, position)) is not None
    ]
    return found if found and _is_page(lines) else []


def _started(lines: Sequence[Line]) -> tuple[int, str, str] | None:
    """(position, starter, date) of the "By <name>, <date> in <Forum>" line."""
    for position, line in enumerate(lines):
        if match := STARTED.match(line.text):
            return position, match.group("name"), match.group("date")
    return None


def _opens_topic(lines: Sequence[Line], first: Found) -> bool:
    """Whether the page's first post is the opening post: page 1, and the starter's post
    of the topic's date when the head names them."""
    if (page_number(lines[: first.position]) or 1) > 1:
        return False
    started = _started(lines[: first.position])
    if started is None:
        return True
    if started[1] != first.author:
        return False
    topic_day, post_day = find_date(started[2]), find_date(first.published)
    return topic_day is None or post_day is None or topic_day[1] == post_day[1]


def find_starts(lines: Sequence[Line]) -> list[int]:
    """Positions of the reply headers (the first post of page 1 is the opening post)."""
    found = headers(lines)
    if found and _opens_topic(lines, found[0]):
        found = found[1:]
    return [hit.position for hit in found]


def is_chrome(line: Line) -> bool:
    """Invision furniture: the navigation, follow and share buttons, post tails, edit
    notes, quotation headers and "Expand", the sign-in box and the footer."""
    text = line.text
    if CHROME.match(text) or STARTED.match(text) or EDITED.match(text) or is_crumbs(text):
        return True
    said = SAID.match(text)
    return said is not None and not said.group("rest")


def _furniture_start(lines: Sequence[Line], start: int, end: int) -> tuple[int, int | None]:
    """(where a post's furniture begins, its reactions count): the "Edited …" note, the
    reactions count over the tail, or the tail ("Link to comment", "Share on other
    sites")."""
    for at in range(start, end):
        text = lines[at].text
        if EDITED.match(text) or TAIL.match(text):
            return at, _count_in(lines, at, end)
        following = next_content(lines, at, end)
        if COUNT.match(text) and (following is None or TAIL.match(lines[following].text)):
            return at, int(text)
    return end, None


def _count_in(lines: Sequence[Line], start: int, end: int) -> int | None:
    """The reactions count among the furniture lines before the tail."""
    for at in range(start, end):
        text = lines[at].text
        if COUNT.match(text):
            return int(text)
        if TAIL.match(text):
            return None
    return None


def quote_lines(lines: Sequence[Line], start: int, end: int) -> set[int]:
    """Indices of quoted lines: from a "… said:" line to the "Expand" that closes it
    (quotations nest); without "Expand" in the post, the line after each attribution."""
    if not any(EXPAND.match(lines[at].text) for at in range(start, end)):
        return quoted_lines(lines, start, end, SAID)
    quoted: set[int] = set()
    depth = 0
    for at in range(start, end):
        line = lines[at]
        if SAID.match(line.text):
            depth += 1
        elif EXPAND.match(line.text):
            depth = max(depth - 1, 0)
        elif depth and not line.is_blank:
            quoted.add(line.index)
    return quoted


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    hit = next(
        (
            found
            for at in range(position, min(end, position + MAX_PROFILE_LINES + 2))
            if POSTED.match(lines[at].text) and (found := _header_at(lines, at))
        ),
        None,
    )
    if hit is None or hit.position != position:
        return Header(author=lines[position].text, n_lines=1, nesting=0)
    furniture, score = _furniture_start(lines, hit.body_start, end)
    return Header(
        author=hit.author,
        n_lines=hit.body_start - position,
        nesting=0,
        score=score,
        edited=hit.edited or any(EDITED.match(line.text) for line in lines[furniture:end]),
        published=hit.published,
        chrome_lines=frozenset(content_indices(lines[furniture:end])),
        quote_lines=frozenset(quote_lines(lines, hit.body_start, furniture)),
    )


def find_end(lines: Sequence[Line], starts: Sequence[int]) -> int | None:
    """Where the page's furniture after the last post begins (the sign-in box, "Reply to
    this topic...", "Go to topic listing", "Recently Browsing"); None without it."""
    if not starts:
        return None
    for position in range(starts[-1] + 1, len(lines)):
        if END_MARK.match(lines[position].text):
            return position
    return None


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The opening post's head (the title above "By …", author and date from its header),
    or a later page's stub (title and starter)."""
    found = headers(lines)
    started = _started(lines)
    title_at = previous_content(lines, started[0]) if started else None
    hint = lines[title_at].text if title_at is not None else None
    if not found or not _opens_topic(lines, found[0]):
        return stub_head(lines, is_chrome, hint, started[1] if started else None)
    first = found[0]
    body_end, _ = _furniture_start(lines, first.body_start, len(lines))
    opening = Opening(
        first.position, first.body_start - first.position, first.author, first.published, body_end
    )
    quotes = quote_lines(lines, first.body_start, body_end)
    return opening_head(lines, opening, is_chrome, quotes, hint)
