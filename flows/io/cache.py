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
from collections import Counter
from dataclasses import asdict
from functools import cache
from pathlib import Path

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
