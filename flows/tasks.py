"""The Prefect tasks of a build and where they run.

Each task is a thin wrapper: a batch through the stages into part files
(`flows.batch.build_batch`), one table's parts into its data file, the database, the
sealed release. `RunnerSpec` says where the batches that need computing run, and
`process_batches` runs every batch of a build where it costs least.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, TypeVar

from prefect import Task, task, unmapped
from prefect.cache_policies import NONE
from prefect.futures import PrefectFuture, as_completed
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner
from prefect.utilities.annotations import quote
from pydantic import BaseModel, ConfigDict, Field

from flows.accel.incremental.cache import BatchCache, CachedWork, pending_work
from flows.accel.incremental.database_update import update_release_database
from flows.batch import BatchSummary, build_batch
from flows.config import PipelineConfig
from flows.io.database import MACROS, VIEWS
from flows.io.release import build_release_database, concat_parts, data_file_info, seal_release
from flows.lifeline import start_pool_worker
from flows.plan import Batch, place_batches
from flows.publish.card import SUMMARY, dataset_card, license_text
from flows.publish.metadata import LICENSE_FILE, citation_cff, croissant, datapackage
from flows.publish.report import LayoutChoice
from flows.stages.records import SourceInfo
from schemas import TABLES

R = TypeVar("R")


@task(name="process_batch", cache_policy=NONE, persist_result=False)
def process_batch_task(
    root: str,
    staging: str,
    batch: Batch,
    config: PipelineConfig,
    cache_dir: str | None,
    found: dict[str, str],
) -> BatchSummary:
    """One batch into sorted part files (`flows.batch.build_batch`)."""
    cache = Path(cache_dir) if cache_dir else None
    return build_batch(Path(root), Path(staging) / "parts", batch, config, cache, found)


@task(name="concat_table", cache_policy=NONE, persist_result=False)
def concat_table_task(staging: str, table: str) -> int:
    """One table's part files into its data file (`concat_parts`), on a thread of the flow."""
    model = next(model for model in TABLES if model.table == table)
    return concat_parts(Path(staging), model)


@task(name="build_database", cache_policy=NONE, persist_result=False)
def build_database_task(
    staging: str, previous: str | None, spans: list[tuple[str, str]] | None
) -> list[str] | None:
    """corpus.duckdb: with `previous` (accel), that release's updated where it can be (then
    the ids of the documents it replaced; only the documents within `spans` compared, if
    given); else built in full."""

    def progress(step: str) -> None:
        print(f"  database: {step}", flush=True)

    if previous is None:
        build_release_database(Path(staging), progress)
        return None
    return update_release_database(Path(staging), Path(previous), spans, progress)


@task(name="seal_release", cache_policy=NONE, persist_result=False)
def seal_release_task(
    out_dir: str,
    staging: str,
    version: str,
    metadata: dict[str, Any],
    row_counts: dict[str, int],
    sources: list[SourceInfo],
    quality: list[dict[str, Any]],
    uncertain: list[LayoutChoice],
    replaced_documents: list[str] | None,
    previous: str | None,
) -> Path:
    """Describe the release (card, licence, citation, Croissant, data package), then seal
    and publish it; `previous`: the verified release it is compared with, if any."""
    files = data_file_info(Path(staging))
    date = metadata.get("date_published")

    def describe(changes: Mapping[str, Any]) -> dict[str, str]:
        card = dataset_card(version, metadata, sources, quality, uncertain, changes, VIEWS, MACROS)
        return {
            "README.md": card,
            LICENSE_FILE: license_text(sources),
            "CITATION.cff": citation_cff(version, SUMMARY, date),
            "croissant.json": _json(croissant(version, files, SUMMARY, date)),
            "datapackage.json": _json(datapackage(version, files, SUMMARY)),
        }

    return seal_release(
        Path(out_dir),
        Path(staging),
        version,
        metadata,
        row_counts,
        describe,
        replaced_documents,
        Path(previous) if previous is not None else None,
    )


def _json(value: Any) -> str:
    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


LOCAL_THREADS = os.cpu_count() or 1
"""Threads of the flow's own task runner, in the flow process: restoring cached batches,
small amounts of computing (`PipelineConfig.inline_below`) and concatenating part files,
all of which cost less there than on the workers of a process pool or a cluster (Arrow's
readers and writers release the GIL, so threads concatenate as fast as processes would,
with nothing to start or ship)."""


class RunnerSpec(BaseModel):
    """Where the batches that need computing run: threads of the flow process, a pool of
    worker processes, or a Dask cluster (an existing one at `address`, or a local one).

    Started only for the batches placed on it and stopped when they are done, so a run
    that computes little starts no workers, and the workers' memory is given back before
    the data files and the database are written."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["thread", "process", "dask"] = "process"
    workers: int = Field(default=LOCAL_THREADS, ge=1)
    address: str | None = None

    def task_runner(self) -> TaskRunner[Any]:
        if self.kind == "dask":
            from prefect_dask import DaskTaskRunner

            if self.address:
                return DaskTaskRunner(address=self.address)
            return DaskTaskRunner(
                cluster_kwargs={"n_workers": self.workers, "threads_per_worker": 1}
            )
        if self.kind == "process":  # workers die with the build (`start_pool_worker`)
            return ProcessPoolTaskRunner(
                max_workers=self.workers, initializer=start_pool_worker, initargs=(os.getpid(),)
            )
        return ThreadPoolTaskRunner(max_workers=self.workers)


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
