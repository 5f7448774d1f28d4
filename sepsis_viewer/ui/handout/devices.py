"""Putting the handout on paper: a PDF file, a printer, or a poster image (PNG)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter

from sepsis_viewer import __version__
from sepsis_viewer.strings import ui
from sepsis_viewer.ui.widgets.fonts import register_fonts
from sepsis_viewer.ui.handout.document import Handout, paint_pages

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
PDF_DPI = 1200
POSTER_GUTTER = 24.0  # points between the pages laid side by side on the poster


def page_points(paper: str) -> QSizeF:
    """The size of a sheet of this paper in points."""
    return QPageSize(PAPERS[paper]).size(QPageSize.Unit.Point)


def _begin(painter: QPainter, device) -> None:
    if not painter.begin(device):
        raise OSError("the file or printer could not be opened for writing")
    dpi = device.logicalDpiX()
    painter.scale(dpi / 72, device.logicalDpiY() / 72)  # from here on, lengths are in points


def write_pdf(path: Path, handout: Handout, paper: str = "a4") -> int:
    """Write the handout as a PDF with real, searchable text and the font embedded; returns the page count."""
    with open(path, "wb"):  # says plainly why a path cannot be written (Qt would only say "false")
        pass
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(PAPERS[paper]))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setResolution(PDF_DPI)
    writer.setTitle(ui("handout_title"))
    writer.setCreator(f"{ui('app_name')} {__version__}")
    painter = QPainter()
    _begin(painter, writer)
    size = page_points(paper)
    try:
        return paint_pages(painter, handout, register_fonts(), size.width(), size.height(), lambda _: writer.newPage())
    finally:
        painter.end()


def print_handout(printer: QPrinter, handout: Handout) -> int:
    """Print the handout on the printer's own paper, laid out as the PDF is; returns the page count."""
    printer.setFullPage(True)  # the layout keeps its own margins, wider than any printer's edge
    size = printer.pageLayout().fullRect(QPageLayout.Unit.Point).size()
    painter = QPainter()
    _begin(painter, printer)
    try:
        return paint_pages(painter, handout, register_fonts(), size.width(), size.height(), lambda _: printer.newPage())
    finally:
        painter.end()


def _poster_image(width_pt: float, height_pt: float, dpi: int) -> QImage:
    image = QImage(max(1, round(width_pt * dpi / 72)), max(1, round(height_pt * dpi / 72)),
                   QImage.Format.Format_RGB32)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)  # so the PNG says its resolution, and fonts match it
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("#FFFFFF"))
    return image


def poster_image(handout: Handout, paper: str = "a4", dpi: int = 300) -> QImage:
    """The handout's pages side by side on one image (two A4 pages make an A3 poster)."""
    size = page_points(paper)
    scratch = _poster_image(8, 8, dpi)  # plans the pages at the poster's resolution
    painter = QPainter()
    _begin(painter, scratch)
    count = paint_pages(painter, handout, register_fonts(), size.width(), size.height(), lambda _: None)
    painter.end()
    width = count * size.width() + (count - 1) * POSTER_GUTTER
    image = _poster_image(width, size.height(), dpi)
    _begin(painter, image)
    step = size.width() + POSTER_GUTTER
    paint_pages(painter, handout, register_fonts(), size.width(), size.height(), lambda _: painter.translate(step, 0))
    painter.end()
    return image


def write_png(path: Path, handout: Handout, paper: str = "a4", dpi: int = 300) -> QImage:
    """Write the poster image as a PNG; OSError if it cannot be written."""
    image = poster_image(handout, paper, dpi)
    if not image.save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    return image
