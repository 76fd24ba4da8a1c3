"""Reading the raw folder: manifest optional, bad manifests and hostile paths refused."""

from __future__ import annotations

import hashlib
import json
import os
import threading

import pytest

from flows.accel.incremental.cache import load_known_digests, save_known_digests
from flows.io import raw as raw_io
from flows.io.folders import RawFolderError, check_raw_folder
from flows.io.raw import fingerprint, input_digest, read_raw, scan_raw_folder
from flows.stages.records import Rejection


def write(folder, name, data: bytes | str):
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return path


def reasons(corpus):
    return sorted(r.reason for r in corpus.rejections)


def test_folder_without_manifest_lists_txt_files_sorted(tmp_path):
    write(tmp_path, "b.txt", "B")
    write(tmp_path, "a.txt", "A")
    write(tmp_path, "notes.md", "ignored")
    corpus = scan_raw_folder(tmp_path)
    assert [s.source_file for s in corpus.sources] == ["a.txt", "b.txt"]
    assert corpus.rejections == []
    assert corpus.sources[0].layout is None


def test_manifest_fields_are_used(tmp_path):
    write(tmp_path, "a.txt", "A")
    write(
        tmp_path,
        "manifest.json",
        json.dumps(
            {"sources": [{"file": "a.txt", "layout": "thread", "publisher": "P", "language": "en"}]}
        ),
    )
    (source,) = scan_raw_folder(tmp_path).sources
    assert (source.layout, source.publisher, source.language) == ("thread", "P", "en")


def test_malformed_manifest_is_rejected_and_files_still_processed(tmp_path):
    write(tmp_path, "a.txt", "A")
    write(tmp_path, "manifest.json", "{not json")
    corpus = scan_raw_folder(tmp_path)
    assert reasons(corpus) == ["ingest_bad_manifest"]
    assert "manifest.json" in corpus.rejections[0].source_file
    assert [s.source_file for s in corpus.sources] == ["a.txt"]


@pytest.mark.parametrize("name", ["../outside.txt", "/etc/passwd", "sub/../../x.txt"])
def test_manifest_path_escaping_the_folder_is_refused(tmp_path, name):
    write(tmp_path, "manifest.json", json.dumps({"sources": [{"file": name}]}))
    assert reasons(scan_raw_folder(tmp_path)) == ["ingest_unsafe_path"]


def test_symlink_pointing_outside_is_refused(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = write(outside, "secret.txt", "secret")
    raw = tmp_path / "raw"
    raw.mkdir()
    os.symlink(secret, raw / "link.txt")
    corpus = scan_raw_folder(raw)
    assert corpus.sources == []
    assert reasons(corpus) == ["ingest_unsafe_path"]


def test_manifest_entry_for_missing_file_and_unknown_layout(tmp_path):
    write(tmp_path, "a.txt", "A")
    write(
        tmp_path,
        "manifest.json",
        json.dumps({"sources": [{"file": "gone.txt"}, {"file": "a.txt", "layout": "newspaper"}]}),
    )
    corpus = scan_raw_folder(tmp_path)
    assert reasons(corpus) == ["ingest_missing_file", "ingest_unknown_layout"]
    assert corpus.sources[0].layout is None


def test_missing_raw_folder_is_a_clear_error(tmp_path):
    with pytest.raises(RawFolderError, match="does not exist"):
        scan_raw_folder(tmp_path / "nope")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda root: None, "does not exist"),
        (lambda root: root.write_text("x"), "is not a folder"),
        (lambda root: root.mkdir(), "holds no .txt files"),
        (lambda root: (root.mkdir(), (root / "a.md").write_text("x")), "holds no .txt files"),
    ],
)
def test_check_raw_folder_refuses_what_cannot_be_built(tmp_path, make, message):
    root = tmp_path / "raw"
    make(root)
    with pytest.raises(RawFolderError, match=message):
        check_raw_folder(root)


