"""Interface words that are not content (buttons, headings, accessible names), one table a language.

The tables live in resources/ui/<language>.json, so that a translator works on a JSON file and
never on Python; resources/ui/README.md says how. A word missing from a language falls back to
English.
"""

from __future__ import annotations

import json
import logging
from functools import cache

from sepsis_viewer import paths

BASE = "en"
_log = logging.getLogger(__name__)
_current = BASE


@cache
def table(language: str) -> dict:
    """The interface words of a language ({} if there is no table for it)."""
    path = paths.data_dir("resources") / "ui" / f"{language}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))["strings"]
    except (OSError, ValueError, KeyError) as exc:
        if language != BASE:
            _log.info("no interface words for %r (%s); using English", language, exc)
        return {} if language != BASE else _must_have_base(exc)


def _must_have_base(exc: Exception) -> dict:
    raise RuntimeError(f"the English interface words are missing or broken: {exc}")


def set_language(language: str) -> None:
    """Use this language's interface words from now on (English where it has none)."""
    global _current
    _current = language


def language() -> str:
    return _current


def ui(key: str, **values: object):
    """An interface string of the current language, with its placeholders filled in."""
    text = table(_current).get(key)
    if text is None:
        text = table(BASE)[key]
    if isinstance(text, list):  # a list of [keys, meaning] rows, e.g. the projector's key help
        return tuple(tuple(row) for row in text)
    return text.format(**values) if values else text
