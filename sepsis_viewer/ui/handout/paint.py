"""Painting the handout in points on any paint device: a PDF, a printer or a poster image.

Every length is in points (1/72 inch). The painter is scaled from points to the device's dots,
and type sizes are set so that, after that scale, a 10-point font is 10 points on paper. Charts
and icons come as SVG documents, which Qt draws as vector shapes and text.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtSvg import QSvgRenderer

# Type sizes in points and weights of the handout's text roles.
ROLES: dict[str, tuple[float, bool]] = {
    "title": (24.0, True), "subtitle": (11.0, False), "h2": (12.5, True), "h3": (9.5, True),
    "body": (8.6, False), "body-bold": (8.6, True), "small": (7.4, False), "small-bold": (7.4, True),
    "call": (15.0, True),
}
WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignTop)


class Sheet:
    """A painter on one page, in points: fonts for the text roles, wrapped text, boxes, SVG drawings."""

    def __init__(self, painter: QPainter, family: str, ink: str):
        self.painter, self.family, self.ink = painter, family, ink
        self.dry = False  # True: measure only, draw nothing (to plan the pages)
        self.scale = 1.0  # all type a little smaller, when that keeps the handout to its pages
        device = painter.device()
        # The painter scales points to dots; fonts would be scaled again, so they are set smaller.
        self._font_scale = 72 / device.logicalDpiY()
        self._fonts: dict[tuple[float, bool], QFont] = {}

    def font(self, size: float, bold: bool = False) -> QFont:
        """The font at `size` points."""
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

    def svg(self, data: bytes, rect: QRectF) -> None:
        """An SVG document (an icon, a chart) drawn into `rect` as vector shapes and text."""
        if self.dry:
            return
        renderer = QSvgRenderer(QByteArray(data))
        if renderer.isValid():
            # Text the SVG leaves at its defaults (normal weight) would take the painter's font instead.
            self.painter.setFont(self.font(ROLES["body"][0]))
            renderer.render(self.painter, rect)
