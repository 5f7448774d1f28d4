"""Chart redraws: a thousand redraws of one chart slot leave memory flat (and how long one takes).

The desktop window is shown offscreen at 1280x800 on a chart. Its one canvas then draws the three
charts in turn, in the desktop and the projector style by turns (a theme switch), each a new
matplotlib Axes chart on the same Figure; every 50th redraw is rendered, as the screen would. The
first 300 fill matplotlib's caches (glyphs, text layouts), and 60 of them, each rendered, are
timed (CPU time, median: drawing the chart, then laying it out and rendering it). The figure is
what the next 700 keep: the resident set size and the Python allocations (tracemalloc) after a
full collection, with freed memory handed back (as the kiosk does once a loop).

This was a test once; its limits are measurements of a machine, so they live here.
"""

from __future__ import annotations

import gc
import time
import tracemalloc
import warnings

from common import median, quiet_qt_notices, use_offscreen_screen, verdict

WARM_UP, TIMED, MEASURED = 240, 60, 700
TARGET_RSS_MB, TARGET_PY_KB = 30.0, 200.0
RENDER_EVERY = 50


def rss_mb() -> float:
    from pathlib import Path

    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def figures() -> int:
    from matplotlib.figure import Figure

    gc.collect()
    return sum(isinstance(o, Figure) for o in gc.get_objects())


def main() -> int:
    use_offscreen_screen((1280, 800))
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from sepsis_viewer import memory
    from sepsis_viewer.app import create_window
    from sepsis_viewer.charts.data import all_charts

    app = QApplication([])
    quiet_qt_notices()
    window = create_window(remember_geometry=False)
    window.resize(1280, 800)
    window.show()
    charts = all_charts(window.content)
    window.select(charts[0].id)
    for _ in range(5):
        app.processEvents()

    from sepsis_viewer.ui.widgets.chart_view import chart_style
    from sepsis_viewer.ui.widgets.fonts import register_fonts
    from sepsis_viewer.ui.widgets.theme import DESKTOP, PROJECTOR, SlideMetrics, metrics_for

    canvas = window.detail.chart.canvas
    # The projector's type is larger than a desktop slot is laid out for, so matplotlib warns that
    # it cannot fit the axes; the window never draws that pair, and this measures memory, not looks.
    warnings.filterwarnings("ignore", message="constrained_layout not applied")
    figure, family = canvas.figure, register_fonts()
    styles = [chart_style(DESKTOP, family, metrics_for(1280, 800)), chart_style(PROJECTOR, family, SlideMetrics(1080))]

    def redraw(i: int, render: bool) -> tuple[float, float]:
        """One redraw; returns the CPU ms of drawing the chart and of laying it out and rendering it."""
        start = time.thread_time()
        canvas.show_chart(charts[i % len(charts)], styles[(i // len(charts)) % 2])
        drawn = time.thread_time()
        # The page gives the canvas the height of this chart (a resize, so the chart is drawn again).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        if render:
            drawn_again = time.thread_time()
            canvas.draw()
            return (drawn - start) * 1000, (time.thread_time() - drawn_again) * 1000
        return (drawn - start) * 1000, 0.0

    for i in range(WARM_UP):
        redraw(i, i % RENDER_EVERY == 0)
    times = [redraw(i, True) for i in range(TIMED)]  # before tracing, which slows every allocation
    # Traced from a round before the measured ones, so that the chart shown when they begin was
    # made under tracing: its freeing is seen, as the drawing that replaces it is.
    tracemalloc.start()
    for i in range(2 * len(charts)):
        redraw(i, True)
    memory.give_back()
    before_figures, before_rss = figures(), rss_mb()
    start = tracemalloc.take_snapshot()
    for i in range(MEASURED):
        redraw(i, i % RENDER_EVERY == 0)
    memory.give_back()
    stats = tracemalloc.take_snapshot().compare_to(start, "lineno")
    tracemalloc.stop()
    # A dictionary that grows or is rebuilt (CPython's table of interned strings, now and then)
    # is one new block of a megabyte or more, while the old one was made before tracing began:
    # a step, not a pile-up. It is set apart and shown.
    apart = [s for s in stats if s.count_diff == 1 and s.size_diff >= 1024 * 1024]
    kept_kb = sum(s.size_diff for s in stats if s not in apart) / 1024
    grown_mb = rss_mb() - before_rss
    same = canvas.figure is figure and figures() == before_figures
    print(f"  {MEASURED} redraws after {WARM_UP + TIMED}: RSS {grown_mb:+.1f} MB, "
          f"Python allocations {kept_kb:+.0f} KB, {'one Figure throughout' if same else 'FIGURES MADE'}")
    for s in apart:
        print(f"  set apart: one block of {s.size_diff / 1024 / 1024:.1f} MB at {s.traceback[0]}")
    print(f"  CPU time, median of {TIMED}: drawing a chart {median([t[0] for t in times]):.1f} ms, laying it out "
          f"and rendering it {median([t[1] for t in times]):.1f} ms")
    return verdict("chart redraws", f"RSS {grown_mb:+.1f} MB, Python {kept_kb:+.0f} KB after {MEASURED} redraws",
                   f"under {TARGET_RSS_MB:.0f} MB and {TARGET_PY_KB:.0f} KB, one Figure",
                   same and grown_mb < TARGET_RSS_MB and kept_kb < TARGET_PY_KB)


if __name__ == "__main__":
    raise SystemExit(main())
