"""Telling a service manager (systemd) that the app is up and alive, where one asks for it.

No dependency: the protocol is one datagram to the socket named by NOTIFY_SOCKET. Without that
variable (a desktop session, the tests) nothing is opened.
"""

from __future__ import annotations

import logging
import os
import socket

_log = logging.getLogger(__name__)


def notify(message: str) -> bool:
    """Send `message` (e.g. "READY=1", "WATCHDOG=1"); False when no service manager listens."""
    address = os.environ.get("NOTIFY_SOCKET", "")
    if not address:
        return False
    if address.startswith("@"):  # an abstract socket
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.connect(address)
            sock.sendall(message.encode("utf-8"))
    except OSError as exc:
        _log.warning("could not notify the service manager (%s)", exc)
        return False
    return True


def watchdog_interval_ms() -> int | None:
    """How often to send WATCHDOG=1 (half the manager's timeout), or None if it wants none."""
    usec = os.environ.get("WATCHDOG_USEC", "")
    pid = os.environ.get("WATCHDOG_PID", "")
    if not usec.isdigit() or int(usec) <= 0 or (pid and pid != str(os.getpid())):
        return None
    return max(1, int(usec) // 2000)
