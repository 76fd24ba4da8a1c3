"""A mail archive's thread page where every message opens with its block of labelled header
fields, in whatever order and spelling the archive prints them::

    Subject:  Re: <subject>            'Field: value' lines, a colon then spaces or a tab
    From:     <Name> (<address>)       (:func:`~flows.stages.mail_fields.header_block`):
    Date:     <date>                   the sender's and the date's fields, any others
    List:     <list name>              ('To:', 'List:', 'Message-ID:') beside them
    <text>

The shape is the mail header's own, shared by list archives of every kind, so it is read
whatever the archive's chrome around it. The first block opens the opening post (its
subject is the thread's title, its 'Re:' stripped); the others reply to it, flat, except
that a message opening with a quote's attribution ('<Name> wrote:') replies to the latest
earlier message of that sender, and so does one opening by addressing an earlier sender by
first name ('Thanks, Hanna,'). A block under a caption ('-----Original Message-----') or
quoted ('> From: …') heads a message quoted whole inside a reply, not a message of the
page, and so is every block but the first where the blocks go back in time (a reply chain,
newest first). A last resort (``LAST_RESORT``): a page of such blocks that another layout
reads better (a digest's, a saved mailbox's) keeps that reading; not generic among the last
resorts, since labelled fields name the sender and date where a repeated frame line only
separates.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from flows.stages.mail_fields import (
    CAPTION_RULE,
    MAIN_LABEL,
    RECIPIENT_FIELD,
    SENDER_FIELD,
    SUBJECT_FIELD,
    header_block,
    value_cells,
)
from flows.stages.segment.blocks import quote_depth
from flows.stages.segment.grammars._common import (
    Opening,
    message_head,
    next_content,
    previous_content,
)
from flows.stages.segment.grammars.mail_conversation import (
    is_chrome as conversation_chrome,
)
from flows.stages.segment.grammars.mail_conversation import (
    message_header,
)
from flows.stages.segment.lines import Line
from flows.stages.segment.meta import find_date
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header
from flows.stages.segment.webpage import sender_name

NAME = "field_blocks"
LAST_RESORT = True
EVIDENCE = "messages under header field blocks"
MIN_MESSAGES = 2
ARCHIVE_FIELD = re.compile(r"^[A-Z][A-Za-z-]{1,24}:[\t ]+\S.{0,80}$")
"""A field the archive adds to the mail's own under them ('List:\tnet.example.discuss',
'Attachments: 1'): one capitalised word before the colon, a short value."""


@dataclass(frozen=True, slots=True)
class Block:
    """One message's header block: where it stands, its length, and what its fields say."""

    position: int
    n_lines: int
    author: str
    published: str | None
    subject: int | None


def _block_at(lines: Sequence[Line], texts: Sequence[str], position: int) -> Block | None:
    end = header_block(texts, position)
    if end == position or quote_depth(texts[position]):
        return None
    above = previous_content(lines, position)
    if above is not None and (
        CAPTION_RULE.match(lines[above].text) or lines[above].text.endswith(":")
    ):
        return None  # a message quoted whole under its caption or an attribution
    author: str | None = None
    published: str | None = None
    subject: int | None = None
    for at in range(position, end):
        text = texts[at]
        if SENDER_FIELD.match(text) and author is None:
            author = sender_name(text) or value_cells(text)[0] or None
            if published is None and (sent := find_date(text)) is not None:
                published = sent[0]  # 'From : <Name>  <address>  <date>': when it was sent
        elif SUBJECT_FIELD.match(text) and subject is None:
            subject = at
        elif RECIPIENT_FIELD.match(text):
            continue  # 'To : <Name>  <date>': when it was received, not sent
        elif published is None and find_date(MAIN_LABEL.sub("", text)) is not None:
            published = MAIN_LABEL.sub("", text).strip()
    if author is None:
        return None
    while end < len(texts) and ARCHIVE_FIELD.match(texts[end]):
        end += 1
    if end < len(texts) and _is_rule(texts[end]):
        end += 1  # the rule closing a message reader's header box
    return Block(position, end - position, author, published, subject)


MIN_RULE_CHARS = 10


