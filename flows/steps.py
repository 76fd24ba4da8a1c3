"""The two steps of a build between its plan and its summary, as the flow runs them:
`process_batches` (every batch through the stages into part files, each where it costs
least) and `publish` (the part files into tables, the quality figures, the database, the
sealed release). Both only orchestrate the tasks of `flows.tasks`."""

from __future__ import annotations

import contextlib
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any, TypeVar

from prefect import Task, unmapped
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.futures import PrefectFuture, as_completed
from prefect.task_runners import TaskRunner
from prefect.utilities.annotations import quote

from flows.accel.incremental.cache import (
    BatchCache,
    CachedWork,
    load_release_batches,
    pending_work,
    save_release_batches,
)
from flows.batch import BatchSummary
from flows.config import PipelineConfig
from flows.inputs import BuildInputs
from flows.io.folders import BATCH_CACHE_DIR
from flows.io.release import FoundReleases, write_table
from flows.outcome import release_version
from flows.plan import Batch, batch_spans, changed_spans, place_batches, unsettled_batches
from flows.pool import stop_fork_server
from flows.publish.duplicates import release_duplicates
from flows.publish.report import (
    low_confidence,
    quality_markdown,
    quality_rows,
    read_language_counts,
    read_layout_choices,
)
from flows.tasks import (
    RunnerSpec,
    build_database_task,
    concat_table_task,
    process_batch_task,
    seal_release_task,
)
from flows.timing import PhaseClock
from schemas import TABLES, Duplicate, QualityMetric, Reject

R = TypeVar("R")


def largest_first(batches: list[Batch]) -> list[Batch]:
    """Batches in the order they are handed to the workers: the most files first, so that
    the last ones to start are small and no worker waits long on another at the end
    (batch sizes are geometric, so the largest is several times the mean, and one started
    last would keep the other workers idle). Results are still taken in batch order, so
    the output does not change."""
    return sorted(batches, key=lambda batch: (-len(batch.files), batch.index))


def map_on(
    runner: TaskRunner[Any], task: Task[..., R], parameters: dict[str, Any]
) -> list[PrefectFuture[R]]:
    """`task.map`, but on `runner` instead of the flow's task runner."""
    return list(runner.map(task, parameters))  # type: ignore[arg-type]  # Prefect's overloads


def process_batches(
    root: Path,
    cache_dir: Path | None,
    staging: Path,
    batches: list[Batch],
    config: PipelineConfig,
    runner: RunnerSpec,
) -> BatchSummary:
    """Run every batch, in parallel, each where it costs least (`place_batches`): on the
    flow's own threads, or on `runner`; collect counts and rejections in batch order.
    `cache_dir`: the build's cache folder, None without one (`--no-cache`)."""
    if cache_dir:
        work = pending_work(cache_dir, config.digest(), batches)
    else:
        work = CachedWork(set(), sum(len(b.files) for b in batches), {})
    here, there = place_batches(
        batches, work.stored_batches, work.documents_to_compute, config.inline_below
    )
    shared: dict[str, Any] = {
        "root": unmapped(str(root)),
        "staging": unmapped(str(staging)),
        "config": unmapped(config),
        "cache_dir": unmapped(str(cache_dir) if cache_dir else None),
    }
    futures: dict[int, PrefectFuture[BatchSummary]] = {}

    def found(placed: list[Batch]) -> list[dict[str, str]]:
        return [work.documents_found.get(batch.index, {}) for batch in placed]

    # A batch's files and the documents found for it are quoted: each task's parameters
    # then pass to it as they are, not walked item by item looking for futures (a walk
    # over every file of every batch, which would grow with the corpus).
    with contextlib.ExitStack() as stack:
        if there:  # the largest batches first (see `largest_first`)
            there = largest_first(there)
            remote = stack.enter_context(runner.task_runner())
            # Dask rebuilds tuples among a task's arguments, and a quote is a named tuple
            wrap = (lambda value: value) if runner.kind == "dask" else quote
            parameters = {"batch": wrap(there), "found": wrap(found(there)), **shared}
            mapped = map_on(remote, process_batch_task, parameters)
            futures.update(zip((b.index for b in there), mapped, strict=True))
        else:  # a fork server started early for a pool (`flows.runtime`) is not needed
            stop_fork_server()
        if here:
            mapped = process_batch_task.map(batch=quote(here), found=quote(found(here)), **shared)
            futures.update(zip((b.index for b in here), mapped, strict=True))
        files_of = {futures[b.index].task_run_id: len(b.files) for b in batches}
        total, done, shown = sum(files_of.values()), 0, 0.0
        for future in as_completed(list(futures.values())):
            done += files_of[future.task_run_id]
            if done == total or done / total >= shown + 0.1:
                shown = done / total
                print(f"  processed {done}/{total} files ({shown:.0%})", flush=True)
        summary = BatchSummary()
        for batch in batches:  # in batch order, whatever order they finished in
            summary.extend(futures[batch.index].result())
    if summary.cached_documents:
        print(
            f"  {summary.cached_documents} of {total} files unchanged: results taken from the "
            f"cache ({summary.cached_batches} of {len(batches)} batches as they were)"
        )
    if cache_dir:
        BatchCache(cache_dir / BATCH_CACHE_DIR, config.digest()).prune({b.key for b in batches})
    return summary


