"""One batch of files: read, look up the cache, run the pure stages on what is new.

A plain function (no Prefect) so that tests and benchmarks call it directly; the flow's
batch task is a thin wrapper around it.
"""

from __future__ import annotations

from pathlib import Path

from flows.config import PipelineConfig
from flows.contracts import RawDocument, SourceInfo
from flows.io.cache import DocumentCache
from flows.io.raw import iter_raw
from flows.pipeline import BatchResult, process_batch, process_document


def run_batch(
    root: Path, sources: list[SourceInfo], config: PipelineConfig, cache: DocumentCache | None
) -> BatchResult:
    def cached_or_processed(raw: RawDocument, config: PipelineConfig) -> BatchResult:
        done = cache.get(raw) if cache else None
        if done is None:
            done = process_document(raw, config)
            if cache:
                cache.put(raw, done)
        return done

    return process_batch(iter_raw(root, sources), config, cached_or_processed)
