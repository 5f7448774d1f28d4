"""The charts in the desktop window and on the projector: reachable, described, readable, and light."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sepsis_viewer.charts.data import all_charts
from sepsis_viewer.tour import NUMBERS

CHART_IDS = ["cases-and-deaths", "hospital-deaths", "children-share"]


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def texts_of(figure) -> list[str]:
    from matplotlib.text import Text

    return [t.get_text() for t in figure.findobj(Text) if t.get_text()]


FIRST_FRAME = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    def check():
        loaded = sorted(m for m in sys.modules if m.startswith("matplotlib"))
        print("matplotlib modules:", loaded)
        app.exit(3 if loaded else 0)
    QTimer.singleShot(500, check)  # the window has painted its first frame by then
    from sepsis_viewer.app import main
    sys.exit(main(sys.argv[1:]))
""")


@pytest.mark.parametrize("args", [[], ["--projector"], ["--select", "numbers"]], ids=["desktop", "projector", "numbers"])
def test_start_up_to_the_first_frame_loads_no_matplotlib(tmp_path, args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", FIRST_FRAME, *args], capture_output=True, text=True, env=env,
                            timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "matplotlib modules: []" in result.stdout


def test_a_chart_step_loads_matplotlib_when_first_needed(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", FIRST_FRAME, "--select", "hospital-deaths"], capture_output=True,
                            text=True, env=env, timeout=120)
    assert result.returncode == 3 and "'matplotlib.figure'" in result.stdout  # the check above can fail


def test_the_numbers_card_opens_the_numbers_and_each_chart_is_one_click_away(qtbot, window, content):
    click(qtbot, window.header.numbers)
    assert window.tour.current.id == NUMBERS
    assert [link.text() for link in window.detail.links] == [c.title for c in content.numbers.charts]
    for index, chart in enumerate(content.numbers.charts):
        click(qtbot, window.header.numbers)
        click(qtbot, window.detail.links[index])
        assert window.tour.current.id == chart.id and window.detail.chart.isVisibleTo(window)
        assert window.header.numbers.isChecked()  # still within the numbers
        assert window.detail.chart.canvas.data.title == chart.title


def test_the_charts_are_reachable_with_the_keyboard(qtbot, window):
    window.select(NUMBERS)
    link = window.detail.links[1]
    assert link.focusPolicy() & Qt.FocusPolicy.TabFocus
    link.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(link, Qt.Key.Key_Space)
    assert window.tour.current.id == "hospital-deaths"
    button = window.detail.chart.button
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_the_text_alternative_is_for_screen_readers_and_shown_on_request(qtbot, window, content):
    window.select("cases-and-deaths")
    chart = content.numbers.chart("cases-and-deaths")
    panel = window.detail.chart
    assert panel.canvas.accessibleName() == f"Chart: {chart.title}"
    assert panel.canvas.accessibleDescription() == chart.text and "60.2" in chart.text
    assert not panel.text.isVisibleTo(window)
    panel.button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(panel.button, Qt.Key.Key_Space)
    assert panel.text.isVisibleTo(window) and panel.text.text() == chart.text
    qtbot.wait(20)  # scrolled into view
    shown = panel.text.mapTo(window.detail.viewport(), panel.text.rect().bottomLeft())
    assert window.detail.viewport().rect().contains(shown)
    assert panel.text.textFormat() == Qt.TextFormat.PlainText
    qtbot.keyClick(panel.button, Qt.Key.Key_Space)
    assert not panel.text.isVisibleTo(window)
    window.select("children-share")  # another chart starts folded again
    assert not panel.text.isVisibleTo(window) and panel.canvas.accessibleDescription().startswith("Of about 48.9")


def test_each_chart_shows_its_numbers_source_and_year(qtbot, window, content):
    for data in all_charts(content):
        window.select(data.id)
        qtbot.wait(10)  # laid out and drawn
        words = texts_of(window.detail.chart.canvas.figure)
        assert data.source_line in words and all(bar.value_text in " ".join(words) for bar in data.bars)
        assert all(str(year) in data.source_line for year in {content.numbers.figure(b.figure).year
                                                              for b in content.numbers.chart(data.id).bars})


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _check_axes_chart(figure, data) -> None:
    """The figure is one matplotlib Axes chart of `data`: bars, labels and hatching from the data."""
    from matplotlib.container import BarContainer
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    (ax,) = figure.axes
    assert figure.texts == [] and figure.patches == []  # nothing placed on the figure by hand
    assert isinstance(figure.get_layout_engine(), ConstrainedLayoutEngine)
    containers = [c for c in ax.containers if isinstance(c, BarContainer)]
    if data.kind == "share":
        part, rest = (c.patches[0] for c in containers)
        assert (part.get_width(), rest.get_x()) == (data.share, data.share)
        assert not part.get_hatch() and rest.get_hatch()  # the rest of the whole is hatched
        assert ax.get_title(loc="left") == data.share_text
        shown = [_one_line(t.get_text()) for t in ax.get_legend().get_texts()]
        assert shown == [data.part_text, data.rest_label, data.whole_text]
        return
    (bars,) = containers
    assert [patch.get_width() for patch in bars] == [bar.value for bar in data.bars]
    assert [_one_line(t.get_text()) for t in ax.get_yticklabels()] == [bar.label for bar in data.bars]
    assert [t.get_text() for t in ax.texts[:len(data.bars)]] == [bar.value_text for bar in data.bars]  # bar_label
    # An earlier year's bar is hatched: the difference reads without colour.
    assert [bool(patch.get_hatch()) for patch in bars] == [not bar.latest for bar in data.bars]
    assert not any(ax.spines[side].get_visible() for side in ("top", "right", "bottom"))


def test_each_chart_on_screen_is_a_matplotlib_axes_chart(qtbot, window, content):
    for data in all_charts(content):
        window.select(data.id)
        qtbot.wait(10)
        _check_axes_chart(window.detail.chart.canvas.figure, data)


def test_chart_words_are_plain_text_in_the_bundled_font(content):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import fontManager
    from matplotlib.text import Text

    from sepsis_viewer import paths
    from sepsis_viewer.charts.data import chart_data
    from sepsis_viewer.charts.draw import ChartStyle, draw_chart
    from sepsis_viewer.record import replace

    data = chart_data(content, "cases-and-deaths")
    data = replace(data, bars=(replace(data.bars[0], label="US$ 5 to $10"), *data.bars[1:]))
    style = ChartStyle("Atkinson Hyperlegible", 16, 13, "#16232B", "#46555F", "#FFFFFF", "#1D4F7A")
    figure = Figure(figsize=(8, 5), dpi=72, layout="constrained")
    FigureCanvasAgg(figure)
    draw_chart(figure, data, style)
    figure.canvas.draw()
    texts = [t for t in figure.findobj(Text) if t.get_text()]
    assert "US$ 5 to $10" in [t.get_text() for t in texts]  # a dollar sign, not the start of mathematics
    assert not any(t.get_parse_math() or t.get_usetex() for t in texts)
    fonts = {Path(fontManager.findfont(t.get_fontproperties())).parent for t in texts}
    assert fonts == {paths.fonts_dir()}, fonts


def _chart_text_problems(canvas, min_px: float) -> list[str]:
    """Chart words smaller than `min_px`, outside the figure, or on top of one another."""
    from matplotlib.text import Text

    figure = canvas.figure
    canvas.draw()
    renderer = canvas.get_renderer()
    scale = figure.dpi / 72  # device pixels per logical pixel
    texts = [t for t in figure.findobj(Text) if t.get_text() and t.get_visible()]
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts]
    problems = [f"{t.get_text()!r} is {t.get_fontsize():.1f} px" for t in texts if t.get_fontsize() < min_px]
    bounds = figure.bbox
    for text, box in boxes:
        if box.x0 < bounds.x0 - 1 or box.x1 > bounds.x1 + 1 or box.y0 < bounds.y0 - 1 or box.y1 > bounds.y1 + 1:
            problems.append(f"{text!r} is cut off at {box} in {bounds}")
    for i, (a, box_a) in enumerate(boxes):
        for b, box_b in boxes[i + 1:]:
            overlap_x = min(box_a.x1, box_b.x1) - max(box_a.x0, box_b.x0)
            overlap_y = min(box_a.y1, box_b.y1) - max(box_a.y0, box_b.y0)
            if overlap_x > scale and overlap_y > scale:
                problems.append(f"{a!r} overlaps {b!r}")
    return problems


