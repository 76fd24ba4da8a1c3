"""Writing a release: sorted zstd Parquet per table, corpus.duckdb, manifest.json and
SHA256SUMS, assembled in a staging folder and renamed into place (atomic publish)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from flows.io.database import Progress, build_database_apart, no_progress
from flows.io.index import write_local_index
from schemas import TABLES, Record
from schemas.arrow import arrow_schema

ROW_GROUP_SIZE = 64_000
DOCUMENT_ROW_GROUP_SIZE = 512
TEXT_ROW_GROUP_SIZE = 4096
"""Posts and comments carry whole bodies: smaller row groups (DuckDB's unit of parallel
reading) let the database load them on every core."""
_PARQUET_OPTIONS: dict[str, Any] = {
    "compression": "zstd",
    "write_statistics": True,
    "use_dictionary": True,
}
Row = dict[str, Any]


def _sort_value(value: Any) -> tuple[bool, Any]:
    return (value is None, "" if value is None else value)


def sorted_rows(model: type[Record], rows: list[Row]) -> list[Row]:
    """Rows in the table's sort key order (then by their JSON), so output bytes are stable."""
    keys = model.sort_key
    return sorted(
        rows,
        key=lambda row: (
            tuple(_sort_value(row.get(key)) for key in keys),
            json.dumps(row, sort_keys=True, ensure_ascii=False, default=str),
        ),
    )


def new_staging(out_dir: Path) -> Path:
    """A fresh staging folder for this run, next to the releases (same file system)."""
    staging = out_dir / f".staging-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    (staging / "parts").mkdir(parents=True)
    (staging / "data").mkdir()
    return staging


PART_SUFFIX = ".arrow"
_PART_OPTIONS = pa.ipc.IpcWriteOptions(compression="zstd")
"""zstd: the parts are about half the size of lz4's, and writing them is what they cost."""


def sort_table(model: type[Record], table: pa.Table) -> pa.Table:
    """A table in its sort key order (the key is unique: the primary key or a superset).

    A batch's rows usually come out of the stages in that order already (documents in id
    order, records by ordinal); then no column is copied."""
    order = pc.sort_indices(table, sort_keys=[(name, "ascending") for name in model.sort_key])
    if pc.all(pc.equal(order, pa.array(range(len(order)), pa.uint64()))).as_py() is not False:
        return table
    return table.take(order)


def _check_order(
    model: type[Record],
    rows: pa.Table | pa.RecordBatch,
    previous_last: tuple[Any, ...] | None,
    where: str,
) -> tuple[Any, ...]:
    """Raise unless `rows` (sorted) start after `previous_last`; their last sort key."""
    first = tuple(rows.column(k)[0].as_py() for k in model.sort_key)
    if previous_last is not None and first <= previous_last:
        raise RuntimeError(
            f"{model.table}: {where} starts at {first}, not after {previous_last}; "
            "documents must come in document-id order"
        )
    return tuple(rows.column(k)[-1].as_py() for k in model.sort_key)


def _from_rows(model: type[Record], rows: list[Row]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=arrow_schema(model))


class PartWriter:
    """One batch's rows as Arrow IPC part files `<table>/<index>.arrow`, written chunk by
    chunk as the batch goes, so a worker holds one chunk of rows, never the whole batch.

    The batches' files are in document-id order (`flows.plan`) and every table's sort key
    starts with the document id (or an id that begins with it), so chunks cut between
    documents, each sorted, are in order, and the parts laid end to end are the sorted
    table: `concat_parts` streams them into the data file. A file appears under its final
    name only when `close` succeeds.
    """

    def __init__(self, folder: Path, batch_index: int) -> None:
        self.folder = folder
        self.name = f"{batch_index:08d}{PART_SUFFIX}"
        self._writers: dict[str, tuple[pa.OSFile, pa.ipc.RecordBatchFileWriter, Path]] = {}
        self._last: dict[str, tuple[Any, ...]] = {}

    def write(self, tables: Mapping[str, list[Row]]) -> None:
        self.write_pieces({name: [rows] for name, rows in tables.items()})

    def write_pieces(
        self, tables: Mapping[str, Sequence[list[Row] | pa.Table]]
    ) -> dict[str, pa.Table]:
        """Write a chunk given per table as pieces in order: Python rows, or Arrow tables
        of the table's schema (rows found in the cache, written without a round trip
        through Python). The bytes are those of the same rows given as one list. Returns
        what was written, per table that has rows."""
        written: dict[str, pa.Table] = {}
        for model in TABLES:
            pieces = [
                piece if isinstance(piece, pa.Table) else _from_rows(model, piece)
                for piece in tables.get(model.table, ())
                if len(piece)
            ]
            if not pieces:
                continue
            table = pieces[0] if len(pieces) == 1 else pa.concat_tables(pieces)
            table = sort_table(model, table.combine_chunks())
            self._last[model.table] = _check_order(
                model, table, self._last.get(model.table), f"a chunk of batch part {self.name}"
            )
            self._writer(model.table, table.schema).write_table(table)
            written[model.table] = table
        return written

    def _writer(self, table: str, schema: pa.Schema) -> pa.ipc.RecordBatchFileWriter:
        if table not in self._writers:
            target = self.folder / table
            target.mkdir(parents=True, exist_ok=True)
            temporary = target / f".{self.name}.tmp"
            sink = pa.OSFile(str(temporary), "wb")
            writer = pa.ipc.new_file(sink, schema, options=_PART_OPTIONS)
            self._writers[table] = (sink, writer, temporary)
        return self._writers[table][1]

    def __enter__(self) -> PartWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        """`close` when the block succeeded; otherwise (or if closing fails) `abort`, so
        no half-written part is left behind."""
        if kind is None:
            try:
                self.close()
                return
            except BaseException:
                self.abort()
                raise
        self.abort()

    def close(self) -> None:
        for table, (sink, writer, temporary) in sorted(self._writers.items()):
            writer.close()
            sink.close()
            os.replace(temporary, self.folder / table / self.name)
        self._writers.clear()

    def abort(self) -> None:
        for sink, writer, temporary in self._writers.values():
            with contextlib.suppress(Exception):
                writer.close()
            sink.close()
            temporary.unlink(missing_ok=True)
        self._writers.clear()


