"""PySide is told up front which modules it need not read, and nothing of the app needs reading."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import sepsis_viewer
from sepsis_viewer.ui.widgets.source_scan import NOT_SWITCHING, own_modules

PACKAGE = Path(sepsis_viewer.__file__).parent


def test_own_modules_names_every_module_of_the_app():
    files = {path.relative_to(PACKAGE.parent).with_suffix("") for path in PACKAGE.rglob("*.py")}
    expected = {".".join(f.parts[:-1] if f.name == "__init__" else f.parts) for f in files}
    assert set(own_modules()) == expected


def test_no_module_of_the_app_uses_pyside_features():
    """The premise of skip_source_scan: what PySide would find by reading makes no difference."""
    users = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([node.module] if isinstance(node, ast.ImportFrom)
                     else [a.name for a in node.names] if isinstance(node, ast.Import) else [])
            if "__feature__" in names:
                users.append(path.name)
    assert users == []


def test_pyside_knows_the_standard_library_and_the_app_without_reading_them():
    code = """
import sys
from sepsis_viewer.ui.widgets.source_scan import skip_source_scan

added = skip_source_scan()
table = sys.modules["__feature__"].pyside_feature_dict
names = ("typing", "datetime", "logging", "collections.abc", "sepsis_viewer.ui.desktop.main_window",
         "sepsis_viewer.content.model")
print(added > 300, [table[name] for name in names], skip_source_scan())
"""
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["True", *f"{[NOT_SWITCHING] * 6}".split(), "0"]


def test_a_start_reads_the_source_of_no_module_of_its_own(tmp_path):
    """From the moment PySide is imported (in skip_source_scan) to the first frame; json's parts aside."""
    code = """
import sys
import sepsis_viewer.ui.widgets.source_scan as scan

read = []
skip = scan.skip_source_scan


def skip_and_watch():
    added = skip()
    feature = sys.modules["shibokensupport.feature"]
    real = feature._mod_uses_pyside
    feature._mod_uses_pyside = lambda module: read.append(module.__name__) or real(module)
    return added


scan.skip_source_scan = skip_and_watch
from sepsis_viewer.app import main

main(["--screenshot", sys.argv[1], "--size", "1024x768"])
print(",".join(name for name in read if name.split(".")[0] in ("sepsis_viewer", *sys.stdlib_module_names)
               and name not in ("json.decoder", "json.encoder", "json.scanner")))
"""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    # The second start: the first also checks the content against its schema (jsonschema, once).
    runs = [subprocess.run([sys.executable, "-c", code, str(tmp_path / "shot.png")], capture_output=True,
                           text=True, check=True, env=env) for _ in range(2)]
    assert runs[1].stdout.strip() == ""


def test_a_package_folder_that_cannot_be_listed_names_only_the_package(monkeypatch, tmp_path):
    """As in a frozen bundle, whose modules live in an archive."""
    monkeypatch.setattr(sepsis_viewer, "__path__", [str(tmp_path / "not-there")])
    assert own_modules() == ["sepsis_viewer"]
