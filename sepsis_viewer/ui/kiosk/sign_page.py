"""The two zones of a waiting-room screen that change with each screen: the words (a kicker, a
title and at most some forty words) and the one picture (the body map with the step's organs lit,
or the page's icon large where a step lights none).

Which steps the loop shows and what each of their screens holds is decided here too.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QBoxLayout, QLayout, QSizePolicy, QVBoxLayout, QWidget

from sepsis_viewer.content.model import Content
from sepsis_viewer.organ_ties import lit_organs
from sepsis_viewer.pages import Block, BlockKind, Page, page_for
from sepsis_viewer.record import replace
from sepsis_viewer.strings import ui
from sepsis_viewer.tour import StepKind, TourStep, build_tour
from sepsis_viewer.ui.kiosk.signage_type import SignageMetrics
from sepsis_viewer.ui.widgets.blocks import page_colour
from sepsis_viewer.ui.widgets.body_panel import UPPER_BODY, BodyPanel
from sepsis_viewer.ui.widgets.pagination import Unit, joined, sources_of, unit_widget, units_of
from sepsis_viewer.ui.widgets.text import IconLabel, TextLabel, apply_metrics, set_text_role, text_font
from sepsis_viewer.ui.widgets.theme import Palette


def signage_steps(content: Content) -> tuple[TourStep, ...]:
    """The tour as the waiting room walks it: every step but the charts.

    A chart's own words (axis labels, values, its source) are drawn by matplotlib inside the
    picture, where nothing checks that they reach the signage sizes, and a chart wants a reader
    who stops to study it. Its figures are all on the numbers' screens, as words in large type.
    """
    return tuple(step for step in build_tour(content) if step.kind != StepKind.CHART)


def signage_page(content: Content, step: TourStep) -> Page:
    """A step's page as the waiting room shows it. The call to action's own page is titled with
    its kicker ("If you think it could be sepsis"): its usual title is the call to action itself,
    which the screen's fixed zone already says, and in heading type it would fill the screen.
    The numbers' headline opens their first screen."""
    page = page_for(content, step)
    if step.kind == StepKind.CALL_TO_ACTION and page.kicker:
        page = replace(page, title=page.kicker, kicker="")
    elif step.kind == StepKind.NUMBERS and page.kicker:
        # The headline is news, not a label: said once, large, rather than in small print over
        # every figure's screen (whose room it would take).
        page = replace(page, kicker="", blocks=(Block(BlockKind.EMPHASIS, page.kicker), *page.blocks))
    return page


def signage_units(page: Page, step: TourStep, content: Content) -> list[Unit]:
    """What a screen of a step says: the page's units, less the desktop's invitations to click
    ("Choose one to read more", "Choose a stage … to learn more"), which nobody in the chairs can
    take up. The numbers' notes are their figures' sources, and count as source lines do."""
    invitations = {ui("panel_hint"), content.intro.hint}
    units = [u for u in units_of(page) if u.kind not in (BlockKind.NOTE, BlockKind.EMPHASIS) or u.text not in invitations]
    if step.kind == StepKind.NUMBERS:
        units = [Unit(BlockKind.SOURCES, u.text) if u.kind == BlockKind.NOTE else u for u in units]
    return units


def sections(units: list[Unit]) -> list[list[Unit]]:
    """The units in sections, each from a heading to the next: one idea to a screen, so that a
    section starts on a screen of its own (a figure with its source, the signs, what to do)."""
    out: list[list[Unit]] = [[]]
    for unit in units:
        if unit.kind == BlockKind.HEADING and out[-1]:
            out.append([])
        out[-1].append(unit)
    return [section for section in out if section]


class PartDots(QWidget):
    """One dot for each part of a split page, the one on screen filled: no words to read."""

    def __init__(self, palette: Palette, parent: QWidget | None = None):
        super().__init__(parent)
        self._colour = palette.muted
        self.part, self.parts = 0, 1
        self._dot = 12
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_part(self, part: int, parts: int) -> None:
        """Show `parts` dots, the `part`th filled; none for a page on one screen."""
        self.part, self.parts = part, parts
        self.setAccessibleName(ui("slide_part", part=part + 1, parts=parts))
        self.setVisible(parts > 1)
        self.updateGeometry()
        self.update()

    def rescale(self, metrics: SignageMetrics) -> None:
        self._dot = max(8, round(metrics.text_px("small") * 0.55))
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self._dot * (2 * self.parts - 1), self._dot)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(self._colour)
        edge = max(1.5, self._dot / 6)
        for index in range(self.parts):
            rect = QRectF(index * 2 * self._dot, 0, self._dot, self._dot).adjusted(edge, edge, -edge, -edge)
            painter.setPen(colour)
            painter.setBrush(colour if index == self.part else Qt.BrushStyle.NoBrush)
            painter.drawEllipse(rect)
        painter.end()


