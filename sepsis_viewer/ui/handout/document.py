"""The printable handout: one layout, painted onto a PDF, a printer or a poster image.

Page 1 explains (the body map, the four steps, how sepsis harms the body, where it starts, who is
at risk); page 2 says what to do and when to get help, shows the numbers as charts and lists the
references on a page of their own. Text stays text and the
charts stay vector shapes, so a reader can search and copy it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from sepsis_viewer.charts.data import ChartData, all_charts, value_text
from sepsis_viewer.content.model import Content, Panel
from sepsis_viewer.pages import sources_line
from sepsis_viewer.record import Record
from sepsis_viewer.strings import ui
from sepsis_viewer.ui.handout.body import labelled_body
from sepsis_viewer.ui.handout.paint import ROLES, Sheet
from sepsis_viewer.ui.widgets.theme import DESKTOP, Palette

CARE_PANEL = "care"  # getting help, treatment, after sepsis, prevention: printed with the call to action
MARGIN = 36.0  # points: half an inch, inside any printer's unprintable edge
GAP = 14.0
FOOTER = 22.0
PAGES = 3  # two pages for the reader, one of sources; smaller paper (Letter) may need the type a little smaller
TYPE_SCALES = (1.0, 0.95, 0.9)

# A section draws itself (or, on a dry sheet, only measures) at x, top, width; returns its bottom.
Section = Callable[[Sheet, float, float, float], float]


class Handout(Record):
    """The content (with its number to call decided) and the theme the handout is made from."""

    content: Content
    palette: Palette = DESKTOP


def _icon(sheet: Sheet, path, colour: str, rect: QRectF) -> None:
    """A bundled SVG icon, drawn as vector shapes in one colour."""
    if sheet.dry or path is None or path.suffix.lower() != ".svg":
        return
    try:
        data = path.read_bytes().replace(b"currentColor", colour.encode("ascii"))
    except OSError:
        return
    sheet.svg(data, rect)


def _header(h: Handout) -> Section:
    c, p = h.content, h.palette

    def draw(sheet: Sheet, x: float, top: float, width: float) -> float:
        top = sheet.text(c.intro.title, "title", x, top, width)
        top = sheet.text(c.intro.subtitle, "subtitle", x, top + 2, width, p.muted) + 8
        height = sheet.height(c.disclaimer, "small-bold", width - 12) + 10
        sheet.rounded(QRectF(x, top, width, height), p.warning_border, 1.0, p.warning_background)
        sheet.text(c.disclaimer, "small-bold", x + 6, top + 5, width - 12, p.warning_text)
        return top + height

    return draw


def _intro(h: Handout) -> Section:
    """What sepsis is, then the four steps of the classic model, one under the other (beside the
    body map, whose colours they are)."""
    c, p = h.content, h.palette

    def draw(sheet: Sheet, x: float, top: float, width: float) -> float:
        top = sheet.text(c.intro.heading, "h2", x, top, width) + 2
        top = sheet.text(c.intro.text, "body", x, top, width)
        top = sheet.text(sources_line(c, c.intro.sources), "small", x, top + 2, width, p.muted) + 8
        top = sheet.text(c.model_note.label, "small-bold", x, top, width, p.muted) + 3
        chip = 15.0
        for stage in c.stages:
            colour = p.stage_colour(stage.number)
            sheet.fill(QRectF(x, top, chip, chip), colour)
            number = str(stage.number)
            sheet.text(number, "h3", x + (chip - sheet.role_width(number, "h3")) / 2, top + 1.5, chip, p.accent_text)
            words = sheet.text(stage.title, "h3", x + chip + 6, top, width - chip - 6)
            top = max(top + chip, sheet.text(stage.summary, "small", x + chip + 6, words, width - chip - 6, p.muted)) + 4
        return top

    return draw


def _note(h: Handout) -> Section:
    """How doctors define sepsis today: always beside the classic model."""
    c, p = h.content, h.palette

    def draw(sheet: Sheet, x: float, top: float, width: float) -> float:
        note = c.model_note
        text = f"{note.text} {sources_line(c, note.sources)}"
        height = 14 + sheet.height(note.title, "h3", width - 36) + sheet.height(text, "small", width - 36)
        sheet.rounded(QRectF(x, top, width, height), p.accent, 1.2, p.surface)
        _icon(sheet, note.icon, p.accent, QRectF(x + 7, top + 7, 16, 16))
        words = sheet.text(note.title, "h3", x + 28, top + 6, width - 36)
        sheet.text(text, "small", x + 28, words + 1, width - 36)
        return top + height

    return draw


def _beside(left: Section, right: Section, share: float) -> Section:
    """Two sections side by side, the left taking `share` of the width."""

    def draw(sheet: Sheet, x: float, top: float, width: float) -> float:
        left_w = (width - GAP) * share
        return max(left(sheet, x, top, left_w), right(sheet, x + left_w + GAP, top, width - left_w - GAP))

    return draw


def _panel(h: Handout, panel: Panel) -> Section:
    p = h.palette

    def draw(sheet: Sheet, x: float, top: float, width: float) -> float:
        _icon(sheet, panel.icon, p.accent, QRectF(x, top + 1, 13, 13))
        top = sheet.text(panel.title, "h3", x + 17, top, width - 17) + 3
        for item in panel.items:
            words = sheet.text(item.title, "body-bold", x, top, width)
            top = sheet.text(item.summary, "small", x, words, width, p.muted) + 4
        return top

    return draw


def _split_panel(h: Handout, panel: Panel, count: int) -> Section:
    """A long panel under its title, its items in `count` columns."""
    p = h.palette
    per = -(-len(panel.items) // count)
    parts = [panel.items[i:i + per] for i in range(0, len(panel.items), per)]

    def items(part):
        def draw(sheet: Sheet, x: float, top: float, width: float) -> float:
            for item in part:
                words = sheet.text(item.title, "body-bold", x, top, width)
                top = sheet.text(item.summary, "small", x, words, width, p.muted) + 4
            return top
        return draw

    def draw(sheet: Sheet, x: float, top: float, width: float) -> float:
        _icon(sheet, panel.icon, p.accent, QRectF(x, top + 1, 13, 13))
        top = sheet.text(panel.title, "h3", x + 17, top, width - 17) + 3
        return _columns(*(items(part) for part in parts))(sheet, x, top, width)

    return draw


def _columns(*columns: Section) -> Section:
    """Sections side by side in columns of equal width."""

    def draw(sheet: Sheet, x: float, top: float, width: float) -> float:
        column_w = (width - GAP * (len(columns) - 1)) / len(columns)
        return max(column(sheet, x + i * (column_w + GAP), top, column_w) for i, column in enumerate(columns))

    return draw


def _call_to_action(h: Handout) -> Section:
    c, p = h.content, h.palette
    cta = c.call_to_action

    def signs(sheet: Sheet, title: str, items, x: float, top: float, width: float) -> float:
        top = sheet.text(title, "h3", x, top, width) + 2
        for sign in items:
            sheet.text("•", "body", x, top, 8)
            top = sheet.text(sign, "body", x + 9, top, width - 9) + 1
        return top

    def draw(sheet: Sheet, x: float, top: float, width: float) -> float:
        pad, start = 10.0, top
        inner = width - 2 * pad
        y = sheet.text(ui("cta_kicker"), "small-bold", x + pad, top + pad, inner, p.muted)
        y = sheet.text(cta.action(), "call", x + pad, y + 1, inner, p.cta_background)
        if cta.emergency_note:  # only where the number is a guess (emergency.py)
            y = sheet.text(cta.emergency_note, "body", x + pad, y, inner)
        y += 6
        half = (inner - GAP) / 2
        y = max(signs(sheet, cta.title, cta.signs, x + pad, y, half),
                signs(sheet, cta.children_title, cta.children_signs, x + pad + half + GAP, y, half)) + 4
        y = sheet.text(cta.skin_note, "body", x + pad, y, inner)
        y = sheet.text(sources_line(c, cta.sources), "small", x + pad, y + 3, inner, p.muted) + pad
        sheet.rounded(QRectF(x, start, width, y - start), p.cta_background, 2.2, radius=6)
        return y

    return draw


def _chart_style(h: Handout, sheet: Sheet):
    from sepsis_viewer.charts.draw import ChartStyle  # matplotlib: only once a handout is made

    p = h.palette
    # Qt's SVG renderer sets type in whole points; whole sizes keep what matplotlib measured.
    text, small = (round(ROLES[role][0] * sheet.scale) for role in ("body", "small"))
    return ChartStyle(family=sheet.family, text_px=text, small_px=small, text=p.text, muted=p.muted,
                      background=p.surface, bar=p.accent, fallback="")


def _chart_cell(h: Handout, data: ChartData) -> Callable[..., float]:
    """A chart in its frame: its title, then the figure the screen shows, as matplotlib writes it for paper."""

    def draw(sheet: Sheet, x: float, top: float, width: float, height: float = 0.0) -> float:
        """Draw the cell `height` tall (0: measure only); returns the height it needs."""
        from sepsis_viewer.charts.draw import needed_height
        from sepsis_viewer.charts.printed import chart_svg

        style = _chart_style(h, sheet)
        inset = style.pad  # the figure keeps this much room inside its edges too: the title lines up with it
        title = inset + sheet.height(data.title, "h3", width - 2 * inset)
        needed = title + needed_height(data, style, width)
        if not sheet.dry and height:
            sheet.text(data.title, "h3", x + inset, top + inset, width - 2 * inset)
            chart = QRectF(x, top + title, width, height - title)
            sheet.svg(chart_svg(data, style, chart.width(), chart.height()), chart)
            sheet.rounded(QRectF(x, top, width, height), h.palette.border, 0.6)
        return needed

    return draw


def _numbers(h: Handout) -> Section:
    c, p = h.content, h.palette
    cells = [_chart_cell(h, data) for data in all_charts(c)]
    charted = {bar.figure for chart in c.numbers.charts for bar in chart.bars}
    others = [f for f in c.figures if f.id not in charted]

    def figures(sheet: Sheet, x: float, top: float, width: float, part) -> float:
        for figure in part:
            refs = ui("source_separator").join(r.title for r in c.references_for(figure.sources))
            top = sheet.text(ui("share_whole", label=figure.label, value=value_text(figure)), "body-bold", x, top,
                             width)
            top = sheet.text(ui("figure_source", refs=refs, year=figure.year), "small", x, top, width, p.muted) + 3
        return top

    def draw(sheet: Sheet, x: float, top: float, width: float) -> float:
        _icon(sheet, c.numbers.icon, p.accent, QRectF(x, top, 15, 15))
        top = sheet.text(c.numbers.title, "h2", x + 19, top, width - 19) + 2
        top = sheet.text(c.numbers.intro, "small", x, top, width, p.muted) + 4
        # The charts side by side (as many as the width takes, three at most), then the figures
        # that have no chart, in two columns.
        per_row = min(3, max(1, len(cells)))
        cell_w = (width - GAP * (per_row - 1)) / per_row
        for i in range(0, len(cells), per_row):
            row = cells[i:i + per_row]
            height = max(cell(sheet, x, top, cell_w) for cell in row)
            for j, cell in enumerate(row):
                cell(sheet, x + j * (cell_w + GAP), top, cell_w, height)
            top += height + 6
        if others:
            half = (len(others) + 1) // 2
            top = _columns(*(_figures(part) for part in (others[:half], others[half:])))(sheet, x, top, width)
        return top

    def _figures(part):
        return lambda sheet, x, top, width: figures(sheet, x, top, width, part)

    return draw


def _references(h: Handout) -> Section:
    c, p = h.content, h.palette

    def draw(sheet: Sheet, x: float, top: float, width: float) -> float:
        top = sheet.text(ui("references_heading"), "h2", x, top, width) + 2
        for number, ref in enumerate(c.references, start=1):
            text = f"{number}. {ref.citation}" + (f" {ref.url}" if ref.url else "")
            top = sheet.text(text, "small", x, top, width, p.text) + 1.5
        return top

    return draw


BODY_MAP_HEIGHT = 215.0  # points: the figure with its title and key


def sections(h: Handout) -> list[tuple[Section, bool]]:
    """The handout's sections in order, each with whether it starts a new page."""
    c = h.content
    # What to do when worried (the call to action, and the panel on getting help) goes with it on
    # page 2; what explains sepsis stays on page 1.
    explain = [panel for panel in c.panels if panel.id != CARE_PANEL]
    act = [panel for panel in c.panels if panel.id == CARE_PANEL]
    return [
        (_header(h), False),
        (_beside(labelled_body(c, h.palette, BODY_MAP_HEIGHT), _intro(h), 0.44), False),
        (_note(h), False),
        (_columns(*(_panel(h, panel) for panel in explain)), False),
        (_call_to_action(h), True),
        *[(_split_panel(h, panel, 3), False) for panel in act],
        (_numbers(h), False),
        (_references(h), True),  # the sources on a page of their own, as in a printed leaflet
    ]


