"""Every language, on a laptop (1024x768) and a monitor on its side (1080x1920), in the desktop look,
and at 1024x768 in the projector look: no text clipped or elided;
and text outside the bundled font falls back to a system font instead of empty boxes."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QTextLayout

from conftest import settle
from layout_check import label_problems, overlap_problems
from sepsis_viewer import strings
from sepsis_viewer.setting import Setting
from sepsis_viewer.languages import available_languages

LANGUAGES = available_languages()
DESKTOP_VIEWS = ["overview", "infection", "sepsis", "severe-sepsis", "septic-shock", "mechanisms", "clotting",
                 "infection_sources", "womb-after-birth", "risk_groups", "weak-immune-system", "recent-hospital",
                 "numbers", "call-to-action", "about"]


@pytest.fixture
def language(request):
    yield request.param
    strings.set_language("en")


@pytest.mark.parametrize("size", [(1024, 768), (1080, 1920)], ids=["1024x768", "1080x1920"])
@pytest.mark.parametrize("language", LANGUAGES, indirect=True)
def test_desktop_in_every_language(qtbot, language, size):
    """A laptop's screen, and a monitor turned on its side (the body map's names are longest in
    Spanish and French: the column beside the steps must still hold them under the figure)."""
    from sepsis_viewer.ui.desktop.main_window import MainWindow

    setting = Setting(language)
    window = MainWindow(setting.bundled(), remember_geometry=False, setting=setting, languages=LANGUAGES)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    assert strings.language() == language
    steps = {s.id for s in window.tour.steps}
    for view in [v for v in DESKTOP_VIEWS if v in steps or v == "about"] + [s.id for s in window.tour.steps
                                                                           if s.kind == "chart"]:
        window.select(view)
        settle()
        assert label_problems(window) == [], (language, view)
        assert overlap_problems(window) == [], (language, view)


@pytest.mark.parametrize("language", LANGUAGES, indirect=True)
def test_projector_in_every_language_at_1024x768(qtbot, language):
    from sepsis_viewer.ui.projector.audience import AudienceView
    from sepsis_viewer.ui.widgets.fonts import register_fonts
    from sepsis_viewer.ui.projector.control import HELP, OVERVIEW, ProjectorController

    content = Setting(language).bundled()
    strings.set_language(language)
    controller = ProjectorController(content)
    view = AudienceView(content, controller, register_fonts())
    qtbot.addWidget(view)
    view.resize(1024, 768)
    view.show()
    controller.first()
    while True:
        settle()
        assert label_problems(view) == [], (language, controller.step.id, controller.part)
        if not controller.next():
            break
    for overlay in (HELP, OVERVIEW):
        controller.set_overlay(overlay)
        settle()
        assert label_problems(view) == [], (language, overlay)


def test_switching_language_keeps_the_selection_and_speaks_the_new_language(qtbot):
    from sepsis_viewer.ui.desktop.main_window import MainWindow

    if len(LANGUAGES) < 2:
        pytest.skip("only one language bundled")
    setting = Setting("en")
    window = MainWindow(setting.bundled(), remember_geometry=False, setting=setting, languages=LANGUAGES)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.select("septic-shock")
    other = LANGUAGES[1]
    switch = window.header.language
    assert switch is not None and switch.count() == len(LANGUAGES)
    switch.activated.emit(LANGUAGES.index(other))
    assert window.content.language == other and strings.language() == other
    assert window.tour.current.id == "septic-shock" and window.diagram.nodes[3].isChecked()
    assert window.header.about.title.text() == strings.table(other)["about_button"]
    assert window.menuBar().actions()[0].text() == strings.table(other)["menu_file"]
    window.switch_language("en")
    assert window.header.about.title.text() == "About and sources"
    strings.set_language("en")


def test_text_outside_the_bundled_font_falls_back_to_a_system_font(qapp):
    from PySide6.QtGui import QFontDatabase

    from sepsis_viewer.ui.widgets.fonts import register_fonts

    systems = (QFontDatabase.WritingSystem.Cyrillic, QFontDatabase.WritingSystem.Greek,
               QFontDatabase.WritingSystem.Japanese)
    missing = [s.name for s in systems if not QFontDatabase.families(s)]
    if missing:  # the fallback is the system's to give: a machine without such fonts has none
        pytest.skip(f"no system font for {', '.join(missing)} (CI installs fonts-dejavu-core and "
                    "fonts-droid-fallback)")
    font = QFont(register_fonts())
    font.setPixelSize(20)
    for text in ("Сепсис", "Σήψη", "敗血症"):  # Cyrillic, Greek, Japanese: none in Atkinson Hyperlegible
        layout = QTextLayout(text, font)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        runs = layout.glyphRuns()
        assert runs and all(index != 0 for run in runs for index in run.glyphIndexes()), text  # 0: a box
        assert {run.rawFont().familyName() for run in runs} != {"Atkinson Hyperlegible"}, text
