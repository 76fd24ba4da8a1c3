"""MyBB (1.6 / 1.8) threads, as their pages scrape to text.

One post (the postbit, horizontal or classic)::

    <name> Offline                    ("Online", "Away"; the status may stand alone on the
                                      next line)
    [<rank>]                          (user title, stars such as "****", group)
    Posts: <N>
    [Threads: <N>]                    (1.8)
    Joined: <Mon YYYY>
    [Reputation: <N>]                 (and other "<Field>: <value>" lines)
    #<N>                              (the post number; after the date, or on its line,
                                      in some themes)
    <06-15-2018, 09:41 PM>            ("Today, 09:41 PM", "Yesterday, …", "5 hours ago"),
                                      "(This post was last modified: <date> by <name>.)"
                                      after it or on the next line
    <body>                            ("<name> Wrote: (<date>)" opens a quotation,
                                      "Quote:" an unattributed one)
    [<signature>]
    Find                              (the post's buttons: PM, Email, Website, Find, Reply,
    Reply                             Quote, Report, Edit, …)
    [The following N users say Thank You to <name> for this post:]

The Russian localisation reads "<name> Не в сети", "Сообщений:", "Тем:", "Зарегистрирован:",
"Репутация:", "<name> Написал: (<date>)", "(Сообщение последний раз редактировалось: …)",
the buttons "Найти", "Ответить" and the footer "« Предыдущая | Следующая »".

Post #1 is the opening post, read by :func:`parse_post`: the thread subject is the title
line above it (the last label of the "›" breadcrumb). Replies are flat comments. A later
page (no #1) yields a stub titled the same way. The page's own furniture: the guest
greeting, "Pages (N):", "Thread Rating:", "Thread Modes", and under the last post
"« Next Oldest | Next Newest »", "Users browsing this thread:", "Forum Jump:",
"Powered By MyBB".
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
    previous_content,
    quoted_lines,
    stub_head,
)
from flows.stages.segment.lines import Line
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "mybb"

NUMBER = re.compile(r"^#(?P<n>\d{1,7})$")
CLOCK = r"\d{1,2}:\d\d(?::\d\d)?(?:\s?[AaPp]\.?[Mm]\.?)?"
DAY = (
    r"\d{1,4}[-./]\d{1,2}[-./]\d{2,4}|Today|Yesterday|Сегодня|Вчера"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\.?\s+[A-Z][a-z]{2,8}\.?\s+\d{4}"
)
RELATIVE = r"(?:\d{1,3}|an?|one)\s+(?:second|minute|hour)s?\s+ago|less than a minute ago"
MODIFIED = (
    r"\((?:This post was last modified|Сообщение последний раз редактировалось):\s*.{4,200}\)"
)
STAMP = re.compile(
    rf"^(?P<date>(?:{DAY}),?\s+(?:at\s+)?{CLOCK}|{RELATIVE})"
    rf"(?:\s+(?P<modified>{MODIFIED}))?$",
    re.IGNORECASE,
)
MODIFIED_LINE = re.compile(rf"^{MODIFIED}$")
NUMBERED_STAMP = re.compile(
    r"^#(?P<n>\d{1,7})\s+(?P<stamp>\S.*)$|^(?P<stamp2>\S.*?)\s+#(?P<n2>\d{1,7})$"
)
"""The post number and the date on one line (some themes), in either order."""
STATUS = re.compile(
    r"^(?P<name>\S.{0,60}?)\s+(?:Offline|Online|Away|Не в сети|В сети|Отсутствует)$"
)
STATUS_ALONE = re.compile(r"^(?:Offline|Online|Away|Не в сети|В сети|Отсутствует)$")
STAT = re.compile(r"^(?P<label>[A-ZА-ЯЁ][\w ]{1,30}):\s*\S.{0,60}$")
RU_STATS = {
    "Сообщений": "Posts",
    "Тем": "Threads",
    "Зарегистрирован": "Joined",
    "Репутация": "Reputation",
}
"""The Russian labels of the postbit's statistics, by their English names."""
POSTBIT_STATS = frozenset({"Posts", "Threads", "Joined", "Reputation"})
"""The statistics the postbit prints under the name; "Posts" and one other are required."""
WROTE = re.compile(
    r"^(?:(?P<name>\S.{0,40}?)\s+(?:Wrote|Написала?):\s*(?:\((?P<date>[^()]{4,40})\))?"
    r"|Quote:|Цитата:)\s*(?P<rest>\S.*)?$"
)
BUTTON = (
    r"PM|Email|Website|Find|Reply|Quote|Multi-?Quote|Report|Edit|Delete|Warn|Quick Edit"
    r"|Full Edit|Purge Spammer|Rate|Like|Thanks|IP|ЛС|Найти|Ответить|Цитировать|Жалоба"
    r"|Изменить|Удалить|Сайт"
)
BUTTONS = re.compile(rf"^(?:{BUTTON})(?:\s+(?:{BUTTON}))*$")
CHROME = re.compile(
    r"^(?:Hello There, Guest!.*|Welcome back, .{1,60}\. You last visited:.*"
    r"|Pages \(\d{1,5}\):.*|Thread Rating:|Rate This Thread:|[•*]?\s*\d{1,6} Vote\(s\) - [\d.]+ Average"
    r"|Thread Modes|Linear Mode|Threaded Mode|View a Printable Version|Send this Thread to a Friend"
    r"|Subscribe to this thread|Unsubscribe from this thread|Possibly Related Threads…?(?:\.\.\.)?"
    r"|«\s*Next Oldest\s*\|\s*Next Newest\s*»|Next Oldest|Next Newest"
    r"|Users? browsing this thread:.*|User\(s\) browsing this thread:.*|Forum Jump:"
    r"|Powered By MyBB.*|MyBB Group.*|Quick Reply|Post Reply|New Reply|New Thread"
    r"|The following \d{1,6} users? (?:say|says) Thank You to .{1,60} for this post:"
    r"|Здравствуйте, Гость!.*|Режим отображения|Линейный режим|Древовидный режим"
    r"|«\s*Предыдущая\s*\|\s*Следующая\s*»|Пользователи просматривают эту тему:.*|Переход:"
    r"|Версия для печати|Страниц(?:ы)? \(\d{1,5}\):.*|Быстрый ответ|Ответ|Новая тема"
    r"|(?:" + MODIFIED + r"))$",
    re.IGNORECASE,
)
END_MARK = re.compile(
    r"^(?:«\s*Next Oldest\s*\|\s*Next Newest\s*»|Users? browsing this thread:.*"
    r"|«\s*Предыдущая\s*\|\s*Следующая\s*»|Пользователи просматривают эту тему:.*|Переход:"
    r"|User\(s\) browsing this thread:.*|View a Printable Version|Possibly Related Threads.*"
    r"|Forum Jump:|Powered By MyBB.*|Quick Reply)$",
    re.IGNORECASE,
)
MAX_PROFILE_LINES = 16


