"""Disqus comment widgets under an article, as their pages scrape to text.

The widget's head, then one entry per comment::

    N Comments
    Login
    Recommend                         (or "Recommend N")
    Share
    Sort by Best                      (Newest, Oldest)
    Join the discussion…
    Log in with
    or sign up with Disqus
    Avatar
    <Name> • <N units ago>[ edited]   (or "<Name> • <Month D, YYYY>"; "edited" may
                                      stand on the next line)
    <text>
    see more
    <likes>                           (optional: the comment's single vote count)
    •
    Reply
    •
    Share ›
        Avatar
        <Name> • <N units ago>        (a reply: 4 spaces deeper per level)
        …
    Load more comments

The Russian localisation prints ages as "3 дня назад", "изменено" for "edited", and
"Ответить", "Поделиться ›", "Сортировать по лучшим", "Загрузить ещё комментарии".

A comment starts at its "<Name> • <when>" line, or at the same printed one item a line
(``<Name>`` / ``•`` / ``<when>`` / [``edited``]), on a page that shows the widget's own
furniture (one of its sort, login or "Share ›" lines); nesting is that line's indentation.
A reply names its parent's author after its own name (on the same line after two spaces
or an arrow, or on the line under it): its parent is that author's latest comment above.
The like count before the "•"/"Reply" footer is the comment's ``score`` (None when the
comment shows none). The widget's lines are chrome. The article above: see
:func:`..wordpress_comments.read_article_head`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from flows.stages.segment.grammars._common import next_content
from flows.stages.segment.grammars.wordpress_comments import posted_by, read_article_head
from flows.stages.segment.lines import Line, ends_sentence
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "disqus"

AGE = (
    r"(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago"
    r"|just now|yesterday"
    r"|(?:\d+\s+)?(?:секунд\w*|минут\w*|час\w*|дн\w*|день|недел\w*|месяц\w*|год\w*|лет)\s+назад"
    r"|только что|вчера"
)
DATE = r"[A-Z][a-z]{2,8}\.?\s+[0-3]?\d,\s+\d{4}|[0-3]?\d\s+[A-Z][a-z]{2,8}\s+\d{4}"
HEADER = re.compile(
    rf"^\s*(?P<author>\S.{{0,80}}?)\s+•\s+(?:(?P<age>{AGE})|(?P<date>{DATE}))"
    r"(?P<edited>(?:\s+•)?\s+(?:edited|изменено))?\s*$",
    re.IGNORECASE,
)
SIGN_UP = re.compile(r"^or sign up with Disqus\b", re.IGNORECASE)
REPLY_TO = re.compile(r"\s{2,}|\s+(?:>|→|➦|⤷|replied to)\s+")
COUNT = re.compile(r"^\d{1,6}$")
NOT_AUTHOR = re.compile(r"^\d[\d,.]*\s*(?:comments?|votes?|repl(?:y|ies)|points?)$", re.IGNORECASE)

WIDGET_MARKS = frozenset(
    {
        "sort by best",
        "sort by newest",
        "sort by oldest",
        "join the discussion…",
        "join the discussion...",
        "start the discussion…",
        "start the discussion...",
        "share ›",
        "see more",
        "load more comments",
        "log in with",
        "powered by disqus",
        "сортировать по лучшим",
        "сортировать по новым",
        "сортировать по старым",
        "присоединиться к обсуждению...",
        "присоединиться к обсуждению…",
        "начать обсуждение...",
        "начать обсуждение…",
        "поделиться ›",
        "показать больше",
        "загрузить ещё комментарии",
        "войти с помощью",
    }
)
"""Lines only the Disqus widget shows (case-folded); the page must show one."""

CHROME_LABELS = WIDGET_MARKS | frozenset(
    {
        "avatar",
        "•",
        "reply",
        "share",
        "login",
        "log in",
        "recommend",
        "name",
        "email",
        "password",
        "show more replies",
        "subscribe",
        "privacy",
        "do not sell my data",
        "add disqus to your site",
        "disqus' privacy policy",
        "tweet",
        "facebook",
        "twitter",
        "this comment was deleted.",
        "this comment has been removed.",
        "favorite",
        "favorite this discussion",
        "i'd rather post as a guest",
        "comment policy",
        "hide replies",
        "comments",
        "show comments",
        "view comments",
        "newest",
        "oldest",
        "best",
        "ответить",
        "поделиться",
        "войти",
        "рекомендовать",
        "лучшие",
        "новые",
        "старые",
        "подписаться",
        "комментарии",
        "показать ещё ответы",
        "скрыть ответы",
        "этот комментарий был удален.",
        "этот комментарий был удалён.",
    }
)
"""Whole lines of the widget's furniture (case-folded)."""

CHROME_PATTERNS = (
    re.compile(r"^\d{1,6}\s+(?:comments?|комментари\w*)(?:\s+•\s+.{1,30})?$", re.IGNORECASE),
    re.compile(r"^(?:Also on|Также на)\s\S.{0,80}$"),
    re.compile(r"^(?:Recommend|Рекомендовать)(?:\s+\d{1,6})?$", re.IGNORECASE),
    re.compile(r"^(?:Показать|Скрыть) (?:ещё )?\d{1,5} (?:нов\w+ )?ответ\w*$", re.IGNORECASE),
    SIGN_UP,
    re.compile(r"^Please access our Privacy Policy\b", re.IGNORECASE),
    re.compile(r"^(?:Show|Hide) \d{1,5} (?:more )?(?:new )?repl(?:y|ies)$", re.IGNORECASE),
    re.compile(r"^\S?\s*(?:Subscribe|Add Disqus to your site|Do Not Sell My Data)\S*$"),
    COUNT,
)

