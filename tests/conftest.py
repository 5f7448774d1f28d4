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


def shown_desktop(qtbot, win):
    """A desktop window shown offscreen at 1280x800, once its body map's hotspots are made."""
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: bool(win.view.body_map.hotspots))  # made just after the first frame
    return win


@pytest.fixture
def window(qtbot, content):
    """The desktop window at 1280x800, shown offscreen, with nothing remembered."""
    from sepsis_viewer.ui.desktop.main_window import MainWindow

    return shown_desktop(qtbot, MainWindow(content, remember_geometry=False))


@pytest.fixture
def start_kiosk(qtbot):
    """Starts waiting-room sessions (the bundled content unless told), full screen; stops them after."""
    from sepsis_viewer.content import load_content
    from sepsis_viewer.ui.kiosk.session import KioskSession

    sessions = []

    def start(contents=None, reduced_motion=None, before_start=lambda session: None, **options):
        session = KioskSession(contents or [load_content()], **options)
        qtbot.addWidget(session.window)
        if reduced_motion is not None:
            session.reduced_motion = reduced_motion  # as main() does for --reduced-motion
        before_start(session)
        session.start()
        qtbot.waitUntil(session.window.isFullScreen)
        sessions.append(session)
        return session

    yield start
    for session in sessions:
        session.stop()
        session.window.closable = True


def pyproject_version() -> str:
    """[project] version in pyproject.toml, read with a TOML parser rather than the app's own lookup."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10: no TOML parser in the standard library
        import re

        text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
        return re.search(r'^version\s*=\s*"([^"]+)"', text, re.MULTILINE)[1]
    with (ROOT / "pyproject.toml").open("rb") as stream:
        return tomllib.load(stream)["project"]["version"]


def copy_icon(tmp_path: Path, name: str = "lungs") -> Path:
    """Put one bundled icon next to a custom content file."""
    target = tmp_path / "icons" / f"{name}.svg"
    target.parent.mkdir(exist_ok=True)
    shutil.copy(paths.icons_dir() / f"{name}.svg", target)
    return target


def settle() -> None:
    """Run the work Qt has queued (layouts, deferred scrolls, zero-time timers) and return: a window
    as a person sees it once it is still. Not a sleep: nothing here waits for time to pass."""
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def shown_texts(window) -> str:
    """Every piece of text a person can see in a window, one a line."""
    from PySide6.QtWidgets import QLabel

    return "\n".join(label.text() for label in window.findChildren(QLabel) if label.isVisibleTo(window))


def check_the_loop_keeps_still(qtbot, kiosk) -> None:
    """Reduced motion in the waiting room, as it looks over one whole loop: no fade or other
    animation, and a progress line that stands still during a screen and moves on with each new
    one, by equal steps from step to step (the share of the tour shown), full at the last screen."""
    from PySide6.QtCore import QAbstractAnimation, QEvent, QObject, QPropertyAnimation
    from PySide6.QtWidgets import QGraphicsOpacityEffect

    window, line = kiosk.window, kiosk.strip.line
    shown = []  # (step index, part, parts, line fraction, a fade on the board, animations running) a screen
    painted = []  # line fractions of the frames of the line that were painted

    def on_screen(_step_id, part):
        running = [a for a in window.findChildren(QPropertyAnimation)
                   if a.state() == QAbstractAnimation.State.Running]
        fading = isinstance(window.view.board.graphicsEffect(), QGraphicsOpacityEffect)
        shown.append((window.tour.index, part, window.parts(), line.fraction, fading, len(running)))

    class Frames(QObject):
        def eventFilter(self, watched, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                painted.append(line.fraction)
            return False

    def whole_loop() -> list:
        starts = [i for i, (index, part, *_rest) in enumerate(shown) if (index, part) == (0, 0)]
        ends = [i for i, (index, part, parts, *_rest) in enumerate(shown)
                if starts and i > starts[0] and (index, part) == (steps - 1, parts - 1)]
        return shown[starts[0]: ends[0] + 1] if ends else []

    frames = Frames()
    line.installEventFilter(frames)
    kiosk.loop.screen_shown.connect(on_screen)
    steps = len(window.tour.steps)
    try:
        qtbot.waitUntil(lambda: bool(whole_loop()), timeout=60000)  # every screen of a loop once
    finally:
        kiosk.loop.screen_shown.disconnect(on_screen)
        line.removeEventFilter(frames)
    assert [(fading, running) for *_rest, fading, running in shown] == [(False, 0)] * len(shown)
    loop = whole_loop()
    assert [(index, part) for index, part, *_rest in loop] == [
        (index, part) for index in range(steps) for part in range(next(p for i, _, p, *_ in loop if i == index))]
    fractions = [fraction for *_rest, fraction, _fading, _running in loop]
    assert all(b > a for a, b in zip(fractions, fractions[1:])), fractions
    at_step_ends = [fraction for index, part, parts, fraction, *_rest in loop if part == parts - 1]
    assert at_step_ends == pytest.approx([(index + 1) / steps for index in range(steps)])
    assert fractions[-1] == 1.0
    assert painted and set(painted) <= {fraction for *_rest, fraction, _f, _r in shown} | {0.0}, painted


@pytest.fixture
def audience(qtbot, content):
    """The projector's audience view at 1920x1080, shown offscreen; its controller is `.controller`."""
    from sepsis_viewer.ui.projector.audience import AudienceView
    from sepsis_viewer.ui.projector.control import ProjectorController
    from sepsis_viewer.ui.widgets.fonts import register_fonts

    view = AudienceView(content, ProjectorController(content), register_fonts())
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """The interface language is one setting for the process: a test that switches it must not
    leave the next test reading another language."""
    yield
    from sepsis_viewer import strings

    strings.set_language(strings.BASE)
