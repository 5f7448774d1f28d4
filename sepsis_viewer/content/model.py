"""The infographic's content as immutable plain-Python objects (no Qt here)."""

from __future__ import annotations

from pathlib import Path

from sepsis_viewer.record import Record

# The side panels, in the order of the tour; a content file must have the first three.
PANEL_IDS = ("mechanisms", "infection_sources", "risk_groups", "care")
REQUIRED_PANEL_IDS = PANEL_IDS[:3]
DEFAULT_EMERGENCY = "112"  # works from mobiles in many countries; FACTS.md's choice where the region is unknown


class Translation(Record):
    """What a translated content file translates, and whether a clinician has checked it."""

    of: str
    reviewed_by_clinician: bool


class Reference(Record):
    """A source that figures and claims cite."""

    id: str
    title: str  # short form shown beside a claim, e.g. "Singer et al., JAMA 2016"
    citation: str
    url: str | None = None


class Stage(Record):
    """One box of the classic progression diagram."""

    id: str
    number: int
    title: str
    summary: str
    icon: Path
    body: str
    signs: tuple[str, ...]
    action: str
    sources: tuple[str, ...]
    notes: str = ""  # for the presenter, never shown to the audience
    organs: tuple[str, ...] = ()  # UBERON ids of the body map's organs this stage concerns


class PanelItem(Record):
    """One item of a side panel: a mechanism, an infection source, a risk group, when to get help…"""

    id: str
    title: str
    summary: str
    icon: Path
    detail: str
    sources: tuple[str, ...]
    notes: str = ""  # for the presenter, never shown to the audience
    organs: tuple[str, ...] = ()  # UBERON ids of the body map's organs this item concerns


class Panel(Record):
    """A side panel: mechanisms, infection sources, risk groups, or getting help, treatment and prevention."""

    id: str
    title: str
    intro: str
    icon: Path
    items: tuple[PanelItem, ...]
    notes: str = ""  # for the presenter, never shown to the audience


class Figure(Record):
    """One number with its unit, year and source."""

    id: str
    label: str
    value: float
    unit: str
    year: int
    text: str
    sources: tuple[str, ...]
    low: float | None = None  # the likely range, where the source gives one
    high: float | None = None


class ChartBar(Record):
    """One bar of a chart: the figure it stands for and its label on the chart."""

    figure: str
    label: str


class Chart(Record):
    """A chart of figures: one bar per figure ("bars"), or a part of a whole ("share")."""

    id: str
    kind: str  # "bars" or "share" (the first bar's figure as a part of the second's)
    title: str
    bars: tuple[ChartBar, ...]
    text: str  # the text alternative, with every number the chart shows
    note: str = ""  # how the figures compare, shown on the chart
    rest_label: str = ""  # a share chart's name for the rest of the whole
    notes: str = ""  # for the presenter, never shown to the audience


class Numbers(Record):
    """The key figures and the one-line headline that sums them up."""

    title: str
    intro: str
    headline: str
    headline_sources: tuple[str, ...]
    icon: Path
    figures: tuple[Figure, ...]
    notes: str = ""  # for the presenter, never shown to the audience
    charts: tuple[Chart, ...] = ()

    def figure(self, figure_id: str) -> Figure:
        """The figure with this id (validation guarantees that every charted id exists)."""
        return next(f for f in self.figures if f.id == figure_id)

    def chart(self, chart_id: str) -> Chart:
        """The chart with this id; StopIteration if there is none."""
        return next(c for c in self.charts if c.id == chart_id)


class CallToAction(Record):
    """The warning signs and what to do, always on screen."""

    title: str
    signs: tuple[str, ...]
    children_title: str
    children_signs: tuple[str, ...]
    action_template: str  # holds "{number}" exactly once
    emergency_number: str | None  # a clinic's own number; else the region decides (emergency.py)
    emergency_note: str  # "or your local emergency number": shown only where the number is a guess
    skin_note: str
    icon: Path
    sources: tuple[str, ...]
    notes: str = ""  # for the presenter, never shown to the audience
    waiting_room_action: str = ""  # "Feeling worse while you wait? Tell a member of staff now."

    def action(self) -> str:
        """The call to action with the emergency number filled in (112 when nobody said which)."""
        return self.action_template.replace("{number}", self.emergency_number or DEFAULT_EMERGENCY)


class ModelNote(Record):
    """The label of the classic model and the Sepsis-3 note shown beside the diagram."""

    label: str
    short: str  # the one-line version for the projector's diagram band
    title: str
    text: str
    icon: Path
    sources: tuple[str, ...]


class Intro(Record):
    """What the app is, shown before anything is chosen."""

    title: str
    subtitle: str
    heading: str
    text: str
    hint: str
    sources: tuple[str, ...]
    notes: str = ""  # for the presenter, never shown to the audience


class Content(Record):
    """Everything the infographic says, validated."""

    path: Path
    language: str
    content_version: str
    last_reviewed: str  # YYYY-MM-DD, a real date: the schema checks it (datetime costs a start 1 ms)
    disclaimer: str
    intro: Intro
    model_note: ModelNote
    stages: tuple[Stage, ...]
    panels: tuple[Panel, ...]
    numbers: Numbers
    call_to_action: CallToAction
    references: tuple[Reference, ...]
    translation: Translation | None = None
    reviewed_by_clinician: bool = False  # this file's own word; no word means not reviewed

    @property
    def clinician_reviewed(self) -> bool:
        """Whether a clinician has signed off this content, and its translation where it is one."""
        translated_ok = self.translation is None or self.translation.reviewed_by_clinician
        return self.reviewed_by_clinician and translated_ok

    def panel(self, panel_id: str) -> Panel:
        """The panel with this id."""
        return next(p for p in self.panels if p.id == panel_id)

    @property
    def mechanisms(self) -> tuple[PanelItem, ...]:
        return self.panel("mechanisms").items

    @property
    def infection_sources(self) -> tuple[PanelItem, ...]:
        return self.panel("infection_sources").items

    @property
    def risk_groups(self) -> tuple[PanelItem, ...]:
        return self.panel("risk_groups").items

    @property
    def figures(self) -> tuple[Figure, ...]:
        return self.numbers.figures

    def reference(self, ref_id: str) -> Reference:
        """The reference with this id (validation guarantees that every cited id exists)."""
        return next(r for r in self.references if r.id == ref_id)

    def references_for(self, ref_ids: tuple[str, ...]) -> tuple[Reference, ...]:
        """The references behind a claim, in the order it cites them."""
        return tuple(self.reference(r) for r in ref_ids)
