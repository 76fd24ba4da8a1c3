"""Reading the raw folder and its optional manifest, refusing anything that escapes it."""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import re
import stat as stat_mode
import time
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field, replace
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

DEFAULT_MAX_FILE_BYTES = 64 * 2**20
"""The largest input file read by default (`PipelineConfig.max_file_mb`)."""

_OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
"""Opening an input never follows a symlink at its last step (a symlink of the folder is
opened at its checked target instead) and never waits: a FIFO opens at once and is then
refused, as it is no regular file."""


@dataclass(frozen=True, slots=True)
class FileIdentity:
    """Which file a name of the raw folder stood for when it was listed."""

    device: int
    inode: int

    @classmethod
    def of(cls, stat: os.stat_result) -> FileIdentity:
        return cls(stat.st_dev, stat.st_ino)


@dataclass(frozen=True, slots=True)
class RawCorpus:
    """The files to process (sorted by name) and what was refused before reading them;
    `listed` is each file's identity at listing, `manifest_sha256` and `removals_sha256`
    the digests of the manifest's and the removals list's bytes as read (None without
    such a file)."""

    root: Path
    sources: list[SourceInfo]
    rejections: list[Rejection]
    listed: dict[str, FileIdentity] = field(default_factory=dict)
    manifest_sha256: str | None = None
    removals_sha256: str | None = None


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


MANIFEST = "manifest.json"


def _read_side_file(root: Path, name: str, max_bytes: int, bad: str) -> bytes | Rejection | None:
    """The bytes of the raw folder's `manifest.json` or `removals.json`, None when there is
    none, or why it is ignored (`bad`, or `ingest_unsafe_path`)."""
    if not os.path.lexists(root / name):
        return None
    opened = open_input(root, name, max_bytes=max_bytes)
    if isinstance(opened, Rejection):
        reason = opened.reason if opened.reason == "ingest_unsafe_path" else bad
        return Rejection(name, "ingest", reason, f"{name} ignored: {opened.detail}")
    handle, _ = opened
    with handle:
        data = read_input(handle, max_bytes)
    if data is None:
        return Rejection(name, "ingest", bad, f"{name} ignored: it grew beyond the size limit")
    return data


def _load_manifest(
    root: Path, symlinks: Collection[str], max_bytes: int
) -> tuple[dict[str, SourceInfo], list[Rejection], str | None, object]:
    """The manifest's entries by file name, the sha256 of its bytes and its `removals`
    (None when absent); `symlinks` are the names in the raw folder that are symbolic
    links (known from its listing), the only ones that can lead outside it."""
    data = _read_side_file(root, MANIFEST, max_bytes, "ingest_bad_manifest")
    if data is None:
        return {}, [], None, None
    if isinstance(data, Rejection):
        return {}, [data], None, None
    manifest_sha256 = hashlib.sha256(data).hexdigest()
    try:
        document = json.loads(data.decode("utf-8"))
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
        return (
            {},
            [
                Rejection(
                    MANIFEST,
                    "ingest",
                    "ingest_bad_manifest",
                    f"manifest ignored, layouts will be detected: {type(error).__name__}: {error}",
                )
            ],
            manifest_sha256,
            None,
        )
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
    return infos, rejections, manifest_sha256, document.get("removals")


def scan_raw_folder(root: Path, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> RawCorpus:
    """List the input files (`.txt`, in any case) of the raw folder and what the manifest
    says of each, with the identity of the file each name stands for (checked again when
    it is opened: see `open_input`).

    One `os.scandir` pass: its entries know whether they are symlinks or regular files
    from the listing itself; each file costs one `lstat` (a symlink one `stat`) for its
    identity."""
    if not root.is_dir():
        raise RawFolderError(f"{root}: does not exist or is not a folder")
    with os.scandir(root) as listing:
        everything = list(listing)
    entries = {entry.name: entry for entry in everything if is_input_name(entry.name)}
    symlinks = {entry.name for entry in everything if _is_symlink(entry)}
    manifest, rejections, manifest_sha256, manifest_removals = _load_manifest(
        root, symlinks, max_bytes
    )
    sources: list[SourceInfo] = []
    listed: dict[str, FileIdentity] = {}
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
        try:
            listed[name] = FileIdentity.of(entries[name].stat(follow_symlinks=name in symlinks))
        except OSError as error:
            rejections.append(Rejection(name, "ingest", "ingest_unreadable", str(error)))
            continue
        sources.append(manifest.get(name, SourceInfo(source_file=name)))
    listed_names = set(names)
    for name in sorted(manifest):
        if name not in listed_names:
            rejections.append(
                Rejection(
                    name,
                    "ingest",
                    "ingest_missing_file",
                    "listed in manifest.json but not found in the raw folder",
                )
            )
    removals, refused, removals_sha256 = _load_removals(root, manifest_removals, max_bytes)
    sources, unknown = _attach_removals(sources, removals)
    rejections += refused + unknown
    return RawCorpus(root, sources, rejections, listed, manifest_sha256, removals_sha256)


def _kind(mode: int) -> str:
    """What a file that is not regular is, for a reject's detail."""
    kinds = (
        (stat_mode.S_ISFIFO, "a FIFO (named pipe)"),
        (stat_mode.S_ISDIR, "a folder"),
        (stat_mode.S_ISCHR, "a character device"),
        (stat_mode.S_ISBLK, "a block device"),
        (stat_mode.S_ISSOCK, "a socket"),
    )
    return next((what for test, what in kinds if test(mode)), "not a regular file")


def _megabytes(n_bytes: int) -> str:
    return f"{n_bytes / 2**20:.1f}".removesuffix(".0")


def _refusal(
    name: str, found: os.stat_result, listed: FileIdentity | None, max_bytes: int
) -> Rejection | None:
    """Why the open file `found` may not be read as the input `name`, if it may not."""
    if not stat_mode.S_ISREG(found.st_mode):
        detail = f"not a regular file: {_kind(found.st_mode)}"
        return Rejection(name, "ingest", "ingest_not_a_file", detail)
    if listed is not None and FileIdentity.of(found) != listed:
        detail = "the file was replaced after the raw folder was listed; run the build again"
        return Rejection(name, "ingest", "ingest_changed_during_run", detail)
    if found.st_size > max_bytes:
        detail = (
            f"file too large: {_megabytes(found.st_size)} MB > limit {_megabytes(max_bytes)} MB "
            "(--max-file-mb)"
        )
        return Rejection(name, "ingest", "ingest_too_large", detail)
    return None


def open_input(
    root: Path, name: str, *, max_bytes: int, listed: FileIdentity | None = None
) -> tuple[io.BufferedReader, os.stat_result] | Rejection:
    """Open the raw folder's file `name` for reading, safely: the one way every input (raw
    files and `manifest.json`) is opened.

    The name is opened with `O_NOFOLLOW | O_NONBLOCK`: a symlink is opened at its resolved
    target, and only when that lies inside `root`; nothing blocks (a FIFO opens at once).
    Then the open descriptor is checked with `fstat`, so that what is read is what was
    checked: a regular file, the file `listed` (its identity when the folder was listed,
    where known; workers that may see the folder through another mount check the bytes'
    digest instead), no larger than `max_bytes`. Anything else is a Rejection with the
    reason, never an error."""
    path = root / name
    try:
        try:
            fd = os.open(path, _OPEN_FLAGS)
        except OSError as error:
            if error.errno != errno.ELOOP:
                raise
            try:
                target = path.resolve(strict=True)
            except RuntimeError:  # a symlink loop (Python 3.11)
                return Rejection(name, "ingest", "ingest_not_a_file", "symlink loop")
            if not _inside(root, target):
                detail = "symlink points outside the raw folder; refused"
                return Rejection(name, "ingest", "ingest_unsafe_path", detail)
            fd = os.open(target, _OPEN_FLAGS)
    except OSError as error:
        if error.errno == errno.ELOOP:
            detail = "symlink loop or a symlink swapped in while opening"
            return Rejection(name, "ingest", "ingest_not_a_file", detail)
        return Rejection(name, "ingest", "ingest_unreadable", str(error))
    try:
        found = os.fstat(fd)
        refused = _refusal(name, found, listed, max_bytes)
    except OSError as error:
        refused = Rejection(name, "ingest", "ingest_unreadable", str(error))
    if refused is not None:
        os.close(fd)
        return refused
    return os.fdopen(fd, "rb"), found


def read_input(handle: io.BufferedReader, max_bytes: int) -> bytes | None:
    """All bytes of an input opened by `open_input`; None if there are more than
    `max_bytes` (it grew after its size was checked), so memory stays bounded."""
    data = handle.read(max_bytes + 1)
    return None if len(data) > max_bytes else data


REMOVALS_FILE = "removals.json"
"""The raw folder's removals list: `[{"id": …, "reason": …, "date": "YYYY-MM-DD"}, …]`
(`date` optional), read with the manifest's `removals`, a list of the same entries."""

_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _load_removals(
    root: Path, manifest_removals: object, max_bytes: int
) -> tuple[list[Removal], list[Rejection], str | None]:
    """The entries of `removals.json` (opened as every input is: `open_input`) and of the
    manifest's `removals`, and the sha256 of `removals.json`'s bytes; what cannot be read
    is an `ingest_bad_removal` rejection, never an error."""
    lists: list[tuple[str, object]] = []
    rejections: list[Rejection] = []
    data = _read_side_file(root, REMOVALS_FILE, max_bytes, "ingest_bad_removal")
    removals_sha256 = None
    if isinstance(data, Rejection):
        rejections.append(data)
    elif data is not None:
        removals_sha256 = hashlib.sha256(data).hexdigest()
        try:
            lists.append((REMOVALS_FILE, json.loads(data.decode("utf-8"))))
        except (UnicodeDecodeError, ValueError, RecursionError) as error:
            detail = f"{REMOVALS_FILE} ignored: {type(error).__name__}: {error}"
            rejections.append(Rejection(REMOVALS_FILE, "ingest", "ingest_bad_removal", detail))
    if manifest_removals is not None:
        lists.append((MANIFEST, manifest_removals))
    removals: list[Removal] = []
    for name, entries in lists:
        if not isinstance(entries, list):
            detail = "the removals must be a list of entries; ignored"
            rejections.append(Rejection(name, "ingest", "ingest_bad_removal", detail))
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
                detail = (
                    f"removal {index} needs an 'id', a 'reason' and at most a "
                    "YYYY-MM-DD 'date'; ignored"
                )
                rejections.append(Rejection(name, "ingest", "ingest_bad_removal", detail))
                continue
            removals.append(Removal(record_id, reason, date, name))
    return removals, rejections, removals_sha256


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
    root: Path,
    source: SourceInfo,
    expected_sha256: str | None = None,
    max_bytes: int = DEFAULT_MAX_FILE_BYTES,
) -> RawDocument | Rejection:
    """Read one file's bytes (`open_input`); an unreadable or unsafe file, or one whose
    bytes are no longer those the build was planned with, becomes a Rejection, not a
    crash."""
    name = source.source_file
    opened = open_input(root, name, max_bytes=max_bytes)
    if isinstance(opened, Rejection):
        return opened
    handle, _ = opened
    try:
        with handle:
            data = read_input(handle, max_bytes)
    except OSError as error:
        return Rejection(name, "ingest", "ingest_unreadable", str(error))
    if data is None:
        detail = (
            f"file too large: it grew beyond the limit of {_megabytes(max_bytes)} MB while read"
        )
        return Rejection(name, "ingest", "ingest_too_large", detail)
    sha256 = hashlib.sha256(data).hexdigest()
    if expected_sha256 is not None and sha256 != expected_sha256:
        return Rejection(
            name,
            "ingest",
            "ingest_changed_during_run",
            f"the file changed while the build ran (sha256 {expected_sha256[:12]}… when "
            f"planned, {sha256[:12]}… when read); run the build again",
            sha256,
        )
    return RawDocument(source=source, data=data, sha256=sha256)


