"""The rules of Content 2.0 that a machine can check, in every bundled language (plain pytest, no Qt).

Temperature low as well as high, the waiting room's action, figures written from the data in the
language's own way, the same figures in every language, citations as FACTS.md gives them, the
number to call, and whether a clinician has signed the content off.
"""

from __future__ import annotations

import json
import re

import pytest

from sepsis_viewer import paths, strings
from sepsis_viewer.content import load_content
from sepsis_viewer.content.locales import locale_problems
from sepsis_viewer.content.numbers import NumberFormat, format_number, number_format, texts
from sepsis_viewer.emergency import for_waiting_room, localise, system_region
from sepsis_viewer.languages import available_languages
from sepsis_viewer.pages import page_for
from sepsis_viewer.setting import Setting

LANGUAGES = available_languages()
# How each language says a low temperature or feeling very cold, and a member of staff.
LOW_TEMPERATURE = {"en": r"low temperature|very cold", "es": r"temperatura (?:muy )?baja|muy baja|mucho frío",
                   "fr": r"température (?:très )?basse|très basse|très froid"}
STAFF = {"en": "member of staff", "es": "miembro del personal", "fr": "personnel"}


def doc_of(code: str) -> dict:
    return json.loads(paths.bundled_content_path(code).read_text(encoding="utf-8"))


@pytest.fixture(params=LANGUAGES)
def language(request):
    strings.set_language(request.param)
    yield request.param
    strings.set_language("en")


def test_all_three_languages_are_bundled():
    assert set(LANGUAGES) >= {"en", "es", "fr"}


def test_a_low_temperature_is_among_the_adult_signs_and_the_sepsis_signs(language):
    content = load_content(lang=language)
    low = re.compile(LOW_TEMPERATURE[language], re.IGNORECASE)
    assert any(low.search(sign) for sign in content.call_to_action.signs), content.call_to_action.signs
    sepsis = next(stage for stage in content.stages if stage.id == "sepsis")
    assert low.search(sepsis.signs[0]), "the temperature sign leads the sepsis stage's signs"
    assert any(low.search(sign) for sign in content.call_to_action.children_signs)


def test_no_sign_reads_as_if_a_fever_were_needed():
    # The old sign "Fever, or feeling hot or shivery" left out a low temperature.
    for stage in load_content(lang="en").stages:
        for sign in stage.signs:
            if "fever" in sign.lower():
                assert "low temperature" in sign or "very cold" in sign, sign


def test_the_waiting_room_action_is_there_and_a_waiting_room_leads_with_it(language):
    content = load_content(lang=language)
    action = content.call_to_action.waiting_room_action
    assert STAFF[language] in action
    waiting = for_waiting_room(localise(content, None)).call_to_action.action()
    assert waiting.startswith(action) and "112" in waiting  # the staff first, then the number
    setting = Setting(language, waiting_room=True)
    assert setting.prepare(content).call_to_action.action().startswith(action)
    assert not Setting(language).prepare(content).call_to_action.action().startswith(action)


def test_an_infection_that_does_not_improve_has_a_real_action():
    stage = load_content(lang="en").stages[0]
    assert "not getting better" in stage.action and "today" in stage.action and "could it be sepsis" in stage.action
    assert "suddenly" not in stage.action and "think of sepsis" not in stage.action


@pytest.mark.parametrize("code, cases, share, icu", [
    ("en", "48.9 million", "19.7%", "41.9%"),
    ("es", "48,9 millones", "19,7\u00a0%", "41,9\u00a0%"),
    ("fr", "48,9 millions", "19,7\u00a0%", "41,9\u00a0%"),
])
def test_figures_are_written_from_the_data_in_each_languages_way(code, cases, share, icu):
    content = load_content(lang=code)
    chart = content.numbers.chart("children-share").text
    assert cases in chart
    figures = {figure.id: figure for figure in content.figures}
    assert share in figures["share-of-deaths-2017"].text and icu in figures["mortality-icu-treated"].text
    if code != "en":
        assert "48.9" not in chart and "19.7" not in figures["share-of-deaths-2017"].text


def test_the_number_format_of_each_language():
    assert number_format("en") == NumberFormat(".", ",")
    assert number_format("fr") == NumberFormat(",", "\u00a0") == number_format("es")
    assert number_format("xx") == number_format("en")  # no interface words: English marks
    assert format_number(350000, number_format("en")) == "350,000"
    assert format_number(350000, number_format("fr")) == "350\u00a0000"
    assert format_number(1700, number_format("fr")) == "1700"  # four digits stay whole
    assert format_number(48.94, number_format("es"), 1) == "48,9"


