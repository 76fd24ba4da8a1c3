"""The peer's job, run by `benchmarks.peer` in the peer's own environment (not the
project's): every `.txt` file of RAW as one document → datatrove's FTFYFormatter →
zstd Parquet in OUT, on WORKERS local tasks. Prints `documents <n>` at the end.

    python peer_job.py RAW OUT WORKERS
"""

from __future__ import annotations

import sys
from pathlib import Path

import pyarrow.parquet as pq
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.formatters import FTFYFormatter
from datatrove.pipeline.readers.base import BaseDiskReader
from datatrove.pipeline.writers import ParquetWriter


class TextFileReader(BaseDiskReader):
    """One document per text file: its whole text, decoded as UTF-8 (bad bytes replaced)."""

    name = "text files"

    def read_file(self, filepath: str):
        with self.data_folder.open(filepath, "rt", encoding="utf-8", errors="replace") as handle:
            document = self.get_document_from_dict({"text": handle.read()}, filepath, 0)
        if document:
            yield document


def main() -> int:
    raw, out, workers = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    pipeline = [
        TextFileReader(str(raw), glob_pattern="*.txt"),
        FTFYFormatter(),
        ParquetWriter(str(out / "data"), compression="zstd"),
    ]
    LocalPipelineExecutor(
        pipeline, tasks=workers, workers=workers, logging_dir=str(out / "logs")
    ).run()
    rows = sum(pq.ParquetFile(path).metadata.num_rows for path in (out / "data").glob("*"))
    print(f"documents {rows}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
