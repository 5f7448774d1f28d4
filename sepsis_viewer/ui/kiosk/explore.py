"""What a visitor who touches the waiting-room screen gets to explore with: big Previous and Next
buttons and the four stages, in the same large type as the screen, each at least a finger wide,
in one row above the call to action. They are hidden while the loop runs: nothing on an
unattended screen looks like a control.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QSizePolicy, QWidget

from sepsis_viewer.content.model import Content, Stage
from sepsis_viewer.strings import ui
from sepsis_viewer.tour import TourStep
from sepsis_viewer.ui.kiosk.signage_type import SignageMetrics
from sepsis_viewer.ui.widgets.rounded import paint_rounded
from sepsis_viewer.ui.widgets.text import TextLabel
from sepsis_viewer.ui.widgets.theme import Palette


class TouchButton(QAbstractButton):
    """A button drawn by hand as a rounded patch, its words in child labels that wrap."""

    def __init__(self, fill: str, edge: str, focus: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._fill, self._edge, self._focus = fill, edge, focus
        self._radius, self._edge_width = 8.0, 2.0
        self._touch = 0
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the window's keys step the screens
        # Never smaller than its words in their large type, nor than a finger.
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum)
        layout = QHBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def label(self, text: str, role: str, colour: str) -> TextLabel:
        """A label of the button's words: a touch on it is a touch on the button."""
        label = TextLabel(text, role, self, colour=colour)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.layout().addWidget(label, 1 if label.wordWrap() else 0)
        return label

    def rescale(self, metrics: SignageMetrics) -> None:
        self._radius = metrics.gap * 0.8
        self._edge_width = max(2.0, metrics.short / 360)
        pad = metrics.gap
        # A finger's room round the words; no more across, so that the row fits a portrait screen
        # in every language (Précédent, Siguiente).
        self.layout().setContentsMargins(pad, pad, pad, pad)
        self.layout().setSpacing(pad)
        self._touch = metrics.touch
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        return QSize(max(hint.width(), self._touch), max(hint.height(), self._touch))

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_rounded(painter, QRectF(self.rect()).adjusted(1, 1, -1, -1), self._fill, self._edge, self._edge_width,
                      self._radius)
        painter.end()


class StepButton(TouchButton):
    """Previous or Next: white words on the accent colour."""

    def __init__(self, text: str, palette: Palette, parent: QWidget | None = None):
        super().__init__(palette.accent, palette.accent, palette.focus, parent)
        self.words = self.label(text, "body-bold", palette.accent_text)
        self.words.setWordWrap(False)
        self.words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName(text)


class StageButton(TouchButton):
    """A stage: its number, white on its colour (the ramp from calm to severe), its title in its
    accessible name; a dark ring while its step is on screen. Numbers, not titles: four titles in
    large type would not fit beside Previous and Next, and the screen names the stage it opens."""

    def __init__(self, stage: Stage, total: int, palette: Palette, parent: QWidget | None = None):
        colour = palette.stage_colour(stage.number)
        super().__init__(colour, colour, palette.focus, parent)
        self._ring = palette.text
        self.ident = stage.id
        self.setCheckable(True)
        self.number = self.label(str(stage.number), "body-bold", palette.accent_text)
        self.number.setWordWrap(False)
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName(ui("stage_accessible", title=stage.title, number=stage.number, total=total))

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        return QSize(max(hint.width(), hint.height()), hint.height())  # a square patch, not a slot

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.isChecked():  # the stage on screen: a ring round it, not only a change of colour
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            width = self._edge_width * 2
            rect = QRectF(self.rect()).adjusted(width / 2, width / 2, -width / 2, -width / 2)
            paint_rounded(painter, rect, "#00000000", self._ring, width, self._radius)
            painter.end()


class ExploreControls(QWidget):
    """Previous, the four stages and Next, in a row above the call to action; `stage_chosen` gives
    the id of a stage touched."""

    stage_chosen = Signal(str)

    def __init__(self, content: Content, palette: Palette, parent: QWidget | None = None):
        super().__init__(parent)
        self.previous = StepButton(ui("kiosk_previous"), palette, self)
        self.next = StepButton(ui("kiosk_next"), palette, self)
        total = len(content.stages)
        self.stages = [StageButton(stage, total, palette, self) for stage in content.stages]
        for button in self.stages:
            button.clicked.connect(lambda _=False, ident=button.ident: self.stage_chosen.emit(ident))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.previous)
        layout.addStretch(1)
        for button in self.stages:
            layout.addWidget(button)
        layout.addStretch(1)
        layout.addWidget(self.next)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def buttons(self) -> list[TouchButton]:
        """Previous, Next and the four stages."""
        return [self.previous, self.next, *self.stages]

    def show_step(self, step: TourStep) -> None:
        """Mark the stage on screen, if it is one."""
        for button in self.stages:
            button.setChecked(button.ident == step.id)

    def rescale(self, metrics: SignageMetrics) -> None:
        self.layout().setSpacing(metrics.gap)
