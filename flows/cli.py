"""Command line.

  python -m flows build [--raw DIR] [--out DIR] [--strict] [--wait]
                        [--runner thread|process|dask] [--workers N] [--address tcp://HOST:PORT]
                        [--batch-size N] [--inline-below N] [--max-file-mb N]
                        [--no-cache] [--no-accel] [--pseudonymize [--pseudonym-key-file FILE]]
  python -m flows download URL [--version V] [--dest DIR]
  python -m flows publish [--release DIR] --to URL
  python -m flows releases URL
  python -m flows serve [--raw DIR] [--out DIR] [--to URL] [--schedule SECONDS|CRON]

Exit codes of `build`: 0 when a release was published, or the newest one is already up to
date (rejected input is warned about, counted and listed, and is in the `rejects` table);
1 on failure (a file-system error such as a full disk as `error: <path>: <reason>`),
nothing new published; under --strict any reject is a failure. `download` exits 0 when
every file verified, 1 otherwise. `publish` exits 0 when the release and the index are
in place at URL (uploaded now or there already), 1 otherwise. `releases` prints the
index at URL as a table.

A build stopped by SIGINT (Ctrl-C) or SIGTERM removes its staging folder, stops its
API server and workers, prints `interrupted` and exits 130 or 143 (128 + the signal).

Before anything starts, `build` checks its folders (RAW a readable folder with .txt
files, OUT a folder it can write in or make) and takes OUT's lock; a build that cannot
run fails at once with one `error:` line and leaves nothing behind.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from flows import runtime
from flows.io.folders import (
    OutputFolderError,
    RawFolderError,
    ReleaseLockedError,
    acquire_output_lock,
    check_output_folder,
    check_raw_folder,
)

if TYPE_CHECKING:
    from flows.accel.prefect_server import TemporaryApiServer
    from flows.config import PipelineConfig
    from flows.outcome import BuildSummary


def _error(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1


def os_error_line(error: OSError) -> str:
    """`<path>: <reason>` for an error of the file system (the path where known)."""
    reason = error.strerror or str(error)
    return f"{error.filename}: {reason}" if error.filename is not None else reason


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the main thread is, as Ctrl-C raises KeyboardInterrupt, so
    the same clean-up runs."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise _Terminated


def _interrupted(error: BaseException) -> int:
    """The exit code of a build stopped by a signal: 128 + its number, after one line."""
    number = getattr(error, "signal", None)  # Prefect's TerminationSignal carries it
    if isinstance(error, _Terminated) or number == signal.SIGTERM:
        number = signal.SIGTERM
    else:
        number = signal.SIGINT
    print("interrupted", file=sys.stderr, flush=True)
    return 128 + int(number)


class _NoCrashOnSignal(logging.Filter):
    """Drops the flow engine's report that a signal aborted the run: the CLI says
    `interrupted` itself, in one line."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (message.startswith("Crash detected!") and "signal" in message)


KEY_VARIABLE = "CORPUS_PSEUDONYM_KEY"
"""The environment variable holding the pseudonym key (when no key file is given)."""


class PseudonymKeyError(Exception):
    """`--pseudonymize` without a usable key."""


def pseudonym_key(args: argparse.Namespace) -> bytes | None:
    """The pseudonym key of `--pseudonymize`: the bytes of `--pseudonym-key-file` (one
    trailing newline ignored), else `CORPUS_PSEUDONYM_KEY`; None without `--pseudonymize`."""
    if not args.pseudonymize:
        if args.pseudonym_key_file:
            raise PseudonymKeyError("--pseudonym-key-file needs --pseudonymize")
        return None
    if args.pseudonym_key_file:
        try:
            key = Path(args.pseudonym_key_file).read_bytes().removesuffix(b"\n")
        except OSError as error:
            raise PseudonymKeyError(
                f"{args.pseudonym_key_file}: cannot read the pseudonym key ({error.strerror})"
            ) from error
    else:
        key = os.environ.get(KEY_VARIABLE, "").encode()
    if not key.strip():
        raise PseudonymKeyError(
            "--pseudonymize needs a key: --pseudonym-key-file FILE or "
            f"{KEY_VARIABLE}, kept outside the release (a secret of 32 random bytes or more)"
        )
    return key


