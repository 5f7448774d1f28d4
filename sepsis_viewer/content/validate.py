"""Checks a parsed content document: its schema, then what a schema cannot say."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from sepsis_viewer import paths
from sepsis_viewer.content.assets import AssetProblem, resolve_icon
from sepsis_viewer.content.model import PANEL_IDS
from sepsis_viewer.content.numbers import placeholder_problems, resolved
from sepsis_viewer.content.problems import Problem, json_pointer
from sepsis_viewer.content.validate_charts import chart_problems

# Ids the viewer gives to its own views; content ids must not take them.
RESERVED_IDS = frozenset({"overview", "numbers", "call-to-action", "about", *PANEL_IDS})
_NUMBER_PLACEHOLDER = "{number}"


@cache
def _validator():
    # Imported here so that importing the content package stays cheap.
    from jsonschema import Draft202012Validator, FormatChecker

    # The schema itself is checked against its meta-schema by the tests, not on every start.
    schema = json.loads(paths.schema_path().read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=FormatChecker())


def schema_problems(doc: Any, file: str) -> list[Problem]:
    """Every way the document breaks the schema, in document order, in plain words."""
    errors = sorted(_validator().iter_errors(doc), key=lambda e: [_order(p) for p in e.absolute_path])
    problems = []
    for error in errors:
        for path, message in _explain(error):
            problems.append(Problem(file, message, pointer=json_pointer(path)))
    return problems


def _order(part: str | int) -> tuple:
    return (0, part, "") if isinstance(part, int) else (1, 0, part)


def _explain(error) -> Iterator[tuple[list, str]]:
    path = list(error.absolute_path)
    kind, value, expected = error.validator, error.instance, error.validator_value
    if kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        for name in sorted(set(value) - set(allowed)):
            guess = _close_match(name, allowed)
            hint = f' (did you mean "{guess}"?)' if guess else f" (allowed here: {', '.join(allowed)})"
            yield [*path, name], f"unknown field{hint}"
    elif kind == "required":
        for name in expected:
            if name not in value:
                yield path, f'missing the required field "{name}"'
    elif kind == "type":
        yield path, f"should be {_a(expected)}, not {_a(_json_type(value))}"
    elif kind == "maxLength":
        yield path, f"text is too long ({len(value)} characters; the limit is {expected})"
    elif kind == "minLength":
        yield path, "text is empty"
    elif kind == "pattern":
        yield path, _pattern_message(value, expected, path)
    elif kind == "minItems":
        yield path, f"needs at least {expected} entr{'y' if expected == 1 else 'ies'}"
    elif kind == "maxItems":
        yield path, f"has {len(value)} entries; at most {expected} are allowed"
    elif kind == "uniqueItems":
        yield path, "lists the same entry twice"
    elif kind == "format":
        yield path, f"{json.dumps(value)} is not a date of the form YYYY-MM-DD"
    elif kind == "enum":
        yield path, f"{json.dumps(value)[:40]} is not one of: {', '.join(map(str, expected))}"
    elif kind == "const":
        yield path, f"should be {json.dumps(expected)}, not {json.dumps(value)[:40]}"
    elif kind in ("minimum", "maximum"):
        yield path, f"{value} is out of range ({'at least' if kind == 'minimum' else 'at most'} {expected})"
    else:
        yield path, error.message


def _close_match(word: str, choices: list[str]) -> str | None:
    """The choice the word was most likely meant to be, if any is close."""
    import difflib  # only a file with a problem needs it: kept off the start-up path

    guesses = difflib.get_close_matches(word, choices, n=1)
    return guesses[0] if guesses else None


def _pattern_message(value: str, pattern: str, path: list) -> str:
    field = path[-1] if path else ""
    if "(?=" in pattern:  # the text pattern: something visible, no control characters
        if not value:
            return "text is empty"
        return "text is blank" if not value.strip() else "text holds a control character"
    if field in ("id", "figure") or (len(path) >= 2 and path[-2] in ("sources", "headline_sources")):
        return f"{json.dumps(value)[:60]} is not an id (lower-case letters, digits and single hyphens)"
    if len(path) >= 2 and path[-2] == "organs":
        return f"{json.dumps(value)[:60]} is not an organ id (UBERON_ and seven digits, e.g. UBERON_0002048)"
    if field == "url":
        return f"{json.dumps(value)[:60]} is not an https:// address"
    return f"{json.dumps(value)[:60]} is not of the expected form"


def _a(kind: Any) -> str:
    if isinstance(kind, list):
        return " or ".join(_a(k) for k in kind)
    return {"object": "an object", "array": "a list", "integer": "a whole number"}.get(str(kind), f"a {kind}")


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def meaning_problems(doc: dict, file: str, base_dir: Path) -> list[Problem]:
    """What the schema cannot check: unique ids, references that resolve, safe icons, numbering."""
    problems: list[Problem] = []

    def report(path: list, message: str) -> None:
        problems.append(Problem(file, message, pointer=json_pointer(path)))

    _check_ids(doc, report)
    _check_citations(doc, report)
    _check_icons(doc, base_dir, report)
    _check_organs(doc, report)
    for index, stage in enumerate(doc["stages"]):
        if stage["number"] != index + 1:
            report(["stages", index, "number"], f"stage {index + 1} in the list is numbered {stage['number']}")
    action = doc["call_to_action"]["action"]
    if action.count(_NUMBER_PLACEHOLDER) != 1 or action.replace(_NUMBER_PLACEHOLDER, "").count("{"):
        report(["call_to_action", "action"], 'must hold "{number}" exactly once, where the emergency number goes')
    placeholder_problems(doc, report)
    # A chart's text alternative as a reader gets it: the numbers, with their figures written in
    # (a copy: resolving fills a document in place, and this one is the caller's).
    numbers = {"language": doc["language"], "numbers": copy.deepcopy(doc["numbers"])}
    chart_problems(resolved(numbers), report)
    return problems


def _records(doc: dict) -> Iterator[tuple[list, dict]]:
    """Every object of the document that can carry an id, sources or an icon, with its path."""
    panels = [panel for panel in PANEL_IDS if panel in doc]  # the later panels are optional
    for key in ("intro", "model_note", "numbers", "call_to_action", *panels):
        yield [key], doc[key]
    for i, stage in enumerate(doc["stages"]):
        yield ["stages", i], stage
    for panel in panels:
        for i, item in enumerate(doc[panel]["items"]):
            yield [panel, "items", i], item
    for i, figure in enumerate(doc["numbers"]["figures"]):
        yield ["numbers", "figures", i], figure
    for i, chart in enumerate(doc["numbers"].get("charts", ())):
        yield ["numbers", "charts", i], chart


def _fields(doc: dict, *names: str) -> Iterator[tuple[list, Any]]:
    """Every value of these fields in the document's records, with its path."""
    for path, record in _records(doc):
        for name in names:
            if name in record:
                yield [*path, name], record[name]


