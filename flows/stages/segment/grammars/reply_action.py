"""Comment lists that close each comment with a reply action on a line of its own (social
widgets and blog platforms: VK, Dzen, Habr and their like), as they scrape to text.

One comment, in either order of its stamp::

    <name>                    <name>
    <text>                    <stamp>             (a date or an age: '2 дня назад',
    <stamp>                   <text>               '14 мар 2024 в 10:40', 'yesterday')
    Ответить                  [<votes>]           ('+15', '41', 'Нравится 18', '3 likes')
    [<votes>]                 Ответить

The reply action ('Ответить', 'Reply') ends a comment; the next one starts at the first
line after it that is no votes count or 'show more' link. Its score is the votes count
beside the action. Nesting is the name line's indentation; where the page shows none, a
reply addressed by name ('Светлана, …', 'Anna, …': the first name of an earlier
commenter, then a comma) replies to that commenter's latest comment. The page's
furniture begins after the last comment.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from flows.stages.segment.grammars._common import (
    AVATAR_LABEL,
    NAME_BULLET,
    REPLY_NOTE,
    SAYS_NOTE,
    is_prose,
    is_stamp,
    next_content,
    previous_content,
    shown_count,
    without_badge,
)
from flows.stages.segment.lines import Line, ends_sentence
from flows.stages.segment.meta import find_date
from flows.stages.segment.threads import Header

__all__ = ["is_stamp"]

NAME = "reply_action"
GENERIC = True
"""Many front-ends close a comment with a reply link: a page's own grammar wins ties."""

ACTION = re.compile(r"^(?:Ответить|Reply|Antworten|Répondre|Responder|Odpowiedz)$")
VOTES = re.compile(
    r"^(?:[+−–-]?\d{1,6}|(?:Нравится|Like|Likes|Класс!?)\s*\d{1,6}|\d{1,6}\s+(?:likes?|лайк\w*))$"
)
MORE = re.compile(
    r"^(?:Показать (?:ещё|еще|все|следующие|предыдущие)\b.{0,40}|Свернуть(?: ответы)?"
    r"|Скрыть ответы|(?:View|Show|Load) (?:\d+ )?more (?:repl(?:y|ies)|comments)"
    r"|(?:(?:View|Show) (?:all )?)?\d+ repl(?:y|ies)|\d+ ответ(?:а|ов)?)$",
    re.IGNORECASE,
)
LIST_CHROME = re.compile(
    r"^(?:Комментарии(?:\s+\d+)?|Comments(?:\s+\d+)?|\d+\s+(?:комментари\w*|comments?)"
    r"|Сначала (?:популярные|интересные|новые|старые)|Написать комментарий(?:\.\.\.|…)?"
    r"|Войдите,? чтобы (?:комментировать|оставить комментарий)\.?)$",
    re.IGNORECASE,
)
EDITED = re.compile(r"\((?:edited|изменено)\)$", re.IGNORECASE)
"""The edit mark a stamp line may end with ('1 year ago (edited)')."""
FOOTER = re.compile(r"^(?P<stamp>\S.{2,60}?)\s+(?:Ответить|Reply)(?:\s+(?P<votes>\S.{0,30}))?$")
NAME_NOTE = re.compile(r"\s+(?:ответил[аи]?|ответил\(а\)|replied to)\s+\S+$", re.IGNORECASE)
"""Whom a name line says the comment answers ('Алёна Шестакова ответила Николаю'): the
addressee's name in the dative, read from the body's address instead."""
ADDRESS = re.compile(r"^(?P<name>[A-ZА-ЯЁ][\w-]{1,30}),\s")
MAX_NAME_WORDS = 5
LETTER = re.compile(r"[^\W\d_]")


def _is_name(text: str) -> bool:
    return (
        0 < len(text) <= 60
        and LETTER.search(text) is not None
        and not text.startswith("#")
        and ": " not in text  # a profile label ('Joined: Feb 2018'), not a name
        and len(text.split()) <= MAX_NAME_WORDS
        and not ends_sentence(text.rstrip("."))
        and not is_stamp(text)
        and not VOTES.match(text)
        and not ACTION.match(text)
        and not MORE.match(text)
        and not LIST_CHROME.match(text)
    )


def _is_filler(text: str) -> bool:
    return bool(VOTES.match(text) or MORE.match(text) or LIST_CHROME.match(text))


@dataclass(frozen=True, slots=True)
class Comment:
    """One comment: its name line, its stamp line, its action line and votes line."""

    name: int
    stamp: int
    action: int
    votes: int | None
    stamp_first: bool


