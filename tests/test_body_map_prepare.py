"""packaging/prepare_body_map.py: Qt takes what it makes, the shapes stay where they were, and it repeats."""

from __future__ import annotations

import importlib.util
import io
import json
import os
import sys
import tarfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtSvg import QSvgRenderer

from sepsis_viewer import body_map, paths

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "data" / "anatomogram_fixture.svg"
SVG = "{http://www.w3.org/2000/svg}"


def _load_script():
    spec = importlib.util.spec_from_file_location("prepare_body_map", ROOT / "packaging" / "prepare_body_map.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


prep = _load_script()


def _tarball() -> Path | None:
    """The npm tarball `make body-map` left in build/body-map, or one named in ANATOMOGRAM_TGZ."""
    named = os.environ.get("ANATOMOGRAM_TGZ")
    if named:
        return Path(named)
    found = sorted((ROOT / "build" / "body-map").glob("ebi-gene-expression-group-anatomogram-*.tgz"))
    return found[-1] if found else None


def _bounds(renderer: QSvgRenderer, element_id: str):
    rect = renderer.transformForElement(element_id).mapRect(renderer.boundsOnElement(element_id))
    return [round(v, 2) for v in (rect.x(), rect.y(), rect.width(), rect.height())]


@pytest.fixture(scope="module")
def prepared(qapp):
    return prep.prepare(FIXTURE.read_bytes(), "female", "0.0.0")


def test_qt_refuses_the_recursive_use_and_takes_the_prepared_file(prepared):
    valid, warnings = prep.qt_check(FIXTURE.read_bytes())
    assert not valid and any("recursive" in w for w in warnings)
    assert prep.qt_check(prepared.svg.encode()) == (True, [])
    assert prepared.removed_uses == ["UBERON_0001954 → UBERON_0002421"]


def test_keeps_the_table_organs_in_drawing_order_and_the_outline_without_the_badge(prepared):
    root = ET.fromstring(prepared.svg)
    assert [g.get("id") for g in root.iterfind(f"{SVG}g")] == ["outline", "organs"]
    organs = root.find(f"{SVG}g[@id='organs']")
    kept = [g.get("id") for g in organs]
    # The hippocampus, the leukocyte group and the tongue are not the app's; the table's order stands.
    assert kept == [i for i in body_map.ORGAN_NAMES if i in {"UBERON_0001981", "UBERON_0002048", "UBERON_0002113",
                                                              "UBERON_0000310"}]
    assert root.find(f".//{SVG}a") is None and root.find(f".//{SVG}circle") is None
    assert prepared.inlined_uses == ["UBERON_0001981 → CL_0000738"]


def test_organs_are_plain_unfilled_groups_a_host_can_colour(prepared):
    root = ET.fromstring(prepared.svg)
    for organ in root.find(f"{SVG}g[@id='organs']"):
        assert organ.tag == f"{SVG}g" and organ.get("fill") == "none" and organ.get("style") is None
        assert organ.find(f"{SVG}title").text == body_map.ORGAN_NAMES[organ.get("id")]
        for shape in organ.iterfind(f"{SVG}path"):
            assert set(shape.attrib) == {"d"}
    assert "transform" not in prepared.svg and "style=" not in prepared.svg


def test_baked_transforms_leave_every_shape_where_it_was(prepared):
    fixed = prep.Source(FIXTURE.read_bytes())
    fixed.remove_recursive_uses()
    before = QSvgRenderer(QByteArray(ET.tostring(fixed.root)))
    after = QSvgRenderer(QByteArray(prepared.svg.encode()))
    for organ in ("UBERON_0002048", "UBERON_0002113", "UBERON_0000310"):
        assert _bounds(after, organ) == _bounds(before, organ), organ
    # The blood vessels were a <use> (x=1) of the translated leukocyte group: they are where it drew
    # them, one unit right of the group (QtSvg gives a <use> no bounds of its own to compare with).
    x, y, width, height = _bounds(before, "CL_0000738")
    assert _bounds(after, "UBERON_0001981") == [x + 1, y, width, height] == [55.0, 12.0, 2.0, 180.0]


def test_path_data_becomes_absolute_with_the_matrix_applied():
    double = (2.0, 0.0, 0.0, 2.0, 1.0, 0.0)
    assert prep.transform_path("m 1,1 2,0 v 3 h -2 z m 5,5 l 1,1", double) == \
        "M3,2 L7,2 L7,8 L3,8 Z M13,12 L15,14"
    assert prep.transform_path("M0,0 C1,0 1,1 0.0004,1", prep.IDENTITY) == "M0,0 C1,0 1,1 0,1"
    with pytest.raises(ValueError, match="unsupported path command 'A'"):
        prep.transform_path("M0,0 A1,1 0 0 1 2,2", prep.IDENTITY)


def test_the_same_source_gives_the_same_bytes(tmp_path, qapp):
    tarball = tmp_path / "anatomogram.tgz"
    with tarfile.open(tarball, "w:gz") as tar:
        for name, data in [("package/package.json", json.dumps({"name": prep.PACKAGE, "version": "9.9.9"}).encode()),
                           *[(prep.SOURCE_SVG.format(figure=f), FIXTURE.read_bytes()) for f in body_map.FIGURES]]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    runs = []
    for run in ("one", "two"):
        assert prep.main([str(tarball), "--out", str(tmp_path / run)]) == 0
        runs.append({p.name: p.read_bytes() for p in sorted((tmp_path / run).iterdir())})
    assert runs[0] == runs[1] and set(runs[0]) == {"female.svg", "male.svg", "README.md"}
    assert b"version 9.9.9" in runs[0]["README.md"]


@pytest.mark.skipif(_tarball() is None, reason="no anatomogram tarball: `make body-map` leaves one in build/body-map")
def test_the_committed_body_map_is_what_the_script_makes_from_the_tarball(tmp_path, qapp):
    assert prep.main([str(_tarball()), "--out", str(tmp_path)]) == 0
    for name in ("female.svg", "male.svg", "README.md"):
        assert (tmp_path / name).read_bytes() == (paths.body_map_dir() / name).read_bytes(), name
