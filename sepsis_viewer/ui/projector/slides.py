"""The parts of a projected slide: the diagram band, the header of the current step, the footer.

A page that does not fit on one slide at the smallest allowed type is split into parts
(ui/widgets/pagination.py, shared with the waiting room).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from sepsis_viewer.content.model import Content, Stage
from sepsis_viewer.pages import Page
from sepsis_viewer.strings import ui
from sepsis_viewer.ui.widgets.diagram import ArrowMark
from sepsis_viewer.ui.widgets.blocks import page_colour
from sepsis_viewer.ui.widgets.text import IconLabel, TextLabel
from sepsis_viewer.ui.widgets.theme import Palette, SlideMetrics

SLIDE_SCALES = (1.0, 0.9, 0.8)  # of the slide type sizes, tried in turn before a page is split


class SlideHeader(QWidget):
    """Icon, kicker and title of the step on show."""

    def __init__(self, palette: Palette, parent: QWidget | None = None):
        super().__init__(parent)
        self._palette = palette
        self.icon = IconLabel(None, palette.accent, "page", self)
        self.kicker = TextLabel("", "small-bold", self, colour=palette.muted)
        self.title = TextLabel("", "h2", self)
        words = QVBoxLayout()
        words.setContentsMargins(0, 0, 0, 0)
        words.setSpacing(0)
        words.addWidget(self.kicker)
        words.addWidget(self.title)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(words, 1)

    def set_page(self, page: Page, part: int, parts: int) -> None:
        self.icon.set_icon(page.icon, page_colour(page, self._palette))
        self.icon.setVisible(page.icon is not None)
        kicker = page.kicker
        if parts > 1:
            kicker = " · ".join(k for k in (kicker, ui("slide_part", part=part + 1, parts=parts)) if k)
        self.kicker.setText(kicker)
        self.kicker.setVisible(bool(kicker))
        self.title.setText(page.title)

    def rescale(self, metrics: SlideMetrics) -> None:
        self.layout().setSpacing(metrics.gap * 2)

    def height_for(self, width: int) -> int:
        """The height the header takes at this width: the icon, or the words beside it if taller."""
        icon = self.icon.height() if not self.icon.isHidden() else 0
        words_width = width - (icon + self.layout().spacing() if icon else 0)
        words = sum(label.heightForWidth(words_width) for label in (self.kicker, self.title)
                    if not label.isHidden())
        return max(icon, words)


class StageChip(QWidget):
    """A stage of the diagram band: a dashed empty box until it is revealed, then number and title."""

    def __init__(self, stage: Stage, palette: Palette, parent: QWidget | None = None):
        super().__init__(parent)
        self._palette = palette
        self._colour = palette.stage_colour(stage.number)
        self.revealed = True
        self.current = False
        self.number = TextLabel(str(stage.number), "number", self, wrap=False)
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number.setStyleSheet(f"background: {self._colour}; color: {palette.accent_text}; border-radius: 4px;")
        self.title = TextLabel(stage.title, "title", self)
        layout = QHBoxLayout(self)
        layout.addWidget(self.number, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.title, 1, Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._edge = 2.0

    def set_state(self, revealed: bool, current: bool) -> None:
        self.revealed, self.current = revealed, current
        self.number.setVisible(revealed)
        self.title.setVisible(revealed)
        self.update()

    def rescale(self, metrics: SlideMetrics) -> None:
        side = round(metrics.text_px("number") * 1.5)
        self.number.setFixedSize(side, side)
        pad = metrics.gap
        self.layout().setContentsMargins(pad, pad, pad, pad)
        self.layout().setSpacing(pad)
        self._edge = max(2.0, metrics.height / 360)
        # An unrevealed chip keeps the size of a revealed one, so nothing jumps when it fills in.
        self.setMinimumHeight(side + 2 * pad)

    def paintEvent(self, event) -> None:  # noqa: N802
        p = self._palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self._edge * (2.5 if self.current else 1)
        rect = QRectF(self.rect()).adjusted(width, width, -width, -width)
        radius = rect.height() * 0.15
        if not self.revealed:
            painter.setPen(QPen(QColor(p.muted), self._edge, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(rect, radius, radius)
        else:
            painter.setBrush(QColor(p.tint(self._colour) if self.current else p.surface))
            painter.setPen(QPen(QColor(self._colour), width))
            painter.drawRoundedRect(rect, radius, radius)
        painter.end()


class StageBand(QWidget):
    """The four stages across the top of every slide, revealed one by one, with the Sepsis-3 note."""

    def __init__(self, content: Content, palette: Palette, parent: QWidget | None = None):
        super().__init__(parent)
        self.chips = [StageChip(stage, palette, self) for stage in content.stages]
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.arrows = []
        for index, chip in enumerate(self.chips):
            if index:
                arrow = ArrowMark(palette.muted, self)
                self.arrows.append(arrow)
                row.addWidget(arrow)
            row.addWidget(chip, 1)
        self.note = TextLabel(content.model_note.short, "small", self, colour=palette.muted)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.note)

    def set_state(self, revealed: int, current_number: int | None) -> None:
        """Show the first `revealed` stages; highlight the stage numbered `current_number`."""
        for index, chip in enumerate(self.chips):
            chip.set_state(index < revealed, current_number == index + 1)
        for index, arrow in enumerate(self.arrows):
            arrow.setVisible(index + 1 < revealed)

    def rescale(self, metrics: SlideMetrics) -> None:
        self.layout().setSpacing(metrics.gap)
        for arrow in self.arrows:
            arrow.setFixedWidth(round(metrics.height * 0.045))


class SlideFooter(QFrame):
    """The call to action and where we are, along the bottom of every slide."""

    def __init__(self, action: str, palette: Palette, parent: QWidget | None = None, note: str = ""):
        """`note`: "or your local emergency number", where the number is only a guess. It shows
        where the line has room for it beside the call; the call-to-action slide always says it."""
        super().__init__(parent)
        self.setObjectName("slideFooter")
        self.setStyleSheet(
            f"#slideFooter {{ background: {palette.cta_background}; border-radius: 6px; }}"
            f" #slideFooter QLabel {{ color: {palette.cta_text}; }}"
        )
        self.action = TextLabel(action, "emergency", self)
        self.progress = TextLabel("", "small-bold", self, wrap=False)
        self.progress.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.note = TextLabel(note, "small", self, wrap=False)
        self.note.hide()
        layout = QHBoxLayout(self)
        layout.addWidget(self.action, 1)
        layout.addWidget(self.note, 0)
        layout.addWidget(self.progress, 0)

    def rescale(self, metrics: SlideMetrics) -> None:
        pad = metrics.gap
        self.layout().setContentsMargins(pad * 2, pad, pad * 2, pad)
        self.layout().setSpacing(pad * 2)  # the note apart from the slide count beside it
        self._fit_note()

    def set_progress(self, text: str) -> None:
        """Where the slide is in the tour ("18 / 59")."""
        self.progress.setText(text)
        self._fit_note()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_note()

    def _fit_note(self) -> None:
        """The note, only while the call still fits on one line beside it: never at the cost of
        the call's words, or of the slide's height."""
        if not self.note.text():
            return
        layout = self.layout()
        margins = layout.contentsMargins()
        needed = (margins.left() + margins.right() + 2 * layout.spacing()
                  + self.action.fontMetrics().horizontalAdvance(self.action.text())
                  + self.note.fontMetrics().horizontalAdvance(self.note.text())
                  + self.progress.fontMetrics().horizontalAdvance(self.progress.text()) + 8)
        self.note.setVisible(needed <= self.width())


def slide_sizes(screen_height: int) -> list[SlideMetrics]:
    """The type sizes a slide may take, largest first: it shrinks to fit, never below the minimum."""
    return [SlideMetrics(screen_height, scale) for scale in SLIDE_SCALES]
