"""wordfreq's word lists as memory-mapped files: the same answers, in a fraction of the
memory of every process that asks.

`wordfreq.zipf_frequency` looks each token up in `get_frequency_dict(lang)`: a dict of
every word of the list (hundreds of thousands for Russian), built on first use and kept
for the life of the process, with the raw list it was built from (`get_frequency_list` is
cached too). In each worker that is more memory than the worker's batch needs, and every
worker builds its own. Here the same mapping is a file, written once per wordfreq version and language
(sorted UTF-8 words, each one's start and frequency bucket) and mapped read-only: a lookup
is a binary search that touches a few pages, and the pages are shared by every process
of the machine through the page cache.

`install()` puts it behind `wordfreq.get_frequency_dict`, which `zipf_frequency` looks up
at call time, so wordfreq's own tokenization, digit handling and rounding still decide
every answer; only the storage changes. Where no file can be written (`CACHE_DIR` not
writable), wordfreq's own dict is used. Tested for equality with wordfreq's dict.
"""

from __future__ import annotations

import bisect
import importlib.metadata
import logging
import mmap
import os
import struct
import tempfile
from array import array
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from pathlib import Path

import wordfreq

from flows.io.folders import user_cache_dir

logger = logging.getLogger(__name__)


CACHE_DIR = user_cache_dir()
"""Where the mapped word lists are kept (one file per wordfreq version, list and language)."""

_WORDFREQ_VERSION = importlib.metadata.version("wordfreq")
_MAGIC = b"wflean1\n"
_HEADER = struct.Struct("<8sQQ")  # magic, words, buckets
_ORIGINAL: Callable[..., dict[str, float]] = wordfreq.get_frequency_dict
_READ_LIST: Callable[[str, str], list[list[str]]] = wordfreq.get_frequency_list.__wrapped__
"""`get_frequency_list` without its cache: the raw list is needed once, to write the file."""


class LeanFrequencies(Mapping[str, float]):
    """A read-only {word: frequency} over a file written by `write_lean_list`."""

    def __init__(self, path: Path) -> None:
        with path.open("rb") as handle:
            self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        magic, words, buckets = _HEADER.unpack_from(self._map)
        starts_at = _HEADER.size
        buckets_at = starts_at + 4 * (words + 1)
        self._blob_at = buckets_at + 2 * words
        view = memoryview(self._map)
        if magic != _MAGIC or len(self._map) < self._blob_at:
            raise ValueError(f"{path}: not a word list of this format")
        self._starts = view[starts_at:buckets_at].cast("I")
        self._buckets = view[buckets_at : self._blob_at].cast("H")
        if len(self._map) != self._blob_at + self._starts[words]:
            raise ValueError(f"{path}: truncated")
        self._words = words
        self._frequencies = [wordfreq.cB_to_freq(-index) for index in range(buckets)]

    def __len__(self) -> int:
        return self._words

    def _word(self, position: int) -> bytes:
        start = self._blob_at + self._starts[position]
        return self._map[start : self._blob_at + self._starts[position + 1]]

    def _position(self, word: str) -> int | None:
        key = word.encode("utf-8", "surrogatepass")
        low = bisect.bisect_left(range(self._words), key, key=self._word)
        return low if low < self._words and self._word(low) == key else None

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._position(word) is not None

    def __getitem__(self, word: str) -> float:
        position = self._position(word) if isinstance(word, str) else None
        if position is None:
            raise KeyError(word)
        return self._frequencies[self._buckets[position]]

    def __iter__(self) -> Iterator[str]:
        return (word for word, _ in self.entries())

    def entries(self) -> Iterator[tuple[str, float]]:
        """Every (word, frequency), in UTF-8 order, read in one pass."""
        blob = self._map[self._blob_at :]
        starts, buckets, frequencies = self._starts, self._buckets, self._frequencies
        for position in range(self._words):
            word = blob[starts[position] : starts[position + 1]].decode("utf-8")
            yield word, frequencies[buckets[position]]


def write_lean_list(buckets: list[list[str]], path: Path) -> None:
    """Write wordfreq's list (bucket `i`: the words of frequency `cB_to_freq(-i)`) as a
    file for `LeanFrequencies`, atomically. A word in more than one bucket gets the last,
    as in wordfreq's dict."""
    last_bucket = {word: index for index, bucket in enumerate(buckets) for word in bucket}
    encoded = sorted((word.encode("utf-8"), index) for word, index in last_bucket.items())
    starts = array("I", [0])
    for word, _ in encoded:
        starts.append(starts[-1] + len(word))
    indexes = array("H", [index for _, index in encoded])
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.name, delete=False) as out:
        try:
            out.write(_HEADER.pack(_MAGIC, len(encoded), len(buckets)))
            out.write(starts.tobytes())
            out.write(indexes.tobytes())
            out.write(b"".join(word for word, _ in encoded))
        except BaseException:
            os.unlink(out.name)  # nothing half-written is left behind
            raise
    os.replace(out.name, path)


def lean_list_path(lang: str, wordlist: str, cache_dir: Path) -> Path:
    """One file per wordfreq version (its lists ship with it), list and language."""
    return cache_dir / f"wordfreq-{_WORDFREQ_VERSION}-{wordlist}-{lang}.lean"


@cache
def lean_frequency_dict(lang: str, wordlist: str = "best") -> Mapping[str, float]:
    """What `wordfreq.get_frequency_dict(lang, wordlist)` returns, from its mapped file
    (written on first use); wordfreq's own dict when no file can be written or read."""
    return load_lean_list(lang, wordlist, CACHE_DIR)


def load_lean_list(lang: str, wordlist: str, cache_dir: Path) -> Mapping[str, float]:
    path = lean_list_path(lang, wordlist, cache_dir)
    try:
        try:
            return LeanFrequencies(path)
        except (OSError, ValueError, struct.error, OverflowError):
            write_lean_list(_READ_LIST(lang, wordlist), path)
            return LeanFrequencies(path)
    except (OSError, ValueError, struct.error, OverflowError) as error:
        logger.warning("word list %s: %s; using wordfreq's own dict", path, error)
        return _ORIGINAL(lang, wordlist)


def install() -> None:
    """Have wordfreq look words up in `lean_frequency_dict` (the same answers)."""
    wordfreq.get_frequency_dict = lean_frequency_dict  # type: ignore[assignment]


def original_frequency_dict(lang: str, wordlist: str = "best") -> dict[str, float]:
    """wordfreq's own dict (for the tests)."""
    return _ORIGINAL(lang, wordlist)


def _main(languages: list[str]) -> int:
    """`python -m flows.accel.wordfreq_lean LANG...`: write the files now (`make setup` does, so
    that no worker pays for it in a run)."""
    for lang in languages:
        lean = load_lean_list(lang, "best", CACHE_DIR)
        where = lean_list_path(lang, "best", CACHE_DIR)
        print(f"{lang}: {len(lean):,} words", f"in {where}" if where.is_file() else "")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(_main(sys.argv[1:]))
