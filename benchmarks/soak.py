"""Soak benchmark: the real waiting-room loop for a week's worth of screens, at a tiny time scale.

    python benchmarks/soak.py [--steps 10000] [--warmup 1000] [--time-scale 0.0002]

Runs KioskSession at 1920x1080 as a clinic sets it up (its message and QR code beside the
signage; two contents taking turns, so every loop changes the view on screen; a visitor every few
hundred screens, so the pause, the controls, the countdown and the return run too; burn-in drift;
the progress line) and reports, between the end of the warm-up and the end: RSS growth, Python
object counts by type, live QObjects, live timers and animations. A "step" here is a screen of
the loop (a page split over several screens counts each). Target: RSS growth under 5 MB and flat
object counts. Exits 1 if a target is missed. A benchmark, not a test: it is not part of `make test`.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections import Counter
from pathlib import Path

from common import use_offscreen_screen

RSS_TARGET_MB = 5.0
# Object counts may wobble by what one step holds (a page of labels); beyond that they must not grow.
OBJECT_SLACK = 200
QOBJECT_SLACK = 50


def rss_mb() -> float:
    """Resident set size now, in MiB (Linux /proc; elsewhere the peak from getrusage)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def qobjects(roots) -> list:
    """Every QObject reachable from the roots through children()."""
    seen, stack = [], list(roots)
    while stack:
        obj = stack.pop()
        seen.append(obj)
        stack.extend(obj.children())
    return seen


def snapshot(app, session) -> dict:
    from PySide6.QtCore import QAbstractAnimation, QTimer

    for _ in range(3):
        app.processEvents()
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    from sepsis_viewer import memory

    # The census before the RSS, so that its own passing allocations are handed back first.
    objects = qobjects([app, session, *app.topLevelWidgets()])
    counts = {
        "python": Counter(type(o).__name__ for o in gc.get_objects()),
        "qobjects": len(objects),
        "timers": sum(isinstance(o, QTimer) for o in objects),
        "active_timers": sum(isinstance(o, QTimer) and o.isActive() for o in objects),
        "animations": sum(isinstance(o, QAbstractAnimation) for o in objects),
    }
    del objects
    gc.collect()
    # What the kiosk does itself once a loop: hand back what was freed. What stays is what is held.
    memory.give_back()
    return {"rss_mb": rss_mb(), **counts}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=10_000, help="screens after the warm-up")
    parser.add_argument("--warmup", type=int, default=1_000)
    parser.add_argument("--time-scale", type=float, default=0.0002)
    parser.add_argument("--visitor-every", type=int, default=400, help="screens between visitors")
    args = parser.parse_args(argv)

    use_offscreen_screen((1920, 1080))
    os.environ["SEPSIS_VIEWER_TIME_SCALE"] = str(args.time_scale)

    from PySide6.QtCore import QEvent, QTimer
    from PySide6.QtWidgets import QApplication

    from sepsis_viewer.content import load_content
    from sepsis_viewer.kiosk_config import KioskConfig
    from sepsis_viewer.ui.kiosk.session import KioskSession
    from sepsis_viewer.ui.widgets.qt_messages import quiet_offscreen_noise

    app = QApplication([sys.argv[0]])
    quiet_offscreen_noise()
    # Two contents that take turns, as two languages would: each loop shows the other's view.
    clinic = KioskConfig(idle=60.0, message=(("*", "Feeling worse while you wait? Tell the reception desk now."),),
                         link="https://www.who.int/news-room/fact-sheets/detail/sepsis")
    session = KioskSession([load_content(), load_content()], config=clinic)
    session.reduced_motion = False  # run the fades too (offscreen Qt reports effects as off)
    steps = {"count": 0}
    marks: dict[str, dict] = {}
    started = time.perf_counter()

    def on_step(_step_id: str, _part: int) -> None:
        steps["count"] += 1
        count = steps["count"]
        if count % args.visitor_every == 0 and not session.loop.paused:
            # A visitor touches the screen, then walks away: pause, countdown, return.
            app.sendEvent(session.window.windowHandle(), _click_event())
        if count % 1000 == 0:
            rate = count / (time.perf_counter() - started)
            print(f"soak: {count} screens, {rate:.0f} screens/s, RSS {rss_mb():.1f} MB", file=sys.stderr, flush=True)
        if count == args.warmup // 2:
            # A census costs some 3 MB once (Python wrappers and types for Qt's own parts, which stay
            # with the objects they wrap): taken here once, that cost is in the warm-up figure, so the
            # growth measured is the loop's and not the measurement's.
            QTimer.singleShot(0, lambda: snapshot(app, session))
        if count == args.warmup:
            QTimer.singleShot(0, lambda: marks.setdefault("warm", snapshot(app, session)))
        if count >= args.warmup + args.steps:
            # exit(), not quit(): quit() asks every window to close, and the kiosk window refuses.
            QTimer.singleShot(0, lambda: app.exit(0))

    def _click_event():
        from PySide6.QtCore import QPointF, Qt
        from PySide6.QtGui import QMouseEvent

        return QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(10, 10), QPointF(10, 10),
                           Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)

    session.loop.screen_shown.connect(on_step)
    session.start()
    app.exec()
    end = snapshot(app, session)
    elapsed = time.perf_counter() - started
    warm = marks["warm"]
    session.stop()
    return report(warm, end, steps["count"], session.loop.loops, elapsed, args)


def report(warm: dict, end: dict, steps: int, loops: int, elapsed: float, args) -> int:
    growth = end["rss_mb"] - warm["rss_mb"]
    grown = {name: end["python"][name] - warm["python"].get(name, 0) for name in end["python"]}
    top = sorted(grown.items(), key=lambda item: -item[1])[:8]
    total_growth = sum(end["python"].values()) - sum(warm["python"].values())
    qobject_growth = end["qobjects"] - warm["qobjects"]
    print(f"soak: {steps} screens ({loops} loops) in {elapsed:.0f} s at time scale {args.time_scale}; "
          f"measured after a warm-up of {args.warmup} screens")
    print(f"  RSS: {warm['rss_mb']:.1f} MB -> {end['rss_mb']:.1f} MB, growth {growth:+.2f} MB "
          f"(target under {RSS_TARGET_MB} MB)")
    print(f"  Python objects: {sum(warm['python'].values())} -> {sum(end['python'].values())} "
          f"({total_growth:+d}; target flat within {OBJECT_SLACK})")
    print("  largest changes by type: " + ", ".join(f"{name} {delta:+d}" for name, delta in top))
    print(f"  live QObjects: {warm['qobjects']} -> {end['qobjects']} ({qobject_growth:+d}; "
          f"target flat within {QOBJECT_SLACK})")
    print(f"  timers: {warm['timers']} -> {end['timers']} (active {warm['active_timers']} -> "
          f"{end['active_timers']}); animations: {warm['animations']} -> {end['animations']}")
    ok = (growth < RSS_TARGET_MB and total_growth <= OBJECT_SLACK and qobject_growth <= QOBJECT_SLACK
          and end["timers"] <= warm["timers"] and end["animations"] <= warm["animations"])
    print("soak: " + ("all targets met" if ok else "TARGET MISSED"))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
