"""Updating the previous release's corpus.duckdb in place of building it again: only the
documents whose rows changed are deleted and loaded, and the full-text index is patched
with their texts. The tables come out with the same rows as a full build's, and the index
gives the same search results (its internal ids differ; tests/test_database_update.py
checks both)."""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from collections.abc import Sequence
from pathlib import Path

import duckdb

from flows.io import database
from flows.io.database import FTS_SCHEMA, INDEXED_CHARS, TEXT_SOURCES, Progress
from schemas import Record

logger = logging.getLogger(__name__)

DOC_KEY = "doc_id"
"""The column that ties a row to its document: a changed document's rows are replaced in
every table that has it. Tables without it (rejects, qc: small) are loaded whole."""

MAX_CHANGED_SHARE = 0.2
"""Above this share of the documents changed (or added, or removed), the database is
built in full instead: patching costs per changed document, a full build per document,
and a full build also lays every table out in its sort order again and leaves no
postings behind (`_take_texts_out`)."""


def database_recipe(models: Sequence[type[Record]]) -> str:
    """What a database depends on besides the rows of its tables: the code that builds it,
    DuckDB's version and the tables' schemas (their comments included). A release records
    it in its manifest; the next build updates that release's database only if its own
    recipe is the same."""
    digest = hashlib.sha256()
    for module in (database.__file__, __file__):
        digest.update(Path(module).read_bytes())
    digest.update(duckdb.__version__.encode())
    for model in models:
        schema = json.dumps(model.model_json_schema(), sort_keys=True)
        digest.update(f"{model.table}\n{schema}\n".encode())
    return digest.hexdigest()[:16]


def _read(path: Path) -> str:
    return f"read_parquet({database._quote(str(path))})"


def _within(spans: Sequence[tuple[str, str]] | None) -> str:
    """SQL: the document is in one of `spans` (inclusive id ranges); all of them if None."""
    if spans is None:
        return "true"
    ranges = [
        f"{DOC_KEY} between {database._quote(first)} and {database._quote(last)}"
        for first, last in spans
    ]
    return " or ".join(ranges) or "false"


def _changed_documents(
    connection: duckdb.DuckDBPyConnection,
    old_data: Path,
    new_data: Path,
    models: Sequence[type[Record]],
    spans: Sequence[tuple[str, str]] | None = None,
) -> tuple[int, int]:
    """Fill the temporary table `changed` with every document id whose rows differ between
    the two releases' data files in any table (added and removed documents included); the
    number of those and of the new release's documents.

    Rows are compared per document by the xor of DuckDB's 64-bit `hash` of each row and by
    their count (a change is missed only on a hash collision, as in `release_changes`).
    With `spans` (id ranges outside which the rows are known to be the same: see
    `flows.plan.changed_spans`) only the documents within them are compared; the data
    files are in id order, so DuckDB reads only their row groups, and a rebuild after a
    small change compares a few batches' rows instead of the whole corpus's."""
    within = _within(spans)
    per_table = []
    for model in models:
        if DOC_KEY not in model.model_fields:
            continue

        def rows(folder: Path, table: str = model.table) -> str:
            return (
                f"select {DOC_KEY}, bit_xor(hash(t)) as h, count(*) as n "
                f"from {_read(folder / f'{table}.parquet')} t where {within} group by {DOC_KEY}"
            )

        per_table.append(
            f"""select coalesce(new.{DOC_KEY}, old.{DOC_KEY}) as {DOC_KEY}
            from ({rows(new_data)}) new full outer join ({rows(old_data)}) old
              on new.{DOC_KEY} = old.{DOC_KEY}
            where old.h is distinct from new.h or old.n is distinct from new.n"""
        )
    connection.execute(
        f"create temp table changed as select distinct {DOC_KEY} from ("
        + " union all ".join(per_table)
        + ")"
    )
    (changed,) = connection.execute("select count(*) from changed").fetchone() or (0,)
    documents = _read(new_data / "documents.parquet")
    (total,) = connection.execute(f"select count(*) from {documents}").fetchone() or (0,)
    return int(changed), int(total)


def _index_ranges() -> list[tuple[str, str, int, int | None]]:
    """(table, id column, first docid, end) of each table's range of the index's ids."""
    ends: list[int | None] = [offset for _, _, offset in TEXT_SOURCES[1:]]
    return [
        (table, column, offset, end)
        for (table, column, offset), end in zip(TEXT_SOURCES, [*ends, None], strict=True)
    ]


def _in_range(column: str, first: int, end: int | None) -> str:
    return f"{column} >= {first}" + (f" and {column} < {end}" if end is not None else "")


