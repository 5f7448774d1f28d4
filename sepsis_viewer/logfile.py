"""A size-capped, rotating log file in the platform's log folder, for screens nobody watches."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from sepsis_viewer.crash import log_dir

MAX_BYTES = 1024 * 1024  # a week of waiting-room logging fits many times over
BACKUPS = 3
FILE_NAME = "sepsis-viewer.log"


def install_log_file(folder: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Log to `folder`/sepsis-viewer.log (rotated at 1 MiB, 3 old files kept); None if impossible."""
    folder = folder or log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(folder / FILE_NAME, maxBytes=MAX_BYTES,
                                                       backupCount=BACKUPS, encoding="utf-8")
    except OSError as exc:
        logging.getLogger(__name__).warning("no log file in %s (%s); logging to the terminal only", folder, exc)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    logger = logging.getLogger("sepsis_viewer")
    logger.setLevel(min(level, logger.getEffectiveLevel()))
    return folder / FILE_NAME
