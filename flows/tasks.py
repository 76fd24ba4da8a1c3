"""The Prefect tasks of a build and where they run.

Each task is a thin wrapper: a batch through the stages into part files
(`flows.batch.build_batch`), one table's parts into its data file, the database, the
sealed release. `RunnerSpec` says where the batches that need computing run
(`flows.steps.process_batches` places them).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from prefect import task
from prefect.cache_policies import NONE
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner
from pydantic import BaseModel, ConfigDict, Field

from flows.accel.incremental.database_update import update_release_database
from flows.batch import BatchSummary, build_batch
from flows.config import PipelineConfig
from flows.io.database import MACROS, VIEWS
from flows.io.release import build_release_database, concat_parts, data_file_info, seal_release
from flows.lifeline import start_pool_worker
from flows.plan import Batch
from flows.pool import ForkServerTaskRunner
from flows.publish.card import SUMMARY, dataset_card, license_text
from flows.publish.metadata import LICENSE_FILE, citation_cff, croissant, datapackage
from flows.publish.report import LayoutChoice
from flows.stages.records import SourceInfo
from schemas import TABLES


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
            return ForkServerTaskRunner(
                max_workers=self.workers, initializer=start_pool_worker, initargs=(os.getpid(),)
            )
        return ThreadPoolTaskRunner(max_workers=self.workers)
