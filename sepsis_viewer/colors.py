"""Colour arithmetic for the themes: WCAG contrast and simple mixing (no Qt, so it is testable)."""

from __future__ import annotations


def _channels(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"expected #rrggbb, got {hex_colour!r}")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _channels(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours, from 1 to 21."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(a: str, b: str, amount_of_b: float) -> str:
    """The colour `amount_of_b` of the way from a to b, as #rrggbb."""
    ca, cb = _channels(a), _channels(b)
    return "#" + "".join(f"{round(x + (y - x) * amount_of_b):02x}" for x, y in zip(ca, cb))


def greyscale(hex_colour: str) -> str:
    """The grey a colour becomes without colour vision (same relative luminance)."""
    lum = relative_luminance(hex_colour)
    c = lum * 12.92 if lum <= 0.0031308 else 1.055 * lum ** (1 / 2.4) - 0.055
    v = round(c * 255)
    return f"#{v:02x}{v:02x}{v:02x}"
