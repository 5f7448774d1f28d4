"""Command line and start-up: `main(argv=None) -> int`. Nothing happens at import time."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from sepsis_viewer.command_line import build_parser
from sepsis_viewer.setting import Setting, load_for_start


ORGANISATION = "Sepsis Viewer"
APPLICATION = "sepsis-viewer"
_log = logging.getLogger("sepsis_viewer")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the process exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="sepsis-viewer: %(levelname)s: %(message)s")
    if argv[:1] == ["validate"]:
        from sepsis_viewer.cli_validate import run

        return run(argv[1:])
    if argv[:1] == ["check-config"]:
        from sepsis_viewer.cli_check_config import run as check_config

        return check_config(argv[1:])
    if argv[:1] == ["export-handout"]:
        from sepsis_viewer.cli_handout import run as export_handout

        return export_handout(argv[1:])
    if argv[:1] == ["review-sheet"]:
        from sepsis_viewer.cli_review_sheet import run as review_sheet

        return review_sheet(argv[1:])
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        return int(exc.code or 0)
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        return _run_desktop_entry(args)
    return _run_window(args)


def _run_desktop_entry(args: argparse.Namespace) -> int:
    """Install or remove the menu entry: no window, just files, each one printed."""
    from sepsis_viewer import desktop_entry

    return desktop_entry.install() if args.install_desktop_entry else desktop_entry.uninstall()


def _present_as_installed_app(app) -> None:
    """The app icon on every window, and the desktop entry that Wayland matches windows to."""
    from sepsis_viewer.paths import APP_ID
    from sepsis_viewer.ui.widgets.app_icon import app_icon

    app.setWindowIcon(app_icon())
    app.setDesktopFileName(APP_ID)


def _install_crash_reports() -> None:
    """From here on an unexpected error writes a report to the log folder and shows a plain message."""
    from sepsis_viewer.crash import install_crash_handler
    from sepsis_viewer.ui.desktop import crash_dialog

    # Looked up at crash time, so that a test can stand in for the dialog.
    install_crash_handler(lambda text: crash_dialog.show_crash_message(text))




def create_window(content_path: Path | None = None, *, remember_geometry: bool = True,
                  setting: Setting | None = None):
    """The desktop window for a content file (or the bundled one), with a warning if it was refused."""
    from sepsis_viewer.languages import available_languages
    from sepsis_viewer.ui.desktop.main_window import MainWindow

    setting = setting or Setting()
    content, warning = load_for_start(content_path, setting)
    window = MainWindow(content, setting=setting, remember_geometry=remember_geometry,
                        languages=available_languages())
    if warning:
        window.show_warning(warning)
    return window


def _check_language(setting: Setting) -> bool:
    from sepsis_viewer.languages import available_languages

    if setting.language in available_languages():
        return True
    print(f"sepsis-viewer: --lang: no content in {setting.language!r}; the languages are: "
          f"{', '.join(available_languages())}", file=sys.stderr)
    return False


def _run_window(args: argparse.Namespace) -> int:
    from sepsis_viewer import collector

    collector.hold()  # until the window is up: see collector.py
    if (args.screenshot or args.list_screens) and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # neither needs a display
    if args.screenshot:
        from sepsis_viewer.scratch import matplotlib_in_scratch

        matplotlib_in_scratch()  # a screenshot of a chart writes the PNG and nothing else
    from PySide6.QtWidgets import QApplication

    from sepsis_viewer.content import ContentError
    from sepsis_viewer.ui.widgets.qt_messages import quiet_offscreen_noise

    quiet_offscreen_noise()
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "sepsis-viewer"])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    if args.list_screens:
        from sepsis_viewer.ui.widgets.screens import describe_screens

        print("\n".join(describe_screens()))
        return 0
    _present_as_installed_app(app)
    if args.kiosk:
        setting = Setting.from_system(args)
        return _run_kiosk(args, app, setting) if _check_language(setting) else 2
    if not args.screenshot:
        _install_crash_reports()
    setting = Setting.from_system(args)
    if not _check_language(setting):
        return 2
    try:
        if args.projector:
            return _run_projector(args, app, setting)
        window = create_window(args.content, remember_geometry=not args.screenshot, setting=setting)
    except ContentError as exc:  # only a damaged installation gets here
        print(f"sepsis-viewer: the built-in content is damaged: {exc}", file=sys.stderr)
        return 1
    if args.select and not _select(window, window.tour, args.select):
        return 2
    if args.screenshot:
        return _screenshot(window, args)
    window.show()
    collector.release()
    return app.exec()


def _select(target, tour, step_id: str, allow_about: bool = True) -> bool:
    """Select a step by id, or say which ids there are."""
    if tour.has(step_id) or (allow_about and step_id == "about"):
        target.select(step_id)
        return True
    ids = ", ".join(step.id for step in tour.steps) + (", about" if allow_about else "")
    print(f"sepsis-viewer: --select: no such id {step_id!r}; choose one of: {ids}", file=sys.stderr)
    return False


def _screenshot(window, args: argparse.Namespace) -> int:
    from PySide6.QtCore import QSize

    from sepsis_viewer.ui.widgets.screenshot import save_screenshot

    from sepsis_viewer import collector

    try:
        save_screenshot(window, args.screenshot, QSize(*args.size))
    except OSError as exc:
        print(f"sepsis-viewer: {exc}", file=sys.stderr)
        return 1
    finally:
        collector.release()  # also spares the exit a walk over every object
    return 0


def _run_projector(args: argparse.Namespace, app, setting: Setting) -> int:
    content, warning = load_for_start(args.content, setting)
    if warning:
        _log.warning("%s", warning)
    if args.screenshot:
        from sepsis_viewer.ui.projector.audience import AudienceView
        from sepsis_viewer.ui.widgets.fonts import register_fonts
        from sepsis_viewer.ui.projector.control import ProjectorController

        controller = ProjectorController(content)
        view = AudienceView(content, controller, register_fonts())
        if args.select and not _select(controller, controller.position, args.select, allow_about=False):
            return 2
        return _screenshot(view, args)
    from sepsis_viewer.ui.projector.session import ProjectorSession
    from sepsis_viewer.ui.widgets.screens import ScreenChoiceError, audience_screen

    try:
        audience_screen(args.screen)  # a --screen that names no screen is a usage error
    except ScreenChoiceError as exc:
        print(f"sepsis-viewer: --screen: {exc}", file=sys.stderr)
        return 2
    session = ProjectorSession(content, args.screen)
    if args.select and not _select(session.controller, session.controller.position, args.select,
                                   allow_about=False):
        return 2
    session.start()
    from sepsis_viewer import collector

    collector.release()  # collecting as usual for weeks of running
    return app.exec()


def _select_screen(window, spec: str) -> bool:
    """A waiting-room screen by step id, or "ID#N" for the Nth screen of a step split over several
    (as many as it has at the screenshot's size: the last if fewer)."""
    step_id, _, part = spec.partition("#")
    if part and not (part.isdigit() and int(part) >= 1):
        print(f"sepsis-viewer: --select: {spec!r}: the screen after # is a number from 1", file=sys.stderr)
        return False
    if not _select(window, window.tour, step_id, allow_about=False):
        return False
    window.select(step_id, int(part or 1) - 1)
    return True


def _kiosk_contents(args: argparse.Namespace, setting: Setting | None = None) -> tuple[list, str | None]:
    """The contents that take turns (one per language), and a warning if one was set aside."""
    from sepsis_viewer.kiosk_config import KioskConfig, with_command_line
    from sepsis_viewer.setting import waiting_room_contents

    return waiting_room_contents(with_command_line(KioskConfig(), args), setting or Setting())


def kiosk_config(args: argparse.Namespace):
    """The waiting room's configuration: the --config file with the command line over it, and a
    warning if the file could not be used (then the defaults, and the file is watched for a fix)."""
    from sepsis_viewer.kiosk_config import ConfigError, KioskConfig, load_config, with_command_line
    from sepsis_viewer.strings import ui

    config, warning = KioskConfig(), None
    if args.config is not None:
        try:
            config = load_config(args.config)
        except ConfigError as exc:
            for problem in exc.problems:
                _log.warning("%s", problem)
            warning = ui("kiosk_bad_config", problem=str(exc.first))
    return with_command_line(config, args), warning


def _run_kiosk(args: argparse.Namespace, app, setting: Setting) -> int:
    from sepsis_viewer.crash import install_crash_handler
    from sepsis_viewer.kiosk_config import load_config, with_command_line
    from sepsis_viewer.logfile import install_log_file
    from sepsis_viewer.ui.kiosk.session import KioskSession
    from sepsis_viewer.setting import waiting_room_contents, waiting_room_setting
    from sepsis_viewer.waiting_room import warn_if_no_number

    if not args.screenshot:
        log_file = install_log_file()
        _log.info("waiting-room mode; log file %s", log_file)
        # Never a dialog on an unattended screen: the report goes to the log folder only.
        install_crash_handler(lambda text: _log.error("unexpected error; report written: %s", text))
    config, config_warning = kiosk_config(args)
    # The number is the clinic's, never the region's: see WaitingRoomSetting.
    setting = waiting_room_setting(config, setting)
    contents, warning = waiting_room_contents(config, setting)
    warn_if_no_number(contents)
    session = KioskSession(contents, setting=setting, config=config, warning=config_warning or warning,
                           config_file=args.config,
                           load_config=lambda path: with_command_line(load_config(path), args))
    if args.screenshot:
        window = session.window
        if args.select and not _select_screen(window, args.select):
            return 2
        session.strip.set_fraction(0.4)  # the look of a screen part-way through its time
        return _screenshot(window, args)
    if args.select:
        _log.warning("--select is for screenshots; the loop starts at the beginning")
    session.start()
    from sepsis_viewer import collector

    collector.release()  # collecting as usual for weeks of running
    return app.exec()
