"""Big screens: a full repaint of the window at 3840x2160, median.

The window is shown offscreen on a 4K screen at 3840x2160. Each round selects the next view (a
stage, a panel item, the numbers…), lets Qt lay it out and paint it, and then times render() of the
whole window into a 3840x2160 image: every widget drawn again, as a full repaint draws it into the
window's backing store (the offscreen platform skips repaint() of a window nobody sees). Like the
interaction benchmark, the figure is CPU time; the wall time is printed beside it.
"""

from __future__ import annotations

from common import median, percentile, quiet_qt_notices, timed_render, use_offscreen_screen, verdict

ROUNDS = 60
TARGET_MS = 16.0
SIZE = (3840, 2160)


def main() -> int:
    use_offscreen_screen(SIZE)
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from sepsis_viewer import collector
    from sepsis_viewer.app import create_window

    app = QApplication([])
    quiet_qt_notices()
    collector.hold()  # as the app starts (app.py)
    window = create_window(remember_geometry=False)
    window.resize(*SIZE)
    window.show()
    collector.release()
    for _ in range(5):
        app.processEvents()
    if (window.width(), window.height()) != SIZE:
        raise SystemExit(f"big screen: the window is {window.width()}x{window.height()}, not {SIZE[0]}x{SIZE[1]}")
    image = QImage(window.size() * window.devicePixelRatio(), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(window.devicePixelRatio())
    views = [step.id for step in window.tour.steps]
    walls, cpus = [], []
    for index in range(ROUNDS + len(views)):  # one round first, not counted: first paints of each view
        window.select(views[index % len(views)])
        for _ in range(3):
            app.processEvents()
        wall, cpu = timed_render(window, image)
        if index >= len(views):
            walls.append(wall), cpus.append(cpu)
    figure = median(cpus)
    print(f"  {len(cpus)} full repaints at {SIZE[0]}x{SIZE[1]}, CPU time: median {figure:.1f} ms, "
          f"p95 {percentile(cpus, 0.95):.1f} ms; wall time: median {median(walls):.1f} ms")
    return verdict("big screens", f"median {figure:.1f} ms per full repaint at {SIZE[0]}x{SIZE[1]}",
                   f"under {TARGET_MS:.0f} ms", figure < TARGET_MS)


if __name__ == "__main__":
    raise SystemExit(main())
