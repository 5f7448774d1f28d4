"""One content as the waiting room shows it: a few large words, one picture, and the call to action
in a fixed zone along the bottom that never changes, screen after screen.

A step's page is split into as many screens as its words need (at most some forty words each, in
type read from the chairs); nothing scrolls. The words sit beside the picture on a landscape
screen, above it on a portrait one. While a visitor explores, big Previous and Next buttons and
the four stages show above the call to action, and the pages are split again for the room left.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLayout, QVBoxLayout, QWidget

from sepsis_viewer.content import Content
from sepsis_viewer.pages import Block, BlockKind, Page
from sepsis_viewer.record import replace
from sepsis_viewer.tour import TourPosition, TourStep, build_tour
from sepsis_viewer.ui.kiosk.explore import ExploreControls
from sepsis_viewer.ui.kiosk.sign_page import (QWIDGETSIZE_MAX, MessageZone, PictureZone, SignHeader, sections,
                                              signage_page, signage_steps, signage_units)
from sepsis_viewer.ui.kiosk.signage_type import MAX_WORDS, SignageMetrics
from sepsis_viewer.ui.widgets.pagination import Paginator, Unit, sources_of
from sepsis_viewer.ui.widgets.rounded import RoundedFrame
from sepsis_viewer.ui.widgets.text import IconLabel, TextLabel, apply_metrics, set_background
from sepsis_viewer.ui.widgets.theme import Palette

# The words' share of the board (the room the fixed zones leave), by (portrait, the picture is an
# icon): of its width on a landscape screen, of its height on a portrait one. The picture has
# the rest: the body map wants more room than a step's icon.
SHARES = {(False, False): 0.64, (False, True): 0.72, (True, False): 0.6, (True, True): 0.75}
MAP_SHARE = 0.3  # of the shorter side: the least height of the map beside a long caption
SOURCES_SHARE = 0.15  # of the words' room: a longer source line comes once, after the page's words


class CallZone(RoundedFrame):
    """The call to action, always on screen: the waiting room's words (tell a member of staff
    now, then the number to call), white on the deep blue of every mode's call to action."""

    def __init__(self, content: Content, palette: Palette, parent: QWidget | None = None):
        super().__init__(palette.cta_background, None, 0.0, 8.0, parent)
        cta = content.call_to_action
        self.icon = IconLabel(cta.icon, palette.cta_text, "card", self)
        self.action = TextLabel(cta.action(), "emergency", self, colour=palette.cta_text)
        self.setAccessibleName(cta.action())
        layout = QHBoxLayout(self)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.action, 1)

    def rescale(self, metrics: SignageMetrics) -> None:
        pad = metrics.gap
        self.layout().setContentsMargins(pad * 2, pad, pad * 2, pad)
        self.layout().setSpacing(pad * 2)


