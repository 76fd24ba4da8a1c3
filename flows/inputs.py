"""A build's inputs: the raw folder listed, hashed, cut into batches, and the metadata
that names the release they make.

The step before any document is processed. Files that cannot be read, byte-identical
copies and claims of one source by two files are rejections here, before work is spent
on them (`BuildInputs.rejections`).
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from flows.accel.incremental.cache import (
    load_known_digests,
    pipeline_digest,
    save_known_digests,
)
from flows.accel.incremental.database_update import database_recipe
from flows.config import PipelineConfig
from flows.io.furniture import learn_furniture
from flows.io.raw import RawCorpus, fingerprint, input_digest, scan_raw_folder
from flows.plan import Batch, PlannedFile, plan_batches
from flows.stages.records import Rejection
from schemas import TABLES


@dataclass(frozen=True, slots=True)
class BuildInputs:
    """What a build reads: the listed corpus, its batches, the files rejected before
    processing (unreadable, duplicate copies, after the listing's own rejections) and the
    release's metadata, whose digests decide whether the release already exists."""

    corpus: RawCorpus
    batches: list[Batch]
    rejections: list[Rejection]
    metadata: dict[str, Any]


def read_inputs(root: Path, config: PipelineConfig, cache_dir: Path | None) -> BuildInputs:
    """List and hash `root` (digests of unchanged files come from `cache_dir`'s record
    when there is one), learn each source's page furniture, cut the batches."""
    corpus = scan_raw_folder(root, config.max_file_bytes)
    known = load_known_digests(cache_dir) if cache_dir else None
    planned, unreadable = fingerprint(
        root, corpus.sources, known, listed=corpus.listed, max_bytes=config.max_file_bytes
    )
    if cache_dir and known is not None:
        save_known_digests(cache_dir, known, [f.source.source_file for f in planned])
    planned = learn_furniture(root, planned, config.segment, config.max_file_bytes)
    batches, duplicates = plan_batches(planned, config.batch_size)
    return BuildInputs(
        corpus,
        batches,
        [*corpus.rejections, *unreadable, *duplicates],
        release_metadata(corpus, planned, config),
    )


def release_metadata(
    corpus: RawCorpus, planned: list[PlannedFile], config: PipelineConfig
) -> dict[str, Any]:
    """The manifest's description of the build: what went in (`input_digest`), with which
    code and settings; `release_version` derives the release's name from it."""
    metadata = {
        "dataset": "ru-political-corpus",
        "input_digest": input_digest(corpus, planned),
        "code_version": code_version(),
        "config": config.output_settings(),
        "config_digest": config.digest(),
        "database_recipe": database_recipe(TABLES),
        "pipeline_digest": pipeline_digest(config.digest()),
        "date_published": release_date(),
    }
    if config.pseudonym_key_id is not None:
        metadata["pseudonym_key_id"] = config.pseudonym_key_id
    return metadata


def code_version() -> str:
    """The git commit of the code (`-dirty` if flows/ or schemas/ have local changes)."""
    root = Path(__file__).resolve().parent.parent
    try:
        head = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        )
        dirty = subprocess.run(
            ["git", "-C", str(root), "status", "--porcelain", "--", "flows", "schemas"],
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return head.stdout.strip() + ("-dirty" if dirty.stdout.strip() else "")


def release_date() -> str | None:
    """The date a release is dated with (ISO, `YYYY-MM-DD`): that of `SOURCE_DATE_EPOCH`
    if set (the reproducible-builds convention), else the commit date of the code; None
    outside a git checkout. Never the clock's: the same input and code give the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date().isoformat()
    root = Path(__file__).resolve().parent.parent
    try:
        commit = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%cs", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return commit.stdout.strip() or None
