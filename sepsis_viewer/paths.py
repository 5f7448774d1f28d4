"""One locator for the bundled data folders: from a checkout, an installed wheel or a frozen bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent

# The application's reverse-DNS id: the name of its desktop entry, metainfo and icon files.
APP_ID = "org.sepsisviewer.SepsisViewer"
# The sizes of the committed PNG app icons (assets/app/icons/<N>x<N>.png), made by `make icons`.
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _package_dirs() -> list[Path]:
    """Where the package's data may live, most specific first."""
    dirs = [_PACKAGE]
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        # A PyInstaller bundle (packaging/sepsis-viewer.spec) copies the folders to
        # <bundle>/sepsis_viewer/, as the wheel does; named here so that the bundle does not
        # depend on how the bootloader sets a frozen module's __file__.
        dirs.insert(0, Path(bundle) / "sepsis_viewer")
    return dirs


@cache
def data_dir(name: str) -> Path:
    """The bundled folder `name` ("assets" or "resources"), never looked up through the cwd."""
    # An installed wheel or a bundle carries the folders inside the package (see pyproject.toml);
    # a checkout, or an editable install, has them beside it at the top level.
    for package in _package_dirs():
        for candidate in (package / name, package.parent / name):
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


def body_map_dir() -> Path:
    """The prepared anatomogram SVGs (one per figure), their licences and README (`make body-map`)."""
    return data_dir("assets") / "body_map"


def app_files_dir() -> Path:
    """The app's own icon, desktop entry and AppStream metainfo."""
    return data_dir("assets") / "app"


def app_icon_svg() -> Path:
    """The scalable app icon."""
    return app_files_dir() / f"{APP_ID}.svg"


def app_icon_png(size: int) -> Path:
    """The app icon rendered `size` pixels square."""
    return app_files_dir() / "icons" / f"{size}x{size}.png"

