"""What the schema cannot check about charts: figures that resolve and can share one axis."""

from __future__ import annotations

import re
from collections.abc import Callable

from sepsis_viewer.content.numbers import VALUE_PLACEHOLDER, plain_number

_Report = Callable[[list, str], None]
format_value = plain_number  # a figure's number as the charts' text alternatives are checked against


def unit_problem(unit: str) -> str | None:
    """Why a figure's unit cannot be used, or None: "{value}" at most once, and no other braces."""
    rest = unit.replace(VALUE_PLACEHOLDER, "", 1)
    if "{" in rest or "}" in rest:
        return 'may hold "{value}" once, where the number goes, and no other braces'
    return None


def chart_problems(doc: dict, report: _Report) -> None:
    """Report every chart whose figures do not resolve, cannot share an axis, or are not in its text."""
    numbers = doc["numbers"]
    for i, figure in enumerate(numbers["figures"]):
        problem = unit_problem(figure["unit"])
        if problem:
            report(["numbers", "figures", i, "unit"], problem)
        low, high = figure.get("low", figure["value"]), figure.get("high", figure["value"])
        if not low <= figure["value"] <= high:
            report(["numbers", "figures", i], f"its likely range ({low} to {high}) does not hold its value {figure['value']}")
    figures = {figure["id"]: figure for figure in numbers["figures"]}
    for i, chart in enumerate(numbers.get("charts", ())):
        _check_chart(chart, figures, ["numbers", "charts", i], report)


def _check_chart(chart: dict, figures: dict, path: list, report: _Report) -> None:
    named = []
    for j, bar in enumerate(chart["bars"]):
        ident = bar["figure"]
        if ident not in figures:
            import difflib  # only a file with a problem needs it: kept off the start-up path

            guess = difflib.get_close_matches(ident, sorted(figures), n=1)
            hint = f' (did you mean "{guess[0]}"?)' if guess else ""
            report([*path, "bars", j, "figure"], f'names the figure "{ident}", which is not in /numbers/figures{hint}')
        elif ident in named:
            report([*path, "bars", j, "figure"], f'names the figure "{ident}" twice')
        else:
            named.append(ident)
    if len(named) < len(chart["bars"]):
        return  # the checks below compare the figures, which need to resolve first
    plotted = [figures[ident] for ident in named]
    units = sorted({figure["unit"] for figure in plotted})
    if len(units) > 1:
        report([*path, "bars"], f"puts figures in {' and '.join(map(repr, units))} on one axis; "
                                "a chart's figures need one unit")
    for j, figure in enumerate(plotted):
        if figure["value"] < 0:
            report([*path, "bars", j, "figure"], f'"{figure["id"]}" is negative, and a bar cannot show that')
    differ = len({f["year"] for f in plotted}) > 1 or len({tuple(sorted(f["sources"])) for f in plotted}) > 1
    if differ and "note" not in chart:
        report(path, 'its figures differ in year or source; add a "note" that says how they can be compared')
    _check_kind(chart, plotted, path, report)
    _check_text(chart, plotted, path, report)


def _check_kind(chart: dict, plotted: list[dict], path: list, report: _Report) -> None:
    if chart["kind"] == "share":
        part, whole = plotted
        if part["value"] > whole["value"]:
            report([*path, "bars"], f'the part "{part["id"]}" is larger than the whole "{whole["id"]}"')
    elif "rest_label" in chart:
        report([*path, "rest_label"], 'only a "share" chart has a rest_label')


def _check_text(chart: dict, plotted: list[dict], path: list, report: _Report) -> None:
    # A screen reader gets only the text: every number the chart shows must be in it.
    # "245,000" and "245000" are the same number to a reader, and so are "48,9" and "48.9".
    # The groups of thousands may also be marked with a (narrow) no-break space, as in French.
    numbers_in_text = set()
    text = re.sub(r"(?<=\d)[\u00a0\u202f](?=\d{3}\b)", "", chart["text"])
    for number in re.findall(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?", text):
        grouped = re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", number)
        numbers_in_text.add(number.replace(",", "") if grouped else number.replace(",", "."))
    for figure in plotted:
        shown = format_value(figure["value"])
        if shown not in numbers_in_text and f"{shown}.0" not in numbers_in_text:
            report([*path, "text"], f'the text alternative does not give the number {shown} ("{figure["id"]}")')
