"""Colours: every pair the theme draws meets WCAG contrast; the stage ramp reads without colour."""

from __future__ import annotations

import pytest

from sepsis_viewer.colors import contrast_ratio, greyscale, relative_luminance
from sepsis_viewer.ui.widgets.theme import DESKTOP, Palette, contrast_pairs, metrics_for

PAIRS = contrast_pairs(DESKTOP)


@pytest.mark.parametrize("pair", PAIRS, ids=[p.name for p in PAIRS])
def test_contrast_of_every_colour_pair(pair):
    ratio = contrast_ratio(pair.foreground, pair.background)
    assert ratio >= pair.minimum, f"{pair.name}: {ratio:.2f}:1 < {pair.minimum}:1"


def test_contrast_arithmetic_matches_wcag():
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    # The greys WebAIM's checker gives as just passing 4.5:1 (AA) and 7:1 (AAA) on white.
    assert contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#FFFFFF", "#595959") == pytest.approx(7.0, abs=0.01)


def test_a_pale_palette_would_fail():
    pale = Palette(muted="#A0A0A0")
    failing = [p.name for p in contrast_pairs(pale) if contrast_ratio(p.foreground, p.background) < p.minimum]
    assert "muted text on card" in failing


def test_stage_ramp_gets_darker_with_severity_so_it_survives_greyscale():
    greys = [relative_luminance(greyscale(c)) for c in DESKTOP.stage_ramp]
    assert greys == sorted(greys, reverse=True)
    for lighter, darker in zip(greys, greys[1:]):
        assert (lighter + 0.05) / (darker + 0.05) > 1.2


def test_type_scales_with_the_window():
    assert metrics_for(1024, 768).base < metrics_for(1920, 1080).base < metrics_for(3840, 2160).base
    assert metrics_for(3840, 2160).base >= 2 * metrics_for(1920, 1080).base - 1
    assert metrics_for(320, 240).text_px("small") >= 12
