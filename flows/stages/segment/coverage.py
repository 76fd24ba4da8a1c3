"""Lossless accounting: every non-whitespace character is owned exactly once.

Owners are posts, comments and dropped rows. Posts and comments never overlap; dropped rows
never overlap each other or a comment/post boundary, but a dropped row may lie *inside* a
post or comment span (boilerplate in the middle of an article): those characters belong to
the dropped row, which takes precedence. Blocks lie inside their owner and outside every
dropped row; footnotes lie inside their post.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Any

from flows.stages.records import Segmented
from flows.stages.rows import CommentRow, PostRow


def _spans(rows: Sequence[Mapping[str, Any]]) -> list[tuple[int, int]]:
    return sorted((int(row["start"]), int(row["end"])) for row in rows)


def _overlaps(spans: Sequence[tuple[int, int]]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    return [(a, b) for a, b in itertools.pairwise(spans) if b[0] < a[1]]


def _inside(span: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1]


def coverage_errors(text: str, segmented: Segmented) -> list[str]:
    """Every way the records fail to account for the text, as readable messages."""
    errors: list[str] = []
    owners = _spans(segmented.posts) + _spans(segmented.comments)
    owners.sort()
    dropped = _spans(segmented.dropped)
    for start, end in owners + dropped:
        if not 0 <= start <= end <= len(text):
            errors.append(f"span {start}-{end} is outside the text (length {len(text)})")
    errors += [f"posts/comments {a} and {b} overlap" for a, b in _overlaps(owners)]
    errors += [f"dropped rows {a} and {b} overlap" for a, b in _overlaps(dropped)]
    for span in dropped:
        for owner in owners:
            if span[0] < owner[1] and owner[0] < span[1] and not _inside(span, owner):
                errors.append(f"dropped {span} straddles the edge of {owner}")
    covered = bytearray(len(text))
    for start, end in owners + dropped:
        covered[start:end] = b"\x01" * max(0, min(end, len(text)) - start)
    missed = [i for i, char in enumerate(text) if not char.isspace() and not covered[i]]
    if missed:
        errors.append(f"{len(missed)} non-whitespace characters unaccounted, first at {missed[0]}")
    by_id: dict[str, PostRow | CommentRow] = {row["post_id"]: row for row in segmented.posts}
    by_id.update({row["comment_id"]: row for row in segmented.comments})
    for block in segmented.blocks:
        owner_row = by_id.get(block["owner_id"])
        span = (block["start"], block["end"])
        if owner_row is None:
            errors.append(f"block {block['block_id']} has no owner")
        elif not _inside(span, (owner_row["start"], owner_row["end"])):
            errors.append(f"block {block['block_id']} lies outside its owner")
        if any(span[0] < d[1] and d[0] < span[1] for d in dropped):
            errors.append(f"block {block['block_id']} overlaps dropped text")
    for note in segmented.footnotes:
        post = by_id.get(note["post_id"])
        if post is None or not _inside((note["start"], note["end"]), (post["start"], post["end"])):
            errors.append(f"footnote {note['post_id']}#{note['number']} lies outside its post")
    return errors
