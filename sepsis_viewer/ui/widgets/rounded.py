"""Rounded panels drawn by hand: the cards, the Sepsis-3 note, the call to action, the detail's frame.

Not style sheets: one style sheet sends its widget and every widget inside it through Qt's
style-sheet engine, when they are laid out and each time they are painted. The window's five
panels and four stage numbers cost some 3 ms of a start that way.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from sepsis_viewer.ui.widgets.roles import GROUP_OR_FILLER, speaks_as
from sepsis_viewer.ui.widgets.text import set_text_colour


def paint_rounded(painter: QPainter, rect: QRectF, fill: str, edge: str | None = None, edge_width: float = 0.0,
                  radius: float = 8.0) -> None:
    """Fill a rounded rectangle and draw its edge, all inside `rect` (no edge when edge_width is 0)."""
    half = edge_width / 2
    shape = QPainterPath()
    shape.addRoundedRect(rect.adjusted(half, half, -half, -half), max(0.0, radius - half), max(0.0, radius - half))
    painter.fillPath(shape, QColor(fill))
    if edge is not None and edge_width > 0:
        painter.setPen(QPen(QColor(edge), edge_width))
        painter.drawPath(shape)


@speaks_as(GROUP_OR_FILLER)  # the call to action is a named group; a frame around the detail, nothing
class RoundedFrame(QFrame):
    """A panel with a rounded fill and, optionally, an edge; its children sit inside the edge."""

    def __init__(self, fill: str, edge: str | None = None, edge_width: float = 0.0, radius: float = 8.0,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._fill, self._edge, self._edge_width, self._radius = fill, edge, edge_width, radius
        inset = round(edge_width)
        self.setContentsMargins(inset, inset, inset, inset)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_rounded(painter, QRectF(self.rect()), self._fill, self._edge, self._edge_width, self._radius)
        painter.end()


def framed(widget: QWidget, fill: str, edge: str, edge_width: float, radius: float) -> RoundedFrame:
    """Put `widget` in a rounded frame of its own, which takes its place in the parent; returns the frame."""
    frame = RoundedFrame(fill, edge, edge_width, radius, widget.parentWidget())
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)
    return frame


class Badge(QLabel):
    """A short text, such as a stage number, on a rounded patch of colour."""

    def __init__(self, text: str, fill: str, text_colour: str, radius: float = 4.0, parent: QWidget | None = None):
        super().__init__(text, parent)
        self._fill, self._radius = fill, radius
        set_text_colour(self, text_colour)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_rounded(painter, QRectF(self.rect()), self._fill, radius=self._radius)
        painter.end()  # before QLabel draws the text with a painter of its own
        super().paintEvent(event)
