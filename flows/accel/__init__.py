"""Optional acceleration: the same bytes, sooner. Nothing in :mod:`flows.stages` imports it.

It plugs in at four named points, and ``python -m flows build --no-accel`` (``make run
ACCEL=0``) turns every one of them off:

* :func:`install`, in each process that runs the stages: ftfy's mojibake detector on RE2
  and its table fixers pre-checked (:mod:`.ftfy_re2`), wordfreq's lists memory-mapped
  (:mod:`.wordfreq_lean`), the stages' detector hook pointed at the RE2 one;
* the allocator settings and the pre-started Prefect API server, at CLI start-up
  (:mod:`.allocator`, :mod:`.prefect_server`);
* the batch cache around the batch task (:mod:`.incremental.cache`);
* the database step, which updates the previous release's database where it can
  (:mod:`.incremental.database_update`) and builds it otherwise.

Each part is exact by construction and checked against the plain path
(``tests/test_accel.py`` compares the Parquet bytes of both).
"""

from __future__ import annotations

_installed = False


def install() -> None:
    """Put the fast paths in place in this process (idempotent)."""
    global _installed
    if _installed:
        return
    from flows.accel import ftfy_re2, wordfreq_lean
    from flows.stages.repair import chars

    ftfy_re2.install()
    wordfreq_lean.install()
    chars.use_detector(chars.MojibakeDetector(ftfy_re2.is_bad_fast, ftfy_re2.is_bad_in_some_line))
    _installed = True
