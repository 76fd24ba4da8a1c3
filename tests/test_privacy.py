"""Pseudonyms and removals (`flows.stages.privacy`): on the seeds' thread through the pure
stages, and end to end through the CLI, where no handle of the thread may be left in any
file of the release and a removed comment leaves every table, the database and `search`."""

from __future__ import annotations

import json
import os
import shutil
import typing
from dataclasses import replace
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.config import PipelineConfig
from flows.io.database import load_fts
from flows.io.raw import read_raw, scan_raw_folder
from flows.stages.document import process_document
from flows.stages.privacy import TEXT_FIELDS, TextRewrite, key_id, pseudonym
from flows.stages.records import RawDocument, Removal, SourceInfo, doc_id_for
from flows.stages.validate import check_document_integrity
from schemas import TABLES
from tests.conftest import RAW, run_cli

THREAD = "001_4b5826048d1e6dbc.txt"
DOC_ID = "2fd4c1e868d93602"
HANDLES = (
    "Inbrededcanadian",
    "BalabakMan",
    "Catradora-Stalinism",
    "Neon__volk",
    "enigma",
    "KrupskayaPraxis",
    "averagetankie",
)
"""Every user of the seeds' thread (its post's and comments' authors)."""
REMOVED = f"{DOC_ID}.p0000.c0000"
"""A top-level comment of the thread with one reply."""
REMOVED_WORD = "condescension"
"""A word only the removed comment uses."""


def thread_raw() -> RawDocument:
    corpus = scan_raw_folder(RAW)
    [source] = [source for source in corpus.sources if source.source_file == THREAD]
    raw = read_raw(RAW, source)
    assert isinstance(raw, RawDocument)
    return raw


def read_raw_document(root: Path, source: SourceInfo) -> RawDocument:
    raw = read_raw(root, source)
    assert isinstance(raw, RawDocument)
    return raw


def keyed(key: bytes) -> PipelineConfig:
    return PipelineConfig(pseudonym_key=key)


def every_text(tables: dict[str, list[dict[str, typing.Any]]]) -> str:
    return json.dumps(tables, ensure_ascii=False)


def test_a_pseudonym_depends_on_the_key_and_the_name_only():
    assert pseudonym(b"k1", "enigma") == pseudonym(b"k1", "Enigma")
    assert pseudonym(b"k1", "enigma") != pseudonym(b"k2", "enigma")
    assert pseudonym(b"k1", "enigma") != pseudonym(b"k1", "enigma2")
    assert key_id(b"k1") != key_id(b"k2") and "k1" not in key_id(b"k1")


def test_pseudonyms_replace_every_handle_and_keep_the_rows_whole():
    raw = thread_raw()
    plain = process_document(raw, PipelineConfig())
    first = process_document(raw, keyed(b"secret one"))
    again = process_document(raw, keyed(b"secret one"))
    other = process_document(raw, keyed(b"secret two"))
    assert first.tables == again.tables and first.rejections == []
    text = every_text(first.tables)
    for handle in HANDLES:
        assert handle.casefold() in every_text(plain.tables).casefold()
        assert handle.casefold() not in text.casefold(), handle
    authors = [row["author"] for row in first.tables["comments"]]
    assert authors[0] == pseudonym(b"secret one", "Inbrededcanadian") + "@lemmygrad.ml"
    assert authors == [row["author"] for row in again.tables["comments"]]
    assert all(
        a != b
        for a, b in zip(authors, (row["author"] for row in other.tables["comments"]), strict=True)
    )
    # the OP's post and comment share one pseudonym
    assert first.tables["posts"][0]["author"] == first.tables["comments"][4]["author"]
    # the same rows, ids and counts; spans still inside the new text and around the same words
    for name, rows in plain.tables.items():
        assert len(first.tables[name]) == len(rows), name
    [document] = first.tables["documents"]
    _, problems = check_document_integrity(first.tables, len(document["text"]), THREAD)
    assert problems == []
    for before, after in zip(plain.tables["blocks"], first.tables["blocks"], strict=True):
        old = plain.tables["documents"][0]["text"][before["start"] : before["end"]]
        new = document["text"][after["start"] : after["end"]]
        assert (old == before["text"]) == (new == after["text"])


def test_every_text_field_of_every_table_is_pseudonymised_or_holds_no_name():
    """A new free-text field must be added to TEXT_FIELDS (or to the codes below)."""
    codes = {
        "documents": {"doc_id", "source_file", "sha256", "encoding", "layout", "layout_evidence", "publisher", "language", "rights"},
        "posts": {"post_id", "doc_id", "kind", "published", "published_date"},
        "comments": {"comment_id", "post_id", "parent_id", "root_id", "path", "instance", "age", "published", "published_date", "doc_id"},
        "blocks": {"block_id", "owner_id", "owner_kind", "kind", "doc_id"},
        "footnotes": {"post_id", "doc_id"},
        "dropped": {"rule", "doc_id"},
    }  # fmt: skip
    for model in TABLES:
        if model.table not in codes:
            continue
        strings = {
            name
            for name, field in model.model_fields.items()
            if "str" in str(field.annotation) or "Annotated" in str(field.annotation)
            if "int" not in str(field.annotation) and "float" not in str(field.annotation)
        }
        missing = strings - set(TEXT_FIELDS[model.table]) - codes[model.table]
        assert not missing, f"{model.table}: {sorted(missing)}"


