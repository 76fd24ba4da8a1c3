"""Classic flat message boards that print each post as a byline block: Phorum (3 and 5),
Discus, WWWBoard and their like, as their pages scrape to text.

One post::

    [<Subject>]                       the topic title on the first post, "Re: <title>" on
                                      replies (a line of its own, right above the byline)
    <byline>                          'Posted by: <name> (<host>)', 'Author: <name> (<host>)'
                                      over a 'Date: <date>' line; or one line 'By <name>
                                      (<user>) on <date>:', 'Posted by <name> on <date>:'
    [Date: <date>]
    [Edited N time(s). Last edit at …]
    <body>                            quotes: "<name> wrote:" over the quoted text
    [<closing row>]                   the same short lines after every post ('Options:
                                      Reply • Quote', 'Reply To This Message')

A byline names the poster and carries a date: a "Label: value" byline with a "Date:" line
under it, or a one-line byline whose poster has a parenthesised aside (a masked host, a
user name) or that closes with a colon, as no article byline does. A page needs two bylines.
The line right above each byline is its subject unless it is the same line above every
byline with no "Re:" among them (a row of links such as 'Top of page … Link to this
message': furniture of the header). Lines that recur in every post's region are the
board's furniture (evidence from repetition, not from the words); the last post's closing
row, or a reply form (a block of 'Label:' lines), ends the comment list.

The opening post is the page's first post when its subject is no reply and no running
text stands above it; replies are flat comments. A page that starts with a reply gives a
stub titled by that reply's subject.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from flows.stages.segment.grammars._common import (
    REPLY_PREFIX,
    Opening,
    content_indices,
    has_text,
    is_title_like,
    next_content,
    opening_head,
    page_number,
    previous_content,
    quoted_lines,
    strip_reply_prefix,
    stub_head,
)
from flows.stages.segment.lines import Line, ends_sentence
from flows.stages.segment.meta import find_date
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "flat_board"

LABELLED = re.compile(
    r"^(?:Posted by|Author|Автор)\s*:\s*(?P<name>[^\s()][^()]{0,59}?)"
    r"(?:\s*\((?P<aside>[^()]{0,80})\))?$",
    re.IGNORECASE,
)
"""A byline as a label and a value ('Posted by: Anna K. ()', 'Author: anna (---.isp.net)')."""
DATE_LINE = re.compile(r"^(?:Date|Posted|Дата)\s*:\s*(?P<date>\S.{3,60})$", re.IGNORECASE)
ONE_LINE = re.compile(
    r"^(?P<verb>Posted by|Post by|By)\s+(?P<name>[^\s()][^()]{0,59}?)(?:\s*\((?P<aside>[^()]{0,80})\))?"
    r"\s+on\s+(?P<date>\S.{3,80}?)(?P<colon>:)?$",
    re.IGNORECASE,
)
"""A byline on one line ('By Anna K. (annak) on Tuesday, March 9, 2004 - 07:42 pm:')."""
NUMERIC_STAMP = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:,?\s+\d{1,2}:\d\d(?::\d\d)?)?")
"""A numeric date a board prints with a two-digit year ('02-26-05 06:48'): a date, though
which of day and month comes first only the board's settings say."""
SHORT_DATE = re.compile(r"^(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<y>\d\d)(?!\d)")
MAX_MONTH = 12
CENTURY_PIVOT = 69
"""Two-digit years up to it are 20xx, later ones 19xx (the POSIX reading of '%y')."""
EDIT_NOTE = re.compile(r"^(?:Edited\s+\d+\s+time|Last edit(?:ed)?\s+(?:at|by|on)\s)", re.IGNORECASE)
WROTE = re.compile(r"^(?P<name>\S.{0,60}?)\s+(?:wrote|написал[аи]?)\s*:\s*$", re.IGNORECASE)
QUOTE_RULE = re.compile(r"^[-=_]{8,}$")
"""The rule a board prints under a quote's attribution, over the quoted lines."""
FORM_LABEL = re.compile(r"^[^\W\d][^:]{0,30}:(?:\s+[^\W\d][^:]{0,30}:)?$")
"""A reply form's field label ('Username:', 'E-mail:', 'Username: Posting Information:')."""
MIN_FORM_LABELS = 3
MIN_PATH_LABELS = 3
"""Labels of a page title that is the board's path to the topic ('Board: Area: Topic')."""
MAX_FURNITURE_CHARS = 100