_TYPED_DECIMAL = re.compile(r"\d[.,]\d")
_TYPED_PERCENT = re.compile(r"\d\s?%")


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_figure_is_typed_into_a_text(code):
    """Decimals and percentages come from /numbers/figures through placeholders, never typed."""
    doc = doc_of(code)
    for path, text in texts(doc):
        assert not _TYPED_DECIMAL.search(text), (path, text)
        if path[-1] != "notes":  # speaker notes may quote a definition's threshold ("more than 40%")
            assert not _TYPED_PERCENT.search(text), (path, text)
    for figure in doc["numbers"]["figures"]:
        if figure["unit"] in ("million", "millones", "millions"):
            rounded = str(round(figure["value"]))
            for path, text in texts(doc):
                assert not re.search(rf"(?<![\d{{:.]){rounded} {figure['unit']}", text), (path, text)


@pytest.mark.parametrize("code", [c for c in LANGUAGES if c != "en"])
def test_every_language_says_the_same_figures(code):
    assert locale_problems(doc_of(code), doc_of("en"), code) == []


def test_a_translation_with_another_figure_is_caught():
    doc = doc_of("fr")
    doc["stages"][1]["body"] = doc["stages"][1]["body"].replace("1 sur 4", "1 sur 3")
    doc["numbers"]["headline"] = doc["numbers"]["headline"].replace("{global-cases-2017:0}", "{global-cases-1990:0}")
    problems = [str(p) for p in locale_problems(doc, doc_of("en"), "fr.json")]
    assert any(p.startswith("fr.json: /stages/1/body: gives the numbers") and p.endswith("10, 2024, 4") for p in problems)
    assert any(p.startswith("fr.json: /numbers/headline: has the placeholders {global-cases-1990:0}")
               for p in problems), problems


@pytest.mark.parametrize("text, words", [
    ("About {global-cases-2071} cases.", 'names no figure in /numbers/figures (did you mean "global-cases-2017"?)'),
    ("About {global-deaths-2017.low} deaths.", 'the figure "global-deaths-2017" gives no "low" value'),
    ("About {global-cases-2017:9} cases.", "is not a figure's placeholder"),
    ("A lone { brace.", 'holds a lone "{"'),
])
def test_a_placeholder_that_does_not_resolve_is_a_located_problem(write_content, text, words):
    from sepsis_viewer.content import validate_file

    path = write_content(lambda d: d["stages"][1].update(body=text))
    problems = [str(p) for p in validate_file(path)]
    assert problems and problems[0].startswith(f"{path}: /stages/1/body: ") and words in problems[0], problems


def test_a_likely_range_must_hold_its_value(write_content):
    from sepsis_viewer.content import validate_file

    path = write_content(lambda d: d["numbers"]["figures"][0].update(low=50.0))
    assert [str(p) for p in validate_file(path)] == [
        f"{path}: /numbers/figures/0: its likely range (50.0 to 62.9) does not hold its value 48.9"]


# FACTS.md: which source backs which statement.
def test_citations_follow_facts(language):
    content = load_content(lang=language)
    items = {item.id: item for panel in content.panels for item in panel.items}
    assert "nice-ng51" in items["pregnancy"].sources  # pregnancy and the 6 weeks: NICE, not the NHS page
    assert "nhs" not in items["dialysis"].sources  # the NHS page does not name dialysis
    assert items["long-term-conditions"].sources == ("cdc",)  # CDC's list has no liver disease
    assert not re.search(r"liver|hígado|foie", items["long-term-conditions"].detail, re.IGNORECASE)
    figures = {figure.id: figure for figure in content.figures}
    icu = figures["mortality-icu-treated"]
    assert icu.value == 41.9 and "fleischmann-2020" in icu.sources
    assert figures["lower-development-2017"].sources == ("rudd-2020",)  # WHO 2024 no longer gives 85%
    assert "who-2023" not in {ref.id for ref in content.references}
    assert content.reference("who-2024").citation.endswith("3 May 2024.")
    assert "evans-2021" in items["treatment"].sources and "prescott-2018" in items["after-sepsis"].sources
    assert "schlapbach-2024" in content.stages[1].sources and "Phoenix" in content.stages[1].body  # children


@pytest.mark.parametrize("code, names", [("en", ("septicaemia", "blood poisoning")),
                                         ("es", ("septicemia", "envenenamiento de la sangre")),
                                         ("fr", ("septicémie", "empoisonnement du sang"))])
def test_the_other_names_of_sepsis(code, names):
    intro = load_content(lang=code).intro.text
    assert all(name in intro for name in names)


