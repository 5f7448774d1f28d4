"""The one path through the content that every mode shares, and where along it the viewer is."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from sepsis_viewer.content.model import Content
from sepsis_viewer.record import Record

OVERVIEW = "overview"
NUMBERS = "numbers"
CALL_TO_ACTION = "call-to-action"
ABOUT = "about"  # not on the tour: the desktop's Help > About shows it


class StepKind(str, Enum):
    """What a step shows; the value is the word used in ids and logs."""

    OVERVIEW = "overview"
    STAGE = "stage"
    PANEL = "panel"
    ITEM = "item"
    NUMBERS = "numbers"
    CHART = "chart"  # one chart of the numbers
    CALL_TO_ACTION = "call-to-action"
    ABOUT = "about"


class TourStep(Record):
    """One stop of the tour: what is shown, in which panel if any, and the content it shows.

    `subject` is the stage, panel, item or chart itself, found once when the tour is built, so
    that the page, the notes and the zoomed view of a step never search the content again.
    """

    id: str
    kind: StepKind
    panel: str | None = None
    subject: object = None


def build_tour(content: Content) -> tuple[TourStep, ...]:
    """Overview, each stage, each panel and its items, the numbers and their charts, the call to action."""
    steps = [TourStep(OVERVIEW, StepKind.OVERVIEW)]
    steps += [TourStep(stage.id, StepKind.STAGE, subject=stage) for stage in content.stages]
    for panel in content.panels:
        steps.append(TourStep(panel.id, StepKind.PANEL, panel.id, panel))
        steps += [TourStep(item.id, StepKind.ITEM, panel.id, item) for item in panel.items]
    steps.append(TourStep(NUMBERS, StepKind.NUMBERS))
    steps += [TourStep(chart.id, StepKind.CHART, subject=chart) for chart in content.numbers.charts]
    steps.append(TourStep(CALL_TO_ACTION, StepKind.CALL_TO_ACTION))
    return tuple(steps)


ABOUT_STEP = TourStep(ABOUT, StepKind.ABOUT)


def find_step(content: Content, step_id: str) -> TourStep:
    """The step with this id (About included); KeyError if the content has none."""
    if step_id == ABOUT:
        return ABOUT_STEP
    for step in build_tour(content):
        if step.id == step_id:
            return step
    raise KeyError(step_id)


class TourPosition:
    """Where the viewer is along the tour. Modes move it; views hear of every move, and of every
    request for a step (even the current one), through `subscribe` and nothing else."""

    def __init__(self, steps: tuple[TourStep, ...]):
        if not steps:
            raise ValueError("a tour needs at least one step")
        self._steps = steps
        self._index_of = {step.id: i for i, step in enumerate(steps)}
        self._index = 0
        self._listeners: list[Callable[[TourStep], None]] = []

    @property
    def steps(self) -> tuple[TourStep, ...]:
        return self._steps

    @property
    def index(self) -> int:
        return self._index

    @property
    def current(self) -> TourStep:
        return self._steps[self._index]

    def subscribe(self, listener: Callable[[TourStep], None]) -> None:
        """Call `listener(step)` after every move or request."""
        self._listeners.append(listener)

    def has(self, step_id: str) -> bool:
        return step_id in self._index_of

    def step(self, step_id: str) -> TourStep:
        """The step with this id; KeyError if the tour has none."""
        return self._steps[self._index_of[step_id]]

    def go_to(self, index: int) -> bool:
        """Go to a step by index (clamped) and tell the listeners; True if the position changed.

        Asking for the step already shown tells them too: a view that showed something else
        meanwhile (About) shows the step again.
        """
        index = max(0, min(index, len(self._steps) - 1))
        moved = index != self._index
        self._index = index
        for listener in list(self._listeners):
            listener(self.current)
        return moved

    def select(self, step_id: str) -> bool:
        """Go to the step with this id; KeyError if the tour has none."""
        return self.go_to(self._index_of[step_id])

    def next(self) -> bool:
        """The next step, if there is one (at the end nothing happens and nobody is told)."""
        return self._index + 1 < len(self._steps) and self.go_to(self._index + 1)

    def previous(self) -> bool:
        return self._index > 0 and self.go_to(self._index - 1)
