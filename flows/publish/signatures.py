"""Each record's near-duplicate signature, computed where its document is processed.

A record's signature is what `flows.publish.duplicates` compares across the release: the
digest of its normalised words (lower case, runs of letters and digits, one space
between) and the MinHash of their `DuplicateConfig.shingle_words`-word shingles. It
depends on the record's text alone, so a batch computes it for its own documents, in its
worker, and writes it as one more part file, `SIGNATURES` (kept and reused with the
batch's other parts, a document's rows a contiguous slice of it, as in every part); the
release's duplicates are then found from these parts without reading a text again.

Within one document a text's MinHash is written on its first record only (a record
repeating it carries its digest alone): every document's slice holds the MinHash of each
of its digests, so a document taken from the cache into another batch brings them along.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pyarrow as pa

from flows.config import DuplicateConfig

SIGNATURES = "signatures"
"""The part files' table name (`parts/signatures/<batch>.arrow`); never a release table."""
WORD = re.compile(r"[^\W_]+")
"""A run of letters and digits."""
SEED = 20251205
"""MinHash's seed: fixed, so the estimates (and the rows) are reproducible."""
LEVELS = {"document": ("documents", "doc_id", "text"), "block": ("blocks", "block_id", "text")}
"""Each level: its table, record id column and text column."""
SCHEMA = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("level", pa.string(), nullable=False),
        pa.field("record_id", pa.string(), nullable=False),
        pa.field("digest", pa.binary(16), nullable=False),
        pa.field("minhash", pa.binary()),
    ]
)
"""A signature part: one row per record of at least `min_words` words, in the order of
the batch's documents; `minhash` (`num_perm` little-endian 32-bit values) is null on a
record whose document has the same digest on an earlier record."""


def normalized_words(text: str) -> list[str]:
    """The words of `text`, lower-cased."""
    return WORD.findall(text.lower())


def shingles(words: list[str], size: int) -> list[str]:
    """Every run of `size` consecutive words, joined by spaces (the whole text if shorter)."""
    if len(words) <= size:
        return [" ".join(words)]
    return list(map(" ".join, zip(*(words[i:] for i in range(size)), strict=False)))


def text_digest(words: list[str]) -> bytes:
    """The digest of normalised words: equal for exact copies."""
    return hashlib.blake2b(" ".join(words).encode(), digest_size=16).digest()


def minhash_values(words: list[str], config: DuplicateConfig) -> bytes:
    """The MinHash of the words' shingles, as `num_perm` 32-bit values."""
    from rensa import RMinHash

    minhash = RMinHash(num_perm=config.num_perm, seed=SEED)
    minhash.update(shingles(words, config.shingle_words))
    return array("I", minhash.digest()).tobytes()


def sign(text: str, config: DuplicateConfig) -> tuple[bytes, bytes] | None:
    """A text's signature: its words' digest and their MinHash; None for a text of fewer
    than `config.min_words` words, which no duplicate is looked for."""
    words = normalized_words(text)
    if len(words) < config.min_words:
        return None
    return text_digest(words), minhash_values(words, config)


Known = dict[bytes, tuple[bytes, bytes] | None]
"""Signatures a batch has computed, by a digest of the record's text as it is: its words'
digest and MinHash values, None for a text of too few words."""
KNOWN_TEXTS = 4096
"""Texts a `Known` remembers at most (about 3 MB): beyond, it starts again, so a worker's
memory does not grow with its batch; a forgotten text only costs its signature again."""


def document_signatures(
    tables: Mapping[str, Sequence[Mapping[str, Any]]], config: DuplicateConfig, known: Known
) -> list[tuple[str, str, str, bytes, bytes | None]]:
    """The signature rows (`SCHEMA`'s columns) of one document's rows, by table name.

    `known` is filled and read so that a text repeated across the caller's documents is
    normalised and hashed once (a digest of its bytes costs far less than its words); the
    caller bounds its lifetime (a batch)."""
    found: list[tuple[str, str, str, bytes, bytes | None]] = []
    written: set[bytes] = set()
    for level, (table, id_column, text_column) in LEVELS.items():
        for row in tables.get(table, ()):
            text: str = row[text_column]
            key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
            if key in known:
                signed = known[key]
            else:
                signed = sign(text, config)
                if len(known) >= KNOWN_TEXTS:
                    known.clear()
                known[key] = signed
            if signed is None:
                continue
            digest, minhash = signed
            first = digest not in written
            written.add(digest)
            found.append((row["doc_id"], level, row[id_column], digest, minhash if first else None))
    return found


def signature_table(pieces: Iterable[list[tuple[Any, ...]] | pa.Table]) -> pa.Table:
    """One table of `SCHEMA` from pieces in order: rows of `document_signatures`, or
    slices of a signature part (a cached document's)."""
    tables = []
    for piece in pieces:
        if isinstance(piece, pa.Table):
            tables.append(piece)
        elif piece:
            columns = zip(SCHEMA.names, zip(*piece, strict=True), strict=True)
            tables.append(pa.Table.from_pydict(dict(columns), schema=SCHEMA))
    return pa.concat_tables(tables).combine_chunks() if tables else SCHEMA.empty_table()
