"""Shared fixtures. Qt runs offscreen and QSettings writes to a throwaway folder."""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

# Before anything imports Qt: the offscreen platform, with one 4K screen so that no window size
# used by the tests is cut down to the platform's default 800x800 screen. The multi-screen tests
# (tests/multiscreen) run in a process of their own with SEPSIS_TEST_SCREENS naming their screens.
SCREENS_ENV = "SEPSIS_TEST_SCREENS"
ONE_4K_SCREEN = [{"name": "offscreen-4k", "x": 0, "y": 0, "width": 3840, "height": 2160, "logicalDpi": 96, "dpr": 1.0}]
if not os.environ.get(SCREENS_ENV):
    _screens = Path(tempfile.mkdtemp(prefix="sepsis-viewer-screens-")) / "screens.json"
    _screens.write_text(json.dumps({"screens": ONE_4K_SCREEN}))
    os.environ[SCREENS_ENV] = str(_screens)
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={os.environ[SCREENS_ENV]}"
# Unattended timings (cursor hiding, the kiosk loop) run a hundred times faster in tests.
os.environ.setdefault("SEPSIS_VIEWER_TIME_SCALE", "0.01")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="sepsis-viewer-config-")
# Nothing should write to the cache folder (tests/test_leaves_nothing_behind.py); if it did, not to the user's.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="sepsis-viewer-cache-")
os.environ.setdefault("QT_ACCESSIBILITY", "1")

import pytest  # noqa: E402

from sepsis_viewer import paths  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# The multi-screen tests need their own process; test_multiscreen.py starts it.
collect_ignore = [] if os.environ.get("SEPSIS_MULTISCREEN_RUN") else ["multiscreen"]


@pytest.fixture(scope="session")
def bundled_doc() -> dict:
    """The bundled content file as a JSON document, to copy and break."""
    return json.loads(paths.bundled_content_path().read_text(encoding="utf-8"))


@pytest.fixture
def write_content(tmp_path, bundled_doc):
    """Write a (changed) copy of the bundled content into a temporary folder; returns its path."""

    def write(change=None, name="custom.json", raw: bytes | None = None) -> Path:
        path = tmp_path / name
        if raw is not None:
            path.write_bytes(raw)
            return path
        doc = json.loads(json.dumps(bundled_doc))
        if change is not None:
            change(doc)
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def qapp_args():
    return [sys.argv[0]]


@pytest.fixture
def content():
    from sepsis_viewer.content import load_content

    return load_content()


@pytest.fixture
def window(qtbot, content):
    """The desktop window at 1280x800, shown offscreen, with nothing remembered."""
    from sepsis_viewer.ui.desktop.main_window import MainWindow

    win = MainWindow(content, remember_geometry=False)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


def copy_icon(tmp_path: Path, name: str = "lungs") -> Path:
    """Put one bundled icon next to a custom content file."""
    target = tmp_path / "icons" / f"{name}.svg"
    target.parent.mkdir(exist_ok=True)
    shutil.copy(paths.icons_dir() / f"{name}.svg", target)
    return target
