"""A chart for paper: the figure the screen draws, written as SVG for Qt to draw into a PDF (no Qt).

The words stay text (`svg.fonttype` "none": the PDF can be searched, and Qt sets them in the
bundled font it embeds) and the bars stay paths. One thing is changed on the way: Qt's SVG
renderer paints an SVG <pattern>, which is how matplotlib writes hatching, as an image the size of
the page's resolution, and it ignores <clipPath>. So each hatch is written as the lines it is made
of, cut to its bar.
"""

from __future__ import annotations

import io
from functools import lru_cache
from math import ceil, floor

from matplotlib import rc_context
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.path import Path
from matplotlib.transforms import Bbox, IdentityTransform

from sepsis_viewer.charts.data import ChartData
from sepsis_viewer.charts.draw import ChartStyle, draw_chart

HATCH_TILE = 72.0  # points: matplotlib repeats a hatch every inch, on paper as on screen
HATCH_DENSITY = 6  # what every matplotlib backend asks of matplotlib.hatch


@lru_cache(maxsize=16)  # a poster paints its pages twice, to count them first
def chart_svg(data: ChartData, style: ChartStyle, width: float, height: float) -> bytes:
    """The chart at `width` x `height` points as an SVG document, drawn as on screen.

    Its Figure lives as long as this call: a window that printed once keeps no figure for it.
    """
    figure = Figure(figsize=(width / 72, height / 72), dpi=72, layout="constrained")
    # The SVG canvas named here, not found by format name at save time: a bundle (PyInstaller)
    # then carries the backend, which it cannot see behind matplotlib's name lookup.
    FigureCanvasSVG(figure)
    draw_chart(figure, data, style)
    figure.draw_without_rendering()  # lays it out: the bars are where they will be written
    figure.set_layout_engine("none")  # and stay there, under the hatch lines made for them
    _hatches_as_lines(figure)
    out = io.BytesIO()
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": data.id}):  # text as text; the same bytes each time
        figure.savefig(out, format="svg", facecolor="none", metadata={"Date": None})  # on the paper's own white
    return out.getvalue()


def _hatches_as_lines(figure: Figure) -> None:
    for patch in figure.findobj(lambda artist: isinstance(artist, Patch) and bool(artist.get_hatch())):
        segments = hatch_segments(patch.get_hatch(), patch.get_window_extent())
        lines = LineCollection(segments, colors=[patch.get_hatchcolor()], linewidths=patch.get_hatch_linewidth(),
                               capstyle="butt", transform=IdentityTransform(), zorder=patch.get_zorder())
        lines.set_in_layout(False)
        figure.add_artist(lines)
        patch.set_hatch(None)


def hatch_segments(hatch: str, box: Bbox) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """The lines of matplotlib's hatch `hatch`, tiled from the origin as its backends tile it, cut to `box`."""
    tile = [polyline * HATCH_TILE for polyline in Path.hatch(hatch, HATCH_DENSITY).to_polygons(closed_only=False)]
    segments = []
    for i in range(floor(box.x0 / HATCH_TILE), ceil(box.x1 / HATCH_TILE)):
        for j in range(floor(box.y0 / HATCH_TILE), ceil(box.y1 / HATCH_TILE)):
            for polyline in tile:
                points = polyline + (i * HATCH_TILE, j * HATCH_TILE)
                for start, end in zip(points[:-1], points[1:]):
                    if (cut := _clip(tuple(start), tuple(end), box)) is not None:
                        segments.append(cut)
    return segments


def _clip(start, end, box: Bbox):
    """The part of the segment inside the box, or None (Liang and Barsky's clipping)."""
    (x0, y0), (x1, y1) = start, end
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for step, room in ((-dx, x0 - box.x0), (dx, box.x1 - x0), (-dy, y0 - box.y0), (dy, box.y1 - y0)):
        if step == 0:
            if room < 0:
                return None
            continue
        t = room / step
        if step < 0:
            low = max(low, t)
        else:
            high = min(high, t)
    if high - low <= 1e-9:
        return None
    return (x0 + low * dx, y0 + low * dy), (x0 + high * dx, y0 + high * dy)