def iter_raw(
    root: Path,
    sources: list[SourceInfo],
    expected: list[str] | None = None,
    max_bytes: int = DEFAULT_MAX_FILE_BYTES,
) -> Iterator[RawDocument | Rejection]:
    for index, source in enumerate(sources):
        yield read_raw(root, source, expected[index] if expected else None, max_bytes)


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
    *,
    listed: Mapping[str, FileIdentity] | None = None,
    max_bytes: int = DEFAULT_MAX_FILE_BYTES,
) -> tuple[list[PlannedFile], list[Rejection]]:
    """The sha256 of every file's bytes, read in chunks (nothing is kept in memory) from
    the descriptor `open_input` checked against the file's identity in `listed` (the
    listing's, `RawCorpus.listed`), so that a file swapped since is refused, not hashed.

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
        identity = listed.get(name) if listed is not None else None
        try:
            remembered = known.get(name) if known is not None else None
            if remembered is not None:
                now = (root / name).stat()
                same = identity is None or FileIdentity.of(now) == identity
                if same and now.st_size <= max_bytes and _stat_key(now) == remembered[0]:
                    planned.append(PlannedFile(source, remembered[1]))
                    continue
            opened = open_input(root, name, max_bytes=max_bytes, listed=identity)
            if isinstance(opened, Rejection):
                rejections.append(opened)
                continue
            handle, stat = opened
            with handle:
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


def input_digest(corpus: RawCorpus, planned: list[PlannedFile]) -> str:
    """Digest of every input file's name and bytes plus the manifest's bytes as they were
    read: names the release."""
    digest = hashlib.sha256()
    if corpus.manifest_sha256 is not None:
        digest.update(b"manifest.json\0")
        digest.update(bytes.fromhex(corpus.manifest_sha256))
    if corpus.removals_sha256 is not None:
        digest.update(REMOVALS_FILE.encode() + b"\0")
        digest.update(bytes.fromhex(corpus.removals_sha256))
    for entry in planned:
        digest.update(entry.source.source_file.encode() + b"\0")
        digest.update(bytes.fromhex(entry.sha256))
    return digest.hexdigest()
