"""Which organs of the body map each step of the tour lights, and which step an organ opens.

Plain Python: the content names organs by UBERON id (stages and panel items, `organs`); every
mode asks here what to light, so the desktop, the slides, the waiting room and the handout agree.
"""

from __future__ import annotations

from sepsis_viewer.content.model import Content
from sepsis_viewer.tour import StepKind, TourStep, build_tour

SOURCES_PANEL = "infection_sources"


def lit_organs(content: Content, step: TourStep) -> dict[str, int | None]:
    """The organs a step lights, each with the number of the stage whose colour it takes (None:
    the accent colour of an item). The overview lights every stage's organs, each in the colour
    of the latest stage that names it: the whole progression on one body."""
    if step.kind == StepKind.OVERVIEW:
        return stage_organs(content)
    if step.kind == StepKind.STAGE:
        return dict.fromkeys(step.subject.organs, step.subject.number)
    if step.kind == StepKind.ITEM:
        return dict.fromkeys(step.subject.organs)
    if step.kind == StepKind.PANEL:
        return {organ: None for item in step.subject.items for organ in item.organs}
    return {}


def stage_organs(content: Content) -> dict[str, int]:
    """Every stage's organs, each with the number of the latest stage that names it."""
    return {organ: stage.number for stage in content.stages for organ in stage.organs}


def organ_targets(content: Content) -> dict[str, TourStep]:
    """The step each organ opens when it is chosen on the map: where an infection can start
    there if any, else the first item that names it, else the first stage."""
    steps = build_tour(content)
    items = [s for s in steps if s.kind == StepKind.ITEM]
    ranked = ([s for s in items if s.panel == SOURCES_PANEL] + [s for s in items if s.panel != SOURCES_PANEL]
              + [s for s in steps if s.kind == StepKind.STAGE])
    targets: dict[str, TourStep] = {}
    for step in ranked:
        for organ in step.subject.organs:
            targets.setdefault(organ, step)
    return targets
