"""Exact and near duplicates across the whole release, at document and block level.

A record's text is normalised (lower case, words only: runs of letters and digits, one
space between). Records whose normalised texts are equal are *exact* duplicates; records
whose word shingles have an estimated Jaccard similarity of at least
`DuplicateConfig.threshold` (MinHash, banded LSH; rensa) are *near* duplicates. Clusters
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
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

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


def normalized_words(text: str) -> list[str]:
    """The words of `text`, lower-cased."""
    return WORD.findall(text.lower())


def _shingles(words: list[str], size: int) -> list[str]:
    """Every run of `size` consecutive words, joined by spaces (the whole text if shorter)."""
    if len(words) <= size:
        return [" ".join(words)]
    return list(map(" ".join, zip(*(words[i:] for i in range(size)), strict=False)))


class _Groups:
    """Union-find over numbers 0..size-1; the root of a group is its smallest number."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, first: int, second: int) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def find_duplicates(
    level: str, records: Iterable[tuple[str, str]], config: DuplicateConfig
) -> Iterator[dict[str, Any]]:
    """The `duplicates` rows of one level from (record id, text) pairs (any order).

    One pass over the records, holding per record only its id and a digest of its words,
    and per distinct text its MinHash: the texts themselves are never all in memory. The
    rows do not depend on the order of the records: banded LSH offers a pair of texts as
    candidates whichever comes first, and the Jaccard estimate is symmetric.
    """
    from rensa import RMinHash, RMinHashLSH

    lsh = RMinHashLSH(
        threshold=config.threshold, num_perm=config.num_perm, num_bands=config.num_bands
    )
    kept: list[tuple[str, int]] = []  # (record id, its distinct text)
    text_of: dict[bytes, int] = {}  # a text's digest -> its number
    hashes: list[Any] = []  # each distinct text's MinHash
    near: list[tuple[int, int]] = []
    for record_id, text in records:
        words = normalized_words(text)
        if len(words) < config.min_words:
            continue
        digest = hashlib.blake2b(" ".join(words).encode(), digest_size=16).digest()
        number = text_of.get(digest)
        if number is None:
            number = text_of[digest] = len(hashes)
            minhash = RMinHash(num_perm=config.num_perm, seed=SEED)
            minhash.update(_shingles(words, config.shingle_words))
            near.extend(
                (other, number)
                for other in lsh.query(minhash)
                if minhash.jaccard(hashes[other]) >= config.threshold
            )
            lsh.insert(number, minhash)
            hashes.append(minhash)
        kept.append((record_id, number))
    groups = _Groups(len(hashes))
    for first, second in near:
        groups.join(first, second)
    members: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for record_id, number in sorted(kept):
        members[groups.find(number)].append((record_id, number))
    for group in sorted(found for found in members.values() if len(found) > 1):
        root_id, root = group[0]  # the smallest record id: the cluster's id
        for record_id, number in group:
            same = number == root
            similarity = 1.0 if same else hashes[root].jaccard(hashes[number])
            yield {
                "cluster_id": root_id,
                "level": level,
                "record_id": record_id,
                "match": "exact" if same else "near",
                "similarity": round(float(similarity), 4),
            }


def read_records(data: Path, level: str) -> Iterator[tuple[str, str]]:
    """(record id, text) of every record of `level` in the release folder `data`."""
    table, id_column, text_column = LEVELS[level]
    parquet = pq.ParquetFile(data / f"{table}.parquet")
    for batch in parquet.iter_batches(columns=[id_column, text_column], batch_size=READ_ROWS):
        yield from zip(batch.column(0).to_pylist(), batch.column(1).to_pylist(), strict=True)


def release_duplicates(data: Path, config: DuplicateConfig) -> list[dict[str, Any]]:
    """The `duplicates` rows of the release in the folder `data`, every level."""
    return [
        row for level in LEVELS for row in find_duplicates(level, read_records(data, level), config)
    ]
