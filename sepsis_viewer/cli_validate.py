"""`sepsis-viewer validate FILE...`: every problem, located, and never a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

from sepsis_viewer.content import ContentError, load_content


def summary(content) -> str:
    """One line that says what a valid file holds."""
    return (
        f"{len(content.stages)} stages, {len(content.mechanisms)} mechanisms, "
        f"{len(content.infection_sources)} infection sources, {len(content.risk_groups)} risk groups, "
        f"{len(content.figures)} figures, {len(content.references)} references "
        f"(content {content.content_version}, language {content.language}, "
        f"last reviewed {content.last_reviewed})"
    )


def run(files: list[str]) -> int:
    """Check each file; 0 if all are valid, 1 if any is not, 2 if no file was named."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")  # odd bytes in a file name must not crash
    if not files or files[0] in ("-h", "--help"):
        print("usage: sepsis-viewer validate FILE...\n\nChecks content files and prints every problem "
              "as FILE:LINE:COL: message or FILE: /json/pointer: message.")
        return 0 if files else 2
    ok = True
    for name in files:
        try:
            content = load_content(Path(name))
        except ContentError as exc:
            ok = False
            for problem in exc.problems:
                print(problem)
        except Exception as exc:  # noqa: BLE001 - a validator must answer for any input
            ok = False
            print(f"{name}: could not be checked ({type(exc).__name__}: {exc})")
        else:
            differences = translation_problems(Path(name), name, content.language)
            if differences:
                ok = False
                for problem in differences:
                    print(problem)
            else:
                print(f"{name}: valid: {summary(content)}")
    return 0 if ok else 1


def translation_problems(path: Path, name: str, language: str) -> list:
    """A file in another language than English, checked against the English base: the same ids,
    every text there and nothing extra, the same figures."""
    from sepsis_viewer import paths
    from sepsis_viewer.content.loader import read_document
    from sepsis_viewer.content.locales import locale_problems

    base_path = paths.bundled_content_path("en")
    if language == "en" or path.resolve() == base_path.resolve():
        return []
    return locale_problems(read_document(path, name), read_document(base_path), name)
