"""The number to call: a clinic's own, else the one for the region the computer is set to.

From ../shared/FACTS.md: US and Canada 911, Mexico 911, UK 999 (112 works too), EU/EEA 112 but
France 15 (the SAMU, the number the French public is told for a medical emergency; 112 works
too), Switzerland 144, Australia 000 (112 from mobiles), New Zealand 111, India 112. Where the
region is unknown: 112, with "your local emergency number" beside it. A region read from the
language setting is a guess (a UK laptop left on US English is not in the US), so it keeps that
hedge too. No Qt here.
"""

from __future__ import annotations

from collections.abc import Mapping

from sepsis_viewer.content.model import DEFAULT_EMERGENCY, Content
from sepsis_viewer.record import Record, replace

# The European Union and the rest of the European Economic Area (Iceland, Liechtenstein, Norway).
EU_EEA = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO".split()
)
BY_TERRITORY = {**{code: "112" for code in EU_EEA}, "FR": "15", "CH": "144", "US": "911", "CA": "911",
                "MX": "911", "GB": "999", "AU": "000", "NZ": "111", "IN": "112"}
# POSIX locale categories that say where a person is rather than which language they read: a
# desktop's "region" or "formats" setting writes them apart from LANG.
REGION_CATEGORIES = ("LC_TELEPHONE", "LC_ADDRESS", "LC_MEASUREMENT", "LC_PAPER", "LC_MONETARY")


class Region(Record):
    """Where the computer says it is, and whether that is only a guess from the language setting."""

    territory: str | None = None
    guessed: bool = True


def number_for(territory: str | None) -> str | None:
    """The emergency number of a territory (ISO 3166 code such as "GB"), or None if not known here."""
    return BY_TERRITORY.get((territory or "").upper())


def territory_of(locale_name: str | None) -> str | None:
    """The territory of a locale name such as "es_MX", "fr-CA" or "en_GB.UTF-8", if it has one."""
    if not locale_name:
        return None
    name = locale_name.split(".")[0].split("@")[0].replace("-", "_")
    parts = name.split("_")
    return parts[1].upper() if len(parts) > 1 and len(parts[1]) == 2 and parts[1].isalpha() else None


def system_region(locale_name: str | None, environ: Mapping[str, str]) -> Region:
    """The region of the system's locale, told apart from a guess.

    The system locale's territory comes with the language ("en_US" is chosen as "English (US)"),
    so it is a guess. A region category (LC_TELEPHONE, LC_ADDRESS…) set to another territory than
    the language setting's is a choice of region: that one is known. LC_ALL sets every category
    at once, so it says nothing apart from the language.
    """
    language_territory = territory_of(environ.get("LC_ALL") or environ.get("LANG") or locale_name)
    if not environ.get("LC_ALL"):
        for category in REGION_CATEGORIES:
            told = territory_of(environ.get(category))
            if told and told != language_territory:
                return Region(told, guessed=False)
    return Region(territory_of(locale_name), guessed=True)


def localise(content: Content, territory: str | None, override: str | None = None, *,
             guessed: bool = False) -> Content:
    """The content with the number to call decided, and "your local emergency number" kept only
    where the number is a guess.

    Who decides, first to last: `override` (--emergency-number), the content file's own number
    (a clinic abroad knows its number), the territory, and 112 where nothing is known. A
    territory that was `guessed` (from the language setting) gives its number with the hedge.
    """
    cta = content.call_to_action
    told = override or cta.emergency_number
    regional = number_for(territory)
    number = told or regional or DEFAULT_EMERGENCY
    note = "" if told or (regional and not guessed) else cta.emergency_note
    return replace(content, call_to_action=replace(cta, emergency_number=number, emergency_note=note))


def for_waiting_room(content: Content) -> Content:
    """The content as a clinic's waiting room shows it: the call to action leads with the words
    for that room ("Tell a member of staff now"), then the number to call."""
    cta = content.call_to_action
    if not cta.waiting_room_action:
        return content
    template = f"{cta.waiting_room_action} {cta.action_template}"
    return replace(content, call_to_action=replace(cta, action_template=template, waiting_room_action=""))
