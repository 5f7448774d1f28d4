"""The clinic's own words on the waiting-room screen: its message, and its web address as a QR code.

A self-contained panel that ui/kiosk/window.py places beside the signage (a column, on a
landscape screen) or under it (a band, on a portrait one); nothing else depends on where it is. Sized from the screen, not from the infographic's type: the
message is read from the chairs, the code scanned from a metre or two.
"""

from __future__ import annotations

import io
import math

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QBoxLayout, QLayout, QSizePolicy, QVBoxLayout, QWidget

from sepsis_viewer.kiosk_config import KioskConfig
from sepsis_viewer.waiting_room import words
from sepsis_viewer.ui.widgets.rounded import RoundedFrame
from sepsis_viewer.ui.widgets.text import TextLabel, set_text_colour
from sepsis_viewer.ui.widgets.theme import Palette

# The message: 4.5% of the screen's shorter side (49 px on a 1080-line screen, about an inch of
# letter height on a 55" TV: the signage rule of thumb for reading from 3 to 4 m).
MESSAGE_SHARE = 0.045
CAPTION_SHARE = 0.03
# A QR module at least 1/135 of the shorter side: 8 px on a 1080-line screen, 4 to 5 mm on a 43"
# to 55" TV (16 px, the same size, at 4K). Phones read a code some ten times as far as it is wide,
# so a code of 25 to 41 modules reads from about 1 to 1.5 m.
MODULE_SHARE = 1 / 135
MIN_MODULE_PX = 6
QUIET_MODULES = 4  # the light margin round the code that the standard asks for, kept inside the image


def qr_code(url: str):
    """The QR code of a web address, made here (segno: no service on the network is asked)."""
    import segno  # only when a clinic gives an address: a start without one does not pay for it

    # The smallest code (a screen is not creased or stained, so the lowest error correction will
    # do), with the correction raised as far as that size allows.
    return segno.make_qr(url, error="l", boost_error=True)


def qr_image(code) -> QImage:
    """The code as Qt reads it from a PNG rendered in memory: one pixel a module, quiet zone kept."""
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=1, border=QUIET_MODULES, dark="#000000", light="#FFFFFF")
    image = QImage()
    if not image.loadFromData(buffer.getvalue(), "PNG"):
        raise ValueError("the QR code's PNG could not be read")
    return image


def module_px(width: int, height: int) -> int:
    return max(MIN_MODULE_PX, math.ceil(min(width, height) * MODULE_SHARE))


class QrCodeView(QWidget):
    """A QR code drawn at a whole number of pixels a module, never smoothed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.url = ""
        self.code = None
        self.module_px = MIN_MODULE_PX
        self._image: QImage | None = None
        self._pixmap: QPixmap | None = None
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    @property
    def matrix(self) -> tuple[bytearray, ...]:
        """The code's modules as segno made them (1 dark), without the quiet zone."""
        return self.code.matrix if self.code is not None else ()

    def set_url(self, url: str) -> None:
        if url == self.url:
            return
        self.url = url
        self.code = qr_code(url) if url else None
        self._image = qr_image(self.code) if self.code is not None else None
        self.setAccessibleName(words_for_code(url))
        self._render()

    def set_module_px(self, px: int) -> None:
        if px != self.module_px:
            self.module_px = px
            self._render()

    def _render(self) -> None:
        if self._image is None:
            self._pixmap = None
            self.setFixedSize(0, 0)
            return
        side = self._image.width() * self.module_px
        self._pixmap = QPixmap.fromImage(self._image.scaled(side, side, Qt.AspectRatioMode.IgnoreAspectRatio,
                                                            Qt.TransformationMode.FastTransformation))
        self.setFixedSize(side, side)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.size()

    def paintEvent(self, event) -> None:  # noqa: N802
        if self._pixmap is None:
            return
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._pixmap)
        painter.end()


def words_for_code(url: str) -> str:
    from sepsis_viewer.strings import ui

    return ui("kiosk_qr_accessible", url=url) if url else ""


