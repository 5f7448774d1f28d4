"""Drawing a chart's layout onto a matplotlib Figure (no Qt, no pyplot).

The figure is cleared and drawn again in place: one Figure serves a chart slot for the life of
the app, whatever is redrawn on it.
"""

from __future__ import annotations

from functools import cache, lru_cache

from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, fontManager
from matplotlib.patches import Rectangle

from sepsis_viewer import paths
from sepsis_viewer.charts import layout
from sepsis_viewer.charts.data import ChartData
from sepsis_viewer.record import Record

# Hatch lines are spaced per inch, so larger type gets fewer, thicker lines to look the same.
HATCH_PX = 48


class ChartStyle(Record):
    """Type sizes (points: logical pixels at the canvas's 72 dpi) and colours for one theme and size."""

    family: str
    text_px: float
    small_px: float
    text: str
    muted: str
    background: str
    bar: str
    title_px: float = 0.0  # 0: the chart draws no title (the page around it shows one)

    @property
    def sizes(self) -> layout.Sizes:
        return layout.Sizes(self.text_px, self.small_px, self.title_px)


@cache
def register_fonts() -> None:
    """Give matplotlib the bundled typeface, from its files (it never looks at Qt's fonts)."""
    for path in sorted(paths.fonts_dir().glob("*.ttf")):
        fontManager.addfont(str(path))


@cache
def _renderer() -> RendererAgg:
    return RendererAgg(8, 8, 72)  # at 72 dpi a point is a pixel: measures in the layout's units


@lru_cache(maxsize=64)
def _font(family: str, size: float, bold: bool) -> FontProperties:
    register_fonts()
    return FontProperties(family=[family, "DejaVu Sans"], size=size, weight="bold" if bold else "normal")


@lru_cache(maxsize=8192)  # redrawing the same words at the same size measures nothing again
def _width(family: str, text: str, size: float, bold: bool) -> float:
    return _renderer().get_text_width_height_descent(text, _font(family, size, bold), ismath=False)[0]


def _measure(style: ChartStyle) -> layout.Measure:
    """The width of a line of text in the style's family, as matplotlib draws it."""
    return lambda text, size, bold: _width(style.family, text, size, bold)


def needed_height(data: ChartData, style: ChartStyle, width: float) -> int:
    """The height at which the chart fits at this width."""
    return round(layout.needed_height(data, style.sizes, _measure(style), width))


def draw_chart(figure: Figure, data: ChartData, style: ChartStyle, width: float, height: float) -> None:
    """Clear `figure` and draw the chart on it at `width` x `height` points."""
    figure.clear()
    figure.set_facecolor(style.background)
    for item in layout.layout_chart(data, style.sizes, _measure(style), width, height):
        if isinstance(item, layout.Words):
            _words(figure, item, style, width, height)
        else:
            _box(figure, item, style, width, height)


def _words(figure: Figure, w: layout.Words, style: ChartStyle, width: float, height: float) -> None:
    figure.text(w.x / width, 1 - w.top / height, w.text, fontproperties=_font(style.family, w.size, w.bold),
                color=style.muted if w.muted else style.text, ha=w.align, va="top",
                parse_math=False)  # content is plain text: "$" is a dollar sign, not mathematics


def _box(figure: Figure, b: layout.Box, style: ChartStyle, width: float, height: float) -> None:
    colour = style.muted if b.rule else style.bar
    box = Rectangle((b.x / width, 1 - (b.top + b.height) / height), b.width / width, b.height / height,
                    transform=figure.transFigure, facecolor=colour if b.filled else style.background,
                    edgecolor="none" if b.rule else colour,
                    hatch=None if b.filled else "/" * max(1, min(3, round(HATCH_PX / style.text_px))),
                    linewidth=0 if b.rule else max(1.0, style.text_px / 12))
    box.set_hatch_linewidth(max(1.0, style.text_px / 16))
    figure.add_artist(box)