def _is_rule(text: str) -> bool:
    """A rule drawn under a header box: a line of marks, no letter or digit."""
    return len(text) >= MIN_RULE_CHARS and not any(char.isalnum() for char in text)


def blocks(lines: Sequence[Line]) -> list[Block]:
    """Every message's header block on the page (:func:`_scan`), or none when fewer than
    ``MIN_MESSAGES``."""
    found = _scan(lines)
    if len(found) < MIN_MESSAGES or _back_in_time(found):
        return []
    return found


def _scan(lines: Sequence[Line]) -> list[Block]:
    """Every header block that opens a message on the lines."""
    texts = [line.text for line in lines]
    found: list[Block] = []
    position = 0
    while position < len(lines):
        hit = _block_at(lines, texts, position) if not lines[position].is_blank else None
        if hit is not None:
            found.append(hit)
            position += hit.n_lines
        else:  # past the whole of a block that opens no message: its tail opens none either
            position = max(position + 1, header_block(texts, position))
    return found


def _back_in_time(found: Sequence[Block]) -> bool:
    """Whether a block is dated before the one above it: a reply chain, each message quoting
    the older one under it whole (a saved mail, 'From:' blocks without a caption), where an
    archive's thread page lists its messages as they were sent."""
    days = [_day(block.published) for block in found]
    return any(
        earlier is not None and later is not None and later < earlier
        for earlier, later in pairwise(days)
    )


def _day(published: str | None) -> str | None:
    found = find_date(published) if published is not None else None
    return found[1] if found is not None else None


def is_chrome(line: Line) -> bool:
    """The archive's chrome between messages, as on a conversation page ('3 messages')."""
    return conversation_chrome(line)


def find_starts(lines: Sequence[Line]) -> list[int]:
    """The replies' header blocks (the first message is the opening post)."""
    return [hit.position for hit in blocks(lines)[1:]]


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    texts = [line.text for line in lines]
    hit = _block_at(lines, texts, position)
    if hit is None:
        return Header(author=None, n_lines=1, nesting=0)
    return message_header(lines, position, end, (hit.n_lines, hit.author, hit.published))


SALUTATION = re.compile(
    r"^(?:(?i:hi|hello|dear|thanks|thank you|привет|спасибо|здравствуйте)\s*,?\s+)?"
    r"(?P<name>[A-ZА-ЯЁ][^\W\d_]{1,20})\s*[,!:]"
)
"""A reply's first line addressing someone by first name ('Kirill,', 'Thanks, Hanna, the
annexes…', 'Hi Anna!'): it answers that person's latest message."""


def parse_headers(lines: Sequence[Line], starts: Sequence[int]) -> list[Header]:
    """Every reply's header (:func:`parse_header`); a reply with no quote attribution that
    opens by addressing an earlier sender by first name (:data:`SALUTATION`) replies to
    them, the name resolved to the one earlier sender who has it."""
    senders = [hit.author for hit in blocks(lines)]
    ends = [*starts[1:], len(lines)]
    found: list[Header] = []
    for at, end in zip(starts, ends, strict=True):
        header = parse_header(lines, at, end)
        if header.reply_to is None:
            earlier = senders[: len(found) + 1]
            addressed = _addressed(lines, at + header.n_lines, end, earlier)
            if addressed is not None and addressed != header.author:
                header = dataclasses.replace(header, reply_to=addressed)
        found.append(header)
    return found


def _addressed(lines: Sequence[Line], body: int, end: int, senders: Sequence[str]) -> str | None:
    first = next_content(lines, body - 1, end)
    match = SALUTATION.match(lines[first].text) if first is not None else None
    if match is None:
        return None
    named = {sender for sender in senders if sender.split()[0] == match.group("name")}
    return named.pop() if len(named) == 1 else None


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The first message's head: its subject field is the title, the lines above its block
    the page's furniture. `lines` may end above the first reply (the opening post's region):
    its one block is read."""
    found = _scan(lines)[:1]
    if not found:
        return None
    first = found[0]
    subject_text = (
        MAIN_LABEL.sub("", lines[first.subject].text).strip() if first.subject is not None else None
    )
    opening = Opening(
        first.position,
        first.n_lines,
        first.author,
        first.published,
        len(lines),
        first.subject,
        subject_text,
    )
    return message_head(lines, opening, conversation_chrome)
