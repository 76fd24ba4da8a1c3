"""The Prefect flow: orchestration only. Tasks are thin wrappers around the pure stages
(`flows.stages.document`) and the I/O boundary (`flows.io`); each task handles a batch, writes
its rows as part files and returns only counts and rejections, so memory stays bounded."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import shutil
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, unmapped
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.futures import PrefectFuture, as_completed
from prefect.runtime import flow_run
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner
from prefect.utilities.annotations import quote
from prefect.utilities.urls import url_for

from flows.accel.incremental.cache import (
    BatchCache,
    CachedWork,
    load_known_digests,
    load_release_batches,
    pending_work,
    pipeline_digest,
    save_known_digests,
    save_release_batches,
)
from flows.accel.incremental.database_update import database_recipe
from flows.batch import BatchSummary
from flows.config import PipelineConfig
from flows.io.folders import output_lock, remove_stale_temporaries
from flows.io.furniture import learn_furniture
from flows.io.raw import RawCorpus, fingerprint, input_digest, scan_raw_folder
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
from flows.plan import (
    Batch,
    batch_spans,
    changed_spans,
    place_batches,
    plan_batches,
    unsettled_batches,
)
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
    code_version,
    concat_table_task,
    largest_first,
    map_on,
    process_batch_task,
    release_date,
    seal_release_task,
)
from flows.timing import PhaseClock
from schemas import TABLES, Duplicate, QualityMetric, Reject


def _process_corpus(
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
        BatchCache(cache_dir / "batches", config.digest()).prune({b.key for b in batches})
    return summary


def _warn_damaged(logger: Any, releases: Mapping[str, str], entries: Collection[str]) -> None:
    """One warning per damaged release (not reused), one for all damaged cache entries."""
    for name, problem in sorted(releases.items()):
        logger.warning("release %s failed verification (%s): not reused", name, problem)
    if entries:
        logger.warning("%d cache entries failed their checksums: rebuilt", len(entries))


def _publish(
    out: Path,
    staging: Path,
    corpus: RawCorpus,
    batches: list[Batch],
    config: PipelineConfig,
    cache_dir: Path | None,
    summary: BatchSummary,
    clock: PhaseClock,
    metadata: dict[str, Any],
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

    version = release_version(metadata)
    digest, pipeline = metadata["input_digest"], metadata["pipeline_digest"]
    spans = batch_spans(batches)
    unsettled = unsettled_batches(batches, summary.rejections)
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
            [source for source in corpus.sources if source.source_file in summary.published],
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
            corpus = scan_raw_folder(root, config.max_file_bytes)
            logger.info("%d files to process in %s", len(corpus.sources), root)
            known = load_known_digests(cache_dir) if cache_dir else None
            planned, unreadable = fingerprint(
                root,
                corpus.sources,
                known,
                listed=corpus.listed,
                max_bytes=config.max_file_bytes,
            )
            if cache_dir and known is not None:
                save_known_digests(cache_dir, known, [f.source.source_file for f in planned])
            planned = learn_furniture(root, planned, config.segment, config.max_file_bytes)
            batches, duplicates = plan_batches(planned, config.batch_size)
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
        found = find_releases(out, release_version(metadata))
        if found.current is not None:
            return up_to_date(out, found.current, config.strict)
        _warn_damaged(logger, found.damaged, ())
        staging = new_staging(out)
        try:
            with clock.phase("process"):
                summary = _process_corpus(root, cache_dir, staging, batches, config, runner)
            _warn_damaged(logger, {}, summary.damaged_cache_entries)
            summary.rejections[:0] = [*corpus.rejections, *unreadable, *duplicates]
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
                out, staging, corpus, batches, config, cache_dir, summary, clock, metadata, found
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
