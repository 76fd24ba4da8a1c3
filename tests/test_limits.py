"""Documents far larger than the seeds: ids grow wider instead of failing validation, and
segmenting stays linear in the number of comments."""

from __future__ import annotations

import hashlib

from flows.config import PipelineConfig
from flows.stages.document import process_document
from flows.stages.records import RawDocument, SourceInfo
from flows.stages.segment.blocks import DraftBlock
from flows.stages.segment.post import blocks_as_rows, format_ordinal
from schemas import Block

N_COMMENTS = 20_000
COMMENT = (
    "  • user{i}@lemmygrad.ml\n    link\n    fedilink\n    arrow-up\n    3\n    arrow-down\n"
    "    0\n    ·\n    3 years ago\n\n    Comment number {i} says one short thing.\n\n"
)


def test_a_thread_of_20000_comments_publishes_every_comment():
    """Past 9,999 comments a post's comment ordinals are all written with 5 digits, so the
    ids stay valid and sort in reading order (as do the paths `replies` orders by); the
    Lemmy front-end reads each header from a window, not from the rest of the page."""
    text = "A thread with very many comments\n\nThe opening post says what it is about.\n\n"
    text += "".join(COMMENT.format(i=i) for i in range(N_COMMENTS))
    data = text.encode()
    source = SourceInfo("big-thread.txt", layout="thread")
    result = process_document(
        RawDocument(source, data, hashlib.sha256(data).hexdigest()), PipelineConfig()
    )
    assert result.rejections == []
    comments = result.tables["comments"]
    assert len(comments) == N_COMMENTS
    ids = [row["comment_id"] for row in comments]
    assert ids == sorted(ids) and len(set(ids)) == N_COMMENTS
    assert ids[0].endswith(".c00000") and ids[-1].endswith(".c19999")
    assert [row["path"] for row in comments[9_999:10_001]] == ["09999", "10000"]
    assert [row["author"] for row in comments[-2:]] == [
        "user19998@lemmygrad.ml",
        "user19999@lemmygrad.ml",
    ]


def test_block_ids_widen_past_9999_blocks_of_one_owner():
    owner = "0123456789abcdef.p0000"
    drafts = [DraftBlock("paragraph", f"p{i}", i, i + 1) for i in range(10_001)]
    rows = blocks_as_rows("0123456789abcdef", owner, "post", drafts)
    ids = [Block.model_validate(row).block_id for row in rows]
    assert ids[0] == f"{owner}.b00000" and ids[-1] == f"{owner}.b10000"
    assert ids == sorted(ids)


def test_owners_below_10000_keep_their_4_digit_ordinals():
    """Negative case: the width every existing id has is kept."""
    assert [format_ordinal(i, 10_000) for i in (0, 9_999)] == ["0000", "9999"]
    assert format_ordinal(10_000, 10_001) == "10000"
