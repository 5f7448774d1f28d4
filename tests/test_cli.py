"""The command line: entry point, --screenshot, --select, --version, --help."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from conftest import check_the_loop_keeps_still, pyproject_version, shown_texts
from sepsis_viewer import __version__
from sepsis_viewer.app import main


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "sepsis_viewer", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


@pytest.mark.parametrize("size", ["1024x768", "1920x1080"])
def test_screenshot_renders_the_window_at_the_size_asked(tmp_path, size):
    out = tmp_path / "shot.png"
    result = run("--screenshot", str(out), "--size", size, "--select", "septic-shock", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert f"{image.width()}x{image.height()}" == size
    # Not a blank picture: the stage colours and the dark call-to-action bar are in it.
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 50 and "#14324a" in colours


def test_unknown_select_id_is_a_usage_error(tmp_path):
    result = run("--screenshot", str(tmp_path / "x.png"), "--select", "no-such-stage")
    assert result.returncode == 2 and "no such id 'no-such-stage'" in result.stderr
    assert "septic-shock" in result.stderr and not (tmp_path / "x.png").exists()


def test_screenshot_into_a_missing_folder_fails_cleanly(tmp_path):
    result = run("--screenshot", str(tmp_path / "nope" / "x.png"))
    assert result.returncode == 1 and "could not write" in result.stderr and "Traceback" not in result.stderr


def test_bad_size_is_a_usage_error(capsys):
    assert main(["--screenshot", "x.png", "--size", "big"]) == 2
    assert "is not a size" in capsys.readouterr().err


def test_version_and_help(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"sepsis-viewer {__version__}"
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for option in ("--content", "--screenshot", "--size", "--select", "validate"):
        assert option in out


def test_invalid_content_still_renders_bundled_content(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    out = tmp_path / "shot.png"
    result = run("--content", str(bad), "--screenshot", str(out), "--size", "1024x768")
    assert result.returncode == 0 and out.exists()
    assert f"{bad}:1:2: invalid JSON" in result.stderr


def test_importing_the_app_does_nothing():
    code = "import sys, sepsis_viewer.app; assert not any(m.startswith('PySide6') for m in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_entry_point_is_registered():
    from importlib.metadata import entry_points

    scripts = {ep.name: ep.value for ep in entry_points(group="gui_scripts")}
    assert scripts.get("sepsis-viewer") == "sepsis_viewer.app:main"


def test_high_dpi_screen_renders_sharp_and_unclipped(tmp_path):
    """With two device pixels per logical pixel the picture has twice the pixels, nothing clipped."""
    import os
    from pathlib import Path

    out = tmp_path / "hidpi.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}
    result = subprocess.run([sys.executable, "-m", "sepsis_viewer", "--screenshot", str(out), "--size", "1024x768"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (2048, 1536)
    check = (
        "from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from sepsis_viewer.content import load_content; from sepsis_viewer.ui.desktop.main_window import MainWindow;"
        "from layout_check import label_problems, overlap_problems;"
        "w = MainWindow(load_content(), remember_geometry=False); w.resize(1024, 768); w.show();"
        "[app.processEvents() for _ in range(3)];"
        "icon = w.diagram.nodes[0].icon.pixmap();"
        "assert w.devicePixelRatioF() == 2 and icon.devicePixelRatio() == 2, icon.devicePixelRatio();"
        "problems = label_problems(w) + overlap_problems(w); assert not problems, problems"
    )
    env["PYTHONPATH"] = str(Path(__file__).parent)
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr


def rendered(tmp_path, mode: str, size: str, select: str) -> QImage:
    """`--screenshot` of a mode at a size with a step selected; the picture, checked for its size."""
    out = tmp_path / "shot.png"
    result = run(mode, "--screenshot", str(out), "--size", size, "--select", select)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert f"{image.width()}x{image.height()}" == size
    return image


@pytest.mark.parametrize("size", ["1024x768", "1920x1080", "3840x2160"])
def test_projector_screenshot(tmp_path, size):
    image = rendered(tmp_path, "--projector", size, "septic-shock")
    assert image.pixelColor(image.width() // 2, image.height() - image.height() // 20).name() == "#102a43"


def test_list_screens_and_an_unknown_screen(tmp_path):
    result = run("--list-screens")
    assert result.returncode == 0 and result.stdout.startswith("0: ") and "(primary)" in result.stdout
    result = run("--projector", "--screen", "7")
    assert result.returncode == 2 and "no screen '7'" in result.stderr and "0: " in result.stderr


def test_projector_select_takes_tour_ids_only(tmp_path):
    result = run("--projector", "--screenshot", str(tmp_path / "x.png"), "--select", "about")
    assert result.returncode == 2 and "no such id 'about'" in result.stderr


@pytest.mark.parametrize("size", ["1920x1080", "1080x1920"])
def test_kiosk_screenshot(tmp_path, size):
    image = rendered(tmp_path, "--kiosk", size, "sepsis")
    # The thin progress line along the top, part-way filled in the accent colour (the projector's).
    top = [[image.pixelColor(x, y).name() for x in range(0, image.width(), 10)] for y in range(40)]
    line = next(row for row in top if "#102a43" in row)
    assert line[-1] != "#102a43"


def test_kiosk_screenshot_of_a_later_screen_of_a_step(screenshot_texts):
    first = screenshot_texts("--kiosk", "--size", "1920x1080", "--select", "septic-shock")
    third = screenshot_texts("--kiosk", "--size", "1920x1080", "--select", "septic-shock#3")
    assert "Septic shock" in first and "Septic shock" in third and first != third
    assert screenshot_texts("--kiosk", "--size", "1920x1080", "--select", "septic-shock#99") != first  # the last


def test_kiosk_select_takes_a_screen_number_from_one(tmp_path):
    result = run("--kiosk", "--screenshot", str(tmp_path / "x.png"), "--select", "septic-shock#0")
    assert result.returncode == 2 and "a number from 1" in result.stderr
    result = run("--kiosk", "--screenshot", str(tmp_path / "x.png"), "--select", "cases-and-deaths")
    assert result.returncode == 2 and "no such id 'cases-and-deaths'" in result.stderr  # charts: not on signage


def test_kiosk_options_are_checked():
    result = run("--kiosk", "--dwell", "0", "--screenshot", "x.png")
    assert result.returncode == 2 and "outside 1 to 3600 seconds" in result.stderr
    result = run("--kiosk", "--idle", "soon", "--screenshot", "x.png")
    assert result.returncode == 2 and "is not a number of seconds" in result.stderr


def test_kiosk_left_out_languages_are_logged(tmp_path):
    result = run("--kiosk", "--langs", "en,xx", "--screenshot", str(tmp_path / "k.png"))
    assert result.returncode == 0 and "no bundled content for the language \"xx\"" in result.stderr


def test_the_installed_version_is_the_one_the_package_says():
    from importlib.metadata import version

    # What pip installed (the distribution's metadata) is what pyproject.toml says today: an install
    # left over from an older pyproject.toml would show an old number in --version and About.
    assert version("sepsis-viewer") == pyproject_version() == __version__


# --- main() in this process: what the options put on screen ---------------------------------


@pytest.fixture
def main_here(qapp, monkeypatch):
    """`main` run in this process, as the command line runs it, minus what a real start does to the
    rest of the process (freezing the garbage collector; naming the application; its language)."""
    from sepsis_viewer import collector, strings

    monkeypatch.setattr(collector, "hold", lambda: None)
    monkeypatch.setattr(collector, "release", lambda: None)
    names = (qapp.organizationName(), qapp.applicationName(), qapp.desktopFileName())
    language = strings.language()
    yield main
    qapp.setOrganizationName(names[0])
    qapp.setApplicationName(names[1])
    qapp.setDesktopFileName(names[2])
    strings.set_language(language)


@pytest.fixture
def screenshot_texts(main_here, monkeypatch, tmp_path):
    """Run main with --screenshot; the words the window showed as its picture was taken."""
    from sepsis_viewer.ui.widgets import screenshot

    shown = []
    real = screenshot.save_screenshot

    def save_and_read(window, out, size):
        try:
            picture = real(window, out, size)
            shown.append(shown_texts(window))
        finally:
            # Gone, as with the process that would have ended here: a window left up (with the
            # waiting room's application-wide quit chord) would answer the next tests' keys.
            window.hide()
            window.deleteLater()
        return picture

    monkeypatch.setattr(screenshot, "save_screenshot", save_and_read)

    def run_main(*args: str) -> str:
        assert main_here(["--screenshot", str(tmp_path / "shot.png"), *args]) == 0
        assert len(shown) == 1
        return shown.pop()

    return run_main


@pytest.mark.parametrize("mode", [[], ["--projector"], ["--kiosk"]], ids=["desktop", "projector", "kiosk"])
def test_the_emergency_number_from_the_command_line_is_the_one_on_screen(screenshot_texts, mode):
    # 1234 is no region's number: whatever the machine's locale, it can only come from the option.
    assert "Call 1234" not in screenshot_texts(*mode, "--select", "call-to-action")
    texts = screenshot_texts(*mode, "--select", "call-to-action", "--emergency-number", "1234")
    assert "Call 1234 and ask: could it be sepsis?" in texts
    assert set(re.findall(r"Call (\d+)", texts)) == {"1234"}  # no other number anywhere
    assert "local emergency number" not in texts  # a number given is no guess: no hedge beside it


def test_a_bad_emergency_number_is_a_usage_error(capsys):
    assert main(["--emergency-number", "9-1-1", "--screenshot", "x.png"]) == 2
    assert "'9-1-1' is not an emergency number (2 to 8 digits, e.g. 112)" in capsys.readouterr().err


@pytest.mark.parametrize("mode", [[], ["--projector"], ["--kiosk"]], ids=["desktop", "projector", "kiosk"])
def test_a_language_without_content_is_a_usage_error(tmp_path, mode):
    out = tmp_path / "x.png"
    result = run(*mode, "--lang", "de", "--screenshot", str(out))
    assert result.returncode == 2 and not out.exists()
    assert "--lang: no content in 'de'; the languages are: en, es, fr" in result.stderr
    assert "Traceback" not in result.stderr


def test_reduced_motion_from_the_command_line(qtbot, main_here, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QApplication

    from sepsis_viewer import crash, logfile
    from sepsis_viewer.ui.kiosk import session

    started = []

    class Started(session.KioskSession):
        def start(self):
            super().start()
            started.append(self)

    def run_a_loop(_app) -> int:
        """What the event loop of the real start would show: one whole loop of the tour."""
        kiosk = started[0]
        qtbot.addWidget(kiosk.window)
        try:
            check_the_loop_keeps_still(qtbot, kiosk)
        finally:
            kiosk.stop()
            kiosk.window.closable = True
        return 0

    # A desktop that asks for motion (Qt's offscreen platform turns its effects off): only the
    # option can make the loop keep still.
    effects = QApplication.isEffectEnabled(Qt.UIEffect.UI_General)
    QApplication.setEffectEnabled(Qt.UIEffect.UI_General, True)
    monkeypatch.setattr(session, "KioskSession", Started)
    monkeypatch.setattr(QApplication, "exec", run_a_loop)
    monkeypatch.setattr(logfile, "install_log_file", lambda: tmp_path / "sepsis-viewer.log")
    monkeypatch.setattr(crash, "install_crash_handler", lambda show: None)
    try:
        assert main_here(["--kiosk", "--reduced-motion", "--dwell", "1"]) == 0
    finally:
        QApplication.setEffectEnabled(Qt.UIEffect.UI_General, effects)
    assert len(started) == 1
