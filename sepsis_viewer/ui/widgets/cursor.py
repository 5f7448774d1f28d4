"""Hiding the mouse pointer over a presentation after it has been still for a while."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget

from sepsis_viewer.timing import scaled_ms
from sepsis_viewer.ui.widgets.timers import owned_timer


class CursorHider(QObject):
    """Blanks the pointer over `widget` after `seconds` without movement; moving brings it back."""

    def __init__(self, widget: QWidget, seconds: float = 2.0):
        super().__init__(widget)
        self._widget = widget
        self._timer = owned_timer(self, self.hide_cursor, interval_ms=scaled_ms(seconds), single=True)
        widget.setMouseTracking(True)
        widget.installEventFilter(self)
        for child in widget.findChildren(QWidget):
            child.setMouseTracking(True)
            child.installEventFilter(self)
        self._timer.start()

    @property
    def hidden(self) -> bool:
        return self._widget.cursor().shape() == Qt.CursorShape.BlankCursor

    def hide_cursor(self) -> None:
        self._widget.setCursor(Qt.CursorShape.BlankCursor)

    def show_cursor(self) -> None:
        self._widget.unsetCursor()
        self._timer.start()

    def watch(self, child: QWidget) -> None:
        """Also notice movement over a widget added later."""
        child.setMouseTracking(True)
        child.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.MouseMove, QEvent.Type.MouseButtonPress):
            if self.hidden:
                self._widget.unsetCursor()
            self._timer.start()
        return False
