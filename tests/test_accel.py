"""`flows.accel` changes how fast a release is built, never what it holds: the Parquet
files of a build with it and of one without (`--no-accel`) are the same bytes."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from benchmarks.corpus import generate_corpus
from schemas import TABLES
from tests.conftest import RAW, run_cli


def _data_digests(release: Path) -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted((release / "data").glob("*.parquet"))
    }


def _build(raw: Path, out: Path, *flags: str) -> dict[str, str]:
    result = run_cli("build", "--raw", str(raw), "--out", str(out), *flags)
    assert result.returncode == 0, result.stdout + result.stderr
    return _data_digests(out / "release")


@pytest.mark.parametrize("corpus", ["seeds", "generated"])
def test_no_accel_gives_byte_identical_parquet(
    corpus: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if corpus == "seeds":
        # The session's seed release is the default (accelerated) CLI build of RAW: reading
        # it saves building the same bytes again.
        raw = RAW
        fast = _data_digests(request.getfixturevalue("seed_release"))
    else:
        raw = generate_corpus(tmp_path / "gen", 0.3, progress=False)
        fast = _build(raw, tmp_path / "fast")
    plain = _build(raw, tmp_path / "plain", "--no-accel")
    assert len(fast) == len(TABLES)
    assert fast == plain
