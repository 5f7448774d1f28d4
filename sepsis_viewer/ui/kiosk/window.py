"""The waiting room's window: frameless, full screen, no menus, closed only by the quit chord.

It shows one InfographicView at a time and keeps the views of the other languages that take
turns, so that a loop in another language does not build a window's worth of widgets again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QWidget

from sepsis_viewer import strings
from sepsis_viewer.content import Content
from sepsis_viewer.ui.widgets.banners import WarningBanner
from sepsis_viewer.ui.widgets.fonts import use_app_font
from sepsis_viewer.ui.widgets.infographic import InfographicHost, InfographicView
from sepsis_viewer.ui.widgets.text import apply_metrics
from sepsis_viewer.ui.widgets.theme import DESKTOP, Palette


class KioskWindow(InfographicHost, QMainWindow):
    """The waiting-room screen: a progress strip and a warning above the infographic."""

    def __init__(self, content: Content, strip: QWidget, *, keep: int = 0, palette: Palette = DESKTOP):
        """`keep`: how many other contents' views to keep for their next turn."""
        self._family = use_app_font()
        super().__init__()
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        self.closable = False  # only the quit chord ends the loop (see KioskSession.quit)
        self._palette = palette
        self._keep = keep
        self._kept: dict[int, InfographicView] = {}  # by id() of their content
        self.strip = strip
        self.banner = WarningBanner(palette)
        self.view: InfographicView | None = None
        self._offset = (0, 0)
        self.set_content(content)

    def show_warning(self, text: str) -> None:
        self.banner.show_warning(text)

    def set_content(self, content: Content) -> None:
        """Show this content from the start of its tour, with a kept view where there is one."""
        strings.set_language(content.language)
        focus = self.view.focus_key() if self.view is not None else None
        view = self._kept.pop(id(content), None)
        if view is None:
            view = InfographicView(content, self._palette, self._family)
        above = [self.strip, self.banner]
        old = self.takeCentralWidget()
        if old is not None:
            old.take_above(above)
            self._retire(old)
        view.place_above(above)
        view.set_offset(*self._offset)
        self.view = view
        self.setCentralWidget(view)
        if not self.testAttribute(Qt.WidgetAttribute.WA_PendingResizeEvent):
            self._rescale()
        if old is not None:  # a visitor at the keyboard stays on the control they were on
            view.restore_focus(focus)

    def _retire(self, view: InfographicView) -> None:
        """Keep the outgoing view for its content's next turn, or let it go. Rebuilding a window's
        worth of widgets every loop for weeks only fragments the memory."""
        if self._keep <= 0:
            view.deleteLater()
            return
        self._kept[id(view.content)] = view
        while len(self._kept) > self._keep:
            self._kept.pop(next(iter(self._kept))).deleteLater()

    def set_drift(self, dx: int, dy: int) -> None:
        """Shift everything by a few pixels, so that nothing stays burnt into a screen left on for weeks."""
        self._offset = (dx, dy)
        self.view.set_offset(dx, dy)

    def _rescale(self) -> None:
        metrics = self.view.rescale_for(self.width(), self.height())
        for widget in (self.strip, self.banner):
            apply_metrics(widget, self._family, metrics)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        # Ask for the keyboard: a session without a window manager (a screen at boot) never gives it.
        self.activateWindow()
        self.view.focus_first()

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self.closable:
            event.ignore()
            return
        super().closeEvent(event)
