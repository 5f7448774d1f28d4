"""Icons drawn once are read back from the cache folder at the next start, pixel for pixel."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from sepsis_viewer import paths
from sepsis_viewer.ui.widgets import icon_rasters
from sepsis_viewer.ui.widgets import icons

COLOUR = "#1d4f7a"


@pytest.fixture
def kept(tmp_path, monkeypatch, qapp):
    """An empty cache folder of its own, a fresh memory cache, and a count of icons drawn from SVG."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    icons._pixmap.cache_clear()
    drawn = []
    real = icons._render

    def counting(path, colour, device):
        drawn.append((path.name, colour, device))
        return real(path, colour, device)

    monkeypatch.setattr(icons, "_render", counting)
    yield drawn
    icons._pixmap.cache_clear()


def _folder():
    return paths.cache_dir() / "icons"


def _next_start():
    icons._pixmap.cache_clear()  # what a new process starts with


def test_an_icon_is_drawn_once_and_then_read_back_the_same(kept):
    svg = paths.icons_dir() / "book.svg"
    first = icons.icon_pixmap(svg, COLOUR, 40).toImage()
    _next_start()
    again = icons.icon_pixmap(svg, COLOUR, 40).toImage()
    assert kept == [("book.svg", COLOUR, 40)]
    assert len(list(_folder().iterdir())) == 1
    convert = QImage.Format.Format_ARGB32
    assert again.convertToFormat(convert) == first.convertToFormat(convert)


def test_each_colour_size_and_pixel_ratio_is_its_own_raster(kept):
    svg = paths.icons_dir() / "book.svg"
    for colour, size, ratio in ((COLOUR, 40, 1.0), ("#aa0000", 40, 1.0), (COLOUR, 48, 1.0), (COLOUR, 40, 2.0)):
        picture = icons.icon_pixmap(svg, colour, size, ratio)
        assert picture.width() == round(size * ratio) and picture.devicePixelRatio() == ratio
    assert len(kept) == 4 and len(list(_folder().iterdir())) == 4


def test_an_edited_icon_file_is_drawn_anew(kept, tmp_path):
    svg = tmp_path / "mark.svg"
    svg.write_bytes((paths.icons_dir() / "book.svg").read_bytes())
    icons.icon_pixmap(svg, COLOUR, 40)
    svg.write_bytes((paths.icons_dir() / "alert-triangle.svg").read_bytes())
    os.utime(svg, ns=(svg.stat().st_atime_ns, svg.stat().st_mtime_ns + 10**9))
    _next_start()
    icons.icon_pixmap(svg, COLOUR, 40)
    assert len(kept) == 2


def test_a_damaged_raster_is_drawn_anew_and_replaced(kept):
    svg = paths.icons_dir() / "book.svg"
    good = icons.icon_pixmap(svg, COLOUR, 40).toImage()
    [raster] = _folder().iterdir()
    raster.write_bytes(b"\x89PNG cut short")
    _next_start()
    assert icons.icon_pixmap(svg, COLOUR, 40).toImage() == good
    assert len(kept) == 2
    assert not QImage(str(raster)).isNull()  # written again, whole


def test_a_missing_icon_file_keeps_nothing(kept, tmp_path):
    picture = icons.icon_pixmap(tmp_path / "gone.svg", COLOUR, 40)
    assert not picture.isNull()  # the calm placeholder
    assert not _folder().exists()


def test_a_cache_path_that_is_a_file_only_costs_time(kept, tmp_path):
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "sepsis-viewer").write_text("not a folder")
    svg = paths.icons_dir() / "book.svg"
    assert not icons.icon_pixmap(svg, COLOUR, 40).isNull()
    _next_start()
    assert not icons.icon_pixmap(svg, COLOUR, 40).isNull()
    assert len(kept) == 2


def test_only_the_newest_rasters_are_kept(kept, monkeypatch):
    monkeypatch.setattr(icon_rasters, "_KEEP", 3)
    for size in range(20, 26):
        icons.icon_pixmap(paths.icons_dir() / "book.svg", COLOUR, size)
    assert len(list(_folder().iterdir())) == 3


def test_a_second_start_loads_no_svg_module(tmp_path):
    """The first frame's icons all come from the cache folder the second time."""
    shot = tmp_path / "shot.png"
    code = ("import sys; from sepsis_viewer.app import main; "
            f"main(['--screenshot', {str(shot)!r}, '--size', '1280x720']); print('PySide6.QtSvg' in sys.modules)")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
            for _ in range(2)]
    assert [run.stdout.strip() for run in runs] == ["True", "False"]
