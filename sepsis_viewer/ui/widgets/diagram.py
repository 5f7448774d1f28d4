"""The progression diagram: four stage nodes joined by arrows, with the Sepsis-3 note beside them."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from sepsis_viewer.content.model import Content
from sepsis_viewer.pages import sources_line
from sepsis_viewer.strings import ui
from sepsis_viewer.ui.widgets.cards import StageNode, link_neighbours
from sepsis_viewer.ui.widgets.roles import Role, speaks_as
from sepsis_viewer.ui.widgets.rounded import RoundedFrame
from sepsis_viewer.ui.widgets.text import IconLabel, TextLabel
from sepsis_viewer.ui.widgets.theme import Metrics, Palette


class ArrowMark(QWidget):
    """The arrow from one stage to the next: drawn, so it scales, and hidden from screen readers."""

    def __init__(self, colour: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._colour = colour
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setFixedWidth(24)

    def rescale(self, metrics: Metrics) -> None:
        self.setFixedWidth(round(metrics.base * 1.6))

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        y = h / 2
        stroke = max(2.0, w / 9)
        head = w * 0.42
        pen = QPen(QColor(self._colour), stroke, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(w * 0.1, y), QPointF(w * 0.9 - head * 0.6, y))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self._colour))
        painter.drawPolygon(QPolygonF([QPointF(w * 0.9, y), QPointF(w * 0.9 - head, y - head * 0.75),
                                       QPointF(w * 0.9 - head, y + head * 0.75)]))
        painter.end()


class NoteBox(RoundedFrame):
    """The always-visible Sepsis-3 note: how doctors define sepsis today."""

    def __init__(self, content: Content, palette: Palette, parent: QWidget | None = None):
        super().__init__(palette.surface, palette.accent, 2.0, 8.0, parent)
        note = content.model_note
        self._palette = palette
        self.icon = IconLabel(note.icon, palette.accent, "small", self)
        self.title = TextLabel(note.title, "body-bold", self)
        self.text = TextLabel(note.text, "small", self)
        self.source = TextLabel(sources_line(content, note.sources), "small", self, colour=palette.muted)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.title, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.text)
        layout.addWidget(self.source)
        layout.addStretch(1)
        self.setAccessibleName(f"{note.title}. {note.text}")

    def rescale(self, metrics: Metrics) -> None:
        pad = max(6, round(metrics.base * 0.7))
        self.layout().setContentsMargins(pad, pad, pad, pad)
        self.layout().setSpacing(max(3, round(metrics.base * 0.3)))


@speaks_as(Role.Grouping)  # its name is said as the stages are reached
class ProgressionDiagram(QWidget):
    """The classic four-step model, labelled as such, with today's definition beside it."""

    def __init__(self, content: Content, palette: Palette, parent: QWidget | None = None):
        super().__init__(parent)
        total = len(content.stages)
        self.caption = TextLabel(content.model_note.label, "small-bold", self, colour=palette.muted)
        self.nodes: list[StageNode] = []
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        for index, stage in enumerate(content.stages):
            if index:
                row.addWidget(ArrowMark(palette.muted, self))
            name = ui("stage_accessible", title=stage.title, number=stage.number, total=total)
            node = StageNode(stage, total, palette, name, self)
            self.nodes.append(node)
            row.addWidget(node, 1)
        link_neighbours(self.nodes)
        stages = QVBoxLayout()
        stages.setContentsMargins(0, 0, 0, 0)
        stages.addWidget(self.caption)
        stages.addLayout(row, 1)
        self.note = NoteBox(content, palette, self)
        layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(stages, 4 * total)
        layout.addWidget(self.note, 5)
        self.setAccessibleName(ui("diagram_accessible"))

    def rescale(self, metrics: Metrics) -> None:
        self.layout().setSpacing(metrics.gap)
        self.layout().itemAt(0).layout().setSpacing(max(3, metrics.gap // 2))

    def set_portrait(self, portrait: bool) -> None:
        """On a tall screen the Sepsis-3 note goes under the stages instead of beside them."""
        self.layout().setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
