"""Inside a PyInstaller bundle the one locator finds the data the spec put beside the package."""

from __future__ import annotations

import sys

import pytest

from sepsis_viewer import paths


@pytest.fixture
def frozen_bundle(tmp_path, monkeypatch):
    for name in ("assets", "resources"):
        (tmp_path / "sepsis_viewer" / name).mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    paths.data_dir.cache_clear()
    yield tmp_path
    paths.data_dir.cache_clear()


def test_bundle_folders_are_found_under_meipass(frozen_bundle):
    assert paths.data_dir("assets") == frozen_bundle / "sepsis_viewer" / "assets"
    assert paths.content_dir() == frozen_bundle / "sepsis_viewer" / "resources" / "content"


def test_without_a_bundle_the_checkout_or_wheel_is_used():
    assert paths.data_dir("assets").joinpath("app", f"{paths.APP_ID}.svg").is_file()
    assert paths.bundled_content_path().is_file()
