"""A command-line tool writes only what it was asked to: no cache, state, data or config files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from sepsis_viewer import paths

COMMANDS = {
    "validate": lambda tmp: (["validate", str(tmp / "mine.json")], None),
    "export-handout": lambda tmp: (["export-handout", str(tmp / "out" / "handout.pdf")], tmp / "out" / "handout.pdf"),
    "screenshot": lambda tmp: (["--screenshot", str(tmp / "out" / "shot.png"), "--size", "1024x768"],
                               tmp / "out" / "shot.png"),
    # matplotlib draws the charts, and keeps a cache of the system's fonts
    "screenshot of a chart": lambda tmp: (["--screenshot", str(tmp / "out" / "chart.png"), "--select",
                                           "cases-and-deaths"], tmp / "out" / "chart.png"),
    "review-sheet": lambda tmp: (["review-sheet", str(tmp / "out" / "review.pdf")], tmp / "out" / "review.pdf"),
}


def everything_under(folder) -> set:
    return {path for path in folder.rglob("*")}


@pytest.mark.parametrize("command", COMMANDS)
def test_a_command_leaves_nothing_but_its_output(tmp_path, command):
    home = tmp_path / "home"
    for name in ("home", "out", "cache", "state", "data", "config"):
        (tmp_path / name).mkdir()
    shutil.copy(paths.bundled_content_path(), tmp_path / "mine.json")
    env = {**{k: v for k, v in os.environ.items() if k != "MPLCONFIGDIR"}, "HOME": str(home), "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    args, output = COMMANDS[command](tmp_path)
    before = everything_under(tmp_path)
    run = subprocess.run([sys.executable, "-m", "sepsis_viewer", *args], cwd=tmp_path, env=env,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert everything_under(tmp_path) - before == ({output} if output else set())
    assert output is None or output.stat().st_size > 0
