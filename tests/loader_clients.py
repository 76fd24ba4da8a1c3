"""The standard loaders' side of tests/test_loaders.py, run in the `loaders` environment
(`.venv-loaders`, the `loaders` dependency group): Hugging Face `datasets`, `mlcroissant`
and `frictionless` read a release and print what they read as one JSON object.

They live apart from the pipeline's environment because they bring pandas, which pyarrow
imports, when installed, in every process that converts Python rows. This script imports
nothing of this repository; its callers set the offline variables (`HF_HUB_OFFLINE`, …).

    python tests/loader_clients.py hf RELEASE TABLE… [--streaming]
    python tests/loader_clients.py croissant RELEASE TABLE…
    python tests/loader_clients.py frictionless RELEASE
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any


def _plain(value: Any) -> Any:
    """A value as mlcroissant gives it (text as bytes, nested fields keyed by their id),
    as the Parquet row has it: text decoded, nested keys cut to the field's name."""
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key.rsplit("/", 1)[-1]: _plain(item) for key, item in value.items()}
    return value


def hugging_face(release: Path, table: str, streaming: bool) -> dict[str, Any]:
    """The table loaded as a config of the release's card, with the features `datasets`
    derives from the Parquet schema for comparison."""
    import datasets
    import pyarrow.parquet as pq

    assert datasets.config.HF_HUB_OFFLINE, "set HF_HUB_OFFLINE=1 before starting"
    loaded = datasets.load_dataset(str(release), table, split="train", streaming=streaming)
    expected = datasets.Features.from_arrow_schema(
        pq.read_schema(release / "data" / f"{table}.parquet")
    )
    assert loaded.features is not None
    return {
        "features": loaded.features.to_dict(),
        "expected_features": expected.to_dict(),
        "rows": list(loaded),
    }


def croissant(release: Path, table: str) -> dict[str, Any]:
    """One record set read through croissant.json, each with a Dataset of its own (a
    Dataset reused for a second record set yields no rows), and what mlcroissant warned."""
    import mlcroissant as mlc
    from mlcroissant._src.core.rdf import make_context

    warnings: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                warnings.append(record.getMessage())

    handler = Collect()
    logging.getLogger().addHandler(handler)
    try:
        dataset = mlc.Dataset(jsonld=str(release / "croissant.json"))
        records = [_plain(record) for record in dataset.records(record_set=table)]
    finally:
        logging.getLogger().removeHandler(handler)
    context = json.loads((release / "croissant.json").read_text())["@context"]
    return {
        "records": records,
        "issues": [str(issue) for issue in dataset.metadata.ctx.issues.warnings],
        "logged_warnings": warnings,
        "standard_context": context == make_context(),
    }


def frictionless(release: Path) -> dict[str, Any]:
    """datapackage.json checked by frictionless: the descriptor, then the rows of every
    resource against its schema, primary and foreign keys.

    The rows are handed over as pyarrow reads them: frictionless's own Parquet reader goes
    through pandas, which turns null integers into NaN and lists into NumPy arrays, and it
    cannot count a Parquet file's bytes (SHA256SUMS checks those)."""
    import pyarrow.parquet as pq
    from frictionless import Package, Resource, Schema

    descriptor = json.loads((release / "datapackage.json").read_text())
    resources = []
    for resource in descriptor["resources"]:
        names = [field["name"] for field in resource["schema"]["fields"]]
        rows = pq.read_table(release / resource["path"]).to_pylist()
        resources.append(
            Resource(
                name=resource["name"],
                data=[names, *([row[name] for name in names] for row in rows)],
                schema=Schema.from_descriptor(resource["schema"]),
            )
        )
    report = Package(resources=resources).validate()
    return {
        "descriptor_valid": Package.validate_descriptor(descriptor).valid,
        "valid": report.valid,
        "tasks": [task.name for task in report.tasks],
        "invalid_tasks": [task.name for task in report.tasks if not task.valid],
        "errors": report.flatten(["type", "message"]),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="tests/loader_clients.py")
    parser.add_argument("client", choices=["hf", "croissant", "frictionless"])
    parser.add_argument("release", type=Path)
    parser.add_argument("tables", nargs="*", help="hf, croissant: the tables to read")
    parser.add_argument("--streaming", action="store_true")
    args = parser.parse_args(argv)
    if args.client == "frictionless":
        print(json.dumps(frictionless(args.release), ensure_ascii=False))
        return 0
    results: dict[str, Any] = {}
    for table in args.tables:  # one table's failure is its result, not the end of the run
        try:
            if args.client == "hf":
                results[table] = hugging_face(args.release, table, args.streaming)
            else:
                results[table] = croissant(args.release, table)
        except Exception as error:
            results[table] = {"error": f"{type(error).__name__}: {error}"}
    print(json.dumps(results, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
