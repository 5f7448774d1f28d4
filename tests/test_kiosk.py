"""Waiting-room mode, at a hundred times its real speed (SEPSIS_VIEWER_TIME_SCALE=0.01 in conftest)."""

from __future__ import annotations

import json
import logging
import socket

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QDialog, QToolTip, QWidget

from sepsis_viewer.content import load_content
from sepsis_viewer.pages import DWELL_RANGE, dwell_seconds, page_for
from sepsis_viewer.ui.kiosk.session import DRIFT, KioskSession

K = Qt.Key


def tap(qtbot, widget):
    """A click as the platform delivers it: to the window, which hands it to the widget under it."""
    window = widget.window()
    qtbot.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton,
                     pos=widget.mapTo(window, widget.rect().center()))


@pytest.fixture
def start_kiosk(qtbot):
    sessions = []

    def start(contents=None, **options):
        session = KioskSession(contents or [load_content()], **options)
        qtbot.addWidget(session.window)
        session.start()
        qtbot.waitUntil(session.window.isFullScreen, timeout=2000)
        sessions.append(session)
        return session

    yield start
    for session in sessions:
        session.stop()
        session.window.closable = True


def test_the_loop_walks_the_tour_highlighting_in_place(qtbot, start_kiosk, content):
    kiosk = start_kiosk()
    window = kiosk.window
    assert window.tour.current.id == "overview"
    qtbot.waitUntil(lambda: window.tour.current.id == "infection", timeout=3000)
    assert window.diagram.nodes[0].isChecked()
    assert content.stages[0].body in window.detail.visible_text()
    qtbot.waitUntil(lambda: window.tour.current.id == "sepsis", timeout=3000)
    assert window.diagram.nodes[1].isChecked() and not window.diagram.nodes[0].isChecked()


def test_the_loop_goes_round_and_starts_again(qtbot, start_kiosk):
    kiosk = start_kiosk(dwell=1.0)  # 10 ms a step at the tests' time scale
    seen = []
    kiosk.loop.step_shown.connect(seen.append)
    qtbot.waitUntil(lambda: kiosk.loop.loops >= 2, timeout=10000)
    steps = [s.id for s in kiosk.window.tour.steps]
    assert seen[: len(steps)] == steps[1:] + ["overview"] or seen[: len(steps) - 1] == steps[1:]
    for ident in ("septic-shock", "mechanisms", "clotting", "infection_sources", "risk_groups", "numbers",
                  "call-to-action"):
        assert ident in seen


def test_dwell_follows_the_amount_of_text(content):
    from sepsis_viewer.tour import build_tour

    low, high = DWELL_RANGE
    dwells = {s.id: dwell_seconds(page_for(content, s.id)) for s in build_tour(content)}
    assert all(low <= d <= high for d in dwells.values())
    assert dwells["sepsis-before"] < dwells["septic-shock"]
    assert dwell_seconds(page_for(content, "lungs"), override=3.0) == 3.0


def test_the_call_to_action_stays_on_screen_through_the_loop(qtbot, start_kiosk):
    kiosk = start_kiosk(dwell=1.0)
    frame = kiosk.window.rect()
    for _ in range(30):
        qtbot.wait(5)
        cta = kiosk.window.cta
        top_left = cta.mapTo(kiosk.window, cta.rect().topLeft())
        assert cta.isVisible() and frame.contains(top_left) and "Call 112" in cta.action.text()


