"""The waiting room's window: frameless, full screen, no menus, closed only by the quit chord.

It lays the screen out as signage: the progress line along the top, one content's screens (its
words, its picture and the call to action at the foot: SignageView), and the clinic's own panel
(its message and QR code) in a fixed place, a column on the right of a landscape screen or a band
at the foot of a portrait one; while the clinic is closed, the closed screen instead of it all.
It keeps the views of the other languages that take turns, so that a loop in another language
does not build them again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QLayout, QStackedLayout, QVBoxLayout, QWidget

from sepsis_viewer import strings
from sepsis_viewer.content import Content
from sepsis_viewer.ui.kiosk.clinic_panel import ClinicPanel
from sepsis_viewer.ui.kiosk.closed import ClosedScreen
from sepsis_viewer.ui.kiosk.signage_type import SignageMetrics, signage_metrics
from sepsis_viewer.ui.kiosk.signage_view import SignageView
from sepsis_viewer.ui.kiosk.strip import Countdown
from sepsis_viewer.ui.widgets.banners import WarningBanner
from sepsis_viewer.ui.widgets.fonts import use_app_font
from sepsis_viewer.ui.widgets.text import apply_metrics, set_background, set_text_role
from sepsis_viewer.ui.widgets.theme import PROJECTOR, Palette

K = Qt.Key
NEXT_KEYS = {K.Key_Right, K.Key_Down, K.Key_PageDown, K.Key_Space, K.Key_Return, K.Key_Enter}
PREVIOUS_KEYS = {K.Key_Left, K.Key_Up, K.Key_PageUp, K.Key_Backspace}
STAGE_KEYS = {K.Key_1: 0, K.Key_2: 1, K.Key_3: 2, K.Key_4: 3}


class KioskWindow(QWidget):
    """The waiting-room screen: signage for one content at a time, and the clinic's panel."""

    screen_changed = Signal(str, int)  # any view's: the step's id and the part on screen

    def __init__(self, content: Content, strip: QWidget, *, keep: int = 0, palette: Palette = PROJECTOR):
        """`keep`: how many other contents' views to keep for their next turn."""
        self._family = use_app_font()
        super().__init__()
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # its keys step the screens while exploring
        self.closable = False  # only the quit chord ends the loop (see KioskSession.quit)
        self._palette, self._keep = palette, keep
        self._kept: dict[int, SignageView] = {}  # by id() of their content
        self.metrics: SignageMetrics | None = None
        self._offset = (0, 0)
        set_background(self, palette.window)
        self.strip = strip
        self.clinic = ClinicPanel(palette)
        self.clinic.wanted_changed.connect(lambda _wanted: self._rescale())
        self.closed_screen = ClosedScreen(self._family)
        self.closed = False
        self.signage = QWidget()
        # A warning for the clinic's staff (a file that could not be used), over the screens for a
        # minute: they are split again for the room it leaves, so nothing is under it.
        self.banner = WarningBanner(palette, self.signage)
        self.banner.dismiss.hide()  # nobody is there to press it: it goes by itself
        set_text_role(self.banner.text, "small")
        self.banner.installEventFilter(self)
        self._views = QStackedLayout()
        self._main = QVBoxLayout()
        self._main.addWidget(self.banner)
        self._main.addLayout(self._views, 1)
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._body.addLayout(self._main, 1)
        self._body.addWidget(self.clinic)
        column = QVBoxLayout(self.signage)
        column.addWidget(strip)
        column.addLayout(self._body, 1)
        self._screens = QStackedLayout(self)
        # Everything is sized from the screen: what it needed on the last screen must never keep
        # the window from fitting the next (a 4K screen swapped for a 1080-line one).
        for layout in (column, self._screens):
            layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._screens.addWidget(self.signage)
        self._screens.addWidget(self.closed_screen)
        self.countdown = Countdown(palette, self)
        self.view: SignageView | None = None
        self.set_content(content)

    # --- what the loop and the command line use ------------------------------------------------

    content = property(lambda self: self.view.content)
    tour = property(lambda self: self.view.tour)
    part = property(lambda self: self.view.part)

    def select(self, step_id: str, part: int = 0) -> None:
        """Show a step of the signage tour, from its first part (or `part`)."""
        self.view.select(step_id, part)

    def next_part(self) -> bool:
        """The next screen of the step on show, if it has one (the loop's question)."""
        return self.view.next_part()

    def parts(self) -> int:
        """How many screens the step on show takes."""
        return self.view.parts()

    def screen_page(self):
        """The words on screen, as a page: the loop reckons its time on a screen from them."""
        return self.view.screen_page()

    def show_warning(self, text: str) -> None:
        """A warning for the clinic's staff, over the screens (which make room for it)."""
        self.banner.show_warning(text)

    def set_content(self, content: Content) -> None:
        """Show this content from the start of its tour, with a kept view where there is one."""
        strings.set_language(content.language)
        view = self._kept.pop(id(content), None)
        if view is None:
            view = SignageView(content, self._palette, self._family)
            view.screen_changed.connect(self.screen_changed)
            for zone in (view.board, view.picture):  # the overlays follow them wherever they go
                zone.installEventFilter(self)
        old, self.view = self.view, view
        self._views.addWidget(view)
        self._views.setCurrentWidget(view)
        if old is not None:
            view.set_exploring(old.exploring)
            self._views.removeWidget(old)
            old.hide()
            self._retire(old)
        self.clinic.set_language(content.language)
        if self.metrics is not None:
            self._rescale()

    def set_exploring(self, exploring: bool) -> None:
        """A visitor is here (the controls show) or has gone (the loop's screens alone)."""
        self.view.set_exploring(exploring)
        self._place_overlays()

    def show_countdown(self, seconds: int) -> None:
        """The countdown in the picture's place (-1: the picture again)."""
        self.view.picture.set_covered(seconds >= 0)
        self.countdown.show_countdown(seconds)
        self._place_overlays()

    # --- opening hours ------------------------------------------------------------------------

    def show_closed(self) -> None:
        """The closed screen instead of the signage (kept, for opening time)."""
        self.closed = True
        self._screens.setCurrentWidget(self.closed_screen)
        self.closed_screen.fit(self.width(), self.height())

    def show_open(self) -> None:
        """The signage again at opening time."""
        if not self.closed:
            return
        self.closed = False
        self._screens.setCurrentWidget(self.signage)
        self._rescale()

    # --- kept views ---------------------------------------------------------------------------

    def set_keep(self, keep: int) -> None:
        """A new set of contents (a changed configuration): the kept views were of the old ones."""
        self._keep = keep
        while self._kept:
            self._kept.pop(next(iter(self._kept))).deleteLater()

    def _retire(self, view: SignageView) -> None:
        """Keep the outgoing view for its content's next turn, or let it go. Rebuilding a screen's
        worth of widgets every loop for weeks only fragments the memory."""
        if self._keep <= 0:
            view.deleteLater()
            return
        self._kept[id(view.content)] = view
        while len(self._kept) > self._keep:
            self._kept.pop(next(iter(self._kept))).deleteLater()

    # --- size and place -----------------------------------------------------------------------

    def set_drift(self, dx: int, dy: int) -> None:
        """Shift everything by a few pixels, so that nothing stays burnt into a screen left on for weeks."""
        self._offset = (dx, dy)
        self.closed_screen.set_offset(dx, dy)
        self._set_margins()
        self._place_overlays()

    def _set_margins(self) -> None:
        if self.metrics is None:
            return
        m, (dx, dy) = self.metrics.margin, self._offset
        self.signage.layout().setContentsMargins(m + dx, m + dy, m - dx, m - dy)
        self.signage.layout().activate()

    def _rescale(self) -> None:
        width, height = self.width(), self.height()
        portrait = height > width
        metrics = self.metrics = signage_metrics(width, height)
        for widget in (self.strip, self.banner, self.countdown):
            apply_metrics(widget, self._family, metrics)
        self.signage.layout().setSpacing(metrics.gap)
        self._main.setSpacing(metrics.gap)
        self._body.setSpacing(metrics.margin)
        self._body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self._fit_clinic(width, height, portrait)
        self._set_margins()
        self.view.fit(metrics, portrait)
        self.signage.layout().activate()
        self.view.relayout()
        self.closed_screen.fit(width, height)
        self._place_overlays()

    def _fit_clinic(self, width: int, height: int, portrait: bool) -> None:
        """The clinic's panel: a column as wide as its code on a landscape screen, a band as tall
        as its code or its words on a portrait one; none when the clinic gives nothing to show."""
        self.clinic.setVisible(self.clinic.wanted)
        across = width - 2 * self.metrics.margin
        self.clinic.fit(self._family, width, height, across if portrait else None)
        self.clinic.setMinimumSize(0, 0)
        self.clinic.setMaximumSize(16777215, 16777215)
        if portrait:
            self.clinic.setFixedHeight(self.clinic.extent)
        else:
            self.clinic.setFixedWidth(self.clinic.extent)

    def _place_overlays(self) -> None:
        """The countdown in the middle of the picture's place."""
        if self.view is None or self.metrics is None:
            return
        picture = self.view.picture
        area = QRect(picture.mapTo(self, picture.rect().topLeft()), picture.size())
        tall = min(area.height(), self.countdown.heightForWidth(area.width()))
        self.countdown.setGeometry(area.x(), area.y() + (area.height() - tall) // 2, area.width(), tall)
        self.countdown.raise_()

    # --- Qt's events --------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._rescale()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        kind = event.type()
        if watched is self.banner and kind in (QEvent.Type.Show, QEvent.Type.Hide) and self.metrics is not None:
            # Qt tells the layout of a widget shown or hidden only after this event: tell it now.
            self.signage.layout().invalidate()
            self.signage.layout().activate()
            self.view.relayout()  # the room the warning takes, or gives back
        elif kind in (QEvent.Type.Resize, QEvent.Type.Move):
            self._place_overlays()
        return False

    def keyPressEvent(self, event) -> None:  # noqa: N802
        """While a visitor explores: arrows, Page Up and Down, Space and Enter step the screens,
        1 to 4 open a stage. Any key first starts exploring (KioskSession sees it)."""
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return  # nothing of the desktop's shortcuts; the quit chord is an application shortcut
        key = event.key()
        stages = self.view.controls.stages
        if key in NEXT_KEYS:
            self.view.next_screen()
        elif key in PREVIOUS_KEYS:
            self.view.previous_screen()
        elif key in STAGE_KEYS and STAGE_KEYS[key] < len(stages):
            self.view.select(stages[STAGE_KEYS[key]].ident)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        # Ask for the keyboard: a session without a window manager (a screen at boot) never gives it.
        self.activateWindow()
        self.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self.closable:
            event.ignore()
            return
        super().closeEvent(event)
