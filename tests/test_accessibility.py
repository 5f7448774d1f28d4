"""What a screen reader gets from the window, read through Qt's accessibility interfaces (offscreen).

The same things read through the real AT-SPI bus, as Orca reads them, are in test_atspi.py.
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAccessible, QImage
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from conftest import shown_desktop
from sepsis_viewer.colors import contrast_ratio
from sepsis_viewer.pages import first_sentence


class Announcement:
    """One announcement a screen reader was asked to make."""

    def __init__(self, event):
        self.message = event.message()
        self.polite = event.politeness() == QAccessible.AnnouncementPoliteness.Polite
        self.source = event.object()


@pytest.fixture
def announcements(monkeypatch):
    """The announcements made from now on, as Qt is asked to send them."""
    heard: list[Announcement] = []
    send = QAccessible.updateAccessibility

    def listen(event):
        if event.type() == QAccessible.Event.Announcement:
            heard.append(Announcement(event))
        send(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(listen))
    return heard


def press(qtbot, widget, key=Qt.Key.Key_Return):
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(widget, key)


def test_choosing_a_stage_speaks_its_title_and_first_sentence(qtbot, window, content, announcements):
    stage = content.stages[1]
    press(qtbot, window.diagram.nodes[1])
    assert [a.message for a in announcements] == [f"{stage.title}. {first_sentence(stage.body)}"]
    assert announcements[0].polite and announcements[0].source is window.diagram.nodes[1]


@pytest.mark.parametrize("step_id", ["risk_groups", "lungs", "children-share", "about", "numbers"])
def test_choosing_a_panel_an_item_a_chart_or_about_speaks_its_title(qtbot, window, announcements, step_id):
    window.select(step_id)
    page = window.detail.page
    assert len(announcements) == 1 and announcements[0].message.startswith(page.title)
    assert len(announcements[0].message) > len(page.title) + 10  # and a sentence after it


def test_a_window_that_opens_says_nothing_of_its_own(qtbot, content, announcements):
    from sepsis_viewer.ui.desktop.main_window import MainWindow

    window = MainWindow(content, remember_geometry=False)
    qtbot.addWidget(window)
    assert announcements == []


def test_first_sentence_takes_a_short_label_along():
    assert first_sentence("Bar chart. Cases fell. Deaths fell.") == "Bar chart. Cases fell."
    assert first_sentence("Sepsis is serious. Call now.") == "Sepsis is serious."
    assert first_sentence("¿Podría ser sepsis? Llame.") == "¿Podría ser sepsis?"


def interface(widget):
    return QAccessible.queryAccessibleInterface(widget)


def test_a_chosen_stage_is_the_selected_radio_button_of_its_group(qtbot, window):
    press(qtbot, window.diagram.nodes[2])
    for index, node in enumerate(window.diagram.nodes):
        told = interface(node)
        assert told.role() == QAccessible.Role.RadioButton
        assert told.state().checked == (index == 2) and told.state().checkable
    assert interface(window.diagram).role() == QAccessible.Role.Grouping
    assert interface(window.diagram).text(QAccessible.Text.Name) == window.diagram.accessibleName()
    assert interface(window.panels.cards["clotting"]).role() == QAccessible.Role.RadioButton


def test_panel_tabs_are_page_tabs_and_the_open_one_is_selected(qtbot, window):
    press(qtbot, window.panels.tabs["risk_groups"])
    for ident, tab in window.panels.tabs.items():
        told = interface(tab)
        assert told.role() == QAccessible.Role.PageTab
        assert told.state().selected == (ident == "risk_groups") and not told.state().checked
    row = interface(window.panels.tab_row)
    assert row.role() == QAccessible.Role.PageTabList and row.text(QAccessible.Text.Name) == "Topics"


def test_every_container_around_a_control_is_named_or_a_filler(window):
    window.panels.make_all_cards()
    for control in window.findChildren(QWidget):
        if not control.focusPolicy() & Qt.FocusPolicy.TabFocus or not control.isVisibleTo(window):
            continue
        told = interface(control).parent()
        while told is not None and told.role() != QAccessible.Role.Window:
            named = bool(told.text(QAccessible.Text.Name))
            assert named or told.role() == QAccessible.Role.Client, (control, told.role())
            told = told.parent()


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space], ids=["Return", "Enter", "Space"])
def test_enter_and_space_press_every_button_and_link(qtbot, window, key):
    window.select("numbers")
    press(qtbot, window.detail.links[0], key)
    assert window.tour.current.id == "cases-and-deaths"
    toggle = window.detail.chart.button
    press(qtbot, toggle, key)
    assert toggle.isChecked() and window.detail.chart.text.isVisibleTo(window)
    press(qtbot, window.cta.more, key)
    assert window.tour.current.id == "call-to-action"
    press(qtbot, window.header.about, key)
    assert window.detail.page.id == "about"
    window.show_warning("Something to dismiss")
    press(qtbot, window.banner.dismiss, key)
    assert not window.banner.isVisible()


def test_the_detail_is_one_text_a_reader_reads_in_order(qtbot, window, content):
    stage = content.stages[3]
    window.select(stage.id)
    told = interface(window.detail.text)
    assert told.role() == QAccessible.Role.EditableText and told.state().readOnly
    assert told.text(QAccessible.Text.Name) == stage.title
    words = told.textInterface().text(0, told.textInterface().characterCount())
    order = [stage.body, *stage.signs, stage.action]
    places = [words.find(part) for part in order]
    assert -1 not in places and places == sorted(places), places
    assert window.detail.text.height() >= window.detail.text.document().size().height()  # nothing hidden in it


def test_the_detail_text_takes_the_keyboard_and_its_caret_reads_line_by_line(qtbot, window, content):
    window.select("septic-shock")
    text = window.detail.text
    assert text.focusPolicy() & Qt.FocusPolicy.TabFocus
    text.setFocus(Qt.FocusReason.TabFocusReason)
    words = text.toPlainText()
    qtbot.keyClick(text, Qt.Key.Key_Down)
    assert text.textCursor().position() > 0
    qtbot.keyClicks(text, "xyz")  # nothing can be typed into it
    assert text.toPlainText() == words


@pytest.fixture
def multilingual(qtbot):
    """The desktop window as `main` makes it, with its language list (English, Spanish, French)."""
    from sepsis_viewer.app import create_window

    yield shown_desktop(qtbot, create_window(remember_geometry=False))
    from sepsis_viewer import strings

    strings.set_language("en")


def tab_cycle(qtbot, start) -> list:
    """The controls Tab reaches from `start` until it comes round to it again."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen = [start]
    for _ in range(80):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is start:
            return seen
        seen.append(QApplication.focusWidget())
    raise AssertionError("Tab never came back round")


def test_tab_goes_down_the_screen_header_first_and_the_links_right_after_the_detail(qtbot, multilingual):
    window = multilingual
    window.select("numbers")
    header = window.header
    expected = [header.numbers, header.about, header.language, *window.diagram.nodes,
                *window.panels.tabs.values(), *window.panels.pages["mechanisms"].cards,
                window.detail.text, *window.detail.links, *window.view.body_map.controls(), window.cta.more]
    assert tab_cycle(qtbot, header.numbers) == expected


def test_opening_a_chart_puts_the_keyboard_on_the_chart_not_back_at_the_start(qtbot, window):
    window.select("numbers")
    press(qtbot, window.detail.links[2])
    assert window.tour.current.id == "children-share"
    assert QApplication.focusWidget() is window.detail.chart.button


def test_a_page_change_under_the_keyboard_keeps_it_in_the_detail(qtbot, window):
    window.select("sepsis")
    window.detail.text.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.detail.page.id == "about" and QApplication.focusWidget() is window.detail.text


def test_about_keeps_the_keyboard_on_about(qtbot, window, announcements):
    press(qtbot, window.header.about)
    assert window.detail.page.id == "about" and QApplication.focusWidget() is window.header.about
    assert announcements[-1].message.startswith("About Sepsis Viewer.")


def test_a_language_switch_keeps_the_keyboard_on_the_language_list(qtbot, multilingual, announcements):
    window = multilingual
    window.select("sepsis")
    old = window.view
    press(qtbot, window.header.language, Qt.Key.Key_Down)  # Spanish, the next in the list
    assert window.view is not old and window.content.language == "es"
    assert QApplication.focusWidget() is window.header.language
    assert window.tour.current.id == "sepsis" and announcements[-1].message.startswith("Sepsis.")
    assert "sepsis" in announcements[-1].message.lower() and announcements[-1].message != announcements[0].message


def test_opening_a_content_file_keeps_the_keyboard_on_the_control_used(qtbot, window, write_content):
    press(qtbot, window.panels.tabs["risk_groups"])
    window.panels.cards["dialysis"].setFocus(Qt.FocusReason.TabFocusReason)
    assert window.open_content(write_content())
    assert QApplication.focusWidget() is window.panels.cards["dialysis"]
    assert window.panels.cards["dialysis"].window() is window


def test_the_language_list_is_labelled_by_a_visible_name(multilingual):
    header = multilingual.header
    assert header.language_label.isVisibleTo(multilingual) and header.language_label.buddy() is header.language
    told = interface(header.language)  # its name is the language shown; the label says what it is
    labels = [relation for relation, kind in told.relations() if kind & QAccessible.RelationFlag.Label]
    assert [label.text(QAccessible.Text.Name) for label in labels] == ["Language"]


def test_the_call_to_action_is_named_shortly_and_its_button_carries_the_number(window, content):
    name = interface(window.cta).text(QAccessible.Text.Name)
    assert len(name.split()) <= 8 and not any(sign in name for sign in content.call_to_action.signs)
    assert interface(window.cta.more).text(QAccessible.Text.Name) == "All warning signs and the number to call, 112"


