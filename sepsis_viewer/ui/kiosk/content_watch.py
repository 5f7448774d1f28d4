"""Watching a file (content, or the waiting room's configuration): a valid new version is handed
on, an invalid one is logged, located, and ignored."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal

from sepsis_viewer.content import ContentError
from sepsis_viewer.timing import scaled_ms
from sepsis_viewer.ui.widgets.timers import owned_timer

_log = logging.getLogger(__name__)


class ContentWatcher(QObject):
    """Emits `changed(value)` when the file at `path` changes and `load` accepts it."""

    changed = Signal(object)

    def __init__(self, path: Path, load, settle_seconds: float = 1.0, parent: QObject | None = None,
                 noun: str = "content file", kept: str = "the last good content stays"):
        """`load(path)` reads a file and returns what it holds, or raises ContentError (or its
        ConfigError) with every problem: Setting.load for content, for instance."""
        super().__init__(parent)
        self._load = load
        self._noun, self._kept = noun, kept
        self.path = Path(path).absolute()
        self._watcher = QFileSystemWatcher(self)
        # File sync tools often replace a file (write a temporary, rename it over): the old file
        # is gone from the watch list then, so the folder is watched too and the file re-added.
        self._watcher.addPath(str(self.path.parent))
        self._rewatch()
        self._watcher.fileChanged.connect(self._schedule)
        self._watcher.directoryChanged.connect(self._schedule)
        # Let a copy finish before reading.
        self._settle = owned_timer(self, self.check, interval_ms=scaled_ms(settle_seconds), single=True)
        self._last_text: bytes | None = self._read()

    def _read(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except OSError:
            return None

    def _rewatch(self) -> None:
        if self.path.exists() and str(self.path) not in self._watcher.files():
            self._watcher.addPath(str(self.path))

    def _schedule(self, *_args) -> None:
        self._rewatch()
        self._settle.start()

    def check(self) -> None:
        """Read the file now; hand on a valid new version, log why an invalid one is ignored."""
        data = self._read()
        if data is None:
            _log.warning("%s %s is gone; %s", self._noun, self.path, self._kept)
            return
        if data == self._last_text:
            return
        self._last_text = data
        try:
            value = self._load(self.path)
        except ContentError as exc:
            _log.warning("%s %s changed but is invalid; %s:", self._noun, self.path, self._kept)
            for problem in exc.problems:
                _log.warning("  %s", problem)
            return
        _log.info("%s %s changed and is valid", self._noun, self.path)
        self.changed.emit(value)
