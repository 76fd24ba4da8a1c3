"""The pure core: raw bytes in, typed records and rejections out.

decode -> repair -> segment -> validate, joined by :func:`flows.stages.document.process_document`.
Nothing here imports Prefect, pyarrow, DuckDB, :mod:`flows.io` or :mod:`flows.accel`, or
touches a file (``tests/test_architecture.py`` enforces it).
"""
