"""Reddit's current web front-end ("shreddit", 2023 on), as its pages scrape to text.

One comment::

    <name>                           "[deleted]" when its author deleted the account
    [OP | Mod | Top 1% Commenter]    badges, one a line
    •
    <age>                            "2y ago", "8mo ago", "5h ago", "just now"
    [•                               edited: a second dot, then "Edited <age>"
    Edited <age>]
    <text>                           ("Comment deleted by user" for a deleted one)
    Upvote                           the vote row: the score between the arrows ("Vote"
    <score>                          when hidden; "1.2K" shortened)
    Downvote
    Reply / reply / Award / Share    the buttons
    [N more replies]

The post: ``r/<sub>`` / ``•`` / its age / the author's name, then the title, its text,
and its own vote row. The page keeps no indentation, so comments are flat as read (the
nesting is not in the text). Above the post, the site's menu; under the comments, the
community's info box: furniture.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from flows.stages.segment.grammars._common import (
    content_indices,
    next_content,
    post_head,
    shown_count,
)
from flows.stages.segment.lines import Line, ends_sentence
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "shreddit"

DOT = re.compile(r"^[•·]$")
AGE = re.compile(
    r"^(?:\d+\s*(?:y|yr|mo|w|wk|d|h|hr|m|min|s)\.?|\d+\s+(?:yr|mo|wk|hr|min)s?\.)\s+ago$|^just now$",
    re.IGNORECASE,
)
EDITED = re.compile(r"^Edited\s+.{1,20}\bago$", re.IGNORECASE)
BADGE = re.compile(r"^(?:OP|Mod|Admin|Top \d+% (?:Commenter|Poster)|Verified)$")
SUBREDDIT = re.compile(r"^r/[\w-]{2,40}$")
UPVOTE = re.compile(r"^Upvote$")
SCORE = re.compile(r"^(?:[-−]?\d[\d,]*(?:\.\d)?[KkM]?|Vote)$")
CHROME = re.compile(
    r"^(?:Upvote|Downvote|Reply|Award|Share|[•·]|Vote|Go to comments|Single comment thread"
    r"|See full discussion|Sort by:|Best|Top|New|Controversial|Old|Q&A|Search Comments"
    r"|Expand comment search|Comments Section|Related Answers Section|Community Info Section"
    r"|Join|Public|Restricted|Reddit Rules|Privacy Policy|User Agreement|Accessibility"
    r"|Reddit, Inc\. © \d{4}.{0,40}|Created [A-Z][a-z]{2} \d{1,2}, \d{4}|Skip to main content"
    r"|Open menu|Open navigation|Go to Reddit Home|Get App|Get the Reddit app|Log In|Expand user menu"
    r"|Go to [\w-]{2,40}|\d+ more repl(?:y|ies)|Continue this thread|More replies"
    r"|Edited\s+.{1,20}\bago|Anyone can view, post, and comment to this community)$",
    re.IGNORECASE,
)
INFO_BOX = re.compile(r"^(?:Community Info Section|Related Answers Section)$")
MAX_NAME_CHARS = 40


def _header_run(lines: Sequence[Line], position: int) -> tuple[int, bool, bool] | None:
    """(position of the header's last line, is_op, edited) when a comment header starts at
    `position`: a name, badge lines, a lone dot and an age (then "•" / "Edited <age>")."""
    name = lines[position].text
    if (
        not name
        or len(name) > MAX_NAME_CHARS
        or " " in name
        or SUBREDDIT.match(name)
        or DOT.match(name)
        or BADGE.match(name)
        or ends_sentence(name)
        or CHROME.match(name)
    ):
        return None
    at = next_content(lines, position)
    is_op = False
    while at is not None and BADGE.match(lines[at].text):
        is_op = is_op or lines[at].text == "OP"
        at = next_content(lines, at)
    if at is None or not DOT.match(lines[at].text):
        return None
    age = next_content(lines, at)
    if age is None or not AGE.match(lines[age].text):
        return None
    last, edited = age, False
    dot = next_content(lines, age)
    edit = next_content(lines, dot) if dot is not None and DOT.match(lines[dot].text) else None
    if edit is not None and EDITED.match(lines[edit].text):
        last, edited = edit, True
    return last, is_op, edited


def find_starts(lines: Sequence[Line]) -> list[int]:
    """Comment headers whose text is followed by a vote row ("Upvote"); two at least."""
    starts = [p for p in range(len(lines)) if _header_run(lines, p) is not None]
    kept = []
    for ordinal, position in enumerate(starts):
        end = starts[ordinal + 1] if ordinal + 1 < len(starts) else len(lines)
        if any(UPVOTE.match(line.text) for line in lines[position:end]):
            kept.append(position)
    return kept if len(kept) >= 2 else []


def is_chrome(line: Line) -> bool:
    return len(line.text) <= 120 and bool(CHROME.match(line.text))


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    run = _header_run(lines, position)
    if run is None:
        return Header(author=lines[position].text, n_lines=1, nesting=0)
    last, is_op, edited = run
    age = next(
        (lines[at].text for at in range(position, last + 1) if AGE.match(lines[at].text)), None
    )
    vote = next((at for at in range(last + 1, end) if UPVOTE.match(lines[at].text)), end)
    score_at = next_content(lines, vote, end) if vote < end else None
    score = None
    if (
        score_at is not None
        and SCORE.match(lines[score_at].text)
        and lines[score_at].text != "Vote"
    ):
        score = shown_count(lines[score_at].text)
    return Header(
        author=lines[position].text,
        n_lines=last - position + 1,
        nesting=0,
        is_op=is_op,
        score=score,
        edited=edited,
        age=age,
        chrome_lines=frozenset(content_indices(lines[vote:end])),
    )


def find_end(lines: Sequence[Line], starts: Sequence[int]) -> int | None:
    """The community's info box under the comments."""
    if not starts:
        return None
    return next(
        (at for at in range(starts[-1], len(lines)) if INFO_BOX.match(lines[at].text)), None
    )


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """Author and title from the post's header ('r/<sub>', '•', age, name, title); its
    vote row and what follows it, and the site's menu above, are furniture."""
    for position, line in enumerate(lines):
        if not SUBREDDIT.match(line.text):
            continue
        dot = next_content(lines, position)
        age = next_content(lines, dot) if dot is not None else None
        name = next_content(lines, age) if age is not None else None
        if dot is None or age is None or name is None:
            continue
        if not (DOT.match(lines[dot].text) and AGE_POST.match(lines[age].text)):
            continue
        title = next_content(lines, name)
        vote = next((at for at in range(name, len(lines)) if UPVOTE.match(lines[at].text)), None)
        chrome = content_indices(lines[:position])
        if vote is not None:
            chrome |= content_indices(lines[vote:])
        meta = {lines[at].index for at in (position, dot, age, name)}
        return post_head(
            title=lines[title].text if title is not None else None,
            title_lines={lines[title].index} if title is not None else set(),
            author=lines[name].text,
            published=None,
            meta_lines=meta,
            chrome_lines=chrome,
        )
    return None


AGE_POST = re.compile(r"^\d+\s*(?:y|yr|mo|w|wk|d|h|hr|m|min|s)\.?\s+ago$|^just now$", re.IGNORECASE)
"""The post's age over its author ('8 mo. ago', '2 yr. ago', '5h ago')."""
