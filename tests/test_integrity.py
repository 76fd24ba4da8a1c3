"""Damaged reuse: corrupt cache entries and previous releases are never published, never
block a build, and publishing never leaves `OUT/release` without a complete release.

One build of the seeds is made once; each test copies its output folder, damages the copy
as a disk fault or an adversary would (a flipped byte, a truncated file, garbage JSON, an
edited database), and builds again through the CLI, with and without `--no-cache`.
Publishing is cut short at every step (a monkeypatched rename or removal raises) to check
what a kill at that instant leaves.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq
import pytest

from flows.io import release as release_io
from flows.io.release import clean_stale_staging, point_release, release_problem, seal_release
from tests.conftest import RAW, run_cli

EXTRA_FILE = "999_extra.txt"
TAMPERED = "TAMPERED BODY"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory, seed_release: Path) -> Path:
    """`first/`: a build of the seeds (cache filled); `raw/` the seeds, `raw2/` one more.

    `first/` is a copy of the session's seed build (the same command on the same files:
    the cache records file contents, not the folder they were read from), so this module
    pays for no build of its own; the session's folder itself is never changed."""
    folder = tmp_path_factory.mktemp("integrity")
    shutil.copytree(RAW, folder / "raw")
    shutil.copytree(RAW, folder / "raw2")
    extra = (RAW / "003_53b66d5e05b30e36.txt").read_text(encoding="utf-8")
    (folder / "raw2" / EXTRA_FILE).write_text(extra + "\nA paragraph added later.\n", "utf-8")
    shutil.copytree(seed_release.parent, folder / "first", symlinks=True)
    return folder


def copy_out(base: Path, name: str) -> Path:
    out = base / name
    shutil.copytree(base / "first", out, symlinks=True)
    return out


def flip_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def truncate(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)


def cached_part(out: Path, table: str) -> Path:
    parts = sorted((out / ".cache" / "batches").glob(f"*/*/{table}.arrow"))
    assert parts, "the first build cached its batches"
    return parts[0]


def integrity(release: Path) -> dict[str, int]:
    rows = pq.read_table(release / "data" / "qc.parquet").to_pylist()
    return {row["name"]: row["value"] for row in rows if row["section"] == "integrity"}


def data_bytes(release: Path) -> dict[str, bytes]:
    """Every data file but qc (which counts what was healed)."""
    return {
        path.name: path.read_bytes()
        for path in sorted((release / "data").glob("*.parquet"))
        if path.name != "qc.parquet"
    }


def build(out: Path, raw: Path, *extra: str) -> str:
    result = run_cli("build", "--raw", str(raw), "--out", str(out), *extra)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Traceback" not in output, output
    assert release_problem((out / "release").resolve()) is None
    return output


@pytest.fixture(scope="module")
def no_cache_garbage_manifest(base: Path) -> tuple[Path, str]:
    """The previous release's manifest.json is garbage; the same input, `--no-cache`."""
    out = copy_out(base, "garbage-manifest")
    (out / "release" / "manifest.json").write_text("{not json", encoding="utf-8")
    return out, build(out, base / "raw", "--no-cache")


def test_garbage_manifest_does_not_block_a_no_cache_build(no_cache_garbage_manifest):
    out, output = no_cache_garbage_manifest
    assert output.count("failed verification") == 1, output
    assert integrity(out / "release") == {"releases_not_reused": 1}
    assert not list(out.glob(".staging-*")) and not list(out.glob(".retired-*"))


def test_flipped_cache_byte_and_truncated_posts_heal_to_a_no_cache_build(
    base, no_cache_garbage_manifest
):
    """Same input: the release of this version is damaged (truncated posts.parquet), so
    it is built again; the cached batch has one flipped byte, so it is computed again.
    The data equal a `--no-cache` build's and the first build's, byte for byte."""
    out = copy_out(base, "flipped")
    flip_byte(cached_part(out, "documents"))
    truncate(out / "release" / "data" / "posts.parquet")
    output = build(out, base / "raw")
    assert output.count("failed verification") == 1, output
    assert output.count("cache entries failed their checksums") == 1, output
    healed = out / "release"
    assert integrity(healed) == {"cache_entries_rebuilt": 1, "releases_not_reused": 1}
    no_cache = no_cache_garbage_manifest[0] / "release"
    assert data_bytes(healed) == data_bytes(no_cache) == data_bytes(base / "first" / "release")
    assert [p.name for p in (out / "releases").iterdir()] == [healed.resolve().name]
    assert json.loads(cached_part(out, "documents").with_name("checksums.json").read_text())
    again = build(out, base / "raw")  # the healed cache and release are reused as they are
    assert "up to date" in again and "failed" not in again, again


def test_tampered_database_and_truncated_cache_part_are_not_carried_forward(base):
    """A post body edited inside the previous corpus.duckdb (its SHA256SUMS no longer
    match) and a truncated cached part: the next version's database is built without the
    edit, and the part's documents are computed again."""
    out = copy_out(base, "tampered")
    previous = (out / "release").resolve()
    database = previous / "corpus.duckdb"
    with duckdb.connect(str(database)) as connection:
        connection.execute(
            "update posts set body = ? where post_id = (select min(post_id) from posts)",
            [TAMPERED],
        )
        connection.execute("checkpoint")
    truncate(cached_part(out, "posts"))
    output = build(out, base / "raw2")
    assert output.count("failed verification") == 1, output
    assert output.count("cache entries failed their checksums") == 1, output
    release = (out / "release").resolve()
    assert release != previous
    with duckdb.connect(str(release / "corpus.duckdb"), read_only=True) as connection:
        (tampered,) = connection.execute(
            "select count(*) from posts where body = ?", [TAMPERED]
        ).fetchone() or (None,)
        (documents,) = connection.execute("select count(*) from documents").fetchone() or (0,)
    assert tampered == 0
    assert documents == len(list((base / "raw2").glob("*.txt")))
    assert integrity(release) == {"cache_entries_rebuilt": 1, "releases_not_reused": 1}
    changes = json.loads((release / "changes.json").read_text(encoding="utf-8"))
    assert changes["previous_version"] is None, "a damaged release is not compared with"


