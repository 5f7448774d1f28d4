"""Selectable cards: the stage nodes of the diagram and the items of the side panels."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from sepsis_viewer.content.model import PanelItem, Stage
from sepsis_viewer.ui.widgets.roles import Role, speaks_as
from sepsis_viewer.ui.widgets.rounded import Badge, paint_rounded
from sepsis_viewer.ui.widgets.text import IconLabel, TextLabel
from sepsis_viewer.ui.widgets.theme import Metrics, Palette

_KEYBOARD_REASONS = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.OtherFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)
_PREVIOUS_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Up)
_NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_Down)


class CardButton(QAbstractButton):
    """A checkable card drawn by hand, with child labels for its words.

    Its size is that of the layout of its labels: Qt's own sizeHint and heightForWidth ask the
    layout (overriding them in Python only made each of some 600 questions a start asks cross into
    Python and back). Arrow keys move between the cards of one row or list, Enter and Space select.
    """

    activated = Signal(str)  # the id of what the card stands for
    focused = Signal()

    def __init__(self, ident: str, palette: Palette, edge: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ident = ident
        self._palette = palette
        self._edge = edge
        self._keyboard_focus = False
        self.neighbours: list[CardButton] = []
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.clicked.connect(lambda: self.activated.emit(self.ident))
        self._radius = 8.0
        self._edge_width = 2.0

    def _label(self, text: str, role: str, colour: str | None = None) -> TextLabel:
        label = TextLabel(text, role, self, colour=colour)
        # Clicks on the words belong to the card.
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        return label

    def rescale(self, metrics: Metrics) -> None:
        self._radius = max(6.0, metrics.base * 0.5)
        self._edge_width = max(1.5, metrics.base / 10)
        # Room inside the edge for the focus ring, then the words.
        pad = max(8, round(metrics.base * 0.75)) + 2
        self.layout().setContentsMargins(pad, pad, pad, pad)
        self.layout().setSpacing(max(4, round(metrics.base * 0.4)))

    def selected_background(self) -> str:
        return self._palette.accent_tint

    def selected_edge(self) -> str:
        return self._palette.accent

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        p = self._palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        checked = self.isChecked()
        width = self._edge_width * (2 if checked else 1)
        outer = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        paint_rounded(painter, outer, self.selected_background() if checked else p.surface,
                      self.selected_edge() if checked else self._edge, width, self._radius)
        rect = outer.adjusted(width / 2, width / 2, -width / 2, -width / 2)  # the middle of the edge
        self.paint_extra(painter, rect)
        # The window's focus widget, not hasFocus(): a kiosk session without a window manager never
        # activates the window, yet its keys still arrive and the ring must show where they go.
        if self.window().focusWidget() is self and self._keyboard_focus:
            # Two tones, a light band under a dark dashed line, so the ring shows on any fill.
            line = max(2.0, self._edge_width)
            inset = width / 2 + line * 1.25  # just inside the edge, clear of the words
            ring = rect.adjusted(inset, inset, -inset, -inset)
            for colour, pen_width, style in ((p.surface, line * 2.5, Qt.PenStyle.SolidLine),
                                             (p.focus, line, Qt.PenStyle.DashLine)):
                painter.setPen(QPen(QColor(colour), pen_width, style))
                painter.drawRoundedRect(ring, self._radius * 0.7, self._radius * 0.7)
        painter.end()

    def paint_extra(self, painter: QPainter, rect: QRectF) -> None:
        """Subclasses draw their own marks over the card here."""

    def nextCheckState(self) -> None:  # noqa: N802
        # A click asks for a selection; the window decides what is selected (one thing at a time).
        # No QButtonGroup either: its exclusive mode would let Tab reach only the checked card.
        pass

    def focusInEvent(self, event) -> None:  # noqa: N802
        self._keyboard_focus = event.reason() in _KEYBOARD_REASONS
        super().focusInEvent(event)
        self.focused.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
        elif key in _PREVIOUS_KEYS + _NEXT_KEYS and self in self.neighbours:
            step = -1 if key in _PREVIOUS_KEYS else 1
            index = self.neighbours.index(self) + step
            if 0 <= index < len(self.neighbours):
                self.neighbours[index].setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            super().keyPressEvent(event)


def link_neighbours(cards: list[CardButton]) -> None:
    """Let arrow keys move between these cards, in this order."""
    for card in cards:
        card.neighbours = cards


@speaks_as(Role.RadioButton)  # one stage of four is shown at a time
class StageNode(CardButton):
    """A box of the progression diagram: number, icon, title and a one-line summary."""

    def __init__(self, stage: Stage, total: int, palette: Palette, accessible_name: str,
                 parent: QWidget | None = None):
        colour = palette.stage_colour(stage.number)
        super().__init__(stage.id, palette, colour, parent)
        self._colour = colour
        self.number = Badge(str(stage.number), colour, palette.accent_text, 4.0, self)
        self.number.setTextFormat(Qt.TextFormat.PlainText)
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number.setProperty("textRole", "number")
        self.number.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.icon = IconLabel(stage.icon, colour, "stage", self)
        self.title = self._label(stage.title, "title")
        self.summary = self._label(stage.summary, "small", palette.muted)
        top = QHBoxLayout()
        top.addWidget(self.number, 0, Qt.AlignmentFlag.AlignTop)
        top.addStretch(1)
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.setAccessibleName(accessible_name)
        self.setAccessibleDescription(stage.summary)
        self.setToolTip("")

    def rescale(self, metrics: Metrics) -> None:
        super().rescale(metrics)
        side = round(metrics.text_px("number") * 1.8)
        self.number.setFixedSize(side, side)
        # The band on top carries the stage colour; keep the words clear of it.
        margins = self.layout().contentsMargins()
        self.layout().setContentsMargins(margins.left(), margins.top() + self._band(), margins.right(),
                                         margins.bottom())

    def _band(self) -> int:
        return round(self._radius * 0.9)

    def selected_background(self) -> str:
        return self._palette.tint(self._colour)

    def selected_edge(self) -> str:
        return self._colour

    def paint_extra(self, painter: QPainter, rect: QRectF) -> None:
        band = QPainterPath()
        band.addRoundedRect(QRectF(rect.left(), rect.top(), rect.width(), self._band() * 2), self._radius,
                            self._radius)
        clip = QPainterPath()
        clip.addRect(QRectF(rect.left(), rect.top(), rect.width(), self._band()))
        painter.fillPath(band.intersected(clip), QColor(self._colour))


@speaks_as(Role.RadioButton)
class ItemCard(CardButton):
    """An item of a side panel: icon, title and one or two sentences."""

    def __init__(self, item: PanelItem, palette: Palette, parent: QWidget | None = None):
        super().__init__(item.id, palette, palette.border, parent)
        self.icon = IconLabel(item.icon, palette.accent, "card", self)
        self.title = self._label(item.title, "body-bold")
        self.summary = self._label(item.summary, "small", palette.muted)
        words = QVBoxLayout()
        words.setContentsMargins(0, 0, 0, 0)
        words.addWidget(self.title)
        words.addWidget(self.summary)
        words.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(words, 1)
        self.setAccessibleName(item.title)
        self.setAccessibleDescription(item.summary)
