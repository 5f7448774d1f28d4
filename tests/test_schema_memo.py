"""Schema passes are remembered, so a start-up skips jsonschema; failures are checked in full every time."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from sepsis_viewer import paths
from sepsis_viewer.content import ContentError, load_content, validate_file
from sepsis_viewer.content import schema_memo, validate


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty cache folder of its own, and a count of full schema checks."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    checks = []
    real = validate.schema_problems

    def counting(doc, file):
        checks.append(file)
        return real(doc, file)

    monkeypatch.setattr(schema_memo, "schema_problems", counting)
    return checks


def test_a_valid_file_is_checked_against_the_schema_once(cache, write_content):
    path = write_content()
    assert validate_file(path) == [] and validate_file(path) == []
    assert load_content(path).stages
    assert len(cache) == 1


def test_an_invalid_file_is_checked_in_full_every_time(cache, write_content):
    path = write_content(lambda d: d["stages"][1].update(titel="x"))
    first = validate_file(path)
    assert first and validate_file(path) == first
    assert len(cache) == 2


def test_a_changed_byte_is_checked_again(cache, write_content):
    validate_file(write_content())
    path = write_content(lambda d: d["stages"][0].update(summary=d["stages"][0]["summary"] + "!"))
    assert validate_file(path) == []
    assert len(cache) == 2


def test_a_remembered_file_still_gets_the_checks_outside_the_document(cache, write_content, tmp_path):
    (tmp_path / "mine.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    path = write_content(lambda d: d["stages"][0].update(icon="mine.svg"))
    assert validate_file(path) == []
    (tmp_path / "mine.svg").unlink()
    assert "does not exist" in str(validate_file(path)[0])
    with pytest.raises(ContentError):
        load_content(path)
    assert len(cache) == 1


def test_another_schema_forgets_what_was_remembered(cache, write_content, monkeypatch, tmp_path):
    path = write_content()
    validate_file(path)
    schema = json.loads(paths.schema_path().read_text(encoding="utf-8"))
    schema["description"] = "changed"
    changed = tmp_path / "changed.schema.json"
    changed.write_text(json.dumps(schema), encoding="utf-8")
    monkeypatch.setattr(paths, "schema_path", lambda: changed)
    monkeypatch.setattr(schema_memo, "_schema_digest", schema_memo._schema_digest.__wrapped__)
    validate_file(path)
    assert len(cache) == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_a_read_only_cache_folder_only_costs_time(cache, write_content, tmp_path):
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache").chmod(0o500)
    try:
        path = write_content()
        assert validate_file(path) == [] and validate_file(path) == []
        assert len(cache) == 2
    finally:
        (tmp_path / "cache").chmod(0o700)


def test_a_cache_path_that_is_a_file_only_costs_time(cache, write_content, tmp_path):
    (tmp_path / "cache").write_text("not a folder")
    path = write_content()
    assert validate_file(path) == [] and validate_file(path) == []
    assert len(cache) == 2


def test_only_the_newest_passes_are_kept(cache, write_content, monkeypatch):
    monkeypatch.setattr(schema_memo, "_KEEP", 3)
    for n in range(5):
        validate_file(write_content(lambda d, n=n: d.update(content_version=f"1.{n}")))
    assert len(list((paths.cache_dir() / "schema-passed").iterdir())) == 3


def test_a_second_start_imports_no_jsonschema(tmp_path):
    code = "import sys, sepsis_viewer.content as c; c.load_content(); print('jsonschema' in sys.modules)"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
            for _ in range(2)]
    assert [run.stdout.strip() for run in runs] == ["True", "False"]


def test_the_schema_is_a_valid_draft_2020_12_schema():
    # Checked here rather than on every start (it took some 50 ms there).
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(json.loads(paths.schema_path().read_text(encoding="utf-8")))


@pytest.mark.parametrize("platform, env, expected", [
    ("linux", {"XDG_CACHE_HOME": "/x/cache"}, "/x/cache/sepsis-viewer"),
    ("linux", {"XDG_CACHE_HOME": "relative"}, "~/.cache/sepsis-viewer"),
    ("darwin", {}, "~/Library/Caches/sepsis-viewer"),
    ("win32", {"LOCALAPPDATA": "/c/Users/me/AppData/Local"}, "/c/Users/me/AppData/Local/sepsis-viewer"),
])
def test_the_cache_folder_follows_each_platform(monkeypatch, platform, env, expected):
    monkeypatch.setattr(sys, "platform", platform)
    for name in ("XDG_CACHE_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert paths.cache_dir().as_posix() == os.path.expanduser(expected)


def test_a_bundle_without_source_files_still_loads(monkeypatch):
    from sepsis_viewer.content import schema_memo

    monkeypatch.setattr(schema_memo.Path, "stat", lambda self, **kw: (_ for _ in ()).throw(FileNotFoundError(self)))
    schema_memo._schema_digest.cache_clear()
    try:
        assert schema_memo._code_stamp().startswith("version ")
    finally:
        schema_memo._schema_digest.cache_clear()