@pytest.mark.parametrize("how", ["click", "key", "touch"])
def test_a_visitor_pauses_the_loop_and_it_comes_back_after_a_countdown(qtbot, start_kiosk, how):
    kiosk = start_kiosk(idle_seconds=30.0)  # 300 ms here
    window, loop = kiosk.window, kiosk.loop
    qtbot.waitUntil(lambda: window.tour.current.id == "infection", timeout=3000)
    if how == "click":
        tap(qtbot, window.diagram.nodes[3])
    elif how == "key":
        # Keys as the platform sends them: to the window, which hands them to the focused card.
        window.diagram.nodes[0].setFocus()
        qtbot.keyClick(window.windowHandle(), K.Key_Right)
        qtbot.keyClick(window.windowHandle(), K.Key_Return)
    else:
        from PySide6.QtTest import QTest

        finger = QTest.createTouchDevice()
        QTest.touchEvent(window, finger).press(0, QPoint(200, 200), window).commit()
        QTest.touchEvent(window, finger).release(0, QPoint(200, 200), window).commit()
    assert loop.paused
    if how != "touch":  # the screen works like the desktop viewer
        assert window.tour.current.id == "septic-shock" if how == "click" else "sepsis"
    where = window.tour.current.id
    qtbot.wait(150)  # longer than a step's dwell (80 ms here): the loop stays put
    assert window.tour.current.id == where
    qtbot.waitUntil(lambda: kiosk.strip.countdown.isVisible(), timeout=2000)
    assert "starts again in" in kiosk.strip.countdown.text()
    qtbot.waitUntil(lambda: not loop.paused, timeout=2000)
    assert not kiosk.strip.countdown.isVisible() and window.tour.current.id == "overview"


def test_input_during_the_countdown_keeps_the_visitor(qtbot, start_kiosk):
    kiosk = start_kiosk(idle_seconds=20.0)
    tap(qtbot, kiosk.window.diagram.nodes[1])
    qtbot.waitUntil(lambda: kiosk.strip.countdown.isVisible(), timeout=2000)
    tap(qtbot, kiosk.window.diagram.nodes[2])
    assert not kiosk.strip.countdown.isVisible() and kiosk.loop.paused
    assert kiosk.window.tour.current.id == "severe-sepsis"


def _spanish_copy(write_content):
    def change(doc):
        doc["language"] = "es"
        doc["intro"]["title"] = "Sepsis (es)"

    return load_content(write_content(change, name="es.json"))


def test_languages_take_turns_one_loop_each(qtbot, start_kiosk, write_content):
    english, spanish = load_content(), _spanish_copy(write_content)
    kiosk = start_kiosk([english, spanish], dwell=1.0)
    assert kiosk.window.content.language == "en"
    qtbot.waitUntil(lambda: kiosk.loop.loops == 2, timeout=10000)
    assert kiosk.window.content.language == "es" and kiosk.window.header.title.text() == "Sepsis (es)"
    qtbot.waitUntil(lambda: kiosk.loop.loops == 3, timeout=10000)
    assert kiosk.window.content.language == "en"


def test_the_cursor_is_hidden(qtbot, start_kiosk):
    kiosk = start_kiosk()
    assert kiosk.cursor.hidden
    assert kiosk.window.cursor().shape() == Qt.CursorShape.BlankCursor