def _take_texts_out(connection: duckdb.DuckDBPyConnection) -> int:
    """Take the changed documents' posts and comments out of the index: their terms'
    document frequencies and their entries in `docs` (ids and lengths); how many there were.

    Their postings stay in `terms`, where `search` never reaches them (it joins `docs`), and
    their ids are never given out again (`_put_texts_in`). Deleting them is what DuckDB
    cannot do within the memory limit: one text's postings lie in nearly every row group of
    `terms` (it is in term order), so deleting those of a single long text can touch, and
    hold, the whole table. A full build (see MAX_CHANGED_SHARE) leaves none behind."""
    s = FTS_SCHEMA
    gone = " union all ".join(
        f"""select x.docid from {s}.docs x
            where {_in_range("x.docid", first, end)}
              and x.name in (select {column} from {table}
                             where {DOC_KEY} in (select {DOC_KEY} from changed))"""
        for table, column, first, end in _index_ranges()
    )
    connection.execute(f"create temp table gone as {gone}")
    connection.execute(
        f"""update {s}.dict set df = dict.df - g.n
            from (select termid, count(*) as n from {s}.terms
                  where docid in (select docid from gone) group by termid) g
            where dict.termid = g.termid"""
    )
    connection.execute(f"delete from {s}.docs where docid in (select docid from gone)")
    (count,) = connection.execute("select count(*) from gone").fetchone() or (0,)
    return int(count)


def _replace_rows(
    connection: duckdb.DuckDBPyConnection, new_data: Path, models: Sequence[type[Record]]
) -> None:
    """Each table's rows of the changed documents deleted and loaded again from the new data
    files (in sort order); tables without a document id loaded whole."""
    for model in models:
        source = _read(new_data / f"{model.table}.parquet")
        order = ", ".join(f'"{key}"' for key in model.sort_key)
        if DOC_KEY in model.model_fields:
            where = f"{DOC_KEY} in (select {DOC_KEY} from changed)"
            connection.execute(f"delete from {model.table} where {where}")
            connection.execute(
                f"insert into {model.table} select * from {source} where {where} order by {order}"
            )
        else:
            connection.execute(f"delete from {model.table}")
            connection.execute(f"insert into {model.table} select * from {source} order by {order}")


