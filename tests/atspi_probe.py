"""Reads a running app through the real AT-SPI bus, as a screen reader does, and prints it as JSON.

Run by the system's Python (it needs Debian's python3-pyatspi, which a virtual environment does not
see), inside a session bus of its own; tests/test_atspi.py starts it:

    dbus-run-session -- /usr/bin/python3 tests/atspi_probe.py [--listen EVENT]... [--keys K,K]... [--out F] -- APP...

It starts an X server (Xvfb) and the accessibility bus, starts the app on them, waits for its focus,
then: dumps the tree of what is showing, walks the Tab cycle once round, and presses each --keys
group, recording after each key the focused object and the listened-for events that came.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

# Imported once the X server and the accessibility bus are up (see main): importing pyatspi asks
# the session bus for the accessibility bus, which would otherwise start one without a display.
pyatspi = GLib = None

KEYSYMS = {"Tab": 0xFF09, "Return": 0xFF0D, "Right": 0xFF53, "Left": 0xFF51, "Down": 0xFF54, "Up": 0xFF55,
           "space": 0x20, "Home": 0xFF50, "F1": 0xFFBE, "shift+Tab": 0xFE20}
APP_NAME = "sepsis-viewer"


class Probe:
    """Listens on the bus; `focus` is the object that last said it took the focus."""

    def __init__(self, listen: list[str]):
        self.focus = None
        self.events: list[dict] = []
        pyatspi.Registry.registerEventListener(self._on_focus, "object:state-changed:focused")
        for event in listen:
            pyatspi.Registry.registerEventListener(self._on_event, event)

    def _on_focus(self, event) -> None:
        if event.detail1 and _in_app(event.source):
            self.focus = event.source

    def _on_event(self, event) -> None:
        if _in_app(event.source):
            self.events.append({"type": event.type, "detail1": event.detail1, "data": _data(event.any_data),
                                "source": describe(event.source)})

    def wait(self, done, seconds: float = 10.0) -> bool:
        """Let events in until done() is true or the time is up."""
        late = []
        timer = GLib.timeout_add(int(seconds * 1000), lambda: late.append(True) and False)
        context = GLib.MainContext.default()
        while not done() and not late:
            context.iteration(True)  # blocks until an event from the bus, or the timer, comes
        if not late:
            GLib.source_remove(timer)
        return bool(done())

    def settle(self, seconds: float = 0.6) -> None:
        """Let events in until none has come for `seconds` (after a key whose effects are awaited)."""
        seen = -1
        while seen != len(self.events):
            seen = len(self.events)
            self.wait(lambda: len(self.events) != seen, seconds)


def _in_app(accessible) -> bool:
    try:
        return accessible.getApplication().name == APP_NAME
    except Exception:  # noqa: BLE001 (an object that died on the way)
        return False


def _data(value):
    return value if isinstance(value, (str, int, float, bool)) or value is None else str(value)


def describe(accessible) -> dict:
    """Role, name, description, states and (for text objects) the text of one object."""
    if accessible is None:
        return {}
    states = accessible.getState().getStates()
    found = {"role": accessible.getRoleName(), "name": accessible.name, "description": accessible.description,
             "states": sorted(pyatspi.stateToString(s) for s in states)}
    labels = [relation.getTarget(i).name for relation in accessible.getRelationSet()
              if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY for i in range(relation.getNTargets())]
    if labels:
        found["labelled_by"] = labels
    try:
        text = accessible.queryText()
        found["text"] = text.getText(0, -1)
    except NotImplementedError:
        pass
    return found


def tree(accessible, depth: int = 0) -> list[dict]:
    """The showing objects under `accessible`, depth first, each with its depth."""
    node = describe(accessible)
    if "showing" not in node["states"] and depth:
        return []
    node["depth"] = depth
    found = [node]
    for index in range(accessible.childCount):
        child = accessible.getChildAtIndex(index)
        if child is not None:
            found += tree(child, depth + 1)
    return found


def ancestors(accessible) -> list[dict]:
    """The containers from the window down to `accessible` (not included)."""
    found = []
    parent = accessible.parent
    while parent is not None and parent.getRole() != pyatspi.ROLE_APPLICATION:
        found.append(describe(parent))
        parent = parent.parent
    return list(reversed(found))


def _point_at(frame) -> None:
    """Put the pointer on the window: with no window manager, X may send keys where the pointer is."""
    box = frame.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    pyatspi.Registry.generateMouseEvent(box.x + 4, box.y + box.height // 2, "abs")


def press(probe: Probe, key: str) -> dict:
    """Press a key (X's own, through the bus) and wait for what it does."""
    before, count = probe.focus, len(probe.events)
    pyatspi.Registry.generateKeyboardEvent(KEYSYMS[key], None, pyatspi.KEY_SYM)
    probe.wait(lambda: probe.focus is not before or len(probe.events) != count, 5.0)
    probe.settle()
    return {"key": key, "focus": describe(probe.focus), "events": probe.events[count:]}


def tab_cycle(probe: Probe) -> list[dict]:
    """The focused objects, Tab after Tab, until the first comes round again (at most 60)."""
    first = describe(probe.focus)
    cycle = [dict(first, ancestors=ancestors(probe.focus))]
    for _ in range(60):
        before = probe.focus
        pyatspi.Registry.generateKeyboardEvent(KEYSYMS["Tab"], None, pyatspi.KEY_SYM)
        if not probe.wait(lambda: probe.focus is not before, 5.0):
            cycle.append({"error": "Tab moved no focus"})
            break
        now = describe(probe.focus)
        if now == first:
            break
        cycle.append(dict(now, ancestors=ancestors(probe.focus)))
    return cycle


def start() -> list[subprocess.Popen]:
    """An X server and the accessibility bus, each of this run alone; returns them."""
    home = tempfile.mkdtemp(prefix="atspi-probe-")
    os.makedirs(f"{home}/run", mode=0o700)
    read, write = os.pipe()
    # -displayfd: the server picks a free display and says which once it takes connections.
    xvfb = subprocess.Popen([shutil.which("Xvfb"), "-displayfd", str(write), "-screen", "0", "1280x800x24",
                             "-nolisten", "tcp"], pass_fds=(write,), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as said:
        display = said.readline().strip()
    if not display:
        raise RuntimeError("Xvfb did not start")
    os.environ.update(DISPLAY=f":{display}", HOME=home, XDG_RUNTIME_DIR=f"{home}/run", NO_AT_BRIDGE="0",
                      QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1")
    bus = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return [xvfb, bus]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--listen", action="append", default=[], help="an AT-SPI event to record")
    parser.add_argument("--keys", action="append", default=[], help="keys to press, comma-separated")
    parser.add_argument("--tabs", action="store_true", help="walk the Tab cycle")
    parser.add_argument("--out", help="write the JSON here (daemons the bus starts may print to stdout)")
    parser.add_argument("app", nargs="+")
    args = parser.parse_args()
    started = start()
    global pyatspi, GLib
    import pyatspi
    from gi.repository import GLib
    result: dict = {}
    log = tempfile.TemporaryFile("w+")
    try:
        probe = Probe(args.listen)
        app = subprocess.Popen(args.app, stdout=subprocess.DEVNULL, stderr=log)
        started.append(app)
        if not probe.wait(lambda: probe.focus is not None, 60.0):
            log.seek(0)
            result["error"] = f"the app never took the focus; it said: {log.read()[-2000:]}"
            return _print(result, args.out)
        probe.settle()
        frame = probe.focus
        while frame.parent is not None and frame.parent.getRole() != pyatspi.ROLE_APPLICATION:
            frame = frame.parent
        _point_at(frame)
        result["start"] = describe(probe.focus)
        result["tree"] = tree(frame)
        if args.tabs:
            result["tabs"] = tab_cycle(probe)
        result["steps"] = [press(probe, key) for group in args.keys for key in group.split(",")]
        return _print(result, args.out)
    finally:
        for process in reversed(started):
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(os.environ["HOME"], ignore_errors=True)  # this run's own, made by start()


def _print(result: dict, out: str | None) -> int:
    if out:
        with open(out, "w", encoding="utf-8") as file:
            json.dump(result, file)
    else:
        json.dump(result, sys.stdout)
    return 0 if "error" not in result else 1


if __name__ == "__main__":
    sys.exit(main())
