"""Sepsis Viewer: an infographic that explains sepsis, for a desktop, a classroom or a waiting room."""

# The one place the version is written (pyproject.toml reads it from here). Asking
# importlib.metadata instead costs a start-up some 30 ms of imports (email, zipfile, csv…).
__version__ = "0.1.0"
