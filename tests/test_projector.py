"""Projector mode on one screen, driven as a teacher drives it: keys, a two-button clicker, overlays."""

from __future__ import annotations

import itertools
import logging

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QLabel

from conftest import settle
from layout_check import label_problems, overlap_problems
from sepsis_viewer.colors import contrast_ratio
from sepsis_viewer.pages import page_for
from sepsis_viewer.ui.projector.audience import canvas_rect
from sepsis_viewer.ui.projector.control import BLACK, HELP, OVERVIEW, WHITE, ZOOM
from sepsis_viewer.ui.widgets.theme import (
    HEADING_ROLES,
    MIN_HEADING_FRACTION,
    MIN_TEXT_FRACTION,
    PROJECTOR,
    PROJECTOR_TEXT_CONTRAST,
    contrast_pairs,
)

K = Qt.Key


def press(qtbot, view, key, text=""):
    qtbot.keyClick(view, key) if not text else qtbot.keyClicks(view, text)


def shown(view) -> str:
    return "\n".join(l.text() for l in view.findChildren(QLabel) if l.isVisibleTo(view) and l.text())


def slide_title(view) -> str:
    return view.slide.header.title.text()


@pytest.mark.parametrize("key", [K.Key_PageDown, K.Key_Right, K.Key_Down, K.Key_Space, K.Key_Return, K.Key_Enter])
def test_next_keys(qtbot, audience, content, key):
    qtbot.keyClick(audience, key)
    assert audience.controller.step.id == "infection" and slide_title(audience) == "Infection"


@pytest.mark.parametrize("key", [K.Key_PageUp, K.Key_Left, K.Key_Up, K.Key_Backspace])
def test_previous_keys(qtbot, audience, key):
    audience.controller.select("sepsis")
    qtbot.keyClick(audience, key)
    step = audience.controller.step
    assert step.id == "infection" and audience.controller.part == audience.controller.parts(step) - 1


def test_home_and_end(qtbot, audience, content):
    qtbot.keyClick(audience, K.Key_End)
    c = audience.controller
    assert c.step.id == "call-to-action" and c.slide_index() == c.slide_count() - 1
    assert content.call_to_action.action() in slide_title(audience)
    qtbot.keyClick(audience, K.Key_Home)
    assert c.slide_index() == 0 and slide_title(audience) == content.intro.heading


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_number_keys_jump_to_a_stage(qtbot, audience, content, number):
    qtbot.keyClick(audience, getattr(K, f"Key_{number}"))
    assert slide_title(audience) == content.stages[number - 1].title
    chips = audience.band.chips
    assert chips[number - 1].current and sum(chip.current for chip in chips) == 1


@pytest.mark.parametrize("key, overlay", [(K.Key_B, BLACK), (K.Key_Period, BLACK), (K.Key_W, WHITE),
                                          (K.Key_Comma, WHITE)])
def test_black_and_white_screens_and_any_key_returns(qtbot, audience, key, overlay):
    audience.controller.select("sepsis")
    qtbot.keyClick(audience, key)
    assert audience.controller.overlay == overlay and audience.blank.isVisible()
    colour = audience.blank.grab().toImage().pixelColor(10, 10).name()
    assert colour == ("#000000" if overlay == BLACK else "#ffffff")
    assert audience.blank.geometry() == audience.rect()  # the whole screen, letterbox included
    qtbot.keyClick(audience, K.Key_PageDown)  # returns, and does not move on
    assert audience.controller.overlay is None and not audience.blank.isVisible()
    assert audience.controller.step.id == "sepsis" and audience.controller.part == 0


def test_help_overview_and_zoom(qtbot, audience, content):
    qtbot.keyClicks(audience, "?")
    assert audience.controller.overlay == HELP and audience.body.currentWidget() is audience.help
    assert "black / white screen" in shown(audience)
    qtbot.keyClick(audience, K.Key_Escape)
    assert audience.controller.overlay is None
    qtbot.keyClick(audience, K.Key_O)
    assert audience.body.currentWidget() is audience.overview
    text = shown(audience)
    for panel in content.panels:
        assert panel.title in text and all(item.title in text for item in panel.items)
    assert all(chip.revealed for chip in audience.band.chips)
    qtbot.keyClick(audience, K.Key_O)
    audience.controller.select("lungs")
    qtbot.keyClick(audience, K.Key_Z)
    assert audience.zoom.isVisible() and audience.zoom.title.text() == "Lungs"
    assert audience.zoom.title.font().pixelSize() >= 0.1 * audience.height()
    qtbot.keyClick(audience, K.Key_Z)
    assert not audience.zoom.isVisible() and audience.controller.step.id == "lungs"


