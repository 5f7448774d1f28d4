"""Colours and type sizes. Sizes come from the window, so one layout reads from a laptop to 4K."""

from __future__ import annotations

import math

from sepsis_viewer.colors import mix
from sepsis_viewer.record import Record


class Palette(Record):
    """Every colour the viewer paints with; `contrast_pairs` lists which meet which."""

    window: str = "#F3F5F7"
    surface: str = "#FFFFFF"
    text: str = "#16232B"
    muted: str = "#46555F"
    border: str = "#7D8B96"  # card edges: a graphic, so 3:1 against what is around it
    accent: str = "#1D4F7A"  # selection and the chosen panel
    accent_text: str = "#FFFFFF"
    focus: str = "#16232B"
    cta_background: str = "#14324A"
    cta_text: str = "#FFFFFF"
    warning_background: str = "#FFF1C2"
    warning_text: str = "#4D3500"
    warning_border: str = "#8A6A00"
    # Calm to severe: teal, amber, orange, deep red. Each is darker than the one before, so the
    # ramp survives grey-scale, and each is doubled by a number, an icon and words.
    stage_ramp: tuple[str, ...] = ("#0E8075", "#925700", "#943608", "#801212")
    tint_amount: float = 0.86

    def stage_colour(self, number: int) -> str:
        """The ramp colour of stage `number` (1-based), stretched over any number of stages."""
        ramp = self.stage_ramp
        return ramp[max(0, min(number - 1, len(ramp) - 1))]

    def tint(self, colour: str) -> str:
        """A pale version of a colour, used behind text for the selected card."""
        return mix(colour, self.surface, self.tint_amount)

    @property
    def accent_tint(self) -> str:
        return self.tint(self.accent)


class ContrastPair(Record):
    """A foreground drawn on a background, and the contrast it needs."""

    name: str
    foreground: str
    background: str
    minimum: float


def contrast_pairs(p: Palette, text: float = 4.5) -> list[ContrastPair]:
    """Every foreground/background pair the viewer draws (`text`:1 for text, 3:1 for graphics)."""
    pairs = [
        ContrastPair("text on window", p.text, p.window, text),
        ContrastPair("text on card", p.text, p.surface, text),
        ContrastPair("muted text on window", p.muted, p.window, text),
        ContrastPair("muted text on card", p.muted, p.surface, text),
        ContrastPair("text on selected card", p.text, p.accent_tint, text),
        ContrastPair("muted text on selected card", p.muted, p.accent_tint, text),
        ContrastPair("chosen panel text", p.accent_text, p.accent, text),
        ContrastPair("call to action", p.cta_text, p.cta_background, text),
        ContrastPair("warning text", p.warning_text, p.warning_background, text),
        ContrastPair("card edge on window", p.border, p.window, 3.0),
        ContrastPair("card edge on card", p.border, p.surface, 3.0),
        ContrastPair("selection edge", p.accent, p.surface, 3.0),
        ContrastPair("focus ring on card", p.focus, p.surface, 3.0),
        ContrastPair("focus ring on selected card", p.focus, p.accent_tint, 3.0),
        ContrastPair("focus ring on window", p.focus, p.window, 3.0),
        # The ring's light under-band carries it on the dark fill of the chosen panel.
        ContrastPair("focus band on chosen panel", p.surface, p.accent, 3.0),
        ContrastPair("focus ring on its band", p.focus, p.surface, 3.0),
        # Buttons draw their ring as a dashed border: in the call to action, on a warning.
        ContrastPair("focus ring in the call to action", p.cta_text, p.cta_background, 3.0),
        ContrastPair("focus ring on a warning", p.focus, p.warning_background, 3.0),
        ContrastPair("warning edge", p.warning_border, p.warning_background, 3.0),
        ContrastPair("arrows", p.muted, p.window, 3.0),
    ]
    for number, colour in enumerate(p.stage_ramp, start=1):
        tint = p.tint(colour)
        pairs += [
            ContrastPair(f"stage {number} number", p.accent_text, colour, text),
            ContrastPair(f"stage {number} icon", colour, p.surface, 3.0),
            ContrastPair(f"stage {number} edge on window", colour, p.window, 3.0),
            ContrastPair(f"stage {number} text when selected", p.text, tint, text),
            ContrastPair(f"stage {number} muted text when selected", p.muted, tint, text),
            ContrastPair(f"stage {number} icon when selected", colour, tint, 3.0),
            ContrastPair(f"stage {number} focus ring when selected", p.focus, tint, 3.0),
        ]
    return pairs


