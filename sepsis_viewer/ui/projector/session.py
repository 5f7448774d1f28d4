"""Projector mode: the audience view full screen on the projector, the presenter view on the laptop,
kept on the right screens as projectors come and go."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QWidget

from sepsis_viewer.content.model import Content
from sepsis_viewer.ui.projector.audience import AudienceView
from sepsis_viewer.ui.widgets.cursor import CursorHider
from sepsis_viewer.ui.widgets.fonts import register_fonts
from sepsis_viewer.ui.widgets.inhibit import ScreenSaverInhibitor
from sepsis_viewer.ui.projector.presenter import PresenterView
from sepsis_viewer.ui.projector.control import ProjectorController
from sepsis_viewer.ui.widgets.screen_keeper import ScreenKeeper, place_on
from sepsis_viewer.ui.widgets.screens import presenter_screen


class ProjectorSession(QObject):
    """Owns the two views, the controller, the screensaver inhibition and the screen watching."""

    def __init__(self, content: Content, screen_spec: str | None = None, parent: QObject | None = None,
                 now: Callable[[], float] = time.monotonic):
        super().__init__(parent)
        family = register_fonts()
        self.controller = ProjectorController(content, parent=self)
        self.audience = AudienceView(content, self.controller, family)
        self.presenter = PresenterView(self.controller, family, audience=self.audience, now=now)
        # Closing the presenter view only hides it; closing the audience view ends the presentation.
        self.presenter.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.presenter_wanted: bool | None = None  # None: show it when there is a second screen
        self.cursor = CursorHider(self.audience)
        self.inhibitor = ScreenSaverInhibitor("Sepsis Viewer", "Presenting")
        self.keeper = ScreenKeeper(self.audience, screen_spec, parent=self)
        self.keeper.placed.connect(self._on_audience_placed)
        self.controller.fullscreen_toggle_requested.connect(self.toggle_full_screen)
        self.controller.fullscreen_leave_requested.connect(lambda: self.set_full_screen(False))
        self.controller.notes_toggle_requested.connect(self.toggle_presenter)
        QApplication.instance().aboutToQuit.connect(self.stop)

    def start(self) -> None:
        """Show the audience view (and the presenter view if there is a second screen)."""
        self.place()
        self.inhibitor.inhibit()
        self.audience.activateWindow()
        self.audience.setFocus()

    def stop(self) -> None:
        """Let the screen sleep again and stop following screen changes."""
        self.inhibitor.release()
        self.keeper.stop()

    @property
    def screen_spec(self) -> str | None:
        return self.keeper.screen_spec

    def audience_screen(self) -> QScreen:
        return self.keeper.target()

    def _on_screens_changed(self, screen=None) -> None:
        self.keeper.on_screens_changed(screen)

    def place(self) -> None:
        """Put each view on its screen and lay it out for that screen's size."""
        self.keeper.place()

    def _on_audience_placed(self, target: QScreen) -> None:
        self.audience.relayout()
        laptop = presenter_screen(target)
        show_presenter = self.presenter_wanted if self.presenter_wanted is not None else laptop is not None
        if show_presenter:
            place_on(self.presenter, laptop or target, full_screen=False)
        else:
            self.presenter.hide()

    def set_full_screen(self, full_screen: bool) -> None:
        self.keeper.full_screen = full_screen
        self.place()

    def toggle_full_screen(self) -> None:
        self.set_full_screen(not self.keeper.full_screen)

    def toggle_presenter(self) -> None:
        self.presenter_wanted = not self.presenter.isVisible()
        self.place()
        if self.presenter_wanted:
            self.presenter.raise_()

    @property
    def windows(self) -> list[QWidget]:
        return [self.audience, self.presenter]

