"""The app icon: committed PNGs that match the SVG, and a 16 px picture that still shows the four steps."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from sepsis_viewer import paths
from sepsis_viewer.colors import relative_luminance
from sepsis_viewer.ui.widgets.app_icon import app_icon, render_app_icon
from sepsis_viewer.ui.widgets.theme import DESKTOP


# The rasteriser's antialiasing differs by a step or two of 255 from one CPU to another; a changed
# SVG (a colour, a moved edge) changes pixels by far more than this.
TOLERANCE = 8


def largest_difference(a: QImage, b: QImage) -> int:
    """The largest difference of any channel of any pixel, 0 to 255 (255 for different sizes)."""
    if a.size() != b.size():
        return 255
    a = a.convertToFormat(QImage.Format.Format_ARGB32)
    b = b.convertToFormat(QImage.Format.Format_ARGB32)
    return max(abs(x - y) for x, y in zip(a.constBits().tobytes(), b.constBits().tobytes()))


@pytest.mark.parametrize("size", paths.ICON_SIZES)
def test_committed_png_is_the_svg_rendered_at_its_size(qapp, size):
    committed = QImage(str(paths.app_icon_png(size)))
    assert (committed.width(), committed.height()) == (size, size)
    # Run `make icons` after changing the SVG: a stale PNG fails here.
    assert largest_difference(committed, render_app_icon(size)) <= TOLERANCE


@pytest.mark.parametrize("change", [("#801212", "#6e1010"), ('y="33"', 'y="34"')])
def test_a_slightly_changed_svg_no_longer_matches_the_committed_png(qapp, tmp_path, change):
    """The tolerance forgives the rasteriser, not a stale icon: a darker shade of one step, or one
    step moved by a sixteenth of a pixel at 16 px, is caught at 48 px."""
    svg = tmp_path / "icon.svg"
    svg.write_text(paths.app_icon_svg().read_text().replace(*change))
    committed = QImage(str(paths.app_icon_png(48)))
    assert largest_difference(committed, render_app_icon(48, svg)) > TOLERANCE


def test_icon_sizes_span_16_to_512():
    assert paths.ICON_SIZES[0] == 16 and paths.ICON_SIZES[-1] == 512


def test_at_16_pixels_the_four_stage_steps_are_separate_and_darken(qapp):
    image = render_app_icon(16)
    # The steps are 3 px wide from x=2; their bottom row is y=13 (see the SVG's 16-unit grid).
    colours = [image.pixelColor(x, 13).name() for x in (3, 6, 9, 12)]
    assert colours == [c.lower() for c in DESKTOP.stage_ramp]
    lightness = [relative_luminance(c) for c in colours]
    assert lightness == sorted(lightness, reverse=True)  # calm to severe, even in grey-scale
    # The frame and the plus are drawn at full strength, not smeared over two pixels.
    assert image.pixelColor(0, 8) == QColor("#14324a") and image.pixelColor(4, 4) == QColor("#14324a")
    assert image.pixelColor(1, 8) == QColor("#ffffff")


def test_window_icon_offers_every_size(qapp):
    sizes = {s.width() for s in app_icon().availableSizes()}
    assert set(paths.ICON_SIZES) <= sizes
