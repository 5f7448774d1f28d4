"""Waiting-room mode, at a hundred times its real speed (SEPSIS_VIEWER_TIME_SCALE=0.01 in conftest).

The signage layout itself (type sizes, nothing cut off or scrolling, the fixed zones, exploring)
is checked screen by screen in test_kiosk_signage.py."""

from __future__ import annotations

import json
import logging
import socket

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QDialog, QMenuBar, QToolTip, QWidget

from conftest import check_the_loop_keeps_still, settle
from sepsis_viewer.content import load_content
from sepsis_viewer.ui.kiosk.session import KioskSession

K = Qt.Key


def tap(qtbot, widget):
    """A click as the platform delivers it: to the window, which hands it to the widget under it."""
    window = widget.window()
    qtbot.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton,
                     pos=widget.mapTo(window, widget.rect().center()))


def record_steps(kiosk, look=lambda: None) -> list:
    """(step id, look()) for each step the loop shows from now on, taken as its first screen comes up."""
    seen = []
    kiosk.loop.step_shown.connect(lambda step_id: seen.append((step_id, look())))
    return seen


def record_screens(kiosk, look=lambda: None) -> list:
    """(step id, part, look()) for each screen the loop shows from now on."""
    seen = []
    kiosk.loop.screen_shown.connect(lambda step_id, part: seen.append((step_id, part, look())))
    return seen


def words_on_screen(window) -> str:
    return " ".join(window.view.message.texts())


def test_the_loop_walks_the_tour_screen_by_screen_lighting_the_map(qtbot, start_kiosk, content):
    kiosk = start_kiosk(dwell=1.0)
    window = kiosk.window
    assert window.tour.current.id == "overview"
    seen = record_screens(kiosk, lambda: (words_on_screen(window), window.view.picture.body.map.lit(),
                                          window.view.picture.body.caption.text()))
    qtbot.waitUntil(lambda: any(step == "sepsis" for step, _, _ in seen), timeout=20000)
    infection = [(part, look) for step, part, look in seen if step == "infection"]
    # Each part once, in order; the stage's words all shown, a screen at a time, its organs lit.
    assert [part for part, _ in infection] == list(range(len(infection))) and len(infection) > 1
    words = " ".join(text for _, (text, _, _) in infection)
    first_sentence = content.stages[0].body.split(". ")[0]
    assert first_sentence in words and content.stages[0].signs[0] in words and content.stages[0].action[:40] in words
    lungs = "UBERON_0002048"
    assert all(lungs in lit for _, (_, lit, _) in infection)
    assert all("Lungs" in caption for _, (_, _, caption) in infection)


def test_the_loop_goes_round_and_starts_again(qtbot, start_kiosk):
    kiosk = start_kiosk(dwell=1.0)  # 10 ms a screen at the tests' time scale
    steps = [s.id for s in kiosk.window.tour.steps]
    seen = record_steps(kiosk, lambda: kiosk.loop.loops)
    qtbot.waitUntil(lambda: len(seen) >= 2 * len(steps), timeout=60000)
    ids, loops = [i for i, _ in seen[: 2 * len(steps)]], [n for _, n in seen[: 2 * len(steps)]]
    # To the end of the tour, round to the overview as loop 2, through the tour again, and round again.
    assert ids == steps[1:] + steps + ["overview"]
    assert loops == [1] * (len(steps) - 1) + [2] * len(steps) + [3]
    assert ids[len(steps) - 2 : len(steps) + 1] == ["call-to-action", "overview", "infection"]
    for ident in ("septic-shock", "mechanisms", "clotting", "infection_sources", "risk_groups", "numbers",
                  "call-to-action"):
        assert ident in ids


