"""Where the app runs (language, region, a number given on the command line) and the content it
starts with. Qt only for reading the system's locale."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from sepsis_viewer.record import Record

_log = logging.getLogger("sepsis_viewer")


class Setting(Record):
    """Where the app runs: the language of its words, the region, and a number given on the
    command line. Every content it shows goes through `prepare`."""

    language: str = "en"
    territory: str | None = None
    emergency: str | None = None
    territory_guessed: bool = True  # read from the language setting: its number keeps the hedge
    waiting_room: bool = False  # a clinic's waiting room: "tell a member of staff" leads

    @classmethod
    def from_system(cls, args: argparse.Namespace | None = None) -> Setting:
        """From the command line and the system's locale (needs the Qt application)."""
        import os

        from PySide6.QtCore import QLocale

        from sepsis_viewer.emergency import system_region
        from sepsis_viewer.languages import choose_language

        system = QLocale.system().name()
        lang = choose_language(getattr(args, "lang", None), system)
        region = system_region(system, os.environ)
        return cls(lang, region.territory, getattr(args, "emergency_number", None), region.guessed,
                   bool(getattr(args, "kiosk", False)))

    def prepare(self, content):
        """The content with the number to call for this place decided, and the waiting room's
        words where this is one."""
        from sepsis_viewer.emergency import for_waiting_room, localise

        local = localise(content, self.territory, self.emergency, guessed=self.territory_guessed)
        return for_waiting_room(local) if self.waiting_room else local

    def bundled(self, lang: str | None = None):
        """The bundled content in a language (this setting's by default), prepared."""
        from sepsis_viewer.content import load_content

        return self.prepare(load_content(lang=lang or self.language))

    def load(self, path: Path):
        """A content file, prepared; ContentError if it cannot be used.

        With `bundled`, the one way content comes in: at start, File > Open, a language switch
        and the waiting room's reload of a changed file all go through here, so that the number
        to call is decided the same way every time.
        """
        from sepsis_viewer.content import load_content

        return self.prepare(load_content(path))


def load_for_start(path: Path | None, setting: Setting | None = None):
    """The content to show first, and a warning if a custom file had to be set aside."""
    from sepsis_viewer.content import ContentError
    from sepsis_viewer.strings import set_language, ui

    setting = setting or Setting()
    set_language(setting.language)
    if path is not None:
        try:
            return setting.load(path), None
        except ContentError as exc:
            for problem in exc.problems:
                _log.warning("%s", problem)
            return setting.bundled(), ui("bad_content", problem=str(exc.first))
    return setting.bundled(), None


class WaitingRoomSetting(Setting):
    """The waiting room's setting: the number to call is the clinic's (its configuration,
    --emergency-number, or its content file) and never one guessed from the region or language,
    and the call to action leads with telling a member of staff (sepsis_viewer/waiting_room.py).

    The region is kept (`territory`) but not used to choose a number: a screen in a waiting room
    has no one beside it to notice a wrong guess.
    """

    def prepare(self, content):
        from sepsis_viewer.waiting_room import staff_first

        return staff_first(content, self.emergency)

    @classmethod
    def of(cls, setting: Setting, number: str | None, language: str | None = None) -> WaitingRoomSetting:
        """This setting for the waiting room, with the clinic's number (or none) and main language."""
        return cls(language or setting.language, setting.territory, number)


def waiting_room_setting(config, setting: Setting) -> WaitingRoomSetting:
    """The waiting room's setting from its configuration (KioskConfig) and the system's setting."""
    languages = config.languages
    return WaitingRoomSetting.of(setting, config.emergency_number, languages[0] if languages else None)


def waiting_room_contents(config, setting: Setting) -> tuple[list, str | None]:
    """The contents that take turns (one per language of the configuration, the clinic's own
    content file standing in for the bundled one of its language), and a warning if the content
    file was set aside."""
    from sepsis_viewer.content import ContentError

    contents, warning = [], None
    for language in config.languages:
        try:
            contents.append(setting.bundled(language))
        except ContentError as exc:
            _log.warning("languages: %s; that language is left out", exc.first.message)
    if config.content is not None:
        custom, warning = load_for_start(config.content, setting)
        contents = [c for c in contents if c.language != custom.language]
        contents.insert(0, custom)
    return contents or [setting.bundled()], warning
