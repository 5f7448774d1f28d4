"""Opening hours on a timer: says when the clinic opens and closes, by a clock that can be injected.

The clock is the computer's local time (`datetime.now`). Under SEPSIS_VIEWER_TIME_SCALE it runs
as fast as every other timing of the waiting room (a scale of 0.01: a hundred times faster, from
now), so that tests and soak runs see closing and opening time without waiting for them.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, Signal

from sepsis_viewer.opening_hours import OpeningHours
from sepsis_viewer.timing import scaled_ms, time_scale
from sepsis_viewer.ui.widgets.timers import owned_timer

_log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
# Looked at again at least this often: the wall clock may jump (NTP, daylight saving, a suspend).
RECHECK_SECONDS = 60.0


class ScaledClock:
    """Local time that runs 1/SEPSIS_VIEWER_TIME_SCALE times as fast as real time, from `start`."""

    def __init__(self, start: datetime | None = None):
        self._start = start or datetime.now()
        self._real = time.monotonic()

    def __call__(self) -> datetime:
        return self._start + timedelta(seconds=(time.monotonic() - self._real) / time_scale())


def default_clock() -> Clock:
    """The computer's local time; scaled as the other timings when the scale is not 1."""
    return datetime.now if time_scale() == 1.0 else ScaledClock()


class OpeningSchedule(QObject):
    """Emits `open_changed(bool)` when the clinic opens or closes; `is_open` says which it is now.

    No hours (None): always open, and no timer runs.
    """

    open_changed = Signal(bool)

    def __init__(self, hours: OpeningHours | None, clock: Clock | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.clock = clock or default_clock()
        self.hours = hours
        self.is_open = self._open_now()
        self._timer = owned_timer(self, self.check, single=True)

    def _open_now(self) -> bool:
        return self.hours is None or self.hours.is_open(self.clock())

    def start(self) -> None:
        self.check()

    def stop(self) -> None:
        self._timer.stop()

    def set_hours(self, hours: OpeningHours | None) -> None:
        """New hours (from a changed configuration): applied at once."""
        self.hours = hours
        self.check()

    def next_opening(self) -> datetime | None:
        return self.hours.next_opening(self.clock()) if self.hours is not None else None

    def check(self) -> None:
        """Open or closed now? Say so if that changed, and look again at the next change."""
        now = self.clock()
        is_open = self.hours is None or self.hours.is_open(now)
        if is_open != self.is_open:
            self.is_open = is_open
            _log.info("%s at %s (opening hours)", "open" if is_open else "closed", now.strftime("%a %H:%M"))
            self.open_changed.emit(is_open)
        self._timer.stop()
        if self.hours is None:
            return
        change = self.hours.next_change(now)
        wait = RECHECK_SECONDS if change is None else min(RECHECK_SECONDS, (change - now).total_seconds())
        # A moment past the change, so that the clock reads the new state when the timer fires.
        self._timer.start(scaled_ms(max(0.0, wait) + 0.05))
