"""Telling a screen reader what was just chosen: Qt's accessibility announcement, polite.

A choice changes what the detail area (or a slide) shows, somewhere the focus is not; without a
word, a person who cannot see it hears only "selected" or nothing at all.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QApplication, QWidget


def announce(text: str, near: QWidget) -> None:
    """Ask screen readers to say `text` once they have finished what they are saying.

    It comes from the control that has the keyboard, if it is in `near`'s window: that is where a
    reader is listening. Else from `near`.
    """
    if not text:
        return
    focus = QApplication.focusWidget()
    source = focus if focus is not None and focus.window() is near.window() else near
    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)
