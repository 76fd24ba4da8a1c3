"""Building corpus.duckdb from the release's Parquet files: tables with comments, the views
users want, a recursive reply macro and a full-text index that needs no network."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

import duckdb

from schemas import Record
from schemas.arrow import column_order

logger = logging.getLogger(__name__)

VIEWS = {
    "posts_with_source": (
        "Each post with its document's source file, publisher, layout and language.",
        """
        select p.*, d.source_file, d.publisher, d.layout, d.language, d.rights
        from posts p join documents d using (doc_id)
        """,
    ),
    "comment_threads": (
        "Each comment with its root post, its top-level comment and its reply path.",
        """
        select c.comment_id, c.post_id, p.title as post_title, p.author as post_author,
               c.root_id, r.author as root_author, c.parent_id, c.path, c.depth,
               c.ordinal, c.sibling_rank, c.author, c.is_op, c.upvotes, c.downvotes,
               c.score, c.edited, c.age, c.body
        from comments c
        join posts p using (post_id)
        join comments r on r.comment_id = c.root_id
        """,
    ),
    "source_stats": (
        "Per source file: layout, size, and how many records of each kind it gave.",
        """
        select d.source_file, d.publisher, d.layout, d.encoding, d.n_bytes,
               length(d.text) as n_chars,
               (select count(*) from posts p where p.doc_id = d.doc_id) as n_posts,
               (select count(*) from comments c where c.doc_id = d.doc_id) as n_comments,
               (select count(*) from blocks b where b.doc_id = d.doc_id) as n_blocks,
               (select count(*) from footnotes f where f.doc_id = d.doc_id) as n_footnotes,
               (select count(*) from dropped x where x.doc_id = d.doc_id) as n_dropped
        from documents d
        """,
    ),
    "texts": (
        "Post and comment bodies in one relation: what the full-text index covers.",
        """
        select post_id as text_id, 'post' as kind, post_id, doc_id, author, body from posts
        union all
        select comment_id, 'comment', post_id, doc_id, author, body from comments
        """,
    ),
}

INDEXED_CHARS = 100_000
"""Characters of each post or comment body that the full-text index covers."""

REPLIES_MACRO = """
create macro replies(start_id) as table
with recursive tree(comment_id, parent_id, depth, path, author, body) as (
    select comment_id, parent_id, depth, path, author, body
    from comments where comment_id = start_id
    union all
    select c.comment_id, c.parent_id, c.depth, c.path, c.author, c.body
    from comments c join tree t on c.parent_id = t.comment_id
)
select * from tree order by path
"""


def fts_extension_path() -> Path | None:
    """The fts extension shipped in the `duckdb-extension-fts` wheel (no download needed)."""
    try:
        import duckdb_extension_fts
    except ImportError:
        return None
    folder = Path(duckdb_extension_fts.__file__).parent / "extensions"
    candidates = sorted(folder.glob(f"v{duckdb.__version__}/fts.duckdb_extension"))
    return candidates[0] if candidates else None


def load_fts(connection: duckdb.DuckDBPyConnection) -> None:
    path = fts_extension_path()
    if path is None:
        raise RuntimeError("duckdb-extension-fts is not installed; run `make setup`")
    connection.execute(f"LOAD {_quote(str(path))}")


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


MEMORY_LIMIT = "1GB"
"""DuckDB's memory limit while building the database (it spills to disk beyond it)."""

_FTS_PRAGMA = "pragma create_fts_index('search_texts', 'text_id', 'indexed_body', overwrite=1)"


def _connect(path: Path, memory_limit: str | None) -> duckdb.DuckDBPyConnection:
    config: dict[str, str | bool | int | float | list[str]] = {
        "autoinstall_known_extensions": False,
        "temp_directory": str(path.parent / "duckdb-tmp"),
    }
    if memory_limit:
        config["memory_limit"] = memory_limit
    return duckdb.connect(str(path), config=config)


def _create_fts_index(
    connection: duckdb.DuckDBPyConnection, path: Path, memory_limit: str | None
) -> duckdb.DuckDBPyConnection:
    """The full-text index; returns the connection to go on with.

    The fts extension's index build cannot spill to disk: on about 1 GB of text it needs
    more than a 1 GB limit. Rather than failing the run, it is built again on a fresh
    connection with DuckDB's default limit (80 % of RAM), with a warning.
    """
    load_fts(connection)
    try:
        connection.execute(_FTS_PRAGMA)
        return connection
    except duckdb.OutOfMemoryException as error:
        if memory_limit is None:
            raise
        logger.warning(
            "full-text index: out of memory within %s (%s); building it again with "
            "DuckDB's default memory limit",
            memory_limit,
            str(error).splitlines()[0],
        )
    connection.close()
    connection = _connect(path, None)
    load_fts(connection)
    connection.execute(_FTS_PRAGMA)
    return connection


def build_database(
    path: Path,
    data_dir: Path,
    models: Sequence[type[Record]],
    memory_limit: str | None = MEMORY_LIMIT,
) -> None:
    """Load every table from its Parquet file, with table and column comments from the
    schemas; add the views, the `replies` macro and the full-text index."""
    if path.exists():
        path.unlink()
    connection = _connect(path, memory_limit)
    try:
        for model in models:
            parquet = data_dir / f"{model.table}.parquet"
            connection.execute(
                f"create table {model.table} as select * from read_parquet(?)", [str(parquet)]
            )
            doc = " ".join((model.__doc__ or "").split())
            connection.execute(f"comment on table {model.table} is {_quote(doc)}")
            for name in column_order(model):
                description = model.model_fields[name].description
                if description:
                    connection.execute(
                        f'comment on column {model.table}."{name}" is {_quote(description)}'
                    )
        for name, (description, sql) in VIEWS.items():
            connection.execute(f"create view {name} as {sql}")
            connection.execute(f"comment on view {name} is {_quote(description)}")
        connection.execute(REPLIES_MACRO)
        # Index at most INDEXED_CHARS of each text: building the index costs the square of one
        # text's length (one 50 MB line took minutes); results return the full body.
        connection.execute(
            "create table search_texts as select text_id, kind, post_id, author, "
            f"left(body, {INDEXED_CHARS}) as indexed_body from texts order by text_id"
        )
        connection = _create_fts_index(connection, path, memory_limit)
        connection.execute(
            "create macro search(query_text) as table "
            "select s.text_id, s.kind, s.post_id, s.author, t.body, s.score from ("
            " select *, fts_main_search_texts.match_bm25(text_id, query_text) as score"
            " from search_texts) s join texts t using (text_id)"
            " where s.score is not null order by s.score desc, s.text_id"
        )
        connection.execute("checkpoint")
    finally:
        connection.close()


def connect_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """Open a release's database read-only, with full-text search available offline."""
    connection = duckdb.connect(str(path), read_only=True)
    load_fts(connection)
    return connection
