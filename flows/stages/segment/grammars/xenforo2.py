"""XenForo 2 threads, as their pages scrape to text.

One post::

    <name>
    [<User title>]                    "Member", "Well-known member", a custom title
    [Joined                           the profile block: a label line over its value
    <Sep 5, 2021>                     (Joined, Messages, Reaction score, Points,
    Messages                          Location, ...)
    <271> ...]
    <Aug 12, 2024>                    the post's date
    [Add bookmark | New]
    #<N>                              the post number
    <body>                            quotes: "<name> said:", quoted text, "Click to
                                      expand..."
    [Last edited: <date>]
    [Report / Like / Quote / Reply]   button lines
    [Reactions: <A>, <B> and N others]

The Russian localisation reads "Автор темы" / "Дата начала", the labels "Регистрация",
"Сообщения", "Реакции", "Баллы", "Добавить закладку", "<name> сказал(а):" quotations
closed by "Нажмите для раскрытия...", "Последнее редактирование:" and its buttons.

A post is found from its "#N" line, read upwards: the date over it, the profile block,
then the name (with the user title under it when no blank line stands between them, or
when it ends as a rank does: "Well-known member", "Moderator"). Above the posts: the title
over "Thread starter <name>" and "Start date <date>". Post #1 is the opening post; replies
are flat. A later page (no #1) gives a stub with that title and starter. From the first
button line, "Reactions:" line or the page's pager under a post, the rest of its region
is furniture.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from flows.stages.segment.grammars._common import (
    Opening,
    content_indices,
    is_stamp,
    opening_head,
    previous_content,
    stub_head,
)
from flows.stages.segment.grammars.xenforo import quote_lines
from flows.stages.segment.lines import Line, ends_sentence
from flows.stages.segment.meta import USER_TITLE as RANK
from flows.stages.segment.meta import find_date
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "xenforo2"

NUMBER = re.compile(r"^#(?P<n>\d{1,7})$")
BOOKMARK = re.compile(r"^(?:Add bookmark|New|Bookmark|Добавить закладку|Новое)$", re.IGNORECASE)
LABEL = re.compile(
    r"^(?:Joined|Messages|Reaction score|Points|Location|Age|Gender|Occupation|Website"
    r"|Likes received|Trophy points|Solutions|Posts|First name|Country|Регистрация|Сообщения"
    r"|Реакции|Баллы|Адрес|Возраст|Пол|Симпатии|Решения|Город)$",
    re.IGNORECASE,
)
STARTER = re.compile(r"^(?:Thread starter|Автор темы)\s+(?P<name>\S.{0,60})$")
START_DATE = re.compile(r"^(?:Start date|Дата начала)\s+(?P<date>\S.{2,40})$")
EDITED = re.compile(
    r"^(?:Last edited(?: by a moderator)?|Последнее редактирование(?: модератором)?):\s*\S.*$"
)
CLOSING = re.compile(
    r"^(?:Report|Like|Quote|Reply|Reactions:\s.*|You must log in or register to reply here\."
    r"|Similar threads|Prev|Share:|Пожаловаться|Нравится|Цитата|Ответить|Реакции:\s.*"
    r"|Вы должны авторизоваться или зарегистрироваться для ответа\.|Похожие темы|Назад"
    r"|Поделиться:)$"
)
"""A line that closes a post's text: its buttons, its reactions, the pager or the page's
end under the last post."""
CHROME = re.compile(
    r"^(?:Report|Like|Quote|Reply|Reactions:\s.*|Add bookmark|Click to expand\.\.\."
    r"|Last edited(?: by a moderator)?:.*|Thread starter\s.*|Start date\s.*|Prev|Next|First"
    r"|Last|Go|Go to page|\d{1,4}|\d{1,4} of \d{1,4}|You must log in or register to reply here\."
    r"|Share:|Similar threads|Community platform by XenForo.*|Forum software by XenForo.*"
    r"|Log in|Register|What's new|New posts|Search forums|Latest activity|Members|Forums"
    r"|Contact us|Terms and rules|Privacy policy|Help|Home|RSS|Tags|Watch|Unwatch"
    r"|Пожаловаться|Нравится|Цитата|Ответить|Реакции:\s.*|Добавить закладку"
    r"|Нажмите для раскрытия\.\.\.|Последнее редактирование(?: модератором)?:.*"
    r"|Автор темы\s.*|Дата начала\s.*|Назад|Вперёд|Вперед|Перейти на страницу"
    r"|Вы должны авторизоваться или зарегистрироваться для ответа\.|Поделиться:|Похожие темы"
    r"|Форумное программное обеспечение от XenForo.*|Форумы|Что нового|Вход|Регистрация"
    r"|Новые сообщения|Поиск по форумам|Пользователи|Главная|Обратная связь"
    r"|Условия и правила|Политика конфиденциальности|Помощь)$",
    re.IGNORECASE,
)
MAX_TITLE_WORDS = 4


@dataclass(frozen=True, slots=True)
class Found:
    """One post header, from its name line down to its "#N" line."""

    position: int
    n_lines: int
    number: int
    author: str
    published: str


def _header_at_number(lines: Sequence[Line], number_at: int) -> Found | None:
    match = NUMBER.match(lines[number_at].text)
    at = previous_content(lines, number_at) if match else None
    while at is not None and BOOKMARK.match(lines[at].text):
        at = previous_content(lines, at)
    if match is None or at is None or find_date(lines[at].text) is None:
        return None
    if not is_stamp(lines[at].text):
        return None  # a date inside a longer line ('wrote on <date> last edited by x')
    date_at = at
    at = previous_content(lines, date_at)
    while at is not None:  # the profile block, read upwards as value / label pairs
        label = previous_content(lines, at)
        if label is None or not LABEL.match(lines[label].text):
            break
        at = previous_content(lines, label)
    if at is None or not _is_label_line(lines[at].text):
        return None
    name_at = at
    above = previous_content(lines, at)
    if (
        above is not None
        and (above == at - 1 or RANK.search(lines[at].text))
        and _is_label_line(lines[above].text)
        and not CHROME.match(lines[above].text)
        and len(lines[at].text.split()) <= MAX_TITLE_WORDS
    ):
        name_at = above  # the line at `at` is the user title under the name
    return Found(
        name_at,
        number_at - name_at + 1,
        int(match.group("n")),
        lines[name_at].text,
        lines[date_at].text,
    )


def _is_label_line(text: str) -> bool:
    """A name or user title: short, no sentence end, not a profile label."""
    return 0 < len(text) <= 60 and not ends_sentence(text) and not LABEL.match(text)


def headers(lines: Sequence[Line]) -> list[Found]:
    return [
        hit
        for position, line in enumerate(lines)
        if line.text.startswith("#") and (hit := _header_at_number(lines, position)) is not None
    ]


def find_starts(lines: Sequence[Line]) -> list[int]:
    """Positions of the reply headers (post #1 is the opening post)."""
    return [hit.position for hit in headers(lines) if hit.number != 1]


def is_chrome(line: Line) -> bool:
    """Post buttons, reactions, quote and edit notes, the pager, menus and the footer."""
    return len(line.text) <= 200 and bool(CHROME.match(line.text))


def _body_end(lines: Sequence[Line], start: int, end: int) -> int:
    for at in range(start, end):
        if CLOSING.match(lines[at].text):
            return at
    return end


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    number_at = next((at for at in range(position, end) if NUMBER.match(lines[at].text)), None)
    hit = _header_at_number(lines, number_at) if number_at is not None else None
    if hit is None or hit.position != position:
        return Header(author=lines[position].text, n_lines=1, nesting=0)
    body_start = position + hit.n_lines
    furniture = _body_end(lines, body_start, end)
    return Header(
        author=hit.author,
        n_lines=hit.n_lines,
        nesting=0,
        edited=any(EDITED.match(line.text) for line in lines[body_start:end]),
        published=hit.published,
        chrome_lines=frozenset(content_indices(lines[furniture:end])),
        quote_lines=frozenset(quote_lines(lines, body_start, furniture)),
    )


def _starter(lines: Sequence[Line]) -> tuple[int, str] | None:
    """(position, name) of the "Thread starter <name>" line."""
    for position, line in enumerate(lines):
        if match := STARTER.match(line.text):
            return position, match.group("name").strip()
    return None


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The opening post's head (the title over "Thread starter"), or a later page's stub."""
    found = headers(lines)
    starter = _starter(lines)
    title_at = previous_content(lines, starter[0]) if starter else None
    hint = lines[title_at].text if title_at is not None else None
    if not found or found[0].number != 1:
        return stub_head(lines, is_chrome, hint, starter[1] if starter else None)
    first = found[0]
    body_start = first.position + first.n_lines
    body_end = _body_end(lines, body_start, len(lines))
    opening = Opening(first.position, first.n_lines, first.author, first.published, body_end)
    quotes = quote_lines(lines, body_start, body_end)
    return opening_head(lines, opening, is_chrome, quotes, hint)
