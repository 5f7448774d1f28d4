"""A push button that Enter presses too: Qt leaves Enter to a dialog's default button, so the
keyboard's most natural key did nothing on the links, "All warning signs" or "Dismiss"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class PushButton(QPushButton):
    """QPushButton, pressed by Enter as by Space."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() in _ENTER_KEYS and not event.isAutoRepeat():
            self.click()
        else:
            super().keyPressEvent(event)
