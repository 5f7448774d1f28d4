"""PySide reads the source of every module imported after it: spare it ours and the standard library's."""

from __future__ import annotations

import os
import sys

import sepsis_viewer

#: What PySide records for a module that does not import it: "ignore this module when switching".
NOT_SWITCHING = -1


def skip_source_scan() -> int:
    """Tell PySide up front that neither this app nor the standard library uses its `__feature__`.

    Once PySide6 is imported, every import statement that names a module it has not seen yet makes
    it read that module's whole source file, looking for the word "PySide6". That is how it decides
    whether the module may turn on `from __feature__ import snake_case`, which changes how Qt's
    names look to that module alone. Reading typing, logging, datetime, pathlib and our own forty
    modules cost about 6 ms of a 190 ms start. No module of this app uses `__feature__` (a test
    checks), so the answer for all of them is the one PySide gives a module that does not import
    it. This writes that answer into PySide's table before it asks; a PySide without that table
    is left alone. Call it before the first import of PySide6.QtWidgets, which itself reads a dozen.
    Returns how many names were added.
    """
    import PySide6.QtCore  # noqa: F401 - it puts the hook and its table in place

    table = getattr(sys.modules.get("__feature__"), "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return 0
    before = len(table)
    stdlib = sys.stdlib_module_names
    for name in (*stdlib, *sys.modules):
        if name.partition(".")[0] in stdlib:
            table.setdefault(name, NOT_SWITCHING)
    for name in own_modules():
        table.setdefault(name, NOT_SWITCHING)
    return len(table) - before


def own_modules() -> list[str]:
    """The dotted names of this app's modules and packages, from its folders (nothing is imported)."""
    names = []
    folders = [(sepsis_viewer.__name__, sepsis_viewer.__path__[0])]
    while folders:
        package, folder = folders.pop()
        names.append(package)
        try:
            entries = list(os.scandir(folder))
        except OSError:  # a frozen bundle keeps its modules in an archive: PySide reads nothing there
            continue
        for entry in entries:
            if entry.name.endswith(".py") and entry.name != "__init__.py":
                names.append(f"{package}.{entry.name[:-3]}")
            elif entry.is_dir() and os.path.isfile(os.path.join(entry.path, "__init__.py")):
                folders.append((f"{package}.{entry.name}", entry.path))
    return names
