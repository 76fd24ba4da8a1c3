"""Allocator settings that give freed memory back to the system.

Arrow's default pool (mimalloc) and glibc's adaptive mmap threshold both hold on to the
buffers a batch frees, so a long run's resident memory grows with its largest batch.
Here Arrow uses the system allocator, and glibc's threshold is fixed, in this process
and in every process it starts. Output is unaffected (allocation only).
"""

from __future__ import annotations

import ctypes
import os

MMAP_THRESHOLD = 32 << 20
"""glibc's threshold for mapping an allocation on its own, fixed at the top of the range it
would otherwise grow to; fixing it also keeps the trim threshold at its default, so free
memory at the top of a heap goes back to the system."""


def configure_allocator() -> None:
    """Set the allocator environment for this process and its children; call before
    pyarrow is imported (it reads `ARROW_DEFAULT_MEMORY_POOL` then)."""
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
    if "MALLOC_MMAP_THRESHOLD_" not in os.environ:
        os.environ["MALLOC_MMAP_THRESHOLD_"] = str(MMAP_THRESHOLD)  # the processes it starts
        _set_mmap_threshold(MMAP_THRESHOLD)  # this one: glibc read its environment at start


def _set_mmap_threshold(threshold: int) -> None:
    """`mallopt(M_MMAP_THRESHOLD, threshold)` where the C library is glibc; elsewhere
    nothing is done."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError, TypeError):
        return
    mallopt(-3, threshold)  # M_MMAP_THRESHOLD in <malloc.h>
