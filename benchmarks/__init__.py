"""Benchmarks: a deterministic synthetic corpus made from the seeds in raw/, and a runner
that times the whole flow against the cost floors (decode alone, plain ftfy).

    python -m benchmarks.run --size-mb 300 --out build/bench --workers 2

Each run appends its figures to benchmarks/results.csv; docs/performance.md explains them.
"""