@dataclass(frozen=True, slots=True)
class Found:
    """One postbit: where its profile block starts, where its header ends, what it says."""

    position: int
    body_start: int
    author: str
    published: str
    number: int
    edited: bool


def _profile(lines: Sequence[Line], top: int) -> tuple[int, str] | None:
    """(position, author) of the profile block that ends just above `top`: walk up over
    its statistics, rank and stars lines to the "<name> Offline" line (or, in a theme
    without the status, the topmost line after the previous post's buttons). None when the
    block lacks the postbit's statistics: "Posts:" and one more of them under a status
    line, three of them without one."""
    labels: set[str] = set()
    at = previous_content(lines, top)
    topmost: int | None = None
    for _ in range(MAX_PROFILE_LINES):
        if at is None:
            break
        text = lines[at].text
        if status := STATUS.match(text):
            return (at, status.group("name")) if _is_postbit(labels, 2) else None
        if STATUS_ALONE.match(text):
            name_at = previous_content(lines, at)
            if name_at is None or not _is_postbit(labels, 2):
                return None
            return name_at, lines[name_at].text
        if stat := STAT.match(text):
            labels.add(RU_STATS.get(stat.group("label"), stat.group("label")))
        elif BUTTONS.match(text) or END_MARK.match(text) or is_prose(text) or NUMBER.match(text):
            break
        topmost = at
        at = previous_content(lines, at)
    if topmost is None or not _is_postbit(labels, 3):
        return None
    return topmost, lines[topmost].text


def _is_postbit(labels: set[str], needed: int) -> bool:
    return "Posts" in labels and len(labels & POSTBIT_STATS) >= needed


