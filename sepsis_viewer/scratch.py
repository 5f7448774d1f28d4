"""A command that writes one file writes nothing else. matplotlib keeps a list of the system's
fonts in a cache folder and makes a config folder; for a command (export-handout, --screenshot)
both go to a scratch folder that is removed when the command ends. No Qt here."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

MATPLOTLIB_FOLDER = "MPLCONFIGDIR"  # matplotlib's documented place for its config and cache


def matplotlib_in_scratch() -> None:
    """Send matplotlib's cache and config to a folder removed at exit (before matplotlib loads)."""
    if os.environ.get(MATPLOTLIB_FOLDER):
        return  # a folder the person chose themselves
    folder = tempfile.mkdtemp(prefix="sepsis-viewer-matplotlib-")
    os.environ[MATPLOTLIB_FOLDER] = folder
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