@pytest.mark.parametrize("how", ["click", "key", "touch"])
def test_a_visitor_pauses_the_loop_and_it_comes_back_after_a_countdown(qtbot, start_kiosk, how):
    kiosk = start_kiosk(idle_seconds=30.0)  # 300 ms here: longer than any screen's dwell (80 to 250 ms)
    window, loop, countdown = kiosk.window, kiosk.loop, kiosk.window.countdown
    with qtbot.waitSignal(loop.step_shown):  # the loop is on its way: on to "infection"
        pass
    where = window.tour.current.id, window.part
    if how == "click":
        tap(qtbot, window.view.message)  # on the words: they do nothing but wake the controls
    elif how == "key":
        qtbot.keyClick(window.windowHandle(), K.Key_Right)  # as the platform sends it, to the window
    else:
        from PySide6.QtTest import QTest

        finger = QTest.createTouchDevice()
        QTest.touchEvent(window, finger).press(0, QPoint(200, 200), window).commit()
        QTest.touchEvent(window, finger).release(0, QPoint(200, 200), window).commit()
    assert loop.paused
    qtbot.waitUntil(window.view.controls.isVisible)  # the visitor explores
    # A key steps on as the Next button does; a touch on the words leaves the screen as it was.
    if how == "key":
        assert (window.tour.current.id, window.part) != where
    else:
        assert (window.tour.current.id, window.part) == where
    where = window.tour.current.id, window.part
    said = []  # what the countdown says as it changes, and the screen under it
    loop.countdown_changed.connect(
        lambda _seconds: said.append((countdown.isVisible() and countdown.text.text(),
                                      (window.tour.current.id, window.part))))
    after = record_steps(kiosk, lambda: (loop.paused, countdown.isVisible(), window.view.controls.isVisible()))
    qtbot.waitUntil(lambda: bool(after))
    # Nothing moved while the visitor was there: the next step shown is the loop's new start,
    # without the countdown or the controls.
    assert after[0] == ("overview", (False, False, False))
    texts = [text for text, _ in said]
    assert texts == [f"Touch the screen to keep exploring. The tour starts again in {n} s."
                     for n in range(10, 0, -1)] + [False]
    assert {screen for _, screen in said} == {where}


def test_input_during_the_countdown_keeps_the_visitor(qtbot, start_kiosk):
    kiosk = start_kiosk(idle_seconds=20.0)  # 200 ms here
    # A countdown that stays up until the test acts: the tap cannot come too late, however slow the machine.
    kiosk.loop.countdown_seconds = 100_000
    window, countdown = kiosk.window, kiosk.window.countdown
    tap(qtbot, window.view.message)
    qtbot.waitUntil(countdown.isVisible)
    assert "The tour starts again in" in countdown.text.text()
    tap(qtbot, window.view.controls.stages[2])
    assert not countdown.isVisible() and kiosk.loop.paused
    assert window.tour.current.id == "severe-sepsis"
    qtbot.waitUntil(countdown.isVisible)  # the visitor's idle time starts again, then the countdown
    assert kiosk.loop.paused and window.tour.current.id == "severe-sepsis"


def _spanish_copy(write_content):
    def change(doc):
        doc["language"] = "es"
        doc["intro"]["title"] = "Sepsis (es)"

    return load_content(write_content(change, name="es.json"))


def test_languages_take_turns_one_loop_each(qtbot, start_kiosk, write_content):
    english, spanish = load_content(), _spanish_copy(write_content)
    kiosk = start_kiosk([english, spanish], dwell=1.0)
    window = kiosk.window
    assert window.content.language == "en"
    turns = []  # each loop's first screen: its number, language, the kicker on screen, and the view
    kiosk.loop.step_shown.connect(lambda step_id: step_id == "overview" and turns.append(
        (kiosk.loop.loops, window.content.language, window.view.message.header.kicker.text(), window.view)))
    qtbot.waitUntil(lambda: len(turns) >= 3, timeout=60000)
    assert [turn[:3] for turn in turns[:3]] == [(2, "es", "Sepsis (es)"), (3, "en", english.intro.title),
                                                (4, "es", "Sepsis (es)")]
    assert turns[2][3] is turns[0][3]  # the Spanish view kept for its next turn, not built again


def test_the_cursor_is_hidden_from_the_start(qtbot):
    kiosk = KioskSession([load_content()])
    qtbot.addWidget(kiosk.window)
    # At once, before any event has run: not only once the pointer has been still a while.
    assert kiosk.window.cursor().shape() == Qt.CursorShape.BlankCursor
    kiosk.window.closable = True


