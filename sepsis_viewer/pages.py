"""What the detail area says for each tour step, as plain data that any mode can lay out."""

from __future__ import annotations

from pathlib import Path

from sepsis_viewer.content.model import Content
from sepsis_viewer.record import Record
from sepsis_viewer.strings import ui
from sepsis_viewer.tour import CALL_TO_ACTION, NUMBERS, OVERVIEW
from sepsis_viewer.version import app_version

ABOUT = "about"
_BREAK = "\u200b"  # zero-width space: lets a long address wrap after a "/" on a narrow screen


def breakable_url(url: str) -> str:
    """An address that may wrap after each "/" instead of running off the edge."""
    head, sep, rest = url.partition("://")
    return head + sep + rest.replace("/", "/" + _BREAK) if sep else url


class Block(Record):
    """One piece of a page: a heading, a paragraph, an emphasised line, a list, a source line, links or a chart."""

    kind: str  # "heading", "text", "emphasis", "list", "note", "sources", "links" or "chart"
    text: str = ""
    items: tuple[str, ...] = ()
    # "links": the tour step each item opens; "chart": the chart's id (its text is the text alternative).
    targets: tuple[str, ...] = ()


class Page(Record):
    """A titled page of blocks; `stage_number` picks the stage colour when it is a stage."""

    id: str
    title: str
    kicker: str = ""
    icon: Path | None = None
    stage_number: int | None = None
    blocks: tuple[Block, ...] = ()


def sources_line(content: Content, ref_ids: tuple[str, ...]) -> str:
    """"Source: …" or "Sources: …" with the short titles of the cited references."""
    refs = ui("source_separator").join(r.title for r in content.references_for(ref_ids))
    return ui("source_one" if len(ref_ids) == 1 else "source_many", refs=refs)


def page_for(content: Content, step_id: str, emergency_number: str | None = None) -> Page:
    """The page for a tour step id (or "about"); KeyError for an id the content does not have."""
    if step_id == OVERVIEW:
        return _overview(content)
    if step_id == NUMBERS:
        return _numbers(content)
    if step_id == CALL_TO_ACTION:
        return _call_to_action(content, emergency_number)
    if step_id == ABOUT:
        return _about(content)
    for stage in content.stages:
        if stage.id == step_id:
            return _stage(content, stage)
    for chart in content.numbers.charts:
        if chart.id == step_id:
            return _chart(content, chart)
    for panel in content.panels:
        if panel.id == step_id:
            return Page(
                panel.id, panel.title, icon=panel.icon,
                blocks=(Block("text", panel.intro), Block("list", items=tuple(i.title for i in panel.items)),
                        Block("note", ui("panel_hint"))),
            )
        for item in panel.items:
            if item.id == step_id:
                return Page(
                    item.id, item.title, kicker=panel.title, icon=item.icon,
                    blocks=(Block("text", item.detail),
                            Block("sources", sources_line(content, item.sources))),
                )
    raise KeyError(step_id)


def _overview(content: Content) -> Page:
    intro = content.intro
    return Page(
        OVERVIEW, intro.heading, kicker=intro.title,
        blocks=(Block("text", intro.text), Block("emphasis", intro.hint), Block("note", content.disclaimer),
                Block("sources", sources_line(content, intro.sources))),
    )


def _stage(content: Content, stage) -> Page:
    total = len(content.stages)
    return Page(
        stage.id, stage.title, kicker=ui("stage_kicker", number=stage.number, total=total),
        icon=stage.icon, stage_number=stage.number,
        blocks=(
            Block("heading", ui("body_heading")), Block("text", stage.body),
            Block("heading", ui("signs_heading")), Block("list", items=stage.signs),
            Block("heading", ui("action_heading")), Block("emphasis", stage.action),
            Block("sources", sources_line(content, stage.sources)),
        ),
    )


def _numbers(content: Content) -> Page:
    numbers = content.numbers
    blocks = [Block("text", numbers.intro)]
    if numbers.charts:  # first, so that each chart is one click from the headline
        blocks.append(Block("links", ui("charts_heading"), items=tuple(c.title for c in numbers.charts),
                            targets=tuple(c.id for c in numbers.charts)))
    for figure in numbers.figures:
        refs = ui("source_separator").join(r.title for r in content.references_for(figure.sources))
        # Each figure's source sits under it (a note), not at the foot of the page.
        blocks += [Block("heading", figure.label), Block("text", figure.text),
                   Block("note", ui("figure_source", refs=refs, year=figure.year))]
    return Page(NUMBERS, numbers.title, kicker=numbers.headline, icon=numbers.icon, blocks=tuple(blocks))


