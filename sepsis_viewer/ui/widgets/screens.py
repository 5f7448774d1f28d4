"""Choosing a screen for the audience view: by index or name, else the one that is not primary."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QScreen


class ScreenChoiceError(Exception):
    """The screen asked for does not exist; the message lists the ones that do."""


def describe_screens() -> list[str]:
    """One line per screen: index, name, size and which is primary."""
    primary = QGuiApplication.primaryScreen()
    lines = []
    for index, screen in enumerate(QGuiApplication.screens()):
        size = screen.geometry()
        mark = " (primary)" if screen is primary or screen == primary else ""
        lines.append(f"{index}: {screen.name() or 'unnamed'} {size.width()}x{size.height()}{mark}")
    return lines


def find_screen(spec: str) -> QScreen | None:
    """The screen a --screen value names (an index or a name), or None if none matches now."""
    screens = QGuiApplication.screens()
    spec = spec.strip()
    if spec.isdigit():
        index = int(spec)
        return screens[index] if index < len(screens) else None
    for screen in screens:
        if screen.name() == spec:
            return screen
    lowered = spec.lower()
    matches = [s for s in screens if lowered in s.name().lower()]
    return matches[0] if len(matches) == 1 else None


def audience_screen(spec: str | None = None) -> QScreen:
    """Where the audience looks: the named screen, else with two or more the first not primary."""
    if spec:
        screen = find_screen(spec)
        if screen is None:
            listing = "\n  ".join(describe_screens()) or "(none)"
            raise ScreenChoiceError(f"no screen {spec!r}; the screens are:\n  {listing}")
        return screen
    return default_audience_screen()


def default_audience_screen() -> QScreen:
    primary = QGuiApplication.primaryScreen()
    others = [s for s in QGuiApplication.screens() if s != primary]
    return others[0] if others else primary


def presenter_screen(audience: QScreen) -> QScreen | None:
    """The laptop's screen for the presenter view, or None when there is only one screen."""
    primary = QGuiApplication.primaryScreen()
    if primary is not None and primary != audience:
        return primary
    others = [s for s in QGuiApplication.screens() if s != audience]
    return others[0] if others else None
