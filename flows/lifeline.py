"""Child processes of a build die with it: the Prefect API server, the pool's workers.

A child given the build's pid (`watch_parent`) ends itself as soon as its parent is gone,
however the build ended (a `kill -9` runs no exit handler and closes no pipe a blocked
worker would notice). A thread polls `os.getppid()`: Linux's parent-death signal fires
when the *thread* that started the child ends, and the pool starts its workers from
whichever thread submits first.
"""

from __future__ import annotations

import os
import signal
import threading
import time

POLL_SECONDS = 0.2


def watch_parent(parent: int) -> None:
    """End this process (at once, running nothing more) when `parent` is no longer its
    parent: already gone, or gone later (checked every `POLL_SECONDS` on a daemon thread)."""
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


def start_pool_worker(build: int) -> None:
    """A pool worker's initializer: die with the build whose pid is `build`, its parent or
    the parent of its parent (the fork server of `flows.pool`, which ends when the build
    does); leave Ctrl-C (SIGINT, sent to the whole terminal group) to the build, which
    stops its workers itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()
    watch_parent(parent if parent == build or parent_pid(parent) == build else build)


def _stat_field(pid: int, index: int) -> str | None:
    """Field `index` (from 0, after the command's closing parenthesis) of /proc/PID/stat,
    None if the process is gone or the field unknown."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            stat = handle.read()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[-1].split()
    return fields[index] if len(fields) > index else None


def parent_pid(pid: int) -> int | None:
    """The parent of process `pid` (from /proc), None if it is gone or unknown."""
    field = _stat_field(pid, 1)
    return int(field) if field is not None else None


def process_start_time(pid: int) -> str | None:
    """When process `pid` started (clock ticks since boot, from /proc), None if it is gone
    or unknown: with its pid, it names one process even after the pid is reused."""
    return _stat_field(pid, 19)