def _config(args: argparse.Namespace, key: bytes | None) -> PipelineConfig:
    from flows.config import PipelineConfig

    given = {
        "batch_size": args.batch_size,
        "inline_below": args.inline_below,
        "max_file_mb": args.max_file_mb,
    }
    return PipelineConfig(
        **{name: value for name, value in given.items() if value is not None},
        strict=args.strict,
        use_cache=not args.no_cache,
        accel=not args.no_accel,
        pseudonym_key=key,
    )


def build(args: argparse.Namespace) -> int:
    """Check the arguments and folders, take OUT's lock, then start Prefect and build.
    The lock is held until the process ends (see `acquire_output_lock`)."""
    raw_dir, out_dir = Path(args.raw), Path(args.out)
    if args.address and args.runner != "dask":
        return _error("--address needs --runner dask")
    try:  # the folders first: nothing but the standard library is imported yet
        check_raw_folder(raw_dir)
        check_output_folder(out_dir)
        key = pseudonym_key(args)
    except (RawFolderError, OutputFolderError, PseudonymKeyError) as error:
        return _error(str(error))
    from pydantic import ValidationError

    try:
        config = _config(args, key)
        acquire_output_lock(out_dir, wait=args.wait, waiting=lambda line: print(line, flush=True))
    except ValidationError as error:
        problem = error.errors()[0]
        return _error(f"--{str(problem['loc'][0]).replace('_', '-')}: {problem['msg']}")
    except (OutputFolderError, ReleaseLockedError) as error:
        return _error(str(error))
    signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        runtime.prepare_environment(out_dir, config.accel)
        server = runtime.start_api_server(config.accel)
        if args.runner == "process":
            runtime.start_fork_server_early(raw_dir, out_dir, config.inline_below)
        return _build(args, raw_dir, out_dir, config, server)
    except KeyboardInterrupt as error:
        return _interrupted(error)


