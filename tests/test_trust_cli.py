"""Releases a user can trust, through the real CLI and `make run`: a version names fixed
bytes (an unchanged rebuild publishes nothing), ids survive an edit, a build that cannot
run fails at once with one line and leaves nothing behind, two builds on one output
folder take turns, and exit codes say published (0) or failed (1)."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from flows.io.folders import acquire_output_lock, output_lock, release_output_lock
from flows.stages.records import SourceInfo, doc_id_for
from tests.conftest import RAW, ROOT, run_cli

pytestmark = pytest.mark.xdist_group("prefect")

ID_TABLES = {"posts": "post_id", "comments": "comment_id", "blocks": "block_id"}
EDITED = "001_4b5826048d1e6dbc.txt"  # a thread: a post, comments, blocks


def clean_env() -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if not key.startswith("PREFECT_")}


def one_error_line(result: subprocess.CompletedProcess[str], path: Path) -> str:
    """The single line a refused build prints: `error: <path>: …`, and nothing else."""
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: {path}: "), line
    return line


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda raw: None, "does not exist"),
        (lambda raw: raw.write_text("not a folder"), "is not a folder"),
        (lambda raw: raw.mkdir(), "holds no .txt files"),
        (lambda raw: (raw.mkdir(), (raw / "notes.md").write_text("x")), "holds no .txt files"),
    ],
    ids=["missing", "a file", "empty", "no inputs"],
)
def test_a_bad_raw_folder_fails_at_once_with_one_line_and_creates_nothing(tmp_path, make, reason):
    raw, out = tmp_path / "raw", tmp_path / "out"
    make(raw)
    started = time.monotonic()
    result = run_cli("build", "--raw", str(raw), "--out", str(out))
    seconds = time.monotonic() - started
    assert reason in one_error_line(result, raw)
    assert seconds < 2.0, f"{seconds:.1f} s"
    assert not out.exists()


def test_out_that_is_a_file_fails_with_one_line(tmp_path):
    out = tmp_path / "out"
    out.write_text("a file")
    assert "is a file" in one_error_line(run_cli("build", "--out", str(out)), out)
    below = out / "sub"
    assert "is a file" in one_error_line(run_cli("build", "--out", str(below)), below)
    assert out.read_text() == "a file"


def release_ids(release: Path) -> dict[str, set[str]]:
    return {
        table: set(pq.read_table(release / "data" / f"{table}.parquet").column(key).to_pylist())
        for table, key in ID_TABLES.items()
    }


def test_unchanged_rebuild_is_up_to_date_and_an_edit_keeps_every_id(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(RAW, raw)
    build = ("build", "--raw", str(raw), "--out", str(out))
    first = run_cli(*build)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "changes: first release in this folder" in first.stdout
    v1 = (out / "release").resolve()
    files = {path: path.stat().st_mtime_ns for path in v1.rglob("*") if path.is_file()}

    again = run_cli(*build)  # nothing changed: nothing published
    assert again.returncode == 0, again.stdout + again.stderr
    assert f"up to date: {v1.name}" in again.stdout
    assert [p.name for p in (out / "releases").iterdir()] == [v1.name]
    assert {path: path.stat().st_mtime_ns for path in files} == files

    text = (raw / EDITED).read_text(encoding="utf-8")
    at = text.rindex(" the ")
    (raw / EDITED).write_text(text[:at] + " that " + text[at + 5 :], encoding="utf-8")
    edited = run_cli(*build)
    assert edited.returncode == 0, edited.stdout + edited.stderr
    v2 = (out / "release").resolve()
    assert v2.name != v1.name
    doc_id = doc_id_for(SourceInfo(EDITED))
    mine = {t: {i for i in ids if i.startswith(doc_id)} for t, ids in release_ids(v1).items()}
    assert all(mine.values())
    assert release_ids(v2) == release_ids(v1)  # every id of every document, the edited one's too
    changes = json.loads((v2 / "changes.json").read_text())
    assert changes["previous_version"] == v1.name
    assert changes["tables"]["documents"]["changed"] == [doc_id]
    for table, lists in changes["tables"].items():
        assert lists["added"] == lists["removed"] == [], table
    changed_blocks = changes["tables"]["blocks"]["changed"]
    assert changed_blocks and set(changed_blocks) <= mine["blocks"]
    [line] = [line for line in edited.stdout.splitlines() if line.startswith("changes: ")]
    assert line.startswith(f"changes: since {v1.name}: ") and "documents +0 -0 ~1" in line, line

    (raw / EDITED).write_text(text, encoding="utf-8")  # back as it was: that version again
    reverted = run_cli(*build)
    assert reverted.returncode == 0, reverted.stdout + reverted.stderr
    assert f"up to date: {v1.name}" in reverted.stdout
    assert (out / "release").resolve() == v1
    assert sorted(p.name for p in (out / "releases").iterdir()) == sorted([v1.name, v2.name])


def start_build(raw: Path, out: Path, log: Path, *extra: str) -> subprocess.Popen[bytes]:
    with log.open("wb") as handle:
        return subprocess.Popen(
            [sys.executable, "-m", "flows", "build", "--raw", str(raw), "--out", str(out),
             *extra],
            cwd=ROOT, env=clean_env(), stdout=handle, stderr=subprocess.STDOUT,
        )  # fmt: skip


def locked(out: Path) -> bool:
    """Whether some process holds the output folder's lock."""
    try:
        with (out / ".lock").open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            fcntl.flock(handle, fcntl.LOCK_UN)
    except FileNotFoundError:
        return False
    except BlockingIOError:
        return True
    return False


