"""The body map in the modes: each step lights exactly its organs, an organ opens its item, and
every hotspot is reached with the keyboard and named."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication

from sepsis_viewer.body_map import ORGAN_NAMES
from sepsis_viewer.content import load_content
from sepsis_viewer.content.validate import meaning_problems
from sepsis_viewer.strings import ui
from sepsis_viewer.ui.widgets.theme import DESKTOP

CONTENT = load_content()
LUNGS, HEART = "UBERON_0002048", "UBERON_0000948"


def lit(window) -> dict[str, str]:
    return window.view.body_map.map.lit()


@pytest.mark.parametrize("stage", CONTENT.stages, ids=lambda s: s.id)
def test_each_stage_lights_exactly_its_organs_in_its_colour(window, stage):
    window.select(stage.id)
    drawn = set(window.view.body_map.map.organ_ids())
    colour = DESKTOP.stage_colour(stage.number).lower()
    assert lit(window) == {organ: colour for organ in stage.organs}
    assert stage.organs  # every stage shows where it happens
    caption = window.view.body_map.caption.text()
    assert all(ui("organ_names")[organ] in caption for organ in stage.organs if organ in drawn)


@pytest.mark.parametrize("item", CONTENT.panel("infection_sources").items, ids=lambda i: i.id)
def test_each_infection_source_lights_its_organs(window, item):
    window.select(item.id)
    assert set(lit(window)) == set(item.organs) != set()  # one the figure lacks is lit but not drawn
    assert set(lit(window).values()) == {DESKTOP.accent.lower()}


def test_the_numbers_light_nothing_and_say_so(window):
    window.select("numbers")
    assert lit(window) == {} and window.view.body_map.caption.text() == ui("body_map_none")


def test_the_overview_names_each_stage_beside_its_organs(window):
    window.select("overview")
    caption = window.view.body_map.caption.text()
    for stage in CONTENT.stages:
        assert f"{stage.number} {stage.title}:" in caption


def point_on(body_map, organ_id: str) -> QPointF:
    """A point of the widget where the organ is the one seen (a person aims at what they see)."""
    rect = body_map.organ_rect(organ_id)
    for fy in (0.5, 0.4, 0.6, 0.3, 0.7):
        for fx in (0.3, 0.7, 0.2, 0.8, 0.5):
            point = QPointF(rect.left() + rect.width() * fx, rect.top() + rect.height() * fy)
            if body_map.organ_at(point) == organ_id:
                return point
    raise AssertionError(f"{organ_id} is nowhere on top")


@pytest.mark.parametrize("organ_id, opens", [(LUNGS, "lungs"), ("UBERON_0001155", "abdomen"),
                                              ("UBERON_0001255", "urinary-tract"), (HEART, "septic-shock")])
def test_clicking_an_organ_opens_what_explains_it(qtbot, window, organ_id, opens):
    body_map = window.view.body_map.map
    qtbot.mouseClick(body_map, Qt.MouseButton.LeftButton, pos=point_on(body_map, organ_id).toPoint())
    assert window.tour.current.id == opens
    assert organ_id in lit(window)


def test_every_hotspot_is_reached_with_tab_named_and_opens_with_enter(qtbot, window):
    hotspots = window.view.body_map.hotspots
    assert LUNGS in hotspots and len(hotspots) >= 10
    window.view.diagram.nodes[0].setFocus()
    reached = []
    for _ in range(200):  # around the whole window once
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget in hotspots.values() and widget not in reached:
            reached.append(widget)
    assert set(reached) == set(hotspots.values())
    lungs = hotspots[LUNGS]
    assert lungs.accessibleName() == f"{ui('organ_names')[LUNGS]}: {CONTENT.panel('infection_sources').items[0].summary}"
    assert lungs.geometry().contains(window.view.body_map.map.organ_rect(LUNGS).center().toPoint())
    lungs.setFocus()
    qtbot.keyClick(lungs, Qt.Key.Key_Return)
    assert window.tour.current.id == "lungs"


def test_the_other_figure_is_offered_and_kept_across_a_language_switch(qtbot, window):
    panel = window.view.body_map
    assert panel.map.figure() == "female" and panel.figure_button.text() == ui("body_map_figure_female_short")
    qtbot.mouseClick(panel.figure_button, Qt.MouseButton.LeftButton)
    assert panel.map.figure() == "male"
    window.switch_language("es")
    assert window.view.body_map.map.figure() == "male"


def test_an_organ_the_map_lacks_is_a_located_problem(bundled_doc, tmp_path):
    doc = {**bundled_doc, "stages": [dict(s) for s in bundled_doc["stages"]]}
    doc["stages"][1]["organs"] = [LUNGS, "UBERON_0001234"]
    [problem] = meaning_problems(doc, "custom.json", tmp_path)
    assert problem.pointer == "/stages/1/organs/1" and "UBERON_0001234" in problem.message
    assert ORGAN_NAMES[LUNGS] in problem.message  # says which organs there are


def test_the_projector_shows_the_map_for_stages_and_not_for_the_numbers(audience):
    controller, panel = audience.controller, audience.slide.map
    controller.select("severe-sepsis")
    assert panel.isVisible() and set(panel.map.lit()) == set(CONTENT.stages[2].organs)
    assert panel.map.width() > audience.canvas.width() * 0.25  # large, for the back row
    controller.select("numbers")
    assert not panel.isVisible()
    controller.select("overview")
    assert set(panel.map.lit()) == {o for s in CONTENT.stages for o in s.organs}
    assert panel.hotspots == {}  # nothing to Tab to on a slide


def test_a_stage_slide_leaves_the_words_room_beside_the_map(audience):
    audience.controller.select("sepsis")
    words = audience.slide.header.title
    right = words.mapTo(audience.slide, QPoint(words.width(), 0)).x()
    assert right <= audience.slide.map.geometry().left()


def test_about_credits_the_drawing(window):
    window.select("about")
    assert ui("body_map_credit") in window.detail.visible_text()
