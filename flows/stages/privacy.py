"""Removals and pseudonyms: one document's validated rows rewritten before they are published.

Pure: rows, the document's removals and the pseudonym key in; rows, tombstones and
rejections out. Both rewrite the document's text, so every span of the document is
mapped onto the new text (`TextRewrite`).

- **Removals** (`remove_records`): a removed record goes with what hangs off it (a
  document with everything; a post with its comments, blocks and footnotes; a comment
  with its replies and their blocks) and its text is cut out of the document's `text`.
  The document's `original_text` is then its new `text` and its `edits` are empty: the
  removed text must survive nowhere, and edits into the old text would point at it.
  Every removed row leaves a tombstone.
- **Pseudonyms** (`pseudonymize`): every author, translator and user handle of the
  document (comment and post authors, `@user` and `u/user` mentions, quote headers such as
  `Quote from: user`) is replaced wherever it appears in the document's text fields by
  `anon-` and the first 10 hex digits of the HMAC-SHA256 of its case-folded form under
  the key: the same handle gets the same pseudonym in every document and every release
  built with that key, and nobody without the key can tell who it was. The `@instance`
  part of a `user@instance` handle is a server, not a person, and stays. Names are
  matched within one document: a handle is replaced in another document only where that
  one shows it as a mention or an author too.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import replace

from flows.stages.records import Rejection, Removal
from flows.stages.validate import Row, Tables

PSEUDONYM_PREFIX = "anon-"

KEY_ID_MESSAGE = b"ru-political-corpus pseudonym key id"
"""The constant whose HMAC under the key names the key in the manifest and the pipeline
digest: two builds with one key share it, and it tells nothing of the key."""

SPANNED_TABLES = ("posts", "comments", "blocks", "footnotes", "dropped")

TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "documents": ("text", "original_text"),
    "posts": ("title", "author", "author_bio", "origin", "translator", "body"),
    "comments": ("author", "body"),
    "blocks": ("text",),
    "footnotes": ("body",),
    "dropped": ("text",),
}
"""The free-text fields of each table, where a name can appear (the edits of `documents`
too). Every other string field holds an id, a code, a date or a count (a test checks each
field of every model is one or the other)."""

NOT_A_PERSON = frozenset(
    {"[deleted]", "deleted", "[removed]", "removed", "anonymous", "guest", "unknown"}
)
"""Placeholders front-ends show instead of an author: nobody to hide."""

_MENTION = re.compile(r"(?<![^\s(\[\"'“‘>])@([^\W_][\w.-]*\w|[^\W_])")
"""`@user` after a space, a line start, an opening bracket or quote (not `a@b`, `☭@b`)."""
_SUBREDDIT_USER = re.compile(r"(?<![\w/])/?u/([\w-]{2,})")
_QUOTE_HEADER = re.compile(
    r"^[ \t]*(?:Quote from:|Quoting|In reply to|Replying to)[ \t]+@?([^\W_][\w.-]*\w|[^\W_])",
    re.MULTILINE,
)

_MENTIONS = (
    (_MENTION, ("@",)),
    (_SUBREDDIT_USER, ("u/",)),
    (_QUOTE_HEADER, ("Quote from:", "Quoting", "In reply to", "Replying to")),
)
"""Each mention pattern, with the strings a text must hold for it to match (a cheap test
that skips the scan of most texts)."""


def key_id(key: bytes) -> str:
    """The name of a pseudonym key: 16 hex digits of the HMAC of a constant under it."""
    return hmac.new(key, KEY_ID_MESSAGE, hashlib.sha256).hexdigest()[:16]


def pseudonym(key: bytes, name: str) -> str:
    """The pseudonym of `name` under `key`: the same for every case of the name.

    >>> pseudonym(b"k", "Alice") == pseudonym(b"k", "ALICE") != pseudonym(b"j", "alice")
    True
    """
    digest = hmac.new(key, name.casefold().encode("utf-8"), hashlib.sha256).hexdigest()
    return PSEUDONYM_PREFIX + digest[:10]


class TextRewrite:
    """A text with some of its spans replaced, and the map of old offsets onto new ones.

    Replacements are `(start, end, new)`, disjoint. An offset inside a replaced span maps
    to the start (`start`) or the end (`end`) of its replacement; any other offset moves
    by what the replacements before it added or took away."""

    def __init__(self, text: str, replacements: Iterable[tuple[int, int, str]]) -> None:
        self.replacements = sorted(replacements)
        pieces: list[str] = []
        self._old_starts: list[int] = []
        self._spans: list[tuple[int, int, int, int]] = []  # old start, old end, new start, new end
        position = shift = 0
        for start, end, new in self.replacements:
            pieces += [text[position:start], new]
            new_start = start + shift
            shift += len(new) - (end - start)
            self._old_starts.append(start)
            self._spans.append((start, end, new_start, new_start + len(new)))
            position = end
        pieces.append(text[position:])
        self.text = "".join(pieces)

    def _shift(self, index: int) -> int:
        """What the replacements up to `index` (inclusive) moved the text by."""
        return 0 if index < 0 else self._spans[index][3] - self._spans[index][1]

    def start(self, offset: int) -> int:
        index = bisect_right(self._old_starts, offset) - 1
        if index >= 0:
            old_start, old_end, new_start, _ = self._spans[index]
            if old_start <= offset < old_end:
                return new_start
        return offset + self._shift(index)

    def end(self, offset: int) -> int:
        index = bisect_right(self._old_starts, offset - 1) - 1
        if index >= 0:
            old_start, old_end, _, new_end = self._spans[index]
            if old_start < offset <= old_end:
                return new_end
        return offset + self._shift(index)


def _map_spans(tables: Tables, rewrite: TextRewrite) -> None:
    for name in SPANNED_TABLES:
        for row in tables.get(name, []):
            row["start"], row["end"] = rewrite.start(row["start"]), rewrite.end(row["end"])
            if row.get("marker_start") is not None:
                row["marker_start"] = rewrite.start(row["marker_start"])


# ---------------------------------------------------------------- removals


def _owned(tables: Tables, removed: dict[str, tuple[str, str]]) -> None:
    """Add to `removed` (id → (level, requested id)) everything hanging off its records."""
    by_parent: dict[str, list[str]] = {}
    for row in tables.get("comments", []):
        parent = row["parent_id"] or row["post_id"]
        by_parent.setdefault(parent, []).append(row["comment_id"])
    pending = [record for record, (level, _) in removed.items() if level in ("post", "comment")]
    while pending:  # a post's comments, a comment's replies
        parent = pending.pop()
        for child in by_parent.get(parent, []):
            if child not in removed:
                removed[child] = ("comment", removed[parent][1])
                pending.append(child)
    for row in tables.get("blocks", []):
        if row["owner_id"] in removed and row["block_id"] not in removed:
            removed[row["block_id"]] = ("block", removed[row["owner_id"]][1])
    for row in tables.get("footnotes", []):
        if row["post_id"] in removed:
            removed[f"{row['post_id']}/{row['number']}"] = ("footnote", removed[row["post_id"]][1])


def _record_ids(tables: Tables) -> dict[str, str]:
    """Every removable id of the document, with its level."""
    ids = {row["doc_id"]: "document" for row in tables.get("documents", [])}
    for table, key, level in (
        ("posts", "post_id", "post"),
        ("comments", "comment_id", "comment"),
        ("blocks", "block_id", "block"),
    ):
        ids.update({row[key]: level for row in tables.get(table, [])})
    return ids


def _cut_spans(tables: Tables, removed: dict[str, tuple[str, str]]) -> list[tuple[int, int, str]]:
    """The merged spans of text that the removed posts, comments and blocks cover, each
    with the requested id of its first record."""
    spans = sorted(
        (row["start"], row["end"], removed[row[key]][1])
        for table, key in (("posts", "post_id"), ("comments", "comment_id"), ("blocks", "block_id"))
        for row in tables.get(table, [])
        if row[key] in removed
    )
    merged: list[tuple[int, int, str]] = []
    for start, end, requested in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]), merged[-1][2])
        else:
            merged.append((start, end, requested))
    return merged


def _covering(spans: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    """The requested id of the span of `spans` that holds `start:end`, if one does."""
    index = bisect_right([span[0] for span in spans], start) - 1
    if index >= 0 and spans[index][0] <= start and end <= spans[index][1]:
        return spans[index][2]
    return None


def _without_block(body: str, text: str) -> str:
    """An owner's body without the paragraph of a removed block."""
    paragraphs = body.split("\n\n")
    kept = [paragraph for paragraph in paragraphs if paragraph != text]
    if len(kept) == len(paragraphs):
        return body.replace(text, "").strip()
    return "\n\n".join(kept)


def remove_records(
    tables: Tables, removals: Iterable[Removal], source_file: str
) -> tuple[Tables, list[Row], list[Rejection]]:
    """The document's rows without the removed records and what hangs off them; the
    tombstones of everything removed; a rejection for each removal naming no record."""
    ids = _record_ids(tables)
    doc_id = next(iter(tables["documents"]))["doc_id"]
    removed: dict[str, tuple[str, str]] = {}
    reasons: dict[str, Removal] = {}
    rejections: list[Rejection] = []
    for removal in removals:
        level = ids.get(removal.record_id)
        if level is None:
            rejections.append(
                Rejection(
                    removal.listed_in,
                    "ingest",
                    "ingest_unknown_removal",
                    f"removal of {removal.record_id!r}: no such record in {source_file}",
                )
            )
            continue
        removed[removal.record_id] = (level, removal.record_id)
        reasons[removal.record_id] = removal
    if not removed:
        return tables, [], rejections
    if doc_id in removed:
        for record_id, level in ids.items():
            removed.setdefault(record_id, (level, doc_id))
    _owned(tables, removed)
    cuts = _cut_spans(tables, removed)
    out: Tables = {}
    tombstones: list[Row] = []

    def tombstone(record_id: str) -> None:
        level, requested = removed[record_id]
        removal = reasons[requested]
        tombstones.append(
            {
                "doc_id": doc_id,
                "record_id": record_id,
                "level": level,
                "requested_id": requested,
                "reason": removal.reason,
                "removal_date": removal.date,
            }
        )

    for record_id in removed:
        tombstone(record_id)
    if doc_id in removed:
        for name, rows in tables.items():
            out[name] = []
            if name == "dropped":
                for row in rows:
                    removed[f"{doc_id}/{row['start']}"] = ("dropped", doc_id)
                    tombstone(f"{doc_id}/{row['start']}")
        return out, sorted(tombstones, key=lambda row: row["record_id"]), rejections

    keys = {"posts": "post_id", "comments": "comment_id", "blocks": "block_id"}
    for name, rows in tables.items():
        if name in keys:
            out[name] = [dict(row) for row in rows if row[keys[name]] not in removed]
        elif name == "footnotes":
            out[name] = [
                dict(row) for row in rows if f"{row['post_id']}/{row['number']}" not in removed
            ]
        elif name == "dropped":
            out[name] = []
            for row in rows:
                requested = _covering(cuts, row["start"], row["end"])
                if requested is not None:
                    record_id = f"{doc_id}/{row['start']}"
                    removed[record_id] = ("dropped", requested)
                    tombstone(record_id)
                else:
                    out[name].append(dict(row))
        else:
            out[name] = [dict(row) for row in rows]
    gone_blocks = {
        row["block_id"]: row for row in tables.get("blocks", []) if row["block_id"] in removed
    }
    for name, key in (("posts", "post_id"), ("comments", "comment_id")):
        for row in out[name]:
            for block in gone_blocks.values():
                if block["owner_id"] == row[key]:
                    row["body"] = _without_block(row["body"], block["text"])
    document = out["documents"][0]
    rewrite = TextRewrite(document["text"], ((start, end, "") for start, end, _ in cuts))
    document.update(text=rewrite.text, original_text=rewrite.text, edits=[])
    _map_spans(out, rewrite)
    return out, sorted(tombstones, key=lambda row: row["record_id"]), rejections


