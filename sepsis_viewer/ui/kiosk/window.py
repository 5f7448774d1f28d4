"""The waiting room's window: frameless, full screen, no menus, closed only by the quit chord.

It shows one InfographicView at a time and keeps the views of the other languages that take
turns, so that a loop in another language does not build a window's worth of widgets again.
Beside the infographic on a landscape screen, under it on a portrait one, the clinic's own panel
(its message and QR code), in a fixed dock with no title or handle; while the clinic is closed,
the closed screen instead of both.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QVBoxLayout, QWidget

from sepsis_viewer import strings
from sepsis_viewer.content import Content
from sepsis_viewer.ui.kiosk.clinic_panel import ClinicPanel
from sepsis_viewer.ui.kiosk.closed import ClosedScreen
from sepsis_viewer.ui.widgets.banners import WarningBanner
from sepsis_viewer.ui.widgets.fonts import use_app_font
from sepsis_viewer.ui.widgets.infographic import InfographicHost, InfographicView
from sepsis_viewer.ui.widgets.text import apply_metrics, set_background
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
        self.clinic = ClinicPanel(palette)
        self.clinic.wanted_changed.connect(self._show_clinic_dock)
        self.clinic_dock = self._dock(self.clinic, palette)
        self.closed_screen = ClosedScreen(self._family)
        self.closed = False
        self.clinic_room = 0  # the width (landscape) or height (portrait) the clinic's panel takes
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
        old = self.view if self.closed else self.takeCentralWidget()
        if old is not None:
            old.take_above(above)
            self._retire(old)
        view.place_above(above)
        view.set_offset(*self._offset)
        self.view = view
        if not self.closed:
            self.setCentralWidget(view)
        self.clinic.set_language(content.language)
        if not self.testAttribute(Qt.WidgetAttribute.WA_PendingResizeEvent):
            self._rescale()
        if old is not None:  # a visitor at the keyboard stays on the control they were on
            view.restore_focus(focus)

    # --- the clinic's panel -------------------------------------------------------------------

    def _dock(self, panel: QWidget, palette: Palette) -> QDockWidget:
        """A dock that nobody can move, float, close or retitle, holding the panel with room to drift."""
        dock = QDockWidget(self)
        dock.setObjectName("clinic")
        dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        dock.setTitleBarWidget(QWidget(dock))  # an empty title bar: none shown
        holder = QWidget(dock)
        set_background(holder, palette.window)
        layout = QVBoxLayout(holder)
        layout.addWidget(panel)
        dock.setWidget(holder)
        self._dock_area = Qt.DockWidgetArea.RightDockWidgetArea
        self.addDockWidget(self._dock_area, dock)
        dock.hide()
        return dock

    def _show_clinic_dock(self) -> None:
        visible = self.clinic.wanted and not self.closed
        if visible and self.clinic_dock.isHidden():
            self.clinic_dock.show()
            # A dock shown again is laid out later, at a size of its own: give it its room then.
            QTimer.singleShot(0, self, self._resize_clinic_dock)
        elif not visible:
            self.clinic_dock.hide()

    def _resize_clinic_dock(self) -> None:
        bottom = self._dock_area == Qt.DockWidgetArea.BottomDockWidgetArea
        self.resizeDocks([self.clinic_dock], [self.clinic_room],
                         Qt.Orientation.Vertical if bottom else Qt.Orientation.Horizontal)

    def _place_clinic(self) -> None:
        """Beside the infographic on a landscape screen (a column), under it on a portrait one (a band)."""
        width, height = self.width(), self.height()
        portrait = height > width
        area = Qt.DockWidgetArea.BottomDockWidgetArea if portrait else Qt.DockWidgetArea.RightDockWidgetArea
        if area != self._dock_area:
            self._dock_area = area
            self.removeDockWidget(self.clinic_dock)
            self.addDockWidget(area, self.clinic_dock)
        self.clinic.fit(self._family, width, height)
        metrics = self.view.metrics
        dx, dy = self._offset
        gap = metrics.margin if metrics is not None else 8
        # The infographic's own margins stand on the side it shares with the panel.
        left, top = (gap + dx, 0) if portrait else (0, gap + dy)
        self.clinic_dock.widget().layout().setContentsMargins(left, top, gap - dx, gap - dy)
        self.clinic_room = self.clinic.extent + (gap - dy if portrait else gap - dx)
        self._show_clinic_dock()
        self._resize_clinic_dock()

    # --- opening hours ------------------------------------------------------------------------

    def show_closed(self) -> None:
        """The closed screen instead of the infographic (kept, for opening time)."""
        if self.closed:
            return
        self.closed = True
        self.takeCentralWidget()  # the view: self.view keeps it
        self.setCentralWidget(self.closed_screen)
        self._show_clinic_dock()
        self.closed_screen.fit(self.width(), self.height())

    def show_open(self) -> None:
        if not self.closed:
            return
        self.closed = False
        self.takeCentralWidget()  # the closed screen: self.closed_screen keeps it
        self.setCentralWidget(self.view)
        self._rescale()

    def set_keep(self, keep: int) -> None:
        """A new set of contents (a changed configuration): the kept views were of the old ones."""
        self._keep = keep
        while self._kept:
            self._kept.pop(next(iter(self._kept))).deleteLater()

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
        self.closed_screen.set_offset(dx, dy)
        self._place_clinic()

    def _rescale(self) -> None:
        self._place_clinic()
        width, height = self.width(), self.height()
        if self.clinic.wanted:  # the infographic is laid out for the room the panel leaves it
            if height > width:
                height -= self.clinic_room
            else:
                width -= self.clinic_room
        metrics = self.view.rescale_for(width, height)
        for widget in (self.strip, self.banner):
            apply_metrics(widget, self._family, metrics)
        self.closed_screen.fit(self.width(), self.height())

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        # Ask for the keyboard: a session without a window manager (a screen at boot) never gives it.
        self.activateWindow()
        if not self.closed:
            self.view.focus_first()

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self.closable:
            event.ignore()
            return
        super().closeEvent(event)
