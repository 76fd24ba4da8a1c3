"""Digest and CPU time of `process_document` over a sample of a raw folder.

A speed change of the pure stages must leave every row unchanged: this runs
`flows.stages.document.process_document` (with `flows.accel` installed, as a build's
worker does) on every Nth file of a folder, and prints one sha256 per table over the rows
in file order, plus the process CPU seconds of the stages alone (reading files excluded).

    python -m benchmarks.rows_digest build/bench/corpus-20mb-g3-s7 --every 10
    python -m benchmarks.rows_digest raw --every 1
    python -m benchmarks.rows_digest DIR --no-manifest   # every layout scores every file

With ``--no-manifest`` the manifest's layouts are not passed on, so layout detection runs
on every document as it does for a folder without a manifest. ``--repeat N`` times the
stages N times over the same documents (the digest is of the first round).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--every", type=int, default=10, help="take every Nth file (sorted)")
    parser.add_argument("--no-manifest", action="store_true", help="detect every layout")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--no-accel", action="store_true", help="the stages without flows.accel")
    args = parser.parse_args(argv)

    if not args.no_accel:
        from flows.accel import install

        install()
    from flows.config import PipelineConfig
    from flows.io.raw import read_raw, scan_raw_folder
    from flows.stages.document import TABLE_NAMES, process_document
    from flows.stages.enrich.language import detect_languages
    from flows.stages.records import Rejection

    config = PipelineConfig()
    detect_languages(["Warm-up text in English.", "Текст по-русски."], config.language)
    corpus = scan_raw_folder(args.folder)
    sources = sorted(corpus.sources, key=lambda s: s.source_file)[:: args.every]
    raws = []
    for source in sources:
        if args.no_manifest:
            source = dataclasses.replace(source, layout=None)
        raw = read_raw(args.folder, source)
        if not isinstance(raw, Rejection):
            raws.append(raw)

    digests = {name: hashlib.sha256() for name in (*TABLE_NAMES, "rejections")}
    rounds = []
    for round_index in range(args.repeat):
        started = time.process_time()
        results = [process_document(raw, config) for raw in raws]
        rounds.append(time.process_time() - started)
        if round_index:
            continue
        for result in results:
            for name, rows in result.tables.items():
                for row in rows:
                    line = json.dumps(row, sort_keys=True, ensure_ascii=False, default=str)
                    digests[name].update(line.encode() + b"\n")
            for rejection in result.rejections:
                digests["rejections"].update(repr(rejection).encode() + b"\n")
    n_bytes = sum(len(raw.data) for raw in raws)
    for name, digest in digests.items():
        print(f"{name:12} {digest.hexdigest()}")
    cpu = " ".join(f"{seconds:.2f}" for seconds in rounds)
    print(f"files {len(raws)}  bytes {n_bytes}  cpu_s {cpu}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
