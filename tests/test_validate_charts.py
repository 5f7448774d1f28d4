"""Charts in a content file: ids resolve, unknown fields are refused, figures can share an axis."""

from __future__ import annotations

import pytest

from sepsis_viewer.content import load_content, validate_file
from test_validate import only_problem, problems_of


def charts(doc) -> list:
    return doc["numbers"]["charts"]


def test_bundled_charts_load_with_their_bars(content):
    ids = [chart.id for chart in content.numbers.charts]
    assert ids == ["cases-and-deaths", "hospital-deaths", "children-share"]
    trend = content.numbers.chart("cases-and-deaths")
    assert [content.numbers.figure(b.figure).value for b in trend.bars] == [60.2, 48.9, 15.7, 11.0]
    share = content.numbers.chart("children-share")
    assert share.kind == "share" and share.rest_label
    assert [b.figure for b in share.bars] == ["children-under-5-2017", "global-cases-2017"]


def test_a_file_without_charts_is_still_valid(write_content):
    path = write_content(lambda d: d["numbers"].pop("charts"))
    assert validate_file(path) == []
    assert load_content(path).numbers.charts == ()


def test_a_chart_naming_a_missing_figure(write_content):
    path = write_content(lambda d: charts(d)[0]["bars"][1].update(figure="global-cases-2071"))
    assert only_problem(path) == (f"{path}: /numbers/charts/0/bars/1/figure: names the figure "
                                  '"global-cases-2071", which is not in /numbers/figures (did you mean '
                                  '"global-cases-2017"?)')


def test_a_figure_named_twice(write_content):
    path = write_content(lambda d: charts(d)[1]["bars"][1].update(figure="hospital-mortality-sepsis"))
    assert only_problem(path).endswith('/numbers/charts/1/bars/1/figure: names the figure '
                                       '"hospital-mortality-sepsis" twice')


def test_unknown_chart_field_and_kind(write_content):
    path = write_content(lambda d: charts(d)[0].update(colour="red", kind="pie"))
    found = problems_of(path)
    assert any(p.startswith(f"{path}: /numbers/charts/0/colour: unknown field") for p in found), found
    assert f'{path}: /numbers/charts/0/kind: "pie" is not one of: bars, share' in found


def test_unknown_bar_field(write_content):
    path = write_content(lambda d: charts(d)[0]["bars"][0].update(figur="x"))
    assert "/numbers/charts/0/bars/0/figur: unknown field" in only_problem(path)


@pytest.mark.parametrize("field, limit", [("title", 80), ("text", 400), ("note", 200), ("rest_label", 40)])
def test_chart_text_lengths_are_bounded(write_content, field, limit):
    path = write_content(lambda d: charts(d)[2].update({field: "x" * (limit + 1)}))
    assert only_problem(path).endswith(f"/numbers/charts/2/{field}: text is too long ({limit + 1} characters; "
                                       f"the limit is {limit})")


def test_bar_count_is_bounded(write_content):
    path = write_content(lambda d: charts(d)[0].update(bars=[]))
    assert only_problem(path).endswith("/numbers/charts/0/bars: needs at least 1 entry")


def test_a_chart_id_must_be_unique_and_not_reserved(write_content):
    path = write_content(lambda d: charts(d)[1].update(id="lungs"))
    assert 'the id "lungs" is already used at /infection_sources/items/0' in only_problem(path)
    path = write_content(lambda d: charts(d)[1].update(id="numbers"))
    assert '"numbers" is reserved' in only_problem(path)


def test_a_share_chart_needs_a_part_a_whole_and_a_name_for_the_rest(write_content):
    path = write_content(lambda d: charts(d)[2].pop("rest_label"))
    assert only_problem(path).endswith('/numbers/charts/2: missing the required field "rest_label"')
    path = write_content(lambda d: charts(d)[2]["bars"].pop())
    assert only_problem(path).endswith("/numbers/charts/2/bars: needs at least 2 entries")


def test_a_share_larger_than_its_whole_is_refused(write_content):
    def swap(d):
        charts(d)[2]["bars"].reverse()

    path = write_content(swap)
    assert 'the part "global-cases-2017" is larger than the whole "children-under-5-2017"' in only_problem(path)


def test_rest_label_belongs_to_share_charts_only(write_content):
    path = write_content(lambda d: charts(d)[1].update(rest_label="Others"))
    assert only_problem(path).endswith('/numbers/charts/1/rest_label: only a "share" chart has a rest_label')


def test_figures_in_different_units_cannot_share_an_axis(write_content):
    def mix(d):
        charts(d)[1]["bars"][1]["figure"] = "share-of-deaths-2017"
        charts(d)[1]["text"] += " 19.7"

    path = write_content(mix)
    found = problems_of(path)
    assert any("/numbers/charts/1/bars: puts figures in '%' and 'more than {value}%' on one axis" in p
               for p in found), found


def test_figures_of_different_years_or_sources_need_a_note(write_content):
    path = write_content(lambda d: charts(d)[0].pop("note"))
    assert only_problem(path).endswith('/numbers/charts/0: its figures differ in year or source; add a "note" '
                                       "that says how they can be compared")


def test_the_text_alternative_must_give_every_number(write_content):
    path = write_content(lambda d: charts(d)[0].update(text="Cases and deaths fell between 1990 and 2017."))
    found = problems_of(path)
    assert len(found) == 4 and all("/numbers/charts/0/text: the text alternative does not give the number" in p
                                   for p in found)
    assert any("15.7" in p for p in found)


def test_a_unit_may_hold_one_value_placeholder(write_content):
    path = write_content(lambda d: d["numbers"]["figures"][2].update(unit="{value} {%}"))
    assert only_problem(path).endswith('/numbers/figures/2/unit: may hold "{value}" once, where the number goes, '
                                       "and no other braces")
