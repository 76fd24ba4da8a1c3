"""Reading the raw folder and its optional manifest, refusing anything that escapes it."""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from flows.io.folders import RawFolderError, is_input_name
from flows.plan import PlannedFile
from flows.stages.records import (
    DEFAULT_RIGHTS,
    RawDocument,
    Rejection,
    Removal,
    SourceInfo,
    doc_id_for,
)
from schemas.types import LAYOUT_NAMES

LAYOUTS = frozenset(LAYOUT_NAMES)


@dataclass(frozen=True, slots=True)
class RawCorpus:
    """The files to process (sorted by name) and what was refused before reading them."""

    root: Path
    sources: list[SourceInfo]
    rejections: list[Rejection]


def _inside(root: Path, path: Path) -> bool:
    """Whether `path` resolves to somewhere inside `root` (a symlink loop does not)."""
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):  # RuntimeError: symlink loop (Python 3.11)
        return False
    return True


def _resolves(path: Path) -> bool:
    """False for a symlink loop or a chain too long to follow."""
    try:
        path.resolve()
    except (OSError, RuntimeError):
        return False
    return True


def _printable_name(name: str) -> str | None:
    """`None` if the name is valid UTF-8, else the name with its bad bytes as `\\xNN`.

    Such a name cannot be stored in Parquet or DuckDB (lone surrogates), so the file is
    refused under a name that can."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return None


def _is_symlink(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_symlink()
    except OSError:
        return False


def _is_file(entry: os.DirEntry[str]) -> bool:
    """Whether the entry is a regular file, following a symlink (as `Path.is_file`)."""
    try:
        return entry.is_file()
    except OSError:
        return False


def _text(entry: dict[str, object], key: str) -> str | None:
    value = entry.get(key)
    return value if isinstance(value, str) and value else None


def _load_manifest(
    root: Path, symlinks: Collection[str]
) -> tuple[dict[str, SourceInfo], list[Rejection]]:
    """The manifest's entries by file name; `symlinks` are the names in the raw folder that
    are symbolic links (known from its listing), the only ones that can lead outside it."""
    path = root / "manifest.json"
    if not path.exists():
        return {}, []
    if not _inside(root, path):
        return {}, [
            Rejection(
                "manifest.json",
                "ingest",
                "ingest_unsafe_path",
                "manifest.json is a symlink pointing outside the raw folder; ignored",
            )
        ]
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        json.dumps(document, ensure_ascii=False).encode("utf-8")  # no lone surrogates
        entries = document["sources"]
        if not isinstance(entries, list):
            raise TypeError("'sources' must be a list")
    except (
        OSError,
        UnicodeDecodeError,
        ValueError,
        KeyError,
        TypeError,
        RecursionError,  # deeply nested JSON
    ) as error:
        return {}, [
            Rejection(
                "manifest.json",
                "ingest",
                "ingest_bad_manifest",
                f"manifest ignored, layouts will be detected: {type(error).__name__}: {error}",
            )
        ]
    infos: dict[str, SourceInfo] = {}
    rejections: list[Rejection] = []
    for index, entry in enumerate(entries):
        name = entry.get("file") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not name:
            rejections.append(
                Rejection(
                    "manifest.json",
                    "ingest",
                    "ingest_bad_manifest",
                    f"entry {index} has no 'file' name; entry ignored",
                )
            )
            continue
        assert isinstance(entry, dict)
        # a name without a separator is a child of the raw folder (absolute paths and
        # drives need one), so only ".." or a symlink can lead outside: only symlinks are
        # resolved, since resolving every entry's path would dominate listing a large folder
        unsafe = "/" in name or "\\" in name or name == ".."
        if unsafe or (name in symlinks and not _inside(root, root / name)):
            rejections.append(
                Rejection(
                    name,
                    "ingest",
                    "ingest_unsafe_path",
                    f"manifest entry {index} points outside the raw folder; refused",
                )
            )
            continue
        layout = entry.get("layout")
        if layout is not None and not (isinstance(layout, str) and layout in LAYOUTS):
            rejections.append(
                Rejection(
                    name,
                    "ingest",
                    "ingest_unknown_layout",
                    f"manifest layout {layout!r} is not one of {sorted(LAYOUTS)}; detected instead",
                )
            )
            entry = {**entry, "layout": None}
        infos[name] = SourceInfo(
            source_file=name,
            publisher=_text(entry, "publisher"),
            layout=_text(entry, "layout"),
            language=_text(entry, "language"),
            rights=_text(entry, "rights") or DEFAULT_RIGHTS,
            title=_text(entry, "title"),
            notes=_text(entry, "notes"),
            source_id=_text(entry, "id") or _text(entry, "url"),
        )
    return infos, rejections


def scan_raw_folder(root: Path) -> RawCorpus:
    """List the input files (`.txt`, in any case) of the raw folder and what the manifest
    says of each.

    One `os.scandir` pass: its entries know whether they are symlinks or regular files
    from the listing itself, so only symlinks cost a system call of their own."""
    if not root.is_dir():
        raise RawFolderError(f"{root}: does not exist or is not a folder")
    with os.scandir(root) as listing:
        everything = list(listing)
    entries = {entry.name: entry for entry in everything if is_input_name(entry.name)}
    symlinks = {entry.name for entry in everything if _is_symlink(entry)}
    manifest, rejections = _load_manifest(root, symlinks)
    sources: list[SourceInfo] = []
    names = sorted(entries)
    for name in names:
        printable = _printable_name(name)
        if printable is not None:
            rejections.append(
                Rejection(
                    printable,
                    "ingest",
                    "ingest_unreadable",
                    "file name is not valid UTF-8 (bad bytes shown as \\xNN); rename the file",
                )
            )
            continue
        if name in symlinks:
            path = root / name
            if not _resolves(path):
                rejections.append(
                    Rejection(
                        name, "ingest", "ingest_not_a_file", "symlink loop or unresolvable symlink"
                    )
                )
                continue
            if not _inside(root, path):
                rejections.append(
                    Rejection(
                        name,
                        "ingest",
                        "ingest_unsafe_path",
                        "symlink points outside the raw folder; refused",
                    )
                )
                continue
        if not _is_file(entries[name]):
            rejections.append(Rejection(name, "ingest", "ingest_not_a_file", "not a regular file"))
            continue
        sources.append(manifest.get(name, SourceInfo(source_file=name)))
    listed = set(names)
    for name in sorted(manifest):
        if name not in listed:
            rejections.append(
                Rejection(
                    name,
                    "ingest",
                    "ingest_missing_file",
                    "listed in manifest.json but not found in the raw folder",
                )
            )
    sources, refused = _attach_removals(sources, _load_removals(root, rejections))
    rejections += refused
    return RawCorpus(root=root, sources=sources, rejections=rejections)


REMOVALS_FILE = "removals.json"
"""The raw folder's removals list: `[{"id": …, "reason": …, "date": "YYYY-MM-DD"}, …]`
(`date` optional), read with the manifest's `removals`, a list of the same entries."""

