"""Remembers which documents passed the schema, so that a start-up need not check them again.

Checking a document against the JSON Schema took more than half of a start-up: importing
jsonschema and walking the schema cost some 120 ms, every time, for the same bundled file. Whether
a document passes depends only on its bytes and on the schema's bytes, so a pass is remembered as
an empty file named by a hash of both, in the user's cache folder. A failure is never remembered:
a broken file is checked in full each time and every problem is reported as before. The checks
that look outside the document (icons on disk) are not covered here and run on every load.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from sepsis_viewer import paths
from sepsis_viewer.cache_files import cache_folder, keep_newest, note_failure, sha256
from sepsis_viewer.content.problems import Problem
from sepsis_viewer.content.validate import schema_problems

# Bump when what counts as passing changes without the schema file changing (say, the validator's
# format checks); a new install of the validator's code starts afresh anyway (see _schema_digest).
_RULES = "1"
_KEEP = 64  # remembered passes; one per content file a person edits and reloads, so few


def schema_problems_remembered(doc: Any, data: bytes, file: str) -> list[Problem]:
    """The schema's problems with a document parsed from `data`; none at once for a known pass."""
    folder, key = cache_folder("schema-passed"), _key(data)
    if folder is not None and (folder / key).is_file():
        return []
    problems = schema_problems(doc, file)
    if not problems and folder is not None:
        _remember(folder, key)
    return problems


def _key(data: bytes) -> str:
    digest = sha256(_schema_digest())
    digest.update(data)
    return digest.hexdigest()


@cache
def _schema_digest() -> bytes:
    header = f"sepsis-viewer rules {_RULES} code {_code_stamp()}\n".encode()
    return sha256(header + paths.schema_path().read_bytes()).digest()


def _code_stamp() -> str:
    """What changes when the validator's code does: its file's size and time, a new install too."""
    try:
        code = Path(schema_problems.__code__.co_filename).stat()
    except OSError:
        # A frozen bundle keeps no source files; its version (from its metadata) stands in.
        from sepsis_viewer.version import app_version

        return f"version {app_version()}"
    return f"{code.st_size}:{code.st_mtime_ns}"


def _remember(folder: Path, key: str) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / key).touch()
        keep_newest(folder, _KEEP)
    except OSError as exc:
        note_failure(folder, "a schema pass", exc)
