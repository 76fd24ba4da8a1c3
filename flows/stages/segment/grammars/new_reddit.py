"""New Reddit comment trees, as their pages scrape to text.

One comment::

    level <N>                        the depth, from 1
    <name>                           or no name line: 'Comment deleted by user' /
    [<flair>]                          'Comment removed by moderator' stands for the comment
    · <age>                          '· 1 yr. ago', '· 3 hr. ago', '· edited 2 yr. ago'
    <text>
    <score>                          a bare number (or 'Vote'): the score
    Reply Share Report Save Follow   the action row, one label a line or on one line

The post above the first comment: its title, 'Posted by u/<name> <age>' (or 'r/<sub> ·
Posted by …'), its text, then '<N> comments', 'Share', … and the sort control. Comments
are nested by their level; 'Continue this thread', 'N more replies' and the page's
'More posts you may like' section are chrome.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from flows.stages.segment.grammars._common import next_content, shown_count, stub_head
from flows.stages.segment.lines import Line
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "new_reddit"

LEVEL = re.compile(r"^level\s+(?P<depth>\d{1,2})$", re.IGNORECASE)
_UNIT = r"(?:yr|mo|wk|d|hr|min|s|y|m|h|years?|months?|weeks?|days?|hours?|minutes?)s?\.?"
AGE = re.compile(
    rf"^[·•]\s*(?P<edited>edited\s+)?(?P<age>\d+\s*{_UNIT}\s+ago|just now)$", re.IGNORECASE
)
AGE_ALONE = re.compile(rf"^\d+\s*{_UNIT}\s+ago$", re.IGNORECASE)
GONE = re.compile(r"^Comment (?:deleted by user|removed by moderator)$", re.IGNORECASE)
SCORE = re.compile(r"^(?P<score>[-−]?\d[\d,.]*[km]?|Vote)$", re.IGNORECASE)
ACTIONS = ("reply", "share", "report", "save", "follow", "give award", "award", "more")
ACTION_ROW = re.compile(rf"^(?:(?:{'|'.join(ACTIONS)})\s*)+$", re.IGNORECASE)
POSTED_BY = re.compile(
    r"^(?:r/\S+\s*[·•]\s*)?Posted by\s+u/(?P<name>[\w-]{2,40})\s*(?P<age>.{0,40})$", re.I
)
CHROME = re.compile(
    r"^(?:Continue this thread\W*|\d+ more repl(?:y|ies)|Sort by:.*|More posts you may like"
    r"|\d+ comments?|\d+% upvoted|Log In|Sign Up|Open in app|Get App|Back to Top"
    r"|Reddit Inc © \d{4}.*|User Agreement|Privacy Policy|Content Policy|Moderator Code of Conduct"
    r"|Related Communities|Top posts of .*|Hide child comments as well|Add a Comment)$",
    re.IGNORECASE,
)


def find_starts(lines: Sequence[Line]) -> list[int]:
    """The 'level <N>' lines that open a comment (a name or a deleted mark after them,
    then an age line, or the deleted mark alone). Three at least."""
    starts = []
    for position, line in enumerate(lines):
        if LEVEL.match(line.text) and _parts(lines, position) is not None:
            starts.append(position)
    return starts if len(starts) >= 3 else []


def _parts(lines: Sequence[Line], position: int) -> tuple[str, int, str | None, bool] | None:
    """(author, lines the header takes, age, edited) of the comment at `position`."""
    first = next_content(lines, position)
    if first is None:
        return None
    if GONE.match(lines[first].text):  # the mark stands for the text: part of the header
        return "[deleted]", first - position + 1, None, False
    second = next_content(lines, first)
    third = next_content(lines, second) if second is not None else None
    for at in (second, third):  # '· <age>' under the name, or under the name's flair
        if at is not None and (age := AGE.match(lines[at].text)):
            edited = bool(age.group("edited"))
            return lines[first].text, at - position + 1, age.group("age"), edited
    return None


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    parts = _parts(lines, position)
    level = LEVEL.match(lines[position].text)
    if parts is None or level is None:
        return Header(author=lines[position].text, n_lines=1, nesting=0)
    author, n_lines, age, edited = parts
    body = [line for line in lines[position + n_lines : end] if not line.is_blank]
    score: int | None = None
    chrome: set[int] = set()
    for number, line in enumerate(body):  # the score over the action row closes the comment
        if ACTION_ROW.match(line.text):
            chrome.update(item.index for item in body[number:])
            before = body[number - 1] if number else None
            if before is not None and (found := SCORE.match(before.text)):
                chrome.add(before.index)
                value = found.group("score")
                score = None if value.casefold() == "vote" else shown_count(value)
            break
    return Header(
        author=author.removeprefix("u/"),
        n_lines=n_lines,
        nesting=int(level.group("depth")),
        score=score,
        edited=edited,
        age=age,
        chrome_lines=frozenset(chrome),
    )


def is_chrome(line: Line) -> bool:
    return bool(CHROME.match(line.text) or ACTION_ROW.match(line.text))


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The post's head: its title over 'Posted by u/<name> <age>'."""
    for position, line in enumerate(lines):
        if (posted := POSTED_BY.match(line.text)) is None:
            continue
        title = next_content(lines, position)
        meta = {line.index}
        if title is not None and AGE_ALONE.match(lines[title].text):
            meta.add(lines[title].index)  # 'Posted by u/<name>' over '<age>'
            title = next_content(lines, title)
        if title is None:
            break
        return PostHead(
            title=lines[title].text,
            title_lines=frozenset({lines[title].index}),
            author=posted.group("name"),
            meta_lines=frozenset(meta),
            chrome_lines=frozenset(item.index for item in lines[:position] if not item.is_blank),
        )
    return stub_head(lines, is_chrome, None)
