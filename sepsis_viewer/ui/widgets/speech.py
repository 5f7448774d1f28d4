"""Telling a screen reader what was just chosen: Qt's accessibility announcement, polite.

A choice changes what the detail area (or a slide) shows, somewhere the focus is not; without a
word, a person who cannot see it hears only "selected" or nothing at all.

Orca before version 46 (Debian 12 has 43) has no ear for announcements, and Qt sends one over
AT-SPI only when some reader listens for it. So this module listens on the same bus for its own
announcement: when it does not come back, no reader heard it, and the words go out as older Orca
presents them, as a new description of the control that has the keyboard (the technique Orca's
notes for application developers describe). The control gets its own description back once the
keyboard has moved on.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QApplication, QWidget

_log = logging.getLogger(__name__)
ECHO_WAIT_MS = 250  # the bus hands a signal on in a few milliseconds; a reader may wait this long
_echo: _Echo | None | bool = None  # False: no accessibility bus to listen on


def announce(text: str, near: QWidget) -> None:
    """Ask screen readers to say `text` once they have finished what they are saying.

    It comes from the control that has the keyboard in `near`'s window: that is where a reader is
    listening. Else from `near`.
    """
    if not text:
        return
    echo = _listener() if QAccessible.isActive() else None  # listening before it is said
    focus = near.window().focusWidget()  # a window no window manager activated has one too
    source = focus if focus is not None else near
    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)
    if echo is not None:
        echo.expect(text, source)


def _listener() -> _Echo | None:
    """The one listener for our own announcements (made when first needed), or None without a bus."""
    global _echo
    if _echo is None:
        _echo = _Echo.connect() or False
    return _echo or None


class _Echo(QObject):
    """Hears announcements on the accessibility bus; says again, older Orca's way, those it did not."""

    def __init__(self, bus):
        super().__init__()
        self._bus = bus  # kept: the connection lives as long as the listener
        self._heard: list[str] = []
        self._waiting: list[tuple[str, QWidget]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(ECHO_WAIT_MS)
        self._timer.timeout.connect(self._say_unheard)
        self._lent = _LentDescription(self)

    @classmethod
    def connect(cls) -> _Echo | None:
        """A listener on the accessibility bus, or None where there is none to listen on."""
        from PySide6.QtDBus import QDBusConnection  # only with a screen reader running

        address = os.environ.get("AT_SPI_BUS_ADDRESS") or _bus_address()
        bus = QDBusConnection.connectToBus(address, "sepsis-viewer-echo") if address else None
        if bus is None or not bus.isConnected():
            _log.info("no accessibility bus to hear announcements on; older readers will not hear them")
            return None
        echo = cls(bus)
        bus.connect("", "", "org.a11y.atspi.Event.Object", "Announcement", echo, "1_on_announcement(QDBusMessage)")
        return echo

    def expect(self, text: str, source: QWidget) -> None:
        self._waiting.append((text, source))
        self._timer.start()

    @Slot("QDBusMessage")
    def _on_announcement(self, message) -> None:
        self._heard.extend(str(value.variant()) if hasattr(value, "variant") else str(value)
                           for value in message.arguments())

    def _say_unheard(self) -> None:
        unheard = [(text, source) for text, source in self._waiting if text not in self._heard]
        self._waiting.clear()
        self._heard.clear()
        if unheard:
            text, source = unheard[-1]
            # The control with the keyboard, else the one that spoke (a window of its own, say).
            self._lent.lend(QApplication.focusWidget() or source, text)


class _LentDescription(QObject):
    """A control's description, lent to a message while the keyboard stays on it."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self._widget: QWidget | None = None
        self._own = self._lent = ""
        QApplication.instance().focusChanged.connect(self._on_focus_changed)

    def lend(self, widget: QWidget, text: str) -> None:
        if widget is not self._widget:
            self.give_back()
            self._widget, self._own = widget, widget.accessibleDescription()
        if widget.accessibleDescription() == text:
            widget.setAccessibleDescription("")  # the same words again are a change too
        widget.setAccessibleDescription(text)
        self._lent = text

    def give_back(self) -> None:
        widget, self._widget = self._widget, None
        try:
            # Unless the control was given a new description of its own meanwhile (another chart).
            if widget is not None and widget.accessibleDescription() == self._lent:
                widget.setAccessibleDescription(self._own)
        except RuntimeError:  # it went with its page
            pass

    def _on_focus_changed(self, old, new) -> None:
        if old is not None and old is self._widget:
            # After the reader has followed the keyboard, or it would read the old words again.
            QTimer.singleShot(0, self, self.give_back)


def _bus_address() -> str:
    """The accessibility bus's address, as the session bus gives it ("" without one)."""
    from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage

    ask = QDBusMessage.createMethodCall("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress")
    reply = QDBusConnection.sessionBus().call(ask, QDBus.CallMode.Block, 500)
    arguments = reply.arguments() if reply.type() == QDBusMessage.MessageType.ReplyMessage else []
    return str(arguments[0]) if arguments else ""
