"""Qt's own messages on the terminal: only those worth reading."""

from __future__ import annotations

import sys


def quiet_offscreen_noise() -> None:
    """Drop Qt's notice that the offscreen platform ignores size hints; pass on everything else."""
    from PySide6.QtCore import qInstallMessageHandler

    previous = None

    def handler(mode, context, message):
        if "propagateSizeHints" in message:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            sys.stderr.write(message + "\n")

    previous = qInstallMessageHandler(handler)
