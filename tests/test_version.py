"""One version number, in pyproject.toml: the same one from --version and in the About view."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, pyproject_version
from sepsis_viewer import __version__


def test_the_package_reports_the_pyproject_version():
    assert __version__ == pyproject_version()


def test_version_option_prints_it():
    result = subprocess.run([sys.executable, "-m", "sepsis_viewer", "--version"], capture_output=True, text=True,
                            timeout=60)
    assert result.stdout.strip() == f"sepsis-viewer {pyproject_version()}"


def test_about_view_shows_it(window):
    window.select("about")
    assert f"Sepsis Viewer version {pyproject_version()}." in window.detail.visible_text()


def test_a_checkout_that_was_never_installed_reads_pyproject(tmp_path):
    # No installed metadata on the path: the version still comes from pyproject.toml.
    code = ("import importlib.metadata as m\n"
            "def missing(name): raise m.PackageNotFoundError(name)\n"
            "m.version = missing\n"
            "import sepsis_viewer; print(sepsis_viewer.__version__)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.stdout.strip() == pyproject_version()
