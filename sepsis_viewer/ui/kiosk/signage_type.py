"""Type, spacing and touch sizes for the waiting room, from the screen's shorter side.

Signage is read from the chairs, two to five metres away: body text at 4.5% of the shorter side
(49 px on a 1080-line screen, about an inch of letter height on a 55" TV, the rule of thumb for
3 to 4 m), a page's title twice that (a long one a little less, rather than on three lines),
nothing smaller than 3% (source lines, the map's caption). The shorter side, so that a portrait
screen (1080x1920) reads as well as a landscape one.
"""

from __future__ import annotations

import math

from sepsis_viewer.record import Record

BODY_SHARE = 0.045
HEADING_SHARE = 0.09
LONG_HEADING_SHARE = 0.07  # a long title, rather than a third line of heading type
SMALL_SHARE = 0.032  # source lines, notes, captions: at least 3%
TOUCH_SHARE = 60 / 1080  # a touch target at least 60 px on a 1080-line screen (1.5 cm on a 43" TV)
MAX_WORDS = 40  # on one screen: a part's kicker, title and words (see Paginator.split)

# Each text role's share of the shorter side, and its weight.
SIGN_TEXT: dict[str, tuple[float, int]] = {
    "small": (SMALL_SHARE, 400),
    "small-bold": (SMALL_SHARE, 700),
    "body": (BODY_SHARE, 400),
    "body-bold": (BODY_SHARE, 700),
    "title": (0.052, 700),  # a heading inside a page (What to do)
    "number": (BODY_SHARE, 700),
    "emergency": (BODY_SHARE, 700),  # the call to action: bold, white on deep blue
    "h2": (HEADING_SHARE, 700),  # a page's title
    "h3": (LONG_HEADING_SHARE, 700),  # a page's title that would take three lines as h2
    "h1": (HEADING_SHARE, 700),
}
SIGN_ICONS: dict[str, float] = {"small": 0.05, "card": 0.07, "stage": 0.07, "page": 0.1, "zoom": 0.3}


class SignageMetrics(Record):
    """Pixel sizes for a screen whose shorter side is `short` pixels; what apply_metrics and the
    widgets' rescale() ask of any metrics."""

    short: int

    def text_px(self, role: str) -> int:
        """A text role's size in pixels (rounded up: never under its share)."""
        return math.ceil(SIGN_TEXT[role][0] * self.short)

    def weight(self, role: str) -> int:
        return SIGN_TEXT[role][1]

    def icon_px(self, role: str) -> int:
        return round(SIGN_ICONS[role] * self.short)

    @property
    def base(self) -> int:
        return self.text_px("body")

    @property
    def gap(self) -> int:
        return max(6, round(self.short * 0.016))

    @property
    def margin(self) -> int:
        return max(10, round(self.short * 0.03))

    @property
    def touch(self) -> int:
        """The least height and width of anything a visitor touches."""
        return math.ceil(TOUCH_SHARE * self.short)


def signage_metrics(width: int, height: int) -> SignageMetrics:
    """The sizes for a screen of this size: from its shorter side."""
    return SignageMetrics(max(1, min(width, height)))
