"""Values passed between the pure stages.

Stages never raise on bad content: they return a :class:`Rejection` instead, which the
flow turns into a row of the ``rejects`` table.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from typing import Any, NamedTuple

from flows.stages.rows import BlockRow, CommentRow, DroppedRow, FootnoteRow, PostRow

DEFAULT_RIGHTS = "Rights remain with the original authors."


class Removal(NamedTuple):
    """One entry of the removals list: take `record_id` (and what hangs off it) out."""

    record_id: str
    """A document, post, comment or block id (a source file's name is turned into its
    document's id when the list is read)."""
    reason: str
    date: str | None
    """When the removal was requested (YYYY-MM-DD), if the list says."""
    listed_in: str
    """The file of the raw folder the entry is in (`removals.json`, `manifest.json`)."""


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What the manifest says about one raw file (all optional but the name), and the
    lines its source repeats that the build learned as furniture (see
    :mod:`flows.stages.segment.repeated`): what its output depends on besides its bytes."""

    source_file: str
    publisher: str | None = None
    layout: str | None = None
    language: str | None = None
    rights: str = DEFAULT_RIGHTS
    title: str | None = None
    notes: str | None = None
    source_id: str | None = None
    """The manifest's `id` for the file, else its `url`: who the document is, whatever its
    name in the raw folder (see `identity_digest`)."""
    furniture: tuple[str, ...] = ()
    removals: tuple[Removal, ...] = ()
    """The removals list's entries naming this document or a record of it."""

    def as_dict(self) -> dict[str, object]:
        """`dataclasses.asdict(self)` without its recursive copy; taken for every file when
        a build is planned."""
        return {name: getattr(self, name) for name in _SOURCE_FIELDS}


def identity_digest(source: SourceInfo) -> str:
    """The sha256 of a document's source identity: the manifest's id or URL when it gives
    one, else the file's path under the raw folder. Not of its bytes, so that a document
    keeps its id, and every id derived from it, when its text is edited."""
    return hashlib.sha256((source.source_id or source.source_file).encode()).hexdigest()


def doc_id_for(source: SourceInfo) -> str:
    """A document's id: the first 16 hex digits of `identity_digest`."""
    return identity_digest(source)[:16]


_SOURCE_FIELDS = tuple(item.name for item in fields(SourceInfo))


@dataclass(frozen=True, slots=True)
class RawDocument:
    """The raw bytes of one file, as read by the I/O boundary."""

    source: SourceInfo
    data: bytes
    sha256: str

    @property
    def source_file(self) -> str:
        return self.source.source_file


@dataclass(frozen=True, slots=True)
class Rejection:
    """Bad content turned into data: which file, which stage, why."""

    source_file: str
    stage: str
    reason: str
    detail: str
    raw_sha256: str | None = None
    record: str | None = None

    def as_row(self) -> dict[str, Any]:
        return {
            "source_file": self.source_file,
            "stage": self.stage,
            "reason": self.reason,
            "detail": self.detail,
            "raw_sha256": self.raw_sha256,
            "record": self.record,
        }


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, with how it was decoded and what had to be mended."""

    text: str
    encoding: str
    confidence: float
    fixes: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Edit:
    """`original[orig_start:orig_end]` was replaced by `new_text` (offsets into the
    text *before repair*)."""

    rule: str
    orig_start: int
    orig_end: int
    old_text: str
    new_text: str
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Repaired:
    text: str
    fixes: dict[str, int]
    edits: list[Edit]


@dataclass(slots=True)
class Segmented:
    """Draft records of one document, as dicts typed by the schema's fields (`rows`).

    Spans (`start`, `end`) point into the repaired text. Posts and comments are disjoint;
    dropped rows are disjoint from each other and lie either outside every post and comment
    or wholly inside one, in which case they own those characters. Together they cover every
    non-whitespace character. Blocks and footnotes lie inside their owner's span.
    """

    layout: str
    layout_evidence: str
    layout_confidence: float = 1.0
    posts: list[PostRow] = field(default_factory=list)
    comments: list[CommentRow] = field(default_factory=list)
    blocks: list[BlockRow] = field(default_factory=list)
    footnotes: list[FootnoteRow] = field(default_factory=list)
    dropped: list[DroppedRow] = field(default_factory=list)
