"""Hypothesis strategies for content documents, generated from the content schema.

`schema_documents()` follows resources/content/content.schema.json: its objects, lists and scalar
fields come from hypothesis-jsonschema, except two kinds of strings drawn directly (generating
them from the schema's regexes made one document take over a second): the text fields (something
visible, no control characters) and ids. Lists stay short so that a document is quick to check.
`renderable_documents()` then makes such documents pass the meaning checks too, as any content
file that the validator accepts must: unique ids, citations that resolve, bundled icons, stages
numbered 1, 2, 3…, and the emergency number's placeholder in the call to action.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from sepsis_viewer import paths
from sepsis_viewer.body_map import ORGAN_NAMES
from sepsis_viewer.content.model import PANEL_IDS
from sepsis_viewer.content.validate_charts import format_value

SCHEMA = json.loads(paths.schema_path().read_text(encoding="utf-8"))
_DEFS = SCHEMA["$defs"]
_EXTRA_ITEMS = 2  # beyond each list's minimum
_BUNDLED_ICONS = sorted(p.stem for p in paths.icons_dir().glob("*.svg"))
_ORGANS = sorted(ORGAN_NAMES)
_ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789"

_ids = st.lists(st.text(_ID_CHARS, min_size=1, max_size=6), min_size=1, max_size=3).map("-".join)


def _texts(max_length: int) -> st.SearchStrategy[str]:
    visible = st.characters(exclude_categories=("Cc", "Cs"))
    return st.text(visible, min_size=1, max_size=min(max_length, 40)).filter(str.strip)


def _strategy(node: dict) -> st.SearchStrategy[Any]:
    ref = node.get("$ref", "")
    if ref == "#/$defs/id":
        return _ids
    if ref:
        return _strategy(_DEFS[ref.rsplit("/", 1)[-1]])
    if "(?=" in node.get("pattern", ""):  # the text pattern: something visible, no control characters
        return _texts(node["maxLength"])
    if node.get("type") == "object" and node.get("additionalProperties") is False:
        required = node.get("required", [])
        return st.fixed_dictionaries(
            {key: _strategy(node["properties"][key]) for key in required},
            optional={key: _strategy(sub) for key, sub in node["properties"].items() if key not in required},
        )
    if node.get("type") == "array":
        least = node.get("minItems", 0)
        return st.lists(_strategy(node["items"]), min_size=least, max_size=min(node["maxItems"], least + _EXTRA_ITEMS),
                        unique=node.get("uniqueItems", False))
    return from_schema({**node, "$defs": _DEFS})


def schema_documents() -> st.SearchStrategy[dict]:
    """Documents that satisfy the JSON Schema, though rarely the checks beyond it."""
    return _strategy(SCHEMA)


def renderable_documents() -> st.SearchStrategy[dict]:
    """Documents that pass every check: what any content file the app accepts looks like."""
    return schema_documents().map(make_meaningful)


def make_meaningful(doc: dict) -> dict:
    """The document with unique ids, resolvable citations, bundled icons and numbered stages."""
    doc = json.loads(json.dumps(doc))
    references = doc["references"]
    for index, reference in enumerate(references):
        reference["id"] = f"{reference['id']}-{index}"
    ref_ids = [reference["id"] for reference in references]
    for number, record in enumerate(_records(doc)):
        if "id" in record:
            record["id"] = f"{record['id']}-{number}"  # unique, and never a reserved id such as "about"
        if "icon" in record:
            record["icon"] = _BUNDLED_ICONS[_pick(record["icon"], len(_BUNDLED_ICONS))]
        if "organs" in record:  # organs the body map draws, each once
            record["organs"] = list(dict.fromkeys(_ORGANS[_pick(o, len(_ORGANS))] for o in record["organs"]))
        for field in ("sources", "headline_sources"):
            if field in record:
                cited = [ref_ids[_pick(source, len(ref_ids))] for source in record[field]]
                record[field] = list(dict.fromkeys(cited))
    for number, stage in enumerate(doc["stages"], start=1):
        stage["number"] = number
    _no_braces(doc)  # a brace in a text marks a figure's placeholder, which generated text does not mean
    action = doc["call_to_action"]["action"]
    doc["call_to_action"]["action"] = f"{action[:100]} {{number}}"
    _make_charts_meaningful(doc["numbers"])
    return doc


def _no_braces(node) -> None:
    """Every brace in the document's texts turned into a parenthesis."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        if isinstance(value, str):
            node[key] = value.replace("{", "(").replace("}", ")")
        else:
            _no_braces(value)


def _make_charts_meaningful(numbers: dict) -> None:
    """Charts that draw existing figures in one unit, with every number in their text alternative.

    The generated values stay as they came (tiny, huge, zero), made positive: drawing them is
    what the rendering test is for.
    """
    figures = numbers["figures"]
    unit = figures[0]["unit"].replace("{", "(").replace("}", ")")
    for figure in figures:
        figure["unit"] = unit  # one unit, so that any figures can share a chart's axis
        figure["value"] = abs(figure["value"])
        figure.pop("low", None), figure.pop("high", None)  # a generated range rarely holds its value
    for chart in numbers.get("charts", ()):
        count = 2 if chart["kind"] == "share" else min(len(chart["bars"]), len(figures))
        if count > len(figures):
            chart["kind"], count = "bars", 1
            chart.pop("rest_label", None)
        start = _pick(chart["title"], len(figures))
        chosen = [figures[(start + k) % len(figures)] for k in range(count)]
        if chart["kind"] == "share":
            chosen.sort(key=lambda figure: figure["value"])  # the part, then the whole
        labels = [bar["label"] for bar in chart["bars"]] * 2
        chart["bars"] = [{"figure": figure["id"], "label": labels[k]} for k, figure in enumerate(chosen)]
        if chart["kind"] == "share":
            chart.setdefault("rest_label", "the rest")
        else:
            chart.pop("rest_label", None)
        chart.setdefault("note", "Figures from different years or sources.")
        shown = " ".join(format_value(figure["value"]) for figure in chosen)
        chart["text"] = f"{chart['text'][: 398 - len(shown)]} {shown}"


def _pick(text: str, count: int) -> int:
    """A stable choice among `count` things, led by the generated text."""
    return sum(map(ord, text)) % count


def _records(doc: dict):
    yield doc["intro"]
    yield doc["model_note"]
    yield doc["numbers"]
    yield doc["call_to_action"]
    yield from doc["stages"]
    for panel in PANEL_IDS:
        if panel in doc:  # the later panels are optional
            yield doc[panel]
            yield from doc[panel]["items"]
    yield from doc["numbers"]["figures"]
    yield from doc["numbers"].get("charts", ())


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)


@st.composite
def broken_documents(draw) -> Any:
    """A schema document with one place changed: a value replaced, a field dropped or one added."""
    doc = draw(schema_documents())
    places = list(_places(doc))
    where = draw(st.sampled_from(places))
    parent = doc
    for part in where[:-1]:
        parent = parent[part]
    change = draw(st.sampled_from(["replace", "drop", "add"]))
    if change == "replace" or not isinstance(parent, dict):
        parent[where[-1]] = draw(json_values)
    elif change == "drop":
        del parent[where[-1]]
    else:
        parent[draw(st.text(min_size=1, max_size=8))] = draw(json_values)
    return doc


def _places(node, prefix=()):
    if isinstance(node, dict):
        items = node.items()
    elif isinstance(node, list):
        items = enumerate(node)
    else:
        return
    for key, child in items:
        yield (*prefix, key)
        yield from _places(child, (*prefix, key))