def _check_ids(doc: dict, report) -> None:
    seen: dict[str, list] = {}
    for path, ident in _fields(doc, "id"):
        if ident in RESERVED_IDS:
            report(path, f'"{ident}" is reserved for a view of the app; choose another id')
        elif ident in seen:
            report(path, f'the id "{ident}" is already used at {json_pointer(seen[ident])}')
        else:
            seen[ident] = path
    refs: dict[str, int] = {}
    for i, ref in enumerate(doc["references"]):
        if ref["id"] in refs:
            report(["references", i, "id"], f'the reference id "{ref["id"]}" is already used at /references/{refs[ref["id"]]}')
        refs.setdefault(ref["id"], i)


def _check_citations(doc: dict, report) -> None:
    known = {ref["id"] for ref in doc["references"]}
    for path, cited in _fields(doc, "sources", "headline_sources"):
        for j, ref_id in enumerate(cited):
            if ref_id not in known:
                guess = _close_match(ref_id, sorted(known))
                hint = f' (did you mean "{guess}"?)' if guess else ""
                report([*path, j], f'cites "{ref_id}", which is not in /references{hint}')


def _check_organs(doc: dict, report) -> None:
    """Every organ named is one the bundled body map draws (a test keeps ORGAN_NAMES equal to them)."""
    from sepsis_viewer.body_map import ORGAN_NAMES

    for path, organs in _fields(doc, "organs"):
        for j, organ in enumerate(organs):
            if organ not in ORGAN_NAMES:
                known = ", ".join(f"{i} ({name})" for i, name in ORGAN_NAMES.items())
                report([*path, j], f'"{organ}" is not an organ of the body map; it has {known}')


def _check_icons(doc: dict, base_dir: Path, report) -> None:
    bundled = paths.icons_dir()
    for path, value in _fields(doc, "icon"):
        try:
            resolve_icon(value, base_dir, bundled)
        except AssetProblem as exc:
            report(path, str(exc))
