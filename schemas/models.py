"""The tables of the release, one pydantic model each: the single source of truth.

Arrow schemas (Parquet), DuckDB column comments, JSON Schemas under ``schemas/json/`` and
the field list of the dataset card are all derived from these classes.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from schemas.types import (
    BlockKind,
    CommentId,
    Count,
    DocId,
    DuplicateLevel,
    DuplicateMatch,
    IsoDate,
    LanguageCode,
    Layout,
    NonEmptyText,
    Offset,
    Ordinal,
    OwnerId,
    OwnerKind,
    PostId,
    PostKind,
    Probability,
    Sha256Hex,
    SourceFile,
    Stage,
    TombstoneLevel,
)


class Record(BaseModel):
    """Base of every table row: strict (no silent coercion), closed, immutable."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    table: ClassVar[str]
    primary_key: ClassVar[tuple[str, ...]]
    sort_key: ClassVar[tuple[str, ...]]
    foreign_keys: ClassVar[tuple[tuple[str, str, str], ...]] = ()
    """(column, referenced table, referenced column)."""


class Spanned(Record):
    """A record that points back into its document's repaired text."""

    doc_id: DocId
    start: Offset = Field(description="Start offset (inclusive) in the document's `text`.")
    end: Offset = Field(description="End offset (exclusive) in the document's `text`.")

    @model_validator(mode="after")
    def _span_is_ordered(self) -> Spanned:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        return self


class LanguageTagged(Spanned):
    """A spanned record whose text has a detected language (`flows.stages.enrich.language`).

    The fields default to "no language" so segmentation's drafts validate on their own;
    `process_document` always sets them (the golden files show it).
    """

    language: LanguageCode | None = Field(
        default=None,
        description="ISO 639-1 code of the language with the most letters in the text; "
        "null when no script has enough letters to tell (a name, a number, an empty body).",
    )
    language_score: Probability | None = Field(
        default=None,
        description="The detector's confidence in `language` (0-1, relative among the "
        "languages it knows); null with `language`.",
    )
    languages: list[LanguageCode] = Field(
        default_factory=list,
        description="Every language found, most letters first: more than one marks a "
        "mixed-language text (a Cyrillic quote in English prose is `[en, ru]`).",
    )


class FixCount(Record):
    """How often one repair step changed a document."""

    table: ClassVar[str] = "_fix_count"
    step: NonEmptyText = Field(description="Name of the repair step (ftfy step or our own fixer).")
    count: Count = Field(description="How many times the step applied in this document.")


class TextEdit(Record):
    """One replayable edit: `original[orig_start:orig_end]` became `new_text`."""

    table: ClassVar[str] = "_text_edit"
    rule: NonEmptyText = Field(description="The fixer that made the edit.")
    orig_start: Offset = Field(description="Start offset in `original_text`.")
    orig_end: Offset = Field(description="End offset in `original_text`.")
    old_text: str = Field(description="The text that was replaced.")
    new_text: str = Field(description="The replacement text.")
    reason: str | None = Field(default=None, description="Why the fixer decided so, if it says.")


class Document(Record):
    """One raw source file, decoded and repaired."""

    table: ClassVar[str] = "documents"
    primary_key: ClassVar[tuple[str, ...]] = ("doc_id",)
    sort_key: ClassVar[tuple[str, ...]] = ("doc_id",)

    doc_id: DocId
    source_file: SourceFile
    sha256: Sha256Hex = Field(description="sha256 of the raw bytes as read from the raw folder.")
    n_bytes: Count = Field(description="Size of the raw file in bytes.")
    encoding: NonEmptyText = Field(description="Encoding the raw bytes were decoded with.")
    encoding_confidence: Probability = Field(
        description="Confidence of the encoding choice: 1.0 for a BOM or valid UTF-8."
    )
    layout: Layout = Field(description="Layout used to segment the document.")
    layout_confidence: Probability = Field(
        description="How strongly the text showed the layout's features (1.0 from the "
        "manifest); documents below the card's threshold are listed there."
    )
    layout_evidence: NonEmptyText = Field(
        description="Why that layout was chosen: 'manifest', or the features detected."
    )
    publisher: str | None = Field(
        default=None, description="Publisher or site, only where the text itself shows it."
    )
    language: str | None = Field(
        default=None, description="Language (ISO 639-1), from the manifest."
    )
    rights: NonEmptyText = Field(description="Rights note for the source.")
    original_text: str = Field(description="The decoded text, before any repair.")
    text: NonEmptyText = Field(description="The repaired full text; all spans point into it.")
    fixes: list[FixCount] = Field(description="Repair steps applied, with counts.")
    edits: list[TextEdit] = Field(description="Every edit made by repair, replayable in order.")