LOCK_FROM_ANOTHER_PROCESS = """
import sys
from pathlib import Path
from flows.io.folders import ReleaseLockedError, acquire_output_lock
try:
    acquire_output_lock(Path(sys.argv[1]))
except ReleaseLockedError as error:
    print(error)
"""


def test_output_lock_is_taken_once_per_process_and_refused_to_another(tmp_path):
    """The CLI takes OUT's lock, then the flow takes it again in its process: the second
    take is a no-op, and the lock stays held until the first lets go."""
    out = tmp_path / "out"
    assert acquire_output_lock(out)
    try:
        with output_lock(out):  # re-entrant
            pass
        assert locked(out)
        other = subprocess.run(
            [sys.executable, "-c", LOCK_FROM_ANOTHER_PROCESS, str(out)],
            cwd=ROOT, capture_output=True, text=True, check=True,
        )  # fmt: skip
        assert other.stdout.startswith(f"{out}: another build is writing to this folder")
    finally:
        release_output_lock(out)
    assert not locked(out)


def test_a_second_build_on_one_out_is_refused_or_waits(tmp_path):
    out = tmp_path / "out"
    first = start_build(RAW, out, tmp_path / "first.log")
    try:
        deadline = time.monotonic() + 60
        while not locked(out) and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert locked(out), (tmp_path / "first.log").read_text()
        started = time.monotonic()
        refused = run_cli("build", "--raw", str(RAW), "--out", str(out))
        # refused at once, not after waiting: the first build still runs (or, on a machine
        # fast enough that it has finished, the refusal took less than a build's start-up)
        assert first.poll() is None or time.monotonic() - started < 5
        line = one_error_line(refused, out)
        assert "another build is writing to this folder" in line and "--wait" in line
        waiting = start_build(RAW, out, tmp_path / "waiting.log", "--wait")
    finally:
        first_code = first.wait(timeout=300)
    assert first_code == 0, (tmp_path / "first.log").read_text()
    assert waiting.wait(timeout=300) == 0, (tmp_path / "waiting.log").read_text()
    waited = (tmp_path / "waiting.log").read_text()
    version = (out / "release").resolve().name
    assert f"up to date: {version}" in waited  # it ran after the first, on its release
    assert "Traceback" not in (tmp_path / "first.log").read_text() + waited


def make_run(*variables: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", "run", *variables],
        cwd=ROOT, env=clean_env(), capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def test_exit_codes_through_make(tmp_path):
    """Published with a reject: 0 and a warning; STRICT=1: the CLI's 1, which make reports
    as a failure; `.TXT` names are inputs."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    shutil.copy(RAW / EDITED, raw / "THREAD.TXT")
    (raw / "empty.txt").write_bytes(b"")
    published = make_run(f"RAW={raw}", f"OUT={out}")
    assert published.returncode == 0, published.stdout + published.stderr
    assert "warning: 1 input file(s) rejected: empty.txt" in published.stderr
    documents = pq.read_table(out / "release" / "data" / "documents.parquet")
    assert documents.column("source_file").to_pylist() == ["THREAD.TXT"]

    strict = make_run(f"RAW={raw}", f"OUT={out}", "STRICT=1")
    assert strict.returncode != 0
    assert "error: --strict: " in strict.stderr and "empty.txt" in strict.stderr
    assert "run] Error 1" in strict.stderr  # the CLI's own code, as make reports it
    assert "Traceback" not in strict.stderr
