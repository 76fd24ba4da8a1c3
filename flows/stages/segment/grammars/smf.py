"""Simple Machines Forum (SMF) topics, as their pages scrape to text.

One post::

    Offline <name>                    ("Online <name>"; some themes show the bare name)
      • <rank>
      • <stars>
      • Posts: <N>
      • <Field>: <value>
    <subject>
    « on: <July 02, 2020, 08:58:18 AM> »           (the opening post)
    « Reply #<N> on: <July 02, 2020, 10:14:03 AM> »  (a reply; some themes put the
                                                     subject before it on this line)
    <body>                            ("Quote from: <name> on <date>" opens a quotation)
    [« Last Edit: <date> by <name> »]
    Logged
    [<signature>]

The Russian localisation reads "Оффлайн <name>", "« : <date> »", "« Ответ #<N> : <date> »",
"Цитата: <name> от <date>", "« Последнее редактирование: … »" and "Записан"; some themes
print the rank and counters without bullets ("Постоялец", "Сообщений: 512").

The "« on: … »" post is the opening post: the topic title (its subject), author and date
are read by :func:`parse_post`. Replies are flat comments. A page that starts at a reply
yields a stub titled from "Author Topic: <title> (Read N times)" or the first subject.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from flows.stages.segment.grammars._common import (
    Opening,
    content_indices,
    is_crumbs,
    opening_head,
    previous_content,
    quoted_lines,
    strip_reply_prefix,
    stub_head,
)
from flows.stages.segment.lines import Line
from flows.stages.segment.meta import PRESENCE_WORD, find_date
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "smf"

STAMP = re.compile(
    r"^(?P<subject>.{0,200}?)\s*«\s*(?:(?:Reply|Ответ)\s+#(?P<number>\d{1,6})\s+)?(?:on)?:\s*"
    r"(?P<date>.{6,60}?)\s*»$"
)
STATUS = re.compile(rf"^{PRESENCE_WORD}\s+(?P<name>\S.{{0,60}})$", re.IGNORECASE)
BULLET = re.compile(r"^\s*[•*·-]\s")
EDITED = re.compile(r"^«\s*(?:Last Edit|Последнее редактирование):\s*.{6,80}»$")
QUOTE_FROM = re.compile(
    r"^(?:Quote from|Цитата):\s*(?P<name>.{1,60}?)(?:\s+(?:on|от)\s+.+)?$|^(?:Quote|Цитата)$"
)
TOPIC = re.compile(
    r"^(?:Author\s+Topic|Автор\s+Тема):\s*(?P<title>.+?)\s*"
    r"(?:\((?:Read [\d,.]+ times|Прочитано [\d\s,.]+ раз)\))?$"
)
CHROME = re.compile(
    r"^(?:Logged|«\s*Last Edit:.*»|Pages:.*|Print|«\s*previous next\s*»|Jump to:?|Go (?:Up|Down)"
    r"|SMF .{0,40}Simple Machines.*|Page created in [\d.]+ seconds.*|Author\s+Topic:.*"
    r"|\d+ Members? and \d+ Guests? are viewing this topic\.|Welcome, Guest\..*"
    r"|Did you miss your activation email\?|Home Help Search Login Register|Reply #\d+"
    r"|(?:Reply|Quote|Notify|Mark unread|Send this topic|Print)(?:\s+(?:Reply|Quote|Notify|"
    r"Mark unread|Send this topic|Print))*|News:.*"
    r"|Записан|Страницы:.*|Перейти в:?|Автор\s+Тема:.*|«\s*Последнее редактирование:.*»"
    r"|« предыдущая следующая »|Добро пожаловать, Гость\..*|Ответ #\d+"
    r"|\d+ Пользовател\w* и \d+ Гост\w* просматрива\w+ эту тему\."
    r"|(?:Ответ|Цитировать|Печать|Уведомить|Отправить эту тему)(?:\s+(?:Ответ|Цитировать|Печать"
    r"|Уведомить|Отправить эту тему))*"
    r"|Главная Помощь Поиск Вход Регистрация)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Found:
    """One post header: its first line, its stamp line, what they say."""

    position: int
    stamp: int
    author: str
    published: str
    number: int | None
    subject: int | None


def _header_at(lines: Sequence[Line], stamp: int) -> Found | None:
    """The header whose "« on: … »" line is at `stamp`: walk up over the subject and the
    profile bullets to the "Offline <name>" line (or the bare name above the bullets)."""
    match = STAMP.match(lines[stamp].text)
    if match is None or find_date(match.group("date")) is None:
        return None
    subject = stamp if match.group("subject") else previous_content(lines, stamp)
    if subject is None or (subject != stamp and STAMP.match(lines[subject].text)):
        return None
    at = previous_content(lines, subject)
    start, author = subject, None
    while at is not None and BULLET.match(lines[at].raw):
        at = previous_content(lines, at)
    if at is not None and at < subject and not STATUS.match(lines[at].text):
        status_at = _status_above(lines, at)  # rank and counters on lines of their own
        at = status_at if status_at is not None else at
    if at is not None and at < subject:
        status = STATUS.match(lines[at].text)
        if status:
            start, author = at, status.group("name")
        elif len(lines[at].text) <= 40 and " " not in lines[at].text and at < subject - 1:
            start, author = at, lines[at].text
    number = int(match.group("number")) if match.group("number") else None
    return Found(start, stamp, author or "", match.group("date"), number, subject)


PROFILE_LINES = 4
"""Rank and counter lines ('Постоялец', 'Сообщений: 512') a theme may print, without
bullets, between the status line and the subject."""


def _status_above(lines: Sequence[Line], at: int) -> int | None:
    """The "Offline <name>" line over the profile lines ending at `at`, when at most
    ``PROFILE_LINES`` short lines (no sentence) stand between."""
    for _ in range(PROFILE_LINES):
        text = lines[at].text
        if STATUS.match(text):
            return at
        if len(text) > 40 or text.endswith((".", "!", "?")):
            return None
        above = previous_content(lines, at)
        if above is None:
            return None
        at = above
    return at if STATUS.match(lines[at].text) else None


def headers(lines: Sequence[Line]) -> list[Found]:
    """Every post header of the page, the opening post's included."""
    found: list[Found] = []
    for position, line in enumerate(lines):
        hit = _header_at(lines, position) if "«" in line.text else None
        if hit is not None and (not found or hit.position > found[-1].stamp):
            found.append(hit)
    return found


