"""The printable handout: a searchable two-page PDF with the bundled font, from the command line and the menu."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pypdf import PdfReader

from sepsis_viewer.app import main
from sepsis_viewer.strings import ui
from sepsis_viewer.charts.data import all_charts

POINTS = {"a4": (595, 842), "letter": (612, 792)}  # whole points, as the PDF states them


def pdf_text(path) -> str:
    """The PDF's words, with line breaks and runs of spaces made single spaces."""
    words = " ".join(page.extract_text() for page in PdfReader(str(path)).pages)
    return re.sub(r"\s+", " ", words)


@pytest.fixture(scope="module")
def handout_pdf(tmp_path_factory):
    out = tmp_path_factory.mktemp("handout") / "handout.pdf"
    result = subprocess.run([sys.executable, "-m", "sepsis_viewer", "export-handout", str(out)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert f"{out}: 3 pages, a4" in result.stdout
    return out


def test_the_handout_is_two_a4_pages_and_one_of_sources(handout_pdf, content):
    pages = PdfReader(str(handout_pdf)).pages
    assert len(pages) == 3
    last = re.sub(r"\s+", " ", pages[2].extract_text())
    assert all(f"{n}. {ref.citation.split()[0]}" in last for n, ref in enumerate(content.references, start=1))
    for page in pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == POINTS["a4"]


def test_the_key_figures_and_chart_sources_are_searchable_text(handout_pdf, content):
    text = pdf_text(handout_pdf)
    for value in ("60.2 million", "48.9 million", "15.7 million", "11.0 million", "more than 10%", "more than 40%",
                  "20.3 million", "About 4 in 10", "19.7%", "85%", "26.7%", "41.9%"):
        assert value in text, value
    for data in all_charts(content):
        assert data.title in text and data.source_line in text


def _images(resources) -> list[tuple[int, int]]:
    """The sizes of the raster images a page's resources hold, in forms and patterns too."""
    found = []
    resources = resources.get_object() if resources is not None else {}
    children = [*resources.get("/XObject", {}).values(), *resources.get("/Pattern", {}).values()]
    for child in (c.get_object() for c in children):
        if child.get("/Subtype") == "/Image":
            found.append((int(child["/Width"]), int(child["/Height"])))
        else:
            found += _images(child.get("/Resources"))
    return found


def test_the_charts_are_printed_as_text_and_vector_shapes(handout_pdf, content):
    page = PdfReader(str(handout_pdf)).pages[1]  # the numbers are on page 2
    words = re.sub(r"\s+", " ", page.extract_text())
    for data in all_charts(content):
        shown = [data.share_text, data.part_text, data.rest_label, data.whole_text] if data.kind == "share" else \
            [text for bar in data.bars for text in (bar.label, bar.value_text)]
        assert all(text in words for text in shown), (data.id, shown)
    # Qt would paint a hatch pattern as an image the size of an inch at 1200 dpi.
    assert [size for size in _images(page["/Resources"]) if size[0] * size[1] > 64 * 64] == []


def test_the_printed_chart_is_the_screen_figure_written_as_svg(content):
    import xml.etree.ElementTree as ET

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.text import Text

    from sepsis_viewer.charts.draw import ChartStyle, draw_chart
    from sepsis_viewer.charts.printed import chart_svg

    style = ChartStyle("Atkinson Hyperlegible", 9, 7, "#16232B", "#46555F", "#FFFFFF", "#1D4F7A", fallback="")
    for data in all_charts(content):
        svg = ET.fromstring(chart_svg(data, style, 260, 180))
        tags = {element.tag.rpartition("}")[2] for element in svg.iter()}
        assert not tags & {"pattern", "image"}, tags  # hatching as lines, nothing raster
        printed = " ".join(t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")).split()
        screen = Figure(figsize=(260 / 72, 180 / 72), dpi=72)
        FigureCanvasAgg(screen)
        draw_chart(screen, data, style)
        screen.canvas.draw()
        drawn = " ".join(t.get_text() for t in screen.findobj(Text) if t.get_text() and t.get_visible()).split()
        assert sorted(printed) == sorted(drawn) and data.source_line in " ".join(printed)


def test_the_warning_signs_and_what_to_do_are_there(handout_pdf, content):
    text = pdf_text(handout_pdf)
    cta = content.call_to_action
    for sign in (*cta.signs, *cta.children_signs):
        assert sign in text, sign
    assert cta.action() in text and cta.emergency_note in text and cta.skin_note in text


def test_the_diagram_mechanisms_sources_risk_groups_references_and_review_date(handout_pdf, content):
    text = pdf_text(handout_pdf)
    for stage in content.stages:
        assert stage.title in text and stage.summary in text
    assert content.model_note.label in text and content.model_note.text in text
    for panel in content.panels:
        assert panel.title in text
        assert all(item.title in text and item.summary in text for item in panel.items)
    for ref in content.references:
        assert ref.citation in text, ref.id
        assert ref.url is None or ref.url in text
    assert f"last reviewed {content.last_reviewed}" in text and content.disclaimer in text


def test_the_bundled_font_is_embedded(handout_pdf):
    fonts = {}
    for page in PdfReader(str(handout_pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), fonts
    assert all("AtkinsonHyperlegible" in name for name in fonts), fonts


def test_letter_paper_and_a_poster_image(tmp_path, qapp):
    pdf, png = tmp_path / "letter.pdf", tmp_path / "poster.png"
    assert main(["export-handout", str(pdf), "--paper", "letter", "--png", str(png), "--dpi", "150"]) == 0
    pages = PdfReader(str(pdf)).pages
    assert len(pages) == 3 and round(float(pages[0].mediabox.height)) == 792
    image = QImage(str(png))
    # The Letter pages side by side with gutters, at 150 dpi, and the PNG says so.
    assert image.height() == round(792 * 150 / 72) and image.width() == round((3 * 612 + 2 * 24) * 150 / 72)
    assert round(image.dotsPerMeterX() * 0.0254) == 150
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 13) for y in range(0, image.height(), 13)}
    assert "#1d4f7a" in colours and len(colours) > 20  # the chart bars and the stage colours are drawn


@pytest.mark.parametrize("args, words", [
    (["--lang", "de"], "no bundled content in 'de'; the languages are: en"),
    (["--paper", "a3"], "invalid choice: 'a3'"),
    (["--dpi", "5000"], "5000 is outside 72 to 600"),
    ([], "give OUT.pdf, --png OUT.png or both"),
])
def test_usage_errors_are_plain(tmp_path, capsys, args, words):
    out = [str(tmp_path / "x.pdf")] if args else []
    assert main(["export-handout", *out, *args]) == 2
    assert words in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_an_unwritable_place_fails_cleanly(tmp_path, capsys, qapp):
    assert main(["export-handout", str(tmp_path / "missing" / "x.pdf")]) == 1
    err = capsys.readouterr().err
    assert "could not write the handout" in err and "No such file or directory" in err and "Traceback" not in err


def test_a_custom_content_file_makes_its_own_handout(tmp_path, qapp, write_content):
    path = write_content(lambda d: d["call_to_action"].update(emergency_number="999"))
    out = tmp_path / "custom.pdf"
    assert main(["export-handout", str(out), "--content", str(path)]) == 0
    assert "Call 999 and ask: could it be sepsis?" in pdf_text(out)


def test_the_menu_exports_the_handout(qtbot, window, tmp_path, monkeypatch, handout_pdf):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "from-menu"  # no suffix: .pdf is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    action = next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "&Export handout…")
    action.trigger()
    assert pdf_text(target.with_suffix(".pdf")) == pdf_text(handout_pdf)
    assert not window.banner.isVisible()


def test_a_window_that_exported_keeps_no_figure_for_it(qtbot, window, tmp_path, monkeypatch):
    import gc

    from matplotlib.figure import Figure
    from PySide6.QtWidgets import QFileDialog

    def figures() -> int:
        gc.collect()
        return sum(isinstance(o, Figure) for o in gc.get_objects())

    window.select("cases-and-deaths")  # the window's one chart slot
    before = figures()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "kept.pdf"), ""))
    qtbot.keyClick(window, Qt.Key.Key_E, modifier=Qt.KeyboardModifier.ControlModifier)
    assert (tmp_path / "kept.pdf").exists() and figures() == before  # none more than the window had


