"""The clinician's review sheet as a PDF: every statement beside the full citations it rests on,
the content's version and review date, and a sign-off block (Qt: QPdfWriter and QTextDocument).

The words come from review_statements.py; this module only lays them out. The text stays real
text in the bundled font, so that the sheet can be searched, and read by a screen reader.
"""

from __future__ import annotations

import datetime
from html import escape
from pathlib import Path

from sepsis_viewer.review_statements import ReviewSheet
from sepsis_viewer.strings import ui

PAPERS = ("a4", "letter")
_DPI = 300
_MARGIN_MM = 15.0


def sheet_html(sheet: ReviewSheet, printed: datetime.date) -> str:
    """The review sheet as the simple HTML that QTextDocument lays out."""
    refs = {ref.id: ref for ref in sheet.references}
    status = ui("clinician_reviewed" if sheet.reviewed else "clinician_not_reviewed")
    if sheet.translated_from:
        status += " " + ui("translation_reviewed" if sheet.reviewed else "translation_status")
    details = ui("review_details", version=sheet.content_version, language=sheet.language, date=sheet.last_reviewed)
    parts = [
        f"<h1>{escape(ui('review_title'))}</h1>",
        f"<p><b>{escape(details)}</b> · {escape(ui('review_printed', date=printed.isoformat()))}</p>",
        f"<h3>{escape(ui('review_status_heading'))}</h3><p>{escape(status)}</p>",
        f"<p>{escape(ui('review_intro'))}</p>",
        '<table width="100%" border="1" cellspacing="0" cellpadding="5">',
        f"<thead><tr><th width='60%'>{escape(ui('review_statement'))}</th>"
        f"<th width='40%'>{escape(ui('review_cited'))}</th></tr></thead>",
    ]
    number = 0
    for group in _groups(sheet.statements):
        cells, where = [], None
        for statement in group:
            number += 1
            if statement.where != where:
                where = statement.where
                note = f" — <i>{escape(ui('review_teacher_note'))}</i>" if not statement.public else ""
                cells.append(f"<span style='color:#4a5560; font-size:8pt'>{escape(where)}{note}</span>")
            cells.append(f"<b>{number}.</b> {escape(statement.text)}")
        cited = "<br/><br/>".join(_citation(refs[ref_id]) for ref_id in group[0].sources)
        parts.append(
            f"<tr><td>{'<br/>'.join(cells)}</td>"
            f"<td style='font-size:8pt'>{cited or '<i>' + escape(ui('review_none_cited')) + '</i>'}</td></tr>")
    parts.append("</table>")
    parts.append(f"<h2>{escape(ui('references_heading'))}</h2><ol>")
    parts += [f"<li>{_citation(ref)}</li>" for ref in sheet.references]
    parts.append("</ol>")
    lines = "<br/>".join(["_" * 90] * 4)
    fields = escape(ui("review_signoff_fields")).replace("\n", "<br/>")
    # The sign-off starts a page of its own, so that it is never split from its signature line.
    parts.append(f"<h2 style='page-break-before: always'>{escape(ui('review_signoff_heading'))}</h2>"
                 f"<p>{escape(ui('review_corrections'))}<br/><br/>{lines}</p>"
                 f"<p>{escape(ui('review_signoff_text'))}</p><p><br/>{fields}</p>")
    return "\n".join(parts)


def _groups(statements) -> list[list]:
    """Neighbouring statements that cite the same references (a stage's texts, an item's), so that
    each row prints its citations once."""
    groups: list[list] = []
    for statement in statements:
        if groups and (groups[-1][0].sources, groups[-1][0].public) == (statement.sources, statement.public):
            groups[-1].append(statement)
        else:
            groups.append([statement])
    return groups


def _citation(ref) -> str:
    text = escape(ref.citation)
    return f"{text} {escape(ref.url)}" if ref.url else text


def write_review_sheet(path: Path, sheet: ReviewSheet, family: str, paper: str = "a4",
                       printed: datetime.date | None = None) -> int:
    """Write the sheet as a PDF at `path`; returns its page count. OSError if it cannot be written."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    from sepsis_viewer.version import app_version

    with open(path, "wb"):  # says plainly why a path cannot be written (Qt would only say "false")
        pass
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4 if paper == "a4" else QPageSize.PageSizeId.Letter))
    writer.setPageMargins(QMarginsF(_MARGIN_MM, _MARGIN_MM, _MARGIN_MM, _MARGIN_MM), QPageLayout.Unit.Millimeter)
    writer.setResolution(_DPI)
    writer.setTitle(ui("review_title"))
    writer.setCreator(f"{ui('app_name')} {app_version()}")
    document = QTextDocument()
    font = QFont(family)
    font.setPointSizeF(10.0)
    document.setDefaultFont(font)
    document.setHtml(sheet_html(sheet, printed or datetime.date.today()))
    # Laid out at the screen's logical resolution, which turns the font's points into pixels;
    # print_ then scales the page to the writer.
    dpi = QGuiApplication.primaryScreen().logicalDotsPerInch() if QGuiApplication.primaryScreen() else 96.0
    document.setPageSize(writer.pageLayout().paintRect(QPageLayout.Unit.Inch).size() * dpi)
    document.print_(writer)
    return document.pageCount()
