"""Projector mode: the audience view full screen on the projector, the presenter view on the laptop,
kept on the right screens as projectors come and go."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QWidget

from sepsis_viewer.content.model import Content
from sepsis_viewer.ui.audience import AudienceView
from sepsis_viewer.ui.cursor import CursorHider
from sepsis_viewer.ui.fonts import register_fonts
from sepsis_viewer.ui.inhibit import ScreenSaverInhibitor
from sepsis_viewer.ui.presenter import PresenterView
from sepsis_viewer.ui.projector_control import ProjectorController
from sepsis_viewer.ui.screens import audience_screen, find_screen, presenter_screen

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


class ProjectorSession(QObject):
    """Owns the two views, the controller, the screensaver inhibition and the screen watching."""

    def __init__(self, content: Content, screen_spec: str | None = None, emergency_number: str | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        family = register_fonts()
        self.screen_spec = screen_spec
        self.controller = ProjectorController(content, parent=self)
        self.audience = AudienceView(content, self.controller, family, emergency_number=emergency_number)
        self.presenter = PresenterView(self.controller, family, audience=self.audience,
                                       emergency_number=emergency_number)
        # Closing the presenter view only hides it; closing the audience view ends the presentation.
        self.presenter.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.presenter_wanted: bool | None = None  # None: show it when there is a second screen
        self.cursor = CursorHider(self.audience)
        self.inhibitor = ScreenSaverInhibitor("Sepsis Viewer", "Presenting")
        self._full_screen = True
        self._placing = QTimer(self)
        self._placing.setSingleShot(True)
        self._placing.setInterval(0)
        self._placing.timeout.connect(self.place)
        self.controller.fullscreen_toggle_requested.connect(self.toggle_full_screen)
        self.controller.fullscreen_leave_requested.connect(lambda: self.set_full_screen(False))
        self.controller.notes_toggle_requested.connect(self.toggle_presenter)
        app = QGuiApplication.instance()
        self._app_signals = (app.screenAdded, app.screenRemoved, app.primaryScreenChanged)
        for signal in self._app_signals:
            signal.connect(self._on_screens_changed)
        self._watched: list[QScreen] = []
        for screen in QGuiApplication.screens():
            self._watch(screen)
        app.aboutToQuit.connect(self.stop)

    def start(self) -> None:
        """Show the audience view (and the presenter view if there is a second screen)."""
        self.place()
        self.inhibitor.inhibit()
        self.audience.activateWindow()
        self.audience.setFocus()

    def stop(self) -> None:
        """Let the screen sleep again and stop following screen changes."""
        self.inhibitor.release()
        self._placing.stop()
        for signal in self._app_signals:
            try:
                signal.disconnect(self._on_screens_changed)
            except (RuntimeError, TypeError):
                pass  # already disconnected
        for screen in self._watched:
            try:
                screen.geometryChanged.disconnect(self._on_screens_changed)
            except (RuntimeError, TypeError):
                pass
        self._app_signals, self._watched = (), []

    # --- screens ------------------------------------------------------------------------------

    def _watch(self, screen: QScreen) -> None:
        if screen not in self._watched:
            screen.geometryChanged.connect(self._on_screens_changed)
            self._watched.append(screen)

    def _on_screens_changed(self, screen=None) -> None:
        if isinstance(screen, QScreen) and screen in QGuiApplication.screens():
            self._watch(screen)
        # Screens arrive and leave in bursts: place the windows once the burst is over.
        self._placing.start()

    def audience_screen(self) -> QScreen:
        """The screen asked for if it is there now, else the default (the one that is not primary)."""
        if self.screen_spec and find_screen(self.screen_spec) is not None:
            return audience_screen(self.screen_spec)
        return audience_screen(None)

    def place(self) -> None:
        """Put each view on its screen and lay it out for that screen's size."""
        target = self.audience_screen()
        _log.info("audience view on %s %s", target.name(), target.geometry())
        place_on(self.audience, target, self._full_screen)
        self.audience.relayout()
        laptop = presenter_screen(target)
        show_presenter = self.presenter_wanted if self.presenter_wanted is not None else laptop is not None
        if show_presenter:
            place_on(self.presenter, laptop or target, full_screen=False)
        else:
            self.presenter.hide()

    def set_full_screen(self, full_screen: bool) -> None:
        self._full_screen = full_screen
        self.place()

    def toggle_full_screen(self) -> None:
        self.set_full_screen(not self._full_screen)

    def toggle_presenter(self) -> None:
        self.presenter_wanted = not self.presenter.isVisible()
        self.place()
        if self.presenter_wanted:
            self.presenter.raise_()

    @property
    def windows(self) -> list[QWidget]:
        return [self.audience, self.presenter]


def close_all(session: ProjectorSession) -> None:
    for window in session.windows:
        window.close()
    QApplication.processEvents()
