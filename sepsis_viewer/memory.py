"""Keeping a process that runs for weeks from holding on to memory it has freed (glibc only).

Charts and page rebuilds allocate and free large buffers over and over. glibc raises its
threshold for serving large blocks from mmap each time one is freed, after which such blocks come
from the heap, whose freed space is not always given back: resident memory then creeps up for
days without any leak. A fixed threshold, and a trim now and then, keep it flat.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import logging
import sys

_log = logging.getLogger(__name__)
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_libc = None


def _glibc():
    global _libc
    if _libc is None and sys.platform.startswith("linux"):
        name = ctypes.util.find_library("c")
        try:
            libc = ctypes.CDLL(name or "libc.so.6")
            _libc = libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else False
        except OSError:
            _libc = False
    return _libc or None


def settle_allocator() -> bool:
    """Large blocks (256 KiB and more) always from mmap, freed space past 1 MiB returned."""
    libc = _glibc()
    if libc is None:
        return False
    ok = libc.mallopt(_M_MMAP_THRESHOLD, 256 * 1024) == 1 and libc.mallopt(_M_TRIM_THRESHOLD, 1024 * 1024) == 1
    _log.info("allocator settled for a long run: %s", "yes" if ok else "no")
    return ok


def give_back() -> None:
    """Free what only a full collection finds (widgets, charts and their buffers held in reference
    cycles), and return freed memory to the system where the C library can."""
    gc.collect()
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)
