"""Golden files: the expected records of every seed, as JSON lines in tests/golden/.

`make golden` rewrites them; review the diff like code. The golden test compares the
pure pipeline's output against them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from flows.config import PipelineConfig
from flows.io.raw import read_raw, scan_raw_folder
from flows.stages.document import process_document
from flows.stages.records import RawDocument

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "raw"
GOLDEN = Path(__file__).resolve().parent / "golden"
TABLE_ORDER = ("documents", "posts", "comments", "blocks", "footnotes", "dropped")
_DOCUMENT_TEXT_FIELDS = ("original_text", "text", "edits")


def golden_lines(raw: RawDocument, config: PipelineConfig) -> list[str]:
    """One JSON line per record: `{"table": …, **record}`; documents without their texts
    (the repaired text has a golden file of its own)."""
    result = process_document(raw, config)
    lines = []
    for table in TABLE_ORDER:
        for row in result.tables[table]:
            record: dict[str, Any] = {"table": table, **row}
            if table == "documents":
                for name in _DOCUMENT_TEXT_FIELDS:
                    record.pop(name)
            lines.append(json.dumps(record, ensure_ascii=False, sort_keys=True))
    lines += [
        json.dumps({"table": "rejects", **r.as_row()}, ensure_ascii=False, sort_keys=True)
        for r in result.rejections
    ]
    return lines


def repaired_text(raw: RawDocument, config: PipelineConfig) -> str:
    rows = process_document(raw, config).tables["documents"]
    return rows[0]["text"] if rows else ""


def seed_documents() -> list[RawDocument]:
    corpus = scan_raw_folder(RAW)
    raws = [read_raw(RAW, source) for source in corpus.sources]
    return [raw for raw in raws if isinstance(raw, RawDocument)]


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    config = PipelineConfig()
    for raw in seed_documents():
        stem = Path(raw.source_file).stem
        (GOLDEN / f"{stem}.jsonl").write_text(
            "\n".join(golden_lines(raw, config)) + "\n", encoding="utf-8"
        )
        (GOLDEN / f"{stem}.repaired.txt").write_text(repaired_text(raw, config), encoding="utf-8")
        print(f"wrote golden files for {raw.source_file}")


if __name__ == "__main__":
    main()
