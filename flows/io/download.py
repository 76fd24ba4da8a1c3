"""Fetching a published release from a URL and refusing it unless every byte verifies.

A release is only useful if a user can trust that the Parquet and DuckDB files on their
disk are exactly the ones that were published. So the download is checked end to end
against the release's own checksums: `manifest.json` must match `SHA256SUMS`, and every
file the manifest lists must match its size and sha256. Files are streamed to `.part`
files inside a hidden staging folder next to the final one; transient network failures are
retried with exponential backoff, and a cut-off transfer resumes with an HTTP Range request
when the server allows it. Only a release in which every file verifies is renamed into
`dest/<version>`; anything else raises and leaves nothing behind, so a half-downloaded or
tampered release can never be mistaken for a good one.

The checksums come from the same server as the data, so this guards against corruption,
truncation and a server swapping files mid-download, not against a malicious server.

Standard library only (urllib), so fetching a release needs none of the pipeline's
dependencies, but for s3:// URLs, whose keys are fetched over HTTP through URLs boto3
presigns. Base URLs may be http://, https://, file:// (or a plain local path) or
s3://bucket/prefix; the base holds `releases/<version>/` and `releases.json`, the index.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import json
import logging
import os
import re
import shutil
import socket
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, TextIO, TypeVar

from flows.io.index import INDEX_NAME

__all__ = [
    "DownloadError",
    "NotFoundError",
    "ReleaseVerificationError",
    "TextProgress",
    "download_release",
    "fetch_index",
]

Progress = Callable[[str, int, int], None]
T = TypeVar("T")

log = logging.getLogger(__name__)

CHUNK_BYTES = 256 * 1024
BACKOFF_SECONDS = 0.5  # first retry waits this long, then 2x, 4x, …
MAX_BACKOFF_SECONDS = 30.0
MAX_METADATA_BYTES = 16 * 1024 * 1024  # SHA256SUMS and manifest.json are small text files
USER_AGENT = "ru-political-corpus-download/1"

SUMS_NAME = "SHA256SUMS"
MANIFEST_NAME = "manifest.json"
_SHA256 = re.compile(r"[0-9a-f]{64}")
_SUMS_LINE = re.compile(r"([0-9a-f]{64}) [ *](.+)")
_VERSION = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]*")
_CONTENT_RANGE = re.compile(r"bytes (\d+)-(\d+)/(\d+|\*)")


class DownloadError(RuntimeError):
    """The release could not be fetched (missing on the server, or still failing after
    all retries)."""


class NotFoundError(DownloadError):
    """The server has no such file (HTTP 404, 410 or 403, as S3 answers for a missing key
    to whom may not list the bucket; no such local file)."""


class ReleaseVerificationError(DownloadError):
    """What was fetched is not the release its checksums describe; nothing was installed."""

    def __init__(self, file: str, reason: str) -> None:
        super().__init__(f"{file}: {reason}")
        self.file = file
        self.reason = reason


class _ShortRead(Exception):
    """The body ended before the expected size (retried, resuming where it stopped)."""


class TextProgress:
    """Default progress printer: one line per file with its percentage and size.

    On a terminal the line is redrawn in place as the file arrives; elsewhere (CI logs,
    pipes) only the finished line is written, so logs get exactly one line per file.
    """

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.live = self.stream.isatty()
        self._last: tuple[str, int] | None = None

    def __call__(self, name: str, done: int, total: int) -> None:
        percent = 100 if total <= 0 else min(100, done * 100 // total)
        finished = done >= total
        if not finished and (not self.live or self._last == (name, percent)):
            return
        self._last = (name, percent)
        amount = (
            _human_bytes(total) if finished else f"{_human_bytes(done)} / {_human_bytes(total)}"
        )
        line = f"  {name:<28} {percent:>3}%  {amount}"
        if self.live:
            self.stream.write("\r\033[K" + line + ("\n" if finished else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


def _human_bytes(count: int) -> str:
    size = float(count)
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    raise AssertionError("unreachable")


def download_release(
    base_url: str,
    dest: Path,
    version: str | None = None,
    *,
    retries: int = 3,
    progress: Progress | None = None,
    timeout: float = 30.0,
) -> Path:
    """Fetch a release from `base_url` (an output folder as served) into `dest/<version>`.

    `base_url` is http(s)://, file:// (or a path) or s3://bucket/prefix (read through
    URLs presigned with the standard AWS environment, see `flows.io.publish.s3_client`).
    With `version` the release is read from `<base>/releases/<version>/`; a version that is
    not there raises a DownloadError naming the versions `<base>/releases.json` lists.
    Without it, the index's `latest` is fetched (or, where there is no index, the one
    `<base>/release/manifest.json` names), always from `releases/<that version>/`, so a
    publish happening meanwhile cannot mix two releases.
    `retries` is how many times a transient failure (connection error, timeout, HTTP 5xx,
    408, 429, a body cut short) is retried per request. `progress(name, done, total)` is
    called as bytes arrive; pass `TextProgress()` for a terminal or CI log.

    Raises `ReleaseVerificationError` if anything does not match its checksum, or the
    manifest is malformed or names a path outside the release; `DownloadError` if a file
    cannot be fetched. Either way nothing is left in `dest`. An existing `dest/<version>` is
    replaced only once the new copy has verified. Returns the release folder.
    """
    if version is not None and not _VERSION.fullmatch(version):
        raise ValueError(f"not a release version: {version!r}")
    if retries < 0:
        raise ValueError("retries must be >= 0")
    where = _location(base_url)
    fetcher = _Fetcher(retries=retries, timeout=timeout)

    if version is None:
        version = _latest_version(fetcher, where)
        manifest_bytes = fetcher.fetch_bytes(
            where(_release_key(version, MANIFEST_NAME)), MANIFEST_NAME
        )
    else:
        try:
            manifest_bytes = fetcher.fetch_bytes(
                where(_release_key(version, MANIFEST_NAME)), MANIFEST_NAME
            )
        except NotFoundError as error:
            raise _no_such_version(fetcher, where, base_url, version) or error from None
    sums_bytes = fetcher.fetch_bytes(where(_release_key(version, SUMS_NAME)), SUMS_NAME)

    files = _verify_metadata(sums_bytes, manifest_bytes, version)
    if progress is not None:
        progress(SUMS_NAME, len(sums_bytes), len(sums_bytes))
        progress(MANIFEST_NAME, len(manifest_bytes), len(manifest_bytes))

    dest = Path(dest)
    created = not dest.exists()
    dest.mkdir(parents=True, exist_ok=True)
    remove_abandoned_downloads(dest)
    staging = dest / f".download-{version}-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir()
    try:
        _write_synced(staging / SUMS_NAME, sums_bytes)
        _write_synced(staging / MANIFEST_NAME, manifest_bytes)
        for name, (size, sha256) in files.items():
            url = where(_release_key(version, name))
            fetcher.fetch_verified_file(url, staging / name, name, size, sha256, progress)
        return _install(staging, dest / version)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if created:
            with contextlib.suppress(OSError):
                dest.rmdir()  # only if still empty
        raise


Location = Callable[[str], str]
"""Maps a key under the base (`releases/<v>/data/posts.parquet`) to the URL to fetch."""


def _release_key(version: str, name: str) -> str:
    return f"releases/{version}/{name}"


def _location(base_url: str) -> Location:
    """How to reach each key of `base_url`: appended to an http(s) or file URL, or, for
    s3://bucket/prefix, presigned (a local computation; unsigned without credentials)."""
    parts = urllib.parse.urlsplit(base_url)
    if parts.scheme.lower() != "s3":
        base = _base_url(base_url)
        return lambda key: f"{base}/{urllib.parse.quote(key)}"
    if not parts.netloc:
        raise ValueError(f"no bucket in {base_url!r} (s3://bucket/prefix)")
    from flows.io.publish import s3_client  # boto3, only for s3:// URLs

    client = s3_client()
    prefix = urllib.parse.unquote(parts.path).strip("/")

    def presign(key: str) -> str:
        params = {"Bucket": parts.netloc, "Key": f"{prefix}/{key}" if prefix else key}
        return str(client.generate_presigned_url("get_object", Params=params, ExpiresIn=3600))

    return presign


