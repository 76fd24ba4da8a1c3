"""Nabble topics (forums and mailing-list archives shown as forums), as their "list" view
scrapes to text.

One post::

    <name>                               the poster
    Reply | Threaded                     the button row that opens every post
    Open this post in threaded view
    ♦  |                                 glyph lines of the menu
    Report Content as Inappropriate
    [<Subject>]                          the mail's subject ("Re: <title>" on replies)
    <body>                               mail quoting ("On <date>, <name> <[hidden
                                         email]> wrote:", "> ..."), "... [show rest of
                                         quote]"

The list view shows every message flat, in date order. The opening post is the page's
first post unless its subject is a reply ("Re:"); a later page gives a stub. Above the
first post: the topic title (over "‹ Previous Topic Next Topic ›"), view switches and the
message count; under the last: "« Return to <list> | N views" and Nabble's footer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from flows.stages.segment.grammars._common import (
    REPLY_PREFIX,
    Opening,
    next_content,
    opening_head,
    stub_head,
)
from flows.stages.segment.lines import Line, ends_sentence
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "nabble"

BUTTONS = re.compile(r"^Reply\s*\|\s*Threaded$", re.IGNORECASE)
MENU = re.compile(
    r"^(?:Reply\s*\|\s*Threaded|Open this post in threaded view|Report Content as Inappropriate"
    r"|[♦|]|More|Delete this post|Edit this post|Reply to author|Reply to this post"
    r"|Print post|Permalink|Raw mail)$",
    re.IGNORECASE,
)
CHROME = re.compile(
    r"^(?:\.\.\.\s*\[show rest of quote\]|«\s*Return to .{1,80}|Free forum by Nabble.{0,40}"
    r"|Disable Popup Windows|Edit this page|‹\s*Previous Topic\s+Next Topic\s*›"
    r"|classic Classic list List threaded Threaded|(?:Locked\s+)?\d+ messages?|Options"
    r"|Search everywhere only in this topic|Advanced Search|Sign In|Register|Nabble"
    r"|\[hidden email\]|Selected post|Loading\.\.\.)$",
    re.IGNORECASE,
)
MAX_NAME_CHARS = 60


@dataclass(frozen=True, slots=True)
class Found:
    """One post header: the name line, the menu under it and the subject line."""

    position: int
    n_lines: int
    author: str
    subject: int | None
    subject_text: str | None


def _header_at(lines: Sequence[Line], position: int) -> Found | None:
    name = lines[position]
    buttons = next_content(lines, position)
    if (
        name.is_blank
        or len(name.text) > MAX_NAME_CHARS
        or ends_sentence(name.text)
        or MENU.match(name.text)
        or buttons is None
        or not BUTTONS.match(lines[buttons].text)
    ):
        return None
    last = buttons
    at = next_content(lines, buttons)
    while at is not None and MENU.match(lines[at].text):
        last, at = at, next_content(lines, at)
    subject = subject_text = None
    if at is not None and _is_subject(lines[at].text):
        last, subject, subject_text = at, at, lines[at].text
    return Found(position, last - position + 1, name.text, subject, subject_text)


def _is_subject(text: str) -> bool:
    """A mail subject over the body: short, no sentence end unless a question."""
    return len(text) <= 200 and (text.endswith("?") or not ends_sentence(text))


def headers(lines: Sequence[Line]) -> list[Found]:
    return [
        hit for position in range(len(lines)) if (hit := _header_at(lines, position)) is not None
    ]


def _opens_topic(found: Sequence[Found]) -> bool:
    return bool(found) and not REPLY_PREFIX.match(found[0].subject_text or "")


def find_starts(lines: Sequence[Line]) -> list[int]:
    """Positions of the reply headers (the opening post's is not one)."""
    found = headers(lines)
    replies = found[1:] if _opens_topic(found) else found
    return [hit.position for hit in replies]


def is_chrome(line: Line) -> bool:
    """The post menus, view switches, counters and Nabble's footer."""
    return len(line.text) <= 200 and bool(MENU.match(line.text) or CHROME.match(line.text))


def _body_end(lines: Sequence[Line], start: int, end: int) -> int:
    """Where the page's footer begins under a post ("« Return to ..."), else `end`."""
    for at in range(start, end):
        if lines[at].text.startswith("« Return to") or lines[at].text.startswith("Free forum by"):
            return at
    return end


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    hit = _header_at(lines, position)
    if hit is None:
        return Header(author=lines[position].text, n_lines=1, nesting=0)
    furniture = _body_end(lines, position + hit.n_lines, end)
    chrome = {line.index for line in lines[furniture:end] if not line.is_blank}
    return Header(author=hit.author, n_lines=hit.n_lines, nesting=0, chrome_lines=frozenset(chrome))


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The opening post's head (its subject is the title), or a later page's stub."""
    found = headers(lines)
    if not _opens_topic(found):
        topic = next(
            (
                lines[at].text
                for position, line in enumerate(lines)
                if line.text.startswith("‹ Previous Topic")
                and (at := _previous(lines, position)) is not None
            ),
            None,
        )
        return stub_head(lines, is_chrome, topic)
    first = found[0]
    body_start = first.position + first.n_lines
    body_end = _body_end(lines, body_start, len(lines))
    opening = Opening(
        first.position,
        first.n_lines,
        first.author,
        None,
        body_end,
        first.subject,
        first.subject_text,
    )
    return opening_head(lines, opening, is_chrome)


def _previous(lines: Sequence[Line], position: int) -> int | None:
    for at in range(position - 1, -1, -1):
        if not lines[at].is_blank:
            return at
    return None
