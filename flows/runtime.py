"""The process a build runs in: Prefect's state inside the output folder and its console
quiet, with acceleration the allocator settings and a pre-started Prefect API server, and
the worker pool's fork server started early when the build will need it.

Called by the CLI before anything imports prefect or pyarrow (both read their settings
from the environment at import time).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from flows.io.folders import (
    BATCH_CACHE_DIR,
    CACHE_DIR,
    PREFECT_DIR,
    RELEASE_LINK,
    is_input_name,
)

if TYPE_CHECKING:
    from flows.accel.prefect_server import TemporaryApiServer

FORK_SERVER_PRELOAD = ["flows.preload"]
"""What the worker pool's fork server imports before forking any worker (`flows.pool`)."""


def prepare_environment(out_dir: Path, accel: bool) -> None:
    """Keep Prefect's state inside the build folder and its console quiet; with `accel`,
    the allocator settings of `flows.accel.allocator`. Must run before prefect and pyarrow
    are imported: both read these at import time."""
    home = (out_dir / PREFECT_DIR).resolve()
    home.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("PREFECT_HOME", str(home))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_LOGGING_SERVER_LEVEL", "CRITICAL")
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "CRITICAL")
    os.environ.setdefault("PREFECT_UI_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    if accel:
        from flows.accel.allocator import configure_allocator

        configure_allocator()


def start_api_server(accel: bool) -> TemporaryApiServer:
    """The run's Prefect API server, started now with `accel` (its start-up then overlaps
    the imports of the pipeline), or left for Prefect to start on first use without."""
    from flows.accel.prefect_server import TemporaryApiServer

    server = TemporaryApiServer(Path(os.environ["PREFECT_HOME"]) / "api-server.log")
    if accel:
        server.start()
    return server


def warm_imports() -> None:
    """Import now, while the API server is still starting, what Prefect imports only when
    the flow starts: fastapi's encoder, for the flow's parameters (otherwise imported on
    the critical path of every run, after the server answers)."""
    import fastapi.encoders  # noqa: F401


def run_settings(server: TemporaryApiServer) -> contextlib.AbstractContextManager[object]:
    """No flow-run heartbeats when the API server is this run's own: it stops with the run,
    so nothing watches them, and the engine waits up to 1 s for the heartbeat thread to
    notice the run ended. A server of the user's own keeps Prefect's settings."""
    if server.process is None:
        return contextlib.nullcontext()
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    return temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None})


def settle_prefect(timeout: float = 10.0) -> None:
    """Let Prefect's event and log workers send what they hold and stop. Prefect drains
    them at interpreter exit and warns there while items remain ('Still processing
    items'), which would print after the CLI's last line; drained first, the CLI's error
    line stays the last line of the run."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for service in (EventsWorker, APILogWorker):
        service.drain_all(timeout=timeout)


def start_fork_server_early(raw_dir: Path, out_dir: Path, inline_below: int) -> bool:
    """Start the worker pool's fork server now, when the build is sure to need its pool:
    a first build into `out_dir` (no release, no cache) of at least `inline_below` input
    files. Its imports and lingua's models then load while Prefect's API server starts and
    the inputs are planned, instead of after them; the pool forks its workers from it
    (`flows.pool`), and a build that places no batch on the pool stops it. Whether it was
    started."""
    if (out_dir / RELEASE_LINK).exists() or (out_dir / CACHE_DIR / BATCH_CACHE_DIR).exists():
        return False

    with os.scandir(raw_dir) as entries:
        inputs = sum(1 for entry in entries if is_input_name(entry.name))
    if inputs < inline_below:
        return False
    import multiprocessing
    import multiprocessing.forkserver

    multiprocessing.get_context("forkserver").set_forkserver_preload(FORK_SERVER_PRELOAD)
    multiprocessing.forkserver.ensure_running()
    return True