def fetch_index(base_url: str, *, retries: int = 3, timeout: float = 30.0) -> dict[str, Any]:
    """The releases index (`releases.json`) at `base_url`. Raises DownloadError when it
    cannot be fetched, ReleaseVerificationError when it is not an index."""
    fetcher = _Fetcher(retries=retries, timeout=timeout)
    return _fetch_index(fetcher, _location(base_url))


def _fetch_index(fetcher: _Fetcher, where: Location) -> dict[str, Any]:
    data = fetcher.fetch_bytes(where(INDEX_NAME), INDEX_NAME)
    try:
        index = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ReleaseVerificationError(INDEX_NAME, f"not valid JSON ({error})") from None
    releases = index.get("releases") if isinstance(index, dict) else None
    if not isinstance(releases, list) or not all(
        isinstance(entry, dict) and isinstance(entry.get("version"), str) for entry in releases
    ):
        raise ReleaseVerificationError(INDEX_NAME, "no 'releases' list of versions")
    return dict(index)


def _latest_version(fetcher: _Fetcher, where: Location) -> str:
    """The index's `latest`; where there is no index, the version `release/` holds."""
    try:
        latest = _fetch_index(fetcher, where).get("latest")
    except NotFoundError:
        manifest = _parse_manifest(
            fetcher.fetch_bytes(where(f"release/{MANIFEST_NAME}"), MANIFEST_NAME)
        )
        return _manifest_version(manifest)
    if not isinstance(latest, str) or not _VERSION.fullmatch(latest):
        raise ReleaseVerificationError(INDEX_NAME, f"missing or unsafe latest {latest!r}")
    return latest


