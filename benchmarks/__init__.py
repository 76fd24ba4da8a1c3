"""Benchmarks (issue #7): a deterministic synthetic corpus made from the seeds in raw/, and a
runner that times the whole flow against the cost floors (decode alone, plain ftfy).

    python -m benchmarks.run --size-mb 300 --out build/bench --workers 2

See BENCHMARKS.md for the figures and how to read them.
"""
