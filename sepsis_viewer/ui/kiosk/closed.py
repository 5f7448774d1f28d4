"""What the waiting-room screen shows while the clinic is closed: black, or a calm notice on black."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from sepsis_viewer.ui.kiosk.clinic_panel import screen_font
from sepsis_viewer.waiting_room import words
from sepsis_viewer.ui.widgets.text import TextLabel, set_background

BLACK = "#000000"
DIM_TEXT = "#A7B1B8"  # 8.9:1 on black: readable, and too dim to light up a dark room


def opening_words(language: str, now: datetime, opening: datetime | None) -> str:
    """"Open again today at 08:00." (tomorrow, or on Monday) in a language; "" if it never opens."""
    if opening is None:
        return ""
    time = opening.strftime("%H:%M")
    days = (opening.date() - now.date()).days
    if days == 0:
        return words(language, "kiosk_opens_today", time=time)
    if days == 1:
        return words(language, "kiosk_opens_tomorrow", time=time)
    day = QLocale(language).dayName(opening.isoweekday(), QLocale.FormatType.LongFormat)
    return words(language, "kiosk_opens_on", day=day, time=time)


class ClosedScreen(QWidget):
    """Black; with `notice`, "Closed" and the next opening in dim large type, drifting as the loop
    does against burn-in."""

    def __init__(self, family: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._family = family
        set_background(self, BLACK)
        self.title = TextLabel("", "", self, colour=DIM_TEXT)
        self.when = TextLabel("", "", self, colour=DIM_TEXT)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for label in (self.title, self.when):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addStretch(1)
        self._offset = (0, 0)

    def show_notice(self, notice: bool, language: str, now: datetime, opening: datetime | None) -> None:
        self.title.setText(words(language, "kiosk_closed") if notice else "")
        self.when.setText(opening_words(language, now, opening) if notice else "")
        self.title.setVisible(notice)
        self.when.setVisible(notice and bool(self.when.text()))
        self.setAccessibleName(f"{self.title.text()}. {self.when.text()}".strip(". ") if notice else "")

    @property
    def notice_shown(self) -> bool:
        return self.title.isVisibleTo(self)

    def fit(self, width: int, height: int) -> None:
        short = min(width, height)
        self.title.setFont(screen_font(self._family, short * 0.09, bold=True))
        self.when.setFont(screen_font(self._family, short * 0.045))

    def set_offset(self, dx: int, dy: int) -> None:
        """Move the notice a little (the loop's drift, in bigger steps: nothing else moves here)."""
        self.layout().setContentsMargins(max(0, 40 + dx * 10), max(0, 40 + dy * 10),
                                         max(0, 40 - dx * 10), max(0, 40 - dy * 10))
