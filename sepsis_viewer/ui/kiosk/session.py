"""Waiting-room mode: signage, full screen, walking the tour screen by screen for weeks with nobody there."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPropertyAnimation, Qt, QTimer
from PySide6.QtGui import QKeySequence, QPixmapCache, QShortcut
from PySide6.QtWidgets import QApplication, QGraphicsOpacityEffect

from sepsis_viewer import memory, sd_notify
from sepsis_viewer.content import Content
from sepsis_viewer.kiosk_config import KioskConfig
from sepsis_viewer.setting import Setting
from sepsis_viewer.timing import scaled_ms
from sepsis_viewer.ui.kiosk.content_watch import ContentWatcher
from sepsis_viewer.ui.kiosk.hours import Clock, OpeningSchedule
from sepsis_viewer.ui.widgets.cursor import CursorHider
from sepsis_viewer.ui.widgets.inhibit import ScreenSaverInhibitor
from sepsis_viewer.ui.kiosk.loop import KioskLoop
from sepsis_viewer.ui.kiosk.strip import KioskStrip
from sepsis_viewer.ui.kiosk.window import KioskWindow
from sepsis_viewer.ui.widgets.screen_keeper import ScreenKeeper
from sepsis_viewer.ui.widgets.timers import owned_timer
from sepsis_viewer.ui.widgets.theme import PROJECTOR, Palette

_log = logging.getLogger(__name__)
QUIT_CHORD = "Ctrl+Alt+Q"
# Offsets the whole layout cycles through, a few pixels at a time, against burn-in.
DRIFT = ((0, 0), (2, 1), (4, 2), (2, 3), (0, 4), (-2, 3), (-4, 2), (-2, 1))
DRIFT_SECONDS = 180.0
INPUT_EVENTS = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress, QEvent.Type.Wheel}
SILENCED_EVENTS = {QEvent.Type.ToolTip, QEvent.Type.WhatsThis}
PIXMAP_CACHE_KB = 2048


def reduced_motion() -> bool:
    """Whether the desktop asks for less motion (its UI effects turned off)."""
    return not QApplication.isEffectEnabled(Qt.UIEffect.UI_General)


class InputWatcher(QObject):
    """Sees every touch, click and key that reaches the window (to pause the loop).

    It watches the window's QWindow, which every input passes through before Qt hands it to a
    widget: an application-wide filter would run Python for every paint and timer event too.
    """

    def __init__(self, on_input, parent: QObject | None = None):
        super().__init__(parent)
        self._on_input = on_input

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        kind = event.type()
        if kind in SILENCED_EVENTS:
            return True  # nothing may be left floating on an unattended screen
        if kind in INPUT_EVENTS:
            self._on_input()
        return False


class KioskSession(QObject):
    """The waiting-room window, its loop, and everything that keeps it running for weeks."""

    def __init__(self, contents: list[Content], *, setting: Setting | None = None, watch: Path | None = None,
                 screen_spec: str | None = None, dwell: float | None = None, idle_seconds: float = 60.0,
                 warning: str | None = None, palette: Palette = PROJECTOR, parent: QObject | None = None,
                 config: KioskConfig | None = None, config_file: Path | None = None, load_config=None,
                 clock: Clock | None = None):
        """`contents` take turns, a loop each; `watch`, a content file shown from the next loop
        whenever it changes and is valid, prepared by `setting` as every content is.

        With `config` (a clinic's KioskConfig, the command line already over it) its content file,
        screen, dwell and idle time stand for `watch`, `screen_spec`, `dwell` and `idle_seconds`,
        and its message, QR code and opening hours show. `config_file` is watched: a valid change
        (`load_config(path)` returns the new KioskConfig) applies at once; an invalid one is
        logged and the last good settings stay. `clock`: the local time, for the opening hours.
        """
        super().__init__(parent)
        self.config = config or KioskConfig(dwell=dwell, idle=idle_seconds, screen=screen_spec, content=watch)
        self.setting = setting or Setting()
        # The style caches painted pieces up to 10 MB by default; on a screen that runs for weeks
        # a small bound keeps memory flat at no visible cost.
        QPixmapCache.setCacheLimit(PIXMAP_CACHE_KB)
        memory.settle_allocator()
        self.contents = list(contents)
        self.strip = KioskStrip(palette)
        # Languages take turns without being rebuilt each time.
        self.window = KioskWindow(self.contents[0], self.strip, keep=len(self.contents) - 1, palette=palette)
        self.loop = KioskLoop(self.window, self.config.dwell, self.config.idle, parent=self)
        self.loop.loop_started.connect(self._on_loop_started)
        self.window.screen_changed.connect(self._on_screen_shown)
        self.loop.countdown_changed.connect(self.window.show_countdown)
        self.loop.paused_changed.connect(self._on_paused)
        self.reduced_motion = self.config.reduced_motion or reduced_motion()
        self._pending: Content | None = None
        self._pending_contents: list[Content] | None = None  # from a changed configuration
        self.looping = False  # False before start and while the clinic is closed
        self.keeper = ScreenKeeper(self.window, self.config.screen, parent=self)
        self.inhibitor = ScreenSaverInhibitor("Sepsis Viewer", "Waiting-room display")
        self.cursor = CursorHider(self.window)
        self.cursor.hide_cursor()
        self.inputs = InputWatcher(self._on_input, self)
        self.quit_shortcut = QShortcut(QKeySequence(QUIT_CHORD), self.window)
        self.quit_shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_shortcut.activated.connect(self.quit)
        self.watcher: ContentWatcher | None = None
        self._watch_content(self.config.content)
        self.window.clinic.show_clinic(self.config, self.contents[0].language)
        self.schedule = OpeningSchedule(self.config.hours, clock, parent=self)
        self.schedule.open_changed.connect(self._set_open)
        self.config_watcher: ContentWatcher | None = None
        if config_file is not None and load_config is not None:
            self.config_watcher = ContentWatcher(config_file, load_config, parent=self, noun="configuration file",
                                                 kept="the last good settings stay")
            self.config_watcher.changed.connect(self.apply_config)
        self._progress = owned_timer(self, self._update_progress, interval_ms=100)
        self._drift_index = 0
        self._drift = owned_timer(self, self._next_drift, interval_ms=scaled_ms(DRIFT_SECONDS))
        self._watchdog = None
        if warning:
            self._warn(warning)

    def _warn(self, warning: str) -> None:
        _log.warning("%s", warning)
        self.window.show_warning(warning)
        QTimer.singleShot(scaled_ms(60.0), self.window.banner.hide)  # said, logged, then out of the way

    # --- running ------------------------------------------------------------------------------

    def start(self) -> None:
        self.keeper.place()
        self.window.windowHandle().installEventFilter(self.inputs)
        self._drift.start()
        self.schedule.start()
        self._set_open(self.schedule.is_open)
        sd_notify.notify("READY=1")
        interval = sd_notify.watchdog_interval_ms()
        if interval:
            # Pinged from the GUI thread: a hung event loop stops the pings and gets restarted.
            self._watchdog = owned_timer(self, lambda: sd_notify.notify("WATCHDOG=1"), interval_ms=interval)
            self._watchdog.start()

    def stop(self) -> None:
        """Stop every timer and watcher, and let the screen sleep again."""
        handle = self.window.windowHandle()
        if handle is not None:
            handle.removeEventFilter(self.inputs)
        self.loop.stop()
        self.looping = False
        self.schedule.stop()
        for timer in (self._progress, self._drift, self._watchdog):
            if timer is not None:
                timer.stop()
        self.keeper.stop()
        self.inhibitor.release()

    def quit(self) -> None:
        _log.info("quit chord pressed: leaving the waiting-room loop")
        self.stop()
        self.window.closable = True
        self.window.close()
        QApplication.instance().quit()

    def _on_input(self) -> None:
        if self.looping:  # nobody is to wake a closed clinic's screen into a loop
            self.loop.on_input()

    def _on_paused(self, paused: bool) -> None:
        """A visitor: the controls show once the touch that woke them is over (a control must not
        appear under the finger and take the touch). Gone: at once, before the loop starts again."""
        if paused:
            QTimer.singleShot(0, self, lambda: self.window.set_exploring(self.loop.paused))
        else:
            self.window.set_exploring(False)

    # --- opening hours ------------------------------------------------------------------------

    def _set_open(self, is_open: bool) -> None:
        """Open: the loop runs and the screen stays awake. Closed: the loop stops, the closed
        screen shows and the screen may sleep, until opening time."""
        if is_open:
            self.window.show_open()
            self.inhibitor.inhibit()
            if not self.looping:
                self.looping = True
                self.loop.start()
                self._progress.start()
            return
        if self.looping or not self.window.closed:
            self.looping = False
            self.loop.stop()
            self._progress.stop()
            self.window.show_countdown(-1)
            self.window.set_exploring(False)
            self._show_closed_notice()
            self.window.show_closed()
            _log.info("closed until %s: the loop stops and the screen may sleep", self.schedule.next_opening())
        self.inhibitor.release()

    def _show_closed_notice(self) -> None:
        self.window.closed_screen.show_notice(self.config.when_closed == "notice", self.window.content.language,
                                              self.schedule.clock(), self.schedule.next_opening())

    # --- configuration ------------------------------------------------------------------------

    def apply_config(self, config: KioskConfig) -> None:
        """A valid changed configuration: the message, QR code, timings, screen and hours at once;
        the number, languages and content file from the start of a loop, at once unless a
        visitor is exploring (then when the loop comes back)."""
        old, self.config = self.config, config
        self.loop.dwell_override, self.loop.idle_seconds = config.dwell, config.idle
        self.reduced_motion = config.reduced_motion or reduced_motion()
        if config.screen != old.screen:
            self.keeper.screen_spec = config.screen
            if self.window.windowHandle() is not None and self.window.isVisible():
                self.keeper.place()
        self.window.clinic.show_clinic(config, self.window.content.language)
        if config.content != old.content:
            self._watch_content(config.content)
        if (config.emergency_number, config.languages, config.content) != (
                old.emergency_number, old.languages, old.content):
            self._rebuild_contents()
        self.schedule.set_hours(config.hours)
        if self.window.closed:
            self._show_closed_notice()

    def _rebuild_contents(self) -> None:
        from sepsis_viewer.setting import waiting_room_contents, waiting_room_setting
        from sepsis_viewer.waiting_room import warn_if_no_number

        self.setting = waiting_room_setting(self.config, self.setting)
        contents, warning = waiting_room_contents(self.config, self.setting)
        if warning:
            self._warn(warning)
        warn_if_no_number(contents)
        self._pending, self._pending_contents = None, contents
        if self.looping and not self.loop.paused:
            self.loop.start()  # a new loop, with the new contents, now

    def _watch_content(self, path: Path | None) -> None:
        if self.watcher is not None:
            self.watcher.deleteLater()
            self.watcher = None
        if path is not None:
            # Through the setting of the moment: a changed number applies to a reloaded file too.
            self.watcher = ContentWatcher(path, lambda changed: self.setting.load(changed), parent=self)
            self.watcher.changed.connect(self._on_new_content)

    # --- content ------------------------------------------------------------------------------

    def _on_new_content(self, content: Content) -> None:
        """A valid new version of the watched file: shown from the next loop on."""
        self._pending = content

    def _on_loop_started(self, number: int) -> None:
        memory.give_back()  # once a loop (some ten minutes): what the last loop freed goes back
        renewed = self._pending_contents is not None
        if renewed:
            self.contents, self._pending_contents = self._pending_contents, None
        if self._pending is not None:
            replaced = [i for i, c in enumerate(self.contents) if c.language == self._pending.language]
            self.contents[replaced[0] if replaced else 0] = self._pending
            self._pending = None
        # Languages take turns, one loop each.
        content = self.contents[(number - 1) % len(self.contents)]
        if content is not self.window.content:
            _log.info("loop %d in %s", number, content.language)
            self.window.set_content(content)
        if renewed:  # after the change of view, so that no view of the old contents is kept
            self.window.set_keep(len(self.contents) - 1)

    # --- look ---------------------------------------------------------------------------------

    def _on_screen_shown(self, _step_id: str, _part: int) -> None:
        self._update_progress()
        if self.reduced_motion:
            return
        # A calm fade of the new screen into place: never a flash, and none for reduced motion. One
        # effect and one animation per view's board, made once and reused for every screen.
        board = self.window.view.board
        effect = board.graphicsEffect()
        if not isinstance(effect, QGraphicsOpacityEffect):
            effect = QGraphicsOpacityEffect(board)
            board.setGraphicsEffect(effect)
            animation = QPropertyAnimation(effect, b"opacity", effect)
            animation.setStartValue(0.35)
            animation.setEndValue(1.0)
            animation.finished.connect(lambda: effect.setEnabled(False))
        animation = effect.findChild(QPropertyAnimation)
        animation.stop()
        animation.setDuration(scaled_ms(0.5))
        effect.setEnabled(True)
        animation.start()

    def _update_progress(self) -> None:
        if not self.reduced_motion:
            self.strip.set_fraction(self.loop.progress())
            return
        # Still during a screen, and a step on with each new one: the share of the tour shown.
        window, paused = self.window, self.loop.paused
        steps = len(window.tour.steps)
        self.strip.set_fraction(0.0 if paused else (window.tour.index + (window.part + 1) / window.parts()) / steps)

    def _next_drift(self) -> None:
        self._drift_index = (self._drift_index + 1) % len(DRIFT)
        self.window.set_drift(*DRIFT[self._drift_index])
