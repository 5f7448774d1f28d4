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
    "body_map.py",     # lighting a stage's organs on the body map at 3840x2160
    "memory.py",       # peak RSS at the first frame against the bare window
    "chart_redraws.py",  # a thousand redraws of one chart slot: one Figure, memory flat
    "soak.py",         # the waiting-room loop for 10,000 screens: memory and object counts flat
]


def main() -> int:
    missed = []
    for script in BENCHMARKS:
        print(f"== {script}", flush=True)
        if subprocess.run([sys.executable, str(HERE / script)], cwd=HERE).returncode != 0:
            missed.append(script)
    print(f"\n{len(BENCHMARKS) - len(missed)} of {len(BENCHMARKS)} targets met" + (f"; missed: {', '.join(missed)}" if missed else ""))
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
