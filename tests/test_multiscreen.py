"""Runs tests/multiscreen in a process whose offscreen platform has two screens."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def test_projector_with_a_laptop_and_a_projector(tmp_path):
    screens = tmp_path / "screens.json"
    screens.write_text(json.dumps({"screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96, "dpr": 1.0},
        {"name": "projector", "x": 1366, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "dpr": 1.0},
    ]}))
    env = {**os.environ, "SEPSIS_TEST_SCREENS": str(screens), "SEPSIS_MULTISCREEN_RUN": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(HERE / "multiscreen")],
        capture_output=True, text=True, env=env, cwd=HERE.parent, timeout=300,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    assert " passed" in result.stdout and "skipped" not in result.stdout
