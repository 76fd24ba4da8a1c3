"""The I/O boundary: reading the raw folder, writing Parquet, DuckDB and release files.

The pure stages (`flows.stages`) never touch the file system, pyarrow or DuckDB: they get
bytes from here and hand rows back. This package in turn imports neither the stages'
results nor `flows.accel` (tests/test_architecture.py checks both).
"""