END_MARK = re.compile(
    r"^(?:Load more comments|Загрузить ещё комментарии|Also on\s.+|Также на\s.+"
    r"|Powered by Disqus|\S?\s*Subscribe|"
    r"\S?\s*Add Disqus to your site|\S?\s*Do Not Sell My Data)$",
    re.IGNORECASE,
)


def is_chrome(line: Line) -> bool:
    """The widget's furniture: head, login, sort, footers of comments, vote counts."""
    text = line.text
    if not text or len(text) > 300:
        return False
    return text.casefold() in CHROME_LABELS or any(p.match(text) for p in CHROME_PATTERNS)


def _header(line: Line) -> re.Match[str] | None:
    match = HEADER.match(line.raw)
    return None if match is None or NOT_AUTHOR.match(match.group("author")) else match


WHEN = re.compile(rf"^(?:(?P<age>{AGE})|(?P<date>{DATE}))$", re.IGNORECASE)
MAX_NAME_CHARS = 80


@dataclass(frozen=True, slots=True)
class Split:
    """A header printed one item a line: name, [parent's name], "•", when, ["edited"]."""

    author: str
    reply_to: str | None
    n_lines: int
    age: str | None
    date: str | None
    edited: bool


def _is_name(text: str) -> bool:
    return (
        0 < len(text) <= MAX_NAME_CHARS
        and not ends_sentence(text)
        and text.casefold() not in CHROME_LABELS
        and not NOT_AUTHOR.match(text)
        and not COUNT.match(text)
        and not WHEN.match(text)
    )


def _split_header(lines: Sequence[Line], position: int) -> Split | None:
    """The split header starting at `position` (None: no such header there)."""
    if lines[position].is_blank or not _is_name(lines[position].text):
        return None
    at = next_content(lines, position)
    parent = None
    if at is not None and _is_name(lines[at].text):
        parent, at = lines[at].text, next_content(lines, at)
    if at is None or lines[at].text != "•":
        return None
    when_at = next_content(lines, at)
    when = WHEN.match(lines[when_at].text) if when_at is not None else None
    if when is None or when_at is None:
        return None
    last, edited = when_at, False
    mark = next_content(lines, when_at)
    if mark is not None and lines[mark].text.casefold() in ("edited", "изменено"):
        last, edited = mark, True
    return Split(
        lines[position].text, parent, last - position + 1, when["age"], when["date"], edited
    )


def find_starts(lines: Sequence[Line]) -> list[int]:
    """ "<Name> • <when>" lines (or the same one item a line), on a page showing the
    widget's furniture."""
    if not any(line.text.casefold() in WIDGET_MARKS or SIGN_UP.match(line.text) for line in lines):
        return []
    starts: list[int] = []
    covered = 0  # the lines of the split header just read (its parent's name line)
    for position, line in enumerate(lines):
        if position < covered:
            continue
        split = None if _header(line) else _split_header(lines, position)
        if _header(line) or split is not None:
            starts.append(position)
            covered = position + (split.n_lines if split else 1)
    return starts


def _score(lines: Sequence[Line], position: int, end: int) -> int | None:
    """The count on the line before the comment's "•"/"Reply" footer, if it shows one."""
    filled = [line.text for line in lines[position + 1 : end] if not line.is_blank]
    score = None
    for text, following in itertools.pairwise(filled):
        if COUNT.match(text) and following.casefold() in {"•", "reply"}:
            score = int(text)
    return score


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    first = lines[position]
    match = _header(first)
    if match is None:
        split = _split_header(lines, position)
        if split is None:
            return Header(author=first.text, n_lines=1, nesting=first.indent)
        return Header(
            author=split.author,
            n_lines=min(split.n_lines, end - position),
            nesting=first.indent,
            score=_score(lines, position + split.n_lines - 1, end),
            edited=split.edited,
            age=split.age,
            published=split.date,
            reply_to=split.reply_to,
        )
    names = REPLY_TO.split(match.group("author").strip())
    author = names[0]
    marked = position + 1 < end and lines[position + 1].text.casefold() in ("edited", "изменено")
    return Header(
        author=author,
        reply_to=names[1] if len(names) == 2 and names[1] else None,
        n_lines=2 if marked else 1,
        nesting=first.indent,
        score=_score(lines, position, end),
        edited=bool(match.group("edited")) or marked,
        age=match.group("age"),
        published=match.group("date"),
    )


def find_end(lines: Sequence[Line], starts: Sequence[int]) -> int | None:
    """Where the widget's footer after the last comment begins ("Load more comments",
    "Also on …", the subscribe and privacy links); None without one."""
    if not starts:
        return None
    for position in range(starts[-1] + 1, len(lines)):
        if END_MARK.match(lines[position].text):
            return position
    return None


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    return read_article_head(lines, is_chrome, None, posted_by)
