"""What the waiting room says that the content does not. No Qt here.

The call to action leads with "Tell a member of staff now", then the number to call; without a
number set by the clinic it names none ("Tell a member of staff, or call your local emergency
number"). The words are interface words (resources/ui/<language>.json), in the content's language.
"""

from __future__ import annotations

import logging

from sepsis_viewer import strings
from sepsis_viewer.record import replace

_log = logging.getLogger("sepsis_viewer")


def words(language: str, key: str, **values: object) -> str:
    """An interface string in a given language (English where the language lacks it)."""
    text = strings.table(language).get(key) or strings.table(strings.BASE)[key]
    return text.format(**values) if values else text


def staff_first(content, number: str | None):
    """The content with the waiting room's call to action: staff first, then the clinic's number.

    `number`: the configuration's or --emergency-number; else the content file's own, else none.
    """
    cta = content.call_to_action
    number = number or cta.emergency_number
    if number:
        template = f"{words(content.language, 'kiosk_tell_staff')} {cta.action_template}"
    else:
        template = words(content.language, "kiosk_tell_staff_no_number")
    return replace(content, call_to_action=replace(cta, action_template=template, emergency_number=number,
                                                   emergency_note=""))


def warn_if_no_number(contents) -> bool:
    """Log a warning if a content has no number to call (so none is shown); True if one has none."""
    missing = [c for c in contents if not c.call_to_action.emergency_number]
    if missing:
        _log.warning("no number to call is set (emergency_number in the configuration file, "
                     "--emergency-number, or the content file): none is guessed; the waiting room says %r",
                     missing[0].call_to_action.action())
    return bool(missing)
