"""The number to call: a clinic's own, else the one for the region the computer is set to.

From ../shared/FACTS.md: US and Canada 911, UK 999 (112 works too), EU/EEA 112, Australia 000
(112 from mobiles), New Zealand 111, India 112. Where the region is unknown: 112, with "your local
emergency number" beside it. No Qt here.
"""

from __future__ import annotations

from sepsis_viewer.content.model import DEFAULT_EMERGENCY, Content
from sepsis_viewer.record import replace

# The European Union and the rest of the European Economic Area (Iceland, Liechtenstein, Norway).
EU_EEA = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO".split()
)
BY_TERRITORY = {"US": "911", "CA": "911", "GB": "999", "AU": "000", "NZ": "111", "IN": "112",
                **{code: "112" for code in EU_EEA}}


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


def localise(content: Content, territory: str | None, override: str | None = None) -> Content:
    """The content with the number to call decided, and "your local emergency number" kept only
    where the number is a guess.

    Who decides, first to last: `override` (--emergency-number), the content file's own number
    (a clinic abroad knows its number), the territory, and 112 where nothing is known.
    """
    cta = content.call_to_action
    known = override or cta.emergency_number or number_for(territory)
    number = known or DEFAULT_EMERGENCY
    note = "" if known else cta.emergency_note
    return replace(content, call_to_action=replace(cta, emergency_number=number, emergency_note=note))
