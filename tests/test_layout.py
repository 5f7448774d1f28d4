"""The layout holds from 1024x768 to 3840x2160: nothing clipped, elided or overlapping."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from conftest import settle
from layout_check import label_problems, overlap_problems

SIZES = [(1024, 768), (1280, 720), (1366, 768), (1920, 1080), (2560, 1440), (3840, 2160)]
VIEWS = ["overview", "infection", "septic-shock", "mechanisms", "infection_sources", "bloodstream-lines",
         "risk_groups", "pregnancy", "numbers", "cases-and-deaths", "children-share", "call-to-action", "about"]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("view", VIEWS)
def test_nothing_is_clipped_or_overlapping(qtbot, window, size, view):
    window.resize(*size)
    window.select(view)
    settle()
    assert (window.width(), window.height()) == size
    assert label_problems(window) == []
    assert overlap_problems(window) == []


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_call_to_action_and_diagram_are_always_in_view(qtbot, window, size):
    window.resize(*size)
    window.select("about")
    settle()
    frame = window.rect()
    for widget in (window.cta, window.diagram, window.diagram.note, *window.diagram.nodes):
        top_left = widget.mapTo(window, widget.rect().topLeft())
        assert frame.contains(top_left) and frame.contains(top_left + widget.rect().bottomRight())


def test_a_warning_banner_fits_too(qtbot, window):
    window.resize(1024, 768)
    window.show_warning("This content file could not be used, so the built-in content is shown. "
                        "/home/someone/a/long/path/to/a/clinic/content-file.json: /stages/0/titel: unknown field "
                        '(did you mean "title"?)')
    settle()
    assert label_problems(window) == [] and overlap_problems(window) == []


def test_no_text_is_smaller_than_12_px(qtbot, window):
    window.resize(1024, 768)
    window.select("about")
    settle()
    sizes = {label.font().pixelSize() for label in window.findChildren(QLabel)
             if label.isVisibleTo(window) and label.text()}
    assert min(sizes) >= 12


def test_the_checks_catch_clipped_elided_and_overlapping_text(qtbot):
    from PySide6.QtWidgets import QWidget

    top = QWidget()
    qtbot.addWidget(top)
    top.resize(300, 200)
    wrapped = QLabel("a long sentence that needs several lines at this width", top)
    wrapped.setWordWrap(True)
    wrapped.setGeometry(0, 0, 120, 20)
    single = QLabel("a line far too wide for its box", top)
    single.setGeometry(0, 100, 40, 30)
    outside = QLabel("out", top)
    outside.setGeometry(280, 190, 60, 30)
    top.show()
    problems = label_problems(top)
    assert any("needs" in p for p in problems)
    assert any("px of text" in p for p in problems)
    assert any("outside the window" in p for p in problems)
    single.setGeometry(0, 10, 200, 30)
    assert overlap_problems(top)


PORTRAIT = [(1080, 1920), (1200, 1920), (1440, 2560)]


@pytest.mark.parametrize("size", PORTRAIT, ids=[f"{w}x{h}" for w, h in PORTRAIT])
@pytest.mark.parametrize("view", ["overview", "infection", "mechanisms", "lungs", "about"])
def test_a_portrait_window_holds_too(qtbot, window, size, view):
    """A monitor turned on its side: the panels stack above the detail, and nothing is cut off."""
    window.resize(*size)
    window.select(view)
    settle()
    assert label_problems(window) == []
    assert overlap_problems(window) == []


@pytest.mark.parametrize("size", PORTRAIT, ids=[f"{w}x{h}" for w, h in PORTRAIT])
@pytest.mark.parametrize("view", ["overview", "septic-shock", "lungs"])
def test_a_portrait_window_shows_the_opening_words_without_scrolling(qtbot, window, size, view):
    """The words the reader chose stay readable on a tall screen: under the page's title, at least
    three lines of its text are in view. The panels above scroll before the detail is squeezed (it
    showed one line, or none, when the body map's names made the row of steps tall)."""
    from PySide6.QtCore import QPoint

    from sepsis_viewer.ui.widgets.text import viewport_of

    window.resize(*size)
    window.select(view)
    settle()
    detail, text = window.detail, window.detail.text
    top = viewport_of(text).mapTo(detail.viewport(), QPoint(0, 0)).y()
    assert detail.verticalScrollBar().value() == 0
    assert top + 3 * text.fontMetrics().lineSpacing() <= detail.viewport().height(), (top, detail.viewport().height())


@pytest.mark.parametrize("view", ["overview", "infection", "lungs"])
def test_on_a_portrait_window_the_body_map_keeps_its_size_and_the_steps_their_height(qtbot, window, view):
    """Beside the four steps the figure takes the height they leave it, the same whatever is chosen;
    the list of lit organs under it no longer makes the steps' cards taller than their words."""
    window.resize(1080, 1920)
    window.select("overview")
    settle()
    overview_map = window.view.body_map.map.size()
    window.select(view)
    settle()
    panel, diagram = window.view.body_map, window.diagram
    assert window.view.body_map.map.size() == overview_map
    assert overview_map.height() >= 200  # still a picture, not a strip
    assert panel.height() <= diagram.height()
    wordiest = max(node.heightForWidth(node.width()) for node in diagram.nodes)
    assert diagram.nodes[0].height() <= wordiest + 2, "the stage cards stretch over empty space"


def test_turned_back_to_landscape_the_map_is_as_it_was(qtbot, window):
    body_map = window.view.body_map.map
    window.resize(1366, 768)
    settle()
    landscape = body_map.size()
    window.resize(1080, 1920)
    settle()
    assert body_map.size() != landscape
    window.resize(1366, 768)
    settle()
    assert body_map.size() == landscape and body_map.hasHeightForWidth()
    assert label_problems(window) == [] and overlap_problems(window) == []
