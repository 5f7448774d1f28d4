"""What can cover a slide: the key help, everything at once, a zoomed step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from sepsis_viewer.content.model import Content
from sepsis_viewer.pages import Page
from sepsis_viewer.strings import ui
from sepsis_viewer.ui.widgets.blocks import page_colour
from sepsis_viewer.ui.widgets.text import IconLabel, TextLabel, set_background
from sepsis_viewer.ui.widgets.theme import Palette, SlideMetrics


class HelpPanel(QWidget):
    """The keys a presenter can press, as large as the rest of the slide."""

    def __init__(self, palette: Palette, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = TextLabel(ui("help_title"), "h2", self)
        grid = QGridLayout()
        for row, (keys, meaning) in enumerate(ui("help_keys")):
            grid.addWidget(TextLabel(keys, "body-bold", self), row, 0)
            grid.addWidget(TextLabel(meaning, "body", self), row, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self.close_hint = TextLabel(ui("help_close"), "small", self, colour=palette.muted)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addWidget(self.close_hint)
        layout.addStretch(1)

    def rescale(self, metrics: SlideMetrics) -> None:
        self.layout().setSpacing(metrics.gap)
        grid = self.layout().itemAt(1).layout()
        grid.setHorizontalSpacing(metrics.gap * 3)
        grid.setVerticalSpacing(max(2, metrics.gap // 2))


class OverviewPanel(QWidget):
    """Everything at once: each panel with its items, and the numbers' headline."""

    def __init__(self, content: Content, palette: Palette, parent: QWidget | None = None):
        super().__init__(parent)
        columns = QHBoxLayout()
        columns.setContentsMargins(0, 0, 0, 0)
        for panel in content.panels:
            column = QVBoxLayout()
            column.setContentsMargins(0, 0, 0, 0)
            head = QHBoxLayout()
            head.addWidget(IconLabel(panel.icon, palette.accent, "small", self), 0, Qt.AlignmentFlag.AlignTop)
            head.addWidget(TextLabel(panel.title, "body-bold", self), 1)
            column.addLayout(head)
            for item in panel.items:
                column.addWidget(TextLabel(f"• {item.title}", "small", self))
            column.addStretch(1)
            columns.addLayout(column, 1)
        self.headline = TextLabel(content.numbers.headline, "body-bold", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(columns, 1)
        layout.addWidget(self.headline)

    def rescale(self, metrics: SlideMetrics) -> None:
        self.layout().setSpacing(metrics.gap)
        columns = self.layout().itemAt(0).layout()
        columns.setSpacing(metrics.gap * 3)
        for index in range(columns.count()):
            column = columns.itemAt(index).layout()
            column.setSpacing(max(2, metrics.gap // 3))
            column.itemAt(0).layout().setSpacing(metrics.gap)


class ZoomPanel(QWidget):
    """One step filling the screen: its icon, title and a short line, for the back row."""

    def __init__(self, palette: Palette, parent: QWidget | None = None):
        super().__init__(parent)
        self._palette = palette
        set_background(self, palette.surface)
        self.icon = IconLabel(None, palette.accent, "zoom", self)
        self.title = TextLabel("", "zoom-title", self)
        self.text = TextLabel("", "zoom-text", self)
        for label in (self.title, self.text):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addStretch(1)

    def set_page(self, page: Page) -> None:
        self.icon.set_icon(page.icon, page_colour(page, self._palette))
        self.icon.setVisible(page.icon is not None)
        self.title.setText(page.title)
        text = page.blocks[0].text if page.blocks else ""
        self.text.setText(text)
        self.text.setVisible(bool(text))

    def rescale(self, metrics: SlideMetrics) -> None:
        pad = metrics.margin * 2
        self.layout().setContentsMargins(pad, pad, pad, pad)
        self.layout().setSpacing(metrics.gap * 2)
