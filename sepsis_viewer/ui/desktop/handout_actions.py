"""File > Export handout… and File > Print…: the handout from the desktop window.

Problems go to the window's warning banner, never to a dialog that blocks the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from sepsis_viewer.strings import ui
from sepsis_viewer.ui.handout.document import Handout
from sepsis_viewer.ui.handout.devices import print_handout, write_pdf

DEFAULT_NAME = "sepsis-handout.pdf"


def _handout(window) -> Handout:
    return Handout(window.content)


def export_handout(window, path: Path) -> bool:
    """Write the handout of the window's content to a PDF; say why in the banner if it cannot."""
    try:
        write_pdf(path, _handout(window))
    except OSError as exc:
        window.show_warning(ui("export_failed", problem=exc.strerror or str(exc)) + f" ({path})")
        return False
    return True


def export_handout_dialog(window) -> None:
    """Ask where to save the handout, then save it there."""
    name, _ = QFileDialog.getSaveFileName(window, ui("export_dialog_title"), DEFAULT_NAME, ui("export_dialog_filter"))
    if name:
        path = Path(name)
        export_handout(window, path if path.suffix else path.with_suffix(".pdf"))


def print_handout_dialog(window) -> None:
    """Ask for a printer and its paper, then print the same layout as the PDF."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    try:
        print_handout(printer, _handout(window))
    except OSError as exc:
        window.show_warning(ui("print_failed", problem=str(exc)))
