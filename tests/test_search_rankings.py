"""The full-text index ranks texts as it always has: `search` of a fixed set of queries
(English and Russian, one word and several) gives the texts and scores recorded in
tests/golden/search_rankings.json, on texts of the seeds and of the benchmark's corpus
generator. The texts go straight into `posts` and `comments` (no pipeline run), so the
golden file changes only when the index does.

`python -m tests.test_search_rankings` rewrites the golden file; review the diff like
code: a change of a ranking is a change users see."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from benchmarks.corpus import RUSSIAN, generate_document, load_seeds
from flows.io import database

GOLDEN = Path(__file__).resolve().parent / "golden" / "search_rankings.json"
RAW = Path(__file__).resolve().parent.parent / "raw"
GENERATED_DOCUMENTS = 40
COMMENTS_PER_DOCUMENT = 30
SHOWN = 25
"""Rows of each ranking written out in the golden file; the rest are in its digest."""

QUERIES = (
    "Navalny smart voting",
    "communist",
    "communists communism",
    "the",
    "Soviet Union collapse",
    "elections rigged votes",
    "prison Kagarlitsky",
    "workers’ state",
    "United Russia",
    "running runs ran",
    "Выборы",
    "Государственную думу",
    "коммунистическая партия",
    "профсоюзы заработной платы",
    "political prisoners политических заключённых",
    "quorble zyxwvut",
)


def _texts(documents: list[tuple[str, str]]) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """Posts (each document whole) and comments (its first paragraphs) of `documents`."""
    posts, comments = [], []
    for doc_id, text in documents:
        post_id = f"{doc_id}.p0"
        posts.append((post_id, doc_id, "author", text))
        paragraphs = [p for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
        for n, paragraph in enumerate(paragraphs[:COMMENTS_PER_DOCUMENT]):
            comments.append((f"{post_id}.c{n}", post_id, doc_id, f"user{n % 7}", paragraph))
    return posts, comments


def seed_documents() -> list[tuple[str, str]]:
    documents = [
        (path.stem, path.read_text(encoding="utf-8")) for path in sorted(RAW.glob("*.txt"))
    ]
    return [*documents, ("russian", "\n\n".join(RUSSIAN))]


def generated_documents() -> list[tuple[str, str]]:
    seeds = load_seeds()
    documents = []
    for index in range(GENERATED_DOCUMENTS):
        name, data, _layout, kinds, _language = generate_document(index, seeds, 7)
        encoding = "cp1251" if "legacy_cp1251" in kinds else "utf-8"
        documents.append((name, data.decode(encoding, errors="replace")))
    return documents


CORPORA = {"seeds": seed_documents, "generated": generated_documents}


def rankings(documents: list[tuple[str, str]], folder: Path) -> dict[str, Any]:
    """For each of QUERIES: how many texts `search` finds, the first SHOWN of them with
    their scores (rounded to 1e-9), and the sha256 of the whole ranking."""
    path = folder / "search.duckdb"
    database.remove_database(path)
    connection = database.open_connection(path, database.MEMORY_LIMIT)
    try:
        database.attach(connection, path)
        posts, comments = _texts(documents)
        connection.execute(
            "create table posts (post_id varchar, doc_id varchar, author varchar, body varchar)"
        )
        connection.execute(
            "create table comments (comment_id varchar, post_id varchar, doc_id varchar, "
            "author varchar, body varchar)"
        )
        connection.executemany("insert into posts values (?, ?, ?, ?)", posts)
        connection.executemany("insert into comments values (?, ?, ?, ?, ?)", comments)
        connection.execute(f"create view texts as {database.VIEWS['texts'].sql}")
        database._create_fts_index(connection, folder / "fts-scratch.duckdb")
        found: dict[str, Any] = {}
        for query in QUERIES:
            rows = connection.execute("select text_id, score from search(?)", [query]).fetchall()
            ranked = sorted(
                ((text_id, round(score, 9)) for text_id, score in rows), key=lambda r: (-r[1], r[0])
            )
            digest = hashlib.sha256(json.dumps(ranked).encode()).hexdigest()
            found[query] = {"hits": len(ranked), "first": ranked[:SHOWN], "sha256": digest}
        return found
    finally:
        connection.close()


def _load_golden() -> dict[str, Any]:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_search_rankings_match_the_golden_file(corpus: str, tmp_path: Path) -> None:
    expected = _load_golden()[corpus]
    found = json.loads(json.dumps(rankings(CORPORA[corpus](), tmp_path)))  # tuples as lists
    assert list(found) == list(QUERIES)
    for query in QUERIES:
        assert found[query] == expected[query], query
    assert sum(found[q]["hits"] for q in QUERIES) > 10 * len(QUERIES)  # not all misses


def _write_golden() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        golden = {name: rankings(documents(), Path(folder)) for name, documents in CORPORA.items()}
    GOLDEN.write_text(json.dumps(golden, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    _write_golden()