_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _load_removals(root: Path, rejections: list[Rejection]) -> list[Removal]:
    """The entries of `removals.json` and of the manifest's `removals`; what cannot be
    read is added to `rejections` (`ingest_bad_removal`), never an error."""
    removals: list[Removal] = []
    for name, key in ((REMOVALS_FILE, None), ("manifest.json", "removals")):
        path = root / name
        if not path.is_file() or not _inside(root, path):
            continue
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
            entries = document if key is None else document.get(key, [])
            if not isinstance(entries, list):
                raise TypeError("the removals must be a list")
        except (
            OSError,
            UnicodeDecodeError,
            ValueError,
            TypeError,
            AttributeError,
            RecursionError,  # deeply nested JSON
        ) as error:
            if key is None:  # a bad manifest is reported by its own reader
                rejections.append(
                    Rejection(
                        name, "ingest", "ingest_bad_removal", f"{type(error).__name__}: {error}"
                    )
                )
            continue
        for index, entry in enumerate(entries):
            record_id = _text(entry, "id") if isinstance(entry, dict) else None
            reason = _text(entry, "reason") if isinstance(entry, dict) else None
            date = entry.get("date") if isinstance(entry, dict) else None
            if (
                record_id is None
                or reason is None
                or not (date is None or (isinstance(date, str) and _DATE.match(date)))
            ):
                rejections.append(
                    Rejection(
                        name,
                        "ingest",
                        "ingest_bad_removal",
                        f"removal {index} needs an 'id', a 'reason' and at most a "
                        f"YYYY-MM-DD 'date'; ignored",
                    )
                )
                continue
            removals.append(Removal(record_id, reason, date, name))
    return removals


def _attach_removals(
    sources: list[SourceInfo], removals: list[Removal]
) -> tuple[list[SourceInfo], list[Rejection]]:
    """Each removal in the source info of the document it names (by a record id, which
    starts with the document's id, or by the source file's name), so that it is part of
    the document's cache key; a removal naming no document is a rejection."""
    if not removals:
        return sources, []
    by_doc = {doc_id_for(source): source for source in sources}
    by_file = {source.source_file: doc_id_for(source) for source in sources}
    found: dict[str, list[Removal]] = {}
    rejections: list[Rejection] = []
    for removal in removals:
        if removal.record_id in by_file:
            removal = removal._replace(record_id=by_file[removal.record_id])
        doc_id = removal.record_id.split(".", 1)[0]
        if doc_id in by_doc:
            found.setdefault(doc_id, []).append(removal)
        else:
            rejections.append(
                Rejection(
                    removal.listed_in,
                    "ingest",
                    "ingest_unknown_removal",
                    f"removal of {removal.record_id!r}: no such document or file",
                )
            )
    attached = [
        replace(source, removals=tuple(sorted(found[doc_id])))
        if (doc_id := doc_id_for(source)) in found
        else source
        for source in sources
    ]
    return attached, rejections


