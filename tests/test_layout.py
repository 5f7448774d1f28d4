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
