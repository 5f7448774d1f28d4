"""Memory: peak resident memory at the first frame, against the bare window.

Both programs render their first frame to a PNG (`sepsis-viewer --screenshot` at 1280x720, and the
bare window the same way) and exit; the figure is the difference of their peak resident set sizes
(the kernel's maxrss of each child), median of a few runs each.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from common import BARE_WINDOW, child_env, median, verdict

RUNS = 5
TARGET_MB = 40.0
SIZE = "1280x720"


def peak_rss_mb(command: list[str], env: dict[str, str]) -> float:
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        raise SystemExit(f"memory: {' '.join(command)} failed ({status})")
    return usage.ru_maxrss / 1024  # kilobytes on Linux


def main() -> int:
    env = child_env()
    out = Path(env["XDG_CACHE_HOME"]).parent
    app = [sys.executable, "-m", "sepsis_viewer", "--screenshot", str(out / "app.png"), "--size", SIZE]
    bare = [sys.executable, str(BARE_WINDOW), str(out / "bare.png"), SIZE]
    peak_rss_mb(app, env)  # compiles the bytecode, as a second start finds it
    apps = [peak_rss_mb(app, env) for _ in range(RUNS)]
    bares = [peak_rss_mb(bare, env) for _ in range(RUNS)]
    extra = median(apps) - median(bares)
    print(f"  peak RSS: app {median(apps):.1f} MB, bare window {median(bares):.1f} MB (medians of {RUNS})")
    return verdict("memory", f"{extra:.1f} MB more than the bare window at the first frame", f"at most {TARGET_MB:.0f} MB more",
                   extra <= TARGET_MB)


if __name__ == "__main__":
    raise SystemExit(main())
