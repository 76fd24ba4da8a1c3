"""Record validation and integrity rules: each rule with data that breaks it."""

from __future__ import annotations

import copy
import json

import pytest

from flows.stages.validate import check_document_integrity, validate_rows
from schemas import Post

DOC = "0123456789abcdef"
POST = f"{DOC}.p0000"


def comment(ordinal: int, parent: int | None, depth: int, post: str = POST) -> dict:
    cid = f"{post}.c{ordinal:04d}"
    return {
        "doc_id": DOC,
        "start": ordinal * 10,
        "end": ordinal * 10 + 5,
        "comment_id": cid,
        "post_id": post,
        "parent_id": None if parent is None else f"{post}.c{parent:04d}",
        "root_id": cid,
        "path": f"{ordinal:04d}",
        "ordinal": ordinal,
        "depth": depth,
        "sibling_rank": 0,
        "author": "a",
        "is_op": False,
        "edited": False,
        "body": "x",
    }


def tables() -> dict:
    return {
        "documents": [{"doc_id": DOC}],
        "posts": [{"doc_id": DOC, "post_id": POST, "start": 0, "end": 5}],
        "comments": [comment(0, None, 0), comment(1, 0, 1), comment(2, 1, 2)],
        "blocks": [
            {"doc_id": DOC, "block_id": f"{POST}.b0000", "owner_id": POST, "start": 0, "end": 5}
        ],
        "footnotes": [
            {"doc_id": DOC, "post_id": POST, "number": n, "start": 0, "end": 5} for n in (1, 2)
        ],
        "dropped": [],
    }


def test_clean_tables_pass_untouched():
    kept, rejections = check_document_integrity(tables(), 100, "a.txt")
    assert rejections == []
    assert kept == tables()


def _break(mutate):
    broken = copy.deepcopy(tables())
    mutate(broken)
    return check_document_integrity(broken, 100, "a.txt")


CASES = [
    ("integrity_duplicate_id", lambda t: t["posts"].append(dict(t["posts"][0]))),
    ("integrity_span_outside", lambda t: t["posts"][0].update(end=500)),
    ("integrity_orphan_document", lambda t: t["posts"][0].update(doc_id="ffffffffffffffff")),
    ("integrity_orphan_comment", lambda t: t["comments"][0].update(post_id=f"{DOC}.p0009")),
    ("integrity_orphan_parent", lambda t: t["comments"][1].update(parent_id=f"{POST}.c0042")),
    (
        "integrity_parent_other_post",
        lambda t: (
            t["posts"].append({"doc_id": DOC, "post_id": f"{DOC}.p0001", "start": 6, "end": 9}),
            t["comments"].append(comment(3, None, 1, f"{DOC}.p0001")),
            t["comments"][-1].update(parent_id=f"{POST}.c0000"),
        ),
    ),
    ("integrity_depth", lambda t: t["comments"][2].update(depth=5)),
    ("integrity_depth", lambda t: t["comments"][0].update(depth=1)),
    ("integrity_cycle", lambda t: t["comments"][0].update(parent_id=f"{POST}.c0002", depth=3)),
    ("integrity_orphan_block", lambda t: t["blocks"][0].update(owner_id=f"{DOC}.p0003")),
    ("integrity_footnote_gap", lambda t: t["footnotes"][1].update(number=3)),
]


@pytest.mark.parametrize(("reason", "mutate"), CASES, ids=[c[0] for c in CASES])
def test_broken_rule_is_rejected_with_reason(reason, mutate):
    _, rejections = _break(mutate)
    assert reason in {r.reason for r in rejections}
    for rejection in rejections:
        assert rejection.stage == "integrity"
        assert rejection.detail
        json.loads(rejection.record or "")


def test_held_back_comment_takes_its_replies_with_it():
    kept, rejections = _break(lambda t: t["comments"][0].update(post_id=f"{DOC}.p0009"))
    assert kept["comments"] == []
    assert len(rejections) == 3
    assert rejections[0].reason == "integrity_orphan_comment"


def test_validate_rows_keeps_good_rows_and_rejects_bad_ones_with_all_errors():
    good = {
        "doc_id": DOC,
        "start": 0,
        "end": 3,
        "post_id": POST,
        "ordinal": 0,
        "kind": "article",
        "body": "abc",
    }
    bad = {**good, "post_id": "x", "kind": "tweet"}
    kept, rejections = validate_rows(Post, [good, bad], "a.txt")
    assert len(kept) == 1 and kept[0]["post_id"] == POST
    (rejection,) = rejections
    assert rejection.reason == "validate_posts"
    assert "post_id" in rejection.detail and "kind" in rejection.detail
    assert json.loads(rejection.record or "")["kind"] == "tweet"
