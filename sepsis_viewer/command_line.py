"""The command line's options: what each one accepts, and its help text. No Qt here."""

from __future__ import annotations

import argparse
import re
from pathlib import Path


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{3,5})\s*[xX×]\s*(\d{3,5})\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size such as 1920x1080")
    width, height = int(match[1]), int(match[2])
    if not (320 <= width <= 8192 and 240 <= height <= 8192):
        raise argparse.ArgumentTypeError(f"{text!r} is outside 320x240 to 8192x8192")
    return width, height


class _VersionAction(argparse.Action):
    """--version, looked up only when asked for (the lookup costs a start-up 30 ms)."""

    def __call__(self, parser, namespace, values, option_string=None):
        from sepsis_viewer.version import app_version

        print(f"{parser.prog} {app_version()}")
        parser.exit()


def emergency_number(text: str) -> str:
    """A number to call as typed (2 to 8 digits); argparse.ArgumentTypeError if it is not one."""
    if not re.fullmatch(r"[0-9]{2,8}", text.strip()):
        raise argparse.ArgumentTypeError(f"{text!r} is not an emergency number (2 to 8 digits, e.g. 112)")
    return text.strip()


def number_in(convert, low: float, high: float, noun: str, unit: str = ""):
    """An argparse type: `convert(text)`, refused with a plain message outside low..high."""

    def parse(text: str):
        try:
            value = convert(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {noun}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text.strip()} is outside {low:g} to {high:g}{unit}")
        return value

    return parse


def seconds_in(low: float, high: float):
    """An argparse type for a number of seconds from low to high (the configuration file's too)."""
    return number_in(float, low, high, "a number of seconds", " seconds")


# The waiting room's timings, on the command line and in the configuration file alike.
DWELL_LIMITS = (1, 3600)
IDLE_LIMITS = (5, 86400)
DEFAULT_IDLE = 60.0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sepsis-viewer",
        description="An infographic that explains sepsis: how it happens, where the infection starts "
        "and who is at higher risk. Educational, not medical advice.",
        epilog="Also: 'sepsis-viewer validate FILE...' checks content files and prints every problem; "
        "'sepsis-viewer export-handout OUT.pdf [--lang CODE] [--paper a4|letter] [--png OUT.png --dpi 300]' "
        "writes the printable handout.",
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="print the version and exit")
    parser.add_argument("--content", metavar="FILE", type=Path,
                        help="show this content file instead of the built-in one (if it is invalid, the "
                        "built-in content is shown with a warning)")
    parser.add_argument("--screenshot", metavar="OUT.png", type=Path,
                        help="render the window to a PNG file and exit (works without a display)")
    parser.add_argument("--size", metavar="WxH", type=_size, default=(1280, 800),
                        help="window size for --screenshot (default 1280x800)")
    parser.add_argument("--lang", metavar="CODE",
                        help="language of the words on screen (default: the system's, where there is "
                        "content in it, else English)")
    parser.add_argument("--emergency-number", metavar="NUMBER", type=emergency_number,
                        help="the number to call shown on screen (default: the content file's, else the "
                        "one for the computer's region; 112 where unknown)")
    parser.add_argument("--projector", action="store_true",
                        help="classroom projector mode: full screen on the projector, presenter view on the "
                        "laptop; press ? for the keys")
    parser.add_argument("--screen", metavar="N|NAME",
                        help="the screen for the projector or waiting-room view, by index or name "
                        "(see --list-screens)")
    kiosk = parser.add_argument_group("waiting-room mode (quit with Ctrl+Alt+Q)")
    kiosk.add_argument("--kiosk", action="store_true",
                       help="loop the tour full screen, unattended; a touch, click or key pauses it")
    kiosk.add_argument("--config", metavar="FILE", type=Path,
                       help="the clinic's configuration file (TOML: the number to call, languages, "
                       "message, QR code, opening hours...; see resources/kiosk/example.toml), watched "
                       "for changes; the options here override it")
    kiosk.add_argument("--dwell", metavar="SECONDS", type=seconds_in(*DWELL_LIMITS),
                       help="seconds on each screen (default: from the amount of text, 8 to 25)")
    kiosk.add_argument("--idle", metavar="SECONDS", type=seconds_in(*IDLE_LIMITS),
                       help="seconds without input before the loop returns (default 60)")
    kiosk.add_argument("--langs", metavar="en,es",
                       help="languages that take turns, one loop each (default: the content's own)")
    kiosk.add_argument("--reduced-motion", action="store_true",
                       help="no fades and no moving progress line (also when the desktop turns effects off)")
    parser.add_argument("--list-screens", action="store_true", help="print the screens and exit")
    parser.add_argument("--select", metavar="ID",
                        help="start with this stage, panel or item selected (e.g. septic-shock, lungs, "
                        "risk_groups, numbers, call-to-action, about); with --kiosk, ID#N shows the Nth "
                        "screen of a step that takes several (septic-shock#2)")
    _add_install_options(parser)
    return parser


def _add_install_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--install-desktop-entry", action="store_true",
                       help="add Sepsis Viewer to this user's Linux applications menu, with its icon, and exit")
    group.add_argument("--uninstall-desktop-entry", action="store_true",
                       help="remove what --install-desktop-entry added, and exit")
