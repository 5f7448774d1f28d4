"""The waiting room set up by a clinic: its number (never a guessed one), message, QR code, opening
hours and a configuration file reloaded while the loop runs. At a hundred times real speed
(SEPSIS_VIEWER_TIME_SCALE=0.01 in conftest): opening hours run on a clock as fast, never a sleep."""

from __future__ import annotations

import logging
import textwrap
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QColor

from conftest import shown_texts
from layout_check import label_problems
from sepsis_viewer.emergency import territory_of
from sepsis_viewer.kiosk_config import KioskConfig, load_config
from sepsis_viewer.setting import Setting, waiting_room_contents, waiting_room_setting
from sepsis_viewer.ui.kiosk.clinic_panel import QUIET_MODULES, qr_code
from sepsis_viewer.ui.kiosk.hours import ScaledClock
from sepsis_viewer.ui.kiosk.session import KioskSession

MONDAY = datetime(2026, 11, 2)
STAFF_NO_NUMBER = "Tell a member of staff, or call your local emergency number."


class FakeInhibitor:
    """Stands in for org.freedesktop.ScreenSaver: remembers whether the screen is kept awake."""

    def __init__(self):
        self.active = False
        self.calls: list[str] = []

    def inhibit(self) -> bool:
        self.active = True
        self.calls.append("inhibit")
        return True

    def release(self) -> None:
        self.active = False
        self.calls.append("release")


@pytest.fixture
def write_config(tmp_path):
    def write(text: str, path: Path | None = None) -> Path:
        path = path or tmp_path / "waiting-room.toml"
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture
def start_clinic(qtbot, start_kiosk):
    """A waiting room as the app starts one: the configuration file, read and watched."""

    def start(path: Path, setting: Setting | None = None, clock=None, size=None, **overrides):
        config = load_config(path)
        config = config if not overrides else type(config)(**{**config.__dict__, **overrides})
        setting = waiting_room_setting(config, setting or Setting())
        contents, warning = waiting_room_contents(config, setting)
        session = start_kiosk(contents, before_start=lambda s: setattr(s, "inhibitor", FakeInhibitor()),
                              setting=setting, config=config, config_file=path, load_config=load_config,
                              warning=warning, clock=clock)
        if size is not None:
            session.keeper.stop()
            session.window.showNormal()
            session.window.resize(*size)
            qtbot.waitUntil(lambda: session.window.size().toTuple() == size, timeout=2000)
        return session

    return start


# --- the number to call --------------------------------------------------------------------------


def test_the_call_to_action_leads_with_staff_then_the_clinics_number(qtbot, write_config, start_clinic):
    kiosk = start_clinic(write_config('emergency_number = "999"\n'))
    action = kiosk.window.view.call.action.text()
    assert action == "Tell a member of staff now. Call 999 and ask: could it be sepsis?"
    # The number is the clinic's, not a guess: no "or your local emergency number" anywhere.
    assert "local emergency number" not in shown_texts(kiosk.window)
    kiosk.loop.window.select("call-to-action")
    assert action in shown_texts(kiosk.window)


def test_no_number_is_guessed_from_the_locale(qtbot, write_config, start_clinic, caplog):
    british = Setting("en", territory_of("en_GB.UTF-8"))  # the region would say 999
    assert british.territory == "GB" and british.bundled().call_to_action.emergency_number == "999"
    with caplog.at_level(logging.WARNING):
        setting = waiting_room_setting(KioskConfig(), british)
        contents, _ = waiting_room_contents(KioskConfig(), setting)
        from sepsis_viewer.waiting_room import warn_if_no_number

        assert warn_if_no_number(contents)
    assert "no number to call is set" in caplog.text
    cta = contents[0].call_to_action
    assert cta.action() == STAFF_NO_NUMBER and "999" not in cta.action() and "112" not in cta.action()
    kiosk = start_clinic(write_config("idle = 60\n"), setting=british)
    assert kiosk.window.view.call.action.text() == STAFF_NO_NUMBER
    assert "999" not in kiosk.window.view.call.accessibleName() and "999" not in shown_texts(kiosk.window)


def test_the_app_logs_a_warning_at_start_without_a_number(tmp_path, write_config, caplog, monkeypatch):
    from sepsis_viewer.app import main

    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    path = write_config('languages = ["en", "fr"]\n')
    with caplog.at_level(logging.WARNING):
        assert main(["--kiosk", "--config", str(path), "--screenshot", str(tmp_path / "k.png"), "--size", "1280x720"]) == 0
    assert "no number to call is set" in caplog.text and STAFF_NO_NUMBER in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        assert main(["--kiosk", "--config", str(path), "--emergency-number", "999", "--screenshot",
                     str(tmp_path / "k.png"), "--size", "1280x720"]) == 0
    assert "no number to call" not in caplog.text


