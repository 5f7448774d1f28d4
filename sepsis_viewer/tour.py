"""The one path through the content that every mode shares, and where along it the viewer is."""

from __future__ import annotations

from collections.abc import Callable

from sepsis_viewer.content.model import Content
from sepsis_viewer.record import Record

OVERVIEW = "overview"
NUMBERS = "numbers"
CALL_TO_ACTION = "call-to-action"
CHART = "chart"  # the kind of the steps that show one chart of the numbers


class TourStep(Record):
    """One stop of the tour: what is shown, and in which panel if any."""

    id: str
    kind: str  # "overview", "stage", "panel", "item", "numbers", "chart" or "call-to-action"
    panel: str | None = None


def build_tour(content: Content) -> tuple[TourStep, ...]:
    """Overview, each stage, each panel and its items, the numbers and their charts, the call to action."""
    steps = [TourStep(OVERVIEW, "overview")]
    steps += [TourStep(stage.id, "stage") for stage in content.stages]
    for panel in content.panels:
        steps.append(TourStep(panel.id, "panel", panel.id))
        steps += [TourStep(item.id, "item", panel.id) for item in panel.items]
    steps.append(TourStep(NUMBERS, "numbers"))
    steps += [TourStep(chart.id, CHART) for chart in content.numbers.charts]
    steps.append(TourStep(CALL_TO_ACTION, "call-to-action"))
    return tuple(steps)


class TourPosition:
    """Where the viewer is along the tour; modes move it and views listen to it."""

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
        """Call `listener(step)` after every move."""
        self._listeners.append(listener)

    def has(self, step_id: str) -> bool:
        return step_id in self._index_of

    def go_to(self, index: int) -> bool:
        """Move to a step by index (clamped); True if the position changed."""
        index = max(0, min(index, len(self._steps) - 1))
        if index == self._index:
            return False
        self._index = index
        for listener in list(self._listeners):
            listener(self.current)
        return True

    def select(self, step_id: str) -> bool:
        """Move to the step with this id; KeyError if the tour has none."""
        return self.go_to(self._index_of[step_id])

    def next(self) -> bool:
        return self.go_to(self._index + 1)

    def previous(self) -> bool:
        return self.go_to(self._index - 1)

    def refresh(self) -> None:
        """Tell listeners the current step again, e.g. after the content changed."""
        for listener in list(self._listeners):
            listener(self.current)
