"""The corpus pipeline: pure stages (decode, repair, segment, validate), the Prefect flow
that orchestrates them in batches, and the one I/O boundary that reads `raw/` and writes
releases."""
