"""The files that start the waiting-room loop at boot."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

LINUX = Path(__file__).resolve().parent.parent / "packaging" / "linux"


def _ini(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser


def test_systemd_unit_restarts_always_and_expects_the_watchdog():
    unit = _ini(LINUX / "sepsis-viewer-kiosk.service")
    service = unit["Service"]
    assert service["Type"] == "notify" and service["Restart"] == "always"
    assert int(service["WatchdogSec"]) >= 10
    assert service["ExecStart"].split()[-1] == "--kiosk"
    assert unit["Install"]["WantedBy"] == "graphical-session.target"


def test_autostart_entry_starts_the_kiosk():
    entry = _ini(LINUX / "sepsis-viewer-kiosk-autostart.desktop")["Desktop Entry"]
    assert entry["Exec"] == "sepsis-viewer --kiosk" and entry["Type"] == "Application"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_autostart_entry_is_valid():
    result = subprocess.run(["desktop-file-validate", str(LINUX / "sepsis-viewer-kiosk-autostart.desktop")],
                            capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout
