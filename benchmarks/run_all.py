"""`make bench`: every benchmark, each in a process of its own; exits 1 if any target is missed.

These are benchmarks, not tests: they print figures against targets, and a shared or slow machine
moves them. The README keeps the latest figures and the machine they came from.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = [
    "startup.py",      # start-up against a bare window, interleaved runs
    "interaction.py",  # click to repainted detail, 200 clicks
    "big_screen.py",   # full repaint at 3840x2160
    "memory.py",       # peak RSS at the first frame against the bare window
    # Long run: the kiosk soak (the waiting-room issue) adds its script here, reporting the same way:
    # one line with its figure and target, exit status 1 when the target is missed.
]
NOT_BUILT_YET = ["long run: the kiosk soak is not built yet (the waiting-room issue); it will report here"]


def main() -> int:
    missed = []
    for script in BENCHMARKS:
        print(f"== {script}", flush=True)
        if subprocess.run([sys.executable, str(HERE / script)], cwd=HERE).returncode != 0:
            missed.append(script)
    for line in NOT_BUILT_YET:
        print(f"== {line}")
    print(f"\n{len(BENCHMARKS) - len(missed)} of {len(BENCHMARKS)} targets met" + (f"; missed: {', '.join(missed)}" if missed else ""))
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