def _chart(content: Content, chart) -> Page:
    # The chart carries its own source line and year; its text alternative rides along in the block.
    numbers = content.numbers
    return Page(chart.id, chart.title, kicker=numbers.title, icon=numbers.icon,
                blocks=(Block("chart", chart.text, targets=(chart.id,)),))


def _call_to_action(content: Content, emergency_number: str | None) -> Page:
    cta = content.call_to_action
    return Page(
        CALL_TO_ACTION, cta.action(emergency_number), kicker=ui("cta_kicker"), icon=cta.icon,
        blocks=(
            *([Block("note", cta.emergency_note)] if cta.emergency_note else []),
            Block("heading", cta.title), Block("list", items=cta.signs),
            Block("heading", cta.children_title), Block("list", items=cta.children_signs),
            Block("note", cta.skin_note), Block("sources", sources_line(content, cta.sources)),
        ),
    )


def _translation_note(content: Content) -> list[Block]:
    """Whether a translation has been checked by a clinician: people should know."""
    if content.translation is None:
        return []
    key = "translation_reviewed" if content.translation.reviewed_by_clinician else "translation_status"
    return [Block("emphasis", ui(key))]


def _about(content: Content) -> Page:
    refs = tuple(f"{r.citation} {breakable_url(r.url)}" if r.url else r.citation for r in content.references)
    return Page(
        ABOUT, ui("about_title"), kicker=ui("about_kicker"),
        blocks=(
            Block("emphasis", content.disclaimer),
            Block("heading", ui("content_heading")),
            Block("text", ui("content_line", version=content.content_version, language=content.language,
                             date=content.last_reviewed)),
            Block("note", ui("content_file", file=content.path)),
            *_translation_note(content),
            Block("heading", ui("references_heading")), Block("list", items=refs),
            Block("heading", ui("credits_heading")), Block("text", ui("font_credit")), Block("text", ui("icon_credit")),
            Block("note", ui("app_version", version=app_version())),
        ),
    )


def notes_for(content: Content, step_id: str) -> str:
    """The teacher's speaker notes for a tour step ("" when the content has none)."""
    if step_id == OVERVIEW:
        return content.intro.notes
    if step_id == NUMBERS:
        return content.numbers.notes
    if step_id == CALL_TO_ACTION:
        return content.call_to_action.notes
    for stage in content.stages:
        if stage.id == step_id:
            return stage.notes
    for chart in content.numbers.charts:
        if chart.id == step_id:
            return chart.notes
    for panel in content.panels:
        if panel.id == step_id:
            return panel.notes
        for item in panel.items:
            if item.id == step_id:
                return item.notes
    return ""


def zoom_for(content: Content, step_id: str, emergency_number: str | None = None) -> Page:
    """The step's essentials, to fill a screen for the back row: icon, title and one short text."""
    if step_id == OVERVIEW:
        return Page(step_id, content.intro.title, blocks=(Block("text", content.intro.subtitle),))
    if step_id == NUMBERS:
        return Page(step_id, content.numbers.title, icon=content.numbers.icon,
                    blocks=(Block("text", content.numbers.headline),))
    if step_id == CALL_TO_ACTION:
        cta = content.call_to_action
        note = (Block("text", cta.emergency_note),) if cta.emergency_note else ()
        return Page(step_id, cta.action(emergency_number), icon=cta.icon, blocks=note)
    for stage in content.stages:
        if stage.id == step_id:
            return Page(step_id, stage.title, kicker=str(stage.number), icon=stage.icon, stage_number=stage.number,
                        blocks=(Block("text", stage.summary),))
    for chart in content.numbers.charts:
        if chart.id == step_id:
            return Page(step_id, chart.title, icon=content.numbers.icon, blocks=())
    for panel in content.panels:
        if panel.id == step_id:
            return Page(step_id, panel.title, icon=panel.icon, blocks=())
        for item in panel.items:
            if item.id == step_id:
                return Page(step_id, item.title, icon=item.icon, blocks=(Block("text", item.summary),))
    raise KeyError(step_id)


READING_WORDS_PER_SECOND = 3.3  # about 200 words a minute, a calm reading pace
DWELL_RANGE = (8.0, 25.0)


def words_on(page: Page) -> int:
    """How many words a page shows."""
    texts = [page.kicker, page.title]
    for block in page.blocks:
        texts.append(block.text)
        texts.extend(block.items)
    return sum(len(text.split()) for text in texts)


def dwell_seconds(page: Page, override: float | None = None) -> float:
    """How long the waiting-room loop stays on a page: time to read it, within 8 to 25 seconds."""
    if override is not None:
        return override
    low, high = DWELL_RANGE
    return max(low, min(high, 3.0 + words_on(page) / READING_WORDS_PER_SECOND))
