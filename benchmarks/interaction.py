"""Interaction: click a stage or a panel item, until the detail area has repainted; 200 clicks.

The window is shown offscreen at 1280x800. Each click goes to the next card along a round of the
four stages and the items of the open panel (the panel tabs open the others on the way), and the
time runs from the mouse press until the detail's new page has been painted. The figure is the
CPU time of those steps (everything runs on the one GUI thread, and offscreen nothing waits for a
display), so that other work on a shared machine does not count; the wall time is printed beside it.
"""

from __future__ import annotations

import time

from common import median, percentile, quiet_qt_notices, use_offscreen_screen, verdict

CLICKS = 200
TARGET_MS = 16.0
TIMEOUT_S = 2.0


def cards_in_order(window) -> list:
    """Stages, then for each panel its tab and its items, as a person clicking around would."""
    cards = list(window.diagram.nodes)
    for panel_id, tab in window.panels.tabs.items():
        cards.append(tab)
        cards += [card for card in window.panels.pages[panel_id].cards]
    return cards


def main() -> int:
    use_offscreen_screen()
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from sepsis_viewer import collector
    from sepsis_viewer.app import create_window

    app = QApplication([])
    quiet_qt_notices()

    class PaintWatch(QObject):
        """Notes when the detail's current page receives a paint event."""

        painted = False

        def eventFilter(self, watched, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint and watched is window.detail.widget():
                self.painted = True
            return False

    collector.hold()  # as the app starts (app.py)
    window = create_window(remember_geometry=False)
    window.resize(1280, 800)
    window.show()
    collector.release()
    for _ in range(5):
        app.processEvents()
    watch = PaintWatch()
    app.installEventFilter(watch)
    cards = cards_in_order(window)
    walls, cpus = [], []
    for index in range(CLICKS + len(cards)):  # one round first, not counted: first paints of each view
        card = cards[index % len(cards)]
        watch.painted = False
        start, start_cpu = time.perf_counter(), time.thread_time()
        QTest.mouseClick(card, Qt.MouseButton.LeftButton)
        while not watch.painted:
            app.processEvents()
            if time.perf_counter() - start > TIMEOUT_S:
                raise SystemExit(f"interaction: clicking {card.ident} never repainted the detail")
        if index >= len(cards):
            walls.append((time.perf_counter() - start) * 1000)
            cpus.append((time.thread_time() - start_cpu) * 1000)
    app.removeEventFilter(watch)
    p95 = percentile(cpus, 0.95)
    print(f"  {len(cpus)} clicks, CPU time: median {median(cpus):.1f} ms, p95 {p95:.1f} ms, worst {max(cpus):.1f} ms; "
          f"wall time: median {median(walls):.1f} ms, p95 {percentile(walls, 0.95):.1f} ms")
    return verdict("interaction", f"p95 {p95:.1f} ms from click to repainted detail", f"p95 under {TARGET_MS:.0f} ms",
                   p95 < TARGET_MS)


if __name__ == "__main__":
    raise SystemExit(main())
