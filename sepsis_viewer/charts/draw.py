"""Drawing a chart with matplotlib's own Axes onto a Figure (no Qt, no pyplot).

The figure is cleared and drawn again in place: one Figure serves a chart slot for the life of
the app, whatever is redrawn on it. matplotlib places everything (constrained layout); the only
sums here are where to break long lines and how tall a chart needs to be at a width.
"""

from __future__ import annotations

from functools import cache, lru_cache

from matplotlib import rc_context
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, fontManager
from matplotlib.patches import Rectangle
from matplotlib.transforms import ScaledTranslation

from sepsis_viewer import paths
from sepsis_viewer.charts.data import ChartData
from sepsis_viewer.record import Record

LINE = 1.25  # line height, in units of the type size
BAR = 0.62  # a bar's thickness, as a share of its row
# Given more room than it needs, a chart grows this much at most, then sits in the middle: bars
# spread over their rows, but a share's one bar would take all the growth, so it grows less.
SPREAD = {"bars": 1.4, "share": 1.1}
HATCH_PX = 48  # hatch lines are spaced per inch: larger type gets fewer lines, so they look the same


class ChartStyle(Record):
    """Type sizes (points: logical pixels at the canvas's 72 dpi) and colours for one theme and size."""

    family: str
    text_px: float
    small_px: float
    text: str
    muted: str
    background: str
    bar: str
    # matplotlib's own font, for any letter the bundled one lacks. Paper leaves it out: Qt, which
    # draws the SVG, falls back by itself, and given a list it lets "fi" become one ligature
    # that a PDF reader then copies as "ﬁ".
    fallback: str = "DejaVu Sans"

    @property
    def families(self) -> list[str]:
        return [self.family, self.fallback] if self.fallback else [self.family]

    @property
    def pad(self) -> float:
        return self.text_px * 0.6

    @property
    def line_px(self) -> float:
        """The width of the zero line, bar edges and hatch lines."""
        return max(0.6, self.text_px / 14)

    @property
    def hatch(self) -> str:
        return "/" * max(1, min(3, round(HATCH_PX / self.text_px)))


@cache
def register_fonts() -> None:
    """Give matplotlib the bundled typeface, from its files (it never looks at Qt's fonts)."""
    for path in sorted(paths.fonts_dir().glob("*.ttf")):
        fontManager.addfont(str(path))


@cache
def _renderer() -> RendererAgg:
    return RendererAgg(8, 8, 72)  # at 72 dpi a point is a pixel: measures in the chart's units


@lru_cache(maxsize=64)
def _font(family: str, size: float, bold: bool = False) -> FontProperties:
    register_fonts()
    return FontProperties(family=[family, "DejaVu Sans"], size=size, weight="bold" if bold else "normal")


@lru_cache(maxsize=8192)  # redrawing the same words at the same size measures nothing again
def _width(family: str, text: str, size: float, bold: bool) -> float:
    return _renderer().get_text_width_height_descent(text, _font(family, size, bold), ismath=False)[0]


