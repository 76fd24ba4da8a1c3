"""The corpus pass that learns each source's furniture before the documents are processed
(:mod:`flows.stages.segment.repeated`): it reads and decodes every planned file once more,
keeping only the keys of its edge lines, so memory stays small."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from flows.io.raw import DEFAULT_MAX_FILE_BYTES, read_raw
from flows.plan import PlannedFile
from flows.stages.decode import decode
from flows.stages.records import Rejection
from flows.stages.segment import SegmentConfig
from flows.stages.segment.repeated import document_edges, learn_repeated


def learn_furniture(
    root: Path,
    planned: Sequence[PlannedFile],
    config: SegmentConfig,
    max_bytes: int = DEFAULT_MAX_FILE_BYTES,
) -> list[PlannedFile]:
    """`planned` with each file's learned furniture (the learned lines it shows) in its
    source info; files that cannot be read or decoded are left as they are (processing
    rejects them with the reason)."""
    edges: list[tuple[str, frozenset[str]] | None] = []
    for item in planned:
        raw = read_raw(root, item.source, item.sha256, max_bytes)
        decoded = raw if isinstance(raw, Rejection) else decode(raw)
        edges.append(
            None
            if isinstance(decoded, Rejection)
            else document_edges(item.source.publisher, decoded.text)
        )
    learned = learn_repeated(
        (found for found in edges if found is not None),
        config.furniture_min_docs,
        config.furniture_min_share,
    )
    out = []
    for item, found in zip(planned, edges, strict=True):
        keys = learned.get(found[0], frozenset()) & found[1] if found else frozenset()
        source = replace(item.source, furniture=tuple(sorted(keys)))
        out.append(replace(item, source=source) if keys else item)
    return out
