"""Building corpus.duckdb from the release's Parquet files: tables with comments, the views
users want, a recursive reply macro and a full-text index that needs no network."""

from __future__ import annotations

import logging
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

import duckdb

from schemas import Record
from schemas.arrow import column_order

logger = logging.getLogger(__name__)

Progress = Callable[[str], None]
"""Told each step of the database build as it starts (one line, no newline)."""


def no_progress(step: str) -> None:
    """A `Progress` that tells no one."""


class Relation(NamedTuple):
    """A view or table macro of the database, as the dataset card documents it."""

    description: str
    sql: str
    example: str
    """One query using it, run against the seeds' release by the tests."""


VIEWS = {
    "posts_with_source": Relation(
        "Each post with its document's source file, publisher, layout and language.",
        """
        select p.*, d.source_file, d.publisher, d.layout, d.language, d.rights
        from posts p join documents d using (doc_id)
        """,
        "select source_file, kind, title from posts_with_source order by post_id limit 5",
    ),
    "comment_threads": Relation(
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
        "select post_title, depth, author, left(body, 40) as body from comment_threads "
        "order by post_id, path limit 5",
    ),
    "source_stats": Relation(
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
        "select source_file, layout, n_posts, n_comments from source_stats order by source_file",
    ),
    "texts": Relation(
        "Post and comment bodies in one relation: what the full-text index covers.",
        """
        select post_id as text_id, 'post' as kind, post_id, doc_id, author, body from posts
        union all
        select comment_id, 'comment', post_id, doc_id, author, body from comments
        """,
        "select kind, count(*) as n, sum(length(body)) as chars from texts group by kind",
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


MEMORY_LIMIT = "250MB"
"""DuckDB's memory limit while building the database (it spills to disk beyond it).

The building process holds more than this at its peak: its own code and libraries, and
what operators that cannot spill hold outside the limit, which grows slowly with the
corpus. The limit is chosen so that the whole run's process tree stays under the
project's 1 GB peak-memory target; on small corpora it costs no time, on large ones it
trades some database build time for that bound (figures: docs/performance.md)."""

LOAD_THREADS = {"documents": 1}
"""Threads loading a table, where not DuckDB's default (one per core). A thread compresses
a row group at a time, and a row group of `documents` holds ROW_GROUP_SIZE whole texts, so
each extra thread holds another such group in memory; within MEMORY_LIMIT DuckDB
serializes those groups anyway, so one thread loads `documents` about as fast and holds
much less."""

STORAGE_VERSION = "v1.2.0"
"""The database file's storage format: DuckDB 1.2 and later open it. From 1.2 on DuckDB may
compress text with zstd, which makes the file several times smaller than with the 1.0
format (DuckDB's default) and faster to write."""

ROW_GROUP_SIZE = 8192
"""Rows per row group of the database's tables. DuckDB compresses a row group on one
thread, and with its default (122,880 rows) `documents` and `posts` of any corpus under
about 100,000 documents are a single row group, loaded on one core. Smaller groups load
in parallel; much smaller ones make the file larger (the index's postings compress worse
in small groups) for little more speed."""

FTS_SCHEMA = "fts_main_texts"
"""Where the full-text index lives: the schema the fts extension would give an index of
`texts`."""

TOKEN_PATTERN = "[\\p{L}\\p{M}]+"
"""Words are maximal runs of letters (with their combining marks) after lower(); a word's
term is its Porter stem after strip_accents(). On ASCII text these are exactly the fts
extension's default terms (its `ignore` pattern `(\\.|[^a-z])+`); unlike it, curly quotes
and dashes separate words ("“smart”" is "smart") and Cyrillic words are indexed too (the
Porter stemmer leaves them whole). Accents are stripped from each distinct word, not from
the whole text: the same terms, for a fraction of the work."""


def _words(text_sql: str) -> str:
    return f"regexp_extract_all(lower({text_sql}), '{TOKEN_PATTERN}')"


def _term(word_sql: str) -> str:
    return f"stem(strip_accents({word_sql}), 'porter')"


TEXT_SOURCES = (("posts", "post_id", 0), ("comments", "comment_id", 1 << 40))
"""The tables the index covers, each with its id column and an offset that keeps the
index's integer document ids (`rowid + offset`) of the two tables apart."""


CHARS_PER_PASS = 75_000_000
"""Characters of text whose words are counted in one pass of the index build: counting
is grouped by text, so texts split into passes give the same counts, and what one pass
holds outside DuckDB's memory limit grows with the pass: a pass of this size stays within
MEMORY_LIMIT where one pass of a whole large corpus runs out of memory."""


def word_rows_sql(docid_sql: str, text_sql: str, source: str, where: str) -> str:
    """One row (docid, word) per word of each text of `source` that `where` selects."""
    return f"select {docid_sql} as docid, unnest({_words(text_sql)}) as word from {source} where {where}"


def counted_words_sql(word_rows: str) -> str:
    """How often each word occurs in each text, from `word_rows` (`word_rows_sql`)."""
    return f"select docid, word, count(*) as tf from ({word_rows}) group by docid, word"


def vocabulary_sql(words_table: str) -> str:
    """Each distinct word of `words_table` that is not a stop word, with its term."""
    return f"""select word, {_term("word")} as term
        from (select distinct word from {words_table})
        where strip_accents(word) not in (select sw from {FTS_SCHEMA}.stopwords)
          and strip_accents(word) <> ''"""


STATS_SQL = f"select count(*) as num_docs, sum(len) / count(len) as avgdl from {FTS_SCHEMA}.docs"
"""The index's one row of statistics, from its documents' lengths."""


def _fts_statements(threads: int, passes: int = 1) -> list[str]:
    """Build the BM25 index of the post and comment bodies (their first INDEXED_CHARS
    characters) with plain SQL.

    The fts extension's own `create_fts_index` stores one row per token occurrence,
    stems every occurrence and runs on one thread (a table of a few thousand rows is one
    row group, DuckDB's unit of parallelism), which makes it the slowest step of a build.
    The same kind of index (the extension's Porter stemmer and English stop words, BM25
    with k=1.2, b=0.75; on ASCII text tests/test_release.py checks the scores against the
    extension's own `match_bm25`) comes out of aggregates: words are counted per text in
    `threads` interleaved slices of each table that run in parallel, each distinct word is
    stemmed once, and the postings hold one row per (term, text). The texts are read where
    they are, never copied. `passes` split the texts (by rowid) so that each aggregate
    holds only its pass's texts (see CHARS_PER_PASS).
    """
    indexed = f"left(body, {INDEXED_CHARS})"
    slices = threads * passes

    def counted_words(done: int) -> str:
        return counted_words_sql(
            " union all ".join(
                word_rows_sql(
                    f"rowid + {offset}",
                    indexed,
                    table,
                    f"rowid % {slices} = {done * threads + part}",
                )
                for table, _, offset in TEXT_SOURCES
                for part in range(threads)
            )
        )

    def summed_terms(done: int) -> str:
        return f"""select term, docid, sum(tf)::bigint as tf
            from fts_scratch.fts_words join fts_scratch.fts_vocabulary using (word)
            where docid % {passes} = {done} group by term, docid"""

    names = " union all ".join(
        f"select rowid + {offset} as docid, {column} as name from {table}"
        for table, column, offset in TEXT_SOURCES
    )
    s = FTS_SCHEMA
    return [
        f"drop schema if exists {s} cascade",
        f"create schema {s}",
        # the extension's default stop word list, taken from the extension itself
        "create table fts_stopword_source (id integer, body varchar)",
        "pragma create_fts_index('fts_stopword_source', 'id', 'body', overwrite=1)",
        f"create table {s}.stopwords as select sw from fts_main_fts_stopword_source.stopwords",
        "pragma drop_fts_index('fts_stopword_source')",
        "drop table fts_stopword_source",
        f"create table fts_scratch.fts_words as {counted_words(0)}",
        *(f"insert into fts_scratch.fts_words {counted_words(done)}" for done in range(1, passes)),
        f"create table fts_scratch.fts_vocabulary as {vocabulary_sql('fts_scratch.fts_words')}",
        f"create table fts_scratch.fts_postings as {summed_terms(0)}",
        *(
            f"insert into fts_scratch.fts_postings {summed_terms(done)}"
            for done in range(1, passes)
        ),
        f"""create table {s}.dict as
            select (row_number() over (order by term) - 1)::bigint as termid, term,
                   count(*)::bigint as df
            from fts_scratch.fts_postings group by term order by term""",
        f"""create table {s}.terms as
            select d.termid, p.docid, p.tf
            from fts_scratch.fts_postings p join {s}.dict d using (term)
            order by d.termid, p.docid""",
        f"""create table {s}.docs as
            select t.docid, t.name, coalesce(n.len, 0)::bigint as len
            from ({names}) t
            left join (
                select docid, sum(tf) as len from fts_scratch.fts_postings group by docid
            ) n
              on n.docid = t.docid
            order by t.docid""",
        f"create table {s}.stats as {STATS_SQL}",
        "drop table fts_scratch.fts_words",
        "drop table fts_scratch.fts_vocabulary",
        "drop table fts_scratch.fts_postings",
    ]


SEARCH_MACRO = f"""
create macro search(query_text, k := 1.2, b := 0.75) as table
with query_terms as (
    select distinct {_term("word")} as term
    from (select unnest({_words("query_text")}) as word)
),
scores as (
    select t.docid,
           sum(log((st.num_docs - d.df + 0.5) / (d.df + 0.5) + 1)
               * (t.tf * (k + 1) / (t.tf + k * (1 - b + b * (x.len / st.avgdl))))) as score
    from query_terms q
    join {FTS_SCHEMA}.dict d using (term)
    join {FTS_SCHEMA}.terms t using (termid)
    join {FTS_SCHEMA}.docs x using (docid)
    cross join {FTS_SCHEMA}.stats st
    group by t.docid
)
select t.text_id, t.kind, t.post_id, t.author, t.body, sc.score
from scores sc
join {FTS_SCHEMA}.docs x using (docid)
join texts t on t.text_id = x.name
order by sc.score desc, t.text_id
"""
"""BM25 over the index, as the fts extension's `match_bm25` computes it (disjunctive)."""

MACROS = {
    "replies": Relation(
        "`replies(comment_id)`: that comment and every reply below it, at any depth, in "
        "thread order (by `path`).",
        REPLIES_MACRO,
        "select depth, author, left(body, 40) as body from replies((select comment_id "
        "from comments where parent_id is null order by comment_id limit 1))",
    ),
    "search": Relation(
        "`search(query)`: posts and comments ranked by BM25 relevance to `query` (any of its "
        "words); needs DuckDB's fts extension loaded (`INSTALL fts; LOAD fts;`) for its stemmer.",
        SEARCH_MACRO,
        "select text_id, kind, round(score, 2) as score from search('Navalny smart voting') "
        "limit 5",
    ),
}
"""The table macros of the database, created with the views (`search` with the index)."""


def _create_macro(connection: duckdb.DuckDBPyConnection, name: str) -> None:
    connection.execute(MACROS[name].sql)
    connection.execute(f"comment on macro table {name} is {_quote(MACROS[name].description)}")


def remove_database(path: Path) -> None:
    """Remove the DuckDB file at `path` and its write-ahead log, if there are any."""
    for file in (path, path.with_name(path.name + ".wal")):
        file.unlink(missing_ok=True)


def open_connection(path: Path, memory_limit: str | None) -> duckdb.DuckDBPyConnection:
    """An in-memory connection for building the database at `path` (spilling next to it)."""
    config: dict[str, str | bool | int | float | list[str]] = {
        "autoinstall_known_extensions": False,
        "temp_directory": str(path.parent / "duckdb-tmp"),
    }
    if memory_limit:
        config["memory_limit"] = memory_limit
    return duckdb.connect(config=config)


def attach(connection: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Make the file at `path` the connection's default database, attached with the storage
    options a plain `duckdb.connect` cannot set (under the name users will see: the stem)."""
    name = '"' + path.stem.replace('"', '""') + '"'
    connection.execute(
        f"attach {_quote(str(path))} as {name} "
        f"(storage_version '{STORAGE_VERSION}', row_group_size {ROW_GROUP_SIZE})"
    )
    connection.execute(f"use {name}")


def _connect(path: Path, memory_limit: str | None) -> duckdb.DuckDBPyConnection:
    connection = open_connection(path, memory_limit)
    attach(connection, path)
    return connection


def _create_fts_index(
    connection: duckdb.DuckDBPyConnection, scratch: Path, progress: Progress = no_progress
) -> None:
    """The index, its intermediate tables in a scratch database file (`scratch`, removed
    after): DuckDB keeps temporary tables in memory, and on a large corpus the word
    counts alone are larger than the memory limit; in a file they spill like any table,
    and the release's database does not keep their freed blocks."""
    load_fts(connection)
    (threads,) = connection.execute("select current_setting('threads')").fetchone() or (1,)
    total = " + ".join(
        f"(select coalesce(sum(least(length(body), {INDEXED_CHARS})), 0) from {table})"
        for table, _, _ in TEXT_SOURCES
    )
    (chars,) = connection.execute(f"select {total}").fetchone() or (0,)
    passes = max(1, -(-int(chars) // CHARS_PER_PASS))
    progress(
        f"full-text index of {int(chars):,} characters"
        + (f" in {passes} passes" if passes > 1 else "")
    )
    scratch.parent.mkdir(parents=True, exist_ok=True)
    scratch.unlink(missing_ok=True)
    connection.execute(f"attach {_quote(str(scratch))} as fts_scratch")
    connection.execute("set preserve_insertion_order = false")  # every result is ordered
    try:
        for statement in _fts_statements(max(1, int(threads)), passes):
            connection.execute(statement)
    finally:
        connection.execute("detach fts_scratch")
        remove_database(scratch)
    _create_macro(connection, "search")


RETRY_MEMORY_LIMITS: tuple[str | None, ...] = ("1GB", None)
"""The limits a build that ran out of memory is done again within, in turn (None: DuckDB's
default, 80 % of RAM). What the index build holds outside the limit grows with the corpus,
not only with a pass, so a corpus several times larger than the benchmark's may need a
second try; it gets a bounded one first, not most of the machine."""


def build_database(
    path: Path,
    data_dir: Path,
    models: Sequence[type[Record]],
    memory_limit: str | None = MEMORY_LIMIT,
    progress: Progress = no_progress,
) -> None:
    """Load every table from its Parquet file, with table and column comments from the
    schemas; add the views, the `replies` macro and the full-text index. Not every DuckDB
    operator can spill: should the build run out of memory within `memory_limit`, it is
    done again within each of RETRY_MEMORY_LIMITS in turn, with a warning, rather than
    failing the run."""
    limits = [memory_limit]
    if memory_limit is not None:
        limits += [limit for limit in RETRY_MEMORY_LIMITS if limit != memory_limit]
    for attempt, limit in enumerate(limits):
        try:
            _build_database(path, data_dir, models, limit, progress)
            return
        except duckdb.OutOfMemoryException as error:
            if attempt == len(limits) - 1:
                raise
            logger.warning(
                "database: out of memory within %s (%s); building it again within %s",
                limit,
                str(error).splitlines()[0],
                limits[attempt + 1] or "DuckDB's default memory limit",
            )
    return None  # not reached: the last attempt returns or raises


def _build_database(
    path: Path,
    data_dir: Path,
    models: Sequence[type[Record]],
    memory_limit: str | None,
    progress: Progress,
) -> None:
    remove_database(path)
    connection = _connect(path, memory_limit)
    try:
        for model in models:
            parquet = data_dir / f"{model.table}.parquet"
            progress(f"loading {model.table}")
            threads = LOAD_THREADS.get(model.table)
            if threads:
                connection.execute(f"set threads = {threads}")
            connection.execute(
                f"create table {model.table} as select * from read_parquet(?)", [str(parquet)]
            )
            if threads:
                connection.execute("reset threads")
            doc = " ".join((model.__doc__ or "").split())
            connection.execute(f"comment on table {model.table} is {_quote(doc)}")
            for name in column_order(model):
                description = model.model_fields[name].description
                if description:
                    connection.execute(
                        f'comment on column {model.table}."{name}" is {_quote(description)}'
                    )
        for name, (description, sql, _) in VIEWS.items():
            connection.execute(f"create view {name} as {sql}")
            connection.execute(f"comment on view {name} is {_quote(description)}")
        _create_macro(connection, "replies")
        connection.execute("checkpoint")  # the loaded tables leave memory before the index
        _create_fts_index(connection, path.parent / "duckdb-tmp" / "fts-scratch.duckdb", progress)
        connection.execute("checkpoint")
    finally:
        connection.close()


class DatabaseBuildError(RuntimeError):
    """The process building corpus.duckdb failed; the message holds the end of its output."""


def run_apart(module: str, arguments: Sequence[str], progress: Progress = no_progress) -> str:
    """Run `python -m module *arguments` in a process of its own and return its standard
    output; each output line goes to `progress` as it comes, warnings (lines of standard
    error starting "WARNING ") to the log; a failure raises `DatabaseBuildError`.

    DuckDB's allocator keeps much of what a build used; in its own process that memory
    goes back to the system when the build ends, and the long-lived flow process, which
    holds Prefect and the pipeline, never carries it."""
    root = Path(__file__).resolve().parent.parent.parent
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as errors:
        process = subprocess.Popen(
            [sys.executable, "-m", module, *arguments],
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            encoding="utf-8",
        )
        assert process.stdout is not None
        output = []
        for line in process.stdout:
            output.append(line)
            progress(line.rstrip("\n"))
        returncode = process.wait()
        errors.seek(0)
        stderr = errors.read()
    for line in stderr.splitlines():
        if line.startswith("WARNING "):
            logger.warning("%s", line.removeprefix("WARNING "))
    if returncode != 0:
        tail = (stderr or "".join(output))[-2000:]
        raise DatabaseBuildError(f"python -m {module} failed (exit {returncode}):\n{tail}")
    return "".join(output)


def build_database_apart(path: Path, data_dir: Path, progress: Progress = no_progress) -> None:
    """`build_database` of every table, in a process of its own (`run_apart`)."""
    run_apart(__name__, [str(path), str(data_dir)], progress)


def _main(argv: list[str]) -> int:
    """`python -m flows.io.database DATABASE DATA_DIR`: what `build_database_apart` runs."""
    import argparse

    from schemas import TABLES

    parser = argparse.ArgumentParser(prog="python -m flows.io.database")
    parser.add_argument("database", type=Path)
    parser.add_argument("data_dir", type=Path)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    build_database(
        args.database, args.data_dir, TABLES, progress=lambda step: print(step, flush=True)
    )
    return 0


def connect_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """Open a release's database read-only, with full-text search available offline."""
    connection = duckdb.connect(str(path), read_only=True)
    load_fts(connection)
    return connection


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
