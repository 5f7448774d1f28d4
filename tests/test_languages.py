"""Languages: interface words, translations against the English base, the number to call."""

from __future__ import annotations

import json
import re

import pytest

from sepsis_viewer import paths, strings
from sepsis_viewer.app import main
from sepsis_viewer.content import load_content
from sepsis_viewer.content.locales import locale_problems
from sepsis_viewer.emergency import EU_EEA, localise, number_for, territory_of
from sepsis_viewer.languages import available_languages, choose_language, language_of

UI_DIR = paths.data_dir("resources") / "ui"
LANGUAGES = available_languages()


def ui_table(code: str) -> dict:
    return json.loads((UI_DIR / f"{code}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_language_has_its_content_and_interface_words(code):
    assert (UI_DIR / f"{code}.json").is_file()
    assert load_content(lang=code).language == code


@pytest.mark.parametrize("code", [c for c in LANGUAGES if c != "en"])
def test_interface_words_have_the_keys_and_placeholders_of_english(code):
    english, other = ui_table("en")["strings"], ui_table(code)["strings"]
    assert set(other) == set(english)
    for key, text in english.items():
        if isinstance(text, str):
            assert set(re.findall(r"{\w+}", other[key])) == set(re.findall(r"{\w+}", text)), key
        else:
            assert len(other[key]) == len(text), key
    assert ui_table(code)["language"] == code


@pytest.mark.parametrize("code", [c for c in LANGUAGES if c != "en"])
def test_bundled_translations_match_the_english_base(code):
    base = json.loads(paths.bundled_content_path("en").read_text(encoding="utf-8"))
    doc = json.loads(paths.bundled_content_path(code).read_text(encoding="utf-8"))
    assert locale_problems(doc, base, code) == []
    content = load_content(lang=code)
    assert content.translation is not None and content.translation.of == "en"
    assert content.translation.reviewed_by_clinician is False  # until a clinician has read it


def _english(write_content, change):
    return write_content(lambda d: (d.update(language="xx", translation={"of": "en", "reviewed_by_clinician": False}),
                                    change(d)))


@pytest.mark.parametrize("change, where, words", [
    (lambda d: d["mechanisms"]["items"].pop(1), "/mechanisms/items", 'missing "clotting"'),
    (lambda d: d["risk_groups"]["items"].append(dict(d["risk_groups"]["items"][0], id="extra-group")),
     "/risk_groups/items/9/id", 'extra: the English base has no "extra-group"'),
    (lambda d: d["stages"][0].pop("notes"), "/stages/0/notes", "missing"),
    (lambda d: d["stages"][1]["signs"].pop(), "/stages/1/signs", "has 9 entries; the English base has 10"),
    (lambda d: d["numbers"]["figures"][2].update(value=20.0), "/numbers/figures/2/value", "differs"),
    (lambda d: d["stages"][0].update(icon="lungs"), "/stages/0/icon", "differs"),
])
def test_validate_reports_where_a_translation_differs(write_content, capsys, change, where, words):
    path = _english(write_content, change)
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}: {where}: " in out and words in out, out


def test_a_translation_the_same_as_the_base_is_valid(write_content, capsys):
    path = _english(write_content, lambda d: None)
    assert main(["validate", str(path)]) == 0
    assert "valid:" in capsys.readouterr().out


@pytest.mark.parametrize("territory, number", [("US", "911"), ("CA", "911"), ("MX", "911"), ("GB", "999"),
                                               ("AU", "000"), ("NZ", "111"), ("IN", "112"), ("FR", "15"),
                                               ("CH", "144"), ("DE", "112"), ("NO", "112"), ("IS", "112"),
                                               ("ES", "112")])
def test_the_number_to_call_for_each_region(content, territory, number):
    local = localise(content, territory)
    assert local.call_to_action.action() == f"Call {number} and ask: could it be sepsis?"
    assert local.call_to_action.emergency_note == ""  # the number is known: no hedge


@pytest.mark.parametrize("territory", [None, "", "ZZ", "BR", "JP"])
def test_an_unknown_region_gets_112_and_your_local_number(content, territory):
    local = localise(content, territory)
    assert local.call_to_action.action().startswith("Call 112 ")
    assert "local emergency number" in local.call_to_action.emergency_note


def test_who_decides_the_number(write_content):
    clinic = load_content(write_content(lambda d: d["call_to_action"].update(emergency_number="15")))
    assert localise(clinic, "US").call_to_action.action().startswith("Call 15 ")  # the clinic knows
    assert localise(clinic, "US", override="999").call_to_action.action().startswith("Call 999 ")


# Written out here, not taken from the app: the 27 member states of the European Union and the three
# other countries of the European Economic Area, by ISO 3166 code (Greece is GR, not EL).
EU_MEMBERS = ("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE").split()
EEA_NOT_EU = ("IS", "LI", "NO")


@pytest.mark.parametrize("code", [c for c in EU_MEMBERS + list(EEA_NOT_EU) if c != "FR"])
def test_every_eu_and_eea_country_but_france_uses_112(content, code):
    assert number_for(code) == "112" and number_for(code.lower()) == "112"
    assert localise(content, code).call_to_action.action() == "Call 112 and ask: could it be sepsis?"


def test_france_tells_its_public_15():
    assert number_for("FR") == "15"  # the SAMU; 112 works too (FACTS.md)


def test_the_eu_and_eea_list_is_those_thirty_countries():
    assert len(EU_MEMBERS) == 27 and sorted(EU_EEA) == sorted(EU_MEMBERS + list(EEA_NOT_EU))
    assert "GB" not in EU_EEA and "CH" not in EU_EEA  # left the EU; never in the EEA


@pytest.mark.parametrize("name, territory, language", [
    ("es_MX", "MX", "es"), ("fr-CA", "CA", "fr"), ("en_GB.UTF-8", "GB", "en"), ("de", None, "de"),
    ("C", None, None), ("", None, None), (None, None, None),
])
def test_locale_names(name, territory, language):
    assert territory_of(name) == (territory if name != "C" else None)
    assert language_of(name) == language


def test_the_starting_language():
    assert choose_language("fr", "en_US") == "fr"
    assert choose_language(None, "xx_YY") == "en"
    for code in LANGUAGES:
        assert choose_language(None, f"{code}_ZZ") == code


def test_interface_words_fall_back_to_english():
    strings.set_language("xx")
    try:
        assert strings.ui("about_button") == strings.table("en")["about_button"]
    finally:
        strings.set_language("en")
