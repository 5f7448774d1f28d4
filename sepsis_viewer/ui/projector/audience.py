"""The audience view: what the projector shows, one slide per step of the tour (or per part)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QRect, Qt
from PySide6.QtWidgets import QApplication, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from sepsis_viewer.charts.data import chart_data
from sepsis_viewer.content.model import Content
from sepsis_viewer.organ_ties import lit_organs
from sepsis_viewer.pages import BlockKind, page_for, zoom_for
from sepsis_viewer.strings import ui
from sepsis_viewer.tour import TourStep
from sepsis_viewer.ui.projector.overlays import HelpPanel, OverviewPanel, ZoomPanel
from sepsis_viewer.ui.projector.control import BLACK, HELP, OVERVIEW, WHITE, ZOOM, ProjectorController
from sepsis_viewer.ui.projector.presenter import PresenterView
from sepsis_viewer.ui.projector.slides import SlideFooter, SlideHeader, StageBand, slide_sizes
from sepsis_viewer.ui.widgets.body_panel import UPPER_BODY, BodyPanel
from sepsis_viewer.ui.widgets.pagination import Paginator, Unit, sources_of, unit_widget
from sepsis_viewer.ui.widgets.speech import announce
from sepsis_viewer.ui.widgets.text import apply_metrics, set_background
from sepsis_viewer.ui.widgets.theme import LETTERBOX, PROJECTOR, Palette, SlideMetrics

WIDEST, NARROWEST = 16 / 9, 4 / 3


def canvas_rect(width: int, height: int) -> QRect:
    """The slide's place on the screen: the whole screen from 4:3 to 16:9, letterboxed beyond."""
    if width <= 0 or height <= 0:
        return QRect(0, 0, max(width, 0), max(height, 0))
    aspect = width / height
    # Screens a hair wider than 16:9 (1366x768) are 16:9 for this purpose: no 1-pixel bars.
    if aspect > WIDEST * 1.01:
        slide_width = round(height * WIDEST)
        return QRect((width - slide_width) // 2, 0, slide_width, height)
    if aspect < NARROWEST / 1.01:
        slide_height = round(width / NARROWEST)
        return QRect(0, (height - slide_height) // 2, width, slide_height)
    return QRect(0, 0, width, height)


class SlidePage(QWidget):
    """The page of the current step (or one part of it)."""

    def __init__(self, palette: Palette, family: str, parent: QWidget | None = None, content: Content | None = None):
        super().__init__(parent)
        self._palette, self._family, self._content = palette, family, content
        self.header = SlideHeader(palette, self)
        self._units: list[QWidget] = []
        self.chart = None  # the one chart slot, made when a chart is first shown, then reused
        self._column = layout = QVBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addStretch(1)
        self.sources = unit_widget(Unit(BlockKind.SOURCES, ""), palette, self)
        layout.addWidget(self.sources)
        # The body map beside the words, large, for every step that lights organs.
        self.map = BodyPanel(content, palette, crop=UPPER_BODY, hotspots=False, parent=self)
        self.map.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(layout, 1)
        row.addWidget(self.map)

    def show_organs(self, step: TourStep, width: int, gap: int) -> None:
        """Light the step's organs on a map `width` pixels wide, or hide the map if it lights none."""
        self.map.show_step(step)
        lights = bool(self.map.map.lit())
        self.map.setVisible(lights)
        self.map.setFixedWidth(width)
        self.layout().setSpacing(gap * 3)

    def show_part(self, page, units: list[Unit], part: int, parts: int, metrics: SlideMetrics) -> None:
        for widget in self._units:
            self._column.removeWidget(widget)
            widget.hide()  # gone from the screen now; deleted once Qt is back in its event loop
            widget.deleteLater()
        self._units = []
        self.header.set_page(page, part, parts)
        layout = self._column
        # Rebuild between the header and the source line at the foot.
        while layout.count() > 2:
            layout.takeAt(1)
        position = 1
        if self.chart is not None:
            self.chart.hide()
        charted = False
        for unit in units:
            if unit.kind == BlockKind.HEADING:
                layout.insertSpacing(position, metrics.gap)
                position += 1
            if unit.kind == BlockKind.CHART:
                layout.insertWidget(position, self._show_chart(unit.text), 1)
                charted = True
            else:
                widget = unit_widget(unit, self._palette, self)
                self._units.append(widget)
                layout.insertWidget(position, widget)
            position += 1
        if not charted:  # a chart fills the room; text sits at the top
            layout.insertStretch(position, 1)
        self.sources.setText(sources_of(page))
        self.sources.setVisible(bool(self.sources.text()))
        layout.setSpacing(metrics.gap)
        apply_metrics(self, self._family, metrics)
        for widget in self._units:
            widget.show()  # a layout would show them only once Qt is back in its event loop

    def _show_chart(self, chart_id: str) -> QWidget:
        if self.chart is None:
            from sepsis_viewer.ui.widgets.chart_view import ChartPanel  # matplotlib: only once a chart is wanted

            self.chart = ChartPanel(self._palette, self._family, with_text_button=False, parent=self)
        self.chart.show_chart(chart_data(self._content, chart_id))
        self.chart.show()
        return self.chart

    def texts(self) -> list[str]:
        from PySide6.QtWidgets import QLabel

        return [label.text() for label in self.findChildren(QLabel) if label.text() and label.isVisibleTo(self)]


class AudienceView(QWidget):
    """Letterboxed slide: the stage band on top, the step's page, the call to action at the bottom."""

    def __init__(self, content: Content, controller: ProjectorController, family: str,
                 palette: Palette = PROJECTOR):
        super().__init__()
        self.content, self.controller = content, controller
        self._palette, self._family = palette, family
        self.setWindowTitle(ui("projector_title"))
        set_background(self, LETTERBOX)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.canvas = QWidget(self)
        set_background(self.canvas, palette.window)
        self.band = StageBand(content, palette, self.canvas)
        self.slide = SlidePage(palette, family, content=content)
        self.overview = OverviewPanel(content, palette)
        self.help = HelpPanel(palette)
        self.body = QStackedWidget(self.canvas)
        for panel in (self.slide, self.overview, self.help):
            self.body.addWidget(panel)
        cta = content.call_to_action
        self.footer = SlideFooter(cta.action(), palette, self.canvas, note=cta.emergency_note)
        layout = QVBoxLayout(self.canvas)
        layout.addWidget(self.band)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.footer)
        self.zoom = ZoomPanel(palette, self)
        self.blank = QWidget(self)
        for cover in (self.zoom, self.blank):
            cover.setProperty("overlay", True)  # covers the slide on purpose
            cover.hide()
        self._paginator = Paginator(palette, family, lambda parent: SlideHeader(palette, parent))
        self._splits: dict[tuple, tuple[SlideMetrics, list[list[Unit]]]] = {}
        self._metrics: SlideMetrics | None = None
        controller.changed.connect(self.refresh)
        controller.moved.connect(self._on_moved)
        controller.set_parts_source(self.parts_for)

    # --- layout -------------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.relayout()

    def relayout(self) -> None:
        """Fit the slide to the window again (a new size, or a new screen)."""
        rect = canvas_rect(self.width(), self.height())
        if (rect, self.height()) == getattr(self, "_laid_out", None):
            return  # nothing changed (grabs and shows send resize events of the same size)
        self._laid_out = (rect, self.height())
        self.canvas.setGeometry(rect)
        self.zoom.setGeometry(rect)
        self.blank.setGeometry(self.rect())
        if self.height() <= 0 or rect.width() <= 0:
            return
        metrics = SlideMetrics(self.height())
        self._metrics = metrics
        apply_metrics(self.canvas, self._family, metrics)
        apply_metrics(self.zoom, self._family, metrics)
        pad = metrics.margin
        self.canvas.layout().setContentsMargins(pad, pad, pad, pad)
        self.canvas.layout().setSpacing(metrics.gap * 2)
        # New fonts leave layout requests queued in the band and the footer; settle them now so
        # that the room measured for the slide is the room it will have.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.canvas.layout().activate()
        self._splits.clear()
        self.controller.set_parts_source(self.parts_for)

    def parts_for(self, step: TourStep) -> int:
        return len(self._split(step)[1])

    def _split(self, step: TourStep) -> tuple[SlideMetrics, list[list[Unit]]]:
        size = self.body.size()
        key = (step.id, size.width(), size.height(), self.height())
        if key not in self._splits:
            if self._metrics is None or size.width() <= 0 or size.height() <= 0:
                return SlideMetrics(max(1, self.height())), [[]]
            page = page_for(self.content, step)
            width = size.width() - (self._map_room() if lit_organs(self.content, step) else 0)
            self._splits[key] = self._paginator.split(page, width, size.height(), slide_sizes(self.height()))
        return self._splits[key]

    MAP_SHARE = 0.3  # of the slide's width, for the body map beside the words

    def _map_room(self) -> int:
        """The width the body map and the space before it take from the words."""
        return round(self.canvas.width() * self.MAP_SHARE) + self._metrics.gap * 3

    # --- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show what the controller says: the slide, and any overlay on it."""
        if self._metrics is None:
            return
        c = self.controller
        step = c.step
        overlay = c.overlay
        stage_number = next((s.number for s in self.content.stages if s.id == step.id), None)
        if overlay == OVERVIEW:
            self.band.set_state(len(self.content.stages), None)
        else:
            self.band.set_state(c.stages_revealed(), stage_number)
        self.footer.set_progress(ui("slide_progress", index=c.slide_index() + 1, count=c.slide_count()))
        metrics, parts = self._split(step)
        part = min(c.part, len(parts) - 1)
        self.slide.show_organs(step, round(self.canvas.width() * self.MAP_SHARE), self._metrics.gap)
        self.slide.show_part(page_for(self.content, step), parts[part], part, len(parts), metrics)
        # Lay the new slide out now, not whenever the event loop gets to it: a slide seen (or
        # grabbed for the presenter's preview) between the two would have last slide's line breaks.
        for _ in range(2):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.body.setCurrentWidget({OVERVIEW: self.overview, HELP: self.help}.get(overlay, self.slide))
        self.zoom.setVisible(overlay == ZOOM)
        if overlay == ZOOM:
            self.zoom.set_page(zoom_for(self.content, step))
            apply_metrics(self.zoom, self._family, self._metrics)
            self.zoom.raise_()
        self.blank.setVisible(overlay in (BLACK, WHITE))
        if overlay in (BLACK, WHITE):
            set_background(self.blank, "#000000" if overlay == BLACK else "#FFFFFF")
            self.blank.raise_()

    def _on_moved(self) -> None:
        # With the presenter view open, that view says it (and the notes): a teacher hears it once.
        if not any(isinstance(w, PresenterView) and w.isVisible() for w in QApplication.topLevelWidgets()):
            announce(self.controller.slide_title(), self)

    # --- input --------------------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if not self.controller.handle_key(event.key(), event.text()):
            super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        self.controller.set_overlay(None if self.controller.overlay == ZOOM else ZOOM)
