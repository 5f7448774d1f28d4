"""What a waiting-room screen must be, read from the chairs: checked on the window as it is."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QComboBox, QLabel, QMenu, QMenuBar, QScrollBar

from layout_check import label_problems, overlap_problems

BODY_SHARE, HEADING_SHARE, LONG_HEADING_SHARE, SMALL_SHARE = 0.045, 0.09, 0.07, 0.03
MAX_WORDS = 40
SMALL_ROLES = {"small", "small-bold"}
TITLE_ROLES = {"h2": HEADING_SHARE, "h3": LONG_HEADING_SHARE}  # a page's title; a long one (two lines, not three)


def visible_labels(top, under=None) -> list[QLabel]:
    return [label for label in (under or top).findChildren(QLabel) if label.isVisibleTo(top) and label.text()]


def least_px(label: QLabel, short: int) -> float:
    """The smallest a label's type may be: titles about twice body text, body text 4.5% of the
    shorter side, small print (source lines, captions, the clinic's caption) 3%."""
    role = label.property("textRole") or ""
    if role in TITLE_ROLES:
        return TITLE_ROLES[role] * short
    if role in SMALL_ROLES or not role and label.font().pixelSize() < BODY_SHARE * short:
        return SMALL_SHARE * short  # a label without a role is the clinic's: its caption is small print
    return BODY_SHARE * short


def type_problems(window) -> list[str]:
    short = min(window.width(), window.height())
    return [f"{label.text()[:30]!r} ({label.property('textRole')}) is {label.font().pixelSize()} px, "
            f"below {least_px(label, short):.1f}"
            for label in visible_labels(window) if label.font().pixelSize() < least_px(label, short) - 0.01]


def scroll_problems(window) -> list[str]:
    """A visible scroll bar, or any scrolling area whose content is taller than it."""
    problems = [f"a scroll bar shows in {type(bar.parentWidget()).__name__}"
                for bar in window.findChildren(QScrollBar) if bar.isVisibleTo(window)]
    for area in window.findChildren(QAbstractScrollArea):
        if area.isVisibleTo(window) and area.verticalScrollBar().maximum() > 0:
            problems.append(f"{type(area).__name__} scrolls")
    return problems


def control_problems(window) -> list[str]:
    """Anything that looks like a control: nobody is meant to touch a screen while it loops."""
    kinds = (QAbstractButton, QComboBox, QMenu, QMenuBar, QScrollBar)
    return [f"{type(w).__name__} {w.accessibleName()!r} is visible"
            for kind in kinds for w in window.findChildren(kind) if w.isVisibleTo(window)]


def large_words(window) -> int:
    """The words of the screen's message in large type (its title and text, not the small print)."""
    labels = visible_labels(window, window.view.message)
    return sum(len(label.text().split()) for label in labels
               if label.property("textRole") not in SMALL_ROLES and label.text() != "•")


def in_view(window, widget) -> bool:
    where = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    return widget.isVisibleTo(window) and window.rect().contains(where) and not where.isEmpty()


def screen_problems(window, looping: bool = True) -> list[str]:
    """Everything wrong with the screen as it is now."""
    problems = label_problems(window) + overlap_problems(window) + type_problems(window) + scroll_problems(window)
    if looping:
        problems += control_problems(window)
    if large_words(window) > MAX_WORDS:
        problems.append(f"{large_words(window)} words in large type")
    call = window.view.call
    if not in_view(window, call) or call.action.text() != window.content.call_to_action.action():
        problems.append("the call to action is not on screen")
    return problems
