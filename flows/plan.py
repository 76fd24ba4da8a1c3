"""Planning a build: which files go into which batch, decided from the files alone.

Pure: (file, sha256) pairs in, batches out. Two properties make the rest of the flow
cheap:

* **Sorted batches.** Files are ordered by document id (a digest of each file's source
  identity, `flows.stages.records.doc_id_for`), and every id in every table starts with
  the document's id, so when each batch writes its rows sorted, the batches' outputs laid
  end to end are the sorted table. Publishing is a streaming concatenation, never a
  global sort, and memory does not grow with the corpus.
* **Identity-defined boundaries.** A batch ends after a file whose identity digest says
  so (about one in `target_size`), as in content-defined chunking, not after every N
  files. Editing a file moves no boundary; adding or removing one changes at most the
  batches it leaves and joins; every other batch keeps its exact members, so its cached
  output can be reused as it is. There is deliberately no size cap (a cap would shift
  every later boundary): sizes are geometric around `target_size`, and a batch 10x the
  target has odds below 1e-4.

Byte-identical files, and files claiming the same source identity, are found here too,
before any work is spent on them: the first by name is published, the others are
rejected.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from flows.stages.records import Rejection, SourceInfo, doc_id_for, identity_digest


@dataclass(frozen=True, slots=True)
class PlannedFile:
    """A raw file and the sha256 of the bytes it had when the build was planned."""

    source: SourceInfo
    sha256: str

    @property
    def doc_id(self) -> str:
        return doc_id_for(self.source)


@dataclass(frozen=True, slots=True)
class Batch:
    """Files that one task processes, in document-id order; `key` names exactly its
    inputs."""

    index: int
    files: tuple[PlannedFile, ...]
    key: str


def batch_key(files: Iterable[PlannedFile]) -> str:
    """Digest of the members' bytes and manifest entries (what their output depends on,
    besides code and config)."""
    members = [[f.sha256, f.source.as_dict()] for f in files]
    return hashlib.sha256(json.dumps(members, sort_keys=True).encode()).hexdigest()


def ends_batch(identity: str, target_size: int) -> bool:
    """Whether a batch ends after the file of this identity digest: true for about 1 in
    `target_size` digests. Uses other hex digits than the document id, which orders the
    files."""
    return int(identity[32:48], 16) % target_size == 0


def plan_batches(
    files: Iterable[PlannedFile], target_size: int
) -> tuple[list[Batch], list[Rejection]]:
    """Order files by document id, reject byte-identical copies and second claims on one
    source identity (the first by name is kept), cut into batches."""
    if target_size < 1:
        raise ValueError(f"target_size must be at least 1, not {target_size}")
    by_bytes: dict[str, str] = {}
    by_id: dict[str, str] = {}
    unique: list[PlannedFile] = []
    rejections: list[Rejection] = []
    for planned in sorted(files, key=lambda f: f.source.source_file):
        name, doc_id = planned.source.source_file, planned.doc_id
        first = by_bytes.get(planned.sha256)
        if first is None and doc_id in by_id:
            first = by_id[doc_id]
            detail = f"same source id as {first}; only that file is published"
        else:
            detail = f"same bytes as {first}; only that file is published"
        if first is not None:
            rejections.append(
                Rejection(name, "integrity", "integrity_duplicate_document", detail, planned.sha256)
            )
            continue
        by_bytes[planned.sha256], by_id[doc_id] = name, name
        unique.append(planned)
    unique.sort(key=lambda f: f.doc_id)
    batches: list[Batch] = []
    current: list[PlannedFile] = []
    for planned in unique:
        current.append(planned)
        if ends_batch(identity_digest(planned.source), target_size):
            batches.append(Batch(len(batches), tuple(current), batch_key(current)))
            current = []
    if current:
        batches.append(Batch(len(batches), tuple(current), batch_key(current)))
    return batches, rejections


def place_batches(
    batches: Iterable[Batch], stored: Collection[str], documents_to_compute: int, inline_below: int
) -> tuple[list[Batch], list[Batch]]:
    """Which batches run on threads in the flow's own process, and which on the task runner.

    A batch that the cache holds whole (`stored`, by key) is only linked into place, which
    costs less than sending it to a worker. When fewer than `inline_below` documents need
    computing in all, every batch runs locally: starting the runner's workers (each worker
    of a process pool imports Prefect and the pipeline first) would cost more than it
    saves. Either way the output is the same; only where it is made differs.
    """
    ordered = list(batches)
    if documents_to_compute < inline_below:
        return ordered, []
    local = [batch for batch in ordered if batch.key in stored]
    return local, [batch for batch in ordered if batch.key not in stored]


BatchSpan = tuple[str, str, str]
"""A batch's key and the ids of its first and last documents: the batch holds every
document with an id in between (files are in document-id order)."""


def batch_spans(batches: Iterable[Batch]) -> list[BatchSpan]:
    """What a release records of its batches (`changed_spans` compares two builds by it)."""
    return [
        (batch.key, batch.files[0].doc_id, batch.files[-1].doc_id)
        for batch in batches
        if batch.files
    ]


def changed_spans(
    previous: Iterable[BatchSpan],
    current: Iterable[BatchSpan],
    unsettled: Collection[str] = (),
) -> list[tuple[str, str]]:
    """The id ranges, sorted and merged, outside which two builds by the same code and
    config have the same rows: a batch with the same key in both has the same members, so
    only the batches of one build that the other lacks can hold documents that differ
    (added, removed or changed). `unsettled`: keys of batches whose rows also depend on
    the outside world this time (a file unreadable, or changed while the build ran);
    their ranges are always included."""
    before, after = list(previous), list(current)
    kept = ({key for key, _, _ in before} & {key for key, _, _ in after}) - set(unsettled)
    spans = sorted((first, last) for key, first, last in [*before, *after] if key not in kept)
    merged: list[tuple[str, str]] = []
    for first, last in spans:
        if merged and first <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(last, merged[-1][1]))
        else:
            merged.append((first, last))
    return merged


UNSETTLED_REASONS = frozenset({"ingest_unreadable", "ingest_changed_during_run"})
"""Rejections of a planned file as it is read (`flows.io.raw.read_raw`): they say what the
file system did during this build, not what the file's bytes are."""


def unsettled_batches(batches: Iterable[Batch], rejections: Iterable[Rejection]) -> set[str]:
    """Keys of the batches with a file that could not be read, or changed while the build
    ran: their rows depend on more than their members, so neither the batch cache nor the
    database update may take them as known."""
    outside = {r.source_file for r in rejections if r.reason in UNSETTLED_REASONS}
    return {
        batch.key
        for batch in batches
        if any(member.source.source_file in outside for member in batch.files)
    }
