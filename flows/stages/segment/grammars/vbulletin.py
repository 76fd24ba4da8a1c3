"""vBulletin (3.x / 4.x) threads, as their pages scrape to text.

One post::

    Old <03-24-2023, 10:15 PM>   #<N>         ("Today, …", "Yesterday, …", "May 9th, 2021";
                                               "Old" may be absent; "#<N>" may be a line below)
    <name>                                     ("<name> is offline" on some styles)
    [<User Title>]
    Join Date: <Mar 2010>
    [Location: <place>]
    Posts: <N>
    [Rep Power: <N> / <name> is on a distinguished road]
    [<post title>]                             ("Re: <thread title>" on a reply)
    <body>                    ("Quote:" and "Originally Posted by <name>" open a quotation;
                               vBulletin 4: "Quote Originally Posted by <name> View Post")
    [Last edited by <name>; <date> at <time>.]
    [__________________
    <signature>]
    <name> is offline   Reply With Quote

The Russian localisation reads "Старый <date> #N", "Регистрация:", "Сообщений:", "Цитата:"
over "Сообщение от <name>", "<name> вне форума / на форуме  Ответить с цитатой" and
"Последний раз редактировалось <name>; <date>". The post icon's label ("Default", "По
умолчанию") may stand before the post's own title: the opening post's title is read there.

Post #1 is the opening post, read by :func:`parse_post`; replies are flat comments. A page
that starts later yields a stub titled by the title line above the first post.
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
    is_title_like,
    next_content,
    opening_head,
    quoted_lines,
    stub_head,
)
from flows.stages.segment.lines import Line, ends_sentence
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "vbulletin"

STAMP = re.compile(
    r"^(?P<old>(?:Old|Старый)\s+)?(?P<date>(?:(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|Today|Yesterday"
    r"|Сегодня|Вчера),?\s+"
    r"\d{1,2}:\d\d(?:\s*[AP]M)?)|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"(?:,?\s+\d{1,2}:\d\d(?:\s*[AP]M)?)?)(?:\s+#(?P<n>\d{1,7}))?$",
    re.IGNORECASE,
)
"""'Old 03-24-2023, 10:15 PM   #1', 'Old May 9th, 2021 #221'; styles that put the post's
number on a line of its own ('Old 09-05-2011, 07:08 AM' over '#6') must write 'Old'."""
NUMBER = re.compile(r"^#(?P<n>\d{1,7})$")
STATUS = re.compile(
    r"^(?P<name>\S.{0,60}?)\s+(?:is\s+(?:offline|online)\b|(?:вне форума|на форуме)(?!\w)).*$",
    re.IGNORECASE,
)
PROFILE = re.compile(
    r"^(?:Join Date|Location|Posts|Rep Power|Reputation|Thanks|Thanked|Age|Gender|Blog Entries"
    r"|Mentioned|Tagged|Quoted|Регистрация|Адрес|Сообщений|Репутация|Возраст|Пол"
    r"|Сказал\(а\) спасибо|Поблагодарили):.*$|^.{1,60}\sis (?:on a distinguished road|a jewel in the rough"
    r"|just really nice|a name known to all|a glorious beacon of light|an unknown quantity"
    r"|infamous around these parts|a splendid one to behold|will become famous soon enough)\b.*$"
    r"|^Thanked \d+ Times? in \d+ Posts?$",
    re.IGNORECASE,
)
REPLY_TITLE = re.compile(r"^Re:\s\S.{0,150}$", re.IGNORECASE)
SIGNATURE_RULE = re.compile(r"^_{6,}$")
QUOTE = re.compile(
    r"^(?:Quote:?|Цитата:?|(?:(?:Quote|Цитата):?\s+)?(?:Originally Posted by|Сообщение от)\s+"
    r"(?P<name>.{1,60}?)(?:\s+View Post)?)$",
    re.IGNORECASE,
)
"""A quotation's attribution: 'Quote:' over 'Originally Posted by <name>' (vBulletin 3), or
'Quote Originally Posted by <name> View Post' on one line (vBulletin 4)."""
EDITED = re.compile(
    r"^(?:Last edited by|Последний раз редактировалось)\s+.{1,60}?[;:]\s+.{4,60}$", re.IGNORECASE
)
ICON = re.compile(r"^(?:Default|По умолчанию)(?:\s+(?P<title>\S.{0,150}))?$")
"""The post icon's label ('Default') before the post's own title, or alone."""
CHROME = re.compile(
    r"^(?:Join Date:.*|Location:.*|Posts:\s*[\d,.]+|Rep Power:.*|Reputation:.*|Thanks:.*"
    r"|Thanked \d+ Times? in \d+ Posts?|.{1,60}\sis on a distinguished road|_{6,}"
    r"|.{1,60}\sis (?:offline|online)(?:\s+Reply With Quote.*)?|Reply With Quote|Quote|Reply"
    r"|Quote Originally Posted by .{1,60}|View Post"
    r"|Last edited by .{1,60}[;:] .{4,60}|Thread Tools|Display Modes|Search this Thread"
    r"|Page \d+ of \d+.*|Show Printable Version|Email this Page|Linear Mode|Switch to Hybrid Mode"
    r"|Switch to Threaded Mode|Posting Rules|You (?:may|may not) .{1,60}|BB code is (?:On|Off)"
    r"|Smilies are (?:On|Off)|\[IMG\] code is (?:On|Off)|HTML code is (?:On|Off)|Forum Rules"
    r"|All times are GMT.*|Powered by vBulletin.*|Copyright ©.{0,80}vBulletin.*|Forum Jump"
    r"|« Previous Thread \| Next Thread »|Similar Threads|LinkBack|Old|#\d{1,7}"
    r"|Go to Page\.\.\.|Contact Us|Archive|Top|Register|FAQ|Calendar|Today's Posts|Search"
    r"|Default|View Single Post|.{1,60}'s Avatar"
    r"|Mark Forums Read|User Name|Password|Remember Me\?|Log in"
    r"|Ответ|Ответить|Ответить с цитатой|По умолчанию|Старый|Цитата:?|Сообщение от .{1,60}"
    r"|.{1,60}\s(?:вне форума|на форуме)(?:\s+Ответить с цитатой.*)?|Опции темы.*"
    r"|Последний раз редактировалось .{1,60}[;:] .{4,60}|Регистрация:.*|Адрес:.*"
    r"|Сообщений:\s*[\d\s,.]+|Репутация:.*|« Предыдущая тема \| Следующая тема »"
    r"|Часовой пояс GMT.*|Похожие темы|Быстрый переход"
    r"|(?:(?:Регистрация|Справка|Пользователи|Календарь|Поиск|Сообщения за день"
    r"|Все разделы прочитаны)\s*){2,}"
    r"|(?:(?:Register|FAQ|Calendar|Today's Posts|Search|Members List|Community|Forum Actions"
    r"|Quick Links|Thread Tools|Display Modes|Mark Forums Read|What's New\?|Blogs|Groups)\s*){2,})$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Found:
    """One post header: its stamp line, the lines it takes, what it says."""

    position: int
    n_lines: int
    author: str
    published: str
    number: int
    title_at: int | None = None
    """The line of the post's own title, after the post icon's label ('Default <title>')."""


def _header_at(lines: Sequence[Line], position: int) -> Found | None:
    match = STAMP.match(lines[position].text)
    if match is None:
        return None
    name_at = next_content(lines, position)
    number = match.group("n")
    numbered = None
    if number is None and match.group("old") and name_at is not None:
        numbered = NUMBER.match(lines[name_at].text)
    if numbered and name_at is not None:
        number, name_at = numbered.group("n"), next_content(lines, name_at)
    if name_at is None or number is None:
        return None
    name_text = lines[name_at].text
    status = STATUS.match(name_text)
    author = status.group("name") if status else name_text
    if len(author) > 60 or ends_sentence(author) or STAMP.match(name_text):
        return None
    last, at, seen = name_at, next_content(lines, name_at), False
    while at is not None and at - name_at <= 14:
        text = lines[at].text
        if PROFILE.match(text):
            last, seen = at, True
        elif seen or len(text) > 60 or ends_sentence(text) or STAMP.match(text):
            break
        at = next_content(lines, at)
    title_at = None
    if seen and at is not None and REPLY_TITLE.match(lines[at].text):
        last = at  # the reply's own title ("Re: <thread title>")
    elif seen and at is not None and (icon := ICON.match(lines[at].text)):
        last = at  # the post icon's label, with the post's title after it
        title_at = at if icon.group("title") else None
    return Found(position, last - position + 1, author, match.group("date"), int(number), title_at)


def headers(lines: Sequence[Line]) -> list[Found]:
    """Every post header of the page, the opening post's included."""
    return [
        hit
        for position, line in enumerate(lines)
        if ("#" in line.text or line.text.startswith(("Old ", "Старый ")))
        and (hit := _header_at(lines, position)) is not None
    ]