def test_no_pointer_shows_over_anything_on_the_screen(qtbot, start_kiosk):
    kiosk = start_kiosk()
    window = kiosk.window
    # What the pointer looks like over each visible widget: its own cursor, or the one it inherits.
    shapes = {type(w).__name__: w.cursor().shape() for w in window.findChildren(QWidget) if w.isVisibleTo(window)}
    assert {name for name, shape in shapes.items() if shape != Qt.CursorShape.BlankCursor} == set()


def test_no_dialog_no_tooltip_no_menu_and_no_way_out_but_the_chord(qtbot, start_kiosk, monkeypatch):
    kiosk = start_kiosk(dwell=1.0, idle_seconds=5.0)
    window = kiosk.window
    assert not window.findChildren(QMenuBar) and window.windowFlags() & Qt.WindowType.FramelessWindowHint
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
    def title() -> str:  # the first stage's title, as its button names it (a new content builds a new view)
        return kiosk.window.view.controls.stages[0].accessibleName().rsplit(", stage", 1)[0]

    read_in_loop = []
    kiosk.watcher.changed.connect(lambda _content: read_in_loop.append(kiosk.loop.loops))
    seen = record_steps(kiosk, lambda: (kiosk.loop.loops, title()))
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["stages"][0]["title"] = "Germs get in"
    path.write_text(json.dumps(doc), encoding="utf-8")
    qtbot.waitUntil(lambda: bool(read_in_loop and seen) and seen[-1][1][0] > read_in_loop[0], timeout=60000)
    # Not in the middle of a loop: the rest of that loop keeps the old words, the next one has the new.
    assert {words for _, (loop, words) in seen if loop == read_in_loop[0]} == {"Infection"}
    assert {words for _, (loop, words) in seen if loop > read_in_loop[0]} == {"Germs get in"}
    with caplog.at_level(logging.WARNING):
        path.write_text('{"format": 1, "stages": [', encoding="utf-8")
        qtbot.waitUntil(lambda: "invalid" in caplog.text)
    assert ":1:" in caplog.text  # the problem, located
    loops = kiosk.loop.loops
    qtbot.waitUntil(lambda: kiosk.loop.loops > loops, timeout=60000)
    assert title() == "Germs get in"


def test_a_file_replaced_by_a_sync_tool_is_still_watched(qtbot, start_kiosk, write_content):
    path = write_content()
    kiosk = start_kiosk([load_content(path)], watch=path, dwell=1.0)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["stages"][1]["title"] = "Body-wide"
    temporary = path.with_name(".custom.json.tmp")
    temporary.write_text(json.dumps(doc), encoding="utf-8")
    with qtbot.waitSignal(kiosk.watcher.changed) as read:
        temporary.replace(path)  # written elsewhere, renamed over the old file
    assert read.args[0].stages[1].title == "Body-wide"