def _put_texts_in(connection: duckdb.DuckDBPyConnection) -> int:
    """Index the changed documents' posts and comments as they are now: new index ids after
    the largest in each table's range that a text or any posting has (so no text gets the
    postings left by one taken out), words counted and stemmed as in the full build
    (`database.counted_words_sql`, `database.vocabulary_sql`); how many texts."""
    s = FTS_SCHEMA
    texts = " union all ".join(
        f"""select coalesce((select max(docid) + 1 from (
                                 select docid from {s}.terms union all select docid from {s}.docs)
                             where {_in_range("docid", first, end)}), {first})
                   + row_number() over (order by {column}) - 1 as docid,
                   {column} as name, left(body, {INDEXED_CHARS}) as body
            from {table} where {DOC_KEY} in (select {DOC_KEY} from changed)"""
        for table, column, first, end in _index_ranges()
    )
    connection.execute(f"create temp table arriving as {texts}")
    (chars,) = connection.execute(
        "select coalesce(sum(length(body)), 0) from arriving"
    ).fetchone() or (0,)
    passes = max(1, -(-int(chars) // database.CHARS_PER_PASS))
    connection.execute("create temp table arriving_words (docid bigint, word varchar, tf bigint)")
    for done in range(passes):
        connection.execute(
            "insert into arriving_words "
            + database.counted_words_sql(
                database.word_rows_sql("docid", "body", "arriving", f"docid % {passes} = {done}")
            )
        )
    connection.execute(
        f"create temp table arriving_terms as {database.vocabulary_sql('arriving_words')}"
    )
    connection.execute(
        """create temp table arriving_postings as
           select term, docid, sum(tf)::bigint as tf
           from arriving_words join arriving_terms using (word) group by term, docid"""
    )
    connection.execute(
        f"""insert into {s}.dict
            select (select coalesce(max(termid) + 1, 0) from {s}.dict)
                   + row_number() over (order by term) - 1, term, 0
            from (select distinct term from arriving_postings
                  where term not in (select term from {s}.dict))"""
    )
    connection.execute(
        f"""update {s}.dict set df = dict.df + a.n
            from (select term, count(*) as n from arriving_postings group by term) a
            where dict.term = a.term"""
    )
    connection.execute(f"delete from {s}.dict where df = 0")
    connection.execute(
        f"""insert into {s}.terms
            select d.termid, p.docid, p.tf
            from arriving_postings p join {s}.dict d using (term) order by d.termid, p.docid"""
    )
    connection.execute(
        f"""insert into {s}.docs
            select t.docid, t.name, coalesce(n.len, 0)::bigint
            from arriving t
            left join (select docid, sum(tf) as len from arriving_postings group by docid) n
              on n.docid = t.docid
            order by t.docid"""
    )
    connection.execute(f"delete from {s}.stats")
    connection.execute(f"insert into {s}.stats {database.STATS_SQL}")
    (count,) = connection.execute("select count(*) from arriving").fetchone() or (0,)
    return int(count)


def update_database(
    path: Path,
    previous: Path,
    data_dir: Path,
    models: Sequence[type[Record]],
    memory_limit: str | None,
    progress: Progress,
    spans: Sequence[tuple[str, str]] | None = None,
) -> list[str] | None:
    """Write at `path` the previous release's database (`previous`: that release's folder)
    brought up to the data files in `data_dir`, if it can be, and return the ids of the
    documents replaced (in order); None, with nothing written, if a full build is needed:
    no earlier database, another recipe (`database_recipe`), or more than
    MAX_CHANGED_SHARE of the documents changed. `spans`: see `_changed_documents`."""
    old_database, old_data = previous / "corpus.duckdb", previous / "data"
    manifest = previous / "manifest.json"
    if not (old_database.is_file() and manifest.is_file()):
        progress("no earlier database: building it in full")
        return None
    recorded = json.loads(manifest.read_text(encoding="utf-8")).get("database_recipe")
    if recorded != database_recipe(models):
        progress("the earlier database was built by other code: building it in full")
        return None
    if not all((old_data / f"{model.table}.parquet").is_file() for model in models):
        progress("the earlier release lacks data files: building the database in full")
        return None
    connection = database.open_connection(path, memory_limit)
    try:
        if spans is not None:
            progress(f"comparing the documents of {len(spans):,} changed batch spans only")
        changed, total = _changed_documents(connection, old_data, data_dir, models, spans)
        if changed > MAX_CHANGED_SHARE * max(total, 1):
            progress(
                f"{changed:,} of {total:,} documents to replace: building the database in full"
            )
            return None
        progress(f"updating the earlier database: {changed:,} of {total:,} documents to replace")
        database.remove_database(path)
        shutil.copyfile(old_database, path)
        database.attach(connection, path)
        database.load_fts(connection)  # its Porter stemmer
        out = _take_texts_out(connection)
        _replace_rows(connection, data_dir, models)
        arrived = _put_texts_in(connection)
        progress(f"full-text index: {out:,} texts out, {arrived:,} in")
        connection.execute("checkpoint")
        replaced = [
            doc_id
            for (doc_id,) in connection.execute(
                f"select {DOC_KEY} from changed order by {DOC_KEY}"
            ).fetchall()
        ]
    except BaseException:
        connection.close()
        database.remove_database(path)
        raise
    connection.close()
    return replaced


def update_or_build(
    path: Path,
    data_dir: Path,
    models: Sequence[type[Record]],
    progress: Progress = database.no_progress,
    *,
    previous: Path,
    spans: Sequence[tuple[str, str]] | None = None,
    memory_limit: str | None = database.MEMORY_LIMIT,
) -> list[str] | None:
    """The previous release's database updated where it can be (then the ids of the
    documents it replaced), else, with a warning if updating failed, built in full (None)."""
    try:
        replaced = update_database(path, previous, data_dir, models, memory_limit, progress, spans)
        if replaced is not None:
            return replaced
    except duckdb.Error as error:
        logger.warning(
            "database: updating the one of %s failed (%s); building it in full",
            previous,
            str(error).splitlines()[0],
        )
    database.build_database(path, data_dir, models, memory_limit, progress)
    return None


REPLACED_PREFIX = "replaced documents: "


def update_release_database(
    staging: Path,
    previous: Path,
    spans: Sequence[tuple[str, str]] | None,
    progress: Progress = database.no_progress,
) -> list[str] | None:
    """`update_or_build` of the staged release's corpus.duckdb, in a process of its own
    (`flows.io.database.run_apart`); the replaced ids come back on its last output line."""
    arguments = [str(staging / "corpus.duckdb"), str(staging / "data"), str(previous)]
    if spans is not None:
        arguments.append(json.dumps([list(span) for span in spans]))
    replaced: list[str] | None = None

    def read(line: str) -> None:
        nonlocal replaced
        if line.startswith(REPLACED_PREFIX):
            replaced = json.loads(line.removeprefix(REPLACED_PREFIX))
        else:
            progress(line)

    try:
        database.run_apart(__name__, arguments, read)
    finally:
        shutil.rmtree(staging / "duckdb-tmp", ignore_errors=True)
    return replaced


def _main(argv: list[str]) -> int:
    """`python -m flows.accel.incremental.database_update DATABASE DATA_DIR PREVIOUS [SPANS]`
    (SPANS: a JSON list of [first, last] document ids): what `update_release_database` runs."""
    from schemas import TABLES

    path, data_dir, previous = (Path(argument) for argument in argv[:3])
    spans = [(str(a), str(b)) for a, b in json.loads(argv[3])] if len(argv) > 3 else None
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    replaced = update_or_build(
        path, data_dir, TABLES, lambda step: print(step, flush=True), previous=previous, spans=spans
    )
    if replaced is not None:
        print(REPLACED_PREFIX + json.dumps(replaced), flush=True)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(_main(sys.argv[1:]))
