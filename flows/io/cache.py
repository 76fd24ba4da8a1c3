"""Incremental builds: each document's stage results cached by content.

The key is the raw bytes' sha256, what the manifest says of the file, a digest of the
pipeline's own source code and the config digest, so a changed file, a changed manifest
entry, a code change or a config change each invalidate exactly what they should. Entries
are plain JSON (never pickle: nothing read from disk is ever executed), written atomically.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections import Counter
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import Any

from flows.contracts import RawDocument, Rejection
from flows.pipeline import TABLE_NAMES, BatchResult

CODE_ROOT = Path(__file__).resolve().parent.parent.parent


@cache
def code_digest() -> str:
    """Digest of every Python source file of the pipeline and its schemas."""
    digest = hashlib.sha256()
    for folder in ("flows", "schemas"):
        for path in sorted((CODE_ROOT / folder).rglob("*.py")):
            digest.update(path.relative_to(CODE_ROOT).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


class DocumentCache:
    """Stage results per document under `folder`, valid for one code and config digest."""

    def __init__(self, folder: Path, config_digest: str) -> None:
        self.folder = folder
        self.salt = f"{code_digest()}|{config_digest}"
        self.hits = 0
        self.misses = 0

    def key(self, raw: RawDocument) -> str:
        source = json.dumps(asdict(raw.source), sort_keys=True)
        return hashlib.sha256(f"{raw.sha256}|{source}|{self.salt}".encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, raw: RawDocument) -> BatchResult | None:
        path = self._path(self.key(raw))
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.misses += 1
            return None
        self.hits += 1
        return BatchResult(
            tables={name: stored["tables"].get(name, []) for name in TABLE_NAMES},
            rejections=[Rejection(**row) for row in stored["rejections"]],
            repairs=Counter(stored["repairs"]),
        )

    def put(self, raw: RawDocument, result: BatchResult) -> None:
        path = self._path(self.key(raw))
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "tables": result.tables,
            "rejections": [r.as_row() for r in result.rejections],
            "repairs": dict(result.repairs),
        }
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, path)


class BatchCache:
    """A batch's finished part files and summary, reused as they are when the batch has
    exactly the same members (bytes and manifest entries), code and config.

    Entries are folders `<key[:2]>/<key>/` holding `<table>.arrow` files and `summary.json`,
    written to a temporary folder and renamed into place. Part files are hard-linked into
    the staging folder (copied if the file system refuses links) and never modified.
    """

    def __init__(self, folder: Path, config_digest: str) -> None:
        self.folder = folder
        self.salt = f"{code_digest()}|{config_digest}"

    def entry_key(self, batch_key: str) -> str:
        return hashlib.sha256(f"{batch_key}|{self.salt}".encode()).hexdigest()

    def _entry(self, batch_key: str) -> Path:
        key = self.entry_key(batch_key)
        return self.folder / key[:2] / key

    def restore(self, batch_key: str, parts: Path, index: int) -> dict[str, Any] | None:
        """Put a cached batch's part files under `parts` as batch `index`; its summary."""
        entry = self._entry(batch_key)
        try:
            summary: dict[str, Any] = json.loads((entry / "summary.json").read_text("utf-8"))
            for stored in sorted(entry.glob("*.arrow")):
                target = parts / stored.stem / f"{index:08d}.arrow"
                target.parent.mkdir(parents=True, exist_ok=True)
                _link_or_copy(stored, target)
        except (OSError, ValueError):
            for linked in parts.glob(f"*/{index:08d}.arrow"):  # no half-restored batch
                linked.unlink()
            return None
        return summary

    def store(self, batch_key: str, parts: Path, index: int, summary: dict[str, Any]) -> None:
        entry = self._entry(batch_key)
        if entry.exists():
            return
        temporary = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
        shutil.rmtree(temporary, ignore_errors=True)
        temporary.mkdir(parents=True)
        for part in sorted(parts.glob(f"*/{index:08d}.arrow")):
            _link_or_copy(part, temporary / f"{part.parent.name}.arrow")
        (temporary / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
        try:
            os.replace(temporary, entry)
        except OSError:  # another run stored the same entry first
            shutil.rmtree(temporary, ignore_errors=True)

    def prune(self, keep: set[str]) -> int:
        """Remove the entries of batches not in `keep` (batch keys); returns how many."""
        wanted = {self.entry_key(key) for key in keep}
        removed = 0
        for entry in self.folder.glob("*/*"):
            if entry.is_dir() and entry.name not in wanted:
                shutil.rmtree(entry, ignore_errors=True)
                removed += 1
        return removed


def _link_or_copy(source: Path, target: Path) -> None:
    if target.exists():
        target.unlink()
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
