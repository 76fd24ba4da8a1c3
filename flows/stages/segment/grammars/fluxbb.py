"""FluxBB and PunBB topics, as their pages scrape to text.

One post::

    #<N> <date> <time>               the post number and its date ("#2 2023-11-14 19:05:43",
                                     "#3 Today 08:40:19", "#4 Yesterday 21:02:11")
    <name>                           the poster
    [<User title>]                   "Member", "New member", "Moderator", ...
    [Registered: <date>]             the profile block: "Label: value" lines
    [Posts: <N>]
    [<Subject>]                      the topic title on post #1, "Re: <title>" on replies
    <body>                           quotes: "<name> wrote:" over the quoted text
    [Last edited by <name> (<date>)]
    [Offline | Online]               the poster's status closes the post

Post #1 is the opening post, read by :func:`parse_post`; replies are flat comments. A
later page (no #1) gives a stub titled by the breadcrumb's last label or a subject.
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
    quoted_lines,
    strip_reply_prefix,
    stub_head,
)
from flows.stages.segment.lines import Line, ends_sentence
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "fluxbb"

HEADER = re.compile(
    r"^#(?P<n>\d{1,7})\s+(?P<when>(?:\d{4}-\d\d-\d\d|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|Today|Yesterday"
    r"|[A-Z][a-z]{2}\s+\d{1,2},?\s+\d{4})\s+\d{1,2}:\d\d(?::\d\d)?(?:\s*[ap]m)?)$",
    re.IGNORECASE,
)
PROFILE = re.compile(
    r"^(?:Registered|Posts|From|Location|Website|Reputation|Joined|Last visit)\s*:\s*.{0,60}$",
    re.IGNORECASE,
)
STATUS = re.compile(r"^(?:Offline|Online)$")
WROTE = re.compile(r"^(?P<name>\S.{0,60}?)\s+wrote:\s*$")
EDITED = re.compile(r"^Last edited by .{1,60}$")
CHROME = re.compile(
    r"^(?:Offline|Online|Last edited by .{1,60}|Pages:\s*.{0,60}|Board footer|Jump to"
    r"|Powered by (?:FluxBB|PunBB).{0,60}|You are not logged in\.|Topics:\s*.{0,60}"
    r"|Index|User list|Rules|Search|Register|Login|Profile|Log out|Post reply|Quote|Report"
    r"|Subscribe to this topic|Atom topic feed|RSS topic feed|Quick post|Go)$",
    re.IGNORECASE,
)
MAX_TITLE_WORDS = 4


@dataclass(frozen=True, slots=True)
class Found:
    """One post header: where it starts, how many lines it takes (number line, name,
    user title, profile block, subject), and what it says."""

    position: int
    n_lines: int
    number: int
    author: str
    published: str
    subject: int | None


def _header_at(lines: Sequence[Line], position: int) -> Found | None:
    match = HEADER.match(lines[position].text)
    name_at = next_content(lines, position) if match else None
    if match is None or name_at is None or len(lines[name_at].text) > 60:
        return None
    last, subject = name_at, None
    at = next_content(lines, name_at)
    profile = False
    while at is not None and (
        PROFILE.match(lines[at].text) or (not profile and _is_user_title(lines[at].text))
    ):
        profile = profile or bool(PROFILE.match(lines[at].text))
        last, at = at, next_content(lines, at)
    if not profile:
        return None
    if at is not None and _is_subject(lines[at].text):
        last, subject = at, at
    return Found(
        position,
        last - position + 1,
        int(match.group("n")),
        lines[name_at].text,
        match.group("when"),
        subject,
    )


def _is_user_title(text: str) -> bool:
    return len(text.split()) <= MAX_TITLE_WORDS and not ends_sentence(text)


def _is_subject(text: str) -> bool:
    """A post's subject line: short, no sentence end ("Re: <title>" on a reply)."""
    return len(text) <= 150 and (text.endswith("?") or not ends_sentence(text))


def headers(lines: Sequence[Line]) -> list[Found]:
    return [
        hit
        for position, line in enumerate(lines)
        if line.text.startswith("#") and (hit := _header_at(lines, position)) is not None
    ]


def find_starts(lines: Sequence[Line]) -> list[int]:
    """Positions of the reply headers (post #1 is the opening post)."""
    return [hit.position for hit in headers(lines) if hit.number != 1]


def is_chrome(line: Line) -> bool:
    """Board furniture: status, edit notes, pagination, menus, the footer, breadcrumbs."""
    return bool(CHROME.match(line.text)) or (" » " in line.text and is_crumbs(line.text))


def _body_end(lines: Sequence[Line], start: int, end: int) -> int:
    """Where a post's furniture begins: its status line ("Offline"), else `end`."""
    for at in range(start, end):
        if STATUS.match(lines[at].text):
            return at
        if HEADER.match(lines[at].text):
            return at
    return end


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    hit = _header_at(lines, position)
    if hit is None:
        return Header(author=lines[position].text, n_lines=1, nesting=0)
    body_start = position + hit.n_lines
    furniture = _body_end(lines, body_start, end)
    return Header(
        author=hit.author,
        n_lines=hit.n_lines,
        nesting=0,
        edited=any(EDITED.match(line.text) for line in lines[body_start:end]),
        published=hit.published,
        chrome_lines=frozenset(content_indices(lines[furniture:end])),
        quote_lines=frozenset(quoted_lines(lines, body_start, furniture, WROTE)),
    )


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The opening post's head (its subject is the title), or a later page's stub."""
    found = headers(lines)
    if not found or found[0].number != 1:
        crumbs = [line.text for line in lines if " » " in line.text and is_crumbs(line.text)]
        hint = crumbs[0].rsplit(" » ", 1)[-1].strip() if crumbs else None
        return stub_head(lines, is_chrome, strip_reply_prefix(hint) if hint else None)
    first = found[0]
    body_start = first.position + first.n_lines
    body_end = _body_end(lines, body_start, len(lines))
    opening = Opening(
        first.position, first.n_lines, first.author, first.published, body_end, first.subject
    )
    quotes = quoted_lines(lines, body_start, body_end, WROTE)
    return opening_head(lines, opening, is_chrome, quotes)