DESKTOP = Palette()

# Projectors wash colours out: near-black on white, every text pair at least 7:1, and a darker
# ramp (still darker with each stage).
PROJECTOR = Palette(
    window="#FFFFFF",  # the slide; LETTERBOX fills the rest of the screen
    surface="#FFFFFF",
    text="#0B0F12",
    muted="#2B3339",
    border="#2B3339",
    accent="#102A43",
    focus="#0B0F12",
    cta_background="#102A43",
    warning_background="#FFF1C2",
    warning_text="#3D2A00",
    warning_border="#6B5200",
    stage_ramp=("#055D54", "#663D00", "#6B2503", "#600B0B"),
    tint_amount=0.88,
)
PROJECTOR_TEXT_CONTRAST = 7.0
LETTERBOX = "#000000"  # bars around a slide whose shape differs from the screen's; no text on it

# Relative sizes of the text roles, in units of the base size; weights are 400 or 700.
TEXT_ROLES: dict[str, tuple[float, int]] = {
    "small": (0.85, 400),
    "small-bold": (0.85, 700),
    "body": (1.0, 400),
    "body-bold": (1.0, 700),
    "title": (1.1, 700),
    "number": (1.25, 700),
    "h2": (1.45, 700),
    "h1": (1.9, 700),
    "emergency": (1.4, 700),
}
ICON_ROLES: dict[str, float] = {"small": 1.4, "card": 2.2, "stage": 2.6, "page": 3.2}
MIN_BASE_PX, MAX_BASE_PX = 13, 72
SMALLEST_TEXT_PX = 12


class Metrics(Record):
    """Pixel sizes for one window size."""

    base: int

    def text_px(self, role: str) -> int:
        factor = TEXT_ROLES[role][0]
        return max(SMALLEST_TEXT_PX, round(self.base * factor))

    def weight(self, role: str) -> int:
        return TEXT_ROLES[role][1]

    def icon_px(self, role: str) -> int:
        return round(self.base * ICON_ROLES[role])

    @property
    def gap(self) -> int:
        """The space between blocks."""
        return max(6, round(self.base * 0.6))

    @property
    def margin(self) -> int:
        return max(8, round(self.base * 0.9))


def metrics_for(width: int, height: int) -> Metrics:
    """Sizes from the window's logical size: about 52 lines of body text fill the height.

    A portrait screen stacks the layout, so it has more lines and fewer columns to fill.
    """
    base = min(height / 70, width / 46) if height > width else min(height / 52, width / 72)
    return Metrics(int(max(MIN_BASE_PX, min(MAX_BASE_PX, round(base)))))


# The projector sizes text from the screen, as fractions of its height.
SLIDE_TEXT: dict[str, float] = {
    "small": 0.026, "small-bold": 0.026, "body": 0.031, "body-bold": 0.031, "title": 0.034,
    "number": 0.036, "emergency": 0.038, "h2": 0.062, "h1": 0.08, "zoom-title": 0.11, "zoom-text": 0.055,
}
SLIDE_ICONS: dict[str, float] = {"small": 0.045, "card": 0.07, "stage": 0.06, "page": 0.1, "zoom": 0.22}
MIN_TEXT_FRACTION = 0.025  # no visible text smaller than this share of the screen height
MIN_HEADING_FRACTION = 0.05
HEADING_ROLES = frozenset({"h1", "h2", "zoom-title"})


class SlideMetrics(Record):
    """Pixel sizes for a projected screen of `height` logical pixels; `scale` shrinks text to fit,
    never below the minimum shares of the screen height."""

    height: int
    scale: float = 1.0

    def text_px(self, role: str) -> int:
        floor = MIN_HEADING_FRACTION if role in HEADING_ROLES else MIN_TEXT_FRACTION
        fraction = max(SLIDE_TEXT[role] * self.scale, floor)
        return math.ceil(fraction * self.height)

    def weight(self, role: str) -> int:
        return TEXT_ROLES.get(role, (1.0, 700))[1]

    def icon_px(self, role: str) -> int:
        return round(SLIDE_ICONS[role] * self.height)

    @property
    def base(self) -> int:
        return self.text_px("body")

    @property
    def gap(self) -> int:
        return max(6, round(self.height * 0.014))

    @property
    def margin(self) -> int:
        return max(10, round(self.height * 0.03))
