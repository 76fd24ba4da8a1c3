"""Generate the committed JSON Schemas (`schemas/json/<table>.schema.json`) from the models.

Run `make schemas` after changing a model; a test fails while they are stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from schemas.models import TABLES, Record

JSON_DIR = Path(__file__).parent / "json"


def json_schema_text(model: type[Record]) -> str:
    schema = model.model_json_schema(mode="serialization")
    schema["$id"] = f"{model.table}.schema.json"
    schema["x-primary-key"] = list(model.primary_key)
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def expected_files() -> dict[str, str]:
    return {f"{model.table}.schema.json": json_schema_text(model) for model in TABLES}


def main() -> None:
    JSON_DIR.mkdir(exist_ok=True)
    wanted = expected_files()
    for stale in JSON_DIR.glob("*.schema.json"):
        if stale.name not in wanted:
            stale.unlink()
    for name, text in wanted.items():
        (JSON_DIR / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(wanted)} JSON Schemas to {JSON_DIR}")


if __name__ == "__main__":
    main()
