"""What a chart shows, worked out from the content: bars, their words and the source line (no Qt)."""

from __future__ import annotations

from sepsis_viewer.content.model import Chart, Content, Figure
from sepsis_viewer.content.numbers import NumberFormat, format_number, number_format, plain_number, with_unit
from sepsis_viewer.pages import sources_line
from sepsis_viewer.record import Record, replace
from sepsis_viewer.strings import language, ui


class Bar(Record):
    """One bar: its label, its value, the value as words and whether it is of the chart's latest year."""

    label: str
    value: float
    value_text: str
    latest: bool = True


class ChartData(Record):
    """Everything one chart draws; every number and word comes from the content."""

    id: str
    kind: str  # "bars", or "share": bars[0] is the part of the whole bars[1]
    title: str
    bars: tuple[Bar, ...]
    note: str
    source_line: str
    text: str  # the text alternative
    share_text: str = ""  # "About 4 in 10"
    part_text: str = ""  # "Children under 5: 20.3 million"
    whole_text: str = ""  # "All ages: 48.9 million"
    rest_label: str = ""

    @property
    def share(self) -> float:
        """A share chart's part as a fraction of its whole (0 for a bar chart)."""
        if self.kind != "share" or not self.bars[1].value:
            return 0.0
        return self.bars[0].value / self.bars[1].value

    @property
    def largest(self) -> float:
        return max((bar.value for bar in self.bars), default=0.0)


def _decimals(value: float) -> int:
    return len(plain_number(value).partition(".")[2])


def value_text(figure: Figure, decimals: int | None = None, fmt: NumberFormat | None = None) -> str:
    """A figure as it reads on a chart: "48.9 million", "19.7%", "more than 10%", "48,9 millions".

    `decimals` writes every number of one chart alike (11.0 beside 15.7); `fmt` is the content's
    language's way of writing numbers (by default, that of the interface words in use).
    """
    return with_unit(format_number(figure.value, fmt or number_format(language()), decimals), figure.unit)


def _years(years: list[int], count: int) -> str:
    if count == 1:
        return ui("chart_years_one", year=years[0])
    if len(years) == 1:
        return ui("chart_years_many", years=years[0])
    words = [str(y) for y in years]
    return ui("chart_years_many", years=ui("and_join", first=", ".join(words[:-1]), last=words[-1]))


def chart_source_line(content: Content, figures: list[Figure]) -> str:
    """"Source: …" with every reference the chart's figures cite, and their years."""
    refs: list[str] = []
    for figure in figures:
        refs += [ref for ref in figure.sources if ref not in refs]
    years = sorted({figure.year for figure in figures})
    return f"{sources_line(content, tuple(refs))} · {_years(years, len(figures))}"


def share_words(share: float) -> str:
    """A share as a reader pictures it: "About 4 in 10"."""
    if share < 0.05:
        return ui("share_under_one")
    if share > 0.95:
        return ui("share_over_nine")
    return ui("share_in_ten", count=round(share * 10))


def chart_data(content: Content, chart: Chart | str) -> ChartData:
    """The data of a chart of this content (by the chart or its id)."""
    if isinstance(chart, str):
        chart = content.numbers.chart(chart)
    figures = [content.numbers.figure(bar.figure) for bar in chart.bars]
    latest = max(figure.year for figure in figures)
    decimals = max(_decimals(figure.value) for figure in figures)
    fmt = number_format(content.language)
    bars = tuple(Bar(bar.label, figure.value, value_text(figure, decimals, fmt), figure.year == latest)
                 for bar, figure in zip(chart.bars, figures))
    data = ChartData(chart.id, chart.kind, chart.title, bars, chart.note, chart_source_line(content, figures),
                     chart.text, rest_label=chart.rest_label)
    if chart.kind == "share":
        part, whole = bars
        return replace(data, share_text=share_words(data.share),
                       part_text=ui("share_whole", label=part.label, value=part.value_text),
                       whole_text=ui("share_whole", label=whole.label, value=whole.value_text))
    return data


def all_charts(content: Content) -> list[ChartData]:
    """The data of every chart of the content, in order."""
    return [chart_data(content, chart) for chart in content.numbers.charts]
