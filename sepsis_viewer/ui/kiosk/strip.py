"""The waiting room's thin line along the top (how far the loop is through a screen), and the
countdown that a visitor sees before the loop comes back."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QVBoxLayout, QWidget

from sepsis_viewer.strings import ui
from sepsis_viewer.ui.widgets.rounded import RoundedFrame
from sepsis_viewer.ui.widgets.text import TextLabel


class ProgressLine(QWidget):
    """A thin line that fills from left to right as the loop stays on a screen."""

    def __init__(self, palette, parent: QWidget | None = None):
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
    """The progress line along the top of the screen."""

    def __init__(self, palette, parent: QWidget | None = None):
        super().__init__(parent)
        self.line = ProgressLine(palette, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)

    def rescale(self, metrics) -> None:
        self.line.setFixedHeight(max(4, round(metrics.short / 180)))

    @property
    def fraction(self) -> float:
        """How far the line is filled, from 0 to 1."""
        return self.line.fraction

    def set_fraction(self, fraction: float) -> None:
        """Fill the line this far (repainted only when that shows)."""
        if abs(fraction - self.line.fraction) >= 0.002 or fraction in (0.0, 1.0):
            self.line.fraction = fraction
            self.line.update()


class Countdown(RoundedFrame):
    """"The tour starts again in 10 s", in large type on the warning colours, in the picture's
    place (the window clears it): a visitor who is still there sees it; the words and the call to
    action stay clear."""

    def __init__(self, palette, parent: QWidget | None = None):
        super().__init__(palette.warning_background, palette.warning_border, 3.0, 8.0, parent)
        self.text = TextLabel("", "body-bold", self, colour=palette.warning_text)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        self.setProperty("overlay", True)  # in the picture's place, which the window clears for it
        self.hide()

    def show_countdown(self, seconds: int) -> None:
        """Say how many seconds are left; -1 hides it."""
        if seconds < 0:
            self.hide()
            return
        self.text.setText(ui("kiosk_countdown", seconds=seconds))
        self.setAccessibleName(self.text.text())
        self.show()
        self.raise_()

    def rescale(self, metrics) -> None:
        pad = metrics.gap
        self.layout().setContentsMargins(pad * 2, pad, pad * 2, pad)
