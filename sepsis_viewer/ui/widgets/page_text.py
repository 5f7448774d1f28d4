"""The detail's words as one read-only text, named by the page: what a screen reader's say-all reads,
from the first heading to the last source, and what its caret walks line by line.

Labels, one a paragraph, gave a screen reader nothing to read: Orca's say-all stopped at the
area's name ("Details"), and flat review wandered off into the panels beside it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextEdit, QWidget

from sepsis_viewer.ui.widgets.blocks import TEXT_KINDS, write_blocks
from sepsis_viewer.ui.widgets.text import text_font, viewport_of
from sepsis_viewer.ui.widgets.theme import Metrics, Palette


class PageText(QTextEdit):
    """A page's text blocks in one document, as tall as its words: the detail area scrolls, not it."""

    def __init__(self, palette: Palette, family: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._palette, self._family = palette, family
        self._metrics: Metrics | None = None
        self._blocks: tuple = ()
        self._heights: dict[int, int] = {}
        self.setReadOnly(True)
        # The keyboard's caret reads the text; nothing in it can be changed.
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                     | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        for policy in (self.setHorizontalScrollBarPolicy, self.setVerticalScrollBarPolicy):
            policy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        viewport_of(self).setAutoFillBackground(False)  # the detail's card shows through
        self.document().setDocumentMargin(7)  # room for the focus ring, clear of the words
        self.document().contentsChanged.connect(self._heights.clear)
        size = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        size.setHeightForWidth(True)
        self.setSizePolicy(size)

    def show_blocks(self, title: str, blocks) -> None:
        """Hold these blocks' words (the text kinds among them), named by the page's title."""
        self._blocks = tuple(b for b in blocks if b.kind in TEXT_KINDS)
        self.setAccessibleName(title)
        self._write()

    def has_words(self) -> bool:
        return bool(self._blocks)

    def rescale(self, metrics: Metrics) -> None:
        if metrics != self._metrics:
            self._metrics = metrics
            self._write()

    def _write(self) -> None:
        if self._metrics is None:
            return  # written once the window has a size
        metrics = self._metrics
        self.document().setIndentWidth(round(metrics.base * 1.25))  # a list's bullet, as wide as before
        write_blocks(self.document(), self._blocks, self._palette,
                     lambda role: text_font(self._family, metrics, role), max(4, metrics.gap // 2))
        self.moveCursor(self.textCursor().MoveOperation.Start)
        self.updateGeometry()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if self.hasFocus():  # painted by hand, as the cards' rings: a style sheet costs every paint
            painter = QPainter(viewport_of(self))
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor(self._palette.focus), 2, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(QRectF(viewport_of(self).rect()).adjusted(1, 1, -1, -1), 4, 4)
            painter.end()

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        viewport_of(self).update()  # the ring

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        viewport_of(self).update()

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        chrome = 2 * self.frameWidth()
        inner = max(1, width - chrome)
        height = self._heights.get(inner)
        if height is None:
            document = self.document()
            if document.textWidth() != inner:
                document = document.clone()  # measured at another width, leaving the shown one be
                document.setTextWidth(inner)
            height = self._heights[inner] = math.ceil(document.size().height()) + chrome
        return height

    def sizeHint(self) -> QSize:  # noqa: N802
        width = max(self.width(), 200)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(0, 0)
