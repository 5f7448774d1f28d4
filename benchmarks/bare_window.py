"""The floor every figure is measured against: a bare PySide6 window with one label.

`bare_window.py OUT.png WxH` renders it to a PNG exactly as `sepsis-viewer --screenshot` renders
the app (same QApplication arguments, same save_screenshot). It imports nothing else of the app.

`bare_window.py OUT.png WxH IMPORTS.py` first runs the `from PySide6… import …` lines in that file:
the same window, having asked PySide for the Qt classes the app asks for (startup.py's second,
informative floor). The label is all it makes of them.
"""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    out, size = Path(argv[0]), argv[1]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if len(argv) > 2:
        runpy.run_path(argv[2])
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication, QLabel

    from sepsis_viewer.ui.widgets.screenshot import save_screenshot

    app = QApplication([sys.argv[0]])  # noqa: F841 - the application must live until the end
    window = QLabel("Sepsis Viewer")
    width, height = (int(n) for n in size.split("x"))
    save_screenshot(window, out, QSize(width, height))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
