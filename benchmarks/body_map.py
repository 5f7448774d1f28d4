"""The body map: lighting a stage's organs repaints within one frame at 3840x2160, p95.

A BodyMap fills a 3840x2160 window offscreen. Each round lights the organs of the next stage (as
issue 15 names them: the source organ, then the blood and vessels, then the failing organs, then
every organ starved of blood in shock) and times render() of the widget into a 3840x2160 image, as
big_screen.py does (the offscreen platform skips repaint() of a window nobody sees). Before the
rounds the idle time after the first frame is left to make the organs' caches, as it is in the app;
the first lighting of a fresh widget, before that, is printed beside the figure.
"""

from __future__ import annotations

import time

from common import median, percentile, quiet_qt_notices, timed_render, use_offscreen_screen, verdict

ROUNDS = 200
TARGET_MS = 16.0
SIZE = (3840, 2160)
RAMP = ("#00897b", "#e0a100", "#e8710a", "#b3261e")  # calm to severe, as a theme's stage ramp
LUNGS, KIDNEYS, BRAIN, LIVER = "UBERON_0002048", "UBERON_0002113", "UBERON_0000955", "UBERON_0002107"
HEART, AORTA, VESSELS = "UBERON_0000948", "UBERON_0000947", "UBERON_0001981"


def stages(every_organ: list[str]) -> list[dict[str, str]]:
    """The organs each stage lights, in its colour."""
    organs = [[LUNGS], [VESSELS, AORTA, HEART], [KIDNEYS, LUNGS, BRAIN, LIVER], every_organ]
    return [dict.fromkeys(ids, colour) for ids, colour in zip(organs, RAMP)]


def main() -> int:
    use_offscreen_screen(SIZE)
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from sepsis_viewer.ui.widgets.body_map import BodyMap

    app = QApplication([])
    quiet_qt_notices()
    image = QImage(*SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    cold = BodyMap()
    cold.resize(*SIZE)
    start = time.perf_counter()
    cold.render(image)
    first_frame = (time.perf_counter() - start) * 1000
    cold.set_lit(stages(cold.organ_ids())[3])
    start = time.perf_counter()
    cold.render(image)
    first_lighting = (time.perf_counter() - start) * 1000

    widget = BodyMap()
    widget.resize(*SIZE)
    widget.show()
    widget.render(image)
    deadline = time.perf_counter() + 10
    while time.perf_counter() < deadline:  # the idle time in which the organs' caches are made
        app.processEvents()
        time.sleep(0.005)
    rounds = stages(widget.organ_ids())
    walls, cpus = [], []
    for index in range(ROUNDS):
        widget.set_lit(rounds[index % len(rounds)])
        wall, cpu = timed_render(widget, image)
        walls.append(wall), cpus.append(cpu)
    figure = percentile(cpus, 0.95)
    print(f"  first frame of a fresh map {first_frame:.0f} ms; lighting every organ before the idle "
          f"caches {first_lighting:.0f} ms")
    print(f"  {len(cpus)} lightings at {SIZE[0]}x{SIZE[1]}, CPU time: median {median(cpus):.1f} ms, "
          f"p95 {figure:.1f} ms; wall time: median {median(walls):.1f} ms, p95 {percentile(walls, 0.95):.1f} ms")
    return verdict("body map", f"p95 {figure:.1f} ms to light a stage and repaint at {SIZE[0]}x{SIZE[1]}",
                   f"under {TARGET_MS:.0f} ms", figure < TARGET_MS)


if __name__ == "__main__":
    raise SystemExit(main())