def test_each_language_says_it_in_its_own_words(write_config):
    config = load_config(write_config('languages = ["en", "es", "fr"]\n'))
    contents, _ = waiting_room_contents(config, waiting_room_setting(config, Setting()))
    actions = {c.language: c.call_to_action.action() for c in contents}
    assert actions["es"].startswith("Avise a un miembro del personal")
    assert actions["fr"].startswith("Prévenez un membre du personnel")
    config = load_config(write_config('emergency_number = "112"\nlanguages = ["es"]\n'))
    (spanish,), _ = waiting_room_contents(config, waiting_room_setting(config, Setting()))
    assert spanish.call_to_action.action().startswith("Avise ahora a un miembro del personal. ")
    assert "112" in spanish.call_to_action.action()


# --- the clinic's panel: message and QR code ----------------------------------------------------

URL = "https://www.who.int/news-room/fact-sheets/detail/sepsis"


def test_the_message_and_caption_follow_the_language_on_screen(qtbot, write_config, start_clinic):
    kiosk = start_clinic(write_config('''
        emergency_number = "112"
        languages = ["en", "es"]
        dwell = 1
        [message]
        en = "Feeling worse while you wait? Tell the reception desk now."
        es = "¿Se siente peor mientras espera? Avise ahora en recepción."
        [link]
        url = "https://example.org/sepsis"
    '''))
    panel = kiosk.window.clinic
    assert panel.isVisible() and panel.message.text().startswith("Feeling worse")
    assert panel.caption.text() == "Scan with your phone's camera to open the page"
    qtbot.waitUntil(lambda: kiosk.window.content.language == "es", timeout=10000)
    assert panel.message.text().startswith("¿Se siente peor") and panel.caption.text().startswith("Escanee")


def test_the_message_is_large_type_and_the_panel_sits_beside_or_under(qtbot, write_config, start_clinic):
    path = write_config(f'message = "Tell the reception desk now."\n[link]\nurl = "{URL}"\n')
    kiosk = start_clinic(path, size=(1920, 1080))
    window, panel = kiosk.window, kiosk.window.clinic
    assert panel.message.font().pixelSize() >= 0.045 * 1080  # the signage size for 3 to 4 m
    assert panel.caption.font().pixelSize() >= 0.03 * 1080
    beside = panel.mapTo(window, panel.rect().topLeft())
    view = window.view.mapTo(window, window.view.rect().topRight())
    assert beside.x() >= view.x()  # a column to the right of the signage
    window.resize(1080, 1920)
    call = window.view.call
    qtbot.waitUntil(lambda: panel.mapTo(window, panel.rect().topLeft()).y() >= call.mapTo(
        window, call.rect().bottomLeft()).y(), timeout=2000)  # a band under it
    assert window.rect().contains(panel.geometry().translated(panel.mapTo(window, panel.rect().topLeft())
                                                              - panel.pos()))
    assert not label_problems(window)


def test_the_clinics_panel_keeps_its_place_through_the_loop(qtbot, write_config, start_clinic):
    path = write_config(f'message = "Tell the reception desk now."\ndwell = 1\n[link]\nurl = "{URL}"\n')
    kiosk = start_clinic(path, size=(1920, 1080))
    window, panel = kiosk.window, kiosk.window.clinic
    places = set()
    kiosk.loop.screen_shown.connect(
        lambda *_: places.add((panel.mapTo(window, panel.rect().topLeft()).toTuple(), panel.size().toTuple(),
                               panel.isVisible())))
    qtbot.waitUntil(lambda: kiosk.loop.loops >= 2, timeout=60000)
    assert len(places) == 1 and next(iter(places))[2]  # one fixed place, on every screen