def test_input_names_match_in_any_case(tmp_path):
    write(tmp_path, "upper.TXT", "Upper")
    write(tmp_path, "mixed.Txt", "Mixed")
    write(tmp_path, "notes.md", "not an input")
    check_raw_folder(tmp_path)
    assert [s.source_file for s in scan_raw_folder(tmp_path).sources] == ["mixed.Txt", "upper.TXT"]


def test_a_manifest_id_or_url_is_the_source_identity(tmp_path):
    write(tmp_path, "a.txt", "A")
    write(tmp_path, "b.txt", "B")
    write(tmp_path, "c.txt", "C")
    entries = [{"file": "a.txt", "id": "post-17", "url": "https://x.org/17"},
               {"file": "b.txt", "url": "https://x.org/18"}]  # fmt: skip
    write(tmp_path, "manifest.json", json.dumps({"sources": entries}))
    ids = [s.source_id for s in scan_raw_folder(tmp_path).sources]
    assert ids == ["post-17", "https://x.org/18", None]


def test_read_raw_hashes_bytes_and_input_digest_follows_content(tmp_path):
    write(tmp_path, "a.txt", "A")
    corpus = scan_raw_folder(tmp_path)
    raw = read_raw(tmp_path, corpus.sources[0])
    assert raw.sha256 == "559aead08264d5795d3909718cdd05abd49572e84fe55590eef31a88a08fdffd"
    before = input_digest(corpus, fingerprint(tmp_path, corpus.sources)[0])
    write(tmp_path, "a.txt", "A2")
    assert input_digest(corpus, fingerprint(tmp_path, corpus.sources)[0]) != before


def test_a_file_changed_after_planning_is_rejected_not_misfiled(tmp_path):
    write(tmp_path, "a.txt", "A")
    corpus = scan_raw_folder(tmp_path)
    [planned], _ = fingerprint(tmp_path, corpus.sources)
    write(tmp_path, "a.txt", "B")
    rejection = read_raw(tmp_path, planned.source, planned.sha256)
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "ingest_changed_during_run"
    assert rejection.source_file == "a.txt"


def _raw_folder_beside_a_secret(tmp_path):
    """`raw/` holding a.txt, and `outside/secret.txt` next to it; both paths."""
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = write(outside, "secret.txt", "secret")
    raw = tmp_path / "raw"
    raw.mkdir()
    write(raw, "a.txt", "A")
    return raw, secret


def test_manifest_entry_naming_a_symlink_out_of_the_folder_is_refused(tmp_path):
    """A plain name in the manifest can only lead outside through a symlink; that one is
    resolved and refused, while a plain file of the folder keeps its entry."""
    raw, secret = _raw_folder_beside_a_secret(tmp_path)
    os.symlink(secret, raw / "link.txt")
    entries = [{"file": "a.txt", "publisher": "P"}, {"file": "link.txt", "publisher": "Q"}]
    write(raw, "manifest.json", json.dumps({"sources": entries}))
    corpus = scan_raw_folder(raw)
    assert [(s.source_file, s.publisher) for s in corpus.sources] == [("a.txt", "P")]
    refused = [r for r in corpus.rejections if r.source_file == "link.txt"]
    assert {r.reason for r in refused} == {"ingest_unsafe_path"}
    assert any("manifest entry 1" in r.detail for r in refused)


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("..", None),  # the parent folder itself
        ("notes.md", "symlink"),  # not a .txt file, but a symlink out of the folder
    ],
)
def test_manifest_entries_that_lead_outside_without_a_separator_are_refused(tmp_path, name, make):
    """A name with no path separator is a child of the folder unless it is ".." or a
    symlink; the listing tells symlinks whatever their suffix."""
    raw, secret = _raw_folder_beside_a_secret(tmp_path)
    if make == "symlink":
        os.symlink(secret, raw / name)
    entries = [{"file": "a.txt"}, {"file": name}]
    write(raw, "manifest.json", json.dumps({"sources": entries}))
    corpus = scan_raw_folder(raw)
    assert [s.source_file for s in corpus.sources] == ["a.txt"]
    assert [(r.source_file, r.reason) for r in corpus.rejections] == [(name, "ingest_unsafe_path")]