def test_a_missing_icon_is_drawn_as_a_placeholder_and_the_loop_goes_on(qtbot, start_kiosk, write_content, tmp_path):
    from conftest import copy_icon

    icon = copy_icon(tmp_path)
    # An item that lights no organ: the screen's picture is its icon.
    path = write_content(lambda d: next(i for i in d["risk_groups"]["items"] if i["id"] == "older-adults")
                         .update(icon="icons/lungs.svg"))
    content = load_content(path)
    icon.unlink()  # gone after the content was checked, e.g. a half-finished sync
    kiosk = start_kiosk([content], dwell=1.0)
    kiosk.window.select("older-adults")
    picture = kiosk.window.view.picture.icon
    assert picture.isVisible() and picture.pixmap() is not None and not picture.pixmap().isNull()
    image = picture.pixmap().toImage()
    assert any(image.pixelColor(x, image.height() // 2).alpha() for x in range(image.width()))
    seen = record_steps(kiosk)
    qtbot.waitUntil(lambda: len(seen) >= 2)  # and the loop goes on


def test_the_screen_going_away_and_coming_back_gives_a_full_screen_layout(qtbot, start_kiosk):
    from PySide6.QtGui import QGuiApplication

    kiosk = start_kiosk()
    window = kiosk.window
    window.showNormal()
    window.resize(640, 480)  # what a monitor switched off and on can leave behind
    kiosk.keeper.on_screens_changed()
    screen = QGuiApplication.primaryScreen().geometry()
    qtbot.waitUntil(lambda: window.isFullScreen() and window.geometry() == screen)
    assert window.view.message.header.title.font().pixelSize() >= 0.07 * 2160  # laid out for 4K again
    assert window.view.call.action.font().pixelSize() >= 0.045 * 2160


def test_burn_in_drift_moves_everything_a_few_pixels(start_kiosk):
    kiosk = start_kiosk()
    window = kiosk.window
    settle()

    def where():  # the top left corner of the title and of the call to action, in the window
        return [w.mapTo(window, QPoint(0, 0)) for w in (window.view.message.header.title, window.view.call)]

    start = where()
    offsets = []
    for _ in range(8):  # a whole cycle, a step every three minutes
        kiosk._next_drift()
        settle()
        moved = {(now.x() - then.x(), now.y() - then.y()) for now, then in zip(where(), start)}
        assert len(moved) == 1, moved  # everything moves together
        offsets.append(moved.pop())
    assert offsets == [(2, 1), (4, 2), (2, 3), (0, 4), (-2, 3), (-4, 2), (-2, 1), (0, 0)]
    assert all(abs(dx) <= 4 and abs(dy) <= 4 for dx, dy in offsets)  # a few pixels, never more


def test_reduced_motion_means_no_fade_and_no_moving_line(qtbot, start_kiosk):
    check_the_loop_keeps_still(qtbot, start_kiosk(dwell=1.0, reduced_motion=True))


def test_the_reduced_motion_check_sees_fades_and_a_moving_line(qtbot, start_kiosk):
    with pytest.raises(AssertionError):
        check_the_loop_keeps_still(qtbot, start_kiosk(dwell=1.0, reduced_motion=False))


def test_service_manager_hears_ready_and_watchdog_pings(qtbot, start_kiosk, tmp_path, monkeypatch):
    address = str(tmp_path / "notify.sock")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    listener.bind(address)
    monkeypatch.setenv("NOTIFY_SOCKET", address)
    monkeypatch.setenv("WATCHDOG_USEC", "100000")  # a ping every 50 ms
    listener.setblocking(False)
    heard = []

    def listen() -> list[bytes]:
        try:
            while True:
                heard.append(listener.recv(64))
        except BlockingIOError:
            return heard

    try:
        start_kiosk()
        assert listen()[:1] == [b"READY=1"]  # said as the loop starts
        qtbot.waitUntil(lambda: listen().count(b"WATCHDOG=1") >= 2)  # and then again and again
        assert set(heard) == {b"READY=1", b"WATCHDOG=1"} and heard.count(b"READY=1") == 1
    finally:
        listener.close()


def test_a_bad_custom_file_at_start_gives_bundled_content_and_a_warning(qtbot, write_content, start_kiosk, caplog):
    from sepsis_viewer.app import _kiosk_contents
    from sepsis_viewer.command_line import build_parser

    bad = write_content(lambda d: d["stages"][0].update(titel="x"))
    args = build_parser().parse_args(["--kiosk", "--content", str(bad)])
    contents, warning = _kiosk_contents(args)
    assert [c.path for c in contents] == [load_content().path] and str(bad) in warning
    said = []
    with caplog.at_level(logging.WARNING):
        # Whether the banner is up as the window first comes on (before a slow start could outlast it).
        kiosk = start_kiosk(contents, warning=warning,
                            before_start=lambda session: said.append(not session.window.banner.isHidden()))
    assert said == [True] and warning in kiosk.window.banner.text.text() and "/stages/0/titel" in caplog.text
    assert not kiosk.window.banner.dismiss.isVisible()  # no button on a screen nobody touches
    qtbot.waitUntil(lambda: not kiosk.window.banner.isVisible())  # then out of the way


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
