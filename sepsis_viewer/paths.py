"""One locator for the bundled data folders, from a checkout and from an installed wheel alike."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """The bundled folder `name` ("assets" or "resources"), never looked up through the cwd."""
    # An installed wheel carries the folders inside the package (see pyproject.toml);
    # a checkout, or an editable install, has them beside it at the top level.
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the bundled folder {name!r} is missing from {_PACKAGE}")


def content_dir() -> Path:
    """The folder of the bundled content files and their schema."""
    return data_dir("resources") / "content"


def bundled_content_path(lang: str = "en") -> Path:
    """The bundled content file for a language code."""
    return content_dir() / f"{lang}.json"


def schema_path() -> Path:
    """The JSON Schema that every content file must satisfy."""
    return content_dir() / "content.schema.json"


def icons_dir() -> Path:
    """The bundled Health Icons, one SVG per name."""
    return data_dir("assets") / "icons"


def fonts_dir() -> Path:
    """The bundled Atkinson Hyperlegible TTF files."""
    return data_dir("assets") / "fonts"


def cache_dir() -> Path:
    """The user's folder for what the app can always work out again, only slower (may not exist)."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Caches")
    else:
        # The XDG spec says a relative XDG_CACHE_HOME is to be ignored.
        base = os.environ.get("XDG_CACHE_HOME", "")
        if not os.path.isabs(base):
            base = str(Path.home() / ".cache")
    return Path(base) / "sepsis-viewer"
