"""The draft rows of the segmenter, one TypedDict per table: generated from
`schemas.models` by `make schemas` (`schemas/rows.py`); do not edit.

A draft holds the fields segmentation decides (`total=False`); the validate stage
adds the rest and checks every row against its model."""

from __future__ import annotations

from typing import TypedDict


class PostRow(TypedDict, total=False):
    """A draft row of `posts` (`schemas.Post`)."""

    doc_id: str
    start: int
    end: int
    language: str | None
    language_score: float | None
    languages: list[str]
    post_id: str
    ordinal: int
    kind: str
    title: str | None
    author: str | None
    author_bio: str | None
    origin: str | None
    published: str | None
    published_date: str | None
    translator: str | None
    rank: int | None
    truncated: bool
    body: str


class CommentRow(TypedDict, total=False):
    """A draft row of `comments` (`schemas.Comment`)."""

    doc_id: str
    start: int
    end: int
    language: str | None
    language_score: float | None
    languages: list[str]
    comment_id: str
    post_id: str
    parent_id: str | None
    root_id: str
    path: str
    ordinal: int
    depth: int
    sibling_rank: int
    author: str | None
    instance: str | None
    upvotes: int | None
    downvotes: int | None
    score: int | None
    is_op: bool
    edited: bool
    edit_count: int | None
    age: str | None
    published: str | None
    published_date: str | None
    body: str


class BlockRow(TypedDict, total=False):
    """A draft row of `blocks` (`schemas.Block`)."""

    doc_id: str
    start: int
    end: int
    language: str | None
    language_score: float | None
    languages: list[str]
    block_id: str
    owner_id: str
    owner_kind: str
    ordinal: int
    kind: str
    text: str
    quote_depth: int | None


class FootnoteRow(TypedDict, total=False):
    """A draft row of `footnotes` (`schemas.Footnote`)."""

    doc_id: str
    start: int
    end: int
    language: str | None
    language_score: float | None
    languages: list[str]
    post_id: str
    number: int
    marker_start: int | None
    body: str


class DroppedRow(TypedDict, total=False):
    """A draft row of `dropped` (`schemas.Dropped`)."""

    doc_id: str
    start: int
    end: int
    rule: str
    text: str