def test_truncated_posts_does_not_block_a_no_cache_build_of_a_new_version(base):
    out = copy_out(base, "truncated-no-cache")
    truncate(out / "release" / "data" / "posts.parquet")
    output = build(out, base / "raw2", "--no-cache")
    assert output.count("failed verification") == 1, output
    assert integrity(out / "release") == {"releases_not_reused": 1}


def test_release_problem_names_what_fails(base, tmp_path):
    release = tmp_path / (base / "first" / "release").resolve().name
    shutil.copytree((base / "first" / "release").resolve(), release)
    assert release_problem(release) is None
    (release / "LICENSE.md").write_text("changed")
    assert release_problem(release) == "LICENSE.md does not match its checksum"
    (release / "SHA256SUMS").write_text(f"{'0' * 64}  ../../etc/passwd\n")
    assert "malformed" in str(release_problem(release))
    (release / "SHA256SUMS").unlink()
    assert "SHA256SUMS cannot be read" in str(release_problem(release))


# Publishing cut short at every step


class Killed(BaseException):
    """Stands for a SIGKILL at that instant: nothing after it runs, no handler either."""


MANIFEST_FIELDS = ("version", "row_counts", "files", "content_digest", "unpinned_files")


def stage_from(release: Path, staging: Path) -> None:
    """A staging folder holding what a build has made before sealing: data and database."""
    staging.mkdir()
    shutil.copytree(release / "data", staging / "data")
    shutil.copyfile(release / "corpus.duckdb", staging / "corpus.duckdb")


def seal(out: Path, staging: Path, version: str, manifest: dict[str, Any]) -> Path:
    metadata = {key: value for key, value in manifest.items() if key not in MANIFEST_FIELDS}
    return seal_release(out, staging, version, metadata, manifest["row_counts"], lambda _: {})


def kill_at_step(monkeypatch: pytest.MonkeyPatch, step: int) -> list[str]:
    """Make the `step`-th rename, exchange, link swap or removal of publishing raise
    `Killed` before it happens; the names of the steps taken are appended to the list."""
    taken: list[str] = []

    def cut(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if len(taken) == step:
                raise Killed(name)
            taken.append(name)
            return function(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(os, "replace", cut("rename", os.replace))
    monkeypatch.setattr(shutil, "rmtree", cut("rmtree", shutil.rmtree))
    monkeypatch.setattr(release_io, "exchange_paths", cut("exchange", release_io.exchange_paths))
    monkeypatch.setattr(release_io, "_point_link", cut("link", release_io._point_link))
    return taken


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "no-exchange"])
@pytest.mark.parametrize("same_version", [False, True], ids=["new-version", "same-version"])
def test_a_kill_at_any_step_of_publishing_never_loses_the_release(
    base, tmp_path, monkeypatch, same_version, exchange
):
    """Over a complete release of another version, and over a damaged copy of the same
    version (the only case a version is published again): killed before each step in
    turn, `release` resolves to a release with a manifest, complete whenever the one it
    replaces was; the next run's clean-up keeps it; publishing again then succeeds.
    Without an atomic exchange (some file systems), the same version's old copy is away
    for the moment between two renames, and the next run's clean-up puts it back."""
    source = (base / "first" / "release").resolve()
    manifest = json.loads((source / "manifest.json").read_text(encoding="utf-8"))
    old = manifest["version"]
    version = old if same_version else "0.0.0-newer"
    for step in itertools.count():
        out = tmp_path / f"{step}"
        shutil.copytree(source, out / "releases" / old)
        point_release(out, old)
        if same_version:
            truncate(out / "releases" / old / "data" / "posts.parquet")
        staging = out / ".staging-1"
        stage_from(source, staging)
        if not exchange:
            monkeypatch.setattr(release_io, "exchange_paths", unsupported_exchange)
        taken = kill_at_step(monkeypatch, step)
        try:
            seal(out, staging, version, manifest)
            finished = True
        except Killed:
            finished = False
        monkeypatch.undo()
        link = out / "release"
        if exchange or not same_version:  # else a window between two renames (docstring)
            assert (link / "manifest.json").is_file(), taken
        if not same_version:
            assert release_problem(link.resolve()) is None, taken
        clean_stale_staging(out)  # what the next run does first
        assert (link / "manifest.json").is_file(), taken
        if finished:
            assert release_problem(link.resolve()) is None
            assert link.resolve().name == version
            break
        stage_from(source, out / ".staging-2")
        seal(out, out / ".staging-2", version, manifest)
        assert release_problem(link.resolve()) is None, taken
        assert not list(out.glob(".staging-*")) and not list(out.glob(".retired-*"))
    assert step >= 3, "every step of publishing was cut once"


def unsupported_exchange(first: Path, second: Path) -> None:
    raise OSError(22, "Invalid argument")
