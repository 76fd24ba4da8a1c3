"""uCoz forum topics (a Russian hosted forum engine), as their pages scrape to text.

One post::

    <name>  Дата: <Weekday>, <DD.MM.YYYY>, <HH:MM> | Сообщение # <N>
                                       (the name may stand on the line above instead)
    Группа: <group>                    profile lines: group, counters, status
    Сообщений: <N>
    Награды: <N>
    Репутация: <N>
    Статус: Offline
    <body>                             ("Цитата (<name>)" over a line opens a quotation)
    [Сообщение отредактировал <name> - <date>]

The post numbered 1 is the opening post (:func:`parse_post`: the title is the line over
it, or the last part of the breadcrumb); the others are flat replies. Profile lines, edit
notes, the breadcrumb ('Форум » …'), pagination ('Страница 1 из 2'), the moderator line
and the site's header and footer are chrome.
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
    previous_content,
    quoted_lines,
    stub_head,
)
from flows.stages.segment.lines import Line
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "ucoz"

STAMP = re.compile(
    r"^(?:(?P<name>\S.{0,40}?)\s+)?Дата:\s*(?P<date>\S.{5,60}?)\s*\|\s*Сообщение\s*#\s*(?P<n>\d{1,6})$"
)
PROFILE = re.compile(
    r"^(?:Группа|Сообщений|Награды|Репутация|Статус|Замечания|Откуда|Регистрация)\s*:\s*\S.{0,60}$"
)
EDITED = re.compile(r"^Сообщение отредактировал\s+\S.{0,80}$")
QUOTE = re.compile(r"^Цитата(?:\s*\((?P<name>[^)]{1,60})\))?$")
CHROME = re.compile(
    r"^(?:Модератор(?:ы)? форума:.*|Страница \d+ из \d+.*|\d{1,4}(?:\s+\d{1,4})*(?:\s+»)?"
    r"|Поиск:?|Новые сообщения\s*·.*|Приветствую Вас\s.*|.*Бесплатный хостинг uCoz"
    r"|Сообщение отредактировал\s.*|Главная\s*\|\s*Форум\b.*)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Found:
    """One post header: its first line, its stamp line, what they say."""

    position: int
    stamp: int
    author: str
    published: str
    number: int


def headers(lines: Sequence[Line]) -> list[Found]:
    found: list[Found] = []
    for at, line in enumerate(lines):
        if "Дата:" not in line.text:
            continue
        match = STAMP.match(line.text)
        if match is None:
            continue
        position, author = at, match.group("name")
        if author is None:
            above = previous_content(lines, at)
            if above is None or len(lines[above].text) > 40:
                continue
            position, author = above, lines[above].text
        found.append(
            Found(position, at, author.strip(), match.group("date"), int(match.group("n")))
        )
    return found


def find_starts(lines: Sequence[Line]) -> list[int]:
    """The reply headers (post 1 is the opening post), two posts at least on the page."""
    found = headers(lines)
    if len(found) < 2:
        return []
    return [hit.position for hit in found if hit.number != 1]


def is_chrome(line: Line) -> bool:
    text = line.text
    return bool(CHROME.match(text)) or (text.startswith("Форум") and is_crumbs(text))


def _body_start(lines: Sequence[Line], stamp: int, end: int) -> int:
    """The first line after the profile lines under the stamp."""
    at = stamp + 1
    while at < end and (lines[at].is_blank or PROFILE.match(lines[at].text)):
        at += 1
    return at


def _furniture(lines: Sequence[Line], start: int, end: int) -> int:
    """Where the page's footer begins under the last post: its breadcrumb or pager."""
    for at in range(start, end):
        if is_chrome(lines[at]) and not EDITED.match(lines[at].text):
            following = next_content(lines, at, end)
            if following is None or is_chrome(lines[following]):
                return at
    return end


def find_end(lines: Sequence[Line], starts: Sequence[int]) -> int | None:
    found = [hit for hit in headers(lines) if hit.position == starts[-1]]
    if not found:
        return None
    end = _furniture(lines, found[0].stamp + 1, len(lines))
    return end if end < len(lines) else None


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    hit = next((h for h in headers(lines[position:end]) if h.position == 0), None)
    if hit is None:
        return Header(author=lines[position].text, n_lines=1, nesting=0)
    stamp = position + hit.stamp
    body = _body_start(lines, stamp, end)
    return Header(
        author=hit.author,
        n_lines=body - position,
        nesting=0,
        edited=any(EDITED.match(line.text) for line in lines[body:end]),
        published=hit.published,
        quote_lines=frozenset(quoted_lines(lines, body, end, QUOTE)),
    )


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The opening post's head, or a later page's stub titled by the line over its first
    post."""
    found = headers(lines)
    first = found[0] if found else None
    if first is None or first.number != 1:
        return stub_head(lines, is_chrome, None)
    body = _body_start(lines, first.stamp, len(lines))
    opening = Opening(
        first.position, body - first.position, first.author, first.published, len(lines)
    )
    quotes = quoted_lines(lines, body, len(lines), QUOTE)
    head = opening_head(lines, opening, is_chrome, quotes)
    meta = content_indices(lines[first.position : body])
    return PostHead(
        title=head.title,
        title_lines=head.title_lines,
        author=head.author,
        published=head.published,
        meta_lines=frozenset(meta),
        chrome_lines=head.chrome_lines - meta,
        quote_lines=head.quote_lines,
    )
