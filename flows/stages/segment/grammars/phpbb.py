"""phpBB topics (prosilver and subsilver2 styles; English and Russian), as their pages
scrape to text.

prosilver, one post::

    [Re: ]<subject>
    Postby <name> » <Mon Mar 04, 2019 10:15 pm>       ("Post by", "by <name> » …" later;
                                                       Russian: "Сообщение <name> » …")
    <body>                          ("<name> wrote:<quoted text>" opens a quotation;
                                     Russian: "<name> писал(а): ↑")
    [Last edited by <name> on <date>, edited N times in total.]
    <name>                          profile block: name, rank, counters
    Posts: <N>
    Joined: <date>
    [Location: <place>]
    Top

subsilver2, one post::

    <name>
    Post subject: [Re: ]<subject>
    PostPosted: <Mon Mar 04, 2019 10:15 pm>
    [Joined: <date>]                (profile counters, part of the header)
    [Posts: <N>]
    [Location: <place>]
    <body>
    Top

The first post of page 1 (its subject without "Re:") is the opening post: the topic title,
its author and date are read by :func:`parse_post`. Replies are flat comments. A later
page yields a stub titled by the first reply's subject. Profile lines, "Top", edit notes,
pagination, breadcrumbs and the board's header and footer are chrome.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from flows.stages.segment.grammars._common import (
    Opening,
    content_indices,
    is_crumbs,
    is_prose,
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

NAME = "phpbb"

_TIME = r"\d{1,2}:\d\d(?::\d\d)?(?:\s*[AaPp][Mm])?"
POSTBY = re.compile(
    rf"^(?:(?:Post\s?)?by|Сообщение)\s+(?P<name>\S.{{0,60}}?)\s+»\s+(?P<date>.{{6,40}}?\s{_TIME})$"
)
SUBJECT = re.compile(
    rf"^Post subject:\s*(?P<subject>.*?)(?:\s+(?:Post)?Posted:\s*(?P<date>.{{6,40}}?\s{_TIME}))?$"
)
POSTED = re.compile(rf"^(?:Post)?Posted:\s*(?P<date>.{{6,40}}?\s{_TIME})$")
RECENT = re.compile(rf"^(?:Today|Yesterday),?\s+{_TIME}$")
EDITED = re.compile(
    r"^Last edited by\s+.{1,60}?\s+on\s+.{6,60}?,\s+edited\s+(?P<count>\d+)\s+times?\s+in\s+total\.?$"
    r"|^Последний раз редактировалось\s+.{1,60}?\s+.{6,60}?,\s+всего редактировалось\s+"
    r"(?P<count_ru>\d+)\s+раза?\.?$",
    re.IGNORECASE,
)
WROTE = re.compile(
    r"^(?P<name>\S.{0,60}?)\s+(?:wrote|(?:на)?писала?|писал\(а\)|написал\(а\)):\s*(?:↑\s*)?"
    r"(?P<rest>.*)$|^(?:Quote|Цитата):\s*(?P<bare>.*)$"
)
"""A quotation's attribution: 'name wrote:' (phpBB 3.3 adds a '↑' link to the post and puts
the quoted post's date on the next line)."""
PROFILE = re.compile(
    r"^(?:Posts|Joined|Location|Rank|Contact|Age|Gender|Website|Сообщения|Зарегистрирован"
    r"|Откуда|Ранг|Репутация|Пол|Возраст):\s*\S.*$"
)
CHROME = re.compile(
    r"^(?:Top|Posts:\s*[\d,.]+|Joined:\s.+|Location:\s.+|Contact:.*|Post a reply|Reply with quote"
    r"|Quote|Search this topic…?|Search|Advanced search|Skip to content|Change font size"
    r"|Print view|FAQ|Register|Login|Logout|Board index|Return to .{1,80}|Jump to:?|Who is online"
    r"|Users browsing this forum:.*|Display posts from previous:.*|Sort by.*|Moderators?:.*"
    r"|\d+ posts?(?:\s*•.*)?|Page \d+ of \d+.*|.{0,60}•\s*Delete all board cookies.*"
    r"|Post Reply|Quick links|Unanswered topics|Active topics|Previous|Next|\d{1,4}"
    r"|Powered by phpBB.*|Last edited by .{1,60} in total\.?|Author|Message|Profile|PM"
    r"|(?:Previous topic|Next topic|Print view|E-mail friend)"
    r"(?:\s*\|\s*(?:Previous topic|Next topic|Print view|E-mail friend))*"
    r"|All times are UTC.*|Author\s+Message"
    r"|Вернуться к началу|Ответить|Поиск в теме…?|Быстрые ссылки|Пропустить|Вход|Регистрация"
    r"|Главная|Перейти|Модераторы?:.*|\d+ сообщени[ейя](?:\s*•.*)?|Страница \d+ из \d+.*"
    r"|Вернуться в «.{1,80}»|Кто сейчас на конференции|Сейчас (?:этот форум|эту тему) просматривают:.*"
    r"|Удалить cookies конференции|Часовой пояс:.*|Создано на основе phpBB.*"
    r"|Сообщения:\s*[\d\s,.]+|Зарегистрирован:\s.+|Откуда:\s.+"
    r"|Последний раз редактировалось .{1,60} раза?\.?"
    r"|(?:(?:Post new topic|Reply to topic|Page \d+ of \d+|\[ \d+ posts? \]|Go to page)\s*)+.*)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Found:
    """One post header: where it starts, how many lines it takes, what it says."""

    position: int
    n_lines: int
    author: str
    published: str
    subject: int | None


def _is_date(text: str) -> bool:
    """An absolute date, or phpBB's "Today, <time>" / "Yesterday, <time>"."""
    return find_date(text) is not None or bool(RECENT.match(text))


def _prosilver(lines: Sequence[Line], position: int) -> Found | None:
    match = POSTBY.match(lines[position].text)
    if match is None or not _is_date(match.group("date")):
        return None
    above = previous_content(lines, position)
    name, date = match.group("name"), match.group("date")
    if (
        above is not None
        and position - above <= 2
        and not is_chrome(lines[above])
        and len(lines[above].text) <= 150
        and not POSTBY.match(lines[above].text)
    ):
        return Found(above, position - above + 1, name, date, above)
    return Found(position, 1, name, date, None)


def _subsilver(lines: Sequence[Line], position: int) -> Found | None:
    subject = SUBJECT.match(lines[position].text)
    if subject is None:
        return None
    date = subject.group("date")
    last = position
    if date is None:
        at = next_content(lines, position)
        posted = POSTED.match(lines[at].text) if at is not None else None
        if posted is None or at is None:
            return None
        date, last = posted.group("date"), at
    if not _is_date(date):
        return None
    above = previous_content(lines, position)
    if above is None or position - above > 2 or len(lines[above].text) > 60:
        return None
    last = _profile_end(lines, last)  # rank and profile counters under the header
    return Found(above, last - above + 1, lines[above].text, date, position)


def _profile_end(lines: Sequence[Line], last: int) -> int:
    """The last line of the profile block right after `last` (rank lines over counters
    such as "Joined:" and "Posts:"), or `last` when none follows."""
    at = next_content(lines, last)
    while at is not None and at - last <= 2:
        following = next_content(lines, at)
        text = lines[at].text
        counter_next = following is not None and PROFILE.match(lines[following].text)
        if not (PROFILE.match(text) or (_is_label(text) and counter_next)):
            break
        last, at = at, following
    return last


def headers(lines: Sequence[Line]) -> list[Found]:
    """Every post header of the page, the opening post's included."""
    found: list[Found] = []
    for position, line in enumerate(lines):
        if line.is_blank:
            continue
        hit = _prosilver(lines, position) or _subsilver(lines, position)
        if hit is not None and (not found or hit.position > found[-1].position):
            found.append(hit)
    return found


def _subject_text(lines: Sequence[Line], hit: Found) -> str | None:
    if hit.subject is None:
        return None
    text = lines[hit.subject].text
    match = SUBJECT.match(text)
    return match.group("subject") if match else text


def _opens_topic(lines: Sequence[Line], first: Found) -> bool:
    subject = _subject_text(lines, first)
    if subject is not None and strip_reply_prefix(subject) != subject:
        return False
    return (page_number(lines[: first.position]) or 1) == 1


def find_starts(lines: Sequence[Line]) -> list[int]:
    """Positions of the reply headers (the opening post's header is not one)."""
    found = headers(lines)
    if found and _opens_topic(lines, found[0]):
        found = found[1:]
    return [hit.position for hit in found]


def is_chrome(line: Line) -> bool:
    """Board furniture: profile counters, "Top", edit notes, pagination, breadcrumbs, the
    board's header links and footer."""
    text = line.text
    return bool(CHROME.match(text)) or is_crumbs(text)


def _furniture_start(lines: Sequence[Line], start: int, end: int) -> int:
    """Where a post's furniture begins: a profile block under some body text (name and rank
    lines over profile counters, whoever's post it belongs to; a block above any prose is
    the header's) or the "Top" line, else `end`."""
    at = start
    while at < end:
        text = lines[at].text
        if text in ("Top", "Вернуться к началу"):
            return at
        if PROFILE.match(text):
            first = at
            for _ in range(2):
                above = previous_content(lines, first)
                if above is None or above < start or not _is_label(lines[above].text):
                    break
                first = above
            if any(is_prose(line.text) for line in lines[start:first]):
                return first
            at = _profile_end(lines, at)  # a block above any body text is the header's
        at += 1
    return end


def _is_label(text: str) -> bool:
    """A name or rank line of a profile block: short, one to three words, no sentence."""
    return len(text) <= 40 and len(text.split()) <= 3 and not ends_sentence(text)


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    hit = next((h for h in headers(lines[position : position + 8]) if h.position == 0), None)
    if hit is None:
        return Header(author=lines[position].text, n_lines=1, nesting=0)
    n_lines = min(hit.n_lines, end - position)
    body_start = position + n_lines
    edit_count = None
    for line in lines[body_start:end]:
        if match := EDITED.match(line.text):
            edit_count = int(match.group("count") or match.group("count_ru"))
    furniture = _furniture_start(lines, body_start, end)
    return Header(
        author=hit.author,
        n_lines=n_lines,
        nesting=0,
        edited=edit_count is not None,
        edit_count=edit_count,
        published=hit.published,
        chrome_lines=frozenset(content_indices(lines[furniture:end])),
        quote_lines=frozenset(quoted_lines(lines, body_start, furniture, WROTE)),
    )


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The opening post's head (title = its subject), or a stub's title on a later page."""
    found = headers(lines)
    if not found:
        return stub_head(lines, is_chrome, None)
    first = found[0]
    if not _opens_topic(lines, first):
        return stub_head(lines, is_chrome, _subject_text(lines, first))
    body_start = first.position + first.n_lines
    body_end = _furniture_start(lines, body_start, len(lines))
    opening = Opening(
        first.position,
        first.n_lines,
        first.author,
        first.published,
        body_end,
        first.subject,
        _subject_text(lines, first),
    )
    quotes = quoted_lines(lines, body_start, body_end, WROTE)
    return opening_head(lines, opening, is_chrome, quotes)
