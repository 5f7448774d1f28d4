"""Command line and start-up: `main(argv=None) -> int`. Nothing happens at import time."""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
from pathlib import Path

from sepsis_viewer import __version__

ORGANISATION = "Sepsis Viewer"
APPLICATION = "sepsis-viewer"
_log = logging.getLogger("sepsis_viewer")


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{3,5})\s*[xX×]\s*(\d{3,5})\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size such as 1920x1080")
    width, height = int(match[1]), int(match[2])
    if not (320 <= width <= 8192 and 240 <= height <= 8192):
        raise argparse.ArgumentTypeError(f"{text!r} is outside 320x240 to 8192x8192")
    return width, height


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sepsis-viewer",
        description="An infographic that explains sepsis: how it happens, where the infection starts "
        "and who is at higher risk. Educational, not medical advice.",
        epilog="Also: 'sepsis-viewer validate FILE...' checks content files and prints every problem.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--content", metavar="FILE", type=Path,
                        help="show this content file instead of the built-in one (if it is invalid, the "
                        "built-in content is shown with a warning)")
    parser.add_argument("--screenshot", metavar="OUT.png", type=Path,
                        help="render the window to a PNG file and exit (works without a display)")
    parser.add_argument("--size", metavar="WxH", type=_size, default=(1280, 800),
                        help="window size for --screenshot (default 1280x800)")
    parser.add_argument("--select", metavar="ID",
                        help="start with this stage, panel or item selected (e.g. septic-shock, lungs, "
                        "risk_groups, numbers, call-to-action, about)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the process exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="sepsis-viewer: %(levelname)s: %(message)s")
    if argv[:1] == ["validate"]:
        from sepsis_viewer.cli_validate import run

        return run(argv[1:])
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        return int(exc.code or 0)
    return _run_window(args)


def _load_for_start(path: Path | None):
    """The content to show first, and a warning if a custom file had to be set aside."""
    from sepsis_viewer.content import ContentError, load_content
    from sepsis_viewer.strings import ui

    if path is not None:
        try:
            return load_content(path), None
        except ContentError as exc:
            for problem in exc.problems:
                _log.warning("%s", problem)
            return load_content(), ui("bad_content", problem=str(exc.first))
    return load_content(), None


def create_window(content_path: Path | None = None, *, remember_geometry: bool = True):
    """The desktop window for a content file (or the bundled one), with a warning if it was refused."""
    from sepsis_viewer.ui.main_window import MainWindow

    content, warning = _load_for_start(content_path)
    window = MainWindow(content, remember_geometry=remember_geometry)
    if warning:
        window.show_warning(warning)
    return window


def _quiet_offscreen_noise() -> None:
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


def _run_window(args: argparse.Namespace) -> int:
    from sepsis_viewer import collector

    collector.hold()  # until the window is up: see collector.py
    if args.screenshot and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no display
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    from sepsis_viewer.content import ContentError

    _quiet_offscreen_noise()
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "sepsis-viewer"])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    try:
        window = create_window(args.content, remember_geometry=not args.screenshot)
    except ContentError as exc:  # only a damaged installation gets here
        print(f"sepsis-viewer: the built-in content is damaged: {exc}", file=sys.stderr)
        return 1
    if args.select:
        if not (window.tour.has(args.select) or args.select == "about"):
            ids = ", ".join(step.id for step in window.tour.steps)
            print(f"sepsis-viewer: --select: no such id {args.select!r}; choose one of: {ids}, about",
                  file=sys.stderr)
            return 2
        window.select(args.select)
    if args.screenshot:
        from sepsis_viewer.ui.screenshot import save_screenshot

        try:
            save_screenshot(window, args.screenshot, QSize(*args.size))
        except OSError as exc:
            print(f"sepsis-viewer: {exc}", file=sys.stderr)
            return 1
        finally:
            collector.release()  # also spares the exit a walk over every object
        return 0
    window.show()
    collector.release()
    return app.exec()
