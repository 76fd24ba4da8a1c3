"""Lemmy-style threads: the opening post, then comments whose nesting is in the indentation.

A comment starts at a bullet line ("• user@instance", "OP" glued or spaced after the name
for the original poster) directly followed by chrome lines: "link", "fedilink", "arrow-up"
and its counter, "arrow-down" and its counter, "·", "edit-N", and the age ("3 years ago").
The chrome becomes fields; the body is every line up to the next bullet line.

Nesting: a stack of open comments by indentation; a bullet indented deeper than the top of
the stack is its reply, otherwise entries are popped until one is shallower. So only the
relative indentation matters, not a fixed width per level.

Votes: ``upvotes`` is the arrow-up counter (None without one). ``downvotes`` is the
arrow-down counter, and 0 when an arrow-up counter is shown without an arrow-down one
(Lemmy hides a zero down-count); None when the comment shows no counters at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from flows.stages.segment.article import BlockRules, blocks_as_rows
from flows.stages.segment.blocks import build_units, classify_units
from flows.stages.segment.boilerplate import find_boilerplate
from flows.stages.segment.lines import Line

BULLET = re.compile(r"^\s*[•◦▪●]\s+(?P<author>\S.*?)\s*$")
AGE = re.compile(
    r"^(\d+|an?|one)\s+(second|minute|hour|day|week|month|year)s?\s+ago$|^(just now|yesterday)$",
    re.IGNORECASE,
)
EDIT = re.compile(r"^edit(?:ed)?[-\s]?(\d+)?$", re.IGNORECASE)
PLAIN_CHROME = frozenset({"link", "fedilink", "·", "reply", "report", "permalink", "save", "more"})
COUNT = re.compile(r"^\d{1,9}$")
OP_SUFFIX = re.compile(r"^(?P<name>.*?)(?:\s+OP|(?<=[a-z0-9_])OP)$")


@dataclass(slots=True)
class Header:
    """What the chrome lines of one comment say."""

    upvotes: int | None = None
    downvotes: int | None = None
    edit_count: int | None = None
    edited: bool = False
    age: str | None = None
    lines: list[Line] = field(default_factory=list)


def is_chrome(text: str) -> bool:
    lowered = text.casefold()
    return (
        lowered in PLAIN_CHROME
        or lowered in {"arrow-up", "arrow-down"}
        or bool(AGE.match(text) or EDIT.match(text))
    )


def find_comment_starts(lines: Sequence[Line]) -> list[int]:
    """Positions of bullet lines directly followed by comment chrome."""
    starts = []
    for position, line in enumerate(lines):
        if not BULLET.match(line.raw):
            continue
        following = lines[position + 1] if position + 1 < len(lines) else None
        if following is not None and is_chrome(following.text):
            starts.append(position)
    return starts


def parse_header(lines: Sequence[Line]) -> Header:
    """Read chrome lines from the start of ``lines`` (the ones after the bullet)."""
    header = Header()
    pending: str | None = None
    for line in lines:
        text = line.text
        lowered = text.casefold()
        if pending and COUNT.match(text):
            if pending == "arrow-up":
                header.upvotes = int(text)
            else:
                header.downvotes = int(text)
            pending = None
        elif lowered in {"arrow-up", "arrow-down"}:
            pending = lowered
        elif lowered in PLAIN_CHROME:
            pending = None
        elif EDIT.match(text):
            match = EDIT.match(text)
            header.edited = True
            header.edit_count = int(match.group(1)) if match and match.group(1) else None
        elif AGE.match(text):
            header.age = text
        else:
            break
        header.lines.append(line)
    if header.upvotes is not None and header.downvotes is None:
        header.downvotes = 0
    return header


def split_author(label: str) -> tuple[str, str | None, bool]:
    """(author, instance, is_op) from the bullet's label."""
    match = OP_SUFFIX.match(label)
    is_op = bool(match and match.group("name").strip())
    author = match.group("name").strip() if match and is_op else label.strip()
    instance = author.split("@", 1)[1] or None if "@" in author else None
    return author, instance, is_op


def build_comments(
    *,
    doc_id: str,
    post_id: str,
    lines: Sequence[Line],
    starts: Sequence[int],
    rules: BlockRules,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[int, str]]:
    """Comment rows, their block rows (reading order) and the boilerplate in their bodies."""
    dropped: dict[int, str] = {}
    comments: list[dict[str, Any]] = []
    blocks: list[dict[str, Any]] = []
    stack: list[tuple[int, dict[str, Any]]] = []
    children: dict[str | None, int] = {}
    for ordinal, position in enumerate(starts):
        end_position = starts[ordinal + 1] if ordinal + 1 < len(starts) else len(lines)
        bullet = lines[position]
        match = BULLET.match(bullet.raw)
        label = match.group("author") if match else bullet.text
        author, instance, is_op = split_author(label)
        header = parse_header(lines[position + 1 : end_position])
        body_region = lines[position + 1 + len(header.lines) : end_position]
        body_dropped = find_boilerplate(body_region)
        dropped.update(body_dropped)
        body_lines = [line for line in body_region if line.index not in body_dropped]
        while stack and stack[-1][0] >= bullet.indent:
            stack.pop()
        parent = stack[-1][1] if stack else None
        comment_id = f"{post_id}.c{ordinal:04d}"
        parent_id = parent["comment_id"] if parent else None
        sibling_rank = children.get(parent_id, 0)
        children[parent_id] = sibling_rank + 1
        path = f"{parent['path']}/{ordinal:04d}" if parent else f"{ordinal:04d}"
        units = build_units(body_lines)
        drafts = classify_units(
            units,
            max_heading_chars=rules.max_heading_chars,
            max_verse_line_chars=rules.max_verse_line_chars,
            min_verse_lines=rules.min_verse_lines,
            min_interview_questions=rules.min_interview_questions,
            allow_headings=False,  # a comment's short first line is a remark, not a heading
        )
        kept = [line for line in [bullet, *header.lines, *body_lines] if not line.is_blank]
        upvotes, downvotes = header.upvotes, header.downvotes
        comment = {
            "doc_id": doc_id,
            "comment_id": comment_id,
            "post_id": post_id,
            "parent_id": parent_id,
            "root_id": stack[0][1]["comment_id"] if stack else comment_id,
            "path": path,
            "ordinal": ordinal,
            "depth": len(stack),
            "sibling_rank": sibling_rank,
            "author": author,
            "instance": instance,
            "upvotes": upvotes,
            "downvotes": downvotes,
            "score": upvotes - downvotes if upvotes is not None and downvotes is not None else None,
            "is_op": is_op,
            "edited": header.edited,
            "edit_count": header.edit_count,
            "age": header.age,
            "body": "\n\n".join(draft.text for draft in drafts),
            "start": kept[0].content_start,
            "end": kept[-1].content_end,
        }
        comments.append(comment)
        blocks += blocks_as_rows(doc_id, comment_id, "comment", drafts)
        stack.append((bullet.indent, comment))
    return comments, blocks, dropped
