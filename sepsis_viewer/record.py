"""Immutable records: what `@dataclass(frozen=True)` gave the app, without its cost at import.

A frozen dataclass writes its `__init__`, `__eq__`, `__hash__`, `__repr__` and `__setattr__` as
Python source and compiles it when its module is imported: some 0.5 ms a class, and a start-up
imported 26 of them (an eighth of the app's own start-up work, the compiler's parser mostly). A
`Record` subclass is declared the same way, fields as annotations, defaults as class values, and
shares these methods instead, written once here. No Qt here: the content model is made of these.

Measured again when the private-API tricks went (issue 13): its 33 record classes as
`dataclass(frozen=True, slots=True)` cost a start 11 to 13 ms more (benchmarks/startup.py's
method). Type checkers see each subclass as such a frozen dataclass (PEP 681's dataclass_transform):
its constructor's fields and types, and no assignment to a field.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

if TYPE_CHECKING:
    # For type checkers only, on every Python they check for (typing has it from 3.11 on).
    from typing_extensions import dataclass_transform
elif sys.version_info >= (3, 11):
    from typing import dataclass_transform
else:
    def dataclass_transform(**_: Any) -> Any:  # Python 3.10 runs without: only checkers read it
        return lambda cls: cls

R = TypeVar("R", bound="Record")


class FrozenRecordError(AttributeError):
    """A field of a record was assigned or deleted: records never change once made."""


@dataclass_transform(eq_default=True, frozen_default=True)
class Record:
    """A record of named fields, fixed when made; equal to another of its class with equal fields.

    Subclasses list their fields as class annotations, in order; a class value is the field's
    default. Records are hashable (when their fields are) and `replace` makes a changed copy.
    """

    _fields: ClassVar[tuple[str, ...]] = ()
    _defaults: ClassVar[dict[str, Any]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own = [name for name, kind in cls.__dict__.get("__annotations__", {}).items()
               if not str(kind).startswith(("ClassVar", "typing.ClassVar"))]
        cls._fields = tuple(dict.fromkeys([*cls._fields, *own]))
        cls._defaults = {name: getattr(cls, name) for name in cls._fields if hasattr(cls, name)}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        fields = self._fields
        if len(args) > len(fields):
            raise TypeError(f"{type(self).__name__}() takes {len(fields)} fields but {len(args)} were given")
        values = dict(zip(fields, args))
        for name, value in kwargs.items():
            if name not in fields:
                raise TypeError(f"{type(self).__name__}() has no field {name!r}")
            if name in values:
                raise TypeError(f"{type(self).__name__}() got field {name!r} twice")
            values[name] = value
        state = {}
        for name in fields:
            if name in values:
                state[name] = values[name]
            elif name in self._defaults:
                state[name] = self._defaults[name]
            else:
                raise TypeError(f"{type(self).__name__}() is missing the field {name!r}")
        object.__setattr__(self, "__dict__", state)

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenRecordError(f"cannot assign to field {name!r} of a {type(self).__name__}")

    def __delattr__(self, name: str) -> None:
        raise FrozenRecordError(f"cannot delete field {name!r} of a {type(self).__name__}")

    def _values(self) -> tuple:
        return tuple(self.__dict__[name] for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((self.__class__, self._values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={self.__dict__[name]!r}" for name in self._fields)
        return f"{type(self).__name__}({fields})"


def replace(record: R, **changes: Any) -> R:
    """A copy of a record with some fields changed (as dataclasses.replace)."""
    return type(record)(**{**record.__dict__, **changes})
