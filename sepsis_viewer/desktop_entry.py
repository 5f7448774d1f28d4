"""`--install-desktop-entry`: put Sepsis Viewer in a Linux desktop's application menu, for one user.

Files go under the user's XDG data folder, as the XDG Base Directory, Desktop Entry, Icon Theme
and AppStream specifications expect: applications/, icons/hicolor/<size>/apps/ and metainfo/.
No Qt here: installing a menu entry needs no window.
"""

from __future__ import annotations

import os
import shutil
import sys
import sysconfig
from collections.abc import Callable
from pathlib import Path

import platformdirs

from sepsis_viewer import paths
from sepsis_viewer.record import Record

COMMAND = "sepsis-viewer"
# Characters that the Desktop Entry specification says force an Exec argument into quotes.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


class PlannedFile(Record):
    """One file to install: where it comes from and where it goes."""

    source: Path
    target: Path


def data_home() -> Path:
    """$XDG_DATA_HOME, or ~/.local/share when it is unset or not absolute (as the spec says)."""
    return platformdirs.user_data_path()


def planned_files(home: Path | None = None) -> list[PlannedFile]:
    """Every file the menu entry consists of, in install order (the entry itself last)."""
    home = home or data_home()
    app_id = paths.APP_ID
    hicolor = home / "icons" / "hicolor"
    files = [PlannedFile(paths.app_icon_png(size), hicolor / f"{size}x{size}" / "apps" / f"{app_id}.png")
             for size in paths.ICON_SIZES]
    files.append(PlannedFile(paths.app_icon_svg(), hicolor / "scalable" / "apps" / f"{app_id}.svg"))
    files.append(PlannedFile(paths.app_files_dir() / f"{app_id}.metainfo.xml",
                             home / "metainfo" / f"{app_id}.metainfo.xml"))
    # Last, so that a menu never shows an entry whose icon is not there yet.
    files.append(PlannedFile(paths.app_files_dir() / f"{app_id}.desktop",
                             home / "applications" / f"{app_id}.desktop"))
    return files


def launch_command() -> list[str]:
    """The program a menu should start: the installed executable, never a bare name on PATH."""
    if getattr(sys, "frozen", False):
        return [sys.executable]  # the bundle's own executable
    candidates = []
    if sys.argv and Path(sys.argv[0]).name == COMMAND:
        candidates.append(Path(sys.argv[0]))
    # pip puts the script beside the interpreter (a venv, a system install) or in the user scheme.
    candidates.append(Path(sys.executable).parent / COMMAND)
    candidates.append(Path(sysconfig.get_path("scripts", f"{os.name}_user")) / COMMAND)
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return [str(candidate.absolute())]
    # No script found (a checkout that was never installed): the interpreter can still run it.
    return [str(Path(sys.executable).absolute()), "-m", "sepsis_viewer"]


def exec_value(argv: list[str]) -> str:
    """A command line written as the value of an Exec key (quoting, then string escapes)."""
    if "=" in argv[0] or any(ord(ch) < 32 for arg in argv for ch in arg):
        raise ValueError(f"a menu entry cannot start a program from {argv[0]!r}")
    words = []
    for arg in argv:
        if any(ch in _RESERVED for ch in arg):
            arg = '"' + "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg) + '"'
        words.append(arg.replace("%", "%%"))
    # The general string escape rule applies on top of the quoting: a backslash becomes two.
    return " ".join(words).replace("\\", "\\\\")


def desktop_entry_text(template: str, argv: list[str]) -> str:
    """The bundled desktop entry with every Exec line pointed at `argv` instead of the bare name."""
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec=") and (line == f"Exec={COMMAND}" or line.startswith(f"Exec={COMMAND} ")):
            line = "Exec=" + exec_value(argv) + line[len(f"Exec={COMMAND}"):]
        lines.append(line)
    return "\n".join(lines) + "\n"


def install(home: Path | None = None, out: Callable[[str], object] = print) -> int:
    """Install the entry, its icons and metainfo; prints each file; returns an exit status."""
    if refusal := _not_for_this_platform():
        out(refusal)
        return 1
    try:
        argv = launch_command()
        entry = desktop_entry_text(_entry_template(), argv)
    except (OSError, ValueError) as exc:
        out(f"sepsis-viewer: could not prepare the menu entry: {exc}")
        return 1
    written: list[Path] = []
    try:
        for planned in planned_files(home):
            planned.target.parent.mkdir(parents=True, exist_ok=True)
            if planned.target.suffix == ".desktop":
                planned.target.write_text(entry, encoding="utf-8")
            else:
                shutil.copyfile(planned.source, planned.target)
            written.append(planned.target)
    except OSError as exc:
        for path in written:  # leave nothing half-installed behind
            path.unlink(missing_ok=True)
        out(f"sepsis-viewer: could not install the menu entry: {exc}")
        return 1
    _nudge_icon_theme(home)
    for path in written:
        out(f"installed {path}")
    out(f"Sepsis Viewer is now in the applications menu; it starts {' '.join(argv)}")
    return 0


def uninstall(home: Path | None = None, out: Callable[[str], object] = print) -> int:
    """Remove exactly the files that install() puts in place; prints each; returns an exit status."""
    if refusal := _not_for_this_platform():
        out(refusal)
        return 1
    removed = []
    try:
        for planned in planned_files(home):
            if planned.target.is_file() or planned.target.is_symlink():
                planned.target.unlink()
                removed.append(planned.target)
    except OSError as exc:
        out(f"sepsis-viewer: could not remove the menu entry: {exc}")
        return 1
    for path in removed:
        out(f"removed {path}")
    if not removed:
        out(f"Nothing to remove: no Sepsis Viewer menu entry is installed under {home or data_home()}")
    else:
        _nudge_icon_theme(home)
        out("Sepsis Viewer is no longer in the applications menu")
    return 0


def _entry_template() -> str:
    return (paths.app_files_dir() / f"{paths.APP_ID}.desktop").read_text(encoding="utf-8")


def _not_for_this_platform() -> str | None:
    if sys.platform in ("win32", "darwin"):
        return ("sepsis-viewer: menu entries are for Linux desktops; on Windows and macOS, start the "
                "bundle (see the README's install section)")
    return None


def _nudge_icon_theme(home: Path | None) -> None:
    # Icon lookups cache a theme folder until its modification time changes.
    hicolor = (home or data_home()) / "icons" / "hicolor"
    try:
        os.utime(hicolor)
    except OSError:
        pass