class Post(LanguageTagged):
    """An article, one article of a digest, one teaser of a listing, or a thread's opening post."""

    table: ClassVar[str] = "posts"
    primary_key: ClassVar[tuple[str, ...]] = ("post_id",)
    sort_key: ClassVar[tuple[str, ...]] = ("post_id",)
    foreign_keys: ClassVar[tuple[tuple[str, str, str], ...]] = (("doc_id", "documents", "doc_id"),)

    post_id: PostId
    ordinal: Ordinal = Field(description="Position of the post in its document, from 0.")
    kind: PostKind = Field(description="What sort of post this is.")
    title: str | None = Field(default=None, description="Title line, when the text has one.")
    author: str | None = Field(
        default=None, description="Author, from a signature, a bio line or a thread's OP marker."
    )
    author_bio: str | None = Field(default=None, description="A closing 'X is a …' line.")
    origin: str | None = Field(default=None, description="The 'First published at/in …' line.")
    published: str | None = Field(
        default=None, description="The publication date as the text writes it, if it does."
    )
    published_date: IsoDate | None = Field(
        default=None, description="`published` as an ISO date, when it names an absolute day."
    )
    translator: str | None = Field(default=None, description="Translator, where the text says.")
    rank: int | None = Field(default=None, ge=1, description="Rank on a listing page, from 1.")
    truncated: bool = Field(default=False, description="True for a teaser cut off mid-sentence.")
    body: str = Field(
        description="Plain text; paragraphs separated by one blank line. Empty only where "
        "the page shows no text for it (a thread_stub; a collapsed or deleted comment)."
    )


class Comment(LanguageTagged):
    """A comment in a forum thread, with its place in the reply tree."""

    table: ClassVar[str] = "comments"
    primary_key: ClassVar[tuple[str, ...]] = ("comment_id",)
    sort_key: ClassVar[tuple[str, ...]] = ("comment_id",)
    foreign_keys: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("doc_id", "documents", "doc_id"),
        ("post_id", "posts", "post_id"),
        ("parent_id", "comments", "comment_id"),
        ("root_id", "comments", "comment_id"),
    )

    comment_id: CommentId
    post_id: PostId
    parent_id: CommentId | None = Field(description="The comment replied to; null at top level.")
    root_id: CommentId = Field(description="The top-level comment of this reply chain.")
    path: NonEmptyText = Field(
        description="Materialised path of comment ordinals, root first: `0003/0004` (as "
        "wide as in the comment ids)."
    )
    ordinal: Ordinal = Field(description="Position in the thread as it reads, from 0.")
    depth: Ordinal = Field(description="0 for a top-level comment, parent's depth + 1 otherwise.")
    sibling_rank: Ordinal = Field(description="Position among the comments with the same parent.")
    author: NonEmptyText | None = Field(
        description="`user@instance` or a bare user name, as shown; null where the page "
        "shows the comment without a name."
    )
    instance: str | None = Field(default=None, description="The instance part of the author.")
    upvotes: Count | None = Field(default=None, description="The arrow-up counter.")
    downvotes: Count | None = Field(
        default=None, description="The arrow-down counter (absent = 0)."
    )
    score: int | None = Field(default=None, description="upvotes − downvotes.")
    is_op: bool = Field(description="The author is the thread's original poster (OP marker).")
    edited: bool = Field(description="The comment carries an edit marker.")
    edit_count: Count | None = Field(
        default=None,
        description="How many times it was edited, where the page says ('edited 2 times', a "
        "revision number); null when only an edit marker shows.",
    )
    age: str | None = Field(default=None, description="The age as written, e.g. '3 years ago'.")
    published: str | None = Field(
        default=None, description="An absolute date the comment shows, as written."
    )
    published_date: IsoDate | None = Field(default=None, description="`published` as an ISO date.")
    body: str = Field(
        description="Plain text; paragraphs separated by one blank line. Empty only where "
        "the page shows no text for it (a thread_stub; a collapsed or deleted comment)."
    )


class Block(LanguageTagged):
    """A typed block (paragraph, heading, quote, verse, …) inside a post or a comment."""

    table: ClassVar[str] = "blocks"
    primary_key: ClassVar[tuple[str, ...]] = ("block_id",)
    sort_key: ClassVar[tuple[str, ...]] = ("block_id",)
    foreign_keys: ClassVar[tuple[tuple[str, str, str], ...]] = (("doc_id", "documents", "doc_id"),)

    block_id: NonEmptyText = Field(
        description="`<owner_id>.b<ordinal>`, the ordinal zero-padded to 4 digits, or to the "
        "width of the owner's largest one beyond 9,999."
    )
    owner_id: OwnerId
    owner_kind: OwnerKind = Field(description="Whether the owner is a post or a comment.")
    ordinal: Ordinal = Field(description="Position of the block in its owner, from 0.")
    kind: BlockKind = Field(description="What the block is.")
    text: NonEmptyText = Field(description="The block's text (quote markers taken out).")
    quote_depth: Count | None = Field(
        default=None,
        description="For a quote written with '>' markers (mail, forums): how many ('>>' = 2).",
    )


