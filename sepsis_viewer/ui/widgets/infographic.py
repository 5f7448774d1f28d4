"""The infographic of one content: header, diagram, panels, detail and call to action, driven by
one TourPosition. The desktop window and the waiting-room screen both show it; neither needs to
know how it routes a selection."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLayout, QVBoxLayout, QWidget

from sepsis_viewer.body_map import DEFAULT_FIGURE
from sepsis_viewer.charts.data import chart_data
from sepsis_viewer.content import Content
from sepsis_viewer.pages import page_for, spoken_summary
from sepsis_viewer.tour import ABOUT, ABOUT_STEP, NUMBERS, StepKind, TourPosition, TourStep, build_tour
from sepsis_viewer.ui.widgets.banners import CallToActionBar, Header
from sepsis_viewer.ui.widgets.body_panel import UPPER_BODY, BodyPanel
from sepsis_viewer.ui.widgets.detail import DetailView
from sepsis_viewer.ui.widgets.diagram import ProgressionDiagram
from sepsis_viewer.ui.widgets.panels import PanelArea
from sepsis_viewer.ui.widgets import roles
from sepsis_viewer.ui.widgets.rounded import framed
from sepsis_viewer.ui.widgets.speech import announce
from sepsis_viewer.ui.widgets.text import apply_metrics, set_background
from sepsis_viewer.ui.widgets.theme import Metrics, Palette, metrics_for


class InfographicView(QWidget):
    """Everything one content shows, in one widget; `select` shows a tour step or About."""

    language_chosen = Signal(str)  # the header's language list

    def __init__(self, content: Content, palette: Palette, family: str, *,
                 languages: list[tuple[str, str]] | None = None, figure: str = DEFAULT_FIGURE,
                 figure_choice: bool = False, parent: QWidget | None = None):
        """`languages`: (code, name) pairs for the header's language list; none, no list.
        `figure`: the body map's figure; `figure_choice` offers the other one."""
        super().__init__(parent)
        roles.install()  # before any part of it is asked for its role
        self.content = content
        self._palette, self._family = palette, family
        self.metrics: Metrics | None = None  # none until the view has a size (see rescale)
        self._offset = (0, 0)
        self.tour = TourPosition(build_tour(content))
        self.tour.subscribe(self._on_step)
        set_background(self, palette.window)
        self.header = Header(content, palette, self, languages=languages or [])
        self.header.language_chosen.connect(self.language_chosen)
        self.diagram = ProgressionDiagram(content, palette, self)
        self.body_map = BodyPanel(content, palette, figure=figure, figure_choice=figure_choice, crop=UPPER_BODY,
                                  parent=self)
        self.panels = PanelArea(content, palette, family, self)
        self.detail = DetailView(palette, family, None, self)
        self.detail.set_chart_source(lambda chart_id: chart_data(content, chart_id))
        self.cta = CallToActionBar(content, palette, self)
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._body.setContentsMargins(0, 0, 0, 0)
        self._body.addWidget(self.panels, 5)
        self._body.addWidget(framed(self.detail, palette.surface, palette.border, 1.0, 8.0), 6)
        layout = QVBoxLayout(self)
        # The type shrinks with the window, so the window may always shrink: the minimum of the
        # layout at today's type must not stop a move to a smaller screen.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        # The body map stands beside the four steps and what they open: one diagram.
        self._steps = QVBoxLayout()  # a column of its own, so that the diagram's height follows its width
        self._steps.setContentsMargins(0, 0, 0, 0)
        self._steps.addWidget(self.diagram)
        # The panel tabs span the cards and the detail: four tabs over the cards alone wrapped their
        # titles over four or five lines on a laptop screen.
        self.panels.layout().removeWidget(self.panels.tab_row)
        self._steps.addWidget(self.panels.tab_row)
        self._steps.addLayout(self._body, 1)
        self._middle = QHBoxLayout()
        self._middle.setContentsMargins(0, 0, 0, 0)
        self._middle.addWidget(self.body_map)
        self._middle.addLayout(self._steps, 1)
        layout.addWidget(self.header)
        layout.addLayout(self._middle, 1)
        layout.addWidget(self.cta)
        for view in (self.header, self.panels, self.cta, self.detail, self.body_map, *self.diagram.nodes):
            view.activated.connect(self.select)
        self._above: list[QWidget] = []
        self.panels.cards_made.connect(self._order_tabs)
        self.detail.laid_out.connect(self._order_tabs)
        self.body_map.hotspots_made.connect(self._order_tabs)
        self._on_step(self.tour.current)

    def minimumSizeHint(self):  # noqa: N802
        return QSize(320, 240)  # see SetNoConstraint above

    # --- selection ------------------------------------------------------------------------

    def select(self, step_id: str) -> None:
        """Show a tour step (a stage, panel, item, the numbers, the call to action) or About, and
        tell a screen reader what it is."""
        if step_id == ABOUT:
            self._check(None)
            self.detail.show_page(page_for(self.content, ABOUT_STEP))
            self.body_map.show_step(ABOUT_STEP)
        else:
            self.tour.select(step_id)
        announce(spoken_summary(self.detail.page), self)

    def _on_step(self, step: TourStep) -> None:
        if step.panel:
            self.panels.show_panel(step.panel)  # first: it may make the cards that _check marks
        self._check(NUMBERS if step.kind == StepKind.CHART else step.id)  # a chart is part of the numbers
        self.detail.show_page(page_for(self.content, step))
        self.body_map.show_step(step)
        self.reveal_selection()

    def reveal_selection(self) -> None:
        """Scroll the selected panel item into view (again once the layout has settled)."""
        step = self.tour.current
        if step.kind == StepKind.ITEM:
            self.panels.pages[step.panel].ensureWidgetVisible(self.panels.cards[step.id], 0, 8)

    def _check(self, step_id: str | None) -> None:
        """Mark the card of this step as selected, and no other."""
        for card in (*self.diagram.nodes, *self.panels.cards.values(), self.header.numbers):
            card.setChecked(card.ident == step_id)

    def focus_first(self) -> None:
        """Put the keyboard on the first stage, quietly: arrows and Enter work at once."""
        self.diagram.nodes[0].setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    # --- the keyboard -----------------------------------------------------------------------

    def tab_order(self) -> list[QWidget]:
        """Every control in the order Tab reaches it: the screen from top to bottom, the detail's
        links and chart right after its text. The body map's organs come after the detail: they
        open the same items again, and a screen reader should not pass fifteen organs to reach
        the four stages."""
        header = self.header
        return [*self._above_controls(), header.numbers, header.about, *([header.language] if header.language else []),
                *self.diagram.nodes, *self.panels.tabs.values(), *self.panels.made_cards(),
                *self.detail.controls(), *self.body_map.controls(), self.cta.more]

    def _order_tabs(self) -> None:
        chain = self.tab_order()
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)

    def focus_key(self) -> tuple | None:
        """Which control has the keyboard, said so that another view of other content finds its own."""
        focus = self.window().focusWidget()  # not QApplication's: a window no manager activated has one too
        return next((key for key, widget in self._controls().items() if widget is focus), None)

    def restore_focus(self, key: tuple | None) -> None:
        """Give the keyboard to this view's control of that key (see focus_key), else to its first."""
        controls = self._controls()
        target = controls.get(key) or next(iter(controls.values()))
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _above_controls(self) -> list[QWidget]:
        return [w for widget in self._above for w in widget.findChildren(QWidget)
                if w.focusPolicy() & Qt.FocusPolicy.TabFocus]

    def _controls(self) -> dict[tuple, QWidget]:
        header, detail = self.header, self.detail
        found = {("above", index): control for index, control in enumerate(self._above_controls())}
        found.update({("numbers",): header.numbers, ("about",): header.about})
        if header.language is not None:
            found[("language",)] = header.language
        found.update({("card", card.ident): card for card in
                      (*self.diagram.nodes, *self.panels.tabs.values(), *self.panels.made_cards())})
        found.update({("link", link.property("target")): link for link in detail.links})
        found.update({("detail", index): control for index, control in enumerate(detail.controls())
                      if control not in detail.links})
        found.update({("organ", organ): hotspot for organ, hotspot in self.body_map.hotspots.items()})
        if self.body_map.figure_button is not None:
            found[("figure",)] = self.body_map.figure_button
        found[("cta",)] = self.cta.more
        return found

    def reveal_later(self) -> None:
        QTimer.singleShot(0, self.reveal_selection)

    # --- size -----------------------------------------------------------------------------

    def rescale_for(self, width: int, height: int, force: bool = False) -> Metrics:
        """Size every font, icon and gap for a window of this size; portrait stacks the body."""
        metrics = metrics_for(width, height)
        # The figure (arms held out) is about two thirds as wide as it is tall: so that it fills the
        # height beside the steps, a fifth of a landscape window. A width of its own, which the type
        # does not follow step by step: a window a little wider keeps its type, not its map.
        self.body_map.setFixedWidth(round(width * (0.22 if height > width else 0.19 if width < 1200 else 0.21)))
        if metrics == self.metrics and not force:
            return metrics
        self.metrics = metrics
        apply_metrics(self, self._family, metrics)
        self._set_margins()
        self.layout().setSpacing(metrics.gap)
        self._body.setSpacing(metrics.gap)
        self._middle.setSpacing(metrics.gap)
        self._steps.setSpacing(metrics.gap)
        portrait = height > width
        # A portrait screen (common in waiting rooms) stacks the panels above the detail.
        self._body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        # Tall screens: what the steps leave goes a third to the panels (they scroll) and two thirds
        # to the detail, so that the words chosen are read without scrolling the moment they open.
        self._body.setStretch(0, 1 if portrait else 5)
        self._body.setStretch(1, 2 if portrait else 6)
        self.panels.setMaximumHeight(round(height * 0.18) if portrait else 16777215)
        if portrait:
            # The panels keep the height of the fullest one, so that the detail does not move when
            # another panel opens: that takes every panel's cards.
            self.panels.make_all_cards()
        self.body_map.fit_beside(portrait)
        self.diagram.set_portrait(portrait)
        self.cta.set_portrait(portrait)
        self._arrange(portrait)
        return metrics

    def _arrange(self, portrait: bool) -> None:
        """Landscape: the map beside the steps and everything they open. Portrait: beside the steps
        only, and the tabs, cards and detail across the whole width under them."""
        main = self.layout()
        inside = self._steps.indexOf(self.panels.tab_row) >= 0
        if portrait == (not inside):
            return
        self._steps.removeWidget(self.panels.tab_row)
        self._steps.removeItem(self._body)
        main.removeWidget(self.panels.tab_row)
        main.removeItem(self._body)
        if portrait:
            at = main.indexOf(self.cta)
            main.insertWidget(at, self.panels.tab_row)
            main.insertLayout(at + 1, self._body, 1)
            main.setStretchFactor(self._middle, 0)
        else:
            self._steps.addWidget(self.panels.tab_row)
            self._steps.addLayout(self._body, 1)
            main.setStretchFactor(self._middle, 1)

    def place_above(self, widgets: list[QWidget]) -> None:
        """Put widgets that outlive one content (a warning, a progress line) above the header."""
        for index, widget in enumerate(widgets):
            widget.setParent(self)
            self.layout().insertWidget(index, widget)
            if self.metrics is not None:
                apply_metrics(widget, self._family, self.metrics)
        self._above += widgets
        self._order_tabs()

    def take_above(self, widgets: list[QWidget]) -> None:
        for widget in widgets:
            self.layout().removeWidget(widget)
            widget.setParent(None)
            if widget in self._above:
                self._above.remove(widget)

    def set_offset(self, dx: int, dy: int) -> None:
        """Shift everything by a few pixels (the waiting room's guard against burn-in)."""
        self._offset = (dx, dy)
        self._set_margins()

    def _set_margins(self) -> None:
        if self.metrics is None:
            return
        m, (dx, dy) = self.metrics, self._offset
        self.layout().setContentsMargins(m.margin + dx, m.gap + dy, m.margin - dx, m.margin - dy)



class InfographicHost:
    """What a window showing one InfographicView (its `view`) offers the modes, the command line
    and the tests: the view's parts by name, and `select`."""

    view: InfographicView | None
    content = property(lambda self: self.view.content)
    tour = property(lambda self: self.view.tour)
    header = property(lambda self: self.view.header)
    diagram = property(lambda self: self.view.diagram)
    panels = property(lambda self: self.view.panels)
    detail = property(lambda self: self.view.detail)
    cta = property(lambda self: self.view.cta)

    def select(self, step_id: str) -> None:
        """Show a tour step or About."""
        self.view.select(step_id)

    def _rescale(self) -> None:
        """Size the view (and what the window keeps around it) for the window's size."""
        self.view.rescale_for(self.width(), self.height())

    def setVisible(self, visible: bool) -> None:  # noqa: N802
        # Before Qt lays the window out to show it: its first resize event would come after that.
        if visible and self.view.metrics is None:
            self._rescale()
        super().setVisible(visible)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._rescale()
