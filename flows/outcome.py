"""What a build tells its caller: the release version it names, the summary the CLI
prints, and the rejects as a few log lines. Everything here reads finished results; none
of it decides what is built."""

from __future__ import annotations

import hashlib
import json
import logging
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from flows.io.folders import RELEASE_LINK
from flows.io.release import point_release
from flows.stages.records import Rejection
from schemas import Reject

PROJECT_VERSION: str = tomllib.loads(
    (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8")
)["project"]["version"]
"""The project's version, from pyproject.toml: the first part of every release version."""

RELEASE_IDENTITY = (
    "input_digest",
    "pipeline_digest",
    "config_digest",
    "database_recipe",
    "code_version",
)
"""The manifest fields that `release_version` digests."""

REJECTS_LOGGED = 5
"""How many rejects `log_rejects` names one by one; the rest are counted per reason."""


def release_version(metadata: dict[str, Any]) -> str:
    """The release version: the project's version and a digest of the input and the
    pipeline (code, its git commit, the libraries that shape rows, the config, the
    database recipe), and of nothing else, so one version names one set of bytes."""
    named = [metadata[key] for key in RELEASE_IDENTITY]
    digest = hashlib.sha256(json.dumps(named, sort_keys=True).encode()).hexdigest()
    return f"{PROJECT_VERSION}-{digest[:8]}"


@dataclass(frozen=True)
class BuildSummary:
    release: Path
    version: str
    row_counts: dict[str, int]
    rejected_files: list[str]
    rejects_by_reason: dict[str, int]
    seconds: dict[str, float]
    """Wall time of each phase of the run (plan, process, concat, database, seal)."""
    up_to_date: bool = False
    """Nothing was published: the release of this version was there already."""
    changes: str = ""
    """One line: what changed since the previous release (`summarize_changes`)."""
    refused: str | None = None
    """Why nothing was published although the build ran (--strict and some rejects)."""
    run_url: str | None = None
    """The flow run's page in the Prefect UI of the API server the build reported to."""


Rejects = Sequence[Reject | Rejection]


def strict_refusal(rejections: Rejects) -> str:
    """The one line that says why --strict refused to publish."""
    first = rejections[0]
    return (
        f"--strict: {len(rejections)} rejects, first: {first.source_file} "
        f"[{first.stage}] {first.reason}: {first.detail}; nothing published"
    )


def rejected_files(rejections: Rejects, published: set[str]) -> list[str]:
    """Input files that were refused whole (not only some of their records)."""
    return sorted(
        {
            r.source_file
            for r in rejections
            if r.stage in ("ingest", "decode", "repair") and r.source_file not in published
        }
    )


def by_reason(rejections: Rejects) -> dict[str, int]:
    return dict(sorted(Counter(r.reason for r in rejections).items()))


def log_rejects(logger: logging.Logger | logging.LoggerAdapter[Any], rejections: Rejects) -> None:
    """Log the rejects as a summary: the first `REJECTS_LOGGED` one by one, then one line
    of counts per reason. The `rejects` table holds every one; a log line each would make
    a document with thousands of bad records cost more to log than to build."""
    for rejection in rejections[:REJECTS_LOGGED]:
        logger.warning(
            "reject %s [%s] %s: %s",
            rejection.source_file,
            rejection.stage,
            rejection.reason,
            rejection.detail[:200],
        )
    if len(rejections) > REJECTS_LOGGED:
        counts = ", ".join(f"{k}={v}" for k, v in by_reason(rejections).items())
        logger.warning("%d rejects in all (see the rejects table): %s", len(rejections), counts)


def refused_summary(
    out: Path, version: str, rejections: Rejects, published: set[str], seconds: dict[str, float]
) -> BuildSummary:
    """The summary of a --strict build that found rejects and published nothing."""
    return BuildSummary(
        release=out / RELEASE_LINK,
        version=version,
        row_counts={},
        rejected_files=rejected_files(rejections, published),
        rejects_by_reason=by_reason(rejections),
        seconds=seconds,
        refused=strict_refusal(rejections),
    )


def published_summary(
    release: Path,
    version: str,
    row_counts: dict[str, int],
    rejections: Rejects,
    published: set[str],
    seconds: dict[str, float],
    changes: str,
) -> BuildSummary:
    """The summary of a build that published `release`."""
    return BuildSummary(
        release=release,
        version=version,
        row_counts=row_counts,
        rejected_files=rejected_files(rejections, published),
        rejects_by_reason=by_reason(rejections),
        seconds=seconds,
        changes=changes,
    )


REJECT_COLUMNS = ["source_file", "stage", "reason", "detail"]


def up_to_date(out: Path, release: Path, strict: bool) -> BuildSummary:
    """The summary of a build whose release is there already: `release` points at it
    (again), nothing is written, and its rejects are reported as a new build would."""
    manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    rejects = pq.read_table(release / "data" / "rejects.parquet", columns=REJECT_COLUMNS)
    rejections = [Reject.model_construct(**row) for row in rejects.to_pylist()]
    refused = strict_refusal(rejections) if strict and rejections else None
    if refused is None:
        point_release(out, release.name)
    documents = pq.read_table(release / "data" / "documents.parquet", columns=["source_file"])
    return BuildSummary(
        release=release,
        version=release.name,
        row_counts=dict(manifest["row_counts"]),
        rejected_files=rejected_files(rejections, set(documents.column(0).to_pylist())),
        rejects_by_reason=by_reason(rejections),
        seconds={},
        up_to_date=True,
        refused=refused,
    )
