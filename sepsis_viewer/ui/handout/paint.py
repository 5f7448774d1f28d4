"""Painting the handout in points on any paint device: a PDF, a printer or a poster image.

Every length is in points (1/72 inch). The painter is scaled from points to the device's dots,
and type sizes are set so that, after that scale, a 10-point font is 10 points on paper.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from sepsis_viewer.charts import layout
from sepsis_viewer.charts.data import ChartData

# Type sizes in points and weights of the handout's text roles.
ROLES: dict[str, tuple[float, bool]] = {
    "title": (24.0, True), "subtitle": (11.0, False), "h2": (12.5, True), "h3": (9.5, True),
    "body": (8.6, False), "body-bold": (8.6, True), "small": (7.4, False), "small-bold": (7.4, True),
    "call": (15.0, True),
}
WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignTop)


class Sheet:
    """A painter on one page, in points: fonts for the text roles, wrapped text, boxes, charts."""

    def __init__(self, painter: QPainter, family: str, ink: str, muted: str):
        self.painter, self.family, self.ink, self.muted = painter, family, ink, muted
        self.dry = False  # True: measure only, draw nothing (to plan the pages)
        self.scale = 1.0  # all type a little smaller, when that keeps the handout to its pages
        device = painter.device()
        # The painter scales points to dots; fonts would be scaled again, so they are set smaller.
        self._font_scale = 72 / device.logicalDpiY()
        self._fonts: dict[tuple[float, bool], QFont] = {}

    def font(self, size: float, bold: bool = False) -> QFont:
        """The font at `size` points (chart sizes come already scaled; see chart_sizes)."""
        key = (round(size, 3), bold)
        if key not in self._fonts:
            font = QFont(self.family)
            font.setPointSizeF(size * self._font_scale)
            font.setWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)  # the same layout on every device
            self._fonts[key] = font
        return self._fonts[key]

    def role_font(self, role: str) -> QFont:
        size, bold = ROLES[role]
        return self.font(size * self.scale, bold)

    def chart_sizes(self, sizes: layout.Sizes) -> layout.Sizes:
        return layout.Sizes(sizes.text * self.scale, sizes.small * self.scale, sizes.title * self.scale)

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """One line's width in points."""
        return QFontMetricsF(self.font(size, bold), self.painter.device()).horizontalAdvance(text)

    def role_width(self, text: str, role: str) -> float:
        """One line's width in points, in a text role."""
        return QFontMetricsF(self.role_font(role), self.painter.device()).horizontalAdvance(text)

    def height(self, text: str, role: str, width: float) -> float:
        """The height of a wrapped paragraph in points."""
        self.painter.setFont(self.role_font(role))
        return self.painter.boundingRect(QRectF(0, 0, width, 1e6), WRAP, text).height()

    def text(self, text: str, role: str, x: float, top: float, width: float, colour: str | None = None) -> float:
        """Draw a wrapped paragraph; returns the top of what comes after it."""
        self.painter.setFont(self.role_font(role))
        self.painter.setPen(QColor(colour or self.ink))
        drawn = self.painter.boundingRect(QRectF(x, top, width, 1e6), WRAP, text)
        if not self.dry:
            self.painter.drawText(QRectF(x, top, width, drawn.height() + 1), WRAP, text)
        return top + drawn.height()

    def rounded(self, rect: QRectF, edge: str, width: float = 1.0, fill: str | None = None,
                radius: float = 4.0) -> None:
        if self.dry:
            return
        path = QPainterPath()
        path.addRoundedRect(rect, radius, radius)
        if fill:
            self.painter.fillPath(path, QColor(fill))
        self.painter.setPen(QPen(QColor(edge), width))
        self.painter.drawPath(path)

    def fill(self, rect: QRectF, colour: str) -> None:
        if not self.dry:
            self.painter.fillRect(rect, QColor(colour))

    def rule(self, x1: float, y: float, x2: float, colour: str, width: float = 0.8) -> None:
        if self.dry:
            return
        self.painter.setPen(QPen(QColor(colour), width))
        self.painter.drawLine(QLineF(x1, y, x2, y))

    def arrow(self, x: float, y: float, length: float, colour: str) -> None:
        """A right-pointing arrow from (x, y)."""
        if self.dry:
            return
        head = length * 0.35
        self.painter.setPen(QPen(QColor(colour), 1.6))
        self.painter.drawLine(QLineF(x, y, x + length, y))
        self.painter.drawLine(QLineF(x + length, y, x + length - head, y - head * 0.7))
        self.painter.drawLine(QLineF(x + length, y, x + length - head, y + head * 0.7))

    # --- charts ------------------------------------------------------------------------------

    def _measure(self, text: str, size: float, bold: bool) -> float:
        return self.width(text, size, bold)

    def chart_height(self, data: ChartData, sizes: layout.Sizes, width: float) -> float:
        return layout.needed_height(data, sizes, self._measure, width)

    def chart(self, data: ChartData, sizes: layout.Sizes, rect: QRectF, bar: str) -> None:
        """Draw a chart as vector shapes and real text, laid out as the viewer lays it out."""
        if self.dry:
            return
        for item in layout.layout_chart(data, sizes, self._measure, rect.width(), rect.height()):
            if isinstance(item, layout.Words):
                self._chart_words(item, rect.topLeft())
            else:
                self._chart_box(item, rect.topLeft(), bar)

    def _chart_words(self, w: layout.Words, origin: QPointF) -> None:
        font = self.font(w.size, w.bold)
        self.painter.setFont(font)
        self.painter.setPen(QColor(self.muted if w.muted else self.ink))
        ascent = QFontMetricsF(font, self.painter.device()).ascent()
        line = w.size * layout.LINE
        # The layout's `top` is the top of the line box; text sits on a baseline inside it.
        baseline = origin.y() + w.top + (line - w.size) / 2 + ascent * 0.95
        x = origin.x() + w.x - (self.width(w.text, w.size, w.bold) if w.align == "right" else 0)
        self.painter.drawText(QPointF(x, baseline), w.text)

    def _chart_box(self, b: layout.Box, origin: QPointF, bar: str) -> None:
        rect = QRectF(origin.x() + b.x, origin.y() + b.top, b.width, b.height)
        colour = QColor(self.muted if b.rule else bar)
        if b.filled:
            self.painter.fillRect(rect, colour)
            return
        # Hollow and hatched: earlier years and the rest of a share read without colour.
        self.painter.save()
        self.painter.setClipRect(rect)
        self.painter.setPen(QPen(colour, 0.6))
        step = 3.0
        x = rect.left() - rect.height()
        while x < rect.right():
            self.painter.drawLine(QLineF(x, rect.bottom(), x + rect.height(), rect.top()))
            x += step
        self.painter.restore()
        self.painter.setPen(QPen(colour, 0.9))
        self.painter.setBrush(Qt.BrushStyle.NoBrush)
        self.painter.drawRect(rect)
