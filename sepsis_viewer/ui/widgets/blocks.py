"""One renderer of a page's words for every mode: the detail area, the slides and the zoomed step.

Each kind of block has one text role and one colour here; a list item is a bullet beside its
words. Modes differ only in where they put the widgets (a scrolling page, a slide split into parts).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QWidget

from sepsis_viewer.pages import BlockKind, Page
from sepsis_viewer.ui.widgets.text import TextLabel
from sepsis_viewer.ui.widgets.theme import Palette

K = BlockKind
ITEM = "item"  # one entry of a LIST block, laid out on its own
ROLES = {K.HEADING: "title", K.TEXT: "body", K.EMPHASIS: "body-bold", K.NOTE: "small", K.SOURCES: "small",
         ITEM: "body"}
_MUTED = frozenset({K.NOTE, K.SOURCES})


def page_colour(page: Page, palette: Palette) -> str:
    """The colour of a page's icon: its stage's colour, else the accent."""
    return palette.stage_colour(page.stage_number) if page.stage_number else palette.accent


class ListItem(QWidget):
    """A bullet and the words beside it; `label` holds the words."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(TextLabel("•", ROLES[ITEM], self, wrap=False), 0, Qt.AlignmentFlag.AlignTop)
        self.label = TextLabel(text, ROLES[ITEM], self)
        layout.addWidget(self.label, 1)


def text_widget(kind, text: str, palette: Palette, parent: QWidget | None = None) -> QWidget:
    """The widget of one piece of text: a wrapping label in its kind's type, or a list item."""
    if kind == ITEM:
        return ListItem(text, parent)
    return TextLabel(text, ROLES[kind], parent, colour=palette.muted if kind in _MUTED else None)


def labels_of(widget: QWidget) -> list[TextLabel]:
    """The labels that carry words in a widget made by `text_widget` (not the bullet)."""
    return [widget.label] if isinstance(widget, ListItem) else [widget]
