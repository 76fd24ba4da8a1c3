"""Comment trees of Scoop-style community blogs (Daily Kos and its kin), as they scrape
to text.

One comment::

    •  <subject> (<recommends>+ / <hides>-)
    [Recommended by:]
    [<name>, <name>, …]
    <text>
    [<signature>]
    by <name> on <Fri Jun 14, 2013 at 05:31:12 PM PDT>
    [[ Parent ]]

The author stands under the text; recommends and hides are up- and downvotes. Nesting is
the indentation of the bullet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from flows.stages.segment.lines import Line
from flows.stages.segment.threads import Header

NAME = "scoop"

SUBJECT = re.compile(r"^[•*]\s+\S.*?\s+\((?P<up>\d+)\+\s*/\s*(?P<down>\d+)-\)$")
BYLINE = re.compile(
    r"^by\s+(?P<name>\S.{0,60}?)\s+on\s+(?P<date>[A-Z][a-z]{2}\s+[A-Z][a-z]{2}\s+\d{1,2},\s+\d{4}\b.*)$"
)
RECOMMENDED = re.compile(r"^Recommended by:$")
PARENT = re.compile(r"^\[\s*Parent\s*\]$")
PREFERENCES = re.compile(r"^Comment Preferences$")
"""The control above the comments (display settings)."""


def find_starts(lines: Sequence[Line]) -> list[int]:
    """The bulleted subject lines with their vote counts, when there are two."""
    starts = [at for at, line in enumerate(lines) if SUBJECT.match(line.text)]
    return starts if len(starts) >= 2 else []


def is_chrome(line: Line) -> bool:
    """The "[ Parent ]" link, the "Recommended by:" label, the settings control."""
    text = line.text
    return bool(PARENT.match(text) or RECOMMENDED.match(text) or PREFERENCES.match(text))


def find_end(lines: Sequence[Line], starts: Sequence[int]) -> int | None:
    """The line after the last comment's byline (and its "[ Parent ]" link): the page's
    footer follows."""
    bylines = [at for at in range(starts[-1], len(lines)) if BYLINE.match(lines[at].text)]
    if not bylines:
        return None
    end = bylines[0] + 1
    while end < len(lines) and (lines[end].is_blank or PARENT.match(lines[end].text)):
        end += 1
    return end


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    subject = SUBJECT.match(lines[position].text)
    author, published = lines[position].text, None
    chrome: set[int] = set()
    for at in range(position + 1, end):
        text = lines[at].text
        if RECOMMENDED.match(text) and at + 1 < end:
            chrome.add(lines[at + 1].index)  # the names of those who recommended it
        byline = BYLINE.match(text)
        if byline is not None:
            author, published = byline.group("name"), byline.group("date")
            chrome.add(lines[at].index)
    return Header(
        author=author,
        n_lines=1,
        nesting=lines[position].indent,
        upvotes=int(subject.group("up")) if subject else None,
        downvotes=int(subject.group("down")) if subject else None,
        published=published,
        chrome_lines=frozenset(chrome),
    )
