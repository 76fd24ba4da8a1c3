"""`python -m flows serve` (`make serve`): the deployment runs on its schedule against a
Prefect server of its own on loopback, builds the seeds and publishes them, and a second
run finds everything up to date and uploads nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import RAW, ROOT

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("prefect")]


def test_serve_runs_on_its_schedule_builds_and_publishes(tmp_path: Path) -> None:
    out, published, log_path = tmp_path / "out", tmp_path / "published", tmp_path / "serve.log"
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")},
        "PREFECT_HOME": str(tmp_path / "home"),
        "PREFECT_RUNNER_POLL_FREQUENCY": "1",
        "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "1",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    }
    command = [sys.executable, "-m", "flows", "serve", "--raw", str(RAW), "--out", str(out)]
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [*command, "--to", str(published), "--schedule", "2"],
            cwd=ROOT,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 300
        while "up to date: " not in log_path.read_text(errors="replace"):
            assert process.poll() is None, log_path.read_text(errors="replace")[-3000:]
            assert time.monotonic() < deadline, log_path.read_text(errors="replace")[-3000:]
            time.sleep(1)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    text = log_path.read_text(errors="replace")
    version = (out / "release").resolve().name
    assert "Prefect UI: http://127.0.0.1:" in text
    assert f"release {version}; published to " in text
    assert f"up to date: {version}; published to " in text
    assert " (0 uploaded)" in text.split("up to date: ", 1)[1]
    assert json.loads((published / "releases.json").read_text())["latest"] == version
