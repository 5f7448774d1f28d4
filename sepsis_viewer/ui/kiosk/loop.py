"""The waiting-room loop: walk the tour screen by screen on a timer, pause for a visitor, come back
when they leave."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QObject, Signal

from sepsis_viewer.pages import dwell_seconds
from sepsis_viewer.timing import scaled_ms
from sepsis_viewer.ui.widgets.timers import owned_timer


class KioskLoop(QObject):
    """Steps a window along its tour, every part of every step: the window has `tour`, `select`,
    `next_part()` (False after a step's last part) and `screen_page()` (the words on screen, which
    decide how long they stay).

    A visitor's input pauses the loop; after `idle_seconds` without input a countdown of
    `countdown_seconds` runs, and then the loop starts again from the beginning.
    """

    loop_started = Signal(int)  # the loop's number, from 1: the session may change content here
    step_shown = Signal(str)  # a step's first screen
    screen_shown = Signal(str, int)  # every screen the loop shows: the step's id and the part
    paused_changed = Signal(bool)
    countdown_changed = Signal(int)  # seconds left; -1 when no countdown is on

    def __init__(self, window, dwell: float | None = None, idle_seconds: float = 60.0,
                 countdown_seconds: int = 10, parent: QObject | None = None):
        super().__init__(parent)
        self.window = window
        self.dwell_override = dwell
        self.idle_seconds = idle_seconds
        self.countdown_seconds = countdown_seconds
        self.paused = False
        self.loops = 0
        self.remaining = -1
        self._dwell_ms = 1
        self._clock = QElapsedTimer()
        self._step = owned_timer(self, self.advance, single=True)
        self._idle = owned_timer(self, self._start_countdown, single=True)
        self._countdown = owned_timer(self, self._tick)
        self._countdown.setInterval(scaled_ms(1.0))

    # --- the loop -----------------------------------------------------------------------------

    def start(self) -> None:
        """Begin a new loop at the start of the tour."""
        self.loops += 1
        self.loop_started.emit(self.loops)
        self.window.select(self.window.tour.steps[0].id)
        self._show_current()

    def advance(self) -> None:
        """Move on to the next part, else the next step, or start the next loop after the last one."""
        if self.paused:
            return
        if self.window.next_part():
            self._show_current(new_step=False)
        elif self.window.tour.next():
            self._show_current()
        else:
            self.start()

    def _show_current(self, new_step: bool = True) -> None:
        step = self.window.tour.current
        # Time to read the words of this screen, not of the whole page.
        self._dwell_ms = scaled_ms(dwell_seconds(self.window.screen_page(), self.dwell_override))
        self._clock.start()
        self._step.start(self._dwell_ms)
        if new_step:
            self.step_shown.emit(step.id)
        self.screen_shown.emit(step.id, self.window.part)

    def progress(self) -> float:
        """How far through the current screen's dwell the loop is, from 0 to 1."""
        if self.paused or not self._clock.isValid():
            return 0.0
        return min(1.0, self._clock.elapsed() / max(1, self._dwell_ms))

    # --- a visitor ----------------------------------------------------------------------------

    def on_input(self) -> None:
        """A touch, click or key: pause the loop (or keep it paused) and restart the idle wait."""
        if not self.paused:
            self.paused = True
            self._step.stop()
            self.paused_changed.emit(True)
        self._stop_countdown()
        self._idle.start(scaled_ms(self.idle_seconds))

    def _start_countdown(self) -> None:
        self.remaining = self.countdown_seconds
        self.countdown_changed.emit(self.remaining)
        self._countdown.start()

    def _tick(self) -> None:
        self.remaining -= 1
        if self.remaining <= 0:
            self.resume()
        else:
            self.countdown_changed.emit(self.remaining)

    def _stop_countdown(self) -> None:
        if self.remaining >= 0:
            self._countdown.stop()
            self.remaining = -1
            self.countdown_changed.emit(-1)

    def resume(self) -> None:
        """Back to the loop, from the start of the tour."""
        self._idle.stop()
        self._stop_countdown()
        self.paused = False
        self.paused_changed.emit(False)
        self.start()

    def stop(self) -> None:
        """Stop every timer and forget any visitor: the next start() is a loop from the beginning."""
        for timer in (self._step, self._idle, self._countdown):
            timer.stop()
        self.paused = False
        self.remaining = -1