def test_the_first_page_is_in_the_tab_order_too(qtbot, multilingual):
    cycle = tab_cycle(qtbot, multilingual.header.numbers)
    organs = multilingual.view.body_map.controls()
    assert cycle[-2 - len(organs):] == [multilingual.detail.text, *organs, multilingual.cta.more]


def _pixels(window, region):
    """The colours of a region of the window as rendered, as an array of rows of (b, g, r)."""
    import numpy as np

    image = window.grab(region).toImage().convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 4].reshape(image.height(), image.width(), 4)[:, :, :3].copy()


def ring_strength(window, control) -> float:
    """How much of the control's outline turns, when the keyboard comes to it, into a colour of at
    least 3:1 against what was there and against the control's background (its commonest colour):
    1.0 is as much as one solid pixel all round."""
    import numpy as np

    control.setFocus(Qt.FocusReason.TabFocusReason)  # first, so that anything it scrolls is scrolled
    area = control.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    if area is not None:
        area.ensureWidgetVisible(control)  # as Tab does
    shown = control.visibleRegion().boundingRect()  # a tall text scrolls: what of it is in view
    region = QRect(control.mapTo(window, shown.topLeft()), shown.size()).adjusted(-4, -4, 4, 4)
    control.clearFocus()
    before = _pixels(window, region)
    control.setFocus(Qt.FocusReason.TabFocusReason)
    after = _pixels(window, region)
    background = _hex(Counter(map(bytes, before.reshape(-1, 3))).most_common(1)[0][0])
    changed = np.any(before != after, axis=2)
    strong = 0
    for (b, a), count in Counter(zip(map(bytes, before[changed]), map(bytes, after[changed]))).items():
        if min(contrast_ratio(_hex(b), _hex(a)), contrast_ratio(background, _hex(a))) >= 3.0:
            strong += count
    return strong / (2 * (region.width() + region.height()))


def _hex(bgr: bytes) -> str:
    return "#" + bgr[::-1].hex()


def test_every_control_shows_a_focus_ring_of_at_least_3_to_1(qtbot, multilingual):
    window = multilingual
    window.show_warning("A warning, to have its Dismiss button")
    strengths = {}
    for page in ("numbers", "children-share"):  # the links, then the chart's button
        window.select(page)
        controls = [c for c in window.view.tab_order() if c.isVisibleTo(window)]
        qtbot.waitUntil(lambda: all(c.width() > 0 and c.height() > 0 for c in controls))  # laid out
        for control in controls:
            name = control.accessibleName() or getattr(control, "text", str)()
            strengths[f"{page}: {type(control).__name__} {name[:30]!r}"] = ring_strength(window, control)
    assert len(strengths) >= 35 and any("Show the chart" in name for name in strengths)
    assert {name: round(value, 2) for name, value in strengths.items() if value < 0.5} == {}


@pytest.fixture
def projector(qtbot, content):
    """The audience view and the presenter view of one presentation, side by side."""
    from sepsis_viewer.ui.projector.audience import AudienceView
    from sepsis_viewer.ui.projector.control import ProjectorController
    from sepsis_viewer.ui.projector.presenter import PresenterView
    from sepsis_viewer.ui.widgets.fonts import register_fonts

    controller = ProjectorController(content)
    audience = AudienceView(content, controller, register_fonts())
    presenter = PresenterView(controller, register_fonts(), audience)
    for view, x in ((audience, 0), (presenter, 1300)):
        qtbot.addWidget(view)
        view.setGeometry(x, 0, 1280, 720)
        view.show()
        qtbot.waitExposed(view)
    return audience, presenter


def in_front(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_the_audience_view_announces_each_new_slide_by_its_title(qtbot, projector, content, announcements):
    audience, presenter = projector
    presenter.hide()  # one screen, no notes window
    in_front(qtbot, audience)
    qtbot.keyClick(audience, Qt.Key.Key_Home)  # already at the first slide: nothing new to say
    qtbot.keyClick(audience, Qt.Key.Key_PageDown)
    assert [(a.message, a.polite, a.source) for a in announcements] == [(content.stages[0].title, True, audience)]
    audience.resize(1000, 700)  # laid out again: the same slide, nothing to say
    qtbot.keyClick(audience, Qt.Key.Key_B)  # a black screen is not a new slide
    assert len(announcements) == 1


def test_the_presenter_view_announces_the_slide_and_how_its_notes_begin(qtbot, projector, content, announcements):
    audience, presenter = projector
    in_front(qtbot, audience)  # the keys may go to either window
    qtbot.keyClick(audience, Qt.Key.Key_PageDown)
    stage = content.stages[0]
    assert [a.message for a in announcements] == [f"{stage.title}. {first_sentence(stage.notes)}"]
    assert announcements[0].source is presenter and announcements[0].polite  # and not the audience view too


