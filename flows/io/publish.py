"""Publishing a built release to a folder or an S3-compatible object store, and the
releases index (`releases.json`) at the published root.

The published root has the layout of an output folder: `releases/<version>/…` with every
file of the release, and `releases.json` (`flows.io.index`). So `flows download` reads a
published root and a served output folder alike.

What a reader can see is always a whole release:

1. every file of the release but its manifest goes up first (the data files, the
   database, the card, `SHA256SUMS`);
2. then the release's `manifest.json`: a downloader starts from it, so until it is there
   the version does not exist for anyone;
3. last the index, derived from every manifest under `releases/`, with the published
   version as `latest`.

A publish that fails or is killed before step 3 leaves the previous index, and every
release it names, as they were; running it again uploads what is missing and finishes.
A file already there with the same size and sha256 (kept as the object's `sha256`
metadata on S3, read from the file itself in a folder) is not uploaded again, so
publishing a version that is there already uploads nothing.

Targets: `s3://bucket/prefix` (boto3, configured by the standard AWS environment:
`AWS_ENDPOINT_URL`, `AWS_REGION`/`AWS_DEFAULT_REGION`, `AWS_ACCESS_KEY_ID`, … ; path-style
addressing when an endpoint is set, as S3-compatible servers expect), `file:///path` or a
plain path; and `hf-layout:<dir>`, one release as a Hugging Face dataset repository to push
(see `_publish_hf_layout`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from flows.io.index import (
    INDEX_NAME,
    MANIFEST_NAME,
    RELEASES_DIR,
    index_bytes,
    manifest_key,
    releases_index,
)

__all__ = [
    "FileStore",
    "PublishError",
    "PublishResult",
    "S3Store",
    "Store",
    "open_store",
    "publish_release",
    "s3_client",
]

SUMS_NAME = "SHA256SUMS"
SHA_METADATA = "sha256"


class PublishError(RuntimeError):
    """The release cannot be published as it is (not a release, or its files do not match
    its manifest); nothing was uploaded."""


class Store(Protocol):
    """Where releases are published: keys are `/`-separated paths under the root."""

    url: str

    def stat(self, key: str) -> tuple[int, str | None] | None:
        """Size and sha256 of the object at `key` (sha256 None when unknown), or None."""
        ...

    def read(self, key: str) -> bytes | None:
        """The bytes at `key`, or None when there is nothing."""
        ...

    def keys(self, prefix: str) -> list[str]:
        """Every key under `prefix`, sorted."""
        ...

    def put(self, key: str, source: Path | bytes, sha256: str) -> None:
        """Store a file or bytes at `key`, so that a reader sees the old object or the
        whole new one, never a part."""
        ...


def _sha256_path(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


class FileStore:
    """A folder; each object is written to a temporary name beside it, then renamed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.url = root.as_uri()

    def _path(self, key: str) -> Path:
        return self.root.joinpath(*key.split("/"))

    def stat(self, key: str) -> tuple[int, str | None] | None:
        path = self._path(key)
        if not path.is_file():
            return None
        return path.stat().st_size, _sha256_path(path)

    def read(self, key: str) -> bytes | None:
        path = self._path(key)
        return path.read_bytes() if path.is_file() else None

    def keys(self, prefix: str) -> list[str]:
        base = self._path(prefix)
        if not base.is_dir():
            return []
        found = (path.relative_to(base) for path in base.rglob("*") if path.is_file())
        return sorted(
            f"{prefix.rstrip('/')}/{path.as_posix()}".lstrip("/")
            for path in found
            if not any(part.startswith(".") for part in path.parts)
        )

    def remove(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def put(self, key: str, source: Path | bytes, sha256: str) -> None:
        target = self._path(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            with temporary.open("wb") as handle:
                if isinstance(source, bytes):
                    handle.write(source)
                else:
                    with source.open("rb") as reader:
                        for chunk in iter(lambda: reader.read(1 << 20), b""):
                            handle.write(chunk)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, target)
        finally:
            temporary.unlink(missing_ok=True)


def s3_client() -> Any:
    """A boto3 S3 client configured by the standard AWS environment variables; path-style
    addressing when an endpoint is set (`AWS_ENDPOINT_URL` or `AWS_ENDPOINT_URL_S3`);
    unsigned requests when no credentials are found (public buckets)."""
    import boto3
    from botocore import UNSIGNED
    from botocore.config import Config

    session = boto3.session.Session(
        region_name=os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION")
    )
    options: dict[str, Any] = {"retries": {"max_attempts": 5, "mode": "standard"}}
    if os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL"):
        options["s3"] = {"addressing_style": "path"}
    options["signature_version"] = "s3v4" if session.get_credentials() else UNSIGNED
    return session.client(
        "s3", region_name=session.region_name or "us-east-1", config=Config(**options)
    )


class S3Store:
    """A bucket and a prefix in an S3-compatible store (a PUT replaces an object whole)."""

    def __init__(self, bucket: str, prefix: str, client: Any = None) -> None:
        self.bucket = bucket
        self.prefix = prefix.strip("/")
        self.client = client if client is not None else s3_client()
        self.url = f"s3://{bucket}/{self.prefix}".rstrip("/")

    def _key(self, key: str) -> str:
        return f"{self.prefix}/{key}" if self.prefix else key

    def _missing(self, error: Exception) -> bool:
        response = getattr(error, "response", None) or {}
        code = str(response.get("Error", {}).get("Code", ""))
        return code in ("404", "NoSuchKey", "NotFound")

    def stat(self, key: str) -> tuple[int, str | None] | None:
        from botocore.exceptions import ClientError

        try:
            head = self.client.head_object(Bucket=self.bucket, Key=self._key(key))
        except ClientError as error:
            if self._missing(error):
                return None
            raise
        return int(head["ContentLength"]), head.get("Metadata", {}).get(SHA_METADATA)

    def read(self, key: str) -> bytes | None:
        from botocore.exceptions import ClientError

        try:
            response = self.client.get_object(Bucket=self.bucket, Key=self._key(key))
        except ClientError as error:
            if self._missing(error):
                return None
            raise
        return bytes(response["Body"].read())

    def keys(self, prefix: str) -> list[str]:
        full = self._key(prefix.rstrip("/") + "/")
        skip = len(self.prefix) + 1 if self.prefix else 0
        found: list[str] = []
        pages = self.client.get_paginator("list_objects_v2")
        for page in pages.paginate(Bucket=self.bucket, Prefix=full):
            found.extend(item["Key"][skip:] for item in page.get("Contents", []))
        return sorted(found)

    def put(self, key: str, source: Path | bytes, sha256: str) -> None:
        extra = {"Metadata": {SHA_METADATA: sha256}, "ContentType": _content_type(key)}
        if isinstance(source, bytes):
            self.client.put_object(Bucket=self.bucket, Key=self._key(key), Body=source, **extra)
        else:
            self.client.upload_file(str(source), self.bucket, self._key(key), ExtraArgs=extra)


def _content_type(key: str) -> str:
    if key.endswith(".json"):
        return "application/json"
    if key.endswith(".md") or key.endswith(SUMS_NAME) or key.endswith(".cff"):
        return "text/plain; charset=utf-8"
    return "application/octet-stream"


HF_LAYOUT = "hf-layout:"
GITATTRIBUTES = (
    "*.parquet filter=lfs diff=lfs merge=lfs -text\n*.duckdb filter=lfs diff=lfs merge=lfs -text\n"
)
"""The Hub keeps binary files in Git LFS (or Xet); a push of the folder with git needs this."""


def open_store(url: str) -> Store:
    """The store a publish target names: `s3://bucket/prefix`, `file:///path` or a path."""
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "s3":
        if not parts.netloc:
            raise ValueError(f"no bucket in {url!r} (s3://bucket/prefix)")
        return S3Store(parts.netloc, urllib.parse.unquote(parts.path))
    if scheme == "file":
        return FileStore(Path(urllib.parse.unquote(parts.path)))
    if scheme == "" or (len(scheme) == 1 and os.name == "nt"):
        return FileStore(Path(url).resolve())
    raise ValueError(f"unsupported publish target {url!r} (s3://bucket/prefix, file:// or a path)")


@dataclass
class PublishResult:
    """What a publish did: the version, the keys uploaded, the keys already there."""

    version: str
    url: str
    uploaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def _release_files(release: Path) -> tuple[str, bytes, dict[str, tuple[int, str]]]:
    """The release's version, manifest bytes and {name: (bytes, sha256)} of every other
    file (SHA256SUMS included), each checked against the manifest."""
    manifest_path = release / MANIFEST_NAME
    if not manifest_path.is_file():
        raise PublishError(f"{release}: not a release (no {MANIFEST_NAME})")
    manifest_bytes = manifest_path.read_bytes()
    manifest = json.loads(manifest_bytes)
    version = manifest.get("version")
    if not isinstance(version, str) or not version or "/" in version:
        raise PublishError(f"{manifest_path}: missing or unsafe version {version!r}")
    files: dict[str, tuple[int, str]] = {}
    for name, entry in sorted(manifest.get("files", {}).items()):
        path = release / name
        if not path.is_file():
            raise PublishError(f"{path}: listed in the manifest but missing")
        sha256 = _sha256_path(path)
        if path.stat().st_size != entry["bytes"] or sha256 != entry["sha256"]:
            raise PublishError(f"{path}: does not match its manifest entry")
        files[name] = (entry["bytes"], sha256)
    sums = release / SUMS_NAME
    if not sums.is_file():
        raise PublishError(f"{release}: not a release (no {SUMS_NAME})")
    files[SUMS_NAME] = (sums.stat().st_size, _sha256_path(sums))
    return version, manifest_bytes, files


def publish_release(
    release: Path,
    target: str | Store,
    *,
    progress: Callable[[str, bool], None] | None = None,
) -> PublishResult:
    """Publish the release folder `release` to `target` (a URL or a store): its files, then
    its manifest, then `releases.json` with this version as `latest` (see the module's
    docstring for why in this order). `progress(key, uploaded)` is told each key as it is
    done. Raises PublishError for a folder that is not a verifiable release; a failure of
    the store propagates, leaving the previous index in place."""
    release = Path(release).resolve()
    version, manifest_bytes, files = _release_files(release)
    if isinstance(target, str) and target.startswith(HF_LAYOUT):
        return _publish_hf_layout(release, Path(target.removeprefix(HF_LAYOUT)), progress)
    store = open_store(target) if isinstance(target, str) else target
    result = PublishResult(version=version, url=store.url)
    base = f"{RELEASES_DIR}/{version}"

    def put(key: str, source: Path | bytes, size: int, sha256: str) -> None:
        _put_unless_there(store, result, key, source, size, sha256, progress)

    # data files first (largest last is no matter): then the rest, SHA256SUMS, manifest
    ordered = sorted(files, key=lambda name: (not name.startswith("data/"), name == SUMS_NAME))
    for name in ordered:
        size, sha256 = files[name]
        put(f"{base}/{name}", release / name, size, sha256)
    manifest_sha = hashlib.sha256(manifest_bytes).hexdigest()
    put(manifest_key(version), manifest_bytes, len(manifest_bytes), manifest_sha)

    index = index_bytes(releases_index(_published_manifests(store), latest=version))
    put(INDEX_NAME, index, len(index), hashlib.sha256(index).hexdigest())
    return result


def _put_unless_there(
    store: Store,
    result: PublishResult,
    key: str,
    source: Path | bytes,
    size: int,
    sha256: str,
    progress: Callable[[str, bool], None] | None,
) -> None:
    """Store `source` at `key` unless an object of that size and sha256 is there."""
    if store.stat(key) == (size, sha256):
        result.unchanged.append(key)
    else:
        store.put(key, source, sha256)
        result.uploaded.append(key)
    if progress is not None:
        progress(key, key in result.uploaded)


def _publish_hf_layout(
    release: Path, folder: Path, progress: Callable[[str, bool], None] | None
) -> PublishResult:
    """The release as a Hugging Face dataset repository: its files at the folder's root
    (the card's `configs` name `data/<table>.parquet`), `.gitattributes` for Git LFS, and
    nothing else: files of an earlier release that this one lacks are removed (`.git` and
    other dot files are left alone). The repository holds one release; its history is the
    Hub's, commit by commit, so there is no `releases/` and no index."""
    version, manifest_bytes, files = _release_files(release)
    store = FileStore(folder.resolve())
    result = PublishResult(version=version, url=f"{HF_LAYOUT}{store.root}")
    wanted: dict[str, tuple[Path | bytes, int, str]] = {
        **{name: (release / name, *files[name]) for name in files},
        MANIFEST_NAME: (
            manifest_bytes,
            len(manifest_bytes),
            hashlib.sha256(manifest_bytes).hexdigest(),
        ),
    }
    attributes = GITATTRIBUTES.encode()
    ordered = sorted(wanted, key=lambda name: (not name.startswith("data/"), name == MANIFEST_NAME))
    attributes_sha = hashlib.sha256(attributes).hexdigest()
    for key, (source, size, sha256) in [
        *((name, wanted[name]) for name in ordered),
        (".gitattributes", (attributes, len(attributes), attributes_sha)),
    ]:
        _put_unless_there(store, result, key, source, size, sha256, progress)
    for stale in sorted(set(store.keys("")) - set(wanted)):
        store.remove(stale)
    return result


def _published_manifests(store: Store) -> list[dict[str, Any]]:
    """Every release manifest under the store's `releases/` (a release whose manifest is
    not there is not published, so it is not indexed)."""
    manifests = []
    for key in store.keys(RELEASES_DIR):
        parts = key.split("/")
        if len(parts) == 3 and parts[2] == MANIFEST_NAME:
            data = store.read(key)
            if data is not None:
                with contextlib.suppress(json.JSONDecodeError, UnicodeDecodeError):
                    manifests.append(json.loads(data))
    return manifests
