"""Crash reports: an unexpected error is written to the log folder and explained in plain words.

No Qt here: the message is shown through a function handed in (the desktop viewer passes a
QMessageBox), so the handler can be tested, and reused by any mode, without a screen.
"""

from __future__ import annotations

import os
import platform
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from sepsis_viewer.strings import ui
from sepsis_viewer.version import app_version

# A fault that repeats on every repaint must not fill the disk.
MAX_REPORTS_PER_RUN = 10

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def log_dir() -> Path:
    """The folder for crash reports and the waiting room's log: where each platform keeps an app's logs.

    Linux and other XDG desktops: $XDG_STATE_HOME/sepsis-viewer (logs are state, kept between runs
    but not worth backing up), by default ~/.local/state/sepsis-viewer; macOS: ~/Library/Logs/Sepsis
    Viewer; Windows: %LOCALAPPDATA%\\Sepsis Viewer\\Logs.
    """
    import platformdirs  # looked up when something is written, not at start-up

    if sys.platform in ("win32", "darwin"):
        return platformdirs.PlatformDirs("Sepsis Viewer", appauthor=False).user_log_path
    return platformdirs.PlatformDirs("sepsis-viewer").user_state_path


def report_text(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """What a report says: enough to find the fault (version, system, command line, traceback)."""
    lines = [
        f"Sepsis Viewer {app_version()} crash report",
        f"time: {datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"python: {platform.python_version()} ({sys.executable})",
        f"platform: {platform.platform()}",
        f"frozen bundle: {'yes' if getattr(sys, 'frozen', False) else 'no'}",
        f"command line: {sys.argv!r}",
        "",
    ]
    return "\n".join(lines) + "".join(traceback.format_exception(exc_type, exc, tb))


def write_report(text: str, folder: Path | None = None) -> Path:
    """Write a report to a new, timestamped file in `folder` (default: log_dir()); returns its path."""
    folder = folder or log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for attempt in range(100):
        suffix = f"-{attempt}" if attempt else ""
        path = folder / f"crash-{stamp}-{os.getpid()}{suffix}.txt"
        try:
            with path.open("x", encoding="utf-8") as stream:  # never overwrite an earlier report
                stream.write(text)
            return path
        except FileExistsError:
            continue
    raise FileExistsError(f"too many crash reports in {folder} this second")


def crash_message(report: Path | None) -> str:
    """The plain words shown to the person in front of the screen."""
    if report is None:
        return ui("crash_message_unsaved")
    return ui("crash_message", file=str(report))


class CrashHandler:
    """A sys.excepthook: writes each unexpected error to a report and shows one plain message."""

    def __init__(self, show: Callable[[str], object], folder: Path | None = None,
                 previous: ExceptHook | None = None):
        self._show = show
        self._folder = folder
        self._previous = previous or sys.__excepthook__
        self._busy = False  # set while handling, so an error raised meanwhile is not handled again
        self.reports: list[Path] = []
        self.shown = False

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt) or self._busy:
            # Ctrl+C is not a crash; an error while reporting one goes to the terminal only.
            _call_quietly(self._previous, exc_type, exc, tb)
            return
        self._busy = True
        try:
            _call_quietly(self._previous, exc_type, exc, tb)  # the traceback, for whoever has a terminal
            report = self._write(report_text(exc_type, exc, tb))
            if not self.shown:
                # One message per run: a fault that repeats must not bury the window in dialogs.
                self.shown = True
                _call_quietly(self._show, crash_message(report))
        finally:
            self._busy = False

    def _write(self, text: str) -> Path | None:
        if len(self.reports) >= MAX_REPORTS_PER_RUN:
            return None
        try:
            path = write_report(text, self._folder)
        except OSError as exc:
            _warn(f"could not write a crash report: {exc}")
            return None
        self.reports.append(path)
        _warn(f"crash report written to {path}")
        return path


def install_crash_handler(show: Callable[[str], object], folder: Path | None = None) -> CrashHandler:
    """Make a CrashHandler the process's sys.excepthook; returns it."""
    handler = CrashHandler(show, folder, previous=sys.excepthook)
    sys.excepthook = handler
    return handler


def _call_quietly(function: Callable[..., object], *args: object) -> None:
    try:
        function(*args)
    except Exception as exc:  # noqa: BLE001 - the reporter itself must never raise
        _warn(f"the crash handler could not finish: {exc!r}")


def _warn(message: str) -> None:
    # A windowed bundle on Windows has no stderr at all.
    if sys.stderr is not None:
        try:
            print(f"sepsis-viewer: {message}", file=sys.stderr)
        except (OSError, ValueError):
            pass