SIZES = [(1024, 768), (1920, 1080), (3840, 2160)]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_desktop_charts_are_readable_unclipped_and_apart(qtbot, window, size):
    window.resize(*size)
    for chart_id in CHART_IDS:
        window.select(chart_id)
        qtbot.wait(10)
        problems = _chart_text_problems(window.detail.chart.canvas, 12)
        assert problems == [], (chart_id, problems)


@pytest.mark.parametrize("size", SIZES + [(2560, 1080), (1280, 1024)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_projected_charts_follow_the_projector_type_sizes(qtbot, content, size):
    from sepsis_viewer.ui.projector.audience import AudienceView
    from sepsis_viewer.ui.widgets.fonts import register_fonts
    from sepsis_viewer.ui.projector.control import ProjectorController
    from sepsis_viewer.ui.widgets.theme import MIN_TEXT_FRACTION, PROJECTOR

    view = AudienceView(content, ProjectorController(content), register_fonts())
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    for chart_id in CHART_IDS:
        view.controller.select(chart_id)
        qtbot.wait(10)
        panel = view.slide.chart
        assert panel.isVisibleTo(view) and panel.canvas.data.id == chart_id
        assert panel.canvas.style.bar == PROJECTOR.accent and panel.canvas.style.text == PROJECTOR.text
        problems = _chart_text_problems(panel.canvas, MIN_TEXT_FRACTION * size[1])
        assert problems == [], (chart_id, problems)
        assert panel.canvas.height() >= 0.25 * size[1]  # a real chart, not a sliver
        _check_axes_chart(panel.canvas.figure, panel.canvas.data)
        assert panel.canvas.accessibleDescription() == panel.canvas.data.text  # the text alternative


def _figures() -> int:
    from matplotlib.figure import Figure

    gc.collect()
    return sum(isinstance(o, Figure) for o in gc.get_objects())


def test_redraws_reuse_one_figure_and_its_artists_do_not_pile_up(qtbot, window, content):
    """The memory of a thousand redraws is measured in `make bench` (benchmarks/chart_redraws.py)."""
    from sepsis_viewer.ui.widgets.chart_view import chart_style
    from sepsis_viewer.ui.widgets.theme import DESKTOP, PROJECTOR, SlideMetrics, metrics_for

    window.select(CHART_IDS[0])
    qtbot.wait(10)
    canvas = window.detail.chart.canvas
    figure = canvas.figure
    charts = all_charts(content)
    styles = [chart_style(DESKTOP, "Atkinson Hyperlegible", metrics_for(1280, 800)),
              chart_style(PROJECTOR, "Atkinson Hyperlegible", SlideMetrics(1080))]  # a theme switch
    seen: dict[tuple[str, int], set[int]] = {}
    for i in range(36):
        chart, style = i % 3, (i // 3) % 2
        canvas.show_chart(charts[chart], styles[style])
        QApplication.processEvents()  # the page gives the canvas the height of its chart at this size
        canvas.draw()
        assert canvas.figure is figure and len(figure.axes) == 1
        seen.setdefault((chart, style), set()).add(len(figure.findobj()))
    assert all(len(counts) == 1 for counts in seen.values()), seen  # each drawing the same size every time
    assert _figures() == 1


def test_tour_passes_keep_one_figure_per_slot(qtbot, window):
    window.select(CHART_IDS[0])
    figure = window.detail.chart.canvas.figure
    before = _figures()
    for _ in range(10):
        for step in window.tour.steps:
            window.select(step.id)
        QApplication.processEvents()
    assert window.detail.chart.canvas.figure is figure and _figures() == before


def test_switching_content_frees_the_old_figure(qtbot, window, content):
    from PySide6.QtCore import QCoreApplication, QEvent

    window.select(CHART_IDS[1])
    qtbot.wait(10)
    before = _figures()
    for _ in range(20):
        window.set_content(content)  # what opening another file or language does: the views are built anew
        qtbot.wait(1)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.tour.current.id == CHART_IDS[1] and _figures() == before == 1
