"""Icons already drawn, kept as small PNG files in the user's cache folder.

Drawing the first frame's fifteen icons from their SVG files (loading Qt's SVG module, parsing each
file, filling its paths) took about 4 ms of a start; reading the same pixels back from PNG files
takes a fraction of that. A raster's name holds everything that decides its pixels: the icon file
(its path, and its modification time, so an edited icon is drawn anew), the colour, the size in
device pixels, and the drawing rules of this module's caller.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtGui import QImage

from sepsis_viewer.cache_files import cache_folder, keep_newest, note_failure, sha256

RULES = "1"  # bump when icons.py draws differently
_KEEP = 600  # a few sizes of each icon; the least recently drawn go first
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def load(file: Path | None, device: int) -> QImage | None:
    """The raster kept in `file` (see raster_file), `device` pixels square, or None."""
    if file is None:
        return None
    image = QImage(str(file), "PNG")
    # A file cut short or left by something else is drawn anew, and replaced.
    return image if not image.isNull() and image.width() == device and image.height() == device else None


def keep(image: QImage, file: Path | None) -> None:
    """Keep a freshly drawn raster in `file` for the next start."""
    if file is None:
        return
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        partial = file.with_name(f"{file.stem}.{os.getpid()}.part")  # two windows may draw it at once
        if not image.save(str(partial), "PNG"):
            raise OSError(f"could not write {partial}")
        os.replace(partial, file)
        keep_newest(file.parent, _KEEP)
    except OSError as exc:
        note_failure(file.parent, "an icon", exc)


def raster_file(path: Path, stamp: int, colour: str, device: int) -> Path | None:
    """Where the raster of this icon file, colour and size is kept; None where none is kept."""
    folder = cache_folder("icons")
    if folder is None or stamp < 0 or not _COLOUR.fullmatch(colour):
        return None  # a missing icon file has nothing to keep; odd colours are not worth a name
    where = sha256(os.fsencode(path)).hexdigest()[:16]
    return folder / f"{where}-{stamp}-{colour[1:].lower()}-{device}-r{RULES}.png"
