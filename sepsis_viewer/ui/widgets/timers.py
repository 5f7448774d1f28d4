"""Timers that belong to an object, so they stop and go with it."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer


def owned_timer(owner: QObject, slot, *, interval_ms: int | None = None, single: bool = False) -> QTimer:
    """A timer that lives and dies with `owner` and calls `slot` when it fires."""
    timer = QTimer(owner)
    timer.setSingleShot(single)
    if interval_ms is not None:
        timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer
