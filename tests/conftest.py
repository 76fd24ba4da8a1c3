"""Shared fixtures: the seed corpus and one release built through the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from flows.config import PipelineConfig
from flows.io.raw import read_raw, scan_raw_folder

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "raw"


def run_cli(
    *args: str, timeout: int = 300, env: dict[str, str] | None = None, code: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m flows …` as a user would, with Prefect kept inside the output folder.

    The child gets this process's environment without its `PREFECT_*` variables, then
    `env` on top. `code` runs before the CLI in the same interpreter (to inject faults in
    tests)."""
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith("PREFECT_")
    }
    environment.update(env or {})
    command = (
        ["-m", "flows"]
        if code is None
        else ["-c", f"{code}\nimport sys\nfrom flows.cli import main\nsys.exit(main(sys.argv[1:]))"]
    )
    return subprocess.run(
        [sys.executable, *command, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(scope="session")
def seed_raws():
    corpus = scan_raw_folder(RAW)
    return [read_raw(RAW, source) for source in corpus.sources]


@pytest.fixture(scope="session")
def config() -> PipelineConfig:
    return PipelineConfig()


@pytest.fixture(scope="session")
def seed_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One release of the seeds, built once per test session through the CLI."""
    out = tmp_path_factory.mktemp("seed-build")
    result = run_cli("build", "--raw", str(RAW), "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return out / "release"
