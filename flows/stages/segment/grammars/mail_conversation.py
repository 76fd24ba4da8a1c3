"""A mail conversation printed or archived as one page: several messages, each under its
sender line, as webmail print views and conversation views show them.

One message::

    <Name> <address>   <date>          the sender, unlabelled, the date beside it (a
                                       print view's table row), or on the next line;
                                       or a name alone over an archive timestamp
    [Permalink]                        a toolbar link or two
    [To: <names>]                      recipient fields ('To:', 'Cc:', 'Кому:')
    <text>                             quoting: 'On <date>, <Name> wrote:', '> ...'

Above the first message: the subject and the page's furniture ('Gmail <owner>', '3
messages'). The first message is the opening post (the subject is its title); the others
reply to the conversation, flat. A labelled 'From:' line opens no message here: in a
reply chain it heads a message quoted whole (read by the article's mail head). Generic: the shape is the mail header's, shared by many
clients and archives, so a front-end's own grammar wins when it finds as many messages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from flows.stages.mail_fields import RECIPIENT_FIELD, SENDER_FIELD
from flows.stages.segment.blocks import quote_depth
from flows.stages.segment.grammars._common import (
    Opening,
    content_indices,
    next_content,
    opening_head,
    previous_content,
)
from flows.stages.segment.lines import Line
from flows.stages.segment.meta import TWO_DIGITS, find_date, person_name
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header
from flows.stages.segment.webpage import MAIL_SENDER, sender_name

NAME = "mail_conversation"
GENERIC = True

TIMESTAMP = re.compile(
    r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d(?::\d\d)?(?:\s*(?:UTC|GMT|[+-]\d{2}:?\d{2}))?"
)
"""An archive's machine timestamp ('2024-08-14 09:31:02 UTC'): under a name alone (a
mirror that hides the address), it makes the pair a message header."""
LINK_LABEL = re.compile(r"^[A-ZА-ЯЁ][a-zа-яё]{2,11}$")
MAX_LINK_LABELS = 2
"""One capitalised word alone under the header ('Permalink', 'Reply'): a link of the
message's toolbar, part of its header."""
MESSAGE_COUNT = re.compile(r"^\d{1,4}\s+(?:messages?|сообщени[йея])$", re.IGNORECASE)
MAX_DATE_LINE_CHARS = 60
MIN_MESSAGES = 2


@dataclass(frozen=True, slots=True)
class Found:
    """One message header: the sender line down to its last recipient field."""

    position: int
    n_lines: int
    author: str
    published: str


def _header_at(lines: Sequence[Line], position: int) -> Found | None:
    text = lines[position].text
    if quote_depth(text) or text.endswith(":") or SENDER_FIELD.match(text):
        return None  # a quote, its attribution, or a labelled header field (a reply chain's)
    if "<" not in text or "@" not in text:
        # no sender line with its date beside the address: a date line must follow; this is
        # tested first, since it is cheaper than reading a name
        date_at = next_content(lines, position)
        if date_at is None or not _may_be_date_line(lines[date_at].text):
            return None
    name = sender_name(text)
    bare = name is None
    if bare:
        name = person_name(text)
    if name is None:
        return None
    match = MAIL_SENDER.match(text)
    last = position
    if match is not None and match.group("when"):
        published = match.group("when")
    else:
        date_at = next_content(lines, position)
        if date_at is None:
            return None
        date_text = lines[date_at].text
        if len(date_text) > MAX_DATE_LINE_CHARS or find_date(date_text) is None:
            return None
        if bare and not TIMESTAMP.fullmatch(date_text):
            return None  # a name alone needs a whole archive timestamp under it
        published, last = date_text, date_at
    while (at := next_content(lines, last)) is not None and RECIPIENT_FIELD.match(lines[at].text):
        last = at
    labels = 0
    while (
        labels < MAX_LINK_LABELS
        and (at := next_content(lines, last)) is not None
        and LINK_LABEL.match(lines[at].text)
    ):
        last, labels = at, labels + 1
    return Found(position, last - position + 1, name, published)


def _may_be_date_line(text: str) -> bool:
    """What a header's date line holds at least: a short line with a year's two digits."""
    return len(text) <= MAX_DATE_LINE_CHARS and TWO_DIGITS.search(text) is not None


def headers(lines: Sequence[Line]) -> list[Found]:
    """Every message header on the page, or none when fewer than ``MIN_MESSAGES``."""
    found: list[Found] = []
    position = 0
    while position < len(lines):
        hit = _header_at(lines, position) if not lines[position].is_blank else None
        if hit is not None:
            found.append(hit)
            position += hit.n_lines
        else:
            position += 1
    return found if len(found) >= MIN_MESSAGES else []


def find_starts(lines: Sequence[Line]) -> list[int]:
    """The replies' headers (the first message is the opening post)."""
    return [hit.position for hit in headers(lines)[1:]]


PAREN_NOTE = re.compile(r"^\([^()]{1,40}\)$")
"""A note in parentheses on a line of its own ('(too old to reply)'): the archive's."""


def is_chrome(line: Line) -> bool:
    return bool(MESSAGE_COUNT.match(line.text) or PAREN_NOTE.match(line.text))


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


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The first message's head: the subject above it (past a message count) is the title;
    the lines above the subject are the page's furniture."""
    found = headers(lines)
    if not found:
        return None
    first = found[0]
    at = previous_content(lines, first.position)
    while at is not None and is_chrome(lines[at]):
        at = previous_content(lines, at)
    opening = Opening(
        first.position,
        first.n_lines,
        first.author,
        first.published,
        len(lines),
        at,
        lines[at].text if at is not None else None,
    )
    head = opening_head(lines, opening, is_chrome)
    chrome = content_indices(lines[: first.position]) - head.title_lines
    return PostHead(
        title=head.title,
        title_lines=head.title_lines,
        author=head.author,
        published=head.published,
        meta_lines=head.meta_lines,
        chrome_lines=frozenset(chrome) | head.chrome_lines,
    )