def _build(
    args: argparse.Namespace,
    raw_dir: Path,
    out_dir: Path,
    config: PipelineConfig,
    server: TemporaryApiServer,
) -> int:
    from prefect.exceptions import TerminationSignal

    from flows.accel.prefect_server import ApiServerError
    from flows.flow import build_corpus
    from flows.tasks import RunnerSpec

    for name in ("uvicorn", "uvicorn.error", "prefect.server", "httpx"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    logging.getLogger("prefect.flow_runs").addFilter(_NoCrashOnSignal())
    chosen = {"workers": args.workers} if args.workers is not None else {}
    runner = RunnerSpec(kind=args.runner, address=args.address, **chosen)
    started = time.perf_counter()
    print(f"building release from {raw_dir} into {out_dir} …", flush=True)
    try:
        runtime.warm_imports()
        server.wait()
        with runtime.run_settings(server):
            summary = build_corpus(
                raw_dir=str(raw_dir), out_dir=str(out_dir), config=config, runner=runner
            )
    except (RawFolderError, ApiServerError) as error:  # RAW gone since the check
        return _failed(str(error))
    except TerminationSignal as error:  # SIGTERM, as Prefect's flow engine raises it
        return _interrupted(error)
    except OSError as error:  # disk full, OUT read-only or gone: nothing was published
        return _failed(os_error_line(error))
    _report(summary, time.perf_counter() - started)
    if server.process is None and os.environ.get("PREFECT_API_URL") and summary.run_url:
        print(f"run: {summary.run_url}")  # a lasting server of the user's (`make ui`)
    return 0 if summary.refused is None else _failed(summary.refused)


def _failed(message: str) -> int:
    """The error line of a build that ran Prefect, printed after Prefect's workers have
    drained, so that it is the run's last line."""
    runtime.settle_prefect()
    return _error(message)


def _report(summary: BuildSummary, elapsed: float) -> None:
    """What the build published (or that nothing needed publishing), its rejects; a
    refused build's error line is the caller's."""
    if summary.up_to_date and summary.refused is None:
        print(f"up to date: {summary.version} → {summary.release} ({elapsed:.1f} s)")
    elif summary.refused is None:
        print(f"release {summary.version} → {summary.release} ({elapsed:.1f} s)")
        print("  time: " + ", ".join(f"{k} {sec:.1f} s" for k, sec in summary.seconds.items()))
        for table, count in summary.row_counts.items():
            print(f"  {table:<10} {count:>8} rows")
        print(f"changes: {summary.changes}")
    if summary.rejects_by_reason:
        print("rejects: " + ", ".join(f"{k}={v}" for k, v in summary.rejects_by_reason.items()))
    if summary.rejected_files and summary.refused is None:
        shown = ", ".join(summary.rejected_files[:10])
        more = len(summary.rejected_files) - 10
        print(
            f"warning: {len(summary.rejected_files)} input file(s) rejected: {shown}"
            + (f" and {more} more" if more > 0 else "")
            + " (see the rejects table; --strict makes this a failure)",
            file=sys.stderr,
        )


def download(args: argparse.Namespace) -> int:
    from flows.io.download import DownloadError, TextProgress, download_release

    try:
        path = download_release(args.url, Path(args.dest), args.version, progress=TextProgress())
    except (DownloadError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"verified release in {path}")
    return 0


def publish(args: argparse.Namespace) -> int:
    from flows.io.publish import PublishError, publish_release

    release = Path(args.release)
    try:
        result = publish_release(
            release,
            args.to,
            progress=lambda key, uploaded: print(
                f"  {'uploaded' if uploaded else 'unchanged'}  {key}", flush=True
            ),
        )
    except (PublishError, ValueError, OSError) as error:
        return _error(str(error))
    except Exception as error:  # the store's client errors (credentials, bucket, network)
        if type(error).__module__.split(".")[0] not in ("botocore", "boto3", "s3transfer"):
            raise
        return _error(f"{args.to}: {error}")
    print(
        f"published {result.version} → {result.url} "
        f"({len(result.uploaded)} uploaded, {len(result.unchanged)} unchanged)"
    )
    return 0


def releases(args: argparse.Namespace) -> int:
    from flows.io.download import DownloadError, fetch_index

    try:
        index = fetch_index(args.url)
    except (DownloadError, ValueError) as error:
        return _error(str(error))
    tables = sorted({table for entry in index["releases"] for table in entry.get("row_counts", {})})
    shown = [t for t in ("documents", "posts", "comments", "rejects") if t in tables]
    header = ["", "version", "date", *shown, "MB", "input", "pipeline"]
    rows = [header]
    for entry in index["releases"]:
        counts = entry.get("row_counts", {})
        rows.append(
            [
                "*" if entry["version"] == index.get("latest") else "",
                entry["version"],
                entry.get("date") or "-",
                *(str(counts.get(t, "")) for t in shown),
                f"{entry.get('bytes', 0) / 1e6:.1f}",
                str(entry.get("input_digest") or "-")[:12],
                str(entry.get("pipeline_digest") or "-")[:12],
            ]
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for row in rows:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    print(f"latest: {index.get('latest')}")
    return 0


def serve(args: argparse.Namespace) -> int:
    """Serve the scheduled deployment (`flows.serve`) until interrupted; Prefect's state
    in `PREFECT_HOME` (default `.prefect-home`, which `make ui` uses too)."""
    import contextlib
    import os

    try:
        check_raw_folder(Path(args.raw))
        check_output_folder(Path(args.out))
    except (RawFolderError, OutputFolderError) as error:
        return _error(str(error))
    os.environ.setdefault("PREFECT_HOME", str(Path(".prefect-home").resolve()))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from flows.serve import serve as serve_deployment

    with contextlib.suppress(KeyboardInterrupt):
        serve_deployment(args.raw, args.out, args.to, args.schedule)
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
    build_parser.add_argument(
        "--strict", action="store_true", help="fail (exit 1, publish nothing) on any reject"
    )
    build_parser.add_argument(
        "--wait",
        action="store_true",
        help="when another build holds OUT's lock, wait for it instead of failing",
    )
    build_parser.add_argument(
        "--no-cache", action="store_true", help="recompute every document (ignore OUT/.cache)"
    )
    build_parser.add_argument(
        "--no-accel",
        action="store_true",
        help="plain stages only: no flows.accel (no cache, database built in full); "
        "the same Parquet bytes, slower",
    )
    build_parser.add_argument(
        "--pseudonymize",
        action="store_true",
        help="replace authors and user handles by stable keyed pseudonyms (HMAC-SHA256); "
        f"the key is read from --pseudonym-key-file or ${KEY_VARIABLE}",
    )
    build_parser.add_argument(
        "--pseudonym-key-file",
        default=None,
        metavar="FILE",
        help="file holding the pseudonym key; keep it outside RAW, OUT and the release",
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
        "--max-file-mb",
        type=int,
        default=None,
        metavar="N",
        help="reject input files larger than N MiB, from their size, unread (default 64)",
    )
    build_parser.add_argument(
        "--runner",
        choices=("thread", "process", "dask"),
        default="process",
        help="task runner: one process per core (default), threads of the flow's process, "
        "or a Dask cluster; fewer than --inline-below documents to compute run in-process",
    )
    build_parser.add_argument(
        "--address", default=None, help="Dask scheduler, e.g. tcp://HOST:8786 (--runner dask)"
    )
    build_parser.add_argument("--workers", type=int, help="parallel tasks (default: one per core)")
    build_parser.set_defaults(handler=build)

    download_parser = commands.add_parser(
        "download", help="fetch a release from a URL and verify every checksum"
    )
    download_parser.add_argument(
        "url", help="base URL of an output folder or published root (http, https, file, s3)"
    )
    download_parser.add_argument(
        "--version", default=None, help="release version (default: the index's latest)"
    )
    download_parser.add_argument("--dest", default="downloads", help="where to put it")
    download_parser.set_defaults(handler=download)

    publish_parser = commands.add_parser(
        "publish", help="copy a release to a folder or an S3-compatible store, then the index"
    )
    publish_parser.add_argument(
        "--release", default="build/release", help="release folder (default: build/release)"
    )
    publish_parser.add_argument(
        "--to",
        required=True,
        help="s3://bucket/prefix (AWS_ENDPOINT_URL, AWS_REGION, credentials from the "
        "environment), file:///path or a path; hf-layout:DIR for a Hugging Face dataset "
        "repository",
    )
    publish_parser.set_defaults(handler=publish)

    releases_parser = commands.add_parser(
        "releases", help="list the releases published at a URL (its releases.json)"
    )
    releases_parser.add_argument("url", help="published root (http, https, file, s3)")
    releases_parser.set_defaults(handler=releases)

    serve_parser = commands.add_parser(
        "serve", help="rebuild (and publish) on a schedule as a Prefect deployment"
    )
    serve_parser.add_argument("--raw", default="raw", help="folder of .txt files (default: raw)")
    serve_parser.add_argument("--out", default="build", help="output folder (default: build)")
    serve_parser.add_argument("--to", default=None, help="publish each new release there")
    serve_parser.add_argument(
        "--schedule",
        default="3600",
        help="seconds between runs, or a cron expression (default: 3600)",
    )
    serve_parser.set_defaults(handler=serve)

    args = parser.parse_args(argv)
    return int(args.handler(args))
