"""The application's own icon: rendered from its SVG for the committed PNGs and the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QIcon, QImage, QPainter

from sepsis_viewer import paths


def render_app_icon(size: int, svg: Path | None = None) -> QImage:
    """The app icon drawn `size` pixels square on a transparent background."""
    from PySide6.QtSvg import QSvgRenderer  # only to make the committed PNGs: a start uses those

    renderer = QSvgRenderer(str(svg or paths.app_icon_svg()))
    if not renderer.isValid():
        raise ValueError(f"{svg or paths.app_icon_svg()} is not a valid SVG file")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def app_icon() -> QIcon:
    """The window and task-bar icon: the committed PNGs, so small sizes look as drawn."""
    icon = QIcon()
    for size in paths.ICON_SIZES:
        path = paths.app_icon_png(size)
        if path.is_file():
            icon.addFile(str(path))
    if icon.isNull():  # PNGs missing from a damaged install: the SVG still gives an icon
        icon.addFile(str(paths.app_icon_svg()))
    return icon
