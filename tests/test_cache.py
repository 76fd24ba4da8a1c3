"""Incremental builds: a document's cached results are reused only while its bytes, its
manifest entry, the code and the config are all unchanged."""

from __future__ import annotations

import dataclasses

import pytest

import flows.batch
from flows.config import PipelineConfig
from flows.io import cache as cache_module
from flows.io.cache import DocumentCache
from flows.io.raw import scan_raw_folder
from flows.pipeline import process_document
from flows.repair import RepairConfig
from tests.conftest import RAW


@pytest.fixture
def counted(monkeypatch):
    calls: list[str] = []

    def counting(raw, config):
        calls.append(raw.source_file)
        return process_document(raw, config)

    monkeypatch.setattr(flows.batch, "process_document", counting)
    return calls


def test_second_run_takes_everything_from_the_cache_with_equal_results(tmp_path, counted):
    sources = scan_raw_folder(RAW).sources
    config = PipelineConfig()
    first = flows.batch.run_batch(RAW, sources, config, DocumentCache(tmp_path, config.digest()))
    cache = DocumentCache(tmp_path, config.digest())
    second = flows.batch.run_batch(RAW, sources, config, cache)
    assert len(counted) == len(sources)  # only the first run computed
    assert (cache.hits, cache.misses) == (len(sources), 0)
    assert second.tables == first.tables
    assert second.repairs == first.repairs


def test_one_changed_file_is_the_only_one_recomputed(tmp_path, counted):
    raw = tmp_path / "raw"
    raw.mkdir()
    for seed in sorted(RAW.glob("*.txt")):
        (raw / seed.name).write_bytes(seed.read_bytes())
    config = PipelineConfig()
    sources = scan_raw_folder(raw).sources
    flows.batch.run_batch(raw, sources, config, DocumentCache(tmp_path / "c", config.digest()))
    counted.clear()
    changed = sources[2].source_file
    (raw / changed).write_bytes((raw / changed).read_bytes() + b"\nOne more paragraph.\n")
    flows.batch.run_batch(raw, sources, config, DocumentCache(tmp_path / "c", config.digest()))
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
