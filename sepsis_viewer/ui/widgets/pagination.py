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
MIN_WORD_BUDGET = 12
_UNCOUNTED = frozenset({BlockKind.CHART, BlockKind.SOURCES})  # no words to read, or small print
_UNCUT = frozenset({BlockKind.CHART, BlockKind.HEADING, BlockKind.SOURCES})  # a header that nearly fills the cap still leaves room for a sentence
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


def _pieces(text: str, budget: int, first: int) -> list[str]:
    """A text cut between its sentences; a sentence of more than `budget` words (`first` for the
    first one) between its clauses, and only as a last resort between words."""
    pieces: list[str] = []
    for sentence in sentences(text):
        limit = budget if pieces else first
        if words_in(sentence) <= limit:
            pieces.append(sentence)
            continue
        for clause in _cut(sentence, _CLAUSE_END):
            words = clause.split()
            pieces += [" ".join(words[i:i + limit]) for i in range(0, len(words), limit)]
    return pieces


def capped(units: list[Unit], budget: int) -> list[Unit]:
    """The units with every paragraph cut into its sentences (which join up again on a screen),
    none of more than `budget` words; source lines, small print, are not counted.

    A heading stays with what follows it, so the first piece after one leaves room for its words.
    """
    out = []
    for index, unit in enumerate(units):
        before = units[index - 1] if index else None
        first = budget - (words_in(before.text) if before is not None and before.kind == BlockKind.HEADING else 0)
        if unit.kind in _UNCUT:
            out.append(unit)
            continue
        pieces = _pieces(unit.text, budget, max(1, first))
        out += [Unit(unit.kind, piece, joins=n > 0 or unit.joins) for n, piece in enumerate(pieces)]
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
    """The words of a page's title, which every part of it shows in large type (the kicker above
    it is small print, as the source line is)."""
    return words_in(page.title)


class Paginator:
    """Finds the largest type offered at which a page fits, else splits it into parts.

    `make_header(parent)` makes the widget that heads every part (`header`): it has
    `set_page(page, part, parts)` and `height_for(width)`, and is only measured here, never shown.
    """

    def __init__(self, palette, family: str, make_header: Callable[[QWidget], QWidget]):
        self._palette, self._family = palette, family
        self._scratch = QWidget()  # never shown: widgets are measured here
        self.header = make_header(self._scratch)

    def split(self, page: Page, width: int, height: int, sizes: Sequence, *, units: list[Unit] | None = None,
              max_words: int | None = None) -> tuple[object, list[list[Unit]]]:
        """The metrics (one of `sizes`, largest first) and the parts of a page in a room of this
        size. `units`: the page's (units_of) unless given; `max_words`: the most words on a part,
        its title counted; then the parts are also evened out, so that none is left near empty."""
        units = units_of(page) if units is None else units
        budget = None
        if max_words is not None:
            budget = max(MIN_WORD_BUDGET, max_words - header_words(page))
            units = capped(units, budget)
        sources = sources_of(page)
        for metrics in sizes:
            fit = _Fit(self, metrics, width)
            room = height - self._header_height(page, metrics, width)
            if sources:
                room -= fit.height(Unit(BlockKind.SOURCES, sources)) + metrics.gap
            if fit.fits(units, room, budget):
                return metrics, [units]
        if budget is not None:
            units = _fitted(units, fit, room)
        parts = self._parts(units, fit, room, budget)
        if budget is not None and len(parts) > 1:
            parts = self._evened(units, fit, room, budget, parts)
        return metrics, parts

    def height_needed(self, page: Page, units: list[Unit], width: int, metrics) -> int:
        """The height a part of a page takes at this width: its header, its units as a screen shows
        them, and the page's source line with the spacing above it."""
        fit = _Fit(self, metrics, width)
        sources = sources_of(page)
        foot = fit.height(Unit(BlockKind.SOURCES, sources)) + metrics.gap if sources else 0
        return self._header_height(page, metrics, width) + fit.cost(units) + foot

    def measure(self, unit: Unit, metrics, width: int) -> int:
        """The height of a unit's widget at this width and these metrics."""
        if unit.kind == BlockKind.CHART:
            # A chart takes the room it is given; this is the least it can be read at.
            return metrics.text_px("body") * CHART_MIN_LINES
        widget = unit_widget(unit, self._palette, self._scratch)
        apply_metrics(widget, self._family, metrics)
        height = widget.heightForWidth(width) if widget.hasHeightForWidth() else widget.sizeHint().height()
        widget.deleteLater()
        return height

    def _header_height(self, page: Page, metrics, width: int) -> int:
        self.header.set_page(page, 0, 2)  # as on a part of a split page: the tallest it gets
        apply_metrics(self.header, self._family, metrics)
        # Each unit is counted with the spacing above it, so the header needs none of its own.
        return self.header.height_for(width)

    @staticmethod
    def _parts(units: list[Unit], fit: _Fit, room: int, budget: int | None) -> list[list[Unit]]:
        """Greedy parts that break, where they can, before a heading rather than inside a list,
        and before a paragraph rather than inside it; under a words cap, a note or a source line
        (a figure's) goes on with the paragraph above it."""
        parts: list[list[Unit]] = [[]]
        for index, unit in enumerate(units):
            trial = [*parts[-1], unit]
            following = units[index + 1: index + 2] if unit.kind == BlockKind.HEADING else []
            if parts[-1] and not fit.fits(trial + following, room, budget):  # a heading never ends a part
                moved = _tail_from_heading(parts[-1], fit, room)
                if budget is not None and unit.kind in (BlockKind.NOTE, BlockKind.SOURCES) and not moved:
                    moved = _paragraph_before(parts[-1])  # a figure's source stays under the figure
                if moved and (len(moved) == len(parts[-1]) or not fit.fits([*moved, unit, *following], room, budget)):
                    moved = []  # the tail stays: moved on, it would overfill the next part
                parts[-1] = parts[-1][: len(parts[-1]) - len(moved)]
                parts.append(moved)
            elif parts[-1] and _starts_on_next(units, index, parts[-1], fit, room, budget):
                parts.append([])
            parts[-1].append(unit)
        return parts

    def _evened(self, units, fit: _Fit, room: int, budget: int, parts) -> list[list[Unit]]:
        """As many parts, with the fewest words on the fullest: a smaller budget for as long as
        it takes no part more and leaves no heading at the foot of a part."""
        def as_good(trial: list[list[Unit]]) -> bool:
            return len(trial) <= len(parts) and not any(part[-1].kind == BlockKind.HEADING for part in trial)

        low, high = 1, budget
        while low < high:
            middle = (low + high) // 2
            if as_good(self._parts(units, fit, room, middle)):
                high = middle
            else:
                low = middle + 1
        evened = self._parts(units, fit, room, high)
        return evened if as_good(evened) else parts


