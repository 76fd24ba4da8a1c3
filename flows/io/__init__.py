"""The one I/O boundary: reading the raw folder, writing Parquet, DuckDB and release files.

Nothing outside this package touches the file system, pyarrow or DuckDB.
"""
