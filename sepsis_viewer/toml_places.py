"""Where things are in a TOML file: the place of a syntax error, and of each key, so that every
problem of a configuration file can say its line and column (tomllib says neither of a valid key).
No Qt."""

from __future__ import annotations

import re

from sepsis_viewer.content.problems import Problem


def syntax_problem(file: str, message: str, text: str) -> Problem:
    where = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    if where:
        return Problem(file, f"not valid TOML: {message[:where.start()]}", int(where[1]), int(where[2]))
    end = re.search(r"\s*\(at end of document\)$", message)
    if end:  # located at the end of the last line
        lines = text.splitlines() or [""]
        return Problem(file, f"not valid TOML: {message[:end.start()]} at the end of the file", len(lines),
                       len(lines[-1]) + 1)
    return Problem(file, f"not valid TOML: {message}")


def key_positions(text: str) -> dict[tuple[str, ...], tuple[int, int]]:
    """Where each key of a TOML text is written: its dotted path -> (line, column), 1-based.

    tomllib says where a syntax error is, but not where a valid key is; this finds the table
    headers, the `key = value` lines and the keys of inline tables, which is all a configuration
    file holds.
    """
    positions: dict[tuple[str, ...], tuple[int, int]] = {}
    table: tuple[str, ...] = ()
    key = r'(?:[A-Za-z0-9_-]+|"[^"]*"|\'[^\']*\')'
    dotted = rf"{key}(?:\s*\.\s*{key})*"
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip()
        column = len(line) - len(stripped) + 1
        header = re.match(rf"\[\[?\s*({dotted})\s*\]\]?\s*(#.*)?$", stripped)
        if header:
            table = _split_key(header[1])
            positions.setdefault(table, (number, column))
            continue
        assignment = re.match(rf"({dotted})\s*=", stripped)
        if not assignment:
            continue
        path = table + _split_key(assignment[1])
        positions.setdefault(path, (number, column))
        rest = stripped[assignment.end():]
        if rest.lstrip().startswith("{"):  # an inline table: link = { url = "…", caption = "…" }
            offset = column - 1 + assignment.end()
            for inner in re.finditer(rf"[{{,]\s*({key})\s*=", rest):
                positions.setdefault(path + _split_key(inner[1]), (number, offset + inner.start(1) + 1))
    return positions


def _split_key(dotted: str) -> tuple[str, ...]:
    parts = re.findall(r'"([^"]*)"|\'([^\']*)\'|([A-Za-z0-9_-]+)', dotted)
    return tuple(next(p for p in part if p) if any(part) else "" for part in parts)