def test_a_folder_named_txt_is_refused_and_a_plain_file_keeps_its_entry(tmp_path):
    """Negative case for the listing: a plain file is no symlink, and keeps its manifest
    entry; a folder whose name ends in .txt is listed, and refused as not a file."""
    write(tmp_path, "a.txt", "A")
    (tmp_path / "sub.txt").mkdir()  # a folder named .txt: not a file, refused as such
    write(tmp_path, "manifest.json", json.dumps({"sources": [{"file": "a.txt", "title": "T"}]}))
    corpus = scan_raw_folder(tmp_path)
    assert [(s.source_file, s.title) for s in corpus.sources] == [("a.txt", "T")]
    assert [(r.source_file, r.reason) for r in corpus.rejections] == [
        ("sub.txt", "ingest_not_a_file")
    ]


def _sources(folder):
    return scan_raw_folder(folder).sources


def test_a_remembered_digest_is_taken_without_reading_the_file(tmp_path, monkeypatch):
    write(tmp_path, "a.txt", "A" * 100)
    write(tmp_path, "b.txt", "B")
    known: dict[str, tuple[str, str]] = {}
    first, _ = fingerprint(tmp_path, _sources(tmp_path), known, settled_seconds=-1)
    assert sorted(known) == ["a.txt", "b.txt"]

    def no_reading(*args, **kwargs):
        raise AssertionError("a file with a remembered digest was read")

    monkeypatch.setattr(raw_io.hashlib, "file_digest", no_reading)
    again, rejections = fingerprint(tmp_path, _sources(tmp_path), known, settled_seconds=-1)
    assert again == first and rejections == []


@pytest.mark.parametrize("change", ["other size", "replaced by another file"])
def test_a_changed_file_is_hashed_again(tmp_path, change):
    """Negative cases: any change of size, or a new file in its place (as editors save),
    changes the stat, and the remembered digest is not taken."""
    path = write(tmp_path, "a.txt", "first")
    known: dict[str, tuple[str, str]] = {}
    fingerprint(tmp_path, _sources(tmp_path), known, settled_seconds=-1)
    if change == "other size":
        path.write_text("first, then more")
    else:
        write(tmp_path, "new.tmp", "other")  # same size
        os.replace(tmp_path / "new.tmp", path)
    (planned,), _ = fingerprint(tmp_path, _sources(tmp_path), known, settled_seconds=-1)
    assert planned.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert known["a.txt"][1] == planned.sha256


def test_a_file_changed_just_now_is_not_remembered(tmp_path):
    """A file whose times are within the file system's granularity of the hashing could
    change again without changing its stat: it is hashed every time until it settles."""
    write(tmp_path, "a.txt", "A")
    known = {"a.txt": ("stale stat", "0" * 64)}
    (planned,), _ = fingerprint(tmp_path, _sources(tmp_path), known)
    assert planned.sha256 == hashlib.sha256(b"A").hexdigest()
    assert known == {}


def test_remembered_digests_are_kept_for_this_builds_files_only(tmp_path):
    cache_dir = tmp_path / "cache"
    known = {"a.txt": ("1:2:3:4:5", "a" * 64), "gone.txt": ("1:2:3:4:6", "b" * 64)}
    save_known_digests(cache_dir, known, ["a.txt"])
    assert load_known_digests(cache_dir) == {"a.txt": ("1:2:3:4:5", "a" * 64)}
    (cache_dir / "fingerprints.json").write_text('{"a.txt": 3}')  # damaged: a miss
    assert load_known_digests(cache_dir) == {}
    assert load_known_digests(tmp_path / "nowhere") == {}


def _in_thread(function, *args, timeout=10.0, **kwargs):
    """`function(*args, **kwargs)` on a daemon thread; fails the test if it has not
    returned within `timeout` seconds (an open or read that blocks)."""
    done: list[object] = []
    worker = threading.Thread(target=lambda: done.append(function(*args, **kwargs)), daemon=True)
    worker.start()
    worker.join(timeout)
    assert done, f"{function.__name__} blocked for more than {timeout} s"
    return done[0]