def test_removing_a_comment_takes_its_replies_blocks_and_text():
    raw = thread_raw()
    removal = Removal(REMOVED, "the author asked", "2026-01-31", "removals.json")
    source = replace(raw.source, removals=(removal,))
    plain = process_document(raw, PipelineConfig())
    done = process_document(replace(raw, source=source), PipelineConfig())
    assert done.rejections == []
    gone = {f"{DOC_ID}.p0000.c0000", f"{DOC_ID}.p0000.c0001"}
    assert {row["comment_id"] for row in done.tables["comments"]} == {
        row["comment_id"] for row in plain.tables["comments"]
    } - gone
    tombstones = {row["record_id"]: row for row in done.tables["tombstones"]}
    assert set(tombstones) == gone | {f"{c}.b0000" for c in gone}
    assert tombstones[f"{DOC_ID}.p0000.c0001"]["requested_id"] == REMOVED
    assert {row["level"] for row in tombstones.values()} == {"comment", "block"}
    assert all(row["removal_date"] == "2026-01-31" for row in tombstones.values())
    assert REMOVED_WORD in every_text(plain.tables)
    assert REMOVED_WORD not in every_text(done.tables)
    [document] = done.tables["documents"]
    assert document["original_text"] == document["text"] and document["edits"] == []
    _, problems = check_document_integrity(done.tables, len(document["text"]), THREAD)
    assert problems == []
    kept = {row["comment_id"]: row for row in done.tables["comments"]}
    for row in plain.tables["comments"]:
        if row["comment_id"] in kept:
            new = kept[row["comment_id"]]
            old_text = plain.tables["documents"][0]["text"][row["start"] : row["end"]]
            assert document["text"][new["start"] : new["end"]] == old_text


def test_a_removal_of_a_record_that_does_not_exist_is_a_reject():
    raw = thread_raw()
    missing = Removal(f"{DOC_ID}.p0000.c0099", "typo", None, "removals.json")
    done = process_document(
        replace(raw, source=replace(raw.source, removals=(missing,))), PipelineConfig()
    )
    [rejection] = done.rejections
    assert (rejection.source_file, rejection.reason) == ("removals.json", "ingest_unknown_removal")
    assert len(done.tables["comments"]) == 7 and done.tables["tombstones"] == []


def test_removals_are_read_from_the_folder_and_the_manifest(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    manifest = json.loads((raw / "manifest.json").read_text())
    manifest["removals"] = [{"id": "002_a25de02e65cd97b0.txt", "reason": "rights"}]
    (raw / "manifest.json").write_text(json.dumps(manifest))
    entries = [
        {"id": REMOVED, "reason": "asked", "date": "2026-01-31"},
        {"id": "0123456789abcdef.p0001", "reason": "gone"},
        {"id": REMOVED, "date": "31.01.2026"},
    ]
    (raw / "removals.json").write_text(json.dumps(entries))
    corpus = scan_raw_folder(raw)
    removals = {source.source_file: source.removals for source in corpus.sources}
    assert removals[THREAD] == (Removal(REMOVED, "asked", "2026-01-31", "removals.json"),)
    [listing] = removals["002_a25de02e65cd97b0.txt"]
    assert (listing.reason, listing.listed_in) == ("rights", "manifest.json")
    listed = next(s for s in corpus.sources if s.source_file == "002_a25de02e65cd97b0.txt")
    assert listing.record_id == doc_id_for(listed)  # a file's name names its document
    whole = process_document(read_raw_document(raw, listed), PipelineConfig())
    assert whole.tables["documents"] == [] and whole.tables["posts"] == []
    levels = {row["level"] for row in whole.tables["tombstones"]}
    assert {"document", "post", "block"} <= levels
    assert sorted(r.reason for r in corpus.rejections) == [
        "ingest_bad_removal",
        "ingest_unknown_removal",
    ]


@given(
    st.text(alphabet="ab", min_size=0, max_size=30).flatmap(
        lambda text: st.tuples(
            st.just(text),
            st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, 3), st.text("xy", max_size=4)), max_size=4),
        )
    )
)  # fmt: skip
def test_a_rewrite_maps_untouched_text_onto_itself(case):
    text, wanted = case
    replacements, taken = [], -1
    for start, length, new in sorted(wanted):
        end = min(start + length, len(text))
        if start > taken:
            replacements.append((start, end, new))
            taken = end
    rewrite = TextRewrite(text, replacements)
    cuts = [(s, e) for s, e, _ in replacements]
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            if any((s < end and start < e) or start == s or end == e for s, e in cuts):
                continue  # the span touches a replacement
            assert rewrite.text[rewrite.start(start) : rewrite.end(end)] == text[start:end]


