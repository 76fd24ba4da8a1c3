"""Constrained types shared by every table, gathered in one place.

Each alias is an ``Annotated`` type so the constraint travels with the field into the
JSON Schema, the Arrow schema and the dataset card.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, StringConstraints

HEX16 = r"^[0-9a-f]{16}$"
HEX64 = r"^[0-9a-f]{64}$"

DocId = Annotated[
    str,
    StringConstraints(pattern=HEX16),
    Field(
        description="Document id: the first 16 hex digits of the sha256 of the source's "
        "identity (the manifest's `id` or `url`, else the file's path under the raw folder); "
        "the same when the text is edited."
    ),
]
PostId = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9a-f]{16}\.p[0-9]{4,}$"),
    Field(
        description="Post id: `<doc_id>.p<ordinal>`, the ordinal zero-padded to 4 digits "
        "(written in full from 10,000)."
    ),
]
CommentId = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9a-f]{16}\.p[0-9]{4,}\.c[0-9]{4,}$"),
    Field(
        description="Comment id: `<post_id>.c<ordinal>`, the ordinal zero-padded to 4 digits, "
        "or to the width of the post's largest one beyond 9,999."
    ),
]
OwnerId = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9a-f]{16}\.p[0-9]{4,}(\.c[0-9]{4,})?$"),
    Field(description="Id of the post or comment that owns this record."),
]
IsoDate = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
    Field(description="A calendar date, YYYY-MM-DD."),
]
Sha256Hex = Annotated[str, StringConstraints(pattern=HEX64)]
NonEmptyText = Annotated[str, StringConstraints(min_length=1)]
SourceFile = Annotated[
    str,
    StringConstraints(min_length=1, pattern=r"^[^/\\\x00]+$"),
    Field(description="File name as it appears in the raw folder (no directory part)."),
]
Offset = Annotated[
    int, Field(ge=0, description="Character offset into the document's repaired text.")
]
Count = Annotated[int, Field(ge=0)]
Ordinal = Annotated[int, Field(ge=0)]
Probability = Annotated[float, Field(ge=0.0, le=1.0)]
LanguageCode = Annotated[
    str, StringConstraints(pattern=r"^[a-z]{2}$"), Field(description="ISO 639-1 code.")
]

LAYOUTS_FOLDER = Path(__file__).resolve().parent.parent / "flows" / "stages" / "segment" / "layouts"
LAYOUT_NAMES: tuple[str, ...] = tuple(
    sorted(path.stem for path in LAYOUTS_FOLDER.glob("*.py") if not path.stem.startswith("_"))
)
"""The layouts, one per module of the layout registry (read from its folder, not imported:
the registry is the one place a layout is declared)."""
if TYPE_CHECKING:
    Layout = str
else:
    Layout = Literal[LAYOUT_NAMES]
PostKind = Literal["article", "digest_article", "teaser", "thread_post", "thread_stub"]
BlockKind = Literal[
    "heading",
    "paragraph",
    "quote",
    "verse",
    "list_item",
    "question",
    "answer",
    "editor_note",
    "signature",
    "bio",
]
OwnerKind = Literal["post", "comment"]
TombstoneLevel = Literal["document", "post", "comment", "block", "footnote", "dropped"]
DuplicateLevel = Literal["document", "block"]
DuplicateMatch = Literal["exact", "near"]
Stage = Literal["ingest", "decode", "repair", "segment", "validate", "integrity", "publish"]