def _no_such_version(
    fetcher: _Fetcher, where: Location, base_url: str, version: str
) -> DownloadError | None:
    """The error for a version the index does not list (naming those it does), or None
    when there is no index or it lists the version (the fetch failed for another reason)."""
    try:
        index = _fetch_index(fetcher, where)
    except DownloadError:
        return None
    versions = [entry["version"] for entry in index["releases"]]
    if version in versions:
        return None
    listed = ", ".join(versions) or "none"
    return DownloadError(
        f"no release {version} at {base_url}; releases: {listed} (latest: {index.get('latest')})"
    )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def remove_abandoned_downloads(dest: Path) -> list[Path]:
    """Remove the `.download-<version>-<pid>` folders of downloads into `dest` whose
    process is gone (killed mid-download); a running one's folder is left alone."""
    removed = []
    for path in sorted(dest.glob(".download-*")):
        pid = path.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def _base_url(base_url: str) -> str:
    scheme = urllib.parse.urlsplit(base_url).scheme.lower()
    if scheme in ("http", "https", "file"):
        return base_url.rstrip("/")
    if scheme == "":
        return Path(base_url).resolve().as_uri()
    raise ValueError(f"unsupported URL scheme {scheme!r} in {base_url!r} (http, https or file)")


# -- verifying metadata ---------------------------------------------------------------------


