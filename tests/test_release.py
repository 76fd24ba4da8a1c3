"""Release properties: byte-identical rebuilds, readable everywhere, self-describing,
integrity provable in plain SQL, diffs against the previous release."""

from __future__ import annotations

import hashlib
import json
import shutil

import duckdb
import polars as pl
import pyarrow.parquet as pq
import pytest

from flows.io.release import UNPINNED_FILES, content_digest
from schemas import TABLES
from schemas.arrow import arrow_schema
from tests.conftest import RAW, run_cli

pytestmark = pytest.mark.xdist_group("prefect")


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def second_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("second")
    result = run_cli(
        "build", "--raw", str(RAW), "--out", str(out), "--runner", "process", "--batch-size", "1",
        "--inline-below", "0",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return out


def test_rebuild_gives_byte_identical_data(seed_release, second_build):
    """Another runner and other batches (one file each instead of one for all): the same
    bytes, since row groups never depend on how the rows were cut into parts."""
    again = second_build / "release"
    first = json.loads((seed_release / "manifest.json").read_text())
    second = json.loads((again / "manifest.json").read_text())
    pinned = [name for name in first["files"] if name not in UNPINNED_FILES]
    assert {"croissant.json", "datapackage.json", "CITATION.cff"} <= set(pinned)
    assert {f"data/{model.table}.parquet" for model in TABLES} <= set(pinned)
    for name in pinned:
        assert digest(seed_release / name) == digest(again / name), name
    # corpus.duckdb is the one file whose bytes DuckDB does not keep stable (its tables are
    # loaded from the Parquet files above), and changes.json and the card's changelog
    # depend on what the output folder held before: the version's content digest leaves
    # them out.
    assert first["version"] == second["version"]
    assert first["content_digest"] == second["content_digest"] == content_digest(first["files"])
    for manifest in (first, second):
        for name in UNPINNED_FILES:
            del manifest["files"][name]
    assert first == second


@pytest.mark.parametrize("model", TABLES, ids=lambda m: m.table)
def test_parquet_readable_by_every_reader_with_the_model_schema(seed_release, model):
    path = seed_release / "data" / f"{model.table}.parquet"
    table = pq.read_table(path)
    assert table.schema.equals(arrow_schema(model), check_metadata=False)
    metadata = pq.ParquetFile(path).metadata
    if metadata.num_rows:
        assert metadata.row_group(0).column(0).compression == "ZSTD"
    else:  # an empty table is its schema and no row group (`write_table`)
        assert metadata.num_row_groups == 0
    rows = table.num_rows
    assert pl.read_parquet(path).height == rows
    assert duckdb.sql(f"select count(*) from read_parquet('{path}')").fetchone() == (rows,)
    for row in table.to_pylist()[:50]:
        assert model.model_validate(row).model_dump() == row


def test_integrity_holds_in_plain_sql(seed_release):
    checks = {
        "duplicate post ids": "select count(*) - count(distinct post_id) from posts",
        "duplicate comment ids": "select count(*) - count(distinct comment_id) from comments",
        "duplicate block ids": "select count(*) - count(distinct block_id) from blocks",
        "posts without document": "select count(*) from posts anti join documents using (doc_id)",
        "comments without post": "select count(*) from comments anti join posts using (post_id)",
        "parent missing": """select count(*) from comments c where parent_id is not null
            and not exists (select 1 from comments p where p.comment_id = c.parent_id)""",
        "parent in another post": """select count(*) from comments c join comments p
            on p.comment_id = c.parent_id where p.post_id <> c.post_id""",
        "depth not parent + 1": """select count(*) from comments c join comments p
            on p.comment_id = c.parent_id where c.depth <> p.depth + 1""",
        "footnote gaps": """select count(*) from (select post_id, max(number) m, count(*) n
            from footnotes group by post_id) where m <> n""",
        "spans outside text": """select count(*) from (select doc_id, "end" from posts union all
            select doc_id, "end" from comments union all select doc_id, "end" from blocks)
            x join documents d using (doc_id) where x."end" > length(d.text)""",
    }
    with duckdb.connect(str(seed_release / "corpus.duckdb"), read_only=True) as con:
        for name, sql in checks.items():
            assert con.execute(sql).fetchone() == (0,), name


def test_croissant_and_datapackage_describe_the_files(seed_release):
    manifest = json.loads((seed_release / "manifest.json").read_text())
    croissant = json.loads((seed_release / "croissant.json").read_text())
    package = json.loads((seed_release / "datapackage.json").read_text())
    for item in croissant["distribution"]:
        assert item["sha256"] == manifest["files"][item["contentUrl"]]["sha256"]
    field_ids = {f["@id"] for rs in croissant["recordSet"] for f in rs["field"]}
    references = {
        f["@id"]: f["references"]["field"]["@id"]
        for rs in croissant["recordSet"]
        for f in rs["field"]
        if "references" in f
    }
    assert references["comments/post_id"] == "posts/post_id"
    assert references["posts/doc_id"] == "documents/doc_id"
    assert set(references.values()) <= field_ids
    resources = {r["name"]: r for r in package["resources"]}
    for resource in resources.values():
        assert resource["hash"] == "sha256:" + manifest["files"][resource["path"]]["sha256"]
        names = {f["name"] for f in resource["schema"]["fields"]}
        for key in resource["schema"].get("foreignKeys", []):
            assert set(key["fields"]) <= names
            # "" names the resource itself (Table Schema's self-reference)
            target = resources[key["reference"]["resource"] or resource["name"]]
            assert set(key["reference"]["fields"]) <= {
                f["name"] for f in target["schema"]["fields"]
            }
    assert {
        "fields": ["post_id"],
        "reference": {"resource": "posts", "fields": ["post_id"]},
    } in resources["comments"]["schema"]["foreignKeys"]


def test_dataset_card_front_matter_and_fields(seed_release):
    card = (seed_release / "README.md").read_text()
    assert card.startswith("---\n")
    front = card.split("---\n")[1]
    for model in TABLES:
        assert f"path: data/{model.table}.parquet" in front
        for name in model.model_fields:
            assert f"`{name}`" in card
    for heading in (
        "## Sources",
        "## Licence",
        "## Known limitations",
        "## How to cite",
        "## Repair, boilerplate and rejection rules",
        "## Data quality",
    ):
        assert heading in card


def test_fts_index_works_offline(seed_release):
    from flows.io.database import connect_read_only

    con = connect_read_only(seed_release / "corpus.duckdb")
    hits = con.execute("select text_id, kind from search('Kagarlitsky prison')").fetchall()
    assert hits and all(kind in ("post", "comment") for _, kind in hits)
    with pytest.raises(duckdb.Error):
        con.execute("delete from posts")


def test_changes_against_previous_release(second_build, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for seed in sorted(RAW.glob("*.txt"))[1:]:
        shutil.copy(seed, raw / seed.name)
    result = run_cli("build", "--raw", str(raw), "--out", str(second_build))
    assert result.returncode == 0, result.stderr
    release = second_build / "release"
    changes = json.loads((release / "changes.json").read_text())
    previous = json.loads(
        (second_build / "releases")
        .joinpath(changes["previous_version"], "manifest.json")
        .read_text()
    )
    assert previous["version"] != json.loads((release / "manifest.json").read_text())["version"]
    removed = changes["tables"]["documents"]["removed"]
    assert len(removed) == 1 and changes["tables"]["documents"]["added"] == []
    assert changes["tables"]["posts"]["removed"]
    assert len(list((second_build / "releases").iterdir())) == 2
    # "changed" is exactly the ids whose rows differ (the manifest is gone, so publisher,
    # rights and layout of the remaining documents may have changed), compared row by row
    for table, key in (("documents", "doc_id"), ("posts", "post_id"), ("blocks", "block_id")):
        before = {
            row[key]: row
            for row in pq.read_table(
                second_build
                / "releases"
                / changes["previous_version"]
                / "data"
                / f"{table}.parquet"
            ).to_pylist()
        }
        after = {
            row[key]: row
            for row in pq.read_table(release / "data" / f"{table}.parquet").to_pylist()
        }
        differing = sorted(k for k in before.keys() & after.keys() if before[k] != after[k])
        assert changes["tables"][table]["changed"] == differing, table
    assert changes["tables"]["documents"]["changed"]  # the check above saw real changes


ASCII_TEXTS = [
    "The court sentenced Kagarlitsky to five years in prison.",
    "Prison letters: Boris Kagarlitsky writes from prison about the war.",
    "Smart voting was Navalny's plan; voters voted for the strongest rival.",
    "Elections in Moscow. The elections were neither free nor fair, observers said.",
    "A short one.",
    "",
]


def _index_of(texts, tmp_path):
    """A database holding `texts` as post bodies (and one comment) with the pipeline's index."""
    import flows.io.database as database

    tmp_path.mkdir(parents=True, exist_ok=True)
    connection = duckdb.connect(str(tmp_path / "fts.duckdb"))
    database.load_fts(connection)
    connection.execute(
        "create table posts (post_id varchar, doc_id varchar, author varchar, body varchar)"
    )
    connection.execute(
        "create table comments (comment_id varchar, post_id varchar, doc_id varchar, "
        "author varchar, body varchar)"
    )
    for i, text in enumerate(texts):
        connection.execute("insert into posts values (?, 'd', null, ?)", [f"t{i}", text])
    connection.execute(
        "insert into comments values ('c0', 't0', 'd', null, 'a reply in the thread')"
    )
    connection.execute(f"create view texts as {database.VIEWS['texts'][1]}")
    database._create_fts_index(connection, tmp_path / "scratch.duckdb")
    return connection


@pytest.mark.parametrize(
    "query", ["Kagarlitsky prison", "smart voting", "elections Moscow", "the", "absent words"]
)
def test_full_text_index_scores_as_the_fts_extension_on_ascii_text(tmp_path, query):
    """Same BM25 scores and order as the fts extension's own index and `match_bm25`."""
    connection = _index_of(ASCII_TEXTS, tmp_path)
    connection.execute("create table reference as select text_id, body as indexed_body from texts")
    connection.execute("pragma create_fts_index('reference', 'text_id', 'indexed_body')")
    expected = connection.execute(
        "select text_id, score from (select text_id, fts_main_reference.match_bm25(text_id, ?) "
        "as score from reference) where score is not null order by score desc, text_id",
        [query],
    ).fetchall()
    found = connection.execute("select text_id, score from search(?)", [query]).fetchall()
    assert [t for t, _ in found] == [t for t, _ in expected]
    assert [score for _, score in found] == pytest.approx([score for _, score in expected])
    assert bool(found) == (query not in ("the", "absent words"))  # "the" is a stop word


def test_full_text_index_splits_on_typographic_punctuation_and_indexes_cyrillic(tmp_path):
    connection = _index_of(
        ["He called it “smart voting”—and it worked.", "Путин и выборы в Москве", "nothing"],
        tmp_path,
    )
    assert [t for t, *_ in connection.execute("select * from search('smart')").fetchall()] == ["t0"]
    assert [t for t, *_ in connection.execute("select * from search('worked')").fetchall()] == [
        "t0"
    ]
    assert [t for t, *_ in connection.execute("select * from search('путин')").fetchall()] == ["t1"]
    assert connection.execute("select count(*) from search('Москве')").fetchone()[0] == 1


def test_database_out_of_memory_is_built_again_within_a_larger_limit(
    seed_release, tmp_path, caplog
):
    """Not every DuckDB operator spills: a build that runs out of memory is done again
    within the next, larger limit instead of failing the run."""
    import logging

    import flows.io.database as database
    from schemas import TABLES

    path = tmp_path / "corpus.duckdb"
    with caplog.at_level(logging.WARNING, logger="flows.io.database"):
        database.build_database(path, seed_release / "data", TABLES, memory_limit="1MB")
    assert "out of memory within 1MB" in caplog.text
    assert f"building it again within {database.RETRY_MEMORY_LIMITS[0]}" in caplog.text
    assert len(caplog.records) == 1  # the first retry was enough
    connection = database.connect_read_only(path)
    hits = connection.execute("select text_id from search('Kagarlitsky prison')").fetchall()
    assert len(hits) >= 3
    assert connection.execute("select count(*) from posts").fetchone()[0] > 0


def test_database_out_of_memory_at_every_limit_fails(seed_release, tmp_path, monkeypatch, caplog):
    """The retries end: out of memory at the last limit too, the build raises."""
    import logging

    import duckdb

    import flows.io.database as database
    from schemas import TABLES

    monkeypatch.setattr(database, "RETRY_MEMORY_LIMITS", ("2MB",))
    with (
        caplog.at_level(logging.WARNING, logger="flows.io.database"),
        pytest.raises(duckdb.OutOfMemoryException),
    ):
        database.build_database(
            tmp_path / "corpus.duckdb", seed_release / "data", TABLES, memory_limit="1MB"
        )
    assert "building it again within 2MB" in caplog.text


def test_database_build_in_its_own_process_reports_each_step_and_fails_loudly(
    seed_release, tmp_path
):
    """The build's steps come back as it runs them (a long build is not silent), and a
    failed build raises with the end of what the process said."""
    import flows.io.database as database

    steps: list[str] = []
    database.build_database_apart(tmp_path / "corpus.duckdb", seed_release / "data", steps.append)
    assert steps[0] == "loading documents"
    assert [s for s in steps if s.startswith("loading ")] == [
        f"loading {model.table}" for model in TABLES
    ]
    assert steps[-1].startswith("full-text index of ")
    assert (
        database.connect_read_only(tmp_path / "corpus.duckdb")
        .execute("select count(*) from posts")
        .fetchone()[0]
    )

    empty = tmp_path / "no-data"
    empty.mkdir()
    with pytest.raises(database.DatabaseBuildError, match="exit 1"):
        database.build_database_apart(tmp_path / "broken.duckdb", empty)


def test_full_text_index_in_several_passes_equals_one_pass(tmp_path, monkeypatch):
    """Counting words in passes (to bound memory) gives the same index."""
    import flows.io.database as database

    texts = [*ASCII_TEXTS, *(f"Text {i} about prison elections and voting." for i in range(20))]
    one = _index_of(texts, tmp_path / "one")
    monkeypatch.setattr(database, "CHARS_PER_PASS", 50)
    several = _index_of(texts, tmp_path / "several")
    for table in ("dict", "terms", "docs", "stats"):
        query = f"select * from {database.FTS_SCHEMA}.{table} order by all"
        assert one.execute(query).fetchall() == several.execute(query).fetchall(), table
    query = "select text_id, score from search('prison elections voting')"
    assert one.execute(query).fetchall() == several.execute(query).fetchall()
