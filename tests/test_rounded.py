"""The rounded panels are drawn by hand, in the palette's colours, with no style sheet behind them."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QComboBox, QPushButton, QWidget

from sepsis_viewer.ui.widgets.theme import DESKTOP


def _pixel(widget: QWidget, x: int, y: int) -> str:
    return widget.grab().toImage().pixelColor(x, y).name().upper()


def test_the_call_to_action_is_a_dark_panel_with_light_words(window):
    cta = window.cta
    assert _pixel(cta, cta.width() // 2, 2) == DESKTOP.cta_background.upper()
    for label in (cta.signs_title, cta.signs, cta.source, cta.action):
        assert label.palette().color(QPalette.ColorRole.WindowText) == QColor(DESKTOP.cta_text)


def test_the_detail_sits_on_a_white_card_with_a_grey_edge(window):
    frame = window.detail.parentWidget()
    middle = frame.width() // 2
    assert _pixel(frame, middle, 0) == DESKTOP.border.upper()
    assert _pixel(frame, middle, 3) == DESKTOP.surface.upper()
    assert frame.contentsMargins().top() == 1  # the words stay inside the edge


def test_the_sepsis_3_note_has_an_accent_edge(window):
    note = window.diagram.note
    assert _pixel(note, note.width() // 2, 0) == DESKTOP.accent.upper()
    assert _pixel(note, note.width() // 2, 4) == DESKTOP.surface.upper()


def test_each_stage_number_sits_on_its_stage_colour(window):
    for number, node in enumerate(window.diagram.nodes, start=1):
        badge = node.number
        assert _pixel(badge, 2, badge.height() // 2) == DESKTOP.stage_colour(number).upper()
        assert badge.palette().color(QPalette.ColorRole.WindowText) == QColor(DESKTOP.accent_text)


def test_the_warning_banner_is_a_yellow_panel(qtbot, window):
    window.show_warning("A warning")
    qtbot.waitUntil(window.banner.isVisible)
    banner = window.banner
    assert _pixel(banner, banner.width() // 2, 0) == DESKTOP.warning_border.upper()
    assert _pixel(banner, banner.width() // 2, 4) == DESKTOP.warning_background.upper()


def test_only_buttons_and_the_language_list_use_style_sheets(window):
    """A style sheet sends a widget and all inside it through Qt's slower style-sheet engine."""
    styled = [w for w in window.findChildren(QWidget) if w.styleSheet()]
    assert styled and all(isinstance(w, (QPushButton, QComboBox)) for w in styled)
