"""The seeds' records must match the reviewed golden files (regenerate: `make golden`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.golden_tools import GOLDEN, golden_lines, repaired_text, seed_documents

SEEDS = seed_documents()


@pytest.mark.parametrize("raw", SEEDS, ids=[raw.source_file for raw in SEEDS])
def test_seed_matches_golden_records(raw, config):
    expected = (GOLDEN / f"{Path(raw.source_file).stem}.jsonl").read_text(encoding="utf-8")
    actual = "\n".join(golden_lines(raw, config)) + "\n"
    assert actual.splitlines() == expected.splitlines()


@pytest.mark.parametrize("raw", SEEDS, ids=[raw.source_file for raw in SEEDS])
def test_seed_matches_golden_text(raw, config):
    expected = (GOLDEN / f"{Path(raw.source_file).stem}.repaired.txt").read_text(encoding="utf-8")
    assert repaired_text(raw, config) == expected