def _stamp_at(lines: Sequence[Line], position: int) -> tuple[int, int, re.Match[str], int] | None:
    """(top, last, date match, post number) of the post number and date line(s) at
    `position`: "#N" with the date on the next or the previous line, or both on one line."""
    text = lines[position].text
    if number := NUMBER.match(text):
        n = int(number.group("n"))
        after = next_content(lines, position)
        before = previous_content(lines, position)
        if after is not None and (stamp := STAMP.match(lines[after].text)):
            return position, after, stamp, n
        if before is not None and (stamp := STAMP.match(lines[before].text)):
            return before, position, stamp, n
        return None
    both = NUMBERED_STAMP.match(text)
    if both is None:
        return None
    stamp = STAMP.match(both.group("stamp") or both.group("stamp2"))
    n = int(both.group("n") or both.group("n2"))
    return (position, position, stamp, n) if stamp else None


def _header_at(lines: Sequence[Line], position: int) -> Found | None:
    """The postbit whose "#N" line is at `position` (its date line next to it)."""
    found = _stamp_at(lines, position)
    if found is None:
        return None
    top, last, stamp, number = found
    edited = bool(stamp.group("modified"))
    following = next_content(lines, last)
    if following is not None and MODIFIED_LINE.match(lines[following].text):
        last, edited = following, True
    profile = _profile(lines, top)
    if profile is None:
        return None
    start, author = profile
    return Found(start, last + 1, author, stamp.group("date"), number, edited)


def headers(lines: Sequence[Line]) -> list[Found]:
    """Every postbit of the page, the opening post's included."""
    return [
        hit
        for position, line in enumerate(lines)
        if "#" in line.text and (hit := _header_at(lines, position)) is not None
    ]


def find_starts(lines: Sequence[Line]) -> list[int]:
    """Positions of the reply postbits (post #1 is the opening post)."""
    return [hit.position for hit in headers(lines) if hit.number != 1]


def is_chrome(line: Line) -> bool:
    """Forum furniture: the greeting, breadcrumbs, pagination, rating and mode menus, post
    buttons, edit notes, quotation headers ("<name> Wrote: (<date>)"), the "browsing this
    thread" box and the footer."""
    text = line.text
    if CHROME.match(text) or BUTTONS.match(text) or is_crumbs(text):
        return True
    wrote = WROTE.match(text)
    return wrote is not None and not wrote.group("rest")


def _furniture_start(lines: Sequence[Line], start: int, end: int) -> int:
    """Where a post's furniture begins: its first buttons line after the body."""
    for at in range(start, end):
        if BUTTONS.match(lines[at].text):
            return at
    return end


def _hit_at(lines: Sequence[Line], position: int, end: int) -> Found | None:
    for at in range(position, min(end, position + MAX_PROFILE_LINES + 4)):
        if "#" in lines[at].text and (hit := _header_at(lines, at)) is not None:
            return hit if hit.position == position else None
    return None


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    hit = _hit_at(lines, position, end)
    if hit is None or hit.body_start > end:
        return Header(author=lines[position].text, n_lines=1, nesting=0)
    furniture = _furniture_start(lines, hit.body_start, end)
    return Header(
        author=hit.author,
        n_lines=hit.body_start - position,
        nesting=0,
        edited=hit.edited,
        published=hit.published,
        chrome_lines=frozenset(content_indices(lines[furniture:end])),
        quote_lines=frozenset(quoted_lines(lines, hit.body_start, furniture, WROTE)),
    )


def find_end(lines: Sequence[Line], starts: Sequence[int]) -> int | None:
    """Where the page's furniture under the last post begins ("« Next Oldest | Next
    Newest »", "Users browsing this thread:", the footer); None without it."""
    if not starts:
        return None
    for position in range(starts[-1] + 1, len(lines)):
        if END_MARK.match(lines[position].text):
            return position
    return None


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The opening post's head (title: the subject line above it), or a later page's stub."""
    found = headers(lines)
    first = found[0] if found else None
    if first is None or first.number != 1:
        return stub_head(lines, is_chrome, None)
    body_end = _furniture_start(lines, first.body_start, len(lines))
    opening = Opening(
        first.position,
        first.body_start - first.position,
        first.author,
        first.published,
        body_end,
    )
    quotes = quoted_lines(lines, first.body_start, body_end, WROTE)
    return opening_head(lines, opening, is_chrome, quotes)