def test_double_click_zooms(qtbot, audience):
    audience.controller.select("septic-shock")
    qtbot.mouseDClick(audience, Qt.MouseButton.LeftButton, pos=audience.rect().center())
    assert audience.controller.overlay == ZOOM and audience.zoom.title.text() == "Septic shock"


def test_a_two_button_clicker_walks_the_whole_tour(qtbot, audience, content):
    c = audience.controller
    seen_steps, slides = [], 0
    while True:
        step = c.step
        if not seen_steps or seen_steps[-1] != step.id:
            seen_steps.append(step.id)
        assert slide_title(audience) == page_for(content, step.id).title
        chart = audience.slide.chart
        assert (chart is not None and chart.isVisibleTo(audience)) == (step.kind == "chart"), step.id
        slides += 1
        before = c.slide_index()
        qtbot.keyClick(audience, K.Key_PageDown)
        if c.slide_index() == before:
            break
    assert seen_steps == [s.id for s in c.position.steps]
    assert slides == c.slide_count()
    # Each stage, each panel and its items, the numbers and the call to action are on the way.
    for ident in ["infection", "septic-shock", "mechanisms", "clotting", "risk_groups", "dialysis", "numbers",
                  *(chart.id for chart in content.numbers.charts), "call-to-action"]:
        assert ident in seen_steps
    for _ in range(slides - 1):
        qtbot.keyClick(audience, K.Key_PageUp)
    assert c.slide_index() == 0


def test_every_word_of_a_split_page_is_shown_once(qtbot, audience, content):
    audience.resize(1024, 768)
    c = audience.controller
    c.select("numbers")
    assert c.parts(c.step) > 1
    texts = []
    for _ in range(c.parts(c.step)):
        texts += [l.text() for l in audience.slide.findChildren(QLabel)
                  if l.isVisibleTo(audience.slide) and l.text() != "•"]
        qtbot.keyClick(audience, K.Key_PageDown)
    for figure in content.figures:
        assert sum(figure.text in t for t in texts) == 1, texts


def test_stages_are_revealed_one_by_one(qtbot, audience):
    chips = audience.band.chips
    assert not any(chip.revealed for chip in chips)
    assert not any(chip.title.isVisibleTo(audience) for chip in chips)
    for revealed in range(1, 5):
        qtbot.keyClick(audience, K.Key_PageDown)
        while audience.controller.part:
            qtbot.keyClick(audience, K.Key_PageDown)
        assert [chip.revealed for chip in chips] == [i < revealed for i in range(4)]
    audience.controller.select("lungs")
    assert all(chip.revealed for chip in chips) and not any(chip.current for chip in chips)


SIZES = [(1024, 768), (1400, 1050), (1920, 1080), (2560, 1080), (3840, 2160)]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_no_text_is_smaller_than_the_screen_allows_and_nothing_is_clipped(qtbot, audience, size):
    width, height = size
    audience.resize(width, height)
    c = audience.controller
    c.first()
    views = []
    while True:
        views.append((c.step.id, c.part, None))
        if not c.next():
            break
    c.select("sepsis")
    views += [("sepsis", 0, HELP), ("sepsis", 0, OVERVIEW), ("septic-shock", 0, ZOOM)]
    for step_id, part, overlay in views:
        c.select(step_id)
        c.part = part
        c.set_overlay(overlay)
        settle()
        labels = [l for l in audience.findChildren(QLabel) if l.isVisibleTo(audience) and l.text()]
        assert labels
        for label in labels:
            px = label.font().pixelSize()
            assert px >= MIN_TEXT_FRACTION * height, (step_id, label.text(), px)
            if label.property("textRole") in HEADING_ROLES:
                assert px >= MIN_HEADING_FRACTION * height
        assert label_problems(audience) == [], (step_id, part, overlay)
        assert overlap_problems(audience) == [], (step_id, part, overlay)


