"""Projector mode with a laptop screen and a projector: run by tests/test_multiscreen.py in a
process of its own, whose offscreen platform has the two screens of screens.json."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import SIGNAL, Qt
from PySide6.QtGui import QGuiApplication

from sepsis_viewer.ui.projector.session import ProjectorSession

K = Qt.Key


def screen_named(name):
    return next(s for s in QGuiApplication.screens() if s.name() == name)


def on(widget) -> str:
    """The name of the screen a window is on.

    Not widget.screen(): PySide ties the screen object it returns to the widget, and a screen
    object held by a test goes invalid once that widget is deleted.
    """
    return QGuiApplication.screenAt(widget.geometry().center()).name()


@pytest.fixture
def session(qtbot, content):
    made = []

    def start(spec=None, **options):
        s = ProjectorSession(content, spec, **options)
        for window in s.windows:
            qtbot.addWidget(window)
        s.start()
        qtbot.waitUntil(s.audience.isFullScreen)
        made.append(s)
        return s

    yield start
    for s in made:
        s.stop()


class FakeClock:
    """A monotonic clock in seconds that moves only when the test moves it."""

    def __init__(self):
        self.seconds = 5000.0

    def __call__(self) -> float:
        return self.seconds


def test_the_platform_has_two_screens(qapp):
    names = [s.name() for s in QGuiApplication.screens()]
    assert names == ["laptop", "projector"] and QGuiApplication.primaryScreen().name() == "laptop"


def test_audience_on_the_projector_and_presenter_on_the_laptop(qtbot, session, content):
    s = session(now=FakeClock())
    projector, laptop = screen_named("projector"), screen_named("laptop")
    assert on(s.audience) == "projector" and s.audience.geometry() == projector.geometry()
    assert s.audience.isFullScreen()
    assert s.presenter.isVisible() and on(s.presenter) == "laptop"
    assert laptop.geometry().contains(s.presenter.geometry())
    # The presenter sees now, next, the notes and the time; the audience sees none of the notes.
    assert "Now: What is sepsis?" in s.presenter.now.text()
    assert "Next: Infection" in s.presenter.next.text()
    assert content.intro.notes in s.presenter.notes.text()
    assert s.presenter.elapsed.text() == "Elapsed 00:00"
    audience_text = " ".join(label.text() for label in s.audience.findChildren(type(s.presenter.notes)))
    assert content.intro.notes not in audience_text
    qtbot.waitUntil(lambda: s.presenter.preview.pixmap() is not None and not s.presenter.preview.pixmap().isNull())


def test_keys_on_the_laptop_drive_the_projector(qtbot, session, content):
    s = session()
    qtbot.keyClick(s.presenter, K.Key_PageDown)
    assert s.audience.slide.header.title.text() == "Infection"
    assert content.stages[0].notes in s.presenter.notes.text()
    qtbot.keyClick(s.presenter, K.Key_B)
    assert s.audience.blank.isVisible()
    qtbot.keyClick(s.presenter, K.Key_Space)
    assert not s.audience.blank.isVisible() and s.audience.slide.header.title.text() == "Infection"


def test_elapsed_time_counts(qtbot, session):
    clock = FakeClock()
    s = session(now=clock)
    elapsed = s.presenter.elapsed
    assert elapsed.text() == "Elapsed 00:00"
    # The presenter's own tick shows the time that has passed, whatever the machine's load.
    for seconds, shown in ((1.2, "Elapsed 00:01"), (60, "Elapsed 01:01"), (3600, "Elapsed 1:01:01")):
        clock.seconds += seconds
        qtbot.waitUntil(lambda shown=shown: elapsed.text() == shown)
    s.presenter.restart_timer()
    assert elapsed.text() == "Elapsed 00:00"


def test_screen_chosen_by_index_or_name(session):
    s = session("0")
    assert on(s.audience) == "laptop" and on(s.presenter) == "projector"
    s2 = session("projector")
    assert on(s2.audience) == "projector"


def test_unplugging_and_replugging_the_projector(qtbot, session, monkeypatch):
    s = session()
    app = QGuiApplication.instance()
    assert app.receivers(SIGNAL("screenRemoved(QScreen*)")) > 0
    assert app.receivers(SIGNAL("screenAdded(QScreen*)")) > 0
    laptop, projector = screen_named("laptop"), screen_named("projector")
    # Qt's offscreen platform cannot remove a screen at run time, and PySide invalidates a screen
    # passed through screenRemoved; stand in for the platform by answering without the projector
    # and calling what the signal calls.
    monkeypatch.setattr(QGuiApplication, "screens", staticmethod(lambda: [laptop]))
    s._on_screens_changed(projector)
    qtbot.waitUntil(lambda: on(s.audience) == "laptop")
    assert s.audience.isFullScreen() and s.audience.geometry() == laptop.geometry()
    assert s.audience.width() > 0 and s.audience.height() > 0
    assert not s.presenter.isVisible()  # one screen now: the notes only on request
    assert s.audience.canvas.geometry() == s.audience.rect()  # 1366x768 is within 4:3 to 16:9
    assert s.audience.slide.header.title.font().pixelSize() >= 0.05 * 768
    monkeypatch.undo()
    app.screenAdded.emit(projector)  # plugged back in
    qtbot.waitUntil(lambda: on(s.audience) == "projector")
    assert s.audience.geometry() == projector.geometry() and s.presenter.isVisible()
    assert on(s.presenter) == "laptop"
    assert s.audience.slide.header.title.font().pixelSize() >= 0.05 * 1080


def test_a_resolution_change_lays_the_slide_out_again(qtbot, session):
    s = session()
    projector = screen_named("projector")
    s.audience.showNormal()
    s.audience.resize(800, 600)  # as if the mode changed under us
    projector.geometryChanged.emit(projector.geometry())
    qtbot.waitUntil(lambda: s.audience.geometry() == projector.geometry())
    assert s.audience.isFullScreen()
    assert s.audience.canvas.geometry().height() == projector.geometry().height()


def assert_signage_for(window, lines: int) -> None:
    """The waiting room's signage as it must be on a screen of that many lines: its type from the
    screen, nothing cut off, no control, the call to action in view."""
    from conftest import settle
    from signage_check import screen_problems

    settle()
    assert window.view.call.action.font().pixelSize() == math.ceil(0.045 * lines)
    assert screen_problems(window) == []


def test_the_waiting_room_screen_switched_off_and_on(qtbot, monkeypatch, content):
    from sepsis_viewer.ui.kiosk.session import KioskSession

    kiosk = KioskSession([content])
    qtbot.addWidget(kiosk.window)
    kiosk.start()
    try:
        window = kiosk.window
        qtbot.waitUntil(lambda: window.isFullScreen() and on(window) == "projector")
        laptop, projector = screen_named("laptop"), screen_named("projector")
        monkeypatch.setattr(QGuiApplication, "screens", staticmethod(lambda: [laptop]))
        kiosk.keeper.on_screens_changed(projector)
        qtbot.waitUntil(lambda: on(window) == "laptop" and window.geometry() == laptop.geometry())
        # Signage laid out again for the laptop's 768 lines: the type follows the screen.
        assert_signage_for(window, 768)
        monkeypatch.undo()
        QGuiApplication.instance().screenAdded.emit(projector)
        qtbot.waitUntil(lambda: on(window) == "projector" and window.geometry() == projector.geometry())
        assert window.isFullScreen() and window.width() == 1920
        assert_signage_for(window, 1080)
    finally:
        kiosk.stop()
        kiosk.window.closable = True
