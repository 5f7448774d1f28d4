"""Start-up: `sepsis-viewer --screenshot` at 1280x720 against the bare window, interleaved runs.

Each round starts the bare window and the app (alternating which goes first), each as a new
process rendering its first frame to a PNG, and takes the ratio of their times; the figure is the
median ratio. The time is the CPU time of each process (the kernel's count, user and system), so
that other work on a shared machine does not count; the ratio of wall times is printed beside it.
Two rounds first warm the disk cache and compile the bytecode, as any start after the first finds
them; the very first start is reported too.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from common import BARE_WINDOW, child_env, median, verdict

TARGET = 1.6
ROUNDS = 21
SIZE = "1280x720"


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of a command."""
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"start-up: {' '.join(command)} failed ({status})")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> int:
    env = child_env()
    out = Path(env["XDG_CACHE_HOME"]).parent
    app = [sys.executable, "-m", "sepsis_viewer", "--screenshot", str(out / "app.png"), "--size", SIZE]
    bare = [sys.executable, str(BARE_WINDOW), str(out / "bare.png"), SIZE]
    first = timed(app, env)
    for _ in range(2):
        timed(bare, env), timed(app, env)
    apps, bares = [], []
    for round_ in range(ROUNDS):
        if round_ % 2:
            apps.append(timed(app, env)), bares.append(timed(bare, env))
        else:
            bares.append(timed(bare, env)), apps.append(timed(app, env))
    cpu_ratio = median([a[1] / b[1] for a, b in zip(apps, bares)])
    wall_ratio = median([a[0] / b[0] for a, b in zip(apps, bares)])
    print(f"  CPU time: app {median([a[1] for a in apps]) * 1000:.0f} ms, bare window "
          f"{median([b[1] for b in bares]) * 1000:.0f} ms; wall time: app {median([a[0] for a in apps]) * 1000:.0f} ms, "
          f"bare window {median([b[0] for b in bares]) * 1000:.0f} ms, ratio {wall_ratio:.2f}x (medians of {ROUNDS})")
    print(f"  the first start of this run: {first[0] * 1000:.0f} ms wall, {first[1] * 1000:.0f} ms CPU")
    return verdict("start-up", f"{cpu_ratio:.2f}x the bare window", f"at most {TARGET}x", cpu_ratio <= TARGET)


if __name__ == "__main__":
    raise SystemExit(main())