def test_headings_are_at_least_five_percent(audience):
    audience.resize(1024, 768)
    audience.controller.select("clotting")
    assert audience.slide.header.title.font().pixelSize() >= 0.05 * 768


@pytest.mark.parametrize("pair", contrast_pairs(PROJECTOR, PROJECTOR_TEXT_CONTRAST),
                         ids=lambda p: p.name)
def test_projector_colours_meet_their_contrast(pair):
    assert contrast_ratio(pair.foreground, pair.background) >= pair.minimum


def _projector_text_pairs():
    """Every colour the projector writes words in, on every colour it writes them on: listed here,
    from the palette's fields, not from the app's own list of pairs."""
    p = PROJECTOR
    pairs = [("text", p.text, p.window), ("text on a card", p.text, p.surface),
             ("muted", p.muted, p.window), ("muted on a card", p.muted, p.surface),
             ("text on the selection", p.text, p.accent_tint), ("muted on the selection", p.muted, p.accent_tint),
             ("chosen panel", p.accent_text, p.accent), ("call to action", p.cta_text, p.cta_background),
             ("warning", p.warning_text, p.warning_background)]
    for number, colour in enumerate(p.stage_ramp, start=1):
        pairs += [(f"stage {number} number", p.accent_text, colour),
                  (f"stage {number} text when selected", p.text, p.tint(colour)),
                  (f"stage {number} muted when selected", p.muted, p.tint(colour))]
    return pairs


PROJECTOR_TEXT = _projector_text_pairs()


@pytest.mark.parametrize("name, foreground, background", PROJECTOR_TEXT, ids=[name for name, _, _ in PROJECTOR_TEXT])
def test_projector_text_meets_7_to_1(name, foreground, background):
    # WCAG's enhanced contrast (AAA) for text; test_theme checks the arithmetic against known pairs.
    assert contrast_ratio(foreground, background) >= 7.0


@pytest.mark.parametrize("screen, slide", [
    ((1920, 1080), (0, 0, 1920, 1080)),
    ((1024, 768), (0, 0, 1024, 768)),
    ((2560, 1080), (320, 0, 1920, 1080)),  # 21:9: bars left and right
    ((1280, 1024), (0, 32, 1280, 960)),  # 5:4: bars top and bottom
])
def test_slides_are_letterboxed_not_clipped(screen, slide):
    rect = canvas_rect(*screen)
    assert (rect.x(), rect.y(), rect.width(), rect.height()) == slide


def test_cursor_hides_when_still_and_returns_when_moved(qtbot, audience):
    from sepsis_viewer.ui.widgets.cursor import CursorHider

    view = audience
    shapes = []  # the pointer over the view, each time it changes

    class Watch(QObject):
        def eventFilter(self, watched, event):  # noqa: N802
            if event.type() == QEvent.Type.CursorChange:
                shapes.append(view.cursor().shape())
            return False

    watch = Watch()
    view.installEventFilter(watch)
    hider = CursorHider(view, seconds=2.0)  # 20 ms with the tests' time scale
    qtbot.waitUntil(lambda: hider.hidden)
    qtbot.mouseMove(view, QPoint(100, 100))
    qtbot.mouseMove(view, QPoint(120, 110))
    qtbot.waitUntil(lambda: hider.hidden)
    view.removeEventFilter(watch)
    # Hidden when still, back the moment the mouse moves, hidden again once it is still.
    blank, arrow = Qt.CursorShape.BlankCursor, Qt.CursorShape.ArrowCursor
    assert [shape for shape, _ in itertools.groupby(shapes)] == [blank, arrow, blank]


def test_escape_leaves_full_screen_and_never_quits(qtbot, content):
    from sepsis_viewer.ui.projector.session import ProjectorSession

    session = ProjectorSession(content)
    for window in session.windows:
        qtbot.addWidget(window)
    session.start()
    audience = session.audience
    qtbot.waitUntil(audience.isFullScreen)
    assert not session.presenter.isVisible()  # one screen: notes only on request
    qtbot.keyClick(audience, K.Key_Escape)
    assert not audience.isFullScreen() and audience.isVisible()
    qtbot.keyClick(audience, K.Key_Escape)
    assert audience.isVisible()
    qtbot.keyClick(audience, K.Key_F5)
    assert audience.isFullScreen()
    qtbot.keyClick(audience, K.Key_F)
    assert not audience.isFullScreen()
    qtbot.keyClick(audience, K.Key_F)
    assert audience.isFullScreen()
    session.stop()