def find_starts(lines: Sequence[Line]) -> list[int]:
    """Positions of the reply headers (post #1 is the opening post)."""
    found = headers(lines)
    if found and found[0].number == 1:
        found = found[1:]
    return [hit.position for hit in found]


def is_chrome(line: Line) -> bool:
    """Forum furniture: profile lines, the signature rule, status and "Reply With Quote"
    buttons, edit notes, thread tools, posting rules, breadcrumbs, the footer."""
    text = line.text
    return bool(CHROME.match(text)) or is_crumbs(text)


def _furniture_start(lines: Sequence[Line], author: str, start: int, end: int) -> int:
    """Where a post's furniture begins: its signature rule, else its status line under
    some body text."""
    for at in range(start, end):
        text = lines[at].text
        if SIGNATURE_RULE.match(text):
            return at
        status = STATUS.match(text)
        if (
            status
            and status.group("name") == author
            and any(is_prose(line.text) for line in lines[start:at])
        ):
            return at
    return end


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    hit = _header_at(lines, position)
    if hit is None:
        return Header(author=lines[position].text, n_lines=1, nesting=0)
    n_lines = min(hit.n_lines, end - position)
    body_start = position + n_lines
    furniture = _furniture_start(lines, hit.author, body_start, end)
    return Header(
        author=hit.author,
        n_lines=n_lines,
        nesting=0,
        edited=any(EDITED.match(line.text) for line in lines[body_start:end]),
        published=hit.published,
        chrome_lines=frozenset(content_indices(lines[furniture:end])),
        quote_lines=frozenset(quoted_lines(lines, body_start, furniture, QUOTE)),
    )


def _post_title(lines: Sequence[Line], position: int, body_start: int) -> int | None:
    """The position of the opening post's title line: its first body line when a line
    above the post shows the same text (the thread title)."""
    first = next_content(lines, body_start - 1)
    if first is None:
        return None
    wanted = lines[first].text.casefold()
    above = {line.text.casefold() for line in lines[:position]}
    return first if wanted in above and is_title_like(lines[first].text) else None


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The opening post's head (post #1), or a stub's title on a later page."""
    found = headers(lines)
    if not found or found[0].number != 1:
        return stub_head(lines, is_chrome, None)
    first = found[0]
    body_start = first.position + first.n_lines
    body_end = _furniture_start(lines, first.author, body_start, len(lines))
    icon = ICON.match(lines[first.title_at].text) if first.title_at is not None else None
    opening = Opening(
        first.position,
        first.n_lines,
        first.author,
        first.published,
        body_end,
        first.title_at if icon else _post_title(lines, first.position, body_start),
        icon.group("title") if icon else None,
    )
    quotes = quoted_lines(lines, body_start, body_end, QUOTE)
    return opening_head(lines, opening, is_chrome, quotes)
