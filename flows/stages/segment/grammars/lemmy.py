"""lemmy-ui comment headers, as its pages scrape to text.

A comment starts at a bullet line ("• user@instance", "OP" glued or spaced after the name
for the original poster) directly followed by chrome lines: "link", "fedilink", "arrow-up"
and its counter, "arrow-down" and its counter, "·", "edit-N", and the age ("3 years ago").
Nesting is the bullet's indentation.

Votes: ``upvotes`` is the arrow-up counter (None without one). ``downvotes`` is the
arrow-down counter, and 0 when an arrow-up counter is shown without an arrow-down one
(Lemmy hides a zero down-count); None when the comment shows no counters at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from flows.stages.segment.lines import Line
from flows.stages.segment.threads import Header

NAME = "lemmy"

BULLET = re.compile(r"^\s*[•◦▪●]\s+(?P<author>\S.*?)\s*$")
AGE = re.compile(
    r"^(\d+|an?|one)\s+(second|minute|hour|day|week|month|year)s?\s+ago$|^(just now|yesterday)$",
    re.IGNORECASE,
)
EDIT = re.compile(r"^edit(?:ed)?[-\s]?(\d+)?$", re.IGNORECASE)
PLAIN_CHROME = frozenset({"link", "fedilink", "·", "reply", "report", "permalink", "save", "more"})
COUNT = re.compile(r"^\d{1,9}$")
OP_SUFFIX = re.compile(r"^(?P<name>.*?)(?:\s+OP|(?<=[a-z0-9_])OP)$")


def is_header_chrome(text: str) -> bool:
    lowered = text.casefold()
    return (
        lowered in PLAIN_CHROME
        or lowered in {"arrow-up", "arrow-down"}
        or bool(AGE.match(text) or EDIT.match(text))
    )


def find_starts(lines: Sequence[Line]) -> list[int]:
    """Positions of bullet lines directly followed by comment chrome."""
    starts = []
    for position, line in enumerate(lines):
        if not BULLET.match(line.raw):
            continue
        following = lines[position + 1] if position + 1 < len(lines) else None
        if following is not None and is_header_chrome(following.text):
            starts.append(position)
    return starts


def split_author(label: str) -> tuple[str, str | None, bool]:
    """(author, instance, is_op) from the bullet's label."""
    match = OP_SUFFIX.match(label)
    is_op = bool(match and match.group("name").strip())
    author = match.group("name").strip() if match and is_op else label.strip()
    instance = author.split("@", 1)[1] or None if "@" in author else None
    return author, instance, is_op


def parse_header(lines: Sequence[Line], position: int, end: int) -> Header:
    bullet = lines[position]
    match = BULLET.match(bullet.raw)
    author, instance, is_op = split_author(match.group("author") if match else bullet.text)
    upvotes = downvotes = edit_count = None
    edited, age, pending, n_lines = False, None, None, 1
    for line in lines[position + 1 : end]:
        text = line.text
        lowered = text.casefold()
        if pending and COUNT.match(text):
            if pending == "arrow-up":
                upvotes = int(text)
            else:
                downvotes = int(text)
            pending = None
        elif lowered in {"arrow-up", "arrow-down"}:
            pending = lowered
        elif lowered in PLAIN_CHROME:
            pending = None
        elif edit := EDIT.match(text):
            edited = True
            edit_count = int(edit.group(1)) if edit.group(1) else None
        elif AGE.match(text):
            age = text
        else:
            break
        n_lines += 1
    if upvotes is not None and downvotes is None:
        downvotes = 0
    score = upvotes - downvotes if upvotes is not None and downvotes is not None else None
    return Header(
        author=author,
        n_lines=n_lines,
        nesting=bullet.indent,
        instance=instance,
        is_op=is_op,
        upvotes=upvotes,
        downvotes=downvotes,
        score=score,
        edited=edited,
        edit_count=edit_count,
        age=age,
    )
