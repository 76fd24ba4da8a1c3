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

Deterministic: MinHash has a fixed seed, near pairs do not depend on the order records
are read in, and clusters and their members are sorted by id, so the same texts give the
same rows.
"""

from __future__ import annotations

import hashlib
import operator
import re
import tempfile
from array import array
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from flows.config import DuplicateConfig

WORD = re.compile(r"[^\W_]+")
"""A run of letters and digits."""
LEVELS = {"document": ("documents", "doc_id", "text"), "block": ("blocks", "block_id", "text")}
"""Each level: its table, record id column and text column."""
READ_ROWS = 256
"""Records read from Parquet at a time: a batch's texts are held twice (Arrow and Python),
and a document's text can be megabytes."""
SEED = 20251205
"""MinHash's seed: fixed, so the estimates (and the rows) are reproducible."""
SCRATCH_MEMORY = "256MB"
"""DuckDB's memory limit for the scratch database; beyond it, it spills to disk."""
SEEN_DIGESTS = 1 << 20
"""Digests remembered so a repeated text's MinHash is not computed again (about 100 MB at
most; a forgotten one only costs its MinHash again)."""
WRITE_ROWS = 8192
"""Records written to the scratch database, and rows read from it, at a time."""


def normalized_words(text: str) -> list[str]:
    """The words of `text`, lower-cased."""
    return WORD.findall(text.lower())


def _shingles(words: list[str], size: int) -> list[str]:
    """Every run of `size` consecutive words, joined by spaces (the whole text if shorter)."""
    if len(words) <= size:
        return [" ".join(words)]
    return list(map(" ".join, zip(*(words[i:] for i in range(size)), strict=False)))


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
    """The `duplicates` rows of one level from (record id, text) pairs (any order).

    One pass over the records writes, per record, its id and a digest of its words, and per
    text its MinHash, to a scratch DuckDB database file in `scratch` (a temporary folder if
    None) that holds at most `SCRATCH_MEMORY` in memory; candidate pairs (an equal LSH
    band), their similarity and the clusters are then found in SQL. Memory is thus bounded
    whatever the number of records, apart from the near pairs and the rows themselves. The
    rows do not depend on the order of the records: a pair is a candidate whichever comes
    first, and the Jaccard estimate is symmetric.
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
            _load(db, records, config)
            yield from _rows(db, level, config)
        finally:
            db.close()


def _load(
    db: duckdb.DuckDBPyConnection, records: Iterable[tuple[str, str]], config: DuplicateConfig
) -> None:
    """Fill `recs` (record id, digest), `sigs` (digest, MinHash values) and `bands`
    (digest, band number, the band's values) from `records`.

    A text's MinHash is computed once while its digest is among the `SEEN_DIGESTS` last
    remembered, else again (same values): that bounds what is remembered, not the result.
    """
    from rensa import RMinHash

    db.execute("create table recs (record_id varchar, digest blob)")
    db.execute("create table sigs (digest blob, sig blob)")
    db.execute("create table bands (digest blob, band utinyint, key blob)")
    bands, width = config.num_bands, config.num_perm // config.num_bands
    # a text's MinHash values in one buffer, read as the signature and as its bands' keys
    owner_of = pa.array(array("I", (i for i in range(WRITE_ROWS) for _ in range(bands))))
    band_of = pa.array(list(range(bands)) * WRITE_ROWS, pa.uint8())
    seen: set[bytes] = set()
    ids: list[str] = []
    digests: list[bytes] = []
    new: list[bytes] = []
    values = array("I")

    def flush() -> None:
        nonlocal values
        recs = pa.table({"record_id": ids, "digest": pa.array(digests, pa.binary())})
        buffer, count = pa.py_buffer(values), len(new)
        sig = pa.Array.from_buffers(pa.binary(config.num_perm * 4), count, [None, buffer])
        keys = pa.Array.from_buffers(pa.binary(width * 4), count * bands, [None, buffer])
        texts = pa.array(new, pa.binary())
        owners, numbers = owner_of.slice(0, count * bands), band_of.slice(0, count * bands)
        db.from_arrow(recs).insert_into("recs")
        db.from_arrow(pa.table({"digest": texts, "sig": sig})).insert_into("sigs")
        bands_table = pa.table({"digest": texts.take(owners), "band": numbers, "key": keys})
        db.from_arrow(bands_table).insert_into("bands")
        for pending in (ids, digests, new):
            pending.clear()
        values = array("I")  # the written one may still be exported to Arrow

    for record_id, text in records:
        words = normalized_words(text)
        if len(words) < config.min_words:
            continue
        digest = hashlib.blake2b(" ".join(words).encode(), digest_size=16).digest()
        ids.append(record_id)
        digests.append(digest)
        if digest not in seen:
            if len(seen) >= SEEN_DIGESTS:
                seen.clear()
            seen.add(digest)
            minhash = RMinHash(num_perm=config.num_perm, seed=SEED)
            minhash.update(_shingles(words, config.shingle_words))
            new.append(digest)
            values.extend(minhash.digest())
        if len(ids) >= WRITE_ROWS:
            flush()
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


def read_records(data: Path, level: str) -> Iterator[tuple[str, str]]:
    """(record id, text) of every record of `level` in the release folder `data`."""
    table, id_column, text_column = LEVELS[level]
    parquet = pq.ParquetFile(data / f"{table}.parquet")
    for batch in parquet.iter_batches(columns=[id_column, text_column], batch_size=READ_ROWS):
        yield from zip(batch.column(0).to_pylist(), batch.column(1).to_pylist(), strict=True)


def release_duplicates(data: Path, config: DuplicateConfig) -> list[dict[str, Any]]:
    """The `duplicates` rows of the release in the folder `data`, every level."""
    return [
        row
        for level in LEVELS
        for row in find_duplicates(level, read_records(data, level), config, scratch=data.parent)
    ]
