"""Command line.

  python -m flows build [--raw DIR] [--out DIR] [--strict]
                        [--runner thread|process|dask] [--workers N] [--address tcp://HOST:PORT]
                        [--batch-size N] [--inline-below N] [--no-cache]
  python -m flows download URL [--version V] [--dest DIR]

Exit codes of `build`: 0 published, nothing rejected; 2 published, but some input files
were rejected (see the `rejects` table); 1 failed, nothing new published (under --strict
any reject is a failure). `download` exits 0 when every file verified, 1 otherwise.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flows.api_server import TemporaryApiServer


def _prepare_environment(out_dir: Path) -> None:
    """Keep Prefect's state inside the build folder and its console quiet; have Arrow use
    the system allocator in this process and in the workers it starts, and that allocator
    give freed memory back (see MMAP_THRESHOLD).

    Must run before prefect and pyarrow are imported: both read these at import time.
    Arrow's default allocator here (mimalloc) holds on to freed memory: at 300 MB, with it
    the run's process tree peaked at 1354 / 1356 MiB, with the system allocator at 1179 /
    1238 MiB, in the same wall time (54.4 / 56.8 s against 55.3 / 55.7 s, alternating).
    """
    home = (out_dir / ".prefect").resolve()
    home.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("PREFECT_HOME", str(home))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_LOGGING_SERVER_LEVEL", "CRITICAL")
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "CRITICAL")
    os.environ.setdefault("PREFECT_UI_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
    if "MALLOC_MMAP_THRESHOLD_" not in os.environ:
        os.environ["MALLOC_MMAP_THRESHOLD_"] = str(MMAP_THRESHOLD)  # the processes it starts
        _set_mmap_threshold(MMAP_THRESHOLD)  # this one: glibc read its environment at start


MMAP_THRESHOLD = 32 << 20
"""glibc's malloc threshold for mapping an allocation on its own, fixed at the top of the
range it would otherwise grow to. Fixing it also fixes the threshold above which free memory
at the top of a heap goes back to the system (128 KiB) instead of letting it grow with the
largest allocation freed, which is what kept Arrow's buffers: concatenating the 300 MB
benchmark's part files left the flow process 35-77 MiB of anonymous memory with glibc's
defaults and 3 MiB with this, in 2.26 s against 2.08 s (median of 3); through the database
build the flow process held 203 / 202 MiB with it, 270 / 294 MiB without (whole runs,
alternating)."""


def _set_mmap_threshold(threshold: int) -> None:
    """`mallopt(M_MMAP_THRESHOLD, threshold)` where the C library is glibc; elsewhere (macOS,
    musl) there is no such function or no such behaviour, and nothing is done."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError, TypeError):
        return
    mallopt(-3, threshold)  # M_MMAP_THRESHOLD in <malloc.h>


def build(args: argparse.Namespace) -> int:
    out_dir = Path(args.out)
    _prepare_environment(out_dir)
    from flows.api_server import TemporaryApiServer

    # started before the imports below, so that its start-up overlaps them
    server = TemporaryApiServer(Path(os.environ["PREFECT_HOME"]) / "api-server.log").start()
    return _build(args, out_dir, server)


