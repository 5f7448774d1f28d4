"""What every benchmark shares: the machine it ran on, the environment of its runs, the verdict line."""

from __future__ import annotations

import atexit
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE_WINDOW = Path(__file__).resolve().parent / "bare_window.py"


def machine() -> str:
    """One line: cores, CPU model, Python and PySide6 versions."""
    import PySide6

    model = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{os.cpu_count()} cores ({model}), Python {platform.python_version()}, "
            f"PySide6 {PySide6.__version__}, {platform.system()}")


def child_env(screen: tuple[int, int] = (3840, 2160)) -> dict[str, str]:
    """The environment of a measured process: offscreen on one big screen, with its own folders
    (removed when the benchmark ends).

    PYTHONDONTWRITEBYTECODE is dropped: an installed app has its bytecode compiled, and a start that
    compiles every module each time would measure the compiler, not the app.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    folder = Path(tempfile.mkdtemp(prefix="sepsis-viewer-bench-"))
    screens = folder / "screens.json"
    screens.write_text('{"screens": [{"name": "bench", "x": 0, "y": 0, "width": %d, "height": %d, '
                       '"logicalDpi": 96, "dpr": 1.0}]}' % screen)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={screens}"
    env["XDG_CACHE_HOME"] = str(folder / "cache")
    env["XDG_CONFIG_HOME"] = str(folder / "config")
    env["XDG_STATE_HOME"] = str(folder / "state")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)  # the benchmark leaves nothing behind
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    return env


def use_offscreen_screen(screen: tuple[int, int] = (3840, 2160)) -> None:
    """For an in-process benchmark: set up the environment before Qt is imported."""
    os.environ.update(child_env(screen))


def quiet_qt_notices() -> None:
    """Drop the offscreen platform's notice about size hints, as the app does; keep the rest."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(mode, context, message):
        if "propagateSizeHints" not in message:
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


def timed_render(widget, image) -> tuple[float, float]:
    """Wall and CPU (this thread's) milliseconds of rendering a widget into an image."""
    start, start_cpu = time.perf_counter(), time.thread_time()
    widget.render(image)
    return (time.perf_counter() - start) * 1000, (time.thread_time() - start_cpu) * 1000


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def median(values: list[float]) -> float:
    return statistics.median(values)


def verdict(name: str, figure: str, target: str, met: bool) -> int:
    """Print the benchmark's line and return its exit status (0 met, 1 missed)."""
    print(f"{name}: {figure}  (target: {target})  {'met' if met else 'MISSED'}")
    print(f"  on {machine()}")
    sys.stdout.flush()
    return 0 if met else 1
