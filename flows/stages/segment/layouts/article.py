"""An article: one post, its boilerplate dropped. The fallback layout: it always answers,
with a middling score, so a layout that finds its features clearly wins over it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from flows.stages.records import Segmented
from flows.stages.segment.assemble import add_dropped, add_post
from flows.stages.segment.boilerplate import find_boilerplate
from flows.stages.segment.layouts import Detection
from flows.stages.segment.lines import Line
from flows.stages.segment.post import build_post
from flows.stages.segment.webpage import find_content

if TYPE_CHECKING:
    from flows.stages.segment import SegmentConfig

DROPS_LEARNED_FURNITURE = True
"""One article per document: the lines its source repeats at its edges are furniture
(:mod:`..repeated`); layouts of many items keep them, as their items' markers."""
FALLBACK = True
"""The layout that always answers: no rival when confidence is weighed."""
FALLBACK_SCORE = 0.6


def detect(lines: Sequence[Line], config: SegmentConfig) -> Detection:
    filled = sum(1 for line in lines if not line.is_blank)
    return Detection(
        "article",
        FALLBACK_SCORE,
        f"no thread, digest, listing or PDF features in {filled} lines",
    )


def segment(
    result: Segmented,
    doc_id: str,
    lines: Sequence[Line],
    config: SegmentConfig,
    parsed: object = None,
) -> None:
    dropped = find_boilerplate(lines)
    content = find_content(lines, dropped)
    head = None
    if content is not None:
        dropped.update(content.chrome)
        for index in content.head.title_lines | content.head.meta_lines:
            dropped.pop(index, None)
        if content.head.title or content.head.author or content.head.published:
            head = content.head
    add_dropped(result, doc_id, lines, dropped)
    add_post(
        result,
        build_post(
            doc_id=doc_id,
            ordinal=0,
            kind="article",
            region=lines,
            dropped=dropped,
            rules=config.block_rules(),
            head=head,
        ),
    )
