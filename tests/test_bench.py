"""The benchmark's corpus generator and in-process measurements (no Prefect, < 30 s)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.corpus import generate_corpus, generate_document, load_seeds
from benchmarks.run import (
    StageTimes,
    children_cpu_seconds,
    corpus_files,
    cpu_budget,
    floor_decode,
    floor_ftfy,
    profile_stages,
    sample_files,
    stage_cpu_line,
    tree_rss,
)

SIZE_MB = 1.0


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_corpus(tmp_path_factory.mktemp("bench"), SIZE_MB, progress=False)


def _digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def test_generator_is_deterministic(corpus: Path, tmp_path: Path) -> None:
    again = generate_corpus(tmp_path, SIZE_MB, progress=False)
    assert _digest(again) == _digest(corpus)
    other = generate_corpus(tmp_path, SIZE_MB, seed=8, progress=False)
    assert _digest(other) != _digest(corpus)


def test_generator_reuses_its_cache(corpus: Path) -> None:
    marker = corpus / "corpus.json"
    before = marker.stat().st_mtime_ns
    assert generate_corpus(corpus.parent, SIZE_MB, progress=False) == corpus
    assert marker.stat().st_mtime_ns == before


def test_corpus_size_and_no_duplicate_documents(corpus: Path) -> None:
    files = corpus_files(corpus)
    total = sum(p.stat().st_size for p in files)
    assert SIZE_MB * 1e6 <= total < SIZE_MB * 1e6 + 300_000  # the last document overshoots
    digests = {hashlib.sha256(p.read_bytes()).digest() for p in files}
    assert len(digests) == len(files)
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(s["file"] for s in manifest["sources"]) == [p.name for p in files]


def test_damage_kinds_are_really_there() -> None:
    """Each claimed damage kind shows in the bytes of the documents that claim it; most
    documents come from the fixtures, and their long lines are mostly distinct."""
    seeds = load_seeds()
    seen: dict[str, int] = {}
    threads = seed_threads = n_long = 0
    distinct: set[str] = set()
    for index in range(400):
        _name, data, layout, kinds, _language = generate_document(index, seeds, 7)
        for kind in kinds:
            seen[kind] = seen.get(kind, 0) + 1
        if "legacy_cp1251" in kinds:
            with pytest.raises(UnicodeDecodeError):
                data.decode("utf-8")
            assert "Выборы" in data.decode("cp1251") or "партия" in data.decode("cp1251")
            continue
        text = data.decode("utf-8")
        if "crlf" in kinds:
            assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
        else:
            assert "\r" not in text
        if "soft_hyphen" in kinds:
            assert "\u00ad\n" in text.replace("\r\n", "\n")
        if "hard_wrap" in kinds and not any(k.startswith("mojibake_") for k in kinds):
            # (mojibake makes one letter several characters; one word is never cut)
            lines = [x for x in text.replace("\r\n", "\n").split("\n") if " " in x.strip()]
            assert max(len(x) for x in lines) <= 120
        if any(k.startswith(("mojibake_cp1252", "mojibake_latin1")) for k in kinds):
            assert any(lead in text for lead in ("â\u20ac", "â\x80", "â\u2020", "Ã", "Ð", "Â"))
        if any(k.startswith("mojibake_cp1251") for k in kinds):
            assert any(lead in text for lead in ("вЂ", "Р", "С", "Г", "В"))
        if "invisible" in kinds:
            assert "\u00a0" in text or "\u200b" in text
        if layout == "thread":
            threads += 1
            seed_threads += "arrow-up" in text  # the seed's thread; the others are fixtures'
        long_lines = [x.strip() for x in text.split("\n") if len(x.strip()) >= 80]
        n_long += len(long_lines)
        distinct.update(long_lines)
    expected = {"crlf", "hard_wrap", "soft_hyphen", "legacy_cp1251", "invisible"}
    expected |= {f"mojibake_{c}" for c in ("cp1252", "latin1", "cp1251")}
    assert expected <= set(seen)
    mojibake = sum(n for k, n in seen.items() if k.startswith("mojibake_"))
    assert 0.05 * 400 <= mojibake <= 0.16 * 400
    assert 0 < seed_threads < threads / 4  # most documents vary a real-format fixture
    assert len(distinct) > 0.6 * n_long  # paragraphs recombined, not reused


def test_measurements_are_sane(corpus: Path) -> None:
    files = sample_files(corpus_files(corpus), 0.3)
    assert 5 <= len(files) < len(corpus_files(corpus))
    decode = floor_decode(files, progress=False)
    ftfy = floor_ftfy(files, progress=False)
    assert 0 < ftfy["mb_s"] < decode["mb_s"] < 10_000
    times = profile_stages(files, corpus, progress=False)
    assert times.documents == len(files)
    assert times.n_bytes == sum(p.stat().st_size for p in files)
    for stage in ("read", "decode", "repair", "segment", "rows", "validate", "write_parts",
                  "concat", "database", "plan"):  # fmt: skip
        assert times.seconds[stage] > 0, stage
    assert times.cpu["repair"] > 0 and times.cpu["database"] > 0
    assert 0 < times.pure_mb_s() < decode["mb_s"]


def test_cpu_of_a_stage_is_scaled_to_the_corpus_and_set_against_the_target() -> None:
    times = StageTimes()
    times.n_bytes = 10_000_000
    times.cpu["repair"] = 2.0
    assert "repair 60.0s" in stage_cpu_line(times, 300)
    assert "segment 0.0s" in stage_cpu_line(times, 300)
    assert cpu_budget(300, 2) == 30.0  # 20 MB/s: 15 s on two cores


def test_children_cpu_counts_a_grandchild_its_parent_waited_for() -> None:
    burn = "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.3: pass"
    parent = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {burn!r}], check=True)"
    before = children_cpu_seconds()
    subprocess.run([sys.executable, "-c", parent], check=True)
    assert children_cpu_seconds() - before >= 0.3


def test_tree_rss_counts_this_process() -> None:
    total, biggest, proportional = tree_rss(__import__("os").getpid())
    assert total >= biggest > 10 * 2**20
    assert 0 < proportional <= total