def warn_damaged(logger: Any, releases: Mapping[str, str], entries: Collection[str]) -> None:
    """One warning per damaged release (not reused), one for all damaged cache entries."""
    for name, problem in sorted(releases.items()):
        logger.warning("release %s failed verification (%s): not reused", name, problem)
    if entries:
        logger.warning("%d cache entries failed their checksums: rebuilt", len(entries))


def publish(
    out: Path,
    staging: Path,
    inputs: BuildInputs,
    config: PipelineConfig,
    cache_dir: Path | None,
    summary: BatchSummary,
    clock: PhaseClock,
    found: FoundReleases,
) -> tuple[Path, str, dict[str, int]]:
    """Concatenate the sorted part files into tables, describe them, seal and publish.
    Only a verified previous release (`found.previous`) is reused or compared with."""
    row_counts: dict[str, int] = {}
    print("  writing the data files", flush=True)
    with clock.phase("concat"):  # the tables side by side, on the flow's own threads
        tables = [
            model.table for model in TABLES if model.table not in ("rejects", "duplicates", "qc")
        ]
        futures = concat_table_task.map(unmapped(str(staging)), tables)
        for table, future in zip(tables, futures, strict=True):
            row_counts[table] = future.result()
    row_counts["rejects"] = write_table(staging, Reject, [r.as_row() for r in summary.rejections])
    choices = read_layout_choices(staging / "data" / "documents.parquet")
    damaged = {
        "cache_entries_rebuilt": len(summary.damaged_cache_entries),
        "releases_not_reused": len(found.damaged),
    }
    languages = read_language_counts(staging / "data")
    with clock.phase("duplicates"):
        duplicates = release_duplicates(staging, config.duplicates)
        row_counts["duplicates"] = write_table(staging, Duplicate, duplicates)
    quality = quality_rows(
        row_counts,
        summary.rejections,
        summary.repairs,
        summary.dropped_rules,
        choices,
        languages,
        duplicates,
        damaged,
    )
    row_counts["qc"] = write_table(staging, QualityMetric, quality)

    metadata = inputs.metadata
    version = release_version(metadata)
    digest, pipeline = metadata["input_digest"], metadata["pipeline_digest"]
    spans = batch_spans(inputs.batches)
    unsettled = unsettled_batches(inputs.batches, summary.rejections)
    previous = found.previous
    with clock.phase("database"):
        recorded = None
        if cache_dir and previous is not None:
            recorded = load_release_batches(cache_dir, previous, pipeline)
        replaced = build_database_task(
            str(staging),
            str(previous) if previous is not None and config.accel else None,
            None if recorded is None else changed_spans(recorded, spans, unsettled),
        )
    with clock.phase("seal"):
        release = seal_release_task(
            str(out),
            str(staging),
            version,
            metadata,
            row_counts,
            [s for s in inputs.corpus.sources if s.source_file in summary.published],
            quality,
            low_confidence(choices),
            replaced,
            str(previous) if previous is not None else None,
        )
    if cache_dir:
        settled = [span for span in spans if span[0] not in unsettled]
        save_release_batches(cache_dir, digest, pipeline, settled)
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