class SignHeader(QWidget):
    """The kicker above the page's title in heading type; over them on the right, one dot for
    each part of a split page (a row of its own: many dots must not crowd the kicker).

    A title that would take three lines in heading type takes two in a smaller one (see `fit`)."""

    TITLE_LINES = 2

    def __init__(self, palette: Palette, family: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._family = family
        self._metrics: SignageMetrics | None = None
        self.dots = PartDots(palette, self)
        self.kicker = TextLabel("", "small-bold", self, colour=palette.muted)
        self.title = TextLabel("", "h2", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.dots, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.kicker)
        layout.addWidget(self.title)

    def set_page(self, page: Page, part: int, parts: int) -> None:
        """The kicker, title and dots of a part of a page."""
        self.kicker.setText(page.kicker)
        self.kicker.setVisible(bool(page.kicker))
        self.dots.set_part(part, parts)
        self.title.setText(page.title)

    def rescale(self, metrics: SignageMetrics) -> None:
        self._metrics = metrics

    def fit(self, width: int) -> None:
        """The title in heading type, or in the long-title type if it would take more lines."""
        if self._metrics is None:
            return
        for role in ("h2", "h3"):
            set_text_role(self.title, role)
            self.title.setFont(text_font(self._family, self._metrics, role))
            line = self.title.fontMetrics().lineSpacing()
            if self.title.heightForWidth(width) <= line * self.TITLE_LINES + line // 2:
                return

    def height_for(self, width: int) -> int:
        """The height the header takes at this width (its title fitted to it)."""
        self.fit(width)
        shown = [label.heightForWidth(width) for label in (self.kicker, self.title) if not label.isHidden()]
        return sum(shown) + (self.dots.sizeHint().height() if not self.dots.isHidden() else 0)


class MessageZone(QWidget):
    """The words of one screen: the header, the part's paragraphs and list items, and the page's
    source line at the foot. The waiting room's paginator has made sure that they fit."""

    def __init__(self, palette: Palette, family: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._palette, self._family = palette, family
        self.header = SignHeader(palette, family, self)
        self.sources = unit_widget(Unit(BlockKind.SOURCES, ""), palette, self)
        self._units: list[QWidget] = []
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        # Its size is the room the paginator measured, never what the words on it would like.
        self._column.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._column.addWidget(self.header)
        self._column.addStretch(1)
        self._column.addWidget(self.sources)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return False  # its height is its share of the screen, whatever the words on it

    def show_part(self, page: Page, units: list[Unit], part: int, parts: int, metrics: SignageMetrics) -> None:
        """Show a part of a page: its header, its units (a paragraph's pieces as one) and the source line."""
        for widget in self._units:
            self._column.removeWidget(widget)
            widget.hide()  # gone from the screen now; deleted once Qt is back in its event loop
            widget.deleteLater()
        self._units = []
        while self._column.count() > 3:  # the header, the stretch and the source line stay
            self._column.takeAt(1)
        self.header.set_page(page, part, parts)
        position = 1
        for unit in joined(units):
            if unit.kind == BlockKind.HEADING:  # as the paginator counts it: a gap more above
                self._column.insertSpacing(position, metrics.gap)
                position += 1
            widget = unit_widget(unit, self._palette, self)
            self._units.append(widget)
            self._column.insertWidget(position, widget)
            position += 1
        self.sources.setText(sources_of(page))
        self.sources.setVisible(bool(self.sources.text()))
        self._column.setSpacing(metrics.gap)
        apply_metrics(self, self._family, metrics)
        self.header.fit(self.width())  # after: apply_metrics gives the title its role's type
        for widget in self._units:
            widget.show()  # a layout would show them only once Qt is back in its event loop

    def texts(self) -> list[str]:
        """The words on show, a label at a time (the header's, the part's, the source line)."""
        from PySide6.QtWidgets import QLabel

        return [label.text() for label in self.findChildren(QLabel) if label.text() and label.isVisibleTo(self)]


QWIDGETSIZE_MAX = 16777215  # Qt's "no maximum size"
CAPTION_LEAST = 0.35  # of a portrait band's width: the names of what is lit keep a column


class _MapFrame(QWidget):
    """Holds one widget over its whole area, and asks its layout for no height of its own."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self._child: QWidget | None = None
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    def hold(self, child: QWidget) -> None:
        """Take the widget in, over the frame's whole area."""
        self._child = child
        child.setParent(self)
        child.setGeometry(self.rect())
        child.show()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._child is not None:
            self._child.setGeometry(self.rect())

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(0, 0)


class PictureZone(QWidget):
    """The screen's one picture: the body map lighting the step's organs, named under it; for a step
    that lights none, the page's icon, large, in its colour."""

    def __init__(self, content: Content, palette: Palette, parent: QWidget | None = None):
        super().__init__(parent)
        self._palette, self._content = palette, content
        # No hotspots: nothing on an unattended screen is to look like a control. A touch on an
        # organ still opens its step (BodyMap's own click).
        self.body = BodyPanel(content, palette, crop=UPPER_BODY, hotspots=False, parent=self)
        self.body.title.hide()  # the caption under the map names what is lit, which says what it is
        # The map fills what the caption leaves, whatever its width: in a frame that asks no
        # height of its own (the map asks the height that shows it whole at its width).
        frame = _MapFrame(self.body)
        self.body.layout().replaceWidget(self.body.map, frame)
        frame.hold(self.body.map)  # after: a widget that leaves its parent leaves its layout too
        self.body.layout().setStretchFactor(frame, 1000)  # and not the stretch at the panel's foot
        self._frame = frame
        self.icon = IconLabel(None, palette.accent, "zoom", self)
        self.icon.hide()
        self.covered = False
        self._shown: tuple[TourStep, Page] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.icon, 1, Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return False  # its height is its share of the screen: the map fits in it, however wide

    def iconic(self, step: TourStep, page: Page) -> bool:
        """Whether a step shows its page's icon rather than the map: it lights no organ."""
        return not lit_organs(self._content, step) and page.icon is not None

    def show_step(self, step: TourStep, page: Page) -> None:
        """The picture of a step: the map with its organs lit and named, or its page's icon."""
        self._shown = step, page
        self.body.show_step(step)
        lit = bool(self.body.map.lit())
        iconic = self.iconic(step, page)
        self.body.setVisible(not iconic and not self.covered)
        self.body.caption.setVisible(lit)  # unlit, it would say "Choose a step": nobody chooses here
        self.icon.setVisible(iconic and not self.covered)
        if iconic:
            self.icon.set_icon(page.icon, page_colour(page, self._palette))

    def set_covered(self, covered: bool) -> None:
        """Clear the zone for something shown over it (the countdown), its room kept; or show the
        picture again. Nothing is left half hidden under what covers it."""
        self.covered = covered
        if self._shown is not None:
            self.show_step(*self._shown)

    def least_height(self, map_height: int) -> int:
        """The height that shows the caption whole, with a map at least `map_height` tall under
        it (a landscape column) or beside it (a portrait band)."""
        caption = self.body.caption
        words = caption.heightForWidth(caption.width()) if caption.isVisibleTo(self) else 0
        if self.body.layout().direction() == QBoxLayout.Direction.LeftToRight:
            return max(words, map_height)
        return words + self.body.layout().spacing() + map_height

    def set_portrait(self, portrait: bool) -> None:
        """The caption under the map on a landscape screen's narrow column, beside it on a portrait
        screen's wide band: there the map takes the band's whole height."""
        direction = QBoxLayout.Direction.LeftToRight if portrait else QBoxLayout.Direction.TopToBottom
        self.body.layout().setDirection(direction)
        self._frame.setMinimumWidth(0)  # until share_the_band sizes it for a portrait band
        self._frame.setMaximumWidth(QWIDGETSIZE_MAX)
        self.body.layout().setStretchFactor(self.body.caption, 1500 if portrait else 0)
        self.body.layout().setAlignment(self.body.caption, Qt.AlignmentFlag.AlignVCenter if portrait
                                        else Qt.AlignmentFlag.AlignTop)

    def share_the_band(self) -> None:
        """On a portrait band, the map as wide as the band's height lets it be drawn whole, and
        the caption beside it the rest (a third of the band at least): a tall band shows a large
        map, not a small one over empty room."""
        layout = self.body.layout()
        if layout.direction() != QBoxLayout.Direction.LeftToRight or self.height() <= 0:
            return
        band = self.width() - layout.spacing()
        self._frame.setFixedWidth(min(self.body.map.width_for_height(self.height()), round(band * (1 - CAPTION_LEAST))))

    def rescale(self, metrics: SignageMetrics) -> None:
        self.layout().setSpacing(metrics.gap)