class ClinicPanel(RoundedFrame):
    """The clinic's message in large type and its web address as a QR code with a caption: one
    above the other in a column, side by side in a band. `wanted`: whether the configuration gives
    it anything to show."""

    wanted_changed = Signal(bool)

    def __init__(self, palette: Palette, parent: QWidget | None = None):
        super().__init__(palette.surface, palette.accent, 3.0, 8.0, parent)
        set_text_colour(self, palette.text)
        self.config = KioskConfig()
        self.language = "en"
        self.wanted = False  # whether the configuration gives it anything to show
        # No text role: apply_metrics leaves these alone, and fit() sizes them from the screen.
        self.message = TextLabel("", "", self)
        self.caption = TextLabel("", "", self, colour=palette.muted)
        self.code = QrCodeView(self)
        self._words = QVBoxLayout()
        self._words.setContentsMargins(0, 0, 0, 0)
        self._words.addStretch(1)
        self._words.addWidget(self.message)
        self._words.addStretch(1)
        self._words.addWidget(self.caption)
        layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        # The panel is sized for each screen by fit(): what it needed on the last one must never
        # keep the window from fitting the next (a 4K screen swapped for a 1080-line one).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.extent = 0  # the width of the column, or the height of the band, that fit() worked out
        self.portrait = False
        layout.addLayout(self._words, 1)
        layout.addWidget(self.code, 0, Qt.AlignmentFlag.AlignCenter)

    def show_clinic(self, config: KioskConfig, language: str | None = None) -> None:
        """Show what a configuration gives, in a language (the one on screen)."""
        self.config = config
        if language:
            self.language = language
        message = config.message_for(self.language)
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.code.set_url(config.link or "")
        caption = (config.caption_for(self.language) or words(self.language, "kiosk_qr_caption")) if config.link else ""
        self.caption.setText(caption)
        self.caption.setVisible(bool(caption))
        self.setAccessibleName(words(self.language, "kiosk_clinic_panel", message=message) if message else caption)
        wanted = bool(message or config.link)
        if wanted != self.wanted:
            self.wanted = wanted
            self.wanted_changed.emit(wanted)

    def set_language(self, language: str) -> None:
        if language != self.language:
            self.show_clinic(self.config, language)

    def fit(self, family: str, width: int, height: int, across: int | None = None) -> None:
        """Type and code sized from the screen (the message at 4.5% of its shorter side): a column
        as wide as the code and a few words on a landscape screen, a band as tall as the code
        (or the words) on a portrait one, `across` pixels wide (the screen's width by default)."""
        short = min(width, height)
        portrait = self.portrait = height > width
        self.message.setFont(screen_font(family, short * MESSAGE_SHARE, bold=True))
        self.caption.setFont(screen_font(family, short * CAPTION_SHARE))
        self.code.set_module_px(module_px(width, height))
        pad = max(8, round(short * 0.015))
        self.layout().setContentsMargins(pad * 2, pad * 2, pad * 2, pad * 2)
        self.layout().setSpacing(pad * 2)
        self._words.setSpacing(pad)
        self.layout().setDirection(QBoxLayout.Direction.LeftToRight if portrait else QBoxLayout.Direction.TopToBottom)
        align = Qt.AlignmentFlag.AlignLeft if portrait else Qt.AlignmentFlag.AlignHCenter
        for label in (self.message, self.caption):
            label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        code = self.code.width()
        if portrait:
            words = (across or width) - code - 6 * pad  # the panel's margins and the spacing beside the code
            shown = [label.heightForWidth(words) for label in (self.message, self.caption) if not label.isHidden()]
            self.extent = max(code, sum(shown) + pad * (len(shown) - 1)) + 4 * pad
        else:
            self.extent = max(code, round(width * 0.2)) + 4 * pad

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(0, 0)  # see SetNoConstraint above

    def sizeHint(self) -> QSize:  # noqa: N802
        # The extent fit() worked out, never the width of the message on one line.
        return QSize(self.extent, 100) if not self.portrait else QSize(100, self.extent)


def screen_font(family: str, px: float, bold: bool = False):
    """A font whose size comes from the screen rather than the infographic's type scale."""
    from PySide6.QtGui import QFont

    font = QFont(family)
    font.setPixelSize(max(12, math.ceil(px)))  # never below the share asked for
    font.setWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    return font
