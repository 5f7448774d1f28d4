"""Located problems in a content file, and the one error type the content layer raises."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sepsis_viewer.record import Record


def json_pointer(path: Iterable[str | int]) -> str:
    """An RFC 6901 JSON pointer for a path of keys and indexes ("" is the whole document)."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


class Problem(Record):
    """One thing wrong with a content file, with where it is."""

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    pointer: str | None = None

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.file}:{self.line}:{self.column or 1}: {self.message}"
        if self.pointer is not None:
            # The whole document's pointer is empty; "/" reads better on a terminal.
            return f"{self.file}: {self.pointer or '/'}: {self.message}"
        return f"{self.file}: {self.message}"


class ContentError(Exception):
    """A content file could not be used; `problems` says every reason, located."""

    def __init__(self, problems: Sequence[Problem]):
        if not problems:
            raise ValueError("a ContentError needs at least one problem")
        self.problems = tuple(problems)
        more = len(self.problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        super().__init__(f"{self.problems[0]}{suffix}")

    @property
    def first(self) -> Problem:
        return self.problems[0]