@dataclass(frozen=True, slots=True)
class Found:
    """One byline block: where its first line is (the subject or the row above the
    byline), how many lines it takes, and what it says."""

    position: int
    n_lines: int
    byline: int
    author: str
    published: str | None
    edited: bool
    subject: int | None = None


def _date(text: str) -> str | None:
    text = text.strip()
    if find_date(text) is not None or NUMERIC_STAMP.match(text):
        return text
    return None


def _byline_at(lines: Sequence[Line], position: int) -> tuple[str, str | None, int] | None:
    """(author, date, lines taken) of a byline at `position`, None when there is none."""
    text = lines[position].text
    if ":" in text:
        labelled = LABELLED.match(text)
        if labelled is not None:
            date_at = next_content(lines, position)
            if date_at is None or date_at != position + 1:
                return None
            dated = DATE_LINE.match(lines[date_at].text)
            when = _date(dated.group("date")) if dated else None
            if when is None:
                return None
            return labelled.group("name").strip(), when, 2
    if text[:2].casefold() not in {"by", "po"}:
        return None
    one = ONE_LINE.match(text)
    if one is None:
        return None
    if not (
        one.group("aside") is not None
        or one.group("colon")
        or one.group("verb") == "Post by"  # a board's byline; 'post by' is a heading
    ):
        return None
    when = _date(one.group("date"))
    return (one.group("name").strip(), when, 1) if when is not None else None


def _bylines(lines: Sequence[Line]) -> list[Found]:
    found: list[Found] = []
    for position, line in enumerate(lines):
        if line.is_blank or (found and position < found[-1].byline + found[-1].n_lines):
            continue
        if not line.text.startswith(("P", "p", "A", "a", "B", "b", "А")):
            continue
        hit = _byline_at(lines, position)
        if hit is None:
            continue
        author, when, taken = hit
        after = position + taken
        edited = after < len(lines) and EDIT_NOTE.match(lines[after].text) is not None
        taken += int(edited)
        found.append(Found(position, taken, position, author, when, edited))
    return found


def _with_subjects(lines: Sequence[Line], found: list[Found]) -> list[Found]:
    """The bylines with the line right above each made part of the header: its subject
    where the page's subjects show "Re:" (a reply's, or the opening post's when it is the
    replies' subject without it); where no subject shows "Re:", the row of links the board
    prints above every post (the same line above every byline), else each post's own
    subject. Bylines under titles of their own, none of them a reply, head separate posts
    (a blog's index, a list of topics), not one thread: none is returned then."""
    above = [
        at if (at := previous_content(lines, hit.byline)) == hit.byline - 1 else None
        for hit in found
    ]
    texts = [lines[at].text if at is not None else "" for at in above]
    replies = [text for text in texts if REPLY_PREFIX.match(text)]
    topic = strip_reply_prefix(replies[0]).casefold() if replies else None
    headed = []
    for hit, at, text in zip(found, above, texts, strict=True):
        if at is None or not is_title_like(text):
            headed.append(hit)
            continue
        if topic is None:
            subject = at if len(set(texts)) > 1 else None
        elif REPLY_PREFIX.match(text) or text.casefold() == topic:
            subject = at
        else:
            headed.append(hit)
            continue
        headed.append(
            Found(
                at,
                hit.byline + hit.n_lines - at,
                hit.byline,
                hit.author,
                hit.published,
                hit.edited,
                subject,
            )
        )
    if topic is None and all(hit.subject is not None for hit in headed):
        return []
    return headed


