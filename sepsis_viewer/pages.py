"""What the detail area says for each tour step, as plain data that any mode can lay out."""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path

from sepsis_viewer.content.model import Content
from sepsis_viewer.record import Record
from sepsis_viewer.strings import ui
from sepsis_viewer.tour import ABOUT, CALL_TO_ACTION, NUMBERS, OVERVIEW, StepKind, TourStep, find_step
from sepsis_viewer.version import app_version

_BREAK = "\u200b"  # zero-width space: lets a long address wrap after a "/" on a narrow screen


def breakable_url(url: str) -> str:
    """An address that may wrap after each "/" instead of running off the edge."""
    head, sep, rest = url.partition("://")
    return head + sep + rest.replace("/", "/" + _BREAK) if sep else url


class BlockKind(str, Enum):
    """What a block of a page is; each mode lays out each kind in its own type."""

    HEADING = "heading"
    TEXT = "text"
    EMPHASIS = "emphasis"
    LIST = "list"
    NOTE = "note"
    SOURCES = "sources"
    LINKS = "links"
    CHART = "chart"


K = BlockKind


class Block(Record):
    """One piece of a page: a heading, a paragraph, an emphasised line, a list, a source line, links or a chart."""

    kind: BlockKind
    text: str = ""
    items: tuple[str, ...] = ()
    # LINKS: the tour step each item opens; CHART: the chart's id (its text is the text alternative).
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


def _resolved(content: Content, step: TourStep | str) -> TourStep:
    return step if isinstance(step, TourStep) else find_step(content, step)


def page_for(content: Content, step: TourStep | str) -> Page:
    """The page of a tour step (or About); a step id is looked up first (KeyError if unknown)."""
    step = _resolved(content, step)
    return _PAGES[step.kind](content, step)


def _panel(content: Content, step: TourStep) -> Page:
    panel = step.subject
    return Page(
        panel.id, panel.title, icon=panel.icon,
        blocks=(Block(K.TEXT, panel.intro), Block(K.LIST, items=tuple(i.title for i in panel.items)),
                Block(K.NOTE, ui("panel_hint"))),
    )


def _item(content: Content, step: TourStep) -> Page:
    item = step.subject
    return Page(
        item.id, item.title, kicker=content.panel(step.panel).title, icon=item.icon,
        blocks=(Block(K.TEXT, item.detail), Block(K.SOURCES, sources_line(content, item.sources))),
    )


def _overview(content: Content, step: TourStep) -> Page:
    intro = content.intro
    return Page(
        OVERVIEW, intro.heading, kicker=intro.title,
        blocks=(Block(K.TEXT, intro.text), Block(K.EMPHASIS, intro.hint), Block(K.NOTE, content.disclaimer),
                Block(K.SOURCES, sources_line(content, intro.sources))),
    )


def _stage(content: Content, step: TourStep) -> Page:
    stage = step.subject
    total = len(content.stages)
    return Page(
        stage.id, stage.title, kicker=ui("stage_kicker", number=stage.number, total=total),
        icon=stage.icon, stage_number=stage.number,
        blocks=(
            Block(K.HEADING, ui("body_heading")), Block(K.TEXT, stage.body),
            Block(K.HEADING, ui("signs_heading")), Block(K.LIST, items=stage.signs),
            Block(K.HEADING, ui("action_heading")), Block(K.EMPHASIS, stage.action),
            Block(K.SOURCES, sources_line(content, stage.sources)),
        ),
    )


def _numbers(content: Content, step: TourStep) -> Page:
    numbers = content.numbers
    blocks = [Block(K.TEXT, numbers.intro)]
    if numbers.charts:  # first, so that each chart is one click from the headline
        blocks.append(Block(K.LINKS, ui("charts_heading"), items=tuple(c.title for c in numbers.charts),
                            targets=tuple(c.id for c in numbers.charts)))
    for figure in numbers.figures:
        refs = ui("source_separator").join(r.title for r in content.references_for(figure.sources))
        # Each figure's source sits under it (a note), not at the foot of the page.
        blocks += [Block(K.HEADING, figure.label), Block(K.TEXT, figure.text),
                   Block(K.NOTE, ui("figure_source", refs=refs, year=figure.year))]
    return Page(NUMBERS, numbers.title, kicker=numbers.headline, icon=numbers.icon, blocks=tuple(blocks))


def _chart(content: Content, step: TourStep) -> Page:
    chart = step.subject
    # The chart carries its own source line and year; its text alternative rides along in the block.
    numbers = content.numbers
    return Page(chart.id, chart.title, kicker=numbers.title, icon=numbers.icon,
                blocks=(Block(K.CHART, chart.text, targets=(chart.id,)),))


