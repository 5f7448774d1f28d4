"""Figures written into texts, in the language's own way (no Qt here).

A text never types a figure: it names it, "{global-cases-2017}", and the loader writes the
figure's value and unit as the language writes numbers: "48.9 million", "48,9 millones",
"48,9 millions". So a figure is stated once, in /numbers/figures, and every language says the
same number. The forms:

    {global-cases-2017}        the value as the data has it, with its unit: 48.9 million
    {global-cases-2017:0}      rounded to 0 (to 3) decimals:                 49 million
    {global-cases-2017.low:0}  the low (or high) end of the figure's likely range: 39 million

Two fields hold a placeholder of their own instead: a figure's unit ("{value}") and the call to
action ("{number}").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from sepsis_viewer.record import Record

VALUE_PLACEHOLDER = "{value}"
BRACES = re.compile(r"\{[^{}]*\}|[{}]")
_SPEC = re.compile(r"\{(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)(?:\.(?P<part>low|high))?(?::(?P<decimals>[0-3]))?\}")
# Fields that are not text to resolve: names, codes, or texts with a placeholder of their own.
NOT_TEXT = frozenset({"$schema", "language", "content_version", "last_reviewed", "id", "icon", "url", "figure",
                      "kind", "unit", "action", "emergency_number", "references", "translation", "format"})
_GROUP_FROM_DIGITS = 5  # 10,000 is grouped in every language; 1700 is left alone (Spanish never groups it)


class NumberFormat(Record):
    """How a language writes a number: its decimal mark and the mark between groups of thousands."""

    decimal: str = "."
    group: str = ","


def number_format(language: str) -> NumberFormat:
    """The marks a language uses, from its interface words (resources/ui/<language>.json)."""
    from sepsis_viewer.strings import table  # plain JSON, no Qt

    base, own = table("en"), table(language.split("-")[0])
    pick = lambda key: own.get(key, base[key])  # noqa: E731
    return NumberFormat(pick("decimal_separator"), pick("group_separator"))


def plain_number(value: float) -> str:
    """A number as data writes it (48.9, 11, 19.7, 245000): never in exponent form."""
    if value == int(value):
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def format_number(value: float, fmt: NumberFormat, decimals: int | None = None) -> str:
    """A number in a language's marks: 48.9 or 48,9; 350,000 or 350 000."""
    text = plain_number(value) if decimals is None else f"{value:.{decimals}f}"
    whole, _, fraction = text.partition(".")
    if len(whole) >= _GROUP_FROM_DIGITS:
        head = len(whole) % 3 or 3
        whole = fmt.group.join([whole[:head], *(whole[i:i + 3] for i in range(head, len(whole), 3))])
    return whole + (fmt.decimal + fraction if fraction else "")


def with_unit(number: str, unit: str) -> str:
    """A formatted number with its unit: "48.9 million", "19.7%", "more than 10%", "19,7 %"."""
    if VALUE_PLACEHOLDER in unit:
        return unit.replace(VALUE_PLACEHOLDER, number)
    return f"{number}{unit}" if unit.startswith("%") else f"{number} {unit}"


def figure_words(figure: dict, fmt: NumberFormat, decimals: int | None = None, part: str | None = None) -> str:
    """A figure of a content document (or its range's low or high end) written for a reader."""
    return with_unit(format_number(figure[part or "value"], fmt, decimals), figure["unit"])


def placeholder_problem(token: str, figures: dict[str, dict]) -> str | None:
    """Why a "{...}" in a text cannot be filled in, or None."""
    match = _SPEC.fullmatch(token)
    if match is None:
        if token in ("{", "}"):
            return f'holds a lone "{token}"; braces only mark a figure, as in {{global-cases-2017}}'
        return f'{token} is not a figure\'s placeholder (write {{figure-id}}, {{figure-id:0}} or {{figure-id.low:0}})'
    ident, part = match["id"], match["part"]
    if ident not in figures:
        import difflib  # only a file with a problem needs it: kept off the start-up path

        guess = difflib.get_close_matches(ident, sorted(figures), n=1)
        hint = f' (did you mean "{guess[0]}"?)' if guess else ""
        return f'{token} names no figure in /numbers/figures{hint}'
    if part and part not in figures[ident]:
        return f'{token}: the figure "{ident}" gives no "{part}" value'
    return None


def fill(text: str, figures: dict[str, dict], fmt: NumberFormat) -> str:
    """The text with every placeholder written out (those that do not resolve stay as they are)."""

    def write(match: re.Match) -> str:
        spec = _SPEC.fullmatch(match[0])
        # Only whether it resolves: placeholder_problem words a message (with a guess from difflib),
        # and "{number}", the emergency number's place in the call to action, never resolves here.
        if spec is None or spec["id"] not in figures or (spec["part"] and spec["part"] not in figures[spec["id"]]):
            return match[0]
        decimals = int(spec["decimals"]) if spec["decimals"] else None
        return figure_words(figures[spec["id"]], fmt, decimals, spec["part"])

    return BRACES.sub(write, text) if "{" in text or "}" in text else text


def texts(node: Any, path: list | None = None) -> Iterator[tuple[list, str]]:
    """Every text of a content document that may hold figures' placeholders, with its path."""
    path = path or []
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in NOT_TEXT:
                yield from texts(value, [*path, key])
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from texts(value, [*path, index])
    elif isinstance(node, str):
        yield path, node


def figures_of(doc: dict) -> dict[str, dict]:
    """The document's figures by id."""
    return {figure["id"]: figure for figure in doc["numbers"]["figures"]}


def placeholder_problems(doc: dict, report: Callable[[list, str], None]) -> None:
    """Report every brace in a text that is not a figure's placeholder that resolves."""
    figures = figures_of(doc)
    for path, text in texts(doc):
        for match in BRACES.finditer(text):
            problem = placeholder_problem(match[0], figures)
            if problem:
                report(path, problem)


def resolved(doc: dict) -> dict:
    """The document with every figure's placeholder written in its language, filled in place (a
    freshly read document: copying a thousand values cost a start a few milliseconds)."""
    figures, fmt = figures_of(doc), number_format(doc["language"])
    stack: list = [doc]
    while stack:
        node = stack.pop()
        pairs = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in pairs:
            if isinstance(value, str):
                if "{" in value or "}" in value:
                    node[key] = fill(value, figures, fmt)
            elif isinstance(value, (dict, list)) and key not in NOT_TEXT:
                stack.append(value)
    return doc
