"""The number to call survives every way new content comes in: start, File > Open, a language
switch and the waiting room's reload of a changed file. Each goes through the setting."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QFileDialog

from conftest import shown_texts

from sepsis_viewer.languages import available_languages
from sepsis_viewer.setting import Setting
from sepsis_viewer.strings import ui

CLINIC = Setting(language="en", territory=None, emergency="999")


def says_999(window) -> bool:
    """The call to action reads "999", and no "or your local emergency number" beside it."""
    return "999" in window.cta.action.text() and not window.cta.note.isVisibleTo(window)


@pytest.fixture
def desktop(qtbot):
    """The desktop window as `main` makes it, started with --emergency-number 999."""
    from sepsis_viewer.app import create_window

    window = create_window(remember_geometry=False, setting=CLINIC)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_number_given_at_start_is_shown(desktop):
    assert says_999(desktop)
    desktop.select("call-to-action")
    assert "999" in desktop.detail.page.title


def test_file_open_keeps_the_number(qtbot, desktop, write_content, monkeypatch):
    path = write_content(lambda doc: doc["intro"].update(title="Sepsis, our clinic"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    file_menu = desktop.menuBar().actions()[0].menu()
    [open_action] = [a for a in file_menu.actions() if a.text() == ui("menu_open")]
    open_action.trigger()
    assert desktop.header.title.text() == "Sepsis, our clinic"
    assert says_999(desktop)


def test_a_file_with_its_own_number_is_overruled_by_the_command_line(desktop, write_content):
    path = write_content(lambda doc: doc["call_to_action"].update(emergency_number="15"))
    assert desktop.open_content(path)
    assert says_999(desktop)


@pytest.mark.skipif(len(available_languages()) < 2, reason="one language only")
def test_a_language_switch_keeps_the_number(qtbot, desktop):
    switch = desktop.header.language
    other = next(code for code in available_languages() if code != "en")
    switch.setFocus()
    switch.setCurrentIndex(switch.findData(other))
    switch.activated.emit(switch.currentIndex())  # what a person's choice in the list sends
    assert desktop.content.language == other
    assert says_999(desktop)


def test_the_waiting_room_reload_keeps_the_number(qtbot, write_content):
    from sepsis_viewer.ui.kiosk.session import KioskSession

    path = write_content()
    session = KioskSession([CLINIC.load(path)], setting=CLINIC, watch=path, dwell=1.0)
    qtbot.addWidget(session.window)
    session.start()
    try:
        def says_999_on_signage() -> bool:  # the waiting room's call to action, always on screen
            return "999" in session.window.view.call.action.text() and "local emergency" not in shown_texts(
                session.window)

        assert says_999_on_signage()
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc["stages"][0]["title"] = "Germs get in"
        path.write_text(json.dumps(doc), encoding="utf-8")
        qtbot.waitUntil(lambda: session.window.content.stages[0].title == "Germs get in", timeout=60000)
        assert says_999_on_signage()
    finally:
        session.stop()
        session.window.closable = True


def test_without_a_number_the_guess_keeps_its_note(qtbot, write_content):
    """The other side: no number given and no region known, 112 with "your local emergency number"."""
    from sepsis_viewer.app import create_window

    window = create_window(write_content(), remember_geometry=False, setting=Setting())
    qtbot.addWidget(window)
    window.show()
    assert "112" in window.cta.action.text() and window.cta.note.isVisibleTo(window)
