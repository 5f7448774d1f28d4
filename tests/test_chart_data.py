"""The charts' data: every number, unit, year and source comes from the content; the tour walks them."""

from __future__ import annotations

import subprocess
import sys

from sepsis_viewer.charts.data import all_charts, chart_data, share_words
from sepsis_viewer.pages import notes_for, page_for, zoom_for
from sepsis_viewer.tour import NUMBERS, build_tour


def test_cases_and_deaths_1990_and_2017_with_source_and_years(content):
    data = chart_data(content, "cases-and-deaths")
    assert [(b.label, b.value_text) for b in data.bars] == [
        ("Cases in 1990", "60.2 million"), ("Cases in 2017", "48.9 million"),
        ("Deaths in 1990", "15.7 million"), ("Deaths in 2017", "11.0 million")]
    assert [b.latest for b in data.bars] == [False, True, False, True]
    assert data.source_line == "Source: Rudd et al., Lancet 2020 · figures for 1990 and 2017"
    assert "same way" in data.note  # two years on one axis, and the chart says how they compare


def test_hospital_deaths_sepsis_and_septic_shock_are_lower_limits(content):
    data = chart_data(content, "hospital-deaths")
    assert [(b.label, b.value_text) for b in data.bars] == [("Sepsis", "more than 10%"),
                                                            ("Septic shock", "more than 40%")]
    assert "Singer et al., JAMA 2016 (Sepsis-3)" in data.source_line and "Sepsis-3" in data.note


def test_the_share_of_children_under_five_is_worked_out_from_the_figures(content):
    data = chart_data(content, "children-share")
    assert data.kind == "share" and round(data.share, 3) == round(20.3 / 48.9, 3)
    assert data.share_text == "About 4 in 10" and data.whole_text == "All ages: 48.9 million"
    assert data.bars[0].value_text == "20.3 million" and data.rest_label == "Everyone aged 5 and over"


def test_share_words_at_the_ends():
    assert share_words(0.01) == "Fewer than 1 in 10" and share_words(0.99) == "More than 9 in 10"
    assert share_words(0.5) == "About 5 in 10"


def test_charts_follow_the_content_not_the_code(write_content):
    from sepsis_viewer.content import load_content

    def change(d):
        d["numbers"]["figures"][0].update(value=50.1, year=2018)  # global-cases-2017
        d["numbers"]["charts"][0]["text"] = d["numbers"]["charts"][0]["text"].replace("48.9", "50.1")
        d["numbers"]["charts"][2]["text"] = d["numbers"]["charts"][2]["text"].replace("48.9", "50.1")
        d["numbers"]["charts"][2]["note"] = "Two years: 2017 and 2018."

    content = load_content(write_content(change))
    data = chart_data(content, "cases-and-deaths")
    assert data.bars[1].value_text == "50.1 million" and "1990, 2017 and 2018" in data.source_line
    assert [b.latest for b in data.bars] == [False, True, False, False]


def test_every_chart_is_a_step_of_the_tour_after_the_numbers(content):
    steps = build_tour(content)
    ids = [s.id for s in steps]
    start = ids.index(NUMBERS) + 1
    assert ids[start:start + 3] == ["cases-and-deaths", "hospital-deaths", "children-share"]
    assert all(steps[start + i].kind == "chart" for i in range(3))
    assert ids[-1] == "call-to-action"


def test_chart_pages_carry_the_chart_and_its_text_alternative(content):
    for data in all_charts(content):
        page = page_for(content, data.id)
        assert page.title == data.title and page.kicker == content.numbers.title
        (block,) = page.blocks
        assert block.kind == "chart" and block.targets == (data.id,) and block.text == data.text
        assert notes_for(content, data.id) and zoom_for(content, data.id).title == data.title


def test_the_numbers_page_links_to_every_chart(content):
    links = [b for b in page_for(content, NUMBERS).blocks if b.kind == "links"]
    assert len(links) == 1
    assert links[0].targets == tuple(c.id for c in content.numbers.charts)
    assert links[0].items == tuple(c.title for c in content.numbers.charts)


def test_chart_data_loads_neither_qt_nor_matplotlib():
    code = ("import sys; from sepsis_viewer.content import load_content; from sepsis_viewer.charts.data import "
            "all_charts; all_charts(load_content()); "
            "assert not [m for m in sys.modules if m.startswith(('PySide6', 'matplotlib'))]")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
