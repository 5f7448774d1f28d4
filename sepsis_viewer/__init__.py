"""Sepsis Viewer: an infographic that explains sepsis, for a desktop, a classroom or a waiting room."""


def __getattr__(name: str):
    # `sepsis_viewer.__version__` is worked out when first asked for, not at import.
    if name == "__version__":
        from sepsis_viewer.version import app_version

        return app_version()
    raise AttributeError(f"module 'sepsis_viewer' has no attribute {name!r}")