class _Fit:
    """Whether units fit a room, at one size: as a screen shows them (a paragraph's sentences
    together again), each with the spacing above it; heights measured once each."""

    def __init__(self, paginator: Paginator, metrics, width: int):
        self._paginator, self.metrics, self._width = paginator, metrics, width
        self._heights: dict[tuple[str, str], int] = {}

    def height(self, unit: Unit) -> int:
        key = (unit.kind, unit.text)
        if key not in self._heights:
            self._heights[key] = self._paginator.measure(unit, self.metrics, self._width)
        return self._heights[key]

    def cost(self, units: list[Unit]) -> int:
        gap = self.metrics.gap
        return sum(self.height(u) + gap * (2 if u.kind == BlockKind.HEADING else 1) for u in joined(units))

    def fits(self, units: list[Unit], room: int, budget: int | None) -> bool:
        words = sum(words_in(u.text) for u in units if u.kind not in _UNCOUNTED)
        return (budget is None or words <= budget) and self.cost(units) <= room


def _tail_from_heading(part: list[Unit], fit: _Fit, room: int) -> list[Unit]:
    """The units after the part's last heading, if moving them on keeps the part reasonably full."""
    for position in range(len(part) - 1, 0, -1):
        if part[position].kind == BlockKind.HEADING:
            return part[position:] if fit.cost(part[:position]) >= 0.4 * room else []
    return []


def _fitted(units: list[Unit], fit: _Fit, room: int) -> list[Unit]:
    """The units with any too tall for the room on its own cut between clauses, else after as
    many words as fit: a long sentence under a long title still shows whole, over two screens."""
    out: list[Unit] = []
    for unit in units:
        if unit.kind in _UNCUT or fit.cost([unit]) <= room:
            out.append(unit)
            continue
        pieces = []
        for clause in _cut(unit.text, _CLAUSE_END):
            while clause:
                words = clause.split()
                count = len(words)
                while count > 1 and fit.cost([Unit(unit.kind, " ".join(words[:count]))]) > room:
                    count -= 1
                pieces.append(" ".join(words[:count]))
                clause = " ".join(words[count:])
        out += [Unit(unit.kind, piece, joins=n > 0 or unit.joins) for n, piece in enumerate(pieces)]
    return out


def _paragraph_before(part: list[Unit]) -> list[Unit]:
    """The part's last paragraph (all its pieces), with the heading right above it if any."""
    start = len(part) - 1
    while start > 0 and part[start].joins:
        start -= 1
    if start > 0 and part[start - 1].kind == BlockKind.HEADING:
        start -= 1
    return part[start:]


def _starts_on_next(units: list[Unit], index: int, part: list[Unit], fit: _Fit, room: int,
                    budget: int | None) -> bool:
    """Whether a paragraph cut into sentences had better start on the next part: it will not end
    on this one, and either fits whole on the next or this one is reasonably full already."""
    if units[index].joins or index + 1 >= len(units) or not units[index + 1].joins:
        return False  # not the start of a paragraph in pieces
    if part[-1].kind == BlockKind.HEADING:
        return False  # a heading never ends a part
    end = next((i for i in range(index + 1, len(units)) if not units[i].joins), len(units))
    paragraph = units[index:end]
    if fit.fits([*part, *paragraph], room, budget):
        return False
    words = sum(words_in(u.text) for u in part)
    full = max(fit.cost(part) / max(1, room), words / budget if budget else 0.0)
    return fit.fits(paragraph, room, budget) or full >= 0.4
