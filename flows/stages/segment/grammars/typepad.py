"""Comment sections whose comments are signed *after* their text (TypePad and
Movable Type blogs), as their pages scrape to text.

Under the article, a "Comments" heading, then each comment as::

    <text>                                   one paragraph or more
    Posted by: <name> | <Month day, year> at <time>

so a comment starts at the first line after the heading or after the signature line of
the comment before it, and its header is the signature under it (author and date; the
line itself is kept out of the text). Comments are flat. The article above is read as
under other comment sections (headline, byline, date; the blog's own "Posted by <name> at
<time> in <category> | Permalink" line, with no colon, is the article's).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from flows.stages.segment.grammars._common import next_content
from flows.stages.segment.grammars.wordpress_comments import posted_by, read_article_head
from flows.stages.segment.lines import Line
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "typepad"

SIGNATURE = re.compile(r"^Posted by:\s*(?P<name>\S.{0,60}?)\s*\|\s*(?P<when>\S.{5,60})$")
"""A comment's signature line: 'Posted by: <name> | March 3, 2019 at 10:15 AM'."""
COMMENTS_HEADING = re.compile(r"^(?:\d+\s+)?comments?:?$", re.IGNORECASE)
CHROME = re.compile(
    r"^(?:«.*\|\s*Main\s*\|.*»|Main|Permalink|Comments?(?: \(\d+\))?|Post a comment"
    r"|Comments are moderated.*|The comments to this entry are closed\.?|Verify your Comment"
    r"|Previewing your Comment|Your Information|\(Name (?:is )?required.*\))$",
    re.IGNORECASE,
)


def _signatures(lines: Sequence[Line]) -> list[int]:
    return [position for position, line in enumerate(lines) if SIGNATURE.match(line.text)]


def find_starts(lines: Sequence[Line]) -> list[int]:
    """Where each signed comment's text starts: after the comments heading above the
    first signature, then after each signature. Two signatures at least."""
    signed = _signatures(lines)
    if len(signed) < 2:
        return []
    heading = next(
        (p for p in range(signed[0] - 1, -1, -1) if COMMENTS_HEADING.match(lines[p].text)),
        None,
    )
    if heading is None:
        return []
    starts: list[int] = []
    for above in [heading, *signed[:-1]]:
        start = next_content(lines, above)
        if start is not None and start not in signed:
            starts.append(start)
    return starts


def is_chrome(line: Line) -> bool:
    """The blog's navigation ('« Previous | Main | Next »'), 'Permalink', the comments
    heading and the comment form's labels."""
    return bool(CHROME.match(line.text))


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    """The signature under the text that starts at `position` (before `end`)."""
    signature = next((p for p in range(position, end) if SIGNATURE.match(lines[p].text)), None)
    if signature is None:
        return Header(author=lines[position].text, n_lines=1, nesting=0)
    match = SIGNATURE.match(lines[signature].text)
    assert match is not None
    return Header(
        author=match.group("name"),
        n_lines=0,
        nesting=0,
        published=match.group("when"),
        chrome_lines=frozenset({lines[signature].index}),
    )


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The article's head; its author from the blog's 'Posted by <name> at <time>' line
    under the text when no byline stands over it."""
    head = read_article_head(lines, is_chrome, None, posted_by)
    if head is None or head.author is not None:
        return head
    for line in lines:
        if (name := posted_by(line.text)) and not SIGNATURE.match(line.text):
            return dataclasses.replace(head, author=name, meta_lines=head.meta_lines | {line.index})
    return head