Page = tuple[Sequence[Line], list[Found], frozenset[str]]
_LAST = threading.local()
"""The page this thread read last (``_LAST.page``): the hooks that see only a region of it
(the lines above the first reply, the page cut at its footer) or one line
(:func:`is_chrome`) read its headers and furniture from here. Per thread, so documents
segmented side by side on threads never read each other's page."""


def _last() -> Page | None:
    return getattr(_LAST, "page", None)


def _page(lines: Sequence[Line]) -> Page:
    """The page, its headers (two at least) and the texts of its per-post furniture; a
    region that opens the page last read (the part above the first reply, the page cut
    at its footer) is read as that page."""
    cached = _last()
    if cached is None or not _opens(cached[0], lines):
        found = _bylines(lines)
        found = _with_subjects(lines, found) if len(found) >= 2 else []
        found = _dated(found)
        cached = (lines, found, _recurring(lines, found))
        _LAST.page = cached
    return cached


def _dated(found: list[Found]) -> list[Found]:
    """The headers with their two-digit-year dates ('02-26-05 06:48') written as ISO dates
    where the page's own dates show the order of day and month (one of them over 12 in
    that place); unchanged where none does."""
    shorts = [SHORT_DATE.match(hit.published or "") for hit in found]
    firsts = {int(m.group("a")) for m in shorts if m}
    seconds = {int(m.group("b")) for m in shorts if m}
    month_first = max(seconds, default=0) > MAX_MONTH and max(firsts, default=0) <= MAX_MONTH
    day_first = max(firsts, default=0) > MAX_MONTH and max(seconds, default=0) <= MAX_MONTH
    if not (month_first or day_first):
        return found
    dated = []
    for hit, match in zip(found, shorts, strict=True):
        if match is None:
            dated.append(hit)
            continue
        a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("y"))
        month, day = (a, b) if month_first else (b, a)
        century = 2000 if year <= CENTURY_PIVOT else 1900
        iso = f"{century + year:04d}-{month:02d}-{day:02d}"
        published = iso + (hit.published or "")[match.end() :]
        dated.append(replace(hit, published=published))
    return dated


def _opens(page: Sequence[Line], region: Sequence[Line]) -> bool:
    """Whether `region` is the start of `page` (the same line objects)."""
    return len(region) <= len(page) and (
        not region or (page[0] is region[0] and page[len(region) - 1] is region[-1])
    )


def _recurring(lines: Sequence[Line], found: Sequence[Found]) -> frozenset[str]:
    """Short lines that recur in every post's region (the last one's may lack them): the
    board's furniture around each post, whatever words it uses."""
    if len(found) < 2:
        return frozenset()
    ends = [hit.position for hit in found[1:]] + [len(lines)]
    seen: Counter[str] = Counter()
    last: set[str] = set()
    for index, (hit, end) in enumerate(zip(found, ends, strict=True)):
        texts = {
            line.text
            for line in lines[hit.position + hit.n_lines : end]
            if not line.is_blank and len(line.text) <= MAX_FURNITURE_CHARS
        }
        if index + 1 == len(found):
            last = texts
        else:
            seen.update(texts)
    return frozenset(
        text
        for text, count in seen.items()
        if count == len(found) - 1 and (len(found) > 2 or text in last)
    )


def _opens_topic(lines: Sequence[Line], found: Sequence[Found]) -> bool:
    first = found[0]
    if has_text(lines[: first.position]) or (page_number(lines) or 1) > 1:
        return False
    subject = lines[first.subject].text if first.subject is not None else ""
    return not REPLY_PREFIX.match(subject)


def find_starts(lines: Sequence[Line]) -> list[int]:
    """The replies' first header lines (the opening post's is left to :func:`parse_post`)."""
    _, found, _ = _page(lines)
    if not found:
        return []
    replies = found[1:] if _opens_topic(lines, found) else found
    return [hit.position for hit in replies]