def _footer(text: str) -> re.Match[str] | None:
    """A stamp and the reply action on one line, the votes after them ('14 мар 2023 в
    10:22 Ответить  Нравится 27')."""
    match = FOOTER.match(text)
    if match is None or not is_stamp(match.group("stamp")):
        return None
    votes = match.group("votes")
    return match if votes is None or VOTES.match(votes) else None


def _comments(lines: Sequence[Line]) -> list[Comment]:
    actions = [
        at
        for at, line in enumerate(lines)
        if ACTION.match(line.text) or _footer(line.text) is not None
    ]
    found: list[Comment] = []
    previous: int | None = None
    for action in actions:
        low = previous if previous is not None else -1
        stamps = [at for at in range(low + 1, action) if is_stamp(lines[at].text)]
        if _footer(lines[action].text) is not None:
            stamps = [action]  # the stamp is the footer's
        comment = _comment(lines, low, action, stamps, first=previous is None)
        if comment is not None:
            found.append(comment)
        previous = comment.votes if comment and comment.votes and comment.votes > action else action
    if len(found) < 2 or len(found) * 4 < len(actions) * 3:
        return []
    return _past_labels(lines, found)


MIN_LABELLED = 3
LABEL_SHARE = 0.75
LABEL_REACH = 3
"""Content lines above a label searched for the name it stands under."""
HEADER_NOTE = re.compile(r"^(?:in reply to|replying to|reply to|в ответ)\s", re.IGNORECASE)


def _past_labels(lines: Sequence[Line], found: list[Comment]) -> list[Comment]:
    """The comments with their name line moved above a label the front-end prints under
    every name ('Guest', 'Member'): a name line whose text most comments share is no
    name when a name-shaped line stands above it (past a reply note: 'Reply to X'); the
    name printed twice (an avatar's label, then the name) starts at its first copy."""
    if len(found) < MIN_LABELLED:
        return found
    counts = Counter(lines[comment.name].text for comment in found)
    label, count = counts.most_common(1)[0]
    if count < LABEL_SHARE * len(found):
        return found
    moved = []
    for index, comment in enumerate(found):
        low = found[index - 1].action if index else -1
        name = _name_above(lines, comment.name, low) if lines[comment.name].text == label else None
        if name is None:
            moved.append(comment)
            continue
        twin = previous_content(lines, name)
        if twin is not None and twin > low and lines[twin].text == lines[name].text:
            name = twin
        moved.append(dataclasses.replace(comment, name=name))
    if sum(m.name != c.name for m, c in zip(moved, found, strict=True)) < LABEL_SHARE * count:
        return found
    return moved


def _name_above(lines: Sequence[Line], position: int, low: int) -> int | None:
    at = position
    for _ in range(LABEL_REACH):
        above = previous_content(lines, at)
        if above is None or above <= low:
            return None
        if _is_name(lines[above].text) and not HEADER_NOTE.match(lines[above].text):
            return above
        at = above
    return None


def _label_above(lines: Sequence[Line], above: int, low: int) -> int:
    """The name line of a header whose name has a label under it, over its stamp ('Anna
    Kim', 'Election observer', '· 2 days ago'): two name-shaped lines right above the
    stamp, no blank line between them and a blank line (or the comment above) over them,
    are the name, then the label; else the line right above the stamp is the name."""
    higher = above - 1
    if (
        higher <= low
        or lines[higher].is_blank
        or lines[higher].indent != lines[above].indent
        or not _is_name(lines[higher].text)
        or AVATAR_LABEL.match(lines[higher].text)
        or HEADER_NOTE.match(lines[higher].text)
    ):
        return above
    top = higher - 1
    return higher if top <= low or lines[top].is_blank else above


