"""Incremental builds: a document's cached results are reused only while its bytes, its
manifest entry, the code and the config are all unchanged."""

from __future__ import annotations

import dataclasses
import json

import pytest

import flows.batch
from flows.accel.incremental import cache as cache_module
from flows.accel.incremental.cache import BatchCache, CachedDocument, DocumentCache, pending_work
from flows.batch import build_batch, iter_batch
from flows.config import PipelineConfig
from flows.io.raw import fingerprint, iter_raw, scan_raw_folder
from flows.plan import plan_batches
from flows.stages.document import BatchResult, process_document
from flows.stages.records import SourceInfo, doc_id_for
from flows.stages.repair import RepairConfig
from tests.conftest import RAW


def run_batch(root, batch, config, cache) -> BatchResult:
    """Every file of the batch through the stages, or from the document cache, in memory."""
    result = BatchResult()
    for done in iter_batch(root, batch, config, cache):
        result.extend(done.to_result() if isinstance(done, CachedDocument) else done)
    return result


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


def copy_seeds(folder):
    folder.mkdir()
    for seed in sorted(RAW.glob("*.txt")):
        (folder / seed.name).write_bytes(seed.read_bytes())
    return folder


def parts_bytes(parts):
    return {p.relative_to(parts).as_posix(): p.read_bytes() for p in sorted(parts.rglob("*.arrow"))}


def test_second_run_takes_the_whole_batch_from_the_cache(tmp_path, counted):
    batch = one_batch(RAW)
    config = PipelineConfig()
    first = build_batch(RAW, tmp_path / "p1", batch, config, tmp_path / "cache")
    second = build_batch(RAW, tmp_path / "p2", batch, config, tmp_path / "cache")
    assert len(counted) == len(batch.files)  # only the first run computed
    assert (second.cached_batches, second.cached_documents) == (1, len(batch.files))
    assert parts_bytes(tmp_path / "p2") == parts_bytes(tmp_path / "p1")
    assert second.repairs == first.repairs and second.row_counts == first.row_counts


def test_documents_found_in_the_cache_equal_computed_ones(tmp_path, counted):
    """A batch that changed takes its unchanged documents' rows from the part files of
    the batch they were in; they equal freshly computed rows, and so do the parts."""
    raw = copy_seeds(tmp_path / "raw")
    config = PipelineConfig()
    build_batch(raw, tmp_path / "p1", one_batch(raw), config, tmp_path / "cache")
    counted.clear()
    changed = one_batch(raw).files[2].source.source_file
    (raw / changed).write_bytes((raw / changed).read_bytes() + b"\nOne more paragraph.\n")
    batch = one_batch(raw)
    again = build_batch(raw, tmp_path / "p2", batch, config, tmp_path / "cache")
    assert counted == [changed]
    assert (again.cached_batches, again.cached_documents) == (0, len(batch.files) - 1)
    fresh = build_batch(raw, tmp_path / "p3", batch, config, None)
    assert parts_bytes(tmp_path / "p2") == parts_bytes(tmp_path / "p3")
    assert again.repairs == fresh.repairs and again.rejections == fresh.rejections

    batches = BatchCache(tmp_path / "cache" / "batches", config.digest())
    documents = DocumentCache(batches)
    computed = run_batch(raw, batch, config, None)
    cached = run_batch(raw, batch, config, documents)
    assert documents.hits == len(batch.files)
    assert cached.tables == computed.tables


def test_pending_work_counts_what_a_build_would_compute(tmp_path, counted):
    """What the flow plans from (`pending_work`) is what `build_batch` then does: batches
    held whole, and how many documents of the others it computes."""
    raw = copy_seeds(tmp_path / "raw")
    config, cache = PipelineConfig(), tmp_path / "cache"
    batch = one_batch(raw)
    before = pending_work(cache, config.digest(), [batch])
    assert (before.stored_batches, before.documents_to_compute) == (set(), len(batch.files))
    build_batch(raw, tmp_path / "p1", batch, config, cache)
    held = pending_work(cache, config.digest(), [batch])
    assert (held.stored_batches, held.documents_to_compute) == ({batch.key}, 0)
    assert pending_work(cache, "other config", [batch]).documents_to_compute == len(batch.files)

    changed = batch.files[1].source.source_file
    (raw / changed).write_bytes((raw / changed).read_bytes() + b"\nOne more paragraph.\n")
    batch = one_batch(raw)
    planned = pending_work(cache, config.digest(), [batch])
    assert (planned.stored_batches, planned.documents_to_compute) == (set(), 1)
    counted.clear()
    build_batch(raw, tmp_path / "p2", batch, config, cache)
    assert len(counted) == planned.documents_to_compute


