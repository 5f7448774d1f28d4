"""`sepsis-viewer check-config FILE...`: the waiting room's configuration files checked, every
problem located, before they are pushed to the screens. No Qt, and never a traceback."""

from __future__ import annotations

from pathlib import Path

from sepsis_viewer.kiosk_config import ConfigError, KioskConfig, load_config


def summary(config: KioskConfig) -> str:
    """One line that says what a valid file sets."""
    parts = [f"languages {', '.join(config.languages)}" if config.languages else "the system's language",
             f"number {config.emergency_number}" if config.emergency_number else
             "no number (the screen says: tell a member of staff, or call your local emergency number)"]
    if config.message:
        parts.append("a message")
    if config.link:
        parts.append(f"a QR code of {config.link}")
    parts.append("opening hours" if config.hours else "always on")
    if config.content:
        parts.append(f"content {config.content}")
    return "; ".join(parts)


def example_path(paths) -> Path:
    """The documented example configuration that ships with the app."""
    return paths.data_dir("resources") / "kiosk" / "example.toml"


def run(files: list[str]) -> int:
    """Check each file; 0 if all can be used, 1 if any cannot, 2 if no file was named."""
    if not files or files[0] in ("-h", "--help"):
        print("usage: sepsis-viewer check-config FILE...\n       sepsis-viewer check-config --example\n\n"
              "Checks waiting-room configuration files (sepsis-viewer --kiosk --config FILE) and prints every "
              "problem as FILE:LINE:COL: key: problem. --example prints the documented example file.")
        return 0 if files else 2
    if files == ["--example"]:
        from sepsis_viewer import paths

        print(example_path(paths).read_text(encoding="utf-8"), end="")
        return 0
    ok = True
    for name in files:
        try:
            config = load_config(Path(name))
        except ConfigError as exc:
            ok = False
            for problem in exc.problems:
                print(problem)
        else:
            print(f"{name}: valid: {summary(config)}")
    return 0 if ok else 1