def test_no_dialog_no_tooltip_no_menu_and_no_way_out_but_the_chord(qtbot, start_kiosk, monkeypatch):
    kiosk = start_kiosk(dwell=1.0, idle_seconds=5.0)
    window = kiosk.window
    assert not window.menuBar().isVisible() and window.windowFlags() & Qt.WindowType.FramelessWindowHint
    for key in (K.Key_F1, K.Key_F11, K.Key_Escape, K.Key_Home):
        qtbot.keyClick(window, key)
    qtbot.keyClick(window, K.Key_O, Qt.KeyboardModifier.ControlModifier)  # the desktop's Open dialog
    qtbot.keyClick(window, K.Key_Q, Qt.KeyboardModifier.ControlModifier)  # the desktop's Quit
    tip = QHelpEvent(QEvent.Type.ToolTip, QPoint(5, 5), window.mapToGlobal(QPoint(5, 5)))
    QApplication.sendEvent(window.windowHandle(), tip)
    for widget in window.findChildren(QWidget):
        assert not widget.toolTip()  # nothing to float over an unattended screen
        QApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, QPoint(5, 5), widget.mapToGlobal(QPoint(5, 5))))
    assert not QToolTip.isVisible()
    assert not window.close()  # Alt+F4 and friends are refused
    assert window.isVisible()
    qtbot.waitUntil(lambda: kiosk.loop.loops >= 2, timeout=10000)
    assert QApplication.activeModalWidget() is None
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    quits = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    qtbot.keyClick(window.windowHandle(), K.Key_Q,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert quits and not window.isVisible()


def test_a_changed_good_file_shows_at_the_next_loop_and_a_bad_one_is_ignored(qtbot, start_kiosk, write_content,
                                                                           caplog):
    path = write_content()
    kiosk = start_kiosk([load_content(path)], watch=path, dwell=1.0)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["stages"][0]["title"] = "Germs get in"
    path.write_text(json.dumps(doc), encoding="utf-8")
    qtbot.waitUntil(lambda: kiosk._pending is not None, timeout=3000)
    assert kiosk.window.diagram.nodes[0].title.text() == "Infection"  # not in the middle of a loop
    loops = kiosk.loop.loops
    qtbot.waitUntil(lambda: kiosk.loop.loops > loops, timeout=10000)
    assert kiosk.window.diagram.nodes[0].title.text() == "Germs get in"
    with caplog.at_level(logging.WARNING):
        path.write_text('{"format": 1, "stages": [', encoding="utf-8")
        qtbot.waitUntil(lambda: "invalid" in caplog.text, timeout=3000)
    assert ":1:" in caplog.text  # the problem, located
    loops = kiosk.loop.loops
    qtbot.waitUntil(lambda: kiosk.loop.loops > loops, timeout=10000)
    assert kiosk.window.diagram.nodes[0].title.text() == "Germs get in"


def test_a_file_replaced_by_a_sync_tool_is_still_watched(qtbot, start_kiosk, write_content):
    path = write_content()
    kiosk = start_kiosk([load_content(path)], watch=path, dwell=1.0)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["stages"][1]["title"] = "Body-wide"
    temporary = path.with_name(".custom.json.tmp")
    temporary.write_text(json.dumps(doc), encoding="utf-8")
    temporary.replace(path)  # written elsewhere, renamed over the old file
    qtbot.waitUntil(lambda: kiosk._pending is not None, timeout=3000)
    assert kiosk._pending.stages[1].title == "Body-wide"


def test_a_missing_icon_is_drawn_as_a_placeholder_and_the_loop_goes_on(qtbot, start_kiosk, write_content, tmp_path):
    from conftest import copy_icon

    icon = copy_icon(tmp_path)
    path = write_content(lambda d: d["stages"][0].update(icon="icons/lungs.svg"))
    content = load_content(path)
    icon.unlink()  # gone after the content was checked, e.g. a half-finished sync
    kiosk = start_kiosk([content], dwell=1.0)
    node_icon = kiosk.window.diagram.nodes[0].icon
    assert node_icon.pixmap() is not None and not node_icon.pixmap().isNull()
    image = node_icon.pixmap().toImage()
    assert any(image.pixelColor(x, image.height() // 2).alpha() for x in range(image.width()))
    qtbot.waitUntil(lambda: kiosk.window.tour.index >= 2, timeout=3000)


def test_the_screen_going_away_and_coming_back_gives_a_full_screen_layout(qtbot, start_kiosk):
    from PySide6.QtGui import QGuiApplication

    kiosk = start_kiosk()
    window = kiosk.window
    window.showNormal()
    window.resize(640, 480)  # what a monitor switched off and on can leave behind
    kiosk.keeper.on_screens_changed()
    screen = QGuiApplication.primaryScreen().geometry()
    qtbot.waitUntil(lambda: window.isFullScreen() and window.geometry() == screen, timeout=2000)
    assert window.diagram.nodes[0].title.font().pixelSize() > 20  # laid out for 4K again


def test_burn_in_drift_moves_everything_a_few_pixels(start_kiosk):
    kiosk = start_kiosk()
    layout = kiosk.window.centralWidget().layout()
    before = layout.contentsMargins()
    kiosk._next_drift()
    after = layout.contentsMargins()
    dx, dy = DRIFT[1]
    assert (after.left() - before.left(), after.top() - before.top()) == (dx, dy)
    assert max(abs(x) for pair in DRIFT for x in pair) <= 4


def test_a_long_page_glides_into_view_during_its_time(qtbot, start_kiosk):
    kiosk = start_kiosk(dwell=20.0)
    kiosk.window.showNormal()
    kiosk.keeper.stop()
    kiosk.window.resize(1024, 768)
    kiosk.loop.window.select("call-to-action")
    kiosk.loop._show_current()
    bar = kiosk.window.detail.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=2000)
    kiosk._reveal_rest_of_detail(0.1)
    assert bar.value() == 0
    kiosk._reveal_rest_of_detail(0.95)
    assert bar.value() == bar.maximum()


def test_reduced_motion_means_no_fade_and_no_moving_line(qtbot, start_kiosk):
    kiosk = start_kiosk(dwell=1.0)
    kiosk.reduced_motion = True
    kiosk.window.detail.setGraphicsEffect(None)
    qtbot.waitUntil(lambda: kiosk.window.tour.index >= 2, timeout=3000)
    assert kiosk.window.detail.graphicsEffect() is None
    tour = kiosk.window.tour
    kiosk._update_progress()
    assert kiosk.strip.fraction == pytest.approx((tour.index + 1) / len(tour.steps))


def test_service_manager_hears_ready_and_watchdog_pings(qtbot, start_kiosk, tmp_path, monkeypatch):
    address = str(tmp_path / "notify.sock")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    listener.bind(address)
    listener.settimeout(3)
    monkeypatch.setenv("NOTIFY_SOCKET", address)
    monkeypatch.setenv("WATCHDOG_USEC", "100000")  # a ping every 50 ms
    start_kiosk()
    assert listener.recv(64) == b"READY=1"
    qtbot.waitUntil(lambda: True)
    qtbot.wait(120)
    assert listener.recv(64) == b"WATCHDOG=1"
    listener.close()


def test_a_bad_custom_file_at_start_gives_bundled_content_and_a_warning(qtbot, write_content, start_kiosk, caplog):
    from sepsis_viewer.app import _kiosk_contents
    from sepsis_viewer.command_line import build_parser

    bad = write_content(lambda d: d["stages"][0].update(titel="x"))
    args = build_parser().parse_args(["--kiosk", "--content", str(bad)])
    contents, warning = _kiosk_contents(args)
    assert [c.path for c in contents] == [load_content().path] and str(bad) in warning
    with caplog.at_level(logging.WARNING):
        kiosk = start_kiosk(contents, warning=warning)
    assert kiosk.window.banner.isVisible() and "/stages/0/titel" in caplog.text
    qtbot.waitUntil(lambda: not kiosk.window.banner.isVisible(), timeout=3000)  # then out of the way


def test_log_file_is_size_capped_and_rotated(tmp_path):
    from sepsis_viewer import logfile

    path = logfile.install_log_file(tmp_path)
    logger = logging.getLogger("sepsis_viewer.soak")
    try:
        for _ in range(3000):
            logger.warning("x" * 2000)
    finally:
        handlers = [h for h in logging.getLogger().handlers if getattr(h, "baseFilename", "") == str(path)]
        for handler in handlers:
            logging.getLogger().removeHandler(handler)
            handler.close()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["sepsis-viewer.log", "sepsis-viewer.log.1", "sepsis-viewer.log.2", "sepsis-viewer.log.3"]
    assert all(p.stat().st_size <= logfile.MAX_BYTES + 4096 for p in tmp_path.iterdir())
