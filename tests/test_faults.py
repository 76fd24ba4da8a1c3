"""Faults: runs killed at any moment, concurrent runs, re-runs, all through the real CLI and
without hooks in the code.

The session's build of the seeds is version 1. Builds of a changed raw folder (so they
make a new version) are then started with `subprocess.Popen` in their own session and the
whole process group (the CLI and Prefect's temporary server) is SIGKILLed at points found
by polling the file system every 20 ms: shortly after start; when the run's staging folder
`OUT/.staging-<pid>` appears (processing); when `data/posts.parquet` appears in it (merge);
when `corpus.duckdb` appears in it (publish). After each kill `OUT/release` must still be
version 1 and pass `sha256sum --check`. The next run must publish version 2 and remove the
stale staging folders; a second run started while it holds the lock must fail fast with a
message about the lock; re-running with the same input must give the same version and
byte-identical Parquet files.

Each run starts Prefect's temporary server (15-20 s on an idle 2-core machine), so the
module makes 6 runs, one of them cut short after 1 s; version 1 is a copy of the session's
seed build.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from schemas import TABLES
from tests.conftest import RAW, ROOT

# Its own group: under `-n 2 --dist loadgroup` it can run on the other worker while the
# "prefect" group builds (each worker makes its own seed release).
pytestmark = pytest.mark.xdist_group("faults")

POLL_SECONDS = 0.02
RUN_TIMEOUT = 300
EXTRA_FILE = "999_extra.txt"


@dataclass
class Run:
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def staging(self) -> str:
        return f".staging-{self.process.pid}"

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def start_build(raw: Path, out: Path, log: Path) -> Run:
    """`python -m flows build` as `run_cli` does, but in its own process group."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PREFECT_")}
    with log.open("wb") as handle:
        process = subprocess.Popen(
            [sys.executable, "-m", "flows", "build", "--raw", str(raw), "--out", str(out)],
            cwd=ROOT,
            env=env,
            stdout=handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return Run(process, log)


def wait_until(run: Run, condition: Callable[[], bool], timeout: float = RUN_TIMEOUT) -> bool:
    """Poll `condition` every 20 ms; False if the run ended first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        if run.process.poll() is not None:
            return condition()
        time.sleep(POLL_SECONDS)
    raise TimeoutError(f"condition not met in {timeout} s")


def kill(run: Run) -> None:
    """SIGKILL the CLI and every process it started (Prefect's server is in the group)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(run.process.pid, signal.SIGKILL)
    run.process.wait(timeout=30)


def finish(run: Run) -> int:
    try:
        return run.process.wait(timeout=RUN_TIMEOUT)
    finally:
        if run.process.poll() is None:
            kill(run)


def verify(out: Path) -> str:
    """The release `OUT/release` points at passes `sha256sum --check`; return its version."""
    release = out / "release"
    assert release.is_symlink()
    check = subprocess.run(
        ["sha256sum", "--check", "--strict", "--quiet", "SHA256SUMS"],
        cwd=release,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    listed = {line.split("  ", 1)[1] for line in (release / "SHA256SUMS").read_text().splitlines()}
    on_disk = {
        path.relative_to(release.resolve()).as_posix()
        for path in release.resolve().rglob("*")
        if path.is_file() and path.name != "SHA256SUMS"
    }
    assert listed == on_disk, "SHA256SUMS must cover every file of the release"
    return release.resolve().name


def parquet_digests(release: Path) -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted((release / "data").glob("*.parquet"))
    }


@dataclass
class Setup:
    raw_changed: Path
    out: Path
    logs: Path
    first_version: str


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory, seed_release: Path) -> Setup:
    """Version 1 from the seeds; a raw folder with one more file for version 2.

    Version 1 is a copy of the session's seed build (the same command on the same files),
    so the module makes no build of its own for it; the session's folder is never changed."""
    base = tmp_path_factory.mktemp("faults")
    raw_changed, out, logs = (base / n for n in ("raw2", "out", "logs"))
    shutil.copytree(RAW, raw_changed)
    logs.mkdir()
    extra = (RAW / "003_53b66d5e05b30e36.txt").read_text(encoding="utf-8")
    (raw_changed / EXTRA_FILE).write_text(extra + "\nA paragraph added later.\n", "utf-8")
    shutil.copytree(seed_release.parent, out, symlinks=True)
    return Setup(raw_changed, out, logs, verify(out))


@dataclass
class Kill:
    point: str
    run: Run
    reached: bool
    staging_left: list[str]
    """Every `.staging-*` folder in OUT right after the kill."""


def staged(out: Path, run: Run, relative: str = "") -> Callable[[], bool]:
    return lambda: (out / run.staging / relative).exists()


@pytest.fixture(scope="module")
def kills(setup: Setup) -> list[Kill]:
    """Four builds of the changed folder, each SIGKILLed at a different point."""
    out = setup.out
    points: list[tuple[str, Callable[[Run], Callable[[], bool]] | None]] = [
        ("1 s after start", None),
        ("staging folder created", lambda run: staged(out, run)),
        ("merge: data/posts.parquet written", lambda run: staged(out, run, "data/posts.parquet")),
        ("publish: corpus.duckdb written", lambda run: staged(out, run, "corpus.duckdb")),
    ]
    done = []
    for index, (point, condition) in enumerate(points):
        run = start_build(setup.raw_changed, out, setup.logs / f"kill-{index}.log")
        if condition is None:
            time.sleep(1.0)
            reached = run.process.poll() is None
        else:
            reached = wait_until(run, condition(run)) and run.process.poll() is None
        kill(run)
        done.append(Kill(point, run, reached, sorted(p.name for p in out.glob(".staging-*"))))
    return done


def test_a_killed_run_leaves_the_previous_release_complete(setup: Setup, kills: list[Kill]):
    for killed in kills:
        assert killed.reached, f"{killed.point}: the run ended before the kill\n" + (
            killed.run.output()
        )
        assert killed.run.process.returncode == -signal.SIGKILL
        if killed.point != "1 s after start":
            # killed before publishing; the folder of the run killed before was removed
            # when this one took the lock
            assert killed.staging_left == [killed.run.staging], killed.point
    assert verify(setup.out) == setup.first_version
    assert [p.name for p in (setup.out / "releases").iterdir()] == [setup.first_version]


@dataclass
class Final:
    run: Run
    contender: Run
    contender_seconds: float
    contender_staging: bool
    stale: list[str]


@pytest.fixture(scope="module")
def final(setup: Setup, kills: list[Kill]) -> Final:
    """The next normal run of the changed folder. While it holds the lock (it is paused with
    SIGSTOP as soon as its staging folder appears), a second run on the same output folder
    is started and must be refused; then the first is resumed and runs to the end."""
    out = setup.out
    stale = sorted(p.name for p in out.glob(".staging-*"))
    run = start_build(setup.raw_changed, out, setup.logs / "final.log")
    try:
        assert wait_until(run, staged(out, run)), run.output()
        os.killpg(run.process.pid, signal.SIGSTOP)
        started = time.monotonic()
        contender = start_build(setup.raw_changed, out, setup.logs / "contender.log")
        finish(contender)
        contender_seconds = time.monotonic() - started
        contender_staging = (out / contender.staging).exists()
    finally:
        os.killpg(run.process.pid, signal.SIGCONT)
    finish(run)
    return Final(run, contender, contender_seconds, contender_staging, stale)


def test_the_next_run_publishes_and_removes_stale_staging(
    setup: Setup, kills: list[Kill], final: Final
):
    assert final.run.process.returncode == 0, final.run.output()
    assert final.stale == kills[-1].staging_left, "the last killed run left its staging"
    assert not list(setup.out.glob(".staging-*"))
    assert not list(setup.out.glob(".retired-*"))
    second_version = verify(setup.out)
    assert second_version != setup.first_version
    releases = sorted(p.name for p in (setup.out / "releases").iterdir())
    assert releases == sorted([setup.first_version, second_version])
    old = setup.out / "releases" / setup.first_version
    check = subprocess.run(["sha256sum", "--check", "--quiet", "SHA256SUMS"], cwd=old, check=False)
    assert check.returncode == 0, "the previous release stays complete too"


def test_a_concurrent_run_is_refused_by_the_lock(final: Final):
    contender = final.contender
    assert contender.process.returncode == 1, contender.output()
    assert "another build is writing to this folder" in contender.output()
    assert not final.contender_staging, "the refused run must not touch the output folder"
    assert final.run.process.returncode == 0, final.run.output()


def test_rerun_with_the_same_input_is_idempotent(setup: Setup, final: Final):
    release = setup.out / "release"
    version = verify(setup.out)
    before = parquet_digests(release)
    assert len(before) == len(TABLES)
    again = start_build(setup.raw_changed, setup.out, setup.logs / "again.log")
    assert finish(again) == 0, again.output()
    assert verify(setup.out) == version
    assert parquet_digests(release) == before