def read_raw(
    root: Path, source: SourceInfo, expected_sha256: str | None = None
) -> RawDocument | Rejection:
    """Read one file's bytes; an unreadable file, or one whose bytes are no longer those the
    build was planned with, becomes a Rejection, not a crash."""
    try:
        data = (root / source.source_file).read_bytes()
    except OSError as error:
        return Rejection(source.source_file, "ingest", "ingest_unreadable", str(error))
    sha256 = hashlib.sha256(data).hexdigest()
    if expected_sha256 is not None and sha256 != expected_sha256:
        return Rejection(
            source.source_file,
            "ingest",
            "ingest_changed_during_run",
            f"the file changed while the build ran (sha256 {expected_sha256[:12]}… when "
            f"planned, {sha256[:12]}… when read); run the build again",
            sha256,
        )
    return RawDocument(source=source, data=data, sha256=sha256)


def iter_raw(
    root: Path, sources: list[SourceInfo], expected: list[str] | None = None
) -> Iterator[RawDocument | Rejection]:
    for index, source in enumerate(sources):
        yield read_raw(root, source, expected[index] if expected else None)


KnownDigests = dict[str, tuple[str, str]]
"""File name -> (its `stat` as `_stat_key` gives it, the sha256 of its bytes), from an
earlier build (see `fingerprint`; kept in the cache folder by `flows.accel.incremental.cache`)."""

SETTLED_SECONDS = 2.0
"""A file's digest is remembered only if it last changed this long before hashing began,
so that a later change cannot leave its `stat` the same: file systems keep times at a
granularity of a few milliseconds (ext4's clock tick) to 2 s (FAT). Git's index has the
same rule ("racy git")."""


def _stat_key(stat: os.stat_result) -> str:
    """What changes whenever a file's bytes do: size, modification and status-change
    times (the second cannot be set by hand), inode and device."""
    return f"{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ctime_ns}:{stat.st_ino}:{stat.st_dev}"


def fingerprint(
    root: Path,
    sources: list[SourceInfo],
    known: KnownDigests | None = None,
    settled_seconds: float = SETTLED_SECONDS,
) -> tuple[list[PlannedFile], list[Rejection]]:
    """The sha256 of every file's bytes, read in chunks (nothing is kept in memory).

    With `known` (updated in place), a file whose `stat` is the one remembered is not
    read again: its remembered digest is taken, since a `stat` costs a small fraction of
    reading the bytes, above all from disk. A file that changed less than
    `settled_seconds` before is hashed and not remembered (tests give a negative value to
    remember every file)."""
    planned: list[PlannedFile] = []
    rejections: list[Rejection] = []
    settled_before = time.time_ns() - int(settled_seconds * 1e9)
    for source in sources:
        name = source.source_file
        path = root / name
        try:
            remembered = known.get(name) if known is not None else None
            if remembered is not None and _stat_key(path.stat()) == remembered[0]:
                planned.append(PlannedFile(source, remembered[1]))
                continue
            with path.open("rb") as handle:
                stat = os.fstat(handle.fileno())
                sha256 = hashlib.file_digest(handle, "sha256").hexdigest()
        except OSError as error:
            rejections.append(Rejection(name, "ingest", "ingest_unreadable", str(error)))
            continue
        if known is not None:
            if max(stat.st_mtime_ns, stat.st_ctime_ns) < settled_before:
                known[name] = (_stat_key(stat), sha256)
            else:
                known.pop(name, None)
        planned.append(PlannedFile(source, sha256))
    return planned, rejections


def input_digest(root: Path, planned: list[PlannedFile]) -> str:
    """Digest of every input file's name and bytes plus the manifest: names the release."""
    digest = hashlib.sha256()
    manifest = root / "manifest.json"
    if manifest.is_file():
        digest.update(b"manifest.json\0")
        digest.update(hashlib.sha256(manifest.read_bytes()).digest())
    removals = root / REMOVALS_FILE
    if removals.is_file():
        digest.update(REMOVALS_FILE.encode() + b"\0")
        digest.update(hashlib.sha256(removals.read_bytes()).digest())
    for entry in planned:
        digest.update(entry.source.source_file.encode() + b"\0")
        digest.update(bytes.fromhex(entry.sha256))
    return digest.hexdigest()
