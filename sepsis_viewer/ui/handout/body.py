"""The body map on paper: the figure in vector, each stage's organs in its colour, and every lit
organ named beside the drawing with a line to it and the numbers of the stages that name it."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QLineF, QPointF, QRectF
from PySide6.QtGui import QColor, QPen
from PySide6.QtSvg import QSvgRenderer

from sepsis_viewer import body_map
from sepsis_viewer.content.model import Content
from sepsis_viewer.organ_ties import stage_organs
from sepsis_viewer.strings import ui
from sepsis_viewer.ui.handout.paint import Sheet
from sepsis_viewer.ui.widgets.body_panel import UPPER_BODY
from sepsis_viewer.ui.widgets.theme import Palette

LABEL_W = 74.0  # points, each side of the figure
LEADER_GAP = 4.0


def figure_svg(content: Content, palette: Palette) -> bytes:
    """The default figure with every stage's organs in the colour of the latest stage naming them."""
    fills = {organ: palette.stage_colour(number) for organ, number in stage_organs(content).items()}
    crop = (UPPER_BODY.x(), UPPER_BODY.y(), UPPER_BODY.width(), UPPER_BODY.height())
    return body_map.coloured_svg(body_map.DEFAULT_FIGURE, fills, crop=crop)


def organ_centres(data: bytes, rect: QRectF) -> dict[str, QPointF]:
    """Where each organ drawn in `data` (an SVG drawn into `rect`) has its middle, in points."""
    renderer = QSvgRenderer(QByteArray(data))
    view = renderer.viewBoxF()
    scale = rect.width() / view.width()
    centres = {}
    for organ in body_map.ORGAN_NAMES:
        if renderer.elementExists(organ):
            box = renderer.transformForElement(organ).mapRect(renderer.boundsOnElement(organ))
            centres[organ] = QPointF(rect.x() + (box.center().x() - view.x()) * scale,
                                     rect.y() + (box.center().y() - view.y()) * scale)
    return centres


def labelled_body(content: Content, palette: Palette, height: float):
    """A section: the figure `height` points tall with its labels; returns the drawer."""

    def draw(sheet: Sheet, x: float, top: float, width: float) -> float:
        data = figure_svg(content, palette)
        view = QSvgRenderer(QByteArray(data)).viewBoxF()
        title_bottom = sheet.text(ui("body_map_title"), "h3", x, top, width)
        key = ui("body_map_handout_key")
        key_h = sheet.height(key, "small", width) + 1 + sheet.height(ui("body_map_credit"), "small", width)
        figure_h = height - (title_bottom - top) - key_h - 4
        figure_w = figure_h * view.width() / view.height()
        rect = QRectF(x + (width - figure_w) / 2, title_bottom + 2, figure_w, figure_h)
        if not sheet.dry:
            sheet.painter.save()
            sheet.painter.setClipRect(rect)  # the drawing is cropped to head and hips
            sheet.svg(data, rect)
            sheet.painter.restore()
            _labels(sheet, content, palette, organ_centres(data, rect), rect, x, width)
        bottom = sheet.text(key, "small", x, rect.bottom() + 4, width, palette.muted)
        return sheet.text(ui("body_map_credit"), "small", x, bottom + 1, width, palette.muted)  # CC BY 4.0

    return draw


def _labels(sheet: Sheet, content: Content, palette: Palette, centres: dict[str, QPointF], rect: QRectF,
            x: float, width: float) -> None:
    """Each lit organ's name with the stages naming it, left or right of the figure, a line to it."""
    stages = {}
    for stage in content.stages:
        for organ in stage.organs:
            if organ in centres and rect.contains(centres[organ]):
                stages.setdefault(organ, []).append(stage.number)
    middle = rect.center().x()
    for side, organs in (("left", [o for o in stages if centres[o].x() < middle]),
                         ("right", [o for o in stages if centres[o].x() >= middle])):
        line = sheet.height("X", "small", 100) + 1.5
        wanted = sorted(organs, key=lambda o: centres[o].y())
        y = rect.top()
        for organ in wanted:
            y = max(y, centres[organ].y() - line / 2)  # level with the organ where there is room
            left = x if side == "left" else rect.right() + LEADER_GAP
            label_w = min(LABEL_W, (width - rect.width()) / 2 - LEADER_GAP)
            text = f"{ui('organ_names').get(organ, organ)} ({', '.join(map(str, stages[organ]))})"
            bottom = sheet.text(text, "small", left, y, label_w, palette.text)
            edge = x + label_w if side == "left" else left
            colour = palette.stage_colour(max(stages[organ]))
            sheet.painter.setPen(QPen(QColor(colour), 0.7))
            sheet.painter.drawLine(QLineF(edge + (1 if side == "left" else -1), y + line / 2, centres[organ].x(),
                                          centres[organ].y()))
            y = bottom + 1
