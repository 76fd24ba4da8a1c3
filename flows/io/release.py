"""Writing a release: sorted zstd Parquet per table, corpus.duckdb, manifest.json and
SHA256SUMS, assembled in a staging folder and renamed into place (atomic publish)."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import functools
import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from flows.io.database import Progress, build_database_apart, no_progress
from flows.io.folders import RELEASE_LINK, RELEASES_DIR
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

    def write_side(self, name: str, table: pa.Table) -> None:
        """Write a chunk of a part that no release table is made of (`name` is no table's),
        rows as given: the caller keeps them in document order."""
        if table.num_rows:
            self._writer(name, table.schema).write_table(table)

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
    previous: Path | None = None,
) -> Path:
    """Finish the staged release (database, changes, the files `describe` gives, manifest,
    checksums), then publish it as `releases/<version>` and point `release` at it
    (`publish_staged`). `previous`: the verified release to compare with
    (`release_changes`), None for none. `replaced_documents`: see `release_changes`."""
    shutil.rmtree(staging / "parts", ignore_errors=True)
    if not (staging / "corpus.duckdb").is_file():
        build_release_database(staging)
    if previous is not None and previous.name == version:
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
    return publish_staged(out_dir, staging, version)


def publish_staged(out_dir: Path, staging: Path, version: str) -> Path:
    """Make the sealed `staging` folder `releases/<version>` and point `release` at it,
    so that `release` resolves to a complete release at every instant, whenever the run
    is killed, and no step removes the only copy of a release.

    Everything is on disk first (files and folders fsynced). A new version is renamed
    into place, then the link is swapped by renaming a new link over it. A version that
    is there already (damaged or incomplete: a sound one is never built again) is
    exchanged with the staging folder in one atomic step (`renameat2` with
    `RENAME_EXCHANGE`), and the old copy, now at the staging path, is removed last; a
    later run removes it if this one is killed first. On a file system without that
    exchange, the old copy is moved aside to `.retired-<version>-<pid>` for the moment
    between two renames, and a run killed there leaves it for `clean_stale_staging` to
    put back."""
    fsync_tree(staging)
    releases = out_dir / RELEASES_DIR
    releases.mkdir(parents=True, exist_ok=True)
    fsync_directory(out_dir)
    target = releases / version
    if not (target.exists() or target.is_symlink()):
        os.replace(staging, target)
        fsync_directory(releases)
        point_release(out_dir, version)
        return target
    try:
        exchange_paths(staging, target)
    except OSError:  # no atomic exchange here: move the old copy aside for a moment
        retired = out_dir / f"{RETIRED_PREFIX}{version}-{os.getpid()}"
        os.replace(target, retired)
        os.replace(staging, target)
        fsync_directory(releases)
        fsync_directory(out_dir)
        point_release(out_dir, version)
        shutil.rmtree(retired)
        return target
    fsync_directory(releases)
    fsync_directory(out_dir)
    point_release(out_dir, version)
    shutil.rmtree(staging)  # the old copy
    return target


def exchange_paths(first: Path, second: Path) -> None:
    """Swap two paths on one file system in one atomic step: Linux's `renameat2(2)` with
    `RENAME_EXCHANGE`. Raises OSError where the C library or the file system lacks it."""
    libc = _libc()
    renameat2 = getattr(libc, "renameat2", None) if libc is not None else None
    if renameat2 is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available")
    renameat2.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    at_cwd, rename_exchange = -100, 2  # AT_FDCWD, RENAME_EXCHANGE (linux/fs.h)
    if renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), rename_exchange):
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(first), None, str(second))


@functools.cache
def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name, use_errno=True) if name else None
    except OSError:
        return None


def point_release(out_dir: Path, version: str) -> None:
    """Point `OUT/release` at `releases/<version>` (atomically; nothing if it does), and
    bring `OUT/releases.json` (`flows.io.index`) up to date with it."""
    link, target = out_dir / RELEASE_LINK, Path(RELEASES_DIR) / version
    if not (link.is_symlink() and Path(os.readlink(link)) == target):
        _point_link(link, target)
        fsync_directory(out_dir)
    write_local_index(out_dir)


def sha256_file(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _point_link(link: Path, target: Path) -> None:
    """Atomically repoint a symlink (write a new one, rename over the old)."""
    temporary = link.with_name(f".{link.name}.{os.getpid()}")
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    temporary.symlink_to(target)
    if link.exists() and not link.is_symlink():
        shutil.rmtree(link)
    os.replace(temporary, link)


def fsync_file(path: Path) -> None:
    """Flush a file's bytes to disk (before a rename publishes it)."""
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def fsync_directory(path: Path) -> None:
    """Flush a folder's entries to disk (after a rename in it, so the rename survives a
    power cut)."""
    descriptor = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def fsync_tree(root: Path) -> None:
    """fsync every file and folder under `root`, and `root` itself."""
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            fsync_file(path)
        elif path.is_dir() and not path.is_symlink():
            fsync_directory(path)
    fsync_directory(root)


SUMS_LINE = re.compile(r"([0-9a-f]{64})  (\S(?:.*\S)?)")


def release_problem(release: Path) -> str | None:
    """Why the release folder `release` cannot be trusted, or None when it verifies:
    every file its `SHA256SUMS` lists (`manifest.json` among them) has the listed sha256,
    and its manifest is a JSON object naming the folder's version. Reads every listed
    file; lists nothing that a build could follow out of the folder (absolute paths,
    `..`)."""
    try:
        lines = (release / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        return f"SHA256SUMS cannot be read ({error.__class__.__name__})"
    listed: dict[str, str] = {}
    for line in lines:
        match = SUMS_LINE.fullmatch(line)
        name = match.group(2) if match else ""
        if not match or name.startswith("/") or ".." in Path(name).parts:
            return f"SHA256SUMS has a malformed line: {line[:80]!r}"
        listed[name] = match.group(1)
    if "manifest.json" not in listed:
        return "SHA256SUMS does not list manifest.json"
    for name, expected in sorted(listed.items()):
        path = release / name
        try:
            if path.is_symlink() or not path.is_file():
                return f"{name} is missing"
            if sha256_file(path) != expected:
                return f"{name} does not match its checksum"
        except OSError as error:
            return f"{name} cannot be read ({error.strerror})"
    try:
        manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "manifest.json is not valid JSON"
    if not isinstance(manifest, dict) or manifest.get("version") != release.name:
        return "manifest.json does not name this release's version"
    return None


@dataclass(frozen=True)
class FoundReleases:
    """The releases in an output folder that a build may reuse, each verified
    (`release_problem`) before it is: none is reused that fails."""

    current: Path | None
    """`releases/<version>` of the version being built, sound: the build is up to date."""
    previous: Path | None
    """The release `OUT/release` points at, sound, when it is another version."""
    damaged: dict[str, str]
    """Each of those two that failed verification (folder name -> why): not reused."""


def find_releases(out_dir: Path, version: str) -> FoundReleases:
    """Verify `releases/<version>` if it is there, and, unless that one is sound (the
    build then reuses nothing else), the release `OUT/release` points at."""
    damaged: dict[str, str] = {}
    current = out_dir / RELEASES_DIR / version
    if current.exists() or current.is_symlink():
        problem = release_problem(current)
        if problem is None:
            return FoundReleases(current, None, {})
        damaged[current.name] = problem
    link = out_dir / RELEASE_LINK
    previous: Path | None = link.resolve() if link.is_dir() else None
    if previous is not None and previous.name not in damaged:
        problem = release_problem(previous)
        if problem is not None:
            damaged[previous.name] = problem
    if previous is not None and (previous.name in damaged or previous.name == version):
        previous = None
    return FoundReleases(None, previous, damaged)


RETIRED_PREFIX = ".retired-"


def clean_stale_staging(out_dir: Path) -> list[Path]:
    """Remove staging folders left by killed runs (called while holding the lock). An old
    copy a run killed mid-publish left aside (`publish_staged`) is put back as
    `releases/<version>` when that is missing or has no manifest, and removed otherwise."""
    removed = []
    for path in sorted(out_dir.glob(f"{RETIRED_PREFIX}*")):
        version = path.name.removeprefix(RETIRED_PREFIX).rsplit("-", 1)[0]
        target = out_dir / RELEASES_DIR / version
        if version and not (target / "manifest.json").is_file():
            shutil.rmtree(target, ignore_errors=True)
            os.replace(path, target)
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    for path in sorted(out_dir.glob(".staging-*")):
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed
