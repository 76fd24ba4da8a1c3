"""The whole flow through the CLI into a temporary folder, checked through DuckDB."""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys

import duckdb
import pytest

from tests.conftest import RAW, ROOT, run_cli

pytestmark = pytest.mark.xdist_group("prefect")

TABLES = ("documents", "posts", "comments", "blocks", "footnotes", "rejects", "dropped", "qc")


def query(release, sql):
    with duckdb.connect(str(release / "corpus.duckdb"), read_only=True) as connection:
        return connection.execute(sql).fetchall()


def test_release_contract(seed_release):
    for table in TABLES:
        assert (seed_release / "data" / f"{table}.parquet").is_file()
    manifest = json.loads((seed_release / "manifest.json").read_text())
    assert manifest["version"].startswith("0.1.0-")
    for name, entry in manifest["files"].items():
        data = (seed_release / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
        assert len(data) == entry["bytes"]
    for table, count in manifest["row_counts"].items():
        assert query(seed_release, f"select count(*) from {table}") == [(count,)]


def test_sha256sums_verify_with_coreutils(seed_release):
    result = subprocess.run(
        ["sha256sum", "--check", "--quiet", "SHA256SUMS"],
        cwd=seed_release,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_seed_yields_a_post_and_nothing_is_rejected(seed_release):
    rows = query(
        seed_release,
        """
        select d.source_file, count(p.post_id) from documents d
        left join posts p using (doc_id) group by 1 order by 1""",
    )
    assert len(rows) == 5
    assert all(count >= 1 for _, count in rows)
    assert query(seed_release, "select count(*) from rejects") == [(0,)]


def test_parquet_matches_duckdb_tables(seed_release):
    for table in TABLES:
        parquet = seed_release / "data" / f"{table}.parquet"
        direct = query(seed_release, f"select count(*) from read_parquet('{parquet}')")
        assert direct == query(seed_release, f"select count(*) from {table}")


def test_folder_without_manifest_and_with_bad_files(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for seed in sorted(RAW.glob("*.txt"))[:3]:
        shutil.copy(seed, raw / seed.name)
    (raw / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = run_cli("build", "--raw", str(raw), "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr  # published, with a warning
    assert "warning: 1 input file(s) rejected: empty.txt" in result.stderr
    release = out / "release"
    assert query(release, "select count(*) from documents") == [(3,)]
    assert query(release, "select source_file, stage from rejects") == [("empty.txt", "decode")]

    strict = run_cli("build", "--raw", str(raw), "--out", str(out), "--strict")
    assert strict.returncode == 1
    assert "empty.txt" in strict.stderr


def _python(code: str, environment: dict[str, str], *args: str) -> str:
    """What `python -c code args…` prints, in the project's folder: a fresh interpreter, as
    the CLI's set-up must run before anything reads the environment it changes."""
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


@pytest.mark.parametrize(("given", "expected"), [(None, "system"), ("mimalloc", "mimalloc")])
def test_cli_has_arrow_use_the_system_allocator_unless_told_otherwise(tmp_path, given, expected):
    """The CLI's processes (and the workers they start, which inherit the environment) give
    freed memory back to the system; a user's own ARROW_DEFAULT_MEMORY_POOL wins."""
    code = (
        "import sys; from pathlib import Path; from flows.runtime import prepare_environment; "
        "prepare_environment(Path(sys.argv[1]), True); import pyarrow; "
        "print(pyarrow.default_memory_pool().backend_name)"
    )
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "ARROW_"))}
    if given:
        environment["ARROW_DEFAULT_MEMORY_POOL"] = given
    assert _python(code, environment, str(tmp_path / "out")) == expected


GLIBC = platform.libc_ver()[0] == "glibc"


@pytest.mark.skipif(not GLIBC, reason="the threshold is glibc's")
def test_cli_has_malloc_give_freed_memory_back(tmp_path):
    """After the CLI's set-up, a large block freed goes back to the system (with glibc's
    defaults the second 20 MiB block comes from the heap and stays there), and the
    processes the CLI starts get the same threshold through their environment."""
    code = (
        "import os, sys; from pathlib import Path; from flows.runtime import prepare_environment\n"
        "def anon():\n"
        "    status = Path('/proc/self/status').read_text().splitlines()\n"
        "    return next(int(l.split()[1]) for l in status if l.startswith('RssAnon'))\n"
        "if sys.argv[2] == 'prepared': prepare_environment(Path(sys.argv[1]), True)\n"
        "before = anon()\n"
        "for _ in range(3):\n"
        "    block = b'x' * (20 << 20); del block\n"
        "print(anon() - before, os.environ.get('MALLOC_MMAP_THRESHOLD_'))\n"
    )
    environment = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}
    kept = {}
    for setup in ("prepared", "plain"):
        kept_kib, threshold = _python(code, environment, str(tmp_path / "out"), setup).split()
        kept[setup] = (int(kept_kib), threshold)
    assert kept["plain"][0] > 10_000  # glibc's defaults keep the block: the test can tell
    assert kept["prepared"] == (pytest.approx(0, abs=2_000), str(32 << 20))


@pytest.mark.skipif(not GLIBC, reason="the threshold is glibc's")
def test_cli_keeps_a_users_own_malloc_threshold(tmp_path):
    code = (
        "import os, sys; from pathlib import Path; from flows.runtime import prepare_environment; "
        "prepare_environment(Path(sys.argv[1]), True); print(os.environ['MALLOC_MMAP_THRESHOLD_'])"
    )
    environment = {**os.environ, "MALLOC_MMAP_THRESHOLD_": "1048576"}
    assert _python(code, environment, str(tmp_path / "out")) == "1048576"
