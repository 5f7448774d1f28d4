"""The bundled typeface, registered once per process."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFontDatabase

from sepsis_viewer import paths

FAMILY = "Atkinson Hyperlegible"
_FILES = ("AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf")
_log = logging.getLogger(__name__)
_registered: str | None = None


def register_fonts() -> str:
    """Add the bundled font files to Qt and return the family name to use."""
    global _registered
    if _registered is None:
        family = FAMILY
        for name in _FILES:
            font_id = QFontDatabase.addApplicationFont(str(paths.fonts_dir() / name))
            if font_id < 0:
                # A broken install should still show text, in the platform's font.
                _log.warning("could not load the bundled font %s; using the system font", name)
            else:
                family = QFontDatabase.applicationFontFamilies(font_id)[0]
        _registered = family
    return _registered


def use_app_font() -> str:
    """Make the bundled family the application's font (menus and dialogs too); returns the family.

    Call it before a window is made: set after, the change reaches the window as a posted event
    after its first layout, and every widget under it is laid out again.
    """
    from PySide6.QtWidgets import QApplication

    family = register_fonts()
    font = QApplication.font()
    if font.family() != family:
        font.setFamily(family)
        QApplication.setFont(font)
    return family
