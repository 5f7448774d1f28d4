"""What the presenter's keys do: one controller that the audience and presenter views follow."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

from sepsis_viewer.content.model import Content
from sepsis_viewer.pages import page_for
from sepsis_viewer.strings import ui
from sepsis_viewer.tour import StepKind, TourPosition, TourStep, build_tour

K = Qt.Key
NEXT_KEYS = {K.Key_PageDown, K.Key_Right, K.Key_Down, K.Key_Space, K.Key_Return, K.Key_Enter}
PREVIOUS_KEYS = {K.Key_PageUp, K.Key_Left, K.Key_Up, K.Key_Backspace}
BLACK_KEYS = {K.Key_B, K.Key_Period}
WHITE_KEYS = {K.Key_W, K.Key_Comma}
FULLSCREEN_KEYS = {K.Key_F5, K.Key_F}
STAGE_KEYS = {getattr(K, f"Key_{n}"): n for n in range(1, 10)}

BLACK, WHITE, HELP, OVERVIEW, ZOOM = "black", "white", "help", "overview", "zoom"


class ProjectorController(QObject):
    """Where the presentation is: a tour step, a part of its slide, and any overlay on top."""

    changed = Signal()
    moved = Signal()  # to another slide (not an overlay, not a new size): a screen reader says which
    fullscreen_toggle_requested = Signal()
    fullscreen_leave_requested = Signal()
    notes_toggle_requested = Signal()

    def __init__(self, content: Content, parts_for: Callable[[TourStep], int] | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.content = content
        self.position = TourPosition(build_tour(content))
        self.part = 0
        self.overlay: str | None = None
        self._parts_for = parts_for or (lambda step: 1)
        self._stage_steps = [i for i, s in enumerate(self.position.steps) if s.kind == StepKind.STAGE]

    def set_parts_source(self, parts_for: Callable[[TourStep], int]) -> None:
        """Use the audience view's split of pages into parts (it changes with the screen size)."""
        self._parts_for = parts_for
        self.part = min(self.part, self.parts(self.step) - 1)
        self.changed.emit()

    # --- where we are ---------------------------------------------------------------------

    @property
    def step(self) -> TourStep:
        return self.position.current

    def parts(self, step: TourStep) -> int:
        return max(1, self._parts_for(step))

    def slide_index(self) -> int:
        """0-based index of the current slide among all slides."""
        return sum(self.parts(s) for s in self.position.steps[: self.position.index]) + self.part

    def slide_count(self) -> int:
        return sum(self.parts(s) for s in self.position.steps)

    def slide_at(self, offset: int) -> tuple[TourStep, int] | None:
        """The (step, part) `offset` slides from here, or None past either end."""
        index, part = self.position.index, self.part + offset
        steps = self.position.steps
        while part < 0:
            index -= 1
            if index < 0:
                return None
            part += self.parts(steps[index])
        while part >= self.parts(steps[index]):
            part -= self.parts(steps[index])
            index += 1
            if index >= len(steps):
                return None
        return steps[index], part

    def slide_title(self) -> str:
        """The title of the slide shown, with its part when the step has several."""
        title = page_for(self.content, self.step).title
        parts = self.parts(self.step)
        return f"{title} ({ui('slide_part', part=self.part + 1, parts=parts)})" if parts > 1 else title

    def stages_revealed(self) -> int:
        """How many stages the diagram shows: the tour reveals them one by one, like slide builds."""
        return sum(1 for i in self._stage_steps if i <= self.position.index)

    # --- moving ---------------------------------------------------------------------------

    def _go(self, index: int, part: int) -> bool:
        moved = self.position.go_to(index) or part != self.part
        self.part = max(0, min(part, self.parts(self.step) - 1))
        self.overlay = None
        self.changed.emit()
        if moved:
            self.moved.emit()
        return moved

    def next(self) -> bool:
        target = self.slide_at(1)
        return target is not None and self._go(self.position.steps.index(target[0]), target[1])

    def previous(self) -> bool:
        target = self.slide_at(-1)
        return target is not None and self._go(self.position.steps.index(target[0]), target[1])

    def first(self) -> bool:
        return self._go(0, 0)

    def last(self) -> bool:
        last = len(self.position.steps) - 1
        return self._go(last, self.parts(self.position.steps[last]) - 1)

    def select(self, step_id: str) -> bool:
        return self._go(self.position.steps.index(self.position.step(step_id)), 0)

    def jump_to_stage(self, number: int) -> bool:
        if 1 <= number <= len(self._stage_steps):
            return self._go(self._stage_steps[number - 1], 0)
        return False

    def set_overlay(self, overlay: str | None) -> None:
        self.overlay = overlay
        self.changed.emit()

    # --- keys -----------------------------------------------------------------------------

    def handle_key(self, key: int, text: str = "") -> bool:
        """Act on a key as a clicker or keyboard sends it; True if it meant something here."""
        if self.overlay is not None:
            # Any key brings the slide back (Esc too: it never leaves full screen from an overlay).
            self.set_overlay(None)
            return True
        if key == K.Key_Escape:
            self.fullscreen_leave_requested.emit()
        elif key in NEXT_KEYS:
            self.next()
        elif key in PREVIOUS_KEYS:
            self.previous()
        elif key == K.Key_Home:
            self.first()
        elif key == K.Key_End:
            self.last()
        elif key in BLACK_KEYS:
            self.set_overlay(BLACK)
        elif key in WHITE_KEYS:
            self.set_overlay(WHITE)
        elif key in FULLSCREEN_KEYS:
            self.fullscreen_toggle_requested.emit()
        elif key in STAGE_KEYS:
            self.jump_to_stage(STAGE_KEYS[key])
        elif text == "?" or key == K.Key_Question:
            self.set_overlay(HELP)
        elif key == K.Key_O:
            self.set_overlay(OVERVIEW)
        elif key == K.Key_Z:
            self.set_overlay(ZOOM)
        elif key == K.Key_S:
            self.notes_toggle_requested.emit()
        else:
            return False
        return True