@pytest.mark.parametrize("code, two_or_more, sirs", [("en", "two or more", "SIRS"), ("es", "dos o más", "SRIS"),
                                                     ("fr", "deux critères ou plus", "SRIS")])
def test_sirs_needs_two_or_more_criteria(code, two_or_more, sirs):
    notes = load_content(lang=code).stages[1].notes
    assert two_or_more in notes and f"({sirs}" in notes
    if code == "fr":
        assert "SIRS" not in paths.bundled_content_path("fr").read_text(encoding="utf-8")


def test_the_translations_words():
    es = paths.bundled_content_path("es").read_text(encoding="utf-8")
    assert "shock séptico (choque séptico)" in es and "no toma el pecho o el biberón" in es
    fr = load_content(lang="fr")
    skin = next(item for item in fr.infection_sources if item.id == "skin").detail
    assert "dermohypodermite bactérienne" in skin and "peau d’orange" in skin


def test_septic_shock_is_the_same_in_the_mechanisms_and_the_stage():
    content = load_content(lang="en")
    vessels = next(item for item in content.mechanisms if item.id == "leaky-vessels")
    shock = content.stages[3]
    for text in (vessels.detail, shock.body):
        assert "lactate" in text and "medicines" in text and "widen" in text


# The number to call: a region read from the language setting is a guess.
@pytest.mark.parametrize("locale_name, environ, territory, guessed", [
    ("en_US", {"LANG": "en_US.UTF-8"}, "US", True),  # a UK laptop left on US English
    ("en_US", {"LANG": "en_US.UTF-8", "LC_TELEPHONE": "en_GB.UTF-8"}, "GB", False),  # a region chosen apart
    ("en_GB", {"LANG": "en_US.UTF-8", "LC_NUMERIC": "en_GB.UTF-8"}, "GB", True),  # numbers are not a region
    ("fr_FR", {"LC_ALL": "fr_FR.UTF-8", "LC_ADDRESS": "de_CH.UTF-8"}, "FR", True),  # LC_ALL sets them all
    ("en_US", {"LANG": "en_US.UTF-8", "LC_MEASUREMENT": "en_US.UTF-8"}, "US", True),  # the same as the language
])
def test_the_region_and_whether_it_is_a_guess(locale_name, environ, territory, guessed):
    region = system_region(locale_name, environ)
    assert (region.territory, region.guessed) == (territory, guessed)


def test_a_guessed_region_keeps_your_local_emergency_number():
    content = load_content(lang="en")
    guessed = Setting("en", "US", territory_guessed=True).prepare(content).call_to_action
    assert guessed.action() == "Call 911 and ask: could it be sepsis?"
    assert guessed.emergency_note == "or your local emergency number"
    known = Setting("en", "GB", territory_guessed=False).prepare(content).call_to_action
    assert known.action().startswith("Call 999 ") and known.emergency_note == ""
    told = Setting("en", "US", "15", territory_guessed=True).prepare(content).call_to_action
    assert told.action().startswith("Call 15 ") and told.emergency_note == ""  # --emergency-number is known


@pytest.mark.parametrize("territory, number", [("FR", "15"), ("MX", "911"), ("CH", "144")])
def test_the_public_health_number_of_france_mexico_and_switzerland(territory, number):
    cta = Setting("en", territory, territory_guessed=False).prepare(load_content(lang="en")).call_to_action
    assert cta.action() == f"Call {number} and ask: could it be sepsis?"


# Whether a clinician has signed the content off, said honestly wherever the disclaimer goes
# (the start page, About, the handout from the command line and from the menu).
def test_the_disclaimer_says_the_content_is_not_yet_reviewed(language):
    content = load_content(lang=language)
    assert content.reviewed_by_clinician is False and content.clinician_reviewed is False
    status = strings.table(language)["clinician_not_reviewed"]
    assert content.disclaimer == f"{doc_of(language)['disclaimer']} {status}"
    for page in ("about", "overview"):
        assert content.disclaimer in [block.text for block in page_for(content, page).blocks]


def test_a_reviewed_file_says_so_and_a_translation_needs_its_own_review(write_content):
    english = load_content(write_content(lambda d: d.update(reviewed_by_clinician=True)))
    assert english.clinician_reviewed and english.disclaimer.endswith(strings.table("en")["clinician_reviewed"])
    spanish = write_content(lambda d: d.update(language="es", reviewed_by_clinician=True,
                                               translation={"of": "en", "reviewed_by_clinician": False}))
    spanish = load_content(spanish)
    assert not spanish.clinician_reviewed  # its translation has not been checked yet
    assert spanish.disclaimer.endswith(strings.table("es")["clinician_not_reviewed"])
