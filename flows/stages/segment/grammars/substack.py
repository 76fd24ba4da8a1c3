"""Substack posts and their comments, as the pages scrape to text.

The post::

    <Publication>                    the masthead ("Subscribe", "Sign in" beside it)
    <Title>
    [<Subtitle>]
    <Author Name>                    the byline: a name over a date
    <Feb 19, 2024>
    [<likes>] [<comments>] [Share]   bare counters and the share button
    <body>
    [Subscribe to <Publication> ...] the subscribe box and the reaction bar close the body:
    <N> Likes∙<M> Restacks           everything from there to the first comment is chrome
    ...

One comment::

    <Name>                           one to five words, no sentence end
    <Feb 19>                         its date ("Feb 19", "Feb 19, 2023", "19 Feb", "3h")
    [Author] [Edited] [Liked by X]   badges: "Author" is the post's writer
    <body>
    Reply                            the button row: "Like (3)", "Reply", "Share", ...
    Share
    [N replies [by X [and others]]]  the count of replies shown under this comment

A name over a date starts a comment only when the button row ("Reply" over "Share", or
"Like" over "Reply") follows before the next such pair (the article's byline has none). Nesting: a comment's "N replies" line says
that the next N comments on the page are its replies (and theirs), in page order; a
comment with no such line has no replies shown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from flows.stages.segment.grammars._common import (
    content_indices,
    next_content,
    post_head,
    previous_content,
)
from flows.stages.segment.lines import Line, ends_sentence
from flows.stages.segment.meta import find_date
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "substack"

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE = re.compile(
    rf"^(?:{_MONTH}\s+\d{{1,2}}(?:,\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?"
    r"|\d{1,2}[hdwm]|\d{1,2}\s*(?:min|hr)s?|just now|yesterday)(?P<edited>\s*Edited)?$",
    re.IGNORECASE,
)
"""A comment's or the byline's date as Substack prints it: 'Feb 19', 'Feb 19, 2024',
'19 Feb', or an age ('3h', '2d'); the 'Edited' badge may follow on the same line, glued
to it where the scraper joined the two ('May 14Edited')."""
BADGE = re.compile(r"^(?:Author|Edited|Liked by .{1,80})$")
REPLY_BUTTON = re.compile(r"^Reply(?:\s*\(\d+\))?$")
LIKE = re.compile(r"^Like(?:\s*\(\d+\))?$")
BUTTON = re.compile(
    r"^(?:Reply(?:\s*\(\d+\))?|Like(?:\s*\(\d+\))?|Share|Collapse|Expand full comment"
    r"|Hide|Report|Delete|Edit|Gift a subscription|Write a comment\.{0,3}|Comments|Restacks"
    r"|Top|Latest|Discussions|Subscribe|Sign in|Start writing|Get the app|No posts"
    r"|Ready for more\?|Share this post|Copy link|Facebook|Email|Notes|Other"
    r"|Discussion about this post|.{1,60}'s avatar)$",
    re.IGNORECASE,
)
REPLIES = re.compile(r"^(?P<count>\d{1,4})\s+repl(?:y|ies)(?:\s+by\s+.{1,80})?$", re.IGNORECASE)
MORE = re.compile(r"^\d{1,5}\s+more\s+(?:comments|replies)\.{0,3}$", re.IGNORECASE)
REACTIONS = re.compile(
    r"^\d[\d,.]*[KkM]?\s+Likes?(?:\s*∙\s*\d[\d,.]*[KkM]?\s+Restacks?)?$|^\d[\d,.]*\s+Comments?$",
    re.IGNORECASE,
)
FOOTER = re.compile(
    r"^(?:©\s*\d{4}\b.{0,80}|Privacy\s*∙?\s*Terms.{0,80}|Privacy\s*∙.{0,80}"
    r"|Substack is the home for great .{1,40}|Start your Substack\s*(?:∙\s*)?Get the app"
    r"|Launched \d+ (?:years?|months?) ago)$",
    re.IGNORECASE,
)
SUBSCRIBE_TO = re.compile(
    r"^(?:Subscribe to .{1,80}|Thanks for reading .{1,80}! Subscribe for free .{1,120})$"
)
"""The subscribe box that closes a post's body ('Subscribe to <Publication>', 'Thanks for
reading <Publication>! Subscribe for free to receive new posts ...')."""
COUNTER = re.compile(r"^\d[\d,.]*[KkM]?$")
MAX_NAME_WORDS = 5


def is_name(text: str) -> bool:
    """A commenter's name as shown: up to five words, no sentence end, no digits-only."""
    words = text.split()
    return (
        0 < len(words) <= MAX_NAME_WORDS
        and len(text) <= 60
        and not ends_sentence(text)
        and not text.endswith((":", ","))
        and not COUNTER.match(text)
        and not is_chrome_text(text)
        and not DATE.match(text)
    )


def is_chrome_text(text: str) -> bool:
    return bool(
        BUTTON.match(text)
        or REPLIES.match(text)
        or MORE.match(text)
        or REACTIONS.match(text)
        or FOOTER.match(text)
        or (BADGE.match(text) and text.startswith("Liked by "))
    )