def test_s_toggles_the_notes_window_on_one_screen(qtbot, content):
    from sepsis_viewer.ui.projector.session import ProjectorSession

    session = ProjectorSession(content)
    for window in session.windows:
        qtbot.addWidget(window)
    session.start()
    qtbot.keyClick(session.audience, K.Key_S)
    presenter = session.presenter
    assert presenter.isVisible() and not presenter.isFullScreen()
    assert content.intro.notes in presenter.notes.text()
    qtbot.keyClick(presenter, K.Key_PageDown)  # keys on the notes window drive the slides too
    assert session.controller.step.id == "infection"
    assert content.stages[0].notes in presenter.notes.text()
    assert "Next: Sepsis" in presenter.next.text()
    qtbot.keyClick(presenter, K.Key_S)
    assert not presenter.isVisible()
    session.stop()


def test_screensaver_inhibition_without_a_bus_logs_and_carries_on(caplog):
    from PySide6.QtDBus import QDBusConnection

    from sepsis_viewer.ui.widgets.inhibit import ScreenSaverInhibitor

    inhibitor = ScreenSaverInhibitor("Sepsis Viewer", "Presenting",
                                     bus=QDBusConnection.connectToBus("unix:path=/nonexistent", "nobus"))
    with caplog.at_level(logging.INFO, logger="sepsis_viewer.ui.widgets.inhibit"):
        assert inhibitor.inhibit() is False
    assert not inhibitor.active and "xset s off -dpms" in caplog.text
    inhibitor.release()  # harmless


def test_screensaver_is_inhibited_and_released_where_the_service_answers(monkeypatch):
    from PySide6.QtDBus import QDBusMessage

    from sepsis_viewer.ui.widgets import inhibit

    calls = []

    class Reply:
        def __init__(self, args):
            self._args = args

        def type(self):
            return QDBusMessage.MessageType.ReplyMessage

        def arguments(self):
            return self._args

    class FakeInterface:
        def __init__(self, service, path, interface, bus):
            calls.append(("connect", service, path, interface))

        def isValid(self):
            return True

        def call(self, method, *args):
            calls.append((method, *args))
            return Reply([4242])

    class FakeBus:
        def isConnected(self):
            return True

    monkeypatch.setattr(inhibit, "QDBusInterface", FakeInterface)
    inhibitor = inhibit.ScreenSaverInhibitor("Sepsis Viewer", "Presenting", bus=FakeBus())
    assert inhibitor.inhibit() and inhibitor.cookie == 4242
    inhibitor.release()
    inhibitor.release()
    assert calls == [("connect", "org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
                      "org.freedesktop.ScreenSaver"), ("Inhibit", "Sepsis Viewer", "Presenting"),
                     ("UnInhibit", 4242)]


def test_every_slide_hedges_a_guessed_number_where_the_call_has_room_for_it(qtbot, audience):
    """Where the number is only a guess, the footer adds "or your local emergency number" beside
    the call, and leaves it out rather than push the call onto a second line."""
    from sepsis_viewer import strings
    from sepsis_viewer.setting import Setting
    from sepsis_viewer.ui.projector.audience import AudienceView
    from sepsis_viewer.ui.projector.control import ProjectorController
    from sepsis_viewer.ui.widgets.fonts import register_fonts

    def one_line(footer) -> bool:
        return footer.action.height() < 2 * footer.action.fontMetrics().lineSpacing()

    note = audience.content.call_to_action.emergency_note
    assert note and audience.footer.note.text() == note
    settle()
    assert audience.footer.note.isVisibleTo(audience) and one_line(audience.footer)
    # The French call fills a 1024x768 slide's footer: the note gives way, the call stays whole.
    french = Setting("fr").bundled()
    strings.set_language("fr")
    view = AudienceView(french, ProjectorController(french), register_fonts())
    qtbot.addWidget(view)
    view.resize(1024, 768)
    view.show()
    settle()
    assert view.footer.note.text() == french.call_to_action.emergency_note != ""
    assert not view.footer.note.isVisibleTo(view) and one_line(view.footer)
    view.resize(1920, 1080)
    settle()
    assert view.footer.note.isVisibleTo(view) and one_line(view.footer)