def _parse_manifest(manifest_bytes: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(manifest_bytes.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ReleaseVerificationError(MANIFEST_NAME, f"not valid JSON ({error})") from None
    if not isinstance(manifest, dict):
        raise ReleaseVerificationError(MANIFEST_NAME, "not a JSON object")
    return manifest


def _manifest_version(manifest: dict[str, Any]) -> str:
    version = manifest.get("version")
    if not isinstance(version, str) or not _VERSION.fullmatch(version):
        raise ReleaseVerificationError(MANIFEST_NAME, f"missing or unsafe version {version!r}")
    return version


def _parse_sums(sums_bytes: bytes) -> dict[str, str]:
    sums: dict[str, str] = {}
    try:
        text = sums_bytes.decode("utf-8")
    except UnicodeDecodeError:
        raise ReleaseVerificationError(SUMS_NAME, "not UTF-8 text") from None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _SUMS_LINE.fullmatch(line)
        if match is None:
            raise ReleaseVerificationError(SUMS_NAME, f"line {number} is malformed: {line!r}")
        digest, name = match.groups()
        if name in sums:
            raise ReleaseVerificationError(SUMS_NAME, f"{name} is listed twice")
        sums[name] = digest
    return sums


def _check_name(name: str) -> None:
    """Refuse a manifest path that could land outside the release folder."""
    path = PurePosixPath(name)
    if (
        not name
        or path.is_absolute()
        or "\\" in name
        or "\0" in name
        or any(part in ("", ".", "..") for part in name.split("/"))
        or re.match(r"[A-Za-z]:", name)
        or name in (SUMS_NAME, MANIFEST_NAME)
    ):
        raise ReleaseVerificationError(
            name, "unsafe path in manifest (must stay inside the release)"
        )


def _verify_metadata(
    sums_bytes: bytes, manifest_bytes: bytes, version: str
) -> dict[str, tuple[int, str]]:
    """Check manifest.json against SHA256SUMS and return its files as {name: (bytes, sha256)}."""
    sums = _parse_sums(sums_bytes)
    expected = sums.get(MANIFEST_NAME)
    if expected is None:
        raise ReleaseVerificationError(SUMS_NAME, f"does not list {MANIFEST_NAME}")
    got = hashlib.sha256(manifest_bytes).hexdigest()
    if got != expected:
        raise ReleaseVerificationError(
            MANIFEST_NAME, f"sha256 mismatch (expected {expected}, got {got})"
        )
    manifest = _parse_manifest(manifest_bytes)
    if _manifest_version(manifest) != version:
        raise ReleaseVerificationError(
            MANIFEST_NAME, f"version mismatch (expected {version}, got {manifest['version']})"
        )
    entries = manifest.get("files")
    if not isinstance(entries, dict) or not entries:
        raise ReleaseVerificationError(MANIFEST_NAME, "no 'files' table")

    files: dict[str, tuple[int, str]] = {}
    for name, entry in sorted(entries.items()):
        _check_name(name)
        size = entry.get("bytes") if isinstance(entry, dict) else None
        digest = entry.get("sha256") if isinstance(entry, dict) else None
        if (
            not isinstance(size, int)
            or isinstance(size, bool)
            or size < 0
            or not isinstance(digest, str)
            or not _SHA256.fullmatch(digest)
        ):
            raise ReleaseVerificationError(name, f"malformed manifest entry {entry!r}")
        files[name] = (size, digest)
    for name in files:
        parents = {str(parent) for parent in PurePosixPath(name).parents}
        clash = parents & files.keys() or ({f"{name}.part"} & files.keys())
        if clash:
            raise ReleaseVerificationError(name, f"path clashes with {sorted(clash)[0]}")

    listed = set(sums) - {MANIFEST_NAME}
    for name in sorted(listed ^ files.keys()):
        where = MANIFEST_NAME if name in listed else SUMS_NAME
        raise ReleaseVerificationError(name, f"missing from {where}")
    for name, (_, digest) in files.items():
        if sums[name] != digest:
            raise ReleaseVerificationError(
                name, f"{SUMS_NAME} and {MANIFEST_NAME} disagree on its sha256"
            )
    return files


# -- fetching -------------------------------------------------------------------------------


def _is_missing(error: urllib.error.URLError) -> bool:
    if isinstance(error, urllib.error.HTTPError):
        return error.code in (403, 404, 410)
    return isinstance(error.reason, FileNotFoundError)


def _shown(url: str) -> str:
    """A URL as error messages show it: without its query (a presigned URL's signature)."""
    return urllib.parse.urlsplit(url)._replace(query="").geturl()


def _is_transient(error: BaseException) -> bool:
    if isinstance(error, _ShortRead | http.client.IncompleteRead):
        return True
    if isinstance(error, urllib.error.HTTPError):
        return error.code >= 500 or error.code in (408, 429)
    if isinstance(error, urllib.error.URLError):
        return isinstance(error.reason, ConnectionError | TimeoutError | socket.gaierror)
    return isinstance(error, ConnectionError | TimeoutError)


@dataclass
class _PartState:
    """What one file's download has learnt across its attempts."""

    resumed: bool = False  # some bytes in the .part came from a 206 response
    use_range: bool = True  # False once the server answered a Range request wrongly
    validator: str | None = None  # ETag or Last-Modified of the response that began the .part


class _Fetcher:
    def __init__(self, retries: int, timeout: float) -> None:
        self.retries = retries
        self.timeout = timeout

    def _open(self, url: str, headers: dict[str, str] | None = None) -> Any:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **(headers or {})})
        return urllib.request.urlopen(request, timeout=self.timeout)

    def _retrying(self, name: str, url: str, attempt: Callable[[], T]) -> T:
        """Run `attempt`, retrying transient failures with exponential backoff."""
        for number in range(self.retries + 1):
            try:
                return attempt()
            except (OSError, http.client.HTTPException, _ShortRead) as error:
                reason = _describe(error)
                if isinstance(error, urllib.error.HTTPError):
                    error.close()
                if not _is_transient(error):
                    if isinstance(error, urllib.error.URLError):
                        missing = _is_missing(error)
                        kind = NotFoundError if missing else DownloadError
                        raise kind(f"{name}: {reason} ({_shown(url)})") from error
                    raise
                if number == self.retries:
                    raise DownloadError(
                        f"{name}: still failing after {self.retries + 1} attempts: {reason} ({_shown(url)})"
                    ) from error
                delay = min(MAX_BACKOFF_SECONDS, BACKOFF_SECONDS * 2**number)
                log.warning("%s: %s; retrying in %.1f s", name, reason, delay)
                time.sleep(delay)
        raise AssertionError("unreachable")

    def fetch_bytes(self, url: str, name: str) -> bytes:
        """A small file read whole (an incomplete body raises IncompleteRead and is retried)."""

        def attempt() -> bytes:
            with self._open(url) as response:
                length = response.headers.get("Content-Length")
                if length is not None and length.isdigit() and int(length) > MAX_METADATA_BYTES:
                    raise ReleaseVerificationError(name, f"too large ({length} bytes)")
                body: bytes = response.read(MAX_METADATA_BYTES + 1)
                if len(body) > MAX_METADATA_BYTES:
                    raise ReleaseVerificationError(name, "too large")
                if length is not None and length.isdigit() and len(body) < int(length):
                    raise _ShortRead(f"got {len(body)} of {length} bytes")
                return body

        return self._retrying(name, url, attempt)

    def fetch_verified_file(
        self,
        url: str,
        target: Path,
        name: str,
        size: int,
        sha256: str,
        progress: Progress | None,
    ) -> None:
        """Download one file to `<target>.part`, verify it, then rename it to `target`.

        If the hash fails on a file that was pieced together from a resumed transfer, the
        pieces may come from different versions of the file: fetch it once more from scratch.
        """
        target.parent.mkdir(parents=True, exist_ok=True)
        part = target.with_name(target.name + ".part")
        part.unlink(missing_ok=True)
        resumed = self._fetch_to_part(url, part, name, size, progress)
        failure = _check_file(part, size, sha256)
        if failure is not None and resumed:
            log.warning("%s: %s after a resumed download; downloading it again", name, failure)
            part.unlink()
            self._fetch_to_part(url, part, name, size, progress)
            failure = _check_file(part, size, sha256)
        if failure is not None:
            raise ReleaseVerificationError(name, failure)
        os.replace(part, target)

    def _fetch_to_part(
        self, url: str, part: Path, name: str, size: int, progress: Progress | None
    ) -> bool:
        """Fill `part` with the body of `url` (up to `size` + 1 bytes); True if any of it
        came from a resumed (206) transfer. A .part is only appended to when the server
        answers a Range request with exactly the requested range of the same entity."""
        state = _PartState()

        def attempt() -> None:
            offset = part.stat().st_size if part.exists() else 0
            if offset > size:
                part.unlink()
                offset = 0
            if offset == size and offset > 0:
                return
            headers = {}
            if offset and state.use_range:
                headers["Range"] = f"bytes={offset}-"
                if state.validator:
                    headers["If-Range"] = state.validator
            try:
                response = self._open(url, headers)
            except urllib.error.HTTPError as error:
                if error.code == 416:  # our .part does not fit the file the server has now
                    part.unlink(missing_ok=True)
                    raise _ShortRead("range not satisfiable; starting over") from error
                raise
            with response:
                status = response.status or 200  # file:// responses have no status
                if status == 206 and "Range" in headers:
                    if not _range_matches(response, offset, size, state.validator):
                        state.use_range = False
                        raise _ShortRead("server sent a different range; starting over")
                    state.resumed = True
                    mode = "ab"
                else:
                    if status != 200:
                        raise DownloadError(
                            f"{name}: unexpected HTTP status {status} ({_shown(url)})"
                        )
                    length = response.headers.get("Content-Length")
                    if length is not None and length.isdigit() and int(length) != size:
                        raise ReleaseVerificationError(
                            name, f"size mismatch (expected {size} bytes, server has {length})"
                        )
                    state.validator = _validator(response)
                    offset, mode = 0, "wb"
                done = _stream(response, part, mode, offset, size, name, progress)
            if done < size:
                raise _ShortRead(f"connection closed after {done} of {size} bytes")

        self._retrying(name, url, attempt)
        return state.resumed


