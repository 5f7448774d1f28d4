"""The waiting room's strip along the top: how far the loop is through a step, and the countdown
before the loop comes back after a visitor."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QVBoxLayout, QWidget

from sepsis_viewer.strings import ui
from sepsis_viewer.ui.widgets.text import TextLabel, set_background
from sepsis_viewer.ui.widgets.theme import Metrics, Palette


class ProgressLine(QWidget):
    """A thin line that fills from left to right as the loop stays on a step."""

    def __init__(self, palette: Palette, parent: QWidget | None = None):
        super().__init__(parent)
        self._palette = palette
        self.fraction = 0.0
        self.setFixedHeight(6)
        self.setAccessibleName(ui("kiosk_progress"))

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        rect = QRectF(self.rect())
        painter.fillRect(rect, QColor(self._palette.window))
        painter.fillRect(QRectF(0, 0, rect.width() * self.fraction, rect.height()), QColor(self._palette.accent))
        painter.end()


class KioskStrip(QWidget):
    """A thin progress line along the top, and the countdown that comes before the loop returns."""

    def __init__(self, palette: Palette, parent: QWidget | None = None):
        super().__init__(parent)
        self.line = ProgressLine(palette, self)
        self.countdown = TextLabel("", "body-bold", self)
        set_background(self.countdown, palette.warning_background)
        self.countdown.setStyleSheet(f"color: {palette.warning_text}; padding: 0.4em;")
        self.countdown.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.line)
        layout.addWidget(self.countdown)

    def rescale(self, metrics: Metrics) -> None:
        self.line.setFixedHeight(max(4, metrics.base // 4))

    @property
    def fraction(self) -> float:
        return self.line.fraction

    def set_fraction(self, fraction: float) -> None:
        if abs(fraction - self.line.fraction) >= 0.002 or fraction in (0.0, 1.0):
            self.line.fraction = fraction
            self.line.update()

    def show_countdown(self, seconds: int) -> None:
        if seconds < 0:
            self.countdown.hide()
            return
        self.countdown.setText(ui("kiosk_countdown", seconds=seconds))
        self.countdown.show()
