"""Exact and near duplicates across the whole release, at document and block level.

A record's text is normalised (lower case, words only: runs of letters and digits, one
space between). Records whose normalised texts are equal are *exact* duplicates; records
whose word shingles have an estimated Jaccard similarity of at least
`DuplicateConfig.threshold` (MinHash from rensa; banded LSH in a scratch DuckDB database,
so memory stays bounded however many records there are) are *near* duplicates. Clusters
are the connected groups of either; a cluster's first member is its smallest record id,
which is also the cluster's id, and every member's `similarity` is its estimated
similarity to that first member (1.0 for an exact copy). Nothing is removed: the
`duplicates` table lists only records in a cluster of two or more, for users to filter.

The records' signatures (digest and MinHash, `flows.publish.signatures`) are computed
where their documents are, in the batches' workers, and kept with the batches' other
parts; here they are only banded and compared.

Deterministic: MinHash has a fixed seed, near pairs do not depend on the order records
are read in, and clusters and their members are sorted by id, so the same texts give the
same rows.
"""

from __future__ import annotations

import operator
import tempfile
from array import array
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from flows.config import DuplicateConfig
from flows.publish.signatures import (
    LEVELS,
    SIGNATURES,
    sign,
    signature_table,
)

SCRATCH_MEMORY = "256MB"
"""DuckDB's memory limit for the scratch database; beyond it, it spills to disk."""
SEEN_DIGESTS = 1 << 20
"""Digests remembered so a repeated text's MinHash is not written again (about 100 MB at
most; a forgotten one only costs its MinHash written twice)."""
WRITE_ROWS = 8192
"""Records written to the scratch database, and rows read from it, at a time."""


class _Groups:
    """Union-find over the texts of near pairs (by digest); a group's root is its least
    digest."""

    def __init__(self) -> None:
        self.parent: dict[bytes, bytes] = {}

    def find(self, item: bytes) -> bytes:
        parent = self.parent.setdefault(item, item)
        while parent != item:
            self.parent[item] = self.parent[parent]
            item, parent = parent, self.parent[parent]
        return item

    def join(self, first: bytes, second: bytes) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def find_duplicates(
    level: str,
    records: Iterable[tuple[str, str]],
    config: DuplicateConfig,
    scratch: Path | None = None,
) -> Iterator[dict[str, Any]]:
    """The `duplicates` rows of one level from (record id, text) pairs (any order), each
    signed as a batch signs it (`flows.publish.signatures.sign`), then
    `signature_duplicates`."""
    rows = [
        ("", level, record_id, *signed)
        for record_id, text in records
        if (signed := sign(text, config)) is not None
    ]
    return signature_duplicates(level, [signature_table([rows])], config, scratch)


def signature_duplicates(
    level: str,
    signatures: Iterable[pa.Table | pa.RecordBatch],
    config: DuplicateConfig,
    scratch: Path | None = None,
) -> Iterator[dict[str, Any]]:
    """The `duplicates` rows of one level from its records' signatures (tables of
    `flows.publish.signatures.SCHEMA`, any order).

    One pass writes, per record, its id and digest, and per text its MinHash, to a scratch
    DuckDB database file in `scratch` (a temporary folder if None) that holds at most
    `SCRATCH_MEMORY` in memory; candidate pairs (an equal LSH band), their similarity and
    the clusters are then found in SQL. Memory is thus bounded whatever the number of
    records, apart from the near pairs and the rows themselves. The rows do not depend on
    the order of the records: a pair is a candidate whichever comes first, and the
    Jaccard estimate is symmetric.
    """
    with tempfile.TemporaryDirectory(prefix="duplicates-", dir=scratch) as folder:
        db = duckdb.connect(
            str(Path(folder) / "scratch.duckdb"),  # a file: tables, too, can leave memory
            config={
                "autoinstall_known_extensions": False,
                "memory_limit": SCRATCH_MEMORY,
                "preserve_insertion_order": False,  # every result is ordered or keyed
            },
        )
        try:
            _load(db, signatures, config)
            yield from _rows(db, level, config)
        finally:
            db.close()


def _load(
    db: duckdb.DuckDBPyConnection,
    signatures: Iterable[pa.Table | pa.RecordBatch],
    config: DuplicateConfig,
) -> None:
    """Fill `recs` (record id, digest), `sigs` (digest, MinHash values) and `bands`
    (digest, band number, the band's values) from `signatures`.

    A text's MinHash is written once while its digest is among the `SEEN_DIGESTS` last
    remembered, else again (same values): that bounds what is remembered, not the result.
    """
    db.execute("create table recs (record_id varchar, digest blob)")
    db.execute("create table sigs (digest blob, sig blob)")
    db.execute("create table bands (digest blob, band utinyint, key blob)")
    bands, width = config.num_bands, config.num_perm // config.num_bands
    # a text's MinHash values in one buffer, read as the signature and as its bands' keys
    owner_of = pa.array(array("I", (i for i in range(WRITE_ROWS) for _ in range(bands))))
    band_of = pa.array(list(range(bands)) * WRITE_ROWS, pa.uint8())
    seen: set[bytes] = set()
    recs: list[pa.Table] = []
    new: list[bytes] = []
    values: list[bytes] = []

    def flush_recs() -> None:
        if recs:
            db.from_arrow(pa.concat_tables(recs)).insert_into("recs")
            recs.clear()

    def flush() -> None:
        buffer, count = pa.py_buffer(b"".join(values)), len(new)
        sig = pa.Array.from_buffers(pa.binary(config.num_perm * 4), count, [None, buffer])
        keys = pa.Array.from_buffers(pa.binary(width * 4), count * bands, [None, buffer])
        texts = pa.array(new, pa.binary())
        owners, numbers = owner_of.slice(0, count * bands), band_of.slice(0, count * bands)
        db.from_arrow(pa.table({"digest": texts, "sig": sig})).insert_into("sigs")
        bands_table = pa.table({"digest": texts.take(owners), "band": numbers, "key": keys})
        db.from_arrow(bands_table).insert_into("bands")
        new.clear()
        values.clear()

    for table in signatures:
        if not table.num_rows:
            continue
        recs.append(pa.table({"record_id": table["record_id"], "digest": table["digest"]}))
        if sum(map(len, recs)) >= WRITE_ROWS:
            flush_recs()
        digests, minhashes = table["digest"].to_pylist(), table["minhash"].to_pylist()
        for digest, minhash in zip(digests, minhashes, strict=True):
            if minhash is None or digest in seen:
                continue
            if len(seen) >= SEEN_DIGESTS:
                seen.clear()
            seen.add(digest)
            new.append(digest)
            values.append(minhash)
            if len(new) >= WRITE_ROWS:
                flush()
    flush_recs()
    flush()