def _stream(
    response: Any,
    part: Path,
    mode: str,
    offset: int,
    size: int,
    name: str,
    progress: Progress | None,
) -> int:
    """Copy the body into `part` in chunks, stopping one byte past `size` (enough to show
    the file is too long without reading an endless body). Returns the bytes in `part`."""
    done = offset
    with part.open(mode) as handle:
        if progress is not None:
            progress(name, done, size)
        while done <= size:
            chunk = response.read(min(CHUNK_BYTES, size + 1 - done))
            if not chunk:
                break
            handle.write(chunk)
            done += len(chunk)
            if progress is not None:
                progress(name, min(done, size), size)
        handle.flush()
        os.fsync(handle.fileno())
    return done


def _validator(response: Any) -> str | None:
    """What to send in If-Range so a resumed transfer is refused if the file has changed."""
    etag = response.headers.get("ETag")
    if etag and not etag.startswith("W/"):
        return str(etag)
    modified = response.headers.get("Last-Modified")
    return str(modified) if modified else None


def _range_matches(response: Any, offset: int, size: int, validator: str | None) -> bool:
    match = _CONTENT_RANGE.fullmatch((response.headers.get("Content-Range") or "").strip())
    if match is None or int(match.group(1)) != offset:
        return False
    if match.group(3) != "*" and int(match.group(3)) != size:
        return False
    etag = response.headers.get("ETag")
    return not (validator and etag and validator.startswith('"') and etag != validator)


