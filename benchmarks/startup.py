"""Start-up: `sepsis-viewer --screenshot` at 1280x720 against the bare window, interleaved runs.

Each round starts the bare window and then the app (alternating which goes first), each as a new
process, and takes the ratio of their wall times; the figure is the median ratio. Two rounds first
warm the disk cache, compile the bytecode and let the app remember its schema check, as any start
after the first finds them. The very first start, with nothing remembered, is reported too.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from common import BARE_WINDOW, child_env, median, verdict

TARGET = 1.5
ROUNDS = 21
SIZE = "1280x720"


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    env = child_env()
    out = Path(env["XDG_CACHE_HOME"]).parent
    app = [sys.executable, "-m", "sepsis_viewer", "--screenshot", str(out / "app.png"), "--size", SIZE]
    bare = [sys.executable, str(BARE_WINDOW), str(out / "bare.png"), SIZE]
    first = timed(app, env)
    for _ in range(2):
        timed(bare, env), timed(app, env)
    apps, bares, ratios = [], [], []
    for round_ in range(ROUNDS):
        if round_ % 2:
            a, b = timed(app, env), timed(bare, env)
        else:
            b, a = timed(bare, env), timed(app, env)
        apps.append(a), bares.append(b), ratios.append(a / b)
    ratio = median(ratios)
    print(f"  app {median(apps) * 1000:.0f} ms, bare window {median(bares) * 1000:.0f} ms (medians of {ROUNDS}); "
          f"first start with nothing remembered {first * 1000:.0f} ms")
    return verdict("start-up", f"{ratio:.2f}x the bare window", f"at most {TARGET}x", ratio <= TARGET)


if __name__ == "__main__":
    raise SystemExit(main())
