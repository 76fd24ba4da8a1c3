"""Comparing two release databases by what users can see in them."""

from __future__ import annotations

from pathlib import Path

from flows.io.database import FTS_SCHEMA, connect_read_only
from schemas import TABLES

INDEX_CONTENT = {
    "dict": f"select term, df from {FTS_SCHEMA}.dict",
    "postings": f"""select d.term, x.name, t.tf from {FTS_SCHEMA}.terms t
        join {FTS_SCHEMA}.dict d using (termid) join {FTS_SCHEMA}.docs x using (docid)""",
    "docs": f"select name, len from {FTS_SCHEMA}.docs",
    "stats": f"select * from {FTS_SCHEMA}.stats",
}
"""The full-text index's content without its internal ids (term ids, document ids), which
an updated index numbers otherwise than a fresh one."""


def assert_same_database(found: Path, expected: Path, queries: list[str]) -> None:
    """Every table holds the same rows, the index the same content, and `search` of each
    of `queries` gives the same texts with the same scores, in the same order."""
    a, b = connect_read_only(found), connect_read_only(expected)
    try:
        for model in TABLES:
            sql = f"select * from {model.table} order by all"
            assert a.execute(sql).fetchall() == b.execute(sql).fetchall(), model.table
        for name, sql in INDEX_CONTENT.items():
            rows = a.execute(f"{sql} order by all").fetchall()
            assert rows == b.execute(f"{sql} order by all").fetchall(), name
            assert rows, name
        hits = 0
        for query in queries:
            sql = "select text_id, score from search(?)"
            rows = a.execute(sql, [query]).fetchall()
            assert rows == b.execute(sql, [query]).fetchall(), query
            hits += len(rows)
        assert hits or not queries  # the queries were not all misses
    finally:
        a.close()
        b.close()


def frequent_terms(path: Path, count: int) -> list[str]:
    """The index's `count` most frequent terms: queries that find many texts."""
    connection = connect_read_only(path)
    try:
        rows = connection.execute(
            f"select term from {FTS_SCHEMA}.dict order by df desc, term limit ?", [count]
        ).fetchall()
    finally:
        connection.close()
    return [term for (term,) in rows]