def _check_file(path: Path, size: int, sha256: str) -> str | None:
    """Why `path` is not the file the manifest describes, or None if it is."""
    actual = path.stat().st_size
    if actual != size:
        got = f"more than {size}" if actual > size else str(actual)
        return f"size mismatch (expected {size} bytes, got {got})"
    with path.open("rb") as handle:
        got = hashlib.file_digest(handle, "sha256").hexdigest()
    if got != sha256:
        return f"sha256 mismatch (expected {sha256}, got {got})"
    return None


def _describe(error: BaseException) -> str:
    if isinstance(error, urllib.error.HTTPError):
        return f"HTTP {error.code} {error.reason}"
    if isinstance(error, urllib.error.URLError):
        return str(error.reason)
    return str(error) or type(error).__name__


# -- installing -----------------------------------------------------------------------------


def _write_synced(path: Path, data: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _install(staging: Path, target: Path) -> Path:
    """Rename the verified staging folder into place, replacing an older copy only now."""
    if target.exists() or target.is_symlink():
        retired = target.with_name(f".retired-{target.name}-{os.getpid()}")
        os.replace(target, retired)
        os.replace(staging, target)
        if retired.is_dir() and not retired.is_symlink():
            shutil.rmtree(retired)
        else:
            retired.unlink()
    else:
        os.replace(staging, target)
    return target
