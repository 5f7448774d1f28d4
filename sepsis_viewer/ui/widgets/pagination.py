"""Splitting a page into parts that each fit one screen: the projector's slides and the waiting
room's screens.

A page is shown at the largest type offered that fits it whole (the projector offers a few, never
below its smallest); one that fits at none is split into parts. With a words cap (the waiting room,
read from across a room) a part also ends before it holds more words than that, and a paragraph
too long for one part is cut between its sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QWidget

from sepsis_viewer.pages import BlockKind, Page
from sepsis_viewer.record import Record
from sepsis_viewer.ui.widgets.blocks import ITEM, text_widget
from sepsis_viewer.ui.widgets.text import apply_metrics

CHART_MIN_LINES = 8  # the least height of a chart on a screen, in lines of body text
MIN_WORD_BUDGET = 12  # a header that nearly fills the cap still leaves room for a sentence
# The end of a sentence: . ! ? or …, any closing quote or bracket, then a space.
_SENTENCE_END = re.compile(r"[.!?…](?:\s*[\"'”»)\]])*\s+")
_CLAUSE_END = re.compile(r"[,;:]\s+")


class Unit(Record):
    """The smallest piece of a page that stays whole on a screen: a paragraph (or, under a words
    cap, a sentence of one), a heading, a list item (kind ITEM) or a chart (its text is the chart's id).

    `joins`: it continues the paragraph of the unit before it; on one screen they show as one.
    """

    kind: str
    text: str
    joins: bool = False


def words_in(text: str) -> int:
    """How many words a text has, as a reader counts them."""
    return len(text.split())


def _page_sources(page: Page):
    """The page's own source line (its last block), as opposed to the source of one figure."""
    return page.blocks[-1] if page.blocks and page.blocks[-1].kind == BlockKind.SOURCES else None


def units_of(page: Page) -> list[Unit]:
    """A page's blocks as units, lists opened up into their items; the page's source line is apart."""
    units = []
    own = _page_sources(page)
    for block in page.blocks:
        if block.kind == BlockKind.LIST:
            units += [Unit(ITEM, item) for item in block.items]
        elif block.kind == BlockKind.CHART:
            units.append(Unit(BlockKind.CHART, block.targets[0]))  # the chart's id: the screen draws it
        elif block.kind == BlockKind.LINKS:
            continue  # nothing to click on a projected slide: the charts are the next steps
        elif block is not own:
            units.append(Unit(block.kind, block.text))
    return units


def sources_of(page: Page) -> str:
    """The page's source line: every part of a split page carries it at its foot."""
    own = _page_sources(page)
    return own.text if own else ""


def unit_widget(unit: Unit, palette, parent: QWidget | None = None) -> QWidget:
    """The widget that shows a unit: a wrapping label, or a bullet and a label for a list item."""
    return text_widget(unit.kind, unit.text, palette, parent)


def _cut(text: str, ends: re.Pattern) -> list[str]:
    """A text cut after each match of `ends`, each piece keeping its own characters."""
    pieces, start = [], 0
    for match in ends.finditer(text):
        pieces.append(text[start:match.end()].rstrip())
        start = match.end()
    return [*pieces, text[start:]] if text[start:] else pieces


def sentences(text: str) -> list[str]:
    """A paragraph's sentences; a full stop before a small letter ("e.g. a cut") ends none."""
    out: list[str] = []
    for piece in _cut(text, _SENTENCE_END):
        if out and piece[:1].islower():
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def _pieces(text: str, budget: int) -> list[str]:
    """A text cut into pieces of at most `budget` words: between sentences, then between clauses,
    and only as a last resort between words."""
    pieces: list[str] = []
    for sentence in sentences(text):
        if words_in(sentence) <= budget:
            pieces.append(sentence)
            continue
        for clause in _cut(sentence, _CLAUSE_END):
            words = clause.split()
            pieces += [" ".join(words[i:i + budget]) for i in range(0, len(words), budget)]
    return _regrouped(pieces, budget)


def _regrouped(pieces: list[str], budget: int) -> list[str]:
    """Consecutive pieces put back together while they stay within the budget: whole sentences
    go together wherever they can."""
    grouped: list[str] = []
    for piece in pieces:
        if grouped and words_in(grouped[-1]) + words_in(piece) <= budget:
            grouped[-1] = f"{grouped[-1]} {piece}"
        else:
            grouped.append(piece)
    return grouped


def capped(units: list[Unit], budget: int) -> list[Unit]:
    """The units with every one of more than `budget` words cut into pieces that join up again."""
    out = []
    for unit in units:
        if unit.kind == BlockKind.CHART or words_in(unit.text) <= budget:
            out.append(unit)
            continue
        pieces = _pieces(unit.text, budget)
        out += [Unit(unit.kind, piece, joins=index > 0 or unit.joins) for index, piece in enumerate(pieces)]
    return out


def joined(units: list[Unit]) -> list[Unit]:
    """The units as a screen shows them: the pieces of one paragraph together again."""
    out: list[Unit] = []
    for unit in units:
        if unit.joins and out and out[-1].kind == unit.kind:
            out[-1] = Unit(unit.kind, f"{out[-1].text} {unit.text}", out[-1].joins)
        else:
            out.append(unit)
    return out


def header_words(page: Page) -> int:
    """The words of a page's kicker and title, which every part of it shows."""
    return words_in(page.kicker) + words_in(page.title)


class Paginator:
    """Finds the largest type offered at which a page fits, else splits it into parts.

    `make_header(parent)` makes the widget that heads every part: it has `set_page(page, part,
    parts)` and `height_for(width)`, and is only measured here, never shown.
    """

    def __init__(self, palette, family: str, make_header: Callable[[QWidget], QWidget]):
        self._palette, self._family = palette, family
        self._scratch = QWidget()  # never shown: widgets are measured here
        self._header = make_header(self._scratch)

    def split(self, page: Page, width: int, height: int, sizes: Sequence, *, units: list[Unit] | None = None,
              max_words: int | None = None) -> tuple[object, list[list[Unit]]]:
        """The metrics (one of `sizes`, largest first) and the parts of a page in a room of this
        size. `units`: the page's (units_of) unless given; `max_words`: the most words on a part,
        its kicker and title counted."""
        units = units_of(page) if units is None else units
        budget = None
        if max_words is not None:
            budget = max(MIN_WORD_BUDGET, max_words - header_words(page))
            units = capped(units, budget)
        sources = sources_of(page)
        for metrics in sizes:
            heights = self._heights(units, metrics, width)
            room = height - self._header_height(page, metrics, width)
            if sources:
                room -= self._heights([Unit(BlockKind.SOURCES, sources)], metrics, width)[0] + metrics.gap
            fits_words = budget is None or sum(words_in(u.text) for u in units) <= budget
            if self._total(units, heights, metrics) <= room and fits_words:
                return metrics, [units]
        return metrics, self._parts(units, heights, metrics, room, budget)

    def _heights(self, units: list[Unit], metrics, width: int) -> list[int]:
        heights = []
        for unit in units:
            if unit.kind == BlockKind.CHART:
                # A chart takes the room it is given; this is the least it can be read at.
                heights.append(metrics.text_px("body") * CHART_MIN_LINES)
                continue
            widget = unit_widget(unit, self._palette, self._scratch)
            apply_metrics(widget, self._family, metrics)
            heights.append(widget.heightForWidth(width) if widget.hasHeightForWidth() else widget.sizeHint().height())
            widget.deleteLater()
        return heights

    def _header_height(self, page: Page, metrics, width: int) -> int:
        self._header.set_page(page, 0, 2)  # as on a part of a split page: the tallest it gets
        apply_metrics(self._header, self._family, metrics)
        # Each unit is counted with the spacing above it, so the header needs none of its own.
        return self._header.height_for(width)

    @staticmethod
    def _spacing(unit: Unit, metrics) -> int:
        return metrics.gap * (2 if unit.kind == BlockKind.HEADING else 1)

    def _total(self, units, heights, metrics) -> int:
        return sum(h + self._spacing(u, metrics) for u, h in zip(units, heights))

    def _parts(self, units, heights, metrics, room, budget=None) -> list[list[Unit]]:
        """Greedy parts that break, where they can, before a heading rather than inside a list."""
        costs = [h + self._spacing(u, metrics) for u, h in zip(units, heights)]
        words = [words_in(u.text) if u.kind != BlockKind.CHART else 0 for u in units]
        parts: list[list[int]] = [[]]
        for index, unit in enumerate(units):
            need, need_words = costs[index], words[index]
            if unit.kind == BlockKind.HEADING and index + 1 < len(units):
                need += costs[index + 1]  # a heading never ends a part
                need_words += words[index + 1]
            used = sum(costs[i] for i in parts[-1])
            said = sum(words[i] for i in parts[-1])
            if parts[-1] and (used + need > room or (budget is not None and said + need_words > budget)):
                moved = self._tail_from_heading(parts[-1], units, costs, room)
                if budget is not None and sum(words[i] for i in moved) + need_words > budget:
                    moved = []  # the heading's tail stays: moved on, it would overfill the next part
                parts[-1] = parts[-1][: len(parts[-1]) - len(moved)]
                parts.append(moved)
            parts[-1].append(index)
        return [[units[i] for i in part] for part in parts]

    @staticmethod
    def _tail_from_heading(part: list[int], units, costs, room) -> list[int]:
        """The units after the part's last heading, if moving them on keeps the part reasonably full."""
        for position in range(len(part) - 1, 0, -1):
            if units[part[position]].kind == BlockKind.HEADING:
                kept = sum(costs[i] for i in part[:position])
                return part[position:] if kept >= 0.4 * room else []
        return []
