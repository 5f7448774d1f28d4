"""The plain message a person sees when the desktop viewer hits an unexpected error."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from sepsis_viewer.strings import ui


def show_crash_message(text: str) -> None:
    """Show `text` in a modal warning box over the app's windows (nothing if Qt is not running)."""
    if not isinstance(QApplication.instance(), QApplication):  # no widgets without a QApplication
        return
    box = QMessageBox(QMessageBox.Icon.Warning, ui("crash_title"), text, QMessageBox.StandardButton.Ok,
                      QApplication.activeWindow())
    box.setTextFormat(Qt.TextFormat.PlainText)  # a file path is not markup
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the path can be copied
    box.exec()
