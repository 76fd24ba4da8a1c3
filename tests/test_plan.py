"""Batch planning: document-id order, identity-defined boundaries, duplicates found up front,
and the batch cache that reuses a batch's finished part files."""

from __future__ import annotations

import hashlib
import itertools

from hypothesis import given
from hypothesis import strategies as st

from flows.accel.incremental.cache import BatchCache
from flows.plan import PlannedFile, batch_spans, changed_spans, place_batches, plan_batches
from flows.stages.records import SourceInfo, doc_id_for


def planned(name: str, content: str) -> PlannedFile:
    return PlannedFile(SourceInfo(name), hashlib.sha256(content.encode()).hexdigest())


contents = st.lists(st.text(min_size=1, max_size=8), min_size=0, max_size=120)
sizes = st.integers(min_value=1, max_value=9)


@given(contents, sizes)
def test_every_distinct_file_is_in_exactly_one_batch_in_id_order(texts, size):
    files = [planned(f"f{i:03d}.txt", text) for i, text in enumerate(texts)]
    batches, duplicates = plan_batches(files, size)
    members = [f for batch in batches for f in batch.files]
    assert [f.doc_id for f in members] == sorted(f.doc_id for f in members)
    assert sorted(f.sha256 for f in members) == sorted({f.sha256 for f in files})
    assert len(members) + len(duplicates) == len(files)
    assert [b.index for b in batches] == list(range(len(batches)))
    assert all(b.files for b in batches)


@given(contents)
def test_duplicates_keep_the_first_file_by_name(texts):
    files = [planned(f"f{i:03d}.txt", text) for i, text in enumerate(texts)]
    batches, duplicates = plan_batches(reversed(files), 4)
    kept = {f.sha256: f.source.source_file for b in batches for f in b.files}
    for rejection in duplicates:
        assert rejection.reason == "integrity_duplicate_document"
        assert kept[rejection.raw_sha256] < rejection.source_file
        assert kept[rejection.raw_sha256] in rejection.detail


def test_ids_follow_the_source_identity_not_the_bytes():
    """An edited file keeps its id and its batch boundaries; a manifest id names the
    document whatever the file is called; a second claim on one id is refused."""
    files = [planned(f"f{i:03d}.txt", f"text {i}") for i in range(40)]
    before, _ = plan_batches(files, 4)
    edited = [*files[:7], planned("f007.txt", "text 7, edited"), *files[8:]]
    after, _ = plan_batches(edited, 4)
    assert [[f.doc_id for f in b.files] for b in before] == [
        [f.doc_id for f in b.files] for b in after
    ]
    assert sum(a.key != b.key for a, b in zip(before, after, strict=True)) == 1
    named = PlannedFile(SourceInfo("renamed.txt", source_id="https://example.org/7"), "a" * 64)
    again = PlannedFile(SourceInfo("other.txt", source_id="https://example.org/7"), "b" * 64)
    assert named.doc_id == doc_id_for(SourceInfo("x.txt", source_id="https://example.org/7"))
    [batch], [refused] = plan_batches([again, named], 4)
    assert batch.files == (again,)  # the first by name
    assert (refused.source_file, refused.reason) == ("renamed.txt", "integrity_duplicate_document")
    assert "same source id as other.txt" in refused.detail


@given(st.lists(st.text(min_size=1, max_size=8), min_size=1, max_size=150, unique=True), sizes,
       st.data())  # fmt: skip
def test_one_added_or_removed_file_changes_at_most_two_batches(texts, size, data):
    files = [planned(f"f{i:03d}.txt", text) for i, text in enumerate(texts)]
    index = data.draw(st.integers(0, len(files) - 1))
    before, _ = plan_batches(files, size)
    after, _ = plan_batches(files[:index] + files[index + 1 :], size)
    before_keys, after_keys = {b.key for b in before}, {b.key for b in after}
    # removal: at most the file's batch and its successor merge; addition is the reverse
    assert len(before_keys - after_keys) <= 2
    assert len(after_keys - before_keys) <= 1


@given(contents, sizes, st.data())
def test_batches_are_placed_once_each_in_order(texts, size, data):
    """Every batch runs exactly once: held ones locally, the rest on the runner, unless the
    work left is below the threshold, when everything runs locally."""
    batches, _ = plan_batches([planned(f"f{i:03d}.txt", t) for i, t in enumerate(texts)], size)
    stored = {b.key for b in data.draw(st.lists(st.sampled_from(batches)))} if batches else set()
    to_compute = data.draw(st.integers(0, 300))
    inline_below = data.draw(st.sampled_from([0, 1, 128, 10_000]))
    here, there = place_batches(batches, stored, to_compute, inline_below)
    assert sorted(here + there, key=lambda b: b.index) == batches
    assert here == sorted(here, key=lambda b: b.index)
    assert there == sorted(there, key=lambda b: b.index)
    if to_compute < inline_below:
        assert there == []
    else:
        assert {b.key for b in here} <= stored and not {b.key for b in there} & stored


