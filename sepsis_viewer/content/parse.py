"""Bytes to JSON values, refusing what Python's json module would quietly accept."""

from __future__ import annotations

import json
import math
from typing import Any

from sepsis_viewer.content.problems import ContentError, Problem, json_pointer

MAX_FILE_BYTES = 1024 * 1024
_UTF8_BOM = b"\xef\xbb\xbf"


class _Refused:
    """Stands in for a value JSON does not allow (NaN, Infinity) until it can be located."""

    def __init__(self, token: str):
        self.token = token


class _PairsDict(dict):
    """A JSON object that remembers the keys it saw more than once."""

    duplicates: tuple[str, ...] = ()


def _object_from_pairs(pairs: list[tuple[str, Any]]) -> _PairsDict:
    obj = _PairsDict()
    dupes = []
    for key, value in pairs:
        if key in obj and key not in dupes:
            dupes.append(key)
        obj[key] = value
    obj.duplicates = tuple(dupes)
    return obj


def _float_or_refused(text: str) -> float | _Refused:
    # "1e999" parses to infinity without going through parse_constant.
    value = float(text)
    return value if math.isfinite(value) else _Refused(text)


def line_column(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index."""
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def decode(data: bytes, file: str) -> str:
    """UTF-8 text, with or without a byte-order mark; anything else is a located problem."""
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ContentError([Problem(file, "the file is UTF-16; save it as UTF-8", 1, 1)])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8")
        line, column = line_column(good, len(good))
        byte = data[exc.start]
        raise ContentError(
            [Problem(file, f"not UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8", line, column)]
        ) from None


def parse_json(data: bytes, file: str) -> Any:
    """Parse a content file's bytes; duplicate keys, NaN and Infinity are refused with a location."""
    if len(data) > MAX_FILE_BYTES:
        raise ContentError(
            [Problem(file, f"the file is too large ({len(data):,} bytes; the limit is {MAX_FILE_BYTES:,})")]
        )
    text = decode(data, file)
    try:
        value = json.loads(
            text,
            object_pairs_hook=_object_from_pairs,
            parse_constant=_Refused,
            parse_float=_float_or_refused,
        )
    except json.JSONDecodeError as exc:
        raise ContentError([Problem(file, f"invalid JSON: {exc.msg}", exc.lineno, exc.colno)]) from None
    except RecursionError:
        raise ContentError([Problem(file, "invalid JSON: nested too deeply", 1, 1)]) from None
    problems = list(_refusals(value, [], file))
    if problems:
        raise ContentError(problems)
    return value


def _refusals(value: Any, path: list, file: str):
    """Every duplicate key and non-finite number in a parsed document, with its pointer."""
    stack = [(value, path)]
    while stack:
        node, where = stack.pop()
        if isinstance(node, _Refused):
            yield Problem(file, f"{node.token} is not allowed in a content file", pointer=json_pointer(where))
        elif isinstance(node, dict):
            for key in getattr(node, "duplicates", ()):
                yield Problem(
                    file, f'the key "{key}" appears more than once in this object', pointer=json_pointer(where)
                )
            stack.extend((child, [*where, key]) for key, child in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((child, [*where, i]) for i, child in reversed(list(enumerate(node))))

