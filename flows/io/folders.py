"""A build's folders, checked before it starts anything (the raw folder it reads, the
output folder it writes), the names of what the output folder holds, and its lock.

Light on purpose (the standard library only): the CLI calls it first, before the
allocator settings, the pipeline's imports and Prefect's API server, so a build that
cannot run says so at once and leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

LOCK_NAME = ".lock"

RELEASE_LINK = "release"
"""`OUT/release`: the link to the newest release, `OUT/releases/<version>` (`flows.io.release`)."""

RELEASES_DIR = "releases"
"""`OUT/releases`: one folder per published release."""

CACHE_DIR = ".cache"
"""`OUT/.cache`: what later builds into OUT reuse (`flows.accel.incremental.cache`)."""

BATCH_CACHE_DIR = "batches"
"""`OUT/.cache/batches`: the batch cache's entries, one per batch."""

PREFECT_DIR = ".prefect"
"""`OUT/.prefect`: the `PREFECT_HOME` of a build's own Prefect API server (`flows.runtime`)."""


def user_cache_dir() -> Path:
    """Where the project keeps what any build may reuse (outside every output folder):
    `$XDG_CACHE_HOME/ru-political-corpus`, else under `~/.cache`, else (no home
    directory) under the temporary folder."""
    if os.environ.get("XDG_CACHE_HOME"):
        base = Path(os.environ["XDG_CACHE_HOME"])
    else:
        try:
            base = Path.home() / ".cache"
        except RuntimeError:
            base = Path(tempfile.gettempdir())
    return base / "ru-political-corpus"


INPUT_SUFFIX = ".txt"
"""What an input file's name ends with, in any case (`.txt`, `.TXT`)."""


def is_input_name(name: str) -> bool:
    return name.lower().endswith(INPUT_SUFFIX)


class RawFolderError(ValueError):
    """The raw folder cannot be built from; the message is `<path>: <reason and fix>`."""


def check_raw_folder(root: Path) -> None:
    """Raise `RawFolderError` unless `root` is a readable folder holding at least one
    input file: a build of nothing would publish an empty release. Reads one listing."""
    if not root.exists():
        raise RawFolderError(f"{root}: does not exist; give --raw the folder of .txt files")
    if not root.is_dir():
        raise RawFolderError(f"{root}: is not a folder; give --raw the folder of .txt files")
    try:
        names = os.listdir(root)
    except OSError as error:
        raise RawFolderError(
            f"{root}: cannot be read ({error.strerror}); give --raw a folder you can read"
        ) from None
    if not any(is_input_name(name) for name in names):
        raise RawFolderError(
            f"{root}: holds no {INPUT_SUFFIX} files; put the texts to build from there "
            "(names ending in .txt, in any case)"
        )


class OutputFolderError(ValueError):
    """The output folder cannot hold releases; the message is `<path>: <reason and fix>`."""


class ReleaseLockedError(RuntimeError):
    """Another run is writing to the same output folder."""


def check_output_folder(out_dir: Path) -> None:
    """Raise `OutputFolderError` unless `out_dir` is a folder this process may write in,
    or does not exist yet and can be made (its nearest existing parent is a folder it may
    write in). Creates nothing."""
    if out_dir.exists():
        if not out_dir.is_dir():
            raise OutputFolderError(
                f"{out_dir}: is a file, not a folder; give --out a folder (new or existing)"
            )
        if not os.access(out_dir, os.W_OK | os.X_OK):
            raise OutputFolderError(
                f"{out_dir}: is not writable; give --out a folder you can write in"
            )
        return
    parent = out_dir.absolute().parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise OutputFolderError(
            f"{out_dir}: cannot be made, {parent} is a file; give --out a path under a folder"
        )
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputFolderError(
            f"{out_dir}: cannot be made, {parent} is not writable; "
            "give --out a folder you can write in"
        )


_held: dict[Path, IO[str]] = {}
"""The output folders whose lock this process holds (by resolved path), with the open
lock file that holds it: a lock taken twice by one process is taken once."""


def _locked_message(out_dir: Path) -> str:
    return (
        f"{out_dir}: another build is writing to this folder (lock {out_dir / LOCK_NAME}); "
        "wait for it to finish, run with --wait, or use another --out"
    )


def acquire_output_lock(
    out_dir: Path, wait: bool = False, waiting: Callable[[str], None] | None = None
) -> bool:
    """Take the exclusive lock on `out_dir` (made if missing) for this process; False if
    this process held it already. Without `wait`, raise `ReleaseLockedError` at once when
    another process holds it; with `wait`, call `waiting` with a line to show, then block
    until that process lets go. The lock goes with the process: it is released when the
    process ends, after its exit handlers (Prefect's API server stops in one), so a build
    waiting for it never meets the previous build's server."""
    key = out_dir.resolve()
    if key in _held:
        return False
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        handle = (out_dir / LOCK_NAME).open("w")
    except OSError as error:
        raise OutputFolderError(
            f"{out_dir}: cannot write its lock file ({error.strerror}); "
            "give --out a folder you can write in"
        ) from None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        if not wait:
            handle.close()
            raise ReleaseLockedError(_locked_message(out_dir)) from None
        if waiting is not None:
            waiting(f"waiting for {out_dir}: another build is writing to it …")
        fcntl.flock(handle, fcntl.LOCK_EX)
    _held[key] = handle
    return True


def release_output_lock(out_dir: Path) -> None:
    handle = _held.pop(out_dir.resolve(), None)
    if handle is not None:
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


@contextlib.contextmanager
def output_lock(out_dir: Path) -> Iterator[None]:
    """Hold the exclusive lock on the output folder for the block; a process that holds it
    already (the CLI takes it before anything starts) keeps holding it after the block."""
    taken = acquire_output_lock(out_dir)
    try:
        yield
    finally:
        if taken:
            release_output_lock(out_dir)


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove the temporaries (`.<name>.<pid>.tmp`, files or folders) that runs killed
    while writing left in `folder` and in its sub-folders one level down; called only
    while holding OUT's lock, so no other run is writing them."""
    removed: list[Path] = []
    for pattern in (".*.tmp", "*/.*.tmp"):
        for path in sorted(folder.glob(pattern)) if folder.is_dir() else []:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path)
    return removed
