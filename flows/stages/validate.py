"""Record validation and dataset integrity checks. Pure: rows in, kept rows + rejections out.

Every record is validated against its pydantic model; a failure becomes a Rejection that
carries all of the record's errors and the record itself, and the run goes on.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from flows.stages.records import Rejection
from schemas import Record

Row = dict[str, Any]
Tables = dict[str, list[Row]]


def record_json(row: Row) -> str:
    return json.dumps(row, ensure_ascii=False, sort_keys=True, default=repr)


def describe_errors(error: ValidationError) -> str:
    """All of a record's errors in one line: `field: message; field: message`."""
    parts = []
    for item in error.errors(include_url=False):
        where = ".".join(str(part) for part in item["loc"]) or "record"
        parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)


def validate_rows(
    model: type[Record], rows: Iterable[Row], source_file: str
) -> tuple[list[Row], list[Rejection]]:
    """Validate each row strictly; return the normalised rows and one Rejection per failure."""
    kept: list[Row] = []
    rejected: list[Rejection] = []
    for row in rows:
        try:
            kept.append(model.model_validate(row).model_dump())
        except ValidationError as error:
            rejected.append(
                Rejection(
                    source_file,
                    "validate",
                    f"validate_{model.table}",
                    f"{model.table}: {describe_errors(error)}",
                    record=record_json(row),
                )
            )
    return kept, rejected


def _hold_back(
    rows: list[Row], bad: dict[int, tuple[str, str]], table: str, source_file: str
) -> tuple[list[Row], list[Rejection]]:
    kept = [row for index, row in enumerate(rows) if index not in bad]
    rejections = [
        Rejection(
            source_file, "integrity", reason, f"{table}: {detail}", record=record_json(rows[i])
        )
        for i, (reason, detail) in sorted(bad.items())
    ]
    return kept, rejections


def check_document_integrity(
    tables: Tables, text_length: int, source_file: str
) -> tuple[Tables, list[Rejection]]:
    """Per-document integrity rules; offending records (and what hangs off them) are held back.

    Rules: unique ids; spans inside the document; every post's document exists; every
    comment's post exists; a parent is in the same post; no cycles; depth = parent's
    depth + 1; blocks and footnotes have an owner; footnote numbers contiguous per post.
    """
    rejections: list[Rejection] = []
    out = {name: list(rows) for name, rows in tables.items()}
    doc_ids = {row["doc_id"] for row in out.get("documents", [])}

    for table in ("posts", "comments", "blocks", "footnotes", "dropped"):
        rows = out.get(table, [])
        bad: dict[int, tuple[str, str]] = {}
        for index, row in enumerate(rows):
            if row["end"] > text_length:
                bad[index] = (
                    "integrity_span_outside",
                    f"span {row['start']}:{row['end']} beyond text length {text_length}",
                )
            elif row["doc_id"] not in doc_ids:
                bad[index] = (
                    "integrity_orphan_document",
                    f"document {row['doc_id']} not published",
                )
        out[table], found = _hold_back(rows, bad, table, source_file)
        rejections += found

    for table, key in (("posts", "post_id"), ("comments", "comment_id"), ("blocks", "block_id")):
        rows = out.get(table, [])
        counts = Counter(row[key] for row in rows)
        bad = {
            i: ("integrity_duplicate_id", f"{key} {row[key]} occurs {counts[row[key]]} times")
            for i, row in enumerate(rows)
            if counts[row[key]] > 1
        }
        out[table], found = _hold_back(rows, bad, table, source_file)
        rejections += found

    # Comments: iterate to a fixed point so that the replies of a held-back comment follow it.
    while True:
        post_ids = {row["post_id"] for row in out.get("posts", [])}
        comments = out.get("comments", [])
        by_id = {row["comment_id"]: row for row in comments}
        bad = {}
        for index, row in enumerate(comments):
            problem = _comment_problem(row, by_id, post_ids)
            if problem:
                bad[index] = problem
        if not bad:
            break
        out["comments"], found = _hold_back(comments, bad, "comments", source_file)
        rejections += found

    owners = {row["post_id"] for row in out.get("posts", [])}
    owners |= {row["comment_id"] for row in out.get("comments", [])}
    blocks = out.get("blocks", [])
    bad = {
        i: ("integrity_orphan_block", f"owner {row['owner_id']} not published")
        for i, row in enumerate(blocks)
        if row["owner_id"] not in owners
    }
    out["blocks"], found = _hold_back(blocks, bad, "blocks", source_file)
    rejections += found

    out["footnotes"], found = _check_footnotes(out.get("footnotes", []), owners, source_file)
    rejections += found
    return out, rejections


def _comment_problem(row: Row, by_id: dict[str, Row], post_ids: set[str]) -> tuple[str, str] | None:
    if row["post_id"] not in post_ids:
        return "integrity_orphan_comment", f"post {row['post_id']} not published"
    parent_id = row["parent_id"]
    if parent_id is None:
        if row["depth"] != 0:
            return "integrity_depth", f"top-level comment has depth {row['depth']}"
        return None
    parent = by_id.get(parent_id)
    if parent is None:
        return "integrity_orphan_parent", f"parent {parent_id} not published"
    if parent["post_id"] != row["post_id"]:
        return "integrity_parent_other_post", f"parent {parent_id} belongs to {parent['post_id']}"
    if row["depth"] != parent["depth"] + 1:
        return "integrity_depth", f"depth {row['depth']} but parent's depth is {parent['depth']}"
    seen = {row["comment_id"]}
    node = parent
    while node["parent_id"] is not None:
        if node["comment_id"] in seen:
            return "integrity_cycle", f"reply chain of {row['comment_id']} loops"
        seen.add(node["comment_id"])
        next_node = by_id.get(node["parent_id"])
        if next_node is None:
            break
        node = next_node
    return None


def _check_footnotes(
    rows: list[Row], owners: set[str], source_file: str
) -> tuple[list[Row], list[Rejection]]:
    numbers: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        numbers[row["post_id"]].append(row["number"])
    bad: dict[int, tuple[str, str]] = {}
    for index, row in enumerate(rows):
        found = sorted(numbers[row["post_id"]])
        if row["post_id"] not in owners:
            bad[index] = ("integrity_orphan_footnote", f"post {row['post_id']} not published")
        elif found != list(range(1, len(found) + 1)):
            bad[index] = (
                "integrity_footnote_gap",
                f"footnote numbers of {row['post_id']} are {found}, not 1..{len(found)}",
            )
    return _hold_back(rows, bad, "footnotes", source_file)
