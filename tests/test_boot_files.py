"""The files that start the waiting-room loop at boot."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

LINUX = Path(__file__).resolve().parent.parent / "packaging" / "linux"
CONFIG = "/etc/sepsis-viewer/waiting-room.toml"  # where the README puts the clinic's configuration


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
    assert service["ExecStart"].split()[1:] == ["--kiosk", "--config", CONFIG]
    assert unit["Install"]["WantedBy"] == "graphical-session.target"


def test_autostart_entry_starts_the_kiosk():
    entry = _ini(LINUX / "sepsis-viewer-kiosk-autostart.desktop")["Desktop Entry"]
    assert entry["Exec"] == f"sepsis-viewer --kiosk --config {CONFIG}" and entry["Type"] == "Application"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_autostart_entry_is_valid():
    result = subprocess.run(["desktop-file-validate", str(LINUX / "sepsis-viewer-kiosk-autostart.desktop")],
                            capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_both_start_the_loop_with_the_same_configuration_file_and_the_example_is_valid():
    from sepsis_viewer import paths
    from sepsis_viewer.command_line import build_parser
    from sepsis_viewer.kiosk_config import load_config

    unit = _ini(LINUX / "sepsis-viewer-kiosk.service")["Service"]["ExecStart"].split()[1:]
    entry = _ini(LINUX / "sepsis-viewer-kiosk-autostart.desktop")["Desktop Entry"]["Exec"].split()[1:]
    assert unit == entry
    args = build_parser().parse_args(unit)
    assert args.kiosk and str(args.config) == CONFIG
    example = paths.data_dir("resources") / "kiosk" / "example.toml"
    assert "install -D -m 644 resources/kiosk/example.toml " + CONFIG in (LINUX / "sepsis-viewer-kiosk.service").read_text()
    load_config(example)  # the file those comments say to copy
