"""Keeping a full-screen window on the right screen as screens come, go and change resolution."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from sepsis_viewer.ui.widgets.timers import owned_timer
from sepsis_viewer.ui.widgets.screens import audience_screen, find_screen

_log = logging.getLogger(__name__)


def place_on(window: QWidget, screen: QScreen, full_screen: bool) -> None:
    """Put a top-level window on a screen, filling it (full screen) or nearly (a normal window)."""
    area = screen.geometry() if full_screen else screen.availableGeometry()
    if window.isFullScreen():
        window.showNormal()
    handle = window.windowHandle()
    if handle is not None:
        handle.setScreen(screen)
    if full_screen:
        window.setGeometry(area)
        window.showFullScreen()
    else:
        margin_x, margin_y = area.width() // 20, area.height() // 20
        window.setGeometry(area.adjusted(margin_x, margin_y, -margin_x, -margin_y))
        window.show()
    if window.width() <= 0 or window.height() <= 0:  # never leave a 0x0 window behind
        window.resize(max(640, area.width()), max(480, area.height()))


class ScreenKeeper(QObject):
    """Keeps `window` on the screen named by `screen_spec` (else the one that is not primary).

    Screens arrive and leave in bursts (a projector plugged in, a monitor switched off and on, a
    resolution change): the window is placed again once the burst is over, and `placed` is
    emitted with the screen it went to.
    """

    placed = Signal(QScreen)

    def __init__(self, window: QWidget, screen_spec: str | None = None, full_screen: bool = True,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.window = window
        self.screen_spec = screen_spec
        self.full_screen = full_screen
        self._timer = owned_timer(self, self.place, interval_ms=0, single=True)
        app = QGuiApplication.instance()
        self._app_signals = (app.screenAdded, app.screenRemoved, app.primaryScreenChanged)
        for signal in self._app_signals:
            signal.connect(self.on_screens_changed)
        self._watched: list[QScreen] = []
        for screen in QGuiApplication.screens():
            self._watch(screen)

    def target(self) -> QScreen:
        """The screen asked for if it is there now, else the default."""
        if self.screen_spec and find_screen(self.screen_spec) is not None:
            return audience_screen(self.screen_spec)
        return audience_screen(None)

    def place(self) -> None:
        """Put the window on its screen now, filling it, and lay it out for that size."""
        target = self.target()
        _log.info("window on screen %s %s", target.name(), target.geometry())
        place_on(self.window, target, self.full_screen)
        self.placed.emit(target)

    def on_screens_changed(self, screen=None) -> None:
        if isinstance(screen, QScreen) and screen in QGuiApplication.screens():
            self._watch(screen)
        self._timer.start()

    def stop(self) -> None:
        """Stop following screen changes."""
        self._timer.stop()
        for signal in self._app_signals:
            try:
                signal.disconnect(self.on_screens_changed)
            except (RuntimeError, TypeError):
                pass  # already disconnected
        for screen in self._watched:
            try:
                screen.geometryChanged.disconnect(self.on_screens_changed)
            except (RuntimeError, TypeError):
                pass  # the screen is gone
        self._app_signals, self._watched = (), []

    def _watch(self, screen: QScreen) -> None:
        if screen not in self._watched:
            screen.geometryChanged.connect(self.on_screens_changed)
            self._watched.append(screen)