def write_batch_parts(folder: Path, batch_index: int, tables: dict[str, list[Row]]) -> None:
    """Write one batch's rows, all at once, as its part files (see `PartWriter`)."""
    with PartWriter(folder, batch_index) as writer:
        writer.write(tables)


def _row_group_rows(model: type[Record]) -> int:
    if model.table == "documents":
        return DOCUMENT_ROW_GROUP_SIZE
    return TEXT_ROW_GROUP_SIZE if model.table in ("posts", "comments") else ROW_GROUP_SIZE


def write_table(staging: Path, model: type[Record], rows: list[Row]) -> int:
    """Write a small in-memory table (rejects, qc) straight to its final file, sorted.

    An empty table is a file with its schema and no row group: a row group of 0 rows is
    valid Parquet, but readers that size their batches by the first row group (Hugging
    Face `datasets`) fail on it."""
    table = _from_rows(model, sorted_rows(model, rows))
    with pq.ParquetWriter(
        staging / "data" / f"{model.table}.parquet", table.schema, **_PARQUET_OPTIONS
    ) as writer:
        if len(table):
            writer.write_table(table, row_group_size=_row_group_rows(model))
    return len(rows)


def _flush_groups(
    writer: pq.ParquetWriter,
    schema: pa.Schema,
    pending: list[pa.RecordBatch],
    pending_rows: int,
    group_rows: int,
    count: int,
) -> tuple[list[pa.RecordBatch], int, int]:
    """Write every full row group held in `pending`; what is left, its rows, rows written.

    Each row group is made contiguous first: Parquet pages follow the chunks of what is
    written, and the chunks (batches, `PartWriter` chunks) must not change the bytes."""
    chunk = pa.Table.from_batches(pending, schema=schema)
    while pending_rows >= group_rows:
        group = chunk.slice(0, group_rows).combine_chunks()
        writer.write_table(group, row_group_size=group_rows)
        chunk = chunk.slice(group_rows)
        pending_rows -= group_rows
        count += group_rows
    return chunk.to_batches(), pending_rows, count


def concat_parts(staging: Path, model: type[Record]) -> int:
    """Stream a table's sorted part files, in batch order, into `data/<table>.parquet`,
    in row groups of a fixed size. Memory holds one record batch of a part (a chunk of
    `PartWriter`) and one row group at most.

    Then what it freed is given back: Arrow's default allocator (mimalloc, unless the CLI
    picked the system's) keeps a heap per thread and gives memory back only from the heap
    of the thread that asks, and the flow's threads live on through the database build, so
    memory not released here would be held through it."""
    try:
        return _concat_parts(staging, model)
    finally:
        pa.default_memory_pool().release_unused()


def _concat_parts(staging: Path, model: type[Record]) -> int:
    schema = arrow_schema(model)
    parts = staging / "parts" / model.table
    files = sorted(parts.glob(f"*{PART_SUFFIX}")) if parts.is_dir() else []
    if not files:
        return write_table(staging, model, [])
    group_rows = _row_group_rows(model)
    pending: list[pa.RecordBatch] = []
    pending_rows = count = 0
    previous_last: tuple[Any, ...] | None = None
    with pq.ParquetWriter(
        staging / "data" / f"{model.table}.parquet", schema, **_PARQUET_OPTIONS
    ) as writer:
        for path in files:
            reader = pa.ipc.open_file(str(path))
            for index in range(reader.num_record_batches):
                batch = reader.get_batch(index)
                if not batch.num_rows:
                    continue
                previous_last = _check_order(model, batch, previous_last, f"part {path.name}")
                pending.append(batch)
                pending_rows += batch.num_rows
                if pending_rows >= group_rows:
                    pending, pending_rows, count = _flush_groups(
                        writer, schema, pending, pending_rows, group_rows, count
                    )
        if pending_rows:
            rest = pa.Table.from_batches(pending, schema=schema).combine_chunks()
            writer.write_table(rest, row_group_size=group_rows)
            count += pending_rows
    shutil.rmtree(parts)
    return count


def release_changes(
    previous: Path | None, staging: Path, replaced_documents: Sequence[str] | None = None
) -> dict[str, Any]:
    """Ids added, removed and changed (same id, other content) per table since `previous`.
    A table keyed by several columns names a row by its key's values joined with `/`
    (`<post_id>/<number>` for a footnote); `rejects`, which has no key, is left out.

    Rows are compared by DuckDB's 64-bit `hash` of the whole row, computed by the same
    DuckDB for both releases: a changed row is missed only on a hash collision (odds about
    1 in 2^64 per row). Hashing the rows in DuckDB avoids making a JSON text of every row,
    which is what a digest of each row's JSON would spend its time on.

    `replaced_documents`, when the database update found them (`update_database`: every
    document whose rows differ in any table), limits the comparison to their rows: the
    others are the same in both releases. The data files are in document order, so
    DuckDB reads only the row groups that hold them."""
    changes: dict[str, Any] = {"previous_version": None, "tables": {}}
    if previous is None or not (previous / "manifest.json").is_file():
        return changes
    changes["previous_version"] = json.loads((previous / "manifest.json").read_text())["version"]
    connection = duckdb.connect()
    try:
        for model in TABLES:
            if not model.primary_key:
                continue
            key = " || '/' || ".join(f'"{name}"' for name in model.primary_key)
            old, new = (
                previous / "data" / f"{model.table}.parquet",
                staging / "data" / f"{model.table}.parquet",
            )
            if not old.is_file():
                continue
            only, ids = "", []
            if replaced_documents is not None and "doc_id" in model.model_fields:
                only = "where doc_id in (select unnest(?::varchar[]))"
                ids = [list(replaced_documents)]
            rows = connection.execute(
                f"""
                with old as (select {key} as id, hash(t) as h from read_parquet(?) t {only}),
                     new as (select {key} as id, hash(t) as h from read_parquet(?) t {only})
                select coalesce(new.id, old.id) as id,
                       case when old.id is null then 'added' when new.id is null then 'removed'
                            else 'changed' end as change
                from new full outer join old on new.id = old.id
                where old.id is null or new.id is null or old.h <> new.h
                order by change, id
                """,
                [str(old), *ids, str(new), *ids],
            ).fetchall()
            grouped: dict[str, list[str]] = {"added": [], "removed": [], "changed": []}
            for identifier, change in rows:
                grouped[change].append(identifier)
            changes["tables"][model.table] = grouped
    finally:
        connection.close()
    return changes


def summarize_changes(changes: Mapping[str, Any]) -> str:
    """`changes.json` in one line: per table with any change, ids added, removed, changed.

    >>> summarize_changes({"previous_version": "0.1.0-aa", "tables": {"posts": {
    ...     "added": ["x"], "removed": [], "changed": ["y", "z"]}}})
    'since 0.1.0-aa: posts +1 -0 ~2'
    """
    if changes.get("previous_version") is None:
        return "first release in this folder"
    parts = [
        f"{table} +{len(ids['added'])} -{len(ids['removed'])} ~{len(ids['changed'])}"
        for table, ids in changes["tables"].items()
        if any(ids.values())
    ]
    return f"since {changes['previous_version']}: " + (", ".join(parts) or "no row changed")


UNPINNED_FILES = ("README.md", "changes.json", "corpus.duckdb")
"""Release files whose bytes a version does not fix: `corpus.duckdb` (DuckDB lays out its
file by the threads that wrote it, and an updated database differs from a fresh one in
layout, not in rows), `changes.json` (the difference from what this output folder
published before) and the card `README.md` (its changelog section quotes `changes.json`).
`content_digest` covers every other file but the manifest and SHA256SUMS, which list
these too."""


