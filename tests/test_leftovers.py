"""Expected failures end in one `error:` line, and what killed runs leave behind is
cleaned by the next one."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import duckdb
import pytest

from flows.io.download import remove_abandoned_downloads
from flows.io.folders import remove_stale_temporaries
from tests.conftest import RAW, run_cli

pytestmark = pytest.mark.xdist_group("prefect")  # two CLI runs, each starting Prefect


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
import flows.steps

def full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device", "OUT/staging/data/rejects.parquet")

flows.steps.write_table = full
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


SWAP_AFTER_LISTING = """
import json
import os
import re
import flows.inputs

listed = flows.inputs.scan_raw_folder

def swapping(root, *args, **kwargs):
    corpus = listed(root, *args, **kwargs)
    os.unlink(root / "swapped.txt")
    os.symlink(root.parent / "outside" / "secret.txt", root / "swapped.txt")
    os.unlink(root / "piped.txt")
    os.mkfifo(root / "piped.txt")
    return corpus

flows.inputs.scan_raw_folder = swapping
"""
SECRET = "TOP-SECRET-OUTSIDE-THE-RAW-FOLDER"
HOSTILE = ["x|y.txt", "new\nline.txt", "<script>alert(1)<script>.txt"]


def test_hostile_inputs_through_the_cli(tmp_path):
    """Files swapped for a symlink out and for a FIFO after the listing, a file over the
    size limit, hostile names and rights: the build neither hangs nor publishes the
    secret, and the card escapes every name and counts only published sources."""
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text(f"{SECRET}\n\nNever published.\n")
    raw = tmp_path / "raw"
    raw.mkdir()
    seed = sorted(RAW.glob("003_*.txt"))[0]
    (raw / seed.name).write_bytes(seed.read_bytes())
    for name in [*HOSTILE, "swapped.txt", "piped.txt"]:
        (raw / name).write_text(f"A short note\n\nThe text of {name!r} is plain prose.\n")
    (raw / "empty.txt").write_bytes(b"")
    with open(raw / "big.txt", "wb") as handle:
        handle.truncate(65 * 2**20)
    rights = "CC <script>alert(2)</script> | x"
    (raw / "manifest.json").write_text(
        json.dumps({"sources": [{"file": seed.name, "rights": rights}]})
    )
    out = tmp_path / "out"
    result = run_cli(
        "build", "--raw", str(raw), "--out", str(out), code=SWAP_AFTER_LISTING, timeout=240
    )
    assert result.returncode == 0, result.stdout + result.stderr
    release = out / "release"
    with duckdb.connect(str(release / "corpus.duckdb"), read_only=True) as connection:
        rejects = set(connection.execute("select source_file, reason from rejects").fetchall())
        published = connection.execute("select count(*) from documents").fetchone()[0]
    assert {
        ("swapped.txt", "ingest_unsafe_path"),
        ("piped.txt", "ingest_not_a_file"),
        ("big.txt", "ingest_too_large"),
        ("empty.txt", "decode_empty"),
    } <= rejects
    assert published == 1 + len(HOSTILE)
    for path in release.resolve().rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path
    card = (release / "README.md").read_text()
    assert "<script" not in card and "<script" not in (release / "LICENSE.md").read_text()
    sources = card.split("## Sources")[1].split("\n## ")[0]
    assert f"{published} source files" in sources
    rows = [line for line in sources.splitlines() if line.startswith("|")]
    assert len(rows) == 2 + published
    assert {len(re.findall(r"(?<!\\)\|", row)) for row in rows} == {6}
    assert f"Built from {published} source files" in card