def _build(args: argparse.Namespace, out_dir: Path, server: TemporaryApiServer) -> int:
    from flows.api_server import ApiServerError
    from flows.config import PipelineConfig
    from flows.flow import RunnerSpec, StrictModeError, build_corpus
    from flows.io.release import ReleaseLockedError

    for name in ("uvicorn", "uvicorn.error", "prefect.server", "httpx"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    given = {"batch_size": args.batch_size, "inline_below": args.inline_below}
    config = PipelineConfig(
        **{name: value for name, value in given.items() if value is not None},
        strict=args.strict,
        use_cache=not args.no_cache,
    )
    if args.address and args.runner != "dask":
        print("error: --address needs --runner dask", file=sys.stderr)
        return 1
    chosen = {"workers": args.workers} if args.workers is not None else {}
    runner = RunnerSpec(kind=args.runner, address=args.address, **chosen)
    started = time.perf_counter()
    print(f"building release from {args.raw} into {out_dir} …", flush=True)
    try:
        _import_what_the_flow_start_needs()
        server.wait()
        with _run_settings(server):
            summary = build_corpus(
                raw_dir=str(args.raw), out_dir=str(out_dir), config=config, runner=runner
            )
    except (StrictModeError, ReleaseLockedError, FileNotFoundError, ApiServerError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(f"release {summary.version} → {summary.release} ({elapsed:.1f} s)")
    print("  time: " + ", ".join(f"{name} {sec:.1f} s" for name, sec in summary.seconds.items()))
    for table, count in summary.row_counts.items():
        print(f"  {table:<10} {count:>8} rows")
    if summary.rejects_by_reason:
        print("rejects: " + ", ".join(f"{k}={v}" for k, v in summary.rejects_by_reason.items()))
    if summary.rejected_files:
        shown = ", ".join(summary.rejected_files[:10])
        more = len(summary.rejected_files) - 10
        print(
            f"{len(summary.rejected_files)} input file(s) rejected: {shown}"
            + (f" and {more} more" if more > 0 else ""),
            file=sys.stderr,
        )
        return 2
    return 0


def _import_what_the_flow_start_needs() -> None:
    """Import now, while the API server is still starting, what Prefect imports only when
    the flow starts: fastapi's encoder, for the flow's parameters (0.24 s, on the critical
    path of every run once the server answers)."""
    import fastapi.encoders  # noqa: F401


def _run_settings(server: TemporaryApiServer) -> contextlib.AbstractContextManager[object]:
    """No flow-run heartbeats when the API server is this run's own: it stops with the run,
    so nothing watches them, and the engine waits up to 1 s for the heartbeat thread to
    notice the run ended. A server of the user's own keeps Prefect's settings."""
    if server.process is None:
        return contextlib.nullcontext()
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    return temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None})


def download(args: argparse.Namespace) -> int:
    from flows.io.download import DownloadError, TextProgress, download_release

    try:
        path = download_release(args.url, Path(args.dest), args.version, progress=TextProgress())
    except (DownloadError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"verified release in {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m flows",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    build_parser = commands.add_parser("build", help="build a release from a raw folder")
    build_parser.add_argument("--raw", default="raw", help="folder of .txt files (default: raw)")
    build_parser.add_argument("--out", default="build", help="output folder (default: build)")
    build_parser.add_argument("--strict", action="store_true", help="fail on any reject")
    build_parser.add_argument(
        "--no-cache", action="store_true", help="recompute every document (ignore OUT/.cache)"
    )
    build_parser.add_argument(
        "--batch-size", type=int, default=None, help="mean documents per task (default 256)"
    )
    build_parser.add_argument(
        "--inline-below",
        type=int,
        default=None,
        metavar="N",
        help="run every batch on threads in this process when fewer than N documents need "
        "computing (default 128; 0: always on the runner)",
    )
    build_parser.add_argument(
        "--runner",
        choices=("thread", "process", "dask"),
        default="thread",
        help="task runner: threads (default), one process per core, or a Dask cluster",
    )
    build_parser.add_argument(
        "--address", default=None, help="Dask scheduler, e.g. tcp://HOST:8786 (--runner dask)"
    )
    build_parser.add_argument("--workers", type=int, help="parallel tasks (default: one per core)")
    build_parser.set_defaults(handler=build)

    download_parser = commands.add_parser(
        "download", help="fetch a release from a URL and verify every checksum"
    )
    download_parser.add_argument("url", help="base URL of an output folder (http, https, file)")
    download_parser.add_argument(
        "--version", default=None, help="release version (default: newest)"
    )
    download_parser.add_argument("--dest", default="downloads", help="where to put it")
    download_parser.set_defaults(handler=download)

    args = parser.parse_args(argv)
    return int(args.handler(args))