def _comment(
    lines: Sequence[Line], low: int, action: int, stamps: list[int], *, first: bool
) -> Comment | None:
    if not stamps:
        return None
    after = next_content(lines, action)
    before = previous_content(lines, action)
    votes = None
    if after is not None and VOTES.match(lines[after].text):
        votes = after
    elif before is not None and before > stamps[-1] and VOTES.match(lines[before].text):
        votes = before
    top = stamps[-1] if first else stamps[0]  # above the first comment: the article's
    above = previous_content(lines, top)
    if above is not None and above > low and HEADER_NOTE.match(lines[above].text):
        above = previous_content(lines, above)  # 'Reply to X' between the name and the stamp
    text = next_content(lines, top, action)
    if (
        top != action
        and above is not None
        and above > low
        and _is_name(lines[above].text)
        and text is not None
        and text != votes
        and is_prose(lines[text].text)
    ):
        return Comment(_label_above(lines, above, low), top, action, votes, stamp_first=True)
    stamp = stamps[-1]
    if first:
        name = previous_content(lines, stamp)
        while name is not None and name > low and not _is_name(lines[name].text):
            name = previous_content(lines, name)
    else:
        name = next_content(lines, low, stamp)
        while name is not None and _is_filler(lines[name].text):
            name = next_content(lines, name, stamp)
    if name is None or name <= low or name >= stamp or not _is_name(lines[name].text):
        return None
    text = next_content(lines, name, stamp)
    if text is None or not is_prose(lines[text].text):
        return None  # a name, then no text (a label, a counter) before the stamp
    return Comment(name, stamp, action, votes, stamp_first=False)


def find_starts(lines: Sequence[Line]) -> list[int]:
    """The name lines, when two comments at least (and three in four reply actions) read
    as a name, a stamp and text."""
    return [comment.name for comment in _comments(lines)]


def is_chrome(line: Line) -> bool:
    text = line.text
    return bool(ACTION.match(text) or MORE.match(text) or LIST_CHROME.match(text))


def find_end(lines: Sequence[Line], starts: Sequence[int]) -> int | None:
    """The line after the last comment's action (and its votes count)."""
    comments = _comments(lines)
    if not comments or comments[-1].name != starts[-1]:
        return None
    last = comments[-1]
    end = max(last.action, last.votes or 0) + 1
    return end if end < len(lines) else None


def parse_headers(lines: Sequence[Line], starts: Sequence[int]) -> list[Header]:
    """Every comment's header, the page read once."""
    comments = _comments(lines)
    at = {comment.name: index for index, comment in enumerate(comments)}
    return [_header(lines, comments, position, at.get(position)) for position in starts]


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    comments = _comments(lines)
    index = next((i for i, c in enumerate(comments) if c.name == position), None)
    return _header(lines, comments, position, index)


def _header(
    lines: Sequence[Line], comments: Sequence[Comment], position: int, index: int | None
) -> Header:
    if index is None:
        return Header(author=lines[position].text, n_lines=1, nesting=0)
    comment = comments[index]
    votes = comment.votes
    chrome = {lines[comment.action].index}
    if votes is not None:
        chrome.add(lines[votes].index)
    if not comment.stamp_first:
        chrome.add(lines[comment.stamp].index)
    n_lines = comment.stamp - position + 1 if comment.stamp_first else 1
    stamp = REPLY_NOTE.sub("", lines[comment.stamp].text).strip()
    score = _votes(lines[votes].text) if votes is not None else None
    footer = _footer(lines[comment.action].text)
    if footer is not None:
        stamp = footer.group("stamp")
        score = _votes(footer.group("votes")) if footer.group("votes") else None
    found = find_date(stamp)
    return Header(
        author=_author(lines[position].text),
        n_lines=n_lines,
        nesting=lines[position].indent,
        score=score,
        age=None if found else stamp,
        published=stamp if found else None,
        edited=EDITED.search(lines[comment.stamp].text) is not None,
        reply_to=_addressee(lines, comments, index),
        chrome_lines=frozenset(chrome),
    )


def _author(text: str) -> str:
    """A name line without the note of whom it answers, the verb it may close with
    ('Anna says:') and the poster's role badge ('Anna MOD')."""
    return without_badge(SAYS_NOTE.sub("", NAME_NOTE.sub("", NAME_BULLET.sub("", text))))


def _votes(text: str) -> int | None:
    """The signed count on a votes line ('+3', '−2', 'Like 4'), None without digits."""
    digits = re.search(r"[+−–-]?\d+", text)
    return None if digits is None else shown_count(digits.group(0))


def _addressee(lines: Sequence[Line], comments: Sequence[Comment], index: int) -> str | None:
    """The earlier commenter a comment addresses by first name ('Светлана, …'), when the
    page shows no indentation."""
    comment = comments[index]
    if any(lines[c.name].indent for c in comments):
        return None
    body = comment.stamp + 1 if comment.stamp_first else comment.name + 1
    first = next_content(lines, body - 1, comment.action)
    if first is None:
        return None
    address = ADDRESS.match(lines[first].text)
    if address is None:
        return None
    wanted = address.group("name").casefold()
    for earlier in reversed(comments[:index]):
        author = _author(lines[earlier.name].text)
        if author.split()[0].casefold() == wanted:
            return author
    return None
