"""Comment lists whose every comment opens with a line '<name> wrote' (no colon), the
shape of link aggregators such as Postmill and of text-mode forum mirrors, as they scrape
to text.

One comment::

    <name> wrote [<stamp>] [(edited …)]   one name token; a stamp ('2 years ago', 'on 3
                                          March 2024') and an edit mark may follow
    <body>
    [<score>]                             a count on a line of its own closing the comment

'<name> wrote:' with a colon is a quotation's attribution, never a header. A page needs two
headers by two names at least, each followed by text. Nesting is the header's indentation.
The opening post above the first comment: a 'Submitted by <name> …' byline names its
author, the title-shaped line next to it is its title; the lines above the byline are the
site's furniture. The comment list ends after the last comment's score.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from flows.stages.segment.grammars._common import (
    ACCOUNT,
    content_indices,
    is_prose,
    is_title_like,
    next_content,
    post_head,
    shown_count,
)
from flows.stages.segment.lines import Line
from flows.stages.segment.meta import find_date
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "wrote_header"
GENERIC = True

WROTE = re.compile(
    rf"^(?P<name>{ACCOUNT})\s+(?:wrote|написал[аи]?)"
    r"(?:\s+(?P<stamp>[^():;,.!?]{1,40}?))?(?:\s*\((?P<edit>edited[^()]{0,40})\))?$",
    re.IGNORECASE,
)
"""A comment's header line: 'grey_heron wrote', 'anna wrote 2 years ago (edited )'."""
SCORE = re.compile(r"^[+−–-]?\d{1,6}$")
SUBMITTED = re.compile(
    rf"^(?:Submitted|Posted)\s+by\s+(?P<name>{ACCOUNT})"
    r"(?:\s+\S.{0,100})?$",
    re.IGNORECASE,
)
"""The opening post's byline: 'Submitted by vetla_k in WorldPolitics (edited )'."""
MIN_HEADERS = 2
MAX_HEADER_CHARS = 100


def _header(text: str) -> re.Match[str] | None:
    if len(text) > MAX_HEADER_CHARS or " " not in text or text.endswith(":"):
        return None
    return WROTE.match(text)


def _found(lines: Sequence[Line]) -> list[int]:
    """The header lines followed by text, where two names at least show them."""
    starts: list[int] = []
    names: set[str] = set()
    for at, line in enumerate(lines):
        folded = line.text.casefold()
        if line.is_blank or ("wrote" not in folded and "написал" not in folded):
            continue
        match = _header(line.text)
        if match is None:
            continue
        body = next_content(lines, at)
        if body is None or not is_prose(lines[body].text) or _header(lines[body].text):
            continue
        starts.append(at)
        names.add(match.group("name").casefold())
    return starts if len(starts) >= MIN_HEADERS and len(names) >= 2 else []


def find_starts(lines: Sequence[Line]) -> list[int]:
    return _found(lines)


def _score_line(lines: Sequence[Line], start: int, end: int) -> int | None:
    """The position of the count closing the region [start, end), None when it has none."""
    for at in range(end - 1, start, -1):
        if lines[at].is_blank:
            continue
        return at if SCORE.match(lines[at].text) else None
    return None


def find_end(lines: Sequence[Line], starts: Sequence[int]) -> int | None:
    """The line after the last comment's score (what follows is the site's footer), where
    every other comment closes with a score too; None otherwise (a count inside the last
    comment's text is no score)."""
    if any(_score_line(lines, at, end) is None for at, end in pairwise(starts)):
        return None
    last = starts[-1]
    for at in range(last + 1, len(lines)):
        if SCORE.match(lines[at].text) and (at + 1 == len(lines) or lines[at + 1].is_blank):
            return at + 1
    return None


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    match = _header(lines[position].text)
    if match is None:
        return Header(author=None, n_lines=1, nesting=lines[position].indent)
    stamp = match.group("stamp")
    dated = find_date(stamp) if stamp else None
    scored = _score_line(lines, position, end)
    return Header(
        author=match.group("name"),
        n_lines=1,
        nesting=lines[position].indent,
        score=shown_count(lines[scored].text) if scored else None,
        edited=match.group("edit") is not None,
        age=stamp if stamp and not dated else None,
        published=stamp if dated else None,
        chrome_lines=frozenset({lines[scored].index}) if scored else frozenset(),
    )


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The opening post's head: the 'Submitted by' byline's author, the title-shaped line
    after (or else before) it; the lines above the byline and the title are furniture."""
    byline = next((at for at, line in enumerate(lines) if SUBMITTED.match(line.text)), None)
    if byline is None:
        return None
    match = SUBMITTED.match(lines[byline].text)
    author = match.group("name") if match else None
    title_at = next_content(lines, byline)
    if title_at is None or not is_title_like(lines[title_at].text):
        title_at = None
    meta = {lines[byline].index}
    title_lines = {lines[title_at].index} if title_at is not None else set()
    chrome = {line.index for line in lines[:byline] if not line.is_blank}
    return post_head(
        title=lines[title_at].text if title_at is not None else None,
        title_lines=title_lines,
        author=author,
        published=None,
        meta_lines=meta,
        chrome_lines=chrome & content_indices(lines),
    )
