"""Feeds of short posts by several people, as a tag page, a search page or a mirror of a
blogging network scrapes to text: one ``teaser`` post per entry (read by the listing
layout). One entry (placeholders in angle brackets)::

    <handle> · <age or date>               ('volga-girl-abroad · 3 days', '@ann · Mar 3')
    [<kind label>]                         ('Text', 'Photo', 'Quote', 'Link', …)
    [<media placeholders>]                 ('Tumblr media Tumblr media')
    [<title>]                              a short heading line over more text
    <text>
    [<n> notes · View notes]               the entry's counters

An author's or archive page that lists ``• <date>`` over each item's untitled text (three
entries or more, no prose outside them) is read the same way: the date is the entry's
header, the run of lines right under it its text, no author.

A channel's or a community's wall is read the same way: the sender's name over each post
(the same line each time, named above the posts too), maybe a date or time under it, the
text, then the counters (``12.4K views`` and the time, ``148`` ``23`` ``3.4K``); the name
is each post's author.

The handle is the post's author; a date (not an age) is its date. Kind labels, media
placeholders and counters are chrome, and so is everything between an entry's counters
and the next entry's header, before the first header and after the last counters.
Detected from two entry headers or more, each with text under it; not when most of them
sit right under a headline (no blank line between): those are a listing's stamp lines
('<headline>' '<section> · 2 hours ago'), read by the listing layout.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from flows.stages.segment.blocks import is_heading
from flows.stages.segment.lines import Line, ends_sentence
from flows.stages.segment.meta import find_date

ENTRY_HEAD = re.compile(
    r"^@?(?P<handle>[^\W_][\w.-]{1,39}(?:@[\w-]+(?:\.[\w-]+)+)?)\s+[·•]\s+(?P<when>\S.{0,30})$"
)
AGE = re.compile(
    r"^(?:\d{1,3}\s*(?:s|m|h|d|w|mo|y|secs?|mins?|hrs?|hours?|days?|weeks?|months?|years?)"
    r"(?:\s+ago)?|just now|yesterday|today)$",
    re.IGNORECASE,
)
KIND_LABEL = re.compile(r"^(?:Text|Photos?|Quote|Link|Chat|Audio|Video|Answer|Ask|Poll)$")
MEDIA = re.compile(r"^(?:(?:Tumblr media|image|photo|video|GIF)\s*)+$", re.IGNORECASE)
COUNTERS = re.compile(
    r"^[\d.,]+\s*[KkMm]?\s+(?:notes?|reblogs?|likes?|comments?)(?:\s*[·•]\s*View notes)?$"
    r"|^View notes$",
    re.IGNORECASE,
)
COUNT_LINE = re.compile(
    r"^\d{1,6}$|^\d{1,3}(?:[ \u00a0\u202f]\d{3})+$|^\d{1,3}(?:[.,]\d)?\s?[KkMm]$"
    r"|^\d[\d.,]*\s?(?:[KkMm]|тыс\.?|млн)?\s+(?:views?|просмотр(?:ов|а)?|прочтени(?:й|я|е)|reads?"
    r"|likes?)$",
    re.IGNORECASE,
)
"""A line that is only a number ('0', '14', '1 254', '1.2K') or a number of views ('41K
views'): an item's count, a link with no words; no part of a title or a summary."""
MIN_ENTRIES = 2
MAX_TITLE_WORDS = 12


@dataclass
class Entry:
    """One feed entry: its header line, title line (if any), text lines, chrome lines."""

    header: Line
    author: str | None
    published: str | None
    title: Line | None = None
    body: list[Line] = field(default_factory=list)
    chrome: list[Line] = field(default_factory=list)


def _header(line: Line) -> tuple[str, str | None] | None:
    """(handle, date as written or None) of an entry header line."""
    match = ENTRY_HEAD.match(line.text)
    if match is None:
        return None
    when = match.group("when").strip()
    if AGE.match(when):
        return match.group("handle"), None
    found = find_date(when)
    return (match.group("handle"), found[0]) if found and len(when) <= 20 else None


def _read(entry: Entry, lines: Sequence[Line]) -> None:
    """Sort an entry's lines into title, text and chrome; text ends at the counters."""
    closed = False
    for line in lines:
        if line.is_blank:
            continue
        text = line.text
        if closed or KIND_LABEL.match(text) or MEDIA.match(text) or COUNTERS.match(text):
            entry.chrome.append(line)
            closed = closed or bool(COUNTERS.match(text))
            continue
        entry.body.append(line)
    if len(entry.body) >= 2:
        first = entry.body[0].text
        short = len(first.split()) <= MAX_TITLE_WORDS and not ends_sentence(first)
        if short and is_heading(first, 150) and not first.startswith("("):
            entry.title = entry.body.pop(0)


def _under_headline(lines: Sequence[Line], at: int) -> bool:
    """Whether the line at `at` sits right under a headline (no blank line between)."""
    if at == 0 or lines[at - 1].is_blank:
        return False
    above = lines[at - 1].text
    return not COUNTERS.match(above) and not ends_sentence(above) and is_heading(above, 150)


DATE_BULLET = re.compile(r"^[•●▪◦*·-]\s+(?P<when>\S.{2,40})$")
"""'• Dec 3, 2021': a bulleted line that is only a date, over an untitled entry's text."""
MIN_DATED_ENTRIES = 3
MAX_CHROME_WORDS = 12


def _dated_header(line: Line) -> str | None:
    """The date of a bulleted date line, as written."""
    match = DATE_BULLET.match(line.text)
    if match is None:
        return None
    found = find_date(match.group("when"))
    return found[0] if found and found[0] == match.group("when").strip() else None


def find_dated_entries(lines: Sequence[Line]) -> list[Entry] | None:
    """The entries of an author's or archive page that lists bulleted dates, each right
    over the untitled text of one item ('• Dec 3, 2021' / '<summary>'), three or more,
    else None. An entry's text is the run of lines right under its date (no blank line
    between); the lines after it are chrome. Not when a line outside the entries reads as
    prose: a bulleted timeline inside an article is no listing."""
    heads = [(at, found) for at, line in enumerate(lines) if (found := _dated_header(line))]
    if len(heads) < MIN_DATED_ENTRIES:
        return None
    entries: list[Entry] = []
    owned: set[int] = set()
    for number, (at, published) in enumerate(heads):
        end = heads[number + 1][0] if number + 1 < len(heads) else len(lines)
        entry = Entry(lines[at], None, published)
        below = at + 1
        while below < end and not lines[below].is_blank and not _dated_header(lines[below]):
            entry.body.append(lines[below])
            below += 1
        if not entry.body:
            return None
        entry.chrome = [line for line in lines[below:end] if not line.is_blank]
        owned.update(line.index for line in [entry.header, *entry.body])
        entries.append(entry)
    outside = [line for line in lines if not line.is_blank and line.index not in owned]
    if any(len(line.text.split()) >= MAX_CHROME_WORDS for line in outside):
        return None
    return entries


MIN_SIGNED_ENTRIES = 3
MAX_SENDER_CHARS = 60
MIN_SIGNED_TEXT_WORDS = 8


def _opens_block(lines: Sequence[Line], at: int) -> bool:
    """Whether the line at `at` opens a block and the post's lines follow it at once (a
    label over a list, 'Tags:' and a blank line, is no sender)."""
    below = at + 1 < len(lines) and not lines[at + 1].is_blank
    return (at == 0 or lines[at - 1].is_blank) and below and not lines[at].text.endswith(":")


def _sender(lines: Sequence[Line]) -> str | None:
    """The line that opens three blocks or more, always the same (a channel's or a
    community's name over each of its posts), when one does and no other line opens two:
    short, with letters, no closing full stop, no count."""
    seen: dict[str, int] = {}
    for at, line in enumerate(lines):
        text = line.text
        if line.is_blank or not _opens_block(lines, at) or len(text) > MAX_SENDER_CHARS:
            continue
        if ends_sentence(text) or COUNT_LINE.match(text) or not any(c.isalpha() for c in text):
            continue
        seen[text] = seen.get(text, 0) + 1
    repeated = [text for text, count in seen.items() if count >= 2]
    if len(repeated) != 1:
        return None  # several names over blocks: a thread's posters, not one wall's sender
    return repeated[0] if seen[repeated[0]] >= MIN_SIGNED_ENTRIES else None


STAMP_ONLY = re.compile(
    r"^[0-3]?\d\s+[^\W\d_]{3,9}\.?(?:\s+(?:в|at)\s+[0-2]?\d:[0-5]\d)?$|^[0-2]?\d:[0-5]\d$"
)
"""'12 мар в 14:05', '9 Mar at 10:12', '09:15': a post's day without its year, or its time."""
MAX_STAMP_EXTRA = 12


def _stamp_date(text: str) -> tuple[bool, str | None]:
    """(whether the line is only a date or a time, the date as written when it gives a
    year)."""
    found = find_date(text)
    if found is not None and len(text) - len(found[0]) <= MAX_STAMP_EXTRA:
        return True, found[0] if found[1] else None
    return bool(STAMP_ONLY.match(text)), None


def find_signed_entries(lines: Sequence[Line]) -> list[Entry] | None:
    """The posts of a channel's or a community's wall (three or more), else None: the
    sender's name opens every post (the same line each time, after a blank line), maybe
    a date or time under it, the text, then the post's counters ('12.4K views', '148').
    The name is each post's author and the counters close its text; what follows them up
    to the next post is chrome, and so is a first block with no counters (the page's head:
    the name over the channel's description). The page names its sender above the posts:
    a label repeated over items with no such head ('Member-only story') is none. Not when
    most posts show no counter: a name repeated over paragraphs is a transcript's speaker
    or a section's heading."""
    sender = _sender(lines)
    if sender is None:
        return None
    heads = [at for at, line in enumerate(lines) if line.text == sender and _opens_block(lines, at)]
    entries: list[Entry] = []
    closed_entries = 0
    first_at = len(lines)
    for number, at in enumerate(heads):
        end = heads[number + 1] if number + 1 < len(heads) else len(lines)
        entry = Entry(lines[at], sender, None)
        closed = False
        for line in lines[at + 1 : end]:
            if line.is_blank:
                continue
            if closed or COUNT_LINE.match(line.text) or COUNTERS.match(line.text):
                entry.chrome.append(line)
                closed = True
                continue
            is_stamp, published = _stamp_date(line.text) if not entry.body else (False, None)
            if is_stamp:
                entry.chrome.append(line)
                entry.published = entry.published or published
                continue
            entry.body.append(line)
        if not closed and not entries:
            continue  # the page's own head: the name over the channel's description
        if not any(len(line.text.split()) >= MIN_SIGNED_TEXT_WORDS for line in entry.body):
            return None
        closed_entries += closed
        first_at = min(first_at, at)
        entries.append(entry)
    if len(entries) < MIN_SIGNED_ENTRIES:
        return None
    if not any(line.text == sender for line in lines[:first_at]):
        return None  # the page never names its sender: a label repeated over items
    if 3 * closed_entries < 2 * len(entries):
        return None
    return entries


def find_entries(lines: Sequence[Line]) -> list[Entry] | None:
    """The entries of a feed page (two or more, each with text), else None."""
    heads = [(at, found) for at, line in enumerate(lines) if (found := _header(line))]
    if len(heads) < MIN_ENTRIES:
        return find_dated_entries(lines) or find_signed_entries(lines)
    if 2 * sum(1 for at, _ in heads if _under_headline(lines, at)) > len(heads):
        return None  # '<headline>' over '<section> · <age>': a listing's items, stamped
    entries: list[Entry] = []
    for number, (at, (author, published)) in enumerate(heads):
        end = heads[number + 1][0] if number + 1 < len(heads) else len(lines)
        entry = Entry(lines[at], author, published)
        _read(entry, lines[at + 1 : end])
        if not entry.body:
            return None
        entries.append(entry)
    return entries