def test_pseudonymize_needs_a_key(tmp_path, monkeypatch):
    monkeypatch.delenv("CORPUS_PSEUDONYM_KEY", raising=False)
    result = run_cli("build", "--out", str(tmp_path / "out"), "--pseudonymize")
    assert result.returncode == 1 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("error: --pseudonymize needs a key")
    assert not (tmp_path / "out" / "releases").exists()


def release_text(release: Path) -> str:
    """Every file of a release as text: Parquet decoded, every table of the database
    (the full-text index's too) dumped, the other files as they are."""
    pieces = []
    for path in sorted(release.rglob("*")):
        if path.suffix == ".parquet":
            pieces.append(
                json.dumps(pq.read_table(path).to_pylist(), ensure_ascii=False, default=str)
            )
        elif path.suffix == ".duckdb":
            with duckdb.connect(str(path), read_only=True) as connection:
                for schema, table in connection.execute(
                    "select schema_name, table_name from duckdb_tables()"
                ).fetchall():
                    rows = connection.execute(f'select * from "{schema}"."{table}"').fetchall()
                    pieces.append(json.dumps(rows, ensure_ascii=False, default=str))
        elif path.is_file():
            pieces.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(pieces)


@pytest.mark.xdist_group("prefect")
def test_pseudonymised_releases_hide_every_handle_and_honour_removals(tmp_path):
    raw, out, key = tmp_path / "raw", tmp_path / "out", tmp_path / "key"
    shutil.copytree(RAW, raw)
    key.write_bytes(os.urandom(32).hex().encode() + b"\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    result = run_cli(
        "build", "--raw", str(raw), "--out", str(out), "--pseudonymize",
        "--pseudonym-key-file", str(key), env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    first = (out / "release").resolve()
    text = release_text(first)
    for handle in HANDLES:
        assert handle.casefold() not in text.casefold(), handle
    assert key.read_text().strip() not in release_text(out)  # nowhere in OUT, caches included
    manifest = json.loads((first / "manifest.json").read_text())
    assert manifest["pseudonym_key_id"] == key_id(key.read_bytes().strip())
    assert "pseudonymised" in (first / "README.md").read_text()

    # the next release, the same key from the environment, one comment removed
    (raw / "removals.json").write_text(
        json.dumps([{"id": REMOVED, "reason": "the author asked", "date": "2026-01-31"}])
    )
    env["CORPUS_PSEUDONYM_KEY"] = key.read_text().strip()
    result = run_cli("build", "--raw", str(raw), "--out", str(out), "--pseudonymize", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    second = (out / "release").resolve()
    assert second != first
    authors = {
        release: dict(
            zip(*pq.read_table(release / "data" / "comments.parquet", columns=["comment_id", "author"]).to_pydict().values(), strict=True)
        )
        for release in (first, second)
    }  # fmt: skip
    gone = {REMOVED, f"{DOC_ID}.p0000.c0001"}
    assert set(authors[second]) == set(authors[first]) - gone
    assert all(authors[second][c] == authors[first][c] for c in authors[second])
    for handle in HANDLES:
        assert handle.casefold() not in release_text(second).casefold(), handle

    for path in (second / "data").glob("*.parquet"):
        table = json.dumps(pq.read_table(path).to_pylist(), ensure_ascii=False, default=str)
        assert REMOVED_WORD not in table, path.stem
        if path.stem != "tombstones":
            assert REMOVED not in table, path.stem
    with duckdb.connect(str(second / "corpus.duckdb"), read_only=True) as connection:
        load_fts(connection)
        for (table,) in connection.execute(
            "select table_name from duckdb_tables() where schema_name = 'main'"
        ).fetchall():
            rows = json.dumps(
                connection.execute(f'select * from "{table}"').fetchall(), default=str
            )
            assert REMOVED_WORD not in rows, table
            assert (REMOVED in rows) == (table == "tombstones"), table
        assert connection.execute("select * from search(?)", [REMOVED_WORD]).fetchall() == []
        tombstones = connection.execute(
            "select record_id, level, reason from tombstones order by record_id"
        ).fetchall()
    assert (REMOVED, "comment", "the author asked") in tombstones and len(tombstones) == 4
    changes = json.loads((second / "changes.json").read_text())
    assert set(changes["tables"]["comments"]["removed"]) == gone
    assert REMOVED in changes["tables"]["tombstones"]["added"]
    assert "tombstones +4" in result.stdout


def test_a_comment_without_a_name_gives_no_name_to_hide():
    from flows.stages.privacy import names_of

    tables = {
        "comments": [
            {"author": None, "instance": None},
            {"author": "anna_k", "instance": None},
        ],
        "posts": [],
        "documents": [],
    }
    assert names_of(tables) == {"anna_k"}  # type: ignore[arg-type]