def test_a_failed_export_is_said_in_the_banner(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "no" / "x.pdf"), ""))
    qtbot.keyClick(window, Qt.Key.Key_E, modifier=Qt.KeyboardModifier.ControlModifier)
    assert window.banner.isVisible() and "could not be saved" in window.banner.text.text()
    assert window.isVisible()


def test_printing_gives_the_same_layout(qtbot, window, tmp_path, monkeypatch, handout_pdf):
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QDialog

    from sepsis_viewer.ui.desktop import handout_actions

    out = tmp_path / "printed.pdf"

    class ChoosePdfPrinter:  # a person picks "print to file" on A4 and presses Print
        def __init__(self, printer, parent=None):
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))
            from PySide6.QtGui import QPageSize

            printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))

        def exec(self):
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(handout_actions, "QPrintDialog", ChoosePdfPrinter)
    action = next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "&Print handout…")
    action.trigger()
    assert len(PdfReader(str(out)).pages) == 3
    assert pdf_text(out) == pdf_text(handout_pdf)


def test_page_one_has_the_body_map_in_vectors_with_each_stage_organ_named(handout_pdf, content):
    page = PdfReader(str(handout_pdf)).pages[0]
    words = re.sub(r"\s+", " ", page.extract_text())
    assert ui("body_map_title") in words and ui("body_map_handout_key") in words
    assert ui("body_map_credit") in words  # the drawing is CC BY 4.0: credited where it is printed
    names = ui("organ_names")
    for organ in {o for stage in content.stages for o in stage.organs}:
        stages = ", ".join(str(s.number) for s in content.stages if organ in s.organs)
        assert f"{names[organ]} ({stages})" in words, organ
    assert all(w * h <= 64 * 64 for w, h in _images(page.get("/Resources")))  # drawn, not pasted as a picture
