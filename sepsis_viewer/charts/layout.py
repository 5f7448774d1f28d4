"""Where each word and bar of a chart goes, for any renderer (no Qt, no matplotlib).

Positions are in points from the top left. The words are measured with the renderer's own
`measure` function, so that no label is clipped or overlaps another at any size; the viewer
(matplotlib) and the handout (QPainter) draw the same layout.
"""

from __future__ import annotations

from sepsis_viewer.record import Record
from sepsis_viewer.strings import ui

from collections.abc import Callable

from sepsis_viewer.charts.data import ChartData

LINE = 1.25  # line height, in units of the type size
Measure = Callable[[str, float, bool], float]  # (text, size, bold) -> width in points


class Sizes(Record):
    """Type sizes in points: labels and values, the note and source line, and the title (0: none)."""

    text: float
    small: float
    title: float = 0.0


class Words(Record):
    """A line of text; `top` is the top of its line box, `align` says which end `x` is."""

    text: str
    x: float
    top: float
    size: float
    bold: bool = False
    muted: bool = False
    align: str = "left"


class Box(Record):
    """A bar, a part of a share or a swatch: filled, or hollow and hatched; `rule` is the zero line."""

    x: float
    top: float
    width: float
    height: float
    filled: bool = True
    rule: bool = False


Item = Words | Box


def wrap(text: str, width: float, size: float, measure: Measure, bold: bool = False) -> list[str]:
    """Greedy word wrap to `width` points; a word longer than the width gets a line of its own."""
    lines: list[str] = []
    for word in text.split():
        if lines and measure(f"{lines[-1]} {word}", size, bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def _lines(items: list[Item], lines: list[str], x: float, top: float, size: float, **style) -> float:
    for index, text in enumerate(lines):
        items.append(Words(text, x, top + index * size * LINE, size, **style))
    return top + len(lines) * size * LINE


class _Frame(Record):
    pad: float
    title: list[str]
    foot: list[list[str]]
    top: float
    foot_height: float


def _frame(data: ChartData, sizes: Sizes, measure: Measure, width: float) -> _Frame:
    pad = sizes.text * 0.6
    room = max(1.0, width - 2 * pad)
    title = wrap(data.title, room, sizes.title, measure, True) if sizes.title else []
    foot = [wrap(text, room, sizes.small, measure) for text in (data.note, data.source_line) if text]
    top = pad + (len(title) * sizes.title * LINE + pad if title else 0)
    foot_height = sum(len(lines) for lines in foot) * sizes.small * LINE + pad * len(foot)
    return _Frame(pad, title, foot, top, foot_height)


def _label_lines(data: ChartData, sizes: Sizes, measure: Measure, width: float) -> list[list[str]]:
    # Labels take what they need, up to 40% of the width; longer ones wrap.
    column = min(width * 0.4, max(measure(bar.label, sizes.text, False) for bar in data.bars))
    return [wrap(bar.label, max(column, 1.0), sizes.text, measure) for bar in data.bars]


def _band(lines: list[str], sizes: Sizes) -> float:
    return max(2.4 * sizes.text, (len(lines) * LINE + 0.9) * sizes.text)


def _share_rows(data: ChartData) -> list[tuple[str, bool | None]]:
    part = data.bars[0]
    return [(ui("share_whole", label=part.label, value=part.value_text), True), (data.rest_label, False),
            (data.whole_text, None)]


def _share_height(data: ChartData, sizes: Sizes, measure: Measure, width: float) -> float:
    s = sizes.text
    indent = s * 2.0
    rows = sum(len(wrap(text, max(1.0, width - indent), s, measure)) for text, _ in _share_rows(data))
    return s * 1.2 * LINE + s * 0.6 + s * 2.4 + s * 0.8 + rows * s * LINE + 3 * s * 0.4


def needed_height(data: ChartData, sizes: Sizes, measure: Measure, width: float) -> float:
    """The height at which everything fits at this width, with bars of a comfortable thickness."""
    frame = _frame(data, sizes, measure, width)
    if data.kind == "share":
        body = _share_height(data, sizes, measure, width - 2 * frame.pad)
    else:
        body = sum(_band(lines, sizes) for lines in _label_lines(data, sizes, measure, width))
    return frame.top + body + frame.pad + frame.foot_height


def layout_chart(data: ChartData, sizes: Sizes, measure: Measure, width: float, height: float) -> list[Item]:
    """Every word and box of the chart in a `width` x `height` area."""
    if width < 8 or height < 8:
        return []
    frame = _frame(data, sizes, measure, width)
    items: list[Item] = []
    _lines(items, frame.title, frame.pad, frame.pad, sizes.title, bold=True)
    top = height - frame.foot_height
    for lines in frame.foot:
        top = _lines(items, lines, frame.pad, top, sizes.small, muted=True) + frame.pad
    body = (frame.top, height - frame.foot_height - frame.pad)
    if data.kind == "share":
        _share(items, data, sizes, measure, width, frame.pad, body)
    else:
        _bars(items, data, sizes, measure, width, frame.pad, body)
    return items


def _bars(items, data: ChartData, sizes: Sizes, measure: Measure, width: float, pad: float, body) -> None:
    s = sizes.text
    labels = _label_lines(data, sizes, measure, width)
    label_width = max(measure(line, s, False) for lines in labels for line in lines)
    value_width = max(measure(bar.value_text, s, True) for bar in data.bars)
    left, right = pad + label_width + pad, width - pad - value_width - pad * 0.5
    bands = [_band(lines, sizes) for lines in labels]
    # Extra room spreads the bars out a little, then centres them; it never makes them fat.
    scale = min(1.4, max(0.5, (body[1] - body[0]) / sum(bands)))
    top = body[0] + max(0.0, (body[1] - body[0] - sum(bands) * scale) / 2)
    items.append(Box(left, body[0], max(1.0, s / 12), body[1] - body[0], rule=True))  # the zero line
    for bar, lines, band in zip(data.bars, labels, bands):
        band *= scale
        thickness = min(band * 0.62, s * 2.2)
        middle = top + band / 2
        length = max(1.0, (right - left) * (bar.value / data.largest if data.largest else 0))
        items.append(Box(left, middle - thickness / 2, length, thickness, filled=bar.latest))
        _lines(items, lines, left - pad, middle - len(lines) * s * LINE / 2, s, align="right")
        items.append(Words(bar.value_text, left + length + pad * 0.5, middle - s * LINE / 2, s, bold=True))
        top += band


def _share(items, data: ChartData, sizes: Sizes, measure: Measure, width: float, pad: float, body) -> None:
    s = sizes.text
    room = width - 2 * pad
    spare = max(0.0, (body[1] - body[0]) - _share_height(data, sizes, measure, room))
    top = body[0] + spare / 2
    top = _lines(items, [data.share_text], pad, top, s * 1.2, bold=True) + s * 0.6
    part = room * data.share
    items += [Box(pad, top, part, s * 2.4), Box(pad + part, top, room - part, s * 2.4, filled=False)]
    top += s * 2.4 + s * 0.8
    swatch, indent = s * 1.4, s * 2.0
    for text, filled in _share_rows(data):
        if filled is not None:
            items.append(Box(pad, top + (s * LINE - swatch * 0.8) / 2, swatch, swatch * 0.8, filled=filled))
        top = _lines(items, wrap(text, max(1.0, room - indent), s, measure), pad + indent, top, s) + s * 0.4
