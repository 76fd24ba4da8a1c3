"""The releases index, `releases.json`: what versions a place (an output folder or a
published root) holds, and which one is `latest`.

One function derives it from the releases' manifests (`releases_index`), so the index
built by `flows build` under `OUT/` and the one `flows publish` writes at the published root
carry the same fields from the same source. Its bytes depend only on those manifests and
on `latest` (keys sorted, releases ordered by date then version), so an unchanged set of
releases gives an unchanged index and a republish has nothing to upload.

Standard library only: `flows.io.download` reads the index without the pipeline's
dependencies.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from flows.io.folders import RELEASE_LINK, RELEASES_DIR

__all__ = [
    "INDEX_NAME",
    "index_bytes",
    "local_index",
    "manifest_key",
    "releases_index",
    "write_local_index",
]

INDEX_NAME = "releases.json"
MANIFEST_NAME = "manifest.json"
ENTRY_FIELDS = ("input_digest", "pipeline_digest", "content_digest", "code_version")
"""Manifest fields each release's entry repeats as they are (absent ones are null)."""


def manifest_key(version: str) -> str:
    """Where a version's manifest lies, relative to the root that holds `releases/`."""
    return f"{RELEASES_DIR}/{version}/{MANIFEST_NAME}"


def releases_index(manifests: Iterable[Mapping[str, Any]], latest: str) -> dict[str, Any]:
    """The index of the releases these manifests describe, with `latest` named.

    Each entry: version, date (the manifest's `date_published`), input, pipeline and
    content digests, code version, row counts, total bytes of its files and the path of
    its manifest. Releases are ordered by date, then version; a version given twice
    keeps its last manifest. Raises ValueError when `latest` is not among them."""
    entries: dict[str, dict[str, Any]] = {}
    dataset: str | None = None
    for manifest in manifests:
        version = str(manifest["version"])
        files = manifest.get("files") or {}
        dataset = dataset or manifest.get("dataset")
        entries[version] = {
            "version": version,
            "date": manifest.get("date_published"),
            **{field: manifest.get(field) for field in ENTRY_FIELDS},
            "row_counts": dict(manifest.get("row_counts") or {}),
            "bytes": sum(int(entry.get("bytes", 0)) for entry in files.values()),
            "manifest": manifest_key(version),
        }
    if latest not in entries:
        raise ValueError(f"latest release {latest!r} is not among {sorted(entries)}")
    ordered = sorted(entries.values(), key=lambda entry: (entry["date"] or "", entry["version"]))
    return {"dataset": dataset, "latest": latest, "releases": ordered}


def index_bytes(index: Mapping[str, Any]) -> bytes:
    """The index as written: UTF-8 JSON, keys sorted, two-space indent, final newline."""
    return (json.dumps(index, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def local_index(out_dir: Path) -> dict[str, Any] | None:
    """The index of the releases in an output folder, `latest` being the one `OUT/release`
    points at; None when it points at nothing."""
    link = out_dir / RELEASE_LINK
    if not (link / MANIFEST_NAME).is_file():
        return None
    manifests = [
        manifest
        for path in sorted((out_dir / RELEASES_DIR).glob(f"*/{MANIFEST_NAME}"))
        if (manifest := _readable_manifest(path)) is not None
    ]
    return releases_index(manifests, link.resolve().name)


def _readable_manifest(path: Path) -> dict[str, Any] | None:
    """A release's manifest, or None when it is damaged (not JSON, no version): such a
    release is left out of the index rather than blocking every later build."""
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("version"), str):
        return None
    return manifest


def write_local_index(out_dir: Path) -> Path | None:
    """Write `OUT/releases.json` (to a temporary name, then renamed over the old one) when
    its bytes change; the path, or None when there is no release to index."""
    index = local_index(out_dir)
    if index is None:
        return None
    target = out_dir / INDEX_NAME
    data = index_bytes(index)
    if target.is_file() and target.read_bytes() == data:
        return target
    temporary = out_dir / f".{INDEX_NAME}.{os.getpid()}"
    with temporary.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, target)
    return target