def _rows(
    db: duckdb.DuckDBPyConnection, level: str, config: DuplicateConfig
) -> Iterator[dict[str, Any]]:
    """The rows from the loaded `recs` and `sigs`: near pairs are texts with an equal LSH
    band whose share of equal MinHash values reaches the threshold; clusters join them."""
    perm = config.num_perm
    candidates = """with shared as (
            select * from bands semi join (
                select band, key from bands group by all having count(distinct digest) > 1
            ) using (band, key))
        select distinct one.digest as first, two.digest as second from shared one
        join shared two on one.band = two.band and one.key = two.key and one.digest < two.digest"""
    groups = _Groups()
    for first, second, same in _similar(db, candidates, perm):
        if same / perm >= config.threshold:
            groups.join(first, second)
    db.execute("create table comp (digest blob, grp blob)")
    if groups.parent:
        comp = pa.table(
            {
                "digest": pa.array(list(groups.parent), pa.binary()),
                "grp": pa.array([groups.find(digest) for digest in groups.parent], pa.binary()),
            }
        )
        db.from_arrow(comp).insert_into("comp")
    db.execute(
        """create table members as
        with r as (
            select record_id, recs.digest, coalesce(comp.grp, recs.digest) as grp
            from recs left join comp using (digest)),
        g as (
            select grp, min(record_id) as cluster_id, arg_min(digest, record_id) as root
            from r group by grp having count(*) > 1)
        select cluster_id, record_id, digest, root from r join g using (grp)"""
    )
    to_root = "select distinct root as first, digest as second from members where digest <> root"
    similarity = {(root, digest): same / perm for root, digest, same in _similar(db, to_root, perm)}
    found = db.execute("select * from members order by cluster_id, record_id")
    while batch := found.fetchmany(WRITE_ROWS):
        for cluster_id, record_id, digest, root in batch:
            yield {
                "cluster_id": cluster_id,
                "level": level,
                "record_id": record_id,
                "match": "exact" if digest == root else "near",
                "similarity": 1.0 if digest == root else round(similarity[root, digest], 4),
            }


def _similar(
    db: duckdb.DuckDBPyConnection, pairs: str, perm: int
) -> Iterator[tuple[bytes, bytes, int]]:
    """(first, second, equal MinHash values) for each pair of digests the query `pairs`
    gives (more than once when a text's MinHash was written twice: the same values); the
    values are compared in Arrow, a batch of pairs at a time."""
    reader = db.execute(
        f"""with pairs as ({pairs})
        select first, second, x.sig as x, y.sig as y from pairs
        join sigs x on x.digest = first join sigs y on y.digest = second"""
    ).to_arrow_reader(WRITE_ROWS)
    for batch in reader:
        if not batch.num_rows:
            continue
        x, y = (_values(batch[column], perm) for column in ("x", "y"))
        equal = pc.cast(pc.equal(x, y), pa.int64())
        ends = pc.cumulative_sum(equal).take(pa.array(range(perm - 1, len(equal), perm)))
        totals = ends.to_pylist()
        counts = map(operator.sub, totals, [0, *totals[:-1]])
        yield from zip(batch["first"].to_pylist(), batch["second"].to_pylist(), counts, strict=True)


def _values(signatures: pa.Array, perm: int) -> pa.Array:
    """The MinHash values of `signatures` (blobs of `perm` 32-bit values), in one array."""
    fixed = signatures.cast(pa.binary(perm * 4))
    return pa.Array.from_buffers(
        pa.uint32(), len(fixed) * perm, [None, fixed.buffers()[1]], offset=fixed.offset * perm
    )


def read_signatures(staging: Path, level: str) -> Iterator[pa.RecordBatch]:
    """The signatures of every record of `level` in the part files under `staging`, one
    record batch (a batch's chunk) at a time."""
    folder = staging / "parts" / SIGNATURES
    for path in sorted(folder.glob("*.arrow")) if folder.is_dir() else []:
        reader = pa.ipc.open_file(str(path))
        for index in range(reader.num_record_batches):
            batch = reader.get_batch(index)
            yield batch.filter(pc.equal(batch["level"], level))


def release_duplicates(staging: Path, config: DuplicateConfig) -> list[dict[str, Any]]:
    """The `duplicates` rows of the release being built in `staging`, every level, from
    the signature parts its batches wrote."""
    return [
        row
        for level in LEVELS
        for row in signature_duplicates(
            level, read_signatures(staging, level), config, scratch=staging
        )
    ]
