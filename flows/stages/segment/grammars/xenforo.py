"""XenForo 1 threads, as their pages scrape to text (posts as a numbered list).

One post::

      <i>. <name>                       (the list number, usually indented)
        <name> <User Title>
        <body>                          ("<name> said: ↑", quoted text, "Click to expand...")
        [Last edited: <date>]           ("Last edited by a moderator: <date>")
        <name>, <Jan 21, 2021>          (author and date under the body)
        #<N>                            (the post number, on its own line or after the date)
        [<A> and <B> like this.]

Above the posts: the thread title, then "Discussion in '<forum>' started by <name>, <date>."
Post #1 is the opening post, read by :func:`parse_post`; replies are flat comments. A later
page (no #1) yields a stub with the title and the starter named by the "Discussion in" line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from flows.stages.segment.grammars._common import (
    Opening,
    content_indices,
    is_crumbs,
    next_content,
    opening_head,
    previous_content,
    stub_head,
)
from flows.stages.segment.lines import Line
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "xenforo"

ITEM = re.compile(r"^\s*(?P<i>\d{1,4})\.\s+(?P<name>\S.{0,50}?)\s*$")
NUMBER = re.compile(r"^#(?P<n>\d{1,7})$")
SAID = re.compile(r"^(?P<name>\S.{0,60}?)\s+(?:said|сказала?|сказал\(а\)):\s*↑?$")
EXPAND = re.compile(r"^(?:Click to expand|Нажмите для раскрытия)\.\.\.$")
EDITED = re.compile(r"^Last edited(?: by a moderator)?:\s*\S.*$")
STARTED = re.compile(
    r"^Discussion in '.{1,80}' started by (?P<name>.{1,60}?),\s*(?P<date>.{3,40}?)\.?$"
)
CHROME = re.compile(
    r"^(?:#\d{1,7}|Click to expand\.\.\.|Last edited(?: by a moderator)?:.*|[^\s,]{1,40}(?:,\s[^\s,]{1,40})*(?:,?\sand\s(?:\d+\sothers?|[^\s,]{1,40}))?\slikes?\sthis\."
    r"|Log in or Sign up|Discussion in '.{1,80}' started by .*|Page \d+ of \d+.*"
    r"|\(You must log in or sign up to (?:reply|post) here\.\)|Share This Page|Tweet"
    r"|Log in with (?:Facebook|Twitter|Google)|Your name or email address:|Password:"
    r"|Do you already have an account\?|Forgot your password\?|Stay logged in"
    r"|No, create an account now\.|Yes, my password is:|Terms and Rules|Privacy Policy"
    r"|Forum software by XenForo.*|Report|Reply|Like|Quote|Watch Thread|Unwatch Thread"
    r"|Thread Status:.*|Not open for further replies\.|Home Forums\b.*"
    r"|[^\s,]{1,40},\s+(?:[A-Z][a-z]{2}\s+\d{1,2},\s+\d{4}|[A-Z][a-z]{2,8}\s+at\s+\d{1,2}:\d\d\s?[AP]M)"
    r"(?:\s+#\d{1,7})?)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Found:
    """One post header (list number and name line), and what its footer says."""

    position: int
    n_lines: int
    author: str
    published: str | None
    number: int | None


def _footer(lines: Sequence[Line], author: str, start: int) -> tuple[str | None, int | None]:
    """(date, post number) from the "<name>, <date>" and "#N" lines under the body."""
    stamp = re.compile(rf"^{re.escape(author)},\s+(?P<date>.{{3,40}}?)(?:\s+#(?P<n>\d{{1,7}}))?$")
    for at in range(start, len(lines)):
        line = lines[at]
        if at > start and _names_line(lines, at) is not None:
            break  # the next post's header
        match = stamp.match(line.text)
        if match is None:
            continue
        if match.group("n"):
            return match.group("date"), int(match.group("n"))
        following = next_content(lines, at)
        number = NUMBER.match(lines[following].text) if following is not None else None
        return match.group("date"), int(number.group("n")) if number else None
    return None, None


def _names_line(lines: Sequence[Line], position: int) -> tuple[str, int] | None:
    """(name, position of the name line) when a list item at `position` opens a post: the
    next line repeats the item's name (with the user title after it)."""
    match = ITEM.match(lines[position].raw)
    second = next_content(lines, position) if match else None
    if match is None or second is None:
        return None
    name, text = match.group("name"), lines[second].text
    return (name, second) if text == name or text.startswith(name + " ") else None


def _header_at(lines: Sequence[Line], position: int) -> Found | None:
    opened = _names_line(lines, position)
    if opened is None:
        return None
    name, second = opened
    published, number = _footer(lines, name, second + 1)
    if published is None:
        return None
    return Found(position, second - position + 1, name, published, number)


def headers(lines: Sequence[Line]) -> list[Found]:
    """Every post header of the page, the opening post's included."""
    return [
        hit
        for position, line in enumerate(lines)
        if line.text[:1].isdigit() and (hit := _header_at(lines, position)) is not None
    ]


def _opens_topic(first: Found) -> bool:
    return first.number == 1


def find_starts(lines: Sequence[Line]) -> list[int]:
    """Positions of the reply headers (post #1 is the opening post)."""
    found = headers(lines)
    if found and _opens_topic(found[0]):
        found = found[1:]
    return [hit.position for hit in found]


def is_chrome(line: Line) -> bool:
    """Forum furniture: post numbers, like lines, quote and edit notes, log-in forms,
    pagination, breadcrumbs, the footer."""
    text = line.text
    return bool(CHROME.match(text)) or is_crumbs(text)


def _furniture_start(lines: Sequence[Line], author: str, start: int, end: int) -> int:
    """Where a post's furniture begins: its "<name>, <date>" line."""
    prefix = author + ", "
    for at in range(start, end):
        if lines[at].text.startswith(prefix) and len(lines[at].text) <= len(prefix) + 50:
            return at
    return end


def quote_lines(lines: Sequence[Line], start: int, end: int) -> set[int]:
    """Indices of quoted lines: between "<name> said: ↑" and "Click to expand..."."""
    quoted: set[int] = set()
    at = start
    while at < end:
        if SAID.match(lines[at].text):
            inner = at + 1
            while inner < end and not EXPAND.match(lines[inner].text):
                if not lines[inner].is_blank:
                    quoted.add(lines[inner].index)
                inner += 1
            at = inner
        at += 1
    return quoted


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    hit = _header_at(lines, position)
    if hit is None:
        return Header(author=lines[position].text, n_lines=1, nesting=0)
    n_lines = min(hit.n_lines, end - position)
    body_start = position + n_lines
    furniture = _furniture_start(lines, hit.author, body_start, end)
    return Header(
        author=hit.author,
        n_lines=n_lines,
        nesting=0,
        edited=any(EDITED.match(line.text) for line in lines[body_start:end]),
        published=hit.published,
        chrome_lines=frozenset(content_indices(lines[furniture:end])),
        quote_lines=frozenset(quote_lines(lines, body_start, furniture)),
    )


def _started(lines: Sequence[Line]) -> tuple[int, str] | None:
    """(position, starter) of the "Discussion in … started by <name>, <date>." line."""
    for position, line in enumerate(lines):
        if match := STARTED.match(line.text):
            return position, match.group("name")
    return None


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The opening post's head (the title above "Discussion in …"), or a stub's."""
    found = headers(lines)
    started = _started(lines)
    title_at = previous_content(lines, started[0]) if started else None
    hint = lines[title_at].text if title_at is not None else None
    if not found or not _opens_topic(found[0]):
        return stub_head(lines, is_chrome, hint, started[1] if started else None)
    first = found[0]
    body_start = first.position + first.n_lines
    body_end = _furniture_start(lines, first.author, body_start, len(lines))
    opening = Opening(first.position, first.n_lines, first.author, first.published, body_end)
    quotes = quote_lines(lines, body_start, body_end)
    return opening_head(lines, opening, is_chrome, quotes, hint)
