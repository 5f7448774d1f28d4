"""The detail area: lays out the page of whatever is selected."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from sepsis_viewer.pages import Block, BlockKind, Page
from sepsis_viewer.strings import ui
from sepsis_viewer.ui.widgets.buttons import PushButton
from sepsis_viewer.ui.widgets.page_text import PageText
from sepsis_viewer.ui.widgets.blocks import labels_of, page_colour, text_widget
from sepsis_viewer.ui.widgets.text import IconLabel, ScrollPage, TextLabel, apply_metrics, set_text_role, viewport_of
from sepsis_viewer.ui.widgets.theme import Metrics, Palette


def link_style(palette: Palette) -> str:
    """A button that reads as a link to another view: the accent colour, underlined, a ring on focus."""
    return (f"QPushButton {{ background: transparent; color: {palette.accent}; text-decoration: underline;"
            f" border: 2px solid transparent; border-radius: 4px; padding: 0.15em 0.3em; text-align: left; }}"
            f" QPushButton:focus {{ border: 2px dashed {palette.focus}; }}")


class DetailView(QScrollArea):
    """A scrolling page: icon, kicker and title on top, then its words as one text (headings,
    paragraphs, lists), then its links or its chart."""

    activated = Signal(str)  # a link on the page asks for this tour step
    laid_out = Signal()  # a page was laid out: its controls are new

    def __init__(self, palette: Palette, family: str, metrics: Metrics | None, parent: QWidget | None = None):
        """`metrics` None: the window has no size yet, and pages wait for it (see rescale)."""
        super().__init__(parent)
        self._palette, self._family, self._metrics = palette, family, metrics
        self.page: Page | None = None
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setObjectName("detailView")
        # See-through: the rounded frame it sits in (see framed) paints the card behind the words.
        viewport_of(self).setAutoFillBackground(False)  # not self.viewport(): see viewport_of
        self.setAccessibleName(ui("detail_accessible"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the text in it takes the keyboard, not the area
        self.labels: list[QLabel] = []
        self.links: list[QPushButton] = []
        self.text = PageText(palette, family, self)  # kept from page to page, as the focus may be in it
        self.text.hide()
        self.text.cursorPositionChanged.connect(self._follow_caret)
        self.chart = None  # the one chart slot, made when a chart is first shown, then reused

    def rescale(self, metrics: Metrics) -> None:
        waiting = self._metrics is None and self.page is not None
        self._metrics = metrics
        if waiting:
            self.show_page(self.page)
            return
        inner = self.widget()
        if inner is not None:
            pad = metrics.margin
            inner.layout().setContentsMargins(pad, pad, pad, pad)
            inner.layout().setSpacing(max(4, metrics.gap // 2))

    def show_page(self, page: Page) -> None:
        """Replace what is shown with this page, scrolled to its top."""
        self.page = page
        if self._metrics is None:
            # A window not yet sized: its first size lays the page out (rescale), once, in the
            # right type, rather than now in a size that is about to change.
            return
        focus = self.window().focusWidget()
        focus_here = focus is not None and self.isAncestorOf(focus)
        old = self.takeWidget()
        for kept in (self.chart, self.text):  # kept when the old page goes (the chart: one canvas, reused)
            if kept is not None:
                kept.hide()
                kept.setParent(self)
        if old is not None:
            old.deleteLater()
        inner = ScrollPage()
        inner.setAutoFillBackground(False)
        layout = QVBoxLayout(inner)
        self.labels = []
        self.links = []
        layout.addLayout(self._header(page, inner))
        self._add_text(layout, page, inner)
        for block in page.blocks:
            self._add_block(layout, block, inner)
        layout.addStretch(1)
        # Sized before setWidget, which lays the page out: a layout in the default font is wasted work.
        apply_metrics(inner, self._family, self._metrics)
        self.setWidget(inner)
        inner.setAutoFillBackground(False)  # setWidget turned it on; the viewport paints the card colour
        self.rescale(self._metrics)
        self.ensureVisible(0, 0, 0, 0)  # the top; not through verticalScrollBar(): see widgets_under
        self.laid_out.emit()
        if focus_here:  # the link that was used went with its page: the keyboard goes to the new one
            self.first_control().setFocus(Qt.FocusReason.OtherFocusReason)

    def first_control(self) -> QWidget:
        """What the keyboard reaches first on this page: its text, else its first link or button."""
        controls = self.controls()
        return controls[0] if controls else self.text

    def controls(self) -> list[QWidget]:
        """What the keyboard reaches on this page, in order: its text, its links, its chart's button."""
        button = self.chart.button if self.chart is not None and self.chart.parentWidget() is self.widget() else None
        found = [self.text] if self.text.parentWidget() is self.widget() else []
        return [*found, *self.links, *([button] if button is not None else [])]

    def visible_text(self) -> str:
        """All the words on the page, in reading order (for tests)."""
        words = [label.text() for label in self.labels]
        if not self.text.isHidden():
            words.insert(self._header_labels, self.text.toPlainText())  # after the kicker and title
        return "\n".join(words)

    def _add_text(self, layout: QVBoxLayout, page: Page, parent: QWidget) -> None:
        self.text.show_blocks(page.title, page.blocks)
        if self.text.has_words():
            self.text.setParent(parent)
            layout.addWidget(self.text)
            self.text.show()

    def _follow_caret(self) -> None:
        """Keep the line the keyboard's caret is on in view (the page scrolls, not the text)."""
        inner = self.widget()
        if inner is None or not self.text.hasFocus():
            return
        caret = self.text.cursorRect()
        centre = viewport_of(self.text).mapTo(inner, caret.center())
        self.ensureVisible(centre.x(), centre.y(), 0, caret.height())

    def _selectable(self, widget: QWidget) -> QWidget:
        for label in labels_of(widget):
            label.allow_mouse_selection()  # as setTextInteractionFlags(TextSelectableByMouse), when reached
            self.labels.append(label)
        return widget

    def _header(self, page: Page, parent: QWidget) -> QHBoxLayout:
        p = self._palette
        row = QHBoxLayout()
        if page.icon is not None:
            row.addWidget(IconLabel(page.icon, page_colour(page, p), "page", parent), 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        if page.kicker:
            words.addWidget(self._selectable(TextLabel(page.kicker, "small-bold", parent, colour=p.muted)))
        words.addWidget(self._selectable(TextLabel(page.title, "h2", parent)))
        row.addLayout(words, 1)
        self._header_labels = len(self.labels)
        return row

    def _add_block(self, layout: QVBoxLayout, block: Block, parent: QWidget) -> None:
        if block.kind == BlockKind.LINKS:
            self._add_links(layout, block, parent)
            return
        if block.kind == BlockKind.CHART:
            layout.addWidget(self._chart_slot(parent))
            self.chart.show_chart(self._chart_data(block.targets[0]))
            self.chart.show()

    def _add_links(self, layout: QVBoxLayout, block: Block, parent: QWidget) -> None:
        layout.addSpacing(self._metrics.gap // 2)
        layout.addWidget(self._selectable(text_widget(BlockKind.HEADING, block.text, self._palette, parent)))
        for title, target in zip(block.items, block.targets):
            link = PushButton(title, parent)
            set_text_role(link, "body")
            link.setStyleSheet(link_style(self._palette))
            link.setCursor(Qt.CursorShape.PointingHandCursor)
            link.setProperty("target", target)
            link.clicked.connect(lambda _=False, target=target: self.activated.emit(target))
            self.links.append(link)
            layout.addWidget(link, 0, Qt.AlignmentFlag.AlignLeft)

    def set_chart_source(self, chart_data) -> None:
        """Where chart pages get their data: a function from a chart id to its ChartData."""
        self._chart_data = chart_data

    def _chart_slot(self, parent: QWidget):
        if self.chart is None:
            from sepsis_viewer.ui.widgets.chart_view import ChartPanel  # matplotlib: only once a chart is wanted

            self.chart = ChartPanel(self._palette, self._family, with_text_button=True)
        self.chart.setParent(parent)
        return self.chart