class Footnote(LanguageTagged):
    """A numbered note at the end of an article, linked to its marker in the body."""

    table: ClassVar[str] = "footnotes"
    primary_key: ClassVar[tuple[str, ...]] = ("post_id", "number")
    sort_key: ClassVar[tuple[str, ...]] = ("post_id", "number")
    foreign_keys: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("doc_id", "documents", "doc_id"),
        ("post_id", "posts", "post_id"),
    )

    post_id: PostId
    number: int = Field(ge=1, description="The footnote number, from 1.")
    marker_start: Offset | None = Field(
        default=None, description="Offset of the marker in the document text; null if unseen."
    )
    body: NonEmptyText = Field(description="The note's text.")


class Reject(Record):
    """Something that could not be published, and why. Nothing is dropped silently."""

    table: ClassVar[str] = "rejects"
    primary_key: ClassVar[tuple[str, ...]] = ()
    sort_key: ClassVar[tuple[str, ...]] = ("source_file", "stage", "reason", "detail", "record")

    source_file: NonEmptyText = Field(description="The raw file the rejected input came from.")
    stage: Stage = Field(description="Pipeline stage that rejected it.")
    reason: NonEmptyText = Field(description="Reason code, `<stage>_<what>`; see the dataset card.")
    detail: str = Field(description="Human-readable explanation.")
    raw_sha256: str | None = Field(default=None, description="sha256 of the raw bytes, if read.")
    record: str | None = Field(default=None, description="The offending record as JSON, if any.")


class Dropped(Spanned):
    """Boilerplate removed from a document (navigation, link residue), kept for audit."""

    table: ClassVar[str] = "dropped"
    primary_key: ClassVar[tuple[str, ...]] = ("doc_id", "start")
    sort_key: ClassVar[tuple[str, ...]] = ("doc_id", "start", "end")
    foreign_keys: ClassVar[tuple[tuple[str, str, str], ...]] = (("doc_id", "documents", "doc_id"),)

    rule: NonEmptyText = Field(description="Name of the boilerplate rule that matched.")
    text: str = Field(description="The dropped text.")


class Duplicate(Record):
    """A document or block whose text repeats another's, exactly or nearly; nothing is
    removed for it (see the card's duplicates section for how they are found)."""

    table: ClassVar[str] = "duplicates"
    primary_key: ClassVar[tuple[str, ...]] = ("level", "record_id")
    sort_key: ClassVar[tuple[str, ...]] = ("level", "cluster_id", "record_id")

    level: DuplicateLevel = Field(description="`document` (a doc_id) or `block` (a block_id).")
    record_id: NonEmptyText = Field(description="The document's or block's id.")
    cluster_id: NonEmptyText = Field(
        description="The id of the cluster's first member (its smallest record id)."
    )
    match: DuplicateMatch = Field(
        description="`exact`: the same words as the first member (case and punctuation "
        "aside); `near`: shingles similar above the configured threshold."
    )
    similarity: Probability = Field(
        description="Estimated Jaccard similarity of its word shingles to the first member's "
        "(MinHash); 1.0 for an exact copy and the first member itself."
    )


class QualityMetric(Record):
    """One figure of the run's data-quality report."""

    table: ClassVar[str] = "qc"
    primary_key: ClassVar[tuple[str, ...]] = ("section", "name")
    sort_key: ClassVar[tuple[str, ...]] = ("section", "name")

    section: NonEmptyText = Field(
        description="rows, rejects, repairs, dropped, layout, language or duplicates."
    )
    name: NonEmptyText = Field(
        description="Table, reason, repair step, rule, layout, or `<table>.<language>`: rows with "
        "text in that language (`unknown`: none; `mixed`: more than one), or "
        "`<level>.clusters|exact|near` (duplicate clusters, and copies beside the first)."
    )
    value: int = Field(description="The count.")


class Tombstone(Record):
    """A record taken out of the release on request (the raw folder's removals list), so
    that users of an earlier release can drop it too. Its text is in no table any more."""

    table: ClassVar[str] = "tombstones"
    primary_key: ClassVar[tuple[str, ...]] = ("record_id",)
    sort_key: ClassVar[tuple[str, ...]] = ("doc_id", "record_id")
    foreign_keys: ClassVar[tuple[tuple[str, str, str], ...]] = ()

    doc_id: DocId
    record_id: NonEmptyText = Field(
        description="The removed record's id: a `doc_id`, `post_id`, `comment_id` or "
        "`block_id`; `<post_id>/<number>` for a footnote, `<doc_id>/<start>` for a dropped "
        "span (the ids `changes.json` gives them)."
    )
    level: TombstoneLevel = Field(description="Which table the record was in.")
    requested_id: NonEmptyText = Field(
        description="The id the removals list names: the record's own, or the one it hung "
        "off (a post for its comments and blocks, a comment for its replies, a document)."
    )
    reason: NonEmptyText = Field(description="Why it was removed, as the removals list says.")
    removal_date: IsoDate | None = Field(
        default=None, description="When the removal was requested, if the list says."
    )


TABLES: tuple[type[Record], ...] = (
    Document,
    Post,
    Comment,
    Block,
    Footnote,
    Reject,
    Dropped,
    Duplicate,
    QualityMetric,
    Tombstone,
)
"""Every published table, in publishing order."""

TABLE_BY_NAME: dict[str, type[Record]] = {model.table: model for model in TABLES}
