"""Forum threads: the opening post, then the comment tree, read through whichever header
grammar (:mod:`..grammars`) finds the most comment headers.

A thread post's author is the OP comment's author as shown ("user@instance") when the
opening post names none.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from flows.stages.records import Segmented
from flows.stages.segment.assemble import add_dropped, add_post
from flows.stages.segment.boilerplate import find_boilerplate
from flows.stages.segment.grammars import GRAMMARS
from flows.stages.segment.layouts import Detection
from flows.stages.segment.lines import Line
from flows.stages.segment.post import build_post
from flows.stages.segment.threads import CommentGrammar, build_comments

if TYPE_CHECKING:
    from flows.stages.segment import SegmentConfig


def best_grammar(lines: Sequence[Line]) -> tuple[CommentGrammar, list[int]] | None:
    """The grammar that finds the most comment starts, with them (None: no grammar finds any)."""
    best: tuple[CommentGrammar, list[int]] | None = None
    for grammar in GRAMMARS.values():
        starts = grammar.find_starts(lines)
        if starts and (best is None or len(starts) > len(best[1])):
            best = grammar, starts
    return best


def detect(lines: Sequence[Line], config: SegmentConfig) -> Detection | None:
    found = best_grammar(lines)
    if found is None:
        return None
    counters = sum(1 for line in lines if line.text.casefold() in {"arrow-up", "arrow-down"})
    return Detection("thread", 1.0, f"{len(found[1])} comment headers, {counters} vote counters")


def segment(result: Segmented, doc_id: str, lines: Sequence[Line], config: SegmentConfig) -> None:
    found = best_grammar(lines)
    starts = found[1] if found else []
    region = lines[: starts[0]] if starts else lines
    dropped = find_boilerplate(region)
    rules = config.block_rules()
    draft = build_post(
        doc_id=doc_id, ordinal=0, kind="thread_post", region=region, dropped=dropped, rules=rules
    )
    if draft is None and starts and any(not line.is_blank for line in region):
        dropped = {}  # only boilerplate above the comments: keep it as the post's text
        draft = build_post(
            doc_id=doc_id, ordinal=0, kind="thread_post", region=region, dropped={}, rules=rules
        )
    add_dropped(result, doc_id, region, dropped)
    add_post(result, draft)
    if found is None:
        return
    grammar, starts = found
    post_id = f"{doc_id}.p0000"
    comments, blocks, comment_dropped = build_comments(
        doc_id=doc_id, post_id=post_id, lines=lines, starts=starts, grammar=grammar, rules=rules
    )
    result.comments += comments
    result.blocks += blocks
    add_dropped(result, doc_id, lines, comment_dropped)
    op = next((comment for comment in comments if comment["is_op"]), None)
    if op is not None and result.posts and result.posts[0]["author"] is None:
        result.posts[0]["author"] = op["author"]
