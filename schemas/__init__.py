"""Pydantic models of every table: the single source of truth for the release's schemas."""

from schemas.models import (
    TABLE_BY_NAME,
    TABLES,
    Block,
    Comment,
    Document,
    Dropped,
    Duplicate,
    FixCount,
    Footnote,
    Post,
    QualityMetric,
    Record,
    Reject,
    TextEdit,
    Tombstone,
)

__all__ = [
    "TABLES",
    "TABLE_BY_NAME",
    "Block",
    "Comment",
    "Document",
    "Dropped",
    "Duplicate",
    "FixCount",
    "Footnote",
    "Post",
    "QualityMetric",
    "Record",
    "Reject",
    "TextEdit",
    "Tombstone",
]