class SignageView(QWidget):
    """The screens of one content; `select` shows a step's first screen, `show_part` another."""

    screen_changed = Signal(str, int)  # the step's id and the part on screen, for every screen

    def __init__(self, content: Content, palette: Palette, family: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.content = content
        self._palette, self._family = palette, family
        self.metrics: SignageMetrics | None = None
        self._portrait = False
        self.exploring = False
        self.part = 0
        self._parts: list[list[Unit]] = [[]]
        self._page = signage_page(content, build_tour(content)[0])  # the page on screen, as split (_split_page)
        self._wanted_part = 0  # the part the next step shown opens at (-1: its last)
        self._pinned: int | None = None  # a part asked for by number, kept as the room changes
        self._anchor: tuple[Unit, int] | None = None  # the first unit of the screen last asked for
        self._splits: dict[tuple, tuple[Page, list[list[Unit]]]] = {}
        self._paginator = Paginator(palette, family, lambda parent: SignHeader(palette, family, parent))
        set_background(self, palette.window)
        self.board = QWidget(self)  # what changes with each screen: the words and the picture
        self.message = MessageZone(palette, family, self.board)
        self.picture = PictureZone(content, palette, self.board)
        self._middle = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.board)
        self._middle.setContentsMargins(0, 0, 0, 0)
        self._middle.addWidget(self.message)
        self._middle.addWidget(self.picture)
        self.controls = ExploreControls(content, palette, self)
        self.controls.hide()
        self.call = CallZone(content, palette, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addWidget(self.board, 1)
        layout.addWidget(self.controls)
        layout.addWidget(self.call)
        self.tour = TourPosition(signage_steps(content))
        self.tour.subscribe(self._on_step)
        self.controls.previous.clicked.connect(self.previous_screen)
        self.controls.next.clicked.connect(self.next_screen)
        self.controls.stage_chosen.connect(self.select)
        self.picture.body.activated.connect(self._on_organ)
        self._settled = QSize()  # the size of the words' zone the screen on show was split for
        self._recheck_pending = False
        self.message.installEventFilter(self)

    # --- size ---------------------------------------------------------------------------------

    def fit(self, metrics: SignageMetrics, portrait: bool) -> None:
        """Type and spacing for a screen; the words beside the picture, or above it when portrait."""
        self.metrics, self._portrait = metrics, portrait
        self._splits.clear()  # split for another screen: of no more use
        apply_metrics(self, self._family, metrics)
        gap = metrics.gap
        self.layout().setSpacing(gap * 2)
        self._middle.setSpacing(gap * 3)
        self._middle.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.picture.set_portrait(portrait)

    def relayout(self) -> None:
        """Lay the zones out now and show the step on screen again, split for the room it has."""
        if self.metrics is None:
            return
        self._show(self.tour.current, self._anchor)

    def _lay_out_for(self, step: TourStep) -> None:
        """Share the board between the words and the picture (an icon needs less room than the
        map), and lay the zones out now, so that the room measured is the room the words will have."""
        page = signage_page(self.content, step)
        self.picture.show_step(step, page)  # its caption decides the room it needs
        share = round(SHARES[self._portrait, self.picture.iconic(step, page)] * 100)
        self._middle.setStretch(0, share)
        self._middle.setStretch(1, 100 - share)
        self.picture.setMinimumHeight(0)
        self.message.setMaximumHeight(QWIDGETSIZE_MAX)
        self._activate()
        if self._portrait:  # the band grows for a long caption (the overview's), the words have less
            need = self.picture.least_height(round(self.metrics.short * MAP_SHARE))
            if need > self.picture.height():
                self.picture.setMinimumHeight(need)
                self._activate()

    def _activate(self) -> None:
        # New fonts and stretches leave layout requests queued: settle them first.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.layout().activate()
        self._middle.activate()

    def room(self) -> tuple[int, int]:
        """The width and height the words of a screen have."""
        return self.message.width(), self.message.height()

    # --- which screen -------------------------------------------------------------------------

    def select(self, step_id: str, part: int = 0) -> None:
        """Show a step of the tour from its first part (or `part`, as far as it has parts); the
        part by its number until the screen moves on, however the room changes meanwhile (the
        first layout of a window, a screenshot's size)."""
        self._wanted_part = part
        self.tour.select(step_id)
        self._pinned = part

    def parts(self) -> int:
        """How many screens the step on show takes."""
        return len(self._parts)

    def next_part(self) -> bool:
        """The next part of the step on screen, if it has one."""
        if self.part + 1 >= len(self._parts):
            return False
        self.show_part(self.part + 1)
        return True

    def next_screen(self) -> None:
        """The next part, else the next step, else back to the start: a visitor never hits a wall."""
        if not self.next_part() and not self.tour.next():
            self.tour.go_to(0)

    def previous_screen(self) -> None:
        """The part before, else the last part of the step before, else the very last screen."""
        if self.part > 0:
            self.show_part(self.part - 1)
            return
        self._wanted_part = -1
        if not self.tour.previous():
            self.tour.go_to(len(self.tour.steps) - 1)

    def _on_organ(self, step_id: str) -> None:
        if self.tour.has(step_id):
            self.select(step_id)

    def _on_step(self, step: TourStep) -> None:
        wanted, self._wanted_part = self._wanted_part, 0
        self._split(step)
        self.show_part(wanted if wanted >= 0 else len(self._parts) - 1)

    def _show(self, step: TourStep, first: tuple[Unit, int] | None) -> None:
        """The step again, split for the room it has now: at the part asked for by number, else at
        the part that holds `first` (a sentence cut to fit one room may be whole in another)."""
        was = self.part
        self._split(step)
        if self._pinned is not None:
            self._display(self._pinned if self._pinned >= 0 else len(self._parts) - 1)
        else:
            self._display(self._part_holding(first, was) if first is not None else was)

    def _part_holding(self, anchor: tuple[Unit, int], otherwise: int) -> int:
        """The part that holds a unit (its nth like it: a figure's source line comes back);
        else the one that holds a piece of it or the whole it was a piece of (both start the
        same); else `otherwise`."""
        unit, nth = anchor
        for same in (lambda u: u == unit,
                     lambda u: u.kind == unit.kind and (u.text.startswith(unit.text) or unit.text.startswith(u.text))):
            found = [i for i, units in enumerate(self._parts) for u in units if same(u)]
            if found:
                return found[min(nth, len(found) - 1)]
        return otherwise

    def show_part(self, part: int) -> None:
        """Show a part of the step on screen (clamped to the parts it has)."""
        self._pinned = None
        self._display(part)
        # What the screen opens with: split again for another room, the screen that holds it
        # shows, and back in this room, this very screen again.
        units = self._parts[self.part]
        before = [u for earlier in self._parts[:self.part] for u in earlier]
        self._anchor = (units[0], before.count(units[0])) if units else None

    def _display(self, part: int) -> None:
        step = self.tour.current
        self.part = max(0, min(part, len(self._parts) - 1))
        if self.metrics is not None:
            page = self._page
            self.message.show_part(page, self._parts[self.part], self.part, len(self._parts), self.metrics)
            self.picture.show_step(step, page)
            self.controls.show_step(step)
        self.screen_changed.emit(step.id, self.part)

    def _split(self, step: TourStep) -> None:
        """The step's page and its parts in the room the words have now (`_page`, `_parts`)."""
        self._page, self._parts = signage_page(self.content, step), [[]]
        if self.metrics is None:
            return
        self._lay_out_for(step)
        width, height = self.room()
        key = (step.id, width, height)
        if width <= 0 or height <= 0:
            return
        if key not in self._splits:
            self._splits[key] = self._split_page(step, width, height)
        self._page, self._parts = self._splits[key]
        if self._portrait:
            self._give_the_map_the_rest(width)
        self._settled = self.message.size()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        # The room can still change once Qt lays the window out for good (a call to action whose
        # words wrap differently at their final width): the screen is then split again for it.
        if (watched is self.message and event.type() == QEvent.Type.Resize and not self._recheck_pending
                and self.message.size() != self._settled):
            self._recheck_pending = True
            QTimer.singleShot(0, self, self._recheck_room)
        return False

    def _recheck_room(self) -> None:
        self._recheck_pending = False
        if self.metrics is not None and self.message.size() != self._settled:
            self.relayout()

    def _give_the_map_the_rest(self, width: int) -> None:
        """On a portrait screen, the words as tall as the step's fullest screen needs, and the map
        under them all the height that leaves (the parts stay as they were split)."""
        need = max(self._paginator.height_needed(self._page, part, width, self.metrics) for part in self._parts)
        if need < self.message.height():
            self.message.setMaximumHeight(need)
            self._activate()
        self.picture.share_the_band()
        self._activate()

    def _split_page(self, step: TourStep, width: int, height: int) -> tuple[Page, list[list[Unit]]]:
        """Each section of the page on screens of its own. A source line that would take much of
        every screen's room (one citing eight works) follows the page's last words instead."""
        page = signage_page(self.content, step)
        units = signage_units(page, step, self.content)
        sources = Unit(BlockKind.SOURCES, sources_of(page))
        if sources.text and self._paginator.measure(sources, self.metrics, width) > SOURCES_SHARE * height:
            page, units = replace(page, blocks=page.blocks[:-1]), [*units, sources]
        parts = []
        for section in sections(units):
            parts += self._paginator.split(page, width, height, [self.metrics], units=section,
                                           max_words=MAX_WORDS)[1]
        return page, parts or [[]]

    def screen_page(self) -> Page:
        """The words on screen, as a page: what the loop's time on a screen is reckoned from."""
        page = self._page
        blocks = tuple(Block(BlockKind.TEXT, unit.text) for unit in self._parts[self.part]
                       if unit.kind != BlockKind.SOURCES)
        return Page(page.id, page.title, kicker=page.kicker, blocks=blocks)

    # --- a visitor ----------------------------------------------------------------------------

    def set_exploring(self, exploring: bool) -> None:
        """Show or hide the controls; the words are split again for the room they leave."""
        if exploring == self.exploring:
            return
        self.exploring = exploring
        self.controls.setVisible(exploring)
        self.relayout()
