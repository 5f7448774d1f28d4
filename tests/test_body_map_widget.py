"""BodyMap as a person sees it: the organs asked for are lit and no other, and a click names the organ."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage

from sepsis_viewer import body_map
from sepsis_viewer.ui.widgets.body_map import BodyMap

LUNGS, KIDNEYS, BRAIN, LIVER = "UBERON_0002048", "UBERON_0002113", "UBERON_0000955", "UBERON_0002107"
COLON, APPENDIX, WOMB, PROSTATE = "UBERON_0001155", "UBERON_0001154", "UBERON_0000995", "UBERON_0002367"
TEAL, ORANGE, RED = "#00897b", "#e8710a", "#b3261e"


@pytest.fixture
def body(qtbot):
    widget = BodyMap()
    qtbot.addWidget(widget)
    widget.resize(640, 1000)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def inside(widget: BodyMap, organ_id: str, margin: int = 8) -> QPoint:
    """The point nearest the organ's bounds' centre that the organ covers, with `margin` px around it."""
    rect = widget.organ_rect(organ_id)
    centre = rect.center()
    points = sorted((QPointF(x, y) for x in range(int(rect.left()), int(rect.right()) + 1, 3)
                     for y in range(int(rect.top()), int(rect.bottom()) + 1, 3)),
                    key=lambda p: (p - centre).manhattanLength())
    for step in (margin, margin // 2, 0):  # a thin organ (a vessel) has no room for a wide margin
        around = [QPointF(dx, dy) for dx, dy in ((0, 0), (step, 0), (-step, 0), (0, step), (0, -step))]
        found = next((p.toPoint() for p in points if all(widget.organ_at(p + d) == organ_id for d in around)), None)
        if found is not None:
            return found
    raise AssertionError(f"nothing of {organ_id} is drawn")


def seen(widget: BodyMap | QImage, point: QPoint) -> QColor:
    """The colour a person sees around a point: the mean of a 9x9 patch (the hatch averages out)."""
    image = widget if isinstance(widget, QImage) else widget.grab().toImage()
    colours = [image.pixelColor(point.x() + dx, point.y() + dy) for dx in range(-4, 5) for dy in range(-4, 5)]
    return QColor(*(round(sum(getattr(c, part)() for c in colours) / len(colours))
                    for part in ("red", "green", "blue")))


def distance(a: QColor, b: QColor) -> float:
    return ((a.red() - b.red()) ** 2 + (a.green() - b.green()) ** 2 + (a.blue() - b.blue()) ** 2) ** 0.5


def looks_like(seen_colour: QColor, colour: str) -> bool:
    """The same hue, still strong: the hatch over a lit organ lightens or darkens it, not more."""
    wanted = QColor(colour)
    turn = abs(seen_colour.hslHue() - wanted.hslHue()) % 360
    return min(turn, 360 - turn) < 15 and seen_colour.hslSaturationF() > 0.4 and distance(seen_colour, wanted) < 90


def test_the_organs_asked_for_are_lit_in_their_colours_and_no_other_is(body):
    lit = {LUNGS: TEAL, KIDNEYS: ORANGE, BRAIN: RED}
    points = {organ_id: inside(body, organ_id) for organ_id in body.organ_ids()}
    body.set_lit(lit)
    for organ_id, colour in lit.items():
        assert looks_like(seen(body, points[organ_id]), colour), organ_id
    for organ_id in set(body.organ_ids()) - set(lit):
        if body.organ_at(QPointF(points[organ_id])) != organ_id:
            continue  # a lit organ is drawn over it there
        colour = seen(body, points[organ_id])
        assert colour.saturationF() < 0.12 and colour.lightnessF() > 0.7, (organ_id, colour.name())


def test_lighting_again_puts_the_others_back(body):
    point = inside(body, LUNGS)
    unlit = seen(body, point)
    body.set_lit({LUNGS: RED})
    assert looks_like(seen(body, point), RED)
    body.set_lit({KIDNEYS: RED})
    assert distance(seen(body, point), unlit) < 8 and body.lit() == {KIDNEYS: RED}


def test_lit_is_told_by_more_than_colour_a_dark_outline_and_a_hatch(body):
    body.set_lit({LIVER: ORANGE})
    image = body.grab().toImage()
    rect = body.organ_rect(LIVER).toRect()
    y = inside(body, LIVER).y()
    row = [image.pixelColor(x, y) for x in range(rect.left() - 4, rect.right() + 5)]
    # Across the liver: a ring much darker than the colour, and inside, stripes of two lightnesses.
    assert min(c.lightnessF() for c in row) < 0.3
    inner = [c.lightnessF() for c in row[len(row) // 3: 2 * len(row) // 3]]
    assert max(inner) - min(inner) > 0.08


def test_the_hit_test_names_the_organ_under_a_point(body):
    assert body.organ_at(QPointF(inside(body, LUNGS))) == LUNGS
    assert body.organ_at(QPointF(2, 2)) is None  # the corner, outside the body
    appendix = inside(body, APPENDIX, margin=0)
    assert body.organ_rect(COLON).contains(QPointF(appendix)) and body.organ_at(QPointF(appendix)) == APPENDIX


def test_where_organs_overlap_a_click_goes_to_the_one_seen_on_top(body):
    body.set_lit({LIVER: TEAL})
    liver = body.grab().toImage()
    body.set_lit({KIDNEYS: RED})
    kidneys = body.grab().toImage()
    rect = body.organ_rect(LIVER).toRect()
    # A spot that the liver and a kidney both cover, as their pictures show when each is lit alone.
    both = next(QPoint(x, y) for y in range(rect.top(), rect.bottom(), 3) for x in range(rect.left(), rect.right(), 3)
                if looks_like(seen(liver, QPoint(x, y)), TEAL) and looks_like(seen(kidneys, QPoint(x, y)), RED))
    body.set_lit({})
    assert body.organ_at(QPointF(both)) == KIDNEYS  # drawn over the liver
    body.set_lit({LIVER: TEAL})
    assert body.organ_at(QPointF(both)) == LIVER  # lit, so drawn over the unlit kidney


def test_a_click_on_an_organ_emits_its_id(qtbot, body):
    with qtbot.waitSignal(body.organ_clicked, timeout=1000) as clicked:
        qtbot.mouseClick(body, Qt.MouseButton.LeftButton, pos=inside(body, KIDNEYS))
    assert clicked.args == [KIDNEYS]
    with qtbot.assertNotEmitted(body.organ_clicked):
        qtbot.mouseClick(body, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))


def test_the_figure_fits_with_its_aspect_at_any_size(body):
    for size in ((1000, 400), (300, 1200)):
        body.resize(*size)
        drawn = body.drawing_rect()
        assert body.rect().toRectF().contains(drawn)
        view = body_map_ratio()
        assert abs(drawn.width() / drawn.height() - view) < 0.01
        assert abs(drawn.center().x() - size[0] / 2) < 1 and abs(drawn.center().y() - size[1] / 2) < 1


def body_map_ratio() -> float:
    """The width over the height of the figure's view box, read from its SVG."""
    _, _, width, height = (float(v) for v in ET.parse(body_map.svg_path()).getroot().get("viewBox").split())
    return width / height


