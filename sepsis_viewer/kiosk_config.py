"""The waiting room's configuration file: read, checked and merged with the command line. No Qt.

A clinic's IT keeps one TOML file (resources/kiosk/example.toml says every key) beside its other
files. `load_config(path)` returns an immutable KioskConfig or raises ConfigError with every
problem, each located as content problems are: `FILE:line:col: key: problem`. The app only ever
reads this local file; how it gets there (configuration management, file sync) is the clinic's.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from sepsis_viewer import command_line
from sepsis_viewer.content.problems import ContentError, Problem
from sepsis_viewer.opening_hours import DAYS, OpeningHours, clock, day_range, span
from sepsis_viewer.record import Record, replace
from sepsis_viewer.toml_places import key_positions, syntax_problem

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - the dependency with its marker in pyproject.toml
    import tomli as tomllib

ALL_LANGUAGES = "*"  # the key of a message given once for every language
WHEN_CLOSED = ("blank", "notice")
MAX_MESSAGE_CHARS = 160  # read from across a room, by someone who did not choose to look
MAX_URL_CHARS = 80  # longer makes a denser code (version 6 and up) that phones read only up close
MAX_BYTES = 64 * 1024


class ConfigError(ContentError):
    """A configuration file could not be used; `problems` says every reason, located.

    A ContentError too: the file is read and watched as content files are, and one kind of error
    means one way to log it (ui/kiosk/content_watch.py)."""


class KioskConfig(Record):
    """Everything a clinic sets for its waiting-room screen (defaults: the command line's)."""

    path: Path | None = None  # the file it came from; None when built from the command line alone
    emergency_number: str | None = None  # never guessed from the region in the waiting room
    languages: tuple[str, ...] = ()  # turn order, one loop each; none: the setting's language
    dwell: float | None = None  # seconds on a step; None: from the amount of text
    idle: float = command_line.DEFAULT_IDLE
    screen: str | None = None
    content: Path | None = None
    message: tuple[tuple[str, str], ...] = ()  # (language or "*", text)
    link: str | None = None  # shown as a QR code
    link_caption: tuple[tuple[str, str], ...] = ()
    hours: OpeningHours | None = None  # None: open all the time
    when_closed: str = "blank"
    reduced_motion: bool = False

    def message_for(self, language: str) -> str:
        return _for_language(self.message, language)

    def caption_for(self, language: str) -> str:
        return _for_language(self.link_caption, language)


def _for_language(texts: tuple[tuple[str, str], ...], language: str) -> str:
    """The text in a language, else the one for every language, else the first one given."""
    found = dict(texts)
    return found.get(language) or found.get(ALL_LANGUAGES) or (texts[0][1] if texts else "")


# --- reading ----------------------------------------------------------------------------------


def load_config(path: Path) -> KioskConfig:
    """The configuration in a TOML file; ConfigError with every problem if it cannot be used."""
    path = Path(path)
    file = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError([Problem(file, f"cannot be read: {exc.strerror or exc}")]) from None
    if len(data) > MAX_BYTES:
        raise ConfigError([Problem(file, f"is {len(data)} bytes; a configuration file is at most {MAX_BYTES}")])
    from sepsis_viewer.content.parse import decode

    try:
        text = decode(data, file)
    except ContentError as exc:
        raise ConfigError(exc.problems) from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([syntax_problem(file, str(exc), text)]) from None
    checker = _Checker(path, text)
    config = checker.check(document)
    if checker.problems:
        raise ConfigError(checker.problems)
    return config


class _Checker:
    """Checks a parsed document key by key, collecting every problem with where it is written."""

    def __init__(self, path: Path, text: str):
        self.path = path
        self.positions = key_positions(text)
        self.problems: list[Problem] = []

    def problem(self, where: tuple[str, ...], message: str) -> None:
        line, column = None, None
        for length in range(len(where), 0, -1):  # the key, else the nearest table around it
            if where[:length] in self.positions:
                line, column = self.positions[where[:length]]
                break
        self.problems.append(Problem(str(self.path), f"{'.'.join(where)}: {message}", line, column))

    def check(self, document: dict) -> KioskConfig:
        from sepsis_viewer.languages import available_languages

        self.known_languages = available_languages()
        checks = {
            "emergency_number": self._number, "languages": self._languages, "dwell": self._dwell,
            "idle": self._idle, "screen": self._screen, "content": self._content, "message": self._message,
            "link": self._link, "hours": self._hours, "when_closed": self._when_closed,
            "reduced_motion": self._reduced_motion,
        }
        values: dict = {"path": self.path}
        for key, value in document.items():
            check = checks.get(key)
            if check is None:
                self.problem((key,), f"unknown key; the keys are: {', '.join(checks)}")
                continue
            checked = check((key,), value)
            if checked is not None:
                values.update(checked)
        config = KioskConfig(**values)
        self._cross_check(document, config)
        return config

    def _cross_check(self, document: dict, config: KioskConfig) -> None:
        for key, texts in (("message", config.message), (("link", "caption"), config.link_caption)):
            given = {language for language, _text in texts}
            if ALL_LANGUAGES in given or not given:
                continue
            for language in config.languages:
                if language not in given:
                    where = (key,) if isinstance(key, str) else key
                    self.problem(where, f"no text in {language!r}, which languages lists")

    def _wrong_type(self, where, value, wanted: str) -> None:
        self.problem(where, f"is {_describe(value)}; it should be {wanted}")

    # --- each key -----------------------------------------------------------------------------

    def _number(self, where, value):
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            return self._wrong_type(where, value, 'the number in quotes, e.g. "112"')
        try:
            return {"emergency_number": command_line.emergency_number(str(value))}
        except argparse.ArgumentTypeError as exc:
            self.problem(where, str(exc))

    def _languages(self, where, value):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return self._wrong_type(where, value, 'a list of language codes, e.g. ["en", "es"]')
        if not value:
            return self.problem(where, "is empty; leave it out for the system's language")
        bad = [v for v in value if v not in self.known_languages]
        for code in bad:
            self.problem(where, f"{code!r} is not a language with content; the languages are: "
                         f"{', '.join(self.known_languages)}")
        repeated = sorted({v for v in value if value.count(v) > 1})
        if repeated:
            self.problem(where, f"{', '.join(repeated)} given more than once")
        if not bad and not repeated:
            return {"languages": tuple(value)}

    def _seconds(self, where, value, limits, key):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return self._wrong_type(where, value, "a number of seconds")
        try:
            return {key: command_line.seconds_in(*limits)(str(value))}
        except argparse.ArgumentTypeError as exc:
            self.problem(where, str(exc))

    def _dwell(self, where, value):
        return self._seconds(where, value, command_line.DWELL_LIMITS, "dwell")

    def _idle(self, where, value):
        return self._seconds(where, value, command_line.IDLE_LIMITS, "idle")

    def _screen(self, where, value):
        if isinstance(value, bool) or not isinstance(value, (str, int)) or value == "":
            return self._wrong_type(where, value, 'a screen index (0, 1…) or name, e.g. "HDMI-1"')
        if isinstance(value, int) and value < 0:
            return self.problem(where, f"{value} is not a screen index (0, 1…)")
        return {"screen": str(value)}

    def _content(self, where, value):
        if not isinstance(value, str) or not value.strip():
            return self._wrong_type(where, value, "the path of a content file")
        path = Path(value).expanduser()
        if not path.is_absolute():
            path = self.path.absolute().parent / path  # beside the configuration file
        if not path.is_file():
            return self.problem(where, f"no such file: {path}")
        return {"content": path}

    def _texts(self, where, value, wanted: str, limit: int) -> tuple[tuple[str, str], ...] | None:
        """A text for every language, or a table of texts by language code."""
        if isinstance(value, str):
            pairs = [(ALL_LANGUAGES, value)]
        elif isinstance(value, dict):
            pairs = list(value.items())
            for code, _text in pairs:
                if code not in self.known_languages:
                    self.problem(where + (code,), f"{code!r} is not a language with content; the languages "
                                 f"are: {', '.join(self.known_languages)}")
        else:
            return self._wrong_type(where, value, wanted)
        ok = True
        for code, text in pairs:
            place = where if code == ALL_LANGUAGES else where + (code,)
            if not isinstance(text, str):
                self._wrong_type(place, text, "text")
                ok = False
            elif not text.strip():
                self.problem(place, "is empty")
                ok = False
            elif len(text.strip()) > limit:
                self.problem(place, f"is {len(text.strip())} characters; at most {limit} read well from "
                             "across a room")
                ok = False
        # Line breaks and runs of spaces become one space; a no-break space (before a French "?")
        # stays.
        return tuple((code, re.sub(r"[ \t\r\n]+", " ", text).strip()) for code, text in pairs) if ok else None

    def _message(self, where, value):
        texts = self._texts(where, value, 'text, or a table of texts by language (en = "…")', MAX_MESSAGE_CHARS)
        return {"message": texts} if texts else None

    def _link(self, where, value):
        if not isinstance(value, dict):
            return self._wrong_type(where, value, 'a table: [link] with url = "https://…"')
        result = {}
        for key in value:
            if key not in ("url", "caption"):
                self.problem(where + (key,), "unknown key; the keys of link are: url, caption")
        url = value.get("url")
        if url is None:
            self.problem(where, 'has no url = "https://…"')
        elif not isinstance(url, str):
            self._wrong_type(where + ("url",), url, 'a web address in quotes, "https://…"')
        else:
            problem = _url_problem(url)
            if problem:
                self.problem(where + ("url",), problem)
            else:
                result["link"] = url.strip()
        if "caption" in value:
            caption = self._texts(where + ("caption",), value["caption"], "text, or a table of texts by language",
                                  MAX_MESSAGE_CHARS)
            if caption:
                result["link_caption"] = caption
        return result

    def _hours(self, where, value):
        if not isinstance(value, dict):
            return self._wrong_type(where, value, 'a table: [hours] with mon-fri = "08:00-18:00"…')
        if not value:
            return self.problem(where, "gives no day; leave [hours] out for a screen that is always on")
        days: list[list[tuple[int, int]] | None] = [None] * 7
        named_by: list[str] = [""] * 7
        ok = True
        for key, times in value.items():
            place = where + (key,)
            indexes = day_range(key)
            if indexes is None:
                self.problem(place, "not a day or days; write mon, tue… sun, or a range such as mon-fri")
                ok = False
                continue
            spans = self._spans(place, times)
            if spans is None:
                ok = False
                continue
            for index in indexes:
                if days[index] is not None:
                    self.problem(place, f"{DAYS[index]} is given twice (also in {named_by[index]})")
                    ok = False
                    continue
                days[index], named_by[index] = spans, key
        if not ok:
            return None
        final = tuple(tuple(spans or ()) for spans in days)
        if not any(final):
            return self.problem(where, "closed every day: the screen would never show anything")
        return {"hours": OpeningHours(final)}

    def _spans(self, place, times) -> list[tuple[int, int]] | None:
        """A day's opening times: "08:00-18:00", several separated by commas, a list, or "closed"."""
        if isinstance(times, str):
            parts = [part.strip() for part in times.split(",")]
        elif isinstance(times, list) and all(isinstance(t, str) for t in times):
            parts = [t.strip() for t in times]
        else:
            return self._wrong_type(place, times, 'opening times in quotes, e.g. "08:00-18:00", or "closed"')
        if parts == ["closed"]:
            return []
        spans = []
        for part in parts:
            times = span(part)
            if isinstance(times, str):
                self.problem(place, times)
                return None
            spans.append(times)
        spans.sort()
        for (start, end), (next_start, next_end) in zip(spans, spans[1:]):
            if next_start < end:
                self.problem(place, f"{clock(start)}-{clock(end)} and {clock(next_start)}-{clock(next_end)} "
                             "overlap")
                return None
        return spans

    def _when_closed(self, where, value):
        if value not in WHEN_CLOSED:
            return self.problem(where, f"is {_describe(value)}; it should be \"blank\" (a black screen that may "
                                "sleep) or \"notice\" (a calm notice of the next opening)")
        return {"when_closed": value}

    def _reduced_motion(self, where, value):
        if not isinstance(value, bool):
            return self._wrong_type(where, value, "true or false")
        return {"reduced_motion": value}


def _describe(value) -> str:
    kinds = {bool: "true or false", int: "a whole number", float: "a number", str: "text", list: "a list",
             dict: "a table"}
    shown = repr(value) if not isinstance(value, (list, dict)) else kinds[type(value)]
    return shown if isinstance(value, (list, dict)) else f"{kinds.get(type(value), 'a date or time')} {shown}"


def _url_problem(url: str) -> str | None:
    text = url.strip()
    if any(c.isspace() for c in text):
        return f"{text!r} has a space in it; it should be one web address"
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return f"{text!r} is not a web address starting with https:// (or http://)"
    if len(text) > MAX_URL_CHARS:
        return (f"is {len(text)} characters; a QR code of more than {MAX_URL_CHARS} is too dense to scan from a "
                "chair: use a shorter address")
    return None


# --- the command line on top ------------------------------------------------------------------


def with_command_line(config: KioskConfig, args: argparse.Namespace) -> KioskConfig:
    """The configuration with every option given on the command line put over it."""
    changes: dict = {}
    if getattr(args, "emergency_number", None):
        changes["emergency_number"] = args.emergency_number
    langs = getattr(args, "langs", None)
    if langs:
        changes["languages"] = tuple(code.strip() for code in langs.split(",") if code.strip())
    elif getattr(args, "lang", None):
        changes["languages"] = (args.lang,)
    for key in ("dwell", "idle", "screen", "content"):
        if getattr(args, key, None) is not None:
            changes[key] = getattr(args, key)
    if getattr(args, "reduced_motion", False):
        changes["reduced_motion"] = True
    return replace(config, **changes)
