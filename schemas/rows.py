"""Generate `flows/stages/rows.py`: one TypedDict per table the segmenter drafts, from the
models (the draft rows' static types, so a misspelt or mistyped field fails `mypy`).

Run `make schemas` after changing a model; a test fails while the file is stale.
"""

from __future__ import annotations

import types
import typing
from pathlib import Path
from typing import Any

from schemas.models import Block, Comment, Dropped, Footnote, Post, Record

DRAFTED: tuple[type[Record], ...] = (Post, Comment, Block, Footnote, Dropped)
"""The tables whose rows the segmenter drafts as plain dicts (`flows.stages.records`)."""
ROWS_FILE = Path(__file__).resolve().parent.parent / "flows" / "stages" / "rows.py"


def _type_text(annotation: Any) -> str:
    """A field's annotation as plain Python: `Annotated` and `Literal` to their base type."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _type_text(typing.get_args(annotation)[0])
    if origin is typing.Literal:
        return type(typing.get_args(annotation)[0]).__name__
    if origin in (typing.Union, types.UnionType):
        return " | ".join(_type_text(arg) for arg in typing.get_args(annotation))
    if origin is list:
        return f"list[{_type_text(typing.get_args(annotation)[0])}]"
    if annotation is type(None):
        return "None"
    return str(annotation.__name__)


def rows_text() -> str:
    lines = [
        '"""The draft rows of the segmenter, one TypedDict per table: generated from',
        "`schemas.models` by `make schemas` (`schemas/rows.py`); do not edit.",
        "",
        "A draft holds the fields segmentation decides (`total=False`); the validate stage",
        'adds the rest and checks every row against its model."""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import TypedDict",
    ]
    for model in DRAFTED:
        lines += ["", "", f"class {model.__name__}Row(TypedDict, total=False):"]
        lines += [f'    """A draft row of `{model.table}` (`schemas.{model.__name__}`)."""', ""]
        for name, info in model.model_fields.items():
            lines.append(f"    {name}: {_type_text(info.annotation)}")
    return "\n".join(lines) + "\n"


def main() -> None:
    ROWS_FILE.write_text(rows_text(), encoding="utf-8")
    print(f"wrote {ROWS_FILE}")


if __name__ == "__main__":
    main()
