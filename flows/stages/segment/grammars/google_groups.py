"""Google Groups conversations (the 2020 web UI), as their pages scrape to text.

One message::

    [<Name>'s profile photo]          the avatar's alt text
    <Name>
    [unread,]
    <Sep 20, 2021, 9:14:02 AM>        its date
    to <group or names>               the recipients
    <text>                            quoting: "On <date> <Name> wrote:", "> ..."

Above the first message: the site's menu, the subject, "<N> views" and "Skip to first
unread message"; under the last: "Reply all", "Reply to author", "Forward" and the page's
own buttons. A conversation page shows every message in date order, flat: the first is
the opening post (its subject is the title), the others are replies to the thread.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from flows.stages.segment.grammars._common import (
    MessageHeader,
    next_content,
    subject_head,
)
from flows.stages.segment.lines import Line, ends_sentence
from flows.stages.segment.meta import find_date
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "google_groups"

PHOTO = re.compile(r"^(?P<name>\S.{0,60}?)['’]s profile photo$")
UNREAD = re.compile(r"^unread,?$", re.IGNORECASE)
RECIPIENTS = re.compile(r"^to\s+\S.{0,200}$")
CHROME = re.compile(
    r"^(?:.{1,60}['’]s profile photo|unread,?|Reply all|Reply to author|Forward|Reply"
    r"|\d+ new messages?|\d+ views?|Skip to first unread message|Search|Clear search"
    r"|Close search|Google apps|Main menu|Groups|Conversations|About|Send feedback|Help"
    r"|Sign in|My groups|Privacy\s*•\s*Terms|- ?show quoted text ?-|- ?hide quoted text ?-"
    r"|Show trimmed content|Hide quoted text|Show quoted text|Report message|Show original"
    r"|Mark as unread|Download message)$",
    re.IGNORECASE,
)
MAX_NAME_CHARS = 60


def _header_at(lines: Sequence[Line], position: int) -> MessageHeader | None:
    first = lines[position]
    at: int | None = position
    photo = PHOTO.match(first.text)
    if photo is not None:
        at = next_content(lines, position)
    if at is None:
        return None
    name = lines[at].text
    if (
        not name
        or len(name) > MAX_NAME_CHARS
        or ends_sentence(name)
        or CHROME.match(name)
        or (photo is not None and name != photo.group("name"))
    ):
        return None
    date_at = next_content(lines, at)
    if date_at is not None and UNREAD.match(lines[date_at].text):
        date_at = next_content(lines, date_at)
    if date_at is None or find_date(lines[date_at].text) is None or len(lines[date_at].text) > 60:
        return None
    recipients = next_content(lines, date_at)
    if recipients is None or not RECIPIENTS.match(lines[recipients].text):
        return None
    return MessageHeader(position, recipients - position + 1, name, lines[date_at].text)


def headers(lines: Sequence[Line]) -> list[MessageHeader]:
    found: list[MessageHeader] = []
    if not any(RECIPIENTS.match(line.text) for line in lines):
        return found  # every header ends in its recipients line
    for position in range(len(lines)):
        if found and position < found[-1].position + found[-1].n_lines:
            continue  # inside the header just read (its name line under the photo line)
        hit = _header_at(lines, position)
        if hit is not None:
            found.append(hit)
    return found


def find_starts(lines: Sequence[Line]) -> list[int]:
    """The replies' headers (the first message is the opening post); one reply at least."""
    return [hit.position for hit in headers(lines)[1:]]


def is_chrome(line: Line) -> bool:
    return len(line.text) <= 120 and bool(CHROME.match(line.text))


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    hit = _header_at(lines, position)
    if hit is None:
        return Header(author=lines[position].text, n_lines=1, nesting=0)
    return Header(
        author=hit.author,
        n_lines=min(hit.n_lines, end - position),
        nesting=0,
        published=hit.published,
    )


def find_end(lines: Sequence[Line], starts: Sequence[int]) -> int | None:
    """The buttons under the last message ("Reply all", ...) and what follows."""
    if not starts:
        return None
    return next((at for at in range(starts[-1], len(lines)) if lines[at].text == "Reply all"), None)


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The first message's head: the subject above it is the title."""
    found = headers(lines)
    if not found:
        return None
    return subject_head(lines, found[0], is_chrome)