def test_batch_key_follows_bytes_and_manifest_entry():
    [a], _ = plan_batches([planned("a.txt", "x")], 4)
    [b], _ = plan_batches([planned("a.txt", "y")], 4)
    relabelled = PlannedFile(SourceInfo("a.txt", layout="thread"), a.files[0].sha256)
    [c], _ = plan_batches([relabelled], 4)
    assert len({a.key, b.key, c.key}) == 3


def test_batch_cache_round_trip_prune_and_corrupt_entry(tmp_path):
    parts = tmp_path / "parts"
    (parts / "posts").mkdir(parents=True)
    (parts / "posts" / "00000003.arrow").write_bytes(b"part bytes")
    cache = BatchCache(tmp_path / "cache", "config")
    summary = {"row_counts": {"posts": 1}}
    cache.store("key-1", parts, 3, summary)
    restored = tmp_path / "restored"
    assert cache.holds("key-1") and not cache.holds("key-2")
    assert cache.restore("key-1", restored, 7) == summary
    assert (restored / "posts" / "00000007.arrow").read_bytes() == b"part bytes"
    assert cache.restore("key-2", restored, 8) is None
    assert BatchCache(tmp_path / "cache", "other config").restore("key-1", restored, 7) is None
    entry = next((tmp_path / "cache").glob("*/*"))
    (entry / "summary.json").write_text("{truncated")
    assert cache.restore("key-1", restored, 7) is None
    assert cache.damaged == [entry.name] and not entry.exists(), "removed, to be written again"
    cache.store("key-1", parts, 3, summary)
    assert cache.restore("key-1", restored, 7) == summary
    assert cache.prune({"key-1"}) == 0
    assert cache.prune(set()) == 1
    assert cache.restore("key-1", restored, 7) is None


@given(contents, contents, sizes)
def test_documents_outside_the_changed_spans_are_in_a_batch_both_builds_share(
    before_texts, after_texts, size
):
    """What the database update relies on: every document of either build that lies
    outside `changed_spans` is in a batch with the same key (the same members) in both."""
    before, _ = plan_batches([planned(f"a{i}.txt", t) for i, t in enumerate(before_texts)], size)
    after, _ = plan_batches([planned(f"a{i}.txt", t) for i, t in enumerate(after_texts)], size)
    spans = changed_spans(batch_spans(before), batch_spans(after))
    assert spans == sorted(spans)
    assert all(first <= last for first, last in spans)
    assert all(a[1] < b[0] for a, b in itertools.pairwise(spans))  # merged: no overlaps
    shared = {b.key for b in before} & {b.key for b in after}
    for batch in [*before, *after]:
        for member in batch.files:
            doc_id = member.doc_id
            if not any(first <= doc_id <= last for first, last in spans):
                assert batch.key in shared


def test_changed_spans_of_one_changed_file():
    files = [planned(f"f{i:03d}.txt", f"text {i}") for i in range(60)]
    before, _ = plan_batches(files, 8)
    assert changed_spans(batch_spans(before), batch_spans(before)) == []  # nothing changed
    edited = [*files[:10], planned("f010.txt", "text 10, edited"), *files[11:]]
    after, _ = plan_batches(edited, 8)
    spans = changed_spans(batch_spans(before), batch_spans(after))
    assert files[10].doc_id == edited[10].doc_id  # the id follows the name, not the bytes
    assert len(spans) == 1
    assert any(first <= files[10].doc_id <= last for first, last in spans)
    inside = [f for f in files if any(a <= f.doc_id <= b for a, b in spans)]
    assert len(inside) < len(files) // 2  # and most documents are not compared


def test_unsettled_batches_are_compared_even_with_the_same_members():
    """A batch that had a file unreadable or changed mid-build has the same key next time,
    but not the same rows: its range is compared whatever the keys say."""
    from flows.plan import unsettled_batches
    from flows.stages.records import Rejection

    files = [planned(f"f{i:03d}.txt", f"text {i}") for i in range(40)]
    batches, _ = plan_batches(files, 8)
    spans = batch_spans(batches)
    assert changed_spans(spans, spans) == []
    member = batches[1].files[0].source.source_file
    changed = Rejection(member, "ingest", "ingest_changed_during_run", "changed")
    layout = Rejection(
        batches[2].files[0].source.source_file, "ingest", "ingest_unknown_layout", ""
    )
    unsettled = unsettled_batches(batches, [changed, layout])
    assert unsettled == {batches[1].key}  # a manifest's bad layout is no outside event
    assert changed_spans(spans, spans, unsettled) == [spans[1][1:]]
