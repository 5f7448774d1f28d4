"""Drawing a chart's data onto a matplotlib Figure (no Qt, no pyplot).

Everything is laid out by hand in points from the top left, after measuring the words, so that no
label is clipped or overlaps another at any size. The figure is cleared and drawn again in place:
one Figure serves a chart slot for the life of the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, fontManager
from matplotlib.patches import Rectangle

from sepsis_viewer import paths
from sepsis_viewer.charts.data import ChartData

LINE = 1.25  # line height, in units of the type size
# Bars of earlier years and the rest of a share are hollow and hatched: never colour alone. Hatch
# lines are spaced per inch, so larger type gets fewer, thicker lines to look the same.
HATCH_PX = 48


@dataclass(frozen=True)
class ChartStyle:
    """Type sizes (points: logical pixels at the canvas's 72 dpi) and colours for one theme and size."""

    family: str
    text_px: float
    small_px: float
    text: str
    muted: str
    background: str
    bar: str
    title_px: float = 0.0  # 0: the chart draws no title (the page around it shows one)


@cache
def register_fonts() -> None:
    """Give matplotlib the bundled typeface, from its files (it never looks at Qt's fonts)."""
    for path in sorted(paths.fonts_dir().glob("*.ttf")):
        fontManager.addfont(str(path))


@cache
def _renderer() -> RendererAgg:
    return RendererAgg(8, 8, 72)  # at 72 dpi a point is a pixel: measures in the layout's units


def _font(style: ChartStyle, size: float, bold: bool = False) -> FontProperties:
    register_fonts()
    return FontProperties(family=[style.family, "DejaVu Sans"], size=size, weight="bold" if bold else "normal")


@lru_cache(maxsize=4096)  # redrawing the same words at the same size measures nothing again
def text_width(text: str, font: FontProperties) -> float:
    """The width of one line of text in points."""
    return _renderer().get_text_width_height_descent(text, font, ismath=False)[0]


def wrap(text: str, width: float, font: FontProperties) -> list[str]:
    """Greedy word wrap to `width` points; a word longer than the width gets a line of its own."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


class _Pen:
    """Writes lines of text and boxes on a figure in points from its top left."""

    def __init__(self, figure: Figure, width: float, height: float, style: ChartStyle):
        self.figure, self.width, self.height, self.style = figure, width, height, style

    def line(self, text: str, x: float, top: float, font: FontProperties, colour: str, align: str = "left"):
        self.figure.text(x / self.width, 1 - top / self.height, text, fontproperties=font, color=colour,
                         ha=align, va="top", parse_math=False)  # content is plain text: "$" is a dollar

    def lines(self, lines: list[str], x: float, top: float, font: FontProperties, colour: str) -> float:
        step = font.get_size_in_points() * LINE
        for index, text in enumerate(lines):
            self.line(text, x, top + index * step, font, colour)
        return top + len(lines) * step

    def box(self, x: float, top: float, width: float, height: float, filled: bool) -> None:
        s = self.style
        hatch = "/" * max(1, min(3, round(HATCH_PX / s.text_px)))
        box = Rectangle(
            (x / self.width, 1 - (top + height) / self.height), width / self.width, height / self.height,
            transform=self.figure.transFigure, facecolor=s.bar if filled else s.background,
            edgecolor=s.bar, hatch=None if filled else hatch, linewidth=max(1.0, s.text_px / 12))
        box.set_hatch_linewidth(max(1.0, s.text_px / 16))
        self.figure.add_artist(box)


@dataclass(frozen=True)
class _Frame:
    """The parts of a chart around its bars: the title on top, the note and source at the foot."""

    pad: float
    title: list[str]
    foot: list[list[str]]
    top: float
    foot_height: float


def _frame(data: ChartData, style: ChartStyle, width: float) -> _Frame:
    pad = style.text_px * 0.6
    room = max(1.0, width - 2 * pad)
    title = wrap(data.title, room, _font(style, style.title_px, True)) if style.title_px else []
    small = _font(style, style.small_px)
    foot = [wrap(text, room, small) for text in (data.note, data.source_line) if text]
    top = pad + (len(title) * style.title_px * LINE + pad if title else 0)
    foot_height = sum(len(lines) for lines in foot) * style.small_px * LINE + pad * len(foot)
    return _Frame(pad, title, foot, top, foot_height)


def _label_lines(data: ChartData, style: ChartStyle, width: float) -> list[list[str]]:
    font = _font(style, style.text_px)
    # Labels take what they need, up to 40% of the width; longer ones wrap.
    column = min(width * 0.4, max(text_width(bar.label, font) for bar in data.bars))
    return [wrap(bar.label, max(column, 1.0), font) for bar in data.bars]


def _band(lines: list[str], style: ChartStyle) -> float:
    return max(2.4 * style.text_px, (len(lines) * LINE + 0.9) * style.text_px)


def needed_height(data: ChartData, style: ChartStyle, width: float) -> int:
    """The height at which everything fits at this width, with bars of a comfortable thickness."""
    frame = _frame(data, style, width)
    if data.kind == "share":
        body = _share_height(data, style, width - 2 * frame.pad)
    else:
        body = sum(_band(lines, style) for lines in _label_lines(data, style, width))
    return round(frame.top + body + frame.pad + frame.foot_height)


def draw_chart(figure: Figure, data: ChartData, style: ChartStyle, width: float, height: float) -> None:
    """Clear `figure` and draw the chart on it at `width` x `height` points."""
    figure.clear()
    figure.set_facecolor(style.background)
    if width < 8 or height < 8:
        return
    pen = _Pen(figure, width, height, style)
    frame = _frame(data, style, width)
    pen.lines(frame.title, frame.pad, frame.pad, _font(style, style.title_px, True), style.text)
    top = height - frame.foot_height
    for lines in frame.foot:
        top = pen.lines(lines, frame.pad, top, _font(style, style.small_px), style.muted) + frame.pad
    body = (frame.top, height - frame.foot_height - frame.pad)
    if data.kind == "share":
        _draw_share(pen, data, frame.pad, body)
    else:
        _draw_bars(pen, data, frame.pad, body)


def _draw_bars(pen: _Pen, data: ChartData, pad: float, body: tuple[float, float]) -> None:
    style, width = pen.style, pen.width
    labels = _label_lines(data, style, width)
    bold = _font(style, style.text_px, True)
    label_width = max(text_width(line, _font(style, style.text_px)) for lines in labels for line in lines)
    value_width = max(text_width(bar.value_text, bold) for bar in data.bars)
    left, right = pad + label_width + pad, width - pad - value_width - pad * 0.5
    bands = [_band(lines, style) for lines in labels]
    # Extra room spreads the bars out a little, then centres them; it never makes them fat.
    scale = min(1.4, max(0.5, (body[1] - body[0]) / sum(bands)))
    top = body[0] + max(0.0, (body[1] - body[0] - sum(bands) * scale) / 2)
    font = _font(style, style.text_px)
    for bar, lines, band in zip(data.bars, labels, bands):
        band *= scale
        thickness = min(band * 0.62, style.text_px * 2.2)
        middle = top + band / 2
        length = max(1.0, (right - left) * (bar.value / data.largest if data.largest else 0))
        pen.box(left, middle - thickness / 2, length, thickness, bar.latest)
        text_top = middle - len(lines) * style.text_px * LINE / 2
        for index, line in enumerate(lines):
            pen.line(line, left - pad, text_top + index * style.text_px * LINE, font, style.text, "right")
        pen.line(bar.value_text, left + length + pad * 0.5, middle - style.text_px * LINE / 2, bold, style.text)
        top += band
    # The zero line that every bar starts from.
    pen.figure.add_artist(Rectangle((left / width, 1 - body[1] / pen.height), max(1.0, style.text_px / 12) / width,
                                    (body[1] - body[0]) / pen.height, transform=pen.figure.transFigure,
                                    facecolor=style.muted, edgecolor="none"))


def _share_rows(data: ChartData) -> list[tuple[str, bool | None]]:
    part = data.bars[0]
    return [(f"{part.label}: {part.value_text}", True), (data.rest_label, False), (data.whole_text, None)]


def _share_height(data: ChartData, style: ChartStyle, width: float) -> float:
    s = style.text_px
    key = _font(style, s)
    swatch = s * 1.4
    rows = sum(len(wrap(text, max(1.0, width - swatch - s * 0.6), key)) for text, _ in _share_rows(data))
    return s * 1.2 * LINE + s * 0.6 + s * 2.4 + s * 0.8 + rows * s * LINE + 2 * s * 0.4


def _draw_share(pen: _Pen, data: ChartData, pad: float, body: tuple[float, float]) -> None:
    style, width = pen.style, pen.width
    s = style.text_px
    room = width - 2 * pad
    spare = max(0.0, (body[1] - body[0]) - _share_height(data, style, room))
    top = body[0] + spare / 2
    pen.line(data.share_text, pad, top, _font(style, s * 1.2, True), style.text)
    top += s * 1.2 * LINE + s * 0.6
    part = room * data.share
    pen.box(pad, top, part, s * 2.4, True)
    pen.box(pad + part, top, room - part, s * 2.4, False)
    top += s * 2.4 + s * 0.8
    key, swatch = _font(style, s), s * 1.4
    for text, filled in _share_rows(data):
        if filled is not None:
            pen.box(pad, top + (s * LINE - swatch * 0.8) / 2, swatch, swatch * 0.8, filled)
        indent = swatch + s * 0.6
        top = pen.lines(wrap(text, max(1.0, room - indent), key), pad + indent, top, key, style.text) + s * 0.4
