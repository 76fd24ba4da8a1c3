"""Threads printed as text with a pipe down each comment (HN Gopher and similar text
mirrors), as they read.

One comment::

    | <name> wrote:
    | <text>
    |
    | <text>

Nesting is the indentation of the pipe. The head above the first comment gives the title
(the line after "[<site>] " or under the rule), "Author : X", "Score : N points",
"Date : YYYY-MM-DD"; the page ends at the last rule of underscores.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from flows.stages.segment.grammars._common import content_indices, post_head
from flows.stages.segment.lines import Line
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "gopher_wrote"

WROTE = re.compile(r"^\|\s+(?P<name>[\w][\w.\-]{0,39}) wrote:$")
EMPTY_PIPE = re.compile(r"^\|$")
RULE = re.compile(r"^_{20,}$")
FIELD = re.compile(r"^(?P<key>Author|Score|Date)\s*:\s*(?P<value>\S.*)$")
SITE_TITLE = re.compile(r"^\[[^\]]{2,30}\]\s+(?P<title>\S.*)$")
LINK = re.compile(r"^\((?:HTM|TXT|GPH|DIR)\)\s")


def find_starts(lines: Sequence[Line]) -> list[int]:
    """The "| name wrote:" lines, when there are two."""
    starts = [at for at, line in enumerate(lines) if WROTE.match(line.text)]
    return starts if len(starts) >= 2 else []


def is_chrome(line: Line) -> bool:
    """Empty pipe lines, rules and the link lines of the head."""
    text = line.text
    return bool(EMPTY_PIPE.match(text) or RULE.match(text) or LINK.match(text))


def find_end(lines: Sequence[Line], starts: Sequence[int]) -> int | None:
    """The last rule of underscores after the last comment."""
    rules = [at for at in range(starts[-1], len(lines)) if RULE.match(lines[at].text)]
    return rules[-1] if rules else None


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    match = WROTE.match(lines[position].text)
    author = match.group("name") if match else lines[position].text
    return Header(author=author, n_lines=1, nesting=lines[position].indent)


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """Title, author and date from the head; the rest of it is furniture (no opening text
    is printed: the page is a stub)."""
    title_line: Line | None = None
    title: str | None = None
    author = published = None
    meta: set[int] = set()
    for line in lines:
        field = FIELD.match(line.text)
        if field is not None:
            meta.add(line.index)
            if field.group("key") == "Author":
                author = field.group("value")
            elif field.group("key") == "Date":
                published = field.group("value")
        elif title_line is None and (site := SITE_TITLE.match(line.text)) is not None:
            title_line, title = line, site.group("title")
    chrome = content_indices(lines) - meta - ({title_line.index} if title_line else set())
    return post_head(
        title=title,
        title_lines={title_line.index} if title_line else set(),
        author=author,
        published=published,
        meta_lines=meta,
        chrome_lines=chrome,
    )
