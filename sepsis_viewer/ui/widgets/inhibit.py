"""Keeping the screen awake while presenting: org.freedesktop.ScreenSaver over the session bus."""

from __future__ import annotations

import logging

from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

_log = logging.getLogger(__name__)
SERVICE = "org.freedesktop.ScreenSaver"
PATH = "/org/freedesktop/ScreenSaver"


class ScreenSaverInhibitor:
    """Asks the desktop not to blank the screen; logs and carries on where nobody answers."""

    def __init__(self, application: str, reason: str, bus: QDBusConnection | None = None):
        self._application, self._reason = application, reason
        self._bus = bus
        self._interface: QDBusInterface | None = None
        self.cookie: int | None = None

    @property
    def active(self) -> bool:
        return self.cookie is not None

    def inhibit(self) -> bool:
        """Ask for the screen to stay on; True if the desktop agreed."""
        if self.active:
            return True
        bus = self._bus if self._bus is not None else QDBusConnection.sessionBus()
        if not bus.isConnected():
            _log.info("no session bus: cannot keep the screen awake; use 'xset s off -dpms' if it blanks")
            return False
        interface = QDBusInterface(SERVICE, PATH, SERVICE, bus)
        if not interface.isValid():
            _log.info("no screensaver service on the session bus (%s)", interface.lastError().message())
            return False
        reply = interface.call("Inhibit", self._application, self._reason)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            _log.info("the screensaver service refused to stay awake: %s", reply.errorMessage())
            return False
        self._interface = interface
        self.cookie = int(reply.arguments()[0])
        _log.info("screensaver inhibited (cookie %s)", self.cookie)
        return True

    def release(self) -> None:
        """Let the screen blank again (safe to call more than once)."""
        if self._interface is not None and self.cookie is not None:
            self._interface.call("UnInhibit", self.cookie)
            _log.info("screensaver released (cookie %s)", self.cookie)
        self.cookie = None
        self._interface = None