def test_config_code_and_manifest_changes_invalidate(tmp_path, monkeypatch):
    source = scan_raw_folder(RAW).sources[0]
    from flows.io.raw import read_raw

    def cache_for(digest):
        return DocumentCache(BatchCache(tmp_path / "b", digest))

    raw = read_raw(RAW, source)
    base = cache_for(PipelineConfig().digest()).key(raw)
    other_config = PipelineConfig(repair=RepairConfig(unwrap_lines=False))
    assert cache_for(other_config.digest()).key(raw) != base
    assert PipelineConfig(batch_size=7, use_cache=False).digest() == PipelineConfig().digest()
    relabelled = dataclasses.replace(raw, source=dataclasses.replace(source, layout="article"))
    assert cache_for(PipelineConfig().digest()).key(relabelled) != base
    monkeypatch.setattr(cache_module, "code_digest", lambda: "another version of the code")
    assert cache_for(PipelineConfig().digest()).key(raw) != base


def test_the_code_digest_reads_the_pipelines_own_files():
    """`code_digest` hashes the sources under the repository's `flows` and `schemas`: a
    root one folder off would hash no file, and a code change would reuse stale rows."""
    root = cache_module.CODE_ROOT
    assert (root / "flows" / "batch.py").is_file() and (root / "schemas" / "models.py").is_file()


@pytest.mark.parametrize("library", cache_module.OUTPUT_LIBRARIES)
def test_another_version_of_a_library_that_shapes_the_rows_is_other_code(monkeypatch, library):
    """Another ftfy (say) repairs differently: the cache must not serve what the old one
    made, though no source file of the pipeline changed."""
    real = cache_module.metadata.version
    cache_module.code_digest.cache_clear()
    base = cache_module.code_digest()
    monkeypatch.setattr(
        cache_module.metadata,
        "version",
        lambda name: "0.0.0-other" if name == library else real(name),
    )
    cache_module.code_digest.cache_clear()
    try:
        assert cache_module.code_digest() != base
    finally:
        monkeypatch.undo()
        cache_module.code_digest.cache_clear()
    assert cache_module.code_digest() == base  # and nothing else moves it


@pytest.mark.parametrize("damage", ["truncated entry", "batch entry gone", "part gone"])
def test_broken_cache_entry_is_a_miss_not_a_crash(tmp_path, damage):
    import shutil

    config = PipelineConfig()
    batch = one_batch(RAW)
    build_batch(RAW, tmp_path / "p1", batch, config, tmp_path / "cache")
    batches = BatchCache(tmp_path / "cache" / "batches", config.digest())
    documents = DocumentCache(batches)  # planned while the entry was whole
    raw = next(iter_raw(RAW, [batch.files[0].source]))
    entry = batches.entry_folder(batches.entry_key(batch.key))
    if damage == "truncated entry":
        (entry / "documents.json").write_text("{truncated")
    elif damage == "batch entry gone":
        shutil.rmtree(entry)
    else:
        (entry / "documents.arrow").unlink()
    assert documents.get(raw) is None
    assert (documents.hits, documents.misses) == (0, 1)


def test_rebuild_after_one_changed_file_reuses_other_batches_and_equals_a_fresh_build(
    tmp_path,
):
    """Through the CLI: one file of a generated corpus changes; only the batches it left
    and joined are redone, the data files equal those of a build without any cache, and
    the database, updated, holds what a fresh one holds."""
    import re
    import shutil

    from benchmarks.corpus import generate_corpus
    from flows.io.release import release_changes
    from tests.conftest import run_cli
    from tests.database_tools import assert_same_database, frequent_terms

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
    # the database was updated, not built again, and holds what a fresh one holds
    # (one document: an edited file keeps its id)
    assert re.search(r"updating the earlier database: 1 of \d+ documents", again.stdout)
    # only the batches that differ were compared (the flow remembered the release's batches)
    spans = re.search(r"comparing the documents of (\d+) changed batch spans", again.stdout)
    assert spans and 1 <= int(spans.group(1)) <= 3, again.stdout
    expected = fresh / "release" / "corpus.duckdb"
    assert_same_database(out / "release" / "corpus.duckdb", expected, frequent_terms(expected, 8))
    # the change list, made from the replaced documents' rows alone, is the full comparison's
    current = (out / "release").resolve()
    [earlier] = [r for r in (out / "releases").iterdir() if r != current]
    written = json.loads((current / "changes.json").read_text())
    assert written == json.loads(json.dumps(release_changes(earlier, current)))
    assert written["tables"]["documents"]["changed"] == [doc_id_for(SourceInfo(changed.name))]
    assert (
        written["tables"]["documents"]["added"] == written["tables"]["documents"]["removed"] == []
    )