def content_digest(files: Mapping[str, Mapping[str, Any]]) -> str:
    """Digest of the pinned files' names and sha256s: equal for two builds of one version."""
    pinned = sorted(name for name in files if name not in UNPINNED_FILES)
    lines = "".join(f"{files[name]['sha256']}  {name}\n" for name in pinned)
    return hashlib.sha256(lines.encode()).hexdigest()


def data_file_info(staging: Path) -> dict[str, dict[str, Any]]:
    """Size and sha256 of every file under `data/`, keyed by release-relative path."""
    return {
        path.relative_to(staging).as_posix(): {
            "bytes": path.stat().st_size,
            "sha256": sha256_file(path),
        }
        for path in sorted((staging / "data").glob("*.parquet"))
    }


def build_release_database(staging: Path, progress: Progress = no_progress) -> None:
    """corpus.duckdb from the staged data files, built in a process of its own (DuckDB's
    spill files removed after); `progress` is told each step as it starts."""
    try:
        build_database_apart(staging / "corpus.duckdb", staging / "data", progress)
    finally:
        shutil.rmtree(staging / "duckdb-tmp", ignore_errors=True)


Describe = Callable[[Mapping[str, Any]], Mapping[str, str]]
"""Given the release's changes (`release_changes`), its description files by name: the
card (README.md), LICENSE.md, CITATION.cff, Croissant and the data package."""


def seal_release(
    out_dir: Path,
    staging: Path,
    version: str,
    metadata: dict[str, Any],
    row_counts: dict[str, int],
    describe: Describe,
    replaced_documents: Sequence[str] | None = None,
) -> Path:
    """Finish the staged release (database, changes, the files `describe` gives, manifest,
    checksums), then rename it into `releases/<version>` and point `release` at it. Until
    that rename nothing visible changes, so a failed or killed run leaves the previous
    release untouched. `replaced_documents`: see `release_changes`."""
    shutil.rmtree(staging / "parts", ignore_errors=True)
    if not (staging / "corpus.duckdb").is_file():
        build_release_database(staging)
    previous: Path | None = (out_dir / "release").resolve()
    if previous is not None and (not previous.exists() or previous.name == version):
        previous = None  # never compared with itself
    changes = release_changes(previous, staging, replaced_documents)
    for name, text in describe(changes).items():
        (staging / name).write_text(text, encoding="utf-8")
    (staging / "changes.json").write_text(json.dumps(changes, indent=2, sort_keys=True) + "\n")
    files = sorted(
        path.relative_to(staging).as_posix() for path in staging.rglob("*") if path.is_file()
    )
    listed = {
        name: {"bytes": (staging / name).stat().st_size, "sha256": sha256_file(staging / name)}
        for name in files
    }
    manifest = {
        **metadata,
        "version": version,
        "row_counts": row_counts,
        "files": listed,
        "content_digest": content_digest(listed),
        "unpinned_files": list(UNPINNED_FILES),
    }
    (staging / "manifest.json").write_text(
        json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    sums = [f"{entry['sha256']}  {name}" for name, entry in manifest["files"].items()]
    sums.append(f"{sha256_file(staging / 'manifest.json')}  manifest.json")
    (staging / "SHA256SUMS").write_text("\n".join(sorted(sums, key=lambda s: s[66:])) + "\n")
    _fsync_tree(staging)

    releases = out_dir / "releases"
    releases.mkdir(parents=True, exist_ok=True)
    target = releases / version
    if target.exists():
        retired = out_dir / f".retired-{version}-{os.getpid()}"
        os.replace(target, retired)
        os.replace(staging, target)
        shutil.rmtree(retired)
    else:
        os.replace(staging, target)
    point_release(out_dir, version)
    return target


def point_release(out_dir: Path, version: str) -> None:
    """Point `OUT/release` at `releases/<version>` (atomically; nothing if it does), and
    bring `OUT/releases.json` (`flows.io.index`) up to date with it."""
    link, target = out_dir / "release", Path("releases") / version
    if not (link.is_symlink() and Path(os.readlink(link)) == target):
        _point_link(link, target)
    write_local_index(out_dir)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _point_link(link: Path, target: Path) -> None:
    """Atomically repoint a symlink (write a new one, rename over the old)."""
    temporary = link.with_name(f".{link.name}.{os.getpid()}")
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    temporary.symlink_to(target)
    if link.exists() and not link.is_symlink():
        shutil.rmtree(link)
    os.replace(temporary, link)


def _fsync_tree(root: Path) -> None:
    for path in root.rglob("*"):
        if path.is_file():
            with path.open("rb") as handle:
                os.fsync(handle.fileno())


def clean_stale_staging(out_dir: Path) -> list[Path]:
    """Remove staging folders left by killed runs (called while holding the lock)."""
    removed = []
    for path in sorted(out_dir.glob(".staging-*")) + sorted(out_dir.glob(".retired-*")):
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed
