"""BodyMap: the anatomogram drawn to fit, its organs lit by colour, a hatch and a thick outline.

Lighting has to repaint within a frame at 4K, and QtSvg takes far longer than that to stroke the
large shapes (the skin's outline alone takes ~110 ms there). So nothing that depends on the lit
colours is cached, and nothing that is cached depends on them: per widget size, the unlit body is one
pixmap, and each organ is a clip region (its shape) and an image of its outline in ink. A paint is
then the pixmap, and for each lit organ a fill and a hatch clipped to its region and its outline
drawn over them. The organs' caches are made while the app is idle after the body is first drawn.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QByteArray, QPoint, QPointF, QRect, QRectF, QSize, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import (QBitmap, QBrush, QColor, QCursor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen,
                           QPixmap, QRegion)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QWidget

from sepsis_viewer import body_map
from sepsis_viewer.record import Record

_SKIN = "UBERON_0000014"
_HIT_SLOP = 3  # device pixels around a point that still count as on a thin organ (a vessel)
_SETTLE_MS = 150  # after a resize, wait this long before making the organs' caches


class BodyMapStyle(Record):
    """The colours, and the line widths and hatch in view-box units (the body is ~195 units tall)."""

    outline: str = "#c4ccd5"
    organ_fill: str = "#eef1f4"
    organ_line: str = "#c9d0d8"
    organ_line_width: float = 0.16
    lit_ink: str = "#1e2a36"
    lit_line_width: float = 0.6
    hatch_spacing: float = 1.1
    margin: float = 0.03  # of the widget's height, around the figure


class _Organ(Record):
    """One organ at one size, in device pixels: its shape and its lit outline in ink."""

    region: QRegion
    outline: QImage
    origin: QPoint


# The prepared drawing's groups, as packaging/prepare_body_map.py writes them: each organ is
# <g id="UBERON_…" fill="none"> over plain paths, the body's outline <g id="outline" fill="…">.
_GROUP = re.compile(rb'<g id="(UBERON_[0-9]{7}|outline)"[^>]*>')


def _styled(source: bytes, organ_attrs: dict[str, str], outline_fill: str, skin_stroke: bool = True) -> QSvgRenderer:
    """A renderer of the drawing with every organ given the same presentation attributes.

    The attributes are written into the groups' tags as text: parsing the 90 kB drawing as XML for
    each of its uses cost a start a few milliseconds."""

    def written(attributes: dict[str, str]) -> bytes:
        return " ".join(f'{name}="{value}"' for name, value in attributes.items()).encode()

    attrs = written(organ_attrs)
    skin = attrs if skin_stroke else written({**organ_attrs, "stroke": "none"})

    def styled(match: re.Match) -> bytes:
        ident = match[1]
        if ident == b"outline":
            return b'<g id="outline" fill="%s">' % outline_fill.encode()
        return b'<g id="%s" %s>' % (ident, skin if ident == _SKIN.encode() else attrs)

    return QSvgRenderer(QByteArray(_GROUP.sub(styled, source)))


class BodyMap(QWidget):
    """The body and its organs; `set_lit` lights some, and a click on one emits `organ_clicked`."""

    organ_clicked = Signal(str)

    def __init__(self, figure: str = body_map.DEFAULT_FIGURE, parent: QWidget | None = None,
                 style: BodyMapStyle | None = None):
        super().__init__(parent)
        self._style = style or BodyMapStyle()
        self._lit: dict[str, QColor] = {}
        self._figure = ""
        self._renderers: dict[str, QSvgRenderer] = {}
        self._base: QPixmap | None = None
        self._organs: dict[str, _Organ] = {}
        self._brushes: dict[int, QBrush] = {}
        self._ratio = 1.0
        self._warm_up = QTimer(self)
        self._warm_up.setSingleShot(True)
        self._warm_up.timeout.connect(self._on_warm_up)
        self.setMouseTracking(True)
        self.setAccessibleName("Body map")
        # Words for the accessible description: a view in another language replaces them (set_words).
        self._describe_with = lambda figure, names: (
            f"Drawing of a {figure} body and its organs. "
            + (f"Lit: {', '.join(names)}." if names else "No organ is lit."))
        self._name_of = body_map.display_name
        self._crop = QRectF(0, 0, 1, 1)  # the part of the drawing shown, as fractions of its view box
        self.align_top = False  # a drawing narrower than its place: at the top, not in the middle
        self.height_from_width = True  # False: as tall as its layout makes it, the drawing fitted in
        self.set_figure(figure)

    # --- what is shown ---------------------------------------------------------------------

    def figure(self) -> str:
        """The figure drawn ("female" or "male")."""
        return self._figure

    def set_figure(self, figure: str) -> None:
        """Draw another figure; a lit organ it lacks stays in `lit()` but shows nothing."""
        source = body_map.svg_path(figure).read_bytes()
        if figure == self._figure:
            return
        self._figure, self._source = figure, source
        self._organ_ids = [i for i in body_map.ORGAN_NAMES if i in body_map.organ_ids(figure)]
        self._renderers.clear()
        self._forget_size()
        self._describe()
        self.update()

    def set_crop(self, crop: QRectF) -> None:
        """Show only this part of the drawing (fractions of it: QRectF(0, 0, 1, 0.55) is head to
        hips), so that a narrow place still shows the organs large."""
        self._crop = QRectF(crop)
        self._renderers.clear()
        self._forget_size()
        self.update()

    def organ_ids(self) -> list[str]:
        """The organs of the figure drawn, in drawing order."""
        return list(self._organ_ids)

    def lit(self) -> dict[str, str]:
        """The organs lit now: id to colour ("#rrggbb")."""
        return {organ_id: colour.name() for organ_id, colour in self._lit.items()}

    def set_lit(self, ids: dict[str, str]) -> None:
        """Light these organs (UBERON id to colour); every other organ goes back to unlit."""
        self._lit = {organ_id: QColor(colour) for organ_id, colour in ids.items()}
        self._describe()
        self.update()

    # --- geometry --------------------------------------------------------------------------

    def drawing_rect(self) -> QRectF:
        """Where the figure is drawn in the widget: fitted, aspect kept, centred."""
        view = self._renderer("fill").viewBoxF()
        margin = self.height() * self._style.margin
        space = QRectF(self.rect()).adjusted(margin, margin, -margin, -margin)
        scale = max(0.0, min(space.width() / view.width(), space.height() / view.height()))
        size = view.size() * scale
        top = space.top() if self.align_top else space.center().y() - size.height() / 2
        return QRectF(space.center().x() - size.width() / 2, top, size.width(), size.height())

    def organ_rect(self, organ_id: str) -> QRectF:
        """An organ's bounds in the widget (empty for one the figure lacks): for hotspots and labels."""
        if organ_id not in self._organ_ids:
            return QRectF()
        return self._element_rect(organ_id, "fill").intersected(self.drawing_rect())  # within a crop

    def organ_at(self, point: QPointF) -> str | None:
        """The organ seen under a point of the widget: the one drawn on top there, or None.

        Lit organs are drawn over the unlit body, and each organ over those before it in
        ORGAN_NAMES (a kidney over the liver); a few pixels' slop makes a thin vessel clickable.
        """
        if not self.drawing_rect().contains(point):
            return None  # beyond a cropped drawing's frame: nothing is seen there
        ratio = self.devicePixelRatioF()
        spot = QRect(round(point.x() * ratio) - _HIT_SLOP, round(point.y() * ratio) - _HIT_SLOP,
                     2 * _HIT_SLOP + 1, 2 * _HIT_SLOP + 1)
        area = QRectF(QPointF(spot.topLeft()) / ratio, QSizeF(spot.size()) / ratio)
        on_top = sorted(reversed(self._organ_ids), key=lambda i: i not in self._lit)  # a stable sort
        # The bounds rule most organs out; only those left need their exact shape.
        return next((i for i in on_top
                     if self.organ_rect(i).intersects(area) and self._organ(i).region.intersects(spot)), None)

    # --- Qt's events -----------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        # Not following its width, it asks for no more than its minimum and takes what it is given.
        return QSize(280, self.heightForWidth(280) if self.height_from_width else self.minimumHeight())

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return self.height_from_width

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        """The height that shows the drawing whole at this width, with its margins."""
        view = self._renderer("fill").viewBoxF()
        height = width * view.height() / view.width()
        return round(height / (1 - 2 * self._style.margin))

    def width_for_height(self, height: int) -> int:
        """The width that shows the drawing whole at this height, with its margins, and no more."""
        view = self._renderer("fill").viewBoxF()
        margin = height * self._style.margin  # on every side, in proportion to the height
        return math.ceil((height - 2 * margin) * view.width() / view.height() + 2 * margin)

    def minimumSizeHint(self) -> QSize:
        return QSize(60, 110)

    def resizeEvent(self, event) -> None:
        self._forget_size()
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        ratio = self.devicePixelRatioF()
        if ratio != self._ratio:  # moved to a screen of another density: the caches are in its pixels
            self._forget_size()
            self._ratio = ratio
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._base_pixmap())
        painter.setClipRect(self.drawing_rect())  # a cropped drawing: nothing outside its frame
        painter.scale(1 / ratio, 1 / ratio)  # the organs' caches are in device pixels
        for organ_id in self._organ_ids:
            if organ_id in self._lit:
                self._paint_lit(painter, self._organ(organ_id), self._lit[organ_id])
        painter.end()
        if len(self._organs) < len(self._organ_ids) and not self._warm_up.isActive():
            self._warm_up.start(_SETTLE_MS)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over = self.organ_at(event.position()) is not None
        self.setCursor(QCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor))
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            organ_id = self.organ_at(event.position())
            if organ_id is not None:
                self.organ_clicked.emit(organ_id)
        super().mouseReleaseEvent(event)

    # --- drawing ---------------------------------------------------------------------------

    def _paint_lit(self, painter: QPainter, organ: _Organ, colour: QColor) -> None:
        """A thick outline, and colour with a hatch over it: lit is never told by colour alone."""
        # The fill covers the inner half of the outline, so that a thin organ (a vessel) keeps its
        # colour; the outer half rings it, and hides the clip region's pixel steps.
        painter.drawImage(organ.origin, organ.outline)
        painter.save()  # not setClipping(False): a clip region set after that one is ignored
        painter.setClipRegion(organ.region, Qt.ClipOperation.IntersectClip)
        painter.fillRect(organ.region.boundingRect(), self._lit_brush(colour))
        painter.restore()

    def _renderer(self, kind: str) -> QSvgRenderer:
        """The drawing styled for one use: "base" (unlit) or "fill" (the organs' shapes in black)."""
        if kind not in self._renderers:
            style = self._style
            if kind == "base":  # the skin's contour is the outline's: stroking it again costs ~100 ms at 4K
                attrs = {"fill": style.organ_fill, "stroke": style.organ_line,
                         "stroke-width": str(style.organ_line_width)}
            else:  # "fill": each organ's shape, as a mask
                attrs = {"fill": "#000000", "stroke": "none"}
            renderer = _styled(self._source, attrs, style.outline, skin_stroke=kind != "base")
            whole, c = renderer.viewBoxF(), self._crop
            renderer.setViewBox(QRectF(whole.x() + c.x() * whole.width(), whole.y() + c.y() * whole.height(),
                                       c.width() * whole.width(), c.height() * whole.height()))
            self._renderers[kind] = renderer
        return self._renderers[kind]

    def _element_rect(self, organ_id: str, kind: str) -> QRectF:
        """An element's bounds as one renderer draws it, in widget coordinates."""
        renderer = self._renderer(kind)
        bounds = renderer.transformForElement(organ_id).mapRect(renderer.boundsOnElement(organ_id))
        view, target = renderer.viewBoxF(), self.drawing_rect()
        scale = target.width() / view.width()
        return QRectF(target.x() + (bounds.x() - view.x()) * scale, target.y() + (bounds.y() - view.y()) * scale,
                      bounds.width() * scale, bounds.height() * scale)

    def _forget_size(self) -> None:
        self._base = None
        self._organs.clear()
        self._brushes.clear()
        self._warm_up.stop()

    def _base_pixmap(self) -> QPixmap:
        """The unlit body at the widget's size, made once per size."""
        if self._base is None:
            ratio = self.devicePixelRatioF()
            pixmap = QPixmap(QSize(round(self.width() * ratio), round(self.height() * ratio)))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setClipRect(self.drawing_rect())
            self._renderer("base").render(painter, self.drawing_rect())
            painter.end()
            self._base = pixmap
        return self._base

    def _alone(self, organ_id: str, kind: str) -> tuple[QImage, QPoint]:
        """One organ drawn alone in black by one renderer, and its place in device pixels."""
        ratio = self.devicePixelRatioF()
        bounds = self._element_rect(organ_id, kind)
        device = QRectF(bounds.topLeft() * ratio, bounds.size() * ratio)
        area = device.toAlignedRect().adjusted(-1, -1, 1, 1)
        image = QImage(area.size(), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(-area.topLeft())
        self._renderer(kind).render(painter, organ_id, device)
        painter.end()
        return image, area.topLeft()

    def _organ(self, organ_id: str) -> _Organ:
        """An organ's shape and inked outline at the widget's size, made on first need."""
        if organ_id not in self._organs:
            fill, fill_at = self._alone(organ_id, "fill")
            region = QRegion(QBitmap.fromImage(fill.createAlphaMask())).translated(fill_at)
            outline, outline_at = self._ring(fill, fill_at)
            self._organs[organ_id] = _Organ(region, outline, outline_at)
        return self._organs[organ_id]

    def _ring(self, shape: QImage, at: QPoint) -> tuple[QImage, QPoint]:
        """The shape grown by half the lit line's width, in ink: drawn under the lit fill, it shows
        as an outline around it. Grown from the shape's own pixels, it costs a few image copies,
        where stroking the drawing's paths again (the vessels most) cost milliseconds an organ."""
        scale = self.drawing_rect().width() / self._renderer("fill").viewBoxF().width() * self.devicePixelRatioF()
        grow = max(1, round(self._style.lit_line_width * scale / 2))
        ring = QImage(shape.size() + QSize(2 * grow, 2 * grow), QImage.Format.Format_ARGB32_Premultiplied)
        ring.fill(Qt.GlobalColor.transparent)
        painter = QPainter(ring)
        # Four directions draw a ring of a pixel or two as round as more would; a thicker one (on a
        # 4K screen) needs more, so that its corners stay round.
        steps = 4 if grow <= 2 else max(8, 2 * grow)
        for step in range(steps):
            angle = 2 * math.pi * step / steps
            painter.drawImage(QPointF(grow + grow * math.cos(angle), grow + grow * math.sin(angle)), shape)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(ring.rect(), QColor(self._style.lit_ink))
        painter.end()
        return ring, at - QPoint(grow, grow)

    def _lit_brush(self, colour: QColor) -> QBrush:
        """The colour with diagonal stripes over it, dark on a light colour and light on a dark one."""
        if colour.rgba() not in self._brushes:
            scale = self.drawing_rect().width() / self._renderer("fill").viewBoxF().width()
            spacing = max(4, round(self._style.hatch_spacing * scale * self.devicePixelRatioF()))
            tile = QImage(spacing, spacing, QImage.Format.Format_ARGB32_Premultiplied)
            tile.fill(colour)
            painter = QPainter(tile)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            dark = colour.lightnessF() > 0.55
            ink = QColor(self._style.lit_ink) if dark else QColor(Qt.GlobalColor.white)
            ink.setAlphaF(0.3 if dark else 0.45)
            painter.setPen(QPen(ink, max(1.0, spacing * 0.3)))
            for shift in (-spacing, 0, spacing):  # the neighbours' ends too, so that tiles join
                painter.drawLine(QPointF(shift, spacing), QPointF(shift + spacing, 0))
            painter.end()
            self._brushes[colour.rgba()] = QBrush(tile)  # one tile per colour and size: a handful
        return self._brushes[colour.rgba()]

    def _on_warm_up(self) -> None:
        """Make one more organ's cache, then yield to the event loop: lighting it later is instant."""
        missing = next((i for i in self._organ_ids if i not in self._organs), None)
        if missing is not None and self.isVisible():
            self._organ(missing)
            self._warm_up.start(0)

    def set_words(self, name: str, name_of, describe) -> None:
        """The accessible name, organ names (`name_of(id)`) and description (`describe(figure,
        lit names)`) in the language on screen."""
        self.setAccessibleName(name)
        self._name_of, self._describe_with = name_of, describe
        self._describe()

    def _describe(self) -> None:
        names = [self._name_of(i) for i in self._organ_ids if i in self._lit]
        self.setAccessibleDescription(self._describe_with(self._figure, names))
