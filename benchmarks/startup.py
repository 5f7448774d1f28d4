"""Start-up: `sepsis-viewer --screenshot` at 1280x720 against the bare window, interleaved runs.

Each round starts the app, the bare window and the second floor below (in turn forwards and
backwards), each as a new process rendering its first frame to a PNG, and takes the ratio of the
app's time to the bare window's; the figure is the median ratio. The time is the CPU time of each process (the kernel's count, user and system), so
that other work on a shared machine does not count; the ratio of wall times is printed beside it.
Two rounds first warm the disk cache and compile the bytecode, as any start after the first finds
them; the very first start is reported too.

Beside the verdict, for information, a second floor: the bare window after importing every Qt class
that the modules of the app's first view import at their top. PySide makes a class's Python enums
when the class is first imported (the `Qt` namespace alone has over ninety), so this floor tells
what is Qt's price for the classes the window uses and what is the app's own work.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import time
from pathlib import Path

from common import BARE_WINDOW, ROOT, child_env, median, verdict

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


# Run in a child as the app starts for a screenshot: names the modules loaded by the first frame.
_PROBE = """import atexit, runpy, sys
atexit.register(lambda: print("\\n".join(sorted(sys.modules))))
sys.argv = ["sepsis-viewer", *sys.argv[1:]]
runpy.run_module("sepsis_viewer", run_name="__main__")
"""


def qt_imports_of_first_view(app_args: list[str], env: dict[str, str]) -> dict[str, set[str]]:
    """Qt module to the names that the app's modules loaded by the first frame import from it at
    their top (imports made inside functions are left out, so the floor is if anything too low)."""
    loaded = subprocess.run([sys.executable, "-c", _PROBE, *app_args], env=env, capture_output=True,
                            text=True, check=True).stdout.split()
    names: dict[str, set[str]] = {}
    for module in (m for m in loaded if m.split(".")[0] == "sepsis_viewer"):
        path = ROOT.joinpath(*module.split("."))
        source = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
        for node in ast.parse(source.read_text()).body:
            if isinstance(node, ast.ImportFrom) and node.module in loaded and node.module.startswith("PySide6."):
                names.setdefault(node.module, set()).update(alias.name for alias in node.names)
    return names


def main() -> int:
    env = child_env()
    out = Path(env["XDG_CACHE_HOME"]).parent
    app = [sys.executable, "-m", "sepsis_viewer", "--screenshot", str(out / "app.png"), "--size", SIZE]
    bare = [sys.executable, str(BARE_WINDOW), str(out / "bare.png"), SIZE]
    first = timed(app, env)
    imports = qt_imports_of_first_view(app[3:], env)
    (out / "qt_imports.py").write_text("".join(f"from {module} import {', '.join(sorted(names))}\n"
                                               for module, names in sorted(imports.items())))
    with_qt = [*bare, str(out / "qt_imports.py")]
    for _ in range(2):
        timed(bare, env), timed(app, env), timed(with_qt, env)
    apps, bares, with_qts = [], [], []
    for round_ in range(ROUNDS):
        order = [(apps, app), (bares, bare), (with_qts, with_qt)]
        for runs, command in (order if round_ % 2 else order[::-1]):
            runs.append(timed(command, env))
    cpu_ratio = median([a[1] / b[1] for a, b in zip(apps, bares)])
    wall_ratio = median([a[0] / b[0] for a, b in zip(apps, bares)])
    print(f"  CPU time: app {median([a[1] for a in apps]) * 1000:.0f} ms, bare window "
          f"{median([b[1] for b in bares]) * 1000:.0f} ms; wall time: app {median([a[0] for a in apps]) * 1000:.0f} ms, "
          f"bare window {median([b[0] for b in bares]) * 1000:.0f} ms, ratio {wall_ratio:.2f}x (medians of {ROUNDS})")
    print(f"  the first start of this run: {first[0] * 1000:.0f} ms wall, {first[1] * 1000:.0f} ms CPU")
    classes = sum(len(names) for names in imports.values())
    print(f"  for information: the bare window after importing the {classes} Qt names the first view's modules "
          f"import, {median([w[1] for w in with_qts]) * 1000:.0f} ms of CPU, is "
          f"{median([w[1] / b[1] for w, b in zip(with_qts, bares)]):.2f}x the bare window; the app is "
          f"{median([a[1] / w[1] for a, w in zip(apps, with_qts)]):.2f}x that")
    return verdict("start-up", f"{cpu_ratio:.2f}x the bare window", f"at most {TARGET}x", cpu_ratio <= TARGET)


if __name__ == "__main__":
    raise SystemExit(main())
