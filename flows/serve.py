"""A Prefect deployment that rebuilds on a schedule and publishes what changed.

`python -m flows serve` (`make serve`) serves `flows.scheduled.rebuild_and_publish` with
`flow.serve`, after making sure there is an API server with a scheduler to report to:
Prefect creates a deployment named `corpus` and runs it at every interval or cron tick,
each run building `RAW` into `OUT` (`build_corpus`, as a subflow: an unchanged input
publishes nothing and says `up to date`) and, with a target, publishing `OUT/release`
there (`flows.io.publish`: nothing is uploaded for a version that is there already).
Runs, their logs and the build's data-quality artifact show in the Prefect UI of the API
server the process reports to (`PREFECT_API_URL`, e.g. the one `make ui` starts).
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

DEPLOYMENT = "corpus"


@contextlib.contextmanager
def api_server(log_path: Path, timeout: float = 120.0) -> Iterator[str]:
    """The API server to report to: `PREFECT_API_URL` if set (e.g. `make ui`'s), else a
    `prefect server start` of this process's own on a free loopback port, stopped on exit.
    Prefect's temporary (ephemeral) server runs no scheduler, so a schedule needs one."""
    if os.environ.get("PREFECT_API_URL"):
        yield os.environ["PREFECT_API_URL"]
        return
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/api"
    command = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1"]
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            [*command, "--port", str(port)], stdout=log, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=2):
                    break
            except (urllib.error.URLError, OSError):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"the Prefect server did not start; see {log_path}"
                    ) from None
                time.sleep(0.5)
        os.environ["PREFECT_API_URL"] = url
        print(f"Prefect UI: http://127.0.0.1:{port}", flush=True)
        yield url
    finally:
        process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=10)
        if process.poll() is None:
            process.kill()


def serve(raw_dir: str, out_dir: str, to: str | None, schedule: str) -> None:
    """Serve the deployment until interrupted. `schedule`: seconds between runs (an
    integer) or a cron expression."""
    timing: dict[str, object] = (
        {"interval": int(schedule)} if schedule.strip().isdigit() else {"cron": schedule}
    )
    home = Path(os.environ.get("PREFECT_HOME", ".prefect-home"))
    with api_server(home / "server.log"):
        _serve(raw_dir, out_dir, to, timing)


def _serve(raw_dir: str, out_dir: str, to: str | None, timing: dict[str, object]) -> None:
    from flows.scheduled import rebuild_and_publish  # prefect reads PREFECT_API_URL now

    rebuild_and_publish.serve(
        name=DEPLOYMENT,
        parameters={"raw_dir": raw_dir, "out_dir": out_dir, "to": to},
        print_starting_message=True,
        limit=1,  # a tick while a run is still going waits for it
        **timing,  # type: ignore[arg-type]
    )
