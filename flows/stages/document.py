"""One document through every pure stage: decode → repair → segment → enrich → validate.

Pure: bytes in, table rows and rejections out. The Prefect flow calls this on batches.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from flows.config import PipelineConfig
from flows.stages.decode import decode
from flows.stages.enrich.language import add_languages
from flows.stages.privacy import pseudonymize, remove_records
from flows.stages.records import Decoded, RawDocument, Rejection, Repaired, Segmented, doc_id_for
from flows.stages.repair import repair
from flows.stages.segment import segment
from flows.stages.validate import Tables, check_document_integrity, validate_rows
from schemas import Block, Comment, Document, Dropped, Footnote, Post, Tombstone

SEGMENT_TABLES = (
    ("posts", Post),
    ("comments", Comment),
    ("blocks", Block),
    ("footnotes", Footnote),
    ("dropped", Dropped),
)


TABLE_NAMES = ("documents", *(name for name, _ in SEGMENT_TABLES), "tombstones")

Result = TypeVar("Result")


@dataclass(slots=True)
class BatchResult:
    """Rows per table, rejections and repair counts of a batch of documents."""

    tables: Tables = field(default_factory=lambda: {name: [] for name in TABLE_NAMES})
    rejections: list[Rejection] = field(default_factory=list)
    repairs: Counter[str] = field(default_factory=Counter)

    def extend(self, other: BatchResult) -> None:
        for name, rows in other.tables.items():
            self.tables[name].extend(rows)
        self.rejections.extend(other.rejections)
        self.repairs.update(other.repairs)


def document_row(
    raw: RawDocument, decoded: Decoded, repaired: Repaired, segmented: Segmented
) -> dict[str, Any]:
    """The `documents` row of one processed file (before validation)."""
    fixes = Counter(decoded.fixes) + Counter(repaired.fixes)
    return {
        "doc_id": doc_id_for(raw.source),
        "source_file": raw.source_file,
        "sha256": raw.sha256,
        "n_bytes": len(raw.data),
        "encoding": decoded.encoding,
        "encoding_confidence": float(decoded.confidence),
        "layout": segmented.layout,
        "layout_confidence": segmented.layout_confidence,
        "layout_evidence": segmented.layout_evidence,
        "publisher": raw.source.publisher,
        "language": raw.source.language,
        "rights": raw.source.rights,
        "original_text": decoded.text,
        "text": repaired.text,
        "fixes": [{"step": step, "count": count} for step, count in sorted(fixes.items())],
        "edits": [
            {  # a literal dict rather than dataclasses.asdict: this runs once per edit
                "rule": edit.rule,
                "orig_start": edit.orig_start,
                "orig_end": edit.orig_end,
                "old_text": edit.old_text,
                "new_text": edit.new_text,
                "reason": edit.reason,
            }
            for edit in repaired.edits
        ],
    }


def process_document(raw: RawDocument, config: PipelineConfig) -> BatchResult:
    """Run one document through the stages; bad content becomes rejections, never an error."""
    result = BatchResult()
    decoded = decode(raw)
    if isinstance(decoded, Rejection):
        result.rejections.append(decoded)
        return result
    repaired = repair(decoded.text, config.repair)
    if not repaired.text.strip():
        result.rejections.append(
            Rejection(
                raw.source_file,
                "repair",
                "repair_empty_text",
                "nothing but whitespace is left after repair",
                raw.sha256,
            )
        )
        return result
    doc_id = doc_id_for(raw.source)
    segmented = segment(
        doc_id,
        repaired.text,
        raw.source.layout,
        config.segment,
        raw.source.furniture,
        repaired.fixes,
    )
    add_languages(
        segmented.posts,
        segmented.comments,
        segmented.blocks,
        segmented.footnotes,
        config.language,
    )
    document = document_row(raw, decoded, repaired, segmented)
    documents, rejected = validate_rows(Document, [document], raw.source_file)
    result.rejections += rejected
    if not documents:
        return result
    tables: Tables = {"documents": documents}
    for name, model in SEGMENT_TABLES:
        rows, rejected = validate_rows(model, getattr(segmented, name), raw.source_file)
        tables[name] = rows
        result.rejections += rejected
    tables, rejected = check_document_integrity(tables, len(repaired.text), raw.source_file)
    result.rejections += rejected
    if raw.source.removals and tables["documents"]:
        tables, tombstones, rejected = remove_records(tables, raw.source.removals, raw.source_file)
        result.rejections += rejected
        tables["tombstones"], rejected = validate_rows(Tombstone, tombstones, raw.source_file)
        result.rejections += rejected
    if config.pseudonym_key is not None:
        tables, result.rejections = pseudonymize(
            tables, result.rejections, config.pseudonym_key.get_secret_value()
        )
    for name, rows in tables.items():
        result.tables[name].extend(rows)
    result.repairs.update(decoded.fixes)
    result.repairs.update(repaired.fixes)
    return result


def iter_processed(
    raws: Iterable[RawDocument | Rejection],
    config: PipelineConfig,
    process: Callable[[RawDocument, PipelineConfig], Result],
) -> Iterator[Result | BatchResult]:
    """Each document of a batch through `process` (the stages, or a cache in front of
    them), in order; a file refused while reading is a result holding only its rejection."""
    for raw in raws:
        if isinstance(raw, Rejection):
            yield BatchResult(rejections=[raw])
        else:
            yield process(raw, config)


def process_batch(
    raws: Iterable[RawDocument | Rejection],
    config: PipelineConfig,
    process: Callable[[RawDocument, PipelineConfig], BatchResult] = process_document,
) -> BatchResult:
    """Every document of a batch through `process`, all results in one."""
    result = BatchResult()
    for done in iter_processed(raws, config, process):
        result.extend(done)
    return result
