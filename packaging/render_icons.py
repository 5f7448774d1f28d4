"""Render the app icon's PNGs from its SVG (`make icons`); the PNGs are committed."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # drawing needs no display

from PySide6.QtGui import QGuiApplication  # noqa: E402

from sepsis_viewer import paths  # noqa: E402
from sepsis_viewer.ui.widgets.app_icon import render_app_icon  # noqa: E402


def main() -> int:
    """Write assets/app/icons/<N>x<N>.png for every size in paths.ICON_SIZES."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (QPainter needs it)
    for size in paths.ICON_SIZES:
        target = paths.app_icon_png(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render_app_icon(size).save(str(target), "PNG"):
            print(f"render_icons: could not write {target}", file=sys.stderr)
            return 1
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