def wrap(text: str, width: float, family: str, size: float, bold: bool = False) -> list[str]:
    """Greedy word wrap to `width` points; a word longer than the width gets a line of its own."""
    lines: list[str] = []
    for word in text.split():
        if lines and _width(family, f"{lines[-1]} {word}", size, bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def _label_lines(data: ChartData, style: ChartStyle, width: float) -> list[list[str]]:
    # Labels take what they need, up to 40% of the width; longer ones wrap.
    column = min(width * 0.4, max(_width(style.family, bar.label, style.text_px, False) for bar in data.bars))
    return [wrap(bar.label, max(column, 1.0), style.family, style.text_px) for bar in data.bars]


def _legend_rows(data: ChartData, style: ChartStyle, width: float) -> list[list[str]]:
    room = max(1.0, width - 2 * style.pad - 2.2 * style.text_px)  # less the swatch and its gap
    return [wrap(text, room, style.family, style.text_px) for text in (data.part_text, data.rest_label,
                                                                       data.whole_text)]


def _foot_lines(data: ChartData, style: ChartStyle, width: float) -> list[list[str]]:
    room = max(1.0, width - 2 * style.pad)
    return [wrap(text, room, style.family, style.small_px) for text in (data.note, data.source_line) if text]


def needed_height(data: ChartData, style: ChartStyle, width: float) -> int:
    """The height at which the chart fits at this width, with bars of a comfortable thickness."""
    s = style.text_px
    foot = sum(len(lines) * style.small_px * LINE + style.pad for lines in _foot_lines(data, style, width))
    if data.kind == "share":
        rows = _legend_rows(data, style, width)
        body = s * 1.2 * LINE + style.pad + s * 2.4 + style.pad + sum(len(r) for r in rows) * s * LINE + s
    else:
        body = sum(max(2.4 * s, (len(lines) * LINE + 0.9) * s) for lines in _label_lines(data, style, width))
    return round(2 * style.pad + body + foot)


def draw_chart(figure: Figure, data: ChartData, style: ChartStyle) -> None:
    """Clear `figure` and draw the chart on it, at the figure's size (in points)."""
    figure.clear()
    figure.set_facecolor(style.background)
    width, height = figure.get_size_inches() * 72
    if width < 8 or height < 8:
        return
    pad = style.pad / 72  # inches, as the layout engine wants them
    # Room beyond what the chart can use stays empty around it, rather than fattening the bars.
    share = min(1.0, SPREAD.get(data.kind, 1.0) * needed_height(data, style, width) / height)
    figure.set_layout_engine("constrained", w_pad=pad, h_pad=pad, rect=(0, (1 - share) / 2, 1, share))
    # Content is plain text: "$" is a dollar sign, never mathematics, and TeX is never run.
    with rc_context({"text.parse_math": False, "text.usetex": False, "font.family": style.families,
                     "font.size": style.text_px, "text.color": style.text, "hatch.linewidth": style.line_px,
                     "axes.facecolor": style.background}):
        register_fonts()
        ax = figure.add_subplot()
        anchor = _share(ax, data, style, width) if data.kind == "share" else _bars(ax, data, style, width)
        _foot(ax, anchor, data, style, width)


def _bar_look(style: ChartStyle, filled: bool) -> dict:
    """A bar of the latest year is filled; an earlier one is hollow and hatched, so it reads without colour."""
    return {"facecolor": style.bar if filled else style.background, "edgecolor": style.bar,
            "hatch": None if filled else style.hatch, "linewidth": style.line_px}


def _bars(ax, data: ChartData, style: ChartStyle, width: float) -> tuple:
    rows = range(len(data.bars))
    bars = ax.barh(rows, [bar.value for bar in data.bars], height=BAR, clip_on=False)
    for patch, bar in zip(bars, data.bars):
        patch.set(**_bar_look(style, bar.latest))
    ax.bar_label(bars, labels=[bar.value_text for bar in data.bars], padding=style.pad / 2, fontweight="bold")
    labels = _label_lines(data, style, width)
    ax.set_yticks(rows, ["\n".join(lines) for lines in labels])
    ax.tick_params(axis="y", length=0, pad=style.pad, labelcolor=style.text)
    ax.set_xlim(0, data.largest or 1)
    ax.set_ylim(len(data.bars) - 0.5, -0.5)  # the first bar on top
    ax.set_xticks([])  # the bars' own labels give the values: no scale
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    ax.spines["left"].set(color=style.muted, linewidth=max(1.0, style.text_px / 12))  # the zero line
    # The foot starts where the labels start: as far left of the axes as the widest label reaches.
    widest = max(_width(style.family, line, style.text_px, False) for lines in labels for line in lines)
    return -(widest + style.pad), "axes fraction"


def _share(ax, data: ChartData, style: ChartStyle, width: float) -> tuple:
    part = data.share
    filled = ax.barh(0, part, height=1, clip_on=False, **_bar_look(style, True))
    rest = ax.barh(0, 1 - part, left=part, height=1, clip_on=False, **_bar_look(style, False))
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.5, 0.5)
    ax.set(xticks=[], yticks=[])
    ax.set_axis_off()
    ax.set_title(data.share_text, loc="left", fontsize=style.text_px * 1.2, fontweight="bold", pad=style.pad)
    blank = Rectangle((0, 0), 1, 1, facecolor="none", edgecolor="none")  # the whole has no swatch
    labels = ["\n".join(lines) for lines in _legend_rows(data, style, width)]
    below = ScaledTranslation(0, -style.pad / 72, ax.figure.dpi_scale_trans)
    legend = ax.legend([filled[0], rest[0], blank], labels, loc="upper left", bbox_to_anchor=(0, 0),
                       bbox_transform=ax.transAxes + below, frameon=False, borderpad=0, borderaxespad=0,
                       handlelength=1.4, handleheight=1.0, handletextpad=0.8, labelspacing=0.5,
                       labelcolor=style.text, fontsize=style.text_px)
    return 0.0, legend


def _foot(ax, anchor: tuple, data: ChartData, style: ChartStyle, width: float) -> None:
    """The note and the source line, each under what comes before it.

    Anchored to the chart's own parts (never to the figure's edge), so that constrained layout
    sees them move with the axes and makes just the room they need.
    """
    indent, below = anchor
    for lines in _foot_lines(data, style, width):
        below = ax.annotate("\n".join(lines), xy=(0, 0), xycoords=("axes fraction", below),
                            xytext=(indent, -style.pad), textcoords="offset points", ha="left", va="top",
                            fontsize=style.small_px, color=style.muted, linespacing=LINE)
