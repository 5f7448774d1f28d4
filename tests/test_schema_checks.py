"""The bundled content is checked against the schema here and at build time; a start does not
import jsonschema for it. A user's file is checked against the schema in full, every time."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from sepsis_viewer import paths
from sepsis_viewer.content import ContentError, load_content, loader, validate_file
from sepsis_viewer.content.validate import schema_problems

BUNDLED = sorted(p for p in paths.content_dir().glob("*.json") if p != paths.schema_path())


def test_every_language_is_bundled():
    assert [p.stem for p in BUNDLED] == ["en", "es", "fr"]


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_every_bundled_file_passes_the_schema_in_full(path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert schema_problems(doc, path.name) == []
    assert validate_file(path) == []


def test_the_schema_is_a_valid_draft_2020_12_schema():
    # Checked here rather than on every start (it took some 50 ms there).
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(json.loads(paths.schema_path().read_text(encoding="utf-8")))


@pytest.fixture
def schema_checks(monkeypatch):
    """The files checked against the schema, in order."""
    checked = []

    def counting(doc, file):
        checked.append(file)
        return schema_problems(doc, file)

    monkeypatch.setattr(loader, "schema_problems", counting)
    return checked


def test_the_bundled_content_by_language_skips_the_schema_and_a_path_never_does(schema_checks):
    load_content()
    load_content(lang="fr")
    assert schema_checks == []
    named = paths.bundled_content_path("fr")
    load_content(named)
    assert validate_file(named) == [] and validate_file(named) == []
    assert schema_checks == [str(named)] * 3


def test_a_users_file_gets_every_schema_problem_every_time(schema_checks, write_content):
    path = write_content(lambda d: d["stages"][1].update(titel="x"))
    first = validate_file(path)
    assert [str(p) for p in first] == [f'{path}: /stages/1/titel: unknown field (did you mean "title"?)']
    assert validate_file(path) == first
    with pytest.raises(ContentError):
        load_content(path)
    assert schema_checks == [str(path)] * 3


@pytest.mark.parametrize("code, imported", [
    ("c.load_content()", False),
    ("c.load_content(lang='es')", False),
    ("c.load_content(sepsis_viewer.paths.bundled_content_path())", True),
])
def test_only_a_file_named_by_its_path_imports_jsonschema(code, imported):
    script = f"import sys, sepsis_viewer.paths, sepsis_viewer.content as c; {code}; print('jsonschema' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == str(imported)
