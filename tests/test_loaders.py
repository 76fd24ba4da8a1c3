"""A fresh release read by the standard clients, offline: Hugging Face `datasets` (every
config of the card, the empty `rejects` included when streamed), `mlcroissant` (every
record set, with the values and types of the Parquet files), `frictionless` (the data
package, its keys checked on the rows) and plain DuckDB with the fts extension loaded by
name. The card, licence and citation files are checked on the same release.

The first three run in the `loaders` environment (tests/loader_clients.py), kept apart
from the pipeline's: they bring pandas, which pyarrow imports, when installed, in every
process that converts Python rows."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml

from flows.io.database import MACROS, VIEWS, fts_extension_path
from flows.publish.card import changelog
from schemas import TABLES
from tests.conftest import RAW, ROOT, run_cli

pytestmark = pytest.mark.xdist_group("prefect")


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One release of the seeds, built through the CLI for this module."""
    out = tmp_path_factory.mktemp("loaders-build")
    result = run_cli("build", "--raw", str(RAW), "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return out / "release"


def _parquet_rows(release: Path, table: str) -> list[dict[str, Any]]:
    return pq.read_table(release / "data" / f"{table}.parquet").to_pylist()


def _front_matter(release: Path) -> dict[str, Any]:
    card = (release / "README.md").read_text(encoding="utf-8")
    loaded = yaml.safe_load(card.split("---\n")[1])
    assert isinstance(loaded, dict)
    return loaded


LOADERS_PYTHON = ROOT / ".venv-loaders" / "bin" / "python"
"""The environment of the `loaders` dependency group, which `make test` creates."""


def client(*args: str, home: Path) -> dict[str, Any]:
    """Run tests/loader_clients.py in the loaders' environment, offline, with Hugging
    Face's caches under `home`; what the loader read, as JSON."""
    if not LOADERS_PYTHON.is_file():
        pytest.fail(f"{LOADERS_PYTHON} is missing: `make .venv-loaders/.synced` makes it")
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(home),
        "HF_HOME": str(home / "hf"),
        "HF_DATASETS_OFFLINE": "1",
        "HF_HUB_OFFLINE": "1",
    }
    result = subprocess.run(
        [str(LOADERS_PYTHON), "-I", str(ROOT / "tests" / "loader_clients.py"), *args],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env=environment,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    loaded = json.loads(result.stdout)
    assert isinstance(loaded, dict)
    return loaded


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("loaders-home")


TABLE_NAMES = [model.table for model in TABLES]
FILLED = [name for name in TABLE_NAMES if name not in ("rejects", "tombstones")]
"""The tables a build of the seeds fills (nothing is rejected or removed)."""
"""The tables that have rows in a build of the seeds (`rejects` is empty)."""


# Hugging Face datasets


@pytest.fixture(scope="module")
def hf_streamed(release: Path, home: Path) -> dict[str, Any]:
    return client("hf", str(release), *TABLE_NAMES, "--streaming", home=home)


@pytest.fixture(scope="module")
def hf_loaded(release: Path, home: Path) -> dict[str, Any]:
    return client("hf", str(release), *TABLE_NAMES, home=home)


def test_card_configs_are_every_table_empty_ones_included(release):
    configs = {config["config_name"]: config for config in _front_matter(release)["configs"]}
    assert list(configs) == TABLE_NAMES
    assert pq.ParquetFile(release / "data" / "rejects.parquet").metadata.num_rows == 0


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_hf_datasets_streams_every_config(release, hf_streamed, table):
    loaded = hf_streamed[table]
    assert "error" not in loaded, loaded.get("error")
    assert loaded["features"] == loaded["expected_features"]
    assert loaded["rows"] == _parquet_rows(release, table)


@pytest.mark.parametrize("table", FILLED)
def test_hf_datasets_loads_every_config_with_rows(release, hf_loaded, table):
    loaded = hf_loaded[table]
    assert "error" not in loaded, loaded.get("error")
    assert loaded["features"] == loaded["expected_features"]
    assert loaded["rows"] == _parquet_rows(release, table)


def test_hf_datasets_refuses_an_empty_split_without_streaming(hf_loaded):
    """datasets 5.2 cannot materialise a split of 0 rows (upstream PR 8401), whatever the
    file; streaming reads it (above). When an upgrade can, this test fails: then drop the
    card's limitation that says so."""
    assert "corresponds to no data" in hf_loaded["rejects"].get("error", "")


# mlcroissant


@pytest.fixture(scope="module")
def croissant_read(release: Path, home: Path) -> dict[str, Any]:
    return client("croissant", str(release), *TABLE_NAMES, home=home)


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_mlcroissant_reads_every_record_set_with_its_values(release, croissant_read, table):
    loaded = croissant_read[table]
    assert "error" not in loaded, loaded.get("error")
    assert loaded["standard_context"]
    assert not loaded["issues"]
    assert not [w for w in loaded["logged_warnings"] if "not standard" in w]
    assert loaded["records"] == _parquet_rows(release, table)


def test_croissant_types_nested_columns_and_dates_the_release(release):
    metadata = json.loads((release / "croissant.json").read_text())
    manifest = json.loads((release / "manifest.json").read_text())
    assert metadata["datePublished"] == manifest["date_published"]
    documents = next(rs for rs in metadata["recordSet"] if rs["@id"] == "documents")
    fields = {field["name"]: field for field in documents["field"]}
    assert fields["fixes"]["repeated"] is True
    assert {sub["name"]: sub["dataType"] for sub in fields["fixes"]["subField"]} == {
        "step": "sc:Text",
        "count": "sc:Integer",
    }
    comments = next(rs for rs in metadata["recordSet"] if rs["@id"] == "comments")
    references = {
        field["name"]: field["references"]["field"]["@id"]
        for field in comments["field"]
        if "references" in field
    }
    assert references == {"doc_id": "documents/doc_id", "post_id": "posts/post_id"}


# frictionless


def test_frictionless_validates_the_data_package_and_its_keys(release, home):
    descriptor = json.loads((release / "datapackage.json").read_text())
    for table in ("comments", "blocks", "footnotes"):
        resource = next(r for r in descriptor["resources"] if r["name"] == table)
        key = {"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}}
        assert key in resource["schema"]["foreignKeys"], table
    report = client("frictionless", str(release), home=home)
    assert report["descriptor_valid"]
    assert report["valid"], report["errors"]
    assert report["tasks"] == TABLE_NAMES


def test_frictionless_finds_a_comment_of_no_document(release, home, tmp_path):
    broken = tmp_path / "release"
    shutil.copytree(release, broken)
    comments = pq.read_table(broken / "data" / "comments.parquet")
    doc_ids = comments.column("doc_id").to_pylist()
    doc_ids[0] = "0" * 16
    comments = comments.set_column(
        comments.schema.get_field_index("doc_id"), "doc_id", pa.array(doc_ids, pa.string())
    )
    pq.write_table(comments, broken / "data" / "comments.parquet")
    report = client("frictionless", str(broken), home=home)
    assert not report["valid"]
    assert report["invalid_tasks"] == ["comments"]
    assert [error_type for error_type, _ in report["errors"]] == ["foreign-key"]


# plain DuckDB


def test_plain_duckdb_runs_search_after_load_fts(release, tmp_path):
    """What a user with only the duckdb package does: `INSTALL fts` (here from the pinned
    wheel's file, offline), `LOAD fts`, then the card's search example, in a process that
    never imports this repository."""
    extension = fts_extension_path()
    assert extension is not None
    code = textwrap.dedent(
        """
        import sys, duckdb
        database, extensions, wheel_file, query = sys.argv[1:]
        con = duckdb.connect(database, read_only=True, config={
            "extension_directory": extensions, "autoinstall_known_extensions": False})
        con.execute("INSTALL '" + wheel_file + "'")
        con.execute("LOAD fts")
        for row in con.execute(query).fetchall():
            print(*row, sep="\\t")
        """
    )
    result = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            code,
            str(release / "corpus.duckdb"),
            str(tmp_path / "extensions"),
            str(extension),
            MACROS["search"].example,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows and all(kind in ("post", "comment") for _, kind, _ in rows)
    scores = [float(score) for _, _, score in rows]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0


# the card, licence and citation


def test_card_documents_every_view_and_macro_with_an_example_that_runs(release):
    import duckdb

    card = (release / "README.md").read_text(encoding="utf-8")
    con = duckdb.connect(str(release / "corpus.duckdb"), read_only=True)
    try:
        con.execute(f"LOAD '{fts_extension_path()}'")
        for name, relation in {**VIEWS, **MACROS}.items():
            assert f"### `{name}`" in card
            assert f"```sql\n{relation.example};\n```" in card
            assert con.execute(relation.example).fetchall(), name
        listed = {
            row[0]
            for row in con.execute(
                "select view_name from duckdb_views() "
                "where database_name = 'corpus' and schema_name = 'main' "
                "union all select function_name from duckdb_functions() "
                "where database_name = 'corpus' and function_type = 'table_macro'"
            ).fetchall()
        }
    finally:
        con.close()
    assert listed == set(VIEWS) | set(MACROS)


def test_card_licence_citation_and_changelog(release):
    front = _front_matter(release)
    assert front["license"] == "other"
    assert (release / front["license_link"]).is_file()
    assert front["license_name"]
    manifest = json.loads((release / "manifest.json").read_text())
    version, date = manifest["version"], manifest["date_published"]
    citation = yaml.safe_load((release / "CITATION.cff").read_text())
    assert citation["cff-version"] == "1.2.0" and citation["type"] == "dataset"
    assert citation["version"] == version and citation["authors"][0]["name"]
    assert str(citation["date-released"]) == date
    card = (release / "README.md").read_text(encoding="utf-8")
    bibtex = card.split("```bibtex\n")[1].split("```")[0]
    assert bibtex.startswith("@misc{") and f"year = {{{date[:4]}}}" in bibtex
    assert "## Changes\n\nFirst release" in card
    assert {"CITATION.cff", "LICENSE.md"} <= set(manifest["files"])


def test_changelog_counts_each_change_per_table():
    changes = {
        "previous_version": "0.1.0-aaaaaaaa",
        "tables": {
            "posts": {"added": ["x.p0001"], "removed": [], "changed": ["x.p0000"]},
            "comments": {"added": [], "removed": ["x.p0000.c0000", "x.c1"], "changed": []},
        },
    }
    text = changelog(changes)
    assert "Since release `0.1.0-aaaaaaaa`" in text
    assert "| `posts` | 1 | 0 | 1 |" in text
    assert "| `comments` | 0 | 2 | 0 |" in text
    assert changelog({"previous_version": None, "tables": {}}).startswith("First release")