def find_starts(lines: Sequence[Line]) -> list[int]:
    """Positions of the reply headers (the "« on: … »" post is the opening post)."""
    return [hit.position for hit in headers(lines) if hit.number is not None]


def is_chrome(line: Line) -> bool:
    """Forum furniture: "Logged", edit notes, pagination, the board's header and footer."""
    text = line.text
    return bool(CHROME.match(text)) or is_crumbs(text)


def _furniture_start(lines: Sequence[Line], start: int, end: int) -> int:
    """Where a post's furniture begins: its "Logged" line (the signature follows)."""
    for at in range(start, end):
        if lines[at].text in ("Logged", "Записан"):
            return at
    return end


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    hit = next(
        (
            found
            for at in range(position, min(end, position + 40))
            if "«" in lines[at].text and (found := _header_at(lines, at))
        ),
        None,
    )
    if hit is None or hit.position != position or hit.stamp >= end:
        return Header(author=lines[position].text, n_lines=1, nesting=0)
    body_start = hit.stamp + 1
    edited = any(EDITED.match(line.text) for line in lines[body_start:end])
    furniture = _furniture_start(lines, body_start, end)
    return Header(
        author=hit.author or lines[hit.subject or position].text,
        n_lines=body_start - position,
        nesting=0,
        edited=edited,
        published=hit.published,
        chrome_lines=frozenset(content_indices(lines[furniture:end])),
        quote_lines=frozenset(quoted_lines(lines, body_start, furniture, QUOTE_FROM)),
    )


def _topic_title(lines: Sequence[Line]) -> str | None:
    for line in lines:
        if match := TOPIC.match(line.text):
            return match.group("title")
    return None


def _subject_text(lines: Sequence[Line], hit: Found) -> str | None:
    """The subject of a post: its own line, or what precedes "«" on the stamp line."""
    if hit.subject is None:
        return None
    if hit.subject == hit.stamp:
        match = STAMP.match(lines[hit.stamp].text)
        return match.group("subject") if match else None
    return lines[hit.subject].text


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The opening post's head (title = its subject), or a stub's title on a later page."""
    found = headers(lines)
    first = found[0] if found else None
    if first is None or first.number is not None:
        subject = _subject_text(lines, first) if first else None
        title = _topic_title(lines) or (strip_reply_prefix(subject) if subject else None)
        return stub_head(lines, is_chrome, title)
    body_start = first.stamp + 1
    body_end = _furniture_start(lines, body_start, len(lines))
    opening = Opening(
        first.position,
        body_start - first.position,
        first.author or None,
        first.published,
        body_end,
        first.subject,
        _subject_text(lines, first),
    )
    quotes = quoted_lines(lines, body_start, body_end, QUOTE_FROM)
    return opening_head(lines, opening, is_chrome, quotes)
