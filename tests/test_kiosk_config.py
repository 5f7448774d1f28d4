"""The waiting room's configuration file: each key, the command line over it, located problems,
and opening hours as dates. No Qt here (sepsis_viewer/kiosk_config.py)."""

from __future__ import annotations

import textwrap
from datetime import datetime
from pathlib import Path

import pytest

from sepsis_viewer import paths
from sepsis_viewer.app import main
from sepsis_viewer.command_line import build_parser
from sepsis_viewer.kiosk_config import ConfigError, KioskConfig, load_config, with_command_line

EXAMPLE = paths.data_dir("resources") / "kiosk" / "example.toml"


@pytest.fixture
def write_config(tmp_path):
    def write(text: str, name: str = "waiting-room.toml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


def problems(path: Path) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    return [str(problem) for problem in caught.value.problems]


def test_the_example_file_ships_and_is_valid():
    config = load_config(EXAMPLE)
    assert config.languages == ("en", "es") and config.idle == 90
    assert config.emergency_number is None  # the example never sets a number for a clinic
    assert config.message_for("es").startswith("¿Se siente peor") and config.link.startswith("https://")
    assert config.hours is not None and config.when_closed == "blank"


def test_an_empty_file_is_the_defaults(write_config):
    config = load_config(write_config(""))
    assert config == KioskConfig(path=config.path)


def test_each_key(write_config, tmp_path):
    (tmp_path / "clinic.json").write_text("{}", encoding="utf-8")
    config = load_config(write_config('''
        emergency_number = "999"
        languages = ["fr", "en"]
        dwell = 12.5
        idle = 120
        screen = "HDMI-1"
        content = "clinic.json"
        message = "Feeling worse while you wait? Tell the reception desk now."
        when_closed = "notice"
        reduced_motion = true
        [link]
        url = "https://example.org/sepsis"
        caption = "More on your phone"
        [hours]
        mon-fri = "08:00-12:00, 13:00-18:00"
        sat = ["09:00-12:00"]
        sun = "closed"
    '''))
    assert config.emergency_number == "999" and config.languages == ("fr", "en")
    assert config.dwell == 12.5 and config.idle == 120.0 and config.screen == "HDMI-1"
    assert config.content == tmp_path / "clinic.json"  # beside the configuration file
    assert config.message_for("fr") == config.message_for("en") == "Feeling worse while you wait? Tell the reception desk now."
    assert config.link == "https://example.org/sepsis" and config.caption_for("en") == "More on your phone"
    assert config.when_closed == "notice" and config.reduced_motion is True
    assert config.hours.days[0] == ((480, 720), (780, 1080)) and config.hours.days[5] == ((540, 720),)
    assert config.hours.days[6] == ()


def test_a_number_may_be_written_without_quotes_and_a_screen_by_index(write_config):
    config = load_config(write_config("emergency_number = 911\nscreen = 1\n"))
    assert config.emergency_number == "911" and config.screen == "1"


def test_a_message_and_caption_per_language(write_config):
    config = load_config(write_config('''
        languages = ["en", "es"]
        [message]
        en = "Tell the desk."
        es = "Avise en recepción."
        [link]
        url = "http://example.org"
        caption = { en = "Scan me", es = "Escanee" }
    '''))
    assert config.message_for("es") == "Avise en recepción." and config.caption_for("es") == "Escanee"
    assert config.message_for("fr") == "Tell the desk."  # a language without its own: the first one


def test_a_bad_file_says_every_problem_where_it_is(write_config):
    path = write_config('''\
        emergency_number = "12a"
        languages = ["en", "xx"]
        dwell = 5000
        idle = "sixty"
        colour = "red"
        content = "missing.json"
        when_closed = "dark"
        [message]
        de = "Hallo"
        [link]
        url = "ftp://example.org/sepsis"
        [hours]
        mon-fri = "08:00-18:00"
        wed = "09:00-10:00"
        sat = "09:00-12:00, 11:00-13:00"
        sun = "18:00-08:00"
        funday = "closed"
    ''')
    found = problems(path)
    expected = [
        "1:1: emergency_number: '12a' is not an emergency number (2 to 8 digits, e.g. 112)",
        "2:1: languages: 'xx' is not a language with content",
        "3:1: dwell: 5000 is outside 1 to 3600 seconds",
        "4:1: idle: is text 'sixty'; it should be a number of seconds",
        "5:1: colour: unknown key",
        f"6:1: content: no such file: {path.parent / 'missing.json'}",
        "7:1: when_closed: is text 'dark'",
        "9:1: message.de: 'de' is not a language with content",
        "11:1: link.url: 'ftp://example.org/sepsis' is not a web address starting with https://",
        "14:1: hours.wed: wed is given twice (also in mon-fri)",
        "15:1: hours.sat: 09:00-12:00 and 11:00-13:00 overlap",
        "16:1: hours.sun: '18:00-08:00' ends before it starts",
        "17:1: hours.funday: not a day or days",
    ]
    assert len(found) == len(expected), "\n".join(found)
    for line, want in zip(found, expected):
        assert line.startswith(f"{path}:{want}"), line


@pytest.mark.parametrize("text, where, says", [
    ('emergency_number = "1"', "1:1: emergency_number", "2 to 8 digits"),
    ('emergency_number = "123456789"', "1:1: emergency_number", "2 to 8 digits"),
    ("emergency_number = true", "1:1: emergency_number", "is true or false True"),
    ("languages = []", "1:1: languages", "is empty"),
    ('languages = "en"', "1:1: languages", "a list of language codes"),
    ('languages = ["en", "en"]', "1:1: languages", "en given more than once"),
    ("dwell = 0.5", "1:1: dwell", "0.5 is outside 1 to 3600 seconds"),
    ("idle = 4", "1:1: idle", "4 is outside 5 to 86400 seconds"),
    ("idle = 100000", "1:1: idle", "100000 is outside 5 to 86400 seconds"),
    ("screen = -1", "1:1: screen", "not a screen index"),
    ('message = ""', "1:1: message", "is empty"),
    (f'message = "{"word " * 40}"', "1:1: message", "at most 160"),
    ('link = "https://example.org"', "1:1: link", "a table"),
    ('[link]\ncaption = "Scan"', "1:1: link", "has no url"),
    ('[link]\nurl = "https://exa mple.org"', "2:1: link.url", "has a space"),
    ('[link]\nurl = "example.org/sepsis"', "2:1: link.url", "not a web address"),
    ('[link]\nurl = "javascript:alert(1)"', "2:1: link.url", "not a web address"),
    (f'[link]\nurl = "https://example.org/{"a" * 70}"', "2:1: link.url", "too dense"),
    ('[link]\nurl = "https://example.org"\ncolour = "red"', "3:1: link.colour", "unknown key"),
    ("[hours]", "1:1: hours", "gives no day"),
    ('[hours]\nmon = "closed"', "1:1: hours", "closed every day"),
    ('[hours]\nmon = "8-18"', "2:1: hours.mon", "24-hour HH:MM"),
    ('[hours]\nmon = "08:00"', "2:1: hours.mon", "not opening times"),
    ('[hours]\nmon = "08:60-18:00"', "2:1: hours.mon", "24-hour HH:MM"),
    ('[hours]\nmon = "24:00-24:00"', "2:1: hours.mon", "24-hour HH:MM"),
    ('[hours]\nmon = 8', "2:1: hours.mon", "opening times in quotes"),
    ('[hours]\nmon-sat = "08:00-18:00"\nsun-mon = "10:00-12:00"', "3:1: hours.sun-mon", "mon is given twice"),
    ("reduced_motion = 1", "1:1: reduced_motion", "true or false"),
    ('hours = { mon = "08:00-18:00", tue = "9" }', "1:32: hours.tue", "not opening times"),
    ('languages = ["en", "es"]\nmessage = { en = "Tell the desk." }', "2:1: message", "no text in 'es'"),
    ('dwell = 10\ndwell = 11', "2:1", "not valid TOML"),
    ('idle = [', "1:9", "not valid TOML"),
])
def test_each_problem_is_located(write_config, text, where, says):
    path = write_config(text + "\n")
    found = problems(path)
    assert len(found) == 1, found
    assert found[0].startswith(f"{path}:{where}") and says in found[0], found[0]


def test_a_file_that_cannot_be_read_or_is_not_utf8(tmp_path):
    assert "cannot be read" in problems(tmp_path / "nowhere.toml")[0]
    latin = tmp_path / "latin.toml"
    latin.write_bytes('message = "Bienvenue à la clinique"\n'.encode("latin-1"))
    assert "UTF-8" in problems(latin)[0]


def test_the_command_line_wins_over_the_file(write_config, tmp_path):
    custom = tmp_path / "other.json"
    custom.write_text("{}", encoding="utf-8")
    path = write_config('''
        emergency_number = "999"
        languages = ["en", "es"]
        dwell = 12
        idle = 120
        screen = "HDMI-1"
        reduced_motion = false
    ''')
    args = build_parser().parse_args(["--kiosk", "--config", str(path), "--emergency-number", "112",
                                      "--langs", "fr,en", "--dwell", "20", "--idle", "30", "--screen", "0",
                                      "--content", str(custom), "--reduced-motion"])
    config = with_command_line(load_config(args.config), args)
    assert (config.emergency_number, config.languages, config.dwell, config.idle, config.screen) == (
        "112", ("fr", "en"), 20.0, 30.0, "0")
    assert config.content == custom and config.reduced_motion is True
    untouched = with_command_line(load_config(path), build_parser().parse_args(["--kiosk", "--config", str(path)]))
    assert untouched == load_config(path)
    one = with_command_line(load_config(path), build_parser().parse_args(["--kiosk", "--lang", "fr"]))
    assert one.languages == ("fr",)


def test_the_limits_are_the_command_lines(capsys):
    assert main(["--kiosk", "--dwell", "5000", "--screenshot", "x.png"]) == 2
    assert "5000 is outside 1 to 3600 seconds" in capsys.readouterr().err


def test_check_config_says_valid_or_every_problem(write_config, capsys):
    assert main(["check-config", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "valid" in out and "no number" in out and "QR code of https://" in out
    bad = write_config('idle = 1\ncolour = "red"\n')
    assert main(["check-config", str(bad)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{bad}:1:1: idle:") and out[1].startswith(f"{bad}:2:1: colour:")
    assert main(["check-config"]) == 2


# --- opening hours as dates ---------------------------------------------------------------------

MONDAY = datetime(2026, 11, 2)  # a Monday


def at(day: int, hhmm: str) -> datetime:
    hours, minutes = map(int, hhmm.split(":"))
    return MONDAY.replace(day=MONDAY.day + day, hour=hours, minute=minutes)


def test_opening_hours_open_close_and_the_next_opening(write_config):
    hours = load_config(write_config('[hours]\nmon-fri = "08:00-18:00"\nsat = "09:00-12:00"\n')).hours
    assert not hours.is_open(at(0, "07:59")) and hours.is_open(at(0, "08:00")) and not hours.is_open(at(0, "18:00"))
    assert hours.next_change(at(0, "07:00")) == at(0, "08:00")
    assert hours.next_change(at(0, "12:00")) == at(0, "18:00")
    assert hours.next_opening(at(4, "18:30")) == at(5, "09:00")  # Friday evening: Saturday morning
    assert hours.next_opening(at(5, "12:00")) == at(7, "08:00")  # Saturday noon: Monday, over a closed Sunday


def test_a_night_across_midnight_is_one_span(write_config):
    hours = load_config(write_config('[hours]\nfri = "20:00-24:00"\nsat = "00:00-08:00"\n')).hours
    assert hours.is_open(at(4, "23:59")) and hours.is_open(at(5, "00:00"))
    assert hours.next_change(at(4, "21:00")) == at(5, "08:00")  # no closing at midnight


def test_a_week_that_starts_on_sunday(write_config):
    hours = load_config(write_config('[hours]\nsun-thu = "08:00-16:00"\n')).hours
    assert [bool(day) for day in hours.days] == [True, True, True, True, False, False, True]


def test_always_open_has_no_change(write_config):
    hours = load_config(write_config('[hours]\nmon-sun = "00:00-24:00"\n')).hours
    assert hours.is_open(at(3, "03:00")) and hours.next_change(at(3, "03:00")) is None


def test_check_config_prints_the_example_for_a_new_clinic(capsys):
    assert main(["check-config", "--example"]) == 0
    assert capsys.readouterr().out == EXAMPLE.read_text(encoding="utf-8")


def test_a_message_keeps_its_no_break_spaces(write_config):
    config = load_config(write_config('message = "Plus mal en attendant\u202f?\\n  Prévenez l’accueil."\n'))
    assert config.message_for("fr") == "Plus mal en attendant\u202f? Prévenez l’accueil."