def _swap_for_symlink_out(raw, secret, name="a.txt"):
    (raw / name).unlink()
    os.symlink(secret, raw / name)


def test_a_file_swapped_for_a_symlink_out_after_listing_is_refused(tmp_path):
    """The listing saw a plain file; by the time it is hashed it is a symlink to a file
    outside the folder: refused from the open descriptor, the secret never read."""
    raw, secret = _raw_folder_beside_a_secret(tmp_path)
    corpus = scan_raw_folder(raw)
    _swap_for_symlink_out(raw, secret)
    planned, rejections = fingerprint(raw, corpus.sources, listed=corpus.listed)
    assert planned == []
    assert [(r.source_file, r.reason) for r in rejections] == [("a.txt", "ingest_unsafe_path")]
    refused = read_raw(raw, corpus.sources[0])  # the batch reader refuses it as well
    assert isinstance(refused, Rejection) and refused.reason == "ingest_unsafe_path"


def test_a_file_replaced_inside_the_folder_after_listing_is_refused(tmp_path):
    """Negative case for symlinks: a symlink to a file inside the folder is read, but a
    different file under the listed name (a hard link to another input here) is not the
    file listed."""
    write(tmp_path, "a.txt", "A")
    write(tmp_path, "b.txt", "B")
    os.symlink("b.txt", tmp_path / "c.txt")
    corpus = scan_raw_folder(tmp_path)
    assert [s.source_file for s in corpus.sources] == ["a.txt", "b.txt", "c.txt"]
    os.unlink(tmp_path / "a.txt")
    os.link(tmp_path / "b.txt", tmp_path / "a.txt")
    planned, rejections = fingerprint(tmp_path, corpus.sources, listed=corpus.listed)
    assert [p.source.source_file for p in planned] == ["b.txt", "c.txt"]
    assert [(r.source_file, r.reason) for r in rejections] == [
        ("a.txt", "ingest_changed_during_run")
    ]
    assert "replaced after the raw folder was listed" in rejections[0].detail


def test_a_stale_remembered_stat_does_not_skip_the_identity_check(tmp_path):
    """A remembered digest is taken only for the file listed: a swapped-in file whose stat
    was remembered under the same name is opened and refused."""
    write(tmp_path, "a.txt", "A")
    write(tmp_path, "b.txt", "B")
    known: dict[str, tuple[str, str]] = {}
    fingerprint(tmp_path, _sources(tmp_path), known, settled_seconds=-1)
    corpus = scan_raw_folder(tmp_path)
    os.replace(tmp_path / "b.txt", tmp_path / "a.txt")  # a.txt now has b's remembered stat
    known["a.txt"] = known["b.txt"]
    planned, rejections = fingerprint(
        tmp_path, corpus.sources[:1], known, settled_seconds=-1, listed=corpus.listed
    )
    assert planned == []
    assert [r.reason for r in rejections] == ["ingest_changed_during_run"]


def test_a_fifo_swapped_in_after_listing_is_refused_without_blocking(tmp_path):
    write(tmp_path, "a.txt", "A")
    corpus = scan_raw_folder(tmp_path)
    (tmp_path / "a.txt").unlink()
    os.mkfifo(tmp_path / "a.txt")
    planned, rejections = _in_thread(fingerprint, tmp_path, corpus.sources, listed=corpus.listed)
    assert planned == []
    assert [(r.reason, r.detail) for r in rejections] == [
        ("ingest_not_a_file", "not a regular file: a FIFO (named pipe)")
    ]
    refused = _in_thread(read_raw, tmp_path, corpus.sources[0])
    assert isinstance(refused, Rejection) and refused.reason == "ingest_not_a_file"


