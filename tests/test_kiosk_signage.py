"""The waiting room as signage, screen by screen: type read from the chairs, nothing cut off or
scrolling, no control while it loops, some forty words at most, the call to action and the
clinic's panel in fixed places; and what a visitor who touches it gets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from conftest import settle
from signage_check import in_view, screen_problems, visible_labels
from sepsis_viewer.paths import data_dir
from sepsis_viewer.ui.kiosk.signage_type import TOUCH_SHARE
from test_cli import main_here  # noqa: F401 (a fixture: main run in this process)
from test_kiosk_clinic import start_clinic  # noqa: F401 (a fixture: the waiting room a clinic's file sets up)

SIZES = [(1920, 1080), (1080, 1920), (1280, 720), (3840, 2160)]
EXAMPLE = data_dir("resources") / "kiosk" / "example.toml"


@pytest.fixture
def signage(start_clinic):
    """A waiting room set up as the example file does (the clinic's message and QR code), in one
    language, at a size, open whatever the time; its loop stands still until the test moves it."""

    def start(size, language="en", **overrides):
        options = {"emergency_number": "112", "languages": (language,), "dwell": 3600, "hours": None, **overrides}
        session = start_clinic(EXAMPLE, size=size, **options)
        session.loop.start()  # from the beginning, at this size
        return session

    return start


def walk_a_loop(session, check) -> list[tuple[str, int]]:
    """Every screen of one loop, as the loop itself steps through them: check(window) on each."""
    window, loop, screens = session.window, session.loop, []
    first = loop.loops
    while loop.loops == first:
        settle()  # as a person sees it, once it is still
        screens.append((window.tour.current.id, window.part))
        assert len(screens) < 1000, "the loop goes back on itself"  # fail, not hang
        check(window)
        loop.advance()
    return screens


LOOPS = [pytest.param(size, "en", id=f"{size[0]}x{size[1]}") for size in SIZES] + [
    pytest.param((1080, 1920), "fr", id="1080x1920-fr"), pytest.param((1280, 720), "es", id="1280x720-es")]


@pytest.mark.parametrize(("size", "language"), LOOPS)
def test_every_screen_of_a_loop_reads_from_across_the_room(signage, size, language):
    session = signage(size, language)
    window, clinic = session.window, session.window.clinic
    problems, places, maps = [], [], []

    def check(window):
        problems.extend(f"{window.tour.current.id}#{window.part + 1}: {p}" for p in screen_problems(window))
        places.append((clinic.mapTo(window, QPoint(0, 0)), clinic.size().toTuple(), clinic.isVisible()))
        body = window.view.picture.body
        if body.isVisible():
            maps.append(body.map.drawing_rect().height())

    loops = session.loop.loops
    screens = walk_a_loop(session, check)
    assert problems == []
    # Every part of every step, in order, and round to the start.
    steps = [step.id for step in window.tour.steps]
    assert [step for step, part in screens if part == 0] == steps
    assert session.loop.loops == loops + 1 and (window.tour.current.id, window.part) == ("overview", 0)
    # The clinic's message and code in one place throughout (but for the drift against burn-in,
    # a few pixels); the body map the main picture.
    assert {(size, shown) for _, size, shown in places} == {(places[0][1], True)}
    assert all((where - places[0][0]).manhattanLength() <= 8 for where, _, _ in places)
    assert min(maps) >= 0.3 * min(size)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_a_visitor_explores_in_the_same_large_type_with_big_controls_that_work(qtbot, signage, size):
    session = signage(size)
    window, view = session.window, session.window.view
    controls = view.controls
    assert not controls.isVisible()
    from test_kiosk import tap

    tap(qtbot, view.message)
    qtbot.waitUntil(controls.isVisible)
    touch = TOUCH_SHARE * min(size)  # 60 px on a 1080-line screen
    for button in controls.buttons():
        assert in_view(window, button) and button.height() >= touch and button.width() >= touch, button.accessibleName()
    assert [b.accessibleName() for b in controls.buttons()][:2] == ["Previous", "Next"]
    settle()
    assert screen_problems(window, looping=False) == []  # the same type, nothing cut off
    assert min(label.font().pixelSize() for label in visible_labels(window, controls)) >= 0.045 * min(size)

    def screen():
        return window.tour.current.id, window.part

    assert screen() == ("overview", 0)
    tap(qtbot, controls.next)
    assert screen() == ("overview", 1)
    tap(qtbot, controls.previous)
    tap(qtbot, controls.previous)  # from the very first screen, round to the last
    assert screen() == ("call-to-action", window.parts() - 1)
    tap(qtbot, controls.stages[2])
    assert screen() == ("severe-sepsis", 0) and controls.stages[2].isChecked()
    assert not any(b.isChecked() for b in controls.stages if b is not controls.stages[2])
    settle()
    assert screen_problems(window, looping=False) == []
    # An organ on the map opens the step that explains it.
    body_map = view.picture.body.map
    lungs = body_map.organ_rect("UBERON_0002048").center().toPoint()
    assert body_map.organ_at(lungs) == "UBERON_0002048"
    qtbot.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=body_map.mapTo(window, lungs))
    assert screen() == ("lungs", 0)


@pytest.mark.parametrize(("size", "language"), LOOPS)
def test_every_screen_fits_while_a_visitor_explores(qtbot, signage, size, language):
    session = signage(size, language, idle=3600)
    window = session.window
    session.loop.on_input()  # a visitor: the controls show, the words have less room
    qtbot.waitUntil(window.view.controls.isVisible)
    problems, count = [], sum(1 for _ in window.tour.steps)
    while True:
        settle()
        problems += [f"{window.tour.current.id}#{window.part + 1}: {p}" for p in screen_problems(window, looping=False)]
        window.view.next_screen()
        if (window.tour.current.id, window.part) == ("overview", 0):
            break
    assert problems == [] and count


def test_idle_brings_the_loop_back_without_the_controls(qtbot, signage):
    session = signage((1920, 1080), idle=5.0)  # 50 ms here
    window = session.window
    session.loop.countdown_seconds = 2
    from test_kiosk import tap

    tap(qtbot, window.view.message)
    qtbot.waitUntil(window.view.controls.isVisible)
    qtbot.waitUntil(window.countdown.isVisible)
    settle()
    assert screen_problems(window, looping=False) == []  # the countdown sits over the picture, not the words
    qtbot.waitUntil(lambda: not session.loop.paused)
    assert not window.view.controls.isVisible() and not window.countdown.isVisible()
    assert (window.tour.current.id, window.part) == ("overview", 0)
    settle()
    assert screen_problems(window) == []


def test_the_charts_are_left_out_of_the_loop_and_their_figures_are_in_words(content):
    from sepsis_viewer.tour import StepKind, build_tour
    from sepsis_viewer.ui.kiosk.sign_page import signage_steps

    steps = signage_steps(content)
    assert [s.id for s in steps] == [s.id for s in build_tour(content) if s.kind != StepKind.CHART]
    assert content.numbers.charts and not any(s.kind == StepKind.CHART for s in steps)
    assert any(s.id == "numbers" for s in steps)


def test_time_on_a_screen_follows_its_words(signage, content):
    from sepsis_viewer.pages import DWELL_RANGE, dwell_seconds, page_for
    from sepsis_viewer.tour import build_tour

    low, high = DWELL_RANGE
    dwells = {s.id: dwell_seconds(page_for(content, s.id)) for s in build_tour(content)}
    assert all(low <= d <= high for d in dwells.values())
    assert dwells["sepsis-before"] < dwells["septic-shock"]
    assert dwell_seconds(page_for(content, "lungs"), override=3.0) == 3.0
    # The loop's time on a screen is reckoned from the words on that screen, not the whole page's.
    window = signage((1920, 1080)).window
    window.select("septic-shock")
    assert window.parts() > 1
    for part in range(window.parts()):
        window.view.show_part(part)
        page = window.screen_page()
        assert all(block.text in " ".join(window.view.message.texts()) for block in page.blocks)
        assert dwell_seconds(page) < dwells["septic-shock"]


def test_a_warning_for_the_staff_takes_room_of_its_own_and_covers_nothing(signage):
    session = signage((1280, 720))
    window = session.window
    warning = ("The configuration file could not be used, so the waiting room runs with its defaults. "
               "/etc/sepsis-viewer/waiting-room.toml:2:1: idle: not a number of seconds")
    problems = []

    def check(window):
        """On each screen of a loop: the warning comes (the screen split again for the room
        left), and goes (the room given back, and the same screen as before)."""
        room, screen = window.view.room(), (window.tour.current.id, window.part)
        window.show_warning(warning)
        settle()
        assert window.banner.isVisible() and not window.banner.dismiss.isVisible()
        assert window.view.room()[1] < room[1]
        problems.extend(f"{window.tour.current.id}#{window.part + 1} warned: {p}" for p in screen_problems(window))
        window.banner.hide()
        settle()
        assert window.view.room() == room and (window.tour.current.id, window.part) == screen
        problems.extend(f"{window.tour.current.id}#{window.part + 1}: {p}" for p in screen_problems(window))

    walk_a_loop(session, check)
    assert problems == []


SCREENSHOTS = [("1280x720", "es", "call-to-action#2", ("call-to-action", 1)),
               ("1080x1920", "fr", "septic-shock#3", ("septic-shock", 2)),
               ("3840x2160", "en", "numbers#99", ("numbers", -1))]


def test_a_screenshot_of_a_screen_is_that_screen_laid_out_as_the_loop_shows_it(main_here, monkeypatch, tmp_path):
    """`--select ID#N` (see the README): the Nth screen at the screenshot's size, nothing cut off,
    however the window's first layout settles."""
    from sepsis_viewer.ui.widgets import screenshot

    seen, real = [], screenshot.save_screenshot

    def save_and_check(window, out, size):
        try:
            picture = real(window, out, size)
            last = window.part == window.parts() - 1
            seen.append(((window.tour.current.id, -1 if last and window.part > 2 else window.part),
                         screen_problems(window)))
        finally:
            window.hide()  # gone, as with the process that would have ended here
            window.deleteLater()
        return picture

    monkeypatch.setattr(screenshot, "save_screenshot", save_and_check)
    for size, language, select, _ in SCREENSHOTS:
        assert main_here(["--kiosk", "--config", str(EXAMPLE), "--lang", language, "--screenshot",
                          str(tmp_path / "k.png"), "--size", size, "--select", select]) == 0
    assert seen == [(screen, []) for *_, screen in SCREENSHOTS]


def test_the_words_cap_cuts_a_paragraph_between_its_sentences():
    from sepsis_viewer.pages import BlockKind
    from sepsis_viewer.ui.widgets.pagination import Unit, capped, joined, sentences

    text = "Sepsis is serious. It can be treated, e.g. with antibiotics. « Ask now. » Then wait."
    assert sentences(text) == ["Sepsis is serious.", "It can be treated, e.g. with antibiotics.", "« Ask now. »",
                               "Then wait."]
    pieces = capped([Unit(BlockKind.TEXT, text)], budget=8)
    assert [p.joins for p in pieces] == [False, True, True, True]
    assert joined(pieces) == [Unit(BlockKind.TEXT, text)]  # on one screen, one paragraph again
    long = " ".join(f"w{i}," for i in range(30)) + " end."
    assert all(len(p.text.split()) <= 8 for p in capped([Unit(BlockKind.TEXT, long)], budget=8))


def test_the_signage_colours_are_the_projectors_seven_to_one(signage):
    from sepsis_viewer.colors import contrast_ratio
    from sepsis_viewer.ui.widgets.theme import PROJECTOR, PROJECTOR_TEXT_CONTRAST

    session = signage((1920, 1080))
    assert session.window.view._palette is PROJECTOR
    p = PROJECTOR
    pairs = [(p.text, p.window), (p.muted, p.window), (p.cta_text, p.cta_background), (p.accent_text, p.accent),
             (p.warning_text, p.warning_background), (p.text, p.surface)]
    pairs += [(p.accent_text, p.stage_colour(n)) for n in range(1, 5)] + [(p.text, p.tint(p.stage_colour(n)))
                                                                          for n in range(1, 5)]
    assert all(contrast_ratio(fg, bg) >= PROJECTOR_TEXT_CONTRAST for fg, bg in pairs)


def test_the_checks_see_what_they_are_to_find(qtbot):
    """The screen checks above fail on what they look for: a control, a scroll, small type."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

    from signage_check import control_problems, scroll_problems, type_problems

    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    layout = QVBoxLayout(window)
    button = QPushButton("Next", window)
    area = QScrollArea(window)
    page = QLabel("\n".join(["line"] * 200))
    area.setWidget(page)
    small = QLabel("small print", window)
    small.setProperty("textRole", "small")
    font = QFont()
    font.setPixelSize(20)  # under 3% of 1080
    small.setFont(font)
    for widget in (button, area, small):
        layout.addWidget(widget)
    window.show()
    settle()
    assert any("QPushButton" in p for p in control_problems(window))
    assert any("scrolls" in p or "scroll bar" in p for p in scroll_problems(window))
    assert any("small print" in p for p in type_problems(window))


@pytest.mark.parametrize("step_id", ["lungs", "septic-shock", "overview"])
def test_on_a_portrait_screen_the_map_takes_the_height_of_its_band(signage, step_id):
    """The band under the words is tall: the map is drawn as large as its height allows (the caption
    beside it keeps a column), not small over empty room."""
    session = signage((1080, 1920))
    window = session.window
    window.select(step_id)
    settle()
    picture = window.view.picture
    drawn = picture.body.map.drawing_rect()
    caption = picture.body.caption
    assert caption.isVisibleTo(window) and caption.geometry().width() >= 0.3 * picture.width()
    # The band's height limits the map (it is drawn as tall as its margins allow), or else the
    # column the caption keeps does.
    limited_by_height = drawn.height() >= 0.9 * picture.height()
    limited_by_caption = picture.body.map.width() >= 0.6 * picture.width()
    assert limited_by_height or limited_by_caption, (drawn, picture.size())
