"""Which languages the app speaks, and which one to start in. No Qt here."""

from __future__ import annotations

from sepsis_viewer import paths

BASE = "en"


def available_languages() -> list[str]:
    """The codes of the bundled content languages, English first."""
    codes = sorted(p.stem for p in paths.content_dir().glob("*.json") if p.stem != "content.schema")
    return sorted(codes, key=lambda code: (code != BASE, code))


def language_of(locale_name: str | None) -> str | None:
    """The language of a locale name such as "es_MX", "fr-CA" or "en_GB.UTF-8"."""
    if not locale_name or locale_name in ("C", "POSIX"):
        return None
    return locale_name.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower() or None


def choose_language(requested: str | None, system_locale: str | None) -> str:
    """--lang if given, else the system's language where there is content in it, else English."""
    if requested:
        return requested
    system = language_of(system_locale)
    return system if system in available_languages() else BASE
