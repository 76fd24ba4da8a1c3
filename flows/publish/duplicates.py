"""Exact and near duplicates across the whole release, at document and block level.

A record's text is normalised (lower case, words only: runs of letters and digits, one
space between). Records whose normalised texts are equal are *exact* duplicates; records
whose word shingles have an estimated Jaccard similarity of at least
`DuplicateConfig.threshold` (MinHash, banded LSH; rensa) are *near* duplicates. Clusters
are the connected groups of either; a cluster's first member is its smallest record id,
which is also the cluster's id, and every member's `similarity` is its estimated
similarity to that first member (1.0 for an exact copy). Nothing is removed: the
`duplicates` table lists only records in a cluster of two or more, for users to filter.

Deterministic: MinHash has a fixed seed, records are taken in id order and clusters are
sorted, so the same texts give the same rows.
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
    """Union-find over record positions; the root of a group is its smallest position."""

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
    """The `duplicates` rows of one level from (record id, text) pairs (any order)."""
    from rensa import RMinHash, RMinHashLSH

    ids: list[str] = []
    words_of: list[list[str]] = []
    for record_id, text in sorted(records):
        words = normalized_words(text)
        if len(words) >= config.min_words:
            ids.append(record_id)
            words_of.append(words)
    groups = _Groups(len(ids))
    digests = [hashlib.blake2b(" ".join(w).encode(), digest_size=16).digest() for w in words_of]
    first_of_text: dict[bytes, int] = {}
    for position, digest in enumerate(digests):
        if digest in first_of_text:
            groups.join(first_of_text[digest], position)
        else:
            first_of_text[digest] = position
    lsh = RMinHashLSH(
        threshold=config.threshold, num_perm=config.num_perm, num_bands=config.num_bands
    )
    hashes: dict[int, Any] = {}
    for position in sorted(first_of_text.values()):  # one text of each exact group
        minhash = RMinHash(num_perm=config.num_perm, seed=SEED)
        minhash.update(_shingles(words_of[position], config.shingle_words))
        for other in lsh.query(minhash):
            if minhash.jaccard(hashes[other]) >= config.threshold:
                groups.join(other, position)
        lsh.insert(position, minhash)
        hashes[position] = minhash
    members: dict[int, list[int]] = defaultdict(list)
    for position in range(len(ids)):
        members[groups.find(position)].append(position)
    for root, positions in sorted(members.items()):
        if len(positions) < 2:
            continue
        for position in positions:
            same = digests[position] == digests[root]
            similarity = 1.0
            if not same:
                root_hash = hashes[first_of_text[digests[root]]]
                similarity = root_hash.jaccard(hashes[first_of_text[digests[position]]])
            yield {
                "cluster_id": ids[root],
                "level": level,
                "record_id": ids[position],
                "match": "exact" if same else "near",
                "similarity": round(float(similarity), 4),
            }


def read_records(data: Path, level: str) -> Iterator[tuple[str, str]]:
    """(record id, text) of every record of `level` in the release folder `data`."""
    table, id_column, text_column = LEVELS[level]
    parquet = pq.ParquetFile(data / f"{table}.parquet")
    for batch in parquet.iter_batches(columns=[id_column, text_column], batch_size=8192):
        yield from zip(batch.column(0).to_pylist(), batch.column(1).to_pylist(), strict=True)


def release_duplicates(data: Path, config: DuplicateConfig) -> list[dict[str, Any]]:
    """The `duplicates` rows of the release in the folder `data`, every level."""
    return [
        row for level in LEVELS for row in find_duplicates(level, read_records(data, level), config)
    ]
