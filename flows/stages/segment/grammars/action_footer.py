"""Comment plugins that close each comment with a line of actions (the Facebook comments
plugin and its look-alikes), as they scrape to text.

One comment::

    <name>                              (one to four words)
    [<badge>]                           ("Top Commenter", "Works at …": short labels)
    <body>
    Like · Reply · [<N> · ]<age>[ · Edited]

The comment starts at the first line after the previous comment's footer (the first one:
at the top of the block of lines that ends in its footer); the reactions count N is its
score. Nesting is the indentation of the name line. The page's furniture begins after the
last footer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from flows.stages.segment.grammars._common import next_content, shown_count
from flows.stages.segment.lines import Line, ends_sentence
from flows.stages.segment.threads import Header

NAME = "action_footer"

_AGE = r"\d{1,3}\s?(?:s|m|min|h|hr|d|w|mo|y|yr)|\d{1,3}\s+(?:second|minute|hour|day|week|month|year)s?\s+ago"
FOOTER = re.compile(
    rf"^Like\s*[·•]\s*Reply(?:\s*[·•]\s*(?P<count>\d[\d,.]*[kK]?))?\s*[·•]\s*(?P<age>{_AGE})"
    r"(?P<edited>\s*[·•]\s*Edited)?$"
)
MORE = re.compile(
    r"^(?:View \d+ more repl(?:y|ies)|Load \d+ more comments|.{1,60} replied\s*·\s*\d+ repl(?:y|ies))$"
)
PLUGIN = re.compile(r"^(?:Add a comment(?:…|\.\.\.)?|Facebook Comments Plugin|Sort by)$")
"""The plugin's own furniture: the comment box, its credit line, the sort control."""
MAX_NAME_WORDS = 4


def _is_name(text: str) -> bool:
    return (
        0 < len(text) <= 50
        and len(text.split()) <= MAX_NAME_WORDS
        and not ends_sentence(text)
        and not FOOTER.match(text)
        and not MORE.match(text)
    )


MAX_LABEL_CHARS = 40


def _is_label(text: str) -> bool:
    """A short label under the name ("Top Commenter", "Works at X"), not a sentence."""
    return bool(text) and len(text) <= MAX_LABEL_CHARS and not ends_sentence(text)


def _footers(lines: Sequence[Line]) -> list[int]:
    return [at for at, line in enumerate(lines) if "Reply" in line.text and FOOTER.match(line.text)]


def find_starts(lines: Sequence[Line]) -> list[int]:
    """Where each comment's name line stands, when two or more footers close comments."""
    footers = _footers(lines)
    if len(footers) < 2:
        return []
    starts: list[int] = []
    previous: int | None = None
    for footer in footers:
        if previous is None:
            at = footer
            while at > 0 and not lines[at - 1].is_blank:
                at -= 1
        else:
            found = next_content(lines, previous, footer)
            while found is not None and MORE.match(lines[found].text):
                found = next_content(lines, found, footer)
            at = found if found is not None else footer
        if at < footer and _is_name(lines[at].text):
            starts.append(at)
        previous = footer
    return starts if len(starts) >= 2 else []


def is_chrome(line: Line) -> bool:
    """The action footers, the "more replies" links and the plugin's furniture."""
    text = line.text
    return bool(FOOTER.match(text) or MORE.match(text) or PLUGIN.match(text))


def find_end(lines: Sequence[Line], starts: Sequence[int]) -> int | None:
    """The line after the last footer: the page goes on with its own furniture."""
    footers = [at for at in _footers(lines) if at > starts[-1]] if starts else []
    return footers[0] + 1 if footers else None


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    """The name line and the short labels under it; score, age and edit mark from the
    footer."""
    at = position + 1
    while at + 1 < end and _is_label(lines[at].text) and not FOOTER.match(lines[at + 1].text):
        at += 1
    footer = next(
        (match for line in lines[position:end] if (match := FOOTER.match(line.text))), None
    )
    count = footer.group("count") if footer else None
    return Header(
        author=lines[position].text,
        n_lines=at - position,
        nesting=lines[position].indent,
        score=shown_count(count) if count else None,
        edited=bool(footer and footer.group("edited")),
        age=footer.group("age") if footer else None,
    )