# ---------------------------------------------------------------- pseudonyms


def _handle(name: str, instance: str | None) -> str:
    """The person part of an author as shown: `user` of `user@instance`."""
    if instance and name.endswith("@" + instance):
        return name[: -len(instance) - 1]
    user, at, server = name.rpartition("@")
    return user if at and user and "." in server and " " not in name else name


def names_of(tables: Tables) -> set[str]:
    """Every author, translator and handle the document's rows name or mention."""
    names: set[str] = set()
    servers = {row["instance"].casefold() for row in tables.get("comments", []) if row["instance"]}
    for row in tables.get("comments", []):
        if row["author"]:
            names.add(_handle(row["author"], row.get("instance")))
    for row in tables.get("posts", []):
        for field in ("author", "translator"):
            if row.get(field):
                names.add(_handle(row[field], None))
    # every other text field is cut from the document's texts: scanning these finds all
    for row in tables.get("documents", []):
        for text in (row["text"], row["original_text"]):
            for pattern, sign in _MENTIONS:
                if any(mark in text for mark in sign):
                    names.update(pattern.findall(text))
    return {
        name
        for name in names
        if name.strip() and name.casefold() not in NOT_A_PERSON and name.casefold() not in servers
    }


def _name_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    alternatives = [
        r"\s+".join(re.escape(word) for word in name.split())
        for name in sorted(names, key=lambda n: (-len(n), n))
    ]
    if not alternatives:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def _replacer(key: bytes, pattern: re.Pattern[str]) -> Callable[[str], str]:
    def pseudonym_of(match: re.Match[str]) -> str:
        return pseudonym(key, " ".join(match.group(0).split()))

    return lambda text: pattern.sub(pseudonym_of, text)


