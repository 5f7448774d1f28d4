"""Icons are drawn once per process for each file, colour, size and pixel ratio, and kept in memory only."""

from __future__ import annotations

import pytest

from sepsis_viewer import paths
from sepsis_viewer.ui.widgets import icons

COLOUR = "#1d4f7a"


@pytest.fixture
def drawn(monkeypatch, qapp):
    """A fresh memory cache, and a list of the icons drawn from their files."""
    icons._pixmap.cache_clear()
    seen = []
    real = icons._render

    def counting(path, colour, device):
        seen.append((path.name, colour, device))
        return real(path, colour, device)

    monkeypatch.setattr(icons, "_render", counting)
    yield seen
    icons._pixmap.cache_clear()


def test_an_icon_asked_for_again_is_not_drawn_again(drawn):
    svg = paths.icons_dir() / "book.svg"
    first = icons.icon_pixmap(svg, COLOUR, 40)
    again = icons.icon_pixmap(svg, COLOUR, 40)
    assert drawn == [("book.svg", COLOUR, 40)]
    assert again.toImage() == first.toImage()


def test_each_colour_size_and_pixel_ratio_is_drawn_at_its_own_pixels(drawn):
    svg = paths.icons_dir() / "book.svg"
    for colour, size, ratio in ((COLOUR, 40, 1.0), ("#aa0000", 40, 1.0), (COLOUR, 48, 1.0), (COLOUR, 40, 2.0)):
        picture = icons.icon_pixmap(svg, colour, size, ratio)
        assert (picture.width(), picture.devicePixelRatio()) == (round(size * ratio), ratio)
    assert drawn == [("book.svg", COLOUR, 40), ("book.svg", "#aa0000", 40), ("book.svg", COLOUR, 48),
                     ("book.svg", COLOUR, 80)]
