"""The Prefect flow: orchestration only. Tasks are thin wrappers around the pure stages
(`flows.pipeline`) and the I/O boundary (`flows.io`); each task handles a batch, writes
its rows as part files and returns only counts and rejections, so memory stays bounded."""

from __future__ import annotations

import json
import shutil
import subprocess
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task, unmapped
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NONE
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from flows.batch import run_batch
from flows.card import SUMMARY, dataset_card
from flows.config import PipelineConfig
from flows.contracts import Rejection, SourceInfo
from flows.io.cache import DocumentCache
from flows.io.raw import RawCorpus, input_digest, scan_raw_folder
from flows.io.release import (
    clean_stale_staging,
    data_file_info,
    merge_parts,
    new_staging,
    output_lock,
    seal_release,
    write_batch_parts,
    write_table,
)
from flows.metadata import croissant, datapackage
from flows.report import quality_markdown, quality_rows
from schemas import TABLES, QualityMetric, Reject

PROJECT_VERSION: str = tomllib.loads(
    (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8")
)["project"]["version"]
"""The project's version, from pyproject.toml: the first part of every release version."""


class StrictModeError(RuntimeError):
    """Raised under --strict when anything was rejected."""


@dataclass
class BatchSummary:
    """What a batch task hands back: counts and rejections, never the rows themselves."""

    row_counts: Counter[str] = field(default_factory=Counter)
    repairs: Counter[str] = field(default_factory=Counter)
    dropped_rules: Counter[str] = field(default_factory=Counter)
    rejections: list[Rejection] = field(default_factory=list)
    cache_hits: int = 0
    documents: list[tuple[str, str, str]] = field(default_factory=list)
    """(doc_id, source_file, sha256) of every published document."""

    def extend(self, other: BatchSummary) -> None:
        self.row_counts.update(other.row_counts)
        self.repairs.update(other.repairs)
        self.dropped_rules.update(other.dropped_rules)
        self.rejections.extend(other.rejections)
        self.cache_hits += other.cache_hits
        self.documents.extend(other.documents)


@dataclass(frozen=True)
class BuildSummary:
    release: Path
    version: str
    row_counts: dict[str, int]
    rejected_files: list[str]
    rejects_by_reason: dict[str, int]


@task(name="process_batch", cache_policy=NONE, persist_result=False)
def process_batch_task(
    root: str,
    staging: str,
    batch_index: int,
    sources: list[SourceInfo],
    config: PipelineConfig,
    cache_dir: str | None,
) -> BatchSummary:
    """Read one batch of raw files, run the pure stages (or take their cached results),
    write the rows as part files, hand back counts."""
    cache = DocumentCache(Path(cache_dir), config.digest()) if cache_dir else None
    result = run_batch(Path(root), sources, config, cache)
    write_batch_parts(Path(staging), batch_index, result.tables)
    return BatchSummary(
        row_counts=Counter({name: len(rows) for name, rows in result.tables.items()}),
        repairs=result.repairs,
        dropped_rules=Counter(row["rule"] for row in result.tables["dropped"]),
        rejections=result.rejections,
        cache_hits=cache.hits if cache else 0,
        documents=[
            (r["doc_id"], r["source_file"], r["sha256"]) for r in result.tables["documents"]
        ],
    )


@task(name="merge_table", cache_policy=NONE, persist_result=False)
def merge_table_task(staging: str, table: str) -> int:
    model = next(model for model in TABLES if model.table == table)
    return merge_parts(Path(staging), model)


@task(name="seal_release", cache_policy=NONE, persist_result=False)
def seal_release_task(
    out_dir: str,
    staging: str,
    version: str,
    metadata: dict[str, Any],
    row_counts: dict[str, int],
    card: str,
) -> Path:
    """Describe the data files (Croissant, data package), then seal and publish."""
    files = data_file_info(Path(staging))
    documents = {
        "croissant.json": _json(croissant(version, files, SUMMARY)),
        "datapackage.json": _json(datapackage(version, files, SUMMARY)),
    }
    return seal_release(
        Path(out_dir), Path(staging), version, metadata, row_counts, card, documents
    )


def _json(value: Any) -> str:
    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


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


def duplicate_document_rejections(documents: list[tuple[str, str, str]]) -> list[Rejection]:
    """Byte-identical files share a doc_id: the first by name is published, the rest refused."""
    first: dict[str, str] = {}
    rejections = []
    for doc_id, source_file, sha256 in sorted(documents, key=lambda d: (d[0], d[1])):
        if doc_id in first:
            rejections.append(
                Rejection(
                    source_file,
                    "integrity",
                    "integrity_duplicate_document",
                    f"same bytes as {first[doc_id]}; only that file is published",
                    sha256,
                )
            )
        else:
            first[doc_id] = source_file
    return rejections


def _batches(sources: list[SourceInfo], size: int) -> list[list[SourceInfo]]:
    return [sources[i : i + size] for i in range(0, len(sources), size)]


def _process_corpus(
    root: Path, out: Path, staging: Path, corpus: RawCorpus, config: PipelineConfig
) -> BatchSummary:
    """Run every batch (in parallel on the task runner); collect counts and rejections."""
    batches = _batches(corpus.sources, config.batch_size)
    summary = BatchSummary(rejections=list(corpus.rejections))
    futures = (
        process_batch_task.map(
            unmapped(str(root)),
            unmapped(str(staging)),
            list(range(len(batches))),
            batches,
            unmapped(config),
            unmapped(str(out / ".cache") if config.use_cache else None),
        )
        if batches
        else []
    )
    total, done, shown = len(corpus.sources), 0, 0.0
    for index, future in enumerate(futures):
        summary.extend(future.result())
        done += len(batches[index])
        if done == total or done / total >= shown + 0.1:
            shown = done / total
            print(f"  processed {done}/{total} files ({shown:.0%})", flush=True)
    if config.use_cache and summary.cache_hits:
        print(f"  {summary.cache_hits} of {total} files unchanged: results taken from the cache")
    summary.rejections.extend(duplicate_document_rejections(summary.documents))
    return summary


def _publish(
    root: Path,
    out: Path,
    staging: Path,
    corpus: RawCorpus,
    config: PipelineConfig,
    summary: BatchSummary,
) -> tuple[Path, str, dict[str, int]]:
    """Merge the part files into sorted tables, describe them, seal and publish."""
    row_counts: dict[str, int] = {}
    for model in TABLES:  # one after another: each merge may use up to its memory limit
        if model.table not in ("rejects", "qc"):
            row_counts[model.table] = merge_table_task(str(staging), model.table)
    row_counts["rejects"] = write_table(staging, Reject, [r.as_row() for r in summary.rejections])
    quality = quality_rows(row_counts, summary.rejections, summary.repairs, summary.dropped_rules)
    row_counts["qc"] = write_table(staging, QualityMetric, quality)

    digest = input_digest(root, corpus.sources)
    version = f"{PROJECT_VERSION}-{digest[:8]}"
    metadata = {
        "dataset": "ru-political-corpus",
        "input_digest": digest,
        "code_version": code_version(),
        "config": config.model_dump(mode="json", include={"repair", "segment"}),
        "config_digest": config.digest(),
    }
    card = dataset_card(version, metadata, corpus.sources, quality)
    release = seal_release_task(str(out), str(staging), version, metadata, row_counts, card)
    create_markdown_artifact(
        key="data-quality",
        markdown="# Data quality\n\n" + quality_markdown(quality),
        description=f"Data-quality report of release {version}",
    )
    create_table_artifact(
        key="data-quality-table",
        table=quality,
        description=f"Data-quality figures of release {version}",
    )
    return release, version, row_counts


@flow(name="build-corpus", log_prints=False)
def build_corpus(raw_dir: str, out_dir: str, config: PipelineConfig | None = None) -> BuildSummary:
    """raw/ → decode → repair → segment → validate → publish a versioned release."""
    config = config or PipelineConfig()
    logger = get_run_logger()
    root, out = Path(raw_dir), Path(out_dir)
    with output_lock(out):
        for stale in clean_stale_staging(out):
            logger.warning("removed %s left by an interrupted run", stale.name)
        corpus = scan_raw_folder(root)
        logger.info("%d files to process in %s", len(corpus.sources), root)
        staging = new_staging(out)
        try:
            summary = _process_corpus(root, out, staging, corpus, config)
            for rejection in summary.rejections:
                logger.warning(
                    "reject %s [%s] %s: %s",
                    rejection.source_file,
                    rejection.stage,
                    rejection.reason,
                    rejection.detail[:200],
                )
            if config.strict and summary.rejections:
                first = summary.rejections[0]
                raise StrictModeError(
                    f"--strict: {len(summary.rejections)} rejects, first: {first.source_file} "
                    f"[{first.stage}] {first.reason}: {first.detail}"
                )
            release, version, row_counts = _publish(root, out, staging, corpus, config, summary)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)  # a failed run leaves nothing behind
            raise
    published = {source_file for _, source_file, _ in summary.documents}
    rejected_files = sorted(
        {
            r.source_file
            for r in summary.rejections
            if r.stage in ("ingest", "decode", "repair") and r.source_file not in published
        }
    )
    return BuildSummary(
        release=release,
        version=version,
        row_counts=row_counts,
        rejected_files=rejected_files,
        rejects_by_reason=dict(sorted(Counter(r.reason for r in summary.rejections).items())),
    )


def task_runner(kind: str, workers: int, address: str | None = None) -> TaskRunner[Any]:
    """Threads for small corpora; one process per core when the stages are CPU-bound; a
    Dask cluster (an existing one at `address`, or a local one) to scale out."""
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if address:
            return DaskTaskRunner(address=address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1})
    if kind == "process":
        return ProcessPoolTaskRunner(max_workers=workers)
    return ThreadPoolTaskRunner(max_workers=workers)