def test_a_fifo_as_manifest_is_ignored_without_blocking(tmp_path):
    write(tmp_path, "a.txt", "A")
    os.mkfifo(tmp_path / "manifest.json")
    corpus = _in_thread(scan_raw_folder, tmp_path)
    assert [s.source_file for s in corpus.sources] == ["a.txt"]
    assert [(r.source_file, r.reason) for r in corpus.rejections] == [
        ("manifest.json", "ingest_bad_manifest")
    ]
    assert "FIFO" in corpus.rejections[0].detail
    assert corpus.manifest_sha256 is None


def test_the_input_digest_covers_the_manifest_bytes_as_parsed(tmp_path):
    """The manifest is read once: its digest is of the bytes its entries came from."""
    write(tmp_path, "a.txt", "A")
    manifest = write(tmp_path, "manifest.json", json.dumps({"sources": [{"file": "a.txt"}]}))
    corpus = scan_raw_folder(tmp_path)
    assert corpus.manifest_sha256 == hashlib.sha256(manifest.read_bytes()).hexdigest()
    planned, _ = fingerprint(tmp_path, corpus.sources)
    before = input_digest(corpus, planned)
    manifest.write_text(json.dumps({"sources": [{"file": "a.txt", "publisher": "P"}]}))
    assert input_digest(scan_raw_folder(tmp_path), planned) != before


def test_a_file_over_the_size_limit_is_refused_from_its_size_unread(tmp_path, monkeypatch):
    """A sparse file (no disk used) of 65 MiB against the default 64 MiB limit; one of
    exactly the limit is read."""
    with open(tmp_path / "big.txt", "wb") as handle:
        handle.truncate(65 * 2**20)
    write(tmp_path, "small.txt", "S" * 1024)
    corpus = scan_raw_folder(tmp_path)

    def no_reading(*args, **kwargs):
        raise AssertionError("a file over the limit was read")

    monkeypatch.setattr(raw_io.hashlib, "file_digest", no_reading)
    planned, rejections = fingerprint(tmp_path, corpus.sources[:1], listed=corpus.listed)
    assert planned == []
    assert [(r.source_file, r.reason, r.detail) for r in rejections] == [
        ("big.txt", "ingest_too_large", "file too large: 65 MB > limit 64 MB (--max-file-mb)")
    ]
    monkeypatch.undo()
    planned, rejections = fingerprint(tmp_path, corpus.sources[1:], max_bytes=1024)
    assert [p.source.source_file for p in planned] == ["small.txt"] and rejections == []
    grown = read_raw(tmp_path, corpus.sources[1], max_bytes=1000)
    assert isinstance(grown, Rejection) and grown.reason == "ingest_too_large"


def test_removals_read_like_every_input_and_named_in_the_input_digest(tmp_path):
    write(tmp_path, "a.txt", "A")
    os.mkfifo(tmp_path / "removals.json")  # would block a plain open forever
    corpus = scan_raw_folder(tmp_path)
    assert reasons(corpus) == ["ingest_bad_removal"]
    assert corpus.removals_sha256 is None
    os.unlink(tmp_path / "removals.json")
    write(tmp_path, "removals.json", json.dumps([{"id": "a.txt", "reason": "asked"}]))
    listed = scan_raw_folder(tmp_path)
    assert reasons(listed) == [] and listed.sources[0].removals
    planned, _ = fingerprint(tmp_path, listed.sources, listed=listed.listed)
    first = input_digest(listed, planned)
    write(tmp_path, "removals.json", json.dumps([{"id": "a.txt", "reason": "other"}]))
    relisted = scan_raw_folder(tmp_path)
    assert input_digest(relisted, fingerprint(tmp_path, relisted.sources)[0]) != first


def test_removals_that_are_not_a_list_are_a_reject_not_ignored(tmp_path):
    write(tmp_path, "a.txt", "A")
    manifest = {"sources": [{"file": "a.txt"}], "removals": {"id": "a.txt"}}
    write(tmp_path, "manifest.json", json.dumps(manifest))
    corpus = scan_raw_folder(tmp_path)
    assert [(r.source_file, r.reason) for r in corpus.rejections] == [
        ("manifest.json", "ingest_bad_removal")
    ]
