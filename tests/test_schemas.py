"""Every constraint of the schemas, with a record that meets it and one that breaks it."""

from __future__ import annotations

import json
from typing import Any, get_args

import pyarrow as pa
import pytest
from pydantic import ValidationError

from schemas import TABLES, Comment, Document, Dropped, Footnote, Post, QualityMetric, Reject
from schemas.arrow import arrow_schema
from schemas.jsonschema import JSON_DIR, expected_files
from schemas.rows import DRAFTED, ROWS_FILE, rows_text

DOC = "0123456789abcdef"
POST = f"{DOC}.p0000"
COMMENT = f"{POST}.c0000"

VALID: dict[type, dict[str, Any]] = {
    Document: {
        "doc_id": DOC,
        "source_file": "a.txt",
        "sha256": "0" * 64,
        "n_bytes": 3,
        "encoding": "utf-8",
        "encoding_confidence": 1.0,
        "layout": "article",
        "layout_confidence": 1.0,
        "layout_evidence": "manifest",
        "rights": "r",
        "original_text": "abc",
        "text": "abc",
        "fixes": [{"step": "x", "count": 1}],
        "edits": [],
    },
    Post: {
        "doc_id": DOC,
        "start": 0,
        "end": 3,
        "post_id": POST,
        "ordinal": 0,
        "kind": "article",
        "body": "abc",
    },
    Comment: {
        "doc_id": DOC,
        "start": 0,
        "end": 3,
        "comment_id": COMMENT,
        "post_id": POST,
        "parent_id": None,
        "root_id": COMMENT,
        "path": "0000",
        "ordinal": 0,
        "depth": 0,
        "sibling_rank": 0,
        "author": "a@b",
        "is_op": False,
        "edited": False,
        "body": "x",
    },
    Footnote: {"doc_id": DOC, "start": 0, "end": 3, "post_id": POST, "number": 1, "body": "n"},
    Dropped: {"doc_id": DOC, "start": 0, "end": 3, "rule": "nav", "text": "abc"},
    Reject: {"source_file": "a.txt", "stage": "decode", "reason": "decode_binary", "detail": ""},
    QualityMetric: {"section": "rows", "name": "posts", "value": 1},
}

INVALID = [
    (Document, {"doc_id": "XYZ"}, "doc_id"),
    (Document, {"sha256": "abc"}, "sha256"),
    (Document, {"n_bytes": -1}, "n_bytes"),
    (Document, {"n_bytes": "3"}, "n_bytes"),  # strict: no coercion from str
    (Document, {"encoding_confidence": 1.5}, "encoding_confidence"),
    (Document, {"layout": "newspaper"}, "layout"),
    (Document, {"text": ""}, "text"),
    (Document, {"source_file": "../etc/passwd"}, "source_file"),
    (Document, {"fixes": [{"step": "x", "count": -2}]}, "fixes"),
    (Post, {"post_id": "p1"}, "post_id"),
    (Post, {"kind": "tweet"}, "kind"),
    (Post, {"published_date": "3 March 2021"}, "published_date"),
    (Post, {"start": 5, "end": 2}, "span"),
    (Post, {"start": -1}, "start"),
    (Post, {"rank": 0}, "rank"),
    (Post, {"ordinal": 1.0}, "ordinal"),
    (Post, {"unexpected": 1}, "unexpected"),
    (Comment, {"upvotes": -3}, "upvotes"),
    (Comment, {"depth": -1}, "depth"),
    (Comment, {"parent_id": "nope"}, "parent_id"),
    (Comment, {"is_op": "yes"}, "is_op"),
    (Comment, {"author": ""}, "author"),
    (Footnote, {"number": 0}, "number"),
    (Dropped, {"rule": ""}, "rule"),
    (Reject, {"stage": "dance"}, "stage"),
    (QualityMetric, {"value": "1"}, "value"),
]


@pytest.mark.parametrize("model", list(VALID), ids=lambda m: m.__name__)
def test_valid_record_passes(model):
    model.model_validate(VALID[model])


@pytest.mark.parametrize(
    ("model", "change", "field"), INVALID, ids=[f"{m.__name__}-{f}" for m, _, f in INVALID]
)
def test_invalid_record_is_refused_naming_the_field(model, change, field):
    with pytest.raises(ValidationError) as caught:
        model.model_validate({**VALID[model], **change})
    assert field in str(caught.value)


def test_all_errors_of_a_record_are_reported_at_once():
    with pytest.raises(ValidationError) as caught:
        Post.model_validate({**VALID[Post], "post_id": "x", "kind": "y", "rank": 0})
    assert {e["loc"][0] for e in caught.value.errors()} == {"post_id", "kind", "rank"}


@pytest.mark.parametrize("model", TABLES, ids=lambda m: m.table)
def test_every_field_is_described(model):
    missing = [name for name, info in model.model_fields.items() if not info.description]
    assert not missing


@pytest.mark.parametrize("model", TABLES, ids=lambda m: m.table)
def test_arrow_schema_matches_model_fields(model):
    schema = arrow_schema(model)
    assert set(schema.names) == set(model.model_fields)
    for name, info in model.model_fields.items():
        assert schema.field(name).nullable == (type(None) in get_args(info.annotation))


@pytest.mark.parametrize("model", list(VALID), ids=lambda m: m.__name__)
def test_valid_record_survives_arrow_round_trip(model):
    row = model.model_validate(VALID[model]).model_dump()
    table = pa.Table.from_pylist([row], schema=arrow_schema(model))
    assert model.model_validate(table.to_pylist()[0]).model_dump() == row


def test_committed_json_schemas_are_fresh():
    for name, text in expected_files().items():
        path = JSON_DIR / name
        assert path.exists(), f"{name} missing: run `make schemas`"
        assert json.loads(path.read_text()) == json.loads(text), f"{name} stale: run `make schemas`"


def test_committed_draft_row_types_are_fresh():
    assert ROWS_FILE.read_text(encoding="utf-8") == rows_text(), "stale: run `make schemas`"


@pytest.mark.parametrize("model", DRAFTED, ids=lambda model: model.table)
def test_a_draft_row_type_names_every_field_of_its_model(model):
    import flows.stages.rows

    row_type = getattr(flows.stages.rows, f"{model.__name__}Row")
    assert list(row_type.__annotations__) == list(model.model_fields)
    assert not row_type.__total__
