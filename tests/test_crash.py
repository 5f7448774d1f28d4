"""Crash reports: a report in the log folder and one plain message, never a vanished window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import PureWindowsPath

import pytest

from sepsis_viewer import __version__, crash


def raise_and_catch(exc: BaseException):
    try:
        raise exc
    except BaseException as caught:  # noqa: BLE001
        return type(caught), caught, caught.__traceback__


@pytest.fixture
def state_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(sys, "platform", "linux")
    return tmp_path / "state"


def test_the_log_folder_is_xdg_state_on_linux(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert crash.log_dir() == tmp_path / "state" / "sepsis-viewer"
    monkeypatch.setenv("XDG_STATE_HOME", "not/absolute")
    assert crash.log_dir() == tmp_path / ".local" / "state" / "sepsis-viewer"
    monkeypatch.delenv("XDG_STATE_HOME")
    assert crash.log_dir() == tmp_path / ".local" / "state" / "sepsis-viewer"


def test_the_log_folder_is_the_systems_own_on_macos_and_windows(tmp_path, monkeypatch):
    import platformdirs.macos
    import platformdirs.windows

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.macos.MacOS)
    assert crash.log_dir() == tmp_path / "Library" / "Logs" / "Sepsis Viewer"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    # platformdirs' documented override; on Windows itself the folder comes from the system.
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", r"C:\Users\me\AppData\Local")
    assert PureWindowsPath(str(crash.log_dir())) == PureWindowsPath(r"C:\Users\me\AppData\Local\Sepsis Viewer\Logs")


def test_a_crash_writes_a_report_and_shows_a_plain_message(state_home, capsys):
    shown = []
    handler = crash.CrashHandler(shown.append)
    handler(*raise_and_catch(ZeroDivisionError("division by zero")))
    [report] = list((state_home / "sepsis-viewer").glob("crash-*.txt"))
    text = report.read_text()
    assert f"Sepsis Viewer {__version__}" in text and "ZeroDivisionError: division by zero" in text
    assert "Traceback" in text and "raise_and_catch" in text
    [message] = shown
    assert str(report) in message and "Traceback" not in message and "ZeroDivisionError" not in message
    assert "start Sepsis Viewer again" in message
    assert "Traceback" in capsys.readouterr().err  # whoever has a terminal still sees it


def test_one_message_per_run_but_a_report_for_each_crash(state_home):
    shown = []
    handler = crash.CrashHandler(shown.append)
    for _ in range(3):
        handler(*raise_and_catch(RuntimeError("again")))
    assert len(shown) == 1 and len(handler.reports) == 3 and len(set(handler.reports)) == 3


def test_reports_stop_at_a_limit(state_home):
    handler = crash.CrashHandler(lambda text: None)
    for _ in range(crash.MAX_REPORTS_PER_RUN + 5):
        handler(*raise_and_catch(RuntimeError("every repaint")))
    assert len(list((state_home / "sepsis-viewer").iterdir())) == crash.MAX_REPORTS_PER_RUN


def test_a_crash_while_the_message_is_open_is_not_handled_again(state_home):
    shown = []
    handler = crash.CrashHandler(lambda text: (shown.append(text), handler(*raise_and_catch(KeyError("nested")))))
    handler(*raise_and_catch(RuntimeError("first")))
    assert len(shown) == 1 and len(handler.reports) == 1


def test_a_message_that_fails_does_not_raise(state_home, capsys):
    def broken(text):
        raise RuntimeError("no screen")

    handler = crash.CrashHandler(broken)
    handler(*raise_and_catch(ValueError("boom")))
    assert len(handler.reports) == 1
    assert "could not finish" in capsys.readouterr().err


def test_an_unwritable_log_folder_still_shows_the_message(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("")
    shown = []
    handler = crash.CrashHandler(shown.append, folder=blocker / "logs")
    handler(*raise_and_catch(ValueError("boom")))
    assert shown == [crash.crash_message(None)] and handler.reports == []
    assert "could not write a crash report" in capsys.readouterr().err


def test_ctrl_c_is_not_a_crash(state_home):
    shown = []
    crash.CrashHandler(shown.append, previous=lambda *a: None)(*raise_and_catch(KeyboardInterrupt()))
    assert shown == [] and not (state_home / "sepsis-viewer").exists()


def test_the_message_box_shows_plain_text(qtbot, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from sepsis_viewer.ui.desktop.crash_dialog import show_crash_message

    seen = []

    def fake_exec(box):
        seen.append((box.windowTitle(), box.text(), box.textFormat()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    show_crash_message("<b>saved</b> here")
    assert seen == [("Sepsis Viewer ran into a problem", "<b>saved</b> here", Qt.TextFormat.PlainText)]


def test_a_crash_in_the_desktop_viewer_leaves_a_report_and_a_message(tmp_path):
    """The whole path: the app starts, its window fails, the person gets words, not a vanished window."""
    script = (
        "import sys\n"
        "from sepsis_viewer.ui.desktop import crash_dialog\n"
        "crash_dialog.show_crash_message = lambda text: print('MESSAGE:', text)\n"
        "from sepsis_viewer.ui.desktop.main_window import MainWindow\n"
        "def broken_show(self):\n"
        "    raise RuntimeError('the window could not be shown')\n"
        "MainWindow.show = broken_show\n"
        "from sepsis_viewer.app import main\n"
        "sys.exit(main([]))\n"
    )
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state"), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                            cwd=tmp_path, timeout=120)
    [report] = list((tmp_path / "state" / "sepsis-viewer").glob("crash-*.txt"))
    assert "RuntimeError: the window could not be shown" in report.read_text()
    assert f"MESSAGE: {crash.crash_message(report)}" in result.stdout
    assert result.returncode == 1


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_qt_slot_reaches_the_handler_and_the_window_stays(qtbot, window, state_home, monkeypatch):
    shown = []
    handler = crash.CrashHandler(shown.append, previous=lambda *a: None)
    monkeypatch.setattr(sys, "excepthook", handler)
    from PySide6.QtCore import QTimer

    def broken_slot():
        raise RuntimeError("a slot failed")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "RuntimeError: a slot failed" in handler.reports[0].read_text()
    assert window.isVisible()
