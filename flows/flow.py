"""The Prefect flow: orchestration only. Tasks are thin wrappers around the pure stages
(`flows.stages.document`) and the I/O boundary (`flows.io`); each task handles a batch, writes
its rows as part files and returns only counts and rejections, so memory stays bounded."""

from __future__ import annotations

import dataclasses
import json
import shutil
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, unmapped
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.runtime import flow_run
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner
from prefect.utilities.urls import url_for

from flows.accel.incremental.cache import load_release_batches, save_release_batches
from flows.batch import BatchSummary
from flows.config import PipelineConfig
from flows.inputs import BuildInputs, read_inputs
from flows.io.folders import output_lock, remove_stale_temporaries
from flows.io.release import (
    FoundReleases,
    clean_stale_staging,
    find_releases,
    new_staging,
    summarize_changes,
    write_table,
)
from flows.outcome import (
    BuildSummary,
    log_rejects,
    published_summary,
    refused_summary,
    release_version,
    up_to_date,
)
from flows.plan import batch_spans, changed_spans, unsettled_batches
from flows.publish.duplicates import release_duplicates
from flows.publish.report import (
    low_confidence,
    quality_markdown,
    quality_rows,
    read_language_counts,
    read_layout_choices,
)
from flows.tasks import (
    LOCAL_THREADS,
    RunnerSpec,
    build_database_task,
    concat_table_task,
    process_batches,
    seal_release_task,
)
from flows.timing import PhaseClock
from schemas import TABLES, Duplicate, QualityMetric, Reject


def _warn_damaged(logger: Any, releases: Mapping[str, str], entries: Collection[str]) -> None:
    """One warning per damaged release (not reused), one for all damaged cache entries."""
    for name, problem in sorted(releases.items()):
        logger.warning("release %s failed verification (%s): not reused", name, problem)
    if entries:
        logger.warning("%d cache entries failed their checksums: rebuilt", len(entries))


def _publish(
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
        duplicates = release_duplicates(staging / "data", config.duplicates)
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


_OWN_THREADS: TaskRunner[Any] = ThreadPoolTaskRunner(max_workers=LOCAL_THREADS)


@flow(name="build-corpus", log_prints=False, task_runner=_OWN_THREADS)
def build_corpus(
    raw_dir: str,
    out_dir: str,
    config: PipelineConfig | None = None,
    runner: RunnerSpec | None = None,
) -> BuildSummary:
    """raw/ → decode → repair → segment → validate → publish a versioned release. The
    batches that need computing run on `runner` (default: one worker process per core).
    The summary names the run's page in the Prefect UI (`run_url`)."""
    summary = _build(
        Path(raw_dir), Path(out_dir), config or PipelineConfig(), runner or RunnerSpec()
    )
    return dataclasses.replace(summary, run_url=url_for("flow-run", obj_id=flow_run.get_id()))


def _build(root: Path, out: Path, config: PipelineConfig, runner: RunnerSpec) -> BuildSummary:
    logger = get_run_logger()
    with output_lock(out):
        for stale in clean_stale_staging(out):
            logger.warning("removed %s left by an interrupted run", stale.name)
        for stale in remove_stale_temporaries(out / ".cache"):
            logger.info("removed %s left by an interrupted run", stale.name)
        clock = PhaseClock()
        cache_dir = out / ".cache" if config.use_cache and config.accel else None
        with clock.phase("plan"):  # list, hash and cut into batches
            inputs = read_inputs(root, config, cache_dir)
            logger.info("%d files to process in %s", len(inputs.corpus.sources), root)
        metadata = inputs.metadata
        found = find_releases(out, release_version(metadata))
        if found.current is not None:
            return up_to_date(out, found.current, config.strict)
        _warn_damaged(logger, found.damaged, ())
        staging = new_staging(out)
        try:
            with clock.phase("process"):
                summary = process_batches(root, cache_dir, staging, inputs.batches, config, runner)
            _warn_damaged(logger, {}, summary.damaged_cache_entries)
            summary.rejections[:0] = inputs.rejections
            log_rejects(logger, summary.rejections)
            if config.strict and summary.rejections:
                shutil.rmtree(staging, ignore_errors=True)
                return refused_summary(
                    out,
                    release_version(metadata),
                    summary.rejections,
                    summary.published,
                    clock.seconds,
                )
            release, version, row_counts = _publish(
                out, staging, inputs, config, cache_dir, summary, clock, found
            )
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)  # a failed run leaves nothing behind
            raise
    changes = json.loads((release / "changes.json").read_text(encoding="utf-8"))
    return published_summary(
        release,
        version,
        row_counts,
        summary.rejections,
        summary.published,
        clock.seconds,
        summarize_changes(changes),
    )
