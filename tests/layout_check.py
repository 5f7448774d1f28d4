"""Finding text that a person could not read in full: clipped, elided or overlapping."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QWidget


def _inside_scroll_area(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and parent is parent.parentWidget().viewport():
            return True
        parent = parent.parentWidget()
    return False


def label_problems(top: QWidget) -> list[str]:
    """Every visible label whose text does not fit its box, or whose box is cut off by a parent.

    Labels inside a scroll area may reach past its viewport (a person scrolls to them), but
    must still fit their own box.
    """
    problems = []
    for label in top.findChildren(QLabel):
        if not label.isVisibleTo(top) or not label.text():
            continue
        name = repr(label.text()[:40])
        box = label.contentsRect()
        metrics = label.fontMetrics()
        if label.wordWrap():
            if label.heightForWidth(label.width()) > label.height():
                problems.append(f"{name}: needs {label.heightForWidth(label.width())} px of height, has {label.height()}")
            # Qt wraps at spaces and at zero-width spaces (which long addresses carry).
            words = label.text().replace("\u200b", " ").split()
            longest = max((metrics.horizontalAdvance(word) for word in words), default=0)
            if longest > box.width():
                problems.append(f"{name}: a word is {longest} px wide, the label {box.width()}")
        else:
            if metrics.horizontalAdvance(label.text()) > box.width() or metrics.height() > box.height():
                problems.append(f"{name}: {metrics.horizontalAdvance(label.text())}x{metrics.height()} px of text "
                                f"in a {box.width()}x{box.height()} box")
        if not _inside_scroll_area(label, top):
            where = QRect(label.mapTo(top, label.rect().topLeft()), label.size())
            if not top.rect().contains(where):
                problems.append(f"{name}: lies outside the window at {where}")
            parent = label.parentWidget()
            while parent is not None and parent is not top:
                rect = QRect(label.mapTo(parent, label.rect().topLeft()), label.size())
                if not parent.rect().contains(rect):
                    problems.append(f"{name}: cut off by {type(parent).__name__}")
                    break
                parent = parent.parentWidget()
    return problems


def overlap_problems(top: QWidget) -> list[str]:
    """Visible sibling widgets that overlap one another."""
    problems = []
    for parent in [top, *top.findChildren(QWidget)]:
        if isinstance(parent, QAbstractScrollArea) or not parent.isVisibleTo(top):
            continue
        children = [c for c in parent.children() if isinstance(c, QWidget) and c.isVisibleTo(top) and not c.isWindow()
                    and not c.property("overlay")]
        for i, a in enumerate(children):
            for b in children[i + 1:]:
                overlap = a.geometry().intersected(b.geometry())
                if overlap.width() > 0 and overlap.height() > 0:
                    problems.append(f"{type(a).__name__} {a.objectName()!r} overlaps {type(b).__name__} "
                                    f"{b.objectName()!r} by {overlap.width()}x{overlap.height()} in {type(parent).__name__}")
    return problems
