"""LiveJournal entries and their comments, as the pages scrape to text.

The entry::

    <Title>
    <user> wrote in <community>         ("<user> wrote" in a personal journal)
    <March 3rd, 2017, 10:15 pm>
    <text>
    [Tags: ...]  <N> comments  Leave a comment

One comment::

    <user>                              the commenter's user name (one token)
    <March 3 2017, 22:40:10 UTC>        its stamp
    <text>
    Reply [Parent] Thread Link          the link row ("Parent" on a reply), one line or
                                        one label a line

The Russian interface prints "<user> пишет в <community>", a Russian date, and the link
row "Ответить [Родительский] Ветвь дискуссии Ссылка".

The page keeps no indentation, so the link row decides the nesting: a comment whose row
has "Parent" replies to the comment above it (LiveJournal prints a thread depth first),
one without it is at the top level. "Expand N comments", the entry navigation and the
site's menus are chrome.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from flows.stages.segment.grammars._common import content_indices, next_content, post_head
from flows.stages.segment.lines import Line
from flows.stages.segment.meta import find_date
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "livejournal"

USER = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
STAMP = re.compile(
    r"^(?:[A-Z][a-z]+\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4},?\s+\d{1,2}:\d\d(?::\d\d)?\s*(?:UTC|[ap]m)?"
    r"|\d{4}-\d\d-\d\d\s+\d\d:\d\d(?::\d\d)?\s*(?:\(UTC\)|UTC)?)$",
    re.IGNORECASE,
)
LINK_WORDS = ("reply", "parent", "thread", "link", "expand", "collapse", "edit", "delete")
RU_LINK_WORDS = (
    "ответить",
    "родительский",
    "ветвь дискуссии",
    "ссылка",
    "развернуть",
    "свернуть",
    "редактировать",
    "удалить",
)
REPLY_WORDS = ("reply", "ответить")
PARENT_WORDS = ("parent", "родительский")
LINK_ROW = re.compile(rf"^(?:(?:{'|'.join(LINK_WORDS + RU_LINK_WORDS)})\s*)+$", re.IGNORECASE)
WROTE = re.compile(
    r"^(?P<user>[A-Za-z0-9_-]{1,40})\s+(?:wrote|пишет|написала?)(?:\s+(?:in|в)\s+\S{1,60})?:?$"
)
CHROME = re.compile(
    r"^(?:(?:(?:reply|parent|thread|link|expand|collapse|edit|delete)\s*)+|Expand \d+ comments?"
    r"|\d+ comments?|Leave a comment|Post a new comment|Previous entry|Next entry"
    r"|Tags?:\s.{0,200}|Sign in|Create a blog|Explore|Share|Flag|Subscribe|Unsubscribe"
    r"|Comments|Add to memories|Page \d+ of \d+"
    r"|(?:(?:ответить|родительский|ветвь дискуссии|ссылка|развернуть|свернуть|редактировать"
    r"|удалить)\s*)+|Развернуть \d+ комментари\w*|\d+ комментари\w*|Оставить комментарий"
    r"|Предыдущая запись|Следующая запись|Метки:\s.{0,200}|Войти|Создать блог|Исследовать"
    r"|Поиск|Сообщить о нарушении|Комментарии|Поделиться)$",
    re.IGNORECASE,
)


def _is_header(lines: Sequence[Line], position: int) -> bool:
    line = lines[position]
    if line.is_blank or not USER.match(line.text) or LINK_ROW.match(line.text):
        return False
    at = next_content(lines, position)
    return at is not None and bool(STAMP.match(lines[at].text))


def _link_rows(lines: Sequence[Line], start: int, end: int) -> list[str]:
    return [lines[at].text for at in range(start, end) if LINK_ROW.match(lines[at].text)]


def find_starts(lines: Sequence[Line]) -> list[int]:
    """User-over-stamp pairs with a link row ("Reply ...") before the next one; two at
    least."""
    pairs = [position for position in range(len(lines)) if _is_header(lines, position)]
    starts = []
    for ordinal, position in enumerate(pairs):
        end = pairs[ordinal + 1] if ordinal + 1 < len(pairs) else len(lines)
        rows = _link_rows(lines, position, end)
        if any(row.casefold().startswith(REPLY_WORDS) for row in rows):
            starts.append(position)
    return starts if len(starts) >= 2 else []


def is_chrome(line: Line) -> bool:
    return len(line.text) <= 200 and bool(CHROME.match(line.text))


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    stamp = next_content(lines, position, end)
    if stamp is None or not STAMP.match(lines[stamp].text):
        return Header(author=lines[position].text, n_lines=1, nesting=0)
    return Header(
        author=lines[position].text,
        n_lines=stamp - position + 1,
        nesting=0,
        published=lines[stamp].text,
    )


def nestings(lines: Sequence[Line], starts: Sequence[int]) -> list[int]:
    """A comment whose link row shows "Parent" sits one level under the comment above."""
    levels: list[int] = []
    for ordinal, position in enumerate(starts):
        end = starts[ordinal + 1] if ordinal + 1 < len(starts) else len(lines)
        rows = " ".join(_link_rows(lines, position, end)).casefold()
        reply = any(word in rows.split() for word in PARENT_WORDS)
        levels.append(levels[-1] + 1 if reply and levels else 0)
    return levels


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The entry's head: its title over the '<user> wrote' line, the date under it; the
    site's menus above and the tags and counters under the text are chrome."""
    for position, line in enumerate(lines):
        wrote = WROTE.match(line.text)
        if wrote is None:
            continue
        title_at = _previous(lines, position)
        date_at = next_content(lines, position)
        dated = date_at is not None and find_date(lines[date_at].text) is not None
        meta = {line.index} | ({lines[date_at].index} if dated and date_at is not None else set())
        start = (date_at + 1) if dated and date_at is not None else position + 1
        tail = next((at for at in range(start, len(lines)) if is_chrome(lines[at])), len(lines))
        chrome = content_indices(lines[: title_at if title_at is not None else position])
        chrome |= content_indices(lines[tail:])
        return post_head(
            title=lines[title_at].text if title_at is not None else None,
            title_lines={lines[title_at].index} if title_at is not None else set(),
            author=wrote.group("user"),
            published=lines[date_at].text if dated and date_at is not None else None,
            meta_lines=meta,
            chrome_lines=chrome,
        )
    return None


def _previous(lines: Sequence[Line], position: int) -> int | None:
    for at in range(position - 1, -1, -1):
        if not lines[at].is_blank:
            return at
    return None
