"""No process outlives a build: its Prefect API server and its pool's workers end with it,
whether it is killed (`kill -9` of the CLI alone) or stopped (SIGTERM, SIGINT: one line,
exit 128 + the signal, no staging folder left). A server a killed build left behind is
stopped by the next one.

Processes are found through /proc: every descendant of the CLI, recorded while it runs
(once its server and at least one pool worker are up), must be gone within seconds.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows.accel.prefect_server import stop_stale_server
from flows.lifeline import process_start_time
from tests.conftest import ROOT

GONE_WITHIN = 10.0


def _parent(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


def descendants(root: int) -> set[int]:
    pids = [int(entry.name) for entry in Path("/proc").iterdir() if entry.name.isdigit()]
    children: dict[int, list[int]] = {}
    for pid in pids:
        parent = _parent(pid)
        if parent is not None:
            children.setdefault(parent, []).append(pid)
    found: set[int] = set()
    todo = [root]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def running(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def start_build(out: Path) -> subprocess.Popen[bytes]:
    """A build of the seeds that runs every batch on the process pool, in its own session."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PREFECT_")}
    command = ["build", "--out", str(out), "--inline-below", "0", "--batch-size", "1"]
    return subprocess.Popen(
        [sys.executable, "-m", "flows", *command],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def pool_worker(pid: int) -> bool:
    """Whether `pid` is a worker of the pool: a process forked by its fork server."""
    parent = _parent(pid)
    return parent is not None and b"forkserver" in cmdline(pid) and b"forkserver" in cmdline(parent)


def running_children(process: subprocess.Popen[bytes], out: Path) -> set[int]:
    """The build's descendants once its API server and a pool worker run."""
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and process.poll() is None:
        found = descendants(process.pid)
        server = (out / ".prefect" / "api-server.pid").is_file()
        if server and any(pool_worker(pid) for pid in found):
            return found
        time.sleep(0.05)
    raise AssertionError("the build ended, or never started a pool worker")


def left_running(pids: set[int]) -> set[int]:
    deadline = time.monotonic() + GONE_WITHIN
    while (alive := {pid for pid in pids if running(pid)}) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive


def test_kill_9_of_the_build_leaves_no_process(tmp_path):
    out = tmp_path / "out"
    process = start_build(out)
    try:
        children = running_children(process, out)
        os.kill(process.pid, signal.SIGKILL)  # the CLI alone, not its group
        process.wait(timeout=30)
        assert left_running(children) == set(), [cmdline(pid) for pid in children]
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stopped_build_says_interrupted_and_leaves_nothing(tmp_path, number):
    out = tmp_path / "out"
    process = start_build(out)
    try:
        children = running_children(process, out)
        os.kill(process.pid, number)
        output, _ = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    text = output.decode("utf-8", errors="replace")
    assert process.returncode == 128 + number, text
    assert text.splitlines()[1:] == ["interrupted"], text
    assert not list(out.glob(".staging-*"))
    assert not (out / ".prefect" / "api-server.pid").exists()
    assert left_running(children) == set()


def test_a_stale_server_is_stopped_and_only_it(tmp_path):
    """The pid file names a process by pid and start time: a live one is stopped, a pid
    now used by another process (another start time) is left alone."""
    pid_file = tmp_path / "api-server.pid"
    stale = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        pid_file.write_text(f"{stale.pid} {process_start_time(stale.pid)}\n")
        assert stop_stale_server(pid_file)
        assert stale.wait(timeout=10) == -signal.SIGKILL
        assert not pid_file.exists()
        pid_file.write_text(f"{other.pid} 1\n")
        assert not stop_stale_server(pid_file)
        assert other.poll() is None
        pid_file.write_text("garbage")
        assert not stop_stale_server(pid_file)
    finally:
        for process in (stale, other):
            process.kill()
            process.wait()