def test_the_qr_code_is_the_address_drawn_module_for_module_large_enough_to_scan(qtbot, write_config, start_clinic):
    kiosk = start_clinic(write_config(f'[link]\nurl = "{URL}"\n'), size=(1920, 1080))
    view = kiosk.window.clinic.code
    qtbot.waitUntil(view.isVisible, timeout=2000)
    fresh = qr_code(URL)
    assert [bytes(row) for row in view.matrix] == [bytes(row) for row in fresh.matrix]  # the address, as segno encodes it
    assert fresh.designator.startswith(("1-", "2-", "3-", "4-", "5-"))  # a code phones read from a distance
    px = view.module_px
    assert px >= 8  # 1/135 of a 1080-line screen: 4 to 5 mm on a 43" to 55" TV
    image = view.grab().toImage()
    size = len(fresh.matrix) + 2 * QUIET_MODULES
    assert image.width() == image.height() == size * px
    for row in range(size):
        for column in range(size):
            inside = QUIET_MODULES <= row < size - QUIET_MODULES and QUIET_MODULES <= column < size - QUIET_MODULES
            dark = inside and fresh.matrix[row - QUIET_MODULES][column - QUIET_MODULES]
            # Every pixel of the module, not only its centre: never smoothed between modules.
            for dy in (0, px // 2, px - 1):
                for dx in (0, px // 2, px - 1):
                    colour = QColor(image.pixel(column * px + dx, row * px + dy))
                    assert colour.lightness() == (0 if dark else 255), (row, column)
    window = kiosk.window
    top_left = view.mapTo(window, view.rect().topLeft())
    assert window.rect().contains(top_left) and window.rect().contains(top_left + view.rect().bottomRight())


def test_the_module_grows_with_the_screen():
    from sepsis_viewer.ui.kiosk.clinic_panel import module_px

    assert module_px(1280, 720) == 6 and module_px(1920, 1080) == 8 and module_px(1080, 1920) == 8
    assert module_px(3840, 2160) == 16


# --- the configuration file, changed while the loop runs ---------------------------------------


def test_a_good_edit_applies_and_a_bad_one_keeps_the_last_good_settings(qtbot, write_config, start_clinic, caplog):
    path = write_config('''
        emergency_number = "999"
        dwell = 1
        idle = 60
        message = "Tell the reception desk now."
    ''')
    kiosk = start_clinic(path)
    window = kiosk.window
    write_config(f'''
        emergency_number = "112"
        languages = ["en", "fr"]
        dwell = 2
        idle = 30
        message = "Feeling worse? Tell the nurse."
        when_closed = "notice"
        [link]
        url = "{URL}"
    ''', path)
    qtbot.waitUntil(lambda: window.clinic.message.text() == "Feeling worse? Tell the nurse.", timeout=3000)
    assert window.clinic.code.url == URL and window.clinic.code.isVisible()
    assert kiosk.loop.dwell_override == 2 and kiosk.loop.idle_seconds == 30
    assert kiosk.config.languages == ("en", "fr") and kiosk.config.when_closed == "notice"
    # A new loop at once, with the new number (in English or French: whichever loop it is).
    qtbot.waitUntil(lambda: "112" in window.view.call.action.text(), timeout=3000)
    qtbot.waitUntil(lambda: window.content.language == "fr", timeout=60000)  # the languages take turns
    with caplog.at_level(logging.WARNING):
        path.write_text('emergency_number = "12a"\ndwell = 0\n', encoding="utf-8")
        qtbot.waitUntil(lambda: "the last good settings stay" in caplog.text, timeout=3000)
    assert f"{path}:1:1: emergency_number:" in caplog.text and f"{path}:2:1: dwell:" in caplog.text
    assert kiosk.config.emergency_number == "112" and kiosk.loop.dwell_override == 2
    assert window.clinic.message.text() == "Feeling worse? Tell the nurse."
    loops = kiosk.loop.loops
    qtbot.waitUntil(lambda: kiosk.loop.loops > loops + 1, timeout=60000)
    assert "112" in window.view.call.action.text()


def test_a_configuration_replaced_by_a_sync_tool_is_still_watched(qtbot, write_config, start_clinic, tmp_path):
    path = write_config('message = "One."\n')
    kiosk = start_clinic(path)
    temporary = tmp_path / ".waiting-room.toml.tmp"
    temporary.write_text('message = "Two."\n', encoding="utf-8")
    temporary.replace(path)
    qtbot.waitUntil(lambda: kiosk.window.clinic.message.text() == "Two.", timeout=3000)


def test_a_bad_file_at_start_runs_the_defaults_and_a_fix_applies(qtbot, tmp_path, write_config, caplog):
    from sepsis_viewer.app import kiosk_config
    from sepsis_viewer.command_line import build_parser

    path = write_config('emergency_number = "999"\nidle = "long"\n')
    args = build_parser().parse_args(["--kiosk", "--config", str(path), "--dwell", "1"])
    with caplog.at_level(logging.WARNING):
        config, warning = kiosk_config(args)
    assert f"{path}:2:1: idle:" in caplog.text and f"{path}:2:1: idle:" in warning
    assert config.emergency_number is None and config.dwell == 1  # the defaults, the command line over them
    setting = waiting_room_setting(config, Setting())
    contents, _ = waiting_room_contents(config, setting)
    kiosk = KioskSession(contents, setting=setting, config=config, config_file=path, warning=warning,
                         load_config=load_config)
    qtbot.addWidget(kiosk.window)
    kiosk.start()
    try:
        assert kiosk.window.banner.isVisible() and kiosk.window.view.call.action.text() == STAFF_NO_NUMBER
        write_config('emergency_number = "999"\nidle = 45\n', path)
        qtbot.waitUntil(lambda: "Call 999" in kiosk.window.view.call.action.text(), timeout=5000)
        assert kiosk.loop.idle_seconds == 45
    finally:
        kiosk.stop()
        kiosk.window.closable = True


# --- opening hours --------------------------------------------------------------------------------


def test_outside_opening_hours_the_loop_stops_the_screen_may_sleep_and_it_comes_back(qtbot, write_config,
                                                                                   start_clinic):
    # Open until 12:00, closed for five minutes (3 s here), open again at 12:05.
    path = write_config('''
        when_closed = "notice"
        [hours]
        mon = "08:00-12:00, 12:05-18:00"
    ''')
    kiosk = start_clinic(path, clock=ScaledClock(MONDAY.replace(hour=11, minute=59)))  # 0.6 s before
    window, inhibitor = kiosk.window, kiosk.inhibitor
    assert kiosk.looping and inhibitor.active and not window.closed
    qtbot.waitUntil(lambda: window.closed, timeout=5000)
    assert not kiosk.looping and not inhibitor.active and inhibitor.calls[-1] == "release"
    assert not kiosk.loop._step.isActive() and not kiosk._progress.isActive()
    assert window.closed_screen.isVisible() and not window.view.isVisible() and not window.clinic.isVisible()
    assert window.closed_screen.title.text() == "Closed"
    assert window.closed_screen.when.text() == "Open again today at 12:05."
    steps = kiosk.loop.loops, window.tour.index
    kiosk._on_input()  # a touch on a closed screen starts nothing
    assert not kiosk.loop.paused and (kiosk.loop.loops, window.tour.index) == steps
    qtbot.waitUntil(lambda: not window.closed, timeout=8000)
    assert kiosk.looping and inhibitor.active and window.view.isVisible() and not window.closed_screen.isVisible()
    assert window.tour.current.id == "overview"  # a loop from the beginning
    qtbot.waitUntil(lambda: window.tour.index >= 1, timeout=5000)


def test_closed_at_start_shows_black_and_never_inhibits(qtbot, write_config, start_clinic):
    path = write_config('[hours]\nmon-fri = "08:00-18:00"\n')
    kiosk = start_clinic(path, clock=ScaledClock(MONDAY.replace(hour=22)))
    assert kiosk.window.closed and not kiosk.looping and not kiosk.inhibitor.active
    assert not kiosk.window.closed_screen.notice_shown  # "blank" is the default
    screen = kiosk.window.closed_screen
    qtbot.waitUntil(lambda: screen.isVisible() and screen.size() == kiosk.window.size(), timeout=2000)
    image = kiosk.window.grab().toImage()
    assert QColor(image.pixel(image.width() // 2, image.height() // 2)).lightness() == 0


def test_new_hours_in_the_file_apply_at_once(qtbot, write_config, start_clinic):
    path = write_config('dwell = 1\nmessage = "Tell the desk."\n')
    kiosk = start_clinic(path, clock=ScaledClock(MONDAY.replace(hour=20)))
    assert kiosk.looping
    write_config('dwell = 1\nmessage = "Tell the desk."\nwhen_closed = "notice"\n[hours]\nmon-fri = "08:00-18:00"\n',
                 path)
    qtbot.waitUntil(lambda: kiosk.window.closed, timeout=3000)
    assert kiosk.window.closed_screen.when.text() == "Open again tomorrow at 08:00."
    write_config('dwell = 1\nmessage = "Tell the desk."\n', path)
    qtbot.waitUntil(lambda: not kiosk.window.closed and kiosk.looping, timeout=3000)
    window = kiosk.window  # the panel, shown after the closed screen, at its own width
    qtbot.waitUntil(lambda: window.clinic.isVisible() and window.clinic.width() == window.clinic.extent,
                    timeout=2000)
    assert window.clinic.extent < window.width() // 3


def test_the_closed_notice_names_the_day_in_the_language():
    from sepsis_viewer.ui.kiosk.closed import opening_words

    friday = MONDAY.replace(day=6, hour=19)
    monday = MONDAY.replace(day=9, hour=8)
    assert opening_words("en", friday, monday) == "Open again on Monday at 08:00."
    assert opening_words("fr", friday, monday) == "Réouverture le lundi à 08:00."
    assert opening_words("es", friday, monday) == "Abrimos de nuevo el lunes a las 08:00."
