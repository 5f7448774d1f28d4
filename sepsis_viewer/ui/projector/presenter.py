"""The presenter view on the teacher's own screen: now, next, speaker notes and the time."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from sepsis_viewer.pages import first_sentence, notes_for, page_for
from sepsis_viewer.strings import ui
from sepsis_viewer.timing import scaled_ms
from sepsis_viewer.ui.projector.control import ProjectorController
from sepsis_viewer.ui.widgets.speech import announce
from sepsis_viewer.ui.widgets.timers import owned_timer
from sepsis_viewer.ui.widgets.text import TextLabel, apply_metrics, set_background
from sepsis_viewer.ui.widgets.theme import DESKTOP, Palette, metrics_for


def _clock(milliseconds: int) -> str:
    seconds = milliseconds // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"


class PresenterView(QWidget):
    """Follows the controller; the keys pressed here drive the presentation too."""

    def __init__(self, controller: ProjectorController, family: str, audience: QWidget | None = None,
                 palette: Palette = DESKTOP, now: Callable[[], float] = time.monotonic):
        """`now` is the clock the elapsed time is read from, in seconds (a test passes its own)."""
        super().__init__()
        self.controller = controller
        self._family, self._audience = family, audience
        self.setWindowTitle(ui("presenter_title"))
        set_background(self, palette.window)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.slide_number = TextLabel("", "body-bold", self, wrap=False)
        self.elapsed = TextLabel("", "h2", self, wrap=False)
        self.clock = TextLabel("", "body", self, wrap=False, colour=palette.muted)
        top = QHBoxLayout()
        top.addWidget(self.slide_number, 1)
        top.addWidget(self.elapsed, 0)
        top.addWidget(self.clock, 0)
        self.preview = QLabel(self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.preview.setFrameShape(QFrame.Shape.Box)
        self.now = TextLabel("", "h2", self)
        self.next = TextLabel("", "title", self, colour=palette.muted)
        self.notes_heading = TextLabel(ui("presenter_notes"), "body-bold", self)
        self.notes = TextLabel("", "title", self)
        words = QVBoxLayout()
        words.addWidget(self.now)
        words.addWidget(self.next)
        words.addSpacing(12)
        words.addWidget(self.notes_heading)
        words.addWidget(self.notes)
        words.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.preview, 2)
        middle.addLayout(words, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        self._now = now
        self._started = now()
        self._tick = owned_timer(self, self._update_time, interval_ms=scaled_ms(1.0))
        self._tick.start()
        self._preview_timer = owned_timer(self, self._update_preview, interval_ms=0, single=True)
        controller.changed.connect(self.refresh)
        controller.moved.connect(self._on_moved)
        self.refresh()

    def restart_timer(self) -> None:
        self._started = self._now()
        self._update_time()

    def refresh(self) -> None:
        c = self.controller
        content = c.content
        step, part = c.step, c.part
        parts = c.parts(step)
        self.slide_number.setText(ui("presenter_slide", index=c.slide_index() + 1, count=c.slide_count()))
        title = page_for(content, step).title
        if parts > 1:
            title = f"{title} ({ui('slide_part', part=part + 1, parts=parts)})"
        self.now.setText(f"{ui('presenter_now')}: {title}")
        following = c.slide_at(1)
        if following is None:
            self.next.setText(f"{ui('presenter_next')}: {ui('presenter_end')}")
        else:
            next_step, next_part = following
            next_title = page_for(content, next_step).title
            if c.parts(next_step) > 1:
                next_title = f"{next_title} ({ui('slide_part', part=next_part + 1, parts=c.parts(next_step))})"
            self.next.setText(f"{ui('presenter_next')}: {next_title}")
        self.notes.setText(notes_for(content, step) or ui("presenter_no_notes"))
        self._update_time()
        # Grab the audience view once it has painted the new slide, not from inside its update.
        self._preview_timer.start()

    def _on_moved(self) -> None:
        """Tell a screen reader the new slide and how its notes begin (while this view is open)."""
        if self.isVisible():
            notes = notes_for(self.controller.content, self.controller.step).strip()
            lead = first_sentence(notes.splitlines()[0]) if notes else ""
            announce(f"{self.controller.slide_title()}. {lead}".strip(), self)

    def _update_time(self) -> None:
        self.elapsed.setText(ui("presenter_elapsed", time=_clock(int((self._now() - self._started) * 1000))))
        self.clock.setText(QTime.currentTime().toString("HH:mm"))

    def _update_preview(self) -> None:
        if self._audience is None or self._audience.width() <= 0:
            self.preview.clear()
            return
        shot = self._audience.grab()
        if not self.preview.width() or shot.isNull():
            return
        self.preview.setPixmap(shot.scaled(self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        metrics = metrics_for(self.width(), self.height())
        apply_metrics(self, self._family, metrics)
        self._preview_timer.start()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if not self.controller.handle_key(event.key(), event.text()):
            super().keyPressEvent(event)
