"""The flow `make serve` runs on a schedule (see `flows.serve`): build, then publish."""

from __future__ import annotations

from pathlib import Path

from prefect import flow

from flows.config import PipelineConfig
from flows.flow import build_corpus
from flows.io.folders import RELEASE_LINK
from flows.io.publish import publish_release
from flows.tasks import RunnerSpec


@flow(name="rebuild-and-publish", log_prints=True)
def rebuild_and_publish(raw_dir: str, out_dir: str, to: str | None = None) -> str:
    """Build `raw_dir` into `out_dir`, then publish the newest release to `to` if given.
    Returns one line saying what happened (also printed, so the run's logs show it)."""
    summary = build_corpus(
        raw_dir=raw_dir, out_dir=out_dir, config=PipelineConfig(), runner=RunnerSpec(kind="thread")
    )
    if summary.refused is not None:
        raise RuntimeError(summary.refused)
    line = ("up to date: " if summary.up_to_date else "release ") + summary.version
    if to:
        result = publish_release(Path(out_dir) / RELEASE_LINK, to)
        line += f"; published to {result.url} ({len(result.uploaded)} uploaded)"
    print(line, flush=True)
    return line
