"""Forums that print each post as a numbered stamp over a profile block: FluxBB, PunBB
and UBB.threads, as their pages scrape to text.

One post::

    #<N> [- ]<date> <time> [<Subject>]   the post number (FluxBB counts from 1 in each
                                     topic; UBB.threads prints its global id) and date
                                     ("#2 2023-11-14 19:05:43", "#3 Today 08:40:19",
                                     "#38815 - 06/26/20 10:02 PM Re: <title> [Re: <user>]")
    <name>                           the poster
    [<User title>]                   "Member", "New member", "Moderator", ...
    Registered: <date>               the profile block: "Label: value" lines (one at least)
    [Posts: <N>]
    [<Subject>]                      FluxBB: the topic title on the first post, "Re: <title>"
                                     on replies
    <body>                           quotes: "<name> wrote:" over the quoted text
    [Last edited by <name> (<date>)] ("Edited by <name> (<date>)")
    [Offline | Online | Top]         the poster's status, or a "Top" link, closes the post

The opening post is post #1, or the page's first post when its subject is no reply ("Re:");
replies are flat comments, except that a subject ending in "[Re: <user>]" names the post
replied to (that user's latest post above; the opening post's author: the top level). A
later page gives a stub titled by the breadcrumb's last label or a subject.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from flows.stages.segment.grammars._common import (
    REPLY_PREFIX,
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
    r"^#(?P<n>\d{1,9})\s+(?:[-–]\s+)?(?P<when>(?:\d{4}-\d\d-\d\d|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}"
    r"|Today|Yesterday|[A-Z][a-z]{2}\s+\d{1,2},?\s+\d{4}),?\s+\d{1,2}:\d\d(?::\d\d)?(?:\s*[ap]m)?)"
    r"(?:\s+(?P<subject>\S.{0,200}?))?$",
    re.IGNORECASE,
)
REPLY_TO = re.compile(r"\s*\[Re:\s*(?P<name>[^\]]{1,60})\]$")
"""The post replied to, named at the end of a reply's subject: '[Re: Irina_V]'."""
PROFILE = re.compile(
    r"^(?:Registered|Posts|From|Loc|Location|Website|Reputation|Joined|Last visit)\s*:\s*.{0,60}$",
    re.IGNORECASE,
)
STATUS = re.compile(r"^(?:Offline|Online|Top)$")
WROTE = re.compile(r"^(?P<name>\S.{0,60}?)\s+wrote:\s*$")
EDITED = re.compile(r"^(?:Last )?edited by .{1,60}$", re.IGNORECASE)
CHROME = re.compile(
    r"^(?:Offline|Online|Top|(?:Last )?edited by .{1,60}|Pages?:?\s+\d.{0,60}|Board footer"
    r"|Jump to|Hop to:?|Topic Options|Print Thread|Moderators?:\s.{1,120}"
    r"|Powered by .{1,80}|You are not logged in\.|Topics:\s*.{0,60}"
    r"|Index|User list|Rules|Search|Register|Login|Profile|Log out|Post reply|Quote|Report"
    r"|Subscribe to this topic|Atom topic feed|RSS topic feed|Quick post|Go)$",
    re.IGNORECASE,
)
MAX_TITLE_WORDS = 4


@dataclass(frozen=True, slots=True)
class Found:
    """One post header: where it starts, how many lines it takes (stamp line, name, user
    title, profile block, subject line), and what it says."""

    position: int
    n_lines: int
    number: int
    author: str
    published: str
    subject: int | None
    """The position of the line showing the subject (the stamp line when it holds it)."""
    subject_text: str | None
    reply_to: str | None


def _header_at(lines: Sequence[Line], position: int) -> Found | None:
    match = HEADER.match(lines[position].text)
    name_at = next_content(lines, position) if match else None
    if match is None or name_at is None or len(lines[name_at].text) > 60:
        return None
    last = name_at
    at = next_content(lines, name_at)
    profile = False
    while at is not None and (
        PROFILE.match(lines[at].text) or (not profile and _is_user_title(lines[at].text))
    ):
        profile = profile or bool(PROFILE.match(lines[at].text))
        last, at = at, next_content(lines, at)
    if not profile:
        return None
    subject: int | None = None
    subject_text = match.group("subject")
    if subject_text:
        subject = position
    elif at is not None and _is_subject(lines[at].text):
        last, subject, subject_text = at, at, lines[at].text
    marker = REPLY_TO.search(subject_text or "")
    if marker is not None and subject_text is not None:
        subject_text = subject_text[: marker.start()]
    return Found(
        position,
        last - position + 1,
        int(match.group("n")),
        lines[name_at].text,
        match.group("when"),
        subject,
        subject_text,
        marker.group("name").strip() if marker else None,
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


def _opens_topic(found: Sequence[Found]) -> bool:
    """Whether the page's first post is the opening post: post #1, or a first post whose
    subject is no reply."""
    if not found:
        return False
    first = found[0]
    if first.number == 1:
        return True
    return bool(first.subject_text) and not REPLY_PREFIX.match(first.subject_text or "")


def find_starts(lines: Sequence[Line]) -> list[int]:
    """Positions of the reply headers (the opening post's is not one)."""
    found = headers(lines)
    replies = found[1:] if _opens_topic(found) else found
    return [hit.position for hit in replies]


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
        reply_to=hit.reply_to,
        chrome_lines=frozenset(content_indices(lines[furniture:end])),
        quote_lines=frozenset(quoted_lines(lines, body_start, furniture, WROTE)),
    )


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The opening post's head (its subject is the title), or a later page's stub."""
    found = headers(lines)
    if not _opens_topic(found):
        crumbs = [line.text for line in lines if " » " in line.text and is_crumbs(line.text)]
        hint = crumbs[0].rsplit(" » ", 1)[-1].strip() if crumbs else None
        return stub_head(lines, is_chrome, strip_reply_prefix(hint) if hint else None)
    first = found[0]
    body_start = first.position + first.n_lines
    body_end = _body_end(lines, body_start, len(lines))
    opening = Opening(
        first.position,
        first.n_lines,
        first.author,
        first.published,
        body_end,
        first.subject,
        first.subject_text,
    )
    quotes = quoted_lines(lines, body_start, body_end, WROTE)
    return opening_head(lines, opening, is_chrome, quotes)
