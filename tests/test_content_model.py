"""The bundled content: shape of the model, agreement with FACTS.md, and no Qt in the model."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from sepsis_viewer import paths
from sepsis_viewer.content import load_content
from sepsis_viewer.content.model import PANEL_IDS
from sepsis_viewer.record import replace


def test_importing_the_content_package_loads_no_qt():
    code = (
        "import sys, sepsis_viewer.content as c; c.load_content(); "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'matplotlib'))]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_model_has_the_collections_the_views_need(content):
    for name in ("stages", "mechanisms", "infection_sources", "risk_groups", "references"):
        items = getattr(content, name)
        assert isinstance(items, tuple) and items, name
        for item in items:
            assert item.id and item.title, (name, item)


def test_model_is_immutable(content):
    with pytest.raises(AttributeError):
        content.stages[0].title = "changed"
    with pytest.raises(AttributeError):
        content.language = "xx"
    with pytest.raises(AttributeError):
        del content.stages[0].title
    assert content.stages[0].title == "Infection" and content.language == "en"


def test_four_classic_stages_in_order(content):
    assert [s.title for s in content.stages] == ["Infection", "Sepsis", "Severe sepsis", "Septic shock"]
    assert [s.number for s in content.stages] == [1, 2, 3, 4]
    for stage in content.stages:
        assert stage.body and stage.signs and stage.action and stage.sources
        assert stage.icon.is_file()


def test_classic_model_is_labelled_and_sepsis3_note_says_what_changed(content):
    assert "classic" in content.model_note.label.lower()
    note = content.model_note.text
    assert "Sepsis-3" in note and "septic shock" in note and "no longer used" in note
    assert "singer-2016" in content.model_note.sources
    severe = next(s for s in content.stages if s.id == "severe-sepsis")
    assert "no longer use" in severe.body


def test_corrections_to_the_brief_hold(content):
    text = paths.bundled_content_path().read_text(encoding="utf-8").lower()
    assert "billion" not in text  # the brief's wrong "1.7 billion a year"
    # The figures are written into the texts from the data when the content is loaded.
    assert content.numbers.headline == "Worldwide in 2017: about 49 million cases of sepsis and 11 million deaths"


def test_septic_shock_is_defined_as_sepsis3_defines_it(content):
    shock = next(s for s in content.stages if s.id == "septic-shock")
    assert "lactate" in shock.body and "medicines" in shock.body and "fluids" in shock.body


def test_every_source_from_the_brief_and_facts_is_there(content):
    titles = " ".join(i.title.lower() for i in content.infection_sources)
    for word in ("lungs", "urinary", "abdomen", "skin", "brain", "bloodstream", "pregnancy"):
        assert word in titles, word


def test_every_risk_group_from_the_brief_and_facts_is_there(content):
    ids = {i.id for i in content.risk_groups}
    assert ids == {
        "older-adults", "babies-children", "long-term-conditions", "weak-immune-system", "recent-hospital",
        "medical-devices", "pregnancy", "sepsis-before", "dialysis",
    }


def test_mechanisms_cover_clotting_leaky_vessels_and_organ_dysfunction(content):
    ids = {i.id for i in content.mechanisms}
    assert {"clotting", "leaky-vessels", "organ-dysfunction"} <= ids


FACT_FIGURES = {
    "global-cases-2017": (48.9, 2017),
    "global-deaths-2017": (11.0, 2017),
    "share-of-deaths-2017": (19.7, 2017),
    "global-cases-1990": (60.2, 1990),
    "global-deaths-1990": (15.7, 1990),
    "children-under-5-2017": (20.3, 2017),
    "hospital-mortality-sepsis": (10, 2016),
    "hospital-mortality-septic-shock": (40, 2016),
    "mortality-hospital-treated": (26.7, 2020),
    "mortality-icu-treated": (41.9, 2020),  # Fleischmann-Struzek 2020, not 42.6
    "lower-development-2017": (85.0, 2017),  # Rudd 2020, by development (SDI), not income
}


def test_figures_match_facts_and_carry_source_and_year(content):
    figures = {f.id: f for f in content.figures}
    for ident, (value, year) in FACT_FIGURES.items():
        assert figures[ident].value == value and figures[ident].year == year, ident
    for figure in content.figures:
        assert figure.sources and 1900 < figure.year <= 2026


def test_every_cited_reference_exists_and_has_a_citation(content):
    known = {r.id for r in content.references}
    cited = set(content.intro.sources) | set(content.model_note.sources) | set(content.call_to_action.sources)
    for group in (content.stages, *(panel.items for panel in content.panels), content.figures):
        for item in group:
            cited |= set(item.sources)
    assert cited <= known
    assert known == cited, f"listed but never cited: {known - cited}"


def test_call_to_action_has_the_adult_signs_and_the_question(content):
    cta = content.call_to_action
    assert len(cta.signs) == 8  # the UK Sepsis Trust's six, low temperature, the rash under a glass
    assert cta.action() == "Call 112 and ask: could it be sepsis?"
    assert replace(cta, emergency_number="999").action() == "Call 999 and ask: could it be sepsis?"
    assert "local emergency number" in cta.emergency_note


def test_load_content_takes_a_path_or_a_language(content):
    assert load_content(paths.bundled_content_path()) == content
    assert load_content(lang="en") == content


def test_panels_are_in_order(content):
    assert tuple(p.id for p in content.panels) == PANEL_IDS


def test_bundled_file_is_what_the_schema_describes():
    schema = json.loads(paths.schema_path().read_text(encoding="utf-8"))
    doc = json.loads(paths.bundled_content_path().read_text(encoding="utf-8"))
    assert set(schema["required"]) <= set(doc) - {"$schema"} <= set(schema["properties"])
    assert set(doc) == set(schema["properties"]) - {"translation"}  # every optional part too


def test_bundled_icons_are_safe_svgs_with_attribution():
    from sepsis_viewer.content.assets import svg_problem

    icons = sorted(paths.icons_dir().glob("*.svg"))
    assert icons
    for icon in icons:
        assert svg_problem(icon.read_bytes()) is None, icon.name
    assert "MIT" in (paths.icons_dir() / "LICENSE.txt").read_text()
    assert "Health Icons" in (paths.icons_dir() / "README.md").read_text()
    assert "SIL OPEN FONT LICENSE" in (paths.fonts_dir() / "OFL.txt").read_text()
    assert {f.name for f in paths.fonts_dir().glob("*.ttf")} == {
        "AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf"}
