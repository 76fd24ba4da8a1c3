"""Updating the previous release's database gives what a full build of the new data files
gives; where it cannot or should not, the database is built in full, and says why."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from flows.accel.incremental import database_update
from flows.io import database
from schemas import TABLES
from tests.database_tools import assert_same_database, frequent_terms

pytestmark = pytest.mark.xdist_group("prefect")

NEW_WORDS = " Zyxwvut quorble: words no seed has."


def _edited_data(data: Path, target: Path, gone_at: int = 0) -> Path:
    """`data`'s tables with one document gone (its rows in every table; the first one, or
    the one at `gone_at`) and the second one's posts given new words: a removed and a
    changed document."""
    target.mkdir(parents=True)
    ids = pq.read_table(data / "documents.parquet").column("doc_id").to_pylist()
    gone, edited = ids[gone_at], ids[1]
    for model in TABLES:
        table = pq.read_table(data / f"{model.table}.parquet")
        if "doc_id" in table.column_names:
            table = table.filter(pc.not_equal(table["doc_id"], gone))
        if model.table == "posts":
            bodies = [
                body + NEW_WORDS if doc_id == edited else body
                for body, doc_id in zip(
                    table["body"].to_pylist(), table["doc_id"].to_pylist(), strict=True
                )
            ]
            position = table.column_names.index("body")
            table = table.set_column(position, "body", pa.array(bodies, pa.string()))
        pq.write_table(table, target / f"{model.table}.parquet")
    return target


def _release_of(data: Path, folder: Path, manifest: Path) -> Path:
    """A release folder holding `data`, a full build of its database and `manifest`."""
    shutil.copytree(data, folder / "data")
    database.build_database(folder / "corpus.duckdb", folder / "data", TABLES)
    shutil.copy(manifest, folder / "manifest.json")
    return folder


@pytest.fixture
def any_share(monkeypatch):
    """The seeds are a handful of documents: any share of them may change."""
    monkeypatch.setattr(database_update, "MAX_CHANGED_SHARE", 1.0)


def test_release_records_the_database_recipe(seed_release):
    manifest = json.loads((seed_release / "manifest.json").read_text())
    assert manifest["database_recipe"] == database_update.database_recipe(TABLES)


def _words_of_document(data: Path, index: int) -> list[str]:
    """Queries that only the document at `index` may answer: words of its posts."""
    ids = pq.read_table(data / "documents.parquet").column("doc_id").to_pylist()
    posts = pq.read_table(data / "posts.parquet").to_pylist()
    words = " ".join(p["body"] for p in posts if p["doc_id"] == ids[index]).split()
    return [" ".join(words[i : i + 2]) for i in range(0, min(len(words), 40), 4)]


@pytest.mark.parametrize(
    ("direction", "gone_at"),
    [("remove and change", 0), ("remove and change", -1), ("add and change back", 0)],
    ids=["remove the first, change", "remove the last, change", "add and change back"],
)
def test_updated_database_equals_a_full_build(
    seed_release, tmp_path, any_share, direction, gone_at
):
    """The last document's texts have the largest ids of the index: taken out, their
    postings stay behind, and the texts put in must not get their ids."""
    edited = _edited_data(seed_release / "data", tmp_path / "edited", gone_at)
    if direction == "remove and change":
        previous, new_data = seed_release, edited
    else:
        previous = _release_of(edited, tmp_path / "previous", seed_release / "manifest.json")
        new_data = seed_release / "data"
    steps: list[str] = []
    updated, full = tmp_path / "updated.duckdb", tmp_path / "full.duckdb"
    replaced = database_update.update_or_build(
        updated, new_data, TABLES, progress=steps.append, previous=previous
    )
    assert replaced is not None and len(replaced) == 2 and replaced == sorted(replaced)
    documents = pq.read_metadata(new_data / "documents.parquet").num_rows
    assert steps[0] == f"updating the earlier database: 2 of {documents} documents to replace"
    assert steps[1].startswith("full-text index: ") and len(steps) == 2, steps
    database.build_database(full, new_data, TABLES)
    queries = [
        *frequent_terms(full, 12),
        *_words_of_document(seed_release / "data", gone_at),
        "zyxwvut",
        "quorble prison",
    ]
    assert_same_database(updated, full, queries)
    assert (previous / "corpus.duckdb").stat().st_size  # the earlier release is kept


def test_nothing_changed_keeps_every_row(seed_release, tmp_path, any_share):
    steps: list[str] = []
    updated = tmp_path / "updated.duckdb"
    database_update.update_or_build(
        updated, seed_release / "data", TABLES, progress=steps.append, previous=seed_release
    )
    assert steps == [
        "updating the earlier database: 0 of 5 documents to replace",
        "full-text index: 0 texts out, 0 in",
    ]
    queries = frequent_terms(updated, 5)
    assert_same_database(updated, seed_release / "corpus.duckdb", queries)


def _previous(seed_release: Path, folder: Path) -> Path:
    shutil.copytree(seed_release, folder, ignore=shutil.ignore_patterns("*.wal"))
    return folder


def _other_recipe(previous: Path) -> None:
    manifest = json.loads((previous / "manifest.json").read_text())
    manifest["database_recipe"] = "0" * 16
    (previous / "manifest.json").write_text(json.dumps(manifest))


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (_other_recipe, "the earlier database was built by other code"),
        (lambda p: (p / "corpus.duckdb").unlink(), "no earlier database"),
        (lambda p: (p / "data" / "posts.parquet").unlink(), "the earlier release lacks data files"),
        (lambda p: None, "2 of 4 documents to replace"),  # more than MAX_CHANGED_SHARE
    ],
    ids=["other recipe", "no database", "no data file", "too many changed"],
)
def test_database_is_built_in_full_when_it_cannot_be_updated(
    seed_release, tmp_path, damage, reason
):
    previous = _previous(seed_release, tmp_path / "previous")
    damage(previous)
    new_data = _edited_data(seed_release / "data", tmp_path / "edited")
    steps: list[str] = []
    built = tmp_path / "built.duckdb"
    replaced = database_update.update_or_build(
        built, new_data, TABLES, progress=steps.append, previous=previous
    )
    assert replaced is None
    assert steps[0].startswith(reason) and "in full" in steps[0], steps
    assert steps[1] == "loading documents", steps  # a full build followed
    full = tmp_path / "full.duckdb"
    database.build_database(full, new_data, TABLES)
    assert_same_database(built, full, frequent_terms(full, 5))


def test_an_update_that_fails_is_a_full_build_with_a_warning(
    seed_release, tmp_path, any_share, caplog
):
    """An earlier database that DuckDB cannot open (damaged, truncated) is not a crash:
    the database is built in full, and the log says why."""
    previous = _previous(seed_release, tmp_path / "previous")
    (previous / "corpus.duckdb").write_bytes(b"not a database at all" * 100)
    new_data = _edited_data(seed_release / "data", tmp_path / "edited")
    built = tmp_path / "built.duckdb"
    with caplog.at_level(logging.WARNING, logger="flows.io.database"):
        database_update.update_or_build(built, new_data, TABLES, previous=previous)
    assert "database: updating the one of" in caplog.text
    assert "building it in full" in caplog.text
    full = tmp_path / "full.duckdb"
    database.build_database(full, new_data, TABLES)
    assert_same_database(built, full, frequent_terms(full, 5))


def test_recipe_changes_with_the_schemas():
    before = database_update.database_recipe(TABLES)
    assert database_update.database_recipe(TABLES) == before  # stable
    assert database_update.database_recipe(TABLES[:-1]) != before


def test_only_the_documents_within_the_spans_are_compared(seed_release, tmp_path, any_share):
    """The flow passes the id ranges of the batches that changed; documents outside them
    are taken as they were, unread (so the spans must cover every change: a span test in
    tests/test_plan.py checks that `changed_spans` does)."""
    edited = _edited_data(seed_release / "data", tmp_path / "edited")  # 1st gone, 2nd edited
    ids = pq.read_table(seed_release / "data" / "documents.parquet").column("doc_id").to_pylist()
    steps: list[str] = []
    updated = tmp_path / "updated.duckdb"
    replaced = database_update.update_or_build(
        updated, edited, TABLES, progress=steps.append, previous=seed_release,
        spans=[(ids[0], ids[1])],
    )  # fmt: skip
    assert replaced == ids[:2]
    assert steps[0] == "comparing the documents of 1 changed batch spans only", steps
    full = tmp_path / "full.duckdb"
    database.build_database(full, edited, TABLES)
    assert_same_database(updated, full, [*frequent_terms(full, 8), "zyxwvut"])
    # spans that leave both changes out: neither is compared, so neither is replaced
    untouched = database_update.update_or_build(
        tmp_path / "untouched.duckdb", edited, TABLES, previous=seed_release,
        spans=[(ids[2], ids[-1])],
    )  # fmt: skip
    assert untouched == []
