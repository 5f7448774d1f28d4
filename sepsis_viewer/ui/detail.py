"""The detail area: lays out the page of whatever is selected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from sepsis_viewer.pages import Block, Page
from sepsis_viewer.strings import ui
from sepsis_viewer.ui.text import IconLabel, ScrollPage, TextLabel, apply_metrics, set_background, viewport_of
from sepsis_viewer.ui.theme import Metrics, Palette

_ROLES = {"heading": "title", "text": "body", "emphasis": "body-bold", "note": "small", "sources": "small"}


class DetailView(QScrollArea):
    """A scrolling page: icon, kicker and title on top, then headings, paragraphs and lists."""

    def __init__(self, palette: Palette, family: str, metrics: Metrics, parent: QWidget | None = None):
        super().__init__(parent)
        self._palette, self._family, self._metrics = palette, family, metrics
        self.page: Page | None = None
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setObjectName("detailView")
        self.setStyleSheet(
            f"#detailView {{ background: {palette.surface}; border: 1px solid {palette.border}; border-radius: 8px; }}"
        )
        set_background(viewport_of(self), palette.surface)  # not self.viewport(): see viewport_of
        self.setAccessibleName(ui("detail_accessible"))
        self.labels: list[QLabel] = []

    def rescale(self, metrics: Metrics) -> None:
        self._metrics = metrics
        inner = self.widget()
        if inner is not None:
            pad = metrics.margin
            inner.layout().setContentsMargins(pad, pad, pad, pad)
            inner.layout().setSpacing(max(4, metrics.gap // 2))

    def show_page(self, page: Page) -> None:
        """Replace what is shown with this page, scrolled to its top."""
        self.page = page
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        inner = ScrollPage()
        inner.setAutoFillBackground(False)
        layout = QVBoxLayout(inner)
        self.labels = []
        layout.addLayout(self._header(page, inner))
        for block in page.blocks:
            self._add_block(layout, block, inner)
        layout.addStretch(1)
        # Sized before setWidget, which lays the page out: a layout in the default font is wasted work.
        apply_metrics(inner, self._family, self._metrics)
        self.setWidget(inner)
        inner.setAutoFillBackground(False)  # setWidget turned it on; the viewport paints the card colour
        self.rescale(self._metrics)
        self.verticalScrollBar().setValue(0)

    def visible_text(self) -> str:
        """All the words on the page, in reading order (for tests and screen readers)."""
        return "\n".join(label.text() for label in self.labels)

    def _label(self, text: str, role: str, parent: QWidget, colour: str | None = None) -> TextLabel:
        label = TextLabel(text, role, parent, colour=colour)
        label.allow_mouse_selection()  # as setTextInteractionFlags(TextSelectableByMouse), when reached
        self.labels.append(label)
        return label

    def _header(self, page: Page, parent: QWidget) -> QHBoxLayout:
        p = self._palette
        colour = p.stage_colour(page.stage_number) if page.stage_number else p.accent
        row = QHBoxLayout()
        if page.icon is not None:
            row.addWidget(IconLabel(page.icon, colour, "page", parent), 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        if page.kicker:
            words.addWidget(self._label(page.kicker, "small-bold", parent, p.muted))
        words.addWidget(self._label(page.title, "h2", parent))
        row.addLayout(words, 1)
        return row

    def _add_block(self, layout: QVBoxLayout, block: Block, parent: QWidget) -> None:
        p = self._palette
        if block.kind == "list":
            for item in block.items:
                row = QHBoxLayout()
                row.setContentsMargins(0, 0, 0, 0)
                bullet = TextLabel("•", "body", parent, wrap=False)
                row.addWidget(bullet, 0, Qt.AlignmentFlag.AlignTop)
                row.addWidget(self._label(item, "body", parent), 1)
                layout.addLayout(row)
            return
        colour = p.muted if block.kind in ("note", "sources") else None
        label = self._label(block.text, _ROLES[block.kind], parent, colour)
        if block.kind == "heading":
            layout.addSpacing(self._metrics.gap // 2)
        layout.addWidget(label)