def plan(sheet: Sheet, h: Handout, page_w: float, page_h: float) -> list[list[tuple[Section, float]]]:
    """Which section goes on which page, and where; the type shrinks a little if that saves a page."""
    for scale in TYPE_SCALES:
        sheet.scale = scale
        pages = _plan(sheet, h, page_w, page_h)
        if len(pages) <= PAGES:
            break
    return pages


def _plan(sheet: Sheet, h: Handout, page_w: float, page_h: float) -> list[list[tuple[Section, float]]]:
    sheet.dry = True
    width, bottom = page_w - 2 * MARGIN, page_h - MARGIN - FOOTER
    pages: list[list[tuple[Section, float]]] = [[]]
    top = MARGIN
    for section, new_page in sections(h):
        end = section(sheet, MARGIN, top, width)
        if pages[-1] and (new_page or end > bottom):
            pages.append([])
            top = MARGIN
            end = section(sheet, MARGIN, top, width)
        pages[-1].append((section, top))
        top = end + GAP
    sheet.dry = False
    return pages


def paint_page(sheet: Sheet, h: Handout, page: list[tuple[Section, float]], number: int, count: int,
               page_w: float, page_h: float) -> None:
    """Paint one planned page, with its footer: the disclaimer, the review date and the page number."""
    width = page_w - 2 * MARGIN
    for section, top in page:
        section(sheet, MARGIN, top, width)
    c, p = h.content, h.palette
    y = page_h - MARGIN - FOOTER + 8
    sheet.rule(MARGIN, y, page_w - MARGIN, p.border)
    left = ui("handout_footer", app=ui("app_name"))
    right = ui("handout_footer_right", version=c.content_version, date=c.last_reviewed, page=number,
               pages=count)
    right_w = sheet.role_width(right, "small") + 2
    sheet.text(left, "small", MARGIN, y + 3, width - right_w - GAP, p.muted)
    sheet.text(right, "small", page_w - MARGIN - right_w, y + 3, right_w, p.muted)


def paint_pages(painter: QPainter, h: Handout, family: str, page_w: float, page_h: float,
                next_page: Callable[[int], None]) -> int:
    """Plan and paint every page; `next_page(i)` readies the device for page i (from 1). Returns the count."""
    sheet = Sheet(painter, family, h.palette.text)
    pages = plan(sheet, h, page_w, page_h)
    for index, page in enumerate(pages):
        if index:
            next_page(index)
        paint_page(sheet, h, page, index + 1, len(pages), page_w, page_h)
    return len(pages)
