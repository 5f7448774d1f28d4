"""Icons drawn from SVG or PNG files at any size and colour, cached in memory."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap


def icon_pixmap(path: Path, colour: str, size: int, ratio: float = 1.0) -> QPixmap:
    """The icon at `path` drawn `size` logical pixels square in `colour` ("currentColor" in SVG)."""
    try:
        stamp = path.stat().st_mtime_ns  # a file changed on disk is drawn anew
    except OSError:
        stamp = -1
    return _pixmap(path, stamp, colour, size, ratio)


@lru_cache(maxsize=512)
def _pixmap(path: Path, stamp: int, colour: str, size: int, ratio: float) -> QPixmap:
    # `stamp` is only part of the memory cache's key: the file's modification time.
    pixmap = QPixmap.fromImage(_render(path, colour, max(1, round(size * ratio))))
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def _render(path: Path, colour: str, device: int) -> QImage:
    image = QImage(device, device, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if not _draw(painter, path, colour, QRectF(0, 0, device, device)):
        _draw_placeholder(painter, colour, device)
    painter.end()
    return image


def _draw(painter: QPainter, path: Path, colour: str, rect: QRectF) -> bool:
    try:
        data = path.read_bytes()
    except OSError:
        return False
    if path.suffix.lower() == ".png":
        image = QImage.fromData(data)
        if image.isNull():
            return False
        painter.drawImage(rect, image)
        return True
    from PySide6.QtSvg import QSvgRenderer  # not needed until the first SVG icon is drawn

    renderer = QSvgRenderer(QByteArray(data.replace(b"currentColor", colour.encode("ascii"))))
    if not renderer.isValid():
        return False
    renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    renderer.render(painter, rect)
    return True


def _draw_placeholder(painter: QPainter, colour: str, size: int) -> None:
    # A missing or broken file still leaves a calm, visible mark rather than a hole.
    pen = QPen(QColor(colour), max(1.0, size / 16))
    painter.setPen(pen)
    inset = size / 6
    painter.drawEllipse(QRectF(inset, inset, size - 2 * inset, size - 2 * inset))