def is_chrome(line: Line) -> bool:
    return len(line.text) <= 120 and is_chrome_text(line.text)


def _pairs(lines: Sequence[Line]) -> list[int]:
    """Positions of name lines directly followed (blank lines aside) by a date line."""
    found = []
    for position, line in enumerate(lines):
        if line.is_blank or not is_name(line.text):
            continue
        following = next_content(lines, position)
        if following is not None and DATE.match(lines[following].text):
            found.append(position)
    return found


def find_starts(lines: Sequence[Line]) -> list[int]:
    """Name-over-date pairs with a "Reply" button before the next pair (two at least)."""
    pairs = _pairs(lines)
    starts = []
    for ordinal, position in enumerate(pairs):
        end = pairs[ordinal + 1] if ordinal + 1 < len(pairs) else len(lines)
        if _button_row(lines, position, end):
            starts.append(position)
    return starts if len(starts) >= 2 else []


def _button_row(lines: Sequence[Line], start: int, end: int) -> bool:
    """Whether [start, end) holds Substack's button row: "Reply" with "Share" under it or
    "Like" over it (a lone "Reply" is any forum's button)."""
    for at in range(start, end):
        if not REPLY_BUTTON.match(lines[at].text):
            continue
        after = next_content(lines, at, end)
        before = previous_content(lines, at)
        if (after is not None and lines[after].text == "Share") or (
            before is not None and before >= start and LIKE.match(lines[before].text)
        ):
            return True
    return False


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    """Name, date and the badge lines under them."""
    at = next_content(lines, position, end)
    published = lines[at].text if at is not None else None
    n_lines = (at - position + 1) if at is not None else 1
    is_op = False
    date = DATE.match(published) if published else None
    edited = bool(date and date.group("edited"))
    if date is not None and edited:
        published = published[: date.start("edited")] if published else None
    following = next_content(lines, position + n_lines - 1, end)
    while following is not None and BADGE.match(lines[following].text):
        text = lines[following].text
        is_op = is_op or text == "Author"
        edited = edited or text == "Edited"
        n_lines = following - position + 1
        following = next_content(lines, following, end)
    dated = find_date(published) if published else None
    return Header(
        author=lines[position].text,
        n_lines=n_lines,
        nesting=0,
        is_op=is_op,
        edited=edited,
        age=published if published and not dated else None,
        published=published if dated else None,
    )


def nestings(lines: Sequence[Line], starts: Sequence[int]) -> list[int]:
    """Depths from the "N replies" lines: the next N comments belong under the one that
    shows it (a stack of open comments with their replies still to come)."""
    levels: list[int] = []
    stack: list[int] = []
    for ordinal, position in enumerate(starts):
        while stack and stack[-1] == 0:
            stack.pop()
        levels.append(len(stack))
        stack = [left - 1 for left in stack]
        end = starts[ordinal + 1] if ordinal + 1 < len(starts) else len(lines)
        shown = [found for line in lines[position:end] if (found := REPLIES.match(line.text))]
        stack.append(int(shown[0].group("count")) if shown else 0)
    return levels


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """Title, author and date from the byline (a name over a dated line above the first
    comment); the masthead above the title, the counters under the byline and the
    subscribe box and reaction bar under the body are chrome."""
    byline = next(
        (
            position
            for position in _pairs(lines)
            if (at := next_content(lines, position)) is not None and find_date(lines[at].text)
        ),
        None,
    )
    if byline is None:
        return None
    date_at = next_content(lines, byline)
    assert date_at is not None
    above = [line for line in lines[:byline] if not line.is_blank and not BUTTON.match(line.text)]
    title_line = _title(above)
    body_start = date_at + 1
    while (at := next_content(lines, body_start - 1)) is not None and (
        COUNTER.match(lines[at].text) or BUTTON.match(lines[at].text)
    ):
        body_start = at + 1
    tail = next(
        (
            position
            for position in range(body_start, len(lines))
            if SUBSCRIBE_TO.match(lines[position].text) or REACTIONS.match(lines[position].text)
        ),
        len(lines),
    )
    meta = {lines[byline].index, lines[date_at].index}
    title_lines = {title_line.index} if title_line else set()
    chrome = (content_indices(lines[:body_start]) - meta - title_lines) | content_indices(
        lines[tail:]
    )
    subtitle = [line.index for line in above if title_line and line.index > title_line.index]
    return post_head(
        title=title_line.text if title_line else None,
        title_lines=title_lines,
        author=lines[byline].text,
        published=lines[date_at].text,
        meta_lines=meta | set(subtitle),
        chrome_lines=chrome - set(subtitle),
    )


def _title(above: Sequence[Line]) -> Line | None:
    """The title among the lines over the byline: the last one, or the one before it when
    the last is a longer subtitle under it (the masthead's name comes first)."""
    if not above:
        return None
    if len(above) >= 2 and len(above[-1].text) > len(above[-2].text) and len(above) >= 3:
        return above[-2]
    return above[-1]
