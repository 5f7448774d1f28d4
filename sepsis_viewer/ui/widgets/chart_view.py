"""A chart in a window: one matplotlib canvas per slot, with its text alternative.

This module imports matplotlib; the views import it only when a chart is first shown, so that
start-up never pays for matplotlib.
"""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from sepsis_viewer.charts.data import ChartData
from sepsis_viewer.charts.draw import ChartStyle, draw_chart, needed_height
from sepsis_viewer.strings import ui
from sepsis_viewer.ui.widgets.buttons import PushButton
from sepsis_viewer.ui.widgets.text import TextLabel, set_text_role
from sepsis_viewer.ui.widgets.theme import Palette

CANVAS_DPI = 72  # a point is a logical pixel, so the chart's type sizes are the theme's pixel sizes


def chart_style(palette: Palette, family: str, metrics) -> ChartStyle:
    """The chart's type and colours for a theme at these Metrics or SlideMetrics."""
    return ChartStyle(family=family, text_px=metrics.text_px("body"), small_px=metrics.text_px("small"),
                      text=palette.text, muted=palette.muted, background=palette.surface, bar=palette.accent)


def _toggle_style(p: Palette) -> str:
    return (f"QPushButton {{ background: {p.surface}; color: {p.accent}; border: 2px solid {p.accent};"
            f" border-radius: 6px; padding: 0.25em 0.8em; }}"
            f" QPushButton:checked {{ background: {p.accent_tint}; }}"
            f" QPushButton:focus {{ border: 3px dashed {p.focus}; }}")


class ChartCanvas(FigureCanvasQTAgg):
    """The canvas of one chart slot: its Figure is made once and drawn again in place.

    In a scrolling page it is as tall as its chart needs at its width; on a slide (`fill`) it
    takes the room the slide leaves it.
    """

    def __init__(self, parent: QWidget | None = None, fill: bool = False):
        super().__init__(Figure(dpi=CANVAS_DPI, layout="constrained"))
        self.setParent(parent)
        self.data: ChartData | None = None
        self.style: ChartStyle | None = None
        self._fill = fill
        # The clicker's keys belong to the slide, and Tab goes to the controls next to the chart.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        vertical = QSizePolicy.Policy.Ignored if fill else QSizePolicy.Policy.Preferred
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, vertical)
        policy.setHeightForWidth(not fill)
        self.setSizePolicy(policy)

    def show_chart(self, data: ChartData, style: ChartStyle) -> None:
        """Draw this chart in this style (the same Figure, cleared), unless it shows just that."""
        if (data, style) == (self.data, self.style):
            return
        self.data, self.style = data, style
        self.setAccessibleName(ui("chart_accessible", title=data.title))
        self.setAccessibleDescription(data.text)
        self.updateGeometry()
        self.redraw()

    def redraw(self) -> None:
        if self.data is None or self.style is None:
            return
        draw_chart(self.figure, self.data, self.style)
        self.draw_idle()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.redraw()  # labels wrap, and spare room is left around the chart, for the new size

    def draw(self) -> None:
        # Rendering is the slow part; a slot hidden between chart steps renders when it shows again.
        if not self.isVisible():
            self._unrendered = True
            return
        super().draw()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if getattr(self, "_unrendered", False):
            self._unrendered = False
            self.draw_idle()

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return not self._fill

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        if self.data is None or self.style is None:
            return 0
        return needed_height(self.data, self.style, width)

    def sizeHint(self):  # noqa: N802
        hint = super().sizeHint()
        hint.setHeight(self.heightForWidth(max(hint.width(), 1)))
        return hint

    def minimumSizeHint(self):  # noqa: N802
        hint = super().minimumSizeHint()
        hint.setHeight(round(self.style.text_px * 6) if self.style else 10)
        return hint


class ChartPanel(QWidget):
    """A chart slot: the canvas and, on request, its text alternative under it."""

    def __init__(self, palette: Palette, family: str, with_text_button: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self._palette, self._family = palette, family
        self._data: ChartData | None = None
        self._metrics = None
        self.canvas = ChartCanvas(self, fill=not with_text_button)
        self.text = TextLabel("", "body", self)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas, 1)
        self.button: QPushButton | None = None
        if with_text_button:
            self.button = PushButton(ui("chart_show_text"), self)
            self.button.setCheckable(True)
            self.button.setStyleSheet(_toggle_style(palette))
            set_text_role(self.button, "small-bold")
            self.button.setCursor(Qt.CursorShape.PointingHandCursor)
            self.button.toggled.connect(self._on_text_toggled)
            layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.text)

    def show_chart(self, data: ChartData) -> None:
        """Show this chart, its text folded away again."""
        self._data = data
        self.text.setText(data.text)
        self.setAccessibleName(ui("chart_accessible", title=data.title))
        self.setAccessibleDescription(data.text)
        if self.button is not None:
            self.button.setAccessibleDescription(data.text)
            self.button.setChecked(False)
        self._draw()

    def rescale(self, metrics) -> None:
        if metrics == self._metrics:
            return
        self._metrics = metrics
        self.layout().setSpacing(metrics.gap)
        if not self.isHidden():  # a hidden slot is drawn when it next shows a chart
            self._draw()

    def _draw(self) -> None:
        if self._data is not None and self._metrics is not None:
            self.canvas.show_chart(self._data, chart_style(self._palette, self._family, self._metrics))

    def _on_text_toggled(self, shown: bool) -> None:
        self.text.setVisible(shown)
        self.button.setText(ui("chart_hide_text" if shown else "chart_show_text"))
        if shown:
            QTimer.singleShot(0, self, self._reveal_text)  # once the page has made room for it

    def _reveal_text(self) -> None:
        """Scroll the page so that the text just shown is in view."""
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if area is not None and self.text.isVisible():
            area.ensureWidgetVisible(self.text, 0, 8)
