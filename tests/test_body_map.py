"""The bundled body map: Qt loads it cleanly, its licences travel with it, and the index agrees with it."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QByteArray, qInstallMessageHandler
from PySide6.QtSvg import QSvgRenderer

from sepsis_viewer import body_map, paths

# The organs only one figure draws (the source has them there alone).
FEMALE_ONLY = {"UBERON_0000995"}  # womb
MALE_ONLY = {"UBERON_0002240", "UBERON_0002367"}  # spinal cord, prostate


@pytest.mark.parametrize("figure", body_map.FIGURES)
def test_qt_loads_each_figure_without_a_warning(qapp, figure):
    messages = []
    previous = qInstallMessageHandler(lambda _kind, _context, text: messages.append(text))
    try:
        renderer = QSvgRenderer(QByteArray(body_map.svg_path(figure).read_bytes()))
    finally:
        qInstallMessageHandler(previous)
    assert renderer.isValid() and messages == []
    for organ_id in body_map.organ_ids(figure):
        assert renderer.elementExists(organ_id) and not renderer.boundsOnElement(organ_id).isEmpty(), organ_id


def test_every_named_organ_is_drawn_and_every_drawn_organ_is_named():
    assert body_map.all_organ_ids() == set(body_map.ORGAN_NAMES)
    female, male = (body_map.organ_ids(f) for f in ("female", "male"))
    assert female - male == FEMALE_ONLY and male - female == MALE_ONLY


def test_the_licences_and_the_credit_travel_with_the_drawings():
    folder = paths.body_map_dir()
    assert "Apache License" in (folder / "LICENSE").read_text(encoding="utf-8")
    assert "Attribution 4.0 International" in (folder / "LICENSE-CC-BY-4.0").read_text(encoding="utf-8")
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "@ebi-gene-expression-group/anatomogram" in readme and body_map.CREDIT in readme
    assert "EMBL-EBI" in body_map.CREDIT and "CC BY 4.0" in body_map.CREDIT


def test_an_unknown_figure_is_refused_and_a_name_falls_back_to_the_id():
    with pytest.raises(ValueError, match="no body-map figure"):
        body_map.svg_path("child")
    assert body_map.display_name("UBERON_0002048") == "Lungs"
    assert body_map.display_name("UBERON_9999999") == "UBERON_9999999"


def test_the_index_loads_no_qt():
    code = ("import sys; from sepsis_viewer import body_map as b; b.all_organ_ids(); "
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]; print(bad); sys.exit(bool(bad))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
