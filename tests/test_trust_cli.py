"""Releases a user can trust, through the real CLI: a version names fixed bytes (an
unchanged rebuild publishes nothing) and ids survive an edit."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from flows.stages.records import SourceInfo, doc_id_for
from tests.conftest import RAW, run_cli

pytestmark = pytest.mark.xdist_group("prefect")

ID_TABLES = {"posts": "post_id", "comments": "comment_id", "blocks": "block_id"}
EDITED = "001_4b5826048d1e6dbc.txt"  # a thread: a post, comments, blocks


def release_ids(release: Path) -> dict[str, set[str]]:
    return {
        table: set(pq.read_table(release / "data" / f"{table}.parquet").column(key).to_pylist())
        for table, key in ID_TABLES.items()
    }


def test_unchanged_rebuild_is_up_to_date_and_an_edit_keeps_every_id(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(RAW, raw)
    build = ("build", "--raw", str(raw), "--out", str(out))
    first = run_cli(*build)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "changes: first release in this folder" in first.stdout
    v1 = (out / "release").resolve()
    files = {path: path.stat().st_mtime_ns for path in v1.rglob("*") if path.is_file()}

    again = run_cli(*build)  # nothing changed: nothing published
    assert again.returncode == 0, again.stdout + again.stderr
    assert f"up to date: {v1.name}" in again.stdout
    assert [p.name for p in (out / "releases").iterdir()] == [v1.name]
    assert {path: path.stat().st_mtime_ns for path in files} == files

    text = (raw / EDITED).read_text(encoding="utf-8")
    at = text.rindex(" the ")
    (raw / EDITED).write_text(text[:at] + " that " + text[at + 5 :], encoding="utf-8")
    edited = run_cli(*build)
    assert edited.returncode == 0, edited.stdout + edited.stderr
    v2 = (out / "release").resolve()
    assert v2.name != v1.name
    doc_id = doc_id_for(SourceInfo(EDITED))
    mine = {t: {i for i in ids if i.startswith(doc_id)} for t, ids in release_ids(v1).items()}
    assert all(mine.values())
    assert release_ids(v2) == release_ids(v1)  # every id of every document, the edited one's too
    changes = json.loads((v2 / "changes.json").read_text())
    assert changes["previous_version"] == v1.name
    assert changes["tables"]["documents"]["changed"] == [doc_id]
    for table, lists in changes["tables"].items():
        assert lists["added"] == lists["removed"] == [], table
    changed_blocks = changes["tables"]["blocks"]["changed"]
    assert changed_blocks and set(changed_blocks) <= mine["blocks"]
    [line] = [line for line in edited.stdout.splitlines() if line.startswith("changes: ")]
    assert line.startswith(f"changes: since {v1.name}: ") and "documents +0 -0 ~1" in line, line

    (raw / EDITED).write_text(text, encoding="utf-8")  # back as it was: that version again
    reverted = run_cli(*build)
    assert reverted.returncode == 0, reverted.stdout + reverted.stderr
    assert f"up to date: {v1.name}" in reverted.stdout
    assert (out / "release").resolve() == v1
    assert sorted(p.name for p in (out / "releases").iterdir()) == sorted([v1.name, v2.name])