def is_chrome(line: Line) -> bool:
    """The furniture that recurs around every post of the page being read."""
    last = _last()
    return last is not None and line.text in last[2]


def _body_end(lines: Sequence[Line], start: int, end: int) -> int:
    """Where a post's furniture begins: the first recurring line after its text."""
    _, _, furniture = _page(lines)
    for at in range(start, end):
        if lines[at].text in furniture:
            return at
    return end


def find_end(lines: Sequence[Line], starts: Sequence[int]) -> int | None:
    """Where the page's footer begins: after the last post's closing row, else at a reply
    form (a block of `MIN_FORM_LABELS` field labels, with the lines of its block above)."""
    _, found, furniture = _page(lines)
    if not found:
        return None
    last = found[-1]
    body = last.position + last.n_lines
    closing = _body_end(lines, body, len(lines))
    if closing < len(lines):
        at = closing
        while at < len(lines) and (lines[at].is_blank or lines[at].text in furniture):
            at += 1
        return at
    return _form_start(lines, body)


def _form_start(lines: Sequence[Line], start: int) -> int | None:
    labels = [at for at in range(start, len(lines)) if FORM_LABEL.match(lines[at].text)]
    if len(labels) < MIN_FORM_LABELS:
        return None
    at = labels[0]
    while at - 1 > start and not lines[at - 1].is_blank and not ends_sentence(lines[at - 1].text):
        at -= 1
    return at


def _quotes(lines: Sequence[Line], start: int, end: int) -> set[int]:
    """Quoted lines: '> ' lines under a "<name> wrote:" attribution (a rule between them
    is furniture of the quote), the line after an attribution otherwise."""
    quoted = quoted_lines(lines, start, end, WROTE)
    for at in range(start, end):
        if QUOTE_RULE.match(lines[at].text):
            quoted.discard(lines[at].index)
    return quoted


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    _, found, _ = _page(lines)
    at = bisect_left(found, position, key=lambda h: h.position)
    hit = found[at] if at < len(found) and found[at].position == position else None
    if hit is None:
        return Header(author=lines[position].text, n_lines=1, nesting=0)
    body = position + hit.n_lines
    body_end = _body_end(lines, body, end)
    chrome = {lines[at].index for at in range(body, end) if QUOTE_RULE.match(lines[at].text)}
    return Header(
        author=hit.author,
        n_lines=hit.n_lines,
        nesting=0,
        edited=hit.edited,
        published=hit.published,
        chrome_lines=frozenset(chrome | content_indices(lines[body_end:end])),
        quote_lines=frozenset(_quotes(lines, body, body_end)),
    )


def _topic() -> str | None:
    """The topic's title as the replies' subjects of the page last read show it."""
    last = _last()
    if last is None:
        return None
    page, found, _ = last
    subjects = [page[hit.subject].text for hit in found if hit.subject is not None]
    replies = [text for text in subjects if REPLY_PREFIX.match(text)]
    return strip_reply_prefix(replies[0]) if replies else None


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The opening post's head (its subject, else the page's title line, is the title),
    or a later page's stub."""
    page, found, _ = _page(lines)
    if not found:
        return None
    first = found[0]
    if not _opens_topic(page, found):
        subject = page[first.subject].text if first.subject is not None else None
        return stub_head(lines, is_chrome, strip_reply_prefix(subject) if subject else None)
    body = first.position + first.n_lines
    body_end = _body_end(lines, body, len(lines))
    opening = Opening(
        first.position,
        first.n_lines,
        first.author,
        first.published,
        body_end,
        first.subject,
        lines[first.subject].text if first.subject is not None else None,
    )
    quotes = _quotes(lines, body, body_end)
    head = opening_head(lines, opening, is_chrome, quotes, title_hint=_topic())
    labels = (head.title or "").split(": ")
    if first.subject is None and len(labels) >= MIN_PATH_LABELS:
        head = replace(head, title=labels[-1])  # 'Board: Area: Topic': the path's end
    return head
