"""Every statement the content makes, with where it is shown and the references it cites (no Qt).

A clinician signs off a language version of the content on paper (`sepsis-viewer review-sheet`):
they need each statement as the public reads it (figures written in, in the language's own
way) beside the full citation of each reference it rests on. The reading-level test measures
the same statements, less the teacher's speaker notes.
"""

from __future__ import annotations

from collections.abc import Iterator

from sepsis_viewer.content.model import Content, Panel
from sepsis_viewer.record import Record
from sepsis_viewer.strings import ui


class Statement(Record):
    """One text of the content, as shown, with the ids of the references it cites."""

    where: str  # for a reader of the sheet: "Stage 2: Sepsis · Signs you might notice"
    text: str
    sources: tuple[str, ...] = ()
    public: bool = True  # False for the teacher's speaker notes, which the audience never sees


class ReviewSheet(Record):
    """What a clinician reviews: the content's statements and references, and its version."""

    language: str
    content_version: str
    last_reviewed: str
    reviewed: bool  # signed off already (its own word, and its translation's)
    translated_from: str | None
    statements: tuple[Statement, ...]
    references: tuple  # of content.model.Reference, in the content's order


def review_sheet(content: Content) -> ReviewSheet:
    """The review sheet of a content, in its language (the interface words must be set to it)."""
    return ReviewSheet(
        language=content.language, content_version=content.content_version, last_reviewed=content.last_reviewed,
        reviewed=content.clinician_reviewed,
        translated_from=content.translation.of if content.translation else None,
        statements=tuple(statements(content)), references=content.references,
    )


def statements(content: Content) -> Iterator[Statement]:
    """Every statement of the content in the order the tour shows them."""
    intro = content.intro
    yield Statement(intro.title, content.disclaimer)
    yield from _texts(intro.heading, intro.sources, intro.subtitle, intro.text)
    yield from _notes(intro.heading, intro.notes)
    note = content.model_note
    yield from _texts(note.title, note.sources, note.label, note.short, note.text)
    for stage in content.stages:
        yield from _stage(stage, len(content.stages))
    for panel in content.panels:
        yield from _panel(panel)
    yield from _numbers(content)
    yield from _call_to_action(content)


def public_statements(content: Content) -> list[Statement]:
    """The statements the audience sees (no speaker notes)."""
    return [statement for statement in statements(content) if statement.public]


def _texts(where: str, sources: tuple[str, ...], *texts: str) -> Iterator[Statement]:
    for text in texts:
        if text:
            yield Statement(where, text, tuple(sources))


def _notes(where: str, notes: str, sources: tuple[str, ...] = ()) -> Iterator[Statement]:
    if notes:
        yield Statement(f"{where} · {ui('presenter_notes')}", notes, tuple(sources), public=False)


def _stage(stage, total: int) -> Iterator[Statement]:
    where = f"{ui('stage_kicker', number=stage.number, total=total)}: {stage.title}"
    yield from _texts(where, stage.sources, stage.summary)
    yield from _texts(f"{where} · {ui('body_heading')}", stage.sources, stage.body)
    yield from _texts(f"{where} · {ui('signs_heading')}", stage.sources, *stage.signs)
    yield from _texts(f"{where} · {ui('action_heading')}", stage.sources, stage.action)
    yield from _notes(where, stage.notes, stage.sources)


def _panel(panel: Panel) -> Iterator[Statement]:
    yield Statement(panel.title, panel.intro)
    for item in panel.items:
        where = f"{panel.title}: {item.title}"
        yield from _texts(where, item.sources, item.summary, item.detail)
        yield from _notes(where, item.notes, item.sources)
    yield from _notes(panel.title, panel.notes)


def _numbers(content: Content) -> Iterator[Statement]:
    numbers = content.numbers
    yield Statement(numbers.title, numbers.intro)
    yield from _texts(numbers.title, numbers.headline_sources, numbers.headline)
    for figure in numbers.figures:
        where = f"{numbers.title}: {figure.label} · {ui('chart_years_one', year=figure.year)}"
        yield from _texts(where, figure.sources, figure.text)
    yield from _notes(numbers.title, numbers.notes, numbers.headline_sources)
    for chart in numbers.charts:
        cited: list[str] = []
        for bar in chart.bars:
            cited += [ref for ref in numbers.figure(bar.figure).sources if ref not in cited]
        where = f"{numbers.title}: {chart.title}"
        yield from _texts(where, tuple(cited), chart.note, chart.text)
        yield from _notes(where, chart.notes, tuple(cited))


def _call_to_action(content: Content) -> Iterator[Statement]:
    cta = content.call_to_action
    where = ui("cta_kicker")
    yield from _texts(where, cta.sources, cta.action(), cta.waiting_room_action, cta.emergency_note)
    yield from _texts(f"{where} · {cta.title}", cta.sources, *cta.signs)
    yield from _texts(f"{where} · {cta.children_title}", cta.sources, *cta.children_signs)
    yield from _texts(where, cta.sources, cta.skin_note)
    yield from _notes(where, cta.notes, cta.sources)