def test_part_bytes_do_not_depend_on_whether_rows_come_as_python_or_arrow(tmp_path):
    """Cached documents reach the part writer as Arrow slices, computed ones as Python
    rows; any mix of the two, in order, writes the bytes of the rows as one list."""
    import pyarrow as pa

    from flows.io.release import PartWriter
    from schemas import TABLES
    from schemas.arrow import arrow_schema

    tables = run_batch(RAW, one_batch(RAW), PipelineConfig(), None).tables
    assert all(tables[name] for name in ("documents", "posts", "blocks"))
    with PartWriter(tmp_path / "whole", 0) as whole:
        whole.write(tables)
    pieces = {}
    for model in TABLES:
        rows = tables.get(model.table, [])
        cut = len(rows) // 2
        head = pa.Table.from_pylist(rows[:cut], schema=arrow_schema(model))
        pieces[model.table] = [head.slice(0, cut // 2), head.slice(cut // 2), rows[cut:], []]
    with PartWriter(tmp_path / "mixed", 0) as mixed:
        mixed.write_pieces(pieces)
    assert parts_bytes(tmp_path / "mixed") == parts_bytes(tmp_path / "whole")


def test_a_batch_that_fails_leaves_no_part_file(tmp_path):
    """A part file appears under its name only when the batch's writer closes cleanly."""
    from flows.io.release import PartWriter

    tables = run_batch(RAW, one_batch(RAW), PipelineConfig(), None).tables
    with pytest.raises(RuntimeError, match="stage failed"), PartWriter(tmp_path, 0) as writer:
        writer.write(tables)
        raise RuntimeError("stage failed")
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
    with PartWriter(tmp_path, 0) as writer:
        writer.write(tables)
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["00000000.arrow"] * len(
        [name for name, rows in tables.items() if rows]
    )


def test_release_batches_describe_only_the_release_and_pipeline_they_were_saved_for(tmp_path):
    """The database update compares only the documents of changed batches; what it is told
    of the previous release's batches must be about that release, built by this code."""
    from flows.accel.incremental.cache import load_release_batches, save_release_batches

    cache_dir, release = tmp_path / "cache", tmp_path / "release"
    release.mkdir()

    def manifest(input_digest, pipeline):
        document = {"input_digest": input_digest, "pipeline_digest": pipeline}
        (release / "manifest.json").write_text(json.dumps(document))

    spans = [("a" * 64, "0" * 16, "7" * 16), ("b" * 64, "8" * 16, "f" * 16)]
    manifest("I", "P")
    save_release_batches(cache_dir, "I", "P", spans)
    assert load_release_batches(cache_dir, release, "P") == spans
    assert load_release_batches(cache_dir, release, "Q") is None  # other code or config now
    manifest("I", "R")  # the release was built again by other code since
    assert load_release_batches(cache_dir, release, "P") is None
    manifest("J", "P")  # or from other input
    assert load_release_batches(cache_dir, release, "P") is None
    manifest("I", "P")
    save_release_batches(cache_dir, "I", "P", [("a" * 64, "' or true or '", "f" * 16)])
    assert load_release_batches(cache_dir, release, "P") is None  # not a document id
    (cache_dir / "release-batches.json").write_text("{not json")
    assert load_release_batches(cache_dir, release, "P") is None


@pytest.mark.parametrize("changed_after_planning", [True, False])
def test_a_batch_with_a_file_changed_while_it_ran_is_not_cached(tmp_path, changed_after_planning):
    """Its rows say what the file system did during this build: the next one reads the file
    again (negative case: a batch read as planned is cached)."""
    import shutil

    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    batch = one_batch(raw)
    if changed_after_planning:
        victim = raw / batch.files[0].source.source_file
        victim.write_bytes(victim.read_bytes() + b"\nchanged after planning\n")
    config = PipelineConfig()
    summary = build_batch(raw, tmp_path / "parts", batch, config, tmp_path / "cache")
    reasons = {r.reason for r in summary.rejections}
    assert ("ingest_changed_during_run" in reasons) is changed_after_planning
    cached = BatchCache(tmp_path / "cache" / "batches", config.digest()).holds(batch.key)
    assert cached is not changed_after_planning


def test_a_rebuild_signs_only_the_changed_document(tmp_path, monkeypatch):
    """A document taken from the cache brings its near-duplicate signatures along: the
    batch rebuilt after one file changed reads the words of that file's texts only."""
    import pyarrow as pa

    from flows.publish import signatures

    raw = copy_seeds(tmp_path / "raw")
    config = PipelineConfig()
    build_batch(raw, tmp_path / "p1", one_batch(raw), config, tmp_path / "cache")
    changed = one_batch(raw).files[2].source.source_file
    (raw / changed).write_bytes((raw / changed).read_bytes() + b"\nOne more paragraph.\n")
    read: list[str] = []
    words = signatures.normalized_words
    monkeypatch.setattr(
        signatures, "normalized_words", lambda text: read.append(text) or words(text)
    )
    build_batch(raw, tmp_path / "p2", one_batch(raw), config, tmp_path / "cache")
    doc_id = doc_id_for(SourceInfo(changed))
    own = set()
    for table in ("documents", "blocks"):
        rows = pa.ipc.open_file(str(tmp_path / "p2" / table / "00000000.arrow")).read_all()
        own |= {row["text"] for row in rows.to_pylist() if row["doc_id"] == doc_id}
    assert read and set(read) <= own
    signed = pa.ipc.open_file(str(tmp_path / "p2" / "signatures" / "00000000.arrow")).read_all()
    assert set(signed["doc_id"].to_pylist()) == {
        doc_id_for(f.source) for f in one_batch(raw).files
    } - {None}
