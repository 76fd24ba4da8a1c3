"""Prefect's temporary API server, started at the very beginning of a local run.

Without `PREFECT_API_URL`, Prefect starts a temporary server itself the first time a flow
runs: it imports the whole server package into the client (seconds of a short run), then starts
the same server in a subprocess and waits for it. Starting that subprocess first, while
the CLI is still importing Prefect and the pipeline, overlaps the two and spares the
client the import; the command and environment are Prefect's own
(`prefect.server.api.server.SubprocessASGIServer`). Nothing changes when the user points
`PREFECT_API_URL` at a server of their own.

The server dies with the build: it runs in a session of its own (a Ctrl-C at the terminal
reaches the build, which stops it in order) and ends itself when the build's process is
gone (`flows.lifeline.watch_parent`), even after a `kill -9`. Its pid is kept in
`PREFECT_HOME/api-server.pid`; the next build on that folder stops a server still running
there (`stop_stale_server`).

A server started on a `PREFECT_HOME` without a database creates one and runs Prefect's
schema migrations into it, about half of its start-up CPU. Every first build into an
output folder did that, for the same empty schema each time: the first such start keeps
a copy of the migrated database in the user's cache, one per Prefect version
(`database_template`), and later ones start from a copy of it (`seed_database`). The
copy holds the schema only (the server has recorded nothing when it first answers), and
migrations still run over it, finding nothing to do. A database of the user's own
(`PREFECT_API_DATABASE_CONNECTION_URL`) is left alone.
"""

from __future__ import annotations

import atexit
import contextlib
import http.client
import importlib.util
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from importlib.metadata import version
from pathlib import Path

from flows.io.folders import user_cache_dir


class ApiServerError(RuntimeError):
    """The temporary API server did not come up."""


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _prefect_parent() -> str:
    spec = importlib.util.find_spec("prefect")
    if spec is None or spec.origin is None:
        raise ApiServerError("prefect is not installed; run `make setup`")
    return str(Path(spec.origin).parent.parent)


SERVER_SETTINGS = {
    "PREFECT_SERVER_REGISTER_BLOCKS_ON_START": "false",
    "PREFECT_SERVER_MEMOIZE_BLOCK_AUTO_REGISTRATION": "false",
}
"""The temporary server registers no block types: the flow uses no blocks, and finding
them means importing every installed Prefect collection (prefect-dask among them) before
the server answers, even when memoized, which lengthens every run's start. A server of
the user's own is theirs."""


CODE_ROOT = Path(__file__).resolve().parent.parent.parent

_LAUNCH = (
    "import runpy, sys; sys.path.insert(0, sys.argv.pop(1)); "
    "from flows.lifeline import watch_parent; watch_parent(int(sys.argv.pop(1))); "
    "sys.argv[0] = 'uvicorn'; runpy.run_module('uvicorn', run_name='__main__', alter_sys=True)"
)
"""`python -c _LAUNCH CODE_ROOT PARENT_PID UVICORN_ARGS…`: uvicorn, watching its parent."""

PID_FILE = "api-server.pid"

DATABASE = "prefect.db"
"""The server's SQLite database in `PREFECT_HOME` (Prefect's default connection URL)."""

DATABASE_SETTINGS = (
    "PREFECT_API_DATABASE_CONNECTION_URL",
    "PREFECT_SERVER_DATABASE_CONNECTION_URL",
)
"""Environment variables that point the server at another database than `DATABASE`."""


def database_template() -> Path:
    """The migrated, empty database kept for this version of Prefect."""
    return user_cache_dir() / f"prefect-{version('prefect')}.db"


def _default_database() -> bool:
    return not any(os.environ.get(name) for name in DATABASE_SETTINGS)


def seed_database(database: Path, template: Path) -> bool:
    """Copy `template` to `database`, if there is none yet and the server uses the default
    one. Whether it was copied (a template that cannot be read is no error: the server
    then migrates a new database as it would without one)."""
    if not _default_database() or database.exists() or not template.is_file():
        return False
    partial = database.with_name(f".{database.name}.{os.getpid()}")
    try:
        database.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(template, partial)
        os.replace(partial, database)
    except OSError:
        partial.unlink(missing_ok=True)
        return False
    return True


