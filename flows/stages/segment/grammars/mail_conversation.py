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
reply to the conversation, flat, except that a message opening with a quote's attribution
('Post by <Name>', '<Name> wrote:', 'On <date>, <Name> wrote:') replies to the latest
earlier message of that sender: mail quotes what it answers; where the headers are indented
(a client's thread view), the indentation nests the replies. A labelled 'From:' line opens
no message here: in a reply chain it heads a message quoted whole (read by the article's
mail head); nor does a sender line over a header block with its own 'Subject:' (a mail
client's thread view whose messages are each titled: a mail digest's). Generic: the shape
is the mail header's, shared by many clients and archives, so a front-end's own grammar
wins when it finds as many messages.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from flows.stages.mail_fields import RECIPIENT_FIELD, SENDER_FIELD, SUBJECT_FIELD
from flows.stages.segment.blocks import quote_depth
from flows.stages.segment.grammars._common import (
    MessageHeader,
    next_content,
    subject_head,
)
from flows.stages.segment.lines import Line, ends_sentence
from flows.stages.segment.meta import TWO_DIGITS, WROTE_VERBS, find_date, person_name
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


def _header_at(lines: Sequence[Line], position: int) -> MessageHeader | None:
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
    if at is not None and SUBJECT_FIELD.match(lines[at].text):
        return None  # a message titled by its own header block: a mail digest's (digest)
    labels = 0
    while (
        labels < MAX_LINK_LABELS
        and (at := next_content(lines, last)) is not None
        and LINK_LABEL.match(lines[at].text)
    ):
        last, labels = at, labels + 1
    return MessageHeader(position, last - position + 1, name, published)


def _may_be_date_line(text: str) -> bool:
    """What a header's date line holds at least: a short line with a year's two digits."""
    return len(text) <= MAX_DATE_LINE_CHARS and TWO_DIGITS.search(text) is not None


def headers(lines: Sequence[Line]) -> list[MessageHeader]:
    """Every message header on the page (:func:`_scan`), or none when fewer than
    ``MIN_MESSAGES``."""
    found = _scan(lines)
    return found if len(found) >= MIN_MESSAGES else []


def _scan(lines: Sequence[Line]) -> list[MessageHeader]:
    """Every message header on the lines."""
    found: list[MessageHeader] = []
    position = 0
    while position < len(lines):
        hit = _header_at(lines, position) if not lines[position].is_blank else None
        if hit is not None:
            found.append(hit)
            position += hit.n_lines
        else:
            position += 1
    return found


def find_starts(lines: Sequence[Line]) -> list[int]:
    """The replies' headers (the first message is the opening post)."""
    return [hit.position for hit in headers(lines)[1:]]


ATTRIBUTION = re.compile(
    r"^(?:Post by\s+(?P<post>[^\s<>@][^<>@]{0,60}?)"
    r"|(?:On\s.{4,80}?,\s+)?(?P<wrote>[^\s<>@,][^<>@,]{0,60}?)(?:\s+<[^<>\s]+>)?"
    rf"\s+(?:{WROTE_VERBS}):)$"
)
"""A reply's first line naming whom it quotes: its parent in a mail archive."""
CLOCK_PREFIX = re.compile(r"^.*?\d{1,2}:\d\d(?::\d\d)?(?:\s*[AaPp]\.?[Mm]\.?)?\s+")
"""The date and time an attribution gives before the name ('On Mon, Sep 9, 2024 at 10:14
AM Name <address> wrote:')."""


MAX_LINKS_OVER_TEXT = 2
"""Short lines (toolbar links: 'Raw Message') a message may show over its first line."""
MAX_LINK_CHARS = 24


def quote_attribution(lines: Sequence[Line], after: int, end: int) -> tuple[int, str] | None:
    """(position, sender) of the attribution on the message's first line after its header
    (past a toolbar link or two), None when it opens with none."""
    at = after
    for _ in range(MAX_LINKS_OVER_TEXT + 1):
        found = next_content(lines, at, end)
        if found is None:
            return None
        text = lines[found].text
        match = ATTRIBUTION.match(text)
        if match is not None:
            name = CLOCK_PREFIX.sub("", match.group("post") or match.group("wrote"))
            return found, name.strip()
        if len(text) > MAX_LINK_CHARS or ends_sentence(text):
            return None
        at = found
    return None


PAREN_NOTE = re.compile(r"^\([^()]{1,40}\)$")
"""A note in parentheses on a line of its own ('(too old to reply)'): the archive's."""


def is_chrome(line: Line) -> bool:
    return bool(MESSAGE_COUNT.match(line.text) or PAREN_NOTE.match(line.text))


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    hit = _header_at(lines, position)
    if hit is None:
        return Header(author=lines[position].text, n_lines=1, nesting=0)
    return message_header(lines, position, end, (hit.n_lines, hit.author, hit.published))


def message_header(
    lines: Sequence[Line], position: int, end: int, found: tuple[int, str, str | None]
) -> Header:
    """The header of a message whose header, `found` (its length, sender and date), opens
    at `position`, cut at the message's `end`; nested by its indentation (a client's thread
    view indents each reply under the message it answers), replying to whom the attribution
    on its first line names."""
    n_lines = min(found[0], end - position)
    attribution = quote_attribution(lines, position + n_lines - 1, end)
    return Header(
        author=found[1],
        n_lines=n_lines,
        nesting=lines[position].indent,
        published=found[2],
        reply_to=attribution[1] if attribution else None,
    )


def parse_headers(lines: Sequence[Line], starts: Sequence[int]) -> list[Header]:
    """Every reply's header (:func:`parse_header`), with the lines under a reply's
    attribution that repeat the text of the message it names as its quote lines (an
    archive that prints quotes without their '>' markers)."""
    messages = headers(lines)
    bounds = [*(hit.position for hit in messages[1:]), len(lines)]
    ends = [*starts[1:], len(lines)]
    latest: dict[str, tuple[int, int]] = {}  # sender -> body span of their latest message
    passed = 0
    found: list[Header] = []
    for at, end in zip(starts, ends, strict=True):
        while passed < len(messages) and messages[passed].position < at:
            hit = messages[passed]
            latest[hit.author.casefold()] = (hit.position + hit.n_lines, bounds[passed])
            passed += 1
        header = parse_header(lines, at, end)
        source = latest.get(header.reply_to.casefold()) if header.reply_to else None
        if source is not None:
            quoted = _repeated(lines, at + header.n_lines, end, lines[source[0] : source[1]])
            header = dataclasses.replace(header, quote_lines=quoted)
        found.append(header)
    return found


def _repeated(lines: Sequence[Line], body: int, end: int, source: Sequence[Line]) -> frozenset[int]:
    """The run of lines under the reply's attribution whose text stands in the quoted
    message's text (its lines may be wrapped differently)."""
    attribution = quote_attribution(lines, body - 1, end)
    if attribution is None:
        return frozenset()
    text = " ".join(" ".join(line.text.split()) for line in source if not line.is_blank)
    quoted: set[int] = set()
    at = attribution[0]
    while (found := next_content(lines, at, end)) is not None:
        if " ".join(lines[found].text.split()) not in text:
            break
        quoted.add(lines[found].index)
        at = found
    return frozenset(quoted)


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The first message's head: the subject above it (past a message count) is the title;
    the lines above the subject are the page's furniture. `lines` may end above the first
    reply (the opening post's region): its one header is read."""
    found = _scan(lines)
    if not found:
        return None
    return subject_head(lines, found[0], is_chrome)
