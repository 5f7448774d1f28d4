"""Sepsis Viewer: an infographic that explains sepsis, for a desktop, a classroom or a waiting room."""

from importlib import metadata as _metadata


def _version() -> str:
    # The one version number lives in pyproject.toml. An installed wheel and an editable install
    # carry it as package metadata; so does the frozen bundle, whose spec copies that metadata.
    try:
        return _metadata.version("sepsis-viewer")
    except _metadata.PackageNotFoundError:
        pass
    # A checkout run without installing: read it from pyproject.toml itself.
    import re
    from pathlib import Path

    try:
        text = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    except OSError:
        return "0.0.0+unknown"
    match = re.search(r'^version\s*=\s*"([^"]+)"', text, re.MULTILINE)
    return match[1] if match else "0.0.0+unknown"


__version__ = _version()
