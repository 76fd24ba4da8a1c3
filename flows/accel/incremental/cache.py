"""Incremental builds: finished batches, and each document's stage results, by content.

Every key holds the raw bytes' sha256 (of each member, for a batch), what the manifest says
of the file, a digest of the pipeline's own source code and the config digest, so a changed
file, a changed manifest entry, a code change or a config change each invalidate exactly
what they should. Nothing read from disk is ever executed (JSON and Arrow IPC, never
pickle); every entry is written to a temporary name, flushed to disk and renamed into
place, with the sha256 of each of its files (`checksums.json`), and is checked against
them before anything of it is reused: a damaged entry is a miss, counted, and rebuilt.

A document's rows are written once, in the part files of its batch (`BatchCache`); what
else the cache keeps of it (`DocumentCache`) is a few hundred bytes in its batch entry's
`documents.json`, so caching costs no second copy of any text, and one file per batch
rather than one per document (writing a small file costs a noticeable fraction of
computing a document, on ordinary disks).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import unicodedata
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

import pyarrow as pa

from flows.io.folders import BATCH_CACHE_DIR
from flows.io.raw import KnownDigests
from flows.io.release import PART_SUFFIX, fsync_directory, fsync_tree, sha256_file
from flows.plan import Batch, BatchSpan
from flows.publish.signatures import SIGNATURES
from flows.stages.document import TABLE_NAMES, BatchResult
from flows.stages.records import RawDocument, Rejection, SourceInfo
from schemas.types import HEX16, HEX64

CODE_ROOT = Path(__file__).resolve().parents[3]
"""The repository: the folder holding `flows` and `schemas`."""


OUTPUT_LIBRARIES = (
    "ftfy",
    "wordfreq",
    "charset-normalizer",
    "google-re2",
    "lingua-language-detector",
    "pydantic",
    "pyarrow",
)
"""The libraries whose behaviour shapes the rows (repair, word frequencies, decoding,
mojibake detection, language detection, validation, the part files' encoding): another version of any of them
is other code, even with the lock file's pins (a user may sync another lock)."""


def library_versions() -> str:
    """The versions of OUTPUT_LIBRARIES and of Python's Unicode database (character
    classes, normalization), one line each."""
    lines = [f"{name}=={metadata.version(name)}" for name in OUTPUT_LIBRARIES]
    return "\n".join([*lines, f"unicodedata=={unicodedata.unidata_version}"])


@cache
def code_digest() -> str:
    """Digest of every Python source file of the pipeline and its schemas, and of the
    versions of the libraries that shape its output (`library_versions`)."""
    digest = hashlib.sha256()
    for folder in ("flows", "schemas"):
        for path in sorted((CODE_ROOT / folder).rglob("*.py")):
            digest.update(path.relative_to(CODE_ROOT).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    digest.update(library_versions().encode())
    return digest.hexdigest()


def pipeline_salt(config_digest: str) -> str:
    """What a build's rows depend on besides its input: the code (`code_digest`) and the
    config. Two builds with the same have the same rows for a batch of the same members;
    every cache key holds it."""
    return f"{code_digest()}|{config_digest}"


def pipeline_digest(config_digest: str) -> str:
    """`pipeline_salt`, short, for a release's manifest."""
    return hashlib.sha256(pipeline_salt(config_digest).encode()).hexdigest()[:16]


def _write_atomically(path: Path, text: str) -> None:
    """Write `text` to a temporary name beside `path`, then rename it into place: a run
    killed meanwhile leaves the earlier file, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    fsync_directory(path.parent)


SUMMARY_FILE = "summary.json"
DOCUMENTS_FILE = "documents.json"
CHECKSUMS_FILE = "checksums.json"
"""In every entry: the sha256 of each of its other files, as written."""


class DamagedEntryError(ValueError):
    """A cache entry's files are not what it recorded (`CHECKSUMS_FILE`)."""


def entry_checksums(entry: Path) -> dict[str, str]:
    """An entry's recorded checksums (file name -> sha256); `DamagedEntryError` when they
    cannot be read or name a file outside the entry."""
    try:
        sums = json.loads((entry / CHECKSUMS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise DamagedEntryError(f"{entry.name}: {CHECKSUMS_FILE} cannot be read") from error
    if not isinstance(sums, dict) or not all(
        isinstance(name, str) and "/" not in name and isinstance(digest, str)
        for name, digest in sums.items()
    ):
        raise DamagedEntryError(f"{entry.name}: {CHECKSUMS_FILE} is malformed")
    return sums


def check_entry_file(entry: Path, name: str, sums: Mapping[str, str]) -> Path:
    """`entry / name`, once its bytes are checked against `sums`; `DamagedEntryError`
    when they differ, the file is missing or `sums` does not list it."""
    path = entry / name
    try:
        matches = name in sums and sha256_file(path) == sums[name]
    except OSError:
        matches = False
    if not matches:
        raise DamagedEntryError(f"{entry.name}: {name} does not match its checksum")
    return path


class BatchCache:
    """A batch's finished part files and summary, reused as they are when the batch has
    exactly the same members (bytes and manifest entries), code and config.

    Entries are folders `<key[:2]>/<key>/` holding `<table>.arrow` files, `summary.json`
    and `documents.json` (see `DocumentCache`), written to a temporary folder and renamed
    into place. Part files are hard-linked into the staging folder (copied if the file
    system refuses links) and never modified.
    """

    def __init__(self, folder: Path, config_digest: str) -> None:
        self.folder = folder
        self.salt = pipeline_salt(config_digest)
        self.damaged: list[str] = []
        """Entries `restore` found damaged (and removed, for `store` to write again)."""

    def entry_key(self, batch_key: str) -> str:
        return hashlib.sha256(f"{batch_key}|{self.salt}".encode()).hexdigest()

    def entry_folder(self, entry_key: str) -> Path:
        return self.folder / entry_key[:2] / entry_key

    def _entry(self, batch_key: str) -> Path:
        return self.entry_folder(self.entry_key(batch_key))

    def holds(self, batch_key: str) -> bool:
        """Whether `restore` would find the batch (without restoring it)."""
        return (self._entry(batch_key) / SUMMARY_FILE).is_file()

    def restore(self, batch_key: str, parts: Path, index: int) -> dict[str, Any] | None:
        """Put a cached batch's part files under `parts` as batch `index`; its summary.
        None when it is not stored, or when any of its files fails its checksum: then
        the entry is removed and named in `damaged`."""
        entry = self._entry(batch_key)
        if not (entry / SUMMARY_FILE).is_file():
            return None
        try:
            sums = entry_checksums(entry)
            summary_file = check_entry_file(entry, SUMMARY_FILE, sums)
            summary: dict[str, Any] = json.loads(summary_file.read_text("utf-8"))
            for name in sorted(sums):
                if not name.endswith(PART_SUFFIX):
                    continue
                stored = check_entry_file(entry, name, sums)
                target = parts / stored.stem / f"{index:08d}{PART_SUFFIX}"
                target.parent.mkdir(parents=True, exist_ok=True)
                _link_or_copy(stored, target)
        except (OSError, ValueError) as error:
            for linked in parts.glob(f"*/{index:08d}{PART_SUFFIX}"):  # no half-restored batch
                linked.unlink()
            if isinstance(error, DamagedEntryError):
                self.damaged.append(entry.name)
                shutil.rmtree(entry, ignore_errors=True)
            return None
        return summary

    def store(
        self,
        batch_key: str,
        parts: Path,
        index: int,
        summary: dict[str, Any],
        documents: dict[str, Any] | None = None,
    ) -> None:
        """Keep batch `index`'s part files under `parts`, its summary and what the document
        cache holds of each of its documents (by document key)."""
        entry = self._entry(batch_key)
        if entry.exists():
            return
        temporary = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
        shutil.rmtree(temporary, ignore_errors=True)
        temporary.mkdir(parents=True)
        for part in sorted(parts.glob(f"*/{index:08d}{PART_SUFFIX}")):
            _link_or_copy(part, temporary / f"{part.parent.name}{PART_SUFFIX}")
        (temporary / SUMMARY_FILE).write_text(json.dumps(summary), encoding="utf-8")
        (temporary / DOCUMENTS_FILE).write_text(
            json.dumps(documents or {}, sort_keys=True), encoding="utf-8"
        )
        sums = {path.name: sha256_file(path) for path in sorted(temporary.iterdir())}
        (temporary / CHECKSUMS_FILE).write_text(json.dumps(sums, sort_keys=True), "utf-8")
        fsync_tree(temporary)
        try:
            os.replace(temporary, entry)
        except OSError:  # another run stored the same entry first
            shutil.rmtree(temporary, ignore_errors=True)
            return
        fsync_directory(entry.parent)
        fsync_directory(self.folder)

    def prune(self, keep: set[str]) -> int:
        """Remove the entries of batches not in `keep` (batch keys); returns how many."""
        wanted = {self.entry_key(key) for key in keep}
        removed = 0
        for entry in self.folder.glob("*/*"):
            if entry.is_dir() and entry.name not in wanted:
                shutil.rmtree(entry, ignore_errors=True)
                removed += 1
        return removed


RELEASE_BATCHES_FILE = "release-batches.json"


def save_release_batches(
    cache_dir: Path, input_digest: str, pipeline: str, spans: Sequence[BatchSpan]
) -> None:
    """Remember how the release just published was cut into batches (`batch_spans`), for
    the next build to compare its own batches with (`load_release_batches`). Kept in the
    cache, not in the release: a release's bytes do not depend on its batches."""
    recorded = {"input_digest": input_digest, "pipeline_digest": pipeline, "batches": spans}
    _write_atomically(cache_dir / RELEASE_BATCHES_FILE, json.dumps(recorded))


def load_release_batches(cache_dir: Path, release: Path, pipeline: str) -> list[BatchSpan] | None:
    """The batches of the release in `release`, as `save_release_batches` remembered them,
    if that release was built from the same input by the same pipeline as they were, and
    by `pipeline` (this build's); None if not, or if anything cannot be read."""
    try:
        manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
        recorded = json.loads((cache_dir / RELEASE_BATCHES_FILE).read_text(encoding="utf-8"))
        same = (
            manifest["input_digest"] == recorded["input_digest"]
            and manifest.get("pipeline_digest") == recorded["pipeline_digest"] == pipeline
        )
        spans = [(str(key), str(first), str(last)) for key, first, last in recorded["batches"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    well_formed = all(
        _KEY.fullmatch(key) and _DOC_ID.fullmatch(first) and _DOC_ID.fullmatch(last)
        for key, first, last in spans
    )
    return spans if same and well_formed else None


_KEY = re.compile(HEX64)  # a batch key: a sha256
_DOC_ID = re.compile(HEX16)  # as the schemas define a document id


FINGERPRINTS_FILE = "fingerprints.json"


def load_known_digests(cache_dir: Path) -> KnownDigests:
    """The digests of raw files an earlier build remembered (`flows.io.raw.fingerprint`);
    none when there are none or they cannot be read."""
    try:
        stored = json.loads((cache_dir / FINGERPRINTS_FILE).read_text(encoding="utf-8"))
        return {name: (str(key), str(sha256)) for name, (key, sha256) in stored.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}


def save_known_digests(cache_dir: Path, known: KnownDigests, names: Collection[str]) -> None:
    """Keep the digests of the files in `names` (this build's) for the next build."""
    kept = {name: known[name] for name in sorted(names) if name in known}
    _write_atomically(cache_dir / FINGERPRINTS_FILE, json.dumps(kept, separators=(",", ":")))


def pending_work(cache_dir: Path, config_digest: str, batches: Sequence[Batch]) -> CachedWork:
    """What the caches under `cache_dir` already hold of a planned build."""
    stored = BatchCache(cache_dir / BATCH_CACHE_DIR, config_digest)
    whole = {batch.key for batch in batches if stored.holds(batch.key)}
    rest = [batch for batch in batches if batch.key not in whole]
    index = document_index(stored) if rest else {}  # every entry's documents.json
    found: dict[int, dict[str, str]] = {}
    to_compute = 0
    for batch in rest:
        keys = [document_key(f.sha256, f.source, stored.salt) for f in batch.files]
        found[batch.index] = {key: index[key] for key in keys if key in index}
        to_compute += len(keys) - len(found[batch.index])
    return CachedWork(whole, to_compute, found)


@dataclass(frozen=True, slots=True)
class CachedWork:
    stored_batches: set[str]
    """Keys of the batches the batch cache holds whole."""
    documents_to_compute: int
    """Documents of the other batches that the document cache does not hold."""
    documents_found: dict[int, dict[str, str]]
    """For each of the other batches (by index): its documents the cache holds, as document
    key -> the batch entry holding them (what `DocumentCache` is given)."""


def document_key(sha256: str, source: SourceInfo, salt: str) -> str:
    """A document's key: its bytes, its manifest entry, the code and the config."""
    described = json.dumps(source.as_dict(), sort_keys=True)
    return hashlib.sha256(f"{sha256}|{described}|{salt}".encode()).hexdigest()


def document_index(batches: BatchCache) -> dict[str, str]:
    """Document key -> the batch entry holding the document, over every stored entry (an
    entry that cannot be read holds nothing)."""
    index: dict[str, str] = {}
    for path in sorted(batches.folder.glob(f"*/*/{DOCUMENTS_FILE}")):
        try:
            keys = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(keys, dict):
            index.update(dict.fromkeys(keys, path.parent.name))
    return index


def _link_or_copy(source: Path, target: Path) -> None:
    if target.exists():
        target.unlink()
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


@dataclass(slots=True)
class CachedDocument:
    """A document's stage results as the cache holds them: its rows as Arrow slices of the
    parts of the batch entry that holds them (written out again as they are, since turning
    them into Python rows and back would be most of a cached document's cost), its
    rejections and its repair counts."""

    tables: dict[str, pa.Table]
    """Only the tables with rows of the document, and its near-duplicate signatures
    (`SIGNATURES`) if it has any; none when it was rejected whole."""
    rejections: list[Rejection]
    repairs: Counter[str]

    @property
    def doc_id(self) -> str | None:
        # a document removed whole has no documents row, only tombstones
        rows = self.tables.get("documents") or self.tables.get("tombstones")
        return None if rows is None else str(rows.column("doc_id")[0].as_py())

    def to_result(self) -> BatchResult:
        """The same results as Python rows, as `flows.stages.document.process_document` gives them."""
        return BatchResult(
            tables={
                name: self.tables[name].to_pylist() if name in self.tables else []
                for name in TABLE_NAMES
            },
            rejections=list(self.rejections),
            repairs=Counter(self.repairs),
        )


class DocumentCache:
    """Each document's stage results, found again in the batch cache entry holding its rows.

    A batch's part files are sorted by keys that start with the document id, so one
    document's rows are a contiguous slice of each part. What else is kept of a document
    is in its batch entry's `documents.json`, under its document key (`document_key`): its
    document id (none when it was rejected whole), its rejections and its repair counts.
    `found` says which entry holds which document (`pending_work` reads that once for the
    whole build); `remember` notes every document of a batch, found or computed, and
    `entries` is what the batch's own entry then keeps, so that a document is found again
    while the batch it was last built in is cached. An entry that is gone or cannot be read
    is a miss; one whose files fail their checksums is a miss too, named in `damaged`.
    """

    def __init__(self, batches: BatchCache, found: Mapping[str, str] | None = None) -> None:
        self.batches = batches
        self.found = document_index(batches) if found is None else found
        self.hits = 0
        self.misses = 0
        self.entries: dict[str, dict[str, Any]] = {}
        """What `remember` noted, by document key: the batch entry's `documents.json`."""
        self._parts: tuple[str, dict[str, tuple[pa.Table, dict[str, tuple[int, int]]]]] | None
        self._parts = None
        self._documents: tuple[str, dict[str, Any]] | None = None
        self.damaged: set[str] = set()
        """Entries whose files failed their checksums."""

    def key(self, raw: RawDocument) -> str:
        return document_key(raw.sha256, raw.source, self.batches.salt)

    def get(self, raw: RawDocument) -> CachedDocument | None:
        key = self.key(raw)
        entry = self.found.get(key)
        try:
            if entry is None:
                raise KeyError(key)
            stored = self._stored(entry)[key]
            result = CachedDocument(
                tables=self._rows(entry, stored["doc_id"]),
                rejections=[Rejection(**row) for row in stored["rejections"]],
                repairs=Counter(stored["repairs"]),
            )
        except DamagedEntryError:
            self.damaged.add(str(entry))
            self.misses += 1
            return None
        except (OSError, ValueError, KeyError, TypeError, pa.ArrowException):
            self.misses += 1
            return None
        self.hits += 1
        return result

    def _stored(self, entry: str) -> dict[str, Any]:
        if self._documents is None or self._documents[0] != entry:
            if entry in self.damaged:
                raise DamagedEntryError(entry)
            folder = self.batches.entry_folder(entry)
            path = check_entry_file(folder, DOCUMENTS_FILE, entry_checksums(folder))
            self._documents = (entry, json.loads(path.read_text(encoding="utf-8")))
        return self._documents[1]

    def _rows(self, entry: str, doc_id: str | None) -> dict[str, pa.Table]:
        """The document's slice of each part of batch entry `entry` that holds rows of it."""
        if doc_id is None:
            return {}
        if self._parts is None or self._parts[0] != entry:
            self._parts = (entry, self._load(entry))
        tables = {}
        for name, (table, spans) in self._parts[1].items():
            if doc_id in spans:
                start, stop = spans[doc_id]
                tables[name] = table.slice(start, stop - start)
        if "documents" not in tables and "tombstones" not in tables:
            raise KeyError(f"{doc_id} is not in batch entry {entry}")
        return tables

    def _load(self, entry: str) -> dict[str, tuple[pa.Table, dict[str, tuple[int, int]]]]:
        """Each part of a batch entry, with the row span of every document in it, each
        checked against its checksum first."""
        if entry in self.damaged:
            raise DamagedEntryError(entry)
        loaded = {}
        folder = self.batches.entry_folder(entry)
        sums = entry_checksums(folder)
        for name in sorted(sums):
            table = name.removesuffix(PART_SUFFIX)
            if not name.endswith(PART_SUFFIX) or table not in (*TABLE_NAMES, SIGNATURES):
                continue
            path = check_entry_file(folder, name, sums)
            table = pa.ipc.open_file(str(path)).read_all()
            spans: dict[str, tuple[int, int]] = {}
            for row, doc_id in enumerate(table.column("doc_id").to_pylist()):
                start, _ = spans.get(doc_id, (row, row))
                spans[doc_id] = (start, row + 1)
            loaded[path.stem] = (table, spans)
        if "documents" not in loaded:
            raise FileNotFoundError(f"batch entry {entry} has no documents part")
        return loaded

    def remember(self, raw: RawDocument, result: BatchResult | CachedDocument) -> None:
        if isinstance(result, CachedDocument):
            doc_id = result.doc_id
        else:
            rows = result.tables["documents"] or result.tables["tombstones"]
            doc_id = rows[0]["doc_id"] if rows else None
        self.entries[self.key(raw)] = {
            "doc_id": doc_id,
            "rejections": [r.as_row() for r in result.rejections],
            "repairs": dict(result.repairs),
        }
