"""One renderer of a page's words for every mode: the detail area, the slides and the zoomed step.

Each kind of block has one text role and one colour here; a list item is a bullet beside its
words. Modes differ only in where they put the widgets (a scrolling page, a slide split into parts).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument, QTextListFormat
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


TEXT_KINDS = frozenset({K.HEADING, K.TEXT, K.EMPHASIS, K.LIST, K.NOTE, K.SOURCES})  # what a text document holds


def write_blocks(document: QTextDocument, blocks, palette: Palette, font_for, gap: int) -> None:
    """Write the text blocks of a page into a document, each kind in its role's type and colour.

    One document holds the whole explanation, so that a screen reader reads it as one text, in
    order, and its caret walks it line by line. `font_for(role)` gives a role's QFont; `gap` is
    the space between blocks (a heading gets twice as much above it).
    """
    document.clear()
    cursor = QTextCursor(document)
    first = True
    for block in (b for b in blocks if b.kind in TEXT_KINDS):
        role = ROLES[ITEM if block.kind == K.LIST else block.kind]
        chars = QTextCharFormat()
        chars.setFont(font_for(role))
        chars.setForeground(QColor(palette.muted if block.kind in _MUTED else palette.text))
        above = 0 if first else gap * (2 if block.kind == K.HEADING else 1)
        for index, text in enumerate(block.items if block.kind == K.LIST else (block.text,)):
            _new_block(cursor, first, above if index == 0 else gap // 2)
            if block.kind == K.LIST:
                _bullet(cursor, index == 0)
            cursor.insertText(text, chars)
            first = False


def _new_block(cursor: QTextCursor, first: bool, above: int) -> None:
    if not first:
        cursor.insertBlock()
    layout = QTextBlockFormat()
    layout.setTopMargin(above)
    cursor.setBlockFormat(layout)


def _bullet(cursor: QTextCursor, starts_list: bool) -> None:
    """Make the current block an item of a bulleted list (a new list at its first item)."""
    if starts_list:
        style = QTextListFormat()
        style.setStyle(QTextListFormat.Style.ListDisc)
        cursor.createList(style)
    else:
        previous = cursor.block().previous().textList()
        if previous is not None:
            previous.add(cursor.block())
