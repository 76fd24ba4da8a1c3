"""One batch of files: read, look up the cache, run the pure stages on what is new, and
what the batch hands back to the flow.

Plain functions (no Prefect) so that tests and benchmarks call them directly; the flow's
batch task is a thin wrapper around them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from flows.accel import install as install_accel
from flows.accel.incremental.cache import BatchCache, CachedDocument, DocumentCache
from flows.config import PipelineConfig
from flows.io.folders import BATCH_CACHE_DIR
from flows.io.raw import iter_raw
from flows.io.release import PartWriter
from flows.plan import Batch, unsettled_batches
from flows.publish.signatures import SIGNATURES, Known, document_signatures, signature_table
from flows.stages.document import TABLE_NAMES, BatchResult, iter_processed, process_document
from flows.stages.records import RawDocument, Rejection
from flows.stages.validate import Row


@dataclass
class BatchSummary:
    """What a batch task hands back: counts and rejections, never the rows themselves."""

    row_counts: Counter[str] = field(default_factory=Counter)
    repairs: Counter[str] = field(default_factory=Counter)
    dropped_rules: Counter[str] = field(default_factory=Counter)
    rejections: list[Rejection] = field(default_factory=list)
    documents: list[tuple[str, str, str]] = field(default_factory=list)
    """(doc_id, source_file, sha256) of every published document."""
    cached_documents: int = 0
    """Documents whose stage results came from the document cache."""
    cached_batches: int = 0
    """Batches whose part files came from the batch cache as they were."""
    damaged_cache_entries: set[str] = field(default_factory=set)
    """Cache entries that failed their checksums: ignored, and rebuilt when their batch is."""

    def extend(self, other: BatchSummary) -> None:
        self.row_counts.update(other.row_counts)
        self.repairs.update(other.repairs)
        self.dropped_rules.update(other.dropped_rules)
        self.rejections.extend(other.rejections)
        self.documents.extend(other.documents)
        self.cached_documents += other.cached_documents
        self.cached_batches += other.cached_batches
        self.damaged_cache_entries |= other.damaged_cache_entries

    @property
    def published(self) -> set[str]:
        """The source files of the published documents."""
        return {source_file for _, source_file, _ in self.documents}

    def to_json(self) -> dict[str, Any]:
        return {
            "row_counts": dict(self.row_counts),
            "repairs": dict(self.repairs),
            "dropped_rules": dict(self.dropped_rules),
            "rejections": [r.as_row() for r in self.rejections],
            "documents": [list(d) for d in self.documents],
        }

    @classmethod
    def from_json(cls, stored: dict[str, Any]) -> BatchSummary:
        return cls(
            row_counts=Counter(stored["row_counts"]),
            repairs=Counter(stored["repairs"]),
            dropped_rules=Counter(stored["dropped_rules"]),
            rejections=[Rejection(**row) for row in stored["rejections"]],
            documents=[(d[0], d[1], d[2]) for d in stored["documents"]],
        )


CHUNK_DOCUMENTS = 64
"""Documents whose rows a worker holds before writing them out (see `PartWriter`)."""


def iter_batch(
    root: Path, batch: Batch, config: PipelineConfig, cache: DocumentCache | None
) -> Iterator[BatchResult | CachedDocument]:
    """Each file of the batch, in order, through the stages or from the document cache
    (`flows.stages.document.iter_processed`); every document is remembered by the cache."""

    def cached_or_processed(
        raw: RawDocument, config: PipelineConfig
    ) -> BatchResult | CachedDocument:
        done: BatchResult | CachedDocument | None = cache.get(raw) if cache else None
        if done is None:
            done = process_document(raw, config)
        if cache:
            cache.remember(raw, done)
        return done

    sources = [planned.source for planned in batch.files]
    expected = [planned.sha256 for planned in batch.files]
    files = iter_raw(root, sources, expected, config.max_file_bytes)
    return iter_processed(files, config, cached_or_processed)


def write_batch(
    root: Path, parts: Path, batch: Batch, config: PipelineConfig, cache: DocumentCache | None
) -> BatchSummary:
    """The batch's rows into its part files, `CHUNK_DOCUMENTS` documents at a time."""
    summary = BatchSummary()
    chunk: list[BatchResult | CachedDocument] = []
    known: Known = {}  # the batch's signatures so far
    with PartWriter(parts, batch.index) as writer:
        for done in iter_batch(root, batch, config, cache):
            chunk.append(done)
            if len(chunk) == CHUNK_DOCUMENTS:
                summary.extend(_write_chunk(writer, chunk, config, known))
                chunk = []
        summary.extend(_write_chunk(writer, chunk, config, known))
    summary.cached_documents = cache.hits if cache else 0
    return summary


