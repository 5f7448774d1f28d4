"""Records: the immutable value objects of the model, the pages and the themes."""

from __future__ import annotations

import sys

import pytest

from sepsis_viewer.record import Record, replace


class Point(Record):
    """A test record with a default."""

    x: int
    y: int = 0
    label: str = "origin"


def test_fields_by_position_keyword_and_default():
    assert Point(1, 2) == Point(x=1, y=2) == Point(1, y=2, label="origin")
    assert Point(3).y == 0 and Point(3).label == "origin"
    assert Point._fields == ("x", "y", "label")


def test_wrong_arguments_are_refused_as_a_call_would_be():
    with pytest.raises(TypeError):
        Point()
    with pytest.raises(TypeError):
        Point(1, 2, "a", "b")
    with pytest.raises(TypeError):
        Point(1, z=2)
    with pytest.raises(TypeError):
        Point(1, x=2)


def test_records_never_change_and_replace_makes_a_copy():
    point = Point(1, 2)
    with pytest.raises(AttributeError):
        point.x = 5
    with pytest.raises(AttributeError):
        point.other = 5
    with pytest.raises(AttributeError):
        del point.x
    moved = replace(point, y=7)
    assert (point.y, moved.y, moved.x) == (2, 7, 1)


def test_equality_hash_and_repr_follow_the_fields():
    assert Point(1, 2) != Point(1, 3)
    assert Point(1, 2) != (1, 2, "origin")
    assert len({Point(1, 2), Point(1, 2), Point(2, 1)}) == 2
    assert repr(Point(1, 2)) == "Point(x=1, y=2, label='origin')"


@pytest.mark.skipif(sys.version_info < (3, 11), reason="typing.dataclass_transform is new in 3.11")
def test_type_checkers_are_told_records_are_frozen_dataclasses():
    # What mypy and pyright read (PEP 681): the constructor from the fields, and no assignment.
    told = Record.__dataclass_transform__
    assert told["eq_default"] is True
    assert told.get("frozen_default", told["kwargs"].get("frozen_default")) is True  # a keyword of its own from 3.12
