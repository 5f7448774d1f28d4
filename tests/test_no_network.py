"""No network: the app opens no socket and never loads Qt's network module."""

from __future__ import annotations

import re
import socket
import sys
from pathlib import Path

import sepsis_viewer
from conftest import settle

_NETWORK_IMPORT = re.compile(
    r"^\s*(from|import)\s+(PySide6\.QtNetwork|PySide6\.QtWebEngine\w*|socket|ssl|http\.client|urllib\.request|"
    r"requests|httpx|aiohttp)\b",
    re.MULTILINE,
)


def _refuse(*args, **kwargs):
    raise AssertionError(f"the app tried to open a socket: {args!r}")


def test_a_full_tour_opens_no_socket_and_loads_no_qt_network(qtbot, monkeypatch):
    from sepsis_viewer.app import create_window

    for name in ("socket", "create_connection", "socketpair", "fromfd"):
        monkeypatch.setattr(socket, name, _refuse)
    window = create_window(remember_geometry=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    for step in window.tour.steps:
        window.select(step.id)
        settle()
    window.select("about")
    window.grab()
    assert not [name for name in sys.modules if name.startswith("PySide6.QtNetwork")]


# The one socket the app may open: a local Unix datagram to systemd's notify socket, and only when
# the service manager that started it (the waiting-room unit) names one in NOTIFY_SOCKET.
_SERVICE_MANAGER = {"sd_notify.py: import socket"}


def test_no_module_of_the_app_imports_a_network_library():
    package = Path(sepsis_viewer.__file__).parent
    found = {f"{path.relative_to(package)}: {match.group(0).strip()}"
             for path in package.rglob("*.py") for match in _NETWORK_IMPORT.finditer(path.read_text(encoding="utf-8"))}
    assert found == _SERVICE_MANAGER


def test_the_service_manager_socket_is_opened_only_when_one_is_named(monkeypatch):
    from sepsis_viewer import sd_notify

    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    for name in ("socket", "create_connection", "socketpair", "fromfd"):
        monkeypatch.setattr(socket, name, _refuse)
    assert sd_notify.notify("READY=1") is False
