"""Imported by the process pool's fork server (`flows.pool`): the modules of the pure
stages and lingua's models, loaded once so that every worker forked from it shares them.

lingua keeps its models in Rust memory that Python's reference counts never write to, so
the pages stay shared after the fork; `gc.freeze` keeps the collector of each worker from
writing to the headers of the objects loaded here. Only what holds no thread is loaded
(no Prefect, Arrow or DuckDB: DuckDB starts a thread on import): the fork server forks
its workers, and a thread's locks would be copied held.
"""

from __future__ import annotations

import gc

from flows.config import PipelineConfig
from flows.stages.document import process_document
from flows.stages.enrich.language import load_models

__all__ = ["process_document"]

load_models(PipelineConfig().language)
gc.freeze()
