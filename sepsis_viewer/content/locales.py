"""A translation against its English base: the same ids, the same texts, the same figures."""

from __future__ import annotations

import re
from typing import Any

from sepsis_viewer.content.numbers import BRACES
from sepsis_viewer.content.problems import Problem, json_pointer

# A number typed in a text: 1, 38, 2017, 48.9 or 48,9 (the decimal mark differs between languages).
_TYPED_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")

# Not text: a translation must keep these exactly as the base has them.
SAME_AS_BASE = frozenset({"id", "icon", "sources", "headline_sources", "value", "low", "high", "year", "number", "figure",
                          "kind", "url", "format", "content_version", "last_reviewed"})
# Only in one of the two, by design: what a file says of itself (its language, what it translates,
# whether a clinician reviewed it) and a clinic's own number.
OWN = frozenset({"$schema", "language", "translation", "reviewed_by_clinician", "emergency_number"})


def locale_problems(doc: dict, base: dict, file: str) -> list[Problem]:
    """Every id, text or figure in which a translation differs from the base, located."""
    problems: list[Problem] = []

    def report(path: list, message: str) -> None:
        problems.append(Problem(file, message, pointer=json_pointer(path)))

    _compare(doc, base, [], report)
    return problems


def _compare(node: Any, base: Any, path: list, report) -> None:
    if isinstance(base, dict) and isinstance(node, dict):
        _compare_objects(node, base, path, report)
    elif isinstance(base, list) and isinstance(node, list):
        if base and all(isinstance(item, dict) and "id" in item for item in base):
            _compare_records(node, base, path, report)
        elif len(node) != len(base):
            report(path, f"has {len(node)} entries; the English base has {len(base)}")
        else:
            for index, (item, base_item) in enumerate(zip(node, base)):
                _compare(item, base_item, [*path, index], report)
    elif isinstance(base, str) and isinstance(node, str) and path[-1:] != ["unit"]:
        _compare_figures(node, base, path, report)  # a unit may put its "{value}" where its language does


def _figures_said(text: str) -> tuple[list[str], list[str]]:
    """The placeholders of a text, and the numbers typed in it (decimal marks made alike)."""
    placeholders = sorted(BRACES.findall(text))
    typed = sorted(n.replace(",", ".") for n in _TYPED_NUMBER.findall(BRACES.sub(" ", text)))
    return placeholders, typed


def _compare_figures(node: str, base: str, path: list, report) -> None:
    """A translated text must say the same figures as its base: the same placeholders, the same
    numbers typed ("1 in 10" is "1 de cada 10", never "uno de cada diez")."""
    said, base_said = _figures_said(node), _figures_said(base)
    if said[0] != base_said[0]:
        report(path, f"has the placeholders {' '.join(said[0]) or '(none)'}; "
                     f"the English base has {' '.join(base_said[0]) or '(none)'}")
    if said[1] != base_said[1]:
        report(path, f"gives the numbers {', '.join(said[1]) or '(none)'}; "
                     f"the English base gives {', '.join(base_said[1]) or '(none)'}")


def _compare_objects(node: dict, base: dict, path: list, report) -> None:
    for key in base:
        if key in OWN:
            continue
        if key not in node:
            report([*path, key], "missing: the English base has this text")
        elif key in SAME_AS_BASE:
            if node[key] != base[key]:
                report([*path, key], f"differs from the English base ({_short(base[key])})")
        else:
            _compare(node[key], base[key], [*path, key], report)
    for key in node:
        if key not in base and key not in OWN:
            report([*path, key], "extra: the English base has no such text")


def _compare_records(node: list, base: list, path: list, report) -> None:
    """Lists of things with ids (stages, items, figures, references): matched by id, in order."""
    by_id = {item.get("id"): (index, item) for index, item in enumerate(node) if isinstance(item, dict)}
    base_ids = [item["id"] for item in base]
    for index, item in enumerate(base):
        if item["id"] not in by_id:
            report(path, f'missing "{item["id"]}", which the English base has at {json_pointer([*path, index])}')
            continue
        at, translated = by_id[item["id"]]
        if at != index:
            report([*path, at, "id"], f"is entry {at} here but entry {index} in the English base")
        _compare(translated, item, [*path, at], report)
    for ident, (at, _) in by_id.items():
        if ident not in base_ids:
            report([*path, at, "id"], f'extra: the English base has no "{ident}"')


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
