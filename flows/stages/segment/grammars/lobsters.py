"""Link-aggregator threads with a byline bar under a bare score (Lobsters and its
look-alikes), as they scrape to text.

One comment::

    <N>                                         the score, alone on its line
    [-] <name> [edited] <age> | link | flag[ | reply]
    <text>

Nesting is the indentation of the header's first line (the score's, where one stands above
the byline: a text dump may wrap a long byline and lose its indentation). The story head
above the first comment is "<title>  <tags>  <domain>" (tags and domain after two spaces)
over "via <name> <age> | …"; the page shows no opening text, so the post is a stub.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from flows.stages.segment.grammars._common import content_indices, post_head, previous_content
from flows.stages.segment.lines import Line
from flows.stages.segment.post import PostHead
from flows.stages.segment.threads import Header

NAME = "lobsters"

_AGE = r"\d{1,3}\s+(?:second|minute|hour|day|week|month|year)s?\s+ago"
BYLINE = re.compile(
    rf"^\[[-–+]\]\s+(?P<name>[\w][\w.\-]{{0,39}})\s+(?P<edited>edited\s+)?(?P<age>{_AGE})"
    r"(?:\s*\|\s*(?:link|flag|reply|hide|save))+$"
)
SCORE = re.compile(r"^[-−]?\d{1,6}$")
STORY = re.compile(
    rf"^(?:authored by|via)\s+(?P<name>[\w][\w.\-]{{0,39}})\s+{_AGE}(?:\s*\|\s*\S.*)?$"
)
TITLE = re.compile(r"^(?P<title>\S.*?)(?:\s{2,}\S+)+$")


def find_starts(lines: Sequence[Line]) -> list[int]:
    """Each comment's score line (or its byline where no score stands above it)."""
    starts = []
    for at, line in enumerate(lines):
        if BYLINE.match(line.text):
            above = previous_content(lines, at)
            scored = above is not None and above == at - 1 and SCORE.match(lines[above].text)
            starts.append(above if scored and above is not None else at)
    return starts if len(starts) >= 2 else []


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    score = None
    at = position
    if SCORE.match(lines[at].text) and at + 1 < end:
        score = int(lines[at].text.replace("−", "-"))
        at += 1
    byline = BYLINE.match(lines[at].text)
    if byline is None:
        return Header(author=lines[position].text, n_lines=1, nesting=lines[position].indent)
    return Header(
        author=byline.group("name"),
        n_lines=at - position + 1,
        nesting=lines[position].indent,
        score=score,
        edited=bool(byline.group("edited")),
        age=byline.group("age"),
    )


def parse_post(lines: Sequence[Line]) -> PostHead | None:
    """The story's title (before its tags and domain) and submitter; the rest is
    furniture."""
    story = next((line for line in lines if STORY.match(line.text)), None)
    if story is None:
        return None
    above = previous_content(lines, story.index - lines[0].index)
    title_line = lines[above] if above is not None else None
    title = None
    if title_line is not None:
        match = TITLE.match(title_line.text)
        title = match.group("title") if match else title_line.text
    found = STORY.match(story.text)
    meta = {story.index}
    titles = {title_line.index} if title_line else set()
    return post_head(
        title=title,
        title_lines=titles,
        author=found.group("name") if found else None,
        published=None,
        meta_lines=meta,
        chrome_lines=content_indices(lines) - meta - titles,
    )