def save_template(database: Path, template: Path) -> None:
    """Keep a consistent copy of a freshly migrated `database` as `template` (SQLite's
    backup, so pages still in the write-ahead log are included); replaced atomically, so
    builds starting side by side never read a partial one. Skipped where the cache cannot
    be written."""
    partial = template.with_name(f".{template.name}.{os.getpid()}")
    try:
        template.parent.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            target = sqlite3.connect(partial)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
        os.replace(partial, template)
    except (OSError, sqlite3.Error):
        partial.unlink(missing_ok=True)


def stop_stale_server(pid_file: Path) -> bool:
    """Stop the server `pid_file` names (pid and start time) if it still runs: a build
    killed before it could stop its own left it. True if one was stopped."""
    try:
        pid_text, started = pid_file.read_text(encoding="ascii").split()
        pid = int(pid_text)
    except (OSError, ValueError):
        return False
    from flows.lifeline import process_start_time

    stopped = process_start_time(pid) == started
    if stopped:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    pid_file.unlink(missing_ok=True)
    return stopped


class TemporaryApiServer:
    """`TemporaryApiServer(log).start()` starts it; `wait()` blocks until it answers, before
    the first flow runs. It is stopped at interpreter exit, as Prefect stops its own: after
    Prefect's log and event workers have sent what they hold (exit handlers run in reverse
    order of registration, and this one is registered before Prefect starts them)."""

    def __init__(self, log_path: Path, timeout: float = 120.0, port_attempts: int = 3) -> None:
        self.log_path = log_path
        self.timeout = timeout
        self.port_attempts = port_attempts
        self.url: str | None = None
        self.process: subprocess.Popen[bytes] | None = None
        self.pid_file = log_path.with_name(PID_FILE)
        self.new_database: tuple[Path, Path] | None = None
        """A database the server makes anew, and where to keep a copy once it answers."""

    def start(self) -> TemporaryApiServer:
        if os.environ.get("PREFECT_API_URL"):
            return self  # the user's own server
        stop_stale_server(self.pid_file)
        if home := os.environ.get("PREFECT_HOME"):
            database, template = Path(home) / DATABASE, database_template()
            fresh = _default_database() and not database.exists()
            if fresh and not seed_database(database, template):
                self.new_database = (database, template)
        self._launch()
        atexit.register(self.stop)
        return self

    def _launch(self) -> None:
        """Start the server on a port free a moment ago (another process may take it
        before the server binds it: `wait` then starts it again on another)."""
        port = _free_port()
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    _LAUNCH,
                    str(CODE_ROOT),
                    str(os.getpid()),
                    "--app-dir",
                    _prefect_parent(),
                    "--factory",
                    "prefect.server.api.server:create_app",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(port),
                    "--log-level",
                    "error",
                    "--lifespan",
                    "on",
                ],
                env={
                    **os.environ,
                    "PREFECT_UI_ENABLED": "0",
                    "PREFECT__SERVER_EPHEMERAL": "1",
                    "PREFECT__SERVER_FINAL": "1",
                    **SERVER_SETTINGS,
                },
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        from flows.lifeline import process_start_time

        started = process_start_time(self.process.pid)
        self.pid_file.write_text(f"{self.process.pid} {started}\n", encoding="ascii")
        self.url = f"http://127.0.0.1:{port}/api"
        os.environ["PREFECT_API_URL"] = self.url

    def wait(self) -> None:
        """Block until the server answers /health (no-op for the user's own server)."""
        if self.process is None:
            return
        deadline = time.monotonic() + self.timeout
        attempts = 1
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                log = self.log_path.read_text(errors="replace")  # one start's: small
                tail = log[-2000:]
                if "address already in use" in log and attempts < self.port_attempts:
                    attempts += 1
                    self._launch()
                    continue
                raise ApiServerError(
                    f"Prefect's API server exited with code {self.process.returncode}; "
                    f"its log ({self.log_path}) ends with:\n{tail}"
                )
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2) as response:
                    if response.status == 200:
                        if self.new_database is not None:
                            save_template(*self.new_database)
                            self.new_database = None
                        return
            except (urllib.error.URLError, OSError, http.client.HTTPException):
                pass  # not up yet, or another process on the port (then ours exits)
            time.sleep(0.05)
        raise ApiServerError(f"Prefect's API server did not answer within {self.timeout:.0f} s")

    def stop(self) -> None:
        if self.url is not None and os.environ.get("PREFECT_API_URL") == self.url:
            del os.environ["PREFECT_API_URL"]  # nothing started later may aim at a dead server
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.pid_file.unlink(missing_ok=True)
