"""The app's version: the one number in pyproject.toml, looked up only when something shows it."""

from __future__ import annotations

from functools import cache


@cache
def app_version() -> str:
    """The version from the package metadata (an install or the bundle), else from pyproject.toml.

    Not looked up at import: importlib.metadata costs a start-up some 30 ms of imports.
    """
    from importlib import metadata

    try:
        return metadata.version("sepsis-viewer")
    except metadata.PackageNotFoundError:
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
