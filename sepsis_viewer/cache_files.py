"""Files in the user's cache folder: what the app can always make again, only slower.

Only ever a speed-up: a folder that cannot be written (a locked-down kiosk, a full disk) just
means the work is done every time.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

# SHA-256 from CPython's own module: hashlib loads OpenSSL first, 2.5 ms of a start, for one digest.
try:
    from _sha2 import sha256  # Python 3.12 and later
except ImportError:
    try:
        from _sha256 import sha256  # Python 3.10 and 3.11
    except ImportError:  # a Python built without its own hashes
        from hashlib import sha256

from sepsis_viewer import paths

__all__ = ["cache_folder", "keep_newest", "note_failure", "sha256"]

_log = logging.getLogger(__name__)


def cache_folder(name: str) -> Path | None:
    """The cache's sub-folder for one kind of file (it may not exist); None without a home folder."""
    try:
        return paths.cache_dir() / name
    except RuntimeError:  # no home folder to be found: go without
        return None


def keep_newest(folder: Path, keep: int) -> None:
    """Delete the oldest files in `folder` until at most `keep` are left."""
    entries = list(os.scandir(folder))
    if len(entries) <= keep:
        return
    entries.sort(key=lambda entry: entry.stat().st_mtime_ns)
    for entry in entries[: len(entries) - keep]:
        os.unlink(entry.path)


def note_failure(folder: Path, what: str, exc: OSError) -> None:
    _log.debug("could not keep %s in %s: %s", what, folder, exc)