def pseudonymize(
    tables: Tables, rejections: list[Rejection], key: bytes
) -> tuple[Tables, list[Rejection]]:
    """The document's rows and rejections with every name `names_of` finds replaced by
    its pseudonym under `key` (see the module's docstring); spans follow the new text."""
    pattern = _name_pattern(names_of(tables))
    if pattern is None or not tables.get("documents"):
        return tables, rejections
    substitute = _replacer(key, pattern)
    out: Tables = {name: [dict(row) for row in rows] for name, rows in tables.items()}
    document = out["documents"][0]

    def rewrite_of(text: str) -> TextRewrite:
        return TextRewrite(
            text,
            (
                (m.start(), m.end(), pseudonym(key, " ".join(m.group(0).split())))
                for m in pattern.finditer(text)
            ),
        )

    text, original = rewrite_of(document["text"]), rewrite_of(document["original_text"])
    document["text"], document["original_text"] = text.text, original.text
    document["edits"] = [
        {
            **edit,
            "orig_start": original.start(edit["orig_start"]),
            "orig_end": original.end(edit["orig_end"]),
            "old_text": substitute(edit["old_text"]),
            "new_text": substitute(edit["new_text"]),
        }
        for edit in document["edits"]
    ]
    _map_spans(out, text)
    for table, fields in TEXT_FIELDS.items():
        if table == "documents":
            continue
        for row in out.get(table, []):
            for field in fields:
                if row.get(field):
                    row[field] = substitute(row[field])
    hidden = [
        replace(
            rejection,
            detail=substitute(rejection.detail),
            record=substitute(rejection.record) if rejection.record else rejection.record,
        )
        for rejection in rejections
    ]
    return out, hidden