def _call_to_action(content: Content, step: TourStep) -> Page:
    cta = content.call_to_action
    return Page(
        CALL_TO_ACTION, cta.action(), kicker=ui("cta_kicker"), icon=cta.icon,
        blocks=(
            *([Block(K.NOTE, cta.emergency_note)] if cta.emergency_note else []),
            Block(K.HEADING, cta.title), Block(K.LIST, items=cta.signs),
            Block(K.HEADING, cta.children_title), Block(K.LIST, items=cta.children_signs),
            Block(K.NOTE, cta.skin_note), Block(K.SOURCES, sources_line(content, cta.sources)),
        ),
    )


def _translation_note(content: Content) -> list[Block]:
    """Whether a translation has been checked by a clinician: people should know."""
    if content.translation is None:
        return []
    key = "translation_reviewed" if content.translation.reviewed_by_clinician else "translation_status"
    return [Block(K.EMPHASIS, ui(key))]


def _about(content: Content, step: TourStep) -> Page:
    refs = tuple(f"{r.citation} {breakable_url(r.url)}" if r.url else r.citation for r in content.references)
    return Page(
        ABOUT, ui("about_title"), kicker=ui("about_kicker"),
        blocks=(
            Block(K.EMPHASIS, content.disclaimer),
            Block(K.HEADING, ui("content_heading")),
            Block(K.TEXT, ui("content_line", version=content.content_version, language=content.language,
                             date=content.last_reviewed)),
            Block(K.NOTE, ui("content_file", file=content.path)),
            *_translation_note(content),
            Block(K.HEADING, ui("references_heading")), Block(K.LIST, items=refs),
            Block(K.HEADING, ui("credits_heading")), Block(K.TEXT, ui("font_credit")), Block(K.TEXT, ui("icon_credit")),
            Block(K.TEXT, ui("body_map_credit")),
            Block(K.NOTE, ui("app_version", version=app_version())),
        ),
    )


_PAGES = {
    StepKind.OVERVIEW: _overview, StepKind.STAGE: _stage, StepKind.PANEL: _panel, StepKind.ITEM: _item,
    StepKind.NUMBERS: _numbers, StepKind.CHART: _chart, StepKind.CALL_TO_ACTION: _call_to_action,
    StepKind.ABOUT: _about,
}


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_LEADS = (K.TEXT, K.EMPHASIS, K.CHART)  # the blocks that say what a page is about (a chart: its text)


def first_sentence(text: str) -> str:
    """The first sentence of a text; a label of a few words ("Bar chart.") takes the next one along."""
    sentences = _SENTENCE_END.split(text.strip(), maxsplit=2)
    if len(sentences) > 1 and len(sentences[0].split()) < 3:
        return f"{sentences[0]} {sentences[1]}"
    return sentences[0]


def spoken_summary(page: Page) -> str:
    """What a screen reader says when a page is chosen: its title and the first sentence it leads with."""
    lead = next((b.text for b in page.blocks if b.kind in _LEADS and b.text), "")
    lead = lead or next((b.text or (b.items[0] if b.items else "") for b in page.blocks
                         if b.kind != K.HEADING and (b.text or b.items)), "")
    title = page.title if page.title.endswith((".", "?", "!")) else f"{page.title}."
    return f"{title} {first_sentence(lead)}".strip()


def notes_for(content: Content, step: TourStep | str) -> str:
    """The teacher's speaker notes for a tour step ("" when the content has none)."""
    step = _resolved(content, step)
    if step.subject is not None:
        return step.subject.notes
    own = {StepKind.OVERVIEW: content.intro, StepKind.NUMBERS: content.numbers,
           StepKind.CALL_TO_ACTION: content.call_to_action}.get(step.kind)
    return own.notes if own is not None else ""


def zoom_for(content: Content, step: TourStep | str) -> Page:
    """The step's essentials, to fill a screen for the back row: icon, title and one short text."""
    step = _resolved(content, step)
    kind, subject = step.kind, step.subject
    if kind == StepKind.OVERVIEW:
        return Page(step.id, content.intro.title, blocks=(Block(K.TEXT, content.intro.subtitle),))
    if kind == StepKind.NUMBERS:
        return Page(step.id, content.numbers.title, icon=content.numbers.icon,
                    blocks=(Block(K.TEXT, content.numbers.headline),))
    if kind == StepKind.CALL_TO_ACTION:
        cta = content.call_to_action
        note = (Block(K.TEXT, cta.emergency_note),) if cta.emergency_note else ()
        return Page(step.id, cta.action(), icon=cta.icon, blocks=note)
    if kind == StepKind.STAGE:
        return Page(step.id, subject.title, kicker=str(subject.number), icon=subject.icon,
                    stage_number=subject.number, blocks=(Block(K.TEXT, subject.summary),))
    if kind == StepKind.CHART:
        return Page(step.id, subject.title, icon=content.numbers.icon)
    if kind == StepKind.PANEL:
        return Page(step.id, subject.title, icon=subject.icon)
    if kind == StepKind.ITEM:
        return Page(step.id, subject.title, icon=subject.icon, blocks=(Block(K.TEXT, subject.summary),))
    raise KeyError(step.id)


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