def test_it_says_what_it_shows_to_assistive_technology(body):
    assert body.accessibleName() == "Body map"
    assert "No organ is lit" in body.accessibleDescription()
    body.set_lit({KIDNEYS: RED, LUNGS: RED})
    assert body.accessibleDescription().endswith("Lit: Lungs, Kidneys.")


def test_the_male_figure_has_its_own_organs_and_ignores_the_womb(body):
    body.set_lit({WOMB: RED})
    body.set_figure("male")
    assert body.figure() == "male" and PROSTATE in body.organ_ids() and WOMB not in body.organ_ids()
    assert body.lit() == {WOMB: RED} and body.organ_rect(WOMB).isEmpty()
    assert body.organ_at(QPointF(inside(body, PROSTATE))) == PROSTATE
    assert set(body.organ_ids()) == body_map.organ_ids("male")


def test_the_unlit_body_is_drawn_faintly_not_left_out(body):
    """With nothing lit, the figure's outline and organs still show: pale lines on the background."""
    image, rect = body.grab().toImage(), body.drawing_rect().toRect()
    background = image.pixelColor(2, 2)
    points = [(x, y) for x in range(rect.left(), rect.right(), 4) for y in range(rect.top(), rect.bottom(), 4)]
    drawn = [image.pixelColor(x, y) for x, y in points if distance(image.pixelColor(x, y), background) > 20]
    assert len(drawn) > 0.01 * len(points)  # the body is there (about 2% of it is lines)
    assert all(colour.saturationF() < 0.2 for colour in drawn)  # and nothing in it is lit
