"""Incremental builds: a document's cached results are reused only while its bytes, its
manifest entry, the code and the config are all unchanged."""

from __future__ import annotations

import dataclasses

import pytest

import flows.batch
from flows.config import PipelineConfig
from flows.io import cache as cache_module
from flows.io.cache import DocumentCache
from flows.io.raw import fingerprint, scan_raw_folder
from flows.pipeline import process_document
from flows.plan import plan_batches
from flows.repair import RepairConfig
from tests.conftest import RAW


def one_batch(root):
    """All files of `root` as one planned batch."""
    planned, _ = fingerprint(root, scan_raw_folder(root).sources)
    [batch], _ = plan_batches(planned, target_size=10_000)
    return batch


@pytest.fixture
def counted(monkeypatch):
    calls: list[str] = []

    def counting(raw, config):
        calls.append(raw.source_file)
        return process_document(raw, config)

    monkeypatch.setattr(flows.batch, "process_document", counting)
    return calls


def test_second_run_takes_everything_from_the_cache_with_equal_results(tmp_path, counted):
    batch = one_batch(RAW)
    config = PipelineConfig()
    first = flows.batch.run_batch(RAW, batch, config, DocumentCache(tmp_path, config.digest()))
    cache = DocumentCache(tmp_path, config.digest())
    second = flows.batch.run_batch(RAW, batch, config, cache)
    assert len(counted) == len(batch.files)  # only the first run computed
    assert (cache.hits, cache.misses) == (len(batch.files), 0)
    assert second.tables == first.tables
    assert second.repairs == first.repairs


def test_one_changed_file_is_the_only_one_recomputed(tmp_path, counted):
    raw = tmp_path / "raw"
    raw.mkdir()
    for seed in sorted(RAW.glob("*.txt")):
        (raw / seed.name).write_bytes(seed.read_bytes())
    config = PipelineConfig()
    batch = one_batch(raw)
    flows.batch.run_batch(raw, batch, config, DocumentCache(tmp_path / "c", config.digest()))
    counted.clear()
    changed = batch.files[2].source.source_file
    (raw / changed).write_bytes((raw / changed).read_bytes() + b"\nOne more paragraph.\n")
    batch = one_batch(raw)
    flows.batch.run_batch(raw, batch, config, DocumentCache(tmp_path / "c", config.digest()))
    assert counted == [changed]


def test_config_code_and_manifest_changes_invalidate(tmp_path, monkeypatch):
    source = scan_raw_folder(RAW).sources[0]
    from flows.io.raw import read_raw

    raw = read_raw(RAW, source)
    base = DocumentCache(tmp_path, PipelineConfig().digest()).key(raw)
    other_config = PipelineConfig(repair=RepairConfig(unwrap_lines=False))
    assert DocumentCache(tmp_path, other_config.digest()).key(raw) != base
    assert PipelineConfig(batch_size=7, use_cache=False).digest() == PipelineConfig().digest()
    relabelled = dataclasses.replace(raw, source=dataclasses.replace(source, layout="article"))
    assert DocumentCache(tmp_path, PipelineConfig().digest()).key(relabelled) != base
    monkeypatch.setattr(cache_module, "code_digest", lambda: "another version of the code")
    assert DocumentCache(tmp_path, PipelineConfig().digest()).key(raw) != base


def test_corrupt_cache_entry_is_a_miss_not_a_crash(tmp_path):
    source = scan_raw_folder(RAW).sources[0]
    from flows.io.raw import read_raw

    raw = read_raw(RAW, source)
    cache = DocumentCache(tmp_path, "x")
    cache.put(raw, process_document(raw, PipelineConfig()))
    path = tmp_path / cache.key(raw)[:2] / f"{cache.key(raw)}.json"
    path.write_text("{truncated")
    assert cache.get(raw) is None


def test_rebuild_after_one_changed_file_reuses_other_batches_and_equals_a_fresh_build(
    tmp_path,
):
    """Through the CLI: one file of a generated corpus changes; only the batches it left
    and joined are redone, and the data files equal those of a build without any cache."""
    import re
    import shutil

    from benchmarks.corpus import generate_corpus
    from tests.conftest import run_cli

    raw = tmp_path / "raw"
    shutil.copytree(generate_corpus(tmp_path / "gen", 0.25, progress=False), raw)
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    build = ("build", "--raw", str(raw), "--batch-size", "2")
    assert run_cli(*build, "--out", str(out)).returncode == 0
    changed = sorted(raw.glob("*.txt"))[5]
    changed.write_bytes(changed.read_bytes() + b"\nOne more paragraph at the end.\n")
    again = run_cli(*build, "--out", str(out))
    assert again.returncode == 0, again.stderr
    found = re.search(r"(\d+) of (\d+) files unchanged.*\((\d+) of (\d+) batches", again.stdout)
    assert found, again.stdout
    files_cached, files, batches_cached, batches = map(int, found.groups())
    assert files_cached == files - 1
    assert batches >= 5 and batches_cached >= batches - 2
    assert run_cli(*build, "--out", str(fresh), "--no-cache").returncode == 0
    for path in sorted((fresh / "release" / "data").glob("*.parquet")):
        assert (out / "release" / "data" / path.name).read_bytes() == path.read_bytes(), path
