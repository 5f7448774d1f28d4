"""Rendering the window to a PNG file, as it looks at a given size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget


def settle() -> None:
    """Let Qt finish layout and painting work that was queued."""
    for _ in range(3):
        QApplication.processEvents()


def save_screenshot(window: QWidget, out: Path, size: QSize) -> QSize:
    """Show `window` at `size`, grab it and save it as PNG; OSError if it cannot be written."""
    window.resize(size)
    window.show()
    settle()
    window.resize(size)  # a first show may have applied a remembered or minimum size
    settle()
    settle()  # and what the first round queued (scrolling the selection into view)
    picture = window.grab()
    if not picture.save(str(out), "PNG"):
        raise OSError(f"could not write {out}")
    return picture.size()