def _write_chunk(
    writer: PartWriter,
    chunk: list[BatchResult | CachedDocument],
    config: PipelineConfig,
    known: Known,
) -> BatchSummary:
    """Documents' rows in order: computed ones as Python rows (consecutive ones in one
    piece), cached ones as the Arrow slices they were found as; their counts are read off
    what was written, whichever shape the rows came in. The records' near-duplicate
    signatures go into the `SIGNATURES` part alongside: computed for computed documents
    (`known`: the batch's signatures so far), as cached for cached ones."""
    pieces: dict[str, list[list[Row] | pa.Table]] = {name: [] for name in TABLE_NAMES}
    signatures: list[list[tuple[Any, ...]] | pa.Table] = []
    for done in chunk:
        if isinstance(done, CachedDocument):
            for name, table in done.tables.items():
                (signatures if name == SIGNATURES else pieces[name]).append(table)
            continue
        for name, rows in done.tables.items():
            if pieces[name] and isinstance(pieces[name][-1], list):
                pieces[name][-1].extend(rows)
            else:
                pieces[name].append(list(rows))
        signatures.append(document_signatures(done.tables, config.duplicates, known))
    written = writer.write_pieces(pieces)
    writer.write_side(SIGNATURES, signature_table(signatures))
    return summarize(written, chunk)


def summarize(
    written: dict[str, pa.Table], chunk: Sequence[BatchResult | CachedDocument]
) -> BatchSummary:
    """The counts of a written chunk (rows per table, dropped rows per rule, published
    documents) with its documents' rejections and repair counts."""
    documents, dropped = written.get("documents"), written.get("dropped")
    published: list[tuple[str, str, str]] = []
    if documents is not None:
        names = ("doc_id", "source_file", "sha256")
        columns = (documents.column(name).to_pylist() for name in names)
        published = [(str(a), str(b), str(c)) for a, b, c in zip(*columns, strict=True)]
    repairs: Counter[str] = Counter()
    for done in chunk:
        repairs.update(done.repairs)
    return BatchSummary(
        row_counts=Counter(
            {name: written[name].num_rows if name in written else 0 for name in TABLE_NAMES}
        ),
        repairs=repairs,
        dropped_rules=Counter(dropped.column("rule").to_pylist() if dropped is not None else []),
        rejections=[rejection for done in chunk for rejection in done.rejections],
        documents=published,
    )


def build_batch(
    root: Path,
    parts: Path,
    batch: Batch,
    config: PipelineConfig,
    cache_dir: Path | None,
    found: Mapping[str, str] | None = None,
) -> BatchSummary:
    """One batch into sorted part files under `parts`: its finished parts from the batch
    cache, or its files through the stages (each document from the document cache when it
    can), written, then stored in the cache. A cache entry that fails its checksums is
    not used (`damaged_cache_entries`); the batch's own is then written again. `found`:
    which batch entries hold which of its documents, as planned
    (`flows.accel.incremental.cache.pending_work`); looked up here when not given. With `config.accel`, the fast paths are installed in this process."""
    if config.accel:
        install_accel()
    if cache_dir is None:
        return write_batch(root, parts, batch, config, None)
    batches = BatchCache(cache_dir / BATCH_CACHE_DIR, config.digest())
    if stored := batches.restore(batch.key, parts, batch.index):
        summary = BatchSummary.from_json(stored)
        summary.cached_batches, summary.cached_documents = 1, len(batch.files)
        return summary
    documents = DocumentCache(batches, found)
    summary = write_batch(root, parts, batch, config, documents)
    summary.damaged_cache_entries = {*batches.damaged, *documents.damaged}
    if not unsettled_batches([batch], summary.rejections):  # else the next run reads again
        batches.store(batch.key, parts, batch.index, summary.to_json(), documents.entries)
    return summary
