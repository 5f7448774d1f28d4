"""Sepsis Viewer: an infographic that explains sepsis, for a desktop, a classroom or a waiting room."""

from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("sepsis-viewer")
except _metadata.PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+unknown"
