"""The Linux menu entry: installed and removed as a person would, and valid under the desktop's tools."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sepsis_viewer import desktop_entry, paths

APP_ID = paths.APP_ID
DESKTOP_FILE = paths.app_files_dir() / f"{APP_ID}.desktop"
METAINFO_FILE = paths.app_files_dir() / f"{APP_ID}.metainfo.xml"


def run(*args, env_extra=None):
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "sepsis_viewer", *args], capture_output=True, text=True,
                          env=env, timeout=60)


def needs(tool):
    return pytest.mark.skipif(shutil.which(tool) is None, reason=f"{tool} is not installed (CI installs it)")


def desktop_file_validate(path: Path) -> None:
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
    # It exits 0 on hints too; only errors and warnings count against the file.
    assert result.returncode == 0 and "error" not in result.stdout and "warning" not in result.stdout, result.stdout


def appstream_validate(path: Path) -> None:
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def exec_lines(entry: Path) -> list[str]:
    return [line[len("Exec="):] for line in entry.read_text().splitlines() if line.startswith("Exec=")]


@needs("desktop-file-validate")
def test_bundled_desktop_file_is_valid():
    desktop_file_validate(DESKTOP_FILE)


@needs("appstreamcli")
def test_bundled_metainfo_is_valid():
    appstream_validate(METAINFO_FILE)


def test_entry_offers_the_projector_and_waiting_room_modes():
    text = DESKTOP_FILE.read_text()
    assert "Actions=projector;kiosk;" in text
    assert exec_lines(DESKTOP_FILE) == ["sepsis-viewer", "sepsis-viewer --projector", "sepsis-viewer --kiosk"]
    assert f"Icon={APP_ID}" in text
    assert f"<launchable type=\"desktop-id\">{APP_ID}.desktop</launchable>" in METAINFO_FILE.read_text()


def test_install_then_uninstall_from_the_command_line(tmp_path):
    data = tmp_path / "share"
    unrelated = data / "applications" / "someone-else.desktop"
    unrelated.parent.mkdir(parents=True)
    unrelated.write_text("[Desktop Entry]\n")

    result = run("--install-desktop-entry", env_extra={"XDG_DATA_HOME": str(data)})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    entry = data / "applications" / f"{APP_ID}.desktop"
    expected = [entry, data / "metainfo" / f"{APP_ID}.metainfo.xml",
                data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
                *(data / "icons" / "hicolor" / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in paths.ICON_SIZES)]
    for path in expected:
        assert path.is_file() and f"installed {path}" in result.stdout
    # The menu starts the installed program by its full path, not whatever is first on PATH.
    program = shlex.split(exec_lines(entry)[0])[0]
    assert Path(program).is_absolute() and os.access(program, os.X_OK)
    assert [shlex.split(line)[1:] for line in exec_lines(entry)] == [[], ["--projector"], ["--kiosk"]]
    assert (data / "icons/hicolor/48x48/apps" / f"{APP_ID}.png").read_bytes() == paths.app_icon_png(48).read_bytes()

    result = run("--uninstall-desktop-entry", env_extra={"XDG_DATA_HOME": str(data)})
    assert result.returncode == 0, result.stderr
    for path in expected:
        assert not path.exists() and f"removed {path}" in result.stdout
    assert unrelated.exists()
    assert sorted(p for p in data.rglob("*") if p.is_file()) == [unrelated]

    again = run("--uninstall-desktop-entry", env_extra={"XDG_DATA_HOME": str(data)})
    assert again.returncode == 0 and "Nothing to remove" in again.stdout


@needs("desktop-file-validate")
@needs("appstreamcli")
def test_installed_files_are_valid(tmp_path):
    assert run("--install-desktop-entry", env_extra={"XDG_DATA_HOME": str(tmp_path)}).returncode == 0
    desktop_file_validate(tmp_path / "applications" / f"{APP_ID}.desktop")
    appstream_validate(tmp_path / "metainfo" / f"{APP_ID}.metainfo.xml")


@needs("desktop-file-validate")
def test_a_program_path_with_spaces_and_symbols_is_quoted(tmp_path, monkeypatch, capsys):
    program = "/opt/My Apps/$HOME 100%/sepsis-viewer"
    monkeypatch.setattr(desktop_entry, "launch_command", lambda: [program])
    assert desktop_entry.install(tmp_path) == 0
    entry = tmp_path / "applications" / f"{APP_ID}.desktop"
    assert exec_lines(entry)[1] == '"/opt/My Apps/\\\\$HOME 100%%/sepsis-viewer" --projector'
    desktop_file_validate(entry)


def test_a_folder_that_cannot_be_written_is_reported_plainly(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    result = run("--install-desktop-entry", env_extra={"XDG_DATA_HOME": str(blocker / "share")})
    assert result.returncode == 1
    assert "could not install the menu entry" in result.stdout and "Traceback" not in result.stdout + result.stderr


def test_a_failed_install_leaves_nothing_behind(tmp_path, monkeypatch, capsys):
    (tmp_path / "applications").write_text("")  # the last file cannot be written
    assert desktop_entry.install(tmp_path) == 1
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == [tmp_path / "applications"]
    assert "could not install" in capsys.readouterr().out


def test_relative_xdg_data_home_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    assert desktop_entry.data_home() == tmp_path / ".local" / "share"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert desktop_entry.data_home() == tmp_path / ".local" / "share"


def test_a_frozen_bundle_starts_itself(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/sepsis-viewer/sepsis-viewer")
    assert desktop_entry.launch_command() == ["/opt/sepsis-viewer/sepsis-viewer"]


def test_without_an_installed_script_the_interpreter_runs_the_module(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python3"))
    monkeypatch.setattr(sys, "argv", [str(tmp_path / "x.py")])
    monkeypatch.setattr(desktop_entry.sysconfig, "get_path", lambda *a, **k: str(tmp_path / "nowhere"))
    assert desktop_entry.launch_command() == [str(tmp_path / "python3"), "-m", "sepsis_viewer"]


def test_the_options_are_mutually_exclusive(capsys):
    from sepsis_viewer.app import main

    assert main(["--install-desktop-entry", "--uninstall-desktop-entry"]) == 2
    assert "not allowed with" in capsys.readouterr().err


def test_a_program_path_a_menu_cannot_start_is_refused_plainly(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(desktop_entry, "launch_command", lambda: ["/opt/a=b/sepsis-viewer"])
    assert desktop_entry.install(tmp_path) == 1
    assert "could not prepare the menu entry" in capsys.readouterr().out
    assert not any(tmp_path.iterdir())
