"""The running app read through the real AT-SPI bus, as Orca reads it: roles, names, states, the
Tab order, and what a screen reader is told when Enter chooses a stage.

The bus needs Debian's at-spi2-core, python3-pyatspi (for the system's Python: tests/atspi_probe.py
runs there) and gir1.2-atspi-2.0, dbus (dbus-run-session) and Xvfb; without them these tests skip
and say why, unless SEPSIS_REQUIRE_ATSPI is set (CI sets it), where they fail instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sepsis_viewer.content import load_content
from sepsis_viewer.strings import table
from sepsis_viewer.pages import first_sentence

PROBE = Path(__file__).with_name("atspi_probe.py")
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
ANNOUNCED = "object:announcement"
DESCRIBED = "object:property-change:accessible-description"


def _missing() -> str | None:
    """Why the bus cannot be had here, or None."""
    for tool in ("dbus-run-session", "Xvfb"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (Debian: dbus, xvfb)"
    if not os.path.exists(BUS_LAUNCHER):
        return f"{BUS_LAUNCHER} is missing (Debian: at-spi2-core)"
    if not os.path.exists(SYSTEM_PYTHON) or subprocess.run(
            [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True).returncode:
        return "the system's Python cannot import pyatspi (Debian: python3-pyatspi, gir1.2-atspi-2.0)"
    return None


def probe(*arguments: str, out: Path) -> dict:
    """Start the app on a bus of its own and read it (see atspi_probe.py for the arguments)."""
    reason = _missing()
    if reason is not None:
        if os.environ.get("SEPSIS_REQUIRE_ATSPI"):
            pytest.fail(f"the AT-SPI bus is required here, but {reason}")
        pytest.skip(f"no AT-SPI bus: {reason}")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("QT_", "DBUS_", "AT_SPI"))}
    app = [sys.executable, "-m", "sepsis_viewer", "--lang", "en"]
    done = subprocess.run(["dbus-run-session", "--", SYSTEM_PYTHON, str(PROBE), *arguments, "--out", str(out),
                           "--", *app], capture_output=True, text=True, env=env, timeout=180)
    assert out.exists(), done.stderr[-3000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    assert "error" not in result, result["error"]
    return result


@pytest.fixture(scope="module")
def read(tmp_path_factory):
    """The app as read once: its tree, a round of Tab, then Right and Enter on the stages."""
    out = tmp_path_factory.mktemp("atspi") / "read.json"
    return probe("--listen", ANNOUNCED, "--listen", DESCRIBED, "--tabs", "--keys", "Right,Return", out=out)


@pytest.fixture(scope="module")
def content():
    return load_content()


def find(tree, role, name=None):
    return [node for node in tree if node["role"] == role and (name is None or node["name"] == name)]


def test_stages_are_radio_buttons_and_panel_tabs_are_page_tabs(read, content):
    tree = read["tree"]
    stages = find(tree, "radio button")[:4]
    assert [s["name"] for s in stages] == [f"{s.title}, stage {s.number} of 4" for s in content.stages]
    assert not find(tree, "check box")
    tabs = find(tree, "page tab")
    assert [t["name"] for t in tabs] == [p.title for p in content.panels]
    assert ["selected" in t["states"] for t in tabs] == [True] + [False] * (len(content.panels) - 1)
    assert find(tree, "page tab list", "Topics") and find(tree, "panel", content.panels[0].title)
    assert not find(tree, "layered pane")


def test_the_language_list_and_the_call_to_action_are_named(read):
    tree = read["tree"]
    assert find(tree, "combo box", "English")[0]["labelled_by"] == ["Language"]
    assert find(tree, "panel", "If you think it could be sepsis")
    assert find(tree, "push button", "All warning signs and the number to call, 112")


def test_the_detail_is_one_text_the_reader_can_read_whole(read, content):
    text = find(read["tree"], "text", content.intro.heading)[0]
    assert "read only" in text["states"] and "focusable" in text["states"]
    assert text["text"].startswith(content.intro.text) and content.disclaimer in text["text"]


def test_tab_goes_down_the_screen_and_every_container_on_the_way_is_named_or_a_filler(read, content):
    cycle = read["tabs"]
    names = [stop["name"] for stop in cycle]
    first = names.index(next(n for n in names if n.startswith(content.numbers.headline)))
    names = names[first:] + names[:first]  # from the top of the screen
    screen = [names[0], "About and sources", "English",
              *(f"{s.title}, stage {s.number} of 4" for s in content.stages),
              *(p.title for p in content.panels), *(i.title for i in content.panels[0].items),
              content.intro.heading]
    assert names[:len(screen)] == screen and names[-1] == "All warning signs and the number to call, 112"
    # Between the detail and the call to action, the body map: its organs, then the other figure.
    organs, figure = names[len(screen):-2], names[-2]
    organ_names = tuple(f"{name}: " for name in table("en")["organ_names"].values())
    assert len(organs) >= 10 and all(name.startswith(organ_names) for name in organs), organs
    assert figure == table("en")["body_map_figure_female"]  # the whole words, not the short ones on screen
    for stop in cycle:
        for container in stop["ancestors"][1:]:  # under the window
            assert container["name"] or container["role"] == "filler", (stop["name"], container)


def test_enter_on_a_stage_selects_it_and_announces_its_title_and_first_sentence(read, content):
    right, enter = read["steps"]
    stage = content.stages[1]
    assert right["focus"]["name"] == f"{stage.title}, stage 2 of 4" and "checked" not in right["focus"]["states"]
    assert "checked" in enter["focus"]["states"]
    said = [(e["data"], e["detail1"]) for e in enter["events"] if e["type"] == ANNOUNCED]
    assert said == [(f"{stage.title}. {first_sentence(stage.body)}", 1)]  # 1: polite
    # A reader that hears announcements is not told twice (the body map, not focused, may say
    # what it now shows).
    assert not [e for e in enter["events"] if e["type"] == DESCRIBED and e["source"]["name"] != "Body map"]


def test_a_reader_deaf_to_announcements_hears_the_choice_as_a_description(content, tmp_path):
    """Orca 43 (Debian 12) has no ear for announcements, but presents a changed description."""
    read = probe("--listen", DESCRIBED, "--keys", "Right,Return,Tab", out=tmp_path / "read.json")
    right, enter, tab = read["steps"]
    stage = content.stages[1]
    changed = [(e["source"]["name"], e["data"]) for e in enter["events"] if e["source"]["name"] != "Body map"]
    assert changed == [(f"{stage.title}, stage 2 of 4", f"{stage.title}. {first_sentence(stage.body)}")]
    given_back = [(e["source"]["name"], e["data"]) for e in tab["events"] if e["source"]["name"] != "Body map"]
    assert given_back == [(f"{stage.title}, stage 2 of 4", stage.summary)]
