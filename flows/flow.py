"""The Prefect flow: the data's path, orchestration only. Plan (`flows.inputs`), process
every batch into part files, publish them as a sealed release (`flows.steps`). The tasks
are thin wrappers around the pure stages (`flows.stages.document`) and the I/O boundary
(`flows.io`); each batch's task writes its rows as part files and returns only counts and
rejections, so memory stays bounded."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger
from prefect.runtime import flow_run
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner
from prefect.utilities.urls import url_for

from flows.config import PipelineConfig
from flows.inputs import read_inputs
from flows.io.folders import CACHE_DIR, output_lock, remove_stale_temporaries
from flows.io.release import (
    clean_stale_staging,
    find_releases,
    new_staging,
    summarize_changes,
)
from flows.outcome import (
    BuildSummary,
    log_rejects,
    published_summary,
    refused_summary,
    release_version,
    up_to_date,
)
from flows.steps import process_batches, publish, warn_damaged
from flows.tasks import LOCAL_THREADS, RunnerSpec
from flows.timing import PhaseClock

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
        for stale in remove_stale_temporaries(out / CACHE_DIR):
            logger.info("removed %s left by an interrupted run", stale.name)
        clock = PhaseClock()
        cache_dir = out / CACHE_DIR if config.use_cache and config.accel else None
        with clock.phase("plan"):  # list, hash and cut into batches
            inputs = read_inputs(root, config, cache_dir)
            logger.info("%d files to process in %s", len(inputs.corpus.sources), root)
        metadata = inputs.metadata
        found = find_releases(out, release_version(metadata))
        if found.current is not None:
            return up_to_date(out, found.current, config.strict)
        warn_damaged(logger, found.damaged, ())
        staging = new_staging(out)
        try:
            with clock.phase("process"):
                summary = process_batches(root, cache_dir, staging, inputs.batches, config, runner)
            warn_damaged(logger, {}, summary.damaged_cache_entries)
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
            release, version, row_counts = publish(
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
