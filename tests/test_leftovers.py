"""Expected failures end in one `error:` line, and what killed runs leave behind is
cleaned by the next one."""

from __future__ import annotations

import os
import subprocess
import sys

from flows.io.download import remove_abandoned_downloads
from flows.io.folders import remove_stale_temporaries
from tests.conftest import RAW, run_cli


def test_temporaries_of_killed_runs_are_removed(tmp_path):
    cache = tmp_path / ".cache"
    (cache / "batches" / ".abc.12345.tmp").mkdir(parents=True)
    (cache / ".fingerprints.json.12345.tmp").write_text("{half")
    (cache / "fingerprints.json").write_text("{}")
    (cache / "batches" / "abc").mkdir()
    removed = remove_stale_temporaries(cache)
    assert sorted(path.name for path in removed) == [
        ".abc.12345.tmp",
        ".fingerprints.json.12345.tmp",
    ]
    assert sorted(p.relative_to(cache).as_posix() for p in cache.rglob("*")) == [
        "batches",
        "batches/abc",
        "fingerprints.json",
    ]


def test_abandoned_downloads_are_removed_and_running_ones_kept(tmp_path):
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead = tmp_path / f".download-0.1.0-x-{int(gone.stdout)}"
    running = tmp_path / f".download-0.1.0-x-{os.getpid()}"
    for folder in (dead, running):
        folder.mkdir()
        (folder / "part").write_text("x")
    assert remove_abandoned_downloads(tmp_path) == [dead]
    assert not dead.exists() and running.exists()


DISK_FULL = """
import errno
import flows.flow

def full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device", "OUT/staging/data/rejects.parquet")

flows.flow.write_table = full
"""


def test_a_full_disk_ends_in_one_error_line(tmp_path):
    out = tmp_path / "out"
    result = run_cli("build", "--raw", str(RAW), "--out", str(out), code=DISK_FULL)
    assert result.returncode == 1, result.stdout + result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == ["error: OUT/staging/data/rejects.parquet: No space left on device"]
    assert result.stderr.splitlines()[-1] == errors[0]  # the CLI's own last word
    assert not (out / "release").exists()
    assert not list(out.glob(".staging-*"))
