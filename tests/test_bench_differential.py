"""Repair's shortcuts are exact: with and without them, byte-identical output (text, fix
counts, edits) on a sample of the benchmark corpus and on the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.corpus import SEED_DIR, generate_corpus
from benchmarks.run import _decoded_text, corpus_files, differential
from flows.config import PipelineConfig
from flows.stages.repair import RepairConfig, repair

SAMPLE_MB = 3.0


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_corpus(tmp_path_factory.mktemp("bench"), SAMPLE_MB, progress=False)


def test_shortcuts_change_nothing_on_the_benchmark_corpus(corpus: Path) -> None:
    files = corpus_files(corpus)
    assert differential(files, processes=1, progress=False) == []


@pytest.mark.parametrize("path", sorted(SEED_DIR.glob("*.txt")), ids=lambda p: p.name[:3])
def test_shortcuts_change_nothing_on_the_seeds(path: Path) -> None:
    text = _decoded_text(path)
    fast = repair(text, RepairConfig(shortcuts=True))
    slow = repair(text, RepairConfig(shortcuts=False))
    assert (fast.text, fast.fixes, fast.edits) == (slow.text, slow.fixes, slow.edits)


def test_shortcuts_are_not_part_of_the_config_digest() -> None:
    on = PipelineConfig(repair=RepairConfig(shortcuts=True))
    off = PipelineConfig(repair=RepairConfig(shortcuts=False))
    assert on.digest() == off.digest()
    assert "shortcuts" not in on.model_dump(mode="json")["repair"]
