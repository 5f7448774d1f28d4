"""The three side panels: how sepsis harms the body, where it starts, who is at higher risk."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sepsis_viewer.content.model import Content, Panel
from sepsis_viewer.strings import ui
from sepsis_viewer.ui.widgets.cards import CardButton, ItemCard, link_neighbours
from sepsis_viewer.ui.widgets.roles import Role, speaks_as, tell_selection_changed
from sepsis_viewer.ui.widgets.text import IconLabel, ScrollPage, apply_metrics, set_text_colour, viewport_of
from sepsis_viewer.ui.widgets.theme import Metrics, Palette


@speaks_as(Role.PageTab)
class PanelTab(CardButton):
    """The button that opens a panel; filled with the accent colour while its panel is open."""

    def __init__(self, panel: Panel, palette: Palette, parent: QWidget | None = None):
        super().__init__(panel.id, palette, palette.accent, parent)
        self.icon = IconLabel(panel.icon, palette.accent, "small", self)
        self.title = self._label(panel.title, "body-bold")
        layout = QHBoxLayout(self)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.title, 1)
        self.setAccessibleName(panel.title)
        self.toggled.connect(self._on_toggled)

    def selected_background(self) -> str:
        return self._palette.accent

    def _on_toggled(self, checked: bool) -> None:
        p = self._palette
        set_text_colour(self.title, p.accent_text if checked else p.text)
        self.icon.set_icon(self.icon._path, p.accent_text if checked else p.accent)
        tell_selection_changed(self)


@speaks_as(Role.PageTabList)
class TabRow(QWidget):
    """The row of panel tabs, named for screen readers ("Topics")."""


@speaks_as(Role.Client)
class PanelStack(QStackedWidget):
    """The open panel's page; a filler to screen readers (Qt's "layered pane" said nothing useful)."""


@speaks_as(Role.Grouping)
class PanelCards(ScrollPage):
    """A panel's cards, named by the panel, so that a screen reader says which panel they are in."""


class PanelPage(QScrollArea):
    """One panel's items as cards, in one or two columns as the width allows, scrolling if needed.

    The cards are made when the panel is first opened (or its cards are asked for): a start opens
    one panel of three, and making, sizing and laying out the cards of the other two was some 3%
    of it. `on_cards` is told of them once they are made.
    """

    def __init__(self, panel: Panel, palette: Palette, family: str, on_cards: Callable[[list[ItemCard]], None],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.panel = panel
        self._palette, self._family, self._on_cards = palette, family, on_cards
        self._metrics: Metrics | None = None
        self._cards: list[ItemCard] | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the cards take the focus and scroll into view
        inner = PanelCards()
        inner.setObjectName("panelInner")
        inner.setAccessibleName(panel.title)
        self._grid = QGridLayout(inner)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._columns = 0
        self._min_column_px = 260
        self.setWidget(inner)
        # setWidget turns the fill on; the window colour should show through.
        viewport_of(self).setAutoFillBackground(False)  # not self.viewport(): see viewport_of
        inner.setAutoFillBackground(False)

    @property
    def cards(self) -> list[ItemCard]:
        """The panel's item cards, in order (made now if they were not yet)."""
        return self.make_cards()

    def make_cards(self) -> list[ItemCard]:
        """Make the cards if they were not yet; returns them."""
        if self._cards is None:
            self._make_cards()
        return self._cards

    def _make_cards(self) -> None:
        self._cards = [ItemCard(item, self._palette) for item in self.panel.items]
        link_neighbours(self._cards)
        for card in self._cards:
            card.focused.connect(lambda card=card: self.ensureWidgetVisible(card, 0, 8))
            if self._metrics is not None:  # sized as the window's other cards already are
                apply_metrics(card, self._family, self._metrics)
        self._columns = 0
        self._arrange(2 if self._metrics is None else self._wanted_columns())
        self._on_cards(self._cards)

    def sizeHint(self):  # noqa: N802
        # All the cards, as far as the width allows (QScrollArea's own hint is capped).
        hint = super().sizeHint()
        inner = self.widget()
        width = max(1, self.viewport().width())
        hint.setHeight(inner.layout().totalHeightForWidth(width) + 2 * self.frameWidth())
        return hint

    def rescale(self, metrics: Metrics) -> None:
        self._metrics = metrics
        self._grid.setSpacing(metrics.gap)
        self._min_column_px = metrics.base * 16
        self._arrange(self._wanted_columns())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._arrange(self._wanted_columns())

    def _wanted_columns(self) -> int:
        return 2 if self.viewport().width() >= 2 * self._min_column_px else 1

    def _arrange(self, columns: int) -> None:
        if columns == self._columns or self._cards is None:
            return
        self._columns = columns
        for card in self._cards:
            self._grid.removeWidget(card)
        for index, card in enumerate(self._cards):
            self._grid.addWidget(card, index // columns, index % columns)
        for column in range(2):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        self._grid.setRowStretch(self._grid.rowCount(), 1)


class PanelArea(QWidget):
    """The panel tabs (`tab_row`, which a view may place elsewhere) and the open panel's cards."""

    activated = Signal(str)  # a panel id or an item id
    cards_made = Signal()  # a panel's cards were made (the keyboard's order takes them in)

    def __init__(self, content: Content, palette: Palette, family: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.tabs: dict[str, PanelTab] = {}
        self.pages: dict[str, PanelPage] = {}
        self.cards: dict[str, ItemCard] = {}  # the cards made so far (see PanelPage)
        self.tab_row = TabRow(self)
        self.tab_row.setAccessibleName(ui("panels_accessible"))
        tab_row = QHBoxLayout(self.tab_row)
        tab_row.setContentsMargins(0, 0, 0, 0)
        self.stack = PanelStack(self)
        for panel in content.panels:
            tab = PanelTab(panel, palette, self.tab_row)
            tab.activated.connect(self.activated)
            tab_row.addWidget(tab, 1)
            self.tabs[panel.id] = tab
        for panel in content.panels:
            page = PanelPage(panel, palette, family, self._on_cards, self.stack)
            self.stack.addWidget(page)
            self.pages[panel.id] = page
        link_neighbours(list(self.tabs.values()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tab_row)
        layout.addWidget(self.stack, 1)
        self.show_panel(content.panels[0].id)

    def _on_cards(self, cards: list[ItemCard]) -> None:
        for card in cards:
            card.activated.connect(self.activated)
            self.cards[card.ident] = card
        self.cards_made.emit()

    def made_cards(self) -> list[ItemCard]:
        """The cards made so far, panel by panel in the panels' order (the hidden ones too)."""
        return [card for page in self.pages.values() if page._cards for card in page._cards]

    def make_all_cards(self) -> None:
        """Make the cards of every panel, not only of those opened so far."""
        for page in self.pages.values():
            page.make_cards()

    def rescale(self, metrics: Metrics) -> None:
        self.layout().setSpacing(metrics.gap)
        self.tab_row.layout().setSpacing(metrics.gap)

    def show_panel(self, panel_id: str) -> None:
        """Open a panel: its tab is marked and its cards are shown."""
        for ident, tab in self.tabs.items():
            tab.setChecked(ident == panel_id)
        page = self.pages[panel_id]
        page.make_cards()  # before the page shows, so that they show with it
        self.stack.setCurrentWidget(page)

    def all_cards(self) -> list[CardButton]:
        return [*self.tabs.values(), *self.cards.values()]
